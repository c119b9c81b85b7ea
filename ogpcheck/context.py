"""What every kind of check may look at: the document, its aligned groups and
the facts of each block (extracted once, on first use)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .extract.facts import BlockFacts, FactStore
from .models import Block, Document, Group


@dataclass
class Context:
    """Everything a kind of check may look at."""

    document: Document
    groups: list[Group]
    langs: list[str]
    facts: FactStore = field(default_factory=FactStore)
    cache: dict[str, object] = field(default_factory=dict)
    term_files: list[Path] = field(default_factory=list)  # user terminology (--terms)

    def lang(self, vid: str) -> str:
        return next(v.lang for v in self.document.versions if v.id == vid)

    def facts_of(self, vid: str, block: Block) -> BlockFacts:
        return self.facts.of(block, self.lang(vid))

    @property
    def compared(self) -> list[Group]:
        """Groups with at least two versions: the ones whose facts are compared."""
        return [g for g in self.groups if len(g.members) >= 2]
