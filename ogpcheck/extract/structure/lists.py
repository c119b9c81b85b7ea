"""Lists as units: a run of list items that follow each other is one list,
whatever the input format (Markdown bullets, numbered lines in text, bullet
lines in a PDF)."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import Block


def list_runs(blocks: Iterable[Block]) -> dict[tuple[str, int], int]:
    """(path, block index) -> list id for every list item; items that follow
    each other directly belong to one list."""
    out: dict[tuple[str, int], int] = {}
    previous: Block | None = None
    run = -1
    for block in blocks:
        if block.kind != "list_item":
            previous = None
            continue
        if previous is None or previous.path != block.path or previous.index + 1 != block.index:
            run += 1
        out[(block.path, block.index)] = run
        previous = block
    return out
