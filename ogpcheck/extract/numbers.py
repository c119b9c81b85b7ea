"""Numbers and markers stated in the text of one block (EN, ES or FR).

The same number is written many ways across versions (``1,000`` / ``1 000`` /
``1000`` / ``mil``), so each one is read into a value the compare stage can
match, plus every other reading when its separators are ambiguous. Digits in
URLs, identifiers (``COVID-19``), footnote markers and MT placeholders are not
facts and are skipped, so they cannot raise false alarms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import NumberFormatError, get_currency_symbol, get_decimal_symbol, get_group_symbol, parse_decimal
from text_to_num import find_numbers

from ..models import Marker, NumberFact
from ..ruledata import compiled_patterns

SPACES = " \u00a0\u202f\u2009"  # plain, no-break, narrow no-break, thin
_SP = "[ \u00a0\u202f\u2009]"
# Values are Decimals, exact however many digits a number has (a float would
# make two different 20-digit ids equal, and anything above 1e308 infinite);
# arithmetic on them goes through this context, which never rounds.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
LOOKAHEAD = 80  # characters a mask looks ahead for the digit or letter that makes it one
_WORD_LANGS = {"en", "es", "fr"}
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
    | (?P<ordinal>(?<![^\W_])(?P<onum>[0-9]{1,4})(?:ORDINALS)(?![^\W_]))
    | (?P<gscale>(?<![^\W_])(?P<gnum>[0-9]+(?:[.,][0-9]+)?)(?P<gunit>k|K|M|bn)(?![^\W_]))
    | (?P<glued>(?<![^\W_])[0-9]+[^\W\d_]\w*)
    | (?P<chain>(?<![^\W_])[0-9]+(?:[.,\u0020\u00a0\u202f\u2009][0-9]+)*)
"""
_ORDINALS = r"st|nd|rd|th|ère|ème|eme|er|re|nde|e|ᵉʳ|ʳᵉ|ᵉ|\.?[ºª]|\.er"


def _master(ordinals: str) -> re.Pattern[str]:
    """The one-pass pattern, with the ordinal endings of a language."""
    pattern = _MASTER_TEMPLATE.replace("NOTE", _NOTE.pattern).replace("LOOKAHEAD", str(LOOKAHEAD))
    return re.compile(pattern.replace("ORDINALS", ordinals), re.VERBOSE)


_MASTER = _master(_ORDINALS)
_MAY_MATCH = re.compile(r"[0-9/@\[#]|www\.")  # nothing else can start a master match worth having
_SILENT = ("url", "email", "path", "note", "hashid", "listno", "ident", "glued")
_SEP_SPLIT = re.compile(r"([.,\u0020\u00a0\u202f\u2009])")

_PCT = re.compile(rf"{_SP}?(?:%|(?:por\s?ciento|pour\s?cent|per\s?cent|percent|pourcent)(?![^\W_]))", re.IGNORECASE)
_SCALE = re.compile(
    rf"{_SP}(mil\s+millones|millones|mill[oó]n|millions?|milliards?|millardos?|billions?|billones|bill[oó]n"
    r"|trillions?|thousand|mille|mil)(?![^\W_])",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": 3,
    "mil": 3,
    "mille": 3,
    "k": 3,
    "million": 6,
    "millions": 6,
    "millon": 6,
    "millón": 6,
    "millones": 6,
    "m": 6,
    "milliard": 9,
    "milliards": 9,
    "millardo": 9,
    "millardos": 9,
    "mil millones": 9,
    "billion": 9,
    "billions": 9,
    "bn": 9,
    "billón": 12,
    "billon": 12,
    "billones": 12,
    "trillion": 12,
    "trillions": 12,
}  # powers of ten; French "billion" is 10**12, see _scale
_SECTION_WORD = re.compile(
    r"(?:window|ventana|fenêtre|section|secci[oó]n|chapter|cap[ií]tulo|chapitre|art[ií]culo|article|annexe?|anexo"
    r"|part|parte|partie|step|paso|étape|table|tabla|tableau|figure|figura|item|punto|point|§)[ \u00a0]*\Z",
    re.IGNORECASE,
)
_HEADING = re.compile(r"\s+([^\W\d_])")
_BETWEEN = re.compile(r"(?:between|entre)[ \u00a0]+\Z", re.IGNORECASE)
_TO = re.compile(rf"{_SP}*[-–—]{_SP}*|{_SP}+(?:to|through|au|à|al|a|hasta){_SP}+", re.IGNORECASE)
_AND = re.compile(rf"{_SP}+(?:and|et|y){_SP}+", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+|[0-9]+|[^\w\s]")
_SUPERSCRIPT = re.compile(r"(?<=[^\s\u2070\u00b9\u00b2\u00b3\u2074-\u2079])[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+")
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?:[kcmd]?m|ft|in|mi)\Z")
_CHECKBOX = re.compile(r"(?:^|\n)[ \t]*[-*+][ \t]*\Z")

