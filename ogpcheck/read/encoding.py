"""Decode the bytes of a text input, or say clearly why they cannot be read.

Reports reach a repository from UTF-8 editors, Word exports, old CMS dumps
and Windows tools, so more than UTF-8 must be read; but a wrong guess would
hand the later stages garbled text, which is worse than an error. The rules,
in order:

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32);
2. a known file signature (ZIP, Office, RTF, images): not a text document;
3. NUL bytes in every other position: UTF-16 without a mark; other NUL
   bytes, or many control characters: a binary file;
4. bytes that decode as UTF-8 are UTF-8 (other encodings almost never do);
5. mostly UTF-8 with a few bytes that are not: a file mixing encodings,
   refused with the line of the first bad byte;
6. otherwise a one-byte Western encoding: Windows-1252 (which holds every
   printable Latin-1 character), Latin-9, Mac Roman or DOS 850, whichever
   reads the non-ASCII bytes as the letters and signs Western European text
   uses, where it uses them (no capital "Õ" inside a word), with accented
   letters a minority; when none does (Cyrillic, Japanese...), the file is
   refused.

Line endings (``\\r\\n``, ``\\r``, ``\\n``, mixed) all become ``\\n``.

A statistical detector (charset-normalizer) was tried for step 6 and not
used: on French and Spanish text in Latin-1 or Windows-1252 it answers
Windows-1250 (Central European), which reads "à" as "ŕ".
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (such as .odt or .xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (such as .doc)"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
ONE_BYTE = ("cp1252", "iso-8859-15", "mac_roman", "cp850")
WESTERN = frozenset(
    "áéíóúýñüçàèìòùâêîôûëïÿœæäößãõåøÁÉÍÓÚÝÑÜÇÀÈÌÒÙÂÊÎÔÛËÏŸŒÆÄÖÃÕÅØ"
    "«»¿¡°ºª€£¥¢’‘“”„‚–—…•·§¶©®™±×÷²³¹½¼¾µ\u00a0\u00ad"
)
MIN_WESTERN = 0.9  # share of non-ASCII characters that must raise no doubt
MAX_ACCENTED = 0.3  # Western text is mostly unaccented letters (French: about 4%)
MAX_CONTROL = 0.01  # share of control characters tolerated in a text
_ACCENTED = re.compile(r"[^\W\d_a-zA-Z]")
_ASCII_LETTER = re.compile(r"[a-zA-Z]")
_ODD_CAPITAL = re.compile(r"(?<=[^\W\d_])[À-ÖØ-Þ]|(?<![^\W\d_])[Á-ÖØ-Þ](?![^\W\d_])")
_ODD_SIGN = re.compile(r"(?<=[^\W\d_])[‚„…•«»¿¡°ºª¶§†‡ˆ‰‹›¬¤¦¨¯´¸](?=[^\W\d_])|[½¼¾](?=[^\W\d_])")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
SAMPLE = 4096  # bytes looked at to tell UTF-16 without a mark from binary
STATISTICS = 1 << 20  # bytes counted to choose a one-byte encoding
_HIGH = bytes(range(0x80, 0x100))


def decode(data: bytes, path: str) -> str:
    """The text of a file's bytes, with ``\\n`` line endings; an InputError
    naming ``path`` when they are empty, binary or in no encoding we can
    tell."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    text = _decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    if len(_CONTROL.findall(text)) > MAX_CONTROL * len(text):
        raise InputError(f"{path}: binary file, not a text document")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                name = encoding.upper().removesuffix("-SIG")
                raise InputError(f"{path}: starts with a {name} byte-order mark but is not {name}") from None
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{path}: {what}, not a text document")
    if b"\x00" in data[:SAMPLE]:
        return _utf16_without_mark(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
    if len(_UTF8_SEQUENCE.findall(data)) > _high_bytes(data) / 4:
        line = data.count(b"\n", 0, bad) + 1
        raise InputError(
            f"{path}: mixes encodings: UTF-8, but not at line {line} (byte 0x{data[bad]:02x}); save it all as UTF-8"
        )
    return _one_byte(data, path)


def _utf16_without_mark(data: bytes, path: str) -> str:
    """UTF-16 text without a byte-order mark, known by its NUL bytes: mostly
    ASCII, so one byte of each pair is zero."""
    sample = data[: SAMPLE - SAMPLE % 2]
    pairs = max(1, len(sample) // 2)
    even_zeros = sample[0::2].count(0) / pairs
    odd_zeros = sample[1::2].count(0) / pairs
    encoding = None
    if odd_zeros > 0.3 and even_zeros < 0.03:
        encoding = "utf-16-le"
    elif even_zeros > 0.3 and odd_zeros < 0.03:
        encoding = "utf-16-be"
    if encoding is not None and len(data) % 2 == 0:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise InputError(f"{path}: binary file, not a text document")


def _high_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, _HIGH))


def _doubts(text: str) -> int:
    """How many characters of ``text`` a Western reader would frown at: signs
    outside the Western set, a capital accented letter inside a word
    ("donÕt") or standing alone (other than "À"), or a sign between two
    letters ("d‚j…") or a fraction before one ("½uvre")."""
    return sum(ch not in WESTERN for ch in text if ord(ch) > 0x7F) + len(_ODD_CAPITAL.findall(text)) + len(
        _ODD_SIGN.findall(text)
    )


def _one_byte(data: bytes, path: str) -> str:
    """The one-byte Western encoding whose reading of the first megabyte
    raises the fewest doubts (ties go to the first in ``ONE_BYTE``), if that
    reading is plausible Western text."""
    sample = data[:STATISTICS]
    best, best_doubts = "", len(sample) + 1
    for encoding in ONE_BYTE:
        try:
            doubts = _doubts(sample.decode(encoding))
        except UnicodeDecodeError:
            continue
        if doubts < best_doubts:
            best, best_doubts = encoding, doubts
    refusal = InputError(f"{path}: cannot tell the text encoding (neither UTF-8 nor a Western one); save it as UTF-8")
    if not best or best_doubts > (1 - MIN_WESTERN) * _high_bytes(sample):
        raise refusal
    try:
        text = data.decode(best)
    except UnicodeDecodeError:
        raise refusal from None
    accented = len(_ACCENTED.findall(text[:STATISTICS]))
    if accented > MAX_ACCENTED * (accented + len(_ASCII_LETTER.findall(text[:STATISTICS]))):
        raise refusal
    return text
