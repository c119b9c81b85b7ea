"""Guard the split stage against text in a language ``--langs`` does not name.

The detector that splits a file is restricted to the expected languages, so
on its own it would call French text "English" when ``--langs en,es`` is
given, and compare it with the English version as if it were a translation.
Two guards stop that:

* every language that has a profile (``ogpcheck/lang/``) is among the
  detector's candidates, so a run in one of them that ``--langs`` does not
  name is labelled with it, and left out;
* a file given as one version is checked once more, as a whole, against
  the same candidates (``foreign_language``): a file that is clearly in
  another language is refused.

The runs of a split file are not checked once more as wholes: they come
from labels that already weighed every candidate, block by block, and a
second look at a sample of each run (a parallel lingua call, about a
twentieth of a warm numbers check) changed no run on the seeds, the
corpus triples read as one file with two or three of their languages
named, or the tests.

Identification is restricted to these languages (the ones requested and the
profiled ones): lingua then loads a handful of models instead of seventy-five,
which saves seconds and about 70 MB per process. A run in a language that
has no profile and is not requested is taken for the closest candidate.

What is left out is reported (a notice, or the error when fewer than two
versions remain), never silently compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from ..errors import InputError
from ..lang import codes as profiled_codes
from ..models import Block

SAMPLE_CHARS = 2000  # text looked at per version, taken from blocks across it (4000 decided the same for every file of the corpus and fixtures)
MIN_SAMPLE_CHARS = 200  # too little text to tell a language confidently
MIN_CONFIDENCE = 0.8  # of the other language, all languages competing


def candidates(langs: Sequence[str]) -> list[str]:
    """The detector's candidates: the expected languages, then the profiled
    languages not expected (those lingua can identify)."""
    return [*langs, *(code for code in profiled_codes() if code not in langs and _identifiable(code))]


@cache
def _identifiable(code: str) -> bool:
    return hasattr(IsoCode639_1, code.upper())


def language_of(code: str) -> Language:
    """The language of an ISO 639-1 code; an InputError for anything else
    (a code becomes part of file names, so only two letters are taken)."""
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise InputError(f"--langs: unknown language code '{code}' (two letters, such as en)")
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except AttributeError:
        raise InputError(f"--langs: unknown language code '{code}'") from None


@cache
def detector(langs: tuple[str, ...]) -> LanguageDetector:
    """A lingua detector restricted to ``langs`` (ISO 639-1 codes)."""
    languages = [language_of(code) for code in langs]
    if len(languages) == 1:
        languages.append(Language.ENGLISH if languages[0] != Language.ENGLISH else Language.FRENCH)
    # Low-accuracy mode loads in a tenth of the time; blocks are paragraphs
    # and the Viterbi pass smooths over the odd short block it gets wrong.
    # The models are loaded here, once: loaded on demand, they are loaded by
    # the first parallel identification, whose threads then cost about 0.04 s
    # more CPU in a new process (the same confidence values either way).
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().with_preloaded_language_models().build()


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
    values = detector(tuple(candidates(langs))).compute_language_confidence_values(sample)
    if values:
        code = code_of(values[0].language)
        if code not in langs and values[0].value >= MIN_CONFIDENCE:
            return code
    return None
