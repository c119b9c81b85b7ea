"""Tests of the number and marker extractor, mostly on sentences of the seed
documents: each version must yield the same values however it writes them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from ogpcheck.extract.numbers import extract_markers, extract_numbers
from ogpcheck.models import NumberFact

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def values(text: str, lang: str, hard: bool | None = None) -> set[float]:
    """The preferred values found, optionally only the hard (or soft) ones."""
    return {float(f.value) for f in extract_numbers(text, lang) if hard is None or f.hard == hard}


def only(text: str, lang: str) -> NumberFact:
    facts = extract_numbers(text, lang)
    assert len(facts) == 1, facts
    return facts[0]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the same statement in the three versions of seed 000
        ("which allowed over 1,000 citizens to engage in the action plan process", "en", {1000}),
        ("lo cual permitió más de 1 000 ciudadanos a participar en el proceso", "es", {1000}),
        ("ce qui a permis à plus de 1000 citoyens de participer au processus", "fr", {1000}),
        ("with no-break space 1\u00a0000 and narrow 2\u202f000 and thin 3\u2009000", "fr", {1000, 2000, 3000}),
        ("English groups no-break spaces too: 4\u00a0500", "en", {4500}),
        ("Consulted 24 provinces in the co-creation process", "en", {24}),
        ("A consulté 24 provinces lors du processus", "fr", {24}),
        ("dans 24 500 communes", "fr", {24500}),
        ("en 2019 300 personnes", "fr", {2019, 300}),
        ("2019 2020", "fr", {2019, 2020}),
        ("4 500 people", "en", {4, 500}),  # English never groups with a plain space
        ("1.000.000 y 1,000,000", "es", {1_000_000}),
        ("1 234 567,89", "fr", {1234567.89}),
        ("1,234,567.89", "en", {1234567.89}),
        ("1.234.567,89", "es", {1234567.89}),
        ("una tasa de 4,5 y 4.5", "es", {4.5}),
        ("These consultations included 600+ people from CSOs", "en", {600}),
        (
            "Costa Rica: Included 40 government agencies and 118 CSO actors, including 11 organizations",
            "en",
            {40, 118, 11},
        ),
        (
            "The Philippines: Conducted 16 regional dialogues and created 10 cross-sectoral monitoring groups",
            "en",
            {16, 10},
        ),
        # markdown residue
        ("**60%** of the _2019_ plans", "en", {60, 2019}),
        # ranges and enumerations
        ("the second round (2019-2020) of the awards", "en", {2019, 2020}),
        ("Draft IRM Design Reports for 2019-2021, and", "en", {2019, 2021}),
        ("une nouvelle stratégie de l'OGP pour 2023 -2028.", "fr", {2023, 2028}),
        ("from 2019 to 2021", "en", {2019, 2021}),
        ("the 2019-20 budget", "en", {2019, 2020}),
        ("del 24 al 26 de mayo", "es", {24, 25, 26}),
        ("entre 24 et 26 participants", "fr", {24, 25, 26}),
        ("between 24 and 26 people", "en", {24, 25, 26}),
        ("24 to 26 May", "en", {24, 25, 26}),
        ("24–26 May", "en", {24, 25, 26}),
        ("24, 25 and 26 May", "en", {24, 25, 26}),
        ("les 24, 25 et 26 mai", "fr", {24, 25, 26}),
        ("1,2,3", "en", {1, 2, 3}),
        ("scores of 5-3", "en", {5, 3}),  # not a range: it goes down
        # dates and times
        ("Rejoignez l'une des trois sessions d'information le 19 mai", "fr", {19}),
        ("Únete a una de las tres sesiones informativas el 19 de mayo", "es", {19}),
        ("Join one of three info sessions on May 19, 2022", "en", {19, 2022}),
        ("on 2020-09-15", "en", {15, 2020}),
        ("le 15.09.2020 et le 15/09/2020", "fr", {15, 2020}),
        ("on 09/15/2020", "en", {15, 2020}),
        # money and scales
        ("USD 5 million", "en", {5_000_000}),
        ("1.5 millones de dólares", "es", {1_500_000}),
        ("1,5 millones", "es", {1_500_000}),
        ("2 mil millones", "es", {2_000_000_000}),
        ("5 milliards d'euros", "fr", {5_000_000_000}),
        ("3 billions", "fr", {3_000_000_000_000}),
        ("3 billion", "en", {3_000_000_000}),
        ("5k and 2.5M", "en", {5000, 2_500_000}),
        ("1.5 Million people reached", "en", {1_500_000}),
        ("growth at point 4.5 percent", "en", {4.5}),
        # scraped text: a missing space after a full stop, a glued unit
        ("in 2019.The report", "en", {2019}),
        ("gouvernement ouvert .Il y est parvenu en 2020", "fr", {2020}),
        ("4G networks and 3D maps in 18h", "en", set()),
        # negatives only from a true minus sign
        ("−5 and -5", "en", {-5}),  # both signs open a number
    ],
)
def test_values(text: str, lang: str, expected: set[float]) -> None:
    assert values(text, lang, hard=True) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("despite shifting priorities due to COVID-19.", "en"),
        ("a pesar del COVID-19", "es"),
        ("H2O mp3 v2 ES2015 x86_64 SARS-CoV-2", "en"),
        ("see /es/tutorial/2-pages/2/ and https://www.opengovpartnership.org/2019/report-5", "en"),
        ("write to team2019@example.org", "en"),
        ('<a href="#1">', "en"),
        ("1. Government ownership of reforms", "en"),
        ("2) Diversidad en la cocreación", "es"),
        ("influencia pública[ii]", "es"),
        ("[12]", "fr"),
        ("et les XNUMX membres locaux", "fr"),
        ("{{1}} __PH_1__", "en"),
        ("influence¹²", "en"),
    ],
)
def test_not_numbers(text: str, lang: str) -> None:
    assert extract_numbers(text, lang) == []


def test_mt_error_is_flagged_malformed() -> None:
    text = "plus de 4,500 300 engagements dans 77 plans d'action dans 76 pays, et les XNUMX membres"
    facts = extract_numbers(text, "fr")
    assert [f.text for f in facts] == ["4,500", "300", "77", "76"]
    first = facts[0]
    assert first.malformed
    assert set(first.candidates) == {4.5, 4500}
    assert not any(f.malformed for f in facts[1:])
    markers = extract_markers(text)
    assert [(m.kind, m.text) for m in markers] == [("placeholder", "XNUMX")]
    assert text[markers[0].start : markers[0].end] == "XNUMX"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("1.000,000.5", "es"), ("1,000,00", "en"), ("4,5 300", "fr"), ("1.000.000 300", "es"), ("2\u00a0000,5.5", "en")],
)
def test_impossible_groupings_are_malformed(text: str, lang: str) -> None:
    assert extract_numbers(text, lang)[0].malformed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("2019-2020", "en"),
        ("1.2", "en"),
        ("4,500", "fr"),
        ("1 000", "fr"),
        ("4,500 300", "en"),
        ("2019 300", "fr"),
        ("12 5 1", "es"),
    ],
)
def test_plausible_numbers_are_not_malformed(text: str, lang: str) -> None:
    assert not any(f.malformed for f in extract_numbers(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "preferred", "other"),
    [
        ("han co-creado más de 4,500 compromisos", "es", 4500, 4.5),
        ("over 4,500 commitments", "en", 4500, 4.5),
        ("4,500 engagements", "fr", 4.5, 4500),
        ("1,000 citoyens", "fr", 1000, 1),  # three decimal zeros are never written
        ("4.500 compromisos", "es", 4500, 4.5),
        ("4.500 engagements", "fr", 4500, 4.5),
        ("a rate of 4.500", "en", 4.5, 4500),
        ("1.000 people", "en", 1000, 1),
    ],
)
def test_ambiguous_separator(text: str, lang: str, preferred: float, other: float) -> None:
    fact = only(text, lang)
    assert fact.candidates == (preferred, other)
    assert fact.value == preferred
    assert fact.hard and not fact.malformed


@pytest.mark.parametrize(("text", "lang"), [("4,5", "fr"), ("1 000", "fr"), ("0,500", "es"), ("2019,500", "fr")])
def test_unambiguous_has_one_candidate(text: str, lang: str) -> None:
    fact = only(text, lang)
    assert fact.candidates == (fact.value,)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Burkina Faso: 60% of all commitments", "en", "60%", 60),
        ("Burkina Faso: 60 % des engagements", "fr", "60 %", 60),
        ("60\u202f% des engagements", "fr", "60\u202f%", 60),
        ("el 60 por ciento", "es", "60 por ciento", 60),
        ("60 pour cent", "fr", "60 pour cent", 60),
        ("60 percent", "en", "60 percent", 60),
        ("4,5 %", "fr", "4,5 %", 4.5),
    ],
)
def test_percent(text: str, lang: str, surface: str, value: float) -> None:
    fact = only(text, lang)
    assert (fact.kind, fact.unit, fact.text, fact.value) == ("percent", "%", surface, value)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value", "unit"),
    [
        (
            "Each award was disbursed as roughly $60,000 USD over the course of one year",
            "en",
            "$60,000 USD",
            60000,
            "USD",
        ),
        (
            "Chaque prix a été versé à hauteur d'environ 60 000 USD sur une période d'un an",
            "fr",
            "60 000 USD",
            60000,
            "USD",
        ),
        ("aproximadamente $60 000 USD", "es", "$60 000 USD", 60000, "USD"),
        ("US$ 5", "es", "US$ 5", 5, "USD"),
        ("€5", "en", "€5", 5, "EUR"),
        ("5 €", "fr", "5 €", 5, "EUR"),
        ("5 euros", "es", "5 euros", 5, "EUR"),
        ("USD 5 million", "en", "USD 5 million", 5_000_000, "USD"),
        ("$5 million", "en", "$5 million", 5_000_000, "USD"),
        ("1,5 millones de dólares", "es", "1,5 millones de dólares", 1_500_000, "USD"),
        ("£20", "en", "£20", 20, "GBP"),
    ],
)
def test_money(text: str, lang: str, surface: str, value: float, unit: str) -> None:
    fact = only(text, lang)
    assert (fact.kind, fact.unit, fact.text, fact.value) == ("money", unit, surface, value)
    assert text[fact.start : fact.end] == surface


def test_same_range_in_three_languages() -> None:
    fr = "Participez aux conversations communautaires du 24 au 26 mai"
    es = "Participa en conversaciones comunitarias los días 24, 25 y 26 de mayo"
    en = "Take part in community conversations 24-26 May"
    assert values(fr, "fr") == values(es, "es") == values(en, "en") == {24, 25, 26}


def test_range_facts_cover_the_whole_range() -> None:
    text = "du 24 au 26 mai"
    facts = extract_numbers(text, "fr")
    assert {f.kind for f in facts} == {"range"}
    assert {(f.text, f.start, f.end) for f in facts} == {("24 au 26", 3, 11)}
    years = extract_numbers("(2019-2020)", "en")
    assert [(f.kind, f.value, f.text) for f in years] == [("range", 2019, "2019-2020"), ("range", 2020, "2019-2020")]


def test_digits_and_words_give_the_same_value() -> None:
    en = only("These commitments encompass all 6 priority thematic areas.", "en")
    assert (en.value, en.hard, en.kind) == (6, True, "number")
    es = only("Estos compromisos abarcan las seis áreas temáticas prioritarias.", "es")
    assert (es.value, es.hard, es.kind, es.text) == (6, False, "word", "seis")
    fr = only("Ces engagements couvrent les six domaines thématiques prioritaires.", "fr")
    assert (fr.value, fr.hard, fr.kind, fr.text) == (6, False, "word", "six")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("twenty-one and one", "en", {21}),
        ("vingt et un, une, un", "fr", {21}),
        ("uno, una, un, cuatro y diez", "es", {4, 10}),
        ("ten, diez", "en", {10}),
        ("dix", "fr", {10}),
        ("mil", "es", {1000}),
        ("All four countries", "en", {4}),
        ("Les quatre pays", "fr", {4}),
        ("ein, zwei, zwölf", "de", {2, 12}),  # German, Portuguese, Italian through their profiles
        ("um, dois, doze", "pt", {2, 12}),
        ("uno, due, dodici", "it", {2, 12}),
        ("een, twee", "nl", {2}),  # no profile: text2num still reads Dutch
        ("one, two, three", "ru", set()),  # no profile, no text2num: never read as English words
    ],
)
def test_number_words(text: str, lang: str, expected: set[float]) -> None:
    facts = extract_numbers(text, lang)
    assert {f.value for f in facts} == expected
    assert all(not f.hard and f.kind == "word" for f in facts)


def test_word_percent() -> None:
    fact = only("sesenta por ciento", "es")
    assert (fact.value, fact.unit, fact.hard) == (60, "%", False)


FILLER = " ".join(["the report was read by everyone in the team"] * 6)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # text2num is handed the tokens near number words only: a number at
        # either end of a long text, numbers far apart, a percent phrase at
        # the edge of the reach, and a number whose words are joined across it
        (f"Twenty-one {FILLER} and one hundred and five", "en", [(21, None), (105, None)]),
        (f"{FILLER} twelve", "en", [(12, None)]),
        (f"twelve per cent {FILLER}", "en", [(12, "%")]),
        (f"sesenta por ciento {FILLER} tres", "es", [(60, "%"), (3, None)]),
        (f"{FILLER} quatre-vingt-dix-neuf pour cent", "fr", [(99, "%")]),
        ("three thousand two hundred and forty seven", "en", [(3247, None)]),
    ],
)
def test_number_words_in_a_long_text(text: str, lang: str, expected: list[tuple[int, str | None]]) -> None:
    facts = extract_numbers(text, lang)
    assert [(f.value, f.unit) for f in facts] == expected
    assert all(text[f.start : f.end] == f.text for f in facts)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("one point one", "en", [(Decimal("1.1"), "one point one")]),  # two "one"s make a number
        ("uno coma uno", "es", [(Decimal("1.1"), "uno coma uno")]),
        ("un virgule un", "fr", [(Decimal("1.1"), "un virgule un")]),
        ("point one, minus one, a one", "en", []),  # one "one" reads as 1 at most
        ("x_y \u0663 __ twenty-one", "en", [(21, "twenty-one")]),  # offsets past "_" and other digits
        ("a\u00a0one\u2009hundred", "en", [(100, "one\u2009hundred")]),
    ],
)
def test_number_words_around_one(text: str, lang: str, expected: list[tuple[Decimal, str]]) -> None:
    facts = extract_numbers(text, lang)
    assert [(f.value, f.text) for f in facts] == expected
    assert all(text[f.start : f.end] == f.text for f in facts)


def test_a_lone_one_is_not_handed_to_text2num(monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles ("a one-off", "une", "una") are the most common number words
    and never make a number alone: once the word is known, text2num is not
    asked about the stretch around it."""
    from ogpcheck.extract import numbers

    text = "It was one report among many, and the team read it twice over."
    assert extract_numbers(text, "en") == []  # the words of the text are now known
    calls = []
    monkeypatch.setattr(numbers, "find_numbers", lambda *args: calls.append(args) or [])
    assert extract_numbers(text, "en") == [] and calls == []
    extract_numbers(text.replace("many", "two"), "en")  # "one ... two": a stretch worth reading
    assert calls


