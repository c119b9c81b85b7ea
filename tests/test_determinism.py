"""The same input gives byte-identical reports: run after run, and in fresh
processes whose string hashing (set and dict order of strings) differs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import HANDMADE, ROOT, SEED_000, SEED_003

DOCUMENTS = [SEED_000, SEED_003, HANDMADE / "table_wrong_cell" / "report.md"]


def in_subprocess(args: list[str], hash_seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "NO_COLOR": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    done = subprocess.run(
        [sys.executable, "-m", "ogpcheck", *args], cwd=ROOT, env=env, capture_output=True, timeout=300, check=False
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    assert done.stderr == b""
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.parent.name if p.name == "report.md" else p.name[:3])
def test_same_json_run_after_run(run, document) -> None:
    first = run(document.relative_to(ROOT), "--format", "json").out
    second = run(document.relative_to(ROOT), "--format", "json").out
    assert first == second
    assert '"findings"' in first


@pytest.mark.slow
@pytest.mark.parametrize("output_format", ["json", "text"])
def test_same_report_across_processes_and_hash_seeds(run, output_format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for document in (SEED_000, SEED_003):
        args = [str(document.relative_to(ROOT)), "--format", output_format, "--no-color"]
        outputs = {seed: in_subprocess(args, seed) for seed in ("0", "4242")}
        assert len(set(outputs.values())) == 1, f"{document.name}: reports differ between hash seeds"
        assert run(*args).out.encode("utf-8") == outputs["0"]  # and the same as in this process
