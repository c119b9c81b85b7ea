"""Benchmark: what reading markup costs, next to the parsers alone.

    python benchmarks/bench_read.py [--sizes 1,16,64] [--repeat 3]

Reads the markup fixtures (MDX with components, Markdown with HTML blocks,
an HTML page) repeated k times, with ogpcheck's readers, and, in the same
run, parses the same text with markdown-it-py or lxml alone. The ratio
``reader / parser`` is what blanking flow tags, walking the tree and
finding every piece of text again for its line add; a flat time per MB
across sizes shows that reading stays linear. Prints figures, asserts
nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import html as lxml_html  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from benchmarks.signature import signature, timed  # noqa: E402
from ogpcheck.read.html import read_html  # noqa: E402
from ogpcheck.read.markdown import read_markdown  # noqa: E402

MARKUP = ROOT / "fixtures" / "markup"
PAGE = ROOT / "fixtures" / "handmade" / "table_wrong_cell_html" / "report.en.html"
_MD = MarkdownIt("commonmark", {"html": True}).enable("table")


def _markdown(k: int) -> str:
    bodies = [path.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for path in sorted(MARKUP.glob("*"))]
    return "\n\n".join(bodies * k)


def _page(k: int) -> str:
    page = PAGE.read_text(encoding="utf-8")
    start, end = page.index("<main>"), page.index("</main>") + len("</main>")
    return page[:start] + page[start:end] * k + page[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,16,64")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    cases: list[tuple[str, Callable[[int], str], Callable[[str], object], Callable[[str], object]]] = [
        ("markdown", _markdown, lambda text: read_markdown(text, "x.md"), _MD.parse),
        ("html page", _page, lambda text: read_html(text, "x.html"), lxml_html.document_fromstring),
    ]
    print(signature([*sorted(MARKUP.glob("*")), PAGE], sizes=args.sizes, repeat=args.repeat))
    print(f"{'input':<12}{'k':>5}{'MB':>8}{'reader s':>10}{'parser s':>10}{'ratio':>7}{'reader s/MB':>13}")
    for name, make, reader, parse in cases:
        for k in sizes:
            text = make(k)
            megabytes = len(text.encode("utf-8")) / 1e6
            read_time = statistics.median(timed(lambda text=text, reader=reader: reader(text), args.repeat))
            parse_time = statistics.median(timed(lambda text=text, parse=parse: parse(text), args.repeat))
            print(
                f"{name:<12}{k:>5}{megabytes:>8.2f}{read_time:>10.3f}{parse_time:>10.3f}"
                f"{read_time / parse_time:>7.1f}{read_time / megabytes:>13.2f}"
            )


if __name__ == "__main__":
    main()
