"""Precision on the real reports in fixtures/seeds/: names translated
(Philippines / Filipinas), adapted (Dubai / Dubaï), kept (CODE NGO, ACCESA)
or abbreviated per language (OGP / PGO, CSO / OSC, MDTF / FFM) by design
must not be reported as missing or replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.models import Report, Severity

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def seed_000() -> Report:
    return check([SEEDS / "000_2e39307007993178.txt"], Options(select=["ENT"]))


def test_no_name_is_reported_replaced(seed_000: Report) -> None:
    assert [f.message for f in seed_000.findings if f.rule == "ENT001"] == []


def test_translated_country_names_are_never_missing(seed_000: Report) -> None:
    countries = {"Afghanistan", "Burkina Faso", "Colombia", "Costa Rica", "Liberia", "Philippines"}
    for finding in seed_000.findings:
        if finding.rule == "ENT004":
            assert not countries & {v for loc in finding.locations for v in loc.values}, finding.message


def test_acronyms_translated_or_kept_by_design_are_not_missing(seed_000: Report) -> None:
    warned = [f for f in seed_000.findings if f.rule == "ENT004" and f.severity is not Severity.INFO]
    assert warned == []


def test_the_one_kept_acronym_in_the_french_text_is_inconsistent(seed_000: Report) -> None:
    # The French version writes PGO throughout but "l’OGP" once, in a footnote.
    [finding] = [f for f in seed_000.findings if f.rule == "ENT003"]
    assert finding.suspect == ["fr"]
    assert [loc.values for loc in finding.locations] == [["OGP"]]
    assert all(loc.line > 620 for loc in finding.locations)  # inside the French version
