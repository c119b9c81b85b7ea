"""Report stage: render a Report in one of the output formats."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Report
from . import csv_format, github_format, html_format, json_format, sarif_format, text_format, xlsx_format
from .outcome import Batch

FORMATS: dict[str, Callable[[Report, bool], str | bytes]] = {
    "text": text_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "html": html_format.render,
    "csv": csv_format.render,
    "xlsx": xlsx_format.render,
}

# A batch run (a folder of documents) renders all its reports at once.
BATCH_FORMATS: dict[str, Callable[[Batch, bool], str | bytes]] = {
    "text": text_format.render_batch,
    "json": json_format.render_batch,
    "sarif": sarif_format.render_batch,
    "github": github_format.render_batch,
    "html": html_format.render_batch,
    "csv": csv_format.render_batch,
    "xlsx": xlsx_format.render_batch,
}

# Formats whose output is not text: written with --output only.
BINARY_FORMATS = {"xlsx"}
