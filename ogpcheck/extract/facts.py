"""Extract stage: the facts of every block, computed once per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Block, Marker, NumberFact
from .numbers import extract_markers, extract_numbers


@dataclass
class BlockFacts:
    """What must survive translation in one block."""

    numbers: list[NumberFact] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)

    @property
    def hard(self) -> list[NumberFact]:
        return [fact for fact in self.numbers if fact.hard]

    def pool(self) -> set[Decimal]:
        """Every value any reading of any number here allows (soft included)."""
        values: set[Decimal] = set()
        for fact in self.numbers:
            values.update(fact.candidates or (fact.value,))
        return values


class FactStore:
    """Facts per block, extracted lazily and kept for the rest of the run."""

    def __init__(self) -> None:
        self._facts: dict[tuple[str, int], BlockFacts] = {}

    def of(self, block: Block, lang: str) -> BlockFacts:
        key = (block.path, block.index)
        if key not in self._facts:
            self._facts[key] = BlockFacts(extract_numbers(block.text, lang, block.letter_runs), extract_markers(block.text))
        return self._facts[key]