def test_number_words_once_reset_are_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpcheck.extract import numbers

    monkeypatch.setattr(numbers, "_WORDS_KEPT", 3)  # the words kept per language overflow at once
    for _ in range(3):
        assert values("seven cats, eight dogs and nine birds sat there", "en") == {7, 8, 9}
        assert values("no number here at all, only words", "en") == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("the first and second round", "en", [1, 2]),
        ("la primera vez, segunda ronda", "es", [1, 2]),
        ("le premier et deuxième cycle", "fr", [1, 2]),
    ],
)
def test_ordinal_words(text: str, lang: str, expected: list[float]) -> None:
    facts = extract_numbers(text, lang)
    assert [f.value for f in facts] == expected
    assert all(f.kind == "ordinal" and not f.hard for f in facts)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1st 2nd 3rd 21st", "en", [1, 2, 3, 21]),
        ("1er 1re 2e 2ème", "fr", [1, 1, 2, 2]),
        ("2.º 2º 1.ª 1.er", "es", [2, 2, 1, 1]),
        ("1º 2.ª", "pt", [1, 2]),
        ("1º 2ª", "it", [1, 2]),
    ],
)
def test_ordinal_digits(text: str, lang: str, expected: list[int]) -> None:
    facts = extract_numbers(text, lang)
    assert [f.value for f in facts] == expected
    assert [f.text for f in facts] == text.split()
    assert all(f.kind == "ordinal" and f.hard for f in facts)


