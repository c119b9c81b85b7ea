"""Check stage: run every enabled rule over the aligned groups.

Each rule is an instance of a kind of check (``kinds/``); this module only
hands them the shared context, skips the kinds a document has too few
versions for, applies inline suppressions and adds each finding's suggested
fix (``suggest.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..models import Block, Document, Finding, Group
from ..read.suppress import silences
from .context import Context
from .kinds import KINDS
from .rule import Rule
from .suggest import suggest

FIRST_KINDS = {"files"}  # findings about the document as a whole come before those in its text


def compare(
    document: Document,
    groups: list[Group],
    rules: Sequence[Rule],
    langs: Sequence[str],
    term_files: Sequence[Path] = (),
) -> list[Finding]:
    """All findings of all enabled rules, by file and line."""
    context = Context(document, groups, list(langs), term_files=list(term_files))
    blocks: dict[tuple[str, int | None], Block] = {(b.path, b.index): b for v in document.versions for b in v.blocks}
    ranked: list[tuple[tuple[int, str, int, str, str], Finding]] = []
    for rule in rules:
        kind = KINDS[rule.kind]  # rule files are validated on load
        if len(document.versions) < kind.min_versions:
            continue
        for finding in kind.check(context, rule):
            if any(silences(blocks.get((loc.path, loc.block), _NO_BLOCK).suppressed, rule.code, rule.family, rule.name)
                   for loc in finding.locations):
                continue
            finding.suggestion = suggest(finding, lambda vid: vid.split(".")[0])
            ranked.append(((0, "", 0, "", "") if rule.kind in FIRST_KINDS else (1, *finding.sort_key), finding))
    ranked.sort(key=lambda item: item[0])
    return [finding for _, finding in ranked]


_NO_BLOCK = Block(-1, "paragraph", "", 0, "")
