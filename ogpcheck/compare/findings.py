"""Helpers the kinds share to build findings and their locations."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..extract.numbers import EXACT
from ..models import Block, Location, NumberFact, Severity

if TYPE_CHECKING:
    from ..extract.entities import Mention


def format_value(value: Decimal | float) -> str:
    """A normalised value as shown and written to JSON: 4500, 4.5, 1.000252,
    5.875e+22; every significant digit, so two values that differ never look
    alike. (A float is read as the shortest decimal that prints it.)"""
    if not isinstance(value, Decimal):
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if value == value.to_integral_value() and abs(value) < Decimal(10) ** 15:
        return str(int(value))
    value = value.normalize(EXACT)
    return f"{value:.{max(6, len(value.as_tuple().digits))}g}"


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


def mention_location(vid: str, block: Block, mentions: Sequence[Mention], values: Sequence[str]) -> Location:
    """Where a finding about names stands in one version: the line of the
    first mention, or of the block when there is none."""
    first = min((m.start for m in mentions), default=None)
    return Location(
        version=vid,
        path=block.path,
        line=block.line_of(first) if first is not None else block.line,
        text=block.text,
        values=list(values),
        highlights=sorted((m.start, m.end) for m in mentions),
        page=block.page,
        block=block.index,
        row=block.row,
        col=block.col,
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
