"""The entries of a baseline file, shared by ``--write-baseline`` (``app/baseline.py``)
and the HTML report, whose reviewers mark false alarms and download the
same file: one entry per finding, known by its line-independent fingerprint."""

from __future__ import annotations

from typing import Any

from ..models import Finding
from .json_format import fingerprint

FORMAT = "ogpcheck-baseline"
FORMAT_VERSION = 1


def entry(finding: Finding) -> dict[str, Any]:
    """One baseline line: the fingerprint, and where and what it was, for people."""
    first = finding.locations[0] if finding.locations else None
    return {
        "fingerprint": fingerprint(finding),
        "rule": finding.rule,
        "path": first.path if first else "",
        "line": first.line if first else 0,
        "message": finding.message,
    }


def sort_key(item: dict[str, Any]) -> tuple[str, str, str, int]:
    """The order of a baseline's entries (the HTML page sorts alike)."""
    return (item["path"], item["rule"], item["fingerprint"], item["line"])
