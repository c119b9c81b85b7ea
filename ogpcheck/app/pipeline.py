"""Run the stages in order: read -> split -> align -> extract/compare.

This is the one place that knows the order; each stage lives in its module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..compare import rules as rule_registry
from ..compare.engine import check as check_rules
from ..compare.engine import compare
from ..compare.rule import Rule
from ..errors import FewerVersions, InputError
from ..extract.terminology import load_terms
from ..lang import coverage
from ..models import Block, Document, Finding, Report, Version
from ..read import read_data, read_file
from ..read.bilingual import is_bilingual, read_units
from ..read.boilerplate import default_patterns
from ..read.bounded import TextPattern
from ..read.encoding import decode
from ..read.limits import describe
from ..versions.align import align
from ..versions.messages import too_few_versions
from ..versions.split import split, whole_file_language
from ..versions.units import join
from .columns import add_columns
from .files import Input, declared_lang, resolve
from .fixes import place
from .options import NO_SOURCE, Options


@dataclass(frozen=True)
class Source:
    """An input held in memory: standard input, or a text given to the
    Python API. ``name`` stands for its path (its suffix picks the reader);
    ``lang`` is its language when it is one version, None when it holds
    every version or is to be identified."""

    name: str
    data: bytes
    lang: str | None = None


def read_document(paths: Sequence[Path], options: Options) -> Document:
    """Read and split: the versions of one document (for bilingual files,
    already aligned by their units)."""
    inputs = resolve(paths, options.langs, options.layouts, options.source_lang)
    if any(is_bilingual(item.path) for item in inputs):
        return _read_bilingual(inputs, [*default_patterns(), *options.patterns], options)
    document = _versions([(str(i.path), i.lang, None) for i in inputs], options)
    unnamed = [k for k, item in enumerate(inputs) if declared_lang(item.path, options.langs, options.layouts) is None]
    if len(inputs) > 1 and len(unnamed) == 1 and len(document.versions) == len(inputs):
        version = document.versions[unnamed[0]]  # report.md beside report.es.md
        document.source, document.source_reason = version.lang, f"{version.path} names no language"
    return document


def language_notices(document: Document) -> list[str]:
    """One notice per language of the document that has no profile."""
    by_lang: dict[str, list[str]] = {}
    for version in document.versions:
        by_lang.setdefault(version.lang, []).append(version.id)
    return [text for code, vids in by_lang.items() if (text := coverage.notice(code, vids)) is not None]


def _read_bilingual(inputs: Sequence[Input], patterns: Sequence[TextPattern], options: Options) -> Document:
    """XLIFF, PO and TMX files: their units are the alignment."""
    other = next((item.path for item in inputs if not is_bilingual(item.path)), None)
    if other is not None:
        raise InputError(f"{other}: a bilingual file (XLIFF, PO, TMX) is checked with other bilingual files only")
    files = [read_units(item.path, patterns, options.max_bytes) for item in inputs]
    declared = [options.file_langs.get(str(item.path)) or item.lang for item in inputs]
    document = join(files, declared, options.langs, options.source_lang)
    if document.versions:
        document.source = document.versions[0].lang
        document.source_reason = f"the source language of {document.versions[0].path}"
    return document


def read_sources(sources: Sequence[Source], options: Options) -> Document:
    """Read and split the versions of a document held in memory."""
    if not sources:
        raise InputError("no input given")
    return _versions([(s.name, s.lang, s.data) for s in sources], options)


def _versions(inputs: list[tuple[str, str | None, bytes | None]], options: Options) -> Document:
    patterns: list[TextPattern] = [*default_patterns(), *options.patterns]
    notices: list[str] = []  # the readers' notices come first in the document's

    def blocks_of(name: str, data: bytes | None) -> list[Block]:
        if data is None:
            blocks = read_file(Path(name), patterns, options.max_bytes, notices)
        elif len(data) > options.max_bytes:
            raise InputError(f"{name}: {describe(len(data))}, larger than the {describe(options.max_bytes)} limit (raise it with --max-bytes)")
        else:
            blocks = read_data(data, name, patterns, options.max_bytes, notices)
        if not any(block.text.strip() for block in blocks):
            raise InputError(f"{name}: no text found")
        return blocks

    if len(inputs) == 1:
        name, lang, data = inputs[0]
        blocks = blocks_of(name, data)
        if lang is not None:
            return Document([Version(lang, lang, name, blocks)], notices=notices)
        document = split(blocks, options.langs, name)
        document.notices[:0] = notices
        return document
    versions: list[Version] = []
    seen: dict[str, int] = {}
    for name, given, data in inputs:
        blocks = blocks_of(name, data)
        lang = options.file_langs.get(name) or given or whole_file_language(blocks, options.langs, name)
        seen[lang] = seen.get(lang, 0) + 1
        vid = lang if seen[lang] == 1 else f"{lang}.{seen[lang]}"
        versions.append(Version(vid, lang, name, blocks))
    return Document(versions, notices=notices)


def source_of(document: Document, options: Options) -> str | None:
    """The source language of a check: the one the user set, else that of
    the file that names no language beside files that do (``report.md``
    beside ``report.es.md``); ``none`` means the majority decides."""
    if options.source == NO_SOURCE:
        return None
    if options.source is not None:
        if options.source not in {v.lang for v in document.versions}:
            document.notices.append(f"no {options.source} version (the source): the majority decides who is blamed")
        return options.source
    return document.source


def _source_notice(document: Document, options: Options, findings: list[Finding]) -> None:
    """Say where the source came from when the file layout chose it and the
    blame differs from what a majority vote gives: a finding blames half of
    its versions or more (two translations, or the one of two)."""
    if options.source is not None or document.source is None:
        return
    if not any(f.suspect and 2 * len(f.suspect) >= len({loc.version for loc in f.locations}) for f in findings):
        return
    document.notices.append(
        f"{document.source_reason}: {document.source} is taken as the source, which decides"
        " who is blamed (set 'source' to choose another, 'none' for a majority vote)"
    )


def enabled_rules(options: Options) -> list[Rule]:
    """The rules this run applies: shipped and user rules, selected, with
    their severities as configured."""
    return rule_registry.select(
        rule_registry.all_rules(options.rule_paths), options.select, options.ignore, options.severity
    )


def check(paths: Sequence[Path], options: Options) -> Report:
    """Check one document given by one or more paths."""
    enabled = enabled_rules(options)
    load_terms(options.terms)  # a bad terminology file stops the run before any work
    return _compare(read_document(paths, options), enabled, options, [str(p) for p in paths])


def check_sources(sources: Sequence[Source], options: Options) -> Report:
    """Check one document held in memory (standard input, the Python API)."""
    enabled = enabled_rules(options)
    load_terms(options.terms)
    texts = {s.name: decode(s.data, s.name) for s in sources if not s.data.startswith(b"%PDF-")}
    return _compare(read_sources(sources, options), enabled, options, [s.name for s in sources], texts)


def _compare(
    document: Document, enabled: list[Rule], options: Options, inputs: list[str], texts: dict[str, str] | None = None
) -> Report:
    found = {version.lang for version in document.versions}  # a bilingual file holds its source
    document.missing = {lang: where for lang, where in options.missing.items() if lang not in found}
    if len(document.versions) < 2:
        raise FewerVersions(too_few_versions(Path(inputs[0]), document, options.langs))
    document.notices.extend(language_notices(document))
    groups = document.groups if document.groups is not None else align(document.versions)
    findings, groups = check_rules(document, groups, enabled, options.langs, options.terms, source_of(document, options))
    _source_notice(document, options, findings)
    place(findings, options.max_bytes)
    report = Report(document.versions, findings, groups, document.notices, inputs)
    add_columns(report, texts)
    return report


def check_unread(version: Version, options: Options) -> Report:
    """The report of a document with one version and nothing to compare (a
    file nobody has translated yet): its text is not read, and only the
    kinds of check that need one version (the files a layout expects) run."""
    document = Document([version], missing=dict(options.missing))
    findings = compare(document, [], enabled_rules(options), options.langs, options.terms)
    return Report(document.versions, findings, inputs=[version.path])
