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
from ..versions.align import align, features, similarity, without_subjects


@dataclass(frozen=True)
class Correspondence:
    """Which versions translate each other."""

    shares: dict[tuple[str, str], float]  # (a, b) in version order -> share of their text that aligns
    kept: list[str]  # the versions compared paragraph by paragraph
    apart: list[str]  # the versions left out of the paragraph checks

    def share(self, a: str, b: str) -> float:
        return self.shares.get((a, b), self.shares.get((b, a), 0.0))


def shares(versions: Sequence[Version], min_similarity: float) -> dict[tuple[str, str], float]:
    """For each pair of versions, aligned on their own (a third version,
    perhaps not a translation at all, must not pull their pairs apart), the
    share of their letters in blocks paired at ``min_similarity`` or more."""
    feats = {id(b): features(b) for v in versions for b in v.blocks}
    total = {v.id: sum(feats[id(b)].letters for b in v.blocks) for v in versions}
    known = {v.id: without_subjects([feats[id(b)] for b in v.blocks]) for v in versions}  # once for all pairs
    out = {}
    for a, b in itertools.combinations(versions, 2):
        count = 0
        for group in align([a, b], known):
            x, y = group.members.get(a.id), group.members.get(b.id)
            if x is not None and y is not None and similarity(feats[id(x)], feats[id(y)]) >= min_similarity:
                count += feats[id(x)].letters + feats[id(y)].letters
        out[(a.id, b.id)] = count / max(1, total[a.id] + total[b.id])
    return out


def regroup(versions: Sequence[Version], kept: Sequence[str]) -> list[Group]:
    """The groups once the versions outside ``kept`` are left out: the kept
    versions aligned anew among themselves, then every block of the others
    alone in its group (every block still stands in one group)."""
    chosen = [v for v in versions if v.id in kept]
    groups = align(chosen) if len(chosen) >= 2 else [Group(0, {v.id: b}) for v in chosen for b in v.blocks]
    groups += [Group(0, {v.id: b}) for v in versions if v.id not in kept for b in v.blocks]
    for index, group in enumerate(groups):
        group.index = index
    return groups


def correspond(
    versions: Sequence[Version],
    source: str | None,
    min_share: float,
    min_similarity: float,
) -> Correspondence:
    """The largest set of versions that all translate each other (on a tie,
    the one holding the source, then the one with the earliest versions);
    fewer than two versions keep nothing to compare."""
    found = shares(versions, min_similarity)
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
