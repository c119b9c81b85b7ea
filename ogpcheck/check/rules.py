"""The rule registry: every rule is a YAML file under ``rules/`` decoded into
a kind of check (``ogpcheck/kinds``). Codes are stable; name, family, severity
and docs are data, so ``ogpcheck rule CODE`` and the docs come from one source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..models import Severity
from ..ruledata import rules_dir

REQUIRED = ("code", "name", "family", "kind", "severity", "summary", "description")


@dataclass(frozen=True)
class Rule:
    """One rule instance: a kind of check with its options."""

    code: str
    name: str
    family: str
    kind: str
    severity: Severity
    summary: str
    description: str
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    source: str = ""


def parse_rule(data: Any, source: str) -> Rule:
    if not isinstance(data, dict) or any(key not in data for key in REQUIRED):
        missing = [key for key in REQUIRED if not isinstance(data, dict) or key not in data]
        raise InputError(f"{source}: rule file lacks {', '.join(missing)}")
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise InputError(f"{source}: severity must be error, warning or info") from None
    return Rule(
        code=str(data["code"]),
        name=str(data["name"]),
        family=str(data["family"]),
        kind=str(data["kind"]),
        severity=severity,
        summary=str(data["summary"]).strip(),
        description=str(data["description"]).strip(),
        options=dict(data.get("options") or {}),
        source=source,
    )


def load_rule_files(paths: Iterable[Path]) -> list[Rule]:
    rules = []
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise InputError(f"{path}: cannot read rule file ({error.__class__.__name__})") from None
        if isinstance(data, dict) and "code" in data:
            rules.append(parse_rule(data, str(path)))
    return rules


@lru_cache(maxsize=1)
def shipped_rules() -> tuple[Rule, ...]:
    """All rules shipped in ``rules/``, sorted by code."""
    base = rules_dir()
    files = sorted(p for p in base.rglob("*.yaml") if "patterns" not in p.relative_to(base).parts)
    rules = load_rule_files(files)
    return tuple(sorted(rules, key=lambda r: r.code))


def all_rules(extra: Sequence[Path] = ()) -> list[Rule]:
    """Shipped rules plus user rule files (a user file may redefine a code)."""
    by_code = {rule.code: rule for rule in shipped_rules()}
    for rule in load_rule_files(extra):
        by_code[rule.code] = rule
    return [by_code[code] for code in sorted(by_code)]


def _matches(rule: Rule, selector: str) -> bool:
    selector = selector.strip()
    return selector.upper() == "ALL" or rule.code.startswith(selector.upper()) or selector == rule.family or selector == rule.name


def select(
    rules: Sequence[Rule],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: dict[str, str] | None = None,
) -> list[Rule]:
    """Rules enabled by ``--select``/``--ignore`` (code prefixes, families or
    names), with severities overridden from configuration."""
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    chosen = [r for r in chosen if not any(_matches(r, s) for s in ignore)]
    unknown = [s for s in (*select, *ignore) if not any(_matches(r, s) for r in rules)]
    if unknown:
        raise InputError(f"unknown rule selector: {', '.join(unknown)} (see 'ogpcheck rules')")
    out = []
    for rule in chosen:
        level = (severities or {}).get(rule.code)
        if level is not None:
            try:
                rule = replace(rule, severity=Severity(level))
            except ValueError:
                raise InputError(f"severity for {rule.code} must be error, warning or info") from None
        out.append(rule)
    return out


def find(code: str, rules: Sequence[Rule] | None = None) -> Rule:
    for rule in rules if rules is not None else shipped_rules():
        if rule.code == code.upper() or rule.name == code:
            return rule
    raise InputError(f"unknown rule '{code}' (see 'ogpcheck rules')")
