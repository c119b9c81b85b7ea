"""Compare stage: run every enabled rule over the aligned groups.

Each rule is decoded into a kind of check (``ogpcheck/kinds``); this module
only hands them the shared context and applies inline suppressions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..models import Block, Document, Finding, Group
from ..read.suppress import silences
from .context import Context
from .kinds import KINDS
from .rules import Rule


def compare(
    document: Document,
    groups: list[Group],
    rules: Sequence[Rule],
    langs: Sequence[str],
    term_files: Sequence[Path] = (),
) -> list[Finding]:
    """All findings of all enabled rules, in document order."""
    context = Context(document, groups, list(langs), term_files=list(term_files))
    blocks: dict[tuple[str, int | None], Block] = {(b.path, b.index): b for v in document.versions for b in v.blocks}
    findings: list[Finding] = []
    for rule in rules:
        check = KINDS.get(rule.kind)
        if check is None:
            continue
        for finding in check(context, rule):
            if any(silences(blocks.get((loc.path, loc.block), _NO_BLOCK).suppressed, rule.code, rule.family, rule.name)
                   for loc in finding.locations):
                continue
            findings.append(finding)
    findings.sort(key=lambda f: f.sort_key)
    return findings


_NO_BLOCK = Block(-1, "paragraph", "", 0, "")
