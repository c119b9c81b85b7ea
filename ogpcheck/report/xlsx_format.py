"""XLSX (openpyxl): the rows of the CSV report in a workbook a translator
filters and annotates: the header row frozen, filters on every column,
column widths set to their content, long texts wrapped.

The same findings give the same bytes: the workbook's dates and the
archive's timestamps are fixed (the report says what was found, not when).
"""

from __future__ import annotations

import datetime
import io
import zipfile

from ..models import Report
from .outcome import Batch, single
from .rows import header, rows

WIDEST = 60  # characters; longer texts wrap
FIXED_TIME = datetime.datetime(2000, 1, 1)


def render_batch(batch: Batch, color: bool = False) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "findings"
    columns = header(batch)
    sheet.append(columns)
    for row in rows(batch):
        sheet.append([_cell(value) for value in row])
    widths = [len(name) for name in columns]
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            longest = max((len(line) for line in str(cell.value or "").split("\n")), default=0)
            widths[cell.column - 1] = max(widths[cell.column - 1], min(longest, WIDEST))
            if longest > WIDEST:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for number, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(number)].width = width + 2
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    workbook.properties.creator = "ogpcheck"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_timestamps(buffer.getvalue())


def _cell(value: str | int) -> str | int:
    """Text that a spreadsheet would take for a formula is kept as text."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    return value


def _fixed_timestamps(data: bytes) -> bytes:
    """The archive rewritten with every entry dated alike."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render(report: Report, color: bool = False) -> bytes:
    return render_batch(single(report), color)
