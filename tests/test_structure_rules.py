"""Structure rules end to end: each generated trilingual document holds one
structural difference (or a benign one) and the report must name it."""

from __future__ import annotations

from pathlib import Path

from ogpcheck.extract.structure.enumerations import enumerations
from ogpcheck.extract.structure.numbering import heading_label

from .conftest import HANDMADE, SEED_000


def write(tmp_path: Path, texts: dict[str, str], suffix: str = ".md") -> list[Path]:
    paths = []
    for lang, text in texts.items():
        path = tmp_path / f"doc.{lang}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def report(run, paths: list[Path], *args: str) -> list[dict]:
    result = run(*paths, "--format", "json", *args)
    assert result.code in (0, 1), result.err
    return result.json()["findings"]


def md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"


INTRO = {
    "en": "The awards went to civil society groups in four countries over two years.\n\n",
    "es": "Los premios fueron para grupos de la sociedad civil en cuatro países durante dos años.\n\n",
    "fr": "Les prix sont allés à des groupes de la société civile dans quatre pays pendant deux ans.\n\n",
}
COUNTRIES = {"en": ["Peru", "Chile", "Spain"], "es": ["Perú", "Chile", "España"], "fr": ["Pérou", "Chili", "Espagne"]}
HEADERS = {"en": ["Country", "Audit", "Training"], "es": ["País", "Auditoría", "Formación"], "fr": ["Pays", "Audit", "Formation"]}


def test_table_with_a_dropped_row_is_str001(run, tmp_path: Path) -> None:
    texts = {}
    for lang in ("en", "es", "fr"):
        rows = [[c, "4", "6"] for c in COUNTRIES[lang]]
        texts[lang] = INTRO[lang] + md_table(HEADERS[lang], rows[:2] if lang == "es" else rows)
    found = [f for f in report(run, write(tmp_path, texts)) if f["rule"] == "STR001"]
    assert len(found) == 1 and found[0]["suspect"] == ["es"]
    assert found[0]["message"] == "es table has 3 rows x 3 columns where en, fr have 4 rows x 3 columns"


def test_lost_mark_is_str002_named_by_row_and_column(run, tmp_path: Path) -> None:
    texts = {}
    for lang in ("en", "es", "fr"):
        marks = [["X", ""], ["X", "X"], ["", "X"]]
        if lang == "fr":
            marks[1][1] = ""
        rows = [[c, *m] for c, m in zip(COUNTRIES[lang], marks, strict=True)]
        texts[lang] = INTRO[lang] + md_table(HEADERS[lang], rows)
    found = [f for f in report(run, write(tmp_path, texts)) if f["rule"].startswith("STR")]
    assert [(f["rule"], f["suspect"]) for f in found] == [("STR002", ["fr"])]
    assert found[0]["message"] == "fr lacks the mark 'X' that en, es have (row «Chile», column «Training»)"
    french = found[0]["locations"][0]
    assert (french["row_header"], french["col_header"], french["values"]) == ("Chili", "Formation", ["no mark"])


def test_wrong_number_in_a_cell_names_its_headers_in_each_language(run) -> None:
    folder = HANDMADE / "table_wrong_cell"
    found = report(run, [folder / "report.md", folder / "report.es.md", folder / "report.fr.md"])
    wrong = [f for f in found if f["rule"] == "NUM001"]
    assert len(wrong) == 1 and wrong[0]["suspect"] == ["fr"]
    assert wrong[0]["message"].endswith("(row «Burkina Faso», column «Minor»)")
    named = {loc["version"]: (loc["row_header"], loc["col_header"]) for loc in wrong[0]["locations"]}
    assert named == {"fr": ("Burkina Faso", "Mineur"), "en": ("Burkina Faso", "Minor"), "es": ("Burkina Faso", "Menor")}


LISTS = {
    "en": ["documentation of progress", "draft design reports", "structured interviews"],
    "es": ["documentación de avances", "borradores de informes de diseño", "entrevistas estructuradas"],
    "fr": ["documentation des progrès", "ébauches des rapports de conception", "entretiens structurés"],
}


