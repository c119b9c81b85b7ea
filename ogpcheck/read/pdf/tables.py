"""Ruled tables of a PDF page (pdfplumber's line strategy), and tables that
continue on the next page.

A table found by the lines drawn around its cells is read as a grid; merged
cells come back empty and are skipped. When the first thing on a page is a
table with as many columns as the last table of the page before, at the same
column positions, it is the same table continued: its rows are numbered on,
and a repeated header row is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .layout import Box

COLUMN_SLACK = 3.0  # points: column edges closer than this are the same


@dataclass
class PageTable:
    """One table as found on one page."""

    bbox: Box
    rows: list[list[str | None]]
    cell_boxes: list[list[Box | None]]
    edges: tuple[float, ...]  # x of the column boundaries
    table_id: int = -1  # id in the document, shared by continued parts
    row_offset: int = 0  # row i of this part is row row_offset + i of the whole table
    skip_header: bool = False  # the first row repeats the header: not read again
    header: list[str | None] = field(default_factory=list)

    @property
    def cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def find_tables(page: Any) -> list[PageTable]:
    """Ruled tables of one pdfplumber page, top to bottom; nothing is looked
    for on a page without drawn lines or boxes (it cannot hold one)."""
    if not (page.rects or page.lines or page.curves):
        return []
    found = []
    for table in page.find_tables():
        rows = table.extract()
        if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
            continue
        boxes = [list(row.cells) for row in table.rows]
        edges = sorted({round(box[0], 1) for row in boxes for box in row if box} | {round(table.bbox[2], 1)})
        found.append(PageTable(tuple(table.bbox), rows, boxes, tuple(edges)))
    found.sort(key=lambda t: t.bbox[1])
    return found


def _same_columns(a: PageTable, b: PageTable) -> bool:
    return a.cols == b.cols and len(a.edges) == len(b.edges) and all(
        abs(x - y) <= COLUMN_SLACK for x, y in zip(a.edges, b.edges, strict=True)
    )


def link_tables(pages: list[list[PageTable]], first_is_table: list[bool], last_is_table: list[bool]) -> int:
    """Give every table its document id, continuing a table across a page
    break; returns the number of ids given."""
    next_id = 0
    previous: PageTable | None = None
    for index, tables in enumerate(pages):
        for position, table in enumerate(tables):
            continues = (
                position == 0
                and previous is not None
                and index > 0
                and first_is_table[index]
                and last_is_table[index - 1]
                and _same_columns(previous, table)
            )
            if continues and previous is not None:
                table.table_id = previous.table_id
                table.header = previous.header
                table.skip_header = _cells(table.rows[0]) == _cells(previous.header)
                last = previous.row_offset + len(previous.rows) - 1
                table.row_offset = last if table.skip_header else last + 1
            else:
                table.table_id = next_id
                table.header = table.rows[0]
                next_id += 1
            previous = table
        if tables and not last_is_table[index]:
            previous = None
    return next_id


def _cells(row: list[str | None]) -> list[str]:
    return [" ".join((c or "").split()) for c in row]
