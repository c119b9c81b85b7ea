"""Kind ``item_count``: a list, or an enumeration inside a sentence or a
cell, must have as many items in every version.

Rule option ``scope``:

* ``lists``: runs of list items, matched across versions through their
  aligned items; a list matched to two lists of one version is skipped.
* ``enumerations``: "A, B and C" inside the aligned blocks of one group,
  compared only when every version has as many enumerations and a strict
  majority agrees: an enumeration found by its commas is less certain than
  a list, so a doubtful case stays silent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ...models import Block, Finding
from ..context import Context
from ..findings import location, unit_location
from ..rule import Rule
from ..vote import Vote, corresponding, plural, vote


@dataclass(frozen=True)
class Options:
    """``scope``: Markdown and PDF ``lists``, or ``enumerations`` in prose."""

    scope: Literal["lists", "enumerations"] = "lists"


TEXT_KINDS = {"paragraph", "cell", "list_item", "heading", "footnote"}


def _message(counts: dict[str, int], outcome: Vote[int], what: str) -> str:
    if outcome.reference is None:
        return f"{what} item counts differ: " + ", ".join(f"{vid} {n}" for vid, n in counts.items()) + " (no majority)"
    others = outcome.agreeing(counts)
    odd = "; ".join(f"{vid} has {counts[vid]} item(s)" for vid in outcome.odd)
    return f"{odd} in {what} where {outcome.name(others)} {plural(others, 'has', 'have')} {outcome.reference}"


def _items(blocks: list[Block]) -> int:
    """Items of a list: Markdown items may hold several blocks."""
    return len({b.item if b.item is not None else ("block", b.index) for b in blocks})


def _lists(context: Context, rule: Rule) -> Iterator[Finding]:
    from ...extract.structure.lists import list_runs  # imported by a check of lists only

    runs: dict[str, dict[int, list[Block]]] = {}
    run_of: dict[tuple[str, int], int] = {}
    for version in context.document.versions:
        ids = list_runs(version.blocks)
        run_of.update(ids)
        for block in version.blocks:
            if (block.path, block.index) in ids:
                runs.setdefault(version.id, {}).setdefault(ids[(block.path, block.index)], []).append(block)
    for unit in corresponding(context.groups, lambda b: run_of.get((b.path, b.index))):
        lists = {vid: runs[vid][run] for vid, run in unit.items()}  # type: ignore[index]
        counts = {vid: _items(blocks) for vid, blocks in lists.items()}
        outcome = vote(counts, context.source)
        if outcome is None:
            continue
        order = outcome.odd_first(lists)
        anchors = _gap(context, lists, outcome.odd) or {vid: blocks[0] for vid, blocks in lists.items()}
        yield Finding(
            rule=rule.code,
            severity=rule.severity,
            message=_message(counts, outcome, "a list"),
            suspect=outcome.suspects,
            locations=[unit_location(vid, anchors[vid], [str(counts[vid])]) for vid in order],
        )


def _gap(context: Context, lists: dict[str, list[Block]], odd: list[str]) -> dict[str, Block] | None:
    """Where the lists part: the first aligned item that the odd versions
    lack (or alone have), and for each version its block there, or the next
    item of its list after the gap (the previous one at the end)."""
    keys = {vid: {(b.path, b.index) for b in blocks} for vid, blocks in lists.items()}
    rows = [
        {vid: b for vid, b in g.members.items() if vid in keys and (b.path, b.index) in keys[vid]}
        for g in context.groups
    ]
    rows = [row for row in rows if row]
    majority = set(lists) - set(odd)
    for i, row in enumerate(rows):
        if not odd or set(row) not in (majority, set(odd)):
            continue
        anchors = {}
        for vid in lists:
            later = [r[vid] for r in rows[i:] if vid in r] or [r[vid] for r in rows[:i] if vid in r][-1:]
            if not later:
                return None
            anchors[vid] = later[0]
        return anchors
    return None


def _enumerations(context: Context, rule: Rule) -> Iterator[Finding]:
    from ...extract.structure.enumerations import enumerations  # imported by a check of enumerations only

    for group in context.compared:
        members = {vid: b for vid, b in group.members.items() if b.kind in TEXT_KINDS}
        if len(members) < 3:
            continue
        found = {vid: enumerations(block.text, context.lang(vid)) for vid, block in members.items()}
        if not any(found.values()) or len({len(c) for c in found.values()}) > 1:
            continue  # an enumeration found in some versions only is not compared
        for position in range(len(next(iter(found.values())))):
            counts = {vid: c[position] for vid, c in found.items()}
            majority = vote(counts)
            if majority is None or majority.reference is None:
                continue  # no strict majority: counts found from commas are too uncertain
            outcome = vote(counts, context.source) or majority
            order = outcome.odd_first(members)
            message = _message(counts, outcome, "an enumeration")
            cell = next((location(v, members[v]).cell for v in order[len(outcome.odd) :]), "")
            yield Finding(
                rule=rule.code,
                severity=rule.severity,
                message=message + (f" ({cell})" if cell else ""),
                suspect=outcome.suspects,
                locations=[location(vid, members[vid], values=[str(counts[vid])]) for vid in order],
                group=group.index,
            )


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    if rule.options.scope == "enumerations":
        yield from _enumerations(context, rule)
    else:
        yield from _lists(context, rule)
