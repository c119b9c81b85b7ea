"""Read an input file's bytes within a size limit, with one-line errors.

The pipeline holds a whole document in memory and its cost grows linearly
with the size of the text: about 3 CPU seconds and 26 MB of memory per MB
(``benchmarks/bench_scaling.py``). A file larger than the limit is refused
before it is read, and never more than the limit is read (nor allocated:
a small file costs its size), so a huge file, a device or a pipe that never
ends cannot exhaust memory. The default, 20 MB, is four times the text of a
500-page report in three languages, and costs about a minute and 650 MB;
``--max-bytes`` raises or lowers it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 20_000_000
CHUNK = 1 << 20  # read size for a device or pipe
UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")


def parse_size(value: str) -> int:
    """A size given as bytes or with a unit: ``20000000``, ``20MB``, ``500k``."""
    found = _SIZE.match(value)
    unit = found.group(2).lower() if found else ""
    if found is None or unit not in UNITS:
        raise InputError(f"--max-bytes: cannot read '{value}' as a size (for example 20MB, 500KB or 1000000)")
    size = int(float(found.group(1)) * UNITS[unit])
    if size <= 0:
        raise InputError(f"--max-bytes: the size must be more than 0 (got '{value}')")
    return size


def describe(size: int) -> str:
    """A size for messages: 20 MB, 512 KB, 900 bytes."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, or an InputError naming it when it is missing,
    unreadable or larger than ``max_bytes``."""
    too_large = f"larger than the {describe(max_bytes)} limit (raise it with --max-bytes)"
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {describe(size)}, {too_large}")
        with path.open("rb") as handle:
            data = handle.read(size + 1)  # the whole of a regular file, in one read
            if len(data) > size:  # a device, a pipe (stat() knows no size) or a growing file
                buffer = bytearray(data)
                while len(buffer) <= max_bytes and (more := handle.read(min(CHUNK, max_bytes + 1 - len(buffer)))):
                    buffer += more
                data = bytes(buffer)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: {too_large}")
    return data
