"""Enumerations inside a sentence or a cell: "Education, Labor Policy, and
Participatory Planning and Budgeting".

An enumeration is a run of comma-separated chunks closed by a short chunk
holding a conjunction ("and", "y", "et"). Every chunk after the first must be
short (an item, not a clause), which keeps ordinary clause commas out. Items
are the chunks of the run plus the conjunctions inside the closing chunk, so
"planeación y presupuesto participativo" counts two, as ", and Budgeting"
does. The chunk that opens the run holds the lead-in and the first item
("These commitments encompass A"); a chunk that is only a lead-in ("for
instance", "por ejemplo") holds no item; a chunk that opens a clause
("which they achieved despite elections") ends the run. The commas of a
date ("June 8, 2021", "Monday, June 8") separate no items; the names of
months and days come from CLDR (Babel) for the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_day_names, get_month_names

from ...lang import of as profile_of
from ...lang.vocab import vocabulary

MAX_ITEM_WORDS = 6  # words of a chunk that is still an item
MAX_LAST_WORDS = 8  # words of the closing chunk after its conjunction
_CLAUSE = re.compile(r"(?<!\d)[.;:!?()\[\]](?!\d)|\s[–—-]\s|[“”«»\"]")
_COMMA = re.compile(r",\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|&")


@dataclass(frozen=True)
class Words:
    """The words of one language an enumeration is read with."""

    conjunctions: frozenset[str]
    openers: frozenset[str] = frozenset()
    lead_ins: frozenset[str] = frozenset()


def _words(chunk: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(chunk)]


def _last_chunk(words: list[str], conj: frozenset[str]) -> int | None:
    """Items in the chunk closing the enumeration: one, plus one per
    conjunction in it (a conjunction opening it only replaces the comma)."""
    if words and words[0] in conj:
        words = words[1:]
    elif not any(w in conj for w in words):
        return None
    if not words or len(words) > MAX_LAST_WORDS:
        return None
    return 1 + sum(w in conj for w in words)


def _opens_clause(word: str, openers: frozenset[str]) -> bool:
    """Whether a chunk's first word opens a clause ("which", "lorsqu'elles")."""
    return word in openers or re.split(r"['’]", word)[0] in openers


def _lead(chunk: str, lead_ins: frozenset[str]) -> str | None:
    """How a chunk relates to a lead-in phrase: ``only`` (is or ends with
    one), ``starts`` (starts with one), or ``None``."""
    text = " ".join(chunk.lower().replace("’", "'").split()).strip(" ,.")
    for phrase in lead_ins:
        if text == phrase or text.endswith(" " + phrase):
            return "only"
        if text.startswith(phrase + " "):
            return "starts"
    return None


def count_items(clause: str, words: Words, min_chunks: int = 3) -> int | None:
    """Items of the enumeration closing one clause, or ``None``."""
    chunks = [c for c in _COMMA.split(clause.strip()) if c.strip()]
    if len(chunks) < min_chunks:
        return None
    items = _last_chunk(_words(chunks[-1]), words.conjunctions)
    if items is None:
        return None
    run = 1
    for chunk in reversed(chunks[:-1]):
        tokens = _words(chunk)
        lead = _lead(chunk, words.lead_ins)
        if not tokens or lead == "only":
            break
        run += 1
        items += 1
        if lead == "starts" or len(tokens) > MAX_ITEM_WORDS or _opens_clause(tokens[0], words.openers):
            break  # the lead-in and the first item
    if run < min_chunks:
        return None
    return items


@cache
def _date_commas(lang: str) -> re.Pattern[str]:
    """Commas inside dates: after a day name, and between the day and the
    year of a month name ("June 8, 2021")."""
    locale = profile_of(lang).locale
    months = [*get_month_names("wide", locale=locale).values(), *get_month_names("abbreviated", locale=locale).values()]
    days = [*get_day_names("wide", locale=locale).values(), *get_day_names("abbreviated", locale=locale).values()]
    month = "|".join(sorted({re.escape(m.rstrip(".")) for m in months}, key=len, reverse=True))
    day = "|".join(sorted({re.escape(d.rstrip(".")) for d in days}, key=len, reverse=True))
    return re.compile(
        rf"(?i:\b(?:{month})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?),(?=\s+\d{{4}}\b)|(?i:\b(?:{day})\.?),(?=\s)"
    )


def enumerations(text: str, lang: str, min_chunks: int = 3) -> list[int]:
    """Item counts of the enumerations in ``text``, in order."""
    vocab = vocabulary()
    words = Words(vocab.conjunctions_of(lang), vocab.openers_of(lang), vocab.lead_ins_of(lang))
    if not words.conjunctions:
        return []  # a language without a profile: no enumeration is counted rather than one miscounted
    text = _date_commas(lang).sub(lambda m: m.group()[:-1] + " ", text)
    counts = []
    for clause in _CLAUSE.split(text.replace("\n", " ")):
        found = count_items(clause, words, min_chunks)
        if found is not None:
            counts.append(found)
    return counts
