"""Kind ``table_marks``: the marks of a table (X, check marks) must stand in
the same cells in every version.

Only tables of the same shape in every version are compared, cell by cell
at the same row and column; a shape difference is the ``table_shape`` rule's
finding. A cell is marked when it holds only a mark from
``rules/patterns/structure.yaml``; which mark is used (X or ✓) may differ.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..findings import location
from ..models import Block, Finding
from ..rules import Rule
from ..structure.grid import MARK, cell_type
from ..structure.tables import shape_of
from ..structure.units import vote
from .table_shape import matched_tables


def _marked(block: Block | None) -> bool:
    return block is not None and cell_type(block.text) == MARK


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    for tables in matched_tables(context):
        shapes = {vid: shape_of(cells) for vid, cells in tables.items()}
        if any(s.rows is None for s in shapes.values()) or len(set(shapes.values())) > 1:
            continue
        at = {vid: {(c.row, c.col): c for c in cells} for vid, cells in tables.items()}
        places = sorted({place for cells in at.values() for place in cells}, key=lambda p: (p[0] or 0, p[1] or 0))
        if not any(_marked(c) for cells in tables.values() for c in cells):
            continue
        for place in places:
            marked = {vid: _marked(at[vid].get(place)) for vid in tables}
            outcome = vote(marked)
            if outcome is None:
                continue
            mark = next(at[vid][place].text.strip() for vid in tables if marked[vid])
            blocks = {vid: at[vid].get(place) for vid in tables}
            if any(b is None for b in blocks.values()):
                continue
            odd = outcome.odd
            others = [vid for vid in tables if vid not in odd]
            where = next((location(vid, b).cell for vid, b in blocks.items() if vid in others), "")
            verb = "has" if len(others) == 1 else "have"
            if outcome.majority is None:
                message = f"the mark {mark!r} stands in {', '.join(v for v in tables if marked[v])} only (no majority)"
            elif outcome.majority:
                message = f"{', '.join(odd)} lacks the mark {mark!r} that {', '.join(others)} {verb}"
            else:
                message = f"{', '.join(odd)} has a mark {mark!r} that {', '.join(others)} lack{'s' if len(others) == 1 else ''}"
            message += f" ({where})" if where else ""
            order = [*odd, *others]
            yield Finding(
                rule=rule.code,
                severity=rule.severity,
                message=message,
                suspect=outcome.suspects,
                locations=[location(vid, blocks[vid], values=["mark" if marked[vid] else "no mark"]) for vid in order],  # type: ignore[arg-type]
            )
