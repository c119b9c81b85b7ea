"""Baselines: adopt ogpcheck on documents with known findings, and fail CI
only on new ones.

``--write-baseline FILE`` records the fingerprint of every finding of a run;
``--baseline FILE`` silences the findings whose fingerprint is recorded. The
fingerprint (``report.json_format.fingerprint``) is made of the rule, the
versions, the files (relative to the repository), the values and the text of
the paragraphs, not of line numbers, so a finding stays silenced when text is
added above it, and comes back when its paragraph is edited; the same finding
in another document is another finding. A fingerprint recorded twice
silences two findings.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import InputError
from ..models import Finding, Report
from ..read.limits import BASELINE_MAX_BYTES, read_data_file
from ..report.baseline_entries import FORMAT, FORMAT_VERSION, entry, sort_key
from ..report.json_format import report_fingerprint
from ..version import __version__

__all__ = ["FORMAT", "FORMAT_VERSION", "apply", "dumps", "entry", "load"]


def dumps(reports: Iterable[Report]) -> str:
    """The baseline of these reports as JSON text, in a stable order so that
    a rewritten baseline diffs cleanly."""
    entries = [entry(f, report) for report in reports for f in report.findings]
    entries.sort(key=sort_key)
    data = {"format": FORMAT, "version": FORMAT_VERSION, "tool": f"ogpcheck {__version__}", "findings": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> Counter[str]:
    """The recorded fingerprints, each with how many findings it silences."""
    if not path.exists() and not path.is_symlink():
        raise InputError(f"{path}: no such baseline file (write one with --write-baseline)")
    text = read_data_file(path, "baseline", BASELINE_MAX_BYTES)
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise InputError(f"{path}: the baseline is not valid JSON") from None
    except RecursionError:  # arrays or objects nested thousands deep
        raise InputError(f"{path}: the baseline is not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}: not an ogpcheck baseline file")
    if data.get("version") != FORMAT_VERSION:
        raise InputError(
            f"{path}: baseline version {data.get('version')} is not supported (expected {FORMAT_VERSION}); "
            "write it again with --write-baseline"
        )
    counts: Counter[str] = Counter()
    for item in data["findings"]:
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise InputError(f"{path}: a baseline entry lacks its fingerprint")
        counts[item["fingerprint"]] += 1
    return counts


def apply(reports: Sequence[Report], known: Counter[str]) -> int:
    """Remove the findings the baseline knows from each report (in place),
    count them in ``report.baselined`` and return the total."""
    left = Counter(known)
    total = 0
    for report in reports:
        kept: list[Finding] = []
        for finding in report.findings:
            key = report_fingerprint(finding, report)
            if left[key] > 0:
                left[key] -= 1
                report.baselined += 1
                total += 1
            else:
                kept.append(finding)
        report.findings = kept
    return total
