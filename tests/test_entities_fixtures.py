"""Entity findings on handmade EN/ES/FR documents (fixtures/entities/):
a swapped country, a dropped organisation or place, a changed person's
name, a name mentioned fewer times, and names that are translated, adapted
or kept by design and must not be reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.models import Finding, Report, Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "entities"


def run(case: str, langs: tuple[str, ...] = ("en", "es", "fr")) -> Report:
    folder = FIXTURES / case
    return check([folder / f"report.{lang}.md" for lang in langs], Options(langs=list(langs), select=["ENT"]))


def only(report: Report, rule: str) -> Finding:
    found = [f for f in report.findings if f.rule == rule]
    assert len(found) == 1, [f.message for f in report.findings]
    return found[0]


def values(finding: Finding) -> dict[str, list[str]]:
    return {loc.version: loc.values for loc in finding.locations}


def test_a_swapped_country_is_an_error_and_the_odd_version_the_suspect() -> None:
    report = run("country-swapped")
    finding = only(report, "ENT001")
    assert finding.severity is Severity.ERROR
    assert finding.suspect == ["fr"]
    assert values(finding) == {"fr": ["Colombia"], "en": ["Costa Rica"], "es": ["Costa Rica"]}
    fr = finding.locations[0]
    start, end = fr.highlights[0]
    assert fr.text[start:end] == "Colombie"
    assert fr.line == 5
    assert [f.rule for f in report.findings] == ["ENT001"]


def test_a_changed_person_name_is_a_replacement() -> None:
    finding = only(run("person-changed"), "ENT001")
    assert finding.suspect == ["fr"]
    assert values(finding)["fr"] == ["Catherine Dupont"]
    assert "Katherine Wikrent" in finding.message


def test_a_dropped_organisation_is_missing_from_that_version() -> None:
    report = run("organisation-dropped")
    finding = only(report, "ENT004")
    assert finding.severity is Severity.WARNING
    assert finding.suspect == ["es"]
    assert "Accountability Lab" in finding.message
    assert not any(f.rule == "ENT001" for f in report.findings)


def test_a_dropped_country_is_missing_and_named_in_the_others() -> None:
    finding = only(run("place-dropped"), "ENT004")
    assert finding.suspect == ["fr"]
    assert values(finding) == {"fr": [], "en": ["Philippines"], "es": ["Philippines"]}
    es = next(loc for loc in finding.locations if loc.version == "es")
    assert [es.text[a:b] for a, b in es.highlights] == ["Filipinas"]


def test_a_name_given_fewer_times_is_info() -> None:
    finding = only(run("mention-fewer"), "ENT002")
    assert finding.severity is Severity.INFO
    assert finding.suspect == ["fr"]
    assert "once where en, es name it 2 times" in finding.message


def test_translated_adapted_and_kept_names_agree() -> None:
    # Philippines / Filipinas, Afghanistan / Afganistán, Colombia / Colombie,
    # Dubai / Dubaï, CODE NGO and ACCESA kept, OGP / PGO, "la Alianza".
    assert run("names-translated-adapted-kept").findings == []


def test_with_two_versions_a_swap_is_reported_once_without_suspect() -> None:
    report = run("country-swapped", ("en", "fr"))
    finding = only(report, "ENT001")
    assert finding.suspect == []
    assert finding.severity is Severity.WARNING
    assert finding.message.endswith("(no majority)")


def test_a_term_written_two_ways_in_one_version_is_reported_where_it_is_odd() -> None:
    finding = only(run("term-inconsistent"), "ENT003")
    assert finding.suspect == ["fr"]
    assert [loc.values for loc in finding.locations] == [["OGP"]]
    assert "PGO 4 times, OGP once" in finding.message


@pytest.mark.parametrize("case", ["country-swapped", "person-changed", "organisation-dropped"])
def test_the_versions_that_agree_are_not_blamed(case: str) -> None:
    for finding in run(case).findings:
        assert len(finding.suspect) == 1
        assert {loc.version for loc in finding.locations} == {"en", "es", "fr"}


def test_a_kept_name_swapped_for_another_of_the_document_is_a_replacement() -> None:
    # Stripe is named elsewhere in every version, so it is a name of the
    # document copied into the wrong sentence, not a translation.
    finding = only(run("kept-name-swapped"), "ENT001")
    assert finding.suspect == ["es"]
    assert values(finding) == {"es": ["Stripe"], "en": ["Snipcart"], "fr": ["Snipcart"]}
    # Snipcart stands in the neighbouring paragraphs of the Spanish text too.
    assert finding.severity is Severity.WARNING


def test_acronyms_translated_or_spelled_out_agree() -> None:
    # ISP / FAI (only the French text uses FAI), CA / AC (same letters),
    # (CA) dropped after "autorité de certification" (spelled out).
    assert run("acronyms-translated").findings == []
