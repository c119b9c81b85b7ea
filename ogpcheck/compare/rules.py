"""The rule registry: every rule is a YAML file under ``rules/`` decoded into
a kind of check (``kinds/``). Codes are stable; name, family, severity and
docs are data, so ``ogpcheck rule CODE`` and the docs come from one source.

A rule file is validated as it is loaded: an unknown key, kind, option,
option value or severity is a one-line error naming the file and the key,
never a rule that silently does nothing.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import MISSING, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Severity
from ..read.datafile import read_yaml
from ..ruledata import parse_shipped, rules_dir
from .kinds import KINDS
from .rule import Rule

REQUIRED = ("code", "name", "family", "kind", "severity", "summary", "description")
OPTIONAL = ("options",)


def parse_rule(data: Any, source: str) -> Rule:
    """A Rule from the parsed YAML of a rule file, checked key by key."""
    if not isinstance(data, dict):
        raise InputError(f"{source}: a rule file is a mapping with keys {', '.join(REQUIRED)}")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise InputError(f"{source}: rule file lacks {', '.join(missing)}")
    unknown = [str(key) for key in data if key not in REQUIRED + OPTIONAL]
    if unknown:
        raise InputError(f"{source}: unknown key '{unknown[0]}' (known: {', '.join(REQUIRED + OPTIONAL)})")
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise InputError(f"{source}: severity must be error, warning or info") from None
    kind = str(data["kind"])
    if kind not in KINDS:
        raise InputError(f"{source}: kind: unknown kind '{kind}' (known: {', '.join(sorted(KINDS))})")
    return Rule(
        code=str(data["code"]),
        name=str(data["name"]),
        family=str(data["family"]),
        kind=kind,
        severity=severity,
        summary=str(data["summary"]).strip(),
        description=str(data["description"]).strip(),
        options=parse_options(KINDS[kind].options, data.get("options"), f"{source}: options"),
        source=source,
    )


def parse_options(cls: type, given: Any, where: str) -> Any:
    """An instance of a kind's ``Options`` dataclass from a rule file's
    ``options`` mapping: every key must be a field, every value of the
    field's type (one of the values a ``Literal`` lists)."""
    if given is None:
        given = {}
    if not isinstance(given, dict):
        raise InputError(f"{where}: must be a mapping of option names to values")
    declared = {f.name: f for f in fields(cls)}
    hints = typing.get_type_hints(cls)
    values = {}
    for key, value in given.items():
        if key not in declared:
            known = ", ".join(declared) or "none"
            raise InputError(f"{where}: unknown option '{key}' (known: {known})")
        problem = _mismatch(value, hints[key])
        if problem:
            raise InputError(f"{where}.{key}: {problem}")
        values[key] = value
    for name, declared_field in declared.items():
        if name not in values and declared_field.default is MISSING and declared_field.default_factory is MISSING:
            raise InputError(f"{where}: option '{name}' is required")
    return cls(**values)


def _mismatch(value: Any, hint: Any) -> str | None:
    """Why ``value`` does not fit the type ``hint`` (None when it does)."""
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        choices = typing.get_args(hint)
        return None if value in choices else f"{value!r} is not one of {', '.join(map(str, choices))}"
    if origin in (typing.Union, types.UnionType):
        problems = [_mismatch(value, arm) for arm in typing.get_args(hint)]
        return None if any(p is None for p in problems) else next(p for p in problems if p)
    if hint is type(None):
        return None if value is None else "must be empty"
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        if not isinstance(value, list):
            return "must be a list"
        return next((f"item {i + 1}: {p}" for i, v in enumerate(value) if (p := _mismatch(v, item))), None)
    if hint is Any:
        return None
    if hint is bool:
        return None if isinstance(value, bool) else "must be true or false"
    if hint in (int, float):
        ok = isinstance(value, (int, float) if hint is float else int) and not isinstance(value, bool)
        return None if ok else f"must be a {hint.__name__}"
    if hint is str:
        return None if isinstance(value, str) else "must be a string"
    return None if isinstance(value, hint) else f"must be a {getattr(hint, '__name__', hint)}"


def load_rule_files(paths: Iterable[Path]) -> list[Rule]:
    rules = []
    for path in paths:
        rules.append(parse_rule(read_yaml(path, "rule file"), str(path)))
    return rules


@lru_cache(maxsize=1)
def shipped_rules() -> tuple[Rule, ...]:
    """All rules shipped in ``rules/``, sorted by code."""
    base = rules_dir()
    files = sorted(p for p in base.rglob("*.yaml") if not _is_data(p.relative_to(base)))
    rules = [parse_rule(parse_shipped(path.read_text(encoding="utf-8")), str(path)) for path in files]
    return tuple(sorted(rules, key=lambda r: r.code))


def _is_data(relative: Path) -> bool:
    """Whether a YAML file under ``rules/`` is data (patterns, terminology),
    not a rule."""
    return "patterns" in relative.parts or len(relative.parts) == 1


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
