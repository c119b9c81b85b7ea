"""Gold alignment of two versions, derived from their Markdown skeletons.

Human translations of documentation keep the structure: the same headings,
paragraphs, list items and code blocks in the same order. Where two versions
have the same skeleton throughout, their units pair by position. Where they
do not (a sentence split into two paragraphs, a note added), the document is
cut into sections at headings, sections are matched (by position when
both versions have as many, else with difflib by their skeleton), and only
sections whose skeletons are identical are paired; the
rest gets no gold (it is left out of the measure, never guessed). A matched
pair of sections is refused when their anchors (inline code and link
targets, which translators keep; the ``/es/`` segment of a link path is
ignored) have little in common, or when a pair of units differs grossly in
length (a split and a merge that cancel out).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from .units import Unit

MAX_LENGTH_RATIO = 2.5  # translations run 0.8-1.3x; beyond this a pair is suspect
MIN_LETTERS = 30  # below this, length says nothing
MIN_SHARED_ANCHORS = 0.5  # share of anchors two matched sections must have in common
_LETTER = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"`[^`\n]+`")
_TARGET = re.compile(r"\]\(([^)\s]+)")
_LANG_SEGMENT = re.compile(r"/(?:en|es|fr)(?=/)")


def _sections(units: Sequence[Unit]) -> list[list[Unit]]:
    """Runs of units, each opened by a heading (the first may have none)."""
    sections: list[list[Unit]] = [[]]
    for unit in units:
        if unit.kind == "heading":
            sections.append([])
        sections[-1].append(unit)
    return [s for s in sections if s]


def _signature(section: Sequence[Unit]) -> tuple[str, ...]:
    return tuple(unit.shape for unit in section)


def _anchors(section: Sequence[Unit], lines: Sequence[str]) -> set[str]:
    """Inline code and link targets in a section's text."""
    text = "\n".join(lines[section[0].line - 1 : section[-1].end])
    anchors = {m.group() for m in _CODE.finditer(text)}
    anchors.update(_LANG_SEGMENT.sub("/", m.group(1)) for m in _TARGET.finditer(text))
    return anchors


def _same_anchors(a: set[str], b: set[str]) -> bool:
    return not (a or b) or len(a & b) >= MIN_SHARED_ANCHORS * len(a | b)


def _letters(lines: Sequence[str], unit: Unit) -> int:
    return len(_LETTER.findall("\n".join(lines[unit.line - 1 : unit.end])))


def _plausible(pairs: list[tuple[Unit, Unit]], lines_a: Sequence[str], lines_b: Sequence[str]) -> bool:
    for a, b in pairs:
        if not (a.is_text and b.is_text):
            continue
        na, nb = _letters(lines_a, a), _letters(lines_b, b)
        if min(na, nb) >= MIN_LETTERS and max(na, nb) > MAX_LENGTH_RATIO * min(na, nb):
            return False
    return True


def gold_pairs(units_a: Sequence[Unit], text_a: str, units_b: Sequence[Unit], text_b: str) -> dict[int, int]:
    """Unit index in a -> unit index in b, for text units whose pairing the
    skeletons make certain."""
    lines_a, lines_b = text_a.split("\n"), text_b.split("\n")
    if [u.shape for u in units_a] == [u.shape for u in units_b]:
        return {a.index: b.index for a, b in zip(units_a, units_b) if a.is_text}
    secs_a, secs_b = _sections(units_a), _sections(units_b)
    pairs: dict[int, int] = {}
    for i, j in _section_pairs(secs_a, secs_b):
        sec_a, sec_b = secs_a[i], secs_b[j]
        if _signature(sec_a) != _signature(sec_b):
            continue
        section = list(zip(sec_a, sec_b))
        if _same_anchors(_anchors(sec_a, lines_a), _anchors(sec_b, lines_b)) and _plausible(section, lines_a, lines_b):
            pairs.update({a.index: b.index for a, b in section if a.is_text and b.is_text})
    return pairs


def _section_pairs(secs_a: list[list[Unit]], secs_b: list[list[Unit]]) -> list[tuple[int, int]]:
    """Sections that stand for each other: by position when both versions
    have as many (headings are seldom added or dropped), else the runs of
    identical skeletons that difflib finds."""
    if len(secs_a) == len(secs_b):
        return [(k, k) for k in range(len(secs_a))]
    matcher = difflib.SequenceMatcher(
        None, [_signature(s) for s in secs_a], [_signature(s) for s in secs_b], autojunk=False
    )
    return [(i1 + k, j1 + k) for tag, i1, i2, j1, _ in matcher.get_opcodes() if tag == "equal" for k in range(i2 - i1)]


def gold_triples(units: dict[str, Sequence[Unit]], texts: dict[str, str], pivot: str = "en") -> list[dict[str, Unit]]:
    """Unit triples (one unit per version) that are gold-aligned through ``pivot``."""
    others = [lang for lang in units if lang != pivot]
    links = {lang: gold_pairs(units[pivot], texts[pivot], units[lang], texts[lang]) for lang in others}
    triples = []
    for unit in units[pivot]:
        if unit.is_text and all(unit.index in links[lang] for lang in others):
            triple = {pivot: unit}
            triple.update({lang: units[lang][links[lang][unit.index]] for lang in others})
            triples.append(triple)
    return triples
