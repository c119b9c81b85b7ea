"""What kind of block a line of plain text (or PDF) is: a footnote, a list
item or a paragraph. Shared by the plain-text and PDF readers."""

from __future__ import annotations

import re

LIST_MARKER = re.compile(r"^\s*(?:[-*•●▪◦]\s+|\d{1,2}[.)]\s+|\(?[ivx]{1,4}\)\s+)")
_FOOTNOTE = re.compile(r"^\s*\[(?:\d{1,3}|[ivxlc]{1,6})\]")


def text_kind(text: str) -> str:
    """``footnote``, ``list_item`` or ``paragraph``."""
    if _FOOTNOTE.match(text):
        return "footnote"
    if LIST_MARKER.match(text):
        return "list_item"
    return "paragraph"
