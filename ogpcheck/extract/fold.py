"""Case and accent folding, and word tokens that keep their place in the text.

Names are compared across languages after folding ("Dubaï" = "Dubai",
"Libéria" = "Liberia", "AFGANISTÁN" = "Afganistán"). Every token keeps the
offsets of its characters in the original text, so a name found in folded
form can still be highlighted and located on its line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes unified."""
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


@dataclass(frozen=True)
class Token:
    """One word: its folded form, its stem and where it stands in the text."""

    folded: str
    stem: str
    start: int
    end: int
    upper: bool  # starts with an upper-case letter in the text
    caps: bool  # written in capitals only (an acronym, or a shouted heading), "URLs" too


def tokens(text: str) -> list[Token]:
    """The words of ``text`` (letters and digits; hyphens and apostrophes
    split words), with folded forms and original offsets."""
    out = []
    for match in _WORD.finditer(text):
        surface = match.group()
        folded = fold(surface)
        if not folded:
            continue
        out.append(
            Token(
                folded=folded,
                stem=stem(folded),
                start=match.start(),
                end=match.end(),
                upper=surface[0].isupper(),
                caps=_capitals(surface),
            )
        )
    return out


def _capitals(surface: str) -> bool:
    """Written in capitals: an acronym or a shouted word; the plural of an
    acronym ("NFTs", "URLs") is one too, not a capitalised word."""
    if surface.endswith("s") and len(surface) >= 3:
        surface = surface[:-1]
    return sum(c.isupper() for c in surface) >= 2 and not any(c.islower() for c in surface)

