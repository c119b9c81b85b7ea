"""Guard the split stage against text in a language ``--langs`` does not name.

The detector that splits a file is restricted to the expected languages, so
on its own it would call French text "English" when ``--langs en,es`` is
given, and compare it with the English version as if it were a translation.
Two guards stop that:

* the home languages of the tool (English, Spanish, French) are always among
  the detector's candidates, so a run of one of them that ``--langs`` does not
  name is recognised and left out (no extra cost with the default
  ``--langs``);
* every version found is checked once more against all the languages the
  detector knows (trigram models, one call per version); a version that is
  clearly in another language is left out too.

What is left out is reported (a notice, or the error when fewer than two
versions remain), never silently compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from ..models import Block

HOME_LANGS = ("en", "es", "fr")
SAMPLE_CHARS = 4000  # text looked at per version, taken from blocks across it
MIN_SAMPLE_CHARS = 200  # too little text to tell a language confidently
MIN_CONFIDENCE = 0.8  # of the other language, all languages competing


def candidates(langs: Sequence[str]) -> list[str]:
    """The detector's candidates: the expected languages, then the home
    languages not expected."""
    return [*langs, *(lang for lang in HOME_LANGS if lang not in langs)]


@cache
def _all_languages() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def code_of(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def name_of(code: str) -> str:
    """English name of a language code, for messages: ``fr`` -> French."""
    for language in Language.all():
        if code_of(language) == code:
            return language.name.title()
    return code


def _sample(blocks: Sequence[Block]) -> str:
    """Up to ``SAMPLE_CHARS`` of text taken evenly across ``blocks``: the
    start of every k-th block of some length."""
    texts = [text for block in blocks if len(text := block.text.strip()) >= 40]
    if not texts:
        return ""
    share = max(100, SAMPLE_CHARS // len(texts))
    step = max(1, len(texts) * share // SAMPLE_CHARS)
    return "\n".join(text[:share] for text in texts[::step])[:SAMPLE_CHARS]


def foreign_language(blocks: Sequence[Block], langs: Sequence[str]) -> str | None:
    """The code of the language ``blocks`` are written in when it is clearly
    none of ``langs``; None when it is one of them or cannot be told."""
    sample = _sample(blocks)
    if len(sample) < MIN_SAMPLE_CHARS:
        return None
    values = _all_languages().compute_language_confidence_values(sample)
    if not values:
        return None
    top = values[0]
    code = code_of(top.language)
    if code in langs or top.value < MIN_CONFIDENCE:
        return None
    return code
