"""Alignment accuracy: the share of gold pairs (an English unit and its
translation, see ``gold``) that land in the same aligned group.

A gold unit that the reader did not turn into a block (it saw no text
there) is not evaluated. In a triple with a dropped list item, the lines of
the changed version are mapped back through the drop and the dropped unit's
pairs are left out, so the figure says whether the rest stayed aligned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ogpcheck.models import Block

from .inject import Injection

SOURCE = "en"
LineMap = Callable[[str, int], int | None]


def identity(_version: str, line: int) -> int | None:
    return line


def through(injection: Injection) -> LineMap:
    """Map a line of the original file to the injected one (None if removed)."""
    first = injection.line
    removed = injection.original.count("\n") - injection.replacement.count("\n")

    def mapped(version: str, line: int) -> int | None:
        if version != injection.version or line < first:
            return line
        return None if line < first + removed else line - removed

    return mapped


def accuracy(
    links: dict[str, list[tuple[int, int]]], groups: Iterable[dict[str, Block]], line_map: LineMap = identity
) -> tuple[int, int]:
    """(gold pairs grouped together, gold pairs evaluated)."""
    where = {(vid, block.line): k for k, group in enumerate(groups) for vid, block in group.items()}
    right = evaluated = 0
    for vid, pairs in links.items():
        for en_line, line in pairs:
            a, b = line_map(SOURCE, en_line), line_map(vid, line)
            if a is None or b is None or (SOURCE, a) not in where or (vid, b) not in where:
                continue
            evaluated += 1
            right += where[(SOURCE, a)] == where[(vid, b)]
    return right, evaluated


def by_position(blocks: dict[str, list[Block]]) -> list[dict[str, Block]]:
    """Groups made by pairing blocks by position: the naive baselines' alignment."""
    length = max((len(b) for b in blocks.values()), default=0)
    return [{vid: bs[k] for vid, bs in blocks.items() if k < len(bs)} for k in range(length)]
