"""``python -m ogpcheck`` and the ``ogpcheck`` command.

Starting the command line creates tens of thousands of objects that live as
long as the process, and Python's cyclic garbage collector would walk them
again and again while they are made: about 40 collections, 0.006 s of a
0.4 s numbers check. So the collector is paused while the command line
loads; then what loading made is frozen out of its walks and young objects
are collected less often (``app/collector.py``: 0.003 s instead of 0.006 s
over the check of seed 000).
"""

import gc


def run() -> None:
    """Load the command line with the collector paused, then run it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .app.collector import settle
        from .cli import main

        settle()
    finally:
        if collecting:
            gc.enable()
    main()


if __name__ == "__main__":  # worker processes of a batch run import this module again
    run()
