"""The terminal report (rich): findings by file and line, each with the
excerpt of every version and the disputed values highlighted, then a summary.

At a terminal the lines fit its width; elsewhere (a pipe, a file, a CI log)
no line is ever wrapped, so each finding's head stays one line for grep and
problem matchers."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from ..models import Finding, Location, Report, Severity
from .display import UNWRAPPED, Display
from .outcome import Batch

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
WINDOW = 70  # characters of context either side of the first highlight


def excerpt(loc: Location, suspect: bool) -> Text:
    """The text around the disputed values, on one line, values highlighted."""
    text = loc.text
    first = loc.highlights[0][0] if loc.highlights else 0
    start = max(0, first - WINDOW)
    end = min(len(text), (loc.highlights[-1][1] if loc.highlights else 0) + WINDOW, start + 3 * WINDOW)
    out = Text("…" if start else "")
    cursor = start
    for a, b in loc.highlights:
        if a < cursor or b > end:
            continue
        out.append(text[cursor:a].replace("\n", " "))
        out.append(text[a:b], style="bold white on red" if suspect else "bold green")
        cursor = b
    out.append(text[cursor:end].replace("\n", " "))
    if end < len(text):
        out.append("…")
    return out


def where(loc: Location | None) -> str:
    """``path:line`` or ``path:line:column`` of a location."""
    if loc is None:
        return "(document)"
    return f"{loc.path}:{loc.line}" + (f":{loc.column}" if loc.column else "")


def _console(buffer: io.StringIO, display: Display) -> Console:
    return Console(
        file=buffer,
        force_terminal=display.color,
        no_color=not display.color,
        width=display.width or UNWRAPPED,
        soft_wrap=display.width is None,
        highlight=False,
    )


def _finding(console: Console, finding: Finding, detailed: bool) -> None:
    first = finding.locations[0] if finding.locations else None
    head = Text()
    head.append(where(first), style="bold")
    head.append("  ")
    head.append(finding.rule, style="magenta")
    head.append(" ")
    head.append(finding.severity.value, style=STYLE[finding.severity])
    head.append("  " + finding.message)
    if finding.suspect:
        head.append("  suspect: ", style="dim")
        head.append(", ".join(finding.suspect), style="bold")
    console.print(head)
    if finding.suggestion is not None:
        fix = Text("    suggestion: ", style="dim")
        fix.append(str(finding.suggestion), style="bold green")
        console.print(fix, overflow="ellipsis", no_wrap=True)
    if not detailed or not any(loc.text for loc in finding.locations):
        return
    width = max((len(loc.version) for loc in finding.locations), default=2)
    for loc in finding.locations:
        line = Text("    ")
        line.append(loc.version.ljust(width), style="bold")
        page = f" p.{loc.page}" if loc.page else ""
        line.append(f" {loc.line:>5}{page}  ", style="dim")
        where_in = "; ".join(part for part in (f"unit {loc.unit}" if loc.unit else "", loc.cell) if part)
        if where_in:
            line.append(f"[{where_in}] ", style="dim")
        line.append_text(excerpt(loc, loc.version in finding.suspect))
        console.print(line, overflow="ellipsis", no_wrap=True)


def render(report: Report, color: bool = False, display: Display | None = None) -> str:
    display = display or Display(color=color)
    buffer = io.StringIO()
    console = _console(buffer, display)
    if not display.quiet:
        header = Text("ogpcheck  ", style="bold")
        header.append(" · ".join(report.inputs))
        console.print(header)
        console.print(
            Text(
                "versions: "
                + ", ".join(f"{v.id} (lines {v.first_line}-{v.last_line}, {len(v.blocks)} blocks)" for v in report.versions),
                style="dim",
            )
        )
    for notice in report.notices:
        console.print(Text("notice: " + notice, style="yellow"))
    if not display.quiet:
        console.print()
    for finding in report.findings:
        _finding(console, finding, detailed=finding.severity != Severity.INFO)
    if not display.quiet:
        console.print()
        summary = Text("Summary: ", style="bold")
        console.print(_tally(summary, report.findings, report.baselined, display.min_severity))
    return buffer.getvalue()


def _tally(summary: Text, findings: Sequence[Finding], baselined: int, min_severity: str = "info") -> Text:
    """Append the counts by severity and by rule to a summary line."""
    counts = Counter(f.severity for f in findings)
    summary.append(f"{counts[Severity.ERROR]} error(s)", style=STYLE[Severity.ERROR])
    summary.append(", ")
    summary.append(f"{counts[Severity.WARNING]} warning(s)", style=STYLE[Severity.WARNING])
    summary.append(", ")
    summary.append(f"{counts[Severity.INFO]} info", style=STYLE[Severity.INFO])
    by_rule = Counter(f.rule for f in findings)
    if by_rule:
        summary.append("  (" + ", ".join(f"{code} {n}" for code, n in sorted(by_rule.items())) + ")", style="dim")
    if baselined:
        summary.append(f"; {baselined} silenced by the baseline", style="dim")
    below = [s.value for s in Severity if s.rank < Severity(min_severity).rank]
    if below:
        summary.append(f"; {' and '.join(below)} left out (--min-severity {min_severity})", style="dim")
    return summary


def render_batch(batch: Batch, color: bool = False, display: Display | None = None) -> str:
    """A batch run: the notices (each once), the findings of each document
    under its path (documents without findings are not listed), the
    documents not checked, one summary."""
    display = display or Display(color=color)
    buffer = io.StringIO()
    console = _console(buffer, display)
    for notice in batch.notices:
        console.print(Text("notice: " + notice, style="yellow"))
    for report in batch.reports:
        if not report.findings:
            continue
        if not display.quiet:
            head = Text("── ", style="dim")
            head.append(report.inputs[0] if report.inputs else "document", style="bold")
            head.append("  " + ", ".join(v.id for v in report.versions), style="dim")
            console.print(head)
        for finding in report.findings:
            _finding(console, finding, detailed=finding.severity != Severity.INFO)
        if not display.quiet:
            console.print()
    for fault in batch.faults:
        console.print(Text(f"{fault.document}: not checked: {fault.message}", style="bold red"))
    if display.quiet:
        return buffer.getvalue()
    summary = Text(f"Checked {len(batch.reports)} document(s)", style="bold")
    with_findings = sum(1 for r in batch.reports if r.findings)
    summary.append(f", {with_findings} with findings")
    if batch.faults:
        summary.append(f", {len(batch.faults)} not checked", style=STYLE[Severity.ERROR])
    if batch.skipped:
        summary.append(f", {len(batch.skipped)} one-language file(s) skipped", style="dim")
    summary.append(": ")
    console.print(_tally(summary, batch.findings, batch.baselined, display.min_severity))
    return buffer.getvalue()
