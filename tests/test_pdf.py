"""PDF input: generated EN/ES/FR reports with a wrong table cell, a dropped
list item, a two-column page and a table crossing a page break."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from fpdf import FPDF
from jsonschema import Draft202012Validator

from ogpcheck.errors import InputError
from ogpcheck.models import Block
from ogpcheck.read import read_file
from ogpcheck.read.boilerplate import default_patterns
from ogpcheck.read.pdf.paragraphs import SOFT, _join

from .pdfmaker import Part, build_pdf
from .test_cli import SCHEMA

TEXT = {
    "en": {
        "running": "Co-creation awards: key results",
        "title": "1. Results of the second round",
        "intro": "The awards gave 60,000 dollars to each of six civil society organisations so that they could work "
        "with their governments on better action plans during one year of co-creation.",
        "list": ["documentation of progress by each awardee", "draft design reports for 2019", "interviews held in 2020"],
        "header": ["Country", "Minor", "Moderate"],
        "countries": ["Afghanistan", "Burkina Faso", "Costa Rica", "Liberia"],
        "left": "In Afghanistan the team consulted 24 provinces and collected more than 400 ideas from citizens, "
        "which produced 18 concrete commitments for the new plan.",
        "right": "In Costa Rica 40 government agencies and 118 civil society actors took part in the national "
        "workshops, a wider circle than in any earlier cycle.",
        "closing": "Each award was disbursed over the course of one year.",
    },
    "es": {
        "running": "Premios de cocreación: resultados clave",
        "title": "1. Resultados de la segunda ronda",
        "intro": "Los premios otorgaron 60 000 dólares a cada una de seis organizaciones de la sociedad civil para que "
        "trabajaran con sus gobiernos en mejores planes de acción durante un año de cocreación.",
        "list": ["documentación de avances de cada beneficiario", "entrevistas realizadas en 2020"],
        "header": ["País", "Menor", "Moderado"],
        "countries": ["Afganistán", "Burkina Faso", "Costa Rica", "Liberia"],
        "left": "En Afganistán el equipo consultó 24 provincias y recopiló más de 400 ideas de los ciudadanos, "
        "que generaron 18 compromisos concretos para el nuevo plan.",
        "right": "En Costa Rica participaron 40 instituciones del gobierno y 118 actores de la sociedad civil en "
        "los talleres nacionales, un círculo más amplio que en ciclos anteriores.",
        "closing": "Cada premio se desembolsó en el transcurso de un año.",
    },
    "fr": {
        "running": "Prix de co-création : résultats clés",
        "title": "1. Résultats du deuxième cycle",
        "intro": "Les prix ont accordé 60 000 dollars à chacune de six organisations de la société civile afin "
        "qu'elles travaillent avec leur gouvernement à de meilleurs plans d'action pendant un an de co-création.",
        "list": ["documentation des progrès de chaque lauréat", "ébauches des rapports de conception pour 2019",
                 "entretiens réalisés en 2020"],
        "header": ["Pays", "Mineur", "Modéré"],
        "countries": ["Afghanistan", "Burkina Faso", "Costa Rica", "Libéria"],
        "left": "En Afghanistan l'équipe a consulté 24 provinces et recueilli plus de 400 idées des citoyens, "
        "qui ont donné 18 engagements concrets pour le nouveau plan.",
        "right": "Au Costa Rica 40 institutions du gouvernement et 118 acteurs de la société civile ont pris part "
        "aux ateliers nationaux, un cercle plus large que lors des cycles précédents.",
        "closing": "Chaque prix a été versé sur une année.",
    },
}
MINOR = {"Afghanistan": "12", "Burkina Faso": "4", "Costa Rica": "5", "Liberia": "3"}


def parts(lang: str) -> list[Part]:
    t = TEXT[lang]
    rows = [t["header"]]
    for english, country in zip(TEXT["en"]["countries"], t["countries"], strict=True):
        minor = "12" if lang == "fr" and english == "Burkina Faso" else MINOR[english]
        rows.append([country, minor, "6"])
    long_rows = [t["header"]] + [[f"{t['countries'][i % 4]} {i}", str(i), str(2 * i)] for i in range(45)]
    return [
        Part("heading", t["title"]),
        Part("paragraph", t["intro"]),
        Part("list", items=t["list"]),
        Part("table", rows=rows),
        Part("page"),
        Part("columns", items=[" ".join([t["left"]] * 3), " ".join([t["right"]] * 3)]),
        Part("paragraph", t["closing"]),
        Part("table", rows=long_rows),
    ]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    return [build_pdf(folder / f"report.{lang}.pdf", parts(lang), TEXT[lang]["running"]) for lang in ("en", "es", "fr")]


def blocks_of(path: Path) -> list[Block]:
    return read_file(path, default_patterns())


def test_blocks_have_pages_lines_and_no_page_furniture(pdfs: list[Path]) -> None:
    blocks = blocks_of(pdfs[0])
    assert blocks[0].kind == "heading" and blocks[0].text == TEXT["en"]["title"] and blocks[0].page == 1
    assert blocks[0].line == 2  # line 1 is the running header
    texts = [b.text for b in blocks]
    assert not any(TEXT["en"]["running"] in t for t in texts)
    assert not any(t.strip().isdigit() and b.kind != "cell" for t, b in zip(texts, blocks, strict=True))
    intro = blocks[1]
    assert intro.kind == "paragraph" and " ".join(intro.text.split()) == TEXT["en"]["intro"]
    assert intro.line_of(intro.text.index("year")) == intro.line + intro.raw.count("\n")
    assert [b.kind for b in blocks[2:5]] == ["list_item"] * 3


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_two_column_page_is_read_column_by_column(pdfs: list[Path], lang: str) -> None:
    blocks = blocks_of(pdfs[["en", "es", "fr"].index(lang)])
    left = next(b for b in blocks if b.text.startswith(TEXT[lang]["left"][:20]))
    right = next(b for b in blocks if b.text.startswith(TEXT[lang]["right"][:20]))
    assert left.page == right.page == 2 and right.index == left.index + 1
    assert " ".join(left.text.split()) == " ".join([TEXT[lang]["left"]] * 3)
    assert " ".join(right.text.split()) == " ".join([TEXT[lang]["right"]] * 3)
    # the line under both columns comes after them, whichever column is longer
    closing = next(b for b in blocks if b.text == TEXT[lang]["closing"])
    assert closing.index == right.index + 1


def test_table_crossing_a_page_break_is_one_table(pdfs: list[Path]) -> None:
    blocks = blocks_of(pdfs[2])
    cells = [b for b in blocks if b.kind == "cell" and b.text.startswith(("Afghanistan ", "Burkina Faso ", "Costa Rica ", "Libéria "))]
    assert len({c.table for c in cells}) == 1
    assert [c.row for c in cells] == list(range(1, 46))
    assert len({c.page for c in cells}) == 2
    headers = [b for b in blocks if b.kind == "cell" and b.text == "Mineur"]
    assert len(headers) == 2  # the short table's and the long table's, not the repeated one


def test_trilingual_pdfs_report_the_wrong_cell_and_the_dropped_item(run, pdfs: list[Path]) -> None:
    result = run(*pdfs, "--format", "json")
    data = result.json()
    Draft202012Validator(SCHEMA).validate(data)
    serious = data["findings"]
    assert sorted((f["rule"], tuple(f["suspect"])) for f in serious) == [("NUM001", ("fr",)), ("STR003", ("es",))]
    wrong = next(f for f in serious if f["rule"] == "NUM001")
    assert wrong["message"] == "fr gives 12 where en, es give 4 (row «Burkina Faso», column «Minor»)"
    french = wrong["locations"][0]
    assert (french["page"], french["row_header"], french["col_header"], french["values"]) == (1, "Burkina Faso", "Mineur", ["12"])
    listed = next(f for f in serious if f["rule"] == "STR003")
    assert listed["message"] == "es has 2 item(s) in a list where en, fr have 3"
    assert listed["locations"][0]["page"] == 1


def test_paragraph_across_a_page_break_is_one_block(tmp_path: Path) -> None:
    sentence = "Costa Rica included 40 government agencies in the thematic co-creation process this year"
    text = ", and ".join([sentence] * 70) + "."
    path = build_pdf(tmp_path / "long.pdf", [Part("paragraph", "Intro. " * 150), Part("paragraph", text)])
    block = next(b for b in blocks_of(path) if b.text.startswith("Costa Rica"))
    assert " ".join(block.text.split()) == text
    assert block.page == 1 and block.line_map and block.line_map[0][1] == 2
    last = block.text.rindex("40")
    with pdfplumber.open(path) as pdf:
        lines = pdf.pages[1].extract_text().split("\n")  # the page as pdfplumber reads it, header first
    expected = max(i for i, line in enumerate(lines, 1) if " 40 " in f" {line} ")
    assert (block.page_of(last), block.line_of(last)) == (2, expected)


def test_line_end_hyphen_is_joined_or_kept() -> None:
    assert _join("a coop-", "eration plan", set()) == "a coop" + SOFT + "\n"
    assert _join("the co-", "creation process", {"co-creation"}) == "the co-" + SOFT + "\n"
    assert _join("Multi-", "Donor", set()) == "Multi-\n"  # a capital: a real hyphen
    block = Block(0, "paragraph", "a coop" + SOFT + "\neration plan", 3, "t.pdf", page=1)
    from ogpcheck.read.boilerplate import clean_blocks

    clean_blocks([block], default_patterns())
    assert block.text == "a cooperation plan" and block.line_of(block.text.index("plan")) == 4


def test_paragraph_continued_on_the_next_page_keeps_its_lines() -> None:
    block = Block(0, "paragraph", "first line\nsecond line\nthird", 40, "t.pdf", page=2, line_map=[(23, 3, 2)])
    assert (block.page_of(0), block.line_of(0)) == (2, 40)
    assert (block.page_of(12), block.line_of(12)) == (2, 41)
    assert (block.page_of(24), block.line_of(24)) == (3, 2)


def test_bad_pdfs_are_one_line_input_errors(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 9 0 R >>\n%%EOF")
    with pytest.raises(InputError, match=r"damaged\.pdf: cannot read the PDF"):
        read_file(damaged)

    scanned = FPDF()
    scanned.add_page()
    scanned.rect(20, 20, 100, 60, style="F")
    image_only = tmp_path / "scan.pdf"
    scanned.output(str(image_only))
    with pytest.raises(InputError, match="no text layer"):
        read_file(image_only)

    locked = FPDF()
    locked.set_encryption(owner_password="owner", user_password="secret")
    locked.add_page()
    locked.set_font("Helvetica", size=11)
    locked.cell(0, 10, "Confidential figures: 12, 4, 5.")
    encrypted = tmp_path / "locked.pdf"
    locked.output(str(encrypted))
    with pytest.raises(InputError, match="encrypted"):
        read_file(encrypted)

    not_pdf = tmp_path / "fake.pdf"
    not_pdf.write_text("just text", encoding="utf-8")
    with pytest.raises(InputError, match="not a PDF file"):
        read_file(not_pdf)


def test_bad_pdf_exits_2_without_traceback(run, tmp_path: Path) -> None:
    bad = tmp_path / "report.pdf"
    bad.write_bytes(b"%PDF-1.7\ngarbage")
    result = run(bad, tmp_path / "report.es.md")
    assert result.code == 2 and "Traceback" not in result.err and result.err.count("\n") == 1
