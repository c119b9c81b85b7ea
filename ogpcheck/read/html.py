"""HTML read with lxml: HTML blocks inside Markdown, and whole HTML pages.

Text is read the way a browser lays it out: a block element (``<p>``,
``<li>``, ``<td>``, ``<h2>``, ``<figcaption>``, ``<div>``...) ends the text
before it and starts a new block; inline elements (``<a>``, ``<em>``, an
unknown component) flow with the text around them. List items, table cells
(with their row and column, like Markdown tables) and headings keep their
kind. Code (``<code>``, ``<kbd>``) is masked, and scripts, styles and
preformatted blocks are left out; attributes are never read. Entities are
decoded by the parser.

A page (``read_html``) is read from its main content: ``<main>`` (or
``role="main"``) when there is one, else its ``<article>`` elements, else
the body without page chrome (``<nav>``, and the ``<header>``, ``<footer>``
and ``<aside>`` of the page rather than of an article). Every piece of text
is found again in the source for its line (see ``located``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from ..models import Block
from .located import BREAK, Locator, Piece, SourceView, assemble, text_pieces
from .suppress import parse_html

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CELLS = {"td", "th"}
BLOCKS = {
    *HEADINGS,
    *CELLS,
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
    "legend", "li", "main", "menu", "nav", "ol", "p", "section", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
}  # fmt: skip
NEVER_TEXT = {
    "script", "style", "template", "noscript", "svg", "math", "canvas", "iframe", "object", "embed",
    "video", "audio", "pre", "textarea", "select", "head",
}  # fmt: skip
RAW_TEXT = {"script", "style", "textarea"}  # hidden from the locator (see markup.mask)
CODE = {"code", "kbd", "samp", "tt"}
CODE_MASK = "⟦⟧"
# Page furniture, only in whole pages (in Markdown, a <button> component holds prose).
PAGE_CHROME = {"nav", "button", "form", "input", "label", "dialog"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar"}
PAGE_LEVEL_CHROME = {"header", "footer", "aside"}  # chrome unless inside an article

TextReader = Callable[[str, Locator], list[Piece]]


@dataclass
class Counters:
    """Numbering shared by every reader of one file: tables and list items."""

    tables: int = -1
    items: int = 0


def plain_text(text: str, locator: Locator) -> list[Piece]:
    """An HTML text node: white space collapsed as a browser shows it."""
    return text_pieces(text, locator, collapse=True)


@dataclass
class _Context:
    """What the innermost kind-giving element makes of the text in it."""

    kind: str
    item: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    whole: bool = False  # a heading or cell: block elements inside do not split it


@dataclass
class _Table:
    id: int
    row: int = -1
    col: int = 0


@dataclass
class _Walk:
    """One pass over a tree: locates every text node, keeps the ones in
    the content, and cuts them into blocks."""

    locator: Locator
    path: str
    counters: Counters
    read_text: TextReader
    page: bool
    blocks: list[Block] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    contexts: list[_Context] = field(default_factory=lambda: [_Context("paragraph")])
    tables: list[_Table] = field(default_factory=list)
    pending: frozenset[str] = frozenset()
    skipping: int = 0  # depth inside an element whose text is not kept
    outside: int = 0  # >0 while outside the content roots of a page
    articles: int = 0

    def run(self, root: Any, content: set[Any] | None, body_is_root: bool) -> list[Block]:
        self.outside = 0 if content is None else 1
        for event, element in etree.iterwalk(root, events=("start", "end", "comment")):
            if event == "comment":
                self._comment(element)
            elif event == "start":
                self._start(element, content, body_is_root)
            else:
                self._end(element, content, root)
        self._flush()
        return self.blocks

    # -- events --------------------------------------------------------

    def _start(self, element: Any, content: set[Any] | None, body_is_root: bool) -> None:
        tag = _tag(element)
        if content is not None and element in content:
            self.outside -= 1
        if tag == "article":
            self.articles += 1
        if self.skipping or self.outside:
            self.skipping += bool(self.skipping)
            self._pass(element.text, tag)
            return
        if tag in NEVER_TEXT or tag in CODE or self._chrome(element, tag, body_is_root):
            if tag in CODE:
                self.pieces.append(Piece(CODE_MASK))
            self.skipping = 1
            self._pass(element.text, tag)
            return
        if tag == "br":
            self.pieces.append(BREAK)
        elif tag in BLOCKS:
            self._open_block(element, tag)
        self._keep(element.text)

    def _end(self, element: Any, content: set[Any] | None, root: Any) -> None:
        tag = _tag(element)
        if tag == "article":
            self.articles -= 1
        inside_skip = self.skipping > 1 or self.outside > 0
        if self.skipping:
            self.skipping -= 1
        elif not self.outside and tag in BLOCKS:
            self._close_block(tag)
        if content is not None and element in content:
            self.outside += 1
        if element is root:
            return
        if inside_skip or self.outside:
            self._pass(element.tail, "")
        else:
            self._keep(element.tail)

    def _comment(self, element: Any) -> None:
        codes = parse_html(f"<!--{element.text or ''}-->")
        if codes is not None and not self.skipping and not self.outside:
            self._flush()
            self.pending |= codes
        if self.skipping or self.outside:
            self._pass(element.tail, "")
        else:
            self._keep(element.tail)

    # -- blocks --------------------------------------------------------

    def _open_block(self, element: Any, tag: str) -> None:
        if self.contexts[-1].whole:
            self.pieces.append(BREAK)  # a <p>, or a nested table, inside a cell or heading
            self.contexts.append(self.contexts[-1])
            return
        self._flush()
        context = self.contexts[-1]
        if tag == "table":
            self.counters.tables += 1
            self.tables.append(_Table(self.counters.tables))
        elif tag == "tr" and self.tables:
            self.tables[-1].row += 1
            self.tables[-1].col = 0
        if tag in HEADINGS:
            context = _Context("heading", whole=True)
        elif tag in CELLS and self.tables:
            table = self.tables[-1]
            table.row = max(table.row, 0)
            context = _Context("cell", table=table.id, row=table.row, col=table.col, whole=True)
            table.col += _span(element)
        elif tag == "li":
            self.counters.items += 1
            context = _Context("list_item", item=self.counters.items)
        self.contexts.append(context)

    def _close_block(self, tag: str) -> None:
        closing = self.contexts.pop() if len(self.contexts) > 1 else self.contexts[0]
        if closing is self.contexts[-1] and closing.whole:
            self.pieces.append(BREAK)
            return
        self._flush(closing)
        if tag == "table" and self.tables:
            self.tables.pop()

    def _flush(self, context: _Context | None = None) -> None:
        context = context or self.contexts[-1]
        pieces, self.pieces = self.pieces, []
        made = assemble(pieces, self.locator.view.line_at(self.locator.cursor))
        if made is None:
            return
        block = Block(0, context.kind, made.raw, made.line, self.path, line_map=made.line_map, suppressed=self.pending)
        block.item, block.table, block.row, block.col = context.item, context.table, context.row, context.col
        self.pending = frozenset()
        self.blocks.append(block)

    # -- text ----------------------------------------------------------

    def _keep(self, text: str | None) -> None:
        if text:
            self.pieces.extend(self.read_text(text, self.locator))

    def _pass(self, text: str | None, tag: str) -> None:
        if text and tag not in RAW_TEXT:
            self.locator.skip(text)

    def _chrome(self, element: Any, tag: str, body_is_root: bool) -> bool:
        if not self.page:
            return False
        if tag in PAGE_CHROME or element.get("hidden") is not None or element.get("aria-hidden") == "true":
            return True
        if (element.get("role") or "").lower() in CHROME_ROLES:
            return True
        return body_is_root and tag in PAGE_LEVEL_CHROME and not self.articles


def _tag(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _span(element: Any) -> int:
    try:
        return max(1, min(int(element.get("colspan") or 1), 1000))
    except ValueError:
        return 1


def read_fragment(
    content: str, locator: Locator, path: str, counters: Counters, read_text: TextReader = plain_text
) -> list[Block]:
    """The blocks of an HTML block of a Markdown file (``content``), whose
    text ``locator`` finds in the file."""
    if not content.strip():
        return []
    try:
        root = lxml_html.fragment_fromstring(content, create_parent="div", parser=_PARSER)
    except (etree.ParserError, ValueError):
        return []
    return _Walk(locator, path, counters, read_text, page=False).run(root, None, body_is_root=False)


_PARSER = lxml_html.HTMLParser(huge_tree=True, remove_comments=False, remove_pis=True)
MAIN_XPATH = "//main | //*[@role='main']"
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(text: str, path: str) -> list[Block]:
    """An HTML page: the blocks of its main content."""
    # lxml refuses text that declares its encoding (XHTML); the text is decoded already.
    text = XML_DECLARATION.sub(lambda found: " " * len(found.group()), text, count=1)
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except etree.ParserError:
        return []  # nothing but white space and comments: "no text found"
    except ValueError as error:
        raise InputError(f"{path}: cannot read the HTML ({error})") from None
    view = SourceView(text, escapes=False)
    locator = Locator(view, 1, view.line_at(len(view.text)))
    content, body_is_root = _content_roots(root)
    blocks = _Walk(locator, path, Counters(), plain_text, page=True).run(root, content, body_is_root)
    for index, block in enumerate(blocks):
        block.index = index
    return blocks


def _content_roots(root: Any) -> tuple[set[Any], bool]:
    """The elements that hold the page's content (the outermost ``main``
    elements, else the outermost articles, else the body), and whether that
    is the whole body (page chrome is then left out by its tags)."""
    for found in (root.xpath(MAIN_XPATH), list(root.iter("article"))):
        members = set(found)
        outer = [element for element in found if not any(a in members for a in element.iterancestors())]
        if outer:
            return set(outer), False
    body = root.find("body")
    return {body if body is not None else root}, True
