"""Where each piece of a block's text stands in the file.

markdown-it-py and lxml give the text of a paragraph, but not where each word
of it came from: a tag over three lines, an inline code span or an HTML
entity sits between two pieces of text. So the readers build a block from
*pieces* (a run of text on one source line, or something put in its place,
such as the mask of a code span) and find each piece again in the source,
in order, starting where the previous one ended. The block keeps a
``line_map`` entry wherever counting line breaks would give a wrong line, so
every character of its text traces to its own line.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

from .markup import mask

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # Markdown backslash escapes
_SPACES = re.compile(r"[ \t\r\f\v]+")


class SourceView:
    """The source as the parsers' text looks: markup hidden, entities (and,
    for Markdown, backslash escapes) decoded. Decoding never touches a line
    break, so a line of the view is the same line of the file."""

    def __init__(self, text: str, escapes: bool) -> None:
        view = _ENTITY.sub(lambda m: html.unescape(m.group()), mask(text))
        self.text = _ESCAPE.sub(r"\1", view) if escapes else view
        self._starts = [0, *(m.end() for m in re.finditer("\n", self.text))]

    def line_at(self, offset: int) -> int:
        """1-based line of an offset in the view."""
        return bisect_right(self._starts, offset)

    def offset_of_line(self, line: int) -> int:
        """Offset where a 1-based line starts (the end of the view past the last)."""
        if line > len(self._starts):
            return len(self.text)
        return self._starts[max(line, 1) - 1]


class Locator:
    """Finds the pieces of text of one region of the file (a paragraph, an
    HTML block, a whole page), in the order they were written."""

    def __init__(self, view: SourceView, first_line: int, last_line: int) -> None:
        self.view = view
        self.cursor = view.offset_of_line(first_line)
        self.limit = view.offset_of_line(last_line + 1)

    def line_of(self, text: str) -> int:
        """The line of the next occurrence of ``text`` (one line of text),
        which is passed; when it cannot be found, the line where the search
        stands."""
        needle = text.strip()
        if needle:
            for attempt in (needle, _SPACES.sub(" ", needle), needle.split()[0]):
                found = self.view.text.find(attempt, self.cursor, self.limit)
                if found >= 0:
                    self.cursor = found + len(attempt)
                    return self.view.line_at(found)
        return self.view.line_at(self.cursor)

    def skip(self, text: str) -> None:
        """Pass text that is read but not kept (page navigation)."""
        for line in text.split("\n"):
            if line.strip():
                self.line_of(line)


@dataclass(frozen=True)
class Piece:
    """A run of a block's text on one source line (``line``), or text put in
    place of something (a line break, ``⟦⟧`` for code) when ``line`` is None."""

    text: str
    line: int | None = None


BREAK = Piece("\n")
SPACE = Piece(" ")


def text_pieces(text: str, locator: Locator, collapse: bool) -> list[Piece]:
    """The pieces of a run of source text that may hold line breaks (an HTML
    text node): each line located on its own; with ``collapse``, runs of
    spaces and tabs read as one space, as a browser shows them."""
    pieces: list[Piece] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            pieces.append(BREAK)
        if not line.strip():
            if line:
                pieces.append(SPACE)
            continue
        at = locator.line_of(line)
        pieces.append(Piece(_SPACES.sub(" ", line) if collapse else line, at))
    return pieces


@dataclass
class Assembled:
    """The raw text of a block and where its lines are."""

    raw: str
    line: int
    line_map: list[tuple[int, int | None, int]]


def assemble(pieces: list[Piece], fallback_line: int) -> Assembled | None:
    """Join pieces into block text: white space between pieces collapsed
    (a line break wins over a space), none at either end. None when no text
    is left."""
    parts: list[str] = []
    size = 0
    entries: list[tuple[int, int | None, int]] = []
    for piece in pieces:
        text = piece.text
        if not text.strip():
            if not parts:
                continue
            if not parts[-1][-1:].isspace():
                parts.append("\n" if "\n" in text else " ")
                size += 1
            elif "\n" in text and parts[-1][-1] == " ":
                parts[-1] = parts[-1][:-1] + "\n"
            continue
        if (not parts or parts[-1][-1:].isspace()) and text[:1].isspace():
            text = text.lstrip()
        if piece.line is not None:
            entries.append((size, None, piece.line))
        parts.append(text)
        size += len(text)
    raw = "".join(parts).rstrip()
    if not raw.strip():
        return None
    line = entries[0][2] if entries else fallback_line
    return Assembled(raw, line, _needed(raw, line, entries))


def _needed(raw: str, line: int, entries: list[tuple[int, int | None, int]]) -> list[tuple[int, int | None, int]]:
    """The entries whose line differs from the one counting line breaks gives."""
    kept: list[tuple[int, int | None, int]] = []
    start, at = 0, line
    for offset, page, number in entries:
        if offset >= len(raw):
            break
        if at + raw.count("\n", start, offset) != number:
            kept.append((offset, page, number))
            start, at = offset, number
    return kept
