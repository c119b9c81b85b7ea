"""The NER pipelines built from their packages' data (``spacy_load``) are
those ``spacy.load`` gives: same tokens, same token attributes NER reads,
same entities; the factored ``token_match`` matches the same strings."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import read_document
from ogpcheck.extract import ner
from ogpcheck.extract.spacy_load import LARGE, factored

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "000_2e39307007993178.txt"
LETTERS = "[" + "".join(chr(c) for c in range(0x100, 0x100 + LARGE)) + "a-z]"
HYPHEN = "[-–]"


def test_alternatives_sharing_a_large_class_are_joined_and_match_the_same_strings() -> None:
    pattern = "(?iu)" + "|".join(
        f"(?:{alternative})"
        for alternative in (
            f"^rick{HYPHEN}roll{LETTERS}*$",
            f"^zig{HYPHEN}zag{LETTERS}*$",
            f"^bas(?:ses?)?{HYPHEN}{LETTERS}+$",
            f"^{LETTERS}+{HYPHEN}et{HYPHEN}(?:l['’])?{LETTERS}+$",
            f"^{LETTERS}+{HYPHEN}sur{HYPHEN}(?:l['’])?{LETTERS}+$",
            "^aujourd'hui$",
        )
    )
    joined = factored(pattern)
    assert joined.count(LETTERS) < pattern.count(LETTERS)
    original, rewritten = re.compile(pattern), re.compile(joined)
    words = [
        "rick-roll", "rick–rolled", "Rick-Rollé", "zig-zag", "zigzag", "zig-zags", "basse-cour", "bas-côté",
        "basses-", "vingt-et-un", "pot-et-l'eau", "fils-sur-l'eau", "sur-et-", "aujourd'hui", "aujourd’hui",
        "roll-rick", "et", "a-et-b", "a-et-l'b", "", "-", "rick-roll-x", "zig-zag\n",
    ]  # fmt: skip
    assert [bool(original.match(w)) for w in words] == [bool(rewritten.match(w)) for w in words]
    assert any(rewritten.match(w) for w in words) and not all(rewritten.match(w) for w in words)


def test_a_pattern_that_cannot_be_rewritten_safely_is_kept() -> None:
    for pattern in (r"(?:^(a)\1$)|(?:^b$)", r"(?P<x>a)|b", "^a$", "(?:a|b"):
        assert factored(pattern) == pattern


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_the_pipeline_built_from_the_package_is_the_one_spacy_loads(lang: str) -> None:
    spacy = pytest.importorskip("spacy")
    package = next(iter(ner.installed(lang)), None)
    if package is None:
        pytest.skip(f"no spaCy pipeline for {lang}")
    built = ner._load(package)
    config_path = ner._config_path(package)
    assert built is not None and config_path is not None
    config = spacy.util.load_config(config_path)
    exclude = [name for name in config["nlp"]["pipeline"] if name not in ner._needed(config)]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        reference = spacy.load(package, exclude=exclude)
    assert type(built).__name__ != type(reference).__name__  # really built otherwise
    document = read_document([SEED], Options(langs=["en", "es", "fr"]))
    texts = [b.text for v in document.versions if v.lang == lang for b in v.blocks]
    assert len(texts) > 100

    def seen(doc: object) -> list[object]:
        tokens = [(t.text, t.norm_, t.prefix_, t.suffix_, t.shape_, t.whitespace_) for t in doc]  # type: ignore[attr-defined]
        return [tokens, [(e.start_char, e.end_char, e.label_) for e in doc.ents]]  # type: ignore[attr-defined]

    assert [seen(d) for d in built.pipe(texts)] == [seen(d) for d in reference.pipe(texts)]
