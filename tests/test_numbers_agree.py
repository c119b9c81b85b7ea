"""Numbers that agree though written differently: hours on a 12-hour and a
24-hour clock, decades, a repeated number a translation refers to as "this
version", dates whose commas are no list, and ordinals, which are no count
of the number 1."""

from __future__ import annotations

from pathlib import Path

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.models import Finding


def _check(tmp_path: Path, texts: dict[str, str], select: str = "NUM") -> list[Finding]:
    paths = []
    for code, text in texts.items():
        path = tmp_path / f"report.{code}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return check(paths, Options(langs=list(texts), select=[select])).findings


def _found(findings: list[Finding]) -> list[tuple[str, str, list[str]]]:
    return [(f.rule, f.severity.value, f.suspect) for f in findings]


def test_hours_on_a_12_hour_and_a_24_hour_clock_agree(tmp_path: Path) -> None:
    texts = {
        "en": "The help desk is open from 6–7 pm on weekdays and at 9 am on Saturdays.\n",
        "es": "La mesa de ayuda abre de 18 a 19 horas entre semana y a las 9 h los sábados.\n",
        "fr": "Le service d’aide est ouvert de 18 à 19 heures en semaine et à 9h le samedi.\n",
    }
    assert _check(tmp_path, texts) == []


def test_a_wrong_hour_is_still_found(tmp_path: Path) -> None:
    texts = {
        "en": "The help desk is open from 6–7 pm on weekdays.\n",
        "es": "La mesa de ayuda abre de 18 a 19 horas entre semana.\n",
        "fr": "Le service d’aide est ouvert de 16 à 17 heures en semaine.\n",
    }
    assert _found(_check(tmp_path, texts)) == [("NUM001", "error", ["fr"])]


def test_decades_agree_however_written(tmp_path: Path) -> None:
    texts = {
        "en": "The web grew in the late 1990s, and the idea goes back to the 70s.\n",
        "es": "La web creció a finales de la década de 1990, y la idea se remonta a los años 70.\n",
        "fr": "Le web a grandi à la fin des années 1990, et l’idée remonte aux années 1970.\n",
    }
    assert _check(tmp_path, texts) == []


def test_a_wrong_decade_is_still_found(tmp_path: Path) -> None:
    texts = {
        "en": "The idea goes back to the 70s.\n",
        "es": "La idea se remonta a los años 70.\n",
        "fr": "L’idée remonte aux années 1980.\n",
    }
    assert _found(_check(tmp_path, texts)) == [("NUM001", "error", ["fr"])]


NODE = {
    "en": "Node.js 18 enters maintenance in October. Node.js 18 will then receive security fixes only.\n",
    "fr": "Node.js 18 passe en maintenance en octobre. Node.js 18 ne recevra alors que des correctifs de sécurité.\n",
}


def test_a_repeated_number_replaced_by_this_version_is_no_warning(tmp_path: Path) -> None:
    texts = {
        **NODE,
        "es": "Node.js 18 entra en mantenimiento en octubre. Esta versión solo recibirá correcciones de seguridad.\n",
    }
    assert _found(_check(tmp_path, texts)) == [("NUM002", "info", ["es"])]


def test_a_repeated_number_dropped_with_no_word_for_it_is_still_a_warning(tmp_path: Path) -> None:
    texts = {**NODE, "es": "Node.js 18 entra en mantenimiento en octubre. Solo recibirá correcciones de seguridad.\n"}
    assert _found(_check(tmp_path, texts)) == [("NUM002", "warning", ["es"])]


def test_a_repeated_number_changed_is_still_an_error(tmp_path: Path) -> None:
    texts = {
        **NODE,
        "es": "Node.js 18 entra en mantenimiento en octubre. Esta versión, Node.js 16, solo recibirá correcciones.\n",
    }
    assert _found(_check(tmp_path, texts)) == [("NUM001", "error", ["es"])]


def test_commas_of_a_date_are_not_list_separators(tmp_path: Path) -> None:
    texts = {
        "en": "Posted on June 8, 2021 by Alice, Bob, Dan and Carol.\n",
        "es": "Publicado el 8 de junio de 2021 por Alice, Bob, Dan y Carol.\n",
        "fr": "Publié le 8 juin 2021 par Alice, Bob, Dan et Carol.\n",
    }
    assert _check(tmp_path, texts, select="STR006") == []


def test_ordinals_are_not_mentions_of_the_number_one(tmp_path: Path) -> None:
    """English and French say "first" and "1"; Spanish says "inicial" and "1":
    the number 1 is stated once in each."""
    texts = {
        "en": "The first deposit must be at least 1 ETH.\n",
        "es": "El depósito inicial debe ser de al menos 1 ETH.\n",
        "fr": "Le premier dépôt doit être d’au moins 1 ETH.\n",
    }
    assert _check(tmp_path, texts) == []


def test_what_looks_like_a_decade_or_an_hour_and_is_not() -> None:
    """"1000s of computers" is thousands, not a decade; "24h/24" is "day and
    night", not 24 o'clock: both stay as they were read before."""
    from ogpcheck.extract.numbers import extract_numbers

    assert extract_numbers("a network of 1000s of computers", "en") == []
    assert [f.kind for f in extract_numbers("assistance 24h/24 et 7j/7", "fr")] == ["number", "number"]
    assert [(int(f.value), f.kind) for f in extract_numbers("à 18h", "fr")] == [(18, "time")]


def test_an_abbreviated_scale_after_a_space_agrees(tmp_path: Path) -> None:
    """"30M" and "30 M", "18k" and "18 k": the same abbreviation, spaced as
    French and Spanish space it."""
    texts = {
        "en": "Blocks hold up to 30M gas; the community has 18k users.\n",
        "es": "Los bloques admiten hasta 30 M de gas; la comunidad tiene 18.000 usuarios.\n",
        "fr": "Les blocs acceptent jusqu’à 30 M de gaz ; la communauté compte 18 k utilisateurs.\n",
    }
    assert _check(tmp_path, texts) == []
