"""Benchmark: time and peak memory per MB of input, for ordinary and hostile
shapes of text, against the README's promise.

    python benchmarks/bench_hostile.py [--mb 1] [--cases prose,long-lines,...]

Each case is a three-language document made from seed 000 (its English,
Spanish and French versions), laid out in one shape:

* ``prose``: the seed's versions repeated, as written;
* ``long-lines``: each paragraph of a version joined into lines of about
  20,000 characters, a blank line between them (plain text);
* ``short-lines``: the text wrapped at 40 characters with no blank line, so
  every line is a block (a web dump);
* ``long-paragraphs``: each version one Markdown paragraph of wrapped lines;
* ``runs``: prose with a run of 5,000 ``]``, ``-``, ``.`` or ``1-`` every
  20,000 characters (what spaCy's tokenizer and number patterns can be
  quadratic on).

Every case is checked in a fresh process, at ``--mb`` MB and at a tenth of
it; the figures per MB are the differences between the two runs divided by
the difference in size, so the cost of starting (loading the models) is left
out. CPU time and peak resident memory come from the operating system for
each child (``os.wait4``). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature  # noqa: E402

SEED = ROOT / "fixtures" / "seeds" / "000_2e39307007993178.txt"
PROMISE_SECONDS, PROMISE_MB = 3.0, 26.0  # per MB of input, as the README said before this benchmark


def versions() -> list[list[str]]:
    """The paragraphs of the seed's three versions (blank-line separated)."""
    from ogpcheck.app.options import Options
    from ogpcheck.app.pipeline import read_document

    lines = SEED.read_text(encoding="utf-8").split("\n")
    out = []
    for version in read_document([SEED], Options()).versions:
        body = "\n".join(lines[version.first_line - 1 : version.last_line])
        out.append([p.strip() for p in body.split("\n\n") if p.strip()])
    return out


def _repeat(paragraphs: list[str], size: int) -> list[str]:
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < size:
        out += paragraphs
    return out


def prose(parts: list[list[str]], size: int) -> tuple[str, str]:
    return ".txt", "\n\n".join("\n\n".join(_repeat(p, size // 3)) for p in parts)


def long_lines(parts: list[list[str]], size: int) -> tuple[str, str]:
    out = []
    for paragraphs in parts:
        text = " ".join(p.replace("\n", " ") for p in _repeat(paragraphs, size // 3))
        out.append("\n\n".join(text[i : i + 20_000] for i in range(0, len(text), 20_000)))
    return ".txt", "\n\n".join(out)


def short_lines(parts: list[list[str]], size: int) -> tuple[str, str]:
    out = []
    for paragraphs in parts:
        for paragraph in _repeat(paragraphs, size // 3):
            out += textwrap.wrap(paragraph.replace("\n", " "), 40)
    return ".txt", "\n".join(out)


def long_paragraphs(parts: list[list[str]], size: int) -> tuple[str, str]:
    out = []
    for paragraphs in parts:
        text = " ".join(p.replace("\n", " ").lstrip("#-*|> ") for p in _repeat(paragraphs, size // 3))
        out.append("\n".join(textwrap.wrap(text, 80)))
    return ".md", "\n\n".join(out)


def runs(parts: list[list[str]], size: int) -> tuple[str, str]:
    _, text = prose(parts, size)
    marks = ["]" * 5000, "-" * 5000, "." * 5000, "1-" * 2500]
    pieces = [text[i : i + 20_000] for i in range(0, len(text), 20_000)]
    return ".txt", "".join(piece + (" " + marks[n % 4] + " " if n % 2 else "") for n, piece in enumerate(pieces))


CASES: dict[str, Callable[[list[list[str]], int], tuple[str, str]]] = {
    "prose": prose,
    "long-lines": long_lines,
    "short-lines": short_lines,
    "long-paragraphs": long_paragraphs,
    "runs": runs,
}


def measure(path: Path, timeout: float) -> tuple[float, float, float, int]:
    """(CPU seconds, wall seconds, peak MB, exit code) of one check in a
    fresh process; a run that does not end in a report says why."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "ogpcheck", str(path), "--format", "json", "--isolated", "--max-bytes", "1GB"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            return usage.ru_utime + usage.ru_stime, time.perf_counter() - start, usage.ru_maxrss / 1024, -9
        time.sleep(0.05)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        print(f"  {path.name}: exit {code}, not a report; run ogpcheck on it to see why", flush=True)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start, usage.ru_maxrss / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0, help="size of the large input of each case, in MB")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated: " + ", ".join(CASES))
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds before a run is stopped")
    args = parser.parse_args()
    parts = versions()
    chosen = [name.strip() for name in args.cases.split(",") if name.strip()]
    with tempfile.TemporaryDirectory(prefix="ogpcheck-hostile-") as folder:
        inputs: list[tuple[str, Path, Path]] = []
        for name in chosen:
            files = []
            for label, size in (("small", int(args.mb * 100_000)), ("large", int(args.mb * 1_000_000))):
                suffix, text = CASES[name](parts, size)
                path = Path(folder) / f"{name}-{label}{suffix}"
                path.write_text(text, encoding="utf-8")
                files.append(path)
            inputs.append((name, files[0], files[1]))
        print(signature([SEED], bench="hostile", mb=args.mb, cases=",".join(chosen)))
        print(f"promise (README before): {PROMISE_SECONDS:g} CPU s and {PROMISE_MB:g} MB per MB of input")
        print(f"{'case':<16} {'MB':>5} {'CPU s':>7} {'wall s':>7} {'peak MB':>8} {'exit':>4}   {'CPU s/MB':>8} {'MB/MB':>6}  vs promise")
        for name, small, large in inputs:
            rows = []
            for path in (small, large):
                cpu, wall, peak, code = measure(path, args.timeout)
                megabytes = path.stat().st_size / 1e6
                rows.append((megabytes, cpu, peak))
                print(f"{name:<16} {megabytes:>5.2f} {cpu:>7.1f} {wall:>7.1f} {peak:>8.0f} {code:>4}", flush=True)
            (mb0, cpu0, peak0), (mb1, cpu1, peak1) = rows
            per_cpu, per_peak = (cpu1 - cpu0) / (mb1 - mb0), (peak1 - peak0) / (mb1 - mb0)
            ratio = f"x{per_cpu / PROMISE_SECONDS:.2f} time, x{per_peak / PROMISE_MB:.2f} memory"
            print(f"{name:<16} {'per MB':>47}   {per_cpu:>8.2f} {per_peak:>6.0f}  {ratio}", flush=True)


if __name__ == "__main__":
    main()
