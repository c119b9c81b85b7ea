"""MDX, as far as reading its prose needs: JSX tags and expressions.

MDX (and Markdown that a site renders as MDX, such as ethereum.org's)
differs from CommonMark in ways that decide what is text:

* A line that holds only tags is a *flow* tag (``<Steps>``, ``</Tabs>``,
  ``<ExpandableCard title="..." contentPreview="...">`` over three lines).
  What it wraps is Markdown, where CommonMark would take the tag and the list
  after it for one raw HTML block. ``blank_flow_tags`` overwrites such lines
  with spaces before markdown-it parses the file; line breaks are kept, so
  every later line number stays true. Inline tags (``<a href>`` alone on a
  line of a sentence) are left to the paragraph they sit in.
* HTML does not run on to the next blank line: an element
  (``<summary>Show the code</summary>``, ``<li>...</li>``) ends at its
  closing tag, and a code fence after it is code. ``element_block`` is the
  markdown-it rule that reads it so; lxml then reads its text.
* Indented code does not exist (children are indented), and
  ``{expressions}`` are not text (``split_mdx``).

An HTML element with a ``markdown`` attribute (``<aside markdown="1">``)
holds Markdown in any file; its tags are blanked the same way. In Markdown
that is not MDX, template tags (Hugo's ``{{% alert %}}``, Liquid's
``{% include %}`` and ``{{ site.baseurl }}``) are cut out too, as the site
generator replaces them before the Markdown is read: a link whose address
starts with one is still a link, and text after one is not indented code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from .markup import BRACES, TAG, TEMPLATE

# Tags that flow inside a sentence, even alone on a line.
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MAX_ELEMENT_LINES = 200

_MARKDOWN_ATTR = re.compile(r"(?:^|\s)markdown(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?(?=\s|/|$)")
_FENCE = re.compile(r"[ \t]*(?:>[ \t]*)*(?P<run>`{3,}|~{3,})")
_SPACE = re.compile(r"[ \t]*")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


@dataclass(frozen=True)
class _TagLine:
    """Lines ``[start, stop)`` of the source that hold nothing but tags."""

    start: int
    stop: int
    tags: list[re.Match[str]]


def _spaces(text: str) -> str:
    """The same text with every character but line breaks made a space."""
    return re.sub(r"[^\n]", " ", text)


def _line_breaks(found: re.Match[str]) -> str:
    """Only the line breaks of a template tag: cut out, not replaced by
    spaces, so that text after it does not become indented code."""
    return "\n" * found.group().count("\n")


_COMPONENT_NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*|[a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+")


def is_component(found: re.Match[str]) -> bool:
    """A JSX component (``Steps``, ``Tabs.Item``) or fragment tag."""
    name = found.group("name")
    return name is None or _COMPONENT_NAME.fullmatch(name) is not None


def _shows_jsx(found: re.Match[str]) -> bool:
    """A component tag that only JSX writes: closing, self-closing, or with
    attributes (``<Steps>`` alone could be a placeholder in plain text)."""
    return is_component(found) and bool(found.group("close") or found.group("empty") or (found.group("attrs") or "").strip())


def blank_flow_tags(text: str, mdx: bool) -> tuple[str, bool]:
    """Overwrite flow tags with spaces and, unless in MDX, cut template tags
    out, line breaks kept; code fences are left alone. A file with a component
    tag on its own line that only JSX writes (closing, self-closing or with
    attributes) is MDX. Returns the new text and whether it is MDX."""
    lines = _tag_lines(text)
    mdx = mdx or any(_shows_jsx(found) for line in lines for found in line.tags)
    if not mdx:
        text = TEMPLATE.sub(_line_breaks, text)
        lines = _tag_lines(text)  # offsets moved
    parts: list[str] = []
    cursor = 0
    open_markdown: list[str] = []  # elements opened with a markdown attribute
    for line in lines:
        if _is_flow(line.tags, mdx, open_markdown):
            parts.append(text[cursor : line.start])
            parts.append(_spaces(text[line.start : line.stop]))
            cursor = line.stop
    parts.append(text[cursor:])
    return "".join(parts), mdx


def _tag_lines(text: str) -> list[_TagLine]:
    """Every run of lines that holds only tags, outside code fences."""
    found: list[_TagLine] = []
    fence: str | None = None
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end]
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group("run")[0] == fence[0] and len(opening.group("run")) >= len(fence):
                fence = None if not line[opening.end() :].strip() else fence
            pos = end
            continue
        tags = _only_tags(text, pos)
        if tags is not None:
            found.append(tags)
            pos = tags.stop
            continue
        if opening:
            fence = opening.group("run")
        pos = end
    return found


def _only_tags(text: str, pos: int) -> _TagLine | None:
    """The tags of the line at ``pos`` when it holds nothing else (a tag
    may run over several lines)."""
    cursor = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    tags: list[re.Match[str]] = []
    while True:
        found = TAG.match(text, cursor)
        if found is None:
            return None
        tags.append(found)
        cursor = _SPACE.match(text, found.end()).end()  # type: ignore[union-attr]
        rest = _LINE_END.match(text, cursor)
        if rest is not None:
            return _TagLine(pos, rest.end(), tags)


def _is_flow(tags: list[re.Match[str]], mdx: bool, open_markdown: list[str]) -> bool:
    """Whether a line of tags is blanked: components; in MDX every tag but
    inline ones; anywhere, tags that open or close Markdown in HTML."""
    stack = list(open_markdown)
    for found in tags:
        if is_component(found):
            continue
        name = (found.group("name") or "").lower()
        if found.group("close") and stack and stack[-1] == name:
            stack.pop()
        elif not found.group("close") and _MARKDOWN_ATTR.search(found.group("attrs") or ""):
            stack.append(name)
        elif not (mdx and name not in INLINE):
            return False
    open_markdown[:] = stack
    return True


def element_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it block rule for MDX: an HTML element (or comment) that
    starts a line and ends at the end of a line is one HTML block."""
    src = state.src
    pos = state.bMarks[start] + state.tShift[start]
    if not src.startswith("<", pos):
        return False
    if src.startswith("<!--", pos):
        close = src.find("-->", pos)
        stop = len(src) if close < 0 else close + 3
    else:
        opening = TAG.match(src, pos)
        if opening is None or opening.group("close") or opening.group("name") is None or is_component(opening):
            return False
        limit = state.eMarks[min(end, start + MAX_ELEMENT_LINES) - 1]
        found = _element_end(src, opening, limit)
        if found is None:
            return False
        stop = found
    last = start
    while last + 1 < end and state.bMarks[last + 1] < stop:
        last += 1
    if src[stop : state.eMarks[last]].strip():
        return False  # text after the element: a paragraph
    if silent:
        return True
    token = state.push("html_block", "", 0)
    token.map = [start, last + 1]
    token.content = state.getLines(start, last + 1, state.blkIndent, True)
    state.line = last + 1
    return True


