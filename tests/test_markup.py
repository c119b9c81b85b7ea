"""Prose inside markup: JSX components, MDX, HTML blocks and template tags
in Markdown are read as the text a reader sees, each word at its own line."""

from __future__ import annotations

import pytest

from ogpcheck.models import Block
from ogpcheck.read import read_file, read_markdown
from ogpcheck.read.boilerplate import default_patterns
from ogpcheck.read.markup import mask
from ogpcheck.read.mdx import blank_flow_tags

from .conftest import FIXTURES, HANDMADE, ROOT
from .sourcelines import misplaced_words

MARKUP = FIXTURES / "markup"
CORPUS = ROOT.parent / "shared" / "corpus"


def _blocks(name: str) -> list[Block]:
    return read_file(MARKUP / name, default_patterns())


def _at(blocks: list[Block], text: str) -> Block:
    (found,) = [b for b in blocks if text in b.text]
    return found


def test_component_children_are_markdown_and_later_lines_do_not_shift() -> None:
    blocks = _blocks("components.mdx")
    steps = [(b.kind, b.line, b.text) for b in blocks if b.kind == "list_item"]
    assert steps == [
        ("list_item", 13, "Build the site with the command below."),
        ("list_item", 27, "Upload the ⟦⟧ folder to your host. It takes 5 minutes at most."),
        ("list_item", 29, "Check the 3 pages of the report before you share it."),
    ]
    # A JSX tag over three lines inside the fence, and tags over several
    # lines before it, used to pull every later line up.
    assert _at(blocks, "8 hosts").line == 55
    assert _at(blocks, "12 more hosts").text == "See the publishing guide for 12 more hosts."
    assert _at(blocks, "1 GB").line == 41  # an indented child of <TabItem step={2}> is prose, not code


def test_code_in_mdx_stays_code() -> None:
    texts = " ".join(b.text for b in _blocks("components.mdx"))
    assert "npm run build" not in texts and "4321" not in texts and "import" not in texts
    assert _at(_blocks("components.mdx"), "settings").text == "Show the 2 settings"  # <summary> before a fence


def test_link_text_numbers_are_prose_attribute_and_url_numbers_are_not() -> None:
    blocks = _blocks("components.mdx") + _blocks("cards.md") + _blocks("blocks.md")
    texts = "\n".join(b.text for b in blocks)
    assert "3 pages of the report" in texts and "Proposal 1559" in texts
    for not_prose in ("report-2024", "4321", "256", "128", "chart-2022", "99", "prop-1559", "={", "customEventOptions"):
        assert not_prose not in texts, not_prose


def test_html_list_inside_a_component_with_entities_and_code() -> None:
    blocks = _blocks("cards.md")
    items = [(b.line, b.item, b.text) for b in blocks if b.kind == "list_item"]
    assert items == [
        (23, 1, "Proposal 1559 – a new fee market for ⟦⟧"),
        (24, 2, "Proposal 3198 – lowers the refund to 20\u00a0% of the fee"),
    ]


def test_multiline_open_tag_and_inline_tags_on_their_own_lines() -> None:
    blocks = _blocks("cards.md")
    assert _at(blocks, "within 14 days").line == 14
    note = _at(blocks, "SIM swapping")
    assert note.text == (
        "Note: a code sent by text message is open to\nSIM swapping\nand is not safe. "
        "Use an app such as\nAuthenticator instead, with 6 digits."
    )
    assert [note.line_of(note.text.index(word)) for word in ("Note", "SIM", "and is", "6 digits")] == [31, 33, 35, 36]
    assert _at(blocks, "about 30 days ahead").text == "Upgrades were announced about 30 days ahead."
    assert _at(blocks, "Read about all 4").line == 41


def test_heading_anchors_are_not_text() -> None:
    headings = [b.text for b in _blocks("cards.md") if b.kind == "heading"]
    assert headings == ["Network history", "Lisbon (2021)"]


def test_html_blocks_in_plain_markdown() -> None:
    blocks = _blocks("blocks.md")
    got = [(b.kind, b.line, b.text) for b in blocks if b.kind != "cell"]
    assert got == [
        ("heading", 3, "A page with HTML blocks"),
        ("paragraph", 6, "Before you start: read the checklist first."),  # markdown="1": Markdown inside
        ("list_item", 8, "Keep 2 copies of your key."),
        ("list_item", 9, "Test the backup within 24 hours."),
        ("paragraph", 14, "Figure 3: Café owners in 15 cities"),
        ("paragraph", 17, "The survey ran for 6 weeks\nand reached 1\u202f200 people."),
        ("paragraph", 27, "The figures for 2024 are not final."),  # inside a Hugo shortcode
        ("paragraph", 30, "Download the hash file and keep it for 30 days."),  # a link despite {{ site.baseurl_root }}
        ("paragraph", 33, "Why 15 cities?"),
        ("paragraph", 35, "They are the cities with more than 500 shops."),
        ("paragraph", 40, "Shops with 2 owners count once."),  # the type of a GitHub alert is markup
        ("paragraph", 42, "Shops open 6 days a week\nin summer."),  # not indented code once the shortcode is cut
    ]
    survey = _at(blocks, "1\u202f200")
    assert survey.line_of(survey.text.index("1\u202f200")) == 18


