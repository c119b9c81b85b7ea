"""ogpcheck: find translation errors across the language versions of a report.

The Python API, typed (``py.typed``)::

    import ogpcheck

    outcome = ogpcheck.check("docs/report.en.md", "docs/report.es.md", "docs/report.fr.md")
    outcome = ogpcheck.check(texts={"en": "...", "fr": "..."}, langs=["en", "fr"])
    for finding in outcome.findings:
        print(finding.rule, finding.severity.value, finding.message, finding.suspect)

``check`` and the report classes are loaded on first use, so ``import
ogpcheck`` (and the command line's start) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .api import Finding, Location, Outcome, Report, Severity, Version, check

__all__ = ["Finding", "Location", "Outcome", "Report", "Severity", "Version", "__version__", "check"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("ogpcheck.api"), name)
    raise AttributeError(f"module 'ogpcheck' has no attribute {name!r}")

