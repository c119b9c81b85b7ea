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
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache, reduce
from itertools import pairwise
from operator import add

from ..models import Block, Group, Version

SKIP_COST = 0.45  # a pair scoring below 1 - 2 * SKIP_COST is not matched
MIN_BAND = 8  # half-width of the search band around the diagonal, in blocks
MAX_BAND = 64  # the widest it gets by doubling (a path along its edge is kept)
MAX_SLACK = 128  # the most a guide segment widens the corridor for a difference in length
# _NUMBER, _NAME and _SCALED test what stands before a match after its first
# character ("\d(?<![\w\[]\d)" rather than "(?<![\w\[])\d"): a pattern that
# starts with a character class lets the regex engine skip ahead to where
# that class matches, which one starting with a lookbehind or \b does not
# (same matches, about 0.6 of the time).
_NUMBER = re.compile(r"\d(?<![\w\[]\d)\d*(?:[.,\u00a0\u202f\u2009 ]\d{3})*(?![\w\]])")
# (?<!\w.): \b before it. A match of the second alternative (its group) is a
# capitalised word ("Want", "Ghana"), which may be grammar (``initials``).
_NAME = re.compile(r"[A-ZÀ-Ý](?<!\w.)(?:[\w'’-]*[A-Z0-9][\w-]*\b|([a-zà-ÿ]{3,})\b)")
# Where a sentence starts: a capital there is grammar, not a name, and the
# word differs between languages ("Want to get involved?" / "Vous souhaitez").
_SENTENCE_END = frozenset(".!?:;¿¡\n")
_NOT_DIGITS = re.compile(r"\D")
_DIGIT = re.compile(r"\d")
_COMPATIBLE = {"paragraph", "list_item", "cell", "footnote"}


