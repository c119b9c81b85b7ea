"""Kind ``table_shape``: a table must have the same rows and columns in every
version.

Tables are matched across versions through their aligned cells and their
rows x columns compared, when every version's grid is known (Markdown, PDF,
or a flattened table whose grid was inferred). A flattened table without a
grid is a layout of paragraphs more often than a table, and its cell count
depends on how the page was saved, so it is not compared. The majority names
the version that dropped or added a row or a column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from ...models import Block, Finding
from ...read.tables import shape_of, tables_of
from ..context import Context, analysis
from ..findings import unit_location
from ..rule import Rule
from ..vote import corresponding, plural, vote


@dataclass(frozen=True)
class Options:
    """This kind has no options."""


@analysis
def matched_tables(context: Context) -> list[dict[str, list[Block]]]:
    """Version id -> cells of the table, for every table matched across versions."""
    cells = {v.id: tables_of(v.blocks) for v in context.document.versions}
    units = corresponding(context.groups, lambda b: b.table if b.kind == "cell" else None)
    return [{vid: cells[vid][cast(int, table)] for vid, table in unit.items()} for unit in units]


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    for tables in matched_tables(context):
        shapes = {vid: shape_of(cells) for vid, cells in tables.items()}
        if any(s.rows is None for s in shapes.values()):
            continue  # a grid could not be inferred: its cell count alone proves little
        outcome = vote({vid: (s.rows, s.cols) for vid, s in shapes.items()}, context.source)
        if outcome is None:
            continue
        if outcome.reference is not None:
            others = outcome.agreeing(tables)
            common = shapes[others[0]]
            message = "; ".join(f"{vid} table has {shapes[vid]}" for vid in outcome.odd)
            message += f" where {outcome.name(others)} {plural(others, 'has', 'have')} {common}"
        else:
            message = "table shapes differ: " + ", ".join(f"{vid} {shape}" for vid, shape in shapes.items()) + " (no majority)"
        order = outcome.odd_first(tables)
        yield Finding(
            rule=rule.code,
            severity=rule.severity,
            message=message,
            suspect=outcome.suspects,
            locations=[unit_location(vid, tables[vid][0], [str(shapes[vid])]) for vid in order],
        )
