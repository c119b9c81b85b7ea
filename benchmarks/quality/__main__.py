"""``python -m benchmarks.quality``: print the quality and speed tables."""

from benchmarks.quality.runner import main

main()
