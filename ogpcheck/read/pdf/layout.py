"""Lines of a PDF page in reading order.

pdfplumber gives words with their boxes. Words on one baseline form a raw
line; on a two-column page a raw line holds a piece of each column, so the
gutter is found first: the x position that the gaps of many raw lines share,
near the middle of the page. Each raw line is then split at the gutter, and
the lines of a two-column band are read left column first. A line that
crosses the gutter (a title, a full-width table) ends the band, and so does a
left-only line below the end of the right column when no right-column text
follows it (a closing line under unequal columns).

Every line gets its number on the page (1-based, in reading order, running
headers and footers included): that is what a PDF location's ``line`` means.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

LINE_TOLERANCE = 2.5  # points: words whose tops differ less share a line
MIN_GUTTER = 8.0  # points: narrower gaps are word spaces
MIN_COLUMN_LINES = 3  # raw lines that must show the gutter

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class Word:
    """One word of a page, as pdfplumber gives it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    in_table: int | None = None  # index of the table on the page holding it

    @classmethod
    def of(cls, raw: dict[str, Any]) -> Word:
        font = str(raw.get("fontname", ""))
        return cls(
            text=str(raw["text"]),
            x0=float(raw["x0"]),
            x1=float(raw["x1"]),
            top=float(raw["top"]),
            bottom=float(raw["bottom"]),
            size=round(float(raw.get("size", 0.0)), 1),
            bold="bold" in font.lower() or "black" in font.lower(),
        )


@dataclass
class Line:
    """Words read as one line; ``column`` is 0 (full width), 1 (left) or 2
    (right); ``number`` is the line's number on its page."""

    words: list[Word]
    column: int = 0
    number: int = 0
    furniture: bool = False
    table: int | None = None  # set when every word is in one table
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.words.sort(key=lambda w: w.x0)
        self.text = " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def size(self) -> float:
        sizes = [w.size for w in self.words for _ in w.text]
        return statistics.median(sizes) if sizes else 0.0

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


def raw_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped by baseline, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def find_gutter(lines: Sequence[list[Word]], width: float) -> float | None:
    """The x of the gap between two columns, or ``None`` for one column."""
    gaps: list[tuple[float, float]] = []
    for words in lines:
        ordered = sorted(words, key=lambda w: w.x0)
        for left, right in itertools.pairwise(ordered):
            if right.x0 - left.x1 >= MIN_GUTTER and 0.3 * width < (left.x1 + right.x0) / 2 < 0.7 * width:
                gaps.append((left.x1, right.x0))
    if len(gaps) < MIN_COLUMN_LINES:
        return None
    # the point inside most gaps
    best, best_count = None, 0
    for start, end in gaps:
        point = (start + end) / 2
        count = sum(a <= point <= b for a, b in gaps)
        if count > best_count:
            best, best_count = point, count
    if best is None or best_count < MIN_COLUMN_LINES:
        return None
    crossing = sum(1 for words in lines if any(w.x0 < best < w.x1 for w in words))
    return best if best_count >= crossing / 2 else None


def reading_order(words: Sequence[Word], width: float) -> list[Line]:
    """The page's lines in reading order, numbered from 1."""
    rows = raw_lines(words)
    gutter = find_gutter([row for row in rows if all(w.in_table is None for w in row)], width)
    ordered: list[Line] = []
    band: dict[int, list[Line]] = {1: [], 2: []}

    def flush() -> None:
        ordered.extend(band[1] + band[2])
        band[1], band[2] = [], []

    crossing = [gutter is None or _crosses(row, gutter) for row in rows]
    right_later = [False] * (len(rows) + 1)
    for i in range(len(rows) - 1, -1, -1):
        has_right = gutter is not None and any(w.x0 >= gutter for w in rows[i])
        right_later[i] = not crossing[i] and (has_right or right_later[i + 1])

    for i, row in enumerate(rows):
        if crossing[i] or gutter is None:
            flush()
            ordered.append(Line(row))
            continue
        left = [w for w in row if w.x1 <= gutter]
        right = [w for w in row if w.x0 >= gutter]
        if band[2] and not right and not right_later[i] and row[0].top > band[2][-1].bottom and _after_gap(band[1], row):
            flush()  # a new paragraph below the end of the right column: the columns are over
        if not band[1] and not band[2] and not right:
            ordered.append(Line(left))  # before or after the columns: full width
            continue
        if left:
            band[1].append(Line(left, column=1))
        if right:
            band[2].append(Line(right, column=2))
    flush()
    for number, line in enumerate(ordered, 1):
        line.number = number
        tables = {w.in_table for w in line.words}
        if len(tables) == 1 and None not in tables:
            line.table = tables.pop()
    return ordered


def _crosses(row: list[Word], gutter: float) -> bool:
    """A row that spans the gutter: a word across it, or a table row."""
    if any(w.x0 < gutter < w.x1 for w in row):
        return True
    return any(w.in_table is not None for w in row) and min(w.x0 for w in row) < gutter < max(w.x1 for w in row)


def _after_gap(column: list[Line], row: list[Word]) -> bool:
    """Whether ``row`` stands after a wider gap than the column's lines."""
    if not column:
        return True
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(column)]
    usual = statistics.median(gaps) if gaps else 0.0
    return min(w.top for w in row) - column[-1].bottom > 1.5 * max(usual, 0.0) + 2.0


def inside(word: Word, box: Box) -> bool:
    x0, top, x1, bottom = box
    middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom
