"""Markdown and MDX through markdown-it-py: headings, paragraphs, list items
and table cells become blocks; code and imports do not.

Markup inside Markdown is prose too. Component tags standing on their own
lines (``<Steps>``, ``<ExpandableCard ...>``) are blanked before parsing, so
their children are read as the Markdown they are, and a file with such
components is read as MDX (see ``mdx``); HTML blocks (``<ul><li>``, ``<p>``,
``<details>``) are read by lxml (see ``html``). Every piece of text is found
again in the file, so each line of a block has its true line number (see
``located``).

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
from .html import CODE_MASK, Counters, plain_text, read_fragment
from .kinds import LIST_MARKER
from .located import BREAK, Locator, Piece, SourceView, assemble, text_pieces
from .mdx import blank_flow_tags, parser, split_mdx
from .suppress import MDX_COMMENT, parse_html

FRONT_MATTER_KEYS = ("title", "description")
# A heading's attribute list ("## Borrowing {#lending}"): an anchor, not prose.
HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{[#.][^{}\n]*\}[ \t]*$")
# The type of a GitHub alert ("> [!NOTE]"): markup, like a shortcode, not prose.
ALERT_TYPE = re.compile(r"^\s*\[![A-Za-z]+\]\s*")

MAX_NESTING = 100  # markdown-it-py's own default; the commonmark preset sets 20
_QUOTE_MARKS = re.compile(r"^(?:\s*>)+")


def _watch_nesting(md: MarkdownIt) -> MarkdownIt:
    """``md`` with the nesting limit raised, recording in
    ``env["too_deep"]`` each range of lines its block parser skips because
    they are nested deeper still."""
    md.options["maxNesting"] = MAX_NESTING
    tokenize = md.block.tokenize

    def watched(state: Any, start: int, end: int, *args: Any, **kwargs: Any) -> None:
        if state.level >= md.options.maxNesting and state.skipEmptyLines(start) < end:
            state.env.setdefault("too_deep", []).append((start, end))
        tokenize(state, start, end, *args, **kwargs)

    md.block.tokenize = watched  # type: ignore[method-assign,assignment]
    return md


_MD = _watch_nesting(MarkdownIt("commonmark", {"html": True}).enable("table"))
_MDX = _watch_nesting(parser())


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


def inline_pieces(children: list[Token], locator: Locator, mdx: bool) -> list[Piece]:
    """The pieces of an inline token's text: text and image descriptions
    located in the file, line breaks kept, code spans masked, inline HTML
    tags (never their attributes) left out."""
    pieces: list[Piece] = []
    for child in children:
        if child.type in ("text", "image"):
            pieces.extend(_text(child.content, locator, mdx))
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(BREAK)
        elif child.type == "code_inline":
            pieces.append(Piece(CODE_MASK))
    return pieces


def _text(content: str, locator: Locator, mdx: bool) -> list[Piece]:
    """A run of text; in MDX, expressions left out."""
    if not mdx:
        return text_pieces(content, locator, collapse=False)
    pieces: list[Piece] = []
    for part, in_source in split_mdx(content, keep=MDX_COMMENT):
        pieces.extend(text_pieces(part, locator, collapse=False) if in_source else [Piece(part)])
    return pieces


class _Reader:
    """One pass over the tokens of one file."""

    def __init__(self, body: str, path: str, mdx: bool) -> None:
        self.body, self.path, self.mdx = body, path, mdx
        self.view = SourceView(body, escapes=True)
        self._html_view: SourceView | None = None
        self.counters = Counters()
        self.blocks: list[Block] = []
        self.env: dict[str, Any] = {}  # what the parser records (lines nested too deeply)

    @property
    def html_view(self) -> SourceView:
        """HTML text keeps its backslashes (built when first needed)."""
        if self._html_view is None:
            self._html_view = SourceView(self.body, escapes=False)
        return self._html_view

    def _markdown_in_html(self, text: str, locator: Locator) -> list[Piece]:
        """MDX reads the text inside HTML elements as Markdown."""
        pieces: list[Piece] = []
        for token in _MDX.parseInline(text):
            pieces.extend(inline_pieces(token.children or [], locator, mdx=True))
        return pieces

    def read(self) -> list[Block]:
        pending: frozenset[str] = frozenset()
        kinds: list[str] = []
        row = col = -1
        in_cell = False
        for token in (_MDX if self.mdx else _MD).parse(self.body, self.env):
            kind = token.type
            if kind == "html_block" and token.map is not None:
                codes = parse_html(token.content)
                pending |= codes or frozenset()
                found = self._html_block(token, kinds)
                if found:
                    found[0].suppressed |= pending
                    pending = frozenset()
                    self.blocks.extend(found)
            elif kind in ("heading_open", "list_item_open", "blockquote_open"):
                kinds.append(kind)
                self.counters.items += kind == "list_item_open"
            elif kind in ("heading_close", "list_item_close", "blockquote_close"):
                kinds.pop()
            elif kind == "table_open":
                self.counters.tables += 1
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
                locator = Locator(self.view, token.map[0] + 1, token.map[1])
                pieces = inline_pieces(token.children or [], locator, self.mdx)
                if kinds and kinds[-1] == "blockquote_open" and pieces:
                    pieces[0] = Piece(ALERT_TYPE.sub("", pieces[0].text, count=1), pieces[0].line)
                made = assemble(pieces, token.map[0] + 1)
                if made is None or made.raw.lstrip().startswith(("import ", "export ")):
                    continue
                kind = _markdown_kind(kinds, made.raw)
                if kind == "heading":
                    made.raw = HEADING_ATTRIBUTES.sub("", made.raw)
                    made.line_map = [entry for entry in made.line_map if entry[0] < len(made.raw)]
                    if not made.raw.strip():
                        continue
                block = Block(0, kind, made.raw, made.line, self.path, suppressed=pending)
                block.line_map = made.line_map
                pending = frozenset()
                if in_cell:
                    block.kind, block.table, block.row, block.col = "cell", self.counters.tables, row, col
                elif block.kind == "list_item":
                    block.item = self.counters.items
                self.blocks.append(block)
        return self.blocks

    def _html_block(self, token: Token, kinds: list[str]) -> list[Block]:
        """The blocks of an HTML block; inside a Markdown list item, its
        paragraphs belong to the item."""
        assert token.map is not None
        view = self.view if self.mdx else self.html_view
        locator = Locator(view, token.map[0] + 1, token.map[1])
        read_text = self._markdown_in_html if self.mdx else plain_text
        found = read_fragment(token.content, locator, self.path, self.counters, read_text)
        if "list_item_open" in kinds:
            for block in found:
                if block.kind == "paragraph":
                    block.kind, block.item = "list_item", self.counters.items
        return found


def read_markdown(text: str, path: str, mdx: bool = False, notices: list[str] | None = None) -> list[Block]:
    """Markdown and MDX: headings, paragraphs, list items and table cells
    become blocks, including those written in HTML or inside components.
    Text nested too deeply to parse is read line by line, and said in
    ``notices``."""
    blocks, skip_lines = _front_matter(text, path)
    lines = text.split("\n")
    body = "\n".join([""] * skip_lines + lines[skip_lines:])
    body, mdx = blank_flow_tags(body, mdx)
    reader = _Reader(body, path, mdx)
    blocks.extend(reader.read())
    if reader.env.get("too_deep"):
        ranges = sorted(reader.env["too_deep"])
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
    if re.match(r"^\s*\[\^?\w{1,6}\][ \u00a0\u202f]?:", content):  # "[1] :" with French spacing too
        return "footnote"
    return "paragraph"
