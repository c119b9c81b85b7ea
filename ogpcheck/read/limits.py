"""Read an input file's bytes within a size limit, with one-line errors.

The pipeline holds a whole document in memory and its cost grows linearly
with the size of the text: about 20 CPU seconds and 30 MB of memory per MB
of prose, more for text in many short blocks (``benchmarks/bench_hostile.py``).
A file larger than the limit is refused before it is read, and never more
than the limit is read (nor allocated: a small file costs its size), so a
huge file, a device or a pipe that never ends cannot exhaust memory. The
default, 20 MB, is four times the text of a 500-page report in three
languages; ``--max-bytes`` raises or lowers it. Files named besides the
inputs (terminology, patterns, rules, configuration, baseline) have limits
of their own, far above what a person writes.
"""

from __future__ import annotations

import errno
import os
import re
import select
import stat
from decimal import Decimal
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 20_000_000
LARGEST = 1 << 62  # a limit above any file's size: the same as none
DATA_MAX_BYTES = 5_000_000  # a terminology, pattern, rule or configuration file (written by hand)
BASELINE_MAX_BYTES = 50_000_000  # a baseline grows with the findings of a repository
CHUNK = 1 << 20  # read size for a device or pipe
IDLE_SECONDS = 10.0  # a pipe or device that gives no data for this long is given up
UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")


def parse_size(value: str) -> int:
    """A size given as bytes or with a unit: ``20000000``, ``20MB``, ``500k``."""
    found = _SIZE.match(value)
    unit = found.group(2).lower() if found else ""
    if found is None or unit not in UNITS:
        raise InputError(f"--max-bytes: cannot read '{value}' as a size (for example 20MB, 500KB or 1000000)")
    size = int(Decimal(found.group(1)) * UNITS[unit])  # exact, however many digits
    if size <= 0:
        raise InputError(f"--max-bytes: the size must be more than 0 (got '{value}')")
    return min(size, LARGEST)


def describe(size: int) -> str:
    """A size for messages: 20 MB, 512 KB, 900 bytes."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def read_bytes(path: Path, max_bytes: int = MAX_BYTES, hint: str = "raise it with --max-bytes") -> bytes:
    """The bytes of ``path``, or an InputError naming it when it is missing,
    unreadable or larger than ``max_bytes``.

    The file is opened without blocking, so a named pipe that no program
    writes to reads as empty instead of hanging, and a pipe or device that
    stops giving data for ``IDLE_SECONDS`` is given up."""
    too_large = f"larger than the {describe(max_bytes)} limit ({hint})"
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as error:
        raise InputError(f"{path}: {_open_problem(error)}") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        if stat.S_ISREG(info.st_mode):
            if info.st_size > max_bytes:
                raise InputError(f"{path}: {describe(info.st_size)}, {too_large}")
            os.set_blocking(descriptor, True)
            with os.fdopen(descriptor, "rb", closefd=False) as handle:
                data = handle.read(info.st_size + 1)  # the whole file in one read
                if len(data) > info.st_size:  # a file that grows while it is read
                    data += handle.read(max_bytes + 1 - len(data))
        else:
            data = _read_stream(descriptor, path, max_bytes)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise InputError(f"{path}: {too_large}")
    return data


def _read_stream(descriptor: int, path: Path, max_bytes: int) -> bytes:
    """A pipe or device, read as it comes, up to one byte over the limit."""
    buffer = bytearray()
    while len(buffer) <= max_bytes:
        try:  # a named pipe no program writes to is at its end at once
            more = os.read(descriptor, min(CHUNK, max_bytes + 1 - len(buffer)))
        except BlockingIOError:  # a writer, no data yet
            ready, _, _ = select.select([descriptor], [], [], IDLE_SECONDS)
            if not ready:
                raise InputError(f"{path}: a pipe or device that gave no data for {IDLE_SECONDS:g} s") from None
            continue
        if not more:
            break
        buffer += more
    return bytes(buffer)


def why_missing(path: Path) -> str:
    """Why ``path`` cannot be found: absent, a link to nothing, a loop of
    links, or a folder on the way that cannot be entered."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ENOENT and os.path.islink(path):
            return f"a symbolic link to a file that does not exist ({os.readlink(path)})"
        return _open_problem(error)
    return "no such file"


def _open_problem(error: OSError) -> str:
    """Why a file cannot be opened, in the words of the README's table."""
    reasons = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "a loop of symbolic links",
        errno.ENXIO: "a socket or a device that is not there, not a file",
        errno.ENOTDIR: "no such file (a part of the path is not a folder)",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    return reasons.get(error.errno or 0) or f"cannot read ({error.strerror or error})"


def read_data_file(path: Path, what: str, max_bytes: int = DATA_MAX_BYTES) -> str:
    """The text of a file named besides the inputs (terminology, patterns,
    rules, baseline, configuration), within a size limit, as UTF-8."""
    if not os.path.lexists(path):
        raise InputError(f"{path}: no such {what}")
    data = read_bytes(path, max_bytes, f"a {what} is not that large")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: the {what} is not UTF-8 (byte {error.start})") from None
