"""Languages as data: one profile per language (``en.py``, ``es.py``, ...).

``profile(code)`` finds the module named by the code; adding a language is
adding its module (see ``profile.py`` for what one holds). ``of(code)``
always gives a profile: the language's own, or a bare one that says what CLDR
and text2num know of it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

from .profile import Profile, bare

_CODE = re.compile(r"[a-z]{2,3}")


@cache
def profile(code: str) -> Profile | None:
    """The profile of a language (ISO 639-1 code), or None when it has none."""
    if not _CODE.fullmatch(code):
        return None
    try:
        module = importlib.import_module(f"{__name__}.{code}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{code}":
            raise  # a profile that imports something missing is a bug, not an unknown language
        return None
    found = getattr(module, "PROFILE", None)
    return found if isinstance(found, Profile) else None


@cache
def of(code: str) -> Profile:
    """The language's profile, or a bare one when it has none."""
    return profile(code) or bare(code)


@cache
def profiles() -> tuple[Profile, ...]:
    """Every language that has a profile, in code order."""
    found = (profile(info.name) for info in pkgutil.iter_modules(__path__) if _CODE.fullmatch(info.name))
    return tuple(sorted((p for p in found if p is not None), key=lambda p: p.code))


def signed_locales() -> list[str]:
    """The locales whose signs ``number_signs.py`` holds: the profiles'."""
    return sorted({p.locale for p in profiles()})


def codes() -> tuple[str, ...]:
    """The codes of the languages that have a profile."""
    return tuple(p.code for p in profiles())
