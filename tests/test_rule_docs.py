"""Rules: docs pages and the README's rule table generated from the rule YAML
are up to date, every rule explains itself and the options of its kind, and
--select/--ignore choose rules."""

from __future__ import annotations

import json
import typing
from dataclasses import fields
from pathlib import Path

import pytest

from ogpcheck.compare.kinds import KINDS
from ogpcheck.compare.ruledocs import README_END, README_START, accepted, pages, readme_table, with_rule_table
from ogpcheck.compare.rules import parse_rule, shipped_rules

from .conftest import ROOT, SEED_003

DOCS = ROOT / "docs" / "rules"


def test_generated_rule_docs_are_up_to_date() -> None:
    wanted = pages()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    stale = sorted(name for name in wanted.keys() | on_disk.keys() if wanted.get(name) != on_disk.get(name))
    assert not stale, f"docs/rules is out of date for {stale}: run python scripts/gen_rule_docs.py"


def test_readme_rule_table_is_up_to_date() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert with_rule_table(readme) == readme, "README.md rule table is out of date: run python scripts/gen_rule_docs.py"
    table = readme[readme.index(README_START) : readme.index(README_END)]
    for rule in shipped_rules():
        assert f"| [{rule.code}](docs/rules/{rule.code}.md) | {rule.family} | {rule.severity.value} | {rule.summary} |" in table


def test_readme_table_follows_a_new_rule_file() -> None:
    data = {
        "code": "NUM099",
        "name": "example",
        "family": "numbers",
        "kind": "agreement",
        "severity": "info",
        "summary": "An example rule.",
        "description": "Made here.",
    }
    rules = [*shipped_rules(), parse_rule(data, "NUM099.yaml")]
    rows = readme_table(rules).splitlines()
    assert rows.index("| [NUM099](docs/rules/NUM099.md) | numbers | info | An example rule. |") == 7  # after NUM005
    with pytest.raises(ValueError, match="markers"):
        with_rule_table("# A README without the markers\n", rules)


def test_every_rule_page_lists_the_options_of_its_kind() -> None:
    for rule in shipped_rules():
        page = pages()[f"{rule.code}.md"]
        options = page[page.index("## Options") : page.index("## Turn it on")]
        kind = KINDS[rule.kind]
        assert f"`{rule.kind}`" in options
        declared = fields(kind.options)
        if not declared:
            assert "takes no options" in options
        hints = typing.get_type_hints(kind.options)
        for option in declared:
            row = next(line for line in options.splitlines() if line.startswith(f"| `{option.name}` |"))
            if typing.get_origin(hints[option.name]) is typing.Literal:
                choices = [f"`{value}`" for value in typing.get_args(hints[option.name])]
                assert row.split(" | ")[1] == ", ".join(choices), (rule.code, option.name)
                assert row.split(" | ")[-1] == f"`{getattr(rule.options, option.name)}` |", (rule.code, option.name)


def test_accepted_values_are_said_as_a_reader_would() -> None:
    assert accepted(typing.Literal["lists", "enumerations"]) == "`lists`, `enumerations`"
    assert accepted(list[str]) == "a list, each a string"
    assert accepted(typing.Optional[str]) == "a string (may be left out)"
    assert accepted(bool) == "`true` or `false`"
    assert accepted(int) == "a whole number"


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
