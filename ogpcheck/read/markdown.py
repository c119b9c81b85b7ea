"""Markdown and MDX through markdown-it-py: headings, paragraphs, list items
and table cells become blocks; code, HTML and imports do not."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..models import Block
from .suppress import parse_html

JSX_LINE = re.compile(r"^[ \t]*</?[A-Z][\w.]*(?:\s[^<>]*)?/?>[ \t]*$", re.MULTILINE)
FRONT_MATTER_KEYS = ("title", "description")

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")


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


def read_markdown(text: str, path: str) -> list[Block]:
    """Markdown and MDX through markdown-it-py: headings, paragraphs, list
    items and table cells become blocks; code, HTML and imports do not."""
    blocks, skip_lines = _front_matter(text, path)
    lines = text.split("\n")
    body = "\n".join([""] * skip_lines + lines[skip_lines:])
    pending: frozenset[str] = frozenset()
    kinds: list[str] = []
    table_id = row = col = -1
    items = 0
    in_cell = False
    for token in _MD.parse(body):
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
    for index, block in enumerate(blocks):
        block.index = index
    return blocks


def _markdown_kind(kinds: list[str], content: str) -> str:
    if kinds and kinds[-1] == "heading_open":
        return "heading"
    if "list_item_open" in kinds:
        return "list_item"
    if re.match(r"^\s*\[\^?\w{1,6}\][ \u00a0\u202f]?:", content):  # "[1] :" with French spacing too
        return "footnote"
    return "paragraph"
