"""How one number is changed into a wrong one, as a translator or a tool would.

Each function takes the surface of a number as it stands in one language
version and returns the candidate wrong surfaces, in a seeded random order.
The separators of the original are kept, so the change is in the value, not
in the way it is written; a caller skips candidates whose value the aligned
paragraphs already state (such a change could not be told from the truth by
comparing values).
"""

from __future__ import annotations

import random
import re

_SEPARATORS = ",.\u00a0\u202f"
# Group sign -> the sign a reader of that language takes as decimal; swapping
# one for the other changes the value (1,500 -> 1.500 reads 1.5 in English).
_SWAP = {
    "en": {",": ".", ".": ","},
    "fr": {"\u00a0": ",", "\u202f": ",", ".": ",", ",": "."},
}


def digits_of(surface: str) -> str:
    return re.sub(r"\D", "", surface)


def _with_digits(surface: str, digits: str) -> str | None:
    """The surface with its digits replaced one for one, or None when the
    count differs (the grouping would no longer fit)."""
    old = digits_of(surface)
    if len(old) != len(digits):
        return None
    feed = iter(digits)
    return "".join(next(feed) if ch.isdigit() else ch for ch in surface)


def one_digit(surface: str, rng: random.Random) -> list[str]:
    """Every surface differing in one digit (no new leading zero)."""
    out = []
    positions = [i for i, ch in enumerate(surface) if ch.isdigit()]
    for i in positions:
        for digit in "0123456789":
            if digit == surface[i] or (digit == "0" and i == positions[0] and len(positions) > 1):
                continue
            out.append(surface[:i] + digit + surface[i + 1 :])
    rng.shuffle(out)
    return out


def off_by_one(surface: str, rng: random.Random) -> list[str]:
    """The number one above and one below, on its last digit."""
    digits = digits_of(surface)
    out = []
    for step in (1, -1):
        value = int(digits) + step
        if value < 0:
            continue
        text = str(value).zfill(len(digits)) if digits.startswith("0") else str(value)
        same = _with_digits(surface, text)
        if same is not None:
            out.append(same)
        elif not any(ch in _SEPARATORS for ch in surface):
            out.append(text)
    rng.shuffle(out)
    return out


def magnitude(surface: str, rng: random.Random) -> list[str]:
    """Ten times more (a zero added) or, for a number ending in zero, ten times less."""
    if any(ch in _SEPARATORS for ch in surface):
        return []  # regrouping would also change the way it is written
    if not surface.strip("0"):
        return []  # zero times ten is zero: no change
    out = [surface + "0"]
    if len(surface) > 1 and surface.endswith("0"):
        out.append(surface[:-1])
    rng.shuffle(out)
    return out


def separator_swap(surface: str, lang: str) -> list[str]:
    """The group sign swapped for the language's decimal sign (or a
    three-decimal number's sign swapped for the group sign), where that
    changes the value a reader of ``lang`` takes. A number of four or more
    digits written without grouping gets its thousands grouped with the
    decimal sign (``8080`` -> ``8.080`` in English, ``8,080`` in French),
    the same slip; years are left alone (nobody groups them). Spanish is
    left out: both readings of ``1.500`` / ``1,500`` are in use there."""
    swap = _SWAP.get(lang)
    seps = [ch for ch in surface if ch in _SEPARATORS]
    if swap is None:
        return []
    if not seps and surface.isdigit() and len(surface) >= 4 and surface[0] != "0":
        if len(surface) == 4 and 1900 <= int(surface) <= 2099:
            return []
        decimal = "." if lang == "en" else ","
        head = len(surface) % 3 or 3
        groups = [surface[:head]] + [surface[k : k + 3] for k in range(head, len(surface), 3)]
        return [decimal.join(groups)] if len(groups) == 2 else []
    if len(set(seps)) != 1 or seps[0] not in swap:
        return []
    groups = re.split(f"[{_SEPARATORS}]", surface)
    if not all(len(g) == 3 for g in groups[1:]) or len(groups[0]) > 3:
        return []  # 2.5 -> 2,5 reads the same in every language
    return [surface.replace(seps[0], swap[seps[0]])]
