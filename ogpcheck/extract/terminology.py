"""The terminology: organisation-specific names and acronyms and how each
language renders them (``rules/terminology.yaml``, plus ``--terms FILE``).

A term is one thing (the Open Government Partnership) with its names and
acronyms per language (OGP / AGA / PGO). Any rendering in any language counts
as a mention of the term, so an acronym kept untranslated ("OGP" in a French
text) agrees with a translated one. Aliases ("la Alianza") only confirm that
a term is there. The format is documented in the shipped file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..read.datafile import read_yaml
from ..ruledata import parse_shipped, rules_dir

TERMINOLOGY_FILE = "terminology.yaml"
TYPES = ("person", "organisation", "place", "other")
CLASSES = ("names", "acronyms", "aliases")
ANY = "any"  # a form valid in every language (a name kept as it is)


@dataclass(frozen=True)
class Form:
    """One way of writing a term: ``cls`` is names, acronyms or aliases;
    ``lang`` the language it belongs to (``any`` when kept everywhere)."""

    text: str
    cls: str
    lang: str


@dataclass(frozen=True)
class Term:
    """One entry of the terminology."""

    id: str
    type: str
    generic: bool
    forms: tuple[Form, ...]
    source: str

    @property
    def label(self) -> str:
        """How the term is named in messages: its English name, else its
        first name or acronym."""
        for wanted in (("names", "en"), ("names", ANY), ("acronyms", "en"), ("acronyms", ANY)):
            for form in self.forms:
                if (form.cls, form.lang) == wanted:
                    return form.text
        return self.forms[0].text if self.forms else self.id


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    raise InputError(f"{where} must be a string or a list of strings")


def parse_term(data: Any, where: str) -> Term:
    """One term from its YAML mapping; a clear error names what is wrong."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: a term must be a mapping with id, type and names or acronyms")
    term_id = data.get("id")
    if not isinstance(term_id, str) or not term_id.strip():
        raise InputError(f"{where}: a term lacks its 'id'")
    where = f"{where} (term '{term_id}')"
    term_type = data.get("type", "other")
    if term_type not in TYPES:
        raise InputError(f"{where}: type must be one of {', '.join(TYPES)}")
    unknown = set(data) - {"id", "type", "generic", "note", *CLASSES}
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    forms: list[Form] = []
    for cls in CLASSES:
        per_lang = data.get(cls) or {}
        if not isinstance(per_lang, dict):
            raise InputError(f"{where}: '{cls}' must map a language code (en, de, ...) or 'any' to forms")
        for lang, value in per_lang.items():
            forms.extend(Form(text, cls, str(lang)) for text in _strings(value, f"{where}: {cls}.{lang}"))
    if not any(form.cls != "aliases" for form in forms):
        raise InputError(f"{where}: a term needs at least one name or acronym")
    return Term(term_id.strip(), term_type, bool(data.get("generic", False)), tuple(forms), where)


def parse_terms(data: Any, source: str) -> list[Term]:
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise InputError(f"{source}: a terminology file holds a list under 'terms'")
    return [parse_term(item, f"{source}: terms[{i}]") for i, item in enumerate(data["terms"])]


def read_terms(path: Path) -> list[Term]:
    """The terms of one user file (YAML)."""
    return parse_terms(read_yaml(path, "terminology file"), str(path))


@lru_cache(maxsize=1)
def shipped_terms() -> tuple[Term, ...]:
    path = rules_dir() / TERMINOLOGY_FILE
    return tuple(parse_terms(parse_shipped(path.read_text(encoding="utf-8")), str(path)))


def merge(shipped: Iterable[Term], extra: Iterable[Term]) -> tuple[Term, ...]:
    """User terms replace shipped terms with the same id and add the others."""
    by_id = {term.id: term for term in shipped}
    for term in extra:
        by_id[term.id] = term
    return tuple(by_id.values())


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> tuple[Term, ...]:
    extra = [term for path in paths for term in read_terms(path)]
    return merge(shipped_terms(), extra)


def load_terms(paths: Sequence[Path] = ()) -> tuple[Term, ...]:
    """The shipped terminology extended by user files, in that order."""
    return _load(tuple(paths))
