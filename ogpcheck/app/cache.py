"""A result cache, as ruff keeps one: a document whose files, ogpcheck
version, rules, configuration, terminology and language models are unchanged
is not checked again; its report is read back.

Each report is one JSON file named by the document's key (a SHA-256 of all
of the above), in ``.ogpcheck_cache/`` beside the configuration file (else at
the repository root, else in the working folder). JSON, not pickle: a cache
folder committed by mistake, or planted, cannot run code. A key never names
anything that can change its report without changing the key, so entries
are never invalidated, only left unused; writes go through a temporary file
and a rename, so two runs sharing the folder each see whole entries or
none, and an entry that cannot be read is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Block, Finding, Group, Location, Report, Severity, Span, Suggestion, Version
from ..read.limits import DATA_MAX_BYTES, read_bytes
from ..ruledata import rules_dir
from ..version import __version__
from .options import Options
from .output import write_atomically

FOLDER = ".ogpcheck_cache"
FORMAT = 2  # of the entries; part of every key (2: suggestions)
# Options that change how a report is shown or what is done with it, never
# the report itself: they are not part of the key.
PRESENTATION = {
    "format", "jobs", "baseline", "fail_on", "min_severity", "exit_zero", "quiet", "statistics",
    "cache", "cache_dir", "docs_url", "config_path", "root", "require_models", "scheduler",
}  # fmt: skip


def folder_for(options: Options) -> Path:
    """Where the cache lives: ``cache-dir``, else beside the configuration
    file, else at the repository root (the folder holding ``.git``), else in
    the working folder (where ruff puts its cache too)."""
    if options.cache_dir is not None:
        return options.cache_dir
    if options.config_path is not None:
        return options.config_path.resolve().parent / FOLDER
    if options.root is not None and (options.root / ".git").exists():
        return options.root / FOLDER
    return Path.cwd() / FOLDER


def _digest_files(digest: Any, paths: Iterable[Path], max_bytes: int = DATA_MAX_BYTES) -> None:
    """Names and bytes of files; a file over ``max_bytes`` is not read (the
    check refuses it before reading it, and nothing is stored). A pipe or a
    device is never read here (it could block, never end, or give other
    bytes next time): it gets a key no later run can match."""
    for path in paths:
        digest.update(os.fsencode(path) + b"\0")
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                digest.update(b"\0not a regular file " + os.urandom(16))
            elif info.st_size > max_bytes:
                digest.update(f"\0over the limit: {info.st_size}".encode())
            else:
                digest.update(read_bytes(path, max_bytes))
        except (OSError, InputError):
            digest.update(b"\0unreadable")
        digest.update(b"\0")


def _models(langs: Sequence[str]) -> list[str]:
    """The spaCy packages installed for the languages, with their versions:
    installing a model changes the names found."""
    import importlib.metadata  # a run without the cache does not load them
    import importlib.util

    from ..extract import ner

    out = []
    for lang in langs:
        for package in ner.model_names(lang):
            try:
                out.append(f"{package}=={importlib.metadata.version(package.replace('_', '-'))}")
            except importlib.metadata.PackageNotFoundError:
                with contextlib.suppress(ImportError, ValueError):
                    if importlib.util.find_spec(package) is not None:
                        out.append(f"{package}==?")
    return out


def salt(options: Options) -> str:
    """What every key of a run shares: version, Python, shipped and user
    rules, terminology and patterns, the configuration file, the options
    that change findings and the installed language models."""
    digest = hashlib.sha256(f"ogpcheck {__version__} cache {FORMAT} python {sys.version_info[:2]}".encode())
    _digest_files(digest, sorted(p for p in rules_dir().rglob("*") if p.is_file()))
    _digest_files(digest, [*options.rule_paths, *options.terms, *options.boilerplate])
    if options.config_path is not None:
        _digest_files(digest, [options.config_path])
    settings = {f.name: getattr(options, f.name) for f in fields(options) if f.name not in PRESENTATION}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))
    digest.update(json.dumps(_models(options.langs)).encode("utf-8"))
    return digest.hexdigest()


def key(run_salt: str, paths: Sequence[Path], options: Options) -> str:
    """The key of one document: the run's salt, the bytes of its files and
    its own options (languages, file languages, files a layout expects)."""
    digest = hashlib.sha256(run_salt.encode())
    _digest_files(digest, paths, options.max_bytes)
    own = {"langs": options.langs, "file_langs": options.file_langs, "missing": options.missing}
    digest.update(json.dumps(own, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


class Cache:
    """Reports by key in one folder; ``hits`` and ``stored`` count this
    run's lookups that were answered and entries written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.stored = 0

    def _path(self, entry: str) -> Path:
        return self.folder / entry[:2] / f"{entry}.json"

    def get(self, entry: str) -> Report | None:
        try:
            data = json.loads(self._path(entry).read_text(encoding="utf-8"))
            report = decode_report(data)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
        self.hits += 1
        return report

    def put(self, entry: str, report: Report) -> None:
        """Store a report; a folder that cannot be written (or a report that
        cannot be stored) only costs the next run its time."""
        path = self._path(entry)
        with contextlib.suppress(OSError, KeyError, TypeError, ValueError):
            text = json.dumps(encode_report(report), ensure_ascii=False, separators=(",", ":"))
            path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                write_atomically(ignore, "# made by ogpcheck\n*\n")
            write_atomically(path, text)
            self.stored += 1


