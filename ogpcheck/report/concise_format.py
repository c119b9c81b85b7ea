"""One line per finding, for scripts and editors' problem matchers:

    path:line:column: CODE severity message [suspect: fr]

(``path:line:`` when the column is not known; a finding about the whole
document, such as a language not found, stands at its first file's line 1,
as in SARIF and GitHub annotations). Notices come first, as
``notice: ...`` lines; documents that could not be checked as ``path: error:
...``; a last line counts the findings (left out with ``--quiet``). Never
wrapped, never coloured except at a terminal.
"""

from __future__ import annotations

from ..models import Finding, Report
from .display import Display
from .outcome import Batch, single
from .text_format import where


def line(finding: Finding, document: str) -> str:
    first = finding.locations[0] if finding.locations else None
    place = where(first) if first is not None else f"{document}:1"
    suspect = f" [suspect: {', '.join(finding.suspect)}]" if finding.suspect else ""
    message = " ".join(finding.message.split())
    return f"{place}: {finding.rule} {finding.severity.value} {message}{suspect}"


def render_batch(batch: Batch, color: bool = False, display: Display | None = None) -> str:
    display = display or Display(color=color)
    out = [f"notice: {' '.join(notice.split())}" for notice in batch.notices]
    out += [
        line(finding, report.inputs[0] if report.inputs else "-") for report in batch.reports for finding in report.findings
    ]
    out += [f"{fault.document}: error: {fault.message}" for fault in batch.faults]
    if not display.quiet:
        counts = batch.counts()
        summary = f"Found {sum(counts.values())} finding(s): {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
        if batch.baselined:
            summary += f"; {batch.baselined} silenced by the baseline"
        out.append(summary)
    return "".join(item + "\n" for item in out)


def render(report: Report, color: bool = False, display: Display | None = None) -> str:
    return render_batch(single(report), color, display)
