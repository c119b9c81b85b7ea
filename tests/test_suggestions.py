"""Suggested fixes: what the other versions agree on, written into the
suspect's text the way its language writes numbers; none where no fix can be
named; shown in every output format."""

from __future__ import annotations

import json
from pathlib import Path

from ogpcheck.compare.suggest import suggest, write_number
from ogpcheck.models import Finding, Location, Severity

from .conftest import HANDMADE
from .test_formats import sarif_validator
from .trilingual import write_document

TABLE = HANDMADE / "table_wrong_cell" / "report.md"


def _loc(version: str, text: str, value: str, highlight: bool = True, shown: str | None = None) -> Location:
    """A location whose highlight is ``shown`` (or the value) where it stands in ``text``."""
    shown = shown or value
    at = text.find(shown) if highlight and shown else -1
    spans = [(at, at + len(shown))] if at >= 0 else []
    return Location(version, f"r.{version}.md", 1, text, [value] if value else [], spans)


def _finding(suspect: list[str], *locations: Location) -> Finding:
    return Finding("NUM001", Severity.ERROR, "m", suspect, list(locations))


def test_a_number_is_written_the_suspects_way() -> None:
    assert write_number(1500, "1 500", "fr") == "1 500"
    assert write_number(1500, "1.500", "en") == "1,500"
    assert write_number(2020, "2019", "fr") == "2020"
    assert write_number(4.5, "12", "fr") == "4,5"
    assert write_number(12500, "1.500", "es") == "12.500"


def test_replacement_keeps_the_shape_of_the_replaced_number() -> None:
    found = suggest(
        _finding(["fr"], _loc("fr", "Un taux de 12 % en 2021.", "12"), _loc("en", "A rate of 4% in 2021.", "4"),
                 _loc("es", "Una tasa del 4 % en 2021.", "4")),
        lambda vid: vid,
    )
    assert found is not None and str(found) == "fr: 12 -> 4"
    assert found.text == "Un taux de 4 % en 2021."


def test_a_value_the_suspect_lacks_is_to_be_added() -> None:
    found = suggest(
        _finding(["fr"], _loc("fr", "Aucun chiffre.", ""), _loc("en", "There are 4.", "4"), _loc("es", "Hay 4.", "4")),
        lambda vid: vid,
    )
    assert found is not None and str(found) == "fr: add 4" and found.text is None


def test_a_number_with_a_scale_word_gets_the_value_only() -> None:
    own = Location("fr", "r.fr.md", 1, "4,5 millions d'euros", ["4500000"], [(0, 12)])
    found = suggest(_finding(["fr"], own, _loc("en", "5 million", "5000000", shown="5 million")), lambda vid: vid)
    assert found is not None and found.expected == ["5000000"] and found.text is None and found.replaced is None


def test_no_suggestion_without_one_suspect_agreeing_others_or_values_in_text() -> None:
    lang = str
    assert suggest(_finding([], _loc("fr", "12", "12"), _loc("en", "4", "4")), lang) is None
    assert suggest(_finding(["fr"], _loc("fr", "12", "12"), _loc("en", "4", "4"), _loc("es", "5", "5")), lang) is None
    counts = _finding(["fr"], _loc("fr", "x", "3", highlight=False), _loc("en", "y", "4", highlight=False))
    assert suggest(counts, lang) is None


def test_a_name_is_suggested_as_the_others_write_it() -> None:
    found = suggest(
        _finding(["fr"], _loc("fr", "En Colombie, le plan", "Colombie"), _loc("en", "In Costa Rica, the plan", "Costa Rica"),
                 _loc("es", "En Costa Rica, el plan", "Costa Rica")),
        lambda vid: vid,
    )
    assert found is not None and found.text == "En Costa Rica, le plan"


def test_suggestion_in_text_json_sarif_and_html(run, tmp_path: Path) -> None:
    assert "    suggestion: fr: 12 -> 4" in run(TABLE).out
    finding = run(TABLE, "--format", "json").json()["findings"][0]
    assert finding["suggestion"] == {
        "version": "fr", "found": ["12"], "expected": ["4"], "summary": "fr: 12 -> 4",
        "replaced": "12", "inserted": "4", "text": "4", "line": 8, "column": 18,
    }
    line = (HANDMADE / "table_wrong_cell" / "report.fr.md").read_text(encoding="utf-8").split("\n")[7]
    assert line[17:19] == "12"
    log = json.loads(run(TABLE, "--format", "sarif").out)
    sarif_validator().validate(log)
    (fix,) = log["runs"][0]["results"][0]["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"].endswith("report.fr.md")
    assert change["replacements"] == [
        {"deletedRegion": {"startLine": 8, "startColumn": 18, "endColumn": 20}, "insertedContent": {"text": "4"}}
    ]
    assert "suggestion: fr: 12 -&gt; 4" in run(TABLE, "--format", "html").out


def test_suggested_text_replaces_the_value_in_the_paragraph(run, tmp_path: Path) -> None:
    paths = write_document(tmp_path)
    suggestion = run(*paths, "--format", "json").json()["findings"][0]["suggestion"]
    assert suggestion["text"] == "Le programme a formé 24 enseignants dans 12 régions en 2021."
    assert (suggestion["line"], suggestion["column"]) == (3, 22)


def test_no_text_when_the_others_write_the_value_with_a_scale() -> None:
    found = suggest(
        _finding(["es"], _loc("es", "30 M", "30"), _loc("en", "30M", "30000000", shown="30M"),
                 _loc("fr", "30M", "30000000", shown="30M")),
        lambda vid: vid,
    )
    assert found is not None and found.expected == ["30000000"] and found.text is None


def test_no_second_minus_sign_before_a_negative_value() -> None:
    found = suggest(
        _finding(["es"], _loc("es", "Saldo: -1,0042 ETH", "1.0042", shown="1,0042"),
                 _loc("en", "Balance: -1.0042 ETH", "-1.0042", shown="-1.0042"),
                 _loc("fr", "Solde : -1,0042 ETH", "-1.0042", shown="-1,0042")),
        lambda vid: vid,
    )
    assert found is not None and found.text is None and str(found) == "es: 1.0042 -> -1.0042"
