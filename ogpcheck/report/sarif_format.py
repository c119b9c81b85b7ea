"""SARIF 2.1.0: the format code-scanning services and review tools read.

One run per invocation. The driver lists every rule with its docs (from the
rule YAML, the same text ``ogpcheck rule CODE`` prints) and default level;
each finding becomes a result whose location is the suspect version's line and
whose related locations are the other versions' lines. ``partialFingerprints``
carries the line-independent fingerprint, so a code-scanning service keeps
tracking an alert when text is added above it. A suggested fix becomes
``fixes`` (a replacement at its line and columns) when its place in a text
file is known, and ``properties.suggestion`` always.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..check.rule import Rule
from ..check.rules import all_rules
from ..models import Finding, Location, Report, Severity
from .json_format import fingerprint
from .outcome import Batch, single

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "ogpcheckFingerprint/v1"


def artifact_uri(path: str) -> str:
    """A relative path stays relative (resolved against the repository root
    by code-scanning services); an absolute one becomes a file URI."""
    pure = Path(path)
    if pure.is_absolute():
        try:
            pure = pure.relative_to(Path.cwd())
        except ValueError:
            return pure.as_uri()
    return quote(os.fsencode(pure.as_posix()))  # a name's bytes, even those that are not UTF-8


def _plain(markdown: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", markdown)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    first_paragraph = rule.description.split("\n\n", 1)[0].replace("\n", " ")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _plain(first_paragraph)},
        "help": {"text": _plain(rule.description), "markdown": rule.description},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["translation", rule.family], "family": rule.family, "kind": rule.kind},
    }


def _physical(path: str, line: int) -> dict[str, Any]:
    return {"artifactLocation": {"uri": artifact_uri(path)}, "region": {"startLine": max(1, line)}}


def _describe(loc: Location) -> str:
    values = ", ".join(loc.values)
    return f"{loc.version}: {values}" if values else loc.version


def result(finding: Finding, report: Report, rule_index: dict[str, int]) -> dict[str, Any]:
    """One SARIF result; a finding with no location (a language not found)
    points at the document's first input, line 1."""
    locations = finding.locations or []
    if locations:
        primary = {
            "physicalLocation": _physical(locations[0].path, locations[0].line),
            "message": {"text": _describe(locations[0])},
        }
    else:
        primary = {"physicalLocation": _physical(report.inputs[0] if report.inputs else ".", 1)}
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [primary],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {"suspect": finding.suspect},
    }
    if finding.rule in rule_index:
        out["ruleIndex"] = rule_index[finding.rule]
    if finding.suggestion is not None:
        out["properties"]["suggestion"] = str(finding.suggestion)
        fix = _fix(finding)
        if fix is not None:
            out["fixes"] = [fix]
    related = [
        {"id": number, "physicalLocation": _physical(loc.path, loc.line), "message": {"text": _describe(loc)}}
        for number, loc in enumerate(locations[1:], 1)
    ]
    if related:
        out["relatedLocations"] = related
    return out


def _fix(finding: Finding) -> dict[str, Any] | None:
    """The suggestion as a SARIF fix: one replacement at its line and
    columns (only where the replaced text was found once on the line)."""
    suggestion = finding.suggestion
    if suggestion is None or suggestion.column is None or suggestion.line is None or suggestion.replaced is None:
        return None
    loc = next(loc for loc in finding.locations if loc.version == suggestion.version)
    region = {
        "startLine": suggestion.line,
        "startColumn": suggestion.column,
        "endColumn": suggestion.column + len(suggestion.replaced),
    }
    return {
        "description": {"text": str(suggestion)},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(loc.path)},
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": suggestion.inserted or ""}}],
            }
        ],
    }


def as_dict(batch: Batch) -> dict[str, Any]:
    rules = list(all_rules())
    known = {rule.code for rule in rules}
    extra = sorted({f.rule for f in batch.findings} - known)
    descriptors = [rule_descriptor(rule) for rule in rules] + [
        {"id": code, "shortDescription": {"text": code}} for code in extra
    ]
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [result(f, report, rule_index) for report in batch.reports for f in report.findings]
    invocation: dict[str, Any] = {"executionSuccessful": not batch.faults}
    if batch.faults:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": fault.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(fault.document)}}}],
            }
            for fault in batch.faults
        ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "ogpcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",  # fix columns count characters, as Python does
        "results": results,
    }
    if batch.baselined:
        run["properties"] = {"baselined": batch.baselined}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_batch(batch: Batch, color: bool = False) -> str:
    return json.dumps(as_dict(batch), ensure_ascii=False, indent=2) + "\n"


def render(report: Report, color: bool = False) -> str:
    return render_batch(single(report), color)
