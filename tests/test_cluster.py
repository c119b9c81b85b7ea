"""Batch runs on a Dask cluster (--scheduler): the same report bytes and exit
code as --jobs 1, each worker loading its models once, and one-line errors
for a scheduler that cannot be used. The cluster tests start a real
LocalCluster of two worker processes on the loopback address."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ogpcheck import __version__
from ogpcheck.app import cluster
from ogpcheck.app.config import options_for
from ogpcheck.errors import InputError

from .trilingual import write_document


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as running:
        yield running


def _tree(root: Path, documents: int) -> Path:
    """A repository laid out by language folders: every document carries
    French's wrong 42, one lacks its French file, one Spanish file is empty."""
    for number in range(documents):
        write_document(root, f"doc{number:02d}", layout="folder", langs=("en", "es") if number == 3 else ("en", "es", "fr"))
    (root / "es" / "doc05.md").write_text("\n", encoding="utf-8")
    return root


@pytest.mark.slow
def test_a_cluster_prints_what_jobs_1_prints(run, tmp_path: Path, local_cluster: Any) -> None:
    root = _tree(tmp_path / "docs", 20)
    address = local_cluster.scheduler_address
    for fmt in ("json", "text"):
        alone = run(root, "--jobs", "1", "--format", fmt, "--no-color")
        spread = run(root, "--scheduler", address, "--format", fmt, "--no-color")
        assert (spread.code, spread.out, spread.err) == (alone.code, alone.out, alone.err)
    assert alone.code == 2 and "doc05.md: the file is empty" in alone.err  # the empty file is a fault ...
    assert alone.out.count("fr gives 42 where en, es give 24") == 18  # ... and every other document is checked
    assert "no fr version of this document" in alone.out
    clean = _tree(tmp_path / "clean", 4)
    (clean / "es" / "doc05.md").unlink()
    for extra in ([], ["--fail-on", "never"]):
        alone = run(clean, "--jobs", "1", "--format", "json", *extra)
        spread = run(clean, "--scheduler", address, "--format", "json", *extra)
        assert (spread.code, spread.out) == (alone.code, alone.out) and alone.code == (0 if extra else 1)


@pytest.mark.slow
def test_each_worker_loads_its_models_once(run, tmp_path: Path, local_cluster: Any) -> None:
    root = _tree(tmp_path / "docs", 24)
    address = local_cluster.scheduler_address
    # --no-cache: both runs check every document (a cached second run would check none)
    assert run(root, "--scheduler", address, "--format", "json", "--no-cache").code == 2
    assert run(root, "--scheduler", address, "--format", "json", "--no-cache").code == 2  # on warm workers

    def loads() -> tuple[list[tuple[str, ...]], int, int]:
        from ogpcheck.app.cluster import _WARMED
        from ogpcheck.extract.ner import pipeline

        info = pipeline.cache_info()
        return sorted(_WARMED), info.misses, info.hits

    from distributed import Client

    with Client(address, set_as_default=False) as client:
        per_worker = client.run(loads)
    assert len(per_worker) == 2
    for warmed, misses, hits in per_worker.values():
        assert warmed == [("en", "es", "fr")]  # warmed up once for the run's languages
        assert misses <= 3 and hits > misses  # each pipeline loaded once, then reused for every chunk


@pytest.mark.slow
def test_a_chunk_lost_on_the_cluster_is_a_fault_for_its_documents_only(tmp_path: Path, local_cluster: Any) -> None:
    from ogpcheck.app.batch import plan
    from ogpcheck.app.options import Options
    from ogpcheck.report.outcome import Fault

    _tree(tmp_path, 3)
    documents = plan([tmp_path], ["en", "es", "fr"], ["folder"])
    first = str(documents[0].files[0][1])

    def check(document: Any, options: Any) -> Any:  # fails on the first document only
        if str(document.files[0][1]) == first:
            raise RuntimeError("worker lost")
        return None

    got: dict[int, Any] = {}
    cluster.CHUNK, saved = 1, cluster.CHUNK
    try:
        cluster.run(local_cluster.scheduler_address, documents, Options(), check, lambda options: None, got.__setitem__)
    finally:
        cluster.CHUNK = saved
    assert len(documents) == 4 and sorted(got) == [0, 1, 2, 3]
    assert [got[i] for i in (1, 2, 3)] == [None, None, None]  # the other chunks came back
    assert isinstance(got[0], Fault)
    assert got[0].message == f"{first}: internal error on the cluster: RuntimeError: worker lost"


