"""Where a suggested replacement stands in its file (line and column), so that
SARIF can carry it as a fix an editor or a review tool applies.

Only text inputs (Markdown, plain text, XLIFF, PO, TMX) have columns: their
text is read again, once per file that has a replacement to place. A column
is given only where the replaced text occurs once on the suspect's line, so
a fix never lands on the wrong number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..models import Finding
from ..read.encoding import decode
from ..read.limits import read_bytes

NOT_TEXT = {".pdf", ".docx"}


def place(findings: Iterable[Finding], max_bytes: int) -> None:
    """Set ``line`` and ``column`` of the suggestions that replace text, in place."""
    files: dict[str, list[str] | None] = {}
    for finding in findings:
        suggestion = finding.suggestion
        if suggestion is None or not suggestion.replaced:
            continue
        loc = next((loc for loc in finding.locations if loc.version == suggestion.version), None)
        if loc is None or Path(loc.path).suffix.lower() in NOT_TEXT:
            continue
        if loc.path not in files:
            files[loc.path] = _lines(Path(loc.path), max_bytes)
        lines = files[loc.path]
        if lines is None or not 1 <= loc.line <= len(lines):
            continue
        found = list(_occurrences(suggestion.replaced).finditer(lines[loc.line - 1]))
        if len(found) == 1:
            suggestion.line, suggestion.column = loc.line, found[0].start() + 1


def _lines(path: Path, max_bytes: int) -> list[str] | None:
    try:
        return decode(read_bytes(path, max_bytes), str(path)).split("\n")
    except InputError:  # it was read a moment ago; if it cannot be now, no column
        return None


def _occurrences(text: str) -> re.Pattern[str]:
    """``text`` standing alone: not inside a longer number or word."""
    before = r"(?<![\w])" if text[:1].isalnum() else ""
    after = r"(?![\w])" if text[-1:].isalnum() else ""
    return re.compile(before + re.escape(text) + after)
