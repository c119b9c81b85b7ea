"""Project configuration: ``ogpcheck.toml`` or ``[tool.ogpcheck]`` in
``pyproject.toml``, found by walking up from the (first) input.

A project writes its languages, rules and data files down once, so that CI,
pre-commit and an editor's run agree. The command line overrides the file key
by key. Paths in the file are relative to the file's folder, so the check
gives the same result from any working directory. The keys are the fields of
``Options`` (``options.py``), written with ``-`` or ``_``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..read.limits import read_data_file
from ..versions.langguard import language_of
from .options import ALIASES, NO_SOURCE, Options

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("ogpcheck.toml", ".ogpcheck.toml")


def discover(start: Path) -> Path | None:
    """The nearest configuration file in ``start``'s folder or above it: an
    ``ogpcheck.toml`` wins over a ``pyproject.toml`` in the same folder, and a
    ``pyproject.toml`` counts only when it has a ``[tool.ogpcheck]`` table."""
    folder = Path(os.path.realpath(start))  # never raises, even on a loop of links
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _tool_table(pyproject) is not None:
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    text = read_data_file(path, "configuration file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: invalid TOML ({error})") from None
    except RecursionError:  # arrays or tables nested thousands deep
        raise InputError(f"{path}: invalid TOML (nested too deeply)") from None


def _tool_table(pyproject: Path) -> dict[str, Any] | None:
    """The ``[tool.ogpcheck]`` table of a pyproject.toml, None when there is
    none; an InputError when ``tool`` or ``tool.ogpcheck`` is not a table."""
    tool = _read_toml(pyproject).get("tool", {})
    if not isinstance(tool, dict):
        raise InputError(f"{pyproject}: 'tool' must be a table ([tool])")
    table = tool.get("ogpcheck")
    if table is not None and not isinstance(table, dict):
        raise InputError(f"{pyproject}: 'tool.ogpcheck' must be a table ([tool.ogpcheck])")
    return table


def load(path: Path) -> dict[str, Any]:
    """Read and check one configuration file: the values it gives, by
    ``Options`` field name (``config_path`` included)."""
    if path.name == "pyproject.toml":
        data = _tool_table(path) or {}
        where = f"{path} [tool.ogpcheck]"
    else:
        data = _read_toml(path)
        where = str(path)
    return {**parse(data, path.parent, where), "config_path": path}


def parse(data: Mapping[str, Any], base: Path, where: str) -> dict[str, Any]:
    """Read the table of a configuration file; ``base`` is the folder
    relative paths are taken from."""
    keys = Options.keys()
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = raw_key.replace("-", "_")
        key = ALIASES.get(key, key)
        if key in values:
            raise InputError(f"{where}: '{raw_key}' sets '{key.replace('_', '-')}' a second time")
        reader = keys.get(key)
        if reader is None:
            known = ", ".join(k.replace("_", "-") for k in keys)
            raise InputError(f"{where}: unknown key '{raw_key}' (known: {known})")
        try:
            values[key] = reader(value, base)
        except (TypeError, ValueError) as error:
            raise InputError(f"{where}: '{raw_key}' {error}") from None
    return values


def project_root(paths: Sequence[Path], config_path: Path | None) -> Path:
    """The repository the inputs belong to: the nearest folder at or above
    the first input that holds ``.git``, else the configuration file's
    folder, else the working directory."""
    if paths and str(paths[0]) != "-":
        start = Path(os.path.realpath(paths[0]))  # never raises, even on a loop of links
        for folder in (start, *start.parents):
            if (folder / ".git").exists():
                return folder
    if config_path is not None:
        return Path(os.path.realpath(config_path)).parent
    return Path.cwd()


def find_config(paths: Sequence[Path], explicit: Path | None = None, isolated: bool = False) -> dict[str, Any]:
    """The configuration values for a run: from ``explicit`` when given, none
    when ``isolated``, else from the file discovered above the first input."""
    if isolated:
        return {}
    if explicit is not None:
        if not explicit.exists():
            raise InputError(f"{explicit}: no such configuration file")
        return load(explicit)
    if not paths:
        return {}
    found = discover(paths[0])
    return load(found) if found is not None else {}


def options_for(
    paths: Sequence[Path], given: Mapping[str, Any], explicit: Path | None = None, isolated: bool = False
) -> Options:
    """The options of a run: ``given`` (the flags typed on the command line)
    over the configuration file over the defaults, with the data files they
    name read and checked."""
    from ..compare.rules import all_rules

    configured = find_config(paths, explicit, isolated)
    options = Options().override(configured).override(given)
    options = options.override({"root": project_root(paths, options.config_path)})
    where = f"{options.config_path}: " if options.config_path else ""
    known = {rule.code for rule in all_rules(options.rule_paths)}
    unknown = sorted(code for code in options.severity if code not in known)
    if unknown:
        raise InputError(f"{where}severity names unknown rule(s) {', '.join(unknown)} (see 'ogpcheck rules')")
    if not options.langs:
        raise InputError("--langs names no language")
    for code in options.langs:
        language_of(code)  # a code that is no language stops the run before any work
    if options.source not in (None, NO_SOURCE) and options.source not in options.langs:
        flag = "--source" if "source" in given else f"{where}'source'"
        raise InputError(f"{flag}: '{options.source}' is not one of the languages ({', '.join(options.langs)})")
    options.patterns  # noqa: B018 - a bad pattern file stops the run before any work
    return options