def test_ordinal_endings_are_the_language_s_own() -> None:
    """"2e" is an ordinal in French, a glued token in English (never a fact)."""
    assert [f.kind for f in extract_numbers("le 2e rang", "fr")] == ["ordinal"]
    assert extract_numbers("the 2e rank", "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "kind", "value", "surface"),
    [
        ("Goals of OGP MDTF Window 1.2, key results from awardees", "en", "section", 1.2, "1.2"),
        ("La Ventana 1.2 pertenece a la Ventana 1", "es", "section", 1.2, "1.2"),
        ("1.2.3 Scope", "en", "section", 1.2, "1.2.3"),
        ("1.2 Introduction", "en", "section", 1.2, "1.2"),
        ("Node v18.17.1", "en", "version", 18.17, "v18.17.1"),
        ("Python 3.8.0", "en", "version", 3.8, "3.8.0"),
        ("at 10:30", "en", "time", 10.5, "10:30"),
        ("à 10h30", "fr", "time", 10.5, "10h30"),
        ("in 2019", "en", "year", 2019, "2019"),
    ],
)
def test_kinds(text: str, lang: str, kind: str, value: float, surface: str) -> None:
    fact = extract_numbers(text, lang)[0]
    assert (fact.kind, float(fact.value), fact.text) == (kind, value, surface)


