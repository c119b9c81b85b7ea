"""Rows and columns of a table flattened to a list of cells.

Web pages saved as text keep a table as one cell after another, with no row
breaks. The grid is recovered from the cells alone:

* each cell has a type (text, number, mark, blank); the body of a table is
  periodic in these types, so the period is the number of cells per row and
  the cells before the first period are the header;
* a text that repeats at the same offset in every period ("2019 action plan",
  "2017 action plan") is a row label: two of them split a period into
  sub-rows, the first holding the cell that spans them (the country);
* the header cells are then laid over the columns: one per column, with an
  empty corner, spanning the row labels, or in two levels (a group such as
  "Potential impact" over a run of columns of one type: "Minor", "Moderate",
  "Transformative").

When no period explains the cells, there is no grid (``None``): a wrong guess
would name the wrong row in a finding.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lang.vocab import vocabulary

MAX_HEADER = 40  # header cells considered
MAX_PERIOD = 60  # cells per row (or per group of sub-rows) considered
MIN_SCORE = 0.9  # share of body cells whose type fits their column
HEADER_CHARS = 48
REPEATED = 0.75  # share of periods in which a row label must repeat
_NUMBER = re.compile(r"^[\s$€£%+\-−.,()\d]*\d[\s$€£%+\-−.,()\d]*(?:%|USD|EUR)?$")

TEXT, NUMBER, MARK, BLANK = "text", "number", "mark", "blank"


def cell_type(text: str) -> str:
    """Coarse type of a cell: what the shape of a table is inferred from."""
    value = text.strip()
    vocab = vocabulary()
    if value in vocab.blanks:
        return BLANK
    if value in vocab.marks:
        return MARK
    if _NUMBER.match(value):
        return NUMBER
    return TEXT


def short(text: str) -> str:
    """A header or row label as shown in a message: first line, trimmed."""
    line = next((part.strip() for part in text.split("\n") if part.strip()), "")
    line = line.rstrip(":").strip()
    if len(line) > HEADER_CHARS:
        line = line[: HEADER_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return line


@dataclass
class Grid:
    """Where each flattened cell stands, and what names the rows and columns."""

    width: int
    header_rows: int
    stub: int  # leading columns that label the rows
    places: list[tuple[int, int]]  # (row, col) of each input cell, in order
    col_headers: list[str | None] = field(default_factory=list)  # per column
    header_cells: int = 0  # how many input cells form the header

    @property
    def rows(self) -> int:
        return (max(row for row, _ in self.places) + 1) if self.places else 0


def _column_fit(types: list[str]) -> float:
    """Share of a column's cells that fit its dominant type (blanks fit any)."""
    return (max(types.count(TEXT), types.count(NUMBER), types.count(MARK)) + types.count(BLANK)) / len(types)


def _period_score(types: Sequence[str], head: int, period: int) -> float:
    rows = (len(types) - head) // period
    cells = list(types[head : head + rows * period])
    columns = [cells[j::period] for j in range(period)]
    if columns[0].count(TEXT) < MIN_SCORE * rows:
        return 0.0  # every row starts with a label
    return sum(_column_fit(c) for c in columns) / period


