"""Check that every word of every block stands on the line the block gives
for it in the file it was read from."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from ogpcheck.models import Block
from ogpcheck.read.encoding import decode

WORD = re.compile(r"[^\W_]+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Markup that may stand inside a word in the source ("Las[propinas](/x)s", "**un**reliable").
_INSIDE_WORDS = re.compile(r"\]\([^)\s]*\)|<[^<>]*>|[*_\[\]]")


def _readable(line: str) -> str:
    """A source line as its words read: entities decoded, escapes and (as a
    second reading) the markup inside words taken out."""
    plain = _ESCAPE.sub(r"\1", html.unescape(line))
    return plain + "\x00" + _ESCAPE.sub(r"\1", html.unescape(_INSIDE_WORDS.sub("", line)))


def misplaced_words(path: Path, blocks: Iterable[Block]) -> list[str]:
    """Every word of a block's text that is not on the line the block says
    it is (``path:line: word``); empty when every location is exact."""
    lines = [_readable(line) for line in decode(path.read_bytes(), str(path)).split("\n")]
    wrong: list[str] = []
    for block in blocks:
        for word in WORD.finditer(block.text):
            line = block.line_of(word.start())
            if not 1 <= line <= len(lines) or word.group() not in lines[line - 1]:
                wrong.append(f"{path}:{line}: {word.group()!r} (block at line {block.line})")
    return wrong
