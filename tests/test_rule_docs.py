"""Rules: docs pages generated from the rule YAML are up to date, every rule
explains itself, and --select/--ignore choose rules."""

from __future__ import annotations

import json
from pathlib import Path

from ogpcheck.check.ruledocs import pages
from ogpcheck.check.rules import shipped_rules

from .conftest import ROOT, SEED_003

DOCS = ROOT / "docs" / "rules"


def test_generated_rule_docs_are_up_to_date() -> None:
    wanted = pages()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    stale = sorted(name for name in wanted.keys() | on_disk.keys() if wanted.get(name) != on_disk.get(name))
    assert not stale, f"docs/rules is out of date for {stale}: run python scripts/gen_rule_docs.py"


def test_every_rule_page_shows_anti_pattern_and_best_practice() -> None:
    for rule in shipped_rules():
        page = pages()[f"{rule.code}.md"]
        assert page.startswith(f"# {rule.code}: {rule.name}\n")
        assert "**Anti-pattern**" in page and "**Best practice**" in page
        assert f"| {rule.family} | {rule.severity.value} |" in page


def test_rule_command_prints_the_docs_page(run) -> None:
    result = run("rule", "num001")
    assert result.code == 0 and result.out == pages()["NUM001.md"]
    by_name = run("rule", "translation-missing")
    assert by_name.out == pages()["ALN004.md"]
    unknown = run("rule", "XYZ999")
    assert unknown.code == 2 and "unknown rule 'XYZ999'" in unknown.err


def test_rules_command_lists_every_code(run) -> None:
    listed = [line.split()[0] for line in run("rules").out.splitlines()]
    assert listed == [rule.code for rule in shipped_rules()]


def _rules_found(run, *args: str | Path) -> list[str]:
    return sorted({f["rule"] for f in json.loads(run(SEED_003, "--format", "json", *args).out)["findings"]})


def test_select_and_ignore_by_code_prefix_and_family(run) -> None:
    everything = _rules_found(run)
    assert {"PH001", "ALN001"} <= set(everything) and any(r.startswith("NUM") for r in everything)
    assert _rules_found(run, "--select", "PH001") == ["PH001"]
    assert _rules_found(run, "--select", "numbers") == [r for r in everything if r.startswith("NUM")]
    assert _rules_found(run, "--ignore", "NUM") == [r for r in everything if not r.startswith("NUM")]
    assert _rules_found(run, "--select", "ALN,PH", "--ignore", "ALN001") == [
        r for r in everything if r[:2] in ("AL", "PH") and r != "ALN001"
    ]
    bad = run(SEED_003, "--select", "NUMBERS9")
    assert bad.code == 2 and "unknown rule selector: NUMBERS9" in bad.err
