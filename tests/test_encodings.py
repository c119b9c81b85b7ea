"""Text in any encoding we can tell is read exactly as its UTF-8 copy is:
same blocks, same text, same line numbers, hence the same report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpcheck.errors import InputError
from ogpcheck.read import read_file
from ogpcheck.read.encoding import decode

from .conftest import SEED_000, SEED_003

SEED_TEXT = SEED_000.read_text(encoding="utf-8")
FRENCH = "« Déjà vu » : l’œuvre coûte 5 € ; Noël à Besançon, naïve, où ça ? Ÿ, Œ.\n"
SPANISH = "¿Qué? ¡Sí! El niño comió piña en Logroño; «cigüeña», año 2020, 4,5 %.\n"

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "iso-8859-15", "mac_roman", "cp850"]


def blocks(path: Path) -> list[tuple[str, str, int]]:
    return [(b.kind, b.text, b.line) for b in read_file(path)]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("seed", [SEED_000, SEED_003])
def test_seed_reads_the_same_in_every_encoding(tmp_path: Path, seed: Path, encoding: str) -> None:
    data = seed.read_text(encoding="utf-8").encode(encoding, errors="replace")  # "●" has no one-byte form
    reference = tmp_path / "reference.txt"
    reference.write_text(data.decode(encoding).lstrip("\ufeff"), encoding="utf-8")
    encoded = tmp_path / "encoded.txt"
    encoded.write_bytes(data)
    assert blocks(encoded) == blocks(reference)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", [FRENCH, SPANISH])
def test_accents_and_signs_survive_every_encoding(encoding: str, text: str) -> None:
    line = "".join(ch for ch in text if ch.encode(encoding, errors="ignore").decode(encoding).lstrip("\ufeff") == ch)
    assert len(line) > 0.9 * len(text)  # the encoding holds (nearly) all of it
    assert decode((line * 3).encode(encoding), "f.txt") == line * 3


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_all_read_as_newlines(tmp_path: Path, ending: str) -> None:
    unix = tmp_path / "unix.txt"
    unix.write_text(SEED_TEXT, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_bytes(SEED_TEXT.replace("\n", ending).encode("utf-8"))
    assert blocks(other) == blocks(unix)


def test_mixed_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    lines = SEED_TEXT.split("\n")
    endings = ["\n", "\r\n", "\r"]
    mixed = "".join(line + endings[i % 3] for i, line in enumerate(lines[:-1])) + lines[-1]
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed.encode("utf-8"))
    unix = tmp_path / "unix.txt"
    unix.write_text(SEED_TEXT, encoding="utf-8")
    assert blocks(path) == blocks(unix)


@pytest.mark.slow
def test_utf16_report_is_the_utf8_report(run, tmp_path: Path) -> None:
    """End to end: the same findings, on the same lines."""
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(SEED_TEXT, encoding="utf-8")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(SEED_TEXT.replace("\n", "\r\n").encode("utf-16"))
    reports = []
    for path in (utf8, utf16):
        data = run(path, "--format", "json").json()
        for finding in data["findings"]:
            finding.pop("fingerprint")  # names the file, which differs by design
        reports.append(json.loads(json.dumps(data).replace(path.name, "FILE")))
    assert reports[0] == reports[1]
    assert reports[0]["summary"]["error"] == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Отчёт о результатах программы. ".encode("koi8_r") * 10, "cannot tell the text encoding"),
        ("日本語の報告書です。".encode("shift_jis") * 10, "cannot tell the text encoding"),
        (b"\xff\xfe\x00\xd8", "starts with a UTF-16 byte-order mark but is not UTF-16"),
        ("Plain ASCII and é".encode("utf-16-le")[:-1], "binary file"),
    ],
)
def test_encodings_that_cannot_be_told_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "f.txt")
