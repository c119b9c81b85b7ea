"""Which versions of a document translate each other, from how much of
their text the aligner could pair.

A translation keeps the paragraphs of its source: nearly all of the text of
two versions pairs up, paragraph with paragraph, at a fair similarity
(length, numbers, names: ``versions/align.py``). A page rewritten in one
language while another kept its old text pairs up only in part, or at a low
similarity. The kind ``correspondence`` (rule ALN005) reports such versions
and leaves them out of the paragraph checks.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Group, Version
from ..versions.align import features, similarity


@dataclass(frozen=True)
class Correspondence:
    """Which versions translate each other."""

    shares: dict[tuple[str, str], float]  # (a, b) in version order -> share of their text that aligns
    kept: list[str]  # the versions compared paragraph by paragraph
    apart: list[str]  # the versions left out of the paragraph checks

    def share(self, a: str, b: str) -> float:
        return self.shares.get((a, b), self.shares.get((b, a), 0.0))


def shares(versions: Sequence[Version], groups: Sequence[Group], min_similarity: float) -> dict[tuple[str, str], float]:
    """For each pair of versions, the share of their letters in blocks the
    aligner paired with each other at ``min_similarity`` or more."""
    feats = {id(b): features(b) for v in versions for b in v.blocks}
    total = {v.id: sum(feats[id(b)].letters for b in v.blocks) for v in versions}
    aligned = {(a.id, b.id): 0 for a, b in itertools.combinations(versions, 2)}
    for group in groups:
        for a, b in aligned:
            x, y = group.members.get(a), group.members.get(b)
            if x is not None and y is not None and similarity(feats[id(x)], feats[id(y)]) >= min_similarity:
                aligned[(a, b)] += feats[id(x)].letters + feats[id(y)].letters
    return {pair: count / max(1, total[pair[0]] + total[pair[1]]) for pair, count in aligned.items()}


def correspond(
    versions: Sequence[Version],
    groups: Sequence[Group],
    source: str | None,
    min_share: float,
    min_similarity: float,
) -> Correspondence:
    """The largest set of versions that all translate each other (on a tie,
    the one holding the source, then the one with the earliest versions);
    fewer than two versions keep nothing to compare."""
    found = shares(versions, groups, min_similarity)
    ids = [v.id for v in versions]
    best: tuple[str, ...] = ()
    for size in range(len(ids), 1, -1):
        sets = [
            chosen
            for chosen in itertools.combinations(ids, size)
            if all(found[pair] >= min_share for pair in itertools.combinations(chosen, 2))
        ]
        if sets:
            best = next((chosen for chosen in sets if source in chosen), sets[0])
            break
    return Correspondence(found, list(best), [vid for vid in ids if vid not in best])
