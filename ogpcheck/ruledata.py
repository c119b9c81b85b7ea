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


@cache
def load_yaml(relative: str) -> Any:
    """Parse one YAML file below ``rules/``."""
    with (rules_dir() / relative).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def compiled_patterns(relative: str) -> tuple[re.Pattern[str], ...]:
    """Compile the ``patterns`` list of a pattern file (each item has ``regex``)."""
    data = load_yaml(relative) or {}
    return tuple(re.compile(item["regex"]) for item in data.get("patterns", []))
