"""Seeded, reproducible injection of translation errors into clean triples.

Each injection changes one version of one document in one place and records
where (document, version, line, lines of the unit and of its aligned
counterparts), what (the error type) and how (original and replacement), so
a finding can be matched to it. Sites are taken only in gold-aligned units
(see ``gold``) and only in prose (see ``prose``), anywhere in it: paragraphs,
headings, list items, table cells, link text, the text of HTML blocks and
the front-matter title. A number is changed where at least one other
version states it at the aligned place, so the change contradicts a
version and the truth is known. Candidates are enumerated in a fixed order
and drawn with a seeded weighted shuffle (Spanish and French twice as often
as English, the source), numbers taking each place in turn (paragraph,
heading, list item, ...) so that rare places are measured too; the same
seed gives the same injections.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from . import mutate
from .corpus import Triple
from .entities import REPLACEMENT_COUNTRIES, countries_in, country_name, name_labels
from .gold import gold_pairs, gold_triples
from .prose import Token, line_offsets, masked, names_in, numbers_in, unit_span
from .units import Unit, parse_units

NUMBER_TYPES = ("digit", "off_by_one", "magnitude", "separator", "drop_number", "neighbour", "placeholder")
ENTITY_TYPES = ("entity",)
STRUCTURE_TYPES = ("drop_item",)
TYPES = NUMBER_TYPES + ENTITY_TYPES + STRUCTURE_TYPES
WEIGHTS = {"en": 1.0, "es": 2.0, "fr": 2.0}
PLACEHOLDER = "XNUMX"
NEIGHBOURHOOD = 3  # units either side a copied number may come from
# Where in the prose a number stands, in the order numbers are drawn.
PLACES = ("paragraph", "heading", "list item", "table cell", "link text", "HTML block", "front matter")
_PLACE_OF_KIND = {
    "paragraph": "paragraph",
    "heading": "heading",
    "list_item": "list item",
    "cell": "table cell",
    "html": "HTML block",
    "frontmatter": "front matter",
}
_LINK_TEXT = re.compile(r"\[([^\[\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")


@dataclass
class Injection:
    """One error put into one version of one document."""

    id: int
    slug: str
    kind: str
    version: str
    line: int  # line of the change in the injected file
    span: tuple[int, int]  # lines of the changed unit in the injected file
    original: str
    replacement: str
    counterparts: dict[str, tuple[int, int]]  # untouched version -> lines of the aligned unit
    start: int  # offsets of the replaced text in the original file
    end: int
    detail: str = ""
    place: str = ""  # where in the prose (PLACES), for numbers

    def apply(self, texts: dict[str, str]) -> dict[str, str]:
        """The triple's texts with this error in place."""
        out = dict(texts)
        text = texts[self.version]
        out[self.version] = text[: self.start] + self.replacement + text[self.end :]
        return out

    @property
    def shift(self) -> tuple[int, int]:
        """(first line after the change in the original file, lines removed):
        how line numbers of the injected file map back to the original."""
        removed = self.original.count("\n") - self.replacement.count("\n")
        return (self.line + removed, removed)


