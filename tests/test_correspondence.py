"""ALN005: a version that is not a translation of the others (the source
rewritten, a translation still the old page) is one document-level finding,
and is left out of the paragraph checks."""

from __future__ import annotations

from pathlib import Path

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.models import Report

OLD = {
    "en": [
        "# Context propagation",
        "Context propagation moves a trace context from one service to the next, so 3 services can share one trace.",
        "The context is carried in 2 headers of every request sent between the services.",
        "Each library reads the headers and starts a child span with the same trace identifier.",
    ],
    "es": [
        "# Propagación del contexto",
        "La propagación del contexto lleva el contexto de una traza de un servicio al siguiente, para que 3 servicios compartan una traza.",
        "El contexto viaja en 2 cabeceras de cada solicitud enviada entre los servicios.",
        "Cada biblioteca lee las cabeceras e inicia un span hijo con el mismo identificador de traza.",
    ],
    "fr": [
        "# Propagation du contexte",
        "La propagation du contexte transmet le contexte d'une trace d'un service au suivant, afin que 3 services partagent une trace.",
        "Le contexte circule dans 2 en-têtes de chaque requête envoyée entre les services.",
        "Chaque bibliothèque lit les en-têtes et démarre un span enfant avec le même identifiant de trace.",
    ],
}
CHEAP = ["ALN", "NUM", "STR"]  # every rule but the names, whose spaCy models take seconds to load
NEW_EN = [
    "# Context propagation",
    "With context propagation, signals can be correlated with each other, regardless of where they are generated.",
    "## Example",
    "Suppose 4 services: a frontend, an API gateway, a payment service and a database proxy, each with 12 instances.",
    "The frontend sends 1 request to the gateway, which calls the payment service 3 times before it answers.",
    "## Propagators",
    "A propagator serializes and deserializes cross-cutting values such as the span context and the baggage.",
    "The default propagator follows the W3C TraceContext specification, published in 2021 as a recommendation.",
    "Other formats, such as B3 from Zipkin, are available as extensions in most of the 11 language SDKs.",
    "## Custom context propagation",
    "Most of the time, instrumentation libraries propagate the context for you, and you never touch it yourself.",
    "When a library is not instrumented, inject the context into the outgoing carrier and extract it on the way in.",
    "## Specification",
    "To learn more, read the propagators specification, which defines the API and the 2 carriers it supports.",
]


def write(tmp_path: Path, texts: dict[str, list[str]]) -> list[Path]:
    paths = []
    for lang, paragraphs in texts.items():
        path = tmp_path / f"page.{lang}.md"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run(tmp_path: Path, texts: dict[str, list[str]], source: str | None = None) -> Report:
    return check(write(tmp_path, texts), Options(source=source, select=CHEAP))


def test_a_rewritten_source_is_one_finding_instead_of_dozens(tmp_path: Path) -> None:
    texts = dict(OLD, en=NEW_EN)
    report = run(tmp_path, texts)
    assert [f.rule for f in report.findings if f.severity.value != "info"] == ["ALN005"]
    (finding,) = [f for f in report.findings if f.rule == "ALN005"]
    assert finding.suspect == ["en"] and finding.severity.value == "warning"
    assert finding.message.startswith("en is not a translation of es, fr (text aligned: en/es ")
    assert finding.message.endswith("; en left out of the paragraph checks")
    assert [(loc.version, loc.line) for loc in finding.locations] == [("en", 1), ("es", 1), ("fr", 1)]
    assert not [f for f in report.findings if f.rule == "ALN001" and any(loc.version == "en" for loc in f.locations)]


def test_with_a_source_the_old_translations_are_the_suspects(tmp_path: Path) -> None:
    report = run(tmp_path, dict(OLD, en=NEW_EN), source="en")
    (finding,) = [f for f in report.findings if f.rule == "ALN005"]
    assert finding.suspect == ["es", "fr"]
    assert finding.message.startswith("es, fr are not translations of the source en (text aligned: es/en ")


def test_the_versions_that_translate_each_other_are_still_compared(tmp_path: Path) -> None:
    texts = dict(OLD, en=NEW_EN)
    texts["fr"] = [p.replace("2 en-têtes", "5 en-têtes") for p in OLD["fr"]]
    report = run(tmp_path, texts, source="en")
    (number,) = [f for f in report.findings if f.rule.startswith("NUM")]
    assert number.rule == "NUM001" and {loc.version for loc in number.locations} == {"es", "fr"}
    assert number.suspect == []  # es and fr alone: no majority, and the source is not among them


def test_translations_with_an_added_paragraph_are_translations(tmp_path: Path) -> None:
    texts = {lang: list(paragraphs) for lang, paragraphs in OLD.items()}
    texts["en"].append("Since 2024, the libraries also propagate the baggage by default.")
    report = run(tmp_path, texts)
    assert not [f for f in report.findings if f.rule == "ALN005"]
    assert [f.rule for f in report.findings if f.rule == "ALN001"] == ["ALN001"]


def test_leaving_the_rule_out_keeps_every_detail_finding(tmp_path: Path) -> None:
    paths = write(tmp_path, dict(OLD, en=NEW_EN))
    report = check(paths, Options(select=CHEAP, ignore=["ALN005"]))
    assert not [f for f in report.findings if f.rule == "ALN005"]
    assert any(loc.version == "en" for f in report.findings for loc in f.locations)
