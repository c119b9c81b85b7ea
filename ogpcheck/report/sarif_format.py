"""SARIF 2.1.0: the format code-scanning services and review tools read.

One run per invocation. The driver lists every rule with its docs (from the
rule YAML, the same text ``ogpcheck rule CODE`` prints), a ``helpUri`` to
its docs page and its default level; each finding becomes a result whose
location is the suspect version's line (and column, when known) and whose
related locations are the other versions' lines. Files are named relative to
the repository root with ``uriBaseId`` ``SRCROOT`` (``originalUriBaseIds``
says where that root was), as code scanning expects. ``partialFingerprints``
carries the line-independent fingerprint, so a code-scanning service keeps
tracking an alert when text is added above it. A suggested fix becomes
``fixes`` (a replacement at its line and columns) when its place in a text
file is known, and ``properties.suggestion`` always.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..compare.rule import Rule
from ..compare.rules import all_rules
from ..models import Finding, Location, Report, Severity
from ..ruledata import rules_dir
from ..version import __version__
from .display import Display
from .json_format import report_fingerprint
from .outcome import Batch, single
from .paths import relative_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "ogpcheckFingerprint/v1"
ROOT_ID = "SRCROOT"


def artifact(path: str, root: str) -> dict[str, str]:
    """An ``artifactLocation``: relative to the repository root (``root``, or
    the working folder) with ``uriBaseId``, or an absolute file URI for a
    file outside it."""
    base = root or os.getcwd()
    relative = relative_path(path, base)
    if Path(relative).is_absolute():
        return {"uri": Path(relative).as_uri()}
    return {"uri": quote(os.fsencode(relative)), "uriBaseId": ROOT_ID}  # a name's bytes, even those that are not UTF-8


@cache
def installed_docs() -> str:
    """Where this installation's rule pages are, as a URL prefix: the
    commit's ``docs/rules/`` on the git host it was installed from (pip
    records it, PEP 610), else the ``docs/rules/`` folder of the source tree;
    empty when neither is known."""
    try:
        recorded = metadata.distribution("ogpcheck").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        recorded = None
    web = docs_from_direct_url(json.loads(recorded)) if recorded else ""
    if web:
        return web
    local = rules_dir().parent / "docs" / "rules"
    return local.as_uri() + "/" if local.is_dir() else ""


def docs_from_direct_url(data: dict[str, Any]) -> str:
    """The web address of ``docs/rules/`` at the installed commit, for a
    package installed from a git repository over HTTP(S) (``pip install
    git+https://host/owner/ogpcheck@TAG``); empty otherwise."""
    vcs = data.get("vcs_info") or {}
    url = str(data.get("url", ""))
    if vcs.get("vcs") != "git" or not vcs.get("commit_id") or not url.startswith(("https://", "http://")):
        return ""
    url = url.removeprefix("git+").removesuffix("/").removesuffix(".git")
    if "@" in url.split("://", 1)[1].split("/", 1)[0]:  # credentials in the address are not repeated
        scheme, rest = url.split("://", 1)
        url = f"{scheme}://{rest.split('@', 1)[1]}"
    middle = "/-/blob/" if "gitlab" in url.split("/")[2] else "/blob/"
    return f"{url}{middle}{vcs['commit_id']}/docs/rules/"


def help_uri(code: str, docs_url: str | None = None) -> str:
    """The address of a rule's docs page; empty when none is known."""
    base = docs_url or installed_docs()
    if not base:
        return ""
    return base.rstrip("/") + f"/{code}.md"


def _plain(markdown: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", markdown)


def rule_descriptor(rule: Rule, docs_url: str | None = None) -> dict[str, Any]:
    first_paragraph = rule.description.split("\n\n", 1)[0].replace("\n", " ")
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _plain(first_paragraph)},
        "help": {"text": _plain(rule.description), "markdown": rule.description},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["translation", rule.family], "family": rule.family, "kind": rule.kind},
    }
    link = help_uri(rule.code, docs_url)
    if link:
        out["helpUri"] = link
    return out


def _physical(path: str, line: int, root: str, column: int | None = None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(1, line)}
    if column:
        region["startColumn"] = column
    return {"artifactLocation": artifact(path, root), "region": region}


def _describe(loc: Location) -> str:
    values = ", ".join(loc.values)
    return f"{loc.version}: {values}" if values else loc.version


def result(finding: Finding, report: Report, rule_index: dict[str, int], root: str = "") -> dict[str, Any]:
    """One SARIF result; a finding with no location (a language not found)
    points at the document's first input, line 1."""
    locations = finding.locations or []
    if locations:
        primary = {
            "physicalLocation": _physical(locations[0].path, locations[0].line, root, locations[0].column),
            "message": {"text": _describe(locations[0])},
        }
    else:
        primary = {"physicalLocation": _physical(report.inputs[0] if report.inputs else ".", 1, root)}
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [primary],
        "partialFingerprints": {FINGERPRINT_KEY: report_fingerprint(finding, report)},
        "properties": {"suspect": finding.suspect},
    }
    if finding.rule in rule_index:
        out["ruleIndex"] = rule_index[finding.rule]
    if finding.suggestion is not None:
        out["properties"]["suggestion"] = str(finding.suggestion)
        fix = _fix(finding, root)
        if fix is not None:
            out["fixes"] = [fix]
    related = [
        {"id": number, "physicalLocation": _physical(loc.path, loc.line, root, loc.column), "message": {"text": _describe(loc)}}
        for number, loc in enumerate(locations[1:], 1)
    ]
    if related:
        out["relatedLocations"] = related
    return out


def _fix(finding: Finding, root: str) -> dict[str, Any] | None:
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
                "artifactLocation": artifact(loc.path, root),
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": suggestion.inserted or ""}}],
            }
        ],
    }


def as_dict(batch: Batch, display: Display | None = None) -> dict[str, Any]:
    docs_url = display.docs_url if display is not None else None
    root = batch.root or os.getcwd()
    rules = list(all_rules())
    known = {rule.code for rule in rules}
    extra = sorted({f.rule for f in batch.findings} - known)
    descriptors = [rule_descriptor(rule, docs_url) for rule in rules] + [
        {"id": code, "shortDescription": {"text": code}} for code in extra
    ]
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [result(f, report, rule_index, root) for report in batch.reports for f in report.findings]
    invocation: dict[str, Any] = {"executionSuccessful": not batch.faults}
    notifications = [
        {
            "level": "error",
            "message": {"text": fault.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(fault.document, root)}}],
        }
        for fault in batch.faults
    ]
    notifications += [{"level": "warning", "message": {"text": notice}} for notice in batch.notices]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
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
        "originalUriBaseIds": {ROOT_ID: {"uri": Path(root).resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",  # columns count characters, as Python does
        "results": results,
    }
    if batch.baselined:
        run["properties"] = {"baselined": batch.baselined}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_batch(batch: Batch, color: bool = False, display: Display | None = None) -> str:
    return json.dumps(as_dict(batch, display), ensure_ascii=False, indent=2) + "\n"


def render(report: Report, color: bool = False, display: Display | None = None) -> str:
    return render_batch(single(report), color, display)
