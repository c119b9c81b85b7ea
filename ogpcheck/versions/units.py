"""Versions and groups of bilingual files: the units are the alignment.

One bilingual file holds two versions (source and translation; a TMX file
may hold more). Several files with the same source (``x.es.po`` and
``x.fr.po``, or ``es/x.xlf`` and ``fr/x.xlf``) are one document with three
or more versions: their units are joined by unit id, or by source text where
the ids differ (files written by different tools), so each group holds the
source and every translation of one unit, and the majority vote works as for
any document. The source version is read from the first file; a unit only
later files hold is added after the others.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..models import Block, Document, Group, Version
from ..read.bilingual import TARGET, Unit, UnitFile
from .split import whole_file_language


def join(
    files: Sequence[UnitFile], declared: Sequence[str | None], langs: Sequence[str], source_lang: str | None = None
) -> Document:
    """The document of one or more bilingual files. ``declared`` gives the
    language each file's path declares (``x.fr.po``, ``fr/x.xlf``), used for
    a translation whose file does not say its language."""
    source = _source_language(files, source_lang or langs[0])
    keyed: dict[str, int] = {}  # unit id -> group
    by_text: dict[str, list[int]] = {}  # source text -> groups, for ids that do not match
    members: list[dict[str, Block]] = []
    ids: list[str] = []  # version ids, source first
    notices: list[str] = []
    for number, (unit_file, path_lang) in enumerate(zip(files, declared, strict=True)):
        names = _version_ids(unit_file, path_lang, langs, ids, source)
        taken: set[int] = set()
        for unit in unit_file.units:
            at = _find(unit, keyed, by_text, taken) if number else None
            if at is None:
                at = len(members)
                members.append({source: unit.source})
                keyed.setdefault(unit.id, at)
                by_text.setdefault(_key(unit.source.text), []).append(at)
            taken.add(at)
            for lang, block in unit.targets.items():
                members[at][names[lang]] = block
        if unit_file.untranslated:
            notices.append(f"{unit_file.path}: {unit_file.untranslated} unit(s) not translated; not checked")
    versions = [Version(vid, vid.split(".")[0], _path_of(vid, members, files), []) for vid in ids]
    for group in members:
        for version in versions:
            if version.id in group:
                version.blocks.append(group[version.id])
    numbers: dict[str, int] = {}  # a block is known by (path, index): number each file's blocks once
    for version in versions:
        for block in version.blocks:
            block.index = numbers.get(block.path, 0)
            numbers[block.path] = block.index + 1
    groups = [Group(i, {v.id: group[v.id] for v in versions if v.id in group}, 1.0) for i, group in enumerate(members)]
    return Document(versions, notices=notices, groups=groups)


def _source_language(files: Sequence[UnitFile], default: str) -> str:
    """The one source language of the files (a file that declares none, such
    as a PO file, has the run's source language)."""
    found = {unit_file.path: unit_file.source_lang or default for unit_file in files}
    first = next(iter(found.values()))
    for path, lang in found.items():
        if lang != first:
            raise InputError(
                f"{path}: its source is in {lang}, the source of {files[0].path} in {first}; give files with the same source"
            )
    return first


def _version_ids(
    unit_file: UnitFile, path_lang: str | None, langs: Sequence[str], ids: list[str], source: str
) -> dict[str, str]:
    """The version id of each translation of a file (``fr``, or ``fr.2`` for
    a second file in French); adds them to ``ids``."""
    if not ids:
        ids.append(source)
    out: dict[str, str] = {}
    for lang in sorted({lang for unit in unit_file.units for lang in unit.targets}):
        real = lang
        if lang == TARGET:
            real = path_lang or _identify(unit_file, langs)
        count = sum(1 for vid in ids if vid.split(".")[0] == real)
        vid = real if count == 0 else f"{real}.{count + 1}"
        ids.append(vid)
        out[lang] = vid
    return out


def _identify(unit_file: UnitFile, langs: Sequence[str]) -> str:
    """The language of translations the file does not label, from their text."""
    blocks = [b for unit in unit_file.units for b in unit.targets.values()]
    return whole_file_language(blocks, langs, unit_file.path)


def _find(unit: Unit, keyed: dict[str, int], by_text: dict[str, list[int]], taken: set[int]) -> int | None:
    """The group of the first file that holds the same unit: the same id,
    else the first group not yet matched with the same source text."""
    at = keyed.get(unit.id)
    if at is not None and at not in taken:
        return at
    return next((g for g in by_text.get(_key(unit.source.text), []) if g not in taken), None)


def _key(text: str) -> str:
    return " ".join(text.split())


def _path_of(vid: str, members: list[dict[str, Block]], files: Sequence[UnitFile]) -> str:
    """The file a version is read from (the source: the first file)."""
    return next((group[vid].path for group in members if vid in group), files[0].path)
