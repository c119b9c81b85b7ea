"""Write the report only where asked, whole or not at all, and never over
an input.

A regular file is written through a temporary file beside it, which is then
renamed over it: a reader (or a CI step that fails half-way) sees the old
report or the new one, never half of one, and a failed or interrupted write
leaves no temporary file. A symbolic link is followed, so the file it points
to gets the report and the link stays a link. A device or a pipe
(``/dev/stdout``, a named pipe) is written to as it is: a rename would put a
regular file in its place.

Every problem with a target (an input, an empty name, a folder, a missing
folder, a pipe nobody reads) is found by ``check_target`` before the check
runs, so a long run never ends in a report that cannot be written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError

TEMPORARY_SUFFIX = ".ogpcheck-tmp"  # ignored by the project's .gitignore

# Devices and pipes opened by ``check_target``, kept open until the report is
# written: closing a pipe would end the stream its reader waits on.
_HELD: dict[str, int] = {}


def _same(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_inputs_as_output(output: Path, inputs: Iterable[Path], flag: str = "--output") -> None:
    """An InputError when ``output`` is one of the ``inputs`` (by path or as
    the same file reached another way: a hard or symbolic link, ``..``):
    inputs are never modified."""
    for source in inputs:
        if _same(source, output):
            raise InputError(f"{output}: {flag} would overwrite the input {source}")


def _special(path: Path) -> bool:
    """Whether ``path`` (links followed) is a device, a pipe or a socket."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _target(path: Path) -> Path:
    """The regular file writing ``path`` creates or replaces: the file a
    symbolic link points to (even one that does not exist yet)."""
    return Path(os.path.realpath(path))


def check_target(path: Path, what: str = "the report", flag: str = "--output") -> None:
    """An InputError unless ``path`` can take ``what``: not empty, not a
    folder, in a folder that exists and can be written (tried with a
    temporary file, removed at once), or a device or pipe that can be opened."""
    if not str(path):
        raise InputError(f"{flag}: the file name is empty")
    try:
        if Path(path).is_dir():
            raise InputError(f"{path}: cannot write {what} (is a directory)")
        if _special(path):
            _HELD.setdefault(str(path), _open_special(path))
        else:
            probe = _temporary(_target(path))
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.unlink(probe)
    except OSError as error:
        raise InputError(f"{path}: cannot write {what} ({_reason(error)})") from None


def _reason(error: OSError) -> str:
    if error.errno == errno.ENXIO:
        return "a pipe that no process reads"
    return error.strerror or str(error)


def _temporary(target: Path) -> Path:
    import secrets  # here: only a report written to a file needs it

    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")


def _open_special(target: Path) -> int:
    """Open a device or a pipe for writing without blocking on a pipe that
    has no reader (ENXIO), then write to it normally."""
    descriptor = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    os.set_blocking(descriptor, True)
    return descriptor


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path``: a regular
    file (or a new one) through a temporary file in the same folder and a
    rename, a device or a pipe directly; a symbolic link is followed. A
    replaced file keeps its permissions, a new one gets those the umask
    gives. Raises OSError."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if _special(path):
        descriptor = _HELD.pop(str(path), None)
        with os.fdopen(_open_special(path) if descriptor is None else descriptor, "wb") as stream:
            stream.write(data)
        return
    target = _target(path)
    temporary = _temporary(target)
    try:
        mode = target.stat().st_mode & 0o7777 if target.is_file() else 0o666
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.is_file():
            os.chmod(temporary, mode)  # os.open applied the umask to it
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
