"""The aligner under random edits: it never fails, keeps document order and
puts every block in exactly one group, however paragraphs are inserted or
deleted; and its band widens when an edit pushes the path off the diagonal."""

from __future__ import annotations

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
