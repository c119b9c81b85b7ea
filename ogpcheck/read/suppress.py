"""Inline suppressions: a comment before a paragraph silences findings there.

Written the way each format comments:

* Markdown and plain text: ``<!-- ogpcheck: ignore NUM001 -->``
* MDX (where HTML comments are a syntax error): ``{/* ogpcheck: ignore NUM001 */}``

The comment names rule codes, code prefixes (``NUM``), families (``numbers``)
or rule names, separated by commas or spaces; ``ignore`` alone silences every
rule. It applies to the next block (paragraph, heading, list item, cell), and
a finding is silenced when any of its locations stands in that block, so one
comment in the source language covers the translations too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Block

ALL = "ALL"
_BODY = r"ogpcheck:\s*ignore(?P<codes>(?:[\s,]+[\w-]+)*)\s*"
HTML_COMMENT = re.compile(r"<!--\s*" + _BODY + r"-->")
MDX_COMMENT = re.compile(r"\{/\*\s*" + _BODY + r"\*/\}")
_LINE = re.compile(r"^[ \t]*(?:<!--\s*" + _BODY + r"-->|\{/\*\s*" + _BODY.replace("codes", "mdx") + r"\*/\})[ \t]*$")


def _codes(listed: str | None) -> frozenset[str]:
    """``NUM001, numbers`` -> {"NUM001", "numbers"}; nothing listed -> ALL."""
    items = [item for item in re.split(r"[\s,]+", listed or "") if item]
    return frozenset(items) if items else frozenset({ALL})


def parse_html(content: str) -> frozenset[str] | None:
    """The selectors of an HTML comment directive anywhere in ``content``
    (a Markdown HTML block), or None when it holds none."""
    found = HTML_COMMENT.search(content)
    return _codes(found.group("codes")) if found else None


def parse_line(line: str) -> frozenset[str] | None:
    """The selectors when ``line`` is a directive and nothing else."""
    found = _LINE.match(line)
    if found is None:
        return None
    return _codes(found.group("codes") if found.group("codes") is not None else found.group("mdx"))


def apply_directives(blocks: list[Block]) -> list[Block]:
    """Turn directive lines into suppressions of the block they precede.

    A block that is only a directive is dropped and marks the next block; a
    block whose first line is a directive loses that line (its ``line`` moves
    down one) and is marked itself. Indexes are renumbered.
    """
    out: list[Block] = []
    pending: frozenset[str] = frozenset()
    for block in blocks:
        first, _, rest = block.raw.partition("\n")
        codes = parse_line(first)
        if codes is not None and not rest.strip():
            pending |= codes
            continue
        if codes is not None:
            _drop_first_line(block, len(first) + 1)
            pending |= codes
        if pending:
            block.suppressed = block.suppressed | pending
            pending = frozenset()
        out.append(block)
    for index, block in enumerate(out):
        block.index = index
    return out


def _drop_first_line(block: Block, cut: int) -> None:
    """Cut the first ``cut`` characters (a line) off a block's raw text;
    the line map moves with the text."""
    second, page = block.line_of_raw(cut), block.page_of_raw(cut)
    block.raw, block.line, block.page = block.raw[cut:], second, page
    block.line_map = [(start - cut, on, line) for start, on, line in block.line_map if start > cut]


def silences(suppressed: Iterable[str], code: str, family: str = "", name: str = "") -> bool:
    """Whether the selectors of a suppression cover a rule."""
    for item in suppressed:
        if item == ALL or item.upper() == ALL or code.startswith(item.upper()) or item in (family, name):
            return True
    return False
