"""Every rule's case file (``tests/rules/CODE.yaml``): each case's documents
are checked through the command line with only that rule selected, and its
findings must be exactly the ones the case expects, in report order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ogpcheck.compare.rules import shipped_rules

from .rulecases import Case, CaseFileError, Expected, all_cases, load

CASES = all_cases()


def _findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings of a one-document or a batch JSON report."""
    if report.get("kind") == "batch":
        return [f for document in report["documents"] for f in document["findings"]]
    return list(report["findings"])


def _explain(case: Case, found: list[dict[str, Any]]) -> str:
    shown = "\n".join(
        f"  {f['severity']} suspect={f['suspect']} line={f['locations'][0]['line'] if f['locations'] else 0}: {f['message']}"
        for f in found
    )
    return f"{case.source.name} case '{case.name}' ({case.says}); {case.rule} found:\n{shown or '  nothing'}"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_case(case: Case, run, tmp_path: Path) -> None:
    paths = case.write(tmp_path)
    # --jobs 1: a batch case is checked in this process, no worker started
    result = run(*paths, "--select", case.rule, "--format", "json", "--isolated", "--jobs", "1", *case.args)
    assert result.code in (0, 1), f"{case.id}: exit {result.code}: {result.err}"
    found = _findings(result.json())
    assert all(f["rule"] == case.rule for f in found)
    assert len(found) == len(case.expect), _explain(case, found)
    for number, (finding, expected) in enumerate(zip(found, case.expect, strict=True), 1):
        problems = expected.problems(finding, tmp_path)
        assert not problems, f"finding {number}: {'; '.join(problems)}\n{_explain(case, found)}"
    fails = any(f["severity"] == "error" for f in found)
    assert result.code == (1 if fails else 0), "the exit code follows the findings (--fail-on error)"


def test_every_shipped_rule_has_cases_that_fire_and_stay_silent() -> None:
    by_rule: dict[str, list[Case]] = {}
    for case in CASES:
        by_rule.setdefault(case.rule, []).append(case)
    codes = [rule.code for rule in shipped_rules()]
    assert sorted(by_rule) == sorted(codes), "one case file per shipped rule, named CODE.yaml"
    for code in codes:
        assert any(case.expect for case in by_rule[code]), f"{code}: no case that fires"
        assert any(not case.expect for case in by_rule[code]), f"{code}: no benign case that stays silent"


def _write_case_file(folder: Path, data: object, name: str = "NUM001.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


GOOD_CASE = {
    "name": "a_case",
    "says": "a number changed",
    "versions": {"en": "24 teachers.\n", "es": "24 docentes.\n"},
    "expect": [{"severity": "error", "suspect": [], "line": 1, "message": "gives"}],
}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"expect": [{"severity": "error", "suspect": [], "line": 1, "mesage": "x"}]}, "unknown keys ['mesage']"),
        ({"expect": [{"severity": "error", "suspect": [], "message": "x"}]}, "lacks line"),
        ({"expect": [{"severity": "fatal", "suspect": [], "line": 1, "message": "x"}]}, "severity must be"),
        ({"expect": None}, "expect: a list"),
        ({"exppect": []}, "unknown keys ['exppect']"),
        ({"document": "text"}, "exactly one of"),
    ],
)
def test_a_case_file_is_read_strictly(tmp_path: Path, change: dict[str, object], problem: str) -> None:
    case = {**GOOD_CASE, **change}
    path = _write_case_file(tmp_path, {"rule": "NUM001", "cases": [case]})
    with pytest.raises(CaseFileError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        load(path)


def test_a_case_file_names_its_rule_and_each_case_once(tmp_path: Path) -> None:
    (case,) = load(_write_case_file(tmp_path, {"rule": "NUM001", "cases": [GOOD_CASE]}))
    assert case.files == {"doc.en.md": "24 teachers.\n", "doc.es.md": "24 docentes.\n"}
    assert case.expect == [Expected("error", [], 1, ["gives"])]
    with pytest.raises(CaseFileError, match="named for its rule"):
        load(_write_case_file(tmp_path, {"rule": "NUM002", "cases": [GOOD_CASE]}))
    with pytest.raises(CaseFileError, match="share a name"):
        load(_write_case_file(tmp_path, {"rule": "NUM001", "cases": [GOOD_CASE, GOOD_CASE]}))


def test_an_expectation_reports_every_difference(tmp_path: Path) -> None:
    finding = {
        "severity": "warning",
        "suspect": ["es"],
        "message": "es lacks 24, given by en, fr",
        "locations": [{"version": "es", "path": str(tmp_path / "doc.es.md"), "line": 3}],
    }
    assert Expected("warning", ["es"], 3, ["lacks 24"], "es", "doc.es.md").problems(finding, tmp_path) == []
    problems = Expected("error", ["fr"], 1, ["gives 42"], "fr", "doc.fr.md").problems(finding, tmp_path)
    assert problems == [
        "severity 'warning', expected 'error'",
        "suspect ['es'], expected ['fr']",
        "line 3, expected 1",
        "message lacks 'gives 42'",
        "first location in 'es', expected 'fr'",
        "first location in 'doc.es.md', expected 'doc.fr.md'",
    ]
