"""Case and accent folding, and word tokens that keep their place in the text.

Names are compared across languages after folding ("Dubaï" = "Dubai",
"Libéria" = "Liberia", "AFGANISTÁN" = "Afganistán"). Every token keeps the
offsets of its characters in the original text, so a name found in folded
form can still be highlighted and located on its line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes unified."""
    if text.isascii():  # no accent to remove: the same as below, char by char
        return text.replace("`", "'").lower()
    return "".join(_fold_char(c) for c in text.translate(_APOSTROPHES))


def stem(word: str) -> str:
    """A crude plural-insensitive form of a folded word, the same for
    "organization"/"organizations", "organización"/"organizaciones",
    "multipartite"/"multipartites"; only ever compared with another stem."""
    if len(word) > 4 and word[-1] == "s":
        word = word[:-1]
    if len(word) > 4 and word[-1] == "e":
        word = word[:-1]
    return word


class Token(NamedTuple):
    """One word: its folded form, its stem and where it stands in the text
    (a named tuple: a long document has hundreds of thousands)."""

    folded: str
    stem: str
    start: int
    end: int
    upper: bool  # starts with an upper-case letter in the text
    caps: bool  # written in capitals only (an acronym, or a shouted heading), "URLs" too


_new = tuple.__new__  # builds a Token without the named tuple's Python-level constructor


def tokens(text: str) -> list[Token]:
    """The words of ``text`` (letters and digits; hyphens and apostrophes
    split words), with folded forms and original offsets."""
    out = []
    for match in _WORD.finditer(text):
        word = _word(match.group())
        if word is not None:
            folded, stemmed, upper, caps = word
            start, end = match.span()
            out.append(_new(Token, (folded, stemmed, start, end, upper, caps)))
    return out


@lru_cache(maxsize=1 << 16)
def _word(surface: str) -> tuple[str, str, bool, bool] | None:
    """What a token records of a word, whatever its place: a word recurs
    throughout a document."""
    folded = fold(surface)
    if not folded:
        return None
    return folded, stem(folded), surface[0].isupper(), _capitals(surface)


def _capitals(surface: str) -> bool:
    """Written in capitals: an acronym or a shouted word; the plural of an
    acronym ("NFTs", "URLs") is one too, not a capitalised word."""
    if surface.endswith("s") and len(surface) >= 3:
        surface = surface[:-1]
    return sum(c.isupper() for c in surface) >= 2 and not any(c.islower() for c in surface)