@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """Lower case without accents, for comparing names across languages
    (kept: a document names the same things again and again; an ASCII name,
    most, has nothing to decompose)."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@dataclass(slots=True)
class Features:
    """What the aligner looks at in one block, computed once and not changed
    after (not frozen only because a frozen data class sets each field
    through a call: building the 613 of a check of seed 000 took a third
    longer)."""

    letters: int
    numbers: frozenset[str]
    names: frozenset[str]
    kind: str
    initials: frozenset[str] = frozenset()  # capitalised words that start a sentence: names only if the other block has them
    capitalised: frozenset[str] = field(init=False, repr=False, compare=False)  # names | initials, computed once
    # What may anchor the block: numbers of two digits or more, and names
    # (computed once: asked again for every version aligned after). A number
    # is digits and a name starts with a letter, so the two never collide.
    keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.capitalised = self.names | self.initials
        self.keys = self.names.union([n for n in self.numbers if len(n) > 1])


_SCALED = re.compile(r"(\d(?<![\w.,]\d)\d*)(?:[.,](\d{1,2}))?\s?([kKMB])(?!\w)")
# Where a match of _SCALED ends: a scale letter after a digit or a space,
# ending a word. A block without one (most) is not scanned for the numbers
# before it (about a third of the time of that scan).
_SCALE_END = re.compile(r"[kKMB](?!\w)(?<=[\d\s].)")
_ZEROS = {"k": 3, "K": 3, "M": 6, "B": 9}


def _scaled(match: re.Match[str]) -> str:
    """The digits of "200k", "30 M" or "1.5B" written out: 200000, 30000000, 1500000000."""
    whole, fraction, scale = match.group(1), match.group(2) or "", match.group(3)
    return whole + fraction + "0" * (_ZEROS[scale] - len(fraction))


def _starts_sentence(text: str, at: int) -> bool:
    """Whether only punctuation and spaces, one of them ending a sentence, or
    nothing at all, come before the word at `at`."""
    start = at
    while start > 0 and not text[start - 1].isalnum():
        start -= 1
    return start == 0 or not _SENTENCE_END.isdisjoint(text[start:at])


def features(block: Block) -> Features:
    text = block.text
    numbers: frozenset[str] = frozenset()
    if _DIGIT.search(text):  # both number patterns start with one (most paragraphs have none)
        found = [_NOT_DIGITS.sub("", m.group()) for m in _NUMBER.finditer(text)]
        if _SCALE_END.search(text):
            found += [_scaled(m) for m in _SCALED.finditer(text)]
        numbers = frozenset(found)
    names: set[str] = set()
    initials: set[str] = set()
    for m in _NAME.finditer(text):
        initial = m.lastindex and _starts_sentence(text, m.start())
        (initials if initial else names).add(fold(m.group()))
    return Features(block.letters, numbers, frozenset(names), block.kind, frozenset(initials - names))


SUBJECT_SHARE, SUBJECT_BLOCKS = 0.5, 4  # a name in more than half of a version's blocks (and than 4) is its subject


def without_subjects(feats: list[Features]) -> list[Features]:
    """The features of a version's blocks without the names it gives in a
    large share of them ("OGP" in a report on OGP): a name every other
    paragraph gives pairs nothing with anything in particular."""
    counts: dict[str, int] = {}
    for f in feats:
        for name in f.names | f.initials:
            counts[name] = counts.get(name, 0) + 1
    limit = max(SUBJECT_BLOCKS, SUBJECT_SHARE * len(feats))
    common = {name for name, count in counts.items() if count > limit}
    if not common:
        return feats
    return [replace(f, names=f.names - common, initials=f.initials - common) for f in feats]


_SPREAD = 2 * 0.3**2  # of the length term: a ratio of lengths of e^0.3 scores e^-0.5


def similarity(a: Features, b: Features) -> float:
    """How likely two blocks translate each other, from 0 to 1: their
    lengths, the share of numbers they have in common, and that of names
    (over the smaller set, each). A capitalised word that starts a sentence
    ("Want", "Vous", "Bankless") counts as a name only when the other block
    has it too: otherwise it is grammar, and differs between languages."""
    ratio = math.log((a.letters + 15) / (b.letters + 15))
    score = math.exp(-(ratio**2) / _SPREAD)  # length
    weight = 1.0
    # Written out, not looped over or split into helpers: the aligner asks
    # this for every cell of its corridor.
    x, y = a.numbers, b.numbers
    if x or y:
        if x and y:
            score += 1.5 * (len(x & y) / min(len(x), len(y)))
        weight += 1.5
    if a.initials or b.initials:
        shared = a.capitalised & b.capitalised
        x, y = a.names | (a.initials & shared), b.names | (b.initials & shared)
    else:
        x, y = a.names, b.names
    if x or y:
        if x and y:
            score += 0.7 * (len(x & y) / min(len(x), len(y)))
        weight += 0.7
    score /= weight
    if a.kind != b.kind:
        score *= _kind_factor(a.kind, b.kind)
    return score


def _kind_factor(a: str, b: str) -> float:
    """What a pair of blocks of different kinds keeps of its score."""
    if a == b:
        return 1.0
    return 0.85 if a in _COMPATIBLE and b in _COMPATIBLE else 0.6


# The weight similarity divides by, for each combination of "either block
# has numbers" (2) and "either has names" (1); added up in the same order.
_WEIGHTS = (1.0, 1.0 + 0.7, 1.0 + 1.5, 1.0 + 1.5 + 0.7)


def _code(f: Features) -> int:
    return 2 * bool(f.numbers) + bool(f.names)


class _Columns:
    """The blocks of one side of the alignment matrix, arranged so that the
    similarity of one block to a run of them is computed in one pass.

    Two blocks that share no number and no capitalised word score on their
    lengths, their kinds and whether either has numbers or names at all:
    that is the same arithmetic as ``similarity``, written for a whole row
    of the corridor. The blocks that do share one (found through an index
    of who holds what) are scored by ``similarity`` itself, so every score
    is the very number ``similarity`` gives."""

    def __init__(self, blocks: Sequence[Features]) -> None:
        self.blocks = blocks
        self.sizes = [b.letters + 15 for b in blocks]
        # Each block's class, numbered: its code (2 if it has numbers, + 1 if
        # names) and its kind. What ``similarity`` divides a length score by
        # (the weight) and multiplies it by (the kinds' factor) depends on the
        # classes of the two blocks only: one lookup a cell for each.
        numbered: dict[tuple[int, str], int] = {}
        self.classes = [numbered.setdefault((_code(b), b.kind), len(numbered)) for b in blocks]
        self._class_list = list(numbered)
        self._per_class: dict[tuple[int, str], tuple[list[float], list[float]]] = {}  # a's class -> weights, factors
        self.numbers: dict[str, list[int]] = {}  # number -> the blocks holding it, ascending
        self.capitalised: dict[str, list[int]] = {}
        for t, b in enumerate(blocks):
            for number in b.numbers:
                self.numbers.setdefault(number, []).append(t)
            for name in b.capitalised:
                self.capitalised.setdefault(name, []).append(t)

    def scores(self, a: Features, start: int, stop: int) -> list[float]:
        """``similarity(a, b)`` for the blocks ``start`` to ``stop - 1``."""
        if start >= stop:
            return []
        code = _code(a)
        found = self._per_class.get((code, a.kind))
        if found is None:
            found = self._per_class[code, a.kind] = (
                [_WEIGHTS[code | other] for other, _ in self._class_list],
                [_kind_factor(a.kind, kind) for _, kind in self._class_list],
            )
        weights, factors = found
        size, log, exp = a.letters + 15, math.log, math.exp
        row = [
            exp(-(log(size / s) ** 2) / _SPREAD) / weights[c] * factors[c]
            for s, c in zip(self.sizes[start:stop], self.classes[start:stop])
        ]
        shared: set[int] = set()
        for keys, index in ((a.numbers, self.numbers), (a.capitalised, self.capitalised)):
            for key in keys:
                holders = index.get(key)
                if holders:
                    at = bisect_left(holders, start)
                    while at < len(holders) and holders[at] < stop:
                        shared.add(holders[at])
                        at += 1
        for t in shared:
            row[t - start] = similarity(a, self.blocks[t])
        return row


def _align_pair(
    groups: Sequence[list[Features]], blocks: Sequence[Features]
) -> list[tuple[int | None, int | None]]:
    """Monotone alignment of a sequence of groups with a sequence of blocks;
    returns index pairs, ``None`` on the side that is skipped.

    The search is confined to a corridor around a guide line, so time and
    memory grow with the length of the document, not with its square. The
    line runs through anchors (a number or name found exactly once on each
    side), so a long passage moved, added or dropped in one version does not
    throw the corridor off; between anchors it is straight and its width
    allows for the difference in length. The corridor is doubled while the
    best path runs along its edge, up to ``MAX_BAND``: text that falls out of
    step by more than that (a file of 40-character lines, each a block, in
    three languages) is aligned as well as that corridor allows, and time
    stays linear. On the corpus and the seeds no pair needs more than 16.
    Each row also reaches the guide's column on the next row, so a path
    exists however steep a segment; the width a segment adds for a
    difference in length is at most ``MAX_SLACK`` (70 at most on the corpus:
    a long document with no anchor would otherwise cost its square)."""
    n, m = len(groups), len(blocks)
    center, slack = _guide(n, m, _anchors(groups, blocks))
    band = MIN_BAND
    while True:
        pairs, touched = _banded(groups, blocks, center, [band + s for s in slack])
        if not touched or band >= max(n, m) or (band >= MAX_BAND and pairs):
            return pairs
        band *= 2


def _positions(keyed: Sequence[AbstractSet[str]]) -> dict[str, list[int]]:
    """Where each key is found: the positions of the items holding it."""
    found: dict[str, list[int]] = {}
    for index, keys in enumerate(keyed):
        for key in keys:
            found.setdefault(key, []).append(index)
    return found


def _anchors(groups: Sequence[list[Features]], blocks: Sequence[Features]) -> list[tuple[int, int]]:
    """Cells ``(i, j)`` of the alignment matrix the guide line runs through.

    Sure anchors pair a group and a block through a key found exactly once on
    each side, thinned to the longest chain that keeps document order (stray
    pairs drop out). A key found k times on each side pairs its occurrences in
    order; such pairs only add detail near the line of the sure anchors (a
    repeated number may pair the wrong occurrences, but within the corridor
    the sure anchors give)."""
    left = _positions([frozenset().union(*(f.keys for f in group)) for group in groups])
    right = _positions([f.keys for f in blocks])
    sure = _chain(
        {(rows[0] + 1, right[key][0] + 1) for key, rows in left.items() if len(rows) == 1 == len(right.get(key, ()))}
    )
    center, slack = _guide(len(groups), len(blocks), sure)
    repeated = {
        (i + 1, j + 1)
        for key, rows in left.items()
        if 1 < len(rows) == len(right.get(key, ()))
        for i, j in zip(rows, right[key], strict=True)
    }
    # Keep a repeated pair only inside the corridor the sure anchors give and
    # inside the box between two of them, so that every longest chain still
    # holds all the sure ones.
    bounds = [(0, 0), *sure, (len(groups) + 1, len(blocks) + 1)]
    rows_of_bounds = [i for i, _ in bounds]
    near = set()
    for i, j in repeated:
        k = bisect_left(rows_of_bounds, i)
        (i0, j0), (i1, j1) = bounds[k - 1], bounds[k]
        if i0 < i < i1 and j0 < j < j1 and abs(j - center[i]) <= MIN_BAND + slack[i]:
            near.add((i, j))
    return _chain(set(sure) | near)


def _chain(cells: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of cells strictly increasing in both coordinates
    (patience sorting, n log n)."""
    ordered = sorted(cells, key=lambda cell: (cell[0], -cell[1]))
    tails: list[int] = []  # tails[k]: the cell ending the best chain of length k + 1
    tail_columns: list[int] = []
    parent = [-1] * len(ordered)
    for index, (_, j) in enumerate(ordered):
        k = bisect_left(tail_columns, j)
        parent[index] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(index)
            tail_columns.append(j)
        else:
            tails[k], tail_columns[k] = index, j
    chain: list[tuple[int, int]] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        chain.append(ordered[at])
        at = parent[at]
    return chain[::-1]


