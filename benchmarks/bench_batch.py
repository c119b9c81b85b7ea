"""Benchmark: a batch run over generated documents with --jobs 1, --jobs 2
and on a local Dask cluster of two workers (--scheduler).

    python benchmarks/bench_batch.py [--docs 300] [--paragraphs 8] [--corpus DIR] [--no-cluster]

Writes small trilingual documents (``en/docNNN.md``, ``es/…``, ``fr/…``) in a
temporary folder, cut from the developer corpus (EN/ES/FR triples, windows of
consecutive paragraphs) when it is found, else from the handmade fixtures; one
document in ten gets a wrong number in French so the comparison does real
work. Each run is a new ``ogpcheck`` process, so the figures include start-up
and, for --jobs 2, starting the workers and loading models once in each.
Prints figures and a signature line; asserts nothing. Next to the speed-up it
prints what the machine gives two processes on pure-Python work, the ceiling
of the speed-up, and whether both runs printed the same report.

The cluster runs use a ``distributed.LocalCluster`` of two worker processes
(one thread each) started before the timing, as a cluster is started before
the runs it serves: the first run finds the workers cold and loads the models
in each, the second finds them warm. Both are timed against ``--jobs 1``, and
the cluster has its own signature line (dask.distributed version, workers).

The cache: a first run with an empty cache folder, then a second run of the
unchanged tree, both with --jobs 2; the second one's time as a fraction of
the first's, and whether both printed the same report. The --jobs and
cluster runs use --no-cache.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature  # noqa: E402

LANGS = ("en", "es", "fr")
CORPUS_CANDIDATES = (ROOT.parent / "shared" / "corpus", ROOT / "shared" / "corpus")


def paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)  # front matter
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)  # code
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text)]
    return [b for b in blocks if len(b) > 40 and not b.startswith(("import ", "<", "{", ":::"))]


def sources(corpus: Path | None) -> list[dict[str, list[str]]]:
    """Paragraph lists per language, one entry per source triple."""
    out = []
    if corpus is not None:
        for folder in sorted(p.parent for p in corpus.glob("*/*/en.md")):
            triple = {lang: paragraphs(folder / f"{lang}.md") for lang in LANGS}
            if all(triple.values()):
                out.append(triple)
    if not out:
        fixture = ROOT / "fixtures" / "handmade" / "folders"
        out.append({lang: paragraphs(fixture / lang / "report.md") or ["(empty)"] for lang in LANGS})
    return out


def generate(folder: Path, count: int, size: int, corpus: Path | None) -> list[Path]:
    """Write ``count`` documents; return every file written."""
    triples = sources(corpus)
    written = []
    for number in range(count):
        triple = triples[number % len(triples)]
        window = number // len(triples)
        for lang in LANGS:
            paras = triple[lang]
            start = (window * size) % max(1, len(paras) - size + 1)
            chunk = paras[start : start + size]
            if lang == "fr" and number % 10 == 0:
                chunk = [f"Le programme a formé {42 + number} enseignants en 2021.", *chunk]
            elif number % 10 == 0:
                chunk = [
                    {
                        "en": "The programme trained 24 teachers in 2021.",
                        "es": "El programa formó a 24 docentes en 2021.",
                    }[lang],
                    *chunk,
                ]
            path = folder / lang / f"doc{number:03d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
            written.append(path)
    return written


def burn(n: int = 4_000_000) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_ratio() -> float:
    """What the machine gives two processes: the same pure-Python work done
    twice in one process, over once in each of two processes at the same
    time (2.0 on two free cores; less when the cores are shared or busy)."""
    start = time.perf_counter()
    burn()
    burn()
    serial = time.perf_counter() - start
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        pool.map(burn, [1000, 1000])  # start the workers first
        start = time.perf_counter()
        pool.map(burn, [4_000_000, 4_000_000])
        parallel = time.perf_counter() - start
    return serial / parallel


def timed_run(folder: Path, jobs: int, out: Path, *flags: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ogpcheck", str(folder), "--jobs", str(jobs), "--format", "json", "--output", str(out), *flags],
        check=False,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "CI": "true"},
    )
    return time.perf_counter() - start


def _same(one: str, other: str) -> str:
    """yes, or NO with how many documents' reports differ."""
    if one == other and one:
        return "yes"
    try:
        ones, others = json.loads(one)["documents"], json.loads(other)["documents"]
    except (ValueError, KeyError):
        return "NO (a run wrote no report)"
    differ = sum(1 for a, b in zip(ones, others) if a != b) + abs(len(ones) - len(others))
    return f"NO ({differ} document(s) differ)"


CLUSTER_WORKERS = 2


