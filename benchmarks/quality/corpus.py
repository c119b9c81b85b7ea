"""The corpus: document triples stored as ``<source>/<slug>/{en,es,fr}.md``.

The corpus lives outside the repository (``../shared/corpus`` by default), so
its absence is a normal condition that must be reported in one line, not a
traceback. Its hash goes into the signature line so two tables can be told
apart when the corpus changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

LANGS = ("en", "es", "fr")
SUFFIXES = (".md", ".mdx")


class CorpusMissing(Exception):
    """The corpus folder is absent or holds no triple."""


@dataclass(frozen=True)
class Triple:
    """One document in every language: ``slug`` names it, ``texts`` maps a
    language to the file's text (UTF-8, newlines normalised)."""

    slug: str
    suffix: str
    texts: dict[str, str]

    def words(self, lang: str) -> int:
        return count_words(self.texts[lang])


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
    for folder in sorted({p.parent for suffix in SUFFIXES for p in root.rglob(f"en{suffix}")}):
        for suffix in SUFFIXES:
            paths = [folder / f"{lang}{suffix}" for lang in langs]
            if all(p.is_file() for p in paths):
                slug = folder.relative_to(root).as_posix()
                triples.append(Triple(slug, suffix, {lang: _text(p) for lang, p in zip(langs, paths)}))
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
