"""Error messages that explain a result, built from what the run found.

Kept apart from the stages so that each message says everything the user
needs to act (what was found, what was expected, what was left out and why)
on one line.
"""

from __future__ import annotations

from pathlib import Path

from ..models import Document
from .split import MIN_VERSION_WEIGHT


def too_few_versions(path: Path, document: Document, langs: list[str]) -> str:
    """Why a document cannot be checked: fewer than two versions found."""
    found = ", ".join(v.id for v in document.versions) or "none"
    message = f"{path}: fewer than two language versions found (found: {found}; expected: {','.join(langs)})"
    if document.foreign:
        runs = ", ".join(f"{lang} (lines {first}-{last})" for lang, first, last in document.foreign)
        message += f"; also found, in languages --langs does not name: {runs}"
    elif not document.versions:
        message += f"; no run of text in one language is long enough to be a version ({MIN_VERSION_WEIGHT:.0f} letters)"
    return message
