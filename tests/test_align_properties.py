"""The aligner under random edits: it never fails, keeps document order and
puts every block in exactly one group, however paragraphs are inserted or
deleted; and its band widens when an edit pushes the path off the diagonal."""

from __future__ import annotations

import unicodedata
from functools import reduce
from operator import add

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogpcheck.models import Block, Version
from ogpcheck.versions import align as align_module
from ogpcheck.versions.align import align, features

WORDS = ["report", "informe", "rapport", "budget", "Philippines", "Kenya", "OGP", "award", "premio", "prix"]


def paragraph(seed: int) -> str:
    """A made-up paragraph whose length, number and name depend on ``seed``."""
    words = [WORDS[(seed * 7 + k) % len(WORDS)] for k in range(3 + seed % 40)]
    return f"{' '.join(words)} {seed * 37 + 11} Name{seed}X."


def version(vid: str, seeds: list[int], kinds: list[str] | None = None) -> Version:
    kinds = kinds or ["paragraph"] * len(seeds)
    blocks = [
        Block(i, kind, paragraph(s), i + 1, f"{vid}.txt", text=paragraph(s))
        for i, (s, kind) in enumerate(zip(seeds, kinds, strict=True))
    ]
    return Version(vid, vid, f"{vid}.txt", blocks)


def edited(seeds: list[int], edits: list[tuple[int, int, int]]) -> list[int]:
    """Apply (position, deletions, insertions) edits to a list of paragraph seeds."""
    out = list(seeds)
    fresh = 10_000
    for position, deletions, insertions in edits:
        at = position % (len(out) + 1)
        del out[at : at + deletions]
        out[at:at] = range(fresh, fresh + insertions)
        fresh += insertions
    return out


def assert_partition_in_order(versions: list[Version]) -> None:
    groups = align(versions)
    for v in versions:
        indices = [g.members[v.id].index for g in groups if v.id in g.members]
        assert indices == list(range(len(v.blocks))), f"{v.id}: blocks lost, repeated or out of order"
    assert all(g.members for g in groups), "an empty group"
    assert [g.index for g in groups] == list(range(len(groups)))


base_seeds = st.lists(st.integers(0, 500), min_size=0, max_size=60)
edit_lists = st.lists(st.tuples(st.integers(0, 80), st.integers(0, 12), st.integers(0, 12)), max_size=6)


@settings(max_examples=60, deadline=None)
@given(base_seeds, edit_lists, edit_lists)
def test_random_insertions_and_deletions_keep_order_and_partition(seeds: list[int], edits_b, edits_c) -> None:
    versions = [version("en", seeds), version("es", edited(seeds, edits_b)), version("fr", edited(seeds, edits_c))]
    assert_partition_in_order(versions)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.integers(0, 500), max_size=40),
    st.lists(st.sampled_from(["paragraph", "heading", "cell", "list_item", "footnote"]), min_size=40, max_size=40),
)
def test_mixed_block_kinds_and_empty_versions(seeds: list[int], kinds: list[str]) -> None:
    versions = [version("en", seeds, kinds[: len(seeds)]), version("es", []), version("fr", seeds[::-1])]
    assert_partition_in_order(versions)


def test_unedited_versions_pair_block_for_block() -> None:
    seeds = list(range(120))
    groups = align([version("en", seeds), version("es", seeds), version("fr", seeds)])
    assert len(groups) == 120
    assert all({b.index for b in g.members.values()} == {g.index} and len(g.members) == 3 for g in groups)


def test_a_passage_moved_further_than_the_band_is_still_aligned() -> None:
    """A long section added at the start and another dropped at the end keep
    both versions the same length; the corridor follows the anchors there."""
    shift = 3 * align_module.MIN_BAND
    seeds = list(range(400))
    other = list(range(5000, 5000 + shift)) + seeds[: len(seeds) - shift]
    groups = align([version("en", seeds), version("es", other)])
    paired = [(g.members["en"].index, g.members["es"].index) for g in groups if len(g.members) == 2]
    assert len(paired) == len(seeds) - shift
    assert all(es == en + shift for en, es in paired)


def test_a_path_along_the_corridor_edge_is_reported() -> None:
    """Too narrow a corridor is detected (and then widened by the caller)."""
    seeds = list(range(30))
    groups = [[features(b)] for b in version("en", seeds).blocks]
    shifted = [features(b) for b in version("es", list(range(500, 506)) + seeds[:24]).blocks]
    diagonal = list(range(31))
    _, touched = align_module._banded(groups, shifted, diagonal, [4] * 31)
    pairs, wide_enough = align_module._banded(groups, shifted, diagonal, [10] * 31)
    assert touched and not wide_enough
    assert [(i, j) for i, j in pairs if i is not None and j is not None] == [(i, i + 6) for i in range(24)]


def _cells(versions: list[Version], monkeypatch) -> int:
    """How many block pairs the aligner scores to align ``versions``."""
    calls = 0
    scores = align_module._Columns.scores

    def counted(self, a, start, stop):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += max(0, stop - start)
        return scores(self, a, start, stop)

    monkeypatch.setattr(align_module._Columns, "scores", counted)
    assert_partition_in_order(versions)
    return calls


