"""Paths as a repository knows them: relative to its root, with ``/``.

Fingerprints, baselines and SARIF name files this way, so a finding has the
same identity whatever folder ogpcheck runs from and on whatever machine.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath


def relative_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` in POSIX form; a path outside ``root``
    (or any path when ``root`` is empty) is kept as given, in POSIX form."""
    if not root or not path:
        return Path(path).as_posix() if path else path
    absolute = os.path.abspath(path)
    base = os.path.abspath(root)
    if absolute == base or absolute.startswith(base.rstrip(os.sep) + os.sep):
        return PurePosixPath(*Path(os.path.relpath(absolute, base)).parts).as_posix()
    return Path(path).as_posix()
