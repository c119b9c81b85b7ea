"""Rule case files (``tests/rules/CODE.yaml``): small documents in, the
findings of one rule expected out. ``test_rule_cases.py`` runs every case.

A case file is read strictly, like a rule file: an unknown or missing key is
an error naming the file and the case, so a misspelt expectation can never
turn a case into one that asserts nothing. The format is described in
``tests/rules/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).resolve().parent / "rules"

CASE_KEYS = {"name", "says", "versions", "document", "files", "paths", "ext", "args", "expect"}
INPUT_KEYS = ("versions", "document", "files")
EXPECT_KEYS = {"severity", "suspect", "line", "message", "version", "path"}
EXPECT_REQUIRED = ("severity", "suspect", "line", "message")


class CaseFileError(ValueError):
    """A case file that does not follow the format."""


@dataclass(frozen=True)
class Expected:
    """One finding a case expects: the first location of a finding is the
    place a report names (the suspect's line where there is one)."""

    severity: str
    suspect: list[str]
    line: int
    message: list[str]  # each must occur in the message
    version: str | None = None  # the version of the first location
    path: str | None = None  # the file of the first location, relative to the case folder

    def problems(self, finding: dict[str, Any], folder: Path) -> list[str]:
        """How ``finding`` (a JSON finding) departs from this expectation."""
        first = finding["locations"][0] if finding["locations"] else {}
        out = []
        if finding["severity"] != self.severity:
            out.append(f"severity {finding['severity']!r}, expected {self.severity!r}")
        if finding["suspect"] != self.suspect:
            out.append(f"suspect {finding['suspect']}, expected {self.suspect}")
        if first.get("line", 0) != self.line:
            out.append(f"line {first.get('line', 0)}, expected {self.line}")
        out += [f"message lacks {part!r}" for part in self.message if part not in finding["message"]]
        if self.version is not None and first.get("version") != self.version:
            out.append(f"first location in {first.get('version')!r}, expected {self.version!r}")
        if self.path is not None:
            relative = Path(first.get("path", "")).resolve().relative_to(folder.resolve()).as_posix()
            if relative != self.path:
                out.append(f"first location in {relative!r}, expected {self.path!r}")
        return out


@dataclass(frozen=True)
class Case:
    """One case: the files to write, what to run and the findings of the
    rule to expect (all of them, in report order; none for a silent case)."""

    rule: str
    name: str
    source: Path
    says: str
    files: dict[str, str]
    paths: list[str]
    args: list[str]
    expect: list[Expected] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"

    def write(self, folder: Path) -> list[Path]:
        """Write the case's files below ``folder``; the paths to check."""
        for relative, text in self.files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return [folder / p for p in self.paths]


def _fail(source: Path, where: str, problem: str) -> CaseFileError:
    return CaseFileError(f"{source.name}: {where}: {problem}")


def _strings(value: Any, source: Path, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise _fail(source, where, "must be a string or a non-empty list of strings")
    return list(value)


def _expected(item: Any, source: Path, where: str) -> Expected:
    if not isinstance(item, dict):
        raise _fail(source, where, "an expected finding is a mapping")
    unknown = sorted(set(item) - EXPECT_KEYS)
    missing = [key for key in EXPECT_REQUIRED if key not in item]
    if unknown or missing:
        raise _fail(source, where, f"unknown keys {unknown}" if unknown else f"lacks {', '.join(missing)}")
    if item["severity"] not in ("error", "warning", "info"):
        raise _fail(source, where, "severity must be error, warning or info")
    suspect = item["suspect"]
    if not isinstance(suspect, list) or not all(isinstance(v, str) for v in suspect):
        raise _fail(source, where, "suspect must be a list of version ids ([] for none)")
    if not isinstance(item["line"], int) or isinstance(item["line"], bool) or item["line"] < 0:
        raise _fail(source, where, "line must be a line number (0 for a finding with no location)")
    return Expected(
        severity=item["severity"],
        suspect=suspect,
        line=item["line"],
        message=_strings(item["message"], source, f"{where}.message"),
        version=item.get("version"),
        path=item.get("path"),
    )


def _case(rule: str, data: Any, source: Path, number: int) -> Case:
    where = f"case {number}"
    if not isinstance(data, dict):
        raise _fail(source, where, "a case is a mapping")
    name = data.get("name")
    if not isinstance(name, str) or not name.replace("_", "").isalnum():
        raise _fail(source, where, "name must be a word_like_this")
    where = f"case '{name}'"
    unknown = sorted(set(data) - CASE_KEYS)
    if unknown:
        raise _fail(source, where, f"unknown keys {unknown} (known: {', '.join(sorted(CASE_KEYS))})")
    if not isinstance(data.get("says"), str):
        raise _fail(source, where, "says: one sentence on what the case shows")
    given = [key for key in INPUT_KEYS if key in data]
    if len(given) != 1:
        raise _fail(source, where, f"give exactly one of {', '.join(INPUT_KEYS)}")
    ext = data.get("ext", "md")
    texts = data[given[0]]
    if given[0] == "document":
        if not isinstance(texts, str):
            raise _fail(source, where, "document is the text of one file")
        files = {f"doc.{ext}": texts}
    else:
        if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
            raise _fail(source, where, f"{given[0]} maps names to texts")
        files = {f"doc.{k}.{ext}" if given[0] == "versions" else str(k): v for k, v in texts.items()}
    paths = data.get("paths", list(files))
    args = data.get("args", [])
    if not isinstance(paths, list) or not isinstance(args, list):
        raise _fail(source, where, "paths and args are lists")
    expect = data.get("expect")
    if not isinstance(expect, list):
        raise _fail(source, where, "expect: a list of findings ([] for a case that must stay silent)")
    return Case(
        rule=rule,
        name=name,
        source=source,
        says=data["says"],
        files=files,
        paths=[str(p) for p in paths],
        args=[str(a) for a in args],
        expect=[_expected(item, source, f"{where}, finding {i + 1}") for i, item in enumerate(expect)],
    )


def load(source: Path) -> list[Case]:
    """The cases of one case file."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != {"rule", "cases"}:
        raise CaseFileError(f"{source.name}: a case file has the keys rule and cases")
    rule = data["rule"]
    if source.stem != rule:
        raise CaseFileError(f"{source.name}: names rule {rule}; the file is named for its rule")
    if not isinstance(data["cases"], list) or not data["cases"]:
        raise CaseFileError(f"{source.name}: cases must be a non-empty list")
    cases = [_case(rule, item, source, i + 1) for i, item in enumerate(data["cases"])]
    names = [case.name for case in cases]
    if len(set(names)) != len(names):
        raise CaseFileError(f"{source.name}: two cases share a name")
    return cases


def all_cases(folder: Path = CASES_DIR) -> list[Case]:
    return [case for path in sorted(folder.glob("*.yaml")) for case in load(path)]
