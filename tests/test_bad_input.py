"""Bad input never crashes the CLI: one line on stderr that names the file
and the problem, exit code 2, no traceback and no report."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from ogpcheck.errors import InputError
from ogpcheck.read import limits, read_file
from ogpcheck.read.limits import describe, parse_size, read_bytes

from .conftest import FIXTURES, SEED_000

GERMAN = FIXTURES / "bad_input" / "german_only.txt"
SEED_LINES = SEED_000.read_text(encoding="utf-8").split("\n")
ENGLISH_PART = "\n".join(SEED_LINES[:313])  # seed 000: English to line 313, then Spanish, then French


def assert_input_error(result, *fragments: str) -> None:
    assert result.code == 2, result.err
    assert result.out == ""
    lines = result.err.strip().split("\n")
    assert len(lines) == 1, result.err
    assert lines[0].startswith("ogpcheck: error: "), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_missing_file(run, tmp_path: Path) -> None:
    missing = tmp_path / "absent.md"
    assert_input_error(run(missing), f"{missing}: no such file")


def test_directory_without_documents(run, tmp_path: Path) -> None:
    folder = tmp_path / "assets"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "logo.png").write_bytes(b"\x89PNG")
    assert_input_error(run(folder), f"{folder}: no document found")


@pytest.mark.parametrize(("name", "data"), [("empty.md", b""), ("blank.txt", b" \n\t\r\n"), ("bom.txt", b"\xef\xbb\xbf\n")])
def test_empty_file(run, tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path / name, data)
    assert_input_error(run(path), f"{path}: the file is empty")


def xlsx_bytes(tmp_path: Path) -> bytes:
    archive = tmp_path / "made.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("xl/workbook.xml", "<workbook/>")
    return archive.read_bytes()


@pytest.mark.parametrize(
    ("name", "kind", "problem"),
    [
        ("report.xlsx", "zip", "a ZIP archive (such as .odt or .xlsx), not a text document"),
        ("logo.md", "png", "a PNG image, not a text document"),
        ("dump.txt", "random", "binary file, not a text document"),
        ("controls.txt", "controls", "binary file, not a text document"),
    ],
)
def test_binary_file(run, tmp_path: Path, name: str, kind: str, problem: str) -> None:
    data = {
        "zip": lambda: xlsx_bytes(tmp_path),
        "png": lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "random": lambda: bytes((i * 7919 + 13) % 256 for i in range(5000)),
        "controls": lambda: bytes(range(1, 9)) * 200,
    }[kind]()
    path = write(tmp_path / name, data)
    assert_input_error(run(path), f"{path}: {problem}")


def test_text_in_an_encoding_that_cannot_be_told(run, tmp_path: Path) -> None:
    path = write(tmp_path / "cyrillic.txt", ("Отчёт о ключевых результатах программы. " * 20).encode("cp1251"))
    assert_input_error(run(path), f"{path}: cannot tell the text encoding", "save it as UTF-8")


def test_file_mixing_encodings_names_the_line(run, tmp_path: Path) -> None:
    data = (ENGLISH_PART + "\n").encode("utf-8") + "Café in Latin-1\n".encode("latin-1")
    path = write(tmp_path / "mixed.txt", data)
    assert_input_error(run(path), f"{path}: mixes encodings", "line 314", "byte 0xe9")


def test_document_in_one_language(run, tmp_path: Path) -> None:
    path = write(tmp_path / "english.txt", ENGLISH_PART.encode("utf-8"))
    assert_input_error(run(path), f"{path}: fewer than two language versions found (found: en; expected: en,es,fr)")


def test_langs_naming_languages_not_found_says_what_was_found(run) -> None:
    result = run(SEED_000, "--langs", "en,de")
    assert_input_error(
        result,
        f"{SEED_000}: fewer than two language versions found (found: en; expected: en,de)",
        "not name: es (lines 314-619), fr (lines 620-927)",
    )


def test_langs_naming_no_language_present(run) -> None:
    result = run(SEED_000, "--langs", "de,it")
    assert_input_error(result, "(found: none; expected: de,it)", "en (lines 1-313), es (lines 314-619), fr (lines 620-927)")


def test_version_in_a_language_langs_does_not_name(run, tmp_path: Path) -> None:
    english = write(tmp_path / "english.txt", ENGLISH_PART.encode("utf-8"))
    assert_input_error(run(english, GERMAN), f"{GERMAN}: the text is in German (de), which --langs does not name")


def test_multilingual_file_given_as_one_version(run) -> None:
    result = run(SEED_000, GERMAN, "--langs", "en,es,fr,de")
    assert_input_error(result, f"{SEED_000}: holds several languages", "one file per version")


def test_unknown_format_and_language_code(run) -> None:
    assert_input_error(run(SEED_000, "--format", "xml"), "unknown --format 'xml' (choose from: text, concise, json, ")
    assert_input_error(run(SEED_000, "--langs", "en,xx"), "--langs: unknown language code 'xx'")


def test_unreadable_file(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads any file whatever its mode (CI runs as root), so the
    refusal of the system is simulated; the real one is tried when not root."""
    path = write(tmp_path / "secret.txt", SEED_000.read_bytes())
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(limits.os, "open", refuse)
    assert_input_error(run(path), f"{path}: permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(run, tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", SEED_000.read_bytes())
    path.chmod(0)
    try:
        assert_input_error(run(path), f"{path}: permission denied")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_100_mb_input_is_refused_before_it_is_read(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(100_000_000)
    open_now: set[int] = set()  # descriptors of the big file, while open
    events: list[str] = []
    real_open, real_close, real_fdopen, real_read = os.open, os.close, os.fdopen, os.read

    def opened(name, *args, **kwargs):
        descriptor = real_open(name, *args, **kwargs)
        if Path(name) == path:
            open_now.add(descriptor)
            events.append("open")
        return descriptor

    def closed(descriptor: int) -> None:
        open_now.discard(descriptor)
        real_close(descriptor)

    def reading(descriptor: int) -> None:
        if descriptor in open_now:
            events.append("read")

    monkeypatch.setattr(limits.os, "open", opened)
    monkeypatch.setattr(limits.os, "close", closed)
    monkeypatch.setattr(limits.os, "fdopen", lambda fd, *a, **k: reading(fd) or real_fdopen(fd, *a, **k))
    monkeypatch.setattr(limits.os, "read", lambda fd, n: reading(fd) or real_read(fd, n))
    assert_input_error(run(path), f"{path}: 100 MB, larger than the 20 MB limit (raise it with --max-bytes)")
    assert "open" in events and "read" not in events  # refused from its size alone: not a byte read


@pytest.mark.slow
def test_max_bytes_option(run) -> None:
    assert_input_error(run(SEED_000, "--max-bytes", "100KB"), f"{SEED_000}: 105.2 KB, larger than the 100 KB limit")
    assert run(SEED_000, "--max-bytes", "106KB").code == 1
    assert_input_error(run(SEED_000, "--max-bytes", "lots"), "--max-bytes: cannot read 'lots' as a size")


def test_endless_device_is_read_no_further_than_the_limit() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(InputError, match="/dev/zero: larger than the 1 KB limit"):
        read_bytes(zero, 1000)


@pytest.mark.parametrize(
    ("text", "size"), [("1000000", 1_000_000), ("20MB", 20_000_000), ("500 kb", 500_000), ("1.5G", 1_500_000_000)]
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize(("size", "text"), [(limits.MAX_BYTES, "20 MB"), (105_174, "105.2 KB"), (999, "999 bytes")])
def test_describe_size(size: int, text: str) -> None:
    assert describe(size) == text


@pytest.mark.parametrize("bad", ["", "0", "-5MB", "20 parsecs", "MB"])
def test_parse_size_rejects(bad: str) -> None:
    with pytest.raises(InputError, match="--max-bytes"):
        parse_size(bad)


@pytest.mark.slow
def test_langs_in_capitals_or_repeated_mean_the_same(run) -> None:
    expected = run(SEED_000, "--langs", "en,es,fr", "--format", "json").out
    assert run(SEED_000, "--langs", "EN, es,fr,es", "--format", "json").out == expected
    assert_input_error(run(SEED_000, "--langs", " , "), "--langs names no language")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('max-bytes = "100KB"', "seed.txt: 105.2 KB, larger than the 100 KB limit"),
        ("max-bytes = 100000", "seed.txt: 105.2 KB, larger than the 100 KB limit"),
        ('max-bytes = "lots"', "ogpcheck.toml: 'max-bytes' must be a size such as 20MB"),
        ("max-bytes = true", "ogpcheck.toml: 'max-bytes' must be a size such as 20MB"),
    ],
)
def test_max_bytes_from_the_configuration_file(run, tmp_path: Path, setting: str, message: str) -> None:
    (tmp_path / "seed.txt").write_bytes(SEED_000.read_bytes())
    (tmp_path / "ogpcheck.toml").write_text(setting + "\n", encoding="utf-8")
    assert_input_error(run(tmp_path / "seed.txt"), message)
    if "limit" in message:
        assert run(tmp_path / "seed.txt", "--max-bytes", "1MB").code == 1  # the command line wins


def test_text_file_that_is_a_pdf_is_read_as_one(tmp_path: Path) -> None:
    """Regression (found by the fuzz test): a file starting with ``%PDF-`` is
    routed to the PDF reader whatever its name, and a broken one, or a
    missing PDF reader, is an input error, not a crash."""
    path = write(tmp_path / "report.txt", b"%PDF-")
    with pytest.raises(InputError, match=f"^{path}: "):
        read_file(path)
