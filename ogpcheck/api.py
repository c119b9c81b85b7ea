"""The Python API: check documents from a program and get the report
objects (``Report``, ``Finding``, ``Location``) that every output format is
made from.

``check`` runs exactly what the command line runs (configuration found above
the first input, the cache, baselines, ``min-severity``), with the settings
of ``Options`` as keyword arguments (``langs=["en", "fr"]``,
``select=["NUM"]``, ``fail_on="warning"``). Bad input raises
``ogpcheck.errors.InputError`` with the one-line message the command line
prints.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .app.pipeline import Source
from .app.run import Outcome, execute, settings_for
from .errors import InputError
from .models import Finding, Location, Report, Severity, Version

__all__ = ["Finding", "InputError", "Location", "Outcome", "Report", "Severity", "Version", "check"]


def check(
    *paths: str | os.PathLike[str],
    texts: str | Mapping[str, str] | None = None,
    name: str = "document.md",
    batch: bool = False,
    config: str | os.PathLike[str] | None = None,
    isolated: bool = False,
    **settings: Any,
) -> Outcome:
    """Check one document, or every document of the folders given.

    ``paths``: the files of one document, any one of its files, or folders
    (a batch, as ``--batch`` with ``batch=True``). ``texts`` instead of
    paths: one text holding every version, or a text per language
    (``{"en": ..., "fr": ...}``); ``name`` stands for their path, and its
    suffix picks the reader (``.md`` Markdown, ``.txt`` plain text).
    ``settings``: ``Options`` fields. Returns the ``Outcome``: ``reports``
    and ``findings``, ``exit_code()`` and ``render(format=...)``.
    """
    if texts is not None and paths:
        raise InputError("give paths or texts, not both")
    if texts is None and not paths:
        raise InputError("no input given")
    given = {key: (value.split(",") if key == "langs" and isinstance(value, str) else value) for key, value in settings.items()}
    files = [Path(p) for p in paths]
    options = settings_for(files, given, Path(config) if config is not None else None, isolated)
    if texts is None:
        return execute(files, options, batch=batch)
    return execute([], options, sources=_sources(texts, name))


def _sources(texts: str | Mapping[str, str], name: str) -> list[Source]:
    if isinstance(texts, str):
        return [Source(name, texts.encode("utf-8"))]
    stem, suffix = os.path.splitext(name)
    return [Source(f"{stem}.{lang}{suffix}", text.encode("utf-8"), lang) for lang, text in texts.items()]