def test_footnote_markers_and_section() -> None:
    text = "Co-creation awards support Window 1.2 of the OGP MDTF.[i]"
    assert [(f.kind, f.value) for f in extract_numbers(text, "en")] == [("section", Decimal("1.2"))]
    assert [(m.kind, m.text) for m in extract_markers(text)] == [("footnote", "[i]")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Awardees with 2019-2021 Action Plans Showed Improvement in their Level of Public Influence[ii]", ["[ii]"]),
        ("[ii] Esta información proviene de las entrevistas", ["[ii]"]),
        ("[iv] This information comes from September 2020 interviews", ["[iv]"]),
        ("leur niveau d'influence publique[2]", ["[2]"]),
        ("a claim¹ and another² in 5 m²", ["¹", "²"]),
        ("- [x] done", []),
        ("no markers in 2019", []),
    ],
)
def test_footnote_markers(text: str, expected: list[str]) -> None:
    markers = extract_markers(text)
    assert [m.text for m in markers] == expected
    assert all(m.kind == "footnote" and text[m.start : m.end] == m.text for m in markers)


def test_placeholders_come_from_rule_data() -> None:
    markers = extract_markers("Over XNUMX members, {{NUM}} and %s")
    assert [(m.kind, m.text) for m in markers] == [
        ("placeholder", "XNUMX"),
        ("placeholder", "{{NUM}}"),
        ("placeholder", "%s"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shipped patterns test what precedes a match after its first
        # character: a placeholder stands alone, at the start of a text too
        ("XNUMX members", ["XNUMX"]),
        ("aXNUMX XXXXNUM", []),
        ("__NUM__ and __PH_1__", ["__NUM__", "__PH_1__"]),
        ("a__NUM__", []),
        ("%s left, and %d", ["%s", "%d"]),
        ("50%s a/%d x%s", []),
    ],
)
def test_placeholders_stand_alone(text: str, expected: list[str]) -> None:
    assert [m.text for m in extract_markers(text) if m.kind == "placeholder"] == expected


