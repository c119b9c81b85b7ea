"""Benchmark: number extraction on pathological runs grows linearly.

    python benchmarks/bench_number_runs.py [--sizes 16,64,150] [--search]

Each line is one run (``-----``, ``.....``, ``1-1-1-``...) repeated to each
size in KB, ended by a number, handed to the extractor as one paragraph (as a
block of a 150 KB file would be). It prints the CPU time per KB at each size
and the ratio of the largest size's time per KB to the smallest's: about 1
when time grows with the text, about ``largest / smallest`` when it grows
with its square. Ordinary prose is measured the same way for comparison.
``--search`` also tries every run of one to three characters drawn from
digits, letters, separators and symbols, and prints the ten whose time grows
fastest. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature  # noqa: E402
from ogpcheck.extract.numbers import extract_markers, extract_numbers  # noqa: E402

RUNS = ["-", ".", "1-", "-1", "1.", "1,", "1 ", "x-", "x_", "x.", "/", "1/", "a1-", "1.2 ", "$1 ", "12:30 "]
PROSE = "In 2021 the council met 3 times and approved 12 projects for 1,500 families (about 4.5% of them). "
ALPHABET = "1a.-_/, @#:x[]^%$€ºe'\n"


def cpu(text: str, lang: str = "en") -> float:
    """CPU seconds to extract the numbers and markers of ``text``."""
    start = time.process_time()
    extract_numbers(text, lang)
    extract_markers(text)
    return time.process_time() - start


def sized(unit: str, kb: int) -> str:
    return unit * (kb * 1000 // len(unit)) + " 7"


def growth(unit: str, sizes: list[int]) -> list[float]:
    """CPU milliseconds per KB at each size."""
    return [1000 * cpu(sized(unit, kb)) / kb for kb in sizes]


def search(sizes: tuple[int, int] = (3, 12)) -> list[tuple[float, str]]:
    """Every run of one to three characters of ``ALPHABET``: the ratio of
    its time per KB at the larger size to that at the smaller."""
    out = []
    for length in (1, 2, 3):
        for chars in itertools.product(ALPHABET, repeat=length):
            unit = "".join(chars)
            small = cpu(sized(unit, sizes[0]))
            if small < 0.003:  # too fast to measure; it cannot hide a square
                continue
            large = cpu(sized(unit, sizes[1]))
            out.append(((large / sizes[1]) / (small / sizes[0]), unit))
    return sorted(out, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="16,64,150", help="sizes in KB, comma-separated")
    parser.add_argument("--search", action="store_true", help="also try every short run")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(signature([ROOT / "ogpcheck" / "extract" / "numbers.py"], sizes=args.sizes, search=args.search))
    header = "".join(f"{f'ms/KB @{kb}KB':>14}" for kb in sizes)
    print(f"{'run':<10}{header}{'ratio':>8}")
    for unit in ["prose", *RUNS]:
        per_kb = growth(PROSE if unit == "prose" else unit, sizes)
        cells = "".join(f"{value:>14.3f}" for value in per_kb)
        print(f"{unit!r:<10}{cells}{per_kb[-1] / max(per_kb[0], 1e-9):>8.2f}")
    print(f"ratio: ms/KB at {sizes[-1]} KB over ms/KB at {sizes[0]} KB (1 = linear, {sizes[-1] / sizes[0]:.1f} = quadratic)")
    if args.search:
        print("runs of 1-3 characters whose time per KB grows fastest (3 KB -> 12 KB; 4 = quadratic):")
        for ratio, unit in search()[:10]:
            print(f"  {unit!r:<10}{ratio:>6.2f}")


if __name__ == "__main__":
    main()
