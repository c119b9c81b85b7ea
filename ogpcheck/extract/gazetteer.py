"""The gazetteer: names with a known identity in every language.

Two sources give each name a language-independent key, so that translated
names agree ("Philippines" / "Filipinas" are both ``territory:PH``):

- CLDR, through Babel: the names of territories, languages (ISO 639-1) and
  currencies in the languages of the document (any language CLDR knows,
  through the locale of its profile, ``ogpcheck/lang/``);
- the terminology (``rules/terminology.yaml`` and ``--terms``): names and
  acronyms of one organisation's bodies and programmes (OGP / AGA / PGO).

Names are matched as whole words after folding (case, accents, plural
endings), acronyms as written in capitals. Where two matches overlap the
longer wins ("OGP Local" is one programme, not a mention of OGP).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Any

import babel
import babel.numbers

from ..lang import of as profile_of
from ..lang.profile import babel_knows
from ..ruledata import load_yaml
from .fold import Token, fold, tokens
from .terminology import Term

SETTINGS_FILE = "patterns/entities.yaml"
MAX_WORDS = 8
_PARENS = re.compile(r"\s*\([^)]*\)")
# What may stand between the words of one name: spaces, hyphens, apostrophes,
# commas ("Monitoring, Evaluation, and Learning") and slashes; not a colon,
# a full stop or a table bar.
_JOINER = re.compile(r"[\s\-‐‑–'’,/]*")
_SOURCE_RANK = {"term": 0, "territory": 1, "language": 2, "currency": 3}


@dataclass(frozen=True)
class Entry:
    """Something the gazetteer knows: its key, coarse label and the name
    shown in messages."""

    key: str  # "territory:PH", "language:fr", "currency:EUR", "term:ogp"
    label: str  # person | organisation | place | other
    name: str
    generic: bool = False

    @property
    def source(self) -> str:
        return self.key.split(":", 1)[0]


@dataclass(frozen=True)
class Form:
    """One written form of an entry."""

    entry: Entry
    text: str  # as written in the data ("PGO", "Filipinas")
    cls: str  # names | acronyms | aliases
    lang: str  # the language it belongs to, or "any"
    capitalised: bool = False  # must start with a capital in the text
    ambiguous: bool = False  # also a common word or first name

    @cached_property
    def capitals(self) -> tuple[int, ...]:
        """Words after the first that the data writes with a capital: a
        proper name keeps them ("OGP Local" the programme, not "OGP local")."""
        return tuple(i for i, word in enumerate(tokens(self.text)) if i and word.upper)


@dataclass(frozen=True)
class Hit:
    """A form found in a text."""

    form: Form
    start: int
    end: int

    @property
    def entry(self) -> Entry:
        return self.form.entry


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The entity settings (``rules/patterns/entities.yaml``)."""
    return load_yaml(SETTINGS_FILE) or {}


def _cldr_forms(langs: tuple[str, ...]) -> list[Form]:
    conf = settings().get("cldr", {})
    exclude = {kind: set(map(str, codes)) for kind, codes in (conf.get("exclude") or {}).items()}
    ambiguous = {fold(name) for name in conf.get("ambiguous", [])}
    forms: list[Form] = []
    english = babel.Locale("en")
    tables = (
        ("territories", "territory", "place"),
        ("languages", "language", "other"),
        ("currencies", "currency", "other"),
    )
    for attribute, source, label in tables:
        wanted = conf.get(attribute, True)
        if not wanted:
            continue
        chosen = set(map(str, wanted)) if isinstance(wanted, list) else None
        english_names = getattr(english, attribute)
        for code_of_lang in langs:
            locale = profile_of(code_of_lang).locale
            if not babel_knows(locale):
                continue
            for code, name in getattr(babel.Locale.parse(locale), attribute).items():
                if code in exclude.get(attribute, set()) or (chosen is not None and code not in chosen):
                    continue
                if "(" in name or (source == "currency" and code.startswith("X")):
                    continue  # historical currencies, metals and fund units ("or" is gold)
                name = _PARENS.sub("", name).strip()
                if not name:
                    continue
                entry = Entry(f"{source}:{code}", label, _PARENS.sub("", english_names.get(code, name)).strip())
                # a language name needs its capital where the language writes
                # one (English "French", German "Französisch"; not "francés")
                capitalised = source == "territory" or (source == "language" and name[:1].isupper())
                forms.append(Form(entry, name, "names", code_of_lang, capitalised, fold(name) in ambiguous))
    return forms


