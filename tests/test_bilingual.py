"""Bilingual files (XLIFF 1.2 and 2.0, PO, TMX): their units are the
alignment, several files with one source make one document, and the wrong
French table value of the handmade fixture is found in each format with the
right suspect, unit and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import read_document
from ogpcheck.read.bilingual import read_units

from .conftest import FIXTURES

BILINGUAL = FIXTURES / "bilingual"
SCHEMA = json.loads((FIXTURES.parent / "ogpcheck" / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def _line_of(path: Path, text: str) -> int:
    """The 1-based line of the file holding ``text`` (once)."""
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("given", "unit", "fr_path", "fr_text", "below"),
    [
        ("xliff12/es/report.xlf", "t0-r2-c1", "xliff12/fr/report.xlf", 'id="t0-r2-c1"', 0),
        ("xliff2/report.es.xlf", "t0-r2-c1", "xliff2/report.fr.xlf", 'id="t0-r2-c1"', 0),
        ("po/report.es.po", "t0-r2-c1 | 4", "po/report.fr.po", 'msgctxt "t0-r2-c1"', 2),  # msgctxt, msgid, msgstr
        ("tmx/report.tmx", "t0-r2-c1", "tmx/report.tmx", 'tuid="t0-r2-c1"', 3),  # tu, en, es, fr
    ],
)
def test_wrong_french_cell_found_in_every_bilingual_format(
    run, given: str, unit: str, fr_path: str, fr_text: str, below: int
) -> None:
    result = run(BILINGUAL / given, "--format", "json")
    assert result.code == 1
    report = result.json()
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    assert report["versions"][0]["id"] == "en"
    assert sorted(v["id"] for v in report["versions"]) == ["en", "es", "fr"]
    (finding,) = report["findings"]
    assert (finding["rule"], finding["severity"], finding["suspect"]) == ("NUM001", "error", ["fr"])
    assert finding["message"].startswith("fr gives 12 where en, es give 4")
    suspect = finding["locations"][0]
    assert suspect["version"] == "fr" and suspect["unit"] == unit and suspect["values"] == ["12"]
    assert Path(suspect["path"]).as_posix().endswith(fr_path)
    assert suspect["line"] == _line_of(BILINGUAL / fr_path, fr_text) + below
    assert {loc["unit"] for loc in finding["locations"]} == {unit}
    assert finding["suggestion"]["summary"] == "fr: 12 -> 4"


def test_xliff_table_groups_name_the_cell_by_its_headers(run) -> None:
    finding = run(BILINGUAL / "xliff12" / "fr" / "report.xlf", "--format", "json").json()["findings"][0]
    assert "(row «Burkina Faso», column «Minor»)" in finding["message"]
    by_version = {loc["version"]: loc for loc in finding["locations"]}
    assert (by_version["fr"]["row_header"], by_version["fr"]["col_header"]) == ("Burkina Faso", "Mineur")
    assert by_version["es"]["col_header"] == "Menor"


def test_units_are_the_groups_and_the_aligner_is_not_run(monkeypatch) -> None:
    import ogpcheck.app.pipeline as pipeline

    def refuse(*args: object) -> None:
        raise AssertionError("the aligner ran on units")

    monkeypatch.setattr(pipeline, "align", refuse)
    report = pipeline.check([BILINGUAL / "xliff2" / "report.fr.xlf"], Options())
    assert len(report.groups) == 18
    assert all(set(g.members) == {"en", "es", "fr"} for g in report.groups)
    assert all(len({b.unit for b in g.members.values()}) == 1 for g in report.groups)


def test_files_with_other_ids_are_joined_by_source_text(tmp_path: Path) -> None:
    es = (BILINGUAL / "xliff2" / "report.es.xlf").read_text(encoding="utf-8")
    fr = (BILINGUAL / "xliff2" / "report.fr.xlf").read_text(encoding="utf-8").replace('id="t0-', 'id="other-')
    (tmp_path / "report.es.xlf").write_text(es, encoding="utf-8")
    (tmp_path / "report.fr.xlf").write_text(fr, encoding="utf-8")
    document = read_document([tmp_path / "report.es.xlf"], Options())
    assert document.groups is not None and len(document.groups) == 18
    cell = next(g for g in document.groups if g.members["en"].unit == "t0-r2-c1")
    assert (cell.members["fr"].unit, cell.members["fr"].text, cell.members["es"].text) == ("other-r2-c1", "12", "4")


def test_one_bilingual_file_is_two_versions_without_a_majority(run) -> None:
    result = run(BILINGUAL / "xliff2" / "report.fr.xlf", "--langs", "en,fr", "--format", "json")
    (finding,) = result.json()["findings"]
    assert finding["suspect"] == [] and finding["message"].endswith("(no majority)")
    assert finding["suggestion"] is None


def test_a_target_language_the_file_does_not_declare_comes_from_the_path(tmp_path: Path) -> None:
    text = (BILINGUAL / "po" / "report.fr.po").read_text(encoding="utf-8").replace('"Language: fr\\n"\n', "")
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "report.po").write_text(text, encoding="utf-8")
    document = read_document([folder / "report.po"], Options(langs=["en", "fr"]))
    assert [v.id for v in document.versions] == ["en", "fr"]


def test_native_codes_are_not_text_and_untranslated_units_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "codes.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US" segtype="sentence"'
        ' o-tmf="x" adminlang="en" datatype="html" creationtool="x" creationtoolversion="1"/><body>\n'
        '<tu tuid="a"><tuv xml:lang="en-US"><seg>Trained <bpt i="1">&lt;font size="12"&gt;</bpt>24<ept i="1">'
        '&lt;/font&gt;</ept> teachers</seg></tuv>\n<tuv xml:lang="fr-FR"><seg>42 enseignants</seg></tuv></tu>\n'
        '<tu tuid="b"><tuv xml:lang="en-US"><seg>Not translated yet</seg></tuv><tuv xml:lang="fr-FR"><seg/></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    read = read_units(path)
    assert read.source_lang == "en" and read.untranslated == 1
    (unit,) = read.units
    assert (unit.source.text, unit.targets["fr"].text, unit.source.line, unit.targets["fr"].line) == (
        "Trained 24 teachers",
        "42 enseignants",
        3,
        4,
    )


def test_po_text_on_continued_lines_keeps_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "long.fr.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid ""\n"The programme trained "\n"24 teachers."\n'
        'msgstr ""\n"Le programme a formé "\n"42 enseignants."\n',
        encoding="utf-8",
    )
    (unit,) = read_units(path).units
    source, target = unit.source, unit.targets["fr"]
    assert (source.line, source.line_of(source.text.index("24"))) == (6, 7)
    assert (target.line, target.line_of(target.text.index("42"))) == (9, 10)


def test_a_batch_takes_bilingual_files_as_one_document(run, tmp_path: Path) -> None:
    for name in ("report.es.po", "report.fr.po"):
        shutil.copy(BILINGUAL / "po" / name, tmp_path / name)
    report = run(tmp_path, "--format", "json", "--jobs", "1").json()
    (document,) = report["documents"]
    assert [v["id"] for v in document["versions"]] == ["en", "es", "fr"]
    assert [(f["rule"], f["suspect"]) for f in document["findings"]] == [("NUM001", ["fr"])]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.xlf", '<?xml version="1.0"?>\n<xliff version="1.2"><file><body><trans-unit', "not a valid XLIFF 1.2 file"),
        ("bad.tmx", "<tmx><body>", "not a valid TMX file"),
        ("empty.fr.po", "", "the file is empty"),
        ("none.fr.po", 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Hello"\nmsgstr ""\n', "no unit is translated"),
    ],
)
def test_bad_bilingual_files_are_one_line_errors(run, tmp_path: Path, name: str, content: str, problem: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run(path)
    assert result.code == 2 and result.out == ""
    (line,) = result.err.strip().split("\n")
    assert line.startswith(f"ogpcheck: error: {path}: ") and problem in line


def test_bilingual_and_other_files_are_not_mixed(run, tmp_path: Path) -> None:
    shutil.copy(BILINGUAL / "po" / "report.fr.po", tmp_path / "report.fr.po")
    (tmp_path / "report.es.md").write_text("# Resultados\n", encoding="utf-8")
    result = run(tmp_path / "report.fr.po", tmp_path / "report.es.md")
    assert result.code == 2 and "checked with other bilingual files only" in result.err


def test_a_batch_reports_the_translation_no_file_holds(run, tmp_path: Path) -> None:
    shutil.copy(BILINGUAL / "po" / "report.fr.po", tmp_path / "report.fr.po")
    (tmp_path / "sub").mkdir()
    shutil.copy(BILINGUAL / "tmx" / "report.tmx", tmp_path / "sub" / "memory.tmx")
    documents = run(tmp_path, "--format", "json", "--jobs", "1").json()["documents"]
    po, memory = documents
    assert [v["id"] for v in po["versions"]] == ["en", "fr"]
    assert [f["rule"] for f in po["findings"]] == ["ALN004", "NUM001"]
    assert "no es version" in po["findings"][0]["message"]  # en is the PO file's source, not missing
    assert [v["id"] for v in memory["versions"]] == ["en", "es", "fr"]
    assert [(f["rule"], f["suspect"]) for f in memory["findings"]] == [("NUM001", ["fr"])]
