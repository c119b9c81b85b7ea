"""The source language decides who is blamed: a version that departs from
the source is the suspect, even when two translations agree against it;
without a source the majority decides (``compare/vote.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.compare.vote import named, vote
from ogpcheck.models import Finding

from .conftest import HANDMADE, SEED_000

# English was updated (the figure is now 21); both translations still give 78.
STALE = {
    "en": "# Energy\n\nEthereum used about 21 TWh a year before the change, and 14 teams audited the figure.\n",
    "es": "# Energía\n\nEthereum usaba unos 78 TWh al año antes del cambio, y 14 equipos auditaron la cifra.\n",
    "fr": "# Énergie\n\nEthereum consommait environ 78 TWh par an avant le changement, et 14 équipes ont vérifié le chiffre.\n",
}


def write(tmp_path: Path, texts: dict[str, str], names: dict[str, str] | None = None) -> list[Path]:
    paths = []
    for lang, text in texts.items():
        path = tmp_path / (names or {}).get(lang, f"report.{lang}.md")
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def numbers(tmp_path: Path, texts: dict[str, str], source: str | None = None, **names: str) -> list[Finding]:
    options = Options(select=["NUM"], source=source)
    return check(write(tmp_path, texts, names), options).findings


def test_vote_without_a_source_is_the_majority() -> None:
    assert vote({"en": 3, "es": 3, "fr": 3}) is None
    outcome = vote({"en": 3, "es": 2, "fr": 3})
    assert outcome is not None and outcome.reference == 3 and outcome.suspects == ["es"]
    tie = vote({"en": 3, "es": 2})
    assert tie is not None and tie.reference is None and tie.suspects == []


def test_vote_with_a_source_blames_every_version_that_departs_from_it() -> None:
    outcome = vote({"en": 21, "es": 78, "fr": 78}, source="en")
    assert outcome is not None and outcome.reference == 21 and outcome.suspects == ["es", "fr"]
    two = vote({"en": 3, "fr": 2}, source="en")
    assert two is not None and two.suspects == ["fr"]


def test_a_source_absent_from_the_values_leaves_the_majority_to_decide() -> None:
    outcome = vote({"es": 2, "fr": 3, "fr.2": 3}, source="en")
    assert outcome is not None and outcome.suspects == ["es"] and outcome.source is None


def test_messages_name_the_source() -> None:
    assert named(["en"], "en") == "the source en"
    assert named(["en", "es"], "en") == "the source en and es"
    assert named(["en", "es"], None) == "en, es"
    assert named(["es", "fr"], "en") == "es, fr"


def test_without_a_source_the_majority_blames_the_updated_source(tmp_path: Path) -> None:
    (finding,) = numbers(tmp_path, STALE)
    assert (finding.rule, finding.suspect) == ("NUM001", ["en"])
    assert finding.message == "en gives 21 where es, fr give 78"


def test_with_a_source_two_translations_agreeing_against_it_are_both_suspects(tmp_path: Path) -> None:
    (finding,) = numbers(tmp_path, STALE, source="en")
    assert (finding.rule, finding.severity.value, finding.suspect) == ("NUM001", "error", ["es", "fr"])
    assert finding.message == "es, fr give 78 where the source en gives 21"
    assert [loc.version for loc in finding.locations] == ["es", "fr", "en"]
    assert [loc.values for loc in finding.locations] == [["78"], ["78"], ["21"]]


def test_with_a_source_a_lone_wrong_translation_is_still_the_suspect(tmp_path: Path) -> None:
    wrong = dict(STALE, en=STALE["en"].replace("21", "78"), es=STALE["es"].replace("14", "41"))
    (finding,) = numbers(tmp_path, wrong, source="en")
    assert finding.suspect == ["es"] and finding.message == "es gives 41 where the source en and fr give 14"


def test_with_a_source_a_number_the_translations_lack_is_missing_from_them(tmp_path: Path) -> None:
    texts = dict(STALE, en=STALE["en"].replace("21", "78"))
    texts["en"] = texts["en"].replace("and 14 teams", "and 14 teams in 3 countries")
    (finding,) = numbers(tmp_path, texts, source="en")
    assert (finding.rule, finding.suspect) == ("NUM002", ["es", "fr"])
    assert finding.message == "es, fr lack 3, given by the source en"


def test_two_versions_with_a_source_blame_the_translation(tmp_path: Path) -> None:
    folder = HANDMADE / "two_versions_no_majority"
    paths = [folder / "report.en.md", folder / "report.fr.md"]
    (error,) = [f for f in check(paths, Options(langs=["en", "fr"], source="en")).findings if f.severity.value == "error"]
    assert error.suspect == ["fr"] and "no majority" not in error.message


def test_a_list_the_source_extended_blames_both_translations(tmp_path: Path) -> None:
    texts = {
        "en": "Supported systems:\n\n- Ubuntu\n- Debian\n- Fedora\n- Windows Server\n",
        "es": "Sistemas compatibles:\n\n- Ubuntu\n- Debian\n- Fedora\n",
        "fr": "Systèmes pris en charge :\n\n- Ubuntu\n- Debian\n- Fedora\n",
    }
    paths = write(tmp_path, texts)
    majority = [f for f in check(paths, Options(select=["STR003"])).findings]
    assert [f.suspect for f in majority] == [["en"]]
    (finding,) = check(paths, Options(select=["STR003"], source="en")).findings
    assert finding.suspect == ["es", "fr"]
    assert finding.message == "es has 3 item(s); fr has 3 item(s) in a list where the source en has 4"


def test_the_file_that_names_no_language_is_the_source_by_convention(tmp_path: Path) -> None:
    paths = write(tmp_path, STALE, {"en": "report.md"})
    report = check(paths, Options(select=["NUM"]))
    (finding,) = report.findings
    assert finding.suspect == ["es", "fr"]
    assert any("report.md names no language" in notice for notice in report.notices)
    majority = check(paths, Options(select=["NUM"], source="none"))
    assert [f.suspect for f in majority.findings] == [["en"]] and not majority.notices


def test_a_source_without_a_version_says_so_and_the_majority_decides(tmp_path: Path) -> None:
    texts = {lang: STALE[lang] for lang in ("es", "fr")}
    texts["fr"] = texts["fr"].replace("14", "41")
    report = check(write(tmp_path, texts), Options(langs=["en", "es", "fr"], select=["NUM"], source="en"))
    assert report.findings and all("(no majority)" in f.message for f in report.findings)
    assert report.notices == ["no en version (the source): the majority decides who is blamed"]


@pytest.mark.parametrize("key", ["source", "source-lang"])
def test_the_configuration_key_and_its_former_name(run, tmp_path: Path, key: str) -> None:
    paths = write(tmp_path, STALE)
    (tmp_path / "ogpcheck.toml").write_text(f'{key} = "en"\nselect = ["NUM"]\n', encoding="utf-8")
    data = run(*paths, "--format", "json").json()
    assert [f["suspect"] for f in data["findings"]] == [["es", "fr"]]
    assert [f["suspect"] for f in run(*paths, "--format", "json", "--source", "none").json()["findings"]] == [["en"]]


def test_both_keys_at_once_and_an_unknown_source_are_errors(run, tmp_path: Path) -> None:
    paths = write(tmp_path, STALE)
    config = tmp_path / "ogpcheck.toml"
    config.write_text('source = "en"\nsource-lang = "fr"\n', encoding="utf-8")
    result = run(*paths)
    assert result.code == 2 and "'source-lang' sets 'source' a second time" in result.err
    result = run(*paths, "--isolated", "--source", "de")
    assert result.code == 2 and result.err.strip() == "ogpcheck: error: --source: 'de' is not one of the languages (en, es, fr)"


@pytest.mark.slow  # loads the spaCy pipelines
def test_a_name_the_source_changed_blames_the_translations_that_kept_the_old_one(tmp_path: Path) -> None:
    texts = {
        "en": "The second pilot of the programme ran in Chile during the whole year.\n",
        "es": "El segundo piloto del programa se llevó a cabo en Perú durante todo el año.\n",
        "fr": "Le deuxième pilote du programme s'est déroulé au Pérou pendant toute l'année.\n",
    }
    paths = write(tmp_path, texts)
    (majority,) = check(paths, Options(select=["ENT"])).findings
    assert majority.suspect == ["en"] and majority.message == "en names Chile where es, fr name Perú"
    (finding,) = check(paths, Options(select=["ENT"], source="en")).findings
    assert (finding.rule, finding.severity.value, finding.suspect) == ("ENT001", "error", ["es", "fr"])
    assert finding.message == "es, fr name Perú where the source en names Chile"


def test_a_batch_in_the_suffix_layout_takes_the_unsuffixed_file_as_the_source(run, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, STALE, {"en": "energy.md", "es": "energy.es.md", "fr": "energy.fr.md"})
    data = run(docs, "--format", "json", "--select", "NUM", "--jobs", "1").json()
    (report,) = data["documents"]
    assert [f["suspect"] for f in report["findings"]] == [["es", "fr"]]
    assert any("energy.md names no language" in notice for notice in report["notices"])


@pytest.mark.parametrize("source", [None, "en"])
def test_the_seeds_wrong_french_cells_blame_french_either_way(source: str | None) -> None:
    """French alone is wrong in seed 000: the majority and the source agree."""
    options = Options(select=["NUM001"], source=source, langs=["en", "es", "fr"])
    findings = check([SEED_000], options).findings
    assert [(f.locations[0].line, f.suspect) for f in findings] == [(788, ["fr"]), (810, ["fr"]), (832, ["fr"])]
