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

FIRST_KINDS = {"files", "correspondence"}  # findings about the document as a whole come before those in its text


def compare(
    document: Document,
    groups: list[Group],
    rules: Sequence[Rule],
    langs: Sequence[str],
    term_files: Sequence[Path] = (),
    source: str | None = None,
) -> list[Finding]:
    """All findings of all enabled rules, by file and line (see ``check``)."""
    return check(document, groups, rules, langs, term_files, source)[0]


def check(
    document: Document,
    groups: list[Group],
    rules: Sequence[Rule],
    langs: Sequence[str],
    term_files: Sequence[Path] = (),
    source: str | None = None,
) -> tuple[list[Finding], list[Group]]:
    """All findings of all enabled rules, by file and line, and the groups
    they were found in (a kind's ``prepare`` may regroup the blocks: ALN005
    leaves out a version that is not a translation). ``source`` is the
    source language, which decides who is blamed (``vote.py``); the first
    version in that language stands for it."""
    source_version = next((v.id for v in document.versions if v.lang == source), None)
    context = Context(document, groups, list(langs), term_files=list(term_files), source=source_version)
    blocks: dict[tuple[str, int | None], Block] = {(b.path, b.index): b for v in document.versions for b in v.blocks}
    ranked: list[tuple[tuple[int, str, int, str, str], Finding]] = []
    runnable = [rule for rule in rules if len(document.versions) >= KINDS[rule.kind].min_versions]
    for rule in runnable:
        prepare = KINDS[rule.kind].prepare
        if prepare is not None:
            prepare(context, rule)
    for rule in runnable:
        kind = KINDS[rule.kind]  # rule files are validated on load
        for finding in kind.check(context, rule):
            if any(silences(blocks.get((loc.path, loc.block), _NO_BLOCK).suppressed, rule.code, rule.family, rule.name)
                   for loc in finding.locations):
                continue
            finding.suggestion = suggest(finding, lambda vid: vid.split(".")[0])
            ranked.append(((0, "", 0, "", "") if rule.kind in FIRST_KINDS else (1, *finding.sort_key), finding))
    ranked.sort(key=lambda item: item[0])
    return [finding for _, finding in ranked], context.groups


_NO_BLOCK = Block(-1, "paragraph", "", 0, "")
