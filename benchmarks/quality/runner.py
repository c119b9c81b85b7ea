"""Run the whole measure and print its tables (Markdown, ready for BENCHMARKS.md).

    python -m benchmarks.quality [--corpus PATH] [--seed N] [--per-type N]

Steps: load and parse the corpus; check every untouched triple, without a
source and with ``--source en`` (each finding at a counted severity is
looked up in the review: genuine, false alarm or not yet reviewed), and
its alignment; draw the injections; check every injected triple with
ogpcheck and the baselines (the findings the untouched triple already
gave are left out); measure speed in fresh processes; print.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ogpcheck.app.options import Options

from . import alignment
from .baselines import Pofilter, naive
from .corpus import CorpusMissing, corpus_hash, load_corpus
from .detect import Hit, Run, run_ogpcheck, write_triple
from .inject import TYPES, Injection, Injector, Prepared
from .metrics import Outcome, matches, outcome, score
from .report import Results, render
from .review import REVIEWED, Reported, load_reviews
from .speed import measure

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TOOLS = ("ogpcheck", "naive", "pofilter", "pofilter+align")


MODES = {"majority": None, "source en": "en"}  # untouched corpus: without a source, and with --source en


@dataclass
class Clean:
    """What the untouched corpus gave: ogpcheck's findings in each mode,
    and every tool's hits (counted severities) for the comparison."""

    found: dict[str, list[Reported]] = field(default_factory=lambda: {mode: [] for mode in MODES})
    hits: dict[str, list[tuple[str, Hit]]] = field(default_factory=dict)  # tool -> (slug, hit), majority mode
    same: dict[tuple[str, str], Counter[tuple[str, str, tuple[str, ...]]]] = field(default_factory=dict)


def _tools(pofilter: Pofilter) -> dict[str, Callable[[Run], list[Hit]]]:
    tools: dict[str, Callable[[Run], list[Hit]]] = {"ogpcheck": lambda run: run.hits, "naive": naive}
    if pofilter.available:
        tools["pofilter"] = pofilter.by_position
        tools["pofilter+align"] = pofilter.on_alignment
    return tools


def _paragraphs(doc: Prepared) -> int:
    """The English paragraphs of a triple (text units): what false alarms are counted per."""
    return sum(1 for unit in doc.units["en"] if unit.is_text)


def _sites(injections: Sequence[Injection]) -> dict[str, int]:
    sites: dict[str, set[tuple[str, tuple[tuple[str, tuple[int, int]], ...]]]] = {}
    for inj in injections:
        place = tuple(sorted({**inj.counterparts, inj.version: inj.span}.items()))
        sites.setdefault(inj.kind, set()).add((inj.slug, place))
    return {kind: len(found) for kind, found in sites.items()}


def _new(hits: list[Hit], before: Counter[tuple[str, str, tuple[str, ...]]], injection: Injection, tolerance: int) -> list[Hit]:
    """The hits an injection brought: those matching it, and those the
    untouched triple did not give (each hit of the untouched triple cancels
    one alike)."""
    left = Counter(before)
    out = []
    for hit in hits:
        if matches(hit, injection, tolerance):
            out.append(hit)
        elif left[hit.same] > 0:
            left[hit.same] -= 1
        else:
            out.append(hit)
    return out


