"""Languages as data: one profile per language (``ogpcheck/lang/<code>.py``).

German, Portuguese and Italian are read through their profiles alone:
numbers in their styles, numbers in words (text2num), CLDR country names,
list counts, and a notice where no spaCy pipeline is installed. A language
without a profile is named in a notice that says what is and is not checked.
The fixtures in ``fixtures/languages/`` are small documents named for what
they show."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from ogpcheck import lang
from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.extract import gazetteer as gazetteer_module
from ogpcheck.extract import numbers
from ogpcheck.extract.gazetteer import gazetteer
from ogpcheck.extract.numbers import extract_numbers
from ogpcheck.extract.structure.enumerations import enumerations
from ogpcheck.extract.terminology import load_terms
from ogpcheck.lang import vocab
from ogpcheck.lang.profile import Profile, babel_knows, english_name, text2num_supports
from ogpcheck.models import Report
from ogpcheck.read import read_text
from ogpcheck.versions import langguard
from ogpcheck.versions.split import split

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "languages"
NEW = ["de", "pt", "it"]


def run(case: str, select: list[str] | None = None) -> Report:
    paths = sorted((FIXTURES / case).glob("report.*.md"))
    langs = [path.name.split(".")[1] for path in paths]
    return check(paths, Options(langs=langs, select=select or []))


def facts(text: str, code: str) -> list[tuple[str, str, str | None]]:
    return [(str(f.value), f.kind, f.unit) for f in extract_numbers(text, code) if f.hard]


# -- the profiles -------------------------------------------------------------


def test_every_language_of_the_tool_has_a_profile() -> None:
    assert {"en", "es", "fr", "de", "pt", "it"} <= set(lang.codes())


@pytest.mark.parametrize("profile", lang.profiles(), ids=lambda p: p.code)
def test_a_profile_names_data_its_libraries_know(profile: Profile) -> None:
    assert profile.name == english_name(profile.code)
    assert babel_knows(profile.locale)
    assert profile.number_words is None or text2num_supports(profile.number_words)
    assert profile.conjunctions and profile.stopwords and profile.scales and profile.percent
    assert all(isinstance(power, int) and power % 3 == 0 for power in profile.scales.values())
    assert extract_numbers(profile.warm_up, profile.code), "the warm-up sentence states numbers"


def test_text2num_reads_the_new_languages() -> None:
    """text2num 3.x reads en, fr, es, pt, de, nl, da and it; not, say, Russian."""
    assert all(text2num_supports(code) for code in ["en", "es", "fr", "de", "pt", "it", "nl", "da"])
    assert not text2num_supports("ru")


# -- numbers in each language's style -------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("1.500 Familien und 3.000.000 Einwohner", "de", [("1500", "number", None), ("3000000", "number", None)]),
        ("2,5 Millionen Euro", "de", [("2.5E+6", "money", "EUR")]),
        ("3 Mio. Euro und 4 Mrd. US-Dollar", "de", [("3E+6", "money", "EUR"), ("4E+9", "money", "USD")]),
        ("12,5 Prozent", "de", [("12.5", "percent", "%")]),
        ("eine Billion", "de", []),  # a word: soft
        ("3 Billionen", "de", [("3E+12", "number", None)]),  # the long scale
        ("1.500 famílias", "pt", [("1500", "number", None)]),
        ("1 500 famílias", "pt", [("1500", "number", None)]),  # Portugal groups with spaces
        ("2,5 milhões de euros", "pt", [("2.5E+6", "money", "EUR")]),
        ("3 bilhões", "pt", [("3E+9", "number", None)]),  # Brazil: short scale
        ("2 mil milhões", "pt", [("2E+9", "number", None)]),  # Portugal: long scale
        ("12,5 por cento", "pt", [("12.5", "percent", "%")]),
        ("1.500 famiglie", "it", [("1500", "number", None)]),
        ("2,5 milioni di euro", "it", [("2.5E+6", "money", "EUR")]),
        ("3 miliardi", "it", [("3E+9", "number", None)]),
        ("12,5 per cento", "it", [("12.5", "percent", "%")]),
    ],
)
def test_numbers_in_each_language_s_style(text: str, code: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert facts(text, code) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("vom 24. bis 26. März", "de"),
        ("zwischen 24. und 26. März", "de"),
        ("de 24 a 26 de março", "pt"),
        ("entre 24 e 26 de março", "pt"),
        ("dal 24 al 26 marzo", "it"),
        ("tra 24 e 26 marzo", "it"),
    ],
)
def test_ranges_in_each_language(text: str, code: str) -> None:
    found = extract_numbers(text, code)
    assert [(int(f.value), f.kind) for f in found] == [(24, "range"), (25, "range"), (26, "range")]


@pytest.mark.parametrize(("text", "code"), [("zwölf", "de"), ("doze", "pt"), ("dodici", "it")])
def test_numbers_in_words_through_text2num(text: str, code: str) -> None:
    (fact,) = extract_numbers(f"… {text} …", code)
    assert (fact.value, fact.kind, fact.hard) == (Decimal(12), "word", False)


def test_1500_reads_one_way_in_german_and_another_in_english() -> None:
    """``1.500`` is 1500 in German and 1.5 in English; both readings stay
    candidates, the language's own first."""
    (german,) = extract_numbers("1.500", "de")
    (english,) = extract_numbers("1.500", "en")
    assert german.candidates == (Decimal(1500), Decimal("1.5"))
    assert english.candidates == (Decimal("1.5"), Decimal(1500))


