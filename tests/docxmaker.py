"""Write small Word documents for the tests (python-docx), from the simple
Markdown of the handmade fixtures: ``#`` headings, ``-`` list items, pipe
tables and paragraphs. No DOCX file is committed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import docx


def write_docx(path: Path, markdown: str | Iterable[str]) -> Path:
    """A DOCX holding the Markdown text(s) one after another (several texts:
    the versions of a document in one file)."""
    texts = [markdown] if isinstance(markdown, str) else list(markdown)
    document = docx.Document()
    for text in texts:
        rows: list[list[str]] = []
        for line in [*text.split("\n"), ""]:
            stripped = line.strip()
            if stripped.startswith("|"):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                if not all(set(c) <= set("-: ") for c in cells):
                    rows.append(cells)
                continue
            if rows:
                table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
                for r, cells in enumerate(rows):
                    for c, value in enumerate(cells):
                        table.cell(r, c).text = value
                rows = []
            if stripped.startswith("#"):
                level = len(stripped) - len(stripped.lstrip("#"))
                document.add_heading(stripped.lstrip("#").strip(), level=level)
            elif stripped.startswith("- "):
                document.add_paragraph(stripped[2:], style="List Bullet")
            elif stripped:
                document.add_paragraph(stripped)
    document.save(str(path))
    return path