def test_html_table_cells_have_rows_columns_and_headers() -> None:
    cells = [b for b in _blocks("blocks.md") if b.kind == "cell"]
    assert [(c.text, c.row, c.col) for c in cells][3:] == [
        ("Lyon", 1, 0),
        ("40", 1, 1),
        ("12", 1, 2),
        ("Total", 2, 0),
        ("52", 2, 2),  # after a cell spanning two columns
    ]
    forty = next(c for c in cells if c.text == "40")
    assert (forty.row_header, forty.col_header, forty.line) == ("Lyon", "Shops", 22)


def test_suppressions_keep_working_in_mdx_and_before_html() -> None:
    assert _at(_blocks("components.mdx"), "7 days of logs").suppressed == {"NUM001"}
    text = "Intro.\n\n<!-- ogpcheck: ignore NUM002 -->\n<ul>\n<li>Item 4</li>\n<li>Item 5</li>\n</ul>\n"
    blocks = read_markdown(text, "t.md")
    assert [(b.text, b.line, sorted(b.suppressed)) for b in blocks] == [
        ("Intro.", 1, []),
        ("Item 4", 5, ["NUM002"]),
        ("Item 5", 6, []),
    ]


def test_mdx_string_expression_is_its_value_other_expressions_are_not_text() -> None:
    text = "<Note>\nUse a service like{\" \"}\n<a href='/x'>Authy</a> or {props.name} with {2} keys.\n</Note>\n"
    (block,) = read_markdown(text, "t.mdx", mdx=True)
    assert block.text == "Use a service like\nAuthy or with keys."


def test_flow_tags_are_blanked_line_for_line() -> None:
    text = "<Card\n  title=\"A\"\n  step={2}\n>\n\nText.\n\n</Card>\n```jsx\n<Card\n  x={1}\n/>\n```\n"
    blanked, mdx = blank_flow_tags(text, mdx=False)
    assert mdx and blanked.count("\n") == text.count("\n") and len(blanked) == len(text)
    assert blanked.split("\n")[5] == "Text." and "<Card" not in blanked.split("```")[0]
    assert blanked.split("```")[1] == text.split("```")[1]  # code is left alone


def test_html_tags_stay_in_plain_markdown_and_mask_hides_markup() -> None:
    text = "<div>\n<p>Kept 3</p>\n</div>\n"
    assert blank_flow_tags(text, mdx=False) == (text, False)
    hidden = mask('a <b title="x">y</b> <!-- c --> {{% alert %}}\n')
    assert hidden == "a " + "\x00" * 13 + "y" + "\x00" * 4 + " " + "\x00" * 10 + " " + "\x00" * 13 + "\n"


def test_every_word_of_every_fixture_block_is_on_its_line() -> None:
    paths = sorted(MARKUP.glob("*")) + sorted(HANDMADE.rglob("*.md*")) + sorted(HANDMADE.rglob("*.html"))
    assert len(paths) > 10
    wrong = [w for path in paths for w in misplaced_words(path, read_file(path, default_patterns()))]
    assert wrong == []


def test_a_number_changed_in_html_or_link_text_is_found_at_its_line(run) -> None:
    data = run(HANDMADE / "mdx_components" / "guide.mdx", "--format", "json").json()
    got = sorted(
        (f["rule"], f["suspect"], f["locations"][0]["line"], f["locations"][0]["values"])
        for f in data["findings"]
        if f["severity"] != "info"
    )
    # Image widths, step={...} and link addresses differ too, and are not prose.
    assert got == [("NUM001", ["es"], 9, ["4"]), ("NUM001", ["fr"], 21, ["30"])]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not on this machine")
def test_every_word_of_every_corpus_block_is_on_its_line() -> None:
    paths = sorted(CORPUS.glob("*/*/*.md"))
    wrong = [w for path in paths for w in misplaced_words(path, read_file(path, default_patterns()))]
    assert wrong == []


def test_a_lone_capitalised_placeholder_does_not_make_a_file_mdx() -> None:
    text = "Replace the key:\n\n<Note>\n\n    export KEY=12\n"
    assert blank_flow_tags(text, mdx=False)[1] is False
    assert [b.text for b in read_markdown(text, "t.md")] == ["Replace the key:"]  # the indented line is code
