"""A pattern file may say what every match of a pattern holds (``requires``),
and a block holding none of it is not searched. The shipped lists must never
hide a match: on every block of the fixtures and the corpus, and on texts
made to match, each pattern finds with its list what it finds without."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ogpcheck
from ogpcheck.errors import InputError
from ogpcheck.models import Block
from ogpcheck.read import read_file
from ogpcheck.read.boilerplate import clean, clean_blocks, load_pattern_files
from ogpcheck.ruledata import FilePattern, compiled_patterns, file_requires, shared_requires

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SHIPPED = ("patterns/boilerplate.yaml", "patterns/placeholders.yaml")


def shipped() -> list[FilePattern]:
    return [pattern for name in SHIPPED for pattern in compiled_patterns(name)]


def test_every_shipped_pattern_says_what_it_requires() -> None:
    assert all(pattern.requires for pattern in shipped())


def raw_texts() -> list[str]:
    paths = sorted((ROOT / "fixtures").rglob("*.txt")) + sorted((ROOT / "fixtures").rglob("*.md"))
    if (CORPUS / "MANIFEST.tsv").is_file():
        with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as manifest:
            slugs = [row["slug"] for row in csv.DictReader(manifest, delimiter="\t")]
        paths += [CORPUS / slug / f"{lang}.md" for slug in slugs for lang in ("en", "es", "fr")]
    texts = []
    for path in paths:
        try:
            texts.extend(block.raw for block in read_file(path))
        except InputError:
            continue  # the fixtures of bad input
    return texts


def test_the_shipped_requirements_hide_no_match_on_real_text() -> None:
    texts = raw_texts()
    assert len(texts) > 1_000  # the fixtures alone hold 1,264 blocks
    found = 0
    for pattern in shipped():
        for text in texts:
            every = [m.span() for m in pattern.regex.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == every, (pattern.pattern, text[:80])
            found += len(every)
    assert found  # the tooltips of the seeds, at least


# Pieces of the shipped patterns' matches and what stands around them.
PIECES = [
    "XNUMX", "X", "NUM", "NUMBER", "__", "_", "PH", "{{", "}}", "1", "%s", "%d", "%", "/", "|", " ", "\n", "\u00ad",
    "...", "…", " More", "Fund", "With", "a", "é", "Ñ", ")", "x" * 30,
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_shipped_requirements_hide_no_match_on_made_text(text: str) -> None:
    for pattern in shipped():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.regex.finditer(text)]


def test_a_block_without_the_required_strings_is_not_searched() -> None:
    class Counting:
        calls = 0

        def finditer(self, text: str) -> list[object]:
            Counting.calls += 1
            return []

    pattern = FilePattern(Counting(), ("|",))  # type: ignore[arg-type]
    assert list(pattern.finditer("no bar here")) == [] and Counting.calls == 0
    assert list(pattern.finditer("a bar | here")) == [] and Counting.calls == 1


def test_patterns_are_tested_together_only_when_each_says_what_it_requires() -> None:
    bar, dots = FilePattern(re.compile(r"\|"), ("|",)), FilePattern(re.compile(r"\.\.\."), ("...", "|"))
    assert shared_requires([bar, dots]) == ("|", "...")
    assert shared_requires([bar, FilePattern(re.compile("x"))]) is None  # this one may match anywhere
    assert shared_requires([bar, re.compile("x")]) is None  # a rule's own pattern says nothing
    assert file_requires("patterns/placeholders.yaml") == ("NUM", "__", "{{", "%s", "%d")


def test_the_placeholder_rule_still_finds_what_its_patterns_match() -> None:
    texts = {"en": "The plan has XNUMX goals.", "es": "El plan tiene 4 metas.", "fr": "Le plan a 4 objectifs."}
    findings = ogpcheck.check(texts=texts, name="plan.txt", select=["PH"], isolated=True).findings
    assert [(f.rule, f.suspect) for f in findings] == [("PH001", ["en"])]


def test_a_user_pattern_may_say_what_it_requires(tmp_path: Path) -> None:
    file = tmp_path / "p.yaml"
    file.write_text('patterns:\n  - regex: "\\\\[tip[^\\\\]]*\\\\]"\n    requires: "[tip"\n', encoding="utf-8")
    (pattern,) = load_pattern_files([file])
    assert clean("Café[tip a note] ouvert", [pattern])[0] == "Café ouvert"
    assert list(pattern.finditer("Café ouvert")) == []


def test_blocks_are_cleaned_as_each_pattern_would_clean_them() -> None:
    """A block holding none of the strings all patterns require is kept
    whole at once; one that holds one, or any block when a pattern requires
    nothing, is searched by every pattern."""
    bar = FilePattern(re.compile(r"\s*\|$"), ("|",))
    tip = FilePattern(re.compile(r"\[tip[^\]]*\]"), ("[tip",))
    anywhere = FilePattern(re.compile(r"\*+"))
    raws = ["Kenya |", "Café[tip a note] ouvert", "plain text", "**bold** [tip x]"]
    for patterns in ([bar, tip], [bar, tip, anywhere], []):
        blocks = [Block(index, "paragraph", raw, 1, "x.txt") for index, raw in enumerate(raws)]
        clean_blocks(blocks, patterns)
        assert [(b.text, b.spans) for b in blocks] == [clean(raw, patterns) for raw in raws]
    assert [b.text for b in blocks] == raws  # no pattern: nothing cut
    clean_blocks(blocks, [bar, tip, anywhere])
    assert [b.text for b in blocks] == ["Kenya", "Café ouvert", "plain text", "bold "]


@pytest.mark.parametrize("requires", ["[]", "[1]", '[""]', "{a: b}"])
def test_a_malformed_requirement_is_an_input_error(tmp_path: Path, requires: str) -> None:
    file = tmp_path / "p.yaml"
    file.write_text(f'patterns:\n  - regex: "x"\n    requires: {requires}\n', encoding="utf-8")
    if requires == "[]":  # an empty list requires nothing: every block is searched
        (pattern,) = load_pattern_files([file])
        assert [m.group() for m in pattern.finditer("axb")] == ["x"]
        return
    with pytest.raises(InputError, match="pattern 1: 'requires' is a string or a list of non-empty strings"):
        load_pattern_files([file])


def test_a_rule_pattern_file_with_a_malformed_requirement_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpcheck import ruledata

    monkeypatch.setattr(ruledata, "load_yaml", lambda relative: {"patterns": [{"regex": "x", "requires": [3]}]})
    with pytest.raises(InputError, match=r"mine\.yaml: pattern 1: 'requires'"):
        ruledata.compiled_patterns.__wrapped__("mine.yaml")
