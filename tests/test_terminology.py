"""The terminology file: its documented format, clear errors for a bad user
file (exit 2, one line), and user terms that extend or replace shipped ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck import cli
from ogpcheck.errors import InputError
from ogpcheck.extract.gazetteer import gazetteer
from ogpcheck.extract.terminology import load_terms, parse_terms, read_terms, shipped_terms

LANGS = ("en", "es", "fr")  # the languages of the documents these tests stand for


def test_every_shipped_term_has_a_name_or_acronym_and_a_unique_id() -> None:
    terms = shipped_terms()
    ids = [t.id for t in terms]
    assert len(ids) == len(set(ids))
    assert all(any(f.cls in ("names", "acronyms") for f in t.forms) for t in terms)
    ogp = next(t for t in terms if t.id == "ogp")
    assert {f.text for f in ogp.forms if f.cls == "acronyms"} == {"OGP", "AGA", "PGO"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "a list under 'terms'"),
        ({"terms": ["OGP"]}, "must be a mapping"),
        ({"terms": [{"names": {"en": "X"}}]}, "lacks its 'id'"),
        ({"terms": [{"id": "x", "type": "city", "names": {"en": "X"}}]}, "type must be one of"),
        ({"terms": [{"id": "x", "aliases": {"en": "X"}}]}, "needs at least one name or acronym"),
        ({"terms": [{"id": "x", "names": ["X"]}]}, "must map a language"),
        ({"terms": [{"id": "x", "names": {"en": ""}}]}, "must be a string or a list of strings"),
        ({"terms": [{"id": "x", "nmes": {"en": "X"}}]}, "unknown key(s) nmes"),
    ],
)
def test_a_bad_term_is_named_in_the_error(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_terms(data, "user.yaml")


def test_a_user_file_adds_terms_and_replaces_shipped_ones(tmp_path: Path) -> None:
    user = tmp_path / "terms.yaml"
    user.write_text(
        "terms:\n"
        "  - id: idb\n"
        "    type: organisation\n"
        "    names: {en: Inter-American Development Bank, es: Banco Interamericano de Desarrollo}\n"
        "    acronyms: {en: IDB, es: BID}\n"
        "  - id: world-bank\n"
        "    type: organisation\n"
        "    names: {en: World Bank Group, es: Grupo Banco Mundial}\n",
        encoding="utf-8",
    )
    terms = load_terms([user])
    assert [t.id for t in read_terms(user)] == ["idb", "world-bank"]
    assert len(terms) == len(shipped_terms()) + 1
    found = gazetteer(terms, LANGS).find("El BID y el Grupo Banco Mundial; the World Bank")
    assert [h.entry.key for h in found] == ["term:idb", "term:world-bank"]


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    return int(exit_.value.code or 0), capsys.readouterr().err


def test_a_missing_terms_file_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = Path(__file__).resolve().parent.parent / "fixtures" / "entities" / "country-swapped" / "report.en.md"
    code, err = run_cli([str(seed), "--terms", str(tmp_path / "none.yaml")], capsys)
    assert code == 2
    assert err.strip().splitlines() == [f"ogpcheck: error: {tmp_path / 'none.yaml'}: no such terminology file"]


def test_a_terms_file_that_is_not_yaml_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms: [unclosed\n", encoding="utf-8")
    seed = Path(__file__).resolve().parent.parent / "fixtures" / "entities" / "country-swapped" / "report.en.md"
    code, err = run_cli([str(seed), "--terms", str(bad)], capsys)
    assert code == 2
    assert "not valid YAML" in err and len(err.strip().splitlines()) == 1
