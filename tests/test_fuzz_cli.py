"""Whatever a repository holds, the CLI ends with exit 0, 1 or 2 and never
a traceback: random bytes, and random documents stitched from real text in
three languages, tables, Markdown and garbage."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ROOT, SEED_000, SEED_003

SEED_LINES = [line for seed in (SEED_000, SEED_003) for line in seed.read_text(encoding="utf-8").split("\n")]
MARKUP = ["", "", "|", "# Title 2020", "- item 12", "| a | b |", "|---|---|", "| 4 | 12 |", "```", "<!-- ogpcheck: ignore NUM001 -->",
          "---", "title: Report 2019", "[ii] note", "1. step", "> quote 45%", "<Component prop={3} />", "import x from 'y'"]
FUZZ_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_outcome(result, path: Path) -> None:
    """Exit 0, 1 or 2; an error is one clean line; a report is well formed."""
    assert result.code in (0, 1, 2), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    if result.code == 2:
        assert result.err.startswith("ogpcheck: error: ") and result.err.count("\n") == 1, result.err
        return
    data = json.loads(result.out)
    total_lines = len(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"))
    assert len(data["versions"]) >= 2
    for finding in data["findings"]:
        for location in finding["locations"]:
            assert 1 <= location["line"] <= total_lines


@FUZZ_SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".mdx", ".text"]))
def test_random_bytes(run, tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    check_outcome(run(path, "--format", "json"), path)


line_choice = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(MARKUP),
    st.text(max_size=80),
    st.text(alphabet="0123456789 .,%$€-–/()[]|#*\u00a0\u202f", max_size=30),
)


@FUZZ_SETTINGS
@given(
    lines=st.lists(line_choice, max_size=250),
    cut=st.integers(0, len(SEED_LINES)),
    keep=st.integers(0, 400),
    suffix=st.sampled_from([".txt", ".md"]),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
)
@pytest.mark.slow
def test_random_documents_from_real_text(run, tmp_path: Path, lines, cut: int, keep: int, suffix: str, ending: str) -> None:
    """A random window of the seeds (so often several languages), with random
    lines of text, numbers and markup spliced in."""
    window = SEED_LINES[cut : cut + keep]
    rng = random.Random(len(lines) * 7919 + cut)
    for line in lines:
        window.insert(rng.randrange(len(window) + 1), line)
    path = tmp_path / f"report{suffix}"
    path.write_bytes(ending.join(window).encode("utf-8", errors="surrogatepass"))
    check_outcome(run(path, "--format", "json"), path)


@FUZZ_SETTINGS
@given(
    paragraphs=st.lists(st.sampled_from([line for line in SEED_LINES if len(line) > 30]), min_size=1, max_size=40),
    langs=st.sampled_from(["en,es,fr", "en,es", "fr,es", "en,fr,de", "es"]),
)
@pytest.mark.slow
def test_random_sibling_files(run, tmp_path: Path, paragraphs: list[str], langs: str) -> None:
    """One file per version (report.md, report.es.md, report.fr.md) holding
    random real paragraphs, with various --langs."""
    for index, name in enumerate(["report.md", "report.es.md", "report.fr.md"]):
        chosen = paragraphs[index:] + paragraphs[:index]
        (tmp_path / name).write_text("\n\n".join(chosen), encoding="utf-8")
    check_outcome(run(tmp_path / "report.md", "--langs", langs, "--format", "json"), tmp_path / "report.md")


@pytest.mark.slow
def test_random_bytes_in_fresh_processes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    rng = random.Random(7)
    for index in range(3):
        path = tmp_path / f"noise{index}.txt"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(2000 * (index + 1))))
        done = subprocess.run(
            [sys.executable, "-m", "ogpcheck", str(path)], env=env, capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode in (0, 1, 2)
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert done.returncode != 2 or done.stderr.startswith("ogpcheck: error: ")


BAD_FILES = {
    "empty.md": b"",
    "noise.txt": bytes((i * 7919 + 13) % 256 for i in range(3000)),
    "slides.md": b"PK\x03\x04" + bytes(200),
    "cyrillic.txt": ("Отчёт о результатах. " * 30).encode("cp1251"),
    "mixed.txt": SEED_000.read_bytes()[:4000] + "\nCafé\n".encode("latin-1"),
}


@pytest.mark.slow
def test_batch_reports_each_bad_file_and_checks_the_rest(run, tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED_000.read_bytes())
    (folder / "good16.txt").write_bytes(SEED_003.read_text(encoding="utf-8").encode("utf-16"))
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    result = run(folder, "--format", "json", "--jobs", "1")
    assert result.code == 2
    assert "Traceback" not in result.err and "internal error" not in result.err
    errors = result.err.strip().split("\n")
    assert len(errors) == len(BAD_FILES)
    for name in BAD_FILES:
        assert sum(line.startswith(f"ogpcheck: error: {folder / name}: ") for line in errors) == 1, name
    data = json.loads(result.out)
    assert sorted(Path(d["inputs"][0]).name for d in data["documents"]) == ["good.txt", "good16.txt"]
    assert sorted(Path(f["document"]).name for f in data["faults"]) == sorted(BAD_FILES)
