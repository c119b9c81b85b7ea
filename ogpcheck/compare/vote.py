"""Who is blamed for a disagreement, decided in one place for every kind of
check, and the structural units (tables, lists) that correspond across
versions.

A disagreement is a fact that not every version gives alike: a number, a
name, a count of list items or table rows, a heading's number. Which version
is the suspect:

* with a **source** (``--source LANG``, configuration key ``source``) that
  is among the versions compared, the source's value is the reference:
  every version that differs from it is a suspect, wrong or out of date,
  even when two translations agree against it (the source was updated and
  both translations lag behind);
* without one, the **majority**: the value more than half of the versions
  give is the reference and the others are suspects; with no strict
  majority (two versions, or a tie) nobody is blamed.

Units are matched through the aligned groups: a table of one version
corresponds to a table of another when their cells were aligned with each
other. A unit matched to two units of one version (a list split in two) is
left out: counting its items would compare different things.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..models import Block, Group

T = TypeVar("T", bound=Hashable)


@dataclass
class Vote(Generic[T]):
    """The outcome of comparing one value across versions."""

    reference: T | None  # the value taken as right (the source's, else the majority's); None when undecided
    odd: list[str]  # versions departing from the reference (every version when undecided)
    source: str | None = None  # the source version, when it decided

    @property
    def decided(self) -> bool:
        return self.reference is not None

    @property
    def suspects(self) -> list[str]:
        return self.odd if self.decided else []

    def agreeing(self, vids: Iterable[str]) -> list[str]:
        """The versions among ``vids`` that give the reference value."""
        return [vid for vid in vids if vid not in self.odd]

    def odd_first(self, vids: Iterable[str]) -> list[str]:
        """The departing versions, then the others in their order: the order
        of a finding's locations, the suspect's first."""
        return [*self.odd, *self.agreeing(vids)]

    def name(self, vids: Sequence[str]) -> str:
        """Versions as a message lists them, the source named as such."""
        return named(vids, self.source)


def vote(values: dict[str, T], source: str | None = None) -> Vote[T] | None:
    """Compare one value across versions; ``None`` when all agree.

    ``source`` is the version id of the source, when one is set; it decides
    whenever it is among ``values``. Otherwise more than half of the
    versions must agree for a majority; with two versions there is none,
    and both are odd."""
    distinct = set(values.values())
    if len(distinct) < 2:
        return None
    if source is not None and source in values:
        reference = values[source]
        return Vote(reference, [vid for vid, value in values.items() if value != reference], source)
    counts = {value: sum(v == value for v in values.values()) for value in distinct}
    best = max(counts, key=lambda value: (counts[value], repr(value)))
    if 2 * counts[best] > len(values):
        return Vote(best, [vid for vid, value in values.items() if value != best])
    return Vote(None, list(values))


def named(vids: Sequence[str], source: str | None) -> str:
    """Versions as a message lists them: ``en, es``, or ``the source en`` /
    ``the source en and es`` when the source is among them and decided."""
    if source is None or source not in vids:
        return ", ".join(vids)
    rest = [vid for vid in vids if vid != source]
    return f"the source {source}" + (f" and {', '.join(rest)}" if rest else "")


def plural(vids: Sequence[str], singular: str, plural_form: str) -> str:
    """The verb form for a list of versions: "gives" for one, "give" for more."""
    return singular if len(vids) == 1 else plural_form


def corresponding(groups: Iterable[Group], unit_of: Callable[[Block], Hashable | None]) -> list[dict[str, Hashable]]:
    """Units that correspond across versions: for each set of units joined by
    aligned blocks, version id -> unit, when each version has at most one."""
    parent: dict[tuple[str, Hashable], tuple[str, Hashable]] = {}

    def find(node: tuple[str, Hashable]) -> tuple[str, Hashable]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for group in groups:
        nodes = [(vid, unit) for vid, block in group.members.items() if (unit := unit_of(block)) is not None]
        for node in nodes:
            find(node)
        for a, b in itertools.pairwise(nodes):
            parent[find(a)] = find(b)
    components: dict[tuple[str, Hashable], list[tuple[str, Hashable]]] = {}
    for node in list(parent):
        components.setdefault(find(node), []).append(node)
    out = []
    for nodes in components.values():
        vids = [vid for vid, _ in nodes]
        if len(set(vids)) == len(vids) and len(vids) >= 2:
            out.append(dict(nodes))
    out.sort(key=lambda units: sorted(str(u) for u in units.values()))
    return out
