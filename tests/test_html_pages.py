"""HTML pages as input: the main content read with lxml (headings,
paragraphs, list items, table cells with their headers), page chrome,
scripts and styles left out, every location at its line of the page."""

from __future__ import annotations

from pathlib import Path

from ogpcheck.read import read_file, read_html

from .conftest import HANDMADE
from .sourcelines import misplaced_words
from .trilingual import TEXT

PAGES = HANDMADE / "table_wrong_cell_html"


def test_a_page_is_read_from_its_main_content() -> None:
    blocks = read_file(PAGES / "report.en.html")
    kinds = [(b.kind, b.line, b.text) for b in blocks if b.kind != "cell"]
    assert kinds == [
        ("heading", 14, "Results of the 2019 action plans"),
        ("paragraph", 15, "The table shows commitments by potential impact in\nfour countries."),
        ("list_item", 28, "Commitments were assessed by the Independent Reporting Mechanism."),
        ("list_item", 29, "Each country chose its own themes."),
    ]
    text = " ".join(b.text for b in blocks)
    for chrome in ("Home", "Reports", "Contact", "updated", "pageViews", "padding", "Action plan results"):
        assert chrome not in text


def test_table_cells_keep_row_column_and_headers() -> None:
    cells = [b for b in read_file(PAGES / "report.es.html") if b.kind == "cell"]
    assert len(cells) == 16 and {c.table for c in cells} == {0}
    wrong = next(c for c in cells if c.row == 2 and c.col == 1)
    assert (wrong.text, wrong.line, wrong.row_header, wrong.col_header) == ("4", 23, "Burkina Faso", "Menor")
    assert next(c for c in cells if c.row == 0 and c.col == 0).text == "País"  # entity decoded


def test_wrong_table_value_in_html_pages_is_found_with_suspect_and_line(run) -> None:
    data = run(PAGES / "report.en.html", "--format", "json").json()
    assert [Path(v["path"]).name for v in data["versions"]] == ["report.en.html", "report.es.html", "report.fr.html"]
    (error,) = [f for f in data["findings"] if f["severity"] == "error"]
    assert error["rule"] == "NUM001" and error["suspect"] == ["fr"]
    assert error["message"] == "fr gives 12 where en, es give 4 (row «Burkina Faso», column «Minor»)"
    fr, *others = error["locations"]
    assert (Path(fr["path"]).name, fr["line"], fr["values"]) == ("report.fr.html", 23, ["12"])
    assert {loc["version"]: (loc["line"], loc["values"]) for loc in others} == {"en": (23, ["4"]), "es": (23, ["4"])}
    assert [f for f in data["findings"] if f["severity"] == "warning"] == []


PAGE_WITHOUT_MAIN = """<!doctype html>
<html><head><title>Budget 2020</title></head>
<body>
<header><a href="/">Budget office</a></header>
<nav><ul><li>Budget 2019</li></ul></nav>
<aside>Popular: the 2018 budget</aside>
<div class="content">
  <h2>Spending&nbsp;plan</h2>
  <p>The council will spend 45 million<br>over 3 years.</p>
  <pre>total = 45</pre>
  <p>Run <code>plan --year 2020</code> to see it. <span hidden>Secret 7</span></p>
  <!-- ogpcheck: ignore NUM -->
  <p aria-hidden="true">Icon 9</p>
  <p>Suppressed 8 times.</p>
  <button>Share 5</button>
  <script>var total = 45;</script>
</div>
<footer>Budget office, 2020</footer>
</body></html>
"""


def test_without_main_the_body_is_read_without_page_chrome(tmp_path: Path) -> None:
    page = tmp_path / "budget.html"
    page.write_text(PAGE_WITHOUT_MAIN, encoding="utf-8")
    blocks = read_file(page)
    assert [(b.kind, b.line, b.text, sorted(b.suppressed)) for b in blocks] == [
        ("heading", 8, "Spending\u00a0plan", []),
        ("paragraph", 9, "The council will spend 45 million\nover 3 years.", []),
        ("paragraph", 11, "Run ⟦⟧ to see it.", []),
        ("paragraph", 14, "Suppressed 8 times.", ["NUM"]),
    ]
    assert misplaced_words(page, blocks) == []
    assert read_html(PAGE_WITHOUT_MAIN, "p.html")[1].line_of(len("The council will spend 45 million\no")) == 9


def test_one_page_holding_every_version_in_articles(run, tmp_path: Path) -> None:
    articles = []
    for lang, markdown in TEXT.items():
        heading, *paragraphs = [part.lstrip("# ") for part in markdown.strip().split("\n\n")]
        body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
        articles.append(f'<article lang="{lang}">\n<h1>{heading}</h1>\n{body}\n</article>')
    page = tmp_path / "results.html"
    page.write_text("<html><body><nav>Menu</nav>\n" + "\n".join(articles) + "\n</body></html>\n", encoding="utf-8")
    data = run(page, "--format", "json").json()
    assert [v["id"] for v in data["versions"]] == ["en", "es", "fr"]
    (error,) = [f for f in data["findings"] if f["severity"] == "error"]
    assert error["suspect"] == ["fr"] and error["locations"][0]["line"] == 14
    assert error["locations"][0]["values"] == ["42"]


def test_html_files_are_found_in_batch_runs(run, tmp_path: Path) -> None:
    for page in PAGES.iterdir():
        (tmp_path / page.name).write_bytes(page.read_bytes())
    data = run(tmp_path, "--format", "json").json()
    assert len(data["documents"]) == 1
    assert [f["rule"] for f in data["documents"][0]["findings"]] == ["NUM001"]


def test_a_page_without_text_is_a_one_line_error(run, tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Only a title</title></head><body><nav>Menu</nav></body></html>")
    result = run(page, "--langs", "en,fr")
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == f"ogpcheck: error: {page}: no text found"


def test_every_word_of_the_pages_is_on_its_line() -> None:
    for page in sorted(PAGES.iterdir()):
        assert misplaced_words(page, read_file(page)) == []


def test_an_xhtml_page_declaring_its_encoding_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">\n<body><p>Hello 4</p></body></html>'
    assert [(b.line, b.text) for b in read_html(page, "x.xhtml")] == [(3, "Hello 4")]