def test_the_scheduler_is_a_setting_and_a_flag(tmp_path: Path) -> None:
    (tmp_path / "ogpcheck.toml").write_text('scheduler = "tcp://10.0.0.5:8786"\n', encoding="utf-8")
    document = tmp_path / "report.md"
    assert options_for([document], {}).scheduler == "tcp://10.0.0.5:8786"
    assert options_for([document], {"scheduler": "tcp://127.0.0.1:9"}).scheduler == "tcp://127.0.0.1:9"
    (tmp_path / "ogpcheck.toml").write_text("scheduler = 8786\n", encoding="utf-8")
    with pytest.raises(InputError, match="scheduler"):
        options_for([document], {})


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_one_line_error(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    write_document(tmp_path, layout="folder")
    result = run(tmp_path, "--scheduler", "tcp://127.0.0.1:9")  # the discard port: nothing listens
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("ogpcheck: error: --scheduler: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize("address", ["no way", "tcp://host", "tcp://host:99999", "http://host:8786", ""])
def test_a_bad_address_is_refused_before_any_connection(run, tmp_path: Path, address: str) -> None:
    write_document(tmp_path, layout="folder")
    result = run(tmp_path, "--scheduler", address)
    assert result.code == 2
    assert result.err == f"ogpcheck: error: --scheduler: '{address}' is not a scheduler address such as tcp://10.0.0.5:8786\n"


def test_without_the_extra_the_flag_says_what_to_install(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    write_document(tmp_path, layout="folder")
    result = run(tmp_path, "--scheduler", "tcp://127.0.0.1:8786")
    assert result.code == 2
    assert result.err == "ogpcheck: error: --scheduler needs dask.distributed, the optional extra 'dask' (pip install 'ogpcheck[dask]')\n"


class _FakeClient:
    """What the preflight asks of a client, answered as given."""

    def __init__(self, views: dict[str, tuple[str, bool]], workers: bool = True) -> None:
        self.views, self.workers = views, workers

    def wait_for_workers(self, n: int, timeout: float) -> None:
        if not self.workers:
            raise TimeoutError

    def run(self, function: Any, *args: Any) -> dict[str, tuple[str, bool]]:
        assert function is cluster._worker_view and Path(args[0]).is_absolute()
        return self.views


def test_workers_that_cannot_do_the_work_stop_the_run_before_it_starts(tmp_path: Path) -> None:
    probe = tmp_path / "en" / "doc.md"
    ok = (__version__, True)
    assert cluster._preflight(_FakeClient({"tcp://a:1": ok, "tcp://b:1": ok}), "tcp://s:1", probe) == 2
    with pytest.raises(InputError, match=r"worker tcp://b:1 runs ogpcheck 0\.0\.1, this is .*install the same version"):
        cluster._preflight(_FakeClient({"tcp://a:1": ok, "tcp://b:1": ("0.0.1", True)}), "tcp://s:1", probe)
    with pytest.raises(InputError, match=r"cannot read .*doc\.md; the documents must be at the same path on every worker"):
        cluster._preflight(_FakeClient({"tcp://a:1": (__version__, False)}), "tcp://s:1", probe)
    with pytest.raises(InputError, match="no worker joined the scheduler at tcp://s:1"):
        cluster._preflight(_FakeClient({}, workers=False), "tcp://s:1", probe)
