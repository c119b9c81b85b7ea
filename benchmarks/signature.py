"""A signature line printed with every benchmark figure, so it can be
reproduced: tool version, Python, platform, input and options."""

from __future__ import annotations

import hashlib
import os
import platform
import sys
from pathlib import Path

from ogpcheck import __version__


def signature(inputs: list[Path], **options: object) -> str:
    digest = hashlib.sha256()
    for path in inputs:
        digest.update(path.read_bytes())
    opts = "|".join(f"{k}={v}" for k, v in sorted(options.items()))
    return (
        f"ogpcheck:{__version__}|python:{platform.python_version()}|os:{sys.platform}|cpus:{os.cpu_count()}"
        f"|input:{','.join(p.name for p in inputs)}#{digest.hexdigest()[:12]}|{opts}"
    )
