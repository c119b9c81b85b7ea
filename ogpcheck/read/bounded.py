"""User regular expressions, run under a time limit.

A boilerplate pattern from the configuration is Python syntax and is run on
every block; one that backtracks without end (``(a+)+$`` on a long run of
``a`` followed by another letter) would hang the check. Python's matcher
checks for signals as it goes, so a timer signal stops it: each search gets
``SECONDS`` of wall time, and a pattern that takes longer is an input error
naming the file and the pattern.

A linear-time engine (RE2) was considered and not used: its ``\\w``, ``\\d``
and ``\\b`` know ASCII letters only, so a pattern written for French or
Spanish text would silently match less, and it lacks the look-behind that
boilerplate patterns (ours included) use.

The timer works in the main thread of a process, where the command line and
every batch worker run the check; elsewhere patterns run without a limit.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from ..errors import InputError
from ..ruledata import FilePattern

SECONDS = 2.0


class TextPattern(Protocol):
    """What the readers need of a pattern: its matches in a text."""

    def finditer(self, string: str, /) -> Iterator[re.Match[str]]: ...


class _Expired(Exception):
    pass


def _expire(signum: int, frame: object) -> None:
    raise _Expired


@contextmanager
def _time_limit(seconds: float) -> Iterator[bool]:
    """Raise ``_Expired`` in the body after ``seconds``; yields whether a
    limit is in force (only in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a timer set by the program around this one goes on
            signal.setitimer(signal.ITIMER_REAL, max(1e-3, outer - (time.monotonic() - started)))


@dataclass(frozen=True)
class BoundedPattern(FilePattern):
    """A compiled user pattern whose every search is limited in time (a
    text that holds none of its ``requires`` is not searched at all)."""

    where: str = ""  # "FILE: pattern N", for the message

    def finditer(self, string: str, /) -> Iterator[re.Match[str]]:
        if not self.may_hold(string):
            return iter(())
        try:
            with _time_limit(SECONDS):
                matches = list(self.regex.finditer(string))
        except _Expired:
            raise InputError(
                f"{self.where} took more than {SECONDS:g} s on one paragraph of {len(string)} characters; "
                "it backtracks without end (as (a+)+$ does): rewrite it"
            ) from None
        return iter(matches)