def find_period(types: Sequence[str]) -> tuple[int, int] | None:
    """(header cells, cells per period) of the reading that explains the most
    cells as a regular body: the shortest header, then the smallest period."""
    n = len(types)
    if not set(types) & {NUMBER, MARK}:
        return None  # all text: nothing to find the period from
    for head in range(0, min(MAX_HEADER, n - 4) + 1):
        for period in range(2, min(MAX_PERIOD, (n - head) // 2) + 1):
            if (n - head) % period == 0 and _period_score(types, head, period) >= MIN_SCORE:
                return head, period
    return None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _repeated(texts: Sequence[str], types: Sequence[str], head: int, period: int, j: int) -> bool:
    """Whether offset ``j`` holds the same text in (almost) every period; one
    stray character ("2017 action planP") does not hide a label."""
    rows = (len(texts) - head) // period
    column = [_fold(texts[head + k * period + j]) for k in range(rows)]
    if types[head + j] != TEXT or not column[0]:
        return False
    common = max(set(column), key=column.count)
    return column.count(common) >= max(2, REPEATED * rows)


def sub_rows(texts: Sequence[str], types: Sequence[str], head: int, period: int) -> list[int]:
    """Offsets where the sub-rows of a period start (``[0]`` for one row).

    A text repeated at one offset in every period labels a sub-row; with two
    or more such labels, each after the first starts a sub-row, and every
    sub-row but the first lacks the cells before the first label (they span
    the sub-rows)."""
    rows = (len(texts) - head) // period
    if rows < 2:
        return [0]
    constant = [j for j in range(1, period) if _repeated(texts, types, head, period, j)]
    if len(constant) < 2:
        return [0]
    starts = [0, *constant[1:]]
    ends = [*constant[1:], period]
    spanned = constant[0]
    first = ends[0] - starts[0]
    if any(end - start != first - spanned for start, end in zip(starts[1:], ends[1:])):
        return [0]
    return starts


def _runs(types: Sequence[str]) -> list[tuple[int, int]]:
    """(start, length) of runs of two or more equal non-text types."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(types) + 1):
        if i == len(types) or types[i] != types[start]:
            if i - start >= 2 and types[start] != TEXT:
                runs.append((start, i - start))
            start = i
    return runs


@dataclass
class Layout:
    """Column names, and the (row, col) of each header cell in input order."""

    rows: int = 1
    names: dict[int, str] = field(default_factory=dict)
    places: list[tuple[int, int]] = field(default_factory=list)

    def put(self, column: int, text: str, place: tuple[int, int]) -> None:
        self.names[column] = short(text)
        self.places.append(place)


def _two_level(header: Sequence[str], columns: list[int], types: Sequence[str]) -> Layout | None:
    """Headers in two levels flattened row by row: the top row (one group
    spanning a run of columns of one type) then the group's sub-headers."""
    runs = _runs(types)
    if not runs or len(header) != len(columns) + 1:
        return None
    start, size = max(runs, key=lambda run: run[1])
    top, sub = header[: len(header) - size], header[len(header) - size :]
    layout = Layout(rows=2)
    for i, column in enumerate(columns[:start]):
        layout.put(column, top[i], (0, column))
    group = short(top[start])
    layout.places.append((0, columns[start]))
    for i, column in enumerate(columns[start + size :]):
        layout.put(column, top[start + 1 + i], (0, column))
    for i, column in enumerate(columns[start : start + size]):
        layout.names[column] = f"{group} / {short(sub[i])}"
        layout.places.append((1, column))
    return layout


def _column_types(body_types: list[list[str]], width: int) -> list[str]:
    """The dominant type of each column (ties go to the first type seen)."""
    out = []
    for col in range(width):
        kinds = [row[col] for row in body_types if col < len(row) and row[col] != BLANK]
        out.append(Counter(kinds).most_common(1)[0][0] if kinds else BLANK)
    return out


def lay_headers(header: Sequence[str], width: int, stub: int, types: Sequence[str]) -> Layout:
    """Lay the header cells over the columns: one per column, with an empty
    corner, spanning the row-label columns, over the data columns only, or in
    two levels. Columns stay unnamed when no reading fits the count."""
    data = list(range(stub, width))
    h = len(header)
    if stub >= 2 and h == len(data) + 2:
        two = _two_level(header[1:], data, [types[c] for c in data])
        if two is not None:
            two.names |= {c: short(header[0]) for c in range(stub)}
            two.places.insert(0, (0, 0))
            return two
    if stub == 1 and h == width + 1:
        two = _two_level(header, list(range(width)), types)
        if two is not None:
            return two
    layout = Layout()
    if h == width:
        columns = list(range(width))
    elif h == width - 1 and stub == 1:
        columns = list(range(1, width))  # empty corner
    elif stub >= 2 and h == len(data) + 1:
        layout.names |= {c: short(header[0]) for c in range(1, stub)}
        columns = [0, *data]
    elif h == len(data):
        columns = data
    else:
        layout.places = [(0, min(i, width - 1)) for i in range(h)]
        return layout
    for text, column in zip(header, columns):
        layout.put(column, text, (0, column))
    return layout


def infer_grid(texts: Sequence[str]) -> Grid | None:
    """The grid of a flattened table, or ``None`` when its cells show none."""
    types = [cell_type(t) for t in texts]
    found = find_period(types)
    if found is None:
        return None
    head, period = found
    starts = sub_rows(texts, types, head, period)
    ends = [*starts[1:], period]
    width = ends[0]
    spanned = width - (ends[1] - starts[1]) if len(starts) > 1 else 0
    stub = spanned + 1 if len(starts) > 1 else 1
    body: list[tuple[int, int]] = []
    body_types: list[list[str]] = []
    for q in range((len(texts) - head) // period):
        for i, (start, end) in enumerate(zip(starts, ends)):
            row_types = [BLANK] * width
            for j in range(start, end):
                col = j if i == 0 else spanned + (j - start)
                body.append((q * len(starts) + i, col))
                row_types[col] = types[head + q * period + j]
            body_types.append(row_types)
    layout = lay_headers(texts[:head], width, stub, _column_types(body_types, width))
    places = layout.places + [(row + layout.rows, col) for row, col in body]
    headers = [layout.names.get(c) or None for c in range(width)]
    return Grid(width, layout.rows, stub, places, headers, head)
