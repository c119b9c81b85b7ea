"""Rule files are validated as Vale validates its styles: an unknown kind,
option, option value, key or severity is a one-line error naming the file
and the key; a valid file becomes a rule whose options are typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogpcheck.compare.kinds import KINDS
from ogpcheck.compare.rules import load_rule_files, shipped_rules
from ogpcheck.errors import InputError

GOOD = {
    "code": "XNUM001",
    "name": "my-number-rule",
    "family": "numbers",
    "kind": "agreement",
    "severity": "warning",
    "summary": "A summary.",
    "description": "A description.",
}


def _write(tmp_path: Path, **changes: object) -> Path:
    lines = []
    for key, value in {**GOOD, **changes}.items():
        if value is None:
            continue
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {v}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {value}")
    path = tmp_path / "XNUM001.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "agreemnt"}, "kind: unknown kind 'agreemnt' (known: agreement,"),
        ({"options": {"aspect": "mismach"}}, "options.aspect: 'mismach' is not one of mismatch, missing, extra, reading"),
        ({"options": {"fact": "numbers"}}, "options: unknown option 'fact' (known: aspect)"),
        ({"severity": "fatal"}, "severity must be error, warning or info"),
        ({"optons": "{}"}, "unknown key 'optons'"),
        ({"summary": None}, "rule file lacks summary"),
        ({"kind": "existence", "options": {"patterns": "'not a list'"}}, "options.patterns: must be a list"),
        ({"kind": "table_shape", "options": {"scope": "lists"}}, "options: unknown option 'scope' (known: none)"),
    ],
)
def test_a_bad_rule_file_is_an_error_naming_file_and_key(tmp_path: Path, changes: dict, message: str) -> None:
    path = _write(tmp_path, **changes)
    with pytest.raises(InputError) as raised:
        load_rule_files([path])
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_good_rule_file_has_typed_options(tmp_path: Path) -> None:
    (rule,) = load_rule_files([_write(tmp_path, options={"aspect": "missing"})])
    assert rule.options.aspect == "missing"
    assert isinstance(rule.options, KINDS["agreement"].options)
    (default,) = load_rule_files([_write(tmp_path)])
    assert default.options.aspect == "mismatch"


def test_every_shipped_rule_names_a_kind_and_typed_options() -> None:
    for rule in shipped_rules():
        assert isinstance(rule.options, KINDS[rule.kind].options), rule.code


def test_a_bad_user_rule_stops_the_run_with_one_line(tmp_path: Path, run) -> None:
    from .trilingual import write_document

    paths = write_document(tmp_path / "doc")
    (tmp_path / "rules").mkdir()
    _write(tmp_path / "rules", kind="agreemnt")
    (tmp_path / "ogpcheck.toml").write_text('rules = ["rules"]\n', encoding="utf-8")
    result = run(*paths)
    assert result.code == 2 and result.out == ""
    assert "unknown kind 'agreemnt'" in result.err and result.err.count("\n") == 1
