"""Report stage: render a Report in one of the output formats.

Every renderer is wrapped by ``safe``: the formats read by people never show
a control character from a document or a file name, and no format carries a
file name's undecodable bytes."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Report
from . import csv_format, github_format, html_format, json_format, sarif_format, text_format, xlsx_format
from .outcome import Batch
from .safe import for_machines, for_people, for_people_batch

FORMATS: dict[str, Callable[[Report, bool], str | bytes]] = {
    "text": for_people(text_format.render),
    "json": for_machines(json_format.render),
    "sarif": for_machines(sarif_format.render),
    "github": for_people(github_format.render),
    "html": for_machines(html_format.render),
    "csv": for_machines(csv_format.render),
    "xlsx": for_people(xlsx_format.render),  # a workbook refuses control characters
}

# A batch run (a folder of documents) renders all its reports at once.
BATCH_FORMATS: dict[str, Callable[[Batch, bool], str | bytes]] = {
    "text": for_people_batch(text_format.render_batch),
    "json": for_machines(json_format.render_batch),
    "sarif": for_machines(sarif_format.render_batch),
    "github": for_people_batch(github_format.render_batch),
    "html": for_machines(html_format.render_batch),
    "csv": for_machines(csv_format.render_batch),
    "xlsx": for_people_batch(xlsx_format.render_batch),
}

# Formats whose output is not text: written with --output only.
BINARY_FORMATS = {"xlsx"}
