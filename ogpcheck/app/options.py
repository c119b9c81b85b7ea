"""The settings of a run, in one place.

Every setting is one field of ``Options``: its default, how a configuration
file's value is read (``read``) and, when the command line has a flag of the
same name, that flag. ``config.py`` fills the fields from ``ogpcheck.toml`` or
``[tool.ogpcheck]``; ``cli.py`` overrides them with the flags the user typed.
Adding a setting is adding a field here and, if it has one, a flag there.

Fields with ``read=None`` are not configuration keys: they are set by the
program for one document (``file_langs``) or record where settings came
from (``config_path``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Severity
from ..read.bounded import BoundedPattern
from ..read.limits import MAX_BYTES, parse_size

Reader = Callable[[Any, Path], Any]  # (value in the file, the file's folder) -> field value
LEVELS = ("error", "warning", "info", "never")
DEFAULT_LAYOUTS: tuple[str | dict[str, str], ...] = ("folder", "suffix", "name")
NO_SOURCE = "none"  # ``source = "none"``: the majority decides even where the file layout names a source
# Former configuration keys still read, by the field they now set.
ALIASES = {"source_lang": "source"}


# -- readers of configuration values ------------------------------------------


def _strings(value: Any, _base: Path) -> list[str]:
    if isinstance(value, str):
        value = [item.strip() for item in value.split(",") if item.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("must be a list of strings")
    return list(value)


def _langs(value: Any, base: Path) -> list[str]:
    return list(dict.fromkeys(code.lower() for code in _strings(value, base)))


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


def _source(value: Any, _base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError('must be a language code such as "en", or "none"')
    return value.strip().lower()


def _bool(value: Any, _base: Path) -> bool:
    if not isinstance(value, bool):
        raise TypeError("must be true or false")
    return value


def _severity_level(value: Any, _base: Path) -> str:
    if value not in {s.value for s in Severity}:
        raise ValueError("must be error, warning or info")
    return str(value)


def _jobs(value: Any, _base: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("must be a positive integer")
    return value


_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})")


def scheduler_address(value: str) -> str:
    """A Dask scheduler address, ``tcp://HOST:PORT`` (or ``tls://``,
    ``ws://``...), checked before any connection is tried."""
    match = _ADDRESS.fullmatch(value.strip())
    if match is None or not 0 < int(match.group(1)) < 65536:
        raise InputError(f"--scheduler: '{value}' is not a scheduler address such as tcp://10.0.0.5:8786")
    return value.strip()


def _address(value: Any, _base: Path) -> str:
    if not isinstance(value, str):
        raise TypeError("must be a scheduler address such as tcp://10.0.0.5:8786")
    try:
        return scheduler_address(value)
    except InputError:
        raise ValueError("must be a scheduler address such as tcp://10.0.0.5:8786") from None


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


def setting(default: Any = MISSING, *, factory: Any = MISSING, read: Reader | None) -> Any:
    """A field of ``Options``; ``read`` turns a configuration value into the
    field's value (None: not a configuration key)."""
    if factory is not MISSING:
        return field(default_factory=factory, metadata={"read": read})
    return field(default=default, metadata={"read": read})


@dataclass(frozen=True)
class Options:
    """Every setting of a run: the command line over the configuration file
    over these defaults."""

    langs: list[str] = setting(factory=lambda: ["en", "es", "fr"], read=_langs)
    select: list[str] = setting(factory=list, read=_strings)
    ignore: list[str] = setting(factory=list, read=_strings)
    severity: dict[str, str] = setting(factory=dict, read=_severity)  # rule code -> severity
    fail_on: str = setting("error", read=_level)
    format: str = setting("text", read=_text)
    baseline: Path | None = setting(None, read=_path)
    jobs: int | None = setting(None, read=_jobs)
    scheduler: str | None = setting(None, read=_address)  # batch runs: a Dask scheduler (app/cluster.py)
    terms: list[Path] = setting(factory=list, read=_paths)  # terminology added to rules/terminology.yaml
    boilerplate: list[Path] = setting(factory=list, read=_paths)  # pattern files
    rules: list[Path] = setting(factory=list, read=_paths)  # rule files or folders of them
    layouts: list[str | dict[str, str]] = setting(factory=lambda: list(DEFAULT_LAYOUTS), read=_layouts)
    # The language translations are made from: a version that departs from
    # it is the suspect (compare/vote.py); also the language of ``x.md`` beside
    # ``x.es.md``. None: the file that names no language, if any, else the
    # majority decides; "none": always the majority.
    source: str | None = setting(None, read=_source)
    exclude: list[str] = setting(factory=list, read=_strings)
    max_bytes: int = setting(MAX_BYTES, read=_size)  # largest input file read (read/limits.py)
    min_severity: str = setting("info", read=_severity_level)  # findings below it are left out of every format
    exit_zero: bool = setting(False, read=_bool)  # exit 0 even with findings (2 still for errors)
    quiet: bool = setting(False, read=_bool)  # text formats: findings only, no header or summary
    statistics: bool = setting(False, read=_bool)  # print the count of findings by rule instead of the findings
    cache: bool = setting(True, read=_bool)  # reuse the reports of unchanged documents
    cache_dir: Path | None = setting(None, read=_path)  # default: .ogpcheck_cache beside the configuration
    require_models: bool = setting(False, read=_bool)  # a language without its spaCy pipeline is an error
    docs_url: str | None = setting(None, read=_text)  # where docs/rules/CODE.md pages are served (SARIF helpUri)
    # Set by the program, not by the user:
    config_path: Path | None = setting(None, read=None)  # the configuration file the settings came from
    root: Path | None = setting(None, read=None)  # the repository: paths in fingerprints and SARIF are relative to it
    file_langs: dict[str, str] = setting(factory=dict, read=None)  # path -> language known from the file layout
    missing: dict[str, str | None] = setting(factory=dict, read=None)  # language without a file -> where expected
    layout_source: str | None = setting(None, read=None)  # the source language a batch gives a document's layout

    @classmethod
    def keys(cls) -> dict[str, Reader]:
        """Configuration keys (field names) and their readers."""
        return {f.name: f.metadata["read"] for f in fields(cls) if f.metadata.get("read") is not None}

    @property
    def source_lang(self) -> str | None:
        """The language of the files a layout names no language for
        (``x.md``, a bilingual file's source): the source the user set, else
        the one a batch gave the document. Only ``source`` decides who is
        blamed."""
        return self.source if self.source not in (None, NO_SOURCE) else self.layout_source

    def override(self, given: Mapping[str, Any]) -> Options:
        """These options with the values in ``given`` (field name -> value;
        None leaves a field as it is)."""
        changes = {key: value for key, value in given.items() if value is not None}
        unknown = sorted(set(changes) - {f.name for f in fields(self)})
        if unknown:
            raise TypeError(f"not an option: {', '.join(unknown)}")
        if "langs" in changes:
            changes["langs"] = list(dict.fromkeys(code.lower() for code in changes["langs"]))
        return replace(self, **changes)

    @cached_property
    def rule_paths(self) -> list[Path]:
        """User rule files: each path in ``rules`` is a YAML file or a folder of them."""
        out: list[Path] = []
        for path in self.rules:
            if path.is_dir():
                out.extend(sorted(path.rglob("*.yaml")))
            elif path.is_file():
                out.append(path)
            else:
                raise InputError(f"{path}: no such rule file or folder")
        return out

    @cached_property
    def patterns(self) -> list[BoundedPattern]:
        """The user's boilerplate patterns, compiled (each search limited in time)."""
        from ..read.boilerplate import load_pattern_files

        return load_pattern_files(self.boilerplate)
