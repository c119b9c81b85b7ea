"""Kind ``table_labels``: the column headers of a table must stand over the
same cells in every version.

A translator who reorders the column headers of a table but leaves the
cells where they were (``Minor | Moderate`` becomes ``Modéré | Mineur``
over the same numbers) makes every value of two columns read wrong, though
every value still appears in every version and the table keeps its shape.

Tables of the same shape in every version are compared column by column
with one version (the source, else the first). A column's header is known
in another language when it matches one header there clearly better than
any other: the same numbers, or the same word up to spelling, as
cognates and kept names are (``Minor`` / ``Menor`` / ``Mineur``,
``2019`` / ``2019``); a header translated past recognition gives no
evidence and is never reported. A column's cells are known when their
numbers and marks match one column there, row by row. A column whose header
names one column while its cells are another's is mislabelled; a column
moved whole, header and cells, is not. Who is mislabelled follows the
shared decision (``vote.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ...extract.fold import fold
from ...models import Block, Finding
from ...read.grid import MARK, cell_type
from ...read.tables import shape_of
from ..context import Context
from ..findings import location
from ..rule import Rule
from ..vote import plural, vote
from .table_shape import matched_tables


@dataclass(frozen=True)
class Options:
    """``min_header_match``: how alike two headers must be (0 to 100, as
    rapidfuzz scores folded text) for one to name the other."""

    min_header_match: float = 70.0


MARGIN_HEADER = 20.0  # a header names a column when it beats every other one by this much
MIN_CELLS = 0.6  # share of a column's rows whose numbers or marks must match
MARGIN_CELLS = 0.3
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Column:
    """One column of one version's table: its header and the cells below it."""

    index: int
    header: str
    cells: tuple[Block | None, ...]  # one per body row (None: no cell there)


def columns(cells: Sequence[Block]) -> list[Column]:
    """The columns of a table: headers from the cells' ``col_header``, the
    body rows being those whose cells carry a header name."""
    body_rows = sorted({c.row for c in cells if c.row is not None and (c.col_header or c.row_header)})
    width = max((c.col or 0 for c in cells), default=-1) + 1
    at = {(c.row, c.col): c for c in cells}
    out = []
    for col in range(width):
        header = next((c.col_header for c in cells if c.col == col and c.col_header), "")
        out.append(Column(col, header, tuple(at.get((row, col)) for row in body_rows)))
    return out


def _key(block: Block | None) -> str | None:
    """What a cell states that survives translation: its numbers, or a mark."""
    if block is None:
        return None
    digits = _DIGITS.findall(block.text)
    if digits:
        return "#" + ".".join(digits)
    if cell_type(block.text) == MARK:
        return "mark"
    return None


def _cells_alike(a: Column, b: Column) -> float | None:
    """Share of the rows where both columns state a number or mark and
    state the same; None when they state none (text only)."""
    pairs = [(_key(x), _key(y)) for x, y in zip(a.cells, b.cells)]
    stated = [(x, y) for x, y in pairs if x is not None or y is not None]
    if not stated:
        return None
    return sum(x == y for x, y in stated) / len(stated)


def _headers_alike(a: Column, b: Column) -> float:
    """How alike two headers are, 0 to 100: the same numbers, or the same
    word up to spelling."""
    if not a.header or not b.header:
        return 0.0
    digits_a, digits_b = _DIGITS.findall(a.header), _DIGITS.findall(b.header)
    if digits_a or digits_b:
        return 100.0 if digits_a == digits_b else 0.0
    from rapidfuzz import fuzz  # only a check of table labels loads it

    return fuzz.ratio(fold(a.header), fold(b.header))


def _clear_best(scores: list[float | None], floor: float, margin: float) -> int | None:
    """The index of the best score when it reaches ``floor`` and beats every
    other by ``margin``."""
    known = [(s, k) for k, s in enumerate(scores) if s is not None]
    if not known:
        return None
    best, at = max(known)
    others = [s for s, k in known if k != at]
    if best >= floor and all(best - s >= margin for s in others):
        return at
    return None


def mislabelled(mine: list[Column], pivot: list[Column], min_header: float) -> tuple[tuple[int, int], ...]:
    """Columns of ``mine`` whose header names one column of ``pivot`` while
    their cells are another's: (column, the pivot column its header names)."""
    out = []
    for column in mine:
        named = _clear_best([_headers_alike(column, other) for other in pivot], min_header, MARGIN_HEADER)
        holds = _clear_best([_cells_alike(column, other) for other in pivot], MIN_CELLS, MARGIN_CELLS)
        if named is not None and holds is not None and named != holds:
            out.append((column.index, named))
    return tuple(out)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    for tables in matched_tables(context):
        shapes = {vid: shape_of(cells) for vid, cells in tables.items()}
        if any(s.rows is None for s in shapes.values()) or len({(s.rows, s.cols) for s in shapes.values()}) > 1:
            continue  # another shape is the table_shape rule's finding
        cols = {vid: columns(cells) for vid, cells in tables.items()}
        pivot = context.source if context.source in tables else next(iter(tables))
        found = {vid: mislabelled(cols[vid], cols[pivot], rule.options.min_header_match) for vid in tables}
        outcome = vote(found, context.source)
        if outcome is None:
            continue
        places = sorted({col for pairs in found.values() for col, _ in pairs})
        odd = outcome.odd if outcome.decided else [vid for vid in tables if found[vid]]
        others = [vid for vid in tables if vid not in odd]
        heads = {vid: [cols[vid][col].header for col in places] for vid in tables}
        numbers = ", ".join(str(col + 1) for col in places)
        message = "; ".join(
            f"{vid} {plural([vid], 'heads', 'head')} columns {numbers} {_quoted(heads[vid])}" for vid in odd
        )
        verb = plural(others, "heads", "head")
        message += f" where {outcome.name(others)} {verb} them {_quoted(heads[others[0]])}, over the same cells"
        if not outcome.decided:
            message += " (no majority)"
        yield Finding(
            rule=rule.code,
            severity=rule.severity,
            message=message,
            suspect=outcome.suspects,
            locations=[
                location(vid, _header_cell(tables[vid], places[0]), values=heads[vid]) for vid in [*odd, *others]
            ],
        )


def _quoted(texts: list[str]) -> str:
    return ", ".join(f"«{text}»" for text in texts)


def _header_cell(cells: Sequence[Block], col: int) -> Block:
    """The cell that heads a column: the last cell above the body in it
    (the first cell of the column when the table has no header row)."""
    first_body = min((c.row for c in cells if c.row is not None and (c.col_header or c.row_header)), default=0)
    above = [c for c in cells if c.col == col and c.row is not None and c.row < first_body]
    return above[-1] if above else next(c for c in cells if c.col == col)
