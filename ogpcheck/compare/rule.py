"""One rule instance: a kind of check with its options, decoded from a rule
file under ``rules/`` (see ``rules.py`` for loading and validation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Severity


@dataclass(frozen=True)
class Rule:
    """A rule: its stable code, its name, family and docs (data), and the kind
    of check it is an instance of, with that kind's typed ``options``."""

    code: str
    name: str
    family: str
    kind: str
    severity: Severity
    summary: str
    description: str
    options: Any = None  # an instance of the kind's Options dataclass
    source: str = ""