@pytest.mark.slow
def test_work_grows_linearly_without_anchors(monkeypatch) -> None:
    """Text repeated over and over (no number or name is found once on each
    side, so nothing anchors the guide) with one version a tenth longer: the
    corridor stays bounded, so the pairs scored per block are bounded too
    and the work grows with the length, not with its square (a file of
    short lines took minutes before)."""
    size = 1200
    seeds = [k % 7 for k in range(size)]
    versions = [version("en", seeds), version("es", seeds + [k % 5 for k in range(size // 2)])]
    widest = 2 * (align_module.MAX_BAND + align_module.MAX_SLACK) + 1  # a row of the widest corridor
    passes = (align_module.MAX_BAND // align_module.MIN_BAND).bit_length()  # 8, 16, 32, 64
    assert _cells(versions, monkeypatch) / size <= passes * widest


def test_a_difference_in_length_widens_the_corridor_by_a_bounded_amount() -> None:
    """Without anchors the guide is one segment; a version longer by 5,000
    blocks widens it by ``MAX_SLACK``, not by 5,000 (that was quadratic)."""
    center, slack = align_module._guide(10_000, 15_000, [])
    assert max(slack) == align_module.MAX_SLACK and center[-1] == 15_000


def test_a_steep_guide_segment_keeps_a_path() -> None:
    """One block against hundreds between two anchors: the corridor still
    holds a path from start to end (every block lands in a group)."""
    seeds = list(range(20))
    other = seeds[:10] + list(range(3000, 3400)) + seeds[10:]
    assert_partition_in_order([version("en", seeds), version("es", other)])


feature_sets = st.builds(
    align_module.Features,
    letters=st.integers(0, 400),
    numbers=st.frozensets(st.sampled_from(["1", "12", "2019", "450"]), max_size=3),
    names=st.frozensets(st.sampled_from(["ogp", "kenya", "paris"]), max_size=2),
    kind=st.sampled_from(["paragraph", "cell", "heading", "list_item"]),
    initials=st.frozensets(st.sampled_from(["want", "vous", "kenya", "bankless"]), max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(feature_sets, min_size=1, max_size=12), feature_sets, st.integers(0, 12), st.integers(0, 12))
def test_a_row_of_the_corridor_scores_exactly_as_pair_by_pair(
    blocks: list[align_module.Features], a: align_module.Features, start: int, stop: int
) -> None:
    """The corridor is scored a row at a time; every score is the very float
    ``similarity`` gives for the pair (the path and its ties depend on it),
    whether the two blocks share numbers, names, sentence-initial words or
    nothing at all."""
    start, stop = min(start, len(blocks)), min(stop, len(blocks))
    row = align_module._Columns(blocks).scores(a, start, stop)
    assert row == [align_module.similarity(a, b) for b in blocks[start:stop]]


def _plain_path(groups: list[list[align_module.Features]], blocks: list[align_module.Features]) -> list[tuple[int | None, int | None]]:
    """The alignment recurrence over the whole matrix, cell by cell: pair
    (1 - mean similarity, added up in order), skip a group or skip a block (``SKIP_COST``),
    the first of equal choices in that order."""
    inf, skip = float("inf"), align_module.SKIP_COST
    n, m = len(groups), len(blocks)
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            best, arg = inf, 0
            if i and j:
                members = groups[i - 1]
                sim = reduce(add, [align_module.similarity(f, blocks[j - 1]) for f in members]) / len(members)
                best = cost[i - 1][j - 1] + 1.0 - sim
            if i and cost[i - 1][j] + skip < best:
                best, arg = cost[i - 1][j] + skip, 1
            if j and cost[i][j - 1] + skip < best:
                best, arg = cost[i][j - 1] + skip, 2
            cost[i][j], move[i][j] = best, arg
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        arg = move[i][j]
        pairs.append((i - 1, j - 1) if arg == 0 else (i - 1, None) if arg == 1 else (None, j - 1))
        i, j = (i - 1, j - 1) if arg == 0 else (i - 1, j) if arg == 1 else (i, j - 1)
    return pairs[::-1]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(feature_sets, min_size=1, max_size=2), max_size=9), st.lists(feature_sets, max_size=9))
def test_a_corridor_wide_enough_gives_the_plain_recurrence(
    groups: list[list[align_module.Features]], blocks: list[align_module.Features]
) -> None:
    """With a corridor covering the whole matrix, the row-at-a-time pass
    finds the very path of the plain recurrence, ties included (small
    feature sets make equal scores frequent)."""
    n, m = len(groups), len(blocks)
    pairs, _ = align_module._banded(groups, blocks, [0] * (n + 1), [m + 1] * (n + 1))
    assert pairs == _plain_path(groups, blocks)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (3, 5, [1.0, 2.0, 3.0]),  # the row's own columns
        (1, 4, [9.0, 9.0, 1.0, 2.0]),  # starting before it
        (4, 7, [2.0, 3.0, 9.0, 9.0]),  # ending after it
        (0, 1, [9.0, 9.0]),  # wholly before
        (7, 8, [9.0, 9.0]),  # wholly after
        (2, 6, [9.0, 1.0, 2.0, 3.0, 9.0]),
    ],
)
def test_a_window_on_a_row_of_the_corridor(a: int, b: int, expected: list[float]) -> None:
    assert align_module._window([1.0, 2.0, 3.0], 3, a, b, 9.0) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.characters(max_codepoint=0x7F), st.characters()), max_size=20))
def test_a_name_folds_to_lower_case_without_accents(name: str) -> None:
    """An ASCII name is only lowered; any other is decomposed and its
    accents dropped: the same result either way."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    assert align_module.fold.__wrapped__(name) == "".join(c for c in decomposed if not unicodedata.combining(c))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789kKMBm .,\u00a0\u0663x\n-", max_size=24))
def test_a_text_holding_a_scaled_number_holds_a_scale_end(text: str) -> None:
    """The features scan for "200k" or "1.5 M" only in a text where a scale
    letter ends a word after a digit or a space (``_SCALE_END``): every text
    ``_SCALED`` finds one in has one."""
    if align_module._SCALED.search(text):
        assert align_module._SCALE_END.search(text)
