"""Report stage: render a Report (or a batch of them) in one of the output
formats. A format is a pair of functions in the two registries below; the
formats read by a person also take a ``Display`` (width, quiet). Every
renderer is wrapped by ``safe``: the formats read by people never show a
control character from a document or a file name, and no format carries a
file name's undecodable bytes.

A format's module is imported the first time the format is used: a run
writes one or two formats, and some pull in large libraries (openpyxl for
XLSX, the rule registry for HTML and SARIF), which a check on save should
not pay for."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

from ..models import Report
from .display import Display
from .outcome import Batch
from .safe import for_machines, for_people, for_people_batch

Renderer = Callable[..., str | bytes]

# format -> (module in this package, wrapper for one report, wrapper for a batch)
Wrapper = Callable[[Any], Any]  # safe.for_people and its kin, generic over str and bytes
_MODULES: dict[str, tuple[str, Wrapper, Wrapper]] = {
    "text": ("text_format", for_people, for_people_batch),
    "concise": ("concise_format", for_people, for_people_batch),
    "json": ("json_format", for_machines, for_machines),
    "sarif": ("sarif_format", for_machines, for_machines),
    "github": ("github_format", for_people, for_people_batch),
    "html": ("html_format", for_machines, for_machines),
    "csv": ("csv_format", for_machines, for_machines),
    "xlsx": ("xlsx_format", for_people, for_people_batch),  # a workbook refuses control characters
}


@cache
def _renderer(format: str, batch: bool) -> Renderer:
    module, single_wrapper, batch_wrapper = _MODULES[format]
    loaded = importlib.import_module(f"{__name__}.{module}")
    wrapped: Renderer = batch_wrapper(loaded.render_batch) if batch else single_wrapper(loaded.render)
    return wrapped


class _Registry(Mapping[str, Renderer]):
    """Format names to renderers, each module imported on first use."""

    def __init__(self, batch: bool) -> None:
        self._batch = batch

    def __getitem__(self, format: str) -> Renderer:
        if format not in _MODULES:
            raise KeyError(format)
        return _renderer(format, self._batch)

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATS: Mapping[str, Renderer] = _Registry(batch=False)
# A batch run (a folder of documents) renders all its reports at once.
BATCH_FORMATS: Mapping[str, Renderer] = _Registry(batch=True)

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
    from . import statistics
    from .outcome import single

    batch = target if isinstance(target, Batch) else single(target)
    return statistics.render_json(batch) if format == "json" else statistics.render_text(batch)
