"""Batch runs on a Dask cluster: ``ogpcheck docs/ --scheduler tcp://HOST:PORT``.

The documents of a batch go to the workers of a running ``dask.distributed``
scheduler in small chunks, as they go to the process pool of ``--jobs``; the
reports come back in document order, so the output and the exit code are
those of ``--jobs 1``. Each worker process keeps what it loads (language data,
spaCy pipelines) for every later chunk: the first chunk a worker takes for a
set of languages warms it up once (``_WARMED``), in a task thread rather than
the worker's event loop, which must keep answering the scheduler.

Workers read the files themselves, so the documents (and any rule,
terminology or pattern file the configuration names) must be at the same
path on every worker: one machine, or a shared folder. Before any work the
run checks that every worker runs this version of ogpcheck and can read the
first file; otherwise it stops with a one-line error.

This module imports ``distributed`` only when a scheduler is named (it is the
optional extra ``dask``), and knows nothing of how a document is checked: the
batch passes in its ``check`` and ``warm`` functions, which Dask sends to the
workers by reference.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Report
from ..report.outcome import Fault
from ..version import __version__
from .files import DocumentFiles
from .options import Options

Result = Report | Fault | None
Check = Callable[[DocumentFiles, Options], Result]
Warm = Callable[[Options], None]

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler (it may be starting)
WORKERS_TIMEOUT = 60.0  # seconds to wait for a first worker to join it
CHUNK = 8  # most documents sent to a worker at once
WORK_PER_WORKER = 8  # chunks per worker, at least, so the load evens out

_WARMED: set[tuple[str, ...]] = set()  # in a worker: the language sets warmed up
# One chunk at a time in a worker process, whatever its --nthreads: the check
# is pure Python (threads would not run it in parallel) and its caches are
# not made to be filled by two threads at once.
_WORKER_LOCK = threading.Lock()


def _client(address: str) -> Any:
    """A client of the scheduler at ``address``; a one-line error when the
    extra is not installed or the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError(
            "--scheduler needs dask.distributed, the optional extra 'dask' (pip install 'ogpcheck[dask]')"
        ) from None
    logging.getLogger("distributed").setLevel(logging.ERROR)  # its own retries are not the user's business
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"--scheduler: cannot reach the Dask scheduler at {address} ({_reason(error)})") from None


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{error.__class__.__name__}: {text}" if text else error.__class__.__name__


def _worker_view(path: str) -> tuple[str, bool]:
    """Run on a worker: its ogpcheck version, and whether it can read ``path``."""
    return __version__, os.access(path, os.R_OK)


def _preflight(client: Any, address: str, probe: Path) -> int:
    """Wait for a worker, then check that every worker runs this version and
    sees the files; the number of workers."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
    except TimeoutError:
        raise InputError(f"--scheduler: no worker joined the scheduler at {address} within {WORKERS_TIMEOUT:.0f} s") from None
    views: dict[str, tuple[str, bool]] = client.run(_worker_view, str(probe.resolve()))
    for worker, (version, readable) in sorted(views.items()):
        if version != __version__:
            raise InputError(f"--scheduler: worker {worker} runs ogpcheck {version}, this is {__version__}; install the same version on every worker")
        if not readable:
            raise InputError(
                f"--scheduler: worker {worker} cannot read {probe}; the documents must be at the same path on every worker (a shared folder)"
            )
    return len(views)


def check_chunk(documents: list[DocumentFiles], options: Options, check: Check, warm: Warm) -> list[Result]:
    """Run on a worker: warm it up for these languages the first time, then
    check each document (``check`` turns every error into a fault)."""
    key = tuple(options.langs)
    with _WORKER_LOCK:
        if key not in _WARMED:
            warm(options)
            _WARMED.add(key)
        return [check(document, options) for document in documents]


def run(
    address: str,
    documents: Sequence[DocumentFiles],
    options: Options,
    check: Check,
    warm: Warm,
    done: Callable[[int, Result], None],
) -> None:
    """Check ``documents`` on the cluster; ``done(i, result)`` is called for
    each document as its chunk comes back, in any order. A chunk that fails
    on the cluster (a worker lost more often than Dask retries) becomes a
    fault for each of its documents; the others are still checked."""
    if not documents:
        return
    client = _client(address)
    from distributed import as_completed  # installed: _client checked
    futures: dict[Any, list[int]] = {}
    try:
        workers = _preflight(client, address, documents[0].files[0][1])
        size = max(1, min(CHUNK, len(documents) // (workers * WORK_PER_WORKER)))
        shared = client.scatter(options, broadcast=True)  # sent once to each worker, not with every chunk
        for start in range(0, len(documents), size):
            chunk = list(range(start, min(start + size, len(documents))))
            future = client.submit(check_chunk, [documents[i] for i in chunk], shared, check, warm, pure=False)
            futures[future] = chunk
        for future in as_completed(list(futures), loop=client.loop):
            chunk = futures[future]
            try:
                results = future.result()
            except Exception as error:  # the cluster lost this chunk: its documents only
                results = [_fault(documents[i], error) for i in chunk]
            for index, result in zip(chunk, results, strict=True):
                done(index, result)
    except KeyboardInterrupt:
        client.cancel(list(futures))
        raise
    finally:
        client.close()


def _fault(document: DocumentFiles, error: BaseException) -> Fault:
    paths = [str(path) for _, path in document.files]
    return Fault(paths[0], paths, f"{paths[0]}: internal error on the cluster: {_reason(error)}")
