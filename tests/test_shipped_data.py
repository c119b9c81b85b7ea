"""The shipped YAML files kept parsed (``ogpcheck/_shipped_data.py``): the
same data as parsing them, and a file edited since is parsed again."""

from __future__ import annotations

from ogpcheck._shipped_data import PARSED
from ogpcheck.ruledata import parse_shipped, parse_yaml, rules_dir, text_key


def test_every_shipped_file_is_kept_parsed_as_yaml_parses_it() -> None:
    texts = {path.relative_to(rules_dir()).as_posix(): path.read_text(encoding="utf-8") for path in rules_dir().rglob("*.yaml")}
    stale = "run python scripts/gen_shipped_data.py"
    assert {text_key(text) for text in texts.values()} == set(PARSED), stale
    for relative, text in texts.items():
        assert PARSED[text_key(text)]() == parse_yaml(text), f"{relative}: {stale}"


def test_an_edited_file_is_parsed_again() -> None:
    text = (rules_dir() / "numbers" / "NUM001.yaml").read_text(encoding="utf-8")
    edited = text.replace("severity: error", "severity: warning")
    assert edited != text and text_key(edited) not in PARSED
    assert parse_shipped(edited)["severity"] == "warning"
    assert parse_shipped(text)["severity"] == "error"


def test_each_reading_is_a_new_copy() -> None:
    """A caller that changes what it was given changes nobody else's data."""
    text = (rules_dir() / "patterns" / "placeholders.yaml").read_text(encoding="utf-8")
    first = parse_shipped(text)
    first["patterns"].clear()
    assert parse_shipped(text)["patterns"]
