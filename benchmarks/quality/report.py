"""Print the results as Markdown tables under a signature line.

The signature names everything the figures depend on (tool version and
commit, Python, corpus and its hash, seed, counts, options), in the manner
of sacrebleu, so a table in BENCHMARKS.md says how to get it again.
"""

from __future__ import annotations

import platform
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ogpcheck import __version__

from .detect import Hit
from .inject import ENTITY_TYPES, NUMBER_TYPES, TYPES, Injection
from .metrics import Outcome, Scores, per_100, score
from .review import Genuine
from .speed import Speed

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"numbers": 0.95, "entity": 0.8, "suspect": 0.95, "false_alarms": 1.0}
DESCRIPTIONS = {
    "digit": "one digit changed",
    "off_by_one": "off by one",
    "magnitude": "order of magnitude",
    "separator": "separator swap changing the value",
    "drop_number": "number dropped",
    "neighbour": "number copied from a neighbouring paragraph",
    "placeholder": "number replaced by an MT placeholder",
    "entity": "name swapped for another of the same type",
    "drop_item": "list item or table row dropped",
}


@dataclass
class Results:
    """Everything one run measured."""

    corpus: Path
    corpus_hash: str
    triples: int
    paragraphs: int
    seed: int
    per_type: int
    types: list[str]
    counted: tuple[str, ...]
    tolerance: int
    injections: list[Injection]
    sites: dict[str, int]
    scores: dict[str, Scores]
    outcomes: dict[str, list[Outcome]]
    clean_false_alarms: dict[str, list[tuple[str, Hit]]]
    clean_info: dict[str, list[tuple[str, Hit]]]
    genuine: list[Genuine]
    genuine_found: dict[str, list[int]]
    align_clean: dict[str, tuple[int, int]]
    align_drop: dict[str, tuple[int, int]]
    speed: Speed | None
    pofilter_available: bool
    quality_seconds: float
    show_misses: bool = False


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def signature(r: Results) -> str:
    return (
        f"ogpcheck:{__version__}|commit:{_commit()}|python:{platform.python_version()}"
        f"|corpus:{r.corpus.name}#{r.corpus_hash}({r.triples} triples,{r.paragraphs} aligned paragraphs)"
        f"|seed:{r.seed}|per_type:{r.per_type}|injections:{len(r.injections)}"
        f"|counted:{'+'.join(r.counted)}|tolerance:{r.tolerance}"
    )


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _subset(outcomes: Sequence[Outcome], kinds: Sequence[str]) -> Scores:
    return score(o for o in outcomes if o.injection.kind in kinds)


def _tools(r: Results) -> list[str]:
    return list(r.scores)


def recall_table(r: Results) -> str:
    tools = _tools(r)
    rows = []
    for kind in [t for t in TYPES if t in r.types]:
        n = r.scores["ogpcheck"].by_type.get(kind, (0, 0, 0))[0]
        row = [f"{kind} ({DESCRIPTIONS[kind]})", str(n), str(r.sites.get(kind, 0))]
        for tool in tools:
            row.append(_ratio(r.scores[tool].type_recall(kind)) if n else "n/a")
            if tool == "ogpcheck":
                _, _, with_info = r.scores[tool].by_type.get(kind, (0, 0, 0))
                row.append(_ratio(with_info / n) if n else "n/a")
        rows.append(row)
    header = ["error type", "n", "sites", "ogpcheck", "ogpcheck (info too)", *tools[1:]]
    return _table(header, rows)


def summary_table(r: Results) -> str:
    rows = []
    for tool in _tools(r):
        s = r.scores[tool]
        numbers = _subset(r.outcomes[tool], NUMBER_TYPES)
        alarms = len(r.clean_false_alarms[tool])
        rows.append(
            [
                tool,
                _ratio(s.recall),
                _ratio(numbers.recall),
                _ratio(_subset(r.outcomes[tool], ENTITY_TYPES).recall),
                _ratio(s.precision),
                _ratio(s.f1),
                _ratio(numbers.f1),
                _ratio(s.suspect_accuracy),
                f"{per_100(alarms, r.paragraphs):.2f} ({alarms})",
                f"{len(r.genuine_found[tool])}/{len(r.genuine)}",
            ]
        )
    header = [
        "tool",
        "recall",
        "recall, numbers",
        "recall, names",
        "precision",
        "F1",
        "F1, numbers",
        "suspect accuracy",
        "false alarms /100 clean ¶",
        "genuine errors found",
    ]
    return _table(header, rows)


def alignment_table(r: Results) -> str:
    def cell(pair: tuple[int, int]) -> str:
        right, total = pair
        return f"{right / total:.3f} ({right}/{total})" if total else "n/a"

    rows = [
        ["ogpcheck aligner", cell(r.align_clean["ogpcheck"]), cell(r.align_drop["ogpcheck"])],
        ["pairing by position (baselines)", cell(r.align_clean["position"]), cell(r.align_drop["position"])],
    ]
    return _table(["pairing", "untouched corpus", "triples with a dropped item"], rows)


