"""Nothing from a document or a file name reaches a terminal as a command,
and a file name that is not UTF-8 never makes an output unwritable."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ogpcheck.report.safe import encodable, printable

from .conftest import HANDMADE

TABLE = HANDMADE / "table_wrong_cell"
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[8m\r\x9b"  # window title, clear screen, hidden text, CR, C1 CSI
PADDING = {  # the same ordinary paragraph in each version, so the French stays a translation (ALN005)
    "md": "\n\nAn ordinary paragraph in English, which makes the file long enough for text." * 12,
    "es.md": "\n\nUn párrafo corriente en español, que hace el archivo lo bastante largo para texto." * 12,
    "fr.md": "\n\nUn paragraphe ordinaire en français, qui rend le fichier assez long pour du texte." * 12,
}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The table document with escape sequences in a French cell."""
    folder = tmp_path / "doc"
    shutil.copytree(TABLE, folder)
    for suffix, padding in PADDING.items():
        version = folder / f"report.{suffix}"
        text = version.read_text(encoding="utf-8")
        if suffix == "fr.md":
            text = text.replace("Burkina Faso", f"Burkina {ESCAPES}Faso")
        version.write_text(text + padding, encoding="utf-8")
    return folder


def test_printable_keeps_length_and_shows_controls() -> None:
    shown = printable(ESCAPES)
    assert len(shown) == len(ESCAPES)
    assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown and "\x9b" not in shown
    assert shown.startswith("␛]0;pwned␇")
    assert printable("a\nb") == "a␊b" and printable("a\nb", keep_newlines=True) == "a\nb"
    assert printable("tab\there") == "tab\there"
    assert encodable("r\udce9port") == "r\ufffdport"


@pytest.mark.parametrize("output_format", ["text", "github"])
@pytest.mark.parametrize("color", ["--no-color", "--color"])
def test_human_formats_carry_no_control_character_from_the_document(
    run, hostile: Path, output_format: str, color: str
) -> None:
    result = run(hostile / "report.md", "--format", output_format, color)
    assert result.code == 1
    assert "␛]0;pwned␇" in result.out  # the text is shown, defused
    assert "\x07" not in result.out and "\r" not in result.out and "\x9b" not in result.out
    if color == "--no-color" or output_format == "github":
        assert "\x1b" not in result.out
    else:  # rich's own colours only: every ESC starts a colour (SGR) sequence
        assert all(part.split("m", 1)[0].replace(";", "").isdigit() for part in result.out.split("\x1b[")[1:])


def test_escape_sequences_in_a_file_name_are_defused(run, tmp_path: Path) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    for name in ("report.md", "report.es.md", "report.fr.md"):
        shutil.copy(TABLE / name, folder / name.replace("report", "re\x1b[31mport"))
    result = run(folder / "re\x1b[31mport.md", "--no-color")
    assert result.code == 1 and "re␛[31mport.md" in result.out and "\x1b" not in result.out


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(run, tmp_path: Path) -> None:
    result = run(tmp_path / "two\nlines.md")
    assert result.code == 2 and result.err.count("\n") == 1
    assert "two␊lines.md" in result.err


@pytest.fixture
def latin1_names(tmp_path: Path) -> Path:
    """The table document under file names holding the byte 0xE9 (not UTF-8)."""
    folder = tmp_path / "doc"
    folder.mkdir()
    for name in ("report.md", "report.es.md", "report.fr.md"):
        target = os.fsdecode(os.fsencode(str(folder)) + b"/r\xe9" + name.encode())
        shutil.copy(TABLE / name, target)
    return folder


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "html"])
@pytest.mark.parametrize("to_file", [False, True])
def test_file_names_that_are_not_utf8_in_every_format(
    run, latin1_names: Path, tmp_path: Path, output_format: str, to_file: bool
) -> None:
    first = Path(os.fsdecode(os.fsencode(str(latin1_names)) + b"/r\xe9report.md"))
    target = tmp_path / f"out.{output_format}"
    args = ["--format", output_format, *(["--output", target] if to_file else [])]
    result = run(first, *args)
    assert result.code == 1, result.err
    text = target.read_bytes().decode("utf-8") if to_file else result.out
    text.encode("utf-8")  # valid UTF-8: no lone surrogate left
    assert "r\ufffdreport" in text or "r%E9report" in text
    if output_format in ("json", "sarif"):
        json.loads(text)
    if output_format == "sarif":
        uris = [
            loc["physicalLocation"]["artifactLocation"]["uri"]
            for run_ in json.loads(text)["runs"]
            for result_ in run_["results"]
            for loc in result_["locations"]
        ]
        assert uris and all("r%E9report" in uri for uri in uris)  # the exact bytes, percent-encoded


def test_batch_text_defuses_fault_messages(run, tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "bad\x1b[2J.md").write_text("", encoding="utf-8")
    shutil.copytree(TABLE, folder / "table")
    result = run(folder, "--jobs", "1", "--no-color")
    assert result.code == 2
    assert "\x1b" not in result.out and "\x1b" not in result.err
    assert "bad␛[2J.md" in result.err and result.err.count("\n") == 1
