"""CSV and XLSX reports: one row per finding with rule, severity, suspect,
what each version says and the suggestion; XLSX with a frozen header,
filters and column widths, and only ever written to a file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from .conftest import HANDMADE
from .trilingual import TEXT, write_document

TABLE = HANDMADE / "table_wrong_cell" / "report.md"


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_row_of_the_wrong_cell(run) -> None:
    result = run(TABLE, "--format", "csv")
    assert result.code == 1
    (row,) = _rows(result.out)
    assert (row["rule"], row["severity"], row["suspect"], row["suggestion"]) == ("NUM001", "error", "fr", "fr: 12 -> 4")
    assert (row["fr text"], row["fr values"], row["en values"], row["es values"]) == ("12", "12", "4", "4")
    assert row["fr where"] == "row «Burkina Faso», column «Mineur»" and row["fr line"] == "8"
    assert row["fr file"].endswith("report.fr.md") and row["status"] == "" and row["comment"] == ""
    fingerprint = run(TABLE, "--format", "json").json()["findings"][0]["fingerprint"]
    assert row["fingerprint"] == fingerprint


def test_csv_of_a_batch_has_one_table_for_every_document(run, tmp_path: Path) -> None:
    write_document(tmp_path, "a")
    write_document(tmp_path, "b", langs=("en", "fr"))
    write_document(tmp_path, "c", text={**TEXT, "fr": TEXT["fr"].replace("42", "24")})
    rows = _rows(run(tmp_path, "--format", "csv", "--jobs", "1").out)
    assert [(Path(r["document"]).name, r["rule"]) for r in rows] == [("a.md", "NUM001"), ("b.md", "ALN004"), ("b.md", "NUM001")]
    assert rows[0]["suspect"] == "fr" and rows[2]["suspect"] == ""  # two versions: no majority
    assert rows[2]["es text"] == "" and rows[2]["suggestion"] == "" and rows[2]["en values"] == "24"


def test_xlsx_needs_an_output_file(run) -> None:
    result = run(TABLE, "--format", "xlsx")
    assert result.code == 2 and result.out == ""
    assert result.err == "ogpcheck: error: --format xlsx writes a binary file: give --output FILE\n"


def test_xlsx_has_a_frozen_header_filters_widths_and_the_rows(run, tmp_path: Path) -> None:
    out = tmp_path / "findings.xlsx"
    assert run(TABLE, "--format", "xlsx", "--output", out).code == 1
    sheet = openpyxl.load_workbook(out).active
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["document", "rule", "severity", "suspect", "message", "suggestion"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions == f"A1:{sheet.cell(1, len(header)).column_letter}2"
    row = dict(zip(header, [cell.value for cell in sheet[2]]))
    assert (row["rule"], row["suspect"], row["suggestion"], row["fr values"], row["fr line"]) == ("NUM001", "fr", "fr: 12 -> 4", "12", 8)
    widths = {header[i]: sheet.column_dimensions[sheet.cell(1, i + 1).column_letter].width for i in range(len(header))}
    assert widths["message"] > widths["rule"] >= len("rule")
    again = tmp_path / "again.xlsx"
    run(TABLE, "--format", "xlsx", "--output", again)
    assert again.read_bytes() == out.read_bytes()  # the same findings, the same bytes


def test_a_formula_like_text_stays_text(run, tmp_path: Path) -> None:
    text = {lang: body.replace("# ", "# =", 1) for lang, body in TEXT.items()}
    paths = write_document(tmp_path, text=text)
    out = tmp_path / "f.xlsx"
    run(*paths, "--format", "xlsx", "--output", out, "--fail-on", "never")
    sheet = openpyxl.load_workbook(out).active
    assert all(not (isinstance(c.value, str) and c.value.startswith("=")) for row in sheet.iter_rows() for c in row)
