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

from .corpus import Triple
from .detect import Hit
from .inject import ENTITY_TYPES, NUMBER_TYPES, PLACES, TYPES, Injection
from .metrics import Outcome, Scores, per_100, score
from .review import CAUSES, Reported, Review, Tally, review_of
from .speed import Speed

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {
    "numbers": 0.95,
    "entity": 0.8,
    "suspect": 0.95,
    "precision": 0.8,
    "false_alarms": 1.0,
    "source_suspect": 0.9,
}
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
    triples: list[Triple]
    paragraphs: dict[str, int]  # slug -> English paragraphs
    seed: int
    per_type: int
    types: list[str]
    counted: tuple[str, ...]
    tolerance: int
    injections: list[Injection]
    sites: dict[str, int]
    scores: dict[str, Scores]
    outcomes: dict[str, list[Outcome]]
    clean_hits: dict[str, list[tuple[str, Hit]]]  # tool -> (slug, hit) at counted severities, untouched corpus
    found: dict[str, list[Reported]]  # mode -> ogpcheck's findings at counted severities, untouched corpus
    reviews: list[Review]
    align_clean: dict[str, tuple[int, int]]
    align_drop: dict[str, tuple[int, int]]
    speed: Speed | None
    pofilter_available: bool
    quality_seconds: float
    show_misses: bool = False
    show_reviews: bool = False

    @property
    def total_paragraphs(self) -> int:
        return sum(self.paragraphs.values())


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
        f"|corpus:{r.corpus.name}#{r.corpus_hash}({len(r.triples)} triples,{r.total_paragraphs} paragraphs)"
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
    tally = slices(r, "majority")["all"]
    for tool in _tools(r):
        s = r.scores[tool]
        numbers = _subset(r.outcomes[tool], NUMBER_TYPES)
        if tool == "ogpcheck":
            clean = f"{tally.per_100:.2f} ({tally.false_alarms} false, {tally.genuine} genuine, {tally.unreviewed} unreviewed)"
        else:
            hits = len(r.clean_hits[tool])
            clean = f"{per_100(hits, r.total_paragraphs):.2f} ({hits}, not reviewed)"
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
                clean,
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
        "untouched corpus: findings /100 ¶",
    ]
    return _table(header, rows)


def places_table(r: Results) -> str:
    """Recall on the number changes by where in the prose they stand."""
    rows = []
    for place in [*PLACES, "all"]:
        found = [o for o in r.outcomes["ogpcheck"] if o.injection.kind in NUMBER_TYPES and (place == "all" or o.injection.place == place)]
        if not found:
            continue
        s = score(found)
        held = score(o for o in found if _split_of(r, o.injection.slug) == "held-out")
        rows.append(
            [place, str(s.n), _ratio(s.recall), _ratio(s.recall_any), _ratio(s.suspect_accuracy), f"{held.n}: {_ratio(held.recall) if held.n else 'n/a'}"]
        )
    return _table(["place", "n", "recall", "recall (info too)", "suspect accuracy", "held-out: n, recall"], rows)


def _split_of(r: Results, slug: str) -> str:
    return next((t.split for t in r.triples if t.slug == slug), "tuning")


SLICES = (
    ("tuning", "synced"),
    ("tuning", "drifted"),
    ("tuning", "all"),
    ("held-out", "synced"),
    ("held-out", "drifted"),
    ("held-out", "all"),
    ("all", "synced"),
    ("all", "drifted"),
    ("all", "all"),
)


def slices(r: Results, mode: str) -> dict[str, Tally]:
    """The reviewed findings of one mode, by source, by split and sync class."""
    triples = {t.slug: t for t in r.triples}
    keys: dict[str, list[str]] = {}
    for t in r.triples:
        names = [f"source {t.source} ({t.split})"]
        names += [name for split, sync in SLICES if (name := _slice_name(split, sync)) and split in (t.split, "all") and sync in (t.sync, "all")]
        keys[t.slug] = names
    tallies: dict[str, Tally] = {}
    for t in r.triples:
        for name in keys[t.slug]:
            tally = tallies.setdefault(name, Tally())
            tally.triples += 1
            tally.paragraphs += r.paragraphs[t.slug]
    for found in r.found[mode]:
        k = review_of(found, r.reviews)
        for name in keys[triples[found.slug].slug]:
            tallies[name].add(r.reviews[k] if k is not None else None, found)
    return tallies


def _slice_name(split: str, sync: str) -> str:
    if split == "all" and sync == "all":
        return "all"
    if split == "all":
        return f"all, {sync}"
    return f"{split}, {sync}" if sync != "all" else f"{split}, all"


def reviewed_table(r: Results, mode: str) -> str:
    tallies = slices(r, mode)
    rows = []
    order = sorted(name for name in tallies if name.startswith("source ")) + [
        _slice_name(split, sync) for split, sync in SLICES
    ]
    for name in order:
        t = tallies.get(name)
        if t is None:
            continue
        rows.append(
            [
                name,
                str(t.triples),
                str(t.paragraphs),
                str(t.findings),
                str(t.genuine),
                str(t.false_alarms),
                str(t.unreviewed),
                _ratio(t.precision),
                f"{t.per_100:.2f}",
                f"{_ratio(t.suspect_accuracy)} ({t.suspect_right}/{t.genuine})",
            ]
        )
    header = [
        "slice",
        "triples",
        "¶",
        "findings",
        "genuine",
        "false alarms",
        "unreviewed",
        "precision",
        "false alarms /100 ¶",
        "suspect right (genuine)",
    ]
    return _table(header, rows)