# -- reports as JSON -------------------------------------------------------------


def _encode_block(block: Block) -> dict[str, Any]:
    out = {f.name: getattr(block, f.name) for f in fields(block) if f.init}
    out["spans"] = [[s.clean_start, s.raw_start, s.length] for s in block.spans]
    out["line_map"] = [list(item) for item in block.line_map]
    out["suppressed"] = sorted(block.suppressed)
    return out


def _decode_block(data: dict[str, Any]) -> Block:
    values = dict(data)
    values["spans"] = [Span(*item) for item in data["spans"]]
    values["line_map"] = [tuple(item) for item in data["line_map"]]
    values["suppressed"] = frozenset(data["suppressed"])
    return Block(**values)


def encode_report(report: Report) -> dict[str, Any]:
    position = {id(block): (version.id, i) for version in report.versions for i, block in enumerate(version.blocks)}
    return {
        "versions": [
            {"id": v.id, "lang": v.lang, "path": v.path, "blocks": [_encode_block(b) for b in v.blocks]}
            for v in report.versions
        ],
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "message": f.message,
                "suspect": f.suspect,
                "group": f.group,
                "suggestion": asdict(f.suggestion) if f.suggestion is not None else None,
                "locations": [
                    {**{k.name: getattr(loc, k.name) for k in fields(loc)}, "highlights": [list(h) for h in loc.highlights]}
                    for loc in f.locations
                ],
            }
            for f in report.findings
        ],
        "groups": [
            {"index": g.index, "score": g.score, "members": {vid: position[id(b)][1] for vid, b in g.members.items()}}
            for g in report.groups
        ],
        "notices": report.notices,
        "inputs": report.inputs,
    }


def decode_report(data: dict[str, Any]) -> Report:
    versions = [
        Version(v["id"], v["lang"], v["path"], [_decode_block(b) for b in v["blocks"]]) for v in data["versions"]
    ]
    by_id = {v.id: v for v in versions}
    findings = [
        Finding(
            f["rule"],
            Severity(f["severity"]),
            f["message"],
            list(f["suspect"]),
            [Location(**{**loc, "highlights": [tuple(h) for h in loc["highlights"]]}) for loc in f["locations"]],
            f["group"],
            Suggestion(**f["suggestion"]) if f["suggestion"] is not None else None,
        )
        for f in data["findings"]
    ]
    groups = [
        Group(g["index"], {vid: by_id[vid].blocks[i] for vid, i in g["members"].items()}, g["score"])
        for g in data["groups"]
    ]
    return Report(versions, findings, groups, list(data["notices"]), list(data["inputs"]))