@dataclass
class Prepared:
    """A triple parsed once: units, gold triples and what stands in their prose."""

    triple: Triple
    units: dict[str, list[Unit]]
    offsets: dict[str, list[int]]
    gold: list[dict[str, Unit]]  # unit triples aligned through English
    links: dict[str, list[tuple[int, int]]]  # translation -> gold (English line, its line)

    @classmethod
    def of(cls, triple: Triple, pivot: str = "en") -> Prepared:
        units = {lang: parse_units(text) for lang, text in triple.texts.items()}
        offsets = {lang: line_offsets(text) for lang, text in triple.texts.items()}
        links = {}
        for lang in units:
            if lang != pivot:
                pairs = gold_pairs(units[pivot], triple.texts[pivot], units[lang], triple.texts[lang])
                links[lang] = [(units[pivot][a].line, units[lang][b].line) for a, b in sorted(pairs.items())]
        return cls(triple, units, offsets, gold_triples(units, triple.texts, pivot), links)

    def numbers(self, lang: str, unit: Unit) -> list[Token]:
        return numbers_in(self.triple.texts[lang], self.offsets[lang], unit)

    def names(self, lang: str, unit: Unit) -> list[Token]:
        return names_in(self.triple.texts[lang], self.offsets[lang], unit)

    def prose(self, lang: str, unit: Unit) -> str:
        start, end = unit_span(self.offsets[lang], self.triple.texts[lang], unit)
        return masked(self.triple.texts[lang], start, end, unit.kind == "frontmatter")

    def line_of(self, lang: str, offset: int) -> int:
        return self.triple.texts[lang].count("\n", 0, offset) + 1

    @cached_property
    def name_pool(self) -> dict[str, str]:
        """Names every version states somewhere (as names, in prose), with a type."""
        seen = [
            {t.key for unit in self.units[lang] if unit.is_text for t in self.names(lang, unit)} for lang in self.units
        ]
        common = set.intersection(*seen)
        english = [self.prose("en", u).replace("\0", " ") for u in self.units["en"] if u.is_text]
        lowered = " ".join(english)
        labels = name_labels(english)
        pool = {}
        for name in sorted(common):
            label = labels.get(name)
            distinctive = label or " " in name or any(ch.isupper() or ch.isdigit() for ch in name[1:])
            if distinctive or f" {name.lower()} " not in f" {lowered} ":
                pool[name] = label or "name"
        return pool


@dataclass
class Candidate:
    """A place an error of some type may be injected."""

    doc: Prepared
    site: dict[str, Unit]  # the gold triple
    version: str
    token: Token | None = None
    detail: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    place: str = ""


def _weighted_order(items: list[Candidate], rng: random.Random) -> list[Candidate]:
    """Seeded weighted shuffle (Efraimidis-Spirakis): heavier versions come first more often."""
    keyed = [(rng.random() ** (1.0 / WEIGHTS.get(c.version, 1.0)), k) for k, c in enumerate(items)]
    return [items[k] for _, k in sorted(keyed, reverse=True)]


class Injector:
    """Draws ``per_type`` injections of each type from prepared triples."""

    def __init__(self, docs: Sequence[Prepared], seed: int) -> None:
        self.docs = list(docs)
        self.seed = seed

    def generate(self, per_type: int, types: Sequence[str] = TYPES) -> list[Injection]:
        out: list[Injection] = []
        for kind in types:
            rng = random.Random(f"{self.seed}:{kind}")
            made = 0
            candidates = self._candidates(kind)
            ordered = _by_place(candidates, rng) if kind in NUMBER_TYPES else _weighted_order(candidates, rng)
            for candidate in ordered:
                if made >= per_type:
                    break
                injection = self._build(kind, candidate, rng, len(out))
                if injection is not None:
                    out.append(injection)
                    made += 1
        return out

    # -- candidates -----------------------------------------------------------

    def _candidates(self, kind: str) -> list[Candidate]:
        if kind in NUMBER_TYPES:
            return [c for doc in self.docs for c in _number_sites(doc)]
        if kind == "entity":
            return [c for doc in self.docs for c in _entity_sites(doc)]
        if kind == "drop_item":
            return [c for doc in self.docs for c in _item_sites(doc)]
        raise ValueError(f"unknown error type {kind!r}")

    # -- building -------------------------------------------------------------

    def _build(self, kind: str, c: Candidate, rng: random.Random, ident: int) -> Injection | None:
        if kind in NUMBER_TYPES:
            return _number_injection(kind, c, rng, ident)
        if kind == "entity":
            return _entity_injection(c, rng, ident)
        return _item_injection(c, ident)


def _by_place(items: list[Candidate], rng: random.Random) -> list[Candidate]:
    """The weighted shuffle of each place, taken in turn: a paragraph, a
    heading, a list item, ..., then the next paragraph."""
    queues = [_weighted_order([c for c in items if c.place == place], rng) for place in PLACES]
    out: list[Candidate] = []
    while any(queues):
        for queue in queues:
            if queue:
                out.append(queue.pop(0))
    return out


