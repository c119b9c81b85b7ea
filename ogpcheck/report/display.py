"""How a report is presented: colour, width and quietness for the text
formats, and where the rule pages are for SARIF. The formats for programs
never depend on the terminal."""

from __future__ import annotations

from dataclasses import dataclass

UNWRAPPED = 1_000_000  # columns given to rich when lines must never wrap


@dataclass(frozen=True)
class Display:
    """``width``: the terminal's columns; None when the output is not a
    terminal, where lines are never wrapped (grep and problem matchers read
    one finding per line). ``quiet``: the findings only, no header or
    summary. ``min_severity``: the lowest severity shown (for the summary's
    note on what was left out). ``docs_url``: where the rule pages are
    served (None: where this installation came from)."""

    color: bool = False
    width: int | None = None
    quiet: bool = False
    min_severity: str = "info"
    docs_url: str | None = None
