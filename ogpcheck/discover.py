"""Find the language versions of a document among the input paths.

Conventions (all documented in the README):

* ``report.md`` with ``report.es.md`` and ``report.fr.md`` beside it;
* ``en/report.md`` with ``es/report.md`` and ``fr/report.md`` (sibling folders);
* an explicit list of files, each one version;
* a single file with no siblings holds all versions one after another.

A file's language comes from its name (``.es.`` infix) or folder (``es/``);
otherwise it is identified from its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

_INFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2}(?:[-_][A-Za-z]{2})?)$")
DOCUMENT_SUFFIXES = {".md", ".mdx", ".markdown", ".txt", ".text", ".pdf"}


@dataclass(frozen=True)
class Input:
    """One input file and the language its name declares, if any."""

    path: Path
    lang: str | None


def declared_lang(path: Path, langs: Sequence[str]) -> str | None:
    """The language a path declares by ``name.xx.ext`` or an ``xx/`` folder."""
    found = _INFIX.match(path.stem)
    if found and found.group("lang")[:2].lower() in langs:
        return found.group("lang")[:2].lower()
    if path.parent.name.lower() in langs:
        return path.parent.name.lower()
    return None


def siblings(path: Path, langs: Sequence[str]) -> list[Input]:
    """The other language versions of ``path`` by the naming conventions."""
    found: list[Input] = []
    own = declared_lang(path, langs)
    infix = _INFIX.match(path.stem)
    stem = infix.group("stem") if infix and own else path.stem
    if own is not None and path.parent.name.lower() == own:
        root = path.parent.parent
        for lang in langs:
            candidate = root / lang / path.name
            if lang != own and candidate.is_file():
                found.append(Input(candidate, lang))
        return found
    for lang in langs:
        candidate = path.with_name(f"{stem}.{lang}{path.suffix}")
        if lang != own and candidate.is_file() and candidate != path:
            found.append(Input(candidate, lang))
    for lang in langs:  # en/report.md beside a report.md given from the root
        candidate = path.parent / lang / path.name
        if candidate.is_file():
            found.append(Input(candidate, lang))
    return found


def resolve(paths: Sequence[Path], langs: Sequence[str]) -> list[Input]:
    """The inputs of one document: the given files, plus siblings when only
    one file is given. The first given file comes first."""
    if not paths:
        raise InputError("no input file given")
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if path.is_dir():
            raise InputError(f"{path}: is a directory; give the document's files")
    if len(paths) > 1:
        return [Input(p, declared_lang(p, langs)) for p in paths]
    first = paths[0]
    own = declared_lang(first, langs)
    others = siblings(first, langs)
    if not others:
        return [Input(first, own)]
    if own is None:
        taken = {i.lang for i in others}
        free = [lang for lang in langs if lang not in taken]
        own = free[0] if len(free) == 1 else None
    return [Input(first, own), *others]
