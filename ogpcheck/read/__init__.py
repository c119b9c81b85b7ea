"""Read stage: turn an input file into a flat list of blocks.

``read_file`` picks the reader by the file's suffix and first bytes
(``markdown``, ``html``, ``text``, ``pdf``, ``docx``), then applies what every
format shares: inline suppressions, boilerplate removal and table headers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..models import Block
from .boilerplate import clean_blocks
from .bounded import TextPattern
from .docx import is_docx, read_docx
from .encoding import decode
from .limits import MAX_BYTES, read_bytes
from .suppress import apply_directives
from .tables import annotate_tables
from .text import read_text

MARKDOWN_SUFFIXES = {".md", ".mdx", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}

__all__ = ["HTML_SUFFIXES", "MARKDOWN_SUFFIXES", "read_data", "read_file", "read_html", "read_markdown", "read_text"]


def read_markdown(text: str, path: str, mdx: bool = False, notices: list[str] | None = None) -> list[Block]:
    """``markdown.read_markdown``, imported when first used: a plain-text or
    PDF input does not load markdown-it-py."""
    from .markdown import read_markdown as reader

    return reader(text, path, mdx, notices)


def read_html(text: str, path: str) -> list[Block]:
    """``html.read_html``, imported when first used: other inputs do not
    load lxml."""
    from .html import read_html as reader

    return reader(text, path)


def read_file(
    path: Path, patterns: Sequence[TextPattern] = (), max_bytes: int = MAX_BYTES, notices: list[str] | None = None
) -> list[Block]:
    """Read one input file into blocks (Markdown, HTML, plain text, PDF or
    DOCX), with the boilerplate ``patterns`` already cut out of each block's
    text. What the reader had to do that the user should know (text read in
    a simpler way) is appended to ``notices``."""
    return read_data(read_bytes(path, max_bytes), str(path), patterns, max_bytes, notices)


def read_data(
    data: bytes,
    name: str,
    patterns: Sequence[TextPattern] = (),
    max_bytes: int = MAX_BYTES,
    notices: list[str] | None = None,
) -> list[Block]:
    """Blocks of an input held in memory (standard input, a text given to
    the Python API); ``name`` stands for its path, and its suffix picks the
    reader as for a file."""
    path = Path(name)
    if path.suffix.lower() == ".pdf" or data.startswith(b"%PDF-"):
        try:
            from .pdf.reader import read_pdf
        except ImportError:  # an installation without PDF support
            raise InputError(f"{name}: a PDF file, and PDF reading is not available here") from None
        blocks = read_pdf(path, data)
    elif is_docx(path, data):
        blocks = read_docx(path, data, max_bytes)
    else:
        text = decode(data, name)
        suffix = path.suffix.lower()
        if suffix in MARKDOWN_SUFFIXES:
            blocks = read_markdown(text, name, mdx=suffix == ".mdx", notices=notices)
        elif suffix in HTML_SUFFIXES:
            blocks = read_html(text, name)
        else:
            blocks = read_text(text, name, patterns)
    blocks = apply_directives(blocks)
    clean_blocks(blocks, patterns)
    annotate_tables(blocks)
    return blocks
