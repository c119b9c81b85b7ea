"""Kind ``table_marks``: the marks of a table (X, check marks) must stand in
the same cells in every version.

Only tables of the same shape in every version are compared, cell by cell
at the same row and column; a shape difference is the ``table_shape`` rule's
finding. A table in which most marks disagree is not reported: its grid was
read differently, which says nothing of the marks. A cell is marked when it holds only a mark from
``rules/patterns/structure.yaml``; which mark is used (X or ✓) may differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...models import Block, Finding, Location
from ...read.grid import MARK, cell_type, short
from ...read.tables import shape_of
from ..context import Context
from ..findings import location
from ..rule import Rule
from ..vote import plural, vote
from .table_shape import matched_tables


@dataclass(frozen=True)
class Options:
    """This kind has no options."""


MAX_SHIFTED = 3  # a table with more disagreeing cells than this and than half its marks is not reported


def _marked(block: Block | None) -> bool:
    return block is not None and cell_type(block.text) == MARK


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    for tables in matched_tables(context):
        shapes = {vid: shape_of(cells) for vid, cells in tables.items()}
        if any(s.rows is None for s in shapes.values()) or len({(s.rows, s.cols) for s in shapes.values()}) > 1:
            continue
        at = {vid: {(c.row, c.col): c for c in cells} for vid, cells in tables.items()}
        places = sorted({(c.row or 0, c.col or 0) for cells in tables.values() for c in cells})
        total = sum(_marked(c) for cells in tables.values() for c in cells)
        if not total:
            continue
        found = list(_table_findings(rule, tables, at, places, context.source))
        if len(found) <= max(MAX_SHIFTED, total // (2 * len(tables))):
            yield from found  # more would mean a shifted grid, not lost marks


def _table_findings(
    rule: Rule,
    tables: dict[str, list[Block]],
    at: dict[str, dict[tuple[int | None, int | None], Block]],
    places: list[tuple[int, int]],
    source: str | None,
) -> Iterator[Finding]:
    for place in places:
        marked = {vid: _marked(at[vid].get(place)) for vid in tables}
        outcome = vote(marked, source)
        if outcome is None:
            continue
        mark = next(at[vid][place].text.strip() for vid in tables if marked[vid])
        odd = outcome.odd
        others = [vid for vid in tables if vid not in odd]
        locations = {vid: _cell_location(vid, at[vid], place, marked[vid]) for vid in tables}
        if any(loc is None for loc in locations.values()):
            continue
        where = next((loc.cell for loc in (locations[vid] for vid in others) if loc is not None), "")
        if outcome.reference is None:
            message = f"the mark {mark!r} stands in {', '.join(v for v in tables if marked[v])} only (no majority)"
        elif outcome.reference:
            message = f"{', '.join(odd)} {plural(odd, 'lacks', 'lack')} the mark {mark!r} that {outcome.name(others)} {plural(others, 'has', 'have')}"
        else:
            message = f"{', '.join(odd)} {plural(odd, 'has', 'have')} a mark {mark!r} that {outcome.name(others)} {plural(others, 'lacks', 'lack')}"
        message += f" ({where})" if where else ""
        order = [*odd, *others]
        yield Finding(
            rule=rule.code,
            severity=rule.severity,
            message=message,
            suspect=outcome.suspects,
            locations=[locations[vid] for vid in order],  # type: ignore[misc]
        )


def _cell_location(vid: str, at: dict[tuple[int | None, int | None], Block], place: tuple[int, int], marked: bool) -> Location | None:
    """The cell's location; an empty cell that the reader did not keep
    (Markdown) is located by its row's label, with its own coordinates."""
    values = ["mark" if marked else "no mark"]
    block = at.get(place)
    if block is not None:
        return location(vid, block, values=values)
    row, col = place
    label = at.get((row, 0)) or next((b for (r, _), b in sorted(at.items(), key=lambda kv: kv[0][1] or 0) if r == row), None)
    if label is None:
        return None
    loc = location(vid, label, values=values)
    header = at.get((0, col))
    loc.col, loc.col_header, loc.text = col, short(header.text) if header else None, ""
    return loc
