"""Project configuration: ``ogpcheck.toml`` or ``[tool.ogpcheck]`` in
``pyproject.toml``, found by walking up from the (first) input.

A project writes its languages, rules and data files down once, so that CI,
pre-commit and an editor's run agree. The command line overrides the file key
by key. Paths in the file are relative to the file's folder, so the check
gives the same result from any working directory.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .limits import MAX_BYTES, parse_size
from .models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("ogpcheck.toml", ".ogpcheck.toml")
LEVELS = ("error", "warning", "info", "never")


@dataclass
class Config:
    """The settings a configuration file gives; None where it is silent."""

    path: Path | None = None
    langs: list[str] | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    format: str | None = None
    baseline: Path | None = None
    jobs: int | None = None
    terms: list[Path] = field(default_factory=list)
    boilerplate: list[Path] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)
    layouts: list[str | dict[str, str]] | None = None
    source_lang: str | None = None
    exclude: list[str] = field(default_factory=list)
    max_bytes: int | None = None


def discover(start: Path) -> Path | None:
    """The nearest configuration file in ``start``'s folder or above it: an
    ``ogpcheck.toml`` wins over a ``pyproject.toml`` in the same folder, and a
    ``pyproject.toml`` counts only when it has a ``[tool.ogpcheck]`` table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "ogpcheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML ({error})") from None


def load(path: Path) -> Config:
    """Read and check one configuration file."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("ogpcheck", {})
        where = f"{path} [tool.ogpcheck]"
    else:
        where = str(path)
    return parse(data, path.parent, where, path)


def parse(data: Mapping[str, Any], base: Path, where: str, path: Path | None = None) -> Config:
    """Turn the table of a configuration file into a Config; ``base`` is the
    folder relative paths are taken from."""
    config = Config(path=path)
    for raw_key, value in data.items():
        key = raw_key.replace("-", "_")
        parser = _KEYS.get(key)
        if parser is None:
            raise InputError(
                f"{where}: unknown key '{raw_key}' (known: {', '.join(k.replace('_', '-') for k in _KEYS)})"
            )
        try:
            setattr(config, key, parser(value, base))
        except (TypeError, ValueError) as error:
            raise InputError(f"{where}: '{raw_key}' {error}") from None
    return config


def _strings(value: Any, _base: Path) -> list[str]:
    if isinstance(value, str):
        value = [item.strip() for item in value.split(",") if item.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("must be a list of strings")
    return list(value)


def _paths(value: Any, base: Path) -> list[Path]:
    return [base / item for item in _strings(value, base)]


def _path(value: Any, base: Path) -> Path:
    if not isinstance(value, str):
        raise TypeError("must be a path")
    return base / value


def _level(value: Any, _base: Path) -> str:
    if value not in LEVELS:
        raise ValueError(f"must be one of {', '.join(LEVELS)}")
    return str(value)


def _severity(value: Any, _base: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TypeError('must be a table such as { NUM003 = "warning" }')
    for code, level in value.items():
        if level not in {s.value for s in Severity}:
            raise ValueError(f"{code} must be error, warning or info")
    return {str(code).upper(): str(level) for code, level in value.items()}


def _text(value: Any, _base: Path) -> str:
    if not isinstance(value, str):
        raise TypeError("must be a string")
    return value


def _jobs(value: Any, _base: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("must be a positive integer")
    return value


def _layouts(value: Any, _base: Path) -> list[str | dict[str, str]]:
    if not isinstance(value, list):
        raise TypeError("must be a list of layout names, templates or tables")
    for item in value:
        ok = isinstance(item, str) or (isinstance(item, dict) and all(isinstance(v, str) for v in item.values()))
        if not ok:
            raise TypeError("must be a list of layout names, templates or tables")
    return list(value)


def _size(value: Any, _base: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError("must be a size such as 20MB, 500KB or 1000000")
    try:
        return parse_size(str(value))
    except InputError:
        raise ValueError("must be a size such as 20MB, 500KB or 1000000") from None


_KEYS = {
    "langs": _strings,
    "select": _strings,
    "ignore": _strings,
    "severity": _severity,
    "fail_on": _level,
    "format": _text,
    "baseline": _path,
    "jobs": _jobs,
    "terms": _paths,
    "boilerplate": _paths,
    "rules": _paths,
    "layouts": _layouts,
    "source_lang": _text,
    "exclude": _strings,
    "max_bytes": _size,
}


def find_config(paths: Sequence[Path], explicit: Path | None = None, isolated: bool = False) -> Config:
    """The configuration for a run: ``explicit`` when given, none when
    ``isolated``, else the one discovered from the first input."""
    if isolated:
        return Config()
    if explicit is not None:
        if not explicit.is_file():
            raise InputError(f"{explicit}: no such configuration file")
        return load(explicit)
    if not paths:
        return Config()
    found = discover(paths[0])
    return load(found) if found is not None else Config()


def rule_files(paths: Sequence[Path]) -> list[Path]:
    """User rule files: each path is a YAML file or a folder of them."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(path.rglob("*.yaml")))
        elif path.is_file():
            out.append(path)
        else:
            raise InputError(f"{path}: no such rule file or folder")
    return out


