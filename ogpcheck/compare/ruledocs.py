"""Rule docs pages, made from the rule YAML and the kinds' typed options
(one source for ``ogpcheck rule CODE``, ``docs/rules/*.md``, the README's rule
table and the SARIF rule help).

``python scripts/gen_rule_docs.py`` rewrites ``docs/rules/`` and the table
between the markers in ``README.md``; a test fails when either differs from
what the rule files give.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from dataclasses import MISSING, asdict, fields
from pathlib import Path
from typing import Any

from .kinds import KINDS
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
    lines += options_section(rule)
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


def options_section(rule: Rule) -> list[str]:
    """The options of the rule's kind, read from the kind's typed
    ``Options`` dataclass: each option's accepted values, its default and
    the value this rule sets, then the dataclass's own description."""
    kind = KINDS[rule.kind]
    module = kind.check.__module__.replace(".", "/") + ".py"
    declared = fields(kind.options)
    lines = ["## Options", ""]
    if not declared:
        return [*lines, f"The kind `{rule.kind}` (`{module}`) takes no options.", ""]
    hints = typing.get_type_hints(kind.options)
    chosen = asdict(rule.options) if rule.options is not None else {}
    lines += [
        f"The kind `{rule.kind}` (`{module}`) accepts these options in a rule file:",
        "",
        "| option | accepted values | default | this rule |",
        "| --- | --- | --- | --- |",
    ]
    for option in declared:
        default = option.default_factory() if option.default_factory is not MISSING else option.default
        shown = "required" if default is MISSING else _shown(default)
        lines.append(f"| `{option.name}` | {accepted(hints[option.name])} | {shown} | {_shown(chosen.get(option.name))} |")
    description = " ".join((kind.options.__doc__ or "").split()).replace("``", "`")
    return [*lines, "", description, ""] if description else [*lines, ""]


def accepted(hint: Any) -> str:
    """The values a typed option accepts, as a reader of the docs says them."""
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return ", ".join(f"`{value}`" for value in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        arms = [arm for arm in typing.get_args(hint) if arm is not type(None)]
        optional = len(arms) < len(typing.get_args(hint))
        return " or ".join(accepted(arm) for arm in arms) + (" (may be left out)" if optional else "")
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return f"a list, each {accepted(item)}"
    names = {str: "a string", bool: "`true` or `false`", int: "a whole number", float: "a number"}
    return names.get(hint, getattr(hint, "__name__", str(hint)))


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "[]" if not value else ", ".join(_shown(item) for item in value)
    return f"`{value}`"


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
    families = sorted({r.family for r in rules}, key=lambda f: (_family_rank(f), f))
    for family in families:
        lines += [f"## {family}", "", "| code | name | default | summary |", "| --- | --- | --- | --- |"]
        for rule in (r for r in rules if r.family == family):
            lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.severity.value} | {rule.summary} |")
        lines.append("")
    return "\n".join(lines)


README_START = "<!-- rule table: generated by python scripts/gen_rule_docs.py from rules/; do not edit -->"
README_END = "<!-- end of rule table -->"


def readme_table(rules: Sequence[Rule]) -> str:
    """The README's rule table: every rule with its family, default
    severity and summary, linked to its docs page."""
    lines = ["| code | family | default | what it finds |", "| --- | --- | --- | --- |"]
    for rule in sorted(rules, key=lambda r: (_family_rank(r.family), r.code)):
        lines.append(f"| [{rule.code}](docs/rules/{rule.code}.md) | {rule.family} | {rule.severity.value} | {rule.summary} |")
    return "\n".join(lines)


def with_rule_table(readme: str, rules: Sequence[Rule] | None = None) -> str:
    """``readme`` with the text between its rule-table markers replaced by
    the table the rule files give."""
    start, end = readme.find(README_START), readme.find(README_END)
    if start < 0 or end < start:
        raise ValueError(f"README.md lacks the rule table markers {README_START!r} ... {README_END!r}")
    table = readme_table(list(rules if rules is not None else shipped_rules()))
    return readme[: start + len(README_START)] + "\n" + table + "\n" + readme[end:]


def _family_rank(family: str) -> int:
    return FAMILY_ORDER.index(family) if family in FAMILY_ORDER else len(FAMILY_ORDER)


def pages(rules: Sequence[Rule] | None = None) -> dict[str, str]:
    """File name -> content of every docs page."""
    rules = list(rules if rules is not None else shipped_rules())
    out = {f"{rule.code}.md": page(rule) for rule in rules}
    out["README.md"] = index(rules)
    return out


def write_readme_table(readme: Path) -> bool:
    """Rewrite the rule table of ``readme``; whether it changed."""
    text = readme.read_text(encoding="utf-8")
    updated = with_rule_table(text)
    if updated != text:
        readme.write_text(updated, encoding="utf-8")
    return updated != text


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