def _term_forms(terms: Iterable[Term]) -> list[Form]:
    forms: list[Form] = []
    for term in terms:
        entry = Entry(f"term:{term.id}", term.type, term.label, term.generic)
        forms.extend(Form(entry, f.text, f.cls, f.lang) for f in term.forms)
    return forms


def is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", text))


class Gazetteer:
    """Finds every known form in a text, longest match first."""

    def __init__(self, forms: Sequence[Form]) -> None:
        # Words are looked up as written (folded) first, then by their stems,
        # so "francés" is the language even though its stem is that of "France".
        self._exact: dict[tuple[str, ...], list[Form]] = {}
        self._stems: dict[tuple[str, ...], list[Form]] = {}
        self._longest: dict[str, int] = {}
        self._acronyms: dict[str, Form] = {}
        for form in sorted(forms, key=lambda f: _SOURCE_RANK.get(f.entry.source, 9)):
            if form.cls == "acronyms" and is_acronym(form.text):
                self._acronyms.setdefault(form.text, form)
                continue
            words = tokens(form.text)
            if not words or len(words) > MAX_WORDS:
                continue
            self._exact.setdefault(tuple(w.folded for w in words), []).append(form)
            if form.entry.source != "territory":
                # Place names take no plural: "Reuniones" (meetings) is not
                # Réunion, "Guineas" not Guinea.
                self._stems.setdefault(tuple(w.stem for w in words), []).append(form)
            for first in (words[0].folded, words[0].stem):
                self._longest[first] = max(self._longest.get(first, 0), len(words))
        alternatives = "|".join(sorted(map(re.escape, self._acronyms), key=len, reverse=True))
        self._acronym_re = re.compile(rf"(?<![A-Z0-9])({alternatives})s?(?![A-Z0-9])") if alternatives else None

    def find(self, text: str, words: Sequence[Token] | None = None) -> list[Hit]:
        """Non-overlapping hits in ``text``, in text order."""
        words = tokens(text) if words is None else words
        found: list[Hit] = []
        longest_of = self._longest.get
        for i, first in enumerate(words):
            longest = longest_of(first.folded, 0)
            if first.stem != first.folded:
                longest = max(longest, longest_of(first.stem, 0))
            if not longest:
                continue  # most words start no known name
            for n in range(min(longest, len(words) - i), 0, -1):
                run = words[i : i + n]
                form = self._form(run)
                if form is not None and self._joined(text, run):
                    found.append(Hit(form, first.start, run[-1].end))
                    break
        if self._acronym_re is not None:
            for match in self._acronym_re.finditer(text):
                found.append(Hit(self._acronyms[match.group(1)], match.start(), match.end()))
        return _longest_first(found)

    def _form(self, run: Sequence[Token]) -> Form | None:
        for table, key in ((self._exact, tuple(w.folded for w in run)), (self._stems, tuple(w.stem for w in run))):
            for form in table.get(key, ()):
                if (run[0].upper or not form.capitalised) and all(run[i].upper for i in form.capitals):
                    return form
        return None

    @staticmethod
    def _joined(text: str, words: Sequence[Token]) -> bool:
        return all(_JOINER.fullmatch(text[a.end : b.start]) for a, b in pairwise(words))


