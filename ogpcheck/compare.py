"""Compare stage: run every enabled rule over the aligned groups.

Each rule is decoded into a kind of check (``ogpcheck/kinds``); this module
only hands them the shared context and applies inline suppressions.
"""

from __future__ import annotations

from collections.abc import Sequence

from .context import Context
from .kinds import KINDS
from .models import Block, Document, Finding, Group
from .rules import Rule
from .suppress import silences


def compare(document: Document, groups: list[Group], rules: Sequence[Rule], langs: Sequence[str]) -> list[Finding]:
    """All findings of all enabled rules, in document order."""
    context = Context(document, groups, list(langs))
    blocks = {(b.path, b.index): b for v in document.versions for b in v.blocks}
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
