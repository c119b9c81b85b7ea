"""Kind ``malformed``: numbers whose digit grouping no locale allows.

The extractor flags them (``NumberFact.malformed``); the aligned blocks of
the other versions are shown beside them so the reader sees what was meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...models import Finding
from ..context import Context
from ..findings import location
from ..rule import Rule


@dataclass(frozen=True)
class Options:
    """This kind has no options."""


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    group_of = {(b.path, b.index): g for g in context.groups for b in g.members.values()}
    for version in context.document.versions:
        for block in version.blocks:
            bad = [f for f in context.facts_of(version.id, block).numbers if f.malformed]
            if not bad:
                continue
            group = group_of.get((block.path, block.index))
            surfaces = ", ".join(repr(block.text[f.start : f.start + 24].rsplit(" ", 1)[0]) for f in bad)
            locations = [location(version.id, block, bad, [f.text for f in bad])]
            if group is not None:
                locations += [location(vid, other) for vid, other in group.members.items() if vid != version.id]
            yield Finding(
                rule=rule.code,
                severity=rule.severity,
                message=f"{version.id} has a malformed number near {surfaces}",
                suspect=[version.id],
                locations=locations,
                group=group.index if group else None,
            )
