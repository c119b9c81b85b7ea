"""Bilingual exchange files: XLIFF 1.2 and 2.x, gettext PO and TMX, read with
translate-toolkit.

A translation unit already pairs a source text with its translation (TMX:
with any number of translations), so each unit gives one block per language
and the pairing is kept: the units are what the versions stage joins, not
what the aligner guesses. translate-toolkit parses the files, walks the
units, knows their ids, languages and states; the text of an XML unit is
taken from its element without the native codes an editor never sees
(``<bpt>``, ``<ph>``...), which would otherwise bring in stray numbers
(``<bpt>&lt;font size="12"&gt;</bpt>``).

Where a file marks its structure (XLIFF 1.2 ``restype``: ``heading``,
``listitem``, ``fn`` and ``table`` / ``row`` / ``cell`` groups), blocks get
the kind and the table place Markdown would give them, so table cells are
named by their row and column headers. Every block keeps its unit id and the
line of its source or target element (for PO, of its ``msgid`` or
``msgstr``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Block
from .boilerplate import clean_blocks
from .bounded import TextPattern
from .limits import MAX_BYTES, read_bytes
from .tables import annotate_tables

BILINGUAL_SUFFIXES = {".xlf": "XLIFF", ".xliff": "XLIFF", ".po": "PO", ".tmx": "TMX"}
TARGET = ""  # the key of a translation whose language the file does not declare
NATIVE_CODES = {"bpt", "ept", "ph", "it", "ut"}  # inline markup of the original format, not text
KINDS = {"heading": "heading", "listitem": "list_item", "fn": "footnote"}
_XLIFF_VERSION = re.compile(rb"<xliff\b[^>]*?\bversion\s*=\s*[\"']\s*(\d+)")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Unit:
    """One translation unit: its id, the source block and the translations
    by language (``TARGET`` when the file does not say)."""

    id: str
    source: Block
    targets: dict[str, Block] = field(default_factory=dict)


@dataclass
class UnitFile:
    """What a bilingual file holds: the languages it declares and its units
    in file order; ``untranslated`` counts units with an empty translation."""

    path: str
    format: str
    source_lang: str | None
    units: list[Unit]
    untranslated: int = 0


def is_bilingual(path: Path) -> bool:
    return path.suffix.lower() in BILINGUAL_SUFFIXES


def language_code(tag: str | None) -> str | None:
    """``en`` for ``en``, ``en-US``, ``en_GB``; None for no tag or ``*all*``."""
    found = _LANG.match((tag or "").strip())
    return found.group(1).lower() if found else None


def read_units(path: Path, patterns: Sequence[TextPattern] = (), max_bytes: int = MAX_BYTES) -> UnitFile:
    """Read one bilingual file; an InputError naming it when it is empty, not
    a valid file of its format, or holds no translation."""
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    fmt = BILINGUAL_SUFFIXES[path.suffix.lower()]
    if fmt == "XLIFF":
        version = _XLIFF_VERSION.search(data[:4096])
        fmt = "XLIFF 2" if version is not None and version.group(1) == b"2" else "XLIFF 1.2"
    store = _parse(data, fmt, path)
    source_lang = _source_lang(store, fmt)
    units, source_lang = _units(store, fmt, source_lang, data, str(path))
    if not units:
        raise InputError(f"{path}: no translation unit found in this {fmt} file")
    read = UnitFile(str(path), fmt, source_lang, units)
    read.units = [unit for unit in units if any(b.text.strip() for b in unit.targets.values())]
    read.untranslated = len(units) - len(read.units)
    if not read.units:
        raise InputError(f"{path}: no unit is translated; nothing to compare")
    for blocks in _by_language(read.units):
        clean_blocks(blocks, patterns)
        annotate_tables(blocks)
    return read


def _parse(data: bytes, fmt: str, path: Path) -> Any:
    """The translate-toolkit store of the file."""
    from translate.storage import po, tmx, xliff, xliff2

    parser: Any = {"XLIFF 1.2": xliff.xlifffile, "XLIFF 2": xliff2.Xliff2File, "PO": po.pofile, "TMX": tmx.tmxfile}[fmt]
    try:
        return parser.parsefile(io.BytesIO(data))
    except Exception as error:  # lxml, the PO parser and the store classes raise their own types
        reason = " ".join(str(error).split()) or error.__class__.__name__
        raise InputError(f"{path}: not a valid {fmt} file ({reason[:160]})") from None


def _source_lang(store: Any, fmt: str) -> str | None:
    """The source language the file declares (PO files declare none: the
    run's source language is used)."""
    if fmt == "TMX":
        header = store.document.getroot().find("header")
        return language_code(header.get("srclang") if header is not None else None)
    if fmt == "PO":
        return None
    return language_code(store.getsourcelanguage())


def _by_language(units: list[Unit]) -> list[list[Block]]:
    """Each language's blocks, for the steps every reader applies."""
    out: dict[str, list[Block]] = {"\0source": [u.source for u in units]}
    for unit in units:
        for lang, block in unit.targets.items():
            out.setdefault(lang, []).append(block)
    return list(out.values())


def _units(store: Any, fmt: str, source_lang: str | None, data: bytes, path: str) -> tuple[list[Unit], str | None]:
    """The units, and the source language (a TMX file that declares none,
    ``srclang="*all*"``, has its first variant's)."""
    if fmt == "PO":
        return _po_units(store, data, path), source_lang
    target = language_code(store.gettargetlanguage()) if fmt.startswith("XLIFF") else None
    tables: dict[Any, int] = {}
    out: list[Unit] = []
    for number, unit in enumerate(u for u in store.units if not u.isheader() and u.istranslatable()):
        nodes = unit.getlanguageNodes()
        if not nodes:
            continue
        uid = _unit_id(unit)
        kind, place = _structure(unit.xmlelement, tables) if fmt == "XLIFF 1.2" else ("paragraph", None)
        if fmt == "TMX":
            langs = [language_code(n.get(_XML_LANG) or n.get("lang")) or f"?{i}" for i, n in enumerate(nodes)]
            texts = [_plain(n.find("seg")) if n.find("seg") is not None else "" for n in nodes]
        else:
            langs = ["\0source", target or TARGET]
            texts = [_plain(n) for n in nodes[:2]]
        blocks = [_block(number, kind, place, text, node.sourceline or 1, path, uid) for node, text in zip(nodes, texts)]
        if fmt == "TMX":
            source_lang = source_lang or langs[0]
            if source_lang not in langs:
                continue
            at = langs.index(source_lang)
            found = Unit(uid, blocks[at], {lang: b for lang, b in zip(langs, blocks) if lang != source_lang})
        else:
            found = Unit(uid, blocks[0], {langs[1]: blocks[1]} if len(blocks) > 1 else {})
        out.append(found)
    return out, source_lang


def _unit_id(unit: Any) -> str:
    """The unit's id as its file writes it (translate-toolkit prefixes the
    XLIFF ``<file original>`` to make it unique across files)."""
    uid = str(unit.getid() or "")
    return uid.rsplit("\x04", 1)[-1]


def _block(number: int, kind: str, place: tuple[int, int, int] | None, text: str, line: int, path: str, uid: str) -> Block:
    block = Block(number, kind, text, line, path, unit=uid)
    if place is not None:
        block.table, block.row, block.col = place
    return block


def _plain(node: Any) -> str:
    """The text of a source, target or segment element, without the content
    of native-code elements; the tails after them are kept."""
    parts = [node.text or ""]
    for child in node:
        name = _local(child.tag)
        if name not in NATIVE_CODES:
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _restype(element: Any) -> str:
    return (element.get("restype") or "").lower() if element is not None else ""


def _structure(element: Any, tables: dict[Any, int]) -> tuple[str, tuple[int, int, int] | None]:
    """Kind and table place (table, row, column) of an XLIFF 1.2 unit from
    the ``restype`` of the unit and the groups around it."""
    cell, parent = element, element.getparent()
    if _restype(parent) == "cell":
        cell, parent = parent, parent.getparent()
    if _restype(parent) == "row" or _restype(cell) == "cell":
        row_group = parent if _restype(parent) == "row" else None
        if row_group is not None:
            table = row_group.getparent()
            rows = [g for g in table if _restype(g) == "row"]
            columns = [c for c in row_group if _local(c.tag) in ("trans-unit", "group")]
            number = tables.setdefault(table, len(tables))  # the element itself: a kept key stays the same proxy
            return "cell", (number, rows.index(row_group), columns.index(cell))
    for node in (element, parent):
        kind = KINDS.get(_restype(node))
        if kind is not None:
            return kind, None
    return "paragraph", None


def _po_units(store: Any, data: bytes, path: str) -> list[Unit]:
    """PO entries: the msgid is the source, the msgstr (the first form of a
    plural) the translation; each text keeps the lines of the file it is
    written on (a string continued over several quoted lines)."""
    target = language_code(store.gettargetlanguage()) or TARGET
    lines = data.split(b"\n")
    out: list[Unit] = []
    for number, unit in enumerate(u for u in store.units if not u.isheader() and not u.isobsolete()):
        start = (unit.line_number or 1) - 1
        source_at = _keyword(lines, start, b"msgid ")
        target_at = _keyword(lines, source_at + 1, b"msgstr")
        source = str(unit.source)
        translation = unit.target.strings[0] if unit.hasplural() else str(unit.target or "")
        uid = str(unit.getid() or "").replace("\x04", " | ")  # msgctxt | msgid
        out.append(
            Unit(
                uid,
                _po_block(number, source, lines, source_at, path, uid),
                {target: _po_block(number, translation, lines, target_at, path, uid)},
            )
        )
    return out


def _keyword(lines: list[bytes], start: int, keyword: bytes) -> int:
    """0-based index of the first line from ``start`` that opens with ``keyword``."""
    for number in range(max(0, start), len(lines)):
        if lines[number].lstrip().startswith(keyword):
            return number
    return max(0, start)


_PO_STRING = re.compile(rb'"((?:[^"\\]|\\.)*)"')
_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _po_block(number: int, text: str, lines: list[bytes], at: int, path: str, uid: str) -> Block:
    """A PO string as a block that knows on which line each part of its text
    stands: the quoted pieces on the keyword's line and the lines below."""
    pieces: list[tuple[int, int]] = []  # (offset in the text, 0-based line)
    offset = 0
    for line_no in range(at, len(lines)):
        stripped = lines[line_no].lstrip()
        if line_no > at and not stripped.startswith(b'"'):
            break
        found = _PO_STRING.search(stripped)
        if found is None:
            break
        piece = re.sub(r"\\(.)", lambda m: _PO_ESCAPES.get(m.group(1), m.group(1)), found.group(1).decode("utf-8", "replace"))
        if piece:
            pieces.append((offset, line_no))
            offset += len(piece)
    first = pieces[0][1] + 1 if pieces else at + 1
    block = Block(number, "paragraph", text, first, path, unit=uid)
    if offset == len(text) and len(pieces) > 1:  # the pieces are the text: each keeps its line
        block.line = pieces[0][1] + 1
        block.line_map = [(start, None, line + 1) for start, line in pieces[1:]]
    return block