def run(args: argparse.Namespace) -> Results:
    started = time.perf_counter()
    triples = load_corpus(args.corpus)
    docs = [Prepared.of(t) for t in triples]
    by_slug = {d.triple.slug: d for d in docs}
    reviews = load_reviews(args.reviews)
    pofilter = Pofilter()
    tools = _tools(pofilter)
    counted = tuple(args.counted.split(","))
    clean = Clean(hits={name: [] for name in tools})
    align_clean = {"ogpcheck": [0, 0], "position": [0, 0]}
    align_drop = {"ogpcheck": [0, 0], "position": [0, 0]}
    outcomes: dict[str, list[Outcome]] = {name: [] for name in tools}
    with tempfile.TemporaryDirectory(prefix="ogpcheck-quality-") as tmp:
        folders = []
        for doc in docs:
            slug = doc.triple.slug
            folder = Path(tmp) / "clean" / slug.replace("/", "--")
            folders.append(folder)
            paths = write_triple(doc.triple.texts, doc.triple.suffix, folder)
            for mode, source in MODES.items():
                result = run_ogpcheck(paths, Options(langs=["en", "es", "fr"], source=source))
                clean.found[mode] += [Reported(slug, hit) for hit in result.hits if hit.severity in counted]
                if source is not None:
                    continue
                for name, tool in tools.items():
                    hits = tool(result)
                    clean.same[(name, slug)] = Counter(hit.same for hit in hits)
                    clean.hits[name] += [(slug, hit) for hit in hits if hit.severity in counted]
                _add(align_clean["ogpcheck"], alignment.accuracy(doc.links, result.aligned))
                _add(align_clean["position"], alignment.accuracy(doc.links, alignment.by_position(result.blocks)))
        injections = Injector(docs, args.seed).generate(args.per_type, args.types)
        options = Options(langs=["en", "es", "fr"])
        for inj in injections:
            doc = by_slug[inj.slug]
            folder = Path(tmp) / "injected" / str(inj.id)
            result = run_ogpcheck(write_triple(inj.apply(doc.triple.texts), doc.triple.suffix, folder), options)
            for name, tool in tools.items():
                hits = _new(tool(result), clean.same[(name, inj.slug)], inj, args.tolerance)
                outcomes[name].append(outcome(inj, hits, counted, args.tolerance))
            if inj.kind == "drop_item":
                mapped = alignment.through(inj)
                _add(align_drop["ogpcheck"], alignment.accuracy(doc.links, result.aligned, mapped))
                _add(
                    align_drop["position"], alignment.accuracy(doc.links, alignment.by_position(result.blocks), mapped)
                )
        quality_seconds = time.perf_counter() - started
        speed = None
        if not args.no_speed:
            largest = max(docs, key=lambda d: sum(d.triple.words(lang) for lang in d.triple.texts))
            largest_folder = folders[docs.index(largest)]
            speed = measure(
                folders,
                sum(t.words(lang) for t in triples for lang in t.texts),
                sorted(largest_folder.glob("report.*"), key=lambda p: (".en." not in p.name, p.name)),
                sum(largest.triple.words(lang) for lang in largest.triple.texts),
                args.repeat,
            )
    return Results(
        corpus=args.corpus,
        corpus_hash=corpus_hash(triples),
        triples=triples,
        paragraphs={d.triple.slug: _paragraphs(d) for d in docs},
        seed=args.seed,
        per_type=args.per_type,
        types=list(args.types),
        counted=counted,
        tolerance=args.tolerance,
        injections=injections,
        sites=_sites(injections),
        scores={name: score(found) for name, found in outcomes.items()},
        outcomes=outcomes,
        clean_hits=clean.hits,
        found=clean.found,
        reviews=reviews,
        align_clean={k: (v[0], v[1]) for k, v in align_clean.items()},
        align_drop={k: (v[0], v[1]) for k, v in align_drop.items()},
        speed=speed,
        pofilter_available=pofilter.available,
        quality_seconds=quality_seconds,
        show_misses=args.show_misses,
        show_reviews=args.show_reviews,
    )


def _add(total: list[int], pair: tuple[int, int]) -> None:
    total[0] += pair[0]
    total[1] += pair[1]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.quality",
        description="Detection quality and speed of ogpcheck against baselines, on injected errors in a real corpus.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="folder of <source>/<doc>/{en,es,fr}.md triples (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the error injection (default: %(default)s)")
    parser.add_argument(
        "--per-type", type=int, default=30, help="injections of each error type, at most (default: %(default)s)"
    )
    parser.add_argument(
        "--types", type=lambda s: s.split(","), default=list(TYPES), help="error types, comma-separated (default: all)"
    )
    parser.add_argument(
        "--counted", default="error,warning", help="severities that count as a detection (default: %(default)s)"
    )
    parser.add_argument(
        "--tolerance", type=int, default=1, help="lines a finding may stand off the changed unit (default: %(default)s)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes over the corpus for words per second (default: %(default)s)"
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measures")
    parser.add_argument("--show-misses", action="store_true", help="list every missed injection")
    parser.add_argument(
        "--show-reviews", action="store_true", help="list every reviewed finding of the untouched corpus with its verdict"
    )
    parser.add_argument(
        "--reviews", type=Path, default=REVIEWED, help="the review of the untouched corpus's findings (default: %(default)s)"
    )
    parser.add_argument("--json", type=Path, help="also write every injection and outcome to this JSON file")
    args = parser.parse_args(argv)
    unknown = [t for t in args.types if t not in TYPES]
    if unknown:
        parser.error(f"unknown error type(s) {', '.join(unknown)} (choose from {', '.join(TYPES)})")
    return args


def _dump(results: Results, path: Path) -> None:
    data = {
        "injections": [asdict(i) for i in results.injections],
        "outcomes": {
            name: [
                {
                    "id": o.injection.id,
                    "detected": o.detected,
                    "suspect_right": o.suspect_right,
                    "hits": [asdict(h) for h in o.hits],
                }
                for o in found
            ]
            for name, found in results.outcomes.items()
        },
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, default=_plain), encoding="utf-8")


def _plain(value: object) -> object:
    """Sets in the records (a hit's versions) written as sorted lists."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        results = run(args)
    except CorpusMissing as missing:
        print(f"benchmarks.quality: {missing}; nothing measured", file=sys.stderr)
        sys.exit(2)
    sys.stdout.write(render(results))
    if args.json:
        _dump(results, args.json)