def _longest_first(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


@lru_cache(maxsize=8)
def unit_symbols(langs: tuple[str, ...]) -> frozenset[str]:
    """Short symbols of units of measurement in the languages ``langs``
    (CLDR): "GB", "Go", "MHz", "kWh"."""
    out: set[str] = set()
    for lang in (code for code in langs if babel_knows(code)):
        for patterns in babel.Locale(lang)._data["unit_patterns"].values():
            short = patterns.get("short") or {}
            for pattern in short.values() if hasattr(short, "values") else ():
                if isinstance(pattern, str):
                    symbol = pattern.replace("{0}", "").strip()
                    if symbol and " " not in symbol:
                        out.add(symbol)
    return frozenset(out)


@lru_cache(maxsize=1)
def currency_codes() -> dict[str, str]:
    """ISO 4217 codes of current currencies (CLDR), with their English name."""
    return {code: babel.numbers.get_currency_name(code, locale="en") for code in babel.numbers.list_currencies()}


@lru_cache(maxsize=8)
def currency_symbols(langs: tuple[str, ...]) -> dict[str, str]:
    """Currency symbols of texts in the languages ``langs`` ("$", "US$",
    "$US", "€") that stand for one currency only, with its ISO code."""
    owners: dict[str, set[str]] = {}
    for lang in (code for code in langs if babel_knows(code)):
        for code in currency_codes():
            symbol = babel.numbers.get_currency_symbol(code, locale=lang)
            if not symbol.isalpha():
                owners.setdefault(symbol, set()).add(code)
    return {symbol: codes.pop() for symbol, codes in owners.items() if len(codes) == 1}


@lru_cache(maxsize=8)
def cldr_forms(langs: tuple[str, ...]) -> tuple[Form, ...]:
    """CLDR names in the languages ``langs`` (sorted codes)."""
    return tuple(_cldr_forms(langs))


@lru_cache(maxsize=8)
def gazetteer(terms: tuple[Term, ...], langs: tuple[str, ...]) -> Gazetteer:
    """The gazetteer for a terminology and the languages of a document (CLDR
    names in those languages are always included)."""
    return Gazetteer([*_term_forms(terms), *cldr_forms(langs)])


def loose_prefixes(forms: Iterable[Form], generic: Iterable[str] = ()) -> dict[str, set[str]]:
    """Word beginnings that point to a name, so a derived word ("Colombian",
    "libériennes") or a part that only one name has ("Burkina" in "Burkina
    Youth") confirms that the place is spoken of. Only ever used to confirm,
    never to raise a finding."""
    owners: dict[str, set[str]] = {}
    for form in forms:
        if form.cls == "acronyms":
            continue
        for word in (t.folded for t in tokens(form.text)):
            owners.setdefault(word, set()).add(form.entry.key)
    skip = set(generic)
    out: dict[str, set[str]] = {}
    for word, keys in owners.items():
        if len(word) < 6 or len(keys) != 1 or word in skip:
            continue
        out.setdefault(word[: max(6, len(word) - 2)], set()).update(keys)
    return out


@lru_cache(maxsize=8)
def cldr_short_names(langs: tuple[str, ...]) -> dict[str, set[str]]:
    """Place names of one short word (4 or 5 letters, folded: "kenya",
    "peru"), too short for ``cldr_prefixes``: a word made of one and a
    derived ending ("kényans", "peruvian") confirms the place."""
    out: dict[str, set[str]] = {}
    for form in cldr_forms(langs):
        words = tokens(form.text)
        if form.entry.source == "territory" and len(words) == 1 and 4 <= len(words[0].folded) <= 5:
            out.setdefault(words[0].folded, set()).add(form.entry.key)
    return out


@lru_cache(maxsize=8)
def cldr_prefixes(langs: tuple[str, ...]) -> dict[str, set[str]]:
    return loose_prefixes([f for f in cldr_forms(langs) if f.entry.source == "territory"], generic_words(langs))


@lru_cache(maxsize=8)
def stopwords(langs: tuple[str, ...]) -> frozenset[str]:
    """Folded particles that never identify a name on their own ("de",
    "the"), in the languages of a document (profiles) and the settings."""
    words = [w for code in langs for w in profile_of(code).stopwords]
    return frozenset(fold(w) for w in [*words, *settings().get("stopwords", [])])


@lru_cache(maxsize=8)
def generic_words(langs: tuple[str, ...]) -> frozenset[str]:
    """Folded words that name a kind of body ("ministry", "agreement"), in
    the languages of a document (profiles) and the settings."""
    words = [w for code in langs for w in profile_of(code).generic]
    return frozenset(fold(w) for w in [*words, *settings().get("generic", [])])

