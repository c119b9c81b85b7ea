"""Findings as the rows of a table, for spreadsheets (CSV, XLSX): one row per
finding with its rule, severity, suspect and suggestion, then what each
version says (file, line, unit or cell, text, values), and empty columns a
translator fills in while reviewing.

The version columns are the union of the version ids of every report, in
the order they are first met, so a batch run gives one table.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding, Location, Report
from .json_format import report_fingerprint
from .outcome import Batch

FIXED = ("document", "rule", "severity", "suspect", "message", "suggestion", "suggested text")
PER_VERSION = ("file", "line", "where", "text", "values")
REVIEW = ("status", "comment", "fingerprint")  # status and comment are left for the reviewer


def version_ids(batch: Batch) -> list[str]:
    return list(dict.fromkeys(v.id for report in batch.reports for v in report.versions))


def header(batch: Batch) -> list[str]:
    columns = list(FIXED)
    for vid in version_ids(batch):
        columns += [f"{vid} {name}" for name in PER_VERSION]
    return columns + list(REVIEW)


def rows(batch: Batch) -> Iterator[list[str | int]]:
    """The cells of every finding's row, in report order."""
    ids = version_ids(batch)
    for report in batch.reports:
        for finding in report.findings:
            yield _row(report, finding, ids)


def _row(report: Report, finding: Finding, ids: list[str]) -> list[str | int]:
    suggestion = finding.suggestion
    cells: list[str | int] = [
        report.inputs[0] if report.inputs else "",
        finding.rule,
        finding.severity.value,
        ", ".join(finding.suspect),
        finding.message,
        str(suggestion) if suggestion else "",
        suggestion.text if suggestion and suggestion.text else "",
    ]
    by_version: dict[str, Location] = {}
    for loc in finding.locations:
        by_version.setdefault(loc.version, loc)
    for vid in ids:
        at = by_version.get(vid)
        if at is None:
            cells += ["", "", "", "", ""]
            continue
        where = "; ".join(part for part in (f"unit {at.unit}" if at.unit else "", at.cell) if part)
        page = f"p.{at.page} " if at.page else ""
        cells += [at.path, f"{page}{at.line}" if page else at.line, where, at.text, ", ".join(at.values)]
    return [*cells, "", "", report_fingerprint(finding, report)]
