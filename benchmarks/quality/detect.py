"""Run ogpcheck in-process on one triple and keep what the measures need.

The triple is written to a temporary folder as ``report.en.md``,
``report.es.md``, ``report.fr.md`` (languages declared by name, so language
identification is not what is measured). The findings become ``Hit``s, the
common shape that the baselines produce too; the blocks and aligned groups
are kept for the baselines and the alignment measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
from ogpcheck.models import Block, Report
from ogpcheck.versions.align import align


@dataclass(frozen=True)
class Hit:
    """One finding of one tool: where (version, line) and who is blamed."""

    tool: str
    rule: str
    severity: str  # error | warning | info
    suspect: tuple[str, ...]
    locations: tuple[tuple[str, int], ...]
    message: str = ""
    texts: tuple[str, ...] = ()  # the text of each location (ogpcheck only), for the reviews
    values: frozenset[str] = frozenset()  # the disputed values of every location

    @property
    def same(self) -> tuple[str, str, tuple[str, ...]]:
        """What stays when lines move: the rule, the message and the suspects."""
        return (self.rule, self.message, self.suspect)


@dataclass
class Run:
    """What one check of one triple gave."""

    hits: list[Hit]
    blocks: dict[str, list[Block]]  # version -> blocks as read
    groups: list[dict[str, Block]]  # the groups the check compared: version -> block
    # The aligner's groups of every version (what the alignment accuracy
    # measures; the check leaves a version out when it is no translation).
    aligned: list[dict[str, Block]] = field(default_factory=list)


def write_triple(texts: dict[str, str], suffix: str, folder: Path) -> list[Path]:
    """Write the versions side by side; returns their paths, English first."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang in sorted(texts, key=lambda lang: (lang != "en", lang)):
        path = folder / f"report.{lang}{suffix}"
        path.write_text(texts[lang], encoding="utf-8")
        paths.append(path)
    return paths


def hits_of(report: Report, tool: str = "ogpcheck") -> list[Hit]:
    return [
        Hit(
            tool,
            finding.rule,
            finding.severity.value,
            tuple(finding.suspect),
            tuple((loc.version, loc.line) for loc in finding.locations),
            finding.message,
            tuple(loc.text for loc in finding.locations),
            frozenset(value for loc in finding.locations for value in loc.values),
        )
        for finding in report.findings
    ]


def run_ogpcheck(paths: list[Path], options: Options) -> Run:
    """Check one triple in this process."""
    report = check(paths, options)
    blocks = {version.id: version.blocks for version in report.versions}
    aligned = [dict(group.members) for group in align(report.versions)]
    return Run(hits_of(report), blocks, [dict(group.members) for group in report.groups], aligned)