def _seed_jobs(name: str) -> list[tuple[str, str]]:
    lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    third = len(lines) // 3
    return [(line, "en" if i < third else "es" if i < 2 * third else "fr") for i, line in enumerate(lines)]


@pytest.mark.parametrize("name", ["000_2e39307007993178.txt", "003_5c43775e3edc9d72.txt"])
def test_seed_offsets_and_order(name: str) -> None:
    for line, lang in _seed_jobs(name):
        facts = extract_numbers(line, lang)
        assert [f.start for f in facts] == sorted(f.start for f in facts)
        for fact in facts:
            assert line[fact.start : fact.end] == fact.text
            assert fact.candidates and fact.candidates[0] == fact.value
            assert "-" not in fact.text or fact.kind == "range"
        assert extract_numbers(line, lang) == facts  # deterministic


SPACE_VARIANTS = ["\u202f", "\u00a0", "\u2009", " "]


@settings(max_examples=300, deadline=None)
@given(
    number=st.one_of(
        st.integers(min_value=0, max_value=10**12),
        st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    ),
    lang=st.sampled_from(["en", "es", "fr"]),
    space=st.sampled_from(SPACE_VARIANTS),
)
def test_babel_formatted_numbers_round_trip(number: int | Decimal, lang: str, space: str) -> None:
    surface = format_decimal(number, locale=lang)
    if lang == "fr":
        surface = surface.replace("\u202f", space)
    elif lang == "es" and space == " ":
        surface = surface.replace(".", " ")  # "1 000" as in the Spanish seed
    facts = [f for f in extract_numbers(f"Total {surface} items.", lang) if f.hard]
    assert len(facts) == 1, (surface, facts)
    fact = facts[0]
    expected = Decimal(number)
    assert expected in fact.candidates, (surface, fact)
    if len(fact.candidates) == 1:
        assert fact.value == expected
    assert not fact.malformed


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a balance of -12 this year", [-12.0]),
        ("from 2023 -2028 onwards", [2023.0, 2028.0]),
        ("pages 10-12", [10.0, 11.0, 12.0]),
        ("- 12 items in the list", [12.0]),
    ],
)
def test_hyphen_is_a_minus_only_when_it_opens_a_number(text: str, values: list[float]) -> None:
    assert sorted(f.value for f in extract_numbers(text, "en") if f.hard) == values


