"""The result cache: an unchanged document is not checked again; a change to
its files, the rules, the configuration or the terminology is seen; two runs
may share the folder; a broken entry is a miss."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ogpcheck.app import batch as batch_module
from ogpcheck.app import pipeline
from ogpcheck.app.cache import FOLDER, Cache, decode_report, encode_report
from ogpcheck.app.run import Outcome, execute, settings_for

from .conftest import HANDMADE
from .trilingual import write_document

TABLE = HANDMADE / "table_wrong_cell" / "report.md"  # tables, grids and headers: every part of a report


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents actually checked (not answered from the cache)."""
    seen: list[str] = []
    real_document: Callable = batch_module.check_document
    real_check: Callable = pipeline.check

    def document(doc, options):
        seen.append(str(doc.files[0][1]))
        return real_document(doc, options)

    def check(paths, options):
        seen.append(str(paths[0]))
        return real_check(paths, options)

    monkeypatch.setattr(batch_module, "check_document", document)
    monkeypatch.setattr(pipeline, "check", check)
    return seen


def _run(paths: list[Path], *flags: tuple[str, object], batch: bool = False) -> Outcome:
    options = settings_for(paths, {"jobs": 1, **dict(flags)})
    return execute(paths, options, batch=batch)


def _tree(root: Path, count: int = 3) -> Path:
    (root / "ogpcheck.toml").write_text('langs = ["en", "es", "fr"]\n', encoding="utf-8")
    for number in range(count):
        write_document(root / "docs", f"doc{number}", layout="folder")
    return root / "docs"


def test_a_second_run_of_an_unchanged_tree_checks_nothing_again(tmp_path: Path, checks: list[str]) -> None:
    docs = _tree(tmp_path)
    first = _run([docs])
    assert len(checks) == 3 and first.cache is not None and first.cache.stored == 3
    assert (tmp_path / FOLDER).is_dir()  # beside the configuration
    checks.clear()
    second = _run([docs])
    assert checks == [] and second.cache is not None and second.cache.hits == 3
    assert second.render(format="json") == first.render(format="json")
    assert second.exit_code() == first.exit_code() == 1


def test_a_changed_file_is_checked_again_and_the_others_are_not(tmp_path: Path, checks: list[str]) -> None:
    docs = _tree(tmp_path)
    _run([docs])
    checks.clear()
    french = docs / "fr" / "doc1.md"
    french.write_text(french.read_text(encoding="utf-8").replace("42", "24"), encoding="utf-8")
    outcome = _run([docs])
    assert checks == [str(docs / "en" / "doc1.md")]
    assert [len(r.findings) for r in outcome.reports] == [1, 0, 1]


@pytest.mark.parametrize("change", ["rule", "configuration", "terminology"])
def test_a_change_in_rules_configuration_or_terminology_invalidates(tmp_path: Path, checks: list[str], change: str) -> None:
    docs = _tree(tmp_path, count=1)
    config = tmp_path / "ogpcheck.toml"
    (tmp_path / "rules").mkdir()
    rule = tmp_path / "rules" / "XPL001.yaml"
    rule.write_text(
        "code: XPL001\nname: no-network\nfamily: placeholders\nkind: existence\nseverity: warning\n"
        "options:\n  patterns: ['\\bnetwork\\b']\nsummary: A word.\ndescription: A test rule.\n",
        encoding="utf-8",
    )
    terms = tmp_path / "terms.yaml"
    terms.write_text("terms:\n  - id: school\n    type: other\n    names:\n      en: school\n", encoding="utf-8")
    config.write_text('langs = ["en", "es", "fr"]\nrules = ["rules"]\nterms = ["terms.yaml"]\n', encoding="utf-8")
    first = _run([docs])
    assert sorted(f.rule for f in first.findings) == ["NUM001", "XPL001"]
    checks.clear()
    _run([docs])
    assert checks == []
    if change == "rule":
        rule.write_text(rule.read_text(encoding="utf-8").replace("network", "nowhere"), encoding="utf-8")
    elif change == "configuration":
        config.write_text(config.read_text(encoding="utf-8") + 'severity = { NUM001 = "warning" }\n', encoding="utf-8")
    else:
        terms.write_text(terms.read_text(encoding="utf-8").replace("school", "schools"), encoding="utf-8")
    changed = _run([docs])
    assert len(checks) == 1
    if change == "rule":
        assert sorted(f.rule for f in changed.findings) == ["NUM001"]
    if change == "configuration":
        assert changed.findings[0].severity.value == "warning"


def test_no_cache_checks_everything_and_writes_nothing(tmp_path: Path, checks: list[str]) -> None:
    docs = _tree(tmp_path, count=2)
    _run([docs], ("cache", False))
    _run([docs], ("cache", False))
    assert len(checks) == 4 and not (tmp_path / FOLDER).exists()


def test_a_single_document_is_cached_too(tmp_path: Path, checks: list[str]) -> None:
    paths = write_document(tmp_path)
    _run(paths)
    _run(paths)
    assert checks == [str(paths[0])]


def test_a_broken_or_half_written_entry_is_a_miss(tmp_path: Path, checks: list[str]) -> None:
    docs = _tree(tmp_path, count=1)
    _run([docs])
    for entry in (tmp_path / FOLDER).rglob("*.json"):
        entry.write_text(entry.read_text(encoding="utf-8")[:100], encoding="utf-8")
    checks.clear()
    outcome = _run([docs])
    assert len(checks) == 1 and len(outcome.findings) == 1


def test_the_cached_report_renders_as_the_report_itself(tmp_path: Path) -> None:
    """Every format is made from a report read back from the cache: the
    JSON entry keeps the versions, groups, findings and notices."""
    from ogpcheck.app.options import Options

    report = pipeline.check([TABLE], Options())
    again = decode_report(json.loads(json.dumps(encode_report(report))))
    from ogpcheck.report import FORMATS, render
    from ogpcheck.report.display import Display

    for name in FORMATS:
        assert render(again, name, Display()) == render(report, name, Display()), name


def test_two_caches_on_one_folder_see_whole_entries(tmp_path: Path) -> None:
    from ogpcheck.app.options import Options

    report = pipeline.check(write_document(tmp_path / "doc"), Options())
    one, two = Cache(tmp_path / "shared"), Cache(tmp_path / "shared")
    one.put("ab" * 32, report)
    two.put("ab" * 32, report)  # the same entry written twice: replaced whole
    assert two.get("ab" * 32) is not None and one.get("cd" * 32) is None
    assert not list((tmp_path / "shared").rglob("*.ogpcheck-tmp"))