def _element_end(src: str, opening: re.Match[str], limit: int) -> int | None:
    """Where the element that ``opening`` starts ends (its closing tag)."""
    name = opening.group("name").lower()
    if opening.group("empty") or name in VOID:
        return opening.end()
    depth = 1
    for found in TAG.finditer(src, opening.end(), limit):
        if (found.group("name") or "").lower() != name:
            continue
        if found.group("close"):
            depth -= 1
            if depth == 0:
                return found.end()
        elif not found.group("empty"):
            depth += 1
    return None


def parser() -> MarkdownIt:
    """markdown-it for MDX: no indented code, HTML blocks end with their element."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table").disable(["code", "html_block"])
    md.block.ruler.before("html_block", "mdx_element", element_block)
    return md


_MDX_MARKUP = re.compile(rf"{TAG.pattern}|{BRACES}")
_STRING = re.compile(r"\{\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|`(?P<bq>[^`$]*)`)\s*\}")


def split_mdx(text: str, keep: re.Pattern[str] | None = None) -> list[tuple[str, bool]]:
    """Cut MDX markup out of a run of text: ``[(part, is_source_text)]``.
    A tag that markdown-it did not take for HTML (its attributes hold
    ``{expressions}``) is left out; a string expression (``{" "}``) stands
    for its value; an expression that ``keep`` matches (a suppression
    comment) stays as written; any other expression (``{frontmatter.title}``)
    is left out."""
    parts: list[tuple[str, bool]] = []
    cursor = 0
    for found in _MDX_MARKUP.finditer(text):
        if found.start() > cursor:
            parts.append((text[cursor : found.start()], True))
        markup = found.group()
        literal = _STRING.fullmatch(markup)
        if keep is not None and keep.fullmatch(markup):
            parts.append((markup, True))
        elif literal is not None:
            parts.append((next(value for value in literal.groups() if value is not None), False))
        cursor = found.end()
    if cursor < len(text):
        parts.append((text[cursor:], True))
    return parts