def _guide(n: int, m: int, anchors: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """For each row of the matrix, the column of the guide line and the extra
    width its segment needs (how much the segment departs from a diagonal)."""
    center = [0] * (n + 1)
    slack = [0] * (n + 1)
    points = [(0, 0), *anchors, (n, m)]
    for (i0, j0), (i1, j1) in pairwise(points):
        gap = abs((i1 - i0) - (j1 - j0))
        for i in range(i0, i1 + 1):
            if i1 > i0:
                center[i] = j0 + round((i - i0) * (j1 - j0) / (i1 - i0))
            slack[i] = max(slack[i], min(gap, MAX_SLACK))
    return center, slack


_DIAG, _UP, _LEFT = 0, 1, 2  # back pointers: pair, skip a group, skip a block


def _window(row: list[float], row_lo: int, a: int, b: int, outside: float) -> list[float]:
    """The values of ``row`` (which starts at column ``row_lo``) at columns
    ``a`` to ``b``, ``outside`` where it has none."""
    start, stop = a - row_lo, b - row_lo + 1
    inside = row[max(start, 0) : max(min(stop, len(row)), 0)]
    before = min(max(-start, 0), stop - start)
    return [outside] * before + inside + [outside] * (stop - start - before - len(inside))


def _banded(
    groups: Sequence[list[Features]], blocks: Sequence[Features], center: Sequence[int], width: Sequence[int]
) -> tuple[list[tuple[int | None, int | None]], bool]:
    """The best path through the cells within ``width[i]`` of ``center[i]``
    on each row ``i``, and whether it touches the edge of that corridor (then
    a wider one may hold a better path)."""
    n, m = len(groups), len(blocks)
    inf, skip = math.inf, SKIP_COST
    columns = _Columns(blocks)
    lows: list[int] = []
    backs: list[bytearray] = []  # each row's pointers (of its costs only the last row's are kept)
    costs: list[float] = []
    for i in range(n + 1):
        lo = max(0, center[i] - width[i])
        hi = min(m, max(center[i] + width[i], center[i + 1] if i < n else m))  # a steep segment stays connected
        if not i:  # the first row: (0, 0), then skips along it
            above = [inf] * (hi - lo + 2)
            above[0] = -1.0  # (0, 0) is reached at no cost: -1.0 + 1.0 - 0.0
            sims = [0.0] * (hi - lo + 1)
        else:
            # The row above at columns lo - 1 .. hi (inf outside its corridor)
            # feeds each cell's pair (from column j - 1) and skip (from j).
            above = _window(costs, lows[-1], lo - 1, hi, inf)
            first = max(lo, 1)  # column j pairs the group with block j - 1
            members = groups[i - 1]
            if len(members) == 1:  # the first pair of versions: one block a group
                sims = columns.scores(members[0], first - 1, hi)
            elif len(members) == 2:  # the third version: the same mean, written out
                sims = [
                    (x + y) / 2
                    for x, y in zip(columns.scores(members[0], first - 1, hi), columns.scores(members[1], first - 1, hi))
                ]
            else:  # the members' scores added in order (sum() adds with compensation from Python 3.12 on)
                rows = [columns.scores(f, first - 1, hi) for f in members]
                sims = [reduce(add, scores) / len(members) for scores in zip(*rows)]
            if lo == 0:  # column 0 pairs nothing (the row above has no column -1: inf)
                sims = [0.0, *sims]
        row: list[float] = []
        back = bytearray()
        keep_cost, keep_move = row.append, back.append
        left = inf  # the cell to the left, plus a skip
        for diagonal, up, sim in zip(above, above[1:], sims):  # the cells up-left and up of each
            best, arg = diagonal + 1.0 - sim, _DIAG
            up += skip
            if up < best:
                best, arg = up, _UP
            if left < best:
                best, arg = left, _LEFT
            keep_cost(best)
            keep_move(arg)
            left = best + skip
        lows.append(lo)
        backs.append(back)
        costs = row
    if not lows[n] <= m < lows[n] + len(costs) or costs[m - lows[n]] == inf:
        return [], True  # the corridor cut every path: widen it
    pairs: list[tuple[int | None, int | None]] = []
    touched = False
    i, j = n, m
    while (i, j) != (0, 0):
        lo, hi = lows[i], lows[i] + len(backs[i]) - 1
        touched = touched or (j == lo and lo > 0) or (j == hi and hi < m)
        move = backs[i][j - lo]
        if move == _DIAG:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move == _UP:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return pairs[::-1], touched


def align(versions: Sequence[Version], known: Mapping[str, list[Features]] | None = None) -> list[Group]:
    """Group the blocks of all versions; every block lands in exactly one
    group, in document order. ``known``: the features of versions already
    computed (``without_subjects`` applied), for a caller aligning the same
    versions in several sets."""
    if not versions:
        return []
    feats = {
        v.id: known[v.id] if known and v.id in known else without_subjects([features(b) for b in v.blocks])
        for v in versions
    }
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
        groups.append(Group(index, members, _group_score([feats[vid][i] for vid, i in row.items()])))
    return groups


def _group_score(fs: Sequence[Features]) -> float:
    """Mean similarity of the members of a group, pair by pair."""
    if len(fs) < 2:
        return 0.0
    pairs = [similarity(a, b) for k, a in enumerate(fs) for b in fs[k + 1 :]]
    return sum(pairs) / len(pairs)
