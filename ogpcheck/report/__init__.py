"""Report stage: render a Report (or a batch of them) in one of the output
formats. A format is a pair of functions in the two registries below; the
formats read by a person also take a ``Display`` (width, quiet)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import Report
from . import (
    concise_format,
    csv_format,
    github_format,
    html_format,
    json_format,
    sarif_format,
    statistics,
    text_format,
    xlsx_format,
)
from .display import Display
from .outcome import Batch

FORMATS: dict[str, Callable[..., str | bytes]] = {
    "text": text_format.render,
    "concise": concise_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "html": html_format.render,
    "csv": csv_format.render,
    "xlsx": xlsx_format.render,
}

# A batch run (a folder of documents) renders all its reports at once.
BATCH_FORMATS: dict[str, Callable[..., str | bytes]] = {
    "text": text_format.render_batch,
    "concise": concise_format.render_batch,
    "json": json_format.render_batch,
    "sarif": sarif_format.render_batch,
    "github": github_format.render_batch,
    "html": html_format.render_batch,
    "csv": csv_format.render_batch,
    "xlsx": xlsx_format.render_batch,
}

# Formats whose output is not text: written with --output only.
BINARY_FORMATS = {"xlsx"}
DISPLAY_FORMATS = {"text", "concise", "sarif"}  # take a Display (width and quiet; SARIF: the docs address)


def render(target: Report | Batch, format: str, display: Display) -> str | bytes:
    """``target`` in ``format``."""
    function = BATCH_FORMATS[format] if isinstance(target, Batch) else FORMATS[format]
    extra: list[Any] = [display] if format in DISPLAY_FORMATS else []
    return function(target, display.color, *extra)


def render_statistics(target: Report | Batch, format: str) -> str:
    """The counts of findings by rule (``--statistics``): JSON for ``json``,
    a table otherwise."""
    from .outcome import single

    batch = target if isinstance(target, Batch) else single(target)
    return statistics.render_json(batch) if format == "json" else statistics.render_text(batch)
