"""A language profile: what ogpcheck knows of one language, in one place.

Every language ogpcheck reads well has a module in this package named by its
ISO 639-1 code (``en.py``, ``de.py``) that defines ``PROFILE``: the words
that must be recognised around numbers (scales, percent, currencies, ranges,
sections, ordinal endings), the words that shape lists and headings, the
particles and generic words that never identify a name, and the spaCy
pipelines to try. What a library already knows is not repeated here: Babel
(CLDR) gives the decimal and group signs, the currency symbols and the names
of countries, languages and currencies of the profile's ``locale``; text2num
reads the numbers written in words of ``number_words``.

A language without a module still gets a bare profile (``bare``): digits are
read with the signs CLDR gives for it and numbers in words through text2num
where it supports the language, but nothing that needs the word lists is
compared; ``coverage.py`` says which checks that leaves out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import babel
from babel.numbers import get_decimal_symbol, get_group_symbol

FALLBACK_LOCALE = "en"  # separators of a language CLDR does not know


@dataclass(frozen=True)
class Profile:
    """One language. Word lists are written as in running text (lower case
    unless the language capitalises them); matching ignores case."""

    code: str  # ISO 639-1, as in --langs
    name: str  # English name, for messages
    locale: str  # Babel locale: separators, currency symbols, CLDR names
    number_words: str | None = None  # text2num language; None: numbers in words are not read
    spacy: tuple[str, ...] = ()  # spaCy pipeline packages tried in order (only "ner" is run)

    # -- numbers ----------------------------------------------------------------
    both_groupings: bool = False  # "1.500" and "1,500" are both thousands (Spain and Latin America)
    space_groups: bool = True  # "1 500" is one number (English reads two)
    scales: Mapping[str, int] = field(default_factory=dict)  # "million" -> 6 (power of ten)
    percent: tuple[str, ...] = ()  # "per cent" (the space may be left out)
    currencies: Mapping[str, str] = field(default_factory=dict)  # "dollars" -> "USD"
    currency_of: tuple[str, ...] = ()  # between an amount and its currency: "de" in "5 millions d'euros"
    range_to: tuple[str, ...] = ()  # "24 to 26"
    range_between: tuple[str, ...] = ()  # "between 24 and 26": the opening word ...
    range_and: tuple[str, ...] = ()  # ... and the joining one
    ordinal_dot: bool = False  # a day is written with a full stop: "vom 24. bis 26. März"
    section_words: tuple[str, ...] = ()  # "Window 1.2", "Table 3.1": a section number, not a decimal
    ordinal_endings: tuple[str, ...] = ()  # "1st", "1er", "1.º"
    am: tuple[str, ...] = ()  # after an hour of a 12-hour clock: "6 am"
    pm: tuple[str, ...] = ()  # "6 pm" is 18 o'clock
    hour_words: tuple[str, ...] = ()  # after an hour of the 24-hour clock: "18 heures", "18 Uhr", "18h"
    decade_words: tuple[str, ...] = ()  # before a decade: "los años 70", "les années 1970"
    decade_endings: tuple[str, ...] = ()  # after one: "the 1970s", "die 70er"
    demonstratives: tuple[str, ...] = ()  # "this" in "this version", standing for a number said before

    # -- structure --------------------------------------------------------------
    conjunctions: tuple[str, ...] = ()  # close an enumeration: "A, B and C"
    heading_words: tuple[str, ...] = ()  # introduce a heading number: "Step 2"
    clause_openers: tuple[str, ...] = ()  # a comma chunk starting with one is a clause, not an item
    lead_ins: tuple[str, ...] = ()  # announce an enumeration's items: "for example"

    # -- names ------------------------------------------------------------------
    stopwords: tuple[str, ...] = ()  # particles inside names: "of", "de"
    generic: tuple[str, ...] = ()  # words naming a kind of body, not one: "ministry"

    # -- identification ---------------------------------------------------------
    # Short words frequent in running text that no other profile lists: a
    # block holding several of them, and none of another language's, is
    # identified without lingua (``versions/function_words.py``). Lower case.
    function_words: tuple[str, ...] = ()

    warm_up: str = ""  # one sentence a batch worker checks at start, to load this language's data
    profiled: bool = True  # False for a bare profile (no module for the language)

    @cached_property
    def decimal_sign(self) -> str:
        """The decimal sign CLDR gives the locale ("." in English, "," in French)."""
        return signs(self.locale)[0]

    @cached_property
    def group_sign(self) -> str:
        """The group sign CLDR gives the locale ("," in English, "." in German)."""
        return signs(self.locale)[1]


def babel_signs(locale: str) -> tuple[str, str]:
    """The decimal and group signs Babel gives ``locale`` (loading its CLDR data)."""
    return str(get_decimal_symbol(locale)), str(get_group_symbol(locale))


def signs(locale: str) -> tuple[str, str]:
    """The decimal and group signs of ``locale``: from the table generated for
    the profiles' locales (``number_signs.py``), else from Babel."""
    from .number_signs import SIGNS

    return SIGNS.get(locale) or babel_signs(locale)


def babel_knows(locale: str) -> bool:
    """Whether CLDR (through Babel) has data for ``locale``."""
    try:
        babel.Locale.parse(locale)
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return False
    return True


def english_name(code: str) -> str:
    """The English name CLDR gives a language code: ``nl`` -> Dutch."""
    return str(babel.Locale("en").languages.get(code, code))


def text2num_supports(code: str) -> bool:
    """Whether text2num reads numbers written in words in this language."""
    from text_to_num import text2num

    try:
        text2num("1", code)
    except ValueError as error:
        return "unsupported language" not in str(error)
    return True


def bare(code: str) -> Profile:
    """The profile of a language that has no module: CLDR's separators and
    names when Babel knows it, text2num when it reads it, no word lists."""
    locale = code if babel_knows(code) else FALLBACK_LOCALE
    return Profile(
        code=code,
        name=english_name(code),
        locale=locale,
        number_words=code if text2num_supports(code) else None,
        profiled=False,
    )
