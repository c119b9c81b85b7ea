"""CSV: one row per finding (``rows.py``), for a spreadsheet or a script.

UTF-8 with a byte-order mark, which spreadsheet programs need to read
accented text as UTF-8 (Python reads it with ``encoding="utf-8-sig"``);
fields quoted where needed, rows ended by CRLF as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io

from ..models import Report
from .outcome import Batch, single
from .rows import header, rows


def render_batch(batch: Batch, color: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(batch))
    writer.writerows(rows(batch))
    return "\ufeff" + buffer.getvalue()


def render(report: Report, color: bool = False) -> str:
    return render_batch(single(report), color)