def test_list_with_a_dropped_item_is_str003(run, tmp_path: Path) -> None:
    texts = {}
    for lang, items in LISTS.items():
        kept = [items[0], items[2]] if lang == "fr" else items
        texts[lang] = INTRO[lang] + "".join(f"- {item}\n" for item in kept)
    found = [f for f in report(run, write(tmp_path, texts)) if f["rule"] == "STR003"]
    assert len(found) == 1 and found[0]["suspect"] == ["fr"]
    assert found[0]["message"] == "fr has 2 item(s) in a list where en, es have 3"
    # located at the gap: the dropped item where it stands, the item after it in fr
    texts_at = {loc["version"]: loc["text"] for loc in found[0]["locations"]}
    assert texts_at == {"fr": LISTS["fr"][2], "en": LISTS["en"][1], "es": LISTS["es"][1]}


def test_same_lists_and_tables_raise_nothing(run, tmp_path: Path) -> None:
    texts = {}
    for lang, items in LISTS.items():
        rows = [[c, "X", ""] for c in COUNTRIES[lang]]
        texts[lang] = INTRO[lang] + "".join(f"- {item}\n" for item in items) + "\n" + md_table(HEADERS[lang], rows)
    assert [f for f in report(run, write(tmp_path, texts)) if f["rule"].startswith("STR")] == []


def test_enumerations_read_as_a_reader_counts_their_items() -> None:
    # a short gloss in brackets belongs to its item
    assert enumerations("Esto incluye bloques de baliza (beacon), pruebas, salidas y salidas forzadas (slashings).", "es") == [4]
    # "et/ou" joins once
    assert enumerations("Le code doit émettre des traces, des métriques, et/ou des logs.", "fr") == [3]
    # a clause opener a word or two into a chunk ends the run ("en la que", "in which")
    assert enumerations("Una economía creciente, en la que se puede prestar, pedir prestado, a corto y a largo plazo, ganar intereses y mucho más.", "es") == [5]
    # "that is" announces the items and is not one
    assert enumerations("It must be instrumented. That is, the code must emit traces, metrics, or logs.", "en") == [3]


def test_enumeration_counts() -> None:
    assert enumerations("Education, Indigenous Representation, Labor Policy, and Planning and Budgeting", "en") == [5]
    assert enumerations("Desarrollo local, educación, política laboral, planeación y presupuesto", "es") == [5]
    assert enumerations("Les pays (Pérou, Chili, Espagne et Cuba) ont signé.", "fr") == [4]
    # not enumerations: two items, clause commas, a lead-in, a clause opener
    assert enumerations("Health and Legislature", "en") == []
    assert enumerations("In our interviews, we heard that change, and progress, was slow to come in the end.", "en") == []
    assert enumerations("for instance, automatic linkification in emails, or manually typing a domain name", "en") == []
    assert enumerations(
        "which they achieved despite elections, an ongoing peace process, and recurring security challenges", "en"
    ) == [3]


def test_enumeration_with_a_dropped_item_is_str006_and_reordering_is_not(run, tmp_path: Path) -> None:
    texts = {
        "en": INTRO["en"] + "The themes were health, education, housing, labor policy and local tourism.\n",
        "es": INTRO["es"] + "Los temas fueron turismo local, salud, vivienda, política laboral y educación.\n",
        "fr": INTRO["fr"] + "Les thèmes étaient la santé, le logement, la politique du travail et le tourisme local.\n",
    }
    found = [f for f in report(run, write(tmp_path, texts)) if f["rule"] == "STR006"]
    assert len(found) == 1 and found[0]["suspect"] == ["fr"] and found[0]["severity"] == "warning"
    assert found[0]["message"] == "fr has 4 item(s) in an enumeration where en, es have 5"


def test_heading_numbers() -> None:
    assert [heading_label(t) for t in ("Step 2: Deploy", "Étape 2 : Déployer", "III. Annexes", "2.10 Costs")] == [
        "2", "2", "3", "2.10",
    ]  # fmt: skip
    assert [heading_label(t) for t in ("A new approach", "10 ways to deploy", "2019 action plan", "Results")] == [None] * 4


