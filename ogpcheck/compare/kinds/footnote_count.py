"""Kind ``footnote_count``: every version must have as many footnotes.

Counted per version: the footnotes themselves (blocks starting "[ii]",
"[2]" or "[^2]:") and the distinct markers that call them in the text. The
marker style may differ ([ii] in one language, [2] in another); the counts
may not. The location is the suspect's first footnote, or its first block.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...models import Block, Finding
from ..context import Context
from ..findings import unit_location
from ..rule import Rule
from ..vote import plural, vote


@dataclass(frozen=True)
class Options:
    """This kind has no options."""


def _notes(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind == "footnote"]


def _markers(context: Context, vid: str, blocks: list[Block]) -> int:
    found = {m.text for b in blocks if b.kind != "footnote" for m in context.facts_of(vid, b).markers if m.kind == "footnote"}
    return len(found)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    versions = [v for v in context.document.versions if v.id not in context.apart]
    if len(versions) < 2:
        return
    for what, count in (
        ("footnotes", lambda v: len(_notes(v.blocks))),
        ("footnote markers", lambda v: _markers(context, v.id, v.blocks)),
    ):
        counts = {v.id: count(v) for v in versions}
        if not any(counts.values()):
            continue
        outcome = vote(counts, context.source)
        if outcome is None:
            continue
        by_id = {v.id: v for v in versions}
        if outcome.reference is not None:
            others = outcome.agreeing(counts)
            odd = "; ".join(f"{vid} has {counts[vid]} {what}" for vid in outcome.odd)
            message = f"{odd} where {outcome.name(others)} {plural(others, 'has', 'have')} {outcome.reference}"
        else:
            message = f"{what} counts differ: " + ", ".join(f"{vid} {n}" for vid, n in counts.items()) + " (no majority)"
        order = outcome.odd_first(counts)
        locations = []
        for vid in order:
            blocks = by_id[vid].blocks
            anchor = (_notes(blocks) or blocks)[0]
            locations.append(unit_location(vid, anchor, [str(counts[vid])]))
        yield Finding(rule=rule.code, severity=rule.severity, message=message, suspect=outcome.suspects, locations=locations)
