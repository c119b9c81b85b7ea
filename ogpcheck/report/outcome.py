"""What a batch run hands to the report formats: one report per document, in
a fixed order, plus the documents that could not be checked."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..models import Finding, Report


@dataclass
class Fault:
    """A document that could not be checked, and why (one line)."""

    document: str  # the document's first file
    paths: list[str]
    message: str


@dataclass
class Batch:
    """The reports of a batch run, ordered by document path."""

    roots: list[str]
    reports: list[Report]
    faults: list[Fault] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files in one language that fit no layout
    root: str = ""  # the repository the paths are relative to in fingerprints and SARIF

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.reports for finding in report.findings]

    @property
    def baselined(self) -> int:
        return sum(report.baselined for report in self.reports)

    @property
    def notices(self) -> list[str]:
        """The notices of every report, each once, in order (a missing
        language model is said once for the run, not once per document)."""
        return list(dict.fromkeys(notice for report in self.reports for notice in report.notices))

    def counts(self) -> Counter[str]:
        return Counter(finding.severity.value for finding in self.findings)


def single(report: Report) -> Batch:
    """A one-document run seen as a batch, for formats that render both alike."""
    return Batch(list(report.inputs), [report], root=report.root)
