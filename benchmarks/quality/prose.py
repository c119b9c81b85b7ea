"""Numbers and names in the prose of a unit, with their offsets in the file.

Only prose is a fair place to inject an error: a number in inline code, a
link target, a URL, an HTML tag, a JSX expression or a list marker is not a
fact a translator restates, so those stretches are masked (replaced by NUL
characters of the same length, keeping every offset) before anything is
looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .units import Unit

MASK = "\0"
_MASKS = [
    re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL),  # inline code
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link destination and title
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE),  # reference definition
    re.compile(r"<[^<>\n]+>"),  # HTML/JSX tag, autolink
    re.compile(r"\{[^{}\n]*\}"),  # JSX expression, heading id
    re.compile(r"(?:https?://|www\.)[^\s)\]>]+"),  # bare URL
    re.compile(r"\[\^?\d+\]"),  # footnote marker
    re.compile(r"^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,3}[.)]|#{1,6})(?=[ \t])", re.MULTILINE),  # block markers
    re.compile(r"^[ \t]*:::\w*(?:\[[^\]]*\])?", re.MULTILINE),  # aside fence
]
_KEY = re.compile(r"^[ \t]*\w+:[ \t]*")
# A number standing alone: digits, optionally grouped by threes with one
# separator, optionally with a decimal part; never glued to a word, a hyphen,
# a slash or another number (identifiers, versions, dates, paths).
NUMBER = re.compile(
    r"(?<![\w.,/\\#@:+\-\u00a0\u202f])"
    r"(?:\d{1,3}(?P<group>[,.\u00a0\u202f])\d{3}(?:(?P=group)\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\w\-/@]|[.,:\u00a0\u202f]\d)"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
NAME = re.compile(rf"(?<![\w'’./-])[{_UPPER}][\w'’.-]*\w(?:[ ][{_UPPER}][\w'’.-]*\w)*")


@dataclass(frozen=True)
class Token:
    """A number or name found in prose: its surface and where it stands."""

    text: str
    start: int  # offset in the file's text
    end: int

    @property
    def key(self) -> str:
        """What must agree across versions: a number's digits, a name's surface."""
        digits = re.sub(r"\D", "", self.text)
        return digits if digits and self.text[0].isdigit() else self.text


def line_offsets(text: str) -> list[int]:
    """Offset of the start of every line (index 0 is line 1)."""
    offsets = [0]
    for found in re.finditer("\n", text):
        offsets.append(found.end())
    return offsets


def unit_span(offsets: list[int], text: str, unit: Unit) -> tuple[int, int]:
    """Offsets of the first and past-the-last character of the unit's lines."""
    start = offsets[unit.line - 1]
    end = offsets[unit.end] - 1 if unit.end < len(offsets) else len(text)
    return start, end


def masked(text: str, start: int, end: int, frontmatter: bool = False) -> str:
    """The text between two offsets with every non-prose stretch masked."""
    chunk = text[start:end]
    if frontmatter:
        chunk = _KEY.sub(lambda m: MASK * len(m.group()), chunk, count=1)
    for pattern in _MASKS:
        chunk = pattern.sub(lambda m: MASK * len(m.group()), chunk)
    return chunk


def numbers_in(text: str, offsets: list[int], unit: Unit) -> list[Token]:
    """Numbers standing in the prose of a unit."""
    start, end = unit_span(offsets, text, unit)
    prose = masked(text, start, end, unit.kind == "frontmatter")
    return [Token(m.group(), start + m.start(), start + m.end()) for m in NUMBER.finditer(prose)]


def names_in(text: str, offsets: list[int], unit: Unit) -> list[Token]:
    """Capitalised words and runs of them (with every shorter run inside a
    longer one), standing in the prose of a unit."""
    start, end = unit_span(offsets, text, unit)
    prose = masked(text, start, end, unit.kind == "frontmatter")
    found = []
    for m in NAME.finditer(prose):
        words = list(re.finditer(r"\S+", m.group()))
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                lo, hi = m.start() + words[i].start(), m.start() + words[j - 1].end()
                found.append(Token(prose[lo:hi], start + lo, start + hi))
    return found
