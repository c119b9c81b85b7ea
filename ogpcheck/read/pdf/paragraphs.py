"""Blocks from the lines of a PDF: paragraphs rebuilt across line breaks,
columns and pages, headings told by their type size or weight, list items
and footnotes by their first characters, and table cells from the grids.

A paragraph's ``raw`` keeps one PDF line per text line, so a value is found
on its own line. A word broken by a hyphen at a line end is joined back: the
hyphen is written as a soft hyphen before the line break, which the
boilerplate pattern ``pdf-line-end-hyphen`` cuts out of the text. The hyphen
is kept ("co-creation") when the document spells the word with one
elsewhere and never without.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...models import Block
from ..kinds import text_kind
from .layout import Line
from .tables import PageTable

SOFT = "\u00ad"
HEADING_SIZE = 1.15  # a line this much larger than body text is a heading
NOTE_SIZE = 0.85  # a line this much smaller, starting with a number, is a footnote
_END = re.compile(r"[.!?:;…»”)\]]\s*$")
_WORD = re.compile(r"[^\W\d_][\w-]*")


@dataclass
class Item:
    """A text line or a table part, in the reading order of the document."""

    page: int
    line: Line | None = None
    table: PageTable | None = None


@dataclass
class Style:
    """What the paragraph rules need to know of the document's text."""

    body: float  # the most common type size
    leading: float  # the usual gap between two lines of a paragraph
    right: dict[tuple[int, int], float]  # right edge of each (page, column)
    vocabulary: set[str]


def measure(items: Sequence[Item]) -> Style:
    lines = [(i.page, i.line) for i in items if i.line is not None]
    sizes: Counter[float] = Counter()
    for _, line in lines:
        for word in line.words:
            sizes[word.size] += len(word.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    gaps = [
        b.top - a.bottom
        for (pa, a), (pb, b) in itertools.pairwise(lines)
        if pa == pb and a.column == b.column and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and b.top > a.top
    ]
    leading = statistics.median(gaps) if gaps else body * 0.4
    right: dict[tuple[int, int], float] = {}
    for page, line in lines:
        key = (page, line.column)
        right[key] = max(right.get(key, 0.0), line.x1)
    vocabulary = {w.lower() for _, line in lines for w in _WORD.findall(line.text)}
    return Style(body, max(leading, 0.0), right, vocabulary)


def _heading(line: Line, style: Style) -> bool:
    if line.size >= style.body * HEADING_SIZE:
        return True
    return line.bold and len(line.words) <= 15 and not line.text.rstrip().endswith(".")


def _starts_item(line: Line, style: Style) -> bool:
    kind = text_kind(line.text)
    small_note = line.size <= style.body * NOTE_SIZE and line.text[:1].isdigit()
    return kind != "paragraph" or small_note


def new_paragraph(prev: Item, cur: Item, style: Style) -> bool:
    """Whether ``cur`` starts a new block after ``prev`` (two text lines)."""
    a, b = prev.line, cur.line
    assert a is not None and b is not None
    if _starts_item(b, style) or _heading(a, style) != _heading(b, style):
        return True
    if abs(a.size - b.size) > 0.5:
        return True
    ended = bool(_END.search(a.text))
    if prev.page != cur.page or a.column != b.column:
        return ended  # a sentence cut by a page or column break goes on
    if b.top - a.bottom > style.leading * 1.6 + 1.5:
        return True
    right = style.right.get((prev.page, a.column), a.x1)
    short = a.x1 < right - 0.15 * max(right - a.x0, 1.0)
    indented = b.x0 > a.x0 + 10
    return ended and (short or indented)


def _join(a: str, b: str, vocabulary: set[str]) -> str:
    """Text of line ``a`` and its break before line ``b``."""
    if len(a) > 1 and a.endswith("-") and a[-2].isalpha() and b[:1].islower():
        head = _WORD.findall(a[:-1])
        tail = _WORD.findall(b)
        if head and tail:
            joined, hyphened = (head[-1] + tail[0]).lower(), (head[-1] + "-" + tail[0]).lower()
            if hyphened in vocabulary and joined not in vocabulary:
                return a + SOFT + "\n"
        return a[:-1] + SOFT + "\n"
    return a + "\n"


def _paragraph(lines: list[Item], style: Style, path: str) -> Block:
    pieces: list[str] = []
    line_map: list[tuple[int, int | None, int]] = []
    offset = 0
    for i, item in enumerate(lines):
        line = item.line
        assert line is not None
        if i:
            prev = lines[i - 1]
            assert prev.line is not None
            if item.page != prev.page or line.number != prev.line.number + 1:
                line_map.append((offset, item.page, line.number))
        following = lines[i + 1].line if i + 1 < len(lines) else None
        piece = _join(line.text, following.text, style.vocabulary) if following is not None else line.text
        pieces.append(piece)
        offset += len(piece)
    raw = "".join(pieces)
    first = lines[0].line
    assert first is not None
    kind = "heading" if _heading(first, style) else text_kind(raw)
    if kind == "paragraph" and first.size <= style.body * NOTE_SIZE and first.text[:1].isdigit():
        kind = "footnote"
    return Block(0, kind, raw, first.number, path, page=lines[0].page, line_map=line_map)


def _cell_lines(table: PageTable, page_lines: Sequence[Line]) -> dict[tuple[int, int], int]:
    """(row, col) of the part -> number of the first page line in the cell."""
    tops = [min(b[1] for b in row if b) if any(row) else float("inf") for row in table.cell_boxes]
    lefts = sorted({b[0] for row in table.cell_boxes for b in row if b})
    first: dict[tuple[int, int], int] = {}
    for line in page_lines:
        for word in line.words:
            if word.in_table is None or not table.bbox[1] <= word.top <= table.bbox[3]:
                continue
            row = bisect.bisect_right(tops, word.top + 1) - 1
            col = bisect.bisect_right(lefts, word.x0 + 1) - 1
            if row >= 0 and col >= 0:
                first[(row, col)] = min(first.get((row, col), line.number), line.number)
    return first


def _table_blocks(item: Item, page_lines: Sequence[Line], path: str) -> list[Block]:
    table = item.table
    assert table is not None
    lines = _cell_lines(table, page_lines)
    top = min(lines.values(), default=1)
    blocks = []
    for r, values in enumerate(table.rows):
        if r == 0 and table.skip_header:
            continue
        for c, value in enumerate(values):
            if value is None or not value.strip():
                continue
            line = lines.get((r, c), top)
            blocks.append(
                Block(0, "cell", value, line, path, page=item.page, table=table.table_id, row=table.row_offset + r, col=c)
            )
    return blocks


def build_blocks(items: Sequence[Item], page_lines: dict[int, list[Line]], path: str) -> list[Block]:
    """All blocks of the document in reading order."""
    style = measure(items)
    blocks: list[Block] = []
    current: list[Item] = []
    for item in items:
        if item.table is not None:
            if current:
                blocks.append(_paragraph(current, style, path))
                current = []
            blocks.extend(_table_blocks(item, page_lines[item.page], path))
            continue
        if current and new_paragraph(current[-1], item, style):
            blocks.append(_paragraph(current, style, path))
            current = []
        current.append(item)
    if current:
        blocks.append(_paragraph(current, style, path))
    for index, block in enumerate(blocks):
        block.index = index
    return blocks
