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
    run(*write_document(tmp_path / "v1"), "--write-baseline", baseline)
    shifted = write_document(tmp_path / "v2", above="Intro.\n\nAnother intro line.\n\n\n")
    plain = json.loads(run(*shifted, "--format", "json").out)["findings"]
    assert [f["locations"][0]["line"] for f in plain] == [8]  # the finding moved down five lines
    result = run(*shifted, "--format", "json", "--baseline", baseline)
    assert result.code == 0 and json.loads(result.out)["baselined"] == 1


def test_a_new_finding_still_fails(run, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    run(*write_document(tmp_path / "v1"), "--write-baseline", baseline)
    text = dict(TEXT)
    text["es"] = text["es"].replace("310", "301")
    result = run(*write_document(tmp_path / "v2", text=text), "--format", "json", "--baseline", baseline)
    report = json.loads(result.out)
    assert result.code == 1 and report["baselined"] == 1
    assert [(f["rule"], f["suspect"]) for f in report["findings"]] == [("NUM001", ["es"])]


def test_each_recorded_fingerprint_silences_one_finding(run, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    write_document(tmp_path / "one", "a")
    run(tmp_path / "one", "--write-baseline", baseline, "--jobs", "1")
    write_document(tmp_path / "two", "a")
    write_document(tmp_path / "two", "b")  # the same text, so the same fingerprint, twice
    result = run(tmp_path / "two", "--format", "json", "--baseline", baseline, "--jobs", "1")
    batch = json.loads(result.out)
    assert result.code == 1 and batch["summary"]["baselined"] == 1 and batch["summary"]["error"] == 1


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
