"""Baselines: record the findings of today, fail only on new ones; the
fingerprint survives text added above a finding."""

from __future__ import annotations

import json
from pathlib import Path

from .trilingual import TEXT, write_document


def test_round_trip_silences_known_findings(run, tmp_path: Path) -> None:
    paths = write_document(tmp_path / "doc")
    baseline = tmp_path / "baseline.json"
    first = run(*paths, "--format", "json", "--write-baseline", baseline)
    assert first.code == 0 and "recorded 1 finding(s)" in first.err
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert [(e["rule"], e["line"]) for e in recorded["findings"]] == [("NUM001", 3)]
    assert recorded["findings"][0]["fingerprint"] == json.loads(first.out)["findings"][0]["fingerprint"]
    again = run(*paths, "--format", "json", "--baseline", baseline)
    assert again.code == 0
    report = json.loads(again.out)
    assert report["findings"] == [] and report["baselined"] == 1
    assert "1 silenced by the baseline" in run(*paths, "--baseline", baseline).out


def test_fingerprint_survives_lines_inserted_above(run, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    run(*write_document(tmp_path / "doc"), "--write-baseline", baseline)
    shifted = write_document(tmp_path / "doc", above="Intro.\n\nAnother intro line.\n\n\n")
    plain = json.loads(run(*shifted, "--format", "json").out)["findings"]
    assert [f["locations"][0]["line"] for f in plain] == [8]  # the finding moved down five lines
    result = run(*shifted, "--format", "json", "--baseline", baseline)
    assert result.code == 0 and json.loads(result.out)["baselined"] == 1


def test_a_new_finding_still_fails(run, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    run(*write_document(tmp_path / "doc"), "--write-baseline", baseline)
    text = dict(TEXT)
    text["es"] = text["es"].replace("310", "301")
    result = run(*write_document(tmp_path / "doc", text=text), "--format", "json", "--baseline", baseline)
    report = json.loads(result.out)
    assert result.code == 1 and report["baselined"] == 1
    assert [(f["rule"], f["suspect"]) for f in report["findings"]] == [("NUM001", ["es"])]


def test_a_baseline_entry_silences_its_own_document_only(run, tmp_path: Path) -> None:
    """The same finding in two documents (the same text) has two
    fingerprints: recording one document's does not silence the other's."""
    baseline = tmp_path / "baseline.json"
    (tmp_path / "docs" / ".git").mkdir(parents=True)
    write_document(tmp_path / "docs", "a")
    run(tmp_path / "docs", "--write-baseline", baseline, "--jobs", "1")
    write_document(tmp_path / "docs", "b")  # the same text and the same error
    result = run(tmp_path / "docs", "--format", "json", "--baseline", baseline, "--jobs", "1")
    batch = json.loads(result.out)
    assert result.code == 1 and batch["summary"]["baselined"] == 1 and batch["summary"]["error"] == 1
    (left,) = [d for d in batch["documents"] if d["findings"]]
    assert left["inputs"][0].endswith("b.md")
    (sarif,) = json.loads(run(tmp_path / "docs", "--format", "sarif", "--jobs", "1").out)["runs"]
    prints = [r["partialFingerprints"]["ogpcheckFingerprint/v1"] for r in sarif["results"]]
    assert len(prints) == 2 and len(set(prints)) == 2


def test_fingerprints_do_not_depend_on_the_working_folder(run, tmp_path: Path, monkeypatch) -> None:
    """Paths enter a fingerprint relative to the repository (the folder
    holding .git), so a baseline written from one folder works from another."""
    (tmp_path / ".git").mkdir()
    paths = write_document(tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    from_root = run(*[p.relative_to(tmp_path) for p in paths], "--format", "json").json()
    monkeypatch.chdir(tmp_path / "docs")
    from_docs = run(*[p.name for p in paths], "--format", "json").json()
    assert from_root["findings"][0]["fingerprint"] == from_docs["findings"][0]["fingerprint"]
    baseline = tmp_path / "baseline.json"
    run(*[p.name for p in paths], "--write-baseline", baseline)
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["path"] == "docs/report.fr.md"
    monkeypatch.chdir(tmp_path)
    assert run(*[p.relative_to(tmp_path) for p in paths], "--baseline", baseline).code == 0


def test_a_baseline_of_the_first_version_asks_to_be_written_again(run, tmp_path: Path) -> None:
    baseline = tmp_path / "old.json"
    baseline.write_text('{"format": "ogpcheck-baseline", "version": 1, "findings": []}', encoding="utf-8")
    result = run(*write_document(tmp_path / "doc"), "--baseline", baseline)
    assert result.code == 2 and "write it again with --write-baseline" in result.err


def test_baseline_from_the_configuration_and_bad_baselines(run, tmp_path: Path) -> None:
    paths = write_document(tmp_path)
    (tmp_path / "ogpcheck.toml").write_text('baseline = "ci/known.json"\n', encoding="utf-8")
    missing = run(*paths)
    assert missing.code == 2 and "known.json: no such baseline file" in missing.err
    (tmp_path / "ci").mkdir()
    assert run(*paths, "--write-baseline", tmp_path / "ci" / "known.json").code == 0
    assert run(*paths).code == 0
    (tmp_path / "ci" / "known.json").write_text("{not json", encoding="utf-8")
    broken = run(*paths)
    assert broken.code == 2 and "not valid JSON" in broken.err and broken.err.count("\n") == 1
