"""Kind ``correspondence``: the versions of a document must be translations
of each other, not a page rewritten in one language while another kept its
old text.

For every pair of versions, aligned on their own, the share of their text
(letters) paired with a counterpart at a similarity of at least
``min_similarity``; two versions translate each other when that share
reaches ``min_share`` (``compare/correspondence.py``). The largest set of
versions that all translate each other (the one holding the source, when
one is set) is aligned anew among its members and compared paragraph by
paragraph as usual. Every other version is left out of the paragraph
checks before any rule runs, and this kind reports it once, with the
shares: dozens of number, name and list
findings between a rewritten page and its old translation would only say,
many times over, that the texts differ. Checks inside one version
(placeholders, malformed numbers, terminology) still run on it.

Who is blamed follows the shared decision (``vote.py``): the versions that
are not translations of the source, or, without one, of the majority.
Rule options: ``min_share``, ``min_similarity``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...models import Finding
from ..context import Context
from ..correspondence import correspond, regroup
from ..findings import location
from ..rule import Rule
from ..vote import plural, vote


@dataclass(frozen=True)
class Options:
    """``min_share``: the share of two versions' text that must align for
    them to be translations of each other; ``min_similarity``: how alike an
    aligned pair of blocks must be to count (0 to 1, as the aligner scores
    pairs)."""

    min_share: float = 0.75
    min_similarity: float = 0.3


def prepare(context: Context, rule: Rule) -> None:
    """Find the versions that translate each other; when some do not, align
    the others anew among themselves, and leave these out of the groups
    every other rule compares (each of their blocks alone in a group, which
    the report shows)."""
    if context.document.groups is not None:
        return  # bilingual files: each unit pairs a text with its translation
    options: Options = rule.options
    versions = context.document.versions
    found = correspond(versions, context.source, options.min_share, options.min_similarity)
    context.correspondence = found
    if found.apart:
        context.groups = regroup(versions, found.kept)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    found = context.correspondence
    if found is None or not found.apart:
        return
    versions = [v.id for v in context.document.versions]
    side = {vid: 0 for vid in found.kept} | {vid: k + 1 for k, vid in enumerate(found.apart)}
    outcome = vote(side, context.source)
    assert outcome is not None  # at least two sides
    odd = outcome.odd if outcome.decided else list(found.apart)
    others = [vid for vid in versions if vid not in odd]
    if others:
        what = plural(odd, "is not a translation", "are not translations")
        message = f"{', '.join(odd)} {what} of {outcome.name(others)}"
    else:
        message = f"{', '.join(odd)} are not translations of each other"
    pairs = [*((a, b) for a in odd for b in others), *itertools.combinations(others, 2)]
    if not others:
        pairs = list(itertools.combinations(odd, 2))
    message += " (text aligned: " + ", ".join(f"{a}/{b} {found.share(a, b):.0%}" for a, b in pairs) + ")"
    if found.kept:
        message += f"; {', '.join(found.apart)} left out of the paragraph checks"
    else:
        message += "; no paragraph is compared"
    first = {v.id: v.blocks[0] for v in context.document.versions if v.blocks}
    yield Finding(
        rule=rule.code,
        severity=rule.severity,
        message=message,
        suspect=outcome.suspects,
        locations=[
            location(vid, first[vid], values=[f"{_best(found.share, vid, versions):.0%}"])
            for vid in [*odd, *others]
            if vid in first
        ],
    )


def _best(share: Callable[[str, str], float], vid: str, versions: list[str]) -> float:
    """The share of a version's text that aligns with its closest other version."""
    return max((share(vid, other) for other in versions if other != vid), default=0.0)
