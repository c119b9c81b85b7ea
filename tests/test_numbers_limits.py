"""Numbers at the edges: more digits than Babel rounds to, more than a float
holds, and runs of separators that once made the extractor quadratic. Every
input is generated here; the time each takes is shown by
``benchmarks/bench_number_runs.py``, not asserted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.compare.findings import format_value
from ogpcheck.extract.numbers import extract_numbers
from ogpcheck.models import Finding


def _check(tmp_path: Path, texts: dict[str, str]) -> list[Finding]:
    paths = []
    for lang, text in texts.items():
        path = tmp_path / f"report.{lang}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return check(paths, Options(select=["NUM"])).findings


@pytest.mark.parametrize(
    ("lang", "group"),
    [("en", ","), ("es", "."), ("fr", "\u202f"), ("fr", " ")],
)
@pytest.mark.parametrize("groups", [10, 11, 40])
def test_grouped_numbers_longer_than_28_digits_are_read_exactly(lang: str, group: str, groups: int) -> None:
    surface = "1" + (group + "234") * (groups - 1)
    (fact,) = [f for f in extract_numbers(f"A total of {surface} units.", lang) if f.hard]
    assert fact.value == Decimal("1" + "234" * (groups - 1))
    assert fact.text == surface


def test_huge_numbers_that_agree_raise_nothing(tmp_path: Path) -> None:
    huge = "9" * 400
    texts = {lang: f"{word} {huge}.\n" for lang, word in (("en", "Total"), ("es", "Total"), ("fr", "Total"))}
    assert _check(tmp_path, texts) == []


def test_huge_numbers_that_differ_are_a_mismatch_not_a_crash(tmp_path: Path) -> None:
    huge, other = "9" * 400, "9" * 399 + "8"
    texts = {"en": f"Total {huge}.\n", "es": f"Total {huge}.\n", "fr": f"Total {other}.\n"}
    (finding,) = _check(tmp_path, texts)
    assert (finding.rule, finding.suspect) == ("NUM001", ["fr"])
    # the two values do not print alike, even where they differ in the last digit
    assert finding.locations[0].values != finding.locations[1].values


def test_twenty_digit_numbers_differing_in_the_last_digit_differ(tmp_path: Path) -> None:
    texts = {
        "en": "Block 15537393000000000001 was final.\n",
        "es": "El bloque 15537393000000000001 fue final.\n",
        "fr": "Le bloc 15537393000000000002 était final.\n",
    }
    (finding,) = _check(tmp_path, texts)
    assert finding.message == "fr gives 15537393000000000002 where en, es give 15537393000000000001"


def test_a_scale_word_keeps_every_digit() -> None:
    (fact,) = extract_numbers("1234567890123456789012345678901 millions", "en")
    assert fact.value == Decimal("1234567890123456789012345678901" + "000000")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("4500"), "4500"),
        (Decimal("4.5"), "4.5"),
        (Decimal("12.50"), "12.5"),
        (Decimal("1.000252"), "1.000252"),
        (Decimal("0.000042"), "0.000042"),
        (Decimal("5.875E+22"), "5.875e+22"),
        (Decimal("-0.00399"), "-0.00399"),
    ],
)
def test_values_are_shown_with_every_significant_digit(value: Decimal, shown: str) -> None:
    assert format_value(value) == shown


# Runs that made the extractor rescan the rest of the run from each of its
# characters (a mask's lookahead or lookbehind, or a slice of the text before
# each number): every one still yields the number that follows it.
RUNS = ["-", ".", "1-", "-1", "x-", "x_", "x.", "/", "1.", "1,", "a1-", ".-[", "1.2 "]


@pytest.mark.parametrize("unit", RUNS)
def test_long_runs_still_yield_the_number_after_them(unit: str) -> None:
    run = unit * (20_000 // len(unit))
    facts = extract_numbers(f"{run} and then 4321 people.", "en")
    assert facts[-1].value == 4321
    assert facts[-1].text == "4321"


def test_a_run_of_hyphenated_digits_reads_each_digit() -> None:
    facts = extract_numbers("1-" * 5000 + "1", "en")
    assert len(facts) >= 5000
    assert {f.value for f in facts} <= {Decimal(1), Decimal(-1)}
