"""``--statistics``: how many findings of each rule, most frequent first, in
place of the findings (what ``ruff --statistics`` prints), to see where a
corpus of translations stands before fixing it."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..compare.rules import all_rules
from ..models import Severity
from .outcome import Batch


def rows(batch: Batch) -> list[dict[str, Any]]:
    """One row per rule and severity that has findings (a rule may lower
    the severity of a benign case): code, name, severity, count."""
    names = {rule.code: rule.name for rule in all_rules()}
    counts: Counter[tuple[str, Severity]] = Counter((f.rule, f.severity) for f in batch.findings)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], -item[0][1].rank))
    return [
        {"code": code, "name": names.get(code, ""), "severity": severity.value, "count": count}
        for (code, severity), count in ordered
    ]


def render_text(batch: Batch) -> str:
    lines = [f"{row['count']:>6}  {row['code']:<7} {row['severity']:<8} {row['name']}" for row in rows(batch)]
    return "".join(line + "\n" for line in lines)


def render_json(batch: Batch) -> str:
    return json.dumps(rows(batch), ensure_ascii=False, indent=2) + "\n"
