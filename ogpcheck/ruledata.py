"""Find and load the rule data shipped in ``rules/`` (YAML files users edit).

In a source checkout the data lives in the top-level ``rules/`` folder; an
installed wheel carries a copy as ``ogpcheck/_rules``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml


def rules_dir() -> Path:
    """The folder holding the shipped rule data."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the shipped rules/ folder is missing from this installation")


# The shipped files are parsed by libyaml when PyYAML was built with it (six
# times faster, the same values: the constructor is the same); files a user
# names go through ``read/datafile.py``, whose pure-Python parser turns a
# hostile file into an error rather than a crash.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_shipped(text: str) -> Any:
    """The data of a YAML text shipped with ogpcheck."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader: plain values only


@cache
def load_yaml(relative: str) -> Any:
    """Parse one YAML file below ``rules/``."""
    return parse_shipped((rules_dir() / relative).read_text(encoding="utf-8"))


@cache
def compiled_patterns(relative: str) -> tuple[re.Pattern[str], ...]:
    """Compile the ``patterns`` list of a pattern file (each item has ``regex``)."""
    data = load_yaml(relative) or {}
    return tuple(re.compile(item["regex"]) for item in data.get("patterns", []))