# Currencies: Babel gives the symbols each locale writes ("$", "US$", "$US", "€"...).
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
_CURRENCY_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "dólar": "USD",
    "dólares": "USD",
    "dolares": "USD",
    "US dollars": "USD",
    "dollars américains": "USD",
    "dólares estadounidenses": "USD",
    "dollars US": "USD",
}


def _currency_table() -> dict[str, str]:
    """Surface form -> ISO code; the English symbol wins a clash ("$" is USD)."""
    table = {code: code for code in _CODES}
    for locale in ("en", "es", "fr"):
        for code in _CODES:
            symbol = get_currency_symbol(code, locale)
            if symbol != code and not any(ch.isspace() for ch in symbol):
                table.setdefault(symbol, code)
    table.update(_CURRENCY_WORDS)
    return table


def _currency_regex(forms: list[str]) -> str:
    """Alternation of currency forms, longest first, letter edges bounded."""
    alts = []
    for form in sorted(forms, key=len, reverse=True):
        head = r"(?<![^\W_])" if form[0].isalpha() else ""
        tail = r"(?![^\W_])" if form[-1].isalpha() else ""
        alts.append(head + re.escape(form) + tail)
    return "|".join(alts)


_CURRENCY = _currency_table()
_CUR_ALT = _currency_regex(list(_CURRENCY))
_CUR_AFTER = re.compile(rf"{_SP}?(?:(?:de|d['’]){_SP}?)?({_CUR_ALT})")
_CUR_BEFORE = re.compile(rf"({_currency_regex([f for f in _CURRENCY if f not in _CURRENCY_WORDS])}){_SP}?\Z")
_CUR_LAST = frozenset(form[-1] for form in _CURRENCY if form not in _CURRENCY_WORDS)
_SYMBOLS = {loc: (get_group_symbol(loc), get_decimal_symbol(loc)) for loc in ("en", "fr")}


@dataclass
class _Atom:
    """A number being built: readings are Decimals, preferred first."""

    start: int
    end: int
    readings: tuple[Decimal, ...]
    kind: str = "number"
    unit: str | None = None
    malformed: bool = False
    plain: bool = False  # bare digits: may become a year or a range endpoint
    text: str = ""


@lru_cache(maxsize=8192)
def _parse(surface: str, gsep: str, dsep: str) -> Decimal:
    """Read ``surface`` with Babel in the locale whose decimal sign is ``dsep``,
    after mapping ``gsep`` (" " = any space) to that locale's group sign."""
    locale = "fr" if dsep == "," else "en"
    group, decimal = _SYMBOLS[locale]
    table = {ord(ch): group for ch in (SPACES if gsep == " " else gsep)}
    if dsep:
        table[ord(dsep)] = decimal
    try:
        return parse_decimal(surface.translate(table), locale=locale, strict=True)
    except (NumberFormatError, InvalidOperation):
        # Babel's strict grouping check failed, or could not run (it rounds to
        # 28 digits, which a longer number overflows); the digits still say what we read
        whole, _, frac = surface.rpartition(dsep) if dsep else (surface, "", "")
        return Decimal("".join(ch for ch in whole if ch.isdigit()) + "." + (frac or "0"))


