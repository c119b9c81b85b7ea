"""The structure vocabulary (``rules/patterns/structure.yaml``): marks, blank
values, conjunctions and heading words are data, so a language or a symbol is
added without code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..ruledata import load_yaml

VOCAB_FILE = "patterns/structure.yaml"


@dataclass(frozen=True)
class Vocabulary:
    """Words and symbols the structure readers recognise."""

    marks: frozenset[str]
    blanks: frozenset[str]
    conjunctions: dict[str, frozenset[str]]
    heading_words: frozenset[str]
    clause_openers: dict[str, frozenset[str]]
    lead_ins: dict[str, frozenset[str]]

    def conjunctions_of(self, lang: str) -> frozenset[str]:
        """Conjunctions of one language; every language's when unknown."""
        return _of(self.conjunctions, lang)

    def openers_of(self, lang: str) -> frozenset[str]:
        """Clause openers of one language; every language's when unknown."""
        return _of(self.clause_openers, lang)

    def lead_ins_of(self, lang: str) -> frozenset[str]:
        """Phrases announcing an enumeration's items; every language's when unknown."""
        return _of(self.lead_ins, lang)


def _of(table: dict[str, frozenset[str]], lang: str) -> frozenset[str]:
    return table[lang] if lang in table else frozenset().union(*table.values())


def _by_lang(data: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in (data or {}).items()}


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_yaml(VOCAB_FILE) or {}
    return Vocabulary(
        marks=frozenset(str(m) for m in data.get("marks", [])),
        blanks=frozenset(str(b) for b in data.get("blanks", [])),
        conjunctions=_by_lang(data.get("conjunctions", {})),
        heading_words=frozenset(str(w).lower() for words in data.get("heading_words", {}).values() for w in words),
        clause_openers=_by_lang(data.get("clause_openers", {})),
        lead_ins=_by_lang(data.get("lead_ins", {})),
    )
