"""DOCX input (python-docx): paragraphs, headings, lists and table cells with
their grid; one file per version or all versions in one file; the line of a
location is the paragraph number."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from ogpcheck.read import read_file

from .conftest import HANDMADE
from .docxmaker import write_docx
from .trilingual import TEXT

TABLE = HANDMADE / "table_wrong_cell"


def _triple(folder: Path) -> Path:
    for name in ("report.md", "report.es.md", "report.fr.md"):
        write_docx(folder / name.replace(".md", ".docx"), (TABLE / name).read_text(encoding="utf-8"))
    return folder / "report.docx"


def test_wrong_french_cell_found_in_docx_versions(run, tmp_path: Path) -> None:
    result = run(_triple(tmp_path), "--format", "json")
    assert result.code == 1
    (finding,) = result.json()["findings"]
    assert (finding["rule"], finding["suspect"]) == ("NUM001", ["fr"])
    assert finding["message"] == "fr gives 12 where en, es give 4 (row «Burkina Faso», column «Minor»)"
    suspect = finding["locations"][0]
    assert suspect["path"].endswith("report.fr.docx")
    # heading, paragraph, then 4 cells a row: the 2nd cell of the 3rd row is paragraph 2 + 4 * 2 + 2
    assert (suspect["line"], suspect["row_header"], suspect["col_header"]) == (12, "Burkina Faso", "Mineur")
    assert finding["suggestion"]["summary"] == "fr: 12 -> 4"
    assert "line" not in finding["suggestion"]  # no column in a Word file


def test_docx_blocks_have_kinds_and_paragraph_numbers(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "kinds.docx", "# Title here\n\nA paragraph.\n\n- first item\n- second item\n\n| a | b |\n| --- | --- |\n| c | 4 |\n")
    blocks = read_file(path)
    assert [(b.kind, b.line, b.text) for b in blocks] == [
        ("heading", 1, "Title here"),
        ("paragraph", 2, "A paragraph."),
        ("list_item", 3, "first item"),
        ("list_item", 4, "second item"),
        ("cell", 5, "a"),
        ("cell", 6, "b"),
        ("cell", 7, "c"),
        ("cell", 8, "4"),
    ]
    assert (blocks[-1].row, blocks[-1].col, blocks[-1].row_header, blocks[-1].col_header) == (1, 1, "c", "b")


def test_merged_cells_count_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Country"
    table.cell(0, 2).text = "Minor"
    table.cell(1, 0).text = "Chad"
    table.cell(1, 1).text = "2019"
    table.cell(1, 2).text = "4"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    cells = [(b.row, b.col, b.text) for b in read_file(path)]
    assert cells == [(0, 0, "Country"), (0, 2, "Minor"), (1, 0, "Chad"), (1, 1, "2019"), (1, 2, "4")]


def test_one_docx_holding_every_version(run, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "all.docx", [TEXT["en"], TEXT["es"], TEXT["fr"]])
    report = run(path, "--format", "json").json()
    assert [v["id"] for v in report["versions"]] == ["en", "es", "fr"]
    (finding,) = report["findings"]
    assert (finding["rule"], finding["suspect"], finding["locations"][0]["line"]) == ("NUM001", ["fr"], 8)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"PK\x03\x04 not really a zip", "not a valid DOCX file (not a ZIP archive)"),
        ("zip-without-word", "a ZIP archive without a Word document"),
        ("zip-bad-xml", "not a valid DOCX file"),
    ],
)
def test_bad_docx_is_a_one_line_error(run, tmp_path: Path, content: bytes | str, problem: str) -> None:
    path = tmp_path / "bad.docx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            name = "word/document.xml" if content == "zip-bad-xml" else "xl/workbook.xml"
            archive.writestr(name, "<w:document")
    result = run(path)
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == f"ogpcheck: error: {path}: {problem}" or (
        result.err.startswith(f"ogpcheck: error: {path}: {problem}") and result.err.count("\n") == 1
    )
