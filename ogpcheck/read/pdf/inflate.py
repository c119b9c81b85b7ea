"""A ceiling on what the streams of one PDF may decompress to.

A PDF stream is usually Flate (zlib) or LZW compressed, and a stream of a
megabyte can inflate to gigabytes (a decompression bomb). pdfminer.six, which
pdfplumber uses to parse the file, decompresses every stream whole, with no
limit. While a PDF is read, ``bounded`` gives pdfminer decoders that stop as
soon as the streams of the file together pass the budget, and the file is
refused (one line, exit 2) instead of filling memory.

The budget is ``RATIO`` times the size of the file, and at least ``FLOOR``:
text and the fonts of real reports compress 3 to 10 times, so 100 times
leaves room for any of them.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from types import SimpleNamespace
from typing import Any

from ...errors import InputError

RATIO = 100
FLOOR = 64_000_000
_STEP = 1 << 20  # bytes inflated at a time


class TooLarge(BaseException):
    """The streams of the file decompress past the budget (a BaseException,
    so that no ``except Exception`` in the PDF libraries swallows it)."""


class _Budget:
    def __init__(self, limit: int) -> None:
        self.limit, self.used = limit, 0

    def take(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise TooLarge


def _inflate(budget: _Budget, data: bytes) -> bytes:
    """``zlib.decompress`` in steps, charging each to the budget; raises
    zlib.error on bad data, as the original does."""
    stream = zlib.decompressobj()
    out = bytearray()
    chunk = stream.decompress(data, _STEP)
    while chunk:
        budget.take(len(chunk))
        out += chunk
        chunk = stream.decompress(stream.unconsumed_tail, _STEP) if stream.unconsumed_tail else b""
    if not stream.eof:
        flushed = stream.flush()
        budget.take(len(flushed))
        out += flushed
        if not stream.eof:  # truncated or damaged: let pdfminer's recovery decide
            raise zlib.error("incomplete or truncated stream")
    return bytes(out)


class _CountedDecompressor:
    """A ``zlib.decompressobj`` whose output is charged to the budget
    (pdfminer's recovery of damaged streams uses one)."""

    def __init__(self, budget: _Budget) -> None:
        self._budget, self._inner = budget, zlib.decompressobj()

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, max_length)
        self._budget.take(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _lzw(budget: _Budget, data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    for piece in LZWDecoder(BytesIO(data)).run():
        budget.take(len(piece))
        out += piece
    return bytes(out)


@contextmanager
def bounded(size: int, name: str) -> Iterator[None]:
    """While the body reads a PDF of ``size`` bytes, its streams may
    decompress to ``max(FLOOR, RATIO * size)`` bytes in all; past that,
    an InputError."""
    from pdfminer import pdftypes

    budget = _Budget(max(FLOOR, RATIO * size))
    shim = SimpleNamespace(
        decompress=lambda data, *args, **kwargs: _inflate(budget, data),
        decompressobj=lambda *args, **kwargs: _CountedDecompressor(budget),
        error=zlib.error,
    )
    saved = pdftypes.zlib, pdftypes.lzwdecode
    pdftypes.zlib, pdftypes.lzwdecode = shim, lambda data: _lzw(budget, data)  # type: ignore[assignment]
    try:
        yield
    except TooLarge:
        raise InputError(
            f"{name}: the PDF's streams decompress to more than {budget.limit // 1_000_000} MB "
            f"({RATIO} times its size): a decompression bomb, or a damaged file"
        ) from None
    finally:
        pdftypes.zlib, pdftypes.lzwdecode = saved
