"""--output and --write-baseline never destroy an input, never turn a link or
a device into a regular file, and every problem with them is reported before
the check runs."""

from __future__ import annotations

import os
import shutil
import signal
import threading
from pathlib import Path

import pytest

from ogpcheck.app import batch, output, pipeline

from .conftest import HANDMADE
from .test_inputs_and_output import snapshot

TABLE = HANDMADE / "table_wrong_cell"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A batch folder: a document with its siblings, a one-language file
    (skipped) and an empty file (a fault)."""
    folder = tmp_path / "repo"
    shutil.copytree(TABLE, folder / "table")
    (folder / "notes.md").write_text("Only English here, nothing to compare with anything else.\n", encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    return folder


@pytest.fixture
def no_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if a document is checked: the refusal must come first."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the check ran before the problem was reported")

    monkeypatch.setattr(pipeline, "check", refuse)
    monkeypatch.setattr(batch, "check", refuse)  # bound when batch.py was imported


@pytest.mark.parametrize("flag", ["--output", "--write-baseline"])
@pytest.mark.parametrize("target", ["notes.md", "empty.md", "table/report.es.md"])
def test_a_batch_never_writes_over_any_of_its_files(run, repo: Path, no_check: None, flag: str, target: str) -> None:
    before = snapshot(repo)
    result = run(repo, flag, repo / target, "--jobs", "1")
    assert result.code == 2 and result.err.count("\n") == 1, result.err
    assert f"{flag} would overwrite the input" in result.err
    assert snapshot(repo) == before


def test_write_baseline_over_a_sibling_version_is_refused(run, tmp_path: Path, no_check: None) -> None:
    shutil.copytree(TABLE, tmp_path / "doc")
    before = snapshot(tmp_path)
    result = run(tmp_path / "doc" / "report.md", "--write-baseline", tmp_path / "doc" / "report.fr.md")
    assert result.code == 2 and "--write-baseline would overwrite the input" in result.err
    assert snapshot(tmp_path) == before


def test_output_over_a_data_file_is_refused(run, tmp_path: Path, no_check: None) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("terms: []\n", encoding="utf-8")
    result = run(TABLE / "report.md", "--terms", terms, "--output", terms)
    assert result.code == 2 and f"--output would overwrite the input {terms}" in result.err
    assert terms.read_text(encoding="utf-8") == "terms: []\n"


def test_output_and_write_baseline_on_one_file_is_refused(run, tmp_path: Path, no_check: None) -> None:
    target = tmp_path / "same.json"
    result = run(TABLE / "report.md", "--output", target, "--write-baseline", target)
    assert result.code == 2 and "--output and --write-baseline name the same file" in result.err


def test_two_outputs_on_one_file_are_refused(run, tmp_path: Path, no_check: None) -> None:
    target = tmp_path / "same.txt"
    result = run(TABLE / "report.md", "--output", target, "--output", f"json={target}")
    assert result.code == 2 and "--output and --output name the same file" in result.err
    assert not target.exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: "", "--output: the file name is empty"),
        (lambda tmp: tmp, "cannot write the report (is a directory)"),
        (lambda tmp: tmp / "absent" / "report.txt", "cannot write the report (No such file or directory)"),
    ],
)
def test_output_problems_come_before_the_check(run, tmp_path: Path, no_check: None, make, message: str) -> None:
    result = run(TABLE / "report.md", "--output", make(tmp_path))
    assert result.code == 2 and result.err.count("\n") == 1
    assert message in result.err


def test_a_bad_baseline_comes_before_the_check(run, tmp_path: Path, no_check: None) -> None:
    broken = tmp_path / "baseline.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run(TABLE / "report.md", "--baseline", broken)
    assert result.code == 2 and "the baseline is not valid JSON" in result.err


def test_a_symbolic_link_is_written_through(run, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    assert run(TABLE / "report.md", "--output", link).code == 1
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_text(encoding="utf-8").startswith("ogpcheck")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_a_link_to_an_input_is_refused(run, tmp_path: Path) -> None:
    shutil.copytree(TABLE, tmp_path / "doc")
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "doc" / "report.es.md")
    before = snapshot(tmp_path / "doc")
    result = run(tmp_path / "doc" / "report.md", "--output", link)
    assert result.code == 2 and "--output would overwrite the input" in result.err
    assert link.is_symlink() and snapshot(tmp_path / "doc") == before


def test_a_device_is_written_to_not_replaced(run) -> None:
    assert run(TABLE / "report.md", "--output", "/dev/null").code == 1
    assert Path("/dev/null").is_char_device()


def test_a_named_pipe_is_written_to_not_replaced(run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        result = run(TABLE / "report.md", "--output", fifo)
    finally:
        reader.join(timeout=30)
    assert result.code == 1
    assert received and received[0].startswith(b"ogpcheck")
    assert not fifo.is_file() and fifo.is_fifo()


def test_a_named_pipe_nobody_reads_is_an_error_not_a_hang(run, tmp_path: Path, no_check: None) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run(TABLE / "report.md", "--output", fifo)
    assert result.code == 2 and "a pipe that no process reads" in result.err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_write_leaves_no_temporary_file(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old report\n", encoding="utf-8")

    def interrupted_fsync(descriptor: int) -> None:
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(output.os, "fsync", interrupted_fsync)
    result = run(TABLE / "report.md", "--output", target)
    assert result.code == {signal.SIGTERM: 143, signal.SIGINT: 130}[signum]
    assert result.err.count("\n") == 1 and "interrupted by" in result.err and "no report was written" in result.err
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
    assert target.read_text(encoding="utf-8") == "old report\n"
