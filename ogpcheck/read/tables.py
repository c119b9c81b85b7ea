"""Tables as grids: the row and column of every cell, and the header texts
that name them, so a finding in a cell can say "row Burkina Faso / 2019
action plan, column Minor" in each language.

Markdown and PDF tables come with rows and columns; a table flattened to one
cell per line gets its grid from ``grid.infer_grid``. A "table" whose cells
are all bullet items is a bulleted list saved with ``|`` separators, and is
read as list items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Block
from .grid import infer_grid, short

LIST_START = ("●", "•", "▪", "◦", "- ", "* ")


@dataclass(frozen=True)
class Shape:
    """Rows and columns of one table of one version (``None`` when the grid
    is unknown), and how many cells it has."""

    rows: int | None
    cols: int | None
    cells: int

    def __str__(self) -> str:
        if self.rows is None or self.cols is None:
            return f"{self.cells} cells"
        return f"{self.rows} rows x {self.cols} columns"


def tables_of(blocks: Iterable[Block]) -> dict[int, list[Block]]:
    """The cells of each table, by table id, in reading order."""
    out: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind == "cell" and block.table is not None:
            out.setdefault(block.table, []).append(block)
    return out


def shape_of(cells: Sequence[Block]) -> Shape:
    if any(c.row is None or c.col is None for c in cells):
        return Shape(None, None, len(cells))
    return Shape(max(c.row or 0 for c in cells) + 1, max(c.col or 0 for c in cells) + 1, len(cells))


def annotate_tables(blocks: Sequence[Block]) -> None:
    """Give every table cell its row, column and header names, in place."""
    for cells in tables_of(blocks).values():
        texts = [c.text for c in cells]
        if all(t.lstrip().startswith(LIST_START) for t in texts if t.strip()) and any(t.strip() for t in texts):
            for cell in cells:
                cell.kind, cell.table, cell.row, cell.col = "list_item", None, None, None
            continue
        if all(c.row is not None for c in cells):
            name_cells(cells, header_rows=1, stub=1, col_names=None)
            continue
        grid = infer_grid(texts)
        if grid is None:
            for cell in cells:
                cell.row = None  # the running index stays in ``col``
            continue
        for cell, (row, col) in zip(cells, grid.places):
            cell.row, cell.col = row, col
        name_cells(cells, grid.header_rows, grid.stub, grid.col_headers)


def name_cells(cells: Sequence[Block], header_rows: int, stub: int, col_names: Sequence[str | None] | None) -> None:
    """Set ``row_header`` (the row-label cells of the row, a label spanning
    several rows carried down) and ``col_header`` (the header over the
    column) of every body cell."""
    at = {(c.row, c.col): c.text for c in cells}
    width = max((c.col or 0 for c in cells), default=-1) + 1
    if col_names is None:
        col_names = [short(at.get((0, col), "")) or None for col in range(width)]
    rows = max((c.row or 0 for c in cells), default=-1) + 1
    labels: dict[int, str] = {}
    carried: list[str] = [""] * stub
    for row in range(header_rows, rows):
        for col in range(stub):
            text = at.get((row, col))
            if text is not None and text.strip():
                carried[col] = short(text)
                carried[col + 1 :] = [""] * (stub - col - 1)
        labels[row] = " / ".join(part for part in carried if part)
    for cell in cells:
        if cell.row is None or cell.col is None or cell.row < header_rows:
            continue
        cell.row_header = labels.get(cell.row) or None
        cell.col_header = col_names[cell.col] if cell.col < len(col_names) else None
