"""Reports people and scripts read: lines never wrapped off a terminal,
findings by file and line, the concise format, and the flags ruff users try
first (--statistics, --exit-zero, --quiet, '-', rules --format json,
--min-severity in every format, several reports from one check)."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.report import FORMATS, render
from ogpcheck.report.display import Display

from .conftest import SEED_000
from .trilingual import TEXT, write_document

CONCISE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?:(?P<col>\d+):)? (?P<rule>[A-Z]+\d{3}) (?P<sev>error|warning|info) (?P<msg>.+)$")


@pytest.fixture(scope="module")
def seed_report():
    return check([SEED_000], Options())


def test_text_off_a_terminal_never_wraps(seed_report) -> None:
    out = render(seed_report, "text", Display())
    lines = out.splitlines()
    for finding in seed_report.findings:  # each message whole, on its head line
        assert any(finding.message in line and line.startswith(str(SEED_000)) for line in lines), finding.message
    assert max(len(line) for line in lines) > 160  # long heads are kept whole


def test_text_at_a_terminal_fits_its_width(seed_report) -> None:
    out = render(seed_report, "text", Display(width=80))
    assert max(len(line) for line in out.splitlines()) <= 80


def test_findings_are_sorted_by_file_and_line(seed_report, run, tmp_path: Path) -> None:
    heads = [(loc.path, loc.line) for f in seed_report.findings for loc in f.locations[:1]]
    assert heads == sorted(heads)
    text = dict(TEXT)
    text["es"] = text["es"].replace("310", "301")
    paths = write_document(tmp_path, text=text)
    lines = run(*paths, "--format", "concise", "--no-cache").out.splitlines()
    found = [(m["path"], int(m["line"])) for m in map(CONCISE.match, lines) if m]
    assert found == sorted(found) and [Path(p).name for p, _ in found] == ["report.es.md", "report.fr.md"]


def test_concise_is_one_line_per_finding(seed_report, run) -> None:
    result = run(SEED_000, "--format", "concise")
    lines = result.out.splitlines()
    matched = [CONCISE.match(line) for line in lines]
    findings = [m for m in matched if m]
    assert len(findings) == len(seed_report.findings) and result.code == 1
    assert lines[-1].startswith(f"Found {len(seed_report.findings)} finding(s)")
    first = next(m for m in findings if m["rule"] == "NUM001")
    assert first["path"] == str(SEED_000) and first["line"] == "788" and first["col"] == "1"
    assert first["msg"].endswith("[suspect: fr]")
    quiet = run(SEED_000, "--format", "concise", "--quiet").out.splitlines()
    assert all(CONCISE.match(line) for line in quiet) and len(quiet) == len(findings)


def test_statistics_count_findings_by_rule(run) -> None:
    result = run(SEED_000, "--statistics")
    rows = [line.split() for line in result.out.splitlines()]
    assert rows[0] == ["3", "NUM001", "error", "number-mismatch"]
    # 13: seed 000's findings; "first-time participation" is no mention of the number 1
    assert sum(int(row[0]) for row in rows) == 13 and result.code == 1
    data = run(SEED_000, "--statistics", "--format", "json").json()
    assert data[0] == {"code": "NUM001", "name": "number-mismatch", "severity": "error", "count": 3}


def test_exit_zero_and_quiet(run) -> None:
    assert run(SEED_000, "--exit-zero").code == 0
    assert run(SEED_000, "--exit-zero", "nope.md").code == 2  # an error is still one
    quiet = run(SEED_000, "--quiet").out
    assert not quiet.startswith("ogpcheck") and "Summary" not in quiet and "NUM001 error" in quiet


def test_standard_input_with_langs(run, monkeypatch: pytest.MonkeyPatch) -> None:
    """One text holding the versions one after another, split by language
    as a file would be; lines are those of the text read."""
    text = "\n".join(TEXT[lang] for lang in ("en", "fr"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    result = run("-", "--langs", "en,fr", "--format", "json")
    assert result.code == 1, result.err
    report = result.json()
    assert report["inputs"] == ["-"] and [(v["id"], v["path"]) for v in report["versions"]] == [("en", "-"), ("fr", "-")]
    (finding,) = report["findings"]
    assert finding["rule"] == "NUM001" and [(loc["line"], loc["column"]) for loc in finding["locations"]] == [(3, 23), (9, 22)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    empty = run("-")
    assert empty.code == 2 and empty.err.startswith("ogpcheck: error: -: ")
    assert run("-", SEED_000).code == 2


def test_markdown_on_standard_input_by_its_name(run, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(TEXT[lang] for lang in ("en", "es", "fr"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    result = run("-", "--stdin-filename", "report.md", "--format", "concise")
    assert result.code == 1 and result.out.startswith("report.md:") and "NUM001 error fr gives 42" in result.out


def test_rules_as_json(run) -> None:
    rules = run("rules", "--format", "json").json()
    assert {"NUM001", "ENT001", "STR001", "ALN004"} <= {r["code"] for r in rules}
    num = next(r for r in rules if r["code"] == "NUM003")
    assert num["severity"] == "info" and num["options"] == {"aspect": "extra"} and num["docs"] == "docs/rules/NUM003.md"
    assert run("rules", "--format", "xml").code == 2


def _csv_severities(out: str) -> set[str]:
    import csv

    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    return {row["severity"] for row in rows}


INFO_SHOWN = {
    "text": lambda out: re.search(r":\d+(:\d+)?  [A-Z]+\d{3} info  ", out) is not None,
    "concise": lambda out: re.search(r"^.+:\d+:(\d+:)? [A-Z]+\d{3} info ", out, re.M) is not None,
    "json": lambda out: any(f["severity"] == "info" for f in json.loads(out)["findings"]),
    "sarif": lambda out: any(r["level"] == "note" for r in json.loads(out)["runs"][0]["results"]),
    "github": lambda out: "::notice " in out,
    "html": lambda out: 'data-sev="info"><span' in out,
    "csv": lambda out: "info" in _csv_severities(out),
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_min_severity_applies_to_every_format(run, tmp_path: Path, name: str) -> None:
    if name == "xlsx":  # a binary format: written to a file, read back with openpyxl
        from openpyxl import load_workbook

        def severities(*flags: str) -> set[str]:
            target = tmp_path / f"report{len(flags)}.xlsx"
            run(SEED_000, "--format", "xlsx", "--output", target, *flags)
            rows = list(load_workbook(target).active.iter_rows(values_only=True))
            column = rows[0].index("severity")
            return {row[column] for row in rows[1:]}

        assert "info" in severities() and severities("--min-severity", "warning") == {"error", "warning"}
        return
    full = run(SEED_000, "--format", name).out
    out = run(SEED_000, "--format", name, "--min-severity", "warning").out
    assert INFO_SHOWN[name](full) and not INFO_SHOWN[name](out)
    assert "NUM001" in out and "STR006" in out


def test_one_check_writes_several_formats(run, tmp_path: Path) -> None:
    sarif, html = tmp_path / "out.sarif", tmp_path / "out.html"
    result = run(SEED_000, "--format", "github", "--output", f"sarif={sarif}", "--output", f"html={html}")
    assert result.code == 1 and result.out.startswith("::")
    assert json.loads(sarif.read_text(encoding="utf-8")) == run(SEED_000, "--format", "sarif").json()
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    plain = tmp_path / "plain.json"
    both = run(SEED_000, "--format", "json", "--output", plain, "--output", f"concise={tmp_path / 'c.txt'}")
    assert both.out == "" and json.loads(plain.read_text(encoding="utf-8"))["findings"]
    assert run(SEED_000, "--output", f"xml={tmp_path / 'x'}").code == 2
    assert run(SEED_000, "--output", tmp_path / "a", "--output", tmp_path / "b").code == 2


def test_concise_places_a_finding_about_the_whole_document_at_its_file(run) -> None:
    from .conftest import SEED_003

    lines = run(SEED_003, "--format", "concise", "--quiet").out.splitlines()
    missing = next(line for line in lines if " ALN003 " in line)
    assert missing.startswith(f"{SEED_003}:1: ALN003 warning no en version found")
    assert all(CONCISE.match(line) for line in lines)
