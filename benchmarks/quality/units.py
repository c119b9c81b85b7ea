"""Markdown units of one version, with their place in the document skeleton.

A unit is what ogpcheck aligns as a block (a heading, a paragraph, a list
item's paragraph, a table cell, a front-matter title or description), found
here with markdown-it-py on its own so that the gold alignment and the
injection sites do not come from the code being measured. Code blocks are
kept in the skeleton (they anchor the structure) but are never units of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt

FRONT_MATTER_KEYS = ("title", "description")
# Lines holding only a JSX/MDX component tag (<Steps>, </Fragment>, <Foo />):
# blanked before parsing so they do not swallow the Markdown around them.
_JSX_LINE = re.compile(r"^[ \t]*</?[A-Z][\w.]*(?:\s[^<>]*)?/?>[ \t]*$", re.MULTILINE)
_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_CONTAINERS = ("bullet_list_open", "ordered_list_open", "table_open")


@dataclass(frozen=True)
class Unit:
    """One unit of text, or a code block (``kind == "code"``).

    ``line``/``end`` are the 1-based first and last lines; ``shape`` is its
    symbol in the skeleton (``h2``, ``p``, ``li1``, ``td``, ``fm:title``,
    ``code``); ``item`` is the line span of the list item or table row that
    holds it when the unit is the only text there (it may be dropped whole);
    ``container`` is the line span of the innermost list or table holding
    it (a finding about a dropped item may point anywhere in it).
    """

    index: int
    kind: str
    shape: str
    line: int
    end: int
    item: tuple[int, int] | None = None
    container: tuple[int, int] | None = None

    @property
    def is_text(self) -> bool:
        return self.kind != "code"


def _front_matter(lines: list[str]) -> tuple[list[Unit], int]:
    if not lines or lines[0] != "---":
        return [], 0
    for number, line in enumerate(lines[1:], 2):
        if line == "---":
            units = []
            for at in range(2, number):
                key, sep, value = lines[at - 1].partition(":")
                if sep and key.strip() in FRONT_MATTER_KEYS and value.strip():
                    units.append(Unit(0, "frontmatter", f"fm:{key.strip()}", at, at))
            return units, number
    return [], 0


def parse_units(text: str) -> list[Unit]:
    """The units and code blocks of a Markdown/MDX text, in document order."""
    lines = text.split("\n")
    units, skip = _front_matter(lines)
    # A tag may run over several lines: keep its line breaks, so that every
    # later unit keeps its true line (ogpcheck reports true lines).
    body = _JSX_LINE.sub(lambda tag: "\n" * tag.group().count("\n"), "\n".join([""] * skip + lines[skip:]))
    found: list[Unit] = []
    stack: list[tuple[str, str, int]] = []  # (token type, tag, len(found) at open)
    list_depth = 0
    containers: list[tuple[int, int]] = []  # spans of the open lists and tables
    body_lines = body.split("\n")  # component lines blanked: they end no list
    for token in _MD.parse(body):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        if kind in _CONTAINERS and token.map is not None:
            containers.append((token.map[0] + 1, _last_line(body_lines, token.map)))
        elif kind.replace("_close", "_open") in _CONTAINERS and containers:
            containers.pop()
        if kind.endswith("_open") and kind != "paragraph_open":
            stack.append((kind, token.tag, len(found)))
            if kind in ("list_item_open", "tr_open") and token.map is not None:
                stack[-1] = (kind, f"{token.map[0] + 1}:{_last_line(lines, token.map)}", len(found))
        elif kind.endswith("_close") and kind != "paragraph_close":
            opened, tag, first = stack.pop()
            if opened in ("list_item_open", "tr_open") and ":" in tag:
                _mark_item(found, first, opened, tag, stack, lines)
        elif kind in ("fence", "code_block") and token.map:
            found.append(Unit(0, "code", "code", token.map[0] + 1, _last_line(lines, token.map)))
        elif kind == "inline" and token.map is not None:
            content = token.content.strip()
            if content and not content.startswith(("import ", "export ")):
                unit_kind, shape = _shape(stack, list_depth)
                container = containers[-1] if containers else None
                found.append(Unit(0, unit_kind, shape, token.map[0] + 1, _last_line(lines, token.map), None, container))
    units.extend(found)
    return [replace(unit, index=index) for index, unit in enumerate(units)]


def _mark_item(
    found: list[Unit], first: int, opened: str, span: str, stack: list[tuple[str, str, int]], lines: list[str]
) -> None:
    """Let the first unit of a list item or body table row carry the item's
    lines when the item can be dropped whole: a list item holding one
    paragraph and nothing else (no code, HTML or component lines either), or
    a table row outside the header."""
    inside = found[first:]
    if not inside or any(not unit.is_text for unit in inside):
        return
    lo, hi = (int(part) for part in span.split(":"))
    if opened == "list_item_open" and (len(inside) != 1 or any(line.strip() for line in lines[inside[0].end : hi])):
        return
    if opened == "tr_open" and not any(kind == "tbody_open" for kind, _, _ in stack):
        return
    found[first] = replace(found[first], item=(lo, hi))


def _shape(stack: list[tuple[str, str, int]], list_depth: int) -> tuple[str, str]:
    opened = [kind for kind, _, _ in stack]
    if opened and opened[-1] == "heading_open":
        return "heading", stack[-1][1]
    if "th_open" in opened or "td_open" in opened:
        return "cell", "td"
    if "list_item_open" in opened:
        return "list_item", f"li{list_depth}"
    if "blockquote_open" in opened:
        return "paragraph", "q"
    return "paragraph", "p"


def _last_line(lines: list[str], span: list[int]) -> int:
    """Last non-blank line of a token's line span (markdown-it may count a
    blank line after it)."""
    last = span[1]
    while last > span[0] + 1 and not lines[last - 1].strip():
        last -= 1
    return last
