"""Read stage for PDF files (pdfplumber): text in reading order page by page,
paragraphs rebuilt across line breaks, columns and pages, running headers,
footers and page numbers removed, ruled tables read as tables.

Blocks carry their ``page`` (1-based) and ``line``: the number of the line on
that page, counted in reading order (a left column before a right one) with
running headers and footers included. A PDF that cannot be read (damaged,
encrypted, or scanned without a text layer) is an input error, one line.
"""

from __future__ import annotations

import io
from pathlib import Path

from ...errors import InputError
from ...models import Block
from .furniture import mark_furniture
from .inflate import bounded
from .layout import Line, Word, inside, reading_order
from .paragraphs import Item, build_blocks
from .tables import PageTable, find_tables, link_tables


def read_pdf(path: Path, data: bytes) -> list[Block]:
    """Blocks of a PDF file, in reading order."""
    if not data.lstrip().startswith(b"%PDF"):
        raise InputError(f"{path}: not a PDF file (no %PDF header)")
    try:
        with bounded(len(data), str(path)):
            pages, heights, tables = _read_pages(data)
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many kinds on a damaged file
        raise InputError(f"{path}: {_reason(error)}") from None
    if not pages:
        raise InputError(f"{path}: cannot read the PDF, it may be damaged (no page found)")
    if not any(line for lines in pages for line in lines):
        raise InputError(f"{path}: the PDF has no text layer (scanned or image-only; run OCR first)")
    mark_furniture(pages, heights)
    first_is_table = [bool(lines) and _first(lines).table is not None for lines in pages]
    last_is_table = [bool(lines) and _last(lines).table is not None for lines in pages]
    link_tables(tables, first_is_table, last_is_table)
    items: list[Item] = []
    for number, (lines, page_tables) in enumerate(zip(pages, tables, strict=True), 1):
        emitted: set[int] = set()
        for line in lines:
            if line.furniture:
                continue
            if line.table is not None:
                if line.table not in emitted:
                    emitted.add(line.table)
                    items.append(Item(number, table=page_tables[line.table]))
                continue
            items.append(Item(number, line=line))
    return build_blocks(items, dict(enumerate(pages, 1)), str(path))


def _first(lines: list[Line]) -> Line:
    return next((line for line in lines if not line.furniture), lines[0])


def _last(lines: list[Line]) -> Line:
    return next((line for line in reversed(lines) if not line.furniture), lines[-1])


def _read_pages(data: bytes) -> tuple[list[list[Line]], list[float], list[list[PageTable]]]:
    import pdfplumber

    pages: list[list[Line]] = []
    heights: list[float] = []
    tables: list[list[PageTable]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            found = find_tables(page)
            words = [Word.of(raw) for raw in page.extract_words(extra_attrs=["size", "fontname"])]
            for word in words:
                word.in_table = next((i for i, t in enumerate(found) if inside(word, t.bbox)), None)
            pages.append(reading_order(words, float(page.width)))
            heights.append(float(page.height))
            tables.append(found)
            page.flush_cache()
    return pages, heights, tables


def _reason(error: Exception) -> str:
    """Say why, naming the pdfminer error that pdfplumber may wrap."""
    inner = [error, *(a for a in error.args if isinstance(a, Exception)), error.__cause__, error.__context__]
    names = [type(e).__name__ for e in inner if e is not None]
    name = next((n for n in names[1:] if n != "PdfminerException"), names[0])
    if any("Password" in n or "Encrypt" in n for n in names):
        return "the PDF is encrypted (a password is needed to read it)"
    return f"cannot read the PDF, it may be damaged ({name})"
