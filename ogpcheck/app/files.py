"""Which files are the language versions of one document.

One mechanism for single runs and batches: the layouts. A layout is a path
template, or a table of templates by language. Templates use ``{lang}`` (a
language code), ``{dir}`` (folders, possibly none, ending in ``/``),
``{doc}`` (the document's name, folders allowed) and ``{ext}`` (a document
suffix). The built-in layouts:

* ``folder``: ``docs/en/x.md`` with ``docs/es/x.md``: ``{dir}{lang}/{doc}.{ext}``
* ``suffix``: ``x.md`` or ``x.en.md`` with ``x.es.md``: ``{dir}{doc}.{lang}.{ext}``,
  and ``{dir}{doc}.{ext}`` for the source language;
* ``name``: ``x/en.md`` with ``x/es.md``: ``{dir}{lang}.{ext}``.

A table maps a language (or ``*`` for the others, ``source`` for the source
language) to a template, for trees such as Docusaurus'
``{source = "docs/{doc}.{ext}", "*" = "i18n/{lang}/docusaurus-plugin-content-docs/current/{doc}.{ext}"}``.

From any one file of a document, the other versions are found by filling
the file's template with each other language, trying every template of its
layout that gives that language (``x.md``, then ``x.en.md``): ``ogpcheck
docs/x.fr.md`` and ``ogpcheck --batch docs/x.fr.md`` both find ``docs/x.en.md``
or ``docs/x.md``. A single file with no other version beside it may hold
every version one after another.

A template without ``{lang}`` gives its files a language only by convention
(``x.md`` is in the source language because ``x.es.md`` exists), so in a
folder walk it is used only when the same layout matches a file that names
its language; a README in a tree laid out by folders is thus not taken for an
untranslated document. Templates are matched against the end of a path, at a
folder boundary.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..read import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from ..read.limits import why_missing
from .options import DEFAULT_LAYOUTS

DOCUMENT_SUFFIXES = {*MARKDOWN_SUFFIXES, *HTML_SUFFIXES, ".txt", ".text", ".pdf", ".docx", ".xlf", ".xliff", ".po", ".tmx"}


@dataclass(frozen=True)
class Input:
    """One input file and the language its name declares, if any."""

    path: Path
    lang: str | None


def declared_lang(
    path: Path, langs: Sequence[str], layouts: Sequence[str | dict[str, str]] = DEFAULT_LAYOUTS
) -> str | None:
    """The language a path declares by a layout that names it
    (``name.xx.ext``, an ``xx/`` folder, ``x/xx.md``)."""
    templates = [t for t in compile_layouts(layouts, langs) if t.explicit]
    found = match(path, templates)
    return found.lang if found is not None else None


def resolve(
    paths: Sequence[Path],
    langs: Sequence[str],
    layouts: Sequence[str | dict[str, str]] = DEFAULT_LAYOUTS,
    source: str | None = None,
) -> list[Input]:
    """The inputs of one document: the given files, plus the other versions
    the layouts find beside the file when only one is given. The first given
    file comes first."""
    if not paths:
        raise InputError("no input file given")
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: {why_missing(path)}")
        if path.is_dir():
            raise InputError(f"{path}: is a directory; give the document's files")
    if len(paths) > 1:
        return [Input(p, declared_lang(p, langs, layouts)) for p in paths]
    templates = compile_layouts(layouts, langs, source)
    first = paths[0]
    found = match(first, ordered(templates))
    if found is None:
        return [Input(first, None)]
    others = existing_siblings(found, templates, langs)
    if not others:
        return [Input(first, found.lang if found.template.explicit else None)]
    own = found.lang if found.template.explicit else convention_lang(found.lang, set(others), langs)
    return [Input(first, own), *(Input(path, lang) for lang, path in others.items())]


def convention_lang(lang: str, taken: set[str], langs: Sequence[str]) -> str | None:
    """The language of a file named by convention only (``x.md``): the
    source language, unless a file naming that language exists (``x.en.md``);
    then the one language left over, or None (identified from the text)."""
    if lang not in taken:
        return lang
    free = [code for code in langs if code not in taken]
    return free[0] if len(free) == 1 else None


# -- layouts ----------------------------------------------------------------

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


def ordered(templates: Sequence[Template]) -> list[Template]:
    """Templates that name the language first: ``x.fr.md`` is French by its
    name before it is a document called ``x.fr`` in the source language."""
    return [t for t in templates if t.explicit] + [t for t in templates if not t.explicit]


def sibling_candidates(found: Match, templates: Sequence[Template], langs: Sequence[str]) -> dict[str, list[Path]]:
    """Where each other language version of the document may stand, by
    preference: a language's own template (``source``) first, then the
    templates that name the language."""
    fields = dict(found.fields)
    prefix = fields.pop("_prefix", "")
    out: dict[str, list[Path]] = {}
    same = [t for t in templates if t.layout == found.template.layout]
    for template in sorted(same, key=lambda t: t.explicit):
        for lang in [template.lang] if template.lang else langs:
            if lang == found.lang and found.template.explicit:  # x.md may stand beside x.en.md
                continue
            try:
                relative = template.text.format(**{**fields, "lang": lang})
            except KeyError:
                continue
            path = Path(prefix + relative)
            if path != found.path and path not in out.setdefault(lang, []):
                out[lang].append(path)
    return {lang: out[lang] for lang in langs if out.get(lang)}


def sibling_paths(found: Match, templates: Sequence[Template], langs: Sequence[str]) -> dict[str, Path]:
    """Where each other language version would stand (the preferred place)."""
    return {lang: paths[0] for lang, paths in sibling_candidates(found, templates, langs).items()}


def existing_siblings(found: Match, templates: Sequence[Template], langs: Sequence[str]) -> dict[str, Path]:
    """The other language versions that exist: for each language, the first
    of its candidate places that holds a file."""
    out: dict[str, Path] = {}
    for lang, paths in sibling_candidates(found, templates, langs).items():
        path = next((p for p in paths if p.is_file()), None)
        if path is not None:
            out[lang] = path
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
    for path in paths:
        found = match(path, ordered(templates))
        if found is not None:
            out += [p for p in existing_siblings(found, templates, langs).values() if p not in out]
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
        named = {m.lang for m in members if m.template.explicit}
        for index, member in enumerate(members):
            if not member.template.explicit:
                lang = convention_lang(member.lang, named, langs) or member.lang
                members[index] = Match(member.path, lang, member.key, member.template, member.fields)
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
