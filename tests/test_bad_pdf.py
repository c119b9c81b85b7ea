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


def bomb_pdf(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes
    (text, then spaces), built by hand with a correct cross-reference table."""
    import zlib

    packer = zlib.compressobj(9)
    body = packer.compress(b"BT /F1 12 Tf 72 720 Td (The council approved 12 projects.) Tj ET\n")
    for _ in range(inflated // 1_000_000):
        body += packer.compress(b" " * 1_000_000)
    body += packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_decompression_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpcheck.read.pdf import inflate
    from ogpcheck.read.pdf.reader import read_pdf

    monkeypatch.setattr(inflate, "FLOOR", 5_000_000)
    data = bomb_pdf(20_000_000)
    assert len(data) < 100_000  # 200 times smaller than what it inflates to
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"bomb\.pdf: the PDF's streams decompress to more than 5 MB"):
        read_pdf(path, data)


def test_a_pdf_within_the_budget_is_read(tmp_path: Path) -> None:
    from ogpcheck.read.pdf.reader import read_pdf

    data = bomb_pdf(2_000_000)  # 2 MB of spaces: far inside the 64 MB floor
    blocks = read_pdf(tmp_path / "fine.pdf", data)
    assert any("approved 12 projects" in block.text for block in blocks)
