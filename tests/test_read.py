"""Read stage: blocks, lines, flattened tables, markdown, boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogpcheck.errors import InputError
from ogpcheck.read import read_file, read_markdown, read_text
from ogpcheck.read.boilerplate import clean, default_patterns
from ogpcheck.read.encoding import decode

from .conftest import SEED_000


def test_flattened_table_cells_keep_their_lines() -> None:
    text = "Caption\nAwardee\n|\nMinor\n|\n|\nAfghanistan\n|\n12\n|\nAfter the table, a paragraph.\n"
    blocks = read_text(text, "t.txt")
    cells = [b for b in blocks if b.kind == "cell"]
    assert [c.raw for c in cells] == ["Caption\nAwardee", "Minor", "", "Afghanistan", "12"]
    assert [c.line for c in cells] == [1, 4, 6, 7, 9]
    assert len({c.table for c in cells}) == 1
    assert blocks[-1].kind == "paragraph" and blocks[-1].line == 11


def test_web_dump_without_blank_lines_is_one_block_per_line() -> None:
    blocks = read_text("First paragraph.\nSecond paragraph.\n- an item\n", "t.txt")
    assert [(b.kind, b.line) for b in blocks] == [("paragraph", 1), ("paragraph", 2), ("list_item", 3)]


def test_blank_line_paragraphs_join_wrapped_lines() -> None:
    text = "A paragraph\nwrapped here.\n\nAnother one.\n\n- item one\n- item two\n\nLast.\n"
    blocks = read_text(text, "t.txt")
    assert [b.raw for b in blocks] == [
        "A paragraph\nwrapped here.",
        "Another one.",
        "- item one",
        "- item two",
        "Last.",
    ]
    assert blocks[0].line_of(blocks[0].text.index("wrapped")) == 2


def test_markdown_kinds_tables_and_code() -> None:
    text = (
        "---\ntitle: Deploy in 3 steps\nlayout: x\n---\nimport A from 'a';\n\n# Heading 2\n\nText with `code 42`.\n\n"
        "```js\nconst x = 7;\n```\n\n- item 1\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    blocks = read_markdown(text, "t.md")
    kinds = [(b.kind, b.raw, b.line) for b in blocks]
    assert ("frontmatter", "Deploy in 3 steps", 2) in kinds
    assert ("heading", "Heading 2", 7) in kinds
    assert not any("42" in b.raw or "const" in b.raw or "import" in b.raw for b in blocks)
    cells = [(b.raw, b.row, b.col) for b in blocks if b.kind == "cell"]
    assert cells == [("a", 0, 0), ("b", 0, 1), ("1", 1, 0), ("2", 1, 1)]
    assert ("list_item", "item 1", 15) in kinds


def test_inline_suppression_applies_to_next_block() -> None:
    blocks = read_markdown("<!-- ogpcheck: ignore NUM001, NUM002 -->\nSome 12 text.\n\nOther 4.\n", "t.md")
    assert blocks[0].suppressed == frozenset({"NUM001", "NUM002"})
    assert blocks[1].suppressed == frozenset()


def test_glossary_tooltip_is_cut_and_lines_still_map() -> None:
    raw = "of the OGP Multi-Donor Trust FundWith the support of development partners, OGP established the fund... (OGP MDTF) in 2019"
    text, spans = clean(raw, default_patterns())
    assert text == "of the OGP Multi-Donor Trust Fund (OGP MDTF) in 2019"
    from ogpcheck.models import Block

    block = Block(0, "paragraph", raw, 5, "t.txt", text=text, spans=spans)
    assert block.raw[block.raw_offset(text.index("2019")) :].startswith("2019")


def test_seed_tooltips_do_not_leak_into_text() -> None:
    blocks = read_file(SEED_000, default_patterns())
    assert not any("With the support of development partners" in b.text for b in blocks)
    assert any(b.text.startswith("More active Steering Committee") and b.kind == "cell" for b in blocks)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café 1 000".encode("utf-8-sig"), "Café 1 000"),
        ("Café\r\nnext".encode("utf-16"), "Café\nnext"),
        ("Café".encode("latin-1"), "Café"),
    ],
)
def test_decode_encodings(data: bytes, expected: str) -> None:
    assert decode(data, "f.txt") == expected


@pytest.mark.parametrize(("data", "message"), [(b"", "empty"), (b"  \n", "empty"), (b"\x00\x01\x02abc", "binary")])
def test_decode_rejects(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "f.txt")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "absent.md")


def test_markdown_nested_past_the_parser_limit_is_read_with_a_notice() -> None:
    """markdown-it-py skips what is nested deeper than its limit; the lines
    are read as plain text instead, with a notice, and an error after them
    is still found."""
    from ogpcheck.read.markdown import MAX_NESTING, read_markdown

    deep = "".join("  " * i + f"- level {i}\n" for i in range(MAX_NESTING))
    notices: list[str] = []
    blocks = read_markdown(deep + "\nThe council approved 12 projects in 2021.\n", "x.md", notices=notices)
    assert [b.text for b in blocks][-2:] == [f"level {MAX_NESTING - 1}", "The council approved 12 projects in 2021."]
    assert len(blocks) == MAX_NESTING + 1 and blocks[-1].line == MAX_NESTING + 2
    assert len(notices) == 1 and "read as plain text" in notices[0]
    in_mdx: list[str] = []
    assert read_markdown(deep + "\nAfter 12.\n", "x.mdx", mdx=True, notices=in_mdx)[-1].text == "After 12."
    assert len(in_mdx) == 1
    quoted = read_markdown("> " * 3 * MAX_NESTING + "deep quote 7\n\nAfter it.\n", "q.md")
    assert [b.text for b in quoted] == ["deep quote 7", "After it."]


def test_an_error_after_a_too_deep_list_is_still_found(run, tmp_path: Path) -> None:
    from ogpcheck.read.markdown import MAX_NESTING

    deep = "".join("  " * i + "- x\n" for i in range(MAX_NESTING))
    last = {
        "report.md": "The council approved 12 projects in 2021 after a long public consultation.",
        "report.es.md": "El consejo aprobó 12 proyectos en 2021 tras una larga consulta pública.",
        "report.fr.md": "Le conseil a approuvé 13 projets en 2021 après une longue consultation publique.",
    }
    for name, sentence in last.items():
        (tmp_path / name).write_text(deep + "\n" + sentence + "\n", encoding="utf-8")
    result = run(tmp_path / "report.md", "--format", "json")
    assert result.code == 1
    data = result.json()
    assert any(f["rule"] == "NUM001" and f["suspect"] == ["fr"] for f in data["findings"])
    assert sum("read as plain text" in notice for notice in data["notices"]) == 3


def test_a_block_counts_the_letters_of_its_current_text() -> None:
    """Digits, signs, spaces and underscores are not letters; accented and
    non-Latin letters are. The count is kept, and made again when the text
    is replaced (boilerplate is cut after reading)."""
    from ogpcheck.models import Block

    block = Block(0, "paragraph", "Año 2019: 12,5 % élu_e — Ωmega! Año", 1, "t.txt")
    assert block.letters == len("Año") + len("élu") + len("e") + len("Ωmega") + len("Año")
    assert block.letter_runs == "Año élu e Ωmega Año"
    block.text = "abc 123"
    assert block.letters == 3 and block.letter_runs == "abc"
    assert "_counted" not in repr(block)
    assert block == Block(0, "paragraph", block.raw, 1, "t.txt", text="abc 123", spans=block.spans)


LATIN_AND_SIGNS = st.one_of(
    st.characters(max_codepoint=0x2FF),  # the Latin blocks and past them
    st.characters(min_codepoint=0x2000, max_codepoint=0x2800),  # punctuation, signs and the blocks between
    st.characters(),
)


@settings(max_examples=500, deadline=None)
@given(st.text(LATIN_AND_SIGNS, max_size=40))
def test_the_runs_of_letters_of_latin_text_are_those_of_the_general_pattern(text: str) -> None:
    """A text of Latin letters, punctuation and signs is scanned with the
    letters listed, any other with the general pattern: the runs are the
    same."""
    from ogpcheck.models import LETTER_RUN, letter_runs

    assert letter_runs(text) == LETTER_RUN.findall(text)
