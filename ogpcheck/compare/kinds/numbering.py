"""Kind ``numbering``: aligned headings must carry the same number ("2.3",
"Step 2", "III.") in every version.

Only groups in which every heading has a number are compared: a heading
numbered in one version only is a matter of style, not a wrong number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...models import Finding
from ..context import Context
from ..findings import location
from ..rule import Rule
from ..vote import plural, vote


@dataclass(frozen=True)
class Options:
    """This kind has no options."""


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    from ...extract.structure.numbering import heading_label  # imported by a check of headings only

    for group in context.compared:
        members = {vid: b for vid, b in group.members.items() if b.kind == "heading"}
        if len(members) < 2:
            continue
        labels = {vid: heading_label(b.text) for vid, b in members.items()}
        if any(label is None for label in labels.values()):
            continue
        outcome = vote(labels, context.source)
        if outcome is None:
            continue
        if outcome.reference is not None:
            others = outcome.agreeing(members)
            numbered = "; ".join(f"{vid} numbers a heading {labels[vid]}" for vid in outcome.odd)
            message = f"{numbered} where {outcome.name(others)} {plural(others, 'numbers', 'number')} it {outcome.reference}"
        else:
            message = "heading numbers differ: " + ", ".join(f"{vid} {label}" for vid, label in labels.items()) + " (no majority)"
        order = outcome.odd_first(members)
        yield Finding(
            rule=rule.code,
            severity=rule.severity,
            message=message,
            suspect=outcome.suspects,
            locations=[location(vid, members[vid], values=[str(labels[vid])]) for vid in order],
            group=group.index,
        )
