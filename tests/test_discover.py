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


# -- one mechanism: every layout from any one of its files, single run or batch --

LAYOUT_FILES = {
    "folder": ["docs/en/x.md", "docs/es/x.md", "docs/fr/x.md"],
    "suffix": ["docs/x.md", "docs/x.es.md", "docs/x.fr.md"],
    "suffix, source named": ["docs/x.en.md", "docs/x.es.md", "docs/x.fr.md"],
    "name": ["docs/x/en.md", "docs/x/es.md", "docs/x/fr.md"],
}


def _tree(root: Path, names: list[str]) -> list[Path]:
    from .trilingual import TEXT

    paths = []
    for name, lang in zip(names, LANGS):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT[lang], encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("layout", sorted(LAYOUT_FILES))
@pytest.mark.parametrize("given", [0, 1, 2])
def test_every_layout_is_found_from_any_one_file(tmp_path: Path, layout: str, given: int) -> None:
    from ogpcheck.app.batch import plan

    paths = _tree(tmp_path, LAYOUT_FILES[layout])
    inputs = resolve([paths[given]], LANGS)
    assert sorted((i.path, i.lang) for i in inputs) == sorted(zip(paths, LANGS))
    (document,) = plan([paths[given]], LANGS, ["folder", "suffix", "name"])
    assert document.files == list(zip(LANGS, paths)) and document.missing == []


def test_batch_from_the_french_file_finds_the_english_one_and_the_error(run, tmp_path: Path) -> None:
    """What a pre-commit hook passes when only French changed: the English
    file is found, the wrong number reported, and the run fails."""
    paths = _tree(tmp_path, LAYOUT_FILES["suffix, source named"])
    result = run("--batch", paths[2], "--format", "json", "--isolated")
    assert result.code == 1, result.err
    (report,) = result.json()["documents"]
    assert [v["path"] for v in report["versions"]] == [str(p) for p in paths]
    assert [f["rule"] for f in report["findings"]] == ["NUM001"]
    assert report["findings"][0]["suspect"] == ["fr"]


def test_a_plain_file_beside_a_named_source_is_not_a_second_english(tmp_path: Path) -> None:
    """``x.md`` is in the source language by convention, unless ``x.en.md``
    exists: then it takes the language left over."""
    paths = _tree(tmp_path, ["x.en.md", "x.md", "x.fr.md"])
    inputs = resolve([paths[1]], LANGS)
    assert sorted((i.path.name, i.lang) for i in inputs) == [("x.en.md", "en"), ("x.fr.md", "fr"), ("x.md", "es")]
