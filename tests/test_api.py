"""The Python API: ``ogpcheck.check`` on paths or in-memory texts returns the
report objects every format is made from, and is typed for its users."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ogpcheck
from ogpcheck.errors import InputError

from .conftest import ROOT, SEED_000
from .trilingual import TEXT, write_document


def test_check_paths_returns_the_report_objects(tmp_path: Path) -> None:
    paths = write_document(tmp_path)
    outcome = ogpcheck.check(paths[2], cache=False)
    (report,) = outcome.reports
    assert isinstance(report, ogpcheck.Report)
    assert [v.path for v in report.versions] == [str(paths[2]), str(paths[0]), str(paths[1])]
    (finding,) = outcome.findings
    assert isinstance(finding, ogpcheck.Finding) and finding.severity is ogpcheck.Severity.ERROR
    assert (finding.rule, finding.suspect, finding.locations[0].values) == ("NUM001", ["fr"], ["42"])
    assert outcome.exit_code() == 1
    assert '"ruleId": "NUM001"' in outcome.render(format="sarif")


def test_check_texts_in_memory() -> None:
    outcome = ogpcheck.check(texts=TEXT, langs="en,es,fr")
    (finding,) = outcome.findings
    assert finding.suspect == ["fr"] and finding.locations[0].path == "document.fr.md"
    assert finding.locations[0].line == 3 and finding.locations[0].column == 22
    whole = ogpcheck.check(texts=SEED_000.read_text(encoding="utf-8"), name="seed.txt", select=["NUM001"])
    from_file = ogpcheck.check(SEED_000, select=["NUM001"], cache=False)
    assert [f.message for f in whole.findings] == [f.message for f in from_file.findings]
    assert [f.locations[0].line for f in whole.findings] == [f.locations[0].line for f in from_file.findings]
    assert whole.findings[0].locations[0].line == 788 and whole.findings[0].locations[0].path == "seed.txt"


def test_settings_and_errors() -> None:
    outcome = ogpcheck.check(texts=TEXT, min_severity="error", fail_on="never")
    assert outcome.exit_code() == 0 and {f.severity.value for f in outcome.findings} == {"error"}
    with pytest.raises(InputError, match="no such file"):
        ogpcheck.check("nope.md")
    with pytest.raises(InputError, match="not both"):
        ogpcheck.check("a.md", texts="x")
    with pytest.raises(TypeError, match="not an option"):
        ogpcheck.check(texts=TEXT, colour=True)


@pytest.mark.slow
def test_the_api_is_typed_for_its_users(tmp_path: Path) -> None:
    """mypy reads the package's types (py.typed): a user's mistake is found."""
    assert (ROOT / "ogpcheck" / "py.typed").is_file()
    good = tmp_path / "good.py"
    good.write_text(
        "import ogpcheck\n"
        "outcome = ogpcheck.check('docs/x.en.md', langs=['en', 'fr'])\n"
        "lines: list[int] = [f.locations[0].line for f in outcome.findings]\n"
        "code: int = outcome.exit_code()\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import ogpcheck\nname: int = ogpcheck.check('x.md').findings[0].rule\n", encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--no-incremental", "--follow-imports=silent", "--ignore-missing-imports"]
    ok = subprocess.run([*mypy, str(good)], capture_output=True, text=True, cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout
    wrong = subprocess.run([*mypy, str(bad)], capture_output=True, text=True, cwd=tmp_path)
    assert wrong.returncode == 1 and 'incompatible types in assignment (expression has type "str"' in wrong.stdout.lower()


def test_no_stage_hides_the_api_function() -> None:
    """``ogpcheck.check`` is the function even after every stage is imported
    (no subpackage of that name exists to replace it)."""
    import importlib

    for stage in ("read", "versions", "extract", "compare", "report", "app"):
        importlib.import_module(f"ogpcheck.{stage}")
    assert callable(ogpcheck.check) and ogpcheck.check.__module__ == "ogpcheck.api"