def test_renumbered_heading_is_str004(run, tmp_path: Path) -> None:
    texts = {
        "en": INTRO["en"] + "## Step 2: Deploy your site\n\nRun the build command once.\n",
        "es": INTRO["es"] + "## Paso 2: Despliega tu sitio\n\nEjecuta el comando de compilación una vez.\n",
        "fr": INTRO["fr"] + "## Étape 3 : Déployer votre site\n\nLancez la commande de compilation une fois.\n",
    }
    found = [f for f in report(run, write(tmp_path, texts)) if f["rule"] == "STR004"]
    assert len(found) == 1 and found[0]["suspect"] == ["fr"]
    assert found[0]["message"] == "fr numbers a heading 3 where en, es number it 2"


def test_missing_footnote_is_str005(run, tmp_path: Path) -> None:
    notes = {"en": "All figures are drafts.", "es": "Todas las cifras son borradores.", "fr": "Tous les chiffres sont provisoires."}
    texts = {}
    for lang in ("en", "es", "fr"):
        body = INTRO[lang].strip() + "[1]\n\n"
        texts[lang] = body + "".join(f"[{n}] {notes[lang]}\n\n" for n in ((1,) if lang == "es" else (1, 2)))
    found = [f for f in report(run, write(tmp_path, texts, ".txt")) if f["rule"] == "STR005"]
    assert [(f["message"], f["suspect"]) for f in found] == [("es has 1 footnotes where en, fr have 2", ["es"])]


def test_seed_000_mark_removed_from_the_french_thematic_table_is_str002(run, tmp_path: Path) -> None:
    text = SEED_000.read_text(encoding="utf-8")
    assert text.count("Législature et santé\n|\nX\n|\n") == 1
    path = tmp_path / "seed.txt"
    path.write_text(text.replace("Législature et santé\n|\nX\n|\n", "Législature et santé\n|\n|\n"), encoding="utf-8")
    found = [f for f in report(run, [path]) if f["rule"] in ("STR001", "STR002")]
    assert [(f["rule"], f["suspect"]) for f in found] == [("STR002", ["fr"])]
    assert found[0]["message"] == "fr lacks the mark 'X' that en, es have (row «Liberia», column «Increased political will/buy-in»)"
    assert found[0]["locations"][0]["row_header"] == "Libéria"


def test_marks_all_shifted_by_a_column_are_not_reported(run, tmp_path: Path) -> None:
    texts = {}
    for lang in ("en", "es", "fr"):
        header = [*HEADERS[lang], "Budget", "Media"]
        marks = [["X", "", "X", "", ""], ["", "X", "", "X", ""], ["X", "", "", "", "X"], ["", "X", "X", "", ""]]
        if lang == "fr":
            marks = [row[-1:] + row[:-1] for row in marks]
        rows = [[c, *m] for c, m in zip([*COUNTRIES[lang], "Cuba"], marks, strict=True)]
        texts[lang] = INTRO[lang] + md_table(header, rows)
    assert [f for f in report(run, write(tmp_path, texts)) if f["rule"] == "STR002"] == []


MISLABELLED = HANDMADE / "table_mislabelled"


def test_headers_swapped_over_cells_that_stayed_are_str007(run) -> None:
    found = report(run, [MISLABELLED / "report.md"], "--select", "STR")
    assert [(f["rule"], f["severity"], f["suspect"]) for f in found] == [("STR007", "error", ["fr"])]
    assert found[0]["message"] == (
        "fr heads columns 2, 3 «Modéré», «Mineur» where the source en and es head them «Minor», «Moderate», over the same cells"
    )
    assert [(loc["version"], loc["line"], loc["values"]) for loc in found[0]["locations"]] == [
        ("fr", 5, ["Modéré", "Mineur"]),
        ("en", 5, ["Minor", "Moderate"]),
        ("es", 5, ["Menor", "Moderado"]),
    ]


