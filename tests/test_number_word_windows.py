"""The stretches of tokens handed to text2num are found without tokenising
the whole text: each must be exactly the stretch a plain pass over every
token gives (the tokens within ``WORD_REACH`` of a number word, stretches
that meet merged), on any text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ogpcheck.extract.numbers import _PIECE, WORD_REACH, _hits, _stretches, _window

NUMBER_WORDS = frozenset({"one", "two", "un", "une", "vingt"})
# Number words, words holding them ("aucune", "twofold"), digits (ASCII and
# Arabic-Indic, which separate tokens), underscores, signs and spaces; long
# words and numbers, so that a stretch starts in the middle of one.
LONG = ["internationalisation" * 2, "12345678901234567890"]
PIECES = [*NUMBER_WORDS, *LONG, "aucune", "twofold", "xone", "report", "é", "12", "3", "\u0663", "_", "-", ",", "%", " ", "  ", "\n", "\u00a0"]


def plain(text: str, words: frozenset[str]) -> list[list[tuple[str, int, int]]]:
    """Every token of ``text``; the windows of ``WORD_REACH`` tokens around
    each number word, merged where they meet."""
    tokens = [(m.group(2), m.start(2), m.end(2)) for m in _PIECE.finditer(text)]
    windows: list[list[int]] = []
    for at in (k for k, (word, _, _) in enumerate(tokens) if word in words):
        lo, hi = max(0, at - WORD_REACH), min(len(tokens), at + WORD_REACH + 1)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [tokens[lo:hi] for lo, hi in windows]


def local(text: str, words: frozenset[str]) -> list[list[tuple[str, int, int]]]:
    hits = _hits(text, words)
    return [_window(text, group) for group in _stretches(text, hits)] if hits else []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_windows_are_those_of_the_whole_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert local(text, NUMBER_WORDS) == plain(text, NUMBER_WORDS)


def test_a_number_word_inside_a_longer_word_is_no_hit() -> None:
    text = "aucune une twofold two"
    assert [text[lo:hi] for lo, hi in _hits(text, NUMBER_WORDS)] == ["une", "two"]


def test_number_words_far_apart_are_read_apart_and_near_ones_together() -> None:
    far = "one " + "word " * 7 + "two"
    near = "one " + "word " * 6 + "two"
    assert len(_stretches(far, _hits(far, NUMBER_WORDS))) == 2
    assert len(_stretches(near, _hits(near, NUMBER_WORDS))) == 1


def test_the_letter_runs_of_a_block_give_the_facts_its_text_gives() -> None:
    """Extraction splits the block's letter runs (found once, with its
    letter count) instead of finding the words again: the same facts."""
    from ogpcheck.extract.numbers import extract_numbers
    from ogpcheck.read import read_file

    seed = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "000_2e39307007993178.txt"
    blocks = read_file(seed)
    found = 0
    for block in blocks:
        for lang in ("en", "es", "fr"):
            facts = extract_numbers(block.text, lang, block.letter_runs)
            assert facts == extract_numbers(block.text, lang)
            found += sum(fact.kind in ("word", "ordinal") for fact in facts)
    assert found > 100  # numbers in words among them
