"""Configuration: discovery upward from the input, keys, paths relative to
the file, and the command line overriding the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpcheck.app.config import discover, find_config, load
from ogpcheck.app.options import Options
from ogpcheck.errors import InputError

from .trilingual import write_document


def test_discovery_walks_up_and_prefers_ogpcheck_toml(tmp_path: Path) -> None:
    deep = tmp_path / "docs" / "guides"
    deep.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[tool.ogpcheck]\nlangs = ["en", "fr"]\n', encoding="utf-8")
    assert discover(deep / "x.md") == tmp_path / "pyproject.toml"
    (tmp_path / "docs" / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    assert discover(deep / "x.md") == tmp_path / "pyproject.toml"  # no [tool.ogpcheck]: passed over
    (tmp_path / "docs" / "ogpcheck.toml").write_text('langs = ["en", "es"]\n', encoding="utf-8")
    assert discover(deep) == tmp_path / "docs" / "ogpcheck.toml"
    assert find_config([deep / "x.md"])["langs"] == ["en", "es"]
    assert find_config([deep / "x.md"], isolated=True) == {}


def test_keys_paths_and_kebab_case(tmp_path: Path) -> None:
    (tmp_path / "ogpcheck.toml").write_text(
        'langs = "en,fr"\nfail-on = "warning"\nformat = "json"\nseverity = { num003 = "warning" }\n'
        'terms = ["glossary.yaml"]\nrules = ["my-rules"]\nlayouts = ["folder", { source = "docs/{doc}.{ext}" }]\n'
        'jobs = 2\nbaseline = "ci/baseline.json"\nexclude = ["drafts/*"]\n',
        encoding="utf-8",
    )
    config = Options().override(load(tmp_path / "ogpcheck.toml"))
    assert config.langs == ["en", "fr"] and config.fail_on == "warning" and config.format == "json"
    assert config.severity == {"NUM003": "warning"}
    assert config.terms == [tmp_path / "glossary.yaml"] and config.rules == [tmp_path / "my-rules"]
    assert config.baseline == tmp_path / "ci" / "baseline.json" and config.jobs == 2
    assert config.layouts == ["folder", {"source": "docs/{doc}.{ext}"}]
    assert config.config_path == tmp_path / "ogpcheck.toml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('lang = ["en"]\n', "unknown key 'lang'"),
        ('fail-on = "sometimes"\n', "'fail-on' must be one of"),
        ("severity = { NUM001 = 3 }\n", "NUM001 must be error, warning or info"),
        ("jobs = 0\n", "'jobs' must be a positive integer"),
        ('severity = { NUM999 = "error" }\n', "severity names unknown rule"),
        ("langs = [\n", "invalid TOML"),
    ],
)
def test_bad_configuration_is_one_line_naming_the_file(tmp_path: Path, run, text: str, message: str) -> None:
    paths = write_document(tmp_path)
    (tmp_path / "ogpcheck.toml").write_text(text, encoding="utf-8")
    if "unknown rule" not in message:  # known only once the rules are loaded
        with pytest.raises(InputError, match=message):
            load(tmp_path / "ogpcheck.toml")
    result = run(*paths)
    assert message in result.err
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "ogpcheck.toml" in result.err and "Traceback" not in result.err


def test_command_line_overrides_the_file_key_by_key(tmp_path: Path, run) -> None:
    paths = write_document(tmp_path)
    (tmp_path / "ogpcheck.toml").write_text('select = ["ALN"]\nformat = "json"\nfail-on = "never"\n', encoding="utf-8")
    from_file = run(*paths)
    assert from_file.code == 0 and json.loads(from_file.out)["findings"] == []
    overridden = run(*paths, "--select", "NUM001")
    assert overridden.code == 0  # fail-on still comes from the file
    assert [f["rule"] for f in json.loads(overridden.out)["findings"]] == ["NUM001"]
    assert run(*paths, "--select", "NUM001", "--fail-on", "error").code == 1
    assert run(*paths, "--isolated").out.startswith("ogpcheck ")  # text: the file is ignored


def test_merge_keeps_defaults_where_neither_speaks() -> None:
    settings = Options().override(find_config([], isolated=True)).override({"jobs": 3})
    assert settings.langs == ["en", "es", "fr"] and settings.fail_on == "error" and settings.format == "text"
    assert settings.jobs == 3 and settings.layouts == ["folder", "suffix", "name"]


def test_boilerplate_and_rule_files_from_the_configuration(tmp_path: Path, run) -> None:
    text = {
        "en": "The programme trained 24 teachers [ref 7] in 2021.\n",
        "es": "El programa formó a 24 docentes en 2021.\n",
        "fr": "Le programme a formé 24 enseignants en 2021.\n",
    }
    paths = write_document(tmp_path / "doc", text=text)
    before = json.loads(run(*paths, "--format", "json", "--select", "NUM").out)["findings"]
    assert any("7" in f["message"] for f in before)
    (tmp_path / "patterns.yaml").write_text("patterns:\n  - regex: '\\s*\\[ref \\d+\\]'\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "X001.yaml").write_text(
        "code: XPL001\nname: no-programme\nfamily: placeholders\nkind: existence\nseverity: warning\n"
        "options:\n  patterns: ['\\bprogramme\\b']\nsummary: The word programme.\ndescription: A test rule.\n",
        encoding="utf-8",
    )
    (tmp_path / "ogpcheck.toml").write_text('boilerplate = ["patterns.yaml"]\nrules = ["rules"]\n', encoding="utf-8")
    after = json.loads(run(*paths, "--format", "json", "--select", "NUM,XPL").out)["findings"]
    assert [(f["rule"], f["suspect"]) for f in after] == [("XPL001", ["fr"]), ("XPL001", ["en"])]  # by file: report.fr.md, report.md
