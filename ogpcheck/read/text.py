"""Plain text: paragraphs separated by blank lines, or one per line when the
file is a web dump with no blank lines. Tables flattened to one cell per
line with ``|`` lines between cells are read as tables."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..models import Block
from .boilerplate import clean
from .bounded import TextPattern
from .kinds import LIST_MARKER, text_kind

MAX_CELL_LINES = 6
MAX_CELL_CHARS = 160


def _is_bar(line: str) -> bool:
    return line.strip() == "|"


def read_text(text: str, path: str, patterns: Sequence[TextPattern] = ()) -> list[Block]:
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
            blocks.append(Block(len(blocks), text_kind(line), line, first + offset, path))
    else:
        for para_first, para in _paragraphs(first, seg_lines):
            blocks.append(Block(len(blocks), text_kind(para), para, para_first, path))


def _cell_segments(
    segments: list[tuple[int, list[str], bool]], patterns: Sequence[TextPattern], one_per_line: bool
) -> set[tuple[int, int]]:
    """(first line, line count) of the segments that are table cells: short
    runs ended by a ``|`` line; inside a table, also a single long line (a
    cell listing many themes); and, in a one-line-per-paragraph dump, the last
    short line of a paragraph run that a table follows (its first cell)."""
    cells: set[tuple[int, int]] = set()
    previous = False
    for first, seg_lines, ended_by_bar in segments:
        is_cell = ended_by_bar and (
            not seg_lines
            or (len(seg_lines) <= MAX_CELL_LINES and (_short(seg_lines, patterns) or (previous and len(seg_lines) == 1)))
        )
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


def _short(lines: list[str], patterns: Sequence[TextPattern]) -> bool:
    """Whether every line is a cell's length once boilerplate is cut (which
    only shortens: a line short as it stands is not cleaned to know)."""
    return all(len(line) <= MAX_CELL_CHARS or len(clean(line, patterns)[0]) <= MAX_CELL_CHARS for line in lines)


def _paragraphs(first: int, seg_lines: list[str]) -> list[tuple[int, str]]:
    """Split a blank-line paragraph further where list items start."""
    out: list[tuple[int, list[str]]] = []
    for offset, line in enumerate(seg_lines):
        if not out or LIST_MARKER.match(line):
            out.append((first + offset, [line]))
        else:
            out[-1][1].append(line)
    return [(number, "\n".join(chunk)) for number, chunk in out]
