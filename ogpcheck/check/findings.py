"""Helpers the kinds share to build findings and their locations."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Block, Location, NumberFact, Severity


def format_value(value: float) -> str:
    """A normalised value as shown and written to JSON: 4500, 4.5."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def location(vid: str, block: Block, facts: Sequence[NumberFact] = (), values: Sequence[str] = ()) -> Location:
    """Where a finding stands in one version: the line of the first disputed
    fact, or of the block when there is none."""
    first = min((f.start for f in facts), default=None)
    line = block.line_of(first) if first is not None else block.line
    page = block.page_of(first) if first is not None else block.page
    return Location(
        version=vid,
        path=block.path,
        line=line,
        text=block.text,
        values=list(values) or [format_value(f.value) for f in facts],
        highlights=sorted((f.start, f.end) for f in facts),
        page=page,
        block=block.index,
        row=block.row,
        col=block.col,
        row_header=block.row_header,
        col_header=block.col_header,
        unit=block.unit,
    )


def lower(severity: Severity) -> Severity:
    return {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO}.get(severity, Severity.INFO)


def unit_location(vid: str, block: Block, values: Sequence[str] = ()) -> Location:
    """Where a finding about a whole unit (a table, a list) stands: its first
    block, without the cell coordinates of that block."""
    loc = location(vid, block, values=values)
    loc.row = loc.col = loc.row_header = loc.col_header = None
    return loc
