"""Baselines, run on the same blocks that ogpcheck reads.

* ``naive``: the digit strings of paragraphs paired by position (the i-th
  block of English with the i-th of each translation) must be the same
  multiset.
* ``pofilter``: translate-toolkit's numbers check (``pofilter -t numbers``,
  ``StandardChecker.numbers``), two-way from English to each translation,
  on blocks paired by position as a PO file would pair them.
* ``pofilter+align``: the same check on the pairs ogpcheck's aligner makes,
  which isolates what ogpcheck's extraction and majority vote add.

Every baseline blames the translation (a two-way check has no majority), so
an error injected into English is blamed on the wrong version.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from ogpcheck.models import Block

from .detect import Hit, Run

SOURCE = "en"
_DIGITS = re.compile(r"\d+")

Pairs = Iterable[tuple[str, Block, Block]]  # (translation id, English block, translation block)


def _position_pairs(run: Run) -> Pairs:
    for vid, blocks in run.blocks.items():
        if vid != SOURCE:
            yield from ((vid, a, b) for a, b in zip(run.blocks.get(SOURCE, []), blocks))


def _aligned_pairs(run: Run) -> Pairs:
    for group in run.groups:
        if SOURCE in group:
            yield from ((vid, group[SOURCE], block) for vid, block in group.items() if vid != SOURCE)


def _hits(tool: str, pairs: Pairs, differs: Callable[[str, str, str], bool]) -> list[Hit]:
    return [
        Hit(tool, "numbers", "error", (vid,), ((vid, b.line), (SOURCE, a.line)))
        for vid, a, b in pairs
        if differs(a.text, b.text, vid)
    ]


def naive(run: Run) -> list[Hit]:
    """Digit strings of position-paired blocks differ."""
    return _hits(
        "naive", _position_pairs(run), lambda a, b, _: Counter(_DIGITS.findall(a)) != Counter(_DIGITS.findall(b))
    )


def _pofilter_differs() -> Callable[[str, str, str], bool] | None:
    try:
        from translate.filters.checks import CheckerConfig, FilterFailure, StandardChecker
    except ImportError:
        return None
    checkers = {}

    def differs(source: str, target: str, lang: str) -> bool:
        if lang not in checkers:
            checkers[lang] = StandardChecker(CheckerConfig(targetlanguage=lang.split(".")[0]))
        try:
            return not checkers[lang].numbers(source, target)
        except FilterFailure:
            return True

    return differs


class Pofilter:
    """translate-toolkit's numbers check, by position and on ogpcheck's pairs;
    ``available`` is False when translate-toolkit is not installed."""

    def __init__(self) -> None:
        self._differs = _pofilter_differs()

    @property
    def available(self) -> bool:
        return self._differs is not None

    def by_position(self, run: Run) -> list[Hit]:
        return _hits("pofilter", _position_pairs(run), self._differs) if self._differs else []

    def on_alignment(self, run: Run) -> list[Hit]:
        return _hits("pofilter+align", _aligned_pairs(run), self._differs) if self._differs else []
