"""Write the report only where asked, whole or not at all, and never over
an input.

The report goes to a temporary file beside the target, which is then renamed
over it: a reader (or a CI step that fails half-way) sees the old report or
the new one, never half of one, and a failed write leaves no temporary file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError

TEMPORARY_SUFFIX = ".ogpcheck-tmp"  # ignored by the project's .gitignore


def refuse_inputs_as_output(output: Path, inputs: Iterable[Path]) -> None:
    """An InputError when ``output`` is one of the ``inputs`` (by path or as
    the same file reached another way): inputs are never modified."""
    target = output.resolve()
    for source in inputs:
        same = source.resolve() == target
        if not same and output.exists() and source.exists():
            with contextlib.suppress(OSError):
                same = os.path.samefile(source, output)
        if same:
            raise InputError(f"{output}: --output would overwrite the input {source}")


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path`` through a temporary file in the
    same folder and a rename. The file gets the permissions a new file gets
    (the umask), or keeps those of the file it replaces. Raises OSError."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
    try:
        mode = path.stat().st_mode & 0o7777 if path.is_file() else 0o666
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.is_file():
            os.chmod(temporary, mode)  # os.open applied the umask to it
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
