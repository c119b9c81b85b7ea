"""The JSON report: a documented, versioned schema (``schema/report.schema.json``).

Review tools rely on the field names; new fields may be added, none renamed
or removed without a new major ``schema_version``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from ..models import Finding, Location, Report, Suggestion
from ..version import __version__
from .outcome import Batch
from .paths import relative_path

SCHEMA_VERSION = "1.1"  # 1.1: suggestion, unit; location column; batch notices


def fingerprint(finding: Finding, root: str = "", document: str = "") -> str:
    """An identity for a finding that survives line shifts: the rule, the
    versions, the files (relative to the repository ``root``), the values and
    the normalised text around them, not the line. The same finding in two
    documents has two fingerprints; ``document`` names the file of a finding
    that has no location."""
    parts = [finding.rule, ",".join(finding.suspect)]
    if not finding.locations:
        parts.append(relative_path(document, root))
    for loc in finding.locations:
        parts += [loc.version, relative_path(loc.path, root), "|".join(loc.values), " ".join(loc.text.split())[:200]]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def report_fingerprint(finding: Finding, report: Report) -> str:
    """The fingerprint of a finding of ``report``."""
    return fingerprint(finding, report.root, report.inputs[0] if report.inputs else "")


def location_dict(loc: Location) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": loc.version,
        "path": loc.path,
        "line": loc.line,
        "text": loc.text,
        "values": loc.values,
        "highlights": [list(span) for span in loc.highlights],
    }
    for key in ("column", "page", "row", "col", "row_header", "col_header", "unit"):
        value = getattr(loc, key)
        if value is not None:
            out[key] = value
    return out


def suggestion_dict(suggestion: Suggestion | None) -> dict[str, Any] | None:
    if suggestion is None:
        return None
    out: dict[str, Any] = {
        "version": suggestion.version,
        "found": suggestion.found,
        "expected": suggestion.expected,
        "summary": str(suggestion),
    }
    for key in ("replaced", "inserted", "text", "line", "column"):
        value = getattr(suggestion, key)
        if value is not None:
            out[key] = value
    return out


def finding_dict(finding: Finding, report: Report) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "suspect": finding.suspect,
        "group": finding.group,
        "fingerprint": report_fingerprint(finding, report),
        "locations": [location_dict(loc) for loc in finding.locations],
        "suggestion": suggestion_dict(finding.suggestion),
    }


def as_dict(report: Report) -> dict[str, Any]:
    counts = Counter(f.severity.value for f in report.findings)
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "ogpcheck", "version": __version__},
        "inputs": report.inputs,
        "versions": [
            {
                "id": v.id,
                "lang": v.lang,
                "path": v.path,
                "first_line": v.first_line,
                "last_line": v.last_line,
                "blocks": len(v.blocks),
            }
            for v in report.versions
        ],
        "findings": [finding_dict(f, report) for f in report.findings],
        "summary": {level: counts.get(level, 0) for level in ("error", "warning", "info")},
        "notices": report.notices,
    }
    if report.baselined:
        out["baselined"] = report.baselined
    return out


def render(report: Report, color: bool = False) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"


def batch_dict(batch: Batch) -> dict[str, Any]:
    """A batch run: ``documents`` holds one single-document report each (the
    same object ``--format json`` gives for one document), ordered by path;
    ``faults`` the documents that could not be checked, ``skipped`` the files
    in one language that fit no layout."""
    counts = batch.counts()
    summary: dict[str, int] = {
        "documents": len(batch.reports) + len(batch.faults),
        "checked": len(batch.reports),
        "faults": len(batch.faults),
        "skipped": len(batch.skipped),
        **{level: counts.get(level, 0) for level in ("error", "warning", "info")},
    }
    if batch.baselined:
        summary["baselined"] = batch.baselined
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "batch",
        "tool": {"name": "ogpcheck", "version": __version__},
        "roots": batch.roots,
        "documents": [as_dict(report) for report in batch.reports],
        "faults": [{"document": f.document, "paths": f.paths, "message": f.message} for f in batch.faults],
        "skipped": batch.skipped,
        "notices": batch.notices,
        "summary": summary,
    }


def render_batch(batch: Batch, color: bool = False) -> str:
    return json.dumps(batch_dict(batch), ensure_ascii=False, indent=2) + "\n"
