"""Genuine errors of the untouched corpus, as reviewed by hand (``reviewed.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .detect import Hit

REVIEWED = Path(__file__).with_name("reviewed.yaml")


@dataclass(frozen=True)
class Genuine:
    """A translation error that the corpus holds as published."""

    slug: str
    version: str
    line: int
    what: str


def load_reviewed(path: Path = REVIEWED) -> list[Genuine]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        Genuine(e["slug"], e["version"], int(e["line"]), " ".join(str(e["what"]).split()))
        for e in data.get("genuine", [])
    ]


def points_at(hit: Hit, genuine: Genuine, tolerance: int = 1) -> bool:
    """Whether a finding reports this error: it stands on its line and does
    not blame another version."""
    if hit.suspect and genuine.version not in hit.suspect:
        return False
    return any(v == genuine.version and abs(line - genuine.line) <= tolerance for v, line in hit.locations)
