"""What every benchmark shares: a signature line printed with its figures,
so they can be reproduced (tool version, Python, platform, input, options),
and a timer."""

from __future__ import annotations

import hashlib
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ogpcheck import __version__


def signature(inputs: list[Path], *, inputs_name: str | None = None, **options: object) -> str:
    """The signature line; ``inputs_name`` names many inputs at once (their
    digest still covers every byte)."""
    digest = hashlib.sha256()
    for path in inputs:
        digest.update(path.read_bytes())
    opts = "|".join(f"{k}={v}" for k, v in sorted(options.items()))
    names = inputs_name if inputs_name is not None else ",".join(p.name for p in inputs)
    return (
        f"ogpcheck:{__version__}|python:{platform.python_version()}|os:{sys.platform}|cpus:{os.cpu_count()}"
        f"|input:{names}#{digest.hexdigest()[:12]}|{opts}"
    )


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls of ``function``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times
