"""Flattened tables: rows, columns and header names inferred from the cells."""

from __future__ import annotations

from pathlib import Path

from ogpcheck.read import read_file
from ogpcheck.read.boilerplate import default_patterns
from ogpcheck.read.grid import cell_type, infer_grid

from .conftest import SEED_000


def flat(*cells: str) -> str:
    """A table saved from a web page: one cell per line, ``|`` between cells."""
    return "\n|\n".join(cells) + "\n|\n"


def test_cell_types() -> None:
    assert [cell_type(t) for t in ("X", "✓", "", "–", "12", "60 %", "$1,000", "Lima")] == [
        "mark", "mark", "blank", "blank", "number", "number", "number", "text",
    ]  # fmt: skip


def test_one_header_per_column() -> None:
    cells = ["City", "Low", "High", "Lima", "12", "19", "Quito", "8", "21", "Bogotá", "7", "19"]
    grid = infer_grid(cells)
    assert grid is not None
    assert (grid.rows, grid.width, grid.header_rows) == (4, 3, 1)
    assert grid.col_headers == ["City", "Low", "High"]
    assert grid.places[cells.index("21")] == (2, 2)


def test_header_without_corner_cell_is_laid_right() -> None:
    cells = ["Audit", "Training", "Lima", "X", "", "Quito", "", "X", "Cusco", "X", "X"]
    grid = infer_grid(cells)
    assert grid is not None
    assert grid.col_headers == [None, "Audit", "Training"]
    assert grid.places[cells.index("Cusco")] == (3, 0)


def test_repeated_row_labels_make_sub_rows_and_a_two_level_header() -> None:
    cells = ["Station", "Readings", "Trend", "Low", "High"]
    for city, before, after in (("Lima", "Up", "Flat"), ("Quito", "Flat", "Up"), ("Cusco", "Down", "Up")):
        cells += [city, "Before", "3", "9", before, "After", "4", "8", after]
    grid = infer_grid(cells)
    assert grid is not None
    assert (grid.width, grid.stub, grid.header_rows) == (5, 2, 2)
    assert grid.col_headers == ["Station", "Station", "Readings / Low", "Readings / High", "Trend"]
    # the second sub-row lacks the spanning city cell: its label lands in column 1
    first_after = cells.index("After")
    assert grid.places[first_after] == (3, 1)
    assert grid.places[first_after + 1] == (3, 2)


def test_a_stray_character_does_not_hide_a_repeated_label() -> None:
    cells = ["Who", "Count", "Note"]
    for city in ("Lima", "Quito", "Cusco", "Tacna"):
        cells += [city, "Before", "3", city[::-1], "AfterP" if city == "Quito" else "After", "4", city.upper()]
    grid = infer_grid(cells)
    assert grid is not None and grid.stub == 2 and grid.width == 4


def test_all_text_cells_have_no_grid() -> None:
    assert infer_grid(["Name", "Role", "Ana", "Chair", "Luis", "Member", "Eva", "Member"]) is None


def test_reader_names_cells_and_turns_bullet_tables_into_lists(tmp_path: Path) -> None:
    long = "A web page saved as text, with one paragraph per line and no blank line between them, " * 2
    text = long + "\n" + flat("● Lima", "● Quito") + long + "\nCity\n|\n" + flat(
        "Low", "High", "Lima", "12", "19", "Quito", "8", "21"
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    blocks = read_file(path, default_patterns())
    assert next(b.kind for b in blocks if "Quito" in b.text) == "list_item"
    cell = next(b for b in blocks if b.text == "21")
    assert (cell.row, cell.col, cell.row_header, cell.col_header) == (2, 2, "Quito", "High")


def test_seed_000_tables_are_understood_in_every_language() -> None:
    blocks = read_file(SEED_000, default_patterns())
    shapes = {}
    for block in blocks:
        if block.kind == "cell" and block.row is not None:
            rows, cols = shapes.get(block.table, (0, 0))
            shapes[block.table] = (max(rows, block.row + 1), max(cols, block.col + 1))
    # the thematic table (7 rows x 7 columns) and the results table (10 x 6), three times
    assert sorted(shapes.values()) == [(7, 7)] * 3 + [(10, 6)] * 3
    french = [b for b in blocks if b.kind == "cell" and b.text == "12" and b.line > 620]
    assert {(b.row_header, b.col_header) for b in french} >= {
        ("Burkina Faso / Plan d’action 2019", "Impact potentiel / Mineur"),
        ("Philippines / Plan d’action 2019", "Impact potentiel / Mineur"),
    }
