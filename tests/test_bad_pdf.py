"""PDFs that cannot be read give one clear error naming the file: corrupt,
truncated, encrypted, or scanned pages with no text layer. The PDFs are made
here with fpdf2, so the repository holds no binaries."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest

from ogpcheck.errors import InputError
from ogpcheck.read import read_file

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("ogpcheck.read.pdf.reader") is None, reason="PDF reading (ogpcheck/read_pdf.py) is not in this tree"
)

fpdf = pytest.importorskip("fpdf")


def text_pdf(text: str = "The budget grew by 12% in 2020.") -> bytes:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="The budget grew by 12% in 2020.")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page holding only an image, as a scanner makes it."""
    image = pytest.importorskip("PIL.Image").new("RGB", (400, 200), "white")
    png = io.BytesIO()
    image.save(png, format="PNG")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(png, x=10, y=10, w=150)
    return bytes(pdf.output())


CASES = {
    "corrupt": lambda: b"%PDF-1.7\n" + bytes((i * 31 + 7) % 256 for i in range(2000)),
    "truncated": lambda: text_pdf()[:200],
    "encrypted": encrypted_pdf,
    "scanned": scanned_pdf,
    "not_a_pdf": lambda: b"<html><body>Not found</body></html>",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unreadable_pdf_is_an_input_error_naming_the_file(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(CASES[case]())
    with pytest.raises(InputError) as error:
        read_file(path)
    message = str(error.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    if case == "scanned":
        assert "no text layer" in message
    if case == "encrypted":
        assert "encrypt" in message.lower()


def test_bad_pdf_on_the_command_line(run, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    result = run(path)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(f"ogpcheck: error: {path}: ") and result.err.count("\n") == 1
    assert "Traceback" not in result.err and "internal error" not in result.err
