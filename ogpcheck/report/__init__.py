"""Report stage: render a Report in one of the output formats."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Report
from . import json_format, text_format

FORMATS: dict[str, Callable[[Report, bool], str]] = {
    "text": text_format.render,
    "json": json_format.render,
}
