"""Make text safe to show: a document or a file name must never reach a
terminal as a command, nor make an output unwritable.

Two hazards come from the input, never from ogpcheck itself:

* control characters (ESC, BEL, CR, C1 codes...) in a document or a file
  name would be obeyed by a terminal (clear the screen, hide text, set the
  window title) or by a CI log viewer; they are shown as the Unicode control
  pictures (ESC as ``␛``, CR as ``␍``), one character for one, so offsets of
  highlighted values stay valid;
* a file name that is not valid UTF-8 reaches Python as lone surrogates
  (``\\udce9`` for the byte 0xE9), which cannot be encoded: they become
  U+FFFD, the replacement character.

Human-facing formats (text, GitHub annotations) get both, and so does the
XLSX workbook (which refuses control characters); machine formats (JSON,
SARIF, HTML, CSV) escape control characters themselves or pass them on
as data, and get the second.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any, TypeVar

from ..models import Finding, Location, Report, Suggestion, Version
from .outcome import Batch, Fault

# C0 controls but tab and line feed, DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
R = TypeVar("R", str, bytes)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT  # C1 controls have no picture


def encodable(text: str) -> str:
    """``text`` with the lone surrogates of an undecodable file name replaced."""
    return _SURROGATE.sub(REPLACEMENT, text)


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters shown as pictures and lone
    surrogates replaced; the length is kept. Line feeds are kept only when
    asked (document text, which the formats lay out themselves)."""
    pattern = _CONTROL if keep_newlines else _CONTROL_OR_NEWLINE
    return pattern.sub(_picture, encodable(text))


def one_line(text: str) -> str:
    """A message for standard error: printable, on one line."""
    return printable(text)


def _location(loc: Location) -> Location:
    return dataclasses.replace(
        loc,
        version=printable(loc.version),
        path=printable(loc.path),
        text=printable(loc.text, keep_newlines=True),
        values=[printable(value) for value in loc.values],
        row_header=None if loc.row_header is None else printable(loc.row_header),
        col_header=None if loc.col_header is None else printable(loc.col_header),
    )


def _optional(text: str | None) -> str | None:
    return None if text is None else printable(text)


def _suggestion(suggestion: Suggestion | None) -> Suggestion | None:
    if suggestion is None:
        return None
    return dataclasses.replace(
        suggestion,
        version=printable(suggestion.version),
        found=[printable(v) for v in suggestion.found],
        expected=[printable(v) for v in suggestion.expected],
        text=None if suggestion.text is None else printable(suggestion.text, keep_newlines=True),
        replaced=_optional(suggestion.replaced),
        inserted=_optional(suggestion.inserted),
    )


def _finding(finding: Finding) -> Finding:
    return dataclasses.replace(
        finding,
        message=printable(finding.message),
        suspect=[printable(s) for s in finding.suspect],
        locations=[_location(loc) for loc in finding.locations],
        suggestion=_suggestion(finding.suggestion),
    )


def _version(version: Version) -> Version:
    return dataclasses.replace(version, id=printable(version.id), path=printable(version.path))


def shown_report(report: Report) -> Report:
    """A copy of ``report`` whose every string is printable (blocks and
    groups are shared, not copied: the formats read only their counts)."""
    return dataclasses.replace(
        report,
        versions=[_version(v) for v in report.versions],
        findings=[_finding(f) for f in report.findings],
        notices=[printable(n) for n in report.notices],
        inputs=[printable(i) for i in report.inputs],
    )


def shown_batch(batch: Batch) -> Batch:
    """A copy of ``batch`` whose every string is printable."""
    return dataclasses.replace(
        batch,
        roots=[printable(r) for r in batch.roots],
        reports=[shown_report(r) for r in batch.reports],
        faults=[Fault(printable(f.document), [printable(p) for p in f.paths], printable(f.message)) for f in batch.faults],
        skipped=[printable(s) for s in batch.skipped],
    )


def for_people(render: Callable[..., R]) -> Callable[..., R]:
    """A report renderer that sees printable text only."""

    def safe(report: Report, color: bool, *rest: Any) -> R:
        return render(shown_report(report), color, *rest)

    safe.__doc__ = render.__doc__
    return safe


def for_people_batch(render: Callable[..., R]) -> Callable[..., R]:
    """A batch renderer that sees printable text only."""

    def safe(batch: Batch, color: bool, *rest: Any) -> R:
        return render(shown_batch(batch), color, *rest)

    safe.__doc__ = render.__doc__
    return safe


def for_machines(render: Callable[..., R]) -> Callable[..., R]:
    """A renderer whose output, when it is text, is always encodable as UTF-8."""

    def safe(value: Any, color: bool, *rest: Any) -> R:
        out = render(value, color, *rest)
        return encodable(out) if isinstance(out, str) else out

    safe.__doc__ = render.__doc__
    return safe
