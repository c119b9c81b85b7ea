"""Kind ``unmatched``: text that could not be paired with other versions.

Rule option ``scope``: ``block`` (default; a block of a version that the
aligner left alone), ``document`` (text outside every version) or
``languages`` (an expected language with no version at all).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ...models import Block, Finding
from ..context import Context
from ..findings import location
from ..rule import Rule


@dataclass(frozen=True)
class Options:
    """``scope``: what is reported (see the module docs)."""

    scope: Literal["block", "document", "languages"] = "block"


def _runs(blocks: list[Block]) -> list[list[Block]]:
    runs: list[list[Block]] = []
    for block in blocks:
        if runs and runs[-1][-1].path == block.path and runs[-1][-1].index + 1 == block.index:
            runs[-1].append(block)
        else:
            runs.append([block])
    return runs


def _excerpt(blocks: list[Block]) -> str:
    text = " / ".join(b.text.strip() for b in blocks if b.text.strip())
    return text if len(text) <= 70 else text[:67] + "..."


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    scope = rule.options.scope
    versions = context.document.versions
    if scope == "languages":
        found = {v.lang for v in versions}
        others = sorted({lang for lang, _, _ in context.document.foreign})
        aside = f"; text in {', '.join(others)} is not checked: --langs does not name it" if others else ""
        for lang in context.langs:
            if lang not in found:
                yield Finding(
                    rule=rule.code,
                    severity=rule.severity,
                    message=f"no {lang} version found (found: {', '.join(v.id for v in versions) or 'none'}{aside})",
                    suspect=[],
                    locations=[],
                )
        return
    if scope == "document":
        for run in _runs(context.document.unassigned):
            yield Finding(
                rule=rule.code,
                severity=rule.severity,
                message=f"text outside the language versions ({len(run)} block(s)): {_excerpt(run)}",
                suspect=[],
                locations=[location("-", run[0])],
            )
        return
    if len(versions) < 2:
        return
    alone: dict[str, list[Block]] = {}
    for group in context.groups:
        if len(group.members) == 1:
            ((vid, block),) = group.members.items()
            if block.text.strip() and vid not in context.apart:  # a version left out (ALN005) is reported once
                alone.setdefault(vid, []).append(block)
    for vid, blocks in alone.items():
        for run in _runs(blocks):
            yield Finding(
                rule=rule.code,
                severity=rule.severity,
                message=f"{vid} has {len(run)} block(s) with no counterpart: {_excerpt(run)}",
                suspect=[],
                locations=[location(vid, run[0])],
            )