def _counterparts(site: dict[str, Unit], version: str) -> dict[str, tuple[int, int]]:
    return {lang: (unit.line, unit.end) for lang, unit in site.items() if lang != version}


def _record(kind: str, c: Candidate, ident: int, start: int, end: int, replacement: str, detail: str = "") -> Injection:
    doc, lang = c.doc, c.version
    text = doc.triple.texts[lang]
    unit = c.site[lang]
    return Injection(
        id=ident,
        slug=doc.triple.slug,
        kind=kind,
        version=lang,
        line=doc.line_of(lang, start),
        span=(unit.line, unit.end),
        original=text[start:end],
        replacement=replacement,
        counterparts=_counterparts(c.site, lang),
        start=start,
        end=end,
        detail=detail,
        place=c.place,
    )


# -- numbers ------------------------------------------------------------------


def _number_sites(doc: Prepared) -> list[Candidate]:
    """Numbers that another version states too, in the same gold-aligned unit."""
    out = []
    for site in doc.gold:
        tokens = {lang: doc.numbers(lang, unit) for lang, unit in site.items()}
        keys = {lang: {t.key for t in found} for lang, found in tokens.items()}
        for lang in site:
            elsewhere = set().union(*(keys[other] for other in site if other != lang))
            seen: set[str] = set()
            for token in tokens[lang]:
                if token.key in elsewhere and token.key not in seen:
                    seen.add(token.key)
                    out.append(Candidate(doc, site, lang, token, place=_place(doc, lang, site[lang], token)))
    return out


def _place(doc: Prepared, lang: str, unit: Unit, token: Token) -> str:
    """Where a number stands: link text, or the kind of its unit."""
    start, end = unit_span(doc.offsets[lang], doc.triple.texts[lang], unit)
    for link in _LINK_TEXT.finditer(doc.triple.texts[lang], start, end):
        if link.start(1) <= token.start and token.end <= link.end(1):
            return "link text"
    return _PLACE_OF_KIND.get(unit.kind, "paragraph")


def _stated(c: Candidate) -> set[str]:
    """Digits of every number the aligned units state, in any version."""
    return {t.key for lang, unit in c.site.items() for t in c.doc.numbers(lang, unit)}


def _number_injection(kind: str, c: Candidate, rng: random.Random, ident: int) -> Injection | None:
    token = c.token
    assert token is not None
    text = c.doc.triple.texts[c.version]
    stated = _stated(c)
    start, end = token.start, token.end
    if kind == "drop_number":
        return _drop_number(c, text, token, ident)
    if kind == "placeholder":
        return _record(kind, c, ident, start, end, PLACEHOLDER)
    if kind == "neighbour":
        options = [t.text for t in _neighbour_numbers(c) if t.key not in stated]
        detail = "copied from a neighbouring paragraph"
    else:
        make: dict[str, Callable[[str, random.Random], list[str]]] = {
            "digit": mutate.one_digit,
            "off_by_one": mutate.off_by_one,
            "magnitude": mutate.magnitude,
            "separator": lambda s, _r: mutate.separator_swap(s, c.version),
        }
        options = make[kind](token.text, rng)
        detail = ""
        if kind == "separator":  # the digits stay; the value changes
            return _record(kind, c, ident, start, end, options[0]) if options else None
        options = [o for o in options if mutate.digits_of(o) not in stated]
    if not options:
        return None
    return _record(kind, c, ident, start, end, rng.choice(options) if kind == "neighbour" else options[0], detail)


def _neighbour_numbers(c: Candidate) -> list[Token]:
    units = c.doc.units[c.version]
    here = c.site[c.version].index
    near = [u for u in units if u.is_text and 0 < abs(u.index - here) <= NEIGHBOURHOOD]
    return [t for unit in near for t in c.doc.numbers(c.version, unit)]


def _drop_number(c: Candidate, text: str, token: Token, ident: int) -> Injection:
    """Remove the number with its percent or currency sign and one space."""
    start, end = token.start, token.end
    while end < len(text) and text[end] in "%\u00a0\u202f" and "%" in text[end : end + 2]:
        end += 1
    if start and text[start - 1] in "$€£":
        start -= 1
    if start and text[start - 1] == " ":
        start -= 1
    elif end < len(text) and text[end] == " ":
        end += 1
    return _record("drop_number", c, ident, start, end, "")


