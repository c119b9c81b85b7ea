"""Numbers in every language and style: percentages and amounts as each
locale writes them read back to the same value, and three versions that
write the same value each in their own style never raise a finding, while a
changed value in one of them always does, naming that version.

(Plain numbers in each locale are covered by ``test_numbers.py``.)"""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given, settings
from hypothesis import strategies as st

from ogpcheck.compare import rules as rule_registry
from ogpcheck.compare.engine import compare
from ogpcheck.extract.numbers import extract_numbers
from ogpcheck.models import Block, Document, Version
from ogpcheck.versions.align import align

LANGS = ["en", "es", "fr"]
EVERY = ["en", "es", "fr", "de", "pt", "it"]  # every language with a profile
SPACES = ["\u202f", "\u00a0", "\u2009", " "]
NUMBER_RULES = rule_registry.select(rule_registry.all_rules(), ["NUM"], [])


def hard_facts(text: str, lang: str) -> list:
    return [fact for fact in extract_numbers(text, lang) if fact.hard]


@settings(max_examples=200, deadline=None)
@given(
    hundredths=st.integers(min_value=0, max_value=10**8),
    lang=st.sampled_from(EVERY),
    decimals=st.booleans(),
)
def test_percentages_in_each_locale_round_trip(hundredths: int, lang: str, decimals: bool) -> None:
    value = Decimal(hundredths) / 100 if decimals else Decimal(hundredths // 100)
    surface = format_percent(value / 100, locale=lang, format="#,##0.##%" if decimals else None)
    (fact,) = hard_facts(f"Un total de {surface} cette année.", lang)
    assert (fact.kind, fact.unit) == ("percent", "%"), surface
    assert value in fact.candidates, (surface, fact)


@settings(max_examples=200, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=10**11),
    lang=st.sampled_from(EVERY),
    currency=st.sampled_from(["USD", "EUR"]),
)
def test_amounts_in_each_locale_round_trip(cents: int, lang: str, currency: str) -> None:
    amount = Decimal(cents) / 100
    surface = format_currency(amount, currency, locale=lang)
    (fact,) = hard_facts(f"Each award was {surface} in the first year.", lang)
    assert (fact.kind, fact.unit) == ("money", currency), surface
    assert amount in fact.candidates, (surface, fact)


def styled(number: Decimal, lang: str, space: str) -> str:
    """``number`` as a writer of ``lang`` may write it."""
    surface = format_decimal(number, locale=lang)
    return surface.replace("\u202f", space) if lang == "fr" else surface


def document(surfaces: dict[str, str]) -> Document:
    versions = []
    for lang, surface in surfaces.items():
        text = f"Total: {surface}."
        path = f"report.{lang}.md"
        versions.append(Version(lang, lang, path, [Block(0, "paragraph", text, 1, path, text=text)]))
    return Document(versions)


def number_findings(surfaces: dict[str, str]) -> list:
    doc = document(surfaces)
    return compare(doc, align(doc.versions), NUMBER_RULES, list(surfaces))


numbers = st.builds(
    lambda units, places: Decimal(units).scaleb(-places), st.integers(0, 10**11), st.sampled_from([0, 1, 2])
)


@settings(max_examples=150, deadline=None)
@given(number=numbers, spaces=st.tuples(*[st.sampled_from(SPACES)] * 3))
def test_same_value_in_three_styles_agrees(number: Decimal, spaces: tuple[str, str, str]) -> None:
    surfaces = {lang: styled(number, lang, space) for lang, space in zip(LANGS, spaces, strict=True)}
    assert number_findings(surfaces) == [], surfaces


@settings(max_examples=40, deadline=None)
@given(number=numbers, spaces=st.tuples(*[st.sampled_from(SPACES)] * len(EVERY)))
def test_same_value_in_six_styles_agrees(number: Decimal, spaces: tuple[str, ...]) -> None:
    surfaces = {lang: styled(number, lang, space) for lang, space in zip(EVERY, spaces, strict=True)}
    assert number_findings(surfaces) == [], surfaces


@settings(max_examples=40, deadline=None)
@given(number=numbers, change=st.integers(1, 10**6), odd=st.sampled_from(EVERY))
def test_a_changed_value_is_found_among_six_styles(number: Decimal, change: int, odd: str) -> None:
    changed = number + Decimal(change).scaleb(number.as_tuple().exponent)
    surfaces = {lang: styled(changed if lang == odd else number, lang, "\u202f") for lang in EVERY}
    found = number_findings(surfaces)
    assert [(f.rule, f.suspect) for f in found] == [("NUM001", [odd])], surfaces


@settings(max_examples=150, deadline=None)
@given(number=numbers, change=st.integers(1, 10**6), odd=st.sampled_from(LANGS), space=st.sampled_from(SPACES))
def test_a_changed_value_is_found_in_its_version(number: Decimal, change: int, odd: str, space: str) -> None:
    """The change is in the last written digit or above, so it shows."""
    changed = number + Decimal(change).scaleb(number.as_tuple().exponent)
    surfaces = {lang: styled(changed if lang == odd else number, lang, space) for lang in LANGS}
    found = number_findings(surfaces)
    assert [(f.rule, f.suspect) for f in found] == [("NUM001", [odd])], surfaces


@pytest.mark.parametrize("lang", EVERY)
def test_negative_numbers_keep_their_sign(lang: str) -> None:
    surface = format_decimal(-1234.5, locale=lang)  # Babel writes an ASCII hyphen-minus
    (fact,) = hard_facts(f"Le solde était de {surface} cette année.", lang)
    assert fact.value == -1234.5
