"""Batch runs: grouping files into documents by layout, missing translations,
faults kept to their document, and the same output with any --jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogpcheck.app.batch import plan, show_progress
from ogpcheck.app.files import compile_layouts, group, with_siblings
from ogpcheck.errors import InputError

from .trilingual import write_document

LANGS = ["en", "es", "fr"]
DEFAULT = ["folder", "suffix", "name"]


def _names(documents) -> list[tuple[list[str], list[str]]]:
    return [([f"{lang}:{path.as_posix()}" for lang, path in d.files], d.missing) for d in documents]


def test_builtin_layouts_group_versions() -> None:
    paths = [
        Path(p)
        for p in (
            "site/en/guide/a.md",
            "site/fr/guide/a.md",
            "site/es/guide/a.md",
            "notes/b.md",
            "notes/b.es.md",
            "notes/b.fr.md",
            "corpus/c/en.mdx",
            "corpus/c/es.mdx",
        )
    ]
    documents = group(paths, compile_layouts(DEFAULT, LANGS), LANGS)
    assert _names(documents) == [
        (["en:corpus/c/en.mdx", "es:corpus/c/es.mdx"], ["fr"]),
        (["en:notes/b.md", "es:notes/b.es.md", "fr:notes/b.fr.md"], []),
        (["en:site/en/guide/a.md", "es:site/es/guide/a.md", "fr:site/fr/guide/a.md"], []),
    ]
    assert documents[0].expected == {"fr": Path("corpus/c/fr.mdx")}


def test_first_language_folder_wins_and_expected_paths_follow_the_layout() -> None:
    (document,) = group([Path("docs/en/es/x.md")], compile_layouts(DEFAULT, LANGS), LANGS)
    assert document.files == [("en", Path("docs/en/es/x.md"))]
    assert document.expected == {"es": Path("docs/es/es/x.md"), "fr": Path("docs/fr/es/x.md")}


def test_a_file_named_by_convention_only_counts_where_the_layout_is_used() -> None:
    templates = compile_layouts(DEFAULT, LANGS)
    folder_tree = group([Path("docs/README.md"), Path("docs/en/a.md"), Path("docs/es/a.md")], templates, LANGS)
    readme = next(d for d in folder_tree if d.files[0][1].name == "README.md")
    assert not readme.in_layout and readme.missing == []
    suffix_tree = group([Path("docs/new.md"), Path("docs/a.md"), Path("docs/a.fr.md")], templates, LANGS)
    new = next(d for d in suffix_tree if d.files[0][1].name == "new.md")
    assert new.in_layout and not new.declared and new.missing == ["es", "fr"]
    assert new.expected == {"es": Path("docs/new.es.md"), "fr": Path("docs/new.fr.md")}


def test_configured_layout_table() -> None:
    layout = {"source": "docs/{doc}.{ext}", "*": "i18n/{lang}/current/{doc}.{ext}"}
    templates = compile_layouts([layout], LANGS)
    paths = [Path("docs/setup/install.md"), Path("i18n/fr/current/setup/install.md")]
    (document,) = group(paths, templates, LANGS)
    assert document.files == [("en", paths[0]), ("fr", paths[1])]
    assert document.expected == {"es": Path("i18n/es/current/setup/install.md")}
    with pytest.raises(InputError, match="unknown field"):
        compile_layouts(["{lang}/{name}.md"], LANGS)
    with pytest.raises(InputError, match="not a built-in layout"):
        compile_layouts(["folders"], LANGS)


def test_files_bring_their_siblings(tmp_path: Path) -> None:
    paths = write_document(tmp_path, "a", layout="folder")
    templates = compile_layouts(DEFAULT, LANGS)
    assert with_siblings([paths[1]], templates, LANGS) == [paths[1], paths[0], paths[2]]
    (document,) = plan([paths[2]], LANGS, DEFAULT)
    assert [p for _, p in document.files] == paths


def test_walk_skips_hidden_and_excluded(tmp_path: Path) -> None:
    write_document(tmp_path, "a")
    write_document(tmp_path / ".git", "b")
    write_document(tmp_path / "drafts", "c")
    documents = plan([tmp_path], LANGS, DEFAULT, exclude=["drafts/*"])
    assert [d.files[0][1].name for d in documents] == ["a.md"]


def test_batch_run_reports_missing_translations_and_faults(run, tmp_path: Path) -> None:
    write_document(tmp_path, "a", layout="folder")
    write_document(tmp_path, "b", layout="folder", langs=("en", "es"))
    write_document(tmp_path, "c", layout="folder", langs=("en",))
    write_document(tmp_path, "d", layout="folder")
    (tmp_path / "fr" / "d.md").write_bytes(b"")  # unreadable document: a fault
    result = run(tmp_path, "--format", "json", "--jobs", "1")
    assert result.code == 2
    assert result.err.strip() == f"ogpcheck: error: {tmp_path / 'fr' / 'd.md'}: the file is empty"
    batch = json.loads(result.out)
    documents = {Path(d["inputs"][0]).name: d for d in batch["documents"]}
    assert sorted(documents) == ["a.md", "b.md", "c.md"]
    assert [f["rule"] for f in documents["a.md"]["findings"]] == ["NUM001"]
    missing_b = [f["message"] for f in documents["b.md"]["findings"] if f["rule"] == "ALN004"]
    assert missing_b == [f"no fr version of this document (expected {(tmp_path / 'fr' / 'b.md').as_posix()})"]
    assert [f["rule"] for f in documents["c.md"]["findings"]] == ["ALN004", "ALN004"]
    assert batch["faults"][0]["document"].endswith("en/d.md")
    assert batch["summary"] == {
        "documents": 4,
        "checked": 3,
        "faults": 1,
        "skipped": 0,
        "error": 1,
        "warning": 3,
        "info": 0,
    }
    ignored = json.loads(run(tmp_path, "--format", "json", "--jobs", "1", "--ignore", "ALN004").out)
    assert ignored["summary"]["warning"] == 0 and ignored["summary"]["error"] == 1


def test_lone_file_holding_all_versions_is_checked_and_one_language_is_skipped(run, tmp_path: Path) -> None:
    from .trilingual import TEXT

    (tmp_path / "all.md").write_text("\n".join(TEXT[lang] for lang in LANGS), encoding="utf-8")
    (tmp_path / "notes.md").write_text("Just English notes, written for the team, about the next meeting.\n" * 3)
    result = run(tmp_path, "--format", "json", "--jobs", "1")
    batch = json.loads(result.out)
    assert [Path(d["inputs"][0]).name for d in batch["documents"]] == ["all.md"]
    assert [v["id"] for v in batch["documents"][0]["versions"]] == LANGS
    assert [f["rule"] for f in batch["documents"][0]["findings"]] == ["NUM001"]
    assert [Path(p).name for p in batch["skipped"]] == ["notes.md"]


@pytest.mark.slow
def test_parallel_and_serial_runs_give_identical_output(run, tmp_path: Path) -> None:
    for number in range(6):
        write_document(tmp_path, f"doc{number}", layout=("folder", "suffix", "name")[number % 3])
    write_document(tmp_path, "partial", langs=("en", "fr"))
    serial = run(tmp_path, "--format", "json", "--jobs", "1")
    parallel = run(tmp_path, "--format", "json", "--jobs", "2")
    assert serial.code == parallel.code == 1
    assert serial.out == parallel.out
    assert len(json.loads(serial.out)["documents"]) == 7
    assert (
        run(tmp_path, "--format", "sarif", "--jobs", "2").out == run(tmp_path, "--format", "sarif", "--jobs", "1").out
    )


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", Terminal())
    monkeypatch.delenv("CI", raising=False)
    assert show_progress()
    monkeypatch.setenv("CI", "true")
    assert not show_progress()


def test_no_document_found_is_an_input_error(run, tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = run(tmp_path)
    assert result.code == 2 and "no document found" in result.err


@pytest.mark.slow
def test_batch_flag_checks_the_documents_of_changed_files(run, tmp_path: Path) -> None:
    changed = write_document(tmp_path, "a", layout="folder")[1]  # es/a.md, as a pre-commit hook passes it
    write_document(tmp_path, "b", layout="folder")
    (tmp_path / "README.md").write_text("How to contribute to these documents, in English only.\n", encoding="utf-8")
    batch = json.loads(run("--batch", changed, tmp_path / "README.md", "--format", "json").out)
    (document,) = batch["documents"]
    assert [Path(v["path"]).parent.name for v in document["versions"]] == LANGS
    assert [f["rule"] for f in document["findings"]] == ["NUM001"]
    assert batch["skipped"] == [str(tmp_path / "README.md")]


def test_jobs_are_capped_to_useful_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpcheck.app import batch

    monkeypatch.setattr(batch, "default_jobs", lambda: 4)
    assert batch.useful_jobs(10_000, 12) == 4  # never more than the cores
    assert batch.useful_jobs(10_000, 2) == 2  # nor than the documents
    assert batch.useful_jobs(3, 12) == 3 and batch.useful_jobs(None, 12) == 4 and batch.useful_jobs(8, 0) == 1


def test_a_worker_settles_the_collector_after_warming_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker of a batch run, once warmed up, freezes what it loaded out of
    the collector's walks and collects young objects every ``YOUNG``
    allocations, as the command line does (``app/collector.py``)."""
    import gc

    from ogpcheck.app import batch
    from ogpcheck.app.collector import YOUNG
    from ogpcheck.app.options import Options

    warmed: list[Options] = []
    monkeypatch.setattr(batch, "warm_up", warmed.append)
    monkeypatch.setattr(batch, "_WORKER_OPTIONS", None)  # restored after the test
    before = gc.get_threshold()
    gc.unfreeze()
    try:
        batch._init_worker(Options(langs=["en", "fr"]))
        young, frozen = gc.get_threshold()[0], gc.get_freeze_count()
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    assert len(warmed) == 1 and young == YOUNG and frozen > 0