# -- names --------------------------------------------------------------------


def _entity_sites(doc: Prepared) -> list[Candidate]:
    """Names and countries every version states in the same gold-aligned unit."""
    out = []
    pool = doc.name_pool
    for site in doc.gold:
        found = {lang: doc.names(lang, unit) for lang, unit in site.items()}
        common = set.intersection(*({t.key for t in tokens} for tokens in found.values())) & set(pool)
        widest = {n for n in common if not any(n != m and f" {n} " in f" {m} " for m in common)}
        for lang in site:
            seen: set[str] = set()
            for token in found[lang]:
                if token.key in widest and token.key not in seen:
                    seen.add(token.key)
                    out.append(Candidate(doc, site, lang, token, pool[token.key]))
        out.extend(_country_sites(doc, site))
    return out


def _country_sites(doc: Prepared, site: dict[str, Unit]) -> list[Candidate]:
    found = {lang: countries_in(doc.prose(lang, unit), lang) for lang, unit in site.items()}
    common = set.intersection(*({code for code, _, _ in hits} for hits in found.values()))
    out = []
    for lang, hits in found.items():
        start = unit_span(doc.offsets[lang], doc.triple.texts[lang], site[lang])[0]
        seen: set[str] = set()
        for code, lo, hi in hits:
            if code in common and code not in seen:
                seen.add(code)
                token = Token(doc.triple.texts[lang][start + lo : start + hi], start + lo, start + hi)
                out.append(Candidate(doc, site, lang, token, "country", {"code": code}))
    return out


def _entity_injection(c: Candidate, rng: random.Random, ident: int) -> Injection | None:
    token = c.token
    assert token is not None
    here = " ".join(c.doc.prose(lang, unit) for lang, unit in c.site.items())
    if c.detail == "country":
        codes = [k for k in REPLACEMENT_COUNTRIES if k != c.extra["code"]]
        names = [country_name(k, c.version) for k in codes]
        options = sorted(n for n in names if n not in here)
    else:
        words = set(token.key.split())
        others = {n: label for n, label in c.doc.name_pool.items() if not words & set(n.split()) and n not in here}
        options = sorted(n for n, label in others.items() if label == c.detail) or sorted(others)
    if not options:
        return None
    choice = rng.choice(options)
    label = c.detail if c.detail == "country" or c.doc.name_pool.get(choice) == c.detail else "name"
    return _record("entity", c, ident, token.start, token.end, choice, label)


# -- list items and table rows --------------------------------------------------


def _item_sites(doc: Prepared) -> list[Candidate]:
    """List items and table rows (holding one unit each) that have a sibling."""
    out = []
    for site in doc.gold:
        for lang, unit in site.items():
            if unit.item is None or unit.kind not in ("list_item", "cell"):
                continue
            units = doc.units[lang]
            siblings = [units[k] for k in (unit.index - 1, unit.index + 1) if 0 <= k < len(units)]
            if any(s.item is not None and s.shape == unit.shape for s in siblings):
                out.append(Candidate(doc, site, lang, detail="table row" if unit.kind == "cell" else "list item"))
    return out


def _item_injection(c: Candidate, ident: int) -> Injection:
    unit = c.site[c.version]
    assert unit.item is not None
    first, last = unit.item
    offsets = c.doc.offsets[c.version]
    text = c.doc.triple.texts[c.version]
    start = offsets[first - 1]
    end = offsets[last] if last < len(offsets) else len(text)
    injection = _record("drop_item", c, ident, start, end, "", c.detail)
    # A finding about a shorter list may point anywhere in the list.
    lo, hi = unit.container or (first, first)
    injection.span = (lo, max(lo, hi - (last - first + 1)))
    injection.counterparts = {
        lang: other.container or (other.line, other.end) for lang, other in c.site.items() if lang != c.version
    }
    return injection
