"""Build small report PDFs with fpdf2 for the PDF tests and benchmark: a
running header and footer with page numbers, headings, wrapped paragraphs,
bulleted lists, ruled tables (one may cross a page break) and two-column
pages. Text stays within Latin-1, which the core PDF fonts can show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF


@dataclass
class Part:
    """One piece of a document: ``kind`` is heading, paragraph, list, table,
    columns (two paragraphs side by side, ``items[0]`` on the left) or page
    (a page break)."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _Report(FPDF):
    def __init__(self, running: str) -> None:
        super().__init__(format="A4")
        self.running = running
        self.set_auto_page_break(auto=True, margin=20)

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, self.running, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, str(self.page_no()), align="C")


def build_pdf(path: Path, parts: list[Part], running: str = "Annual report 2020") -> Path:
    """Write ``parts`` as a PDF at ``path``."""
    pdf = _Report(running)
    pdf.add_page()
    for part in parts:
        if part.kind == "page":
            pdf.add_page()
        elif part.kind == "heading":
            pdf.set_font("Helvetica", style="B", size=15)
            pdf.multi_cell(0, 8, part.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif part.kind == "paragraph":
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 5.5, part.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif part.kind == "list":
            pdf.set_font("Helvetica", size=11)
            for item in part.items:
                pdf.multi_cell(0, 5.5, "- " + item, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif part.kind == "table":
            pdf.set_font("Helvetica", size=10)
            with pdf.table(first_row_as_headings=True, repeat_headings=1, line_height=6) as table:
                for values in part.rows:
                    row = table.row()
                    for value in values:
                        row.cell(value)
            pdf.ln(4)
        elif part.kind == "columns":
            _columns(pdf, part.items[0], part.items[1])
    pdf.output(str(path))
    return path


def _columns(pdf: FPDF, left: str, right: str) -> None:
    """Two texts side by side from the same height, then below the longer."""
    pdf.set_font("Helvetica", size=11)
    gutter = 10.0
    width = (pdf.epw - gutter) / 2
    top = pdf.get_y()
    pdf.multi_cell(width, 5.5, left, new_x="LMARGIN", new_y="NEXT")
    left_end = pdf.get_y()
    pdf.set_xy(pdf.l_margin + width + gutter, top)
    pdf.multi_cell(width, 5.5, right, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(left_end, pdf.get_y()) + 3)