def test_a_number_in_another_language_s_style_is_a_reading_warning(tmp_path: Path) -> None:
    texts = {
        "en": "The fund supported 1,500 families.\n",
        "fr": "Le fonds a soutenu 1 500 familles.\n",
        "de": "Der Fonds unterstützte 1,500 Familien.\n",  # English style: 1.5 in German
    }
    paths = []
    for code, text in texts.items():
        (tmp_path / f"r.{code}.md").write_text(text, encoding="utf-8")
        paths.append(tmp_path / f"r.{code}.md")
    report = check(paths, Options(langs=list(texts), select=["NUM"]))
    assert [(f.rule, f.suspect, f.message) for f in report.findings] == [
        ("NUM005", ["de"], "de writes '1,500', which reads 1.5 in German, where en, fr give 1500")
    ]


# -- names and lists ------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text", "key"),
    [
        ("de", "Besuch in Deutschland", "territory:DE"),
        ("de", "Treffen in Spanien", "territory:ES"),
        ("pt", "Visita à Alemanha", "territory:DE"),
        ("pt", "Encontro na Espanha", "territory:ES"),
        ("it", "Visita in Germania", "territory:DE"),
        ("it", "Incontro in Spagna", "territory:ES"),
    ],
)
def test_cldr_country_names_in_each_language(code: str, text: str, key: str) -> None:
    hits = gazetteer(load_terms(), ("en", code)).find(text)
    assert [hit.entry.key for hit in hits] == [key]


def test_cldr_names_are_those_of_the_document_s_languages() -> None:
    """German names are looked for in documents with a German version only."""
    assert gazetteer(load_terms(), ("en", "es", "fr")).find("Treffen in Deutschland") == []
    assert [h.entry.key for h in gazetteer(load_terms(), ("de", "en")).find("Treffen in Deutschland")] == ["territory:DE"]


@pytest.mark.parametrize(
    ("text", "code", "count"),
    [
        ("Beteiligt waren Schulen, Bibliotheken, Museen und Elternverbände.", "de", 4),
        ("Participaram escolas, bibliotecas, museus e associações de pais.", "pt", 4),
        ("Hanno partecipato scuole, biblioteche, musei e associazioni di genitori.", "it", 4),
    ],
)
def test_list_counts_in_each_language(text: str, code: str, count: int) -> None:
    assert enumerations(text, code) == [count]


def test_a_language_without_a_profile_has_no_enumerations_rather_than_wrong_ones() -> None:
    """Dutch "en" is "and": read with other languages' conjunctions the list
    below would count two items."""
    assert enumerations("Het werkte met scholen, bibliotheken, musea en sportclubs.", "nl") == []


# -- the fixtures ---------------------------------------------------------------


def _found(report: Report) -> list[tuple[str, str, list[str]]]:
    return [(f.rule, f.severity.value, f.suspect) for f in report.findings]


def test_german_table_with_a_wrong_value() -> None:
    report = run("de-table-wrong-value")
    assert _found(report) == [("NUM001", "error", ["de"])]
    assert report.findings[0].message == (
        "de gives 821500 where en, fr give 812500 (row «South», column «Amount (EUR)»)"
    )


