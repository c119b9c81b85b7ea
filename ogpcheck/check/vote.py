"""Structural units (tables, lists) that correspond across versions, and the
majority vote that names the odd version.

Units are matched through the aligned groups: a table of one version
corresponds to a table of another when their cells were aligned with each
other. A unit matched to two units of one version (a list split in two) is
left out: counting its items would compare different things.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..models import Block, Group

T = TypeVar("T", bound=Hashable)


@dataclass
class Vote(Generic[T]):
    """The outcome of comparing one value across versions."""

    majority: T | None  # the value most versions give, None without a majority
    odd: list[str]  # versions departing from the majority (all differing ones without it)

    @property
    def suspects(self) -> list[str]:
        return self.odd if self.majority is not None else []


def vote(values: dict[str, T]) -> Vote[T] | None:
    """Compare one value across versions; ``None`` when all agree. More than
    half of the versions must agree for a majority; with two versions there is
    none, and both are odd."""
    distinct = set(values.values())
    if len(distinct) < 2:
        return None
    counts = {value: sum(v == value for v in values.values()) for value in distinct}
    best = max(counts, key=lambda value: counts[value])
    if 2 * counts[best] > len(values):
        return Vote(best, [vid for vid, value in values.items() if value != best])
    return Vote(None, list(values))


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
