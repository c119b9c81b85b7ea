"""Gold alignment of two versions, derived from their Markdown skeletons.

Human translations of documentation keep the structure: the same headings,
paragraphs, list items and code blocks in the same order. Where two versions
have the same skeleton, their units pair by position. Where they do not (a
sentence split into two paragraphs, a note added), the document is cut into
sections at headings, sections are matched by their skeleton with difflib,
and only sections whose skeletons are identical are paired; the rest gets no
gold (it is left out of the measure, never guessed). A section is also
dropped when one of its pairs differs grossly in length, a sign that a split
and a merge cancelled out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from .units import Unit

MAX_LENGTH_RATIO = 2.5  # translations run 0.8-1.3x; beyond this a pair is suspect
MIN_LETTERS = 30  # below this, length says nothing
_LETTER = re.compile(r"[^\W\d_]")


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
    secs_a, secs_b = _sections(units_a), _sections(units_b)
    matcher = difflib.SequenceMatcher(None, [_signature(s) for s in secs_a], [_signature(s) for s in secs_b], autojunk=False)
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag != "equal":
            continue
        for offset in range(i2 - i1):
            section = list(zip(secs_a[i1 + offset], secs_b[j1 + offset]))
            if _plausible(section, lines_a, lines_b):
                pairs.update({a.index: b.index for a, b in section if a.is_text and b.is_text})
    return pairs


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
