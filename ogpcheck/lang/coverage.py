"""What is checked in a language that has no profile, said once per run.

Without a profile ogpcheck still reads digits (with the separators CLDR
gives the language, when Babel knows it), numbers in words (when text2num
reads the language), table shapes, lists, footnotes, placeholders and names
from CLDR, the terminology and acronyms. It does not know the words around
numbers or the conjunctions of enumerations, so those are not compared, and
the notice says which differences may then be reported that are not ones.
"""

from __future__ import annotations

from . import of, profile


def notice(code: str, vids: list[str]) -> str | None:
    """The notice for versions ``vids`` in language ``code``; None when the
    language has a profile."""
    if profile(code) is not None:
        return None
    bare = of(code)
    separators = (
        f"with the separators CLDR gives {bare.name}" if bare.locale == code else "with English separators"
    )
    words = "and in words (text2num)" if bare.number_words else "(numbers in words are not read)"
    return (
        f"{', '.join(vids)}: no language profile for {bare.name} ({code}); numbers are read in digits"
        f" {separators} {words}, but scale, percent and currency words and ranges written in words"
        " (thousand, per cent, 24 to 26) are not, so such a figure may be reported as differing;"
        " enumerations in sentences (STR006) are not counted; names are checked from CLDR names,"
        " the terminology and acronyms"
    )
