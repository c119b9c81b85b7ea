"""GitHub Actions workflow commands: each finding becomes an annotation
(``::error file=…,line=…,title=…::message``) shown on the pull request's diff.

The annotation stands on the suspect version's line; the message lists what
every version says, one per line. Levels: error, warning, and notice for info.
Values are escaped as the runner expects: ``%``, CR and LF in the message;
also ``:`` and ``,`` in the properties. Notices of the run (a language
checked without its spaCy pipeline) come first, as warnings without a file.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..models import Finding, Report, Severity
from .outcome import Batch, single

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str) -> str:
    """Annotations attach to files by their path in the repository: an
    absolute path under the working directory is made relative to it."""
    pure = Path(path)
    if pure.is_absolute():
        with contextlib.suppress(ValueError):
            pure = pure.relative_to(Path.cwd())
    return pure.as_posix()


def annotation(finding: Finding, fallback_path: str) -> str:
    """One workflow command line."""
    first = finding.locations[0] if finding.locations else None
    properties = {
        "file": workspace_path(first.path if first else fallback_path),
        "line": str(max(1, first.line if first else 1)),
        **({"col": str(first.column)} if first is not None and first.column else {}),
        "title": f"ogpcheck {finding.rule}",
    }
    lines = [finding.message]
    for loc in finding.locations[1:] if len(finding.locations) > 1 else []:
        values = ", ".join(loc.values) or "(none)"
        lines.append(f"{loc.version} (line {loc.line}): {values}")
    head = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMAND[finding.severity]} {head}::{escape_data(chr(10).join(lines))}"


def render_batch(batch: Batch, color: bool = False) -> str:
    out = [f"::warning title=ogpcheck notice::{escape_data(notice)}" for notice in batch.notices]
    out += [
        annotation(finding, report.inputs[0] if report.inputs else ".")
        for report in batch.reports
        for finding in report.findings
    ]
    out += [
        f"::error file={escape_property(workspace_path(fault.document))},title=ogpcheck::{escape_data(fault.message)}"
        for fault in batch.faults
    ]
    counts = batch.counts()
    summary = f"ogpcheck: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
    if batch.baselined:
        summary += f"; {batch.baselined} silenced by the baseline"
    out.append(summary)
    return "\n".join(out) + "\n"


def render(report: Report, color: bool = False) -> str:
    return render_batch(single(report), color)
