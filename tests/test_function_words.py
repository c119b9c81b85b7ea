"""Blocks whose function words leave no doubt are identified without lingua."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck.lang import profiles
from ogpcheck.models import LETTER_RUN
from ogpcheck.read import read_file, read_text
from ogpcheck.read.boilerplate import default_patterns
from ogpcheck.versions import split as split_stage
from ogpcheck.versions.function_words import MIN_WORDS, owners, plain_languages
from ogpcheck.versions.langguard import candidates, detector

from .conftest import SEED_000, SEED_003

CANDIDATES = candidates(["en", "es", "fr"])
RUNNING_TEXT = {
    "en": "The council has published the results of the review, which were not expected by the ministry.",
    "es": "El consejo también publicó los resultados de la revisión, pero sin las recomendaciones para los países.",
    "fr": "Le conseil a publié les résultats de cette évaluation avec des recommandations pour les pays.",
}


def words(text: str) -> str:
    """What the split hands over: the runs of letters, joined by spaces."""
    return " ".join(LETTER_RUN.findall(text))


def test_no_word_is_listed_by_two_profiles() -> None:
    listed: dict[str, str] = {}
    for profile in profiles():
        for word in profile.function_words:
            assert listed.setdefault(word, profile.code) == profile.code, f"{word!r}: {listed[word]} and {profile.code}"


def test_every_profile_lists_lower_case_runs_of_letters() -> None:
    for profile in profiles():
        assert len(profile.function_words) >= 2 * MIN_WORDS, profile.code
        for word in profile.function_words:
            assert LETTER_RUN.fullmatch(word) and word == word.lower(), (profile.code, word)


def test_running_text_is_identified_by_its_function_words() -> None:
    assert plain_languages([words(t) for t in RUNNING_TEXT.values()], CANDIDATES) == list(RUNNING_TEXT)


def test_a_paragraph_quoting_another_language_is_left_to_lingua() -> None:
    text = "Le rapport « The State of the Open Government » est publié avec des annexes pour les pays."
    assert plain_languages([words(text)], CANDIDATES) == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the council", None),  # one word
        ("the the the council", None),  # one, three times
        ("the council and", "en"),  # two different words
        ("the council and des pays", None),  # and one of another language's
    ],
)
def test_it_takes_min_words_different_words(text: str, expected: str | None) -> None:
    assert MIN_WORDS == 2
    assert plain_languages([text], CANDIDATES) == [expected]


def test_a_candidate_without_a_list_leaves_every_block_to_lingua() -> None:
    langs = [*CANDIDATES, "nl"]  # no profile, no list: Dutch text may hold any of the words
    assert owners(tuple(langs)) is None
    assert plain_languages([words(RUNNING_TEXT["en"])], langs) == [None]


class _Recording:
    """A lingua detector that notes the texts it is asked about."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.real = detector(langs)
        self.asked: list[str] = []

    def compute_language_confidence_values_in_parallel(self, texts: list[str]) -> list[object]:
        self.asked.extend(texts)
        return list(self.real.compute_language_confidence_values_in_parallel(texts))


def test_identify_asks_lingua_only_about_the_blocks_left(monkeypatch: pytest.MonkeyPatch) -> None:
    mixed = "Le rapport « The State of the Open Government » est publié avec des annexes pour les pays."
    blocks = read_text("\n\n".join([*RUNNING_TEXT.values(), mixed]), "report.txt")
    recording = _Recording(tuple(CANDIDATES))
    monkeypatch.setattr(split_stage, "detector", lambda langs: recording)
    scores = split_stage.identify(blocks, CANDIDATES)
    assert scores[:3] == [{"en": 1.0}, {"es": 1.0}, {"fr": 1.0}]
    assert recording.asked == [mixed]
    assert max(scores[3], key=scores[3].__getitem__) == "fr" and 0 < scores[3]["fr"] < 1


@pytest.mark.parametrize("seed", [SEED_000, SEED_003], ids=["000", "003"])
def test_in_the_seeds_every_block_it_decides_is_in_the_version_the_split_puts_it_in(seed: Path) -> None:
    blocks = read_file(seed, default_patterns())
    document = split_stage.split(blocks, ["en", "es", "fr"], str(seed))
    version_of = {id(b): v.lang for v in document.versions for b in v.blocks}
    found = plain_languages([split_stage.head(b.letter_runs, split_stage.IDENTIFY_CHARS) for b in blocks], CANDIDATES)
    decided = [(code, version_of.get(id(b))) for b, code in zip(blocks, found, strict=True) if code]
    assert len(decided) > len(blocks) / 4  # long reports: much of the text is decided this way
    assert all(code == lang for code, lang in decided if lang is not None)
