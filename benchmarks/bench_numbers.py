"""Benchmark: a numbers-only check of seed 000, cold and warm, next to the
time of merely reading and splitting the same file.

    python benchmarks/bench_numbers.py [--repeat 5]

Prints figures, asserts nothing. The ratio `check / read+split` says what the
alignment, extraction and comparison add on top of reading.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature, timed  # noqa: E402
from ogpcheck.app.options import Options  # noqa: E402
from ogpcheck.app.pipeline import check, read_document  # noqa: E402

SEED = ROOT / "fixtures" / "seeds" / "000_2e39307007993178.txt"
SELECT = ["NUM", "PH"]



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    words = len(re.findall(r"\w+", SEED.read_text(encoding="utf-8")))
    options = Options(langs=["en", "es", "fr"], select=SELECT)

    cold = timed(
        lambda: subprocess.run(
            [sys.executable, "-m", "ogpcheck", str(SEED), "--select", ",".join(SELECT), "--format", "json"],
            check=False,
            capture_output=True,
        ),
        max(1, args.repeat // 2),
    )
    check([SEED], options)  # load lazily built detectors and caches once
    warm = timed(lambda: check([SEED], options), args.repeat)
    reading = timed(lambda: read_document([SEED], options), args.repeat)

    print(signature([SEED], select=",".join(SELECT), repeat=args.repeat))
    print(f"{'measure':<28}{'median s':>10}{'words/s':>12}")
    for name, times in (("check, cold (new process)", cold), ("check, warm", warm), ("read + split only", reading)):
        median = statistics.median(times)
        print(f"{name:<28}{median:>10.3f}{words / median:>12,.0f}")
    print(f"ratio warm check / read+split: {statistics.median(warm) / statistics.median(reading):.2f}")
    print(f"words: {words}")


if __name__ == "__main__":
    main()
