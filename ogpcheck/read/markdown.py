"""Markdown and MDX through markdown-it-py: headings, paragraphs, list items
and table cells become blocks; code, HTML and imports do not.

markdown-it-py stops parsing a block nested deeper than ``maxNesting``
(lists in lists, quotes in quotes) and skips the lines it holds; the rest of
a file would be dropped silently. The limit is raised to ``MAX_NESTING``,
which keeps the parser's recursion well inside Python's, and the lines of
anything nested deeper are read as plain text, line by line, with a notice.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..models import Block
from .kinds import LIST_MARKER
from .suppress import parse_html

JSX_LINE = re.compile(r"^[ \t]*</?[A-Z][\w.]*(?:\s[^<>]*)?/?>[ \t]*$", re.MULTILINE)
FRONT_MATTER_KEYS = ("title", "description")

MAX_NESTING = 100  # markdown-it-py's own default; the commonmark preset sets 20
_MD = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
_QUOTE_MARKS = re.compile(r"^(?:\s*>)+")


def _watch_nesting(md: MarkdownIt) -> None:
    """Record in ``env["too_deep"]`` each range of lines the block parser
    skips because it is nested too deeply."""
    tokenize = md.block.tokenize

    def watched(state: Any, start: int, end: int, *args: Any, **kwargs: Any) -> None:
        if state.level >= md.options.maxNesting and state.skipEmptyLines(start) < end:
            state.env.setdefault("too_deep", []).append((start, end))
        tokenize(state, start, end, *args, **kwargs)

    md.block.tokenize = watched  # type: ignore[method-assign,assignment]


_watch_nesting(_MD)


def _too_deep_blocks(lines: list[str], ranges: list[tuple[int, int]], path: str) -> list[Block]:
    """The lines the parser skipped, one block per line, without their
    quote and list marks (0-based, end-exclusive line ranges)."""
    blocks = []
    for start, end in ranges:
        for number in range(start, min(end, len(lines))):
            line = _QUOTE_MARKS.sub("", lines[number])
            marker = LIST_MARKER.match(line)
            content = line[marker.end() :] if marker else line.strip()
            if content.strip():
                blocks.append(Block(0, "list_item" if marker else "paragraph", content.strip(), number + 1, path))
    return blocks


def _front_matter(text: str, path: str) -> tuple[list[Block], int]:
    """Blocks for translatable front-matter fields, and the lines it takes."""
    if not text.startswith("---\n"):
        return [], 0
    end = text.find("\n---", 4)
    if end < 0:
        return [], 0
    head = text[4:end].split("\n")
    blocks = []
    for number, line in enumerate(head, 2):
        key, _, value = line.partition(":")
        if key.strip() in FRONT_MATTER_KEYS and value.strip():
            blocks.append(Block(0, "frontmatter", value.strip().strip("'\""), number, path))
    return blocks, text.count("\n", 0, end) + 2


def _inline_text(token: Token) -> str:
    """Plain text of an inline token; code spans are masked, line breaks kept
    so that offsets map to source lines."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "code_inline":
            parts.append("⟦⟧")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "html_inline":
            parts.append("")
    return "".join(parts)


def read_markdown(text: str, path: str, notices: list[str] | None = None) -> list[Block]:
    """Markdown and MDX through markdown-it-py: headings, paragraphs, list
    items and table cells become blocks; code, HTML and imports do not.
    Text nested too deeply to parse is read line by line, and said in
    ``notices``."""
    blocks, skip_lines = _front_matter(text, path)
    lines = text.split("\n")
    body = "\n".join([""] * skip_lines + lines[skip_lines:])
    pending: frozenset[str] = frozenset()
    kinds: list[str] = []
    table_id = row = col = -1
    items = 0
    in_cell = False
    env: dict[str, Any] = {}
    for token in _MD.parse(body, env):
        kind = token.type
        if kind == "html_block":
            codes = parse_html(token.content)
            if codes is not None:
                pending = codes
        elif kind in ("heading_open", "list_item_open", "blockquote_open"):
            kinds.append(kind)
            items += kind == "list_item_open"
        elif kind in ("heading_close", "list_item_close", "blockquote_close"):
            kinds.pop()
        elif kind == "table_open":
            table_id += 1
            row = -1
        elif kind == "tr_open":
            row += 1
            col = 0
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
            col += 1
        elif kind == "inline" and token.map is not None:
            content = _inline_text(token)
            if not content.strip() or content.lstrip().startswith(("import ", "export ")):
                continue
            block = Block(0, _markdown_kind(kinds, content), content, token.map[0] + 1, path, suppressed=pending)
            pending = frozenset()
            if in_cell:
                block.kind, block.table, block.row, block.col = "cell", table_id, row, col
            elif block.kind == "list_item":
                block.item = items
            blocks.append(block)
    if env.get("too_deep"):
        ranges = sorted(env["too_deep"])
        blocks = sorted([*blocks, *_too_deep_blocks(lines, ranges, path)], key=lambda b: b.line)
        if notices is not None:
            spans = ", ".join(f"{a + 1}-{b}" for a, b in ranges)
            notices.append(
                f"{path}:{spans}: Markdown nested more than {MAX_NESTING} levels deep; read as plain text, line by line"
            )
    for index, block in enumerate(blocks):
        block.index = index
    return blocks


def _markdown_kind(kinds: list[str], content: str) -> str:
    if kinds and kinds[-1] == "heading_open":
        return "heading"
    if "list_item_open" in kinds:
        return "list_item"
    if re.match(r"^\s*\[\^?\w{1,6}\]:", content):
        return "footnote"
    return "paragraph"
