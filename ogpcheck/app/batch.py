"""Batch runs: check every document of a translation repository.

``ogpcheck docs/`` walks the folder, groups the files into documents by the
layouts (``files.py``), records the languages a document has no file for
(reported by the rules of kind ``files``, ALN004) and checks the documents in parallel: a process pool whose
workers load the language data and models once, at start, and then take
documents in small chunks, or, with ``--scheduler``, the workers of a Dask
cluster (``cluster.py``). Reports come back in document order whatever the
finishing order, so ``--jobs 1`` and ``--jobs 4`` print the same bytes. A
document that cannot be checked (an empty or unreadable file) is reported as a
fault and the others are still checked.
"""

from __future__ import annotations

import contextlib
import fnmatch
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import FewerVersions, InputError
from ..lang import of as profile_of
from ..models import Report, Version
from ..read.bilingual import is_bilingual
from ..read.limits import why_missing
from ..report.outcome import Batch, Fault

if TYPE_CHECKING:
    from rich.progress import Progress
from .cache import Cache, key, salt
from .collector import settle
from .files import DOCUMENT_SUFFIXES, DocumentFiles, compile_layouts, group, with_siblings
from .options import Options
from .pipeline import check, check_unread, enabled_rules

CHUNK = 8  # most documents sent to a worker at once
SKIPPED_DIRS = {"node_modules", "__pycache__"}