def _prefer_integer(sep: str, frac: str, lang: str) -> bool:
    """For ``X,YYY`` / ``X.YYY``: whether the thousands reading comes first."""
    if frac == "000":  # nobody writes three trailing decimal zeros in prose
        return True
    if sep == ",":  # fr: decimal comma; es: Latin-American and MT text group with commas
        return lang != "fr"
    return lang in ("es", "fr")


def _segments(groups: list[str], seps: list[str], lang: str) -> list[tuple[int, int, str, str, bool]]:
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
        joinable = sep != " " or lang != "en"
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


def _chain(text: str, start: int, surface: str, lang: str, lead: int) -> list[_Atom]:
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
        with_unit = _SCALE.match(text, end) or _PCT.match(text, end) or _CUR_AFTER.match(text, end)
        if not with_unit and (at_head or _SECTION_WORD.search(text, max(0, start - 20), start)):
            return [_Atom(start, start + len(surface), (Decimal(surface),), "section")]
    atoms = []
    for first, end, state, gsep, bad in _segments(groups, seps, lang):
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
            readings = (as_int, as_dec) if _prefer_integer(sep, frac, lang) else (as_dec, as_int)
        atoms.append(_Atom(start + lo, start + hi, readings, malformed=bad, plain=state == "int"))
    return atoms


def _scale(word: str, lang: str) -> int:
    """Power of ten of a scale word; French "billion" is the long-scale 10**12."""
    key = " ".join(word.lower().split())
    return 12 if lang == "fr" and key.startswith("billion") else _SCALES[key]


def _hyphen_minus(text: str, at: int) -> bool:
    """An ASCII hyphen is a minus sign when it opens a word ("de -1 234,5")
    and does not follow a number ("2023 -2028" is a range)."""
    if text[at] != "-":
        return False
    back = at - 1
    while back >= 0 and text[back].isspace():
        back -= 1
    return (at == 0 or text[at - 1] in " \t\n(\u00a0") and not (back >= 0 and text[back].isdigit())


def _decorate(atom: _Atom, text: str, lang: str, scaled: bool = False) -> _Atom:
    """Attach what stands around a number: minus, currency, percent, scale."""
    start, end, readings = atom.start, atom.end, atom.readings
    kind, unit = atom.kind, None
    back = start - 1 if start and text[start - 1] not in SPACES else start - 2
    before = None
    if back >= 0 and text[back] in _CUR_LAST:  # cheap test before the search of every form
        before = _CUR_BEFORE.search(text, max(0, start - 30), start)
    if before:
        unit, start, kind = _CURRENCY[before.group(1)], before.start(), "money"
    elif start and (text[start - 1] == "\u2212" or _hyphen_minus(text, start - 1)):
        start, readings = start - 1, tuple(r.copy_negate() for r in readings)
    pct = _PCT.match(text, end)
    if pct and unit is None:
        return replace(atom, start=start, end=pct.end(), readings=readings, kind="percent", unit="%", plain=False)
    scale = None if scaled else _SCALE.match(text, end)
    if scale:
        power = _scale(scale.group(1), lang)
        readings, end = tuple(r.scaleb(power, EXACT) for r in readings), scale.end()
    after = _CUR_AFTER.match(text, end)
    if after:
        unit, end, kind = _CURRENCY[after.group(1)], after.end(), "money"
    plain = atom.plain and unit is None and not scale and not scaled and start == atom.start
    if plain and kind == "number" and len(text[start:end]) == 4 and 1900 <= readings[0] <= 2099:
        kind = "year"
    return replace(atom, start=start, end=end, readings=readings, kind=kind, unit=unit, plain=plain)


