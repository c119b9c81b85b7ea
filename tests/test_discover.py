"""How the versions of one document are found among files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck.app.files import declared_lang, resolve
from ogpcheck.errors import InputError

from .conftest import HANDMADE

LANGS = ["en", "es", "fr"]


def test_infix_siblings_are_found_from_the_plain_name() -> None:
    inputs = resolve([HANDMADE / "table_wrong_cell" / "report.md"], LANGS)
    assert [(i.path.name, i.lang) for i in inputs] == [
        ("report.md", "en"),
        ("report.es.md", "es"),
        ("report.fr.md", "fr"),
    ]


def test_language_folders_are_found_from_one_of_them() -> None:
    inputs = resolve([HANDMADE / "folders" / "es" / "report.md"], LANGS)
    assert sorted((i.path.parent.name, i.lang) for i in inputs) == [("en", "en"), ("es", "es"), ("fr", "fr")]
    assert inputs[0].lang == "es"


def test_explicit_list_keeps_order_and_declared_languages() -> None:
    folder = HANDMADE / "two_versions_no_majority"
    inputs = resolve([folder / "report.fr.md", folder / "report.en.md"], LANGS)
    assert [i.lang for i in inputs] == ["fr", "en"]


def test_single_file_without_siblings_is_one_input(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("text", encoding="utf-8")
    assert [(i.path, i.lang) for i in resolve([path], LANGS)] == [(path, None)]


@pytest.mark.parametrize(("name", "lang"), [("a.es.md", "es"), ("es/a.md", "es"), ("a.md", None), ("a.de.md", None)])
def test_declared_lang(name: str, lang: str | None) -> None:
    assert declared_lang(Path(name), LANGS) == lang


def test_missing_and_directory_inputs_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        resolve([tmp_path / "nope.md"], LANGS)
    with pytest.raises(InputError, match="directory"):
        resolve([tmp_path], LANGS)
