"""The structure vocabulary: marks and blank values (``rules/patterns/structure.yaml``)
and, per language, the words that close an enumeration, open a clause,
announce items or introduce a heading number (the language profiles, plus
any words the YAML file adds for a language).

A language without a profile has no conjunctions here, so its enumerations
are not counted (``coverage.py`` says so) rather than counted wrongly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..ruledata import load_yaml
from . import of, profiles

VOCAB_FILE = "patterns/structure.yaml"
PER_LANGUAGE = ("conjunctions", "heading_words", "clause_openers", "lead_ins")


@dataclass(frozen=True)
class Vocabulary:
    """Words and symbols the structure readers recognise."""

    marks: frozenset[str]
    blanks: frozenset[str]
    heading_words: frozenset[str]  # of every profiled language: a heading word names its language

    def conjunctions_of(self, lang: str) -> frozenset[str]:
        """Conjunctions of one language (none when it has no profile)."""
        return _words(lang, "conjunctions")

    def openers_of(self, lang: str) -> frozenset[str]:
        """Clause openers of one language."""
        return _words(lang, "clause_openers")

    def lead_ins_of(self, lang: str) -> frozenset[str]:
        """Phrases announcing an enumeration's items in one language."""
        return _words(lang, "lead_ins")


def _added(key: str) -> dict[str, list[str]]:
    """Words ``structure.yaml`` adds to the profiles, per language code."""
    data = (load_yaml(VOCAB_FILE) or {}).get(key) or {}
    return {str(code): [str(word) for word in words or []] for code, words in data.items()}


def _lower(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)


@cache
def _words(lang: str, key: str) -> frozenset[str]:
    return _lower([*getattr(of(lang), key), *_added(key).get(lang, [])])


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_yaml(VOCAB_FILE) or {}
    heading_words = [w for p in profiles() for w in p.heading_words]
    heading_words += [w for words in _added("heading_words").values() for w in words]
    return Vocabulary(
        marks=frozenset(str(m) for m in data.get("marks", [])),
        blanks=frozenset(str(b) for b in data.get("blanks", [])),
        heading_words=_lower(heading_words),
    )
