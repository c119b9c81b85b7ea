"""Running headers, footers and page numbers: page furniture that is not
part of the text and would otherwise be aligned as paragraphs.

A line in the top or bottom margin is furniture when a line with the same
text (digits aside) stands at about the same height on most pages, or when
it is a bare page number ("12", "Page 3 of 40", "- 4 -").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .layout import Line

MARGIN = 0.12  # share of the page height searched at the top and bottom
REPEATED = 0.5  # share of pages on which a running line must repeat
HEIGHT_STEP = 6.0  # points: tops closer than this count as the same height
PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:(?:page|página|pág\.|p\.)\s*)?\d{1,4}(?:\s*(?:/|of|de|sur)\s*\d{1,4})?[\s\-–—|]*$",
    re.IGNORECASE,
)


def _key(line: Line) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line.text.strip().lower()), round(line.top / HEIGHT_STEP)


def _margin_lines(lines: Sequence[Line], height: float) -> list[Line]:
    return [line for line in lines if line.bottom <= MARGIN * height or line.top >= (1 - MARGIN) * height]


def mark_furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> None:
    """Set ``furniture`` on the running lines and page numbers of every page."""
    counts: Counter[tuple[str, int]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        counts.update({_key(line) for line in _margin_lines(lines, height)})
    needed = max(2, REPEATED * len(pages))
    for lines, height in zip(pages, heights, strict=True):
        for line in _margin_lines(lines, height):
            if line.table is None and (counts[_key(line)] >= needed or PAGE_NUMBER.match(line.text)):
                line.furniture = True
