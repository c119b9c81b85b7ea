"""What every kind of check may look at: the document, its aligned groups and
the facts of each block (extracted once, on first use).

An analysis several rules share (the number differences of every group, the
entity mentions of the document) is a function of the context decorated with
``@analysis``: it runs once per context and its result keeps its type, so a
kind asks for ``number_differences(context)``, not for a string-keyed cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar, cast

from ..extract.facts import BlockFacts, FactStore
from ..models import Block, Document, Group
from .correspondence import Correspondence

T = TypeVar("T")


@dataclass
class Context:
    """Everything a kind of check may look at."""

    document: Document
    groups: list[Group]
    langs: list[str]
    facts: FactStore = field(default_factory=FactStore)
    term_files: list[Path] = field(default_factory=list)  # user terminology (--terms)
    source: str | None = None  # id of the source version (--source), which decides every vote (``vote.py``)
    # Which versions translate each other; the others are left out of
    # ``groups`` before the rules run (kind ``correspondence``).
    correspondence: Correspondence | None = None
    _analyses: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)
    _langs: dict[str, str] = field(default_factory=dict, repr=False)  # version id -> language, as asked

    def lang(self, vid: str) -> str:
        found = self._langs.get(vid)
        if found is None:
            found = self._langs[vid] = next(v.lang for v in self.document.versions if v.id == vid)
        return found

    def facts_of(self, vid: str, block: Block) -> BlockFacts:
        return self.facts.of(block, self.lang(vid))

    @property
    def apart(self) -> list[str]:
        """Versions left out of the paragraph checks: not translations of the others."""
        return self.correspondence.apart if self.correspondence is not None else []

    @property
    def compared(self) -> list[Group]:
        """Groups with at least two versions: the ones whose facts are compared."""
        return [g for g in self.groups if len(g.members) >= 2]


def analysis(compute: Callable[[Context], T]) -> Callable[[Context], T]:
    """Memoise ``compute`` per context: the first call computes, later calls
    (from other rules of the same run) get the same result."""

    @wraps(compute)
    def memoised(context: Context) -> T:
        if compute not in context._analyses:
            context._analyses[compute] = compute(context)
        return cast(T, context._analyses[compute])

    return memoised
