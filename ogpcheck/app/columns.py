"""Columns of findings: where on its line the first disputed value stands.

Blocks keep the text a reader made of a line (Markdown markup and table
bars removed), not its place on the line, so the column is found in the file
itself: the disputed text is looked for on the location's line. Editors,
code-scanning services and ``path:line:col`` problem matchers jump to it.
PDF and DOCX locations, and text that is not found as written on its line
(a value split by markup), keep no column. (Suggested fixes are placed the
same way, more strictly, by ``fixes.py``.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..models import Location, Report
from ..read.encoding import decode
from ..read.limits import read_bytes
from .fixes import NOT_TEXT


def add_columns(report: Report, texts: dict[str, str] | None = None) -> None:
    """Set ``column`` on the report's locations whose value is found on its
    line. ``texts`` gives the text of inputs that are no files (standard
    input), by path."""
    lines: dict[str, list[str] | None] = {}
    for loc in _locations(report):
        if loc.page is not None or not loc.highlights or loc.line < 1 or Path(loc.path).suffix.lower() in NOT_TEXT:
            continue
        if loc.path not in lines:
            lines[loc.path] = _lines(loc.path, (texts or {}).get(loc.path))
        file_lines = lines[loc.path]
        if file_lines is None or loc.line > len(file_lines):
            continue
        start, end = loc.highlights[0]
        found = file_lines[loc.line - 1].find(loc.text[start:end])
        if found >= 0:
            loc.column = found + 1


def _locations(report: Report) -> Iterable[Location]:
    for finding in report.findings:
        yield from finding.locations


def _lines(path: str, text: str | None) -> list[str] | None:
    if text is None:
        with contextlib.suppress(InputError, OSError):
            data = read_bytes(Path(path))
            if data.startswith(b"%PDF-"):
                return None
            text = decode(data, path)
    return text.split("\n") if text is not None else None