def _swap(line: str, a: int, b: int) -> str:
    cells = line.split("|")
    cells[a], cells[b] = cells[b], cells[a]
    return "|".join(cells)


def _table_texts(change: dict[str, object]) -> dict[str, str]:
    """The fixture's texts, with each named version's table lines passed through a function."""
    texts = {}
    for name, lang in (("report.md", "en"), ("report.es.md", "es"), ("report.fr.md", "fr")):
        text = (MISLABELLED / name).read_text(encoding="utf-8")
        if lang == "fr":  # start from the French table with its headers in order
            text = text.replace("| Pays | Modéré | Mineur |", "| Pays | Mineur | Modéré |")
        fix = change.get(lang)
        lines = text.split("\n")
        texts[lang] = "\n".join(fix(line) if fix and line.startswith("|") and "---" not in line else line for line in lines)  # type: ignore[operator]
    return texts


def test_a_column_moved_whole_is_not_mislabelled(run, tmp_path: Path) -> None:
    texts = _table_texts({"fr": lambda line: _swap(line, 2, 3)})
    assert "| Pays | Modéré | Mineur |" in texts["fr"] and "| Burkina Faso | 9 | 4 |" in texts["fr"]
    assert [f["rule"] for f in report(run, write(tmp_path, texts), "--select", "STR") if f["severity"] != "info"] == []


def test_without_a_source_the_majority_names_the_mislabelled_version(run, tmp_path: Path) -> None:
    texts = _table_texts({"en": lambda line: _swap(line, 2, 3) if "Country" in line else line})
    found = report(run, write(tmp_path, texts), "--select", "STR")
    assert [(f["rule"], f["suspect"]) for f in found] == [("STR007", ["en"])]
    found = report(run, write(tmp_path, texts), "--select", "STR", "--source", "en")
    assert [(f["rule"], f["suspect"]) for f in found] == [("STR007", ["es", "fr"])]


def test_headers_that_share_nothing_give_no_evidence(run, tmp_path: Path) -> None:
    texts = _table_texts({})
    texts = {
        lang: text.replace("Minor", "Small").replace("Moderate", "Medium").replace("Menor", "Pequeño").replace(
            "Moderado", "Mediano").replace("| Mineur | Modéré |", "| Moyen | Petit |")
        for lang, text in texts.items()
    }
    assert [f["rule"] for f in report(run, write(tmp_path, texts), "--select", "STR")] == []


def test_year_headers_swapped_over_their_cells_are_found(run, tmp_path: Path) -> None:
    texts = _table_texts({})
    texts = {lang: text.replace("Minor", "2019").replace("Moderate", "2020").replace("Menor", "2019").replace(
        "Moderado", "2020").replace("| Mineur | Modéré |", "| 2020 | 2019 |") for lang, text in texts.items()}
    found = [f for f in report(run, write(tmp_path, texts), "--select", "STR") if f["severity"] != "info"]
    assert [(f["rule"], f["suspect"]) for f in found] == [("STR007", ["fr"])]


def test_markdown_footnotes_written_with_french_spacing_are_counted(run, tmp_path: Path) -> None:
    notes = {"en": "All figures are drafts.", "es": "Todas las cifras son borradores.", "fr": "Tous les chiffres sont provisoires."}
    colon = {"en": ":", "es": ":", "fr": " :"}
    texts = {
        lang: INTRO[lang].strip() + " \\[1\\]\n\n" + f"\\[1\\]{colon[lang]} {notes[lang]}\n"
        for lang in ("en", "es", "fr")
    }
    assert "\\[1\\] : Tous" in texts["fr"]
    assert [f for f in report(run, write(tmp_path, texts), "--select", "STR") if f["rule"] == "STR005"] == []
    texts["fr"] = texts["fr"].replace("\\[1\\] : Tous les chiffres sont provisoires.\n", "")
    found = [f for f in report(run, write(tmp_path, texts), "--select", "STR") if f["rule"] == "STR005"]
    assert [(f["message"], f["suspect"]) for f in found] == [("fr has 0 footnotes where en, es have 1", ["fr"])]
