"""How ogpcheck's own processes (the command line and the workers of a
batch run) set Python's cyclic garbage collector.

Loading creates tens of thousands of objects that live as long as the
process (modules, classes, compiled patterns, language data), and the
collector would walk them again and again. So what loading made is frozen
out of its walks (``gc.freeze``), and young objects are collected every
``YOUNG`` allocations instead of Python's 700: a check makes many small
objects that die with it. ``ogpcheck.check`` leaves the collector of the
program that calls it alone.
"""

from __future__ import annotations

import gc

YOUNG = 10_000  # allocations between two collections of the youngest objects


def settle() -> None:
    """Freeze what the process has loaded so far, and collect young objects
    every ``YOUNG`` allocations from now on."""
    gc.freeze()
    gc.set_threshold(YOUNG, *gc.get_threshold()[1:])
