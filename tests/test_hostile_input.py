"""Hostile input and usage end in one line and exit 2 (or just work), never
in a traceback, an internal error or a hang. Every input is generated."""

from __future__ import annotations

import errno
import os
import shutil
import threading
from pathlib import Path

import pytest

from ogpcheck.read import limits

from .conftest import HANDMADE

TABLE = HANDMADE / "table_wrong_cell"


def one_line_error(result, *needles: str) -> None:
    assert result.code == 2, (result.code, result.err)
    assert result.err.startswith("ogpcheck: error: ") and result.err.count("\n") == 1, result.err
    assert "internal error" not in result.err
    for needle in needles:
        assert needle in result.err, result.err


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    folder = tmp_path / "doc"
    shutil.copytree(TABLE, folder)
    return folder / "report.md"


# -- usage --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        ((), "no input given"),
        (("x.md", "--jobs", "0"), "--jobs"),
        (("x.md", "--fail-on", "sometimes"), "--fail-on"),
        (("x.md", "--no-such-flag"), "--no-such-flag"),
        (("rule",), "Missing argument"),
    ],
)
def test_usage_errors_are_one_line(run, args: tuple[str, ...], needle: str) -> None:
    one_line_error(run(*args), needle)


def test_a_language_code_that_is_a_path_is_refused(run, doc: Path) -> None:
    one_line_error(run(doc, "--langs", "en,es,x/y"), "unknown language code 'x/y'")


@pytest.mark.parametrize("digits", [30, 400])
def test_a_huge_max_bytes_is_no_limit(run, doc: Path, digits: int) -> None:
    assert run(doc, "--max-bytes", "9" * digits).code == 1


def test_parse_size_is_exact() -> None:
    assert limits.parse_size("1.5MB") == 1_500_000
    assert limits.parse_size("9" * 400) == limits.LARGEST


# -- configuration and data files ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "needle"),
    [("tool = 5\n", "'tool' must be a table"), ("[tool]\nogpcheck = 5\n", "'tool.ogpcheck' must be a table")],
)
def test_a_parent_pyproject_that_is_not_a_table(run, doc: Path, content: str, needle: str) -> None:
    (doc.parent.parent / "pyproject.toml").write_text(content, encoding="utf-8")
    one_line_error(run(doc), needle)


def test_a_deeply_nested_baseline(run, doc: Path, tmp_path: Path) -> None:
    deep = tmp_path / "baseline.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    one_line_error(run(doc, "--baseline", deep), "nested too deeply")