def test_shipped_currency_symbols_are_babels() -> None:
    """The precomputed table (read at every start instead of Babel's data of
    six locales) is what Babel gives, in the same order."""
    from ogpcheck.extract.currency_symbols import SYMBOLS
    from ogpcheck.extract.numbers import symbol_table

    assert list(SYMBOLS.items()) == list(symbol_table().items()), "run python scripts/gen_currency_symbols.py"


def test_shipped_number_signs_are_babels() -> None:
    """The precomputed decimal and group signs of the profiles' locales are
    what Babel gives; a locale outside the table is asked of Babel."""
    from ogpcheck.lang import signed_locales
    from ogpcheck.lang.number_signs import SIGNS
    from ogpcheck.lang.profile import babel_signs, signs

    assert {locale: babel_signs(locale) for locale in signed_locales()} == SIGNS, "run python scripts/gen_number_signs.py"
    assert signs("nl") == babel_signs("nl") == (",", ".")


@pytest.mark.parametrize(
    ("surface", "gsep", "dsep", "expected"),
    [
        ("1,234.5", ",", ".", Decimal("1234.5")),
        ("1.234,5", ".", ",", Decimal("1234.5")),
        ("1 234,5", " ", ",", Decimal("1234.5")),
        ("1\u202f234\u00a0567", " ", "", Decimal("1234567")),
        ("12,34", ",", "", Decimal("1234")),  # a grouping Babel rejects: the digits still say what was read
        ("1234567890123456789012345678901,5", "", ",", Decimal("1234567890123456789012345678901.5")),
    ],
)
def test_digits_are_read_with_the_signs_given(surface: str, gsep: str, dsep: str, expected: Decimal) -> None:
    """Any group and decimal signs are mapped onto those of CLDR's root
    locale before Babel reads and checks the grouping."""
    from ogpcheck.extract.numbers import _parse

    assert _parse(surface, gsep, dsep) == expected