def _ranges(atoms: list[_Atom], text: str) -> list[_Atom]:
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
        joined = _TO.fullmatch(between) or (
            _AND.fullmatch(between) and _BETWEEN.search(text, max(0, a.start - 12), a.start)
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
                replace(a, end=b.end, readings=(Decimal(v),), kind="range", text=span)
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


def _words(text: str, lang: str, claimed: bytearray) -> list[NumberFact]:
    """Numbers spelled as words (soft facts). Value 1 cardinals ("one", "un",
    "une", "una") are articles far more often than numbers, so are dropped."""
    tokens = [
        _Token(m.group(), m.start(), m.end(), m.group()[0].isdigit() or bool(claimed[m.start()]))
        for m in _TOKEN.finditer(text)
    ]
    facts: list[NumberFact] = []
    skip: set[int] = set()
    for occ in find_numbers(tokens, lang if lang in _WORD_LANGS else "en", 0.0):
        if occ.start in skip or (occ.value == 1 and not occ.is_ordinal):
            continue
        first, after = tokens[occ.start], occ.end
        end, unit = tokens[after - 1].end, None
        nxt = [t.word.lower() for t in tokens[after : after + 2]]
        if nxt[:1] in (["%"], ["percent"], ["pourcent"]):
            end, unit = tokens[after].end, "%"
        elif len(nxt) == 2 and nxt[0] in ("por", "pour", "per") and nxt[1] in ("ciento", "cent"):
            end, unit = tokens[after + 1].end, "%"
            skip.add(after + 1)
        value = Decimal(str(occ.value))
        kind = "ordinal" if occ.is_ordinal else "word"
        facts.append(NumberFact(value, text[first.start : end], first.start, end, kind, (value,), False, unit))
    return facts


def _fact(atom: _Atom, text: str) -> NumberFact:
    values = tuple(dict.fromkeys(atom.readings))
    surface = atom.text or text[atom.start : atom.end]
    return NumberFact(values[0], surface, atom.start, atom.end, atom.kind, values, True, atom.unit, atom.malformed)


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in compiled_patterns("patterns/placeholders.yaml") for m in pattern.finditer(text)]


def extract_numbers(text: str, lang: str) -> list[NumberFact]:
    """Every number ``text`` states, sorted by position. ``lang`` (en, es, fr)
    decides the preferred reading of ambiguous separators and the number words."""
    lang = lang.lower().replace("_", "-").split("-")[0].split(".")[0]
    claimed = bytearray(len(text))
    for lo, hi in _placeholder_spans(text):
        claimed[lo:hi] = b"\x01" * (hi - lo)
    lead = len(text) - len(text.lstrip())
    atoms: list[_Atom] = []
    other: list[_Atom] = []  # dates, times, versions, ordinals: never ranges
    for m in _MASTER.finditer(text) if _MAY_MATCH.search(text) else ():
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
        elif what == "ordinal":
            other.append(_Atom(lo, hi, (Decimal(m.group("onum")),), "ordinal"))
        elif what == "gscale":
            number = Decimal(m.group("gnum").replace(",", "."))
            atom = _Atom(lo, hi, (number.scaleb(_scale(m.group("gunit"), lang), EXACT),))
            atoms.append(_decorate(atom, text, lang, scaled=True))
        else:
            for atom in _chain(text, lo, m.group(), lang, lead):
                atoms.append(_decorate(atom, text, lang) if atom.kind == "number" else atom)
    facts = [_fact(atom, text) for atom in _ranges(atoms, text) + other]
    for fact in facts:  # suffixes (currency words, "por ciento", "mil") are not number words
        claimed[fact.start : fact.end] = b"\x01" * (fact.end - fact.start)
    facts.extend(_words(text, lang, claimed))
    facts.sort(key=lambda f: (f.start, f.end, f.value))
    return facts


def extract_markers(text: str) -> list[Marker]:
    """Footnote markers ([ii], [2], glued superscripts) and MT placeholders (XNUMX)."""
    markers = [Marker("placeholder", text[lo:hi], lo, hi) for lo, hi in _placeholder_spans(text)]
    for m in _NOTE.finditer(text):
        if not (m.group() in ("[x]", "[X]") and _CHECKBOX.search(text, max(0, m.start() - 12), m.start())):
            markers.append(Marker("footnote", m.group(), *m.span()))
    for m in _SUPERSCRIPT.finditer(text):
        if not _UNIT_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            markers.append(Marker("footnote", m.group(), *m.span()))
    return sorted(set(markers), key=lambda k: (k.start, k.end, k.kind))
