"""Kind ``existence``: text that must never be published, found by patterns.

Rule options: ``patterns`` (a list of regular expressions) and/or
``patterns_file`` (a pattern file below ``rules/``). Each match is reported in
the version where it stands, which is the suspect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...models import Finding, Location
from ...ruledata import FilePattern, compiled_patterns, may_hold_any, shared_requires
from ..context import Context
from ..rule import Rule


@dataclass(frozen=True)
class Options:
    """``patterns``: regular expressions; ``patterns_file``: a pattern file
    below ``rules/`` (a ``patterns`` list whose items have a ``regex``)."""

    patterns: list[str] = field(default_factory=list)
    patterns_file: str | None = None


def patterns(rule: Rule) -> list[re.Pattern[str] | FilePattern]:
    options: Options = rule.options
    found: list[re.Pattern[str] | FilePattern] = [re.compile(p) for p in options.patterns]
    if options.patterns_file is not None:
        found.extend(compiled_patterns(options.patterns_file))
    return found


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    compiled = patterns(rule)
    needles = shared_requires(compiled)
    for version in context.document.versions:
        for block in version.blocks:
            if not may_hold_any(block.text, needles):  # most blocks
                continue
            matches = [m for p in compiled for m in p.finditer(block.text)]
            if not matches:
                continue
            matches.sort(key=lambda m: m.start())
            tokens = sorted({m.group() for m in matches})
            yield Finding(
                rule=rule.code,
                severity=rule.severity,
                message=f"{version.id} contains {', '.join(repr(t) for t in tokens)}: {rule.summary[0].lower()}{rule.summary[1:]}",
                suspect=[version.id],
                locations=[
                    Location(
                        version=version.id,
                        path=block.path,
                        line=block.line_of(matches[0].start()),
                        text=block.text,
                        values=tokens,
                        highlights=[m.span() for m in matches],
                        page=block.page_of(matches[0].start()),
                        block=block.index,
                        unit=block.unit,
                    )
                ],
            )
