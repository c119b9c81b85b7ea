"""Run the stages in order: read -> split -> align -> extract/compare.

This is the one place that knows the order; each stage lives in its module.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..check import rules as rule_registry
from ..check.engine import compare
from ..check.rule import Rule
from ..errors import FewerVersions, InputError
from ..extract.terminology import load_terms
from ..models import Block, Document, Report, Version
from ..read import read_file
from ..read.bilingual import is_bilingual, read_units
from ..read.boilerplate import default_patterns
from ..read.bounded import TextPattern
from ..versions.align import align
from ..versions.messages import too_few_versions
from ..versions.split import split, whole_file_language
from ..versions.units import join
from .files import Input, resolve
from .fixes import place
from .options import Options


def read_document(paths: Sequence[Path], options: Options) -> Document:
    """Read and split: the versions of one document (for bilingual files,
    already aligned by their units), with the readers' notices first."""
    notices: list[str] = []
    document = _read_versions(paths, options, notices)
    document.notices[:0] = notices
    return document


def _read_versions(paths: Sequence[Path], options: Options, notices: list[str]) -> Document:
    patterns: list[TextPattern] = [*default_patterns(), *options.patterns]
    inputs = resolve(paths, options.langs)
    if any(is_bilingual(item.path) for item in inputs):
        return _read_bilingual(inputs, patterns, options)
    if len(inputs) == 1:
        blocks = read_file(inputs[0].path, patterns, options.max_bytes, notices)
        _require_text(blocks, inputs[0].path)
        if inputs[0].lang is not None:
            return Document([Version(inputs[0].lang, inputs[0].lang, str(inputs[0].path), blocks)])
        return split(blocks, options.langs, str(inputs[0].path))
    versions: list[Version] = []
    seen: dict[str, int] = {}
    for item in inputs:
        blocks = read_file(item.path, patterns, options.max_bytes, notices)
        _require_text(blocks, item.path)
        lang = options.file_langs.get(str(item.path)) or item.lang or whole_file_language(blocks, options.langs, str(item.path))
        seen[lang] = seen.get(lang, 0) + 1
        vid = lang if seen[lang] == 1 else f"{lang}.{seen[lang]}"
        versions.append(Version(vid, lang, str(item.path), blocks))
    return Document(versions)


def _read_bilingual(inputs: Sequence[Input], patterns: Sequence[TextPattern], options: Options) -> Document:
    """XLIFF, PO and TMX files: their units are the alignment."""
    other = next((item.path for item in inputs if not is_bilingual(item.path)), None)
    if other is not None:
        raise InputError(f"{other}: a bilingual file (XLIFF, PO, TMX) is checked with other bilingual files only")
    files = [read_units(item.path, patterns, options.max_bytes) for item in inputs]
    declared = [options.file_langs.get(str(item.path)) or item.lang for item in inputs]
    return join(files, declared, options.langs, options.source_lang)


def _require_text(blocks: list[Block], path: Path) -> None:
    if not any(block.text.strip() for block in blocks):
        raise InputError(f"{path}: no text found")


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
    document = read_document(paths, options)
    found = {version.lang for version in document.versions}  # a bilingual file holds its source
    document.missing = {lang: where for lang, where in options.missing.items() if lang not in found}
    if len(document.versions) < 2:
        raise FewerVersions(too_few_versions(paths[0], document, options.langs))
    groups = document.groups if document.groups is not None else align(document.versions)
    findings = compare(document, groups, enabled, options.langs, options.terms)
    place(findings, options.max_bytes)
    return Report(document.versions, findings, groups, document.notices, [str(p) for p in paths])


def check_unread(version: Version, options: Options) -> Report:
    """The report of a document with one version and nothing to compare (a
    file nobody has translated yet): its text is not read, and only the
    kinds of check that need one version (the files a layout expects) run."""
    document = Document([version], missing=dict(options.missing))
    findings = compare(document, [], enabled_rules(options), options.langs, options.terms)
    return Report(document.versions, findings, inputs=[version.path])
