"""Agreement of numbers across versions: how often a value is stated counts,
and a value stated in a neighbouring paragraph only excuses a missing one
when it is not already matched there."""

from __future__ import annotations

from pathlib import Path

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.models import Finding


def _check(tmp_path: Path, en: str, es: str, fr: str) -> list[Finding]:
    paths = []
    for lang, text in (("en", en), ("es", es), ("fr", fr)):
        path = tmp_path / f"report.{lang}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return check(paths, Options(select=["NUM"])).findings


PORTS_EN = "Servers should offer HTTP on port 80 and HTTPS on port 443, and redirect every port 80 request.\n"
PORTS_ES = "Los servidores deben ofrecer HTTP en el puerto 80 y HTTPS en el puerto 443, y redirigir las solicitudes del puerto 80.\n"
PORTS_FR = (
    "Les serveurs doivent offrir HTTP sur le port 80 et HTTPS sur le port 443, et rediriger les requêtes du port 80.\n"
)


def test_a_repeated_number_changed_once_is_a_mismatch(tmp_path: Path) -> None:
    wrong = PORTS_ES.replace("del puerto 80", "del puerto 70")
    findings = _check(tmp_path, PORTS_EN, wrong, PORTS_FR)
    assert [(f.rule, f.severity.value, f.suspect) for f in findings] == [("NUM001", "error", ["es"])]
    assert findings[0].message == "es gives 70 where en, fr give 80"


def test_a_repeated_number_dropped_once_is_missing(tmp_path: Path) -> None:
    wrong = PORTS_FR.replace("du port 80", "du port")
    findings = _check(tmp_path, PORTS_EN, PORTS_ES, wrong)
    assert [(f.rule, f.severity.value, f.suspect) for f in findings] == [("NUM002", "warning", ["fr"])]
    assert "fr states 80 once (others: 2 times)" in findings[0].message


def test_the_same_counts_in_digits_and_words_agree(tmp_path: Path) -> None:
    en = "Create 2 new fields, then 2 more.\n"
    es = "Crea 2 campos nuevos y luego 2 más.\n"
    fr = "Créez deux nouveaux champs, puis 2 de plus.\n"
    assert _check(tmp_path, en, es, fr) == []


ERRORS_EN = "## Custom 500 page\n\nFor a custom 500 error page, create the file.\n\nIf rendering fails, the default 500 error page is shown.\n"
ERRORS_ES = "## Página 500 personalizada\n\nPara una página de error 500 personalizada, crea el archivo.\n\nSi falla, se muestra la página de error 500 por defecto.\n"
ERRORS_FR = "## Page 500 personnalisée\n\nPour une page d'erreur 500 personnalisée, créez le fichier.\n\nEn cas d'échec, la page d'erreur 500 par défaut s'affiche.\n"


def test_a_number_matched_in_the_neighbouring_paragraph_does_not_excuse_a_missing_one(tmp_path: Path) -> None:
    wrong = ERRORS_ES.replace("error 500 personalizada", "error personalizada")
    findings = _check(tmp_path, ERRORS_EN, wrong, ERRORS_FR)
    assert [(f.rule, f.severity.value, f.suspect) for f in findings] == [("NUM002", "warning", ["es"])]


def test_a_number_moved_to_the_next_paragraph_is_only_info(tmp_path: Path) -> None:
    en = "In 2019 the fund gave 7500 dollars to each member.\n\nIn 2020 every member reported on its results.\n"
    es = "En 2019 el fondo dio dinero a cada miembro.\n\nEran 7500 dólares. En 2020 cada miembro informó de sus resultados.\n"
    fr = "En 2019 le fonds a donné 7500 dollars à chaque membre.\n\nEn 2020 chaque membre a rendu compte de ses résultats.\n"
    findings = _check(tmp_path, en, es, fr)
    assert {(f.rule, f.severity.value) for f in findings} == {("NUM002", "info"), ("NUM003", "info")}


def _readings(tmp_path: Path, en: str, es: str, fr: str) -> list[tuple[str, list[str], str]]:
    findings = _check(tmp_path, en, es, fr)
    return [(f.rule, f.suspect, f.message) for f in findings if f.rule == "NUM005"]


def test_a_separator_that_changes_the_value_for_the_reader_is_reported(tmp_path: Path) -> None:
    en = "The server listens on port 8.080 by default.\n"
    es = "El servidor escucha en el puerto 8080 por defecto.\n"
    fr = "Le serveur écoute sur le port 8080 par défaut.\n"
    assert _readings(tmp_path, en, es, fr) == [
        ("NUM005", ["en"], "en writes '8.080', which reads 8.08 in English, where es, fr give 8080")
    ]
    fr_wrong = "Plus de 1,500 engagements.\n"
    assert _readings(tmp_path, "More than 1,500 commitments.\n", "Más de 1.500 compromisos.\n", fr_wrong) == [
        ("NUM005", ["fr"], "fr writes '1,500', which reads 1.5 in French, where en, es give 1500")
    ]


def test_spanish_groupings_and_plain_decimals_are_not_misreadings(tmp_path: Path) -> None:
    assert (
        _readings(
            tmp_path, "More than 1,500 commitments.\n", "Más de 1,500 compromisos.\n", "Plus de 1 500 engagements.\n"
        )
        == []
    )
    assert _readings(tmp_path, "A 2.5% rise.\n", "Una subida del 2,5 %.\n", "Une hausse de 2,5 %.\n") == []


def test_a_number_one_version_adds_is_listed_for_that_version_only(tmp_path: Path) -> None:
    """NUM003's values: the other versions do not have the added number, so
    their locations list no value (every format shows the locations)."""
    en = "The fund supported the members of the network.\n"
    es = "El fondo apoyó a los miembros de la red.\n"
    fr = "Le fonds a soutenu les 1,2 membres du réseau.\n"
    (finding,) = [f for f in _check(tmp_path, en, es, fr) if f.rule == "NUM003"]
    assert [(loc.version, loc.values) for loc in finding.locations] == [("fr", ["1.2"]), ("en", []), ("es", [])]
    from ogpcheck.report.github_format import annotation

    assert "es (line 1): (none)" in annotation(finding, "")


def test_a_number_stated_more_often_lists_it_where_it_is(tmp_path: Path) -> None:
    findings = _check(tmp_path, PORTS_EN, PORTS_ES, PORTS_FR.replace("requêtes du port 80", "requêtes du port 80 et 80"))
    (finding,) = [f for f in findings if f.rule == "NUM003"]
    assert [(loc.version, loc.values) for loc in finding.locations] == [("fr", ["80"]), ("en", ["80"]), ("es", ["80"])]
