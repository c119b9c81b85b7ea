"""Benchmark: how time and memory grow with the size of a document.

    python benchmarks/bench_scaling.py [--sizes 1,4,16] [--repeat 3]

Seed 000 holds three language versions one after another. A k-times larger
input repeats the body of each version k times inside that version, so the
file still holds three versions, each k times longer. Each size is checked in
a fresh process (models loaded first, on the 1x input, and not timed); the
script prints the CPU time of each stage, the CPU time per block, the wall
time and the peak memory (Python heap during the check, and the process),
with ratios against the 1x run of the same invocation. Linear growth shows as
a flat time per block and memory that grows by the size of the text, not its
square. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature  # noqa: E402
from ogpcheck.app.options import Options  # noqa: E402
from ogpcheck.app.pipeline import check, read_document  # noqa: E402
from ogpcheck.compare import rules as rule_registry  # noqa: E402
from ogpcheck.compare.engine import compare  # noqa: E402
from ogpcheck.versions.align import align  # noqa: E402

SEED = ROOT / "fixtures" / "seeds" / "000_2e39307007993178.txt"


def scaled(seed: Path, k: int, folder: Path) -> Path:
    """Seed with each version's body repeated ``k`` times inside its version
    (the lines between versions are kept once, where they are)."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    document = read_document([seed], Options())
    out: list[str] = []
    done = 0
    for version in document.versions:
        out += lines[done : version.first_line - 1]
        body = lines[version.first_line - 1 : version.last_line]
        for _ in range(k):
            out += [*body, ""]
        done = version.last_line
    out += lines[done:]
    path = folder / f"{seed.stem}_x{k}.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def stages(path: Path, options: Options) -> dict[str, float]:
    """CPU seconds spent in each stage of one check, as ``pipeline.check``
    runs them (CPU time of all threads: steadier than wall time on a shared
    machine), and the wall time of the whole."""
    enabled = rule_registry.select(rule_registry.all_rules(), options.select, options.ignore)
    times = {}
    wall, start = time.perf_counter(), time.process_time()
    document = read_document([path], options)
    times["read+split"] = time.process_time() - start
    start = time.process_time()
    groups = align(document.versions)
    times["align"] = time.process_time() - start
    start = time.process_time()
    compare(document, groups, enabled, options.langs)
    times["extract+compare"] = time.process_time() - start
    times["wall"] = time.perf_counter() - wall
    times["blocks"] = sum(len(v.blocks) for v in document.versions)
    times["versions"] = len(document.versions)
    return times


def worker(path: Path, repeat: int) -> None:
    """Measure one input in this (fresh) process and print JSON."""
    options = Options(langs=["en", "es", "fr"])
    check([SEED], options)  # load models and caches, untimed
    runs = [stages(path, options) for _ in range(repeat)]
    tracemalloc.start()
    check([path], options)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    result["heap_peak"] = heap_peak
    result["rss_peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kilobytes
    result["bytes"] = path.stat().st_size
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,4,16", help="multiples of seed 000, comma-separated (1 is always run)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (median)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.repeat)
        return
    sizes = sorted({1, *(int(k) for k in args.sizes.split(","))})
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for k in sizes:
            path = scaled(SEED, k, Path(folder))
            done = subprocess.run(
                [sys.executable, __file__, "--worker", str(path), "--repeat", str(args.repeat)],
                capture_output=True,
                text=True,
                check=True,
            )
            results[k] = json.loads(done.stdout.strip().splitlines()[-1])

    report(results, sizes, args.repeat)


def cpu(result: dict[str, float]) -> float:
    return result["read+split"] + result["align"] + result["extract+compare"]


def report(results: dict[int, dict[str, float]], sizes: list[int], repeat: int) -> None:
    base = results[1]
    base_per_block = 1000 * cpu(base) / base["blocks"]
    mb = 1e6
    print(signature([SEED], sizes=",".join(map(str, sizes)), repeat=repeat, langs="en,es,fr"))
    print(
        f"{'size':>5} {'MB':>6} {'blocks':>7} {'read+split':>10} {'align':>7} {'compare':>8} {'CPU s':>7}"
        f" {'wall s':>7} {'ms/block':>8} {'x 1x':>5} {'heap MB':>8} {'heap/MB in':>10} {'RSS MB':>7}"
    )
    for k in sizes:
        r = results[k]
        per_block = 1000 * cpu(r) / r["blocks"]
        print(
            f"{k:>4}x {r['bytes'] / mb:>6.2f} {r['blocks']:>7.0f} {r['read+split']:>10.2f} {r['align']:>7.2f}"
            f" {r['extract+compare']:>8.2f} {cpu(r):>7.2f} {r['wall']:>7.2f} {per_block:>8.3f}"
            f" {per_block / base_per_block:>5.2f} {r['heap_peak'] / mb:>8.1f} {r['heap_peak'] / r['bytes']:>10.1f}"
            f" {r['rss_peak'] / mb:>7.0f}"
        )
    top = results[sizes[-1]]
    print(
        f"growth {sizes[-1]}x vs 1x: input x{top['bytes'] / base['bytes']:.1f}, blocks x{top['blocks'] / base['blocks']:.1f},"
        f" CPU x{cpu(top) / cpu(base):.1f}, align CPU x{top['align'] / base['align']:.1f},"
        f" heap peak x{top['heap_peak'] / base['heap_peak']:.1f}"
    )
    if any(r["versions"] != 3 for r in results.values()):
        print("note: an input did not split into three versions:", {k: r["versions"] for k, r in results.items()})


if __name__ == "__main__":
    main()
