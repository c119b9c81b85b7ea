"""Benchmark: detection quality and speed against baselines, on errors
injected into the real corpus (``../shared/corpus`` by default).

    python benchmarks/bench_quality.py [--seed 1] [--per-type 30] [--corpus PATH]

The same as ``python -m benchmarks.quality``; prints Markdown tables under a
signature line and asserts nothing. See BENCHMARKS.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.quality.runner import main

if __name__ == "__main__":
    main()
