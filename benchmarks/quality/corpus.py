"""The corpus: document triples stored as ``<source>/<slug>/{en,es,fr}.md``.

The corpus lives outside the repository (``../shared/corpus`` by default), so
its absence is a normal condition that must be reported in one line, not a
traceback. Its hash goes into the signature line so two tables can be told
apart when the corpus changes.

``MANIFEST.tsv`` beside the triples says whether the translations follow the
current English (``sync``: ``synced``) or an older one (``drifted``). The
sources are split in two: everything ogpcheck is tuned on comes from the
tuning sources; the held-out sources only measure.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

LANGS = ("en", "es", "fr")
SUFFIXES = (".md", ".mdx")
HELD_OUT = ("opentelemetry-io", "nodejs-org")  # never tuned on: they measure what the tuning did not see
MANIFEST = "MANIFEST.tsv"


class CorpusMissing(Exception):
    """The corpus folder is absent or holds no triple."""


@dataclass(frozen=True)
class Triple:
    """One document in every language: ``slug`` names it, ``texts`` maps a
    language to the file's text (UTF-8, newlines normalised)."""

    slug: str
    suffix: str
    texts: dict[str, str]
    sync: str = "synced"  # synced | drifted (MANIFEST.tsv)

    def words(self, lang: str) -> int:
        return count_words(self.texts[lang])

    @property
    def source(self) -> str:
        """The repository the triple comes from: the first folder of its slug."""
        return self.slug.split("/", 1)[0]

    @property
    def split(self) -> str:
        return "held-out" if self.source in HELD_OUT else "tuning"


def read_manifest(root: Path) -> dict[str, str]:
    """slug -> sync class, from the corpus manifest (empty without one)."""
    path = root / MANIFEST
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["slug"]: row.get("sync") or "synced" for row in csv.DictReader(handle, delimiter="\t")}


def count_words(text: str) -> int:
    """Words as the corpus manifest counts them: runs of word characters."""
    count, inside = 0, False
    for ch in text:
        word = ch.isalnum() or ch == "_"
        if word and not inside:
            count += 1
        inside = word
    return count


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def load_corpus(root: Path, langs: tuple[str, ...] = LANGS) -> list[Triple]:
    """Every folder under ``root`` holding one file per language, sorted by slug."""
    if not root.is_dir():
        raise CorpusMissing(f"{root}: corpus folder not found (give one with --corpus PATH)")
    triples = []
    sync = read_manifest(root)
    for folder in sorted({p.parent for suffix in SUFFIXES for p in root.rglob(f"en{suffix}")}):
        for suffix in SUFFIXES:
            paths = [folder / f"{lang}{suffix}" for lang in langs]
            if all(p.is_file() for p in paths):
                slug = folder.relative_to(root).as_posix()
                texts = {lang: _text(p) for lang, p in zip(langs, paths)}
                triples.append(Triple(slug, suffix, texts, sync.get(slug, "synced")))
                break
    if not triples:
        raise CorpusMissing(f"{root}: no document triple ({'/'.join(langs)}.md in one folder) found")
    return triples


def corpus_hash(triples: list[Triple]) -> str:
    """Short digest of every text, in slug order: names the corpus in the signature."""
    digest = hashlib.sha256()
    for triple in triples:
        digest.update(triple.slug.encode())
        for lang in sorted(triple.texts):
            digest.update(lang.encode())
            digest.update(triple.texts[lang].encode())
    return digest.hexdigest()[:12]