def walk(root: Path, exclude: Sequence[str] = ()) -> list[Path]:
    """Document files below ``root`` in a fixed order; hidden folders (``.git``)
    and ``node_modules`` are skipped, and paths matching an ``exclude`` glob."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=_unreadable_folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            path = Path(folder) / name
            if (
                path.suffix.lower() in DOCUMENT_SUFFIXES
                and not name.startswith(".")
                and not excluded(path, root, exclude)
            ):
                found.append(path)
    return found


def _unreadable_folder(error: OSError) -> None:
    """A folder of the tree that cannot be listed stops the run: its
    documents would otherwise be left out silently."""
    raise InputError(f"{error.filename}: cannot list the folder ({(error.strerror or str(error)).lower()})")


def excluded(path: Path, root: Path, patterns: Sequence[str]) -> bool:
    relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.as_posix(), p) for p in patterns)


def plan(
    paths: Sequence[Path],
    langs: Sequence[str],
    layouts: Sequence[str | dict[str, str]],
    source_lang: str | None = None,
    exclude: Sequence[str] = (),
) -> list[DocumentFiles]:
    """The documents to check: folders are walked, a file brings in the other
    language versions beside it."""
    templates = compile_layouts(layouts, langs, source_lang)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += walk(path, exclude)
        elif path.exists():  # a file, or a pipe (read without blocking)
            files += with_siblings([path], templates, langs)
        else:
            reason = why_missing(path)
            raise InputError(f"{path}: {'no such file or folder' if reason == 'no such file' else reason}")
    return group(list(dict.fromkeys(files)), templates, langs)


def document_options(document: DocumentFiles, options: Options) -> Options:
    """The document's own options: its languages, each file's language, and
    the languages it has no file for (rule kind ``files``)."""
    present = [lang for lang in options.langs if any(lang == file_lang for file_lang, _ in document.files)]
    missing = {lang: _posix(document.expected.get(lang)) for lang in document.missing}
    return replace(
        options,
        langs=present,
        layout_source=options.source_lang or options.langs[0],  # a bilingual file's source is not among its files
        file_langs={str(path): lang for lang, path in document.files},
        missing=missing,
    )


def _posix(path: Path | None) -> str | None:
    return path.as_posix() if path is not None else None


def check_document(document: DocumentFiles, options: Options) -> Report | Fault | None:
    """Check one document: a report, a fault instead of an exception, or
    None for a file in one language that fits no layout (not a translation).

    A lone file whose language only a convention gives may hold every
    version one after another, so it is checked as such first.
    """
    paths = [path for _, path in document.files]
    try:
        if holds_versions(document):  # a lone file in no layout says its languages itself
            return check(paths, document_options(document, options) if document.declared else options)
        if len(paths) == 1 and document.declared:
            return single_version_report(document, options)
        if len(paths) == 1:
            try:
                return check(paths, options)
            except FewerVersions:
                return single_version_report(document, options) if document.in_layout else None
        return check(paths, document_options(document, options))
    except InputError as error:
        return Fault(str(paths[0]), [str(p) for p in paths], str(error))
    except Exception as error:  # a bug in one document must not stop the others
        return Fault(
            str(paths[0]), [str(p) for p in paths], f"{paths[0]}: internal error: {error.__class__.__name__}: {error}"
        )


def holds_versions(document: DocumentFiles) -> bool:
    """Whether the document's files hold versions whatever their number: a
    bilingual file (XLIFF, PO, TMX) holds its source and its translation."""
    return any(is_bilingual(path) for _, path in document.files)


def single_version_report(document: DocumentFiles, options: Options) -> Report:
    """The report of a document with one language version: nothing to
    compare, only the languages it has no file for."""
    lang, path = document.files[0]
    return check_unread(Version(lang, lang, str(path), []), document_options(document, options))


# -- worker processes ----------------------------------------------------------

_WORKER_OPTIONS: Options | None = None


def warm_up(options: Options) -> None:
    """Load what a check loads lazily (language models, locale data) by
    checking a document of one sentence per language (from the language
    profiles) once; never fails."""
    sentences = {code: profile_of(code).warm_up for code in options.langs}
    langs = [code for code, sentence in sentences.items() if sentence]
    if len(langs) < 2:
        return
    with tempfile.TemporaryDirectory(prefix="ogpcheck-warm-") as folder:
        paths = []
        for code in langs:
            path = Path(folder) / f"warm.{code}.txt"
            path.write_text(sentences[code] + "\n", encoding="utf-8")
            paths.append(path)
        declared = {str(p): code for p, code in zip(paths, langs, strict=True)}
        with contextlib.suppress(Exception):  # warming is an optimisation only
            check(paths, replace(options, langs=langs, file_langs=declared))


def _init_worker(options: Options) -> None:
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = options
    warm_up(options)
    settle()  # what warming loaded lives as long as the worker (``collector.py``)


def _work(documents: list[DocumentFiles]) -> list[Report | Fault | None]:
    assert _WORKER_OPTIONS is not None, "worker not initialised"
    return [check_document(document, _WORKER_OPTIONS) for document in documents]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def useful_jobs(requested: int | None, documents: int) -> int:
    """Worker processes worth starting: no more than asked, than the cores
    (the work is CPU-bound; each worker holds the language models, hundreds
    of MB) and than the documents."""
    return max(1, min(requested or default_jobs(), default_jobs(), documents))


def show_progress() -> bool:
    """A progress bar only for a person at a terminal: not in CI, not when
    standard error is a pipe or a file."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def run(paths: Sequence[Path], options: Options, *, progress: bool | None = None, cache: Cache | None = None) -> Batch:
    """Check every document under ``paths``; one report per document, in
    document order. A document whose report is in ``cache`` is not checked
    again; the reports made are stored there."""
    documents = plan(paths, options.langs, options.layouts, options.source_lang, options.exclude)
    if not documents:
        shown = ", ".join(item if isinstance(item, str) else "table" for item in options.layouts)
        raise InputError(f"{paths[0]}: no document found (layouts: {shown})")
    enabled_rules(options)  # a bad selector or rule file stops the run before any work
    results: list[Report | Fault | None] = [None] * len(documents)
    todo = []
    for index, document in enumerate(documents):
        if len(document.files) > 1 or not document.declared or holds_versions(document):
            todo.append(index)
        else:  # one file in a declared language: nothing to compare
            results[index] = single_version_report(document, options)
    keys: dict[int, str] = {}
    if cache is not None:
        run_salt = salt(options)
        for index in todo:
            document = documents[index]
            keys[index] = key(run_salt, [path for _, path in document.files], document_options(document, options))
            results[index] = cache.get(keys[index])
        todo = [index for index in todo if results[index] is None]
    jobs = useful_jobs(options.jobs, len(todo))
    show = show_progress() if progress is None else progress
    with _Progress(len(todo), show) as advance:
        _runner(options, jobs)(documents, todo, options, results, advance)
    if cache is not None:
        for index in todo:
            result = results[index]
            if isinstance(result, Report):
                cache.put(keys[index], result)
    outcome = Batch([str(p) for p in paths], [])
    for document, result in zip(documents, results, strict=True):
        if result is None:
            outcome.skipped.append(str(document.files[0][1]))
        elif isinstance(result, Fault):
            outcome.faults.append(result)
        else:
            outcome.reports.append(result)
    return outcome


