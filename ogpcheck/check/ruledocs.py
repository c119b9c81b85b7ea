"""Rule docs pages, made from the rule YAML (one source for ``ogpcheck rule
CODE``, ``docs/rules/*.md`` and the SARIF rule help).

``python scripts/gen_rule_docs.py`` rewrites ``docs/rules/``; a test fails
when the pages there differ from what the rule files give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import yaml

from .rule import Rule
from .rules import shipped_rules

FAMILY_ORDER = ("numbers", "entities", "structure", "alignment", "placeholders")


def page(rule: Rule) -> str:
    """The Markdown docs page of one rule."""
    lines = [
        f"# {rule.code}: {rule.name}",
        "",
        f"{rule.summary}",
        "",
        "| family | default severity | kind of check |",
        "| --- | --- | --- |",
        f"| {rule.family} | {rule.severity.value} | `{rule.kind}` |",
        "",
        rule.description.strip(),
        "",
    ]
    options = asdict(rule.options) if rule.options is not None else {}
    if options:
        dumped = yaml.safe_dump(options, sort_keys=True, allow_unicode=True).strip()
        lines += ["## Options", "", "Set in the rule file:", "", "```yaml", dumped, "```", ""]
    lines += [
        "## Turn it on, off or down",
        "",
        "```sh",
        f"ogpcheck FILE --select {rule.code}     # only this rule",
        f"ogpcheck FILE --ignore {rule.code}     # every rule but this one",
        "```",
        "",
        "```toml",
        "[tool.ogpcheck]  # pyproject.toml, or the top level of ogpcheck.toml",
        f'ignore = ["{rule.code}"]',
        f'severity = {{ {rule.code} = "{_other_level(rule)}" }}',
        "```",
        "",
        "Silence it for one paragraph (in any version) with a comment on the line before:",
        "",
        f"    <!-- ogpcheck: ignore {rule.code} -->        Markdown, plain text",
        f"    {{/* ogpcheck: ignore {rule.code} */}}        MDX",
        "",
    ]
    return "\n".join(lines)


def _other_level(rule: Rule) -> str:
    return "warning" if rule.severity.value != "warning" else "error"


def index(rules: Sequence[Rule]) -> str:
    """The docs index: every rule by family."""
    lines = [
        "# Rules",
        "",
        "Generated from the rule files in `rules/` by `python scripts/gen_rule_docs.py`;",
        "`ogpcheck rule CODE` prints the same page.",
        "",
    ]
    families = sorted({r.family for r in rules}, key=lambda f: (FAMILY_ORDER.index(f) if f in FAMILY_ORDER else 99, f))
    for family in families:
        lines += [f"## {family}", "", "| code | name | default | summary |", "| --- | --- | --- | --- |"]
        for rule in (r for r in rules if r.family == family):
            lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.severity.value} | {rule.summary} |")
        lines.append("")
    return "\n".join(lines)


def pages(rules: Sequence[Rule] | None = None) -> dict[str, str]:
    """File name -> content of every docs page."""
    rules = list(rules if rules is not None else shipped_rules())
    out = {f"{rule.code}.md": page(rule) for rule in rules}
    out["README.md"] = index(rules)
    return out


def write(folder: Path) -> list[Path]:
    """Rewrite the docs folder: every page, and no page of a removed rule."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    written = []
    for name, content in wanted.items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def rule_data(rule: Rule) -> dict[str, object]:
    """One rule as data (``ogpcheck rules --format json``): every field of
    its file, its options and the path of its docs page."""
    return {
        "code": rule.code,
        "name": rule.name,
        "family": rule.family,
        "kind": rule.kind,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "description": rule.description,
        "options": asdict(rule.options) if rule.options is not None else {},
        "docs": f"docs/rules/{rule.code}.md",
    }
