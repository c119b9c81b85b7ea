"""Kind ``term_consistency``: one version must render a term one way.

Within each version, the names of each terminology term are counted apart
from its acronyms (a translated name with its English acronym, "Fideicomiso
de Donantes Múltiples (OGP MDTF por sus siglas en inglés)", is a common and
deliberate pairing). A version that writes two different names, or two
different acronyms, of one term ("PGO" 57 times and "OGP" once in French) is
inconsistent; the less used form is shown at each place it stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...models import Block, Finding
from ..context import Context
from ..findings import mention_location
from ..rule import Rule

if TYPE_CHECKING:
    from ...extract.entities import Mention


@dataclass(frozen=True)
class Options:
    """This kind has no options."""


MAX_LOCATIONS = 10


def _uses(context: Context, blocks: list[Block]) -> dict[tuple[str, str], list[tuple[Block, Mention]]]:
    """Every use of a term form in a version, by (term key, class)."""
    from .entity_differences import store  # the entity extraction, loaded by a check of terms only

    entities = store(context)
    uses: dict[tuple[str, str], list[tuple[Block, Mention]]] = {}
    for block in blocks:
        for mention in entities.of(block).mentions:
            if mention.source == "term" and mention.cls in ("names", "acronyms"):
                uses.setdefault((mention.key, mention.cls), []).append((block, mention))
    return uses


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    # Only text that has a counterpart: a block no other version has is often
    # page furniture (a related-articles list, a comment thread).
    aligned = {id(block) for group in context.compared for block in group.members.values()}
    for version in context.document.versions:
        blocks = [block for block in version.blocks if id(block) in aligned]
        for (_key, cls), uses in _uses(context, blocks).items():
            counts = Counter(mention.form for _, mention in uses)
            if len(counts) < 2:
                continue
            ranked = counts.most_common()
            top_count = ranked[0][1]
            tie = ranked[1][1] == top_count
            odd = {form for form, n in ranked if n < top_count or tie}
            shown = [(block, m) for block, m in uses if m.form in odd][:MAX_LOCATIONS]
            what = "names" if cls == "names" else "acronyms"
            others = ", ".join(f"{form} {_times(n)}" for form, n in ranked)
            message = f"{version.id} uses {len(counts)} {what} for {uses[0][1].name}: {others}"
            if tie:
                message += " (no majority)"
            yield Finding(
                rule=rule.code,
                severity=rule.severity,
                message=message,
                suspect=[version.id],
                locations=[
                    mention_location(version.id, block, [m], [m.form])
                    for block, m in shown
                ],
            )
