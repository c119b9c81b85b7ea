"""One self-contained HTML page for editors: the versions side by side.

Each language version is a column and each aligned group (a paragraph and its
translations) a row, so an editor reads the disputed sentence in every
language at once. Disputed values are marked (red in the suspect version,
green where the versions agree), and the findings of a row are listed under
it, each with its suggested fix. Filters by severity and rule, and a switch to
show every paragraph, are a few lines of inline script; the page has no
external assets and works from a file or an e-mail attachment.

A reviewer marks findings as false alarms and downloads them as a baseline
file (the one ``--write-baseline`` writes, with the same entries and order),
which ``--baseline`` then reads: the script only collects the entries the page
carries for each finding and keeps the download link's ``data:`` address up
to date, so nothing leaves the page.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from html import escape

from ..compare.rules import all_rules
from ..models import Block, Finding, Group, Report, Severity, Version
from ..version import __version__
from .baseline_entries import FORMAT, FORMAT_VERSION, entry
from .outcome import Batch, single

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CONTEXT_CELLS = 4  # cells shown before a disputed table cell

STYLE = """
:root { --error: #c62828; --warning: #a86b00; --info: #1565c0; --bad: #ffcdd2; --ok: #c8e6c9; --line: #ddd; }
* { box-sizing: border-box; }
body {
  margin: 0;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #222;
  background: #fafafa;
}
header {
  position: sticky;
  top: 0;
  z-index: 2;
  background: #fff;
  border-bottom: 1px solid var(--line);
  padding: 10px 18px;
}
h1 { font-size: 18px; margin: 0 0 2px; } h2 { font-size: 16px; margin: 0 0 4px; word-break: break-all; }
.meta, .versions { color: #666; margin: 0 0 6px; font-size: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; font-size: 13px; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 10px; }
.filters legend { float: left; font-weight: 600; margin-right: 6px; }
.filters label { white-space: nowrap; cursor: pointer; }
main { padding: 12px 18px 40px; }
section.doc {
  background: #fff;
  border: 1px solid var(--line);
  border-radius: 6px;
  padding: 12px;
  margin-bottom: 18px;
}
nav.toc { columns: 2; font-size: 13px; margin-bottom: 14px; }
nav.toc a { text-decoration: none; }
table.aligned { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.aligned th { text-align: left; font-size: 13px; border-bottom: 2px solid #bbb; padding: 4px 8px; }
table.aligned th small { color: #777; font-weight: 400; }
table.aligned td {
  vertical-align: top;
  padding: 6px 8px;
  border-top: 1px solid var(--line);
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
td.n, th.n { width: 3.2em; color: #999; font-size: 11px; text-align: right; }
td.gap { color: #aaa; font-style: italic; }
td.suspect { background: #fff5f5; box-shadow: inset 3px 0 0 var(--error); }
.ln { display: block; color: #999; font-size: 11px; }
.ctx { color: #888; }
mark { border-radius: 3px; padding: 0 2px; font-weight: 600; color: inherit; }
mark.bad { background: var(--bad); outline: 1px solid var(--error); }
mark.ok { background: var(--ok); }
mark.off { background: none; outline: none; font-weight: inherit; }
tr.notes td { border-top: 0; padding-top: 0; white-space: normal; }
ul.findings { list-style: none; margin: 0; padding: 0; }
ul.findings li { margin: 2px 0; }
.sev {
  display: inline-block;
  min-width: 4.6em;
  text-align: center;
  border-radius: 3px;
  color: #fff;
  font-size: 11px;
  font-weight: 700;
  padding: 0 4px;
}
.sev.error {
  background: var(--error);
  } .sev.warning { background: var(--warning);
  } .sev.info { background: var(--info);
}
code.rule { font-weight: 600; }
.fix { color: #2e7d32; font-weight: 600; margin-left: 6px; }
label.fa { margin-left: 8px; font-size: 12px; color: #666; cursor: pointer; }
li.false-alarm { opacity: 0.55; text-decoration: line-through; }
.baseline { font-size: 13px; margin: 4px 0 0; }
.clean { color: #2e7d32; }
.badge { margin-right: 12px; font-weight: 600; }
.badge.error {
  color: var(--error);
  } .badge.warning { color: var(--warning);
  } .badge.info { color: var(--info);
}
"""

SCRIPT = """
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  var every = document.getElementById('every-row');
  function apply() {
    var on = {sev: {}, rule: {}};
    boxes.forEach(function (b) { if (b.checked) { on[b.dataset.filter][b.value] = true; } });
    document.querySelectorAll('[data-rule]').forEach(function (el) {
      var off = !(on.sev[el.dataset.sev] && on.rule[el.dataset.rule]);
      el.classList.toggle('off', off);
      if (el.tagName === 'LI') { el.hidden = off; }
    });
    document.querySelectorAll('tr.row').forEach(function (row) {
      var notes = document.getElementById(row.id + '-notes');
      var live = notes && notes.querySelector('li:not(.off)');
      row.hidden = !(every.checked || live);
      if (notes) { notes.hidden = !live; }
    });
  }
  var marks = document.querySelectorAll('input.false-alarm');
  var link = document.getElementById('baseline-file');
  function order(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }
  function baseline() {
    var entries = [];
    marks.forEach(function (b) {
      b.closest('li').classList.toggle('false-alarm', b.checked);
      if (b.checked) { entries.push(JSON.parse(b.dataset.entry)); }
    });
    entries.sort(function (a, b) {
      return order(a.path, b.path) || order(a.rule, b.rule) || order(a.fingerprint, b.fingerprint) || a.line - b.line;
    });
    var data = {format: link.dataset.format, version: Number(link.dataset.version), tool: link.dataset.tool, findings: entries};
    link.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(JSON.stringify(data, null, 2) + '\\n');
    document.getElementById('marked').textContent = String(entries.length);
  }
  document.querySelectorAll('input[data-filter], #every-row').forEach(function (b) { b.addEventListener('change', apply); });
  marks.forEach(function (b) { b.addEventListener('change', baseline); });
  apply();
  baseline();
})();
"""


def _finding_item(finding: Finding, report: Report, loose: bool = False) -> str:
    """One finding as a list item; ``loose`` ones (in no row) say where they are."""
    sev = finding.severity.value
    suspect = f" <small>suspect: {escape(', '.join(finding.suspect))}</small>" if finding.suspect else ""
    where = ""
    if finding.locations and loose:
        loc = finding.locations[0]
        where = f" <small>{escape(loc.path)}:{loc.line}</small>"
    fix = f' <span class="fix">suggestion: {escape(str(finding.suggestion))}</span>' if finding.suggestion else ""
    data = escape(json.dumps(entry(finding, report), ensure_ascii=False))
    mark = f'<label class="fa"><input type="checkbox" class="false-alarm" data-entry="{data}"> false alarm</label>'
    return (
        f'<li data-rule="{escape(finding.rule)}" data-sev="{sev}"><span class="sev {sev}">{sev}</span> '
        f'<code class="rule">{escape(finding.rule)}</code> {escape(finding.message)}{suspect}{fix}{where}{mark}</li>'
    )


def _marked(block: Block, marks: list[tuple[int, int, str, str, bool]]) -> str:
    """The block's text with the disputed values wrapped in <mark>."""
    text = block.text
    out: list[str] = []
    cursor = 0
    for start, end, rule, sev, bad in sorted(marks):
        if start < cursor or end > len(text):
            continue
        out.append(escape(text[cursor:start]))
        css = "bad" if bad else "ok"
        out.append(f'<mark class="{css}" data-rule="{escape(rule)}" data-sev="{sev}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _row_of(report: Report) -> dict[tuple[str, int], int]:
    return {(vid, block.index): group.index for group in report.groups for vid, block in group.members.items()}


def _rows(report: Report) -> tuple[dict[int, list[Finding]], list[Finding]]:
    """Findings by the row (aligned group) they stand in, and the rest."""
    where = _row_of(report)
    by_row: dict[int, list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for finding in report.findings:
        row = finding.group
        if row is None:
            row = next(
                (where.get((loc.version, loc.block)) for loc in finding.locations if loc.block is not None), None
            )
        if row is None:
            loose.append(finding)
        else:
            by_row[row].append(finding)
    return by_row, loose


def _table(report: Report, doc: int, by_row: dict[int, list[Finding]]) -> str:
    versions = report.versions
    head = "".join(f'<th lang="{escape(v.lang)}">{escape(v.id)} <small>{escape(v.path)}</small></th>' for v in versions)
    rows = [f'<table class="aligned"><thead><tr><th class="n">#</th>{head}</tr></thead><tbody>']
    for group in report.groups:
        rows.append(_row(report, group, versions, doc, by_row.get(group.index, [])))
    rows.append("</tbody></table>")
    return "".join(rows)


def _row_context(version: Version, block: Block) -> str:
    """For a table cell, the cells before it in its row (a flattened table
    has no rows: the few cells before it), so a bare "12" reads as
    "Burkina Faso | … | 12"."""
    if block.kind != "cell" or block.table is None:
        return ""
    cells = [b for b in version.blocks if b.kind == "cell" and b.table == block.table and b.index < block.index]
    if block.row is not None:
        cells = [b for b in cells if b.row == block.row]
    shown = [" ".join(b.text.split()) for b in cells[-CONTEXT_CELLS:]]
    if not shown:
        return ""
    more = "… | " if len(cells) > CONTEXT_CELLS else ""
    return f'<span class="ctx">{escape(more + " | ".join(shown))} | </span>'


def _row(report: Report, group: Group, versions: list[Version], doc: int, findings: list[Finding]) -> str:
    marks: dict[str, list[tuple[int, int, str, str, bool]]] = defaultdict(list)
    suspects: set[str] = set()
    for finding in findings:
        suspects.update(finding.suspect)
        for loc in finding.locations:
            block = group.members.get(loc.version)
            if block is None or loc.text != block.text:
                continue
            bad = loc.version in finding.suspect
            marks[loc.version].extend((a, b, finding.rule, finding.severity.value, bad) for a, b in loc.highlights)
    row_id = f"d{doc}-g{group.index}"
    cells = []
    for version in versions:
        block = group.members.get(version.id)
        if block is None:
            cells.append('<td class="gap">no counterpart</td>')
            continue
        css = "cell suspect" if version.id in suspects else "cell"
        page = f" p.{block.page}" if block.page else ""
        cells.append(
            f'<td class="{css}" lang="{escape(version.lang)}"><span class="ln">line {block.line}{page}</span>'
            f"{_row_context(version, block)}{_marked(block, marks.get(version.id, []))}</td>"
        )
    flagged = " flagged" if findings else ""
    out = f'<tr class="row{flagged}" id="{row_id}"><td class="n">{group.index}</td>{"".join(cells)}</tr>'
    if findings:
        items = "".join(_finding_item(f, report) for f in findings)
        out += (
            f'<tr class="notes" id="{row_id}-notes"><td></td><td colspan="{len(versions)}">'
            f'<ul class="findings">{items}</ul></td></tr>'
        )
    return out


def _section(report: Report, doc: int) -> str:
    by_row, loose = _rows(report)
    title = report.inputs[0] if report.inputs else "document"
    versions = " · ".join(
        f"{escape(v.id)}: {escape(v.path)} lines {v.first_line}–{v.last_line}, {len(v.blocks)} blocks"
        for v in report.versions
    )
    parts = [f'<section class="doc" id="doc-{doc}"><h2>{escape(title)}</h2><p class="versions">{versions}</p>']
    parts += [f'<p class="meta">notice: {escape(notice)}</p>' for notice in report.notices]
    if loose:
        parts.append('<ul class="findings">' + "".join(_finding_item(f, report, loose=True) for f in loose) + "</ul>")
    if not report.findings:
        parts.append('<p class="clean">No findings.</p>')
    if report.groups:
        parts.append(_table(report, doc, by_row))
    parts.append("</section>")
    return "".join(parts)


def _filters(batch: Batch) -> str:
    findings = batch.findings
    by_sev = Counter(f.severity.value for f in findings)
    by_rule = Counter(f.rule for f in findings)
    names = {rule.code: rule.name for rule in all_rules()}
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-filter="sev" value="{s.value}" checked>'
        f" {s.value} ({by_sev[s.value]})</label>"
        for s in SEVERITIES
    )
    rule_boxes = (
        "".join(
            f'<label title="{escape(names.get(code, ""))}">'
            f'<input type="checkbox" data-filter="rule" value="{escape(code)}" checked>'
            f" {escape(code)} ({count})</label>"
            for code, count in sorted(by_rule.items())
        )
        or "<span>none</span>"
    )
    return (
        '<form class="filters" onsubmit="return false">'
        f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
        f"<fieldset><legend>Rules</legend>{rule_boxes}</fieldset>"
        '<label><input type="checkbox" id="every-row"> show every paragraph</label></form>'
    )


def _baseline_link() -> str:
    """The link that downloads the findings marked as false alarms as a
    baseline file (its address is set by the script)."""
    return (
        f'<p class="baseline"><a id="baseline-file" download="ogpcheck-baseline.json" href="#"'
        f' data-format="{FORMAT}" data-version="{FORMAT_VERSION}" data-tool="ogpcheck {escape(__version__)}">'
        'download the findings marked as false alarms as a baseline</a> (<span id="marked">0</span> marked;'
        " run again with <code>--baseline FILE</code> to silence them)</p>"
    )


def _toc_item(number: int, report: Report) -> str:
    name = escape(report.inputs[0] if report.inputs else "document")
    if not report.findings:
        return f'<li>{name} <small class="clean">no findings</small></li>'
    return f'<li><a href="#doc-{number}">{name}</a> <small>{len(report.findings)} finding(s)</small></li>'


def _count(n: int, level: str) -> str:
    return f"{n} {level}" if n == 1 or level == "info" else f"{n} {level}s"


def render_batch(batch: Batch, color: bool = False) -> str:
    counts = batch.counts()
    badges = "".join(f'<span class="badge {s.value}">{_count(counts[s.value], s.value)}</span>' for s in SEVERITIES)
    if batch.baselined:
        badges += f'<span class="badge">{batch.baselined} silenced by the baseline</span>'
    if batch.faults:
        badges += f'<span class="badge error">{len(batch.faults)} not checked</span>'
    several = len(batch.reports) + len(batch.faults) > 1
    body: list[str] = []
    if several:  # documents without findings are listed here only
        links = "".join(_toc_item(n, r) for n, r in enumerate(batch.reports))
        body.append(f'<nav class="toc"><ul>{links}</ul></nav>')
    for fault in batch.faults:
        body.append(
            f'<section class="doc"><h2>{escape(fault.document)}</h2><ul class="findings"><li>'
            f'<span class="sev error">fault</span> {escape(fault.message)}</li></ul></section>'
        )
    for number, report in enumerate(batch.reports):
        if report.findings or not several:
            body.append(_section(report, number))
    title = " · ".join(batch.roots) or "ogpcheck"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>ogpcheck: {escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<header><h1>ogpcheck report</h1><p class="meta">{escape(title)} · ogpcheck {__version__}</p>'
        f"<p>{badges}</p>{_filters(batch)}{_baseline_link()}</header><main>{''.join(body)}</main>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def render(report: Report, color: bool = False) -> str:
    return render_batch(single(report), color)