def test_a_deeply_nested_configuration(run, doc: Path, tmp_path: Path) -> None:
    deep = tmp_path / "ogpcheck.toml"
    deep.write_text("langs = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    result = run(doc, "--config", deep)
    one_line_error(result, str(deep))


@pytest.mark.parametrize("flag", ["--terms", "--baseline"])
def test_data_files_are_read_within_a_limit(run, doc: Path, flag: str) -> None:
    one_line_error(run(doc, flag, "/dev/zero"), "/dev/zero: larger than the")


def test_data_file_limit_on_a_large_regular_file(tmp_path: Path) -> None:
    big = tmp_path / "terms.yaml"
    big.write_bytes(b"#" * (limits.DATA_MAX_BYTES + 1))
    with pytest.raises(limits.InputError, match="larger than the 5 MB limit"):
        limits.read_data_file(big, "terminology file")


# -- special files --------------------------------------------------------------


def test_a_symlink_loop_as_input(run, tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    one_line_error(run(tmp_path / "a.md"), "a loop of symbolic links")


def test_a_dangling_link_as_input(run, tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("gone.md")
    one_line_error(run(tmp_path / "a.md"), "a symbolic link to a file that does not exist (gone.md)")


def test_a_fifo_as_input_does_not_hang(run, tmp_path: Path) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    one_line_error(run(fifo), "the file is empty")


def test_a_fifo_as_terms_file_does_not_hang(run, doc: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "terms.yaml"
    os.mkfifo(fifo)
    one_line_error(run(doc, "--terms", fifo), str(fifo))


def test_a_fifo_in_a_batch_folder_is_a_fault_not_a_stall(run, doc: Path) -> None:
    os.mkfifo(doc.parent / "stuck.md")
    result = run(doc.parent, "--jobs", "1", "--format", "json")
    assert result.code == 2 and "stuck.md: the file is empty" in result.err
    assert len(result.json()["documents"]) == 1  # the real document is still checked


def test_a_pipe_that_never_writes_is_given_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "slow.md"
    os.mkfifo(fifo)
    monkeypatch.setattr(limits, "IDLE_SECONDS", 0.2)
    opened, release = threading.Event(), threading.Event()

    def silent_writer() -> None:
        with open(fifo, "wb"):
            opened.set()
            release.wait(10)

    keep_open = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open does not wait
    writer = threading.Thread(target=silent_writer)
    writer.start()
    try:
        assert opened.wait(10)
        with pytest.raises(limits.InputError, match=r"gave no data for 0\.2 s"):
            limits.read_bytes(fifo)
    finally:
        release.set()
        writer.join(timeout=10)
        os.close(keep_open)


def test_a_pipe_is_read_whole(tmp_path: Path) -> None:
    fifo = tmp_path / "piped.md"
    os.mkfifo(fifo)
    data = TABLE.joinpath("report.md").read_bytes() * 50
    keep_open = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open does not wait
    try:
        with open(fifo, "wb") as handle:
            handle.write(data)  # stays in the pipe's buffer until read
        assert limits.read_bytes(fifo) == data
    finally:
        os.close(keep_open)


def test_permission_denied_is_said_so(run, doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def denied(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith("report.es.md"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(limits.os, "open", denied)
    one_line_error(run(doc), "report.es.md: permission denied")


def test_an_unreadable_batch_folder_is_reported(run, doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpcheck.app import batch

    real_walk = os.walk

    def walk(top: object, onerror=None, **kwargs: object):
        if onerror is not None:
            onerror(PermissionError(errno.EACCES, "Permission denied", str(doc.parent / "locked")))
        yield from real_walk(top, onerror=onerror, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(batch.os, "walk", walk)
    one_line_error(run(doc.parent), "locked: cannot list the folder (permission denied)")


# -- user patterns ---------------------------------------------------------------


def test_a_catastrophic_boilerplate_pattern_is_stopped(run, doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpcheck.read import bounded

    monkeypatch.setattr(bounded, "SECONDS", 0.3)
    folder = doc.parent
    (folder / "tooltips.yaml").write_text('patterns:\n  - regex: "(a+)+$"\n', encoding="utf-8")
    (folder / "ogpcheck.toml").write_text('boilerplate = ["tooltips.yaml"]\n', encoding="utf-8")
    with doc.open("a", encoding="utf-8") as handle:
        handle.write("\n\n" + "a" * 60 + "!\n")
    one_line_error(run(doc), "tooltips.yaml: pattern 1 took more than 0.3 s", "rewrite it")


def test_a_sound_user_pattern_still_cuts_text(tmp_path: Path) -> None:
    from ogpcheck.read.boilerplate import clean, load_pattern_files

    file = tmp_path / "p.yaml"
    file.write_text('patterns:\n  - regex: "(?<=[a-zé])\\\\[tip\\\\][^\\\\]]*\\\\]"\n', encoding="utf-8")
    patterns = load_pattern_files([file])
    assert clean("Café[tip] a note] ouvert", patterns)[0] == "Café ouvert"


def test_a_closed_standard_output_is_said_before_the_check(run, doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdout", None)
    one_line_error(run(doc), "standard output is closed")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("terms: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        (
            "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 8))
            + "terms: [{id: t, type: other, names: {en: *a7}}]\n",
            "expands to more than 1,000,000 values",
        ),
        ("terms: [unclosed\n", "not valid YAML"),
    ],
)
def test_hostile_yaml_data_files(run, doc: Path, tmp_path: Path, content: str, needle: str) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text(content, encoding="utf-8")
    one_line_error(run(doc, "--terms", terms), needle)


def test_a_closed_standard_input_is_said(run, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", None)
    one_line_error(run("-"), "standard input is closed")
