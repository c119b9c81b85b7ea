"""Report stage: render a Report (or a batch of them) in one of the output
formats. A format is a pair of functions in the two registries below; the
formats read by a person also take a ``Display`` (width, quiet). Every
renderer is wrapped by ``safe``: the formats read by people never show a
control character from a document or a file name, and no format carries a
file name's undecodable bytes."""

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
from .safe import for_machines, for_people, for_people_batch

FORMATS: dict[str, Callable[..., str | bytes]] = {
    "text": for_people(text_format.render),
    "concise": for_people(concise_format.render),
    "json": for_machines(json_format.render),
    "sarif": for_machines(sarif_format.render),
    "github": for_people(github_format.render),
    "html": for_machines(html_format.render),
    "csv": for_machines(csv_format.render),
    "xlsx": for_people(xlsx_format.render),  # a workbook refuses control characters
}

# A batch run (a folder of documents) renders all its reports at once.
BATCH_FORMATS: dict[str, Callable[..., str | bytes]] = {
    "text": for_people_batch(text_format.render_batch),
    "concise": for_people_batch(concise_format.render_batch),
    "json": for_machines(json_format.render_batch),
    "sarif": for_machines(sarif_format.render_batch),
    "github": for_people_batch(github_format.render_batch),
    "html": for_machines(html_format.render_batch),
    "csv": for_machines(csv_format.render_batch),
    "xlsx": for_people_batch(xlsx_format.render_batch),
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
