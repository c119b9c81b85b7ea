"""Report stage: render a Report in one of the output formats."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Report
from . import github_format, html_format, json_format, sarif_format, text_format
from .outcome import Batch

FORMATS: dict[str, Callable[[Report, bool], str]] = {
    "text": text_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "html": html_format.render,
}

# A batch run (a folder of documents) renders all its reports at once.
BATCH_FORMATS: dict[str, Callable[[Batch, bool], str]] = {
    "text": text_format.render_batch,
    "json": json_format.render_batch,
    "sarif": sarif_format.render_batch,
    "github": github_format.render_batch,
    "html": html_format.render_batch,
}