def test_portuguese_country_swapped() -> None:
    report = run("pt-country-swapped")
    assert _found(report) == [("ENT001", "error", ["pt"])]
    assert report.findings[0].message.startswith("pt names France (França) where en, es name Spain")


def test_italian_list_item_dropped() -> None:
    report = run("it-list-item-dropped")
    assert _found(report) == [("STR006", "warning", ["it"])]


def test_german_portuguese_and_italian_that_agree_raise_nothing() -> None:
    report = run("de-pt-it-agree")
    assert report.findings == []
    (notice,) = report.notices
    assert notice.startswith("entities: no spaCy pipeline installed (de: none known for German;")
    assert "names in de, it, pt are checked from data only" in notice


def test_a_language_without_a_profile_is_checked_with_a_notice() -> None:
    report = run("nl-no-profile")
    assert report.findings == []  # the list the Dutch version shortens is not counted, not miscounted
    coverage = [n for n in report.notices if n.startswith("nl: no language profile for Dutch (nl)")]
    assert len(coverage) == 1
    assert "with the separators CLDR gives Dutch and in words (text2num)" in coverage[0]
    assert "enumerations in sentences (STR006) are not counted" in coverage[0]


# -- language identification ------------------------------------------------------


def test_identification_is_restricted_to_requested_and_profiled_languages() -> None:
    assert langguard.candidates(["en", "nl"]) == ["en", "nl", *[c for c in lang.codes() if c != "en"]]


def test_a_run_in_a_profiled_language_langs_does_not_name_is_left_out() -> None:
    text = (
        "The programme trained teachers in every region of the country during the whole year.\n\n"
        "It also opened new schools in the north, with the support of local authorities and parents.\n\n"
        "El programa formó a docentes en todas las regiones del país durante todo el año.\n\n"
        "También abrió nuevas escuelas en el norte, con el apoyo de las autoridades locales y los padres.\n\n"
        "Il programma ha formato insegnanti in tutte le regioni del paese durante tutto l'anno.\n\n"
        "Ha anche aperto nuove scuole nel nord, con il sostegno delle autorità locali e dei genitori.\n"
    )
    document = split(read_text(text, "r.txt"), ["en", "es"], "r.txt")
    assert [v.id for v in document.versions] == ["en", "es"]
    assert document.notices == ["r.txt:9-11: text in Italian (it), which --langs does not name; not checked"]


# -- adding a language is adding its profile ------------------------------------------


@pytest.fixture
def dutch_profile() -> Iterator[None]:
    """A Dutch profile, as a new ``ogpcheck/lang/nl.py`` would define it."""
    module = types.ModuleType("ogpcheck.lang.nl")
    module.PROFILE = Profile(  # type: ignore[attr-defined]
        code="nl",
        name="Dutch",
        locale="nl",
        number_words="nl",
        scales={"duizend": 3, "miljoen": 6, "miljard": 9},
        percent=("procent",),
        range_to=("tot",),
        conjunctions=("en", "of"),
        stopwords=("de", "het", "van", "en"),
        warm_up="De raad kwam in 2021 3 keer bijeen en keurde 12 projecten goed voor 1.500 gezinnen.",
    )
    caches = [lang.profile, lang.of, lang.profiles, numbers._style, vocab._words, vocab.vocabulary]
    caches += [gazetteer_module.stopwords, gazetteer_module.generic_words]
    for cached in caches:
        cached.cache_clear()
    sys.modules["ogpcheck.lang.nl"] = module
    yield
    del sys.modules["ogpcheck.lang.nl"]
    for cached in caches:
        cached.cache_clear()


def test_one_profile_is_all_a_language_needs(dutch_profile: None) -> None:
    assert lang.of("nl").profiled
    assert facts("5 miljoen euro", "nl") == [("5E+6", "number", None)]
    assert facts("12,5 procent", "nl") == [("12.5", "percent", "%")]
    assert [int(f.value) for f in extract_numbers("van 24 tot 26", "nl")] == [24, 25, 26]
    assert enumerations("Het werkte met scholen, bibliotheken, musea en sportclubs.", "nl") == [4]
    assert "procent" not in " ".join(vocab.vocabulary().heading_words)
