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

    def conjunctions_of(self, lang: str) -> frozenset[str]:
        """Conjunctions of one language; every language's when unknown."""
        if lang in self.conjunctions:
            return self.conjunctions[lang]
        return frozenset().union(*self.conjunctions.values())


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_yaml(VOCAB_FILE) or {}
    return Vocabulary(
        marks=frozenset(str(m) for m in data.get("marks", [])),
        blanks=frozenset(str(b) for b in data.get("blanks", [])),
        conjunctions={lang: frozenset(str(w).lower() for w in words) for lang, words in data.get("conjunctions", {}).items()},
        heading_words=frozenset(str(w).lower() for words in data.get("heading_words", {}).values() for w in words),
    )