def cluster_runs(folder: Path, tmp: Path) -> tuple[dict[str, float], dict[str, str], str] | None:
    """Two timed runs (cold, warm workers) on a local cluster: times, reports,
    and the dask.distributed version; None when it is not installed."""
    try:
        import distributed
        from distributed import LocalCluster
    except ImportError:
        return None
    times: dict[str, float] = {}
    outputs: dict[str, str] = {}
    with LocalCluster(
        n_workers=CLUSTER_WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        for run in ("cold", "warm"):
            out = tmp / f"cluster-{run}.json"
            times[run] = timed_run(folder, 1, out, "--scheduler", cluster.scheduler_address, "--no-cache")
            outputs[run] = out.read_text(encoding="utf-8") if out.exists() else ""
    return times, outputs, distributed.__version__


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--paragraphs", type=int, default=8, help="paragraphs per version")
    parser.add_argument("--corpus", type=Path, default=next((c for c in CORPUS_CANDIDATES if c.is_dir()), None))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-cluster", action="store_true", help="skip the local Dask cluster runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ogpcheck-bench-") as tmp:
        folder = Path(tmp) / "docs"
        files = generate(folder, args.docs, args.paragraphs, args.corpus)
        words = sum(len(re.findall(r"\w+", p.read_text(encoding="utf-8"))) for p in files)
        times: dict[int, float] = {}
        outputs: dict[int, str] = {}
        for jobs in (1, 2):
            out = Path(tmp) / f"jobs{jobs}.json"
            times[jobs] = min(timed_run(folder, jobs, out, "--no-cache") for _ in range(args.repeat))
            outputs[jobs] = out.read_text(encoding="utf-8") if out.exists() else ""
        cached: dict[str, float] = {}
        cached_outputs: dict[str, str] = {}
        for attempt in range(args.repeat):
            cache = Path(tmp) / f"cache{attempt}"
            for run in ("first", "second"):
                out = Path(tmp) / f"cached-{run}.json"
                took = timed_run(folder, 2, out, "--cache-dir", str(cache))
                cached[run] = min(cached.get(run, took), took)
                cached_outputs[run] = out.read_text(encoding="utf-8") if out.exists() else ""
        digest = hashlib.sha256(outputs[1].encode()).hexdigest()[:12]
        manifest = Path(tmp) / f"generated-{args.docs}-docs.txt"  # stands for the generated input in the signature
        manifest.write_text(
            "".join(f"{p.relative_to(folder)} {hashlib.sha256(p.read_bytes()).hexdigest()}\n" for p in files)
        )
        source = args.corpus.name if args.corpus else "fixtures"
        print(signature([manifest], paragraphs=args.paragraphs, source=source, repeat=args.repeat, words=words))
        print(f"{'run':<12}{'wall s':>9}{'docs/s':>9}{'words/s':>10}")
        for jobs in (1, 2):
            print(f"--jobs {jobs:<5}{times[jobs]:>9.2f}{args.docs / times[jobs]:>9.1f}{words / times[jobs]:>10.0f}")
        print(f"speed-up --jobs 2 / --jobs 1: {times[1] / times[2]:.2f}x")
        print(
            f"cache: first run {cached['first']:.2f} s, second run of the unchanged tree {cached['second']:.2f} s:"
            f" {cached['second'] / cached['first']:.3f} of the first ({cached['first'] / cached['second']:.1f}x faster);"
            f" reports identical to the run without the cache: first {_same(cached_outputs['first'], outputs[2])},"
            f" second {_same(cached_outputs['second'], outputs[2])}"
        )
        print(f"machine: two processes give {machine_ratio():.2f}x on pure-Python work (the ceiling)")
        same = outputs[1] == outputs[2] and bool(outputs[1])
        print(f"reports identical: {'yes' if same else 'NO'} (sha256 {digest})")
        cluster = None if args.no_cluster else cluster_runs(folder, Path(tmp))
        if cluster is None:
            print("cluster: skipped" + ("" if args.no_cluster else " (dask.distributed not installed: bash scripts/install.sh test)"))
        else:
            ctimes, coutputs, version = cluster
            print(
                signature(
                    [manifest],
                    paragraphs=args.paragraphs,
                    source=source,
                    words=words,
                    scheduler=f"LocalCluster:{CLUSTER_WORKERS}x1",
                    distributed=version,
                )
            )
            for run in ("cold", "warm"):
                label = f"cluster {run}"
                print(f"{label:<12}{ctimes[run]:>9.2f}{args.docs / ctimes[run]:>9.1f}{words / ctimes[run]:>10.0f}")
                print(f"speed-up cluster ({CLUSTER_WORKERS} workers, {run}) / --jobs 1: {times[1] / ctimes[run]:.2f}x")
            same = all(output == outputs[1] for output in coutputs.values()) and bool(outputs[1])
            print(f"cluster reports identical to --jobs 1: {'yes' if same else 'NO'}")
        print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cpus; other work skews the ratio")


if __name__ == "__main__":
    main()
