"""Read stage: turn an input file into a flat list of blocks.

Markdown is parsed with markdown-it-py; plain text is read as paragraphs, one
per line when the file is a web dump with no blank lines. Tables flattened to
one cell per line with ``|`` lines between cells are read as tables.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .boilerplate import clean, clean_blocks
from .encoding import decode
from .errors import InputError
from .limits import MAX_BYTES, read_bytes
from .models import Block
from .structure.tables import annotate_tables
from .suppress import apply_directives, parse_html

MARKDOWN_SUFFIXES = {".md", ".mdx", ".markdown"}
LIST_MARKER = re.compile(r"^\s*(?:[-*•●▪◦]\s+|\d{1,2}[.)]\s+|\(?[ivx]{1,4}\)\s+)")
JSX_LINE = re.compile(r"^[ \t]*</?[A-Z][\w.]*(?:\s[^<>]*)?/?>[ \t]*$", re.MULTILINE)
MAX_CELL_LINES = 6
MAX_CELL_CHARS = 160
FRONT_MATTER_KEYS = ("title", "description")


def read_file(path: Path, patterns: Sequence[re.Pattern[str]] = (), max_bytes: int = MAX_BYTES) -> list[Block]:
    """Read one input file into blocks (markdown, plain text or PDF), with
    the boilerplate ``patterns`` already cut out of each block's text."""
    data = read_bytes(path, max_bytes)
    if path.suffix.lower() == ".pdf" or data.startswith(b"%PDF-"):
        try:
            from .read_pdf import read_pdf
        except ImportError:  # an installation without PDF support
            raise InputError(f"{path}: a PDF file, and PDF reading is not available here") from None
        blocks = read_pdf(path, data)
    else:
        text = decode(data, str(path))
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            blocks = read_markdown(JSX_LINE.sub("", text), str(path))
        else:
            blocks = read_text(text, str(path), patterns)
    blocks = apply_directives(blocks)
    clean_blocks(blocks, patterns)
    annotate_tables(blocks)
    return blocks


# -- plain text ---------------------------------------------------------------


def _is_bar(line: str) -> bool:
    return line.strip() == "|"


def read_text(text: str, path: str, patterns: Sequence[re.Pattern[str]] = ()) -> list[Block]:
    """Plain text: paragraphs separated by blank lines, or one per line when
    the file has (almost) no blank lines; ``|`` lines delimit table cells."""
    lines = text.split("\n")
    nonblank = sum(1 for line in lines if line.strip())
    blank_runs = sum(1 for i, line in enumerate(lines[1:], 1) if not line.strip() and lines[i - 1].strip())
    one_per_line = blank_runs < max(2, nonblank // 20)

    # Gather segments: runs of lines between bar lines or blank lines.
    segments: list[tuple[int, list[str], bool]] = []  # (first line no, lines, ended by bar)
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, 1):
        if _is_bar(line) or not line.strip():
            if current or _is_bar(line):
                segments.append((start, current, _is_bar(line)))
            current = []
            start = number + 1
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        segments.append((start, current, False))

    cells = _cell_segments(segments, patterns, one_per_line)
    blocks: list[Block] = []
    table_id = -1
    cell_no = 0
    in_table = False
    for first, seg_lines, _ in segments:
        is_cell = (first, len(seg_lines)) in cells
        if not is_cell and (first + len(seg_lines) - 1, 1) in cells:
            # The first cell of a table glued to the paragraphs before it.
            seg_lines, cell_line = seg_lines[:-1], seg_lines[-1]
            _text_blocks(blocks, first, seg_lines, one_per_line, path)
            first, seg_lines, is_cell, in_table = first + len(seg_lines), [cell_line], True, False
        if is_cell:
            if not in_table:
                table_id += 1
                cell_no = 0
                in_table = True
            blocks.append(
                Block(len(blocks), "cell", "\n".join(seg_lines), first, path, table=table_id, col=cell_no)
            )
            cell_no += 1
            continue
        _text_blocks(blocks, first, seg_lines, one_per_line, path)
        in_table = False
    return blocks


def _text_blocks(blocks: list[Block], first: int, seg_lines: list[str], one_per_line: bool, path: str) -> None:
    if one_per_line:
        for offset, line in enumerate(seg_lines):
            blocks.append(Block(len(blocks), _text_kind(line), line, first + offset, path))
    else:
        for para_first, para in _paragraphs(first, seg_lines):
            blocks.append(Block(len(blocks), _text_kind(para), para, para_first, path))


def _cell_segments(
    segments: list[tuple[int, list[str], bool]], patterns: Sequence[re.Pattern[str]], one_per_line: bool
) -> set[tuple[int, int]]:
    """(first line, line count) of the segments that are table cells: short
    runs ended by a ``|`` line; inside a table, also a single long line (a
    cell listing many themes); and, in a one-line-per-paragraph dump, the last
    short line of a paragraph run that a table follows (its first cell)."""
    cells: set[tuple[int, int]] = set()
    previous = False
    for first, seg_lines, ended_by_bar in segments:
        short = all(len(clean(line, patterns)[0]) <= MAX_CELL_CHARS for line in seg_lines)
        is_cell = ended_by_bar and (not seg_lines or (len(seg_lines) <= MAX_CELL_LINES and (short or (previous and len(seg_lines) == 1))))
        if is_cell:
            cells.add((first, len(seg_lines)))
        previous = is_cell
    for (first, seg_lines, ended_by_bar), (next_first, next_lines, _) in itertools.pairwise(segments):
        last = first + len(seg_lines) - 1
        if (
            one_per_line
            and ended_by_bar
            and len(seg_lines) > 1
            and (first, len(seg_lines)) not in cells
            and (next_first, len(next_lines)) in cells
            and len(clean(seg_lines[-1], patterns)[0]) <= MAX_CELL_CHARS // 4
        ):
            cells.add((last, 1))
    return cells


def _paragraphs(first: int, seg_lines: list[str]) -> list[tuple[int, str]]:
    """Split a blank-line paragraph further where list items start."""
    out: list[tuple[int, list[str]]] = []
    for offset, line in enumerate(seg_lines):
        if not out or LIST_MARKER.match(line):
            out.append((first + offset, [line]))
        else:
            out[-1][1].append(line)
    return [(number, "\n".join(chunk)) for number, chunk in out]


def _text_kind(text: str) -> str:
    if re.match(r"^\s*\[(?:\d{1,3}|[ivxlc]{1,6})\]", text):
        return "footnote"
    if LIST_MARKER.match(text):
        return "list_item"
    return "paragraph"


# -- markdown -----------------------------------------------------------------

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
    if re.match(r"^\s*\[\^?\w{1,6}\]:", content):
        return "footnote"
    return "paragraph"
