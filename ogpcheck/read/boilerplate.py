"""Cut boilerplate (glossary tooltips and the like) out of block text.

The patterns are data in ``rules/patterns/boilerplate.yaml``; users may add
their own with ``--boilerplate FILE``. Removal keeps a map from the clean text
back to the raw text so findings still point at the right line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..models import Block, Span
from ..ruledata import FilePattern, compiled_patterns, may_hold_any, requirements, shared_requires
from .bounded import BoundedPattern, TextPattern
from .datafile import read_yaml

BOILERPLATE_FILE = "patterns/boilerplate.yaml"


def default_patterns() -> tuple[FilePattern, ...]:
    return compiled_patterns(BOILERPLATE_FILE)


def clean(raw: str, patterns: Sequence[TextPattern]) -> tuple[str, list[Span]]:
    """Remove every pattern match from ``raw``; return the clean text and the
    spans of ``raw`` it keeps."""
    cuts: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(raw):  # usually none (``requires``): no generator made per block
            if match.end() > match.start():
                cuts.append(match.span())
    if not cuts:
        return raw, [Span(0, 0, len(raw))]
    cuts.sort()
    merged: list[tuple[int, int]] = []
    for start, end in cuts:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces: list[str] = []
    spans: list[Span] = []
    cursor = clean_len = 0
    for start, end in [*merged, (len(raw), len(raw))]:
        if start > cursor:
            spans.append(Span(clean_len, cursor, start - cursor))
            pieces.append(raw[cursor:start])
            clean_len += start - cursor
        cursor = max(cursor, end)
    return "".join(pieces), spans


def clean_blocks(blocks: Sequence[Block], patterns: Sequence[TextPattern]) -> None:
    """Fill ``text`` and ``spans`` of every block in place. A block holding
    none of the strings the patterns require (most) is kept whole without
    asking each pattern."""
    required = shared_requires(patterns)
    for block in blocks:
        block.text, block.spans = clean(block.raw, patterns if may_hold_any(block.raw, required) else ())


def load_pattern_files(paths: Sequence[Path]) -> list[BoundedPattern]:
    """Compile user pattern files, written like ``rules/patterns/boilerplate.yaml``
    (a ``patterns`` list whose items have a ``regex``, and may have
    ``requires``); each search they make is limited in time (``bounded.py``)."""
    compiled: list[BoundedPattern] = []
    for path in paths:
        data = read_yaml(path, "pattern file") or {}
        items = data.get("patterns") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise InputError(f"{path}: a pattern file needs a 'patterns' list")
        for number, item in enumerate(items, 1):
            regex = item.get("regex") if isinstance(item, dict) else None
            if not isinstance(regex, str):
                raise InputError(f"{path}: pattern {number} has no 'regex'")
            where = f"{path}: pattern {number}"
            needles = requirements(item, where)
            try:
                compiled.append(BoundedPattern(re.compile(regex), needles, where))
            except re.error as error:
                raise InputError(f"{path}: pattern {number} is not a valid regular expression ({error})") from None
    return compiled
