"""Words that are not names, and names that translators render their own
way (fixtures/entities/): common technical acronyms and words, acronyms
expanded or translated, translated titles and terms, a currency written as
a symbol or a code, a common noun that looks like a place. None of them is
an entity finding; the true ones beside them (a product name translated
literally, a CVE written as CWE, another currency) still are."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.models import Finding, Report, Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "entities"


def run(case: str, terms: list[Path] | None = None) -> Report:
    folder = FIXTURES / case
    langs = ("en", "es", "fr")
    options = Options(langs=list(langs), select=["ENT"], terms=terms or [])
    return check([folder / f"report.{lang}.md" for lang in langs], options)


def messages(report: Report) -> list[str]:
    return [f"{f.rule} {f.severity.value} {f.message}" for f in report.findings]


@pytest.mark.parametrize(
    "case",
    [
        # UI / interfaz / IU, CPU / procesador, FAQ / preguntas frecuentes,
        # OK / Aceptar, API, DOM, IDs, CSS, OSS kept in French only.
        "common-words-translated",
        # WHO / OMS, NSF / Fundación Nacional de Ciencia, AppSec / SecApp,
        # "operating system (OS)" / "sistemas operativos", End-of-Life (EOL)
        # / "fin de vie", L2 / "capa 2" / "couche 2".
        "acronyms-expanded",
        # Strict Mode / Modo estricto / Mode strict, "Hook calls" /
        # "llamadas a Hooks", a CWE title and talk titles translated in
        # Spanish and kept in French.
        "titles-translated",
        # $45,000 / 45.000 USD / 45 000 USD, €20,000 / 20 000 EUR.
        "currency-symbol-and-code",
        # "Reuniones" (meetings) is not Réunion.
        "place-lookalike",
    ],
)
def test_words_that_are_not_names_and_names_rendered_otherwise_give_no_finding(case: str) -> None:
    assert messages(run(case)) == []


def test_a_common_acronym_is_a_name_again_when_the_terminology_lists_it(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("terms:\n  - id: oss\n    type: organisation\n    acronyms:\n      any: OSS\n", encoding="utf-8")
    found = [f for f in run("common-words-translated", [terms]).findings if f.rule == "ENT004"]
    assert [(f.suspect, f.message) for f in found] == [(["es"], "es does not name OSS, named by en, fr")]


def test_another_currency_for_the_same_amount_is_a_replacement() -> None:
    [finding] = run("currency-changed").findings
    assert (finding.rule, finding.severity, finding.suspect) == ("ENT001", Severity.ERROR, ["fr"])
    assert finding.message == "fr names Euro (EUR) where en, es name US Dollar ($)"


def test_a_cve_written_as_cwe_where_the_version_keeps_cve_elsewhere_is_a_replacement() -> None:
    [finding] = run("cve-written-as-cwe").findings
    assert (finding.rule, finding.suspect) == ("ENT001", ["es"])
    assert finding.message == "es names CWE where en, fr name CVE"
    assert finding.locations[0].line == 5


def test_a_product_name_translated_literally_where_the_version_keeps_it_elsewhere_is_still_found() -> None:
    found: list[Finding] = run("literal-product-translation").findings
    assert {f.rule for f in found} == {"ENT004"}
    assert all(f.suspect == ["es"] and f.locations[0].line == 7 for f in found)
    assert {v for f in found for loc in f.locations if loc.version == "en" for v in loc.values} == {"Let", "Encrypt"}


def test_a_name_swapped_for_a_common_acronym_is_still_a_replacement(tmp_path: Path) -> None:
    # "Snipcart" copied over by "SDK", an acronym the others use elsewhere:
    # common acronyms are never required, but they may stand in for a name.
    texts = {
        "en": "# Cart\n\nInstall the Snipcart SDK first.\n\nWant a pre-built Snipcart solution instead?\n",
        "es": "# Carrito\n\nInstala primero el SDK de Snipcart.\n\n¿Quieres una solución de SDK preconstruida?\n",
        "fr": "# Panier\n\nInstallez d’abord le SDK Snipcart.\n\nVous voulez une solution Snipcart toute faite ?\n",
    }
    paths = []
    for lang, text in texts.items():
        path = tmp_path / f"cart.{lang}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    found = check(paths, Options(langs=["en", "es", "fr"], select=["ENT"])).findings
    assert [(f.rule, f.suspect, f.message) for f in found] == [("ENT001", ["es"], "es names SDK where en, fr name Snipcart")]