# -- how the documents are checked ----------------------------------------------
#
# A runner checks documents[i] for every i in todo, puts each result in
# results[i] and calls advance() once per document, in any order: one by one
# here, in a pool of worker processes (--jobs), or on a Dask cluster
# (--scheduler). The reports are then read in document order, so every
# runner gives the same output.

Runner = Callable[
    [list[DocumentFiles], list[int], Options, list[Report | Fault | None], Callable[[], None]], None
]


def _runner(options: Options, jobs: int) -> Runner:
    if options.scheduler:
        return _on_cluster
    if jobs > 1:
        return partial(_parallel, jobs=jobs)
    return _serial


def _serial(
    documents: list[DocumentFiles],
    todo: list[int],
    options: Options,
    results: list[Report | Fault | None],
    advance: Callable[[], None],
) -> None:
    for index in todo:
        results[index] = check_document(documents[index], options)
        advance()


def _on_cluster(
    documents: list[DocumentFiles],
    todo: list[int],
    options: Options,
    results: list[Report | Fault | None],
    advance: Callable[[], None],
) -> None:
    """The documents on the Dask cluster at ``options.scheduler``
    (``cluster.py``); each worker warms up once, as a pool worker does."""
    from . import cluster

    def done(position: int, result: Report | Fault | None) -> None:
        results[todo[position]] = result
        advance()

    assert options.scheduler is not None
    cluster.run(options.scheduler, [documents[i] for i in todo], options, check_document, warm_up, done)


def _parallel(
    documents: list[DocumentFiles],
    todo: list[int],
    options: Options,
    results: list[Report | Fault | None],
    advance: Callable[[], None],
    *,
    jobs: int,
) -> None:
    # forkserver (spawn elsewhere): workers never inherit the parent's threads
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["ogpcheck.app.pipeline"])  # each worker starts with the code imported
    # Documents go in small chunks: a small document takes milliseconds, as
    # much as sending it to a worker and its report back.
    size = max(1, min(CHUNK, len(todo) // (jobs * 8)))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(options,)) as pool:
        futures = {pool.submit(_work, [documents[i] for i in chunk]): chunk for chunk in chunks}
        try:
            for future in as_completed(futures):
                chunk = futures[future]
                try:
                    for index, result in zip(chunk, future.result(), strict=True):
                        results[index] = result
                except Exception as error:  # a worker died: these documents only
                    for index in chunk:
                        paths = [str(p) for _, p in documents[index].files]
                        message = f"{paths[0]}: internal error: {error.__class__.__name__}: {error}"
                        results[index] = Fault(paths[0], paths, message)
                for _ in chunk:
                    advance()
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


class _Progress:
    """A rich progress bar on standard error, or nothing."""

    def __init__(self, total: int, show: bool) -> None:
        self.total, self.show = total, show
        self._bar: Progress | None = None

    def __enter__(self) -> Callable[[], None]:
        if not self.show or self.total == 0:
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = self._bar = Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        bar.start()
        task = bar.add_task("documents", total=self.total)
        return lambda: self._bar.advance(task) if self._bar else None

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
