"""Inline suppressions: a comment before a paragraph silences findings there,
in Markdown, MDX and plain text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpcheck.models import Block
from ogpcheck.read.suppress import apply_directives, parse_html, parse_line, silences

from .trilingual import TEXT, write_document

PARAGRAPH = "The programme trained"


def _findings(run, paths: list[Path]) -> list[str]:
    return [f["rule"] for f in json.loads(run(*paths, "--format", "json", "--select", "NUM001,PH001").out)["findings"]]


def _with_comment(comment: str, lang: str = "en") -> dict[str, str]:
    text = dict(TEXT)
    first = text[lang].index("\n\n") + 2
    text[lang] = text[lang][:first] + comment + "\n" + text[lang][first:]
    return text


@pytest.mark.parametrize(
    ("comment", "silenced"),
    [
        ("<!-- ogpcheck: ignore NUM001 -->", True),
        ("<!-- ogpcheck: ignore NUM -->", True),
        ("<!-- ogpcheck: ignore numbers -->", True),
        ("<!-- ogpcheck: ignore number-mismatch -->", True),
        ("<!-- ogpcheck: ignore -->", True),
        ("<!-- ogpcheck: ignore NUM002, PH001 -->", False),
        ("<!-- just a comment -->", False),
    ],
)
def test_markdown_comment_silences_the_finding_of_the_next_paragraph(
    run, tmp_path: Path, comment: str, silenced: bool
) -> None:
    paths = write_document(tmp_path, text=_with_comment(comment))
    assert _findings(run, paths) == ([] if silenced else ["NUM001"])


def test_comment_in_the_suspect_version_works_too(run, tmp_path: Path) -> None:
    paths = write_document(tmp_path, text=_with_comment("<!-- ogpcheck: ignore NUM001 -->", "fr"))
    assert _findings(run, paths) == []


def test_comment_before_another_paragraph_silences_nothing(run, tmp_path: Path) -> None:
    text = dict(TEXT)
    text["en"] = text["en"].replace("A further", "<!-- ogpcheck: ignore NUM001 -->\nA further")
    assert _findings(run, write_document(tmp_path, text=text)) == ["NUM001"]


def test_mdx_comment(run, tmp_path: Path) -> None:
    text = _with_comment("{/* ogpcheck: ignore NUM001 */}")
    paths = write_document(tmp_path, text=text)
    mdx = [p.rename(p.with_suffix(".mdx")) for p in paths]
    assert _findings(run, mdx) == []


def test_plain_text_comment_on_its_own_line_or_glued_to_the_paragraph(run, tmp_path: Path) -> None:
    plain = {lang: body.replace("# ", "") for lang, body in TEXT.items()}
    bare = [p.rename(p.with_suffix(".txt")) for p in write_document(tmp_path / "bare", text=plain)]
    assert _findings(run, bare) == ["NUM001"]
    for glued in (False, True):
        text = dict(plain)
        comment = "<!-- ogpcheck: ignore NUM001 -->" + ("\n" if glued else "\n\n")
        text["en"] = text["en"].replace(PARAGRAPH, comment + PARAGRAPH)
        paths = [p.rename(p.with_suffix(".txt")) for p in write_document(tmp_path / str(glued), text=text)]
        assert _findings(run, paths) == []


def test_directive_parsing() -> None:
    assert parse_html("<!-- ogpcheck: ignore NUM001, NUM002 -->") == {"NUM001", "NUM002"}
    assert parse_html("<!--ogpcheck:ignore-->") == {"ALL"}
    assert parse_html("<!-- ogpcheck: disable NUM001 -->") is None
    assert parse_line("{/* ogpcheck: ignore PH001 */}") == {"PH001"}
    assert parse_line("Text <!-- ogpcheck: ignore PH001 -->") is None
    assert silences({"NUM"}, "NUM002") and not silences({"NUM001"}, "NUM002")
    assert silences({"numbers"}, "NUM002", family="numbers") and not silences(
        {"numbers"}, "PH001", family="placeholders"
    )


def test_glued_directive_keeps_lines_true() -> None:
    blocks = [Block(0, "paragraph", "<!-- ogpcheck: ignore NUM001 -->\nSome 12 text.", 5, "t.txt")]
    (block,) = apply_directives(blocks)
    assert block.raw == "Some 12 text." and block.line == 6 and block.suppressed == {"NUM001"}


def test_glued_directive_keeps_the_line_map_of_the_text_after_it() -> None:
    raw = "<!-- ogpcheck: ignore -->\nFigures for\n2024 are final."
    block = Block(0, "paragraph", raw, 5, "t.md", line_map=[(26, None, 6), (38, None, 9)])
    (kept,) = apply_directives([block])
    assert (kept.raw, kept.line, kept.line_map) == ("Figures for\n2024 are final.", 6, [(12, None, 9)])
    assert kept.line_of_raw(kept.raw.index("2024")) == 9