def speed_table(s: Speed) -> str:
    def rate(result: dict[str, float]) -> str:
        if "seconds" not in result:
            return "n/a"
        return f"{s.words / result['seconds']:,.0f} words/s ({result['seconds']:.2f} s)"

    def memory(result: dict[str, float]) -> str:
        return f"{result['maxrss_mib']:.0f} MiB" if "maxrss_mib" in result else "n/a"

    rows = [
        ["check, numbers only (`--select NUM,PH`), warm", rate(s.numbers)],
        ["check, every rule, warm", rate(s.full)],
        ["spaCy en+es+fr pipelines alone (`nlp.pipe`), reference", rate(s.spacy)],
    ]
    if "seconds" in s.full and "seconds" in s.spacy:
        rows.append(["ratio: check every rule / spaCy alone (time)", f"{s.full['seconds'] / s.spacy['seconds']:.2f}"])
    rows += [
        ["spaCy: loading the three pipelines", f"{s.spacy['load']:.2f} s" if "load" in s.spacy else "n/a"],
        ["cold start: `ogpcheck --version`", f"{s.cold_version:.2f} s"],
        [f"cold start: check of the largest triple ({s.cold_words:,} words)", f"{s.cold_check:.2f} s"],
        ["peak memory: check of the corpus, every rule", memory(s.full)],
        ["peak memory: spaCy pipelines", memory(s.spacy)],
    ]
    return f"Corpus: {s.words:,} words (en+es+fr).\n\n" + _table(["measure", "value"], rows)


def targets_table(r: Results) -> str:
    ours = r.scores["ogpcheck"]
    numbers = _subset(r.outcomes["ogpcheck"], NUMBER_TYPES)
    names = _subset(r.outcomes["ogpcheck"], ENTITY_TYPES)
    alarms = per_100(len(r.clean_false_alarms["ogpcheck"]), r.paragraphs)
    rows = [
        ["number-error recall >= 0.95", _ratio(numbers.recall), _met(numbers.recall >= TARGETS["numbers"], numbers.n)],
        ["entity-error recall >= 0.8", _ratio(names.recall), _met(names.recall >= TARGETS["entity"], names.n)],
        [
            "suspect accuracy >= 0.95",
            _ratio(ours.suspect_accuracy),
            _met(ours.suspect_accuracy >= TARGETS["suspect"], ours.detected),
        ],
        [
            "false alarms <= 1 per 100 clean paragraphs",
            f"{alarms:.2f}",
            _met(alarms <= TARGETS["false_alarms"], r.paragraphs),
        ],
    ]
    for tool in ("naive", "pofilter"):
        if tool in r.scores:
            theirs = r.scores[tool]
            rows.append(
                [f"F1 better than {tool}", f"{ours.f1:.2f} vs {theirs.f1:.2f}", _met(ours.f1 > theirs.f1, ours.n)]
            )
    return _table(["target", "value", "met"], rows)


def _met(ok: bool, n: int) -> str:
    return "n/a" if not n else ("yes" if ok else "**no**")


def _hit_line(slug: str, hit: Hit) -> str:
    where = ", ".join(f"{v}:{line}" for v, line in hit.locations)
    return f"- `{slug}` {hit.rule} {hit.severity} at {where}: {hit.message}"


def clean_section(r: Results) -> str:
    out = ["Findings of ogpcheck on the untouched corpus, counted severities (false alarms):\n"]
    out += [_hit_line(s, h) for s, h in r.clean_false_alarms["ogpcheck"]] or ["- none"]
    out += ["", "At info severity (not counted):", ""]
    out += [_hit_line(s, h) for s, h in r.clean_info["ogpcheck"]] or ["- none"]
    out += ["", "Genuine errors of the corpus (`benchmarks/quality/reviewed.yaml`) and the tools that found them:", ""]
    for k, g in enumerate(r.genuine):
        found = [tool for tool, ks in r.genuine_found.items() if k in ks] or ["none"]
        out.append(f"- `{g.slug}` {g.version}:{g.line}: {g.what} Found by: {', '.join(found)}.")
    return "\n".join(out) + "\n"


def misses_section(r: Results) -> str:
    out = ["Injections ogpcheck missed (at counted severities), with what it said near them:\n"]
    for o in r.outcomes["ogpcheck"]:
        if o.detected:
            continue
        i = o.injection
        said = "; ".join(f"{h.rule} {h.severity}: {h.message}" for h in o.matched_any) or "nothing"
        out.append(
            f"- #{i.id} {i.kind} `{i.slug}` {i.version}:{i.line} {i.original.strip()!r} -> {i.replacement!r}: {said}"
        )
    wrong = [o for o in r.outcomes["ogpcheck"] if o.detected and not o.suspect_right]
    out += ["", "Detected with the wrong suspect:", ""]
    for o in wrong:
        i = o.injection
        blamed = sorted(o.matched, key=lambda h: h.severity != "error")[0].suspect
        out.append(f"- #{i.id} {i.kind} `{i.slug}` {i.version}:{i.line}: blamed {list(blamed) or 'nobody'}")
    return "\n".join(out) + "\n"


def render(r: Results) -> str:
    parts = [
        signature(r) + "\n",
        "### Recall per error type\n",
        recall_table(r),
        "### Summary\n",
        summary_table(r),
        "### Targets\n",
        targets_table(r),
        "### Alignment accuracy (gold pairs grouped together)\n",
        alignment_table(r),
    ]
    if not r.pofilter_available:
        parts.append("Baseline pofilter skipped: translate-toolkit is not installed (`pip install -e '.[bench]'`).\n")
    if r.speed is not None:
        parts += ["### Speed\n", speed_table(r.speed)]
    parts += ["### Untouched corpus\n", clean_section(r)]
    if r.show_misses:
        parts += ["### Misses\n", misses_section(r)]
    parts.append(f"Quality measures took {r.quality_seconds:.0f} s.\n")
    return "\n".join(parts)
