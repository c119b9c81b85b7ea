"""The gazetteer gives one key to a name in every language (CLDR through
Babel, and the terminology), and finds only what it should."""

from __future__ import annotations

import pytest

from ogpcheck.extract.gazetteer import gazetteer
from ogpcheck.extract.terminology import load_terms

LANGS = ("en", "es", "fr")  # the languages of the documents these tests stand for


def keys(text: str) -> list[tuple[str, str]]:
    return [(hit.entry.key, text[hit.start : hit.end]) for hit in gazetteer(load_terms(), LANGS).find(text)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The Philippines", "territory:PH"),
        ("Las Filipinas", "territory:PH"),
        ("aux Philippines", "territory:PH"),
        ("Afganistán", "territory:AF"),
        ("AFGANISTÁN", "territory:AF"),
        ("Colombie", "territory:CO"),
        ("Libéria", "territory:LR"),
        ("Emiratos Árabes Unidos", "territory:AE"),
        ("hablen francés", "language:fr"),
        ("60 000 dólares estadounidenses", "currency:USD"),
        ("l’Accord d’Escazú", "term:escazu-agreement"),
        ("Banque mondiale", "term:world-bank"),
    ],
)
def test_a_name_in_any_language_gets_one_key(text: str, key: str) -> None:
    assert [k for k, _ in keys(text)] == [key]


def test_acronyms_of_one_term_share_its_key_kept_or_translated() -> None:
    found = keys("OGP, AGA et PGO ; CSOs et OSC")
    assert [k for k, _ in found] == ["term:ogp"] * 3 + ["term:cso"] * 2


def test_acronyms_glued_to_a_word_are_still_found() -> None:
    assert [s for _, s in keys("une stratégie pour lePGO et un PGOrevigoré")] == ["PGO", "PGO"]


def test_acronyms_inside_longer_capitals_are_not() -> None:
    assert keys("OGPX and XOGP and MDTFS2") == []


def test_the_longest_name_wins() -> None:
    assert keys("the OGP Local program") == [("term:ogp-local", "OGP Local")]


def test_capitals_of_a_proper_name_are_required_after_its_first_word() -> None:
    # "forum multipartite OGP local" is a local forum of OGP, not OGP Local.
    assert [k for k, _ in keys("le forum multipartite OGP local")] == ["term:msf", "term:ogp"]


def test_country_names_must_be_capitalised() -> None:
    assert keys("a chile pepper from the guinea farm") == []
    assert [k for k, _ in keys("Chile and Peru")] == ["territory:CL", "territory:PE"]


def test_a_language_name_is_not_taken_for_a_country_with_the_same_stem() -> None:
    assert [k for k, _ in keys("Francés")] == ["language:fr"]
    assert [k for k, _ in keys("France")] == ["territory:FR"]


def test_common_words_are_not_languages_or_currencies() -> None:
    # "dans" once matched Danish, "or" gold and "cree" the Cree language.
    assert keys("dans le processus, or il cree") == []


def test_a_colon_or_table_bar_breaks_a_name() -> None:
    assert [s for _, s in keys("Costa: Rica | Costa Rica")] == ["Costa Rica"]


@pytest.mark.parametrize("text", ["Reuniones con la comunidad", "Las Guineas de la costa"])
def test_a_place_name_takes_no_plural(text: str) -> None:
    assert keys(text) == []


def test_a_derived_word_of_a_short_place_name_confirms_it() -> None:
    from ogpcheck.extract.entities import Extractor

    found = Extractor(gazetteer(load_terms(), LANGS), frozenset(), langs=LANGS).extract("protéger les petits agriculteurs kényans", [])
    assert "territory:KE" in found.confirmed
    assert found.keys == set()
