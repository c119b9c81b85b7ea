"""Word documents (DOCX) through python-docx: paragraphs, headings, list
items and table cells in body order.

A Word file has no lines, so a block's ``line`` is its paragraph number:
every paragraph of the body counts, in reading order, the paragraphs inside
table cells included (Word's own ``Paragraphs(n)``). Headings are told by
their style (``Heading 1``, ``Title``), list items by a list style or their
numbering; a table keeps its rows and columns (a merged cell counts once, at
its first place), so its cells are named by their row and column headers as
in Markdown.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Block

MAX_EXPANSION = 20  # a DOCX is compressed XML; more than this many times its size unpacked is refused


def is_docx(path: Path, data: bytes) -> bool:
    return path.suffix.lower() == ".docx" or (data.startswith(b"PK\x03\x04") and b"word/document.xml" in data[:65536])


def read_docx(path: Path, data: bytes, max_bytes: int) -> list[Block]:
    """The blocks of a DOCX file; an InputError when it is not one."""
    _check_archive(path, data, max_bytes)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        blocks: list[Block] = []
        reader = _Reader(str(path), blocks)
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                reader.paragraph(Paragraph(child, document))
            elif tag == "tbl":
                reader.table(Table(child, document))
    except InputError:
        raise
    except Exception as error:  # python-docx and lxml raise many types on a damaged file
        reason = " ".join(str(error).split()) or error.__class__.__name__
        raise InputError(f"{path}: not a valid DOCX file ({reason[:160]})") from None
    for index, block in enumerate(blocks):
        block.index = index
    return blocks


def _check_archive(path: Path, data: bytes, max_bytes: int) -> None:
    """Refuse what is not a ZIP archive holding a Word document, and an
    archive that would unpack to much more than the size limit."""
    import zipfile  # here: a run without a DOCX file does not need it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a valid DOCX file (not a ZIP archive)") from None
    if "word/document.xml" not in names:
        raise InputError(f"{path}: a ZIP archive without a Word document (word/document.xml)")
    if unpacked > MAX_EXPANSION * max_bytes:
        raise InputError(f"{path}: unpacks to {unpacked} bytes, more than {MAX_EXPANSION} times the size limit")


class _Reader:
    """Turns paragraphs and tables into blocks, counting paragraphs."""

    def __init__(self, path: str, blocks: list[Block]) -> None:
        self.path, self.blocks = path, blocks
        self.number = 0  # paragraphs seen
        self.tables = 0

    def paragraph(self, paragraph: Any) -> None:
        self.number += 1
        text = paragraph.text
        if text.strip():
            self.blocks.append(Block(0, _kind(paragraph), text, self.number, self.path))

    def table(self, table: Any) -> None:
        number = self.tables
        self.tables += 1
        seen: set[Any] = set()  # cell elements (kept alive, so each is the same proxy object)
        for row_no, row in enumerate(table.rows):
            col_no = 0
            for cell in row.cells:
                if cell._tc in seen:  # a merged cell repeats: keep its first place
                    col_no += 1
                    continue
                seen.add(cell._tc)
                first = self.number + 1
                texts = []
                for paragraph in cell.paragraphs:
                    self.number += 1
                    texts.append(paragraph.text)
                for inner in cell.tables:  # a table in a cell: its paragraphs count, its text joins the cell
                    for inner_row in inner.rows:
                        for inner_cell in inner_row.cells:
                            self.number += len(inner_cell.paragraphs)
                            texts.append(inner_cell.text)
                text = "\n".join(t for t in texts if t.strip())
                if text.strip():
                    block = Block(0, "cell", text, first, self.path)
                    block.table, block.row, block.col = number, row_no, col_no
                    self.blocks.append(block)
                col_no += 1


def _kind(paragraph: Any) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lowered = style.lower()
    if lowered.startswith(("heading", "title")):
        return "heading"
    if lowered.startswith("list") or (paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None):
        return "list_item"
    return "paragraph"