def boilerplate_patterns(paths: Sequence[Path]) -> list[re.Pattern[str]]:
    """Compile user pattern files, written like ``rules/patterns/boilerplate.yaml``
    (a ``patterns`` list whose items have a ``regex``)."""
    compiled: list[re.Pattern[str]] = []
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError:
            raise InputError(f"{path}: cannot read the pattern file") from None
        except yaml.YAMLError:
            raise InputError(f"{path}: the pattern file is not valid YAML") from None
        items = data.get("patterns") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise InputError(f"{path}: a pattern file needs a 'patterns' list")
        for number, item in enumerate(items, 1):
            regex = item.get("regex") if isinstance(item, dict) else None
            if not isinstance(regex, str):
                raise InputError(f"{path}: pattern {number} has no 'regex'")
            try:
                compiled.append(re.compile(regex))
            except re.error as error:
                raise InputError(f"{path}: pattern {number} is not a valid regular expression ({error})") from None
    return compiled


DEFAULT_LAYOUTS: list[str | dict[str, str]] = ["folder", "suffix", "name"]


@dataclass
class Settings:
    """What a run uses: the command line over the configuration file over
    the defaults."""

    langs: list[str]
    select: list[str]
    ignore: list[str]
    severity: dict[str, str]
    fail_on: str
    format: str
    baseline: Path | None
    jobs: int | None
    terms: list[Path]
    boilerplate: list[Path]
    rules: list[Path]
    layouts: list[str | dict[str, str]]
    source_lang: str | None
    exclude: list[str]
    config_path: Path | None
    max_bytes: int = MAX_BYTES


def merge(config: Config, given: Mapping[str, Any]) -> Settings:
    """Settings for a run. ``given`` holds only the options the user typed on
    the command line (key: Config field name); each replaces the file's value."""

    def pick(key: str, default: Any) -> Any:
        if given.get(key) is not None:
            return given[key]
        value = getattr(config, key)
        return default if value is None else value

    return Settings(
        langs=list(dict.fromkeys(code.lower() for code in pick("langs", ["en", "es", "fr"]))),
        select=pick("select", []),
        ignore=pick("ignore", []),
        severity=pick("severity", {}),
        fail_on=pick("fail_on", "error"),
        format=pick("format", "text"),
        baseline=pick("baseline", None),
        jobs=pick("jobs", None),
        terms=pick("terms", []),
        boilerplate=pick("boilerplate", []),
        rules=pick("rules", []),
        layouts=pick("layouts", DEFAULT_LAYOUTS),
        source_lang=pick("source_lang", None),
        exclude=pick("exclude", []),
        config_path=config.path,
        max_bytes=pick("max_bytes", MAX_BYTES),
    )


def options_for(settings: Settings) -> Any:
    """The pipeline Options of these settings (data files read and checked)."""
    from .pipeline import Options
    from .rules import all_rules

    rule_paths = rule_files(settings.rules)
    known = {rule.code for rule in all_rules(rule_paths)}
    unknown = sorted(code for code in settings.severity if code not in known)
    if unknown:
        where = f"{settings.config_path}: " if settings.config_path else ""
        raise InputError(f"{where}severity names unknown rule(s) {', '.join(unknown)} (see 'ogpcheck rules')")
    options = Options(
        langs=list(settings.langs),
        select=list(settings.select),
        ignore=list(settings.ignore),
        severities=dict(settings.severity),
        rule_files=rule_paths,
        boilerplate=boilerplate_patterns(settings.boilerplate),
        max_bytes=settings.max_bytes,
        term_files=list(settings.terms),
    )
    return options
