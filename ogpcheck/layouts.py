"""File layouts of a translation repository: which files are the language
versions of one document.

A layout is a path template, or a table of templates by language. Templates
use ``{lang}`` (a language code), ``{dir}`` (folders, possibly none, ending
in ``/``), ``{doc}`` (the document's name, folders allowed) and ``{ext}`` (a
document suffix). The built-in layouts:

* ``folder``: ``docs/en/x.md`` with ``docs/es/x.md``: ``{dir}{lang}/{doc}.{ext}``
* ``suffix``: ``x.md`` with ``x.es.md``: ``{dir}{doc}.{lang}.{ext}``, and
  ``{dir}{doc}.{ext}`` for the source language;
* ``name``: ``x/en.md`` with ``x/es.md``: ``{dir}{lang}.{ext}``.

A table maps a language (or ``*`` for the others, ``source`` for the source
language) to a template, for trees such as Docusaurus'
``{source = "docs/{doc}.{ext}", "*" = "i18n/{lang}/docusaurus-plugin-content-docs/current/{doc}.{ext}"}``.

A template without ``{lang}`` gives its files a language only by convention
(``x.md`` is English because ``x.es.md`` exists), so it is used only when the
same layout matches a file that names its language; a README in a tree laid
out by folders is thus not taken for an untranslated document. Templates are
matched against the end of a path, at a folder boundary.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .discover import DOCUMENT_SUFFIXES
from .errors import InputError

BUILTIN: dict[str, dict[str, str]] = {
    "folder": {"*": "{dir}{lang}/{doc}.{ext}"},
    "suffix": {"*": "{dir}{doc}.{lang}.{ext}", "source": "{dir}{doc}.{ext}"},
    "name": {"*": "{dir}{lang}.{ext}"},
}
FIELDS = {"lang", "dir", "doc", "ext"}
_EXTS = "|".join(sorted((s.lstrip(".") for s in DOCUMENT_SUFFIXES), key=len, reverse=True))


@dataclass(frozen=True)
class Template:
    """One path template and the language it gives (None: from ``{lang}``)."""

    layout: int
    text: str
    lang: str | None
    pattern: re.Pattern[str]

    @property
    def explicit(self) -> bool:
        """Whether the path itself names the language."""
        return self.lang is None


@dataclass(frozen=True)
class Match:
    """A file recognised as one language version of a document."""

    path: Path
    lang: str
    key: tuple[str, ...]  # the same for every version of a document
    template: Template
    fields: tuple[tuple[str, str], ...]


def _compile(template: str, langs: Sequence[str]) -> re.Pattern[str]:
    parts = ["(?P<_prefix>(?:.*?/)?)"]
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name not in FIELDS or spec or conversion:
            raise InputError(
                f"layout template '{template}': unknown field {{{name}}} (use {{lang}}, {{dir}}, {{doc}}, {{ext}})"
            )
        parts.append(
            {
                "lang": "(?P<lang>" + "|".join(re.escape(code) for code in langs) + ")",
                "dir": "(?P<dir>(?:[^/]+/)*?)",
                "doc": "(?P<doc>[^/].*?)",
                "ext": f"(?P<ext>{_EXTS})",
            }[name]
        )
    return re.compile("".join(parts) + "$")


def compile_layouts(
    layouts: Sequence[str | dict[str, str]], langs: Sequence[str], source: str | None = None
) -> list[Template]:
    """The templates of the layouts, in the given order."""
    source = source or langs[0]
    out: list[Template] = []
    for number, layout in enumerate(layouts):
        if isinstance(layout, str):
            table = BUILTIN.get(layout, {"*": layout})
            if layout not in BUILTIN and "{lang}" not in layout:
                raise InputError(
                    f"layout '{layout}': not a built-in layout ({', '.join(BUILTIN)}) nor a template with {{lang}}"
                )
        else:
            table = layout
        group: list[Template] = []
        for lang, text in table.items():
            fixed = None if lang == "*" else (source if lang == "source" else lang)
            if fixed is None and "{lang}" not in text:
                raise InputError(f"layout template '{text}': the '*' template needs {{lang}}")
            group.append(Template(number, text, fixed, _compile(text, langs)))
        out.extend(group)
    return out


def match(path: Path, templates: Sequence[Template]) -> Match | None:
    """The first template ``path`` fits, as a Match."""
    posix = path.as_posix()
    for template in templates:
        found = template.pattern.match(posix)
        if found is None:
            continue
        fields = {k: v for k, v in found.groupdict().items() if v is not None}
        lang = template.lang or fields["lang"]
        key = (str(template.layout), *(f"{k}={fields[k]}" for k in sorted(fields) if k != "lang"))
        return Match(path, lang, key, template, tuple(sorted(fields.items())))
    return None


def sibling_paths(found: Match, templates: Sequence[Template], langs: Sequence[str]) -> dict[str, Path]:
    """Where each other language version of the document would stand."""
    fields = dict(found.fields)
    prefix = fields.pop("_prefix", "")
    out: dict[str, Path] = {}
    same = [t for t in templates if t.layout == found.template.layout]
    for template in sorted(same, key=lambda t: t.explicit):  # a language's own template first
        for lang in [template.lang] if template.lang else langs:
            if lang in out or lang == found.lang:
                continue
            try:
                relative = template.text.format(**{**fields, "lang": lang})
            except KeyError:
                continue
            out[lang] = Path(prefix + relative)
    return out


@dataclass
class DocumentFiles:
    """The files of one document, by language in ``langs`` order, and the
    languages that have no file (with the path where each would stand).

    ``declared`` is False for a file whose language only a convention gives
    (``x.md`` beside ``x.es.md``) and for a file that fits no layout: such a
    file alone may hold every version one after another.
    """

    files: list[tuple[str, Path]]
    missing: list[str]
    expected: dict[str, Path]
    declared: bool = True
    in_layout: bool = True


def usable(templates: Sequence[Template], paths: Iterable[Path]) -> list[Template]:
    """The templates to match with, in order: every template that names the
    language (layout order), then those that do not, for the layouts that some
    of ``paths`` show to be in use."""
    explicit = [t for t in templates if t.explicit]
    in_use = {found.template.layout for found in (match(p, explicit) for p in paths) if found is not None}
    return explicit + [t for t in templates if not t.explicit and t.layout in in_use]


def with_siblings(paths: Sequence[Path], templates: Sequence[Template], langs: Sequence[str]) -> list[Path]:
    """The given files plus the other language versions that exist beside
    them (for a run on some files of a repository, such as a commit's)."""
    out = list(dict.fromkeys(paths))
    order = [t for t in templates if t.explicit] + [t for t in templates if not t.explicit]
    for path in paths:
        found = match(path, order)
        if found is not None:
            out += [p for p in sibling_paths(found, templates, langs).values() if p.is_file() and p not in out]
    return out


def group(paths: Sequence[Path], templates: Sequence[Template], langs: Sequence[str]) -> list[DocumentFiles]:
    """Group files into documents, ordered by their first file. A file that
    fits no layout in use is a document of its own."""
    chosen = usable(templates, paths)
    by_key: dict[tuple[str, ...], list[Match]] = {}
    documents = []
    for path in paths:
        found = match(path, chosen)
        if found is None:
            documents.append(DocumentFiles([(langs[0], path)], [], {}, declared=False, in_layout=False))
        else:
            by_key.setdefault(found.key, []).append(found)
    order = {lang: i for i, lang in enumerate(langs)}
    for members in by_key.values():
        members.sort(key=lambda m: (order.get(m.lang, len(order)), m.path.as_posix()))
        present = {m.lang for m in members}
        expected = sibling_paths(members[0], templates, langs)
        missing = [lang for lang in langs if lang not in present]
        documents.append(
            DocumentFiles(
                [(m.lang, m.path) for m in members],
                missing,
                {k: expected[k] for k in missing if k in expected},
                declared=all(m.template.explicit for m in members),
            )
        )
    documents.sort(key=lambda d: d.files[0][1].as_posix())
    return documents
