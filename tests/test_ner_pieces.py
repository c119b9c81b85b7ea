"""Text reaches spaCy in pieces it handles in time and memory proportional
to their length; entity offsets still point into the whole text."""

from __future__ import annotations

import itertools
import time

import pytest

from ogpcheck.extract.ner import MAX_PIECE, MAX_WORD, pieces, pipeline, recognise


def test_pieces_cover_the_text_and_stay_small() -> None:
    text = "The Open Government Partnership met in Paris. " * 1000 + "x" * 30 + "\nLast line."
    parts = pieces(text)
    assert len(parts) > 1 and all(len(piece) <= MAX_PIECE for _, piece in parts)
    assert "".join(piece for _, piece in parts) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in parts)
    assert all(piece.endswith(". ") for _, piece in parts[:-1])  # cut after a sentence


def test_a_long_run_without_spaces_is_blanked_in_place() -> None:
    text = "Maria " + "]" * (MAX_WORD + 1) + " Lopez " + "a" * MAX_WORD
    (offset, piece), = pieces(text)
    assert offset == 0 and len(piece) == len(text)
    assert "]" not in piece and piece.endswith("a" * MAX_WORD)


def test_a_text_without_any_break_is_cut_hard() -> None:
    text = ("ab" * 40 + "\u00ad") * 200  # no space, no sentence: soft hyphens only
    parts = pieces(text.replace("\u00ad", ""))
    assert all(len(piece) <= MAX_PIECE for _, piece in parts)


@pytest.mark.skipif(pipeline("en") is None, reason="no English spaCy pipeline installed")
def test_huge_and_hostile_paragraphs_are_recognised_in_bounded_time() -> None:
    start = time.process_time()
    huge = ("y" * 150 + " ") * 7_000 + "The report was written by Maria Lopez in Paris."  # over spaCy's 1,000,000 limit
    brackets = "]" * 20_000 + " Maria Lopez met the mayor of Paris."
    spans = recognise([huge, brackets], "en")
    assert spans is not None
    assert any(huge[s.start : s.end] == "Paris" for s in spans[0])
    assert any(brackets[s.start : s.end] == "Paris" for s in spans[1])
    assert time.process_time() - start < 120  # generous: quadratic tokenizing took minutes


def test_batches_hold_a_bounded_number_of_characters() -> None:
    from ogpcheck.extract.ner import BATCH, BATCH_CHARS, batches

    sizes = [MAX_PIECE] * 20 + [10] * 200 + [BATCH_CHARS * 2]
    ranges = batches(sizes)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(sizes)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    for first, last in ranges:
        assert last - first <= BATCH
        assert sum(sizes[first:last]) <= BATCH_CHARS or last - first == 1