def causes_table(r: Results) -> str:
    """False alarms by cause, tuning and held-out, in each mode."""
    rows = []
    by_mode = {mode: slices(r, mode) for mode in r.found}
    for cause in CAUSES:
        row = [cause]
        for tallies in by_mode.values():
            for split in ("tuning, all", "held-out, all"):
                row.append(str(tallies[split].causes.get(cause, 0)) if split in tallies else "0")
        if any(cell != "0" for cell in row[1:]):
            rows.append(row)
    header = ["cause"] + [f"{mode}: {split}" for mode in by_mode for split in ("tuning", "held-out")]
    return _table(header, rows) if rows else "No false alarm.\n"


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
    majority, source = slices(r, "majority"), slices(r, "source en")
    rows = [
        [
            "precision of error and warning findings on the untouched corpus >= 0.8",
            f"{_ratio(majority['all'].precision)} (--source en: {_ratio(source['all'].precision)})",
            _met((majority["all"].precision or 0) >= TARGETS["precision"], majority["all"].genuine + majority["all"].false_alarms),
        ]
    ]
    for sync in ("synced", "drifted"):
        t = majority.get(f"all, {sync}", Tally())
        rows.append(
            [
                f"false alarms <= 1 per 100 paragraphs, {sync} triples",
                f"{t.per_100:.2f} (--source en: {source.get(f'all, {sync}', Tally()).per_100:.2f})",
                _met(t.per_100 <= TARGETS["false_alarms"], t.paragraphs),
            ]
        )
    accuracy = source["all"].suspect_accuracy
    rows += [
        [
            "with --source en, the suspect is the version to fix in >= 0.9 of genuine findings",
            f"{_ratio(accuracy)} (without: {_ratio(majority['all'].suspect_accuracy)})",
            _met((accuracy or 0) >= TARGETS["source_suspect"], source["all"].genuine),
        ],
        [
            "recall on number changes injected in prose >= 0.95",
            _ratio(numbers.recall),
            _met(numbers.recall >= TARGETS["numbers"], numbers.n),
        ],
        ["entity-error recall >= 0.8", _ratio(names.recall), _met(names.recall >= TARGETS["entity"], names.n)],
        [
            "suspect accuracy on injected errors >= 0.95",
            _ratio(ours.suspect_accuracy),
            _met(ours.suspect_accuracy >= TARGETS["suspect"], ours.detected),
        ],
        [
            "every finding on the untouched corpus reviewed",
            f"{majority['all'].unreviewed + source['all'].unreviewed} unreviewed",
            _met(majority["all"].unreviewed + source["all"].unreviewed == 0, 1),
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


def _found_line(found: Reported) -> str:
    hit = found.hit
    where = ", ".join(f"{v}:{line}" for v, line in hit.locations)
    blamed = ", ".join(hit.suspect) or "nobody"
    return f"- `{found.slug}` {hit.rule} {hit.severity} at {where} (suspect {blamed}): {hit.message}"


def unreviewed_section(r: Results) -> str:
    """Findings no review matches, in each mode: to be read and recorded."""
    out = []
    for mode, found in r.found.items():
        missing = [f for f in found if review_of(f, r.reviews) is None]
        out.append(f"Not yet reviewed ({mode}): {len(missing)}\n")
        out += [_found_line(f) for f in missing]
        out.append("")
    used = {k for found in r.found.values() for f in found if (k := review_of(f, r.reviews)) is not None}
    stale = [review for k, review in enumerate(r.reviews) if k not in used]
    out.append(f"Reviews that matched no finding (the finding is gone): {len(stale)}\n")
    out += [f"- `{v.slug}` {'/'.join(v.rules)} «{v.excerpt}»: {v.verdict}" for v in stale]
    return "\n".join(out) + "\n"


def reviews_section(r: Results) -> str:
    """Every finding of the untouched corpus with its review."""
    out = []
    for mode, found in r.found.items():
        out.append(f"Findings of the untouched corpus ({mode}):\n")
        for f in found:
            k = review_of(f, r.reviews)
            if k is None:
                verdict = "NOT REVIEWED"
            else:
                v = r.reviews[k]
                verdict = f"genuine ({', '.join(v.wrong)} to fix): {v.what}" if v.genuine else f"false alarm ({v.cause}): {v.note}"
            out.append(_found_line(f) + f" — {verdict}")
        out.append("")
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
        "### Number changes by where they stand in the prose\n",
        places_table(r),
        "### Summary\n",
        summary_table(r),
        "### Targets\n",
        targets_table(r),
        "### Untouched corpus, reviewed: without a source (majority vote)\n",
        reviewed_table(r, "majority"),
        "### Untouched corpus, reviewed: with `--source en`\n",
        reviewed_table(r, "source en"),
        "### False alarms by cause\n",
        causes_table(r),
        "### Alignment accuracy (gold pairs grouped together)\n",
        alignment_table(r),
    ]
    if not r.pofilter_available:
        parts.append("Baseline pofilter skipped: translate-toolkit is not installed (`pip install -e '.[bench]'`).\n")
    if r.speed is not None:
        parts += ["### Speed\n", speed_table(r.speed)]
    parts += ["### Reviews\n", unreviewed_section(r)]
    if r.show_reviews:
        parts += ["### Every reviewed finding\n", reviews_section(r)]
    if r.show_misses:
        parts += ["### Misses\n", misses_section(r)]
    parts.append(f"Quality measures took {r.quality_seconds:.0f} s.\n")
    return "\n".join(parts)
