"""Heading numbers: "2.3 Results", "Step 2:", "III. Annexes", "B) Costs".

The label is normalised (roman numerals to digits, letters upper case) so
"Étape 2" and "Step 2" agree and "Paso 3" does not.
"""

from __future__ import annotations

import re

from ...lang.vocab import vocabulary

_LABEL = re.compile(
    r"""^\s*(?:(?P<word>[^\W\d_]+)\s+)?
    (?:(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?
      |(?P<number>\d{1,2})(?P<np>[.):]|\s[–—-])?
      |(?P<roman>[IVXLC]{1,6})(?P<rp>[.):]|\s[–—-])
      |(?P<letter>[A-Z])[.)])
    (?=\s|$)""",
    re.VERBOSE,
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(value: str) -> int:
    total = 0
    for ch, after in zip(value, [*value[1:], ""], strict=True):
        worth = _ROMAN[ch]
        total += -worth if after and _ROMAN[after] > worth else worth
    return total


def heading_label(text: str) -> str | None:
    """The normalised number of a heading, or ``None`` when it has none."""
    found = _LABEL.match(text)
    if found is None:
        return None
    word = found.group("word")
    if word is not None and word.lower() not in vocabulary().heading_words:
        return None
    if found.group("dotted"):
        return ".".join(str(int(part)) for part in found.group("dotted").split("."))
    if found.group("number"):
        if word is None and not found.group("np") and len(text.split()) > 1 and not text.split()[1][:1].isupper():
            return None  # "10 ways to deploy": a count, not a number
        return str(int(found.group("number")))
    if found.group("roman"):
        return str(roman(found.group("roman")))
    return found.group("letter")
