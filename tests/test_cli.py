"""End to end: the command line on the seeds and the handmade fixtures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ogpcheck.ruledata import rules_dir

from .conftest import HANDMADE, ROOT, SEED_000, SEED_003

SCHEMA = json.loads((ROOT / "ogpcheck" / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def findings(data: dict, severity: str | None = None, rule: str | None = None) -> list[dict]:
    return [
        f
        for f in data["findings"]
        if (severity is None or f["severity"] == severity) and (rule is None or f["rule"] == rule)
    ]


def test_seed_000_french_results_table_errors(run) -> None:
    result = run(SEED_000, "--langs", "en,es,fr", "--format", "json", "--ignore", "ENT")
    assert result.code == 1
    data = result.json()
    errors = findings(data, "error")
    assert [(f["rule"], f["suspect"]) for f in errors] == [("NUM001", ["fr"])] * 3
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    for finding, expected in zip(errors, ["4", "5", "3"]):
        french = next(loc for loc in finding["locations"] if loc["version"] == "fr")
        assert lines[french["line"] - 1] == "12" and french["values"] == ["12"]
        english = next(loc for loc in finding["locations"] if loc["version"] == "en")
        assert lines[english["line"] - 1] == expected and english["values"] == [expected]
    # country row labels three lines above each French 12 in the results table
    assert [lines[f["locations"][0]["line"] - 5] for f in errors] == ["Burkina Faso", "Costa Rica", "Philippines"]
    # the only warnings: two theme enumerations that lost an item (STR006)
    assert [(f["rule"], f["suspect"]) for f in findings(data, "warning")] == [("STR006", ["es"]), ("STR006", ["fr"])]  # by line


def test_seed_003_machine_translation_is_reported(run) -> None:
    data = run(SEED_003, "--langs", "en,es,fr", "--format", "json").json()
    assert [v["id"] for v in data["versions"]] == ["fr", "es", "fr.2"]
    errors = {(f["rule"], tuple(f["suspect"])) for f in findings(data, "error")}
    assert errors == {("PH001", ("fr",)), ("NUM004", ("fr",))}
    for finding in findings(data, "error"):
        assert "4,500 300 engagements" in finding["locations"][0]["text"]
        assert finding["locations"][0]["line"] == 24
    assert [f["message"] for f in findings(data, rule="ALN003")] == ["no en version found (found: fr, es, fr.2)"]
    outside = findings(data, rule="ALN002")
    assert outside and outside[0]["severity"] == "info" and outside[0]["locations"][0]["line"] == 139


@pytest.mark.parametrize("seed", [SEED_000, SEED_003])
def test_json_output_is_valid_against_the_shipped_schema(run, seed: Path) -> None:
    data = run(seed, "--format", "json").json()
    Draft202012Validator.check_schema(SCHEMA)
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(data), key=str)
    assert errors == []
    assert all(loc["line"] >= 1 for f in data["findings"] for loc in f["locations"])


def test_schema_rejects_a_report_without_suspect(run) -> None:
    data = run(SEED_000, "--format", "json").json()
    del data["findings"][0]["suspect"]
    assert not Draft202012Validator(SCHEMA).is_valid(data)


def test_digits_words_separators_and_ranges_agree(run) -> None:
    result = run(HANDMADE / "number_forms_agree" / "report.txt", "--format", "json", "--fail-on", "info")
    data = result.json()
    assert [f for f in data["findings"] if f["rule"].startswith("NUM")] == []
    assert result.code == 0


def test_wrong_markdown_table_cell_is_named_with_its_line(run) -> None:
    data = run(HANDMADE / "table_wrong_cell" / "report.md", "--format", "json").json()
    assert [v["path"].rsplit("/", 1)[-1] for v in data["versions"]] == ["report.md", "report.es.md", "report.fr.md"]
    (error,) = findings(data, "error")
    assert error["suspect"] == ["fr"] and error["locations"][0]["line"] == 8
    assert error["locations"][0]["values"] == ["12"]
    assert {loc["version"]: loc["values"] for loc in error["locations"][1:]} == {"en": ["4"], "es": ["4"]}


def test_two_versions_have_no_majority(run) -> None:
    folder = HANDMADE / "two_versions_no_majority"
    data = run(folder / "report.en.md", folder / "report.fr.md", "--langs", "en,fr", "--format", "json").json()
    (error,) = findings(data, "error")
    assert error["suspect"] == []
    assert "no majority" in error["message"]


def test_language_folders_end_to_end(run) -> None:
    data = run(HANDMADE / "folders" / "en" / "report.md", "--format", "json").json()
    (error,) = findings(data, "error")
    assert error["suspect"] == ["fr"] and error["locations"][0]["values"] == ["42"]


def test_text_report_shows_values_and_summary(run) -> None:
    result = run(SEED_000, "--no-color", "--ignore", "ENT")
    assert result.code == 1
    assert "NUM001 error  fr gives 12 where en, es give 4" in result.out
    assert "Summary: 3 error(s), 2 warning(s)" in result.out


@pytest.mark.parametrize(("fail_on", "code"), [("never", 0), ("error", 0), ("warning", 1)])
def test_fail_on_thresholds(run, fail_on: str, code: int) -> None:
    assert run(SEED_003, "--fail-on", fail_on, "--ignore", "PH,NUM004").code == code


def test_select_and_ignore(run) -> None:
    data = run(SEED_000, "--select", "NUM001", "--format", "json").json()
    assert {f["rule"] for f in data["findings"]} == {"NUM001"}
    data = run(SEED_000, "--ignore", "numbers", "--format", "json").json()
    assert not any(f["rule"].startswith("NUM") for f in data["findings"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.md"], "missing.md: no such file"),
        ([str(SEED_000), "--format", "yaml"], "unknown --format 'yaml'"),
        ([str(SEED_000), "--select", "XYZ9"], "unknown rule selector: XYZ9"),
        ([str(SEED_000), "--langs", "en,zz"], "unknown language code 'zz'"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.code == 2
    assert result.err.strip().count("\n") == 0
    assert message in result.err
    assert "Traceback" not in result.err


def test_single_language_document_is_an_input_error(run, tmp_path: Path) -> None:
    path = tmp_path / "only.md"
    path.write_text("An English paragraph about 12 commitments in open government.\n", encoding="utf-8")
    result = run(path)
    assert result.code == 2 and "fewer than two language versions" in result.err


def test_output_file_is_written_and_stdout_stays_empty(run, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run(SEED_000, "--format", "json", "--output", target)
    assert result.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 3


def test_rules_and_rule_commands(run) -> None:
    listed = run("rules").out.splitlines()
    codes = [line.split()[0] for line in listed]
    shipped = sorted(
        p.stem for p in rules_dir().rglob("*.yaml") if p.parent.name != "patterns" and p.name != "terminology.yaml"
    )
    assert codes == shipped
    page = run("rule", "NUM001").out
    assert page.startswith("# NUM001: number-mismatch") and "Anti-pattern" in page
    assert run("rule", "NOPE").code == 2


def test_version_flag(run) -> None:
    result = run("--version")
    assert result.code == 0 and result.out.startswith("ogpcheck ")


def test_help_speaks_of_every_kind_of_check_and_the_new_flags(run) -> None:
    out = run("--help").out
    for word in ("numbers", "names", "structure", "concise", "--min-severity", "--statistics", "--exit-zero",
                 "--quiet", "--no-cache", "--require-models", "standard input", "[FORMAT=]FILE"):
        assert word in out, word


@pytest.mark.slow
def test_a_numbers_only_check_loads_no_name_or_fuzzy_matching_library() -> None:
    """A check of numbers alone never pays for what only other rules need:
    spaCy (names), rapidfuzz (names, table labels), the pydantic layer of
    typer 0.29 (see pyproject.toml), nor the entity and structure extraction
    that the kinds of other rules import where they use it; nor PyYAML,
    since the shipped rule data is kept parsed (``ruledata.py``)."""
    program = (
        "import sys\n"
        "from ogpcheck.cli import main\n"
        "try:\n"
        f"    main([{str(SEED_000)!r}, '--langs', 'en,es,fr', '--select', 'NUM,PH', '--no-cache', '--format', 'json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    modules = set(done.stderr.split())
    loaded = {name.split(".")[0] for name in modules}
    assert '"rule": "NUM001"' in done.stdout  # the check ran and found seed 000's wrong figures
    assert "ogpcheck" in loaded and "lingua" in loaded
    assert not loaded & {"spacy", "thinc", "rapidfuzz", "pydantic", "yaml"}  # yaml: the shipped data is kept parsed
    assert "ogpcheck.compare.kinds.entities" in modules  # every kind is loaded to validate the rules ...
    assert not modules & {  # ... but not what only their checks use
        "ogpcheck.compare.kinds.entity_differences",
        "ogpcheck.extract.entities",
        "ogpcheck.extract.ner",
        "ogpcheck.extract.gazetteer",
        "ogpcheck.extract.spacy_load",
        "ogpcheck.extract.structure.enumerations",
        "ogpcheck.extract.structure.lists",
        "ogpcheck.extract.structure.numbering",
    }


def test_the_command_loads_with_the_collector_paused_then_tuned(monkeypatch) -> None:
    """``python -m ogpcheck`` and the ``ogpcheck`` command (``__main__.run``)
    load the command line with the cyclic collector paused, freeze what
    loading made, and collect young objects less often; the collector is
    running when the check runs."""
    import gc

    import ogpcheck.__main__ as entry
    import ogpcheck.cli
    from ogpcheck.app.collector import YOUNG

    seen: dict[str, object] = {}

    def fake_main() -> None:
        seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count(), young=gc.get_threshold()[0])

    before = gc.get_threshold()
    monkeypatch.setattr(ogpcheck.cli, "main", fake_main)
    try:
        entry.run()
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    assert seen["enabled"] is True and seen["young"] == YOUNG
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 0
