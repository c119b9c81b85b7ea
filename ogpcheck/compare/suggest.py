"""Suggested fixes: what the other versions agree on, put in the place of what
the suspect version says (``fr: 12 -> 4``).

A suggestion is made from a finding's locations alone, after its kind has
run: the suspect version, the values every other version gives, and the
highlighted text of each. So every kind gets suggestions without knowing
about them, whichever way its suspect was chosen (a majority, or the source
version against a translation). None is made without exactly one suspect,
when the other versions do not agree on the values, or when the values are
not in their text (a count of rows or items is a fact about the text, not a
value to write in).

The value put in is written as the suspect's language writes numbers, in
the shape of the number it replaces (``12 %`` becomes ``4 %``; ``1.500`` in
English becomes ``1,500``); when the replaced text is more than a number
(``4.5 million``) only the value is suggested.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from ..lang.profile import signs
from ..models import Finding, Location, Suggestion
from .findings import format_value

_NUMBER_RUN = re.compile(r"\d(?:[\d.,\u00a0\u202f' ]*\d)?")
_GROUPED = re.compile(r"\d[.,\u00a0\u202f' ]\d{3}(?!\d)")
SPACES = {" ", "\u00a0", "\u202f"}


def suggest(finding: Finding, lang_of: Callable[[str], str]) -> Suggestion | None:
    """The suggestion of one finding, or None when none can be made."""
    if len(finding.suspect) != 1:
        return None
    vid = finding.suspect[0]
    mine = [loc for loc in finding.locations if loc.version == vid]
    theirs = [loc for loc in finding.locations if loc.version != vid]
    if len(mine) != 1 or not theirs or not any(loc.highlights for loc in theirs):
        return None
    agreed = {tuple(loc.values) for loc in theirs}
    if len(agreed) != 1:
        return None
    expected = list(agreed.pop())
    own = mine[0]
    if not expected or expected == own.values:
        return None
    suggestion = Suggestion(vid, list(own.values), expected)
    if len(own.values) == 1 and len(expected) == 1 and len(own.highlights) == 1:
        start, end = own.highlights[0]
        old = own.text[start:end]
        new = replacement(old, own.values[0], expected[0], theirs, lang_of(vid), lang_of)
        if new is not None and new != old and not _signed_twice(own.text[:start], new):
            suggestion.replaced, suggestion.inserted = old, new
            suggestion.text = own.text[:start] + new + own.text[end:]
    return suggestion


def replacement(
    old: str, found: str, wanted: str, theirs: list[Location], lang: str, lang_of: Callable[[str], str]
) -> str | None:
    """What to write instead of ``old`` (which states ``found`` in ``lang``):
    a number in the shape of ``old``, or a name as the other versions write
    it. None when a number is more than its digits, in the suspect or in the
    others (``30M`` stands for 30000000)."""
    number = _as_number(wanted)
    if number is not None:
        if not all(_states(loc, number, lang_of(loc.version)) for loc in theirs if loc.highlights):
            return None
        return _renumber(old, found, number, lang)
    surfaces = {" ".join(loc.text[a:b].split()) for loc in theirs for a, b in loc.highlights[:1]}
    if len({s.casefold() for s in surfaces}) == 1:
        return surfaces.pop()
    return wanted


def _states(loc: Location, value: Decimal, lang: str) -> bool:
    """Whether the digits of a location's first highlight read ``value``."""
    a, b = loc.highlights[0]
    run = _NUMBER_RUN.search(loc.text[a:b])
    return run is not None and abs(value) in _readings(run.group(), lang)


def _signed_twice(before: str, new: str) -> bool:
    """A negative value put after a minus sign the text already writes."""
    return new.startswith("-") and before.rstrip("*_ ").endswith(("-", "−", "–"))


def _as_number(value: str) -> Decimal | None:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _renumber(old: str, found: str, value: Decimal, lang: str) -> str | None:
    """``old`` with its number replaced by ``value``; None when ``old`` is
    more than its digits (a scale word, a range) and would be misread."""
    run = _NUMBER_RUN.search(old)
    stated = _as_number(found)
    if run is None or stated is None or stated not in _readings(run.group(), lang):
        return None
    return old[: run.start()] + write_number(value, run.group(), lang) + old[run.end() :]


def _symbols(lang: str) -> tuple[str, str]:
    try:
        return signs(lang)
    except Exception:  # a language Babel does not know
        return ".", ","


def _readings(digits: str, lang: str) -> set[Decimal]:
    """The values a run of digits may have: with the separators of ``lang``,
    and with any separator before three digits taken for grouping."""
    decimal, group = _symbols(lang)
    strict = digits.replace(group, "").replace("\u00a0", "").replace(" ", "").replace(decimal, ".")
    grouped = re.sub(r"(?<=\d)[.,\u00a0\u202f' ](?=\d{3}(?!\d))", "", digits).replace(decimal, ".")
    out: set[Decimal] = set()
    for text in (strict, grouped):
        number = _as_number(text)
        if number is not None:
            out.add(number)
    return out


def write_number(value: Decimal, like: str, lang: str) -> str:
    """``value`` as ``lang`` writes it, grouped like the number ``like`` (a
    year stays ``2019``, ``1 500`` keeps its space)."""
    decimal, group = _symbols(lang)
    plain = format_value(abs(value))
    whole, _, fraction = plain.partition(".")
    found = _GROUPED.search(like)
    if found is not None and len(whole) > 3:
        sign = found.group()[1]
        separator = sign if sign != decimal and (sign in SPACES or group not in SPACES) else group
        whole = f"{int(whole):,}".replace(",", separator)
    return ("-" if value < 0 else "") + whole + (decimal + fraction if fraction else "")
