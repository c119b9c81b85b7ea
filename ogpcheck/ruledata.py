"""Find and load the rule data shipped in ``rules/`` (YAML files users edit).

In a source checkout the data lives in the top-level ``rules/`` folder; an
installed wheel carries a copy as ``ogpcheck/_rules``.

Importing PyYAML costs about 0.02 s of CPU, a twentieth of a numbers-only
check, so the shipped files are also kept parsed in ``_shipped_data.py``
(written by ``scripts/gen_shipped_data.py``), each under the SHA-256 of its
text, as Python keeps compiled modules beside their source: a file whose
text has changed since (a user's edit) has no entry and is parsed again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import InputError


def rules_dir() -> Path:
    """The folder holding the shipped rule data."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the shipped rules/ folder is missing from this installation")


def text_key(text: str) -> str:
    """What ``_shipped_data.PARSED`` files a text under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_yaml(text: str) -> Any:
    """Parse a shipped YAML text. The shipped files are parsed by libyaml
    when PyYAML was built with it (six times faster, the same values: the
    constructor is the same); files a user names go through
    ``read/datafile.py``, whose pure-Python parser turns a hostile file into
    an error rather than a crash."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # a safe loader: plain values only


def parse_shipped(text: str) -> Any:
    """The data of a YAML text shipped with ogpcheck (a new object at each
    call, as a parser would give)."""
    from ._shipped_data import PARSED

    build = PARSED.get(text_key(text))
    return build() if build is not None else parse_yaml(text)


@cache
def load_yaml(relative: str) -> Any:
    """Parse one YAML file below ``rules/``."""
    return parse_shipped((rules_dir() / relative).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class FilePattern:
    """A pattern of a pattern file and the strings one of which every match
    holds (its ``requires``): a text holding none of them is not searched,
    as Vale looks for a rule's tokens before running its expression. Most
    blocks hold no ``|``, ``...`` or ``NUM``, and ``in`` tells that many
    times faster than the regular expression engine."""

    regex: re.Pattern[str]
    requires: tuple[str, ...] = ()

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def may_hold(self, string: str) -> bool:
        """Whether ``string`` may hold a match: it holds one of ``requires``,
        or there are none."""
        # map, not a generator: this is asked for every block and pattern
        return not self.requires or any(map(string.__contains__, self.requires))

    def finditer(self, string: str, /) -> Iterator[re.Match[str]]:
        return self.regex.finditer(string) if self.may_hold(string) else iter(())


def shared_requires(patterns: Sequence[object]) -> tuple[str, ...] | None:
    """The ``requires`` of all ``patterns`` together: a text holding none of
    them holds no match of any, and is not searched pattern by pattern;
    None when one pattern has none (it may match anywhere)."""
    found: list[str] = []
    for pattern in patterns:
        if not isinstance(pattern, FilePattern) or not pattern.requires:
            return None
        found.extend(pattern.requires)
    return tuple(dict.fromkeys(found))


def may_hold_any(text: str, required: tuple[str, ...] | None) -> bool:
    """Whether ``text`` may hold a match of any of the patterns whose
    ``shared_requires`` are ``required`` (None: any text may)."""
    return required is None or any(map(text.__contains__, required))


def requirements(item: dict[str, Any], where: str) -> tuple[str, ...]:
    """The ``requires`` of a pattern item (a string or a list of non-empty
    strings); an InputError naming ``where`` (the file and the pattern) when
    it is anything else."""
    value = item.get("requires", [])
    needles = [value] if isinstance(value, str) else value
    if not isinstance(needles, list) or not all(isinstance(n, str) and n for n in needles):
        raise InputError(f"{where}: 'requires' is a string or a list of non-empty strings")
    return tuple(needles)


@cache
def compiled_patterns(relative: str) -> tuple[FilePattern, ...]:
    """Compile the ``patterns`` list of a pattern file (each item has a
    ``regex``, and may have ``requires``)."""
    data = load_yaml(relative) or {}
    found = []
    for number, item in enumerate(data.get("patterns", []), 1):
        found.append(FilePattern(re.compile(item["regex"]), requirements(item, f"{relative}: pattern {number}")))
    return tuple(found)


@cache
def file_requires(relative: str) -> tuple[str, ...] | None:
    """``shared_requires`` of the patterns of a pattern file."""
    return shared_requires(compiled_patterns(relative))
