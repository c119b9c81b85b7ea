"""Align stage: group the blocks that translate each other, across all
versions at once.

Versions are aligned progressively: the first two by dynamic programming, then
each further version against the groups built so far. Alignment is monotone
and may leave a block without counterpart (a skip). The score of a pair looks
at what survives translation: length (scaled, as in Gale and Church), anchors
(numbers, names and acronyms written the same way) and the kind of block.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Block, Group, Version

SKIP_COST = 0.45  # a pair scoring below 1 - 2 * SKIP_COST is not matched
MIN_BAND = 40  # half-width of the search band around the diagonal, in blocks
_NUMBER = re.compile(r"(?<![\w\[])\d+(?:[.,\u00a0\u202f\u2009 ]\d{3})*(?![\w\]])")
_NAME = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*[A-Z0-9][\w-]*\b|\b[A-ZÀ-Ý][a-zà-ÿ]{3,}\b")
_LETTER = re.compile(r"[^\W\d_]")
_COMPATIBLE = {"paragraph", "list_item", "cell", "footnote"}


def fold(text: str) -> str:
    """Lower case without accents, for comparing names across languages."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Features:
    """What the aligner looks at in one block, computed once."""

    letters: int
    numbers: frozenset[str]
    names: frozenset[str]
    kind: str


def features(block: Block) -> Features:
    numbers = frozenset(re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(block.text))
    names = frozenset(fold(m.group()) for m in _NAME.finditer(block.text))
    return Features(len(_LETTER.findall(block.text)), numbers, names, block.kind)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    if not a and not b:
        return None
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: Features, b: Features) -> float:
    """How likely two blocks translate each other, from 0 to 1."""
    ratio = math.log((a.letters + 15) / (b.letters + 15))
    length = math.exp(-(ratio**2) / (2 * 0.3**2))
    score = length
    weight = 1.0
    for overlap, w in ((_overlap(a.numbers, b.numbers), 1.5), (_overlap(a.names, b.names), 0.7)):
        if overlap is not None:
            score += w * overlap
            weight += w
    score /= weight
    if a.kind != b.kind:
        score *= 0.85 if {a.kind, b.kind} <= _COMPATIBLE else 0.6
    return score


def _align_pair(
    groups: Sequence[list[Features]], blocks: Sequence[Features]
) -> list[tuple[int | None, int | None]]:
    """Monotone alignment of a sequence of groups with a sequence of blocks;
    returns index pairs, ``None`` on the side that is skipped."""
    n, m = len(groups), len(blocks)
    band = max(MIN_BAND, abs(n - m) + MIN_BAND, int(0.15 * max(n, m)))
    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        center = round(i * m / n) if n else 0
        for j in range(max(0, center - band), min(m, center + band) + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, (0, 0)
            if i and j and (i - 1, j - 1) in cost:
                sims = [similarity(member, blocks[j - 1]) for member in groups[i - 1]]
                c = cost[(i - 1, j - 1)] + 1.0 - sum(sims) / len(sims)
                if c < best:
                    best, arg = c, (i - 1, j - 1)
            if i and (i - 1, j) in cost and cost[(i - 1, j)] + SKIP_COST < best:
                best, arg = cost[(i - 1, j)] + SKIP_COST, (i - 1, j)
            if j and (i, j - 1) in cost and cost[(i, j - 1)] + SKIP_COST < best:
                best, arg = cost[(i, j - 1)] + SKIP_COST, (i, j - 1)
            if best < inf:
                cost[(i, j)], back[(i, j)] = best, arg
    if (n, m) not in cost:  # band too narrow for this pair: widen once
        raise RuntimeError("alignment band exhausted")
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[(i, j)]
        pairs.append((i - 1 if pi < i else None, j - 1 if pj < j else None))
        i, j = pi, pj
    return pairs[::-1]


def align(versions: Sequence[Version]) -> list[Group]:
    """Group the blocks of all versions; every block lands in exactly one
    group, in document order."""
    if not versions:
        return []
    feats = {v.id: [features(b) for b in v.blocks] for v in versions}
    rows: list[dict[str, int]] = [{versions[0].id: i} for i in range(len(versions[0].blocks))]
    for version in versions[1:]:
        group_feats = [[feats[vid][i] for vid, i in row.items()] for row in rows]
        merged: list[dict[str, int]] = []
        for gi, bj in _align_pair(group_feats, feats[version.id]):
            row = dict(rows[gi]) if gi is not None else {}
            if bj is not None:
                row[version.id] = bj
            merged.append(row)
        rows = merged
    by_id = {v.id: v for v in versions}
    groups = []
    for index, row in enumerate(rows):
        members = {vid: by_id[vid].blocks[i] for vid, i in row.items()}
        groups.append(Group(index, members, _group_score(members)))
    return groups


def _group_score(members: dict[str, Block]) -> float:
    blocks = list(members.values())
    if len(blocks) < 2:
        return 0.0
    fs = [features(b) for b in blocks]
    pairs = [similarity(a, b) for k, a in enumerate(fs) for b in fs[k + 1 :]]
    return sum(pairs) / len(pairs)
