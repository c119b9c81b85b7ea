"""The entries of a baseline file, shared by ``--write-baseline`` (``app/baseline.py``)
and the HTML report, whose reviewers mark false alarms and download the
same file: one entry per finding, known by its line-independent fingerprint."""

from __future__ import annotations

from typing import Any

from ..models import Finding, Report
from .json_format import report_fingerprint
from .paths import relative_path

FORMAT = "ogpcheck-baseline"
FORMAT_VERSION = 2  # 2: fingerprints name the files, relative to the repository


def entry(finding: Finding, report: Report) -> dict[str, Any]:
    """One baseline line: the fingerprint, and where and what it was (the
    path relative to the repository), for people."""
    first = finding.locations[0] if finding.locations else None
    return {
        "fingerprint": report_fingerprint(finding, report),
        "rule": finding.rule,
        "path": relative_path(first.path if first else (report.inputs[0] if report.inputs else ""), report.root),
        "line": first.line if first else 0,
        "message": finding.message,
    }


def sort_key(item: dict[str, Any]) -> tuple[str, str, str, int]:
    """The order of a baseline's entries (the HTML page sorts alike)."""
    return (item["path"], item["rule"], item["fingerprint"], item["line"])
