"""Numbers and markers stated in the text of one block, in any language.

The same number is written many ways across versions (``1,000`` / ``1 000`` /
``1000`` / ``mil`` / ``6 pm`` and ``18 heures``), so each one is read into a
value the compare stage can match, plus every other reading when its
separators are ambiguous. What stands around a number (scale, percent and
currency words, range words, ordinal and decade endings, clock words) is the
language's profile (``ogpcheck/lang/``), compiled once per language into a
``_Style``. Digits in URLs, identifiers (``COVID-19``), footnote markers and
MT placeholders are not facts and are skipped, so they cannot raise false
alarms. Values are exact Decimals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, InvalidOperation
from functools import cache, lru_cache
from itertools import islice, pairwise

from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal
from text_to_num import find_numbers

from ..lang import of as profile_of
from ..lang import profiles
from ..lang.profile import Profile
from ..models import Marker, NumberFact, letter_runs
from ..ruledata import compiled_patterns, file_requires, may_hold_any
from .currency_symbols import SYMBOLS

SPACES = " \u00a0\u202f\u2009"  # plain, no-break, narrow no-break, thin
_SP = "[ \u00a0\u202f\u2009]"
# Values are Decimals, exact however many digits a number has (a float would
# make two different 20-digit ids equal, and anything above 1e308 infinite);
# arithmetic on them goes through this context, which never rounds.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
LOOKAHEAD = 80  # characters a mask looks ahead for the digit or letter that makes it one
_NOTE = re.compile(r"\[\^?(?:[ivxlcdmIVXLCDM]{1,7}|[0-9]{1,3})\]")  # [ii], [12], [^3]

# One pass over the text; at each position the first alternative that
# matches wins, so masks (URL, identifier, marker...) shadow the digits in them.
# No alternative scans further than its match from every position of a run
# (lookbehinds keep a mask from restarting inside a run it already tried, and
# lookaheads are bounded), so the pass is linear even on "-----" or "1-1-1-".
_MASTER_TEMPLATE = r"""
      (?P<url>(?:https?://|www\.)[^\s<>"'\])]+)
    | (?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    | (?P<path>(?<![\w/.-])(?=[\w./-]*[^\W\d_])(?:/[\w.-]+(?:/[\w.-]+)*/?|[\w.-]+(?:/[\w.-]+){2,}/?))
    | (?P<note>NOTE)
    | (?P<hashid>\#[\w-]+)
    | (?P<listno>(?:^|(?<=\n))[ \t]*[0-9]{1,3}[.)](?=[ \t]))
    | (?P<iso>(?<![\w.-])(?P<iy>[0-9]{4})-[01][0-9]-(?P<id>[0-3][0-9])(?![\w-]))
    | (?P<dmy>(?<![\w.,/])(?P<d1>[0-9]{1,2})(?P<ds>[./])(?P<d2>[0-9]{1,2})(?P=ds)(?P<dy>(?:19|20)[0-9]{2})
              (?!\w|[.,/][0-9]))
    | (?P<time>(?<![\w.:,])(?P<hh>[01]?[0-9]|2[0-3])[:h](?P<mm>[0-5][0-9])(?![\w:]|[.,][0-9]))
    | (?P<version>(?<![^\W_])[vV](?P<vnum>[0-9]+(?:\.[0-9]+)+))
    | (?P<ident>(?<![^\W_])(?!(?:pre|post|mid|mi|ex|non|sub)-[0-9])[^\W\d_](?=[\w-]{0,LOOKAHEAD}[0-9])\w*(?:-\w+)*(?:\.[0-9]+)*)
    | (?P<decade>(?<![^\W_])['’]?(?P<dnum>(?:19|20)?[0-9]0)(?:DECADES)(?![^\W_]))
    | (?P<hourh>(?<![^\W_])(?P<hnum>[01]?[0-9]|2[0-4])(?:HOURH)(?![^\W_]|/))
    | (?P<sci>(?<![^\W_])[0-9]+(?:[.,][0-9]+)?[eE](?P<exp>[+\-\u2212]?[0-9]{1,4})(?![0-9]))
    | (?P<ordinal>(?<![^\W_])(?P<onum>[0-9]{1,4})(?:ORDINALS)(?![^\W_]))
    | (?P<gscale>(?<![^\W_])(?P<gnum>[0-9]+(?:[.,][0-9]+)?)(?P<gunit>k|K|M|bn)(?![^\W_]))
    | (?P<glued>(?<![^\W_])[0-9]+[^\W\d_]\w*)
    | (?P<chain>(?<![^\W_])[0-9]+(?:[.,\u0020\u00a0\u202f\u2009][0-9]+)*)
"""


def _master(ordinals: str, decades: str, hourh: str) -> re.Pattern[str]:
    """The one-pass pattern, with a language's endings of ordinals
    ("1st"), decades ("1970s") and hours glued to their number ("18h")."""
    pattern = _MASTER_TEMPLATE.replace("NOTE", _NOTE.pattern).replace("LOOKAHEAD", str(LOOKAHEAD))
    pattern = pattern.replace("ORDINALS", ordinals).replace("DECADES", decades).replace("HOURH", hourh)
    return re.compile(pattern, re.VERBOSE)


_MAY_START = re.compile(r"[0-9/@\[#]")  # with "www.", nothing else can start a master match worth having

# From the first of those, or the dot of "www.", in a run of non-space
# characters to the end of the run: every master match lies in such a run
# (see ``_master_matches``). It starts with a character class, so the engine
# skips to the next candidate (a pattern from the start of the run would
# start with a lookbehind, and one with "www\." as an alternative cannot
# skip: each is tried at every position); the run's start is found by
# stepping back.
_MAY_RUN = re.compile(r"[0-9/@\[#.](?<!(?<!www)\.)\S*")


def _may_match(text: str) -> bool:
    """Whether a master match worth having may start in ``text``: it holds a
    digit, ``/``, ``@``, ``[``, ``#`` or ``www.``. A character class and a
    substring test: one pattern with both alternatives scans at half speed
    (its engine cannot skip ahead to a character of the class)."""
    return _MAY_START.search(text) is not None or "www." in text


_SILENT = ("url", "email", "path", "note", "hashid", "listno", "ident", "glued")
_SEP_SPLIT = re.compile(r"([.,\u0020\u00a0\u202f\u2009])")

_HEADING = re.compile(r"\s+([^\W\d_])")
# The tokens handed to text2num (letter runs, runs of 0-9, single signs),
# each with what stands before it (spaces, "_", digits other than 0-9,
# which separate tokens): group 2 is the token.
_PIECE = re.compile(r"((?:[\s_]|(?![0-9])\d)*)([^\W\d_]+|[0-9]+|[^\w\s])")
_SUP = "\u2070\u00b9\u00b2\u00b3\u2074-\u2079"  # superscript digits
# Glued to what precedes it, tested after the first digit (a pattern led by a
# character class is searched faster than one led by a lookbehind).
_SUPERSCRIPT = re.compile(rf"[{_SUP}](?<=[^\s{_SUP}][{_SUP}])[{_SUP}]*")
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?:[kcmd]?m|ft|in|mi)\Z")
_CHECKBOX = re.compile(r"(?:^|\n)[ \t]*[-*+][ \t]*\Z")
_DASH = rf"{_SP}*[-–—]{_SP}*"
_GLUED_SCALES = {"k": 3, "m": 6, "bn": 9}  # "5k", "2.5M", "3bn" in any language
_SPACED_SCALE = re.compile(rf"{_SP}(k|K|M|bn)(?![^\W_])")  # "18 k", "30 M" (French, Spanish)

# Currencies: Babel gives the symbols each locale writes ("$", "US$", "$US",
# "€"...); a symbol means the same money in every language, so the symbols of
# every profile's locale are read everywhere (English first: "$" is USD). The
# table is computed once, by ``scripts/gen_currency_symbols.py``, into
# ``currency_symbols.py``: asking Babel at every start loads the CLDR data of
# six locales, a tenth of the CPU of a numbers-only check (a test checks the
# file against Babel).
_CODES = (
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CHF",
    "CAD",
    "AUD",
    "CNY",
    "INR",
    "BRL",
    "MXN",
    "COP",
    "ARS",
    "CLP",
    "PEN",
    "XOF",
    "XAF",
    "ZAR",
    "NGN",
    "KES",
    "GHS",
    "MAD",
)


def symbol_table() -> dict[str, str]:
    """Currency symbol or code -> ISO code, from Babel (what
    ``currency_symbols.SYMBOLS`` holds)."""
    from babel.numbers import get_currency_symbol

    table = {code: code for code in _CODES}
    locales = dict.fromkeys(["en", *(p.locale for p in profiles())])
    for locale in locales:
        for code in _CODES:
            symbol = get_currency_symbol(code, locale)
            if symbol != code and not any(ch.isspace() for ch in symbol):
                table.setdefault(symbol, code)
    return table


def _currency_regex(forms: list[str]) -> str:
    """Alternation of currency forms, longest first, letter edges bounded."""
    alts = []
    for form in sorted(forms, key=len, reverse=True):
        head = r"(?<![^\W_])" if form[0].isalpha() else ""
        tail = r"(?![^\W_])" if form[-1].isalpha() else ""
        alts.append(head + re.escape(form) + tail)
    return "|".join(alts)


def _words_regex(phrases: Iterable[str], joiner: str = r"\s+") -> str:
    """Alternation of phrases, longest first; their spaces match ``joiner``."""
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "|".join(joiner.join(map(re.escape, phrase.split())) for phrase in ordered)


_SYMBOLS_OF = SYMBOLS
_CUR_BEFORE = re.compile(rf"({_currency_regex(list(_SYMBOLS_OF))}){_SP}?\Z")
_CUR_LAST = frozenset(form[-1] for form in _SYMBOLS_OF)


@dataclass(frozen=True)
class _Style:
    """How one language writes what stands around its numbers, compiled from
    its profile (``ogpcheck/lang/<code>.py``)."""

    profile: Profile
    master: re.Pattern[str]  # the one-pass pattern, with the language's ordinal, decade and hour endings
    percent: re.Pattern[str]  # "%" or a percent word after a number
    scale: re.Pattern[str] | None  # a scale word after a number
    currencies: dict[str, str]  # surface form -> ISO code: symbols and the language's words
    currency_after: re.Pattern[str]
    section: re.Pattern[str]  # a section word ending just before a number
    to: re.Pattern[str]  # what joins the ends of a range
    between: re.Pattern[str] | None  # "between" ending just before a range ...
    joined_by: re.Pattern[str] | None  # ... whose ends "and" joins
    scales: dict[str, int]  # scale word, lower case -> power of ten
    am: re.Pattern[str] | None  # a 12-hour clock's marker after a number
    pm: re.Pattern[str] | None
    hour: re.Pattern[str] | None  # a 24-hour clock's word after a number
    decade_before: re.Pattern[str] | None  # "los años" ending just before a number

    def scale_power(self, word: str) -> int:
        """Power of ten of a scale word ("million" -> 6; French "billion" -> 12)."""
        return self.scales[" ".join(word.lower().split())]


@cache
def _style(code: str) -> _Style:
    profile = profile_of(code)
    never = r"(?!)"
    endings = _words_regex(profile.ordinal_endings, "") or never
    decades = _words_regex(profile.decade_endings, "") or never
    hourh = "h" if "h" in profile.hour_words else never
    percent = _words_regex(profile.percent, r"\s?")
    scales = _words_regex(profile.scales)
    currencies = {**_SYMBOLS_OF, **profile.currencies}
    of = _words_regex(profile.currency_of, "")
    to = _words_regex(profile.range_to)
    dot = r"\.?" if profile.ordinal_dot else ""  # "24. bis 26."
    return _Style(
        profile=profile,
        master=_master(endings, decades, hourh),
        percent=re.compile(rf"{_SP}?(?:%" + (rf"|(?:{percent})(?![^\W_])" if percent else "") + ")", re.IGNORECASE),
        scale=re.compile(rf"{_SP}({scales})(?![^\W_])", re.IGNORECASE) if scales else None,
        currencies=currencies,
        currency_after=re.compile(
            rf"{_SP}?" + (rf"(?:(?:{of}){_SP}?)?" if of else "") + rf"({_currency_regex(list(currencies))})"
        ),
        section=re.compile(
            rf"(?:{_words_regex(profile.section_words)}" + (r"|" if profile.section_words else "") + r"§)[ \u00a0]*\Z",
            re.IGNORECASE,
        ),
        to=re.compile(_DASH + (rf"|{dot}{_SP}+(?:{to}){_SP}+" if to else ""), re.IGNORECASE),
        between=(
            re.compile(rf"(?:{_words_regex(profile.range_between)})[ \u00a0]+\Z", re.IGNORECASE)
            if profile.range_between
            else None
        ),
        joined_by=(
            re.compile(rf"{dot}{_SP}+(?:{_words_regex(profile.range_and)}){_SP}+", re.IGNORECASE)
            if profile.range_and
            else None
        ),
        scales={" ".join(key.lower().split()): power for key, power in profile.scales.items()},
        am=_after_number(profile.am),
        pm=_after_number(profile.pm),
        hour=_after_number(profile.hour_words),
        decade_before=(
            re.compile(rf"(?:{_words_regex(profile.decade_words)})[ \u00a0]+['’]?\Z", re.IGNORECASE)
            if profile.decade_words
            else None
        ),
    )


def _after_number(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Words right after a number, their inner spaces optional ("a. m.", "a.m.")."""
    if not words:
        return None
    alternatives = _words_regex(words, _SP + "?")
    return re.compile(rf"{_SP}?(?:{alternatives})(?![^\W_])", re.IGNORECASE)


@dataclass
class _Atom:
    """A number being built: readings are Decimals, preferred first.
    (``_decorate`` copies one field by field: a new field is passed there.)"""

    start: int
    end: int
    readings: tuple[Decimal, ...]
    kind: str = "number"
    unit: str | None = None
    malformed: bool = False
    plain: bool = False  # bare digits: may become a year or a range endpoint
    text: str = ""
    between: bool = False  # a value inside a range ("25" of "24-26"), not stated as such


@cache
def _root_signs() -> tuple[str, str]:
    """The group and decimal signs of CLDR's root locale, the one every
    locale inherits from (its data is all Babel loads for ``_parse``)."""
    return get_group_symbol(_ROOT), get_decimal_symbol(_ROOT)


_ROOT = "root"


@lru_cache(maxsize=8192)
def _parse(surface: str, gsep: str, dsep: str) -> Decimal:
    """Read ``surface`` with Babel, after mapping ``gsep`` (" " = any space)
    and ``dsep`` to the group and decimal signs of CLDR's root locale: the
    signs are given, Babel checks the grouping (threes, as in every profiled
    locale) and reads the digits."""
    group, decimal = _root_signs()
    table = {ord(ch): group for ch in (SPACES if gsep == " " else gsep)}
    if dsep:
        table[ord(dsep)] = decimal
    try:
        return parse_decimal(surface.translate(table), locale=_ROOT, strict=True)
    except (NumberFormatError, InvalidOperation):
        # Babel's strict grouping check failed, or could not run (it rounds to
        # 28 digits, which a longer number overflows); the digits still say what we read
        whole, _, frac = surface.rpartition(dsep) if dsep else (surface, "", "")
        return Decimal("".join(ch for ch in whole if ch.isdigit()) + "." + (frac or "0"))


def _prefer_integer(sep: str, frac: str, profile: Profile) -> bool:
    """For ``X,YYY`` / ``X.YYY``: whether the thousands reading comes first:
    unless ``sep`` is the language's decimal sign, and always in a language
    that groups with both signs."""
    if frac == "000":  # nobody writes three trailing decimal zeros in prose
        return True
    return profile.both_groupings or sep != profile.decimal_sign


def _segments(groups: list[str], seps: list[str], profile: Profile) -> list[tuple[int, int, str, str, bool]]:
    """Split a run of digit groups into numbers: (first, end, state, group sep, malformed).

    States: int (one group), grp (thousands only), amb (one [.,] then 3 digits),
    dec (decimal), done (grouped + decimal). A break that a single number
    would have continued in some locale marks the number before it malformed.
    """
    out: list[tuple[int, int, str, str, bool]] = []
    first, state, gsep = 0, "int", ""
    for k in range(1, len(groups)):
        sep, grp = seps[k - 1], groups[k]
        space = sep in SPACES
        joinable = sep != " " or profile.space_groups
        three = len(grp) == 3
        lead_ok = len(groups[first]) <= 3 and groups[first][0] != "0"
        nxt = ""
        if state == "int":
            if not space:
                nxt, gsep = ("amb" if lead_ok and three else "dec"), sep
            elif joinable and lead_ok and three:
                nxt, gsep = "grp", " "
        elif state in ("amb", "grp"):
            same = (space and gsep == " ") or sep == gsep
            if same and three and joinable:
                nxt = "grp"
            elif not space and not same:
                nxt = "done"
        if nxt:
            state = nxt
            continue
        bad = state != "int" and (not space or (joinable and three))
        out.append((first, k, state, gsep, bad))
        first, state, gsep = k, "int", ""
    out.append((first, len(groups), state, gsep, False))
    return out


def _chain(text: str, start: int, surface: str, style: _Style, lead: int) -> list[_Atom]:
    """Numbers in one run of digits and separators; ``lead`` is where the
    text's first non-space character stands."""
    parts = _SEP_SPLIT.split(surface)
    groups, seps = parts[0::2], parts[1::2]
    offsets = [0]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    offsets = offsets[0::2]  # where each group starts in surface
    thousands = len(groups[0]) <= 3 and groups[0][0] != "0" and all(len(g) == 3 for g in groups[1:])
    if len(seps) >= 2 and set(seps) == {"."} and not thousands:  # 1.2.3 section, 3.8.0 version
        kind = "version" if any(g.startswith("0") for g in groups[1:]) else "section"
        return [_Atom(start, start + len(surface), (Decimal(f"{groups[0]}.{groups[1]}"),), kind)]
    if len(seps) >= 2 and set(seps) == {","} and all(len(g) != 3 for g in groups[1:]):  # "1,2,3": a list
        pairs = zip(groups, offsets, strict=True)
        return [_Atom(start + o, start + o + len(g), (Decimal(g),), plain=True) for g, o in pairs]
    if seps == ["."] and len(groups[1]) != 3:
        end = start + len(surface)
        head = _HEADING.match(text, end)  # "1.2 Introduction" opening a heading
        at_head = head is not None and head.group(1).isupper() and start <= lead
        with_unit = (
            (style.scale is not None and style.scale.match(text, end))
            or style.percent.match(text, end)
            or style.currency_after.match(text, end)
        )
        if not with_unit and (at_head or style.section.search(text, max(0, start - 20), start)):
            return [_Atom(start, start + len(surface), (Decimal(surface),), "section")]
    atoms = []
    for first, end, state, gsep, bad in _segments(groups, seps, style.profile):
        lo = offsets[first]
        hi = offsets[end - 1] + len(groups[end - 1])
        piece = surface[lo:hi]
        if state in ("int", "grp"):
            readings: tuple[Decimal, ...] = (_parse(piece, gsep, ""),)
        elif state == "dec":
            readings = (_parse(piece, "", seps[first]),)
        elif state == "done":
            readings = (_parse(piece, gsep, seps[end - 2]),)
        else:  # amb
            sep, frac = seps[first], groups[end - 1]
            as_int, as_dec = _parse(piece, sep, ""), _parse(piece, "", sep)
            readings = (as_int, as_dec) if _prefer_integer(sep, frac, style.profile) else (as_dec, as_int)
        atoms.append(_Atom(start + lo, start + hi, readings, malformed=bad, plain=state == "int"))
    return atoms


def _hyphen_minus(text: str, at: int) -> bool:
    """An ASCII hyphen is a minus sign when it opens a word ("de -1 234,5")
    and does not follow a number ("2023 -2028" is a range)."""
    if text[at] != "-":
        return False
    back = at - 1
    while back >= 0 and text[back].isspace():
        back -= 1
    return (at == 0 or text[at - 1] in " \t\n(\u00a0") and not (back >= 0 and text[back].isdigit())


def _decorate(atom: _Atom, text: str, style: _Style, scaled: bool = False) -> _Atom:
    """Attach what stands around a number: minus, currency, percent, scale."""
    start, end, readings = atom.start, atom.end, atom.readings
    kind, unit = atom.kind, None
    back = start - 1 if start and text[start - 1] not in SPACES else start - 2
    before = None
    if back >= 0 and text[back] in _CUR_LAST:  # cheap test before the search of every form
        before = _CUR_BEFORE.search(text, max(0, start - 30), start)
    if before:
        unit, start, kind = _SYMBOLS_OF[before.group(1)], before.start(), "money"
    elif start and (text[start - 1] == "\u2212" or _hyphen_minus(text, start - 1)):
        start, readings = start - 1, tuple(r.copy_negate() for r in readings)
    pct = style.percent.match(text, end)
    if pct and unit is None:
        return _Atom(start, pct.end(), readings, "percent", "%", atom.malformed, False, atom.text, atom.between)
    scale = None if scaled or style.scale is None else style.scale.match(text, end)
    spaced = None if scaled or scale else _SPACED_SCALE.match(text, end)
    if spaced:
        power = _GLUED_SCALES[spaced.group(1).lower()]
        readings, end = tuple(r.scaleb(power, EXACT) for r in readings), spaced.end()
    if scale:
        power = style.scale_power(scale.group(1))
        readings, end = tuple(r.scaleb(power, EXACT) for r in readings), scale.end()
    after = style.currency_after.match(text, end)
    if after:
        unit, end, kind = style.currencies[after.group(1)], after.end(), "money"
    plain = atom.plain and unit is None and not scale and not spaced and not scaled and start == atom.start
    if plain and style.decade_before is not None and style.decade_before.search(text, max(0, start - 24), start):
        decade = _decade(text[start:end])
        if decade:  # "los años 70", "les années 1970"
            return _Atom(start, end, decade, "decade", atom.unit, atom.malformed, False, atom.text, atom.between)
    if plain and kind == "number" and len(text[start:end]) == 4 and 1900 <= readings[0] <= 2099:
        kind = "year"
    # Built field by field (dataclasses.replace costs three times as much, for every number)
    return _Atom(start, end, readings, kind, unit, atom.malformed, plain, atom.text, atom.between)


def _decade(digits: str) -> tuple[Decimal, ...] | None:
    """The years a decade written with these digits may start: "1970" is
    1970; "70" is 1970, or 2070; "20" is 1920 or 2020."""
    if not digits.isdigit() or digits[-1] != "0":
        return None
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return (Decimal(digits),)
    if len(digits) == 2:
        return (Decimal(1900 + int(digits)), Decimal(2000 + int(digits)))
    return None


def _clock(atoms: list[_Atom], text: str, style: _Style) -> list[_Atom]:
    """Hours of the day: "6 pm" and "6–7 pm" read on the 24-hour clock (18,
    and 18 to 19), as "18 heures" and "18 à 19 Uhr" state them; a number
    followed by an hour word is a time. A range of hours states its ends
    only."""
    out: list[_Atom] = []
    timed: set[tuple[int, int]] = set()
    for atom in atoms:
        if atom.kind not in ("number", "range", "time") or atom.malformed or atom.unit is not None:
            out.append(atom)
            continue
        value = atom.readings[0]
        if style.pm is not None and style.pm.match(text, atom.end) and 1 <= value <= 12:
            value = value + 12 if value < 12 else value
        elif style.am is not None and style.am.match(text, atom.end) and 1 <= value <= 12:
            value = value - 12 if value >= 12 else value
        elif not (style.hour is not None and style.hour.match(text, atom.end) and 0 <= value <= 24):
            out.append(atom)
            continue
        timed.add((atom.start, atom.end))
        out.append(replace(atom, readings=(value,), kind="time", plain=False))
    return [a for a in out if not (a.between and (a.start, a.end) in timed)]


def _ranges(atoms: list[_Atom], text: str, style: _Style) -> list[_Atom]:
    """Join "24-26", "du 24 au 26", "entre 24 et 26" into ranges; small
    ranges also yield the integers between, as "24, 25 y 26" states them."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is None or not (a.plain and b.plain and not a.malformed and not b.malformed):
            out.append(a)
            i += 1
            continue
        low, high = a.readings[0], b.readings[0]
        between = text[a.end : b.start]
        joined = style.to.fullmatch(between) or (
            style.joined_by is not None
            and style.between is not None
            and style.joined_by.fullmatch(between)
            and style.between.search(text, max(0, a.start - 12), a.start)
        )
        if joined and high <= low and between.strip() in ("-", "–", "—") and low >= 1000 and b.end - b.start == 2:
            high = low // 100 * 100 + high  # "2019-20"
        if not joined or high <= low:
            out.append(a)
            i += 1
            continue
        span = text[a.start : b.end]
        out.append(replace(a, end=b.end, kind="range", text=span))
        out.append(replace(b, start=a.start, readings=(high,), kind="range", text=span))
        if high < 1000 and high - low <= 31:
            out.extend(
                replace(a, end=b.end, readings=(Decimal(v),), kind="range", text=span, between=True)
                for v in range(int(low) + 1, int(high))
            )
        i += 2
    return out


class _Token:
    """A word for text2num's ``find_numbers`` (it calls these three methods)."""

    __slots__ = ("blocked", "end", "start", "word")

    def __init__(self, word: str, start: int, end: int, blocked: bool) -> None:
        self.word, self.start, self.end, self.blocked = word, start, end, blocked

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self.blocked


def _percent_after(tokens: list[_Token], at: int, profile: Profile) -> int:
    """How many tokens from ``at`` say "percent" ("%", "por ciento",
    "pourcent"): 0 when they do not."""
    if at < len(tokens) and tokens[at].word == "%":
        return 1
    for phrase in profile.percent:
        words = phrase.lower().split()
        if at < len(tokens) and tokens[at].word.lower() == "".join(words):
            return 1
        if [t.word.lower() for t in tokens[at : at + len(words)]] == words:
            return len(words)
    return 0


_WORDS_KEPT = 1 << 16  # words whose reading is kept, per language


@dataclass
class _Vocabulary:
    """The words of one language found so far, sorted into those text2num
    reads alone as a number and the others (kept across calls: a document
    uses the same words again and again, and a set lookup costs far less
    than asking text2num). ``ones`` are the number words read alone as a
    plain 1 ("one", "un", "une", "una"): articles, mostly."""

    seen: set[str]
    numbers: set[str]
    ones: set[str]


_VOCABULARIES: dict[str, _Vocabulary] = {}


def _vocabulary(words: set[str], language: str) -> _Vocabulary:
    """The vocabulary of ``language``, with ``words`` sorted into it. Every
    number text2num reads holds at least one number word (the others are
    joiners: "and", "point", "y", "et", hyphens), so a text without one
    holds none, and is not handed to it word by word."""
    vocabulary = _VOCABULARIES.get(language)
    if vocabulary is None or len(vocabulary.seen) > _WORDS_KEPT:  # a new one: a thread may still read the old
        vocabulary = _VOCABULARIES[language] = _Vocabulary(set(), set(), set())
    if not vocabulary.seen.issuperset(words):  # sorted before seen: a word seen is always sorted
        unknown = words - vocabulary.seen
        token = _Token("", 0, 0, False)  # one token, rewritten for each word (text2num keeps none)
        alone = [token]
        for word in unknown:
            token.word, token.end = word, len(word)
            found = find_numbers(alone, language, 0.0)
            if found:
                if len(found) == 1 and found[0].value == 1 and not found[0].is_ordinal:
                    vocabulary.ones.add(word)
                vocabulary.numbers.add(word)
        vocabulary.seen.update(unknown)
    return vocabulary


WORD_REACH = 3  # tokens a spelled number reaches past a number word: joiners ("and", "-", "y"), "por ciento"
_LETTER = re.compile(r"[^\W\d_]")


def _hits(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """The spans of the tokens of ``text`` that are one of ``words``: where
    a word is found with no letter on either side (a whole run of letters;
    "un" in "aucun" is none). The words are few, and ``str.find`` finds
    them faster than a pattern made for them would be compiled."""
    spans: list[tuple[int, int]] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and _LETTER.match(text, at - 1)) and not _LETTER.match(text, end):
                spans.append((at, end))
            at = text.find(word, end)
    spans.sort()
    return spans


def _before(text: str, at: int, count: int) -> list[tuple[str, int, int]]:
    """The ``count`` tokens before offset ``at`` (a token boundary), fewer
    at the start of the text, each (word, start, end). Tokenised from a
    little way back: the first token found there may be the end of a longer
    one, so it is dropped unless the text starts there."""
    back = 16 * (count + 1)
    while True:
        start = max(0, at - back)
        found = [(m.group(2), m.start(2), m.end(2)) for m in _PIECE.finditer(text, start, at)][0 if start == 0 else 1 :]
        if len(found) >= count or start == 0:
            return found[max(0, len(found) - count) :] if count else []
        back *= 4


def _apart(text: str, end: int, start: int, limit: int) -> bool:
    """Whether more than ``limit`` tokens lie between offsets ``end`` and
    ``start`` (two token boundaries)."""
    return next(islice(_PIECE.finditer(text, end, start), limit, None), None) is not None


def _stretches(text: str, hits: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The number words (``hits``) grouped as text2num may read them
    together: two are in one group when at most ``2 * WORD_REACH`` tokens
    lie between them (their reaches meet)."""
    groups = [[hits[0]]]
    for previous, hit in pairwise(hits):
        if _apart(text, previous[1], hit[0], 2 * WORD_REACH):
            groups.append([hit])
        else:
            groups[-1].append(hit)
    return groups


def _window(text: str, group: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """The tokens from ``WORD_REACH`` before the first number word of
    ``group`` to ``WORD_REACH`` after its last."""
    tokens = _before(text, group[0][0], WORD_REACH)
    last = group[-1][0]
    after = -1  # tokens taken past the last number word
    for m in _PIECE.finditer(text, group[0][0]):
        start = m.start(2)
        tokens.append((m.group(2), start, m.end(2)))
        if after >= 0 or start == last:
            after += 1
            if after == WORD_REACH:
                break
    return tokens


def _words(text: str, profile: Profile, claimed: bytearray, runs: str | None = None) -> list[NumberFact]:
    """Numbers spelled as words (soft facts), read by text2num in the
    language's profile. Value 1 cardinals ("one", "un", "une", "una") are
    articles far more often than numbers, so are dropped. text2num is handed
    only the stretches of tokens around number words (it calls back into
    Python for every token it is given, and most of a paragraph is none),
    and only those are tokenised."""
    if profile.number_words is None:
        return []
    language = profile.number_words
    # the words among those tokens (split out of ``runs`` faster than found again)
    words = set(letter_runs(text)) if runs is None else set(runs.split(" ")) if runs else set()
    vocabulary = _vocabulary(words, language)
    numeric = words & vocabulary.numbers
    if not numeric:
        return []
    # A stretch with a lone "one" (no other number word within reach) reads
    # as 1 at most, and a 1 is dropped: it is not handed to text2num ("point
    # one" is 1, "one point one" is 1.1: two make a number).
    ones = numeric & vocabulary.ones
    facts: list[NumberFact] = []
    for group in _stretches(text, _hits(text, numeric)):
        if len(group) == 1 and text[group[0][0] : group[0][1]] in ones:
            continue
        tokens = [
            _Token(word, start, end, word[0].isdigit() or bool(claimed[start])) for word, start, end in _window(text, group)
        ]
        skip: set[int] = set()
        for occ in find_numbers(tokens, language, 0.0):
            if occ.start in skip or (occ.value == 1 and not occ.is_ordinal):
                continue
            first, after = tokens[occ.start], occ.end
            end, unit = tokens[after - 1].end, None
            percent = _percent_after(tokens, after, profile)
            if percent:
                end, unit = tokens[after + percent - 1].end, "%"
                skip.update(range(after, after + percent))
            value = Decimal(str(occ.value))
            kind = "ordinal" if occ.is_ordinal else "word"
            facts.append(NumberFact(value, text[first.start : end], first.start, end, kind, (value,), False, unit))
    return facts


def _fact(atom: _Atom, text: str) -> NumberFact:
    values = tuple(dict.fromkeys(atom.readings))
    surface = atom.text or text[atom.start : atom.end]
    return NumberFact(values[0], surface, atom.start, atom.end, atom.kind, values, True, atom.unit, atom.malformed)


_PLACEHOLDERS = "patterns/placeholders.yaml"


@lru_cache(maxsize=1)
def _placeholder_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where MT placeholders stand (kept for the next call only: the numbers
    and the markers of a block are extracted one after the other; kept any
    longer, a block checked again would find them without a search)."""
    if not may_hold_any(text, file_requires(_PLACEHOLDERS)):  # most blocks
        return ()
    return tuple(m.span() for pattern in compiled_patterns(_PLACEHOLDERS) for m in pattern.finditer(text))


def _master_matches(master: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``master.finditer(text)``, scanning only the stretches of text that
    can hold a match. Every alternative of the master pattern holds a digit,
    ``/``, ``@``, ``[``, ``#`` or ``www.`` and stays within the run of
    non-space characters around it, except two: a number grouped by spaces
    ("1 000 000": runs one space apart are scanned together) and a list
    number led by spaces from the start of its line. Each stretch is scanned
    with the two characters after it, which is all any lookahead at its end
    reads; lookbehinds see the text before it. (A text without any of those
    characters, most paragraphs, is not handed here: ``_may_match`` finds
    that at once.)"""
    stretches: list[list[int]] = []
    for run in _MAY_RUN.finditer(text):
        lo, hi = run.span()
        while lo and not text[lo - 1].isspace():  # back to the start of the run (\s is isspace)
            lo -= 1
        start = lo  # back over the spaces and tabs before the run: to the start of its line?
        while start and text[start - 1] in " \t":
            start -= 1
        if not start or text[start - 1] == "\n":
            lo = start
        if stretches and lo < stretches[-1][1] + 2:  # one space between: a number may run on
            stretches[-1][1] = hi
        else:
            stretches.append([lo, hi])
    for lo, hi in stretches:
        yield from master.finditer(text, lo, min(len(text), hi + 2))


def extract_numbers(text: str, lang: str, runs: str | None = None) -> list[NumberFact]:
    """Every number ``text`` states, sorted by position. ``lang`` (a language
    code) names the profile that decides the preferred reading of ambiguous
    separators and the words read around numbers and as numbers. ``runs``:
    the runs of letters of ``text`` joined by spaces, when they are known
    (``Block.letter_runs``)."""
    code = lang.lower().replace("_", "-").split("-")[0].split(".")[0]
    style = _style(code)
    claimed = bytearray(len(text))
    for lo, hi in _placeholder_spans(text):
        claimed[lo:hi] = b"\x01" * (hi - lo)
    if not _may_match(text):  # most paragraphs: only words can state a number
        return sorted(_words(text, style.profile, claimed, runs), key=_position)
    lead = len(text) - len(text.lstrip())
    atoms: list[_Atom] = []
    other: list[_Atom] = []  # dates, times, versions, ordinals: never ranges
    for m in _master_matches(style.master, text):
        what, (lo, hi) = m.lastgroup, m.span()
        if claimed[lo]:
            continue
        claimed[lo:hi] = b"\x01" * (hi - lo)
        if what in _SILENT:
            continue
        if what in ("iso", "dmy"):
            year = "iy" if what == "iso" else "dy"
            day = "id" if what == "iso" else ("d2" if m.group("ds") == "/" and int(m.group("d2")) > 12 else "d1")
            other.append(_Atom(*m.span(day), (Decimal(int(m.group(day))),)))
            other.append(_Atom(*m.span(year), (Decimal(m.group(year)),), "year"))
        elif what == "time":
            value = Decimal(int(m.group("hh"))) + Decimal(int(m.group("mm"))) / 60
            other.append(_Atom(lo, hi, (value,), "time"))
        elif what == "version":
            major, minor = m.group("vnum").split(".")[:2]
            other.append(_Atom(lo, hi, (Decimal(f"{major}.{minor}"),), "version"))
        elif what == "decade":  # "1970s", "the 70s", "die 70er"
            other.append(_Atom(lo, hi, _decade(m.group("dnum")) or (Decimal(m.group("dnum")),), "decade"))
        elif what == "hourh":  # "18h"
            other.append(_Atom(lo, hi, (Decimal(m.group("hnum")),), "time"))
        elif what == "sci":  # "1e+18": never an ordinal "1e"
            mantissa = m.group()[: m.start("exp") - lo - 1].replace(",", ".")
            value = Decimal(mantissa).scaleb(int(m.group("exp").replace("\u2212", "-")), EXACT)
            other.append(_Atom(lo, hi, (value,)))
        elif what == "ordinal":
            other.append(_Atom(lo, hi, (Decimal(m.group("onum")),), "ordinal"))
        elif what == "gscale":
            number = Decimal(m.group("gnum").replace(",", "."))
            atom = _Atom(lo, hi, (number.scaleb(_GLUED_SCALES[m.group("gunit").lower()], EXACT),))
            atoms.append(_decorate(atom, text, style, scaled=True))
        else:
            for atom in _chain(text, lo, m.group(), style, lead):
                atoms.append(_decorate(atom, text, style) if atom.kind == "number" else atom)
    facts = [_fact(atom, text) for atom in _clock(_ranges(atoms, text, style) + other, text, style)]
    for fact in facts:  # suffixes (currency words, "por ciento", "mil") are not number words
        claimed[fact.start : fact.end] = b"\x01" * (fact.end - fact.start)
    facts.extend(_words(text, style.profile, claimed, runs))
    facts.sort(key=_position)
    return facts


def _position(fact: NumberFact) -> tuple[int, int, Decimal]:
    return fact.start, fact.end, fact.value


def extract_markers(text: str) -> list[Marker]:
    """Footnote markers ([ii], [2], glued superscripts) and MT placeholders (XNUMX)."""
    markers = [Marker("placeholder", text[lo:hi], lo, hi) for lo, hi in _placeholder_spans(text)]
    if "[" in text:  # every note marker starts with one (most blocks hold none)
        for m in _NOTE.finditer(text):
            if not (m.group() in ("[x]", "[X]") and _CHECKBOX.search(text, max(0, m.start() - 12), m.start())):
                markers.append(Marker("footnote", m.group(), *m.span()))
    for m in _SUPERSCRIPT.finditer(text):
        if not _UNIT_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            markers.append(Marker("footnote", m.group(), *m.span()))
    return sorted(set(markers), key=lambda k: (k.start, k.end, k.kind)) if markers else markers
