"""Run the whole measure and print its tables (Markdown, ready for BENCHMARKS.md).

    python -m benchmarks.quality [--corpus PATH] [--seed N] [--per-type N]

Steps: load and parse the corpus; check every untouched triple (false
alarms, genuine errors, alignment); draw the injections; check every
injected triple with ogpcheck and the baselines; measure speed in fresh
processes; print.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
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
from .review import Genuine, load_reviewed, points_at
from .speed import measure

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TOOLS = ("ogpcheck", "naive", "pofilter", "pofilter+align")


@dataclass
class Clean:
    """What the untouched corpus gave one tool."""

    hits: list[tuple[str, Hit]] = field(default_factory=list)  # (slug, hit) at any severity
    genuine_found: set[int] = field(default_factory=set)  # indices into the reviewed list


def _tools(pofilter: Pofilter) -> dict[str, Callable[[Run], list[Hit]]]:
    tools: dict[str, Callable[[Run], list[Hit]]] = {"ogpcheck": lambda run: run.hits, "naive": naive}
    if pofilter.available:
        tools["pofilter"] = pofilter.by_position
        tools["pofilter+align"] = pofilter.on_alignment
    return tools


def _genuine_of(slug: str, reviewed: Sequence[Genuine]) -> list[tuple[int, Genuine]]:
    return [(k, g) for k, g in enumerate(reviewed) if g.slug == slug]


def _shifted(genuine: Genuine, injection: Injection | None) -> Genuine:
    if injection is None:
        return genuine
    line = alignment.through(injection)(genuine.version, genuine.line)
    return Genuine(genuine.slug, genuine.version, line if line is not None else -10, genuine.what)


def _is_genuine(hit: Hit, known: list[tuple[int, Genuine]], injection: Injection | None = None) -> int | None:
    for k, genuine in known:
        if points_at(hit, _shifted(genuine, injection)):
            return k
    return None


def _gold_paragraphs(docs: Sequence[Prepared]) -> int:
    return sum(len(doc.gold) for doc in docs)


def _sites(injections: Sequence[Injection]) -> dict[str, int]:
    sites: dict[str, set[tuple[str, tuple[tuple[str, tuple[int, int]], ...]]]] = {}
    for inj in injections:
        place = tuple(sorted({**inj.counterparts, inj.version: inj.span}.items()))
        sites.setdefault(inj.kind, set()).add((inj.slug, place))
    return {kind: len(found) for kind, found in sites.items()}


def run(args: argparse.Namespace) -> Results:
    started = time.perf_counter()
    triples = load_corpus(args.corpus)
    docs = [Prepared.of(t) for t in triples]
    by_slug = {d.triple.slug: d for d in docs}
    reviewed = load_reviewed()
    options = Options(langs=["en", "es", "fr"])
    pofilter = Pofilter()
    tools = _tools(pofilter)
    counted = tuple(args.counted.split(","))
    clean = {name: Clean() for name in tools}
    align_clean = {"ogpcheck": [0, 0], "position": [0, 0]}
    align_drop = {"ogpcheck": [0, 0], "position": [0, 0]}
    outcomes: dict[str, list[Outcome]] = {name: [] for name in tools}
    with tempfile.TemporaryDirectory(prefix="ogpcheck-quality-") as tmp:
        folders = []
        for doc in docs:
            folder = Path(tmp) / "clean" / doc.triple.slug.replace("/", "--")
            folders.append(folder)
            result = run_ogpcheck(write_triple(doc.triple.texts, doc.triple.suffix, folder), options)
            known = _genuine_of(doc.triple.slug, reviewed)
            for name, tool in tools.items():
                for hit in tool(result):
                    k = _is_genuine(hit, known)
                    if k is None:
                        clean[name].hits.append((doc.triple.slug, hit))
                    else:
                        clean[name].genuine_found.add(k)
            _add(align_clean["ogpcheck"], alignment.accuracy(doc.links, result.groups))
            _add(align_clean["position"], alignment.accuracy(doc.links, alignment.by_position(result.blocks)))
        injections = Injector(docs, args.seed).generate(args.per_type, args.types)
        for inj in injections:
            doc = by_slug[inj.slug]
            folder = Path(tmp) / "injected" / str(inj.id)
            result = run_ogpcheck(write_triple(inj.apply(doc.triple.texts), doc.triple.suffix, folder), options)
            known = _genuine_of(inj.slug, reviewed)
            for name, tool in tools.items():
                hits = [
                    h for h in tool(result) if matches(h, inj, args.tolerance) or _is_genuine(h, known, inj) is None
                ]
                outcomes[name].append(outcome(inj, hits, counted, args.tolerance))
            if inj.kind == "drop_item":
                mapped = alignment.through(inj)
                _add(align_drop["ogpcheck"], alignment.accuracy(doc.links, result.groups, mapped))
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
        triples=len(triples),
        paragraphs=_gold_paragraphs(docs),
        seed=args.seed,
        per_type=args.per_type,
        types=list(args.types),
        counted=counted,
        tolerance=args.tolerance,
        injections=injections,
        sites=_sites(injections),
        scores={name: score(found) for name, found in outcomes.items()},
        outcomes=outcomes,
        clean_false_alarms={name: [(s, h) for s, h in c.hits if h.severity in counted] for name, c in clean.items()},
        clean_info={name: [(s, h) for s, h in c.hits if h.severity not in counted] for name, c in clean.items()},
        genuine=reviewed,
        genuine_found={name: sorted(c.genuine_found) for name, c in clean.items()},
        align_clean={k: (v[0], v[1]) for k, v in align_clean.items()},
        align_drop={k: (v[0], v[1]) for k, v in align_drop.items()},
        speed=speed,
        pofilter_available=pofilter.available,
        quality_seconds=quality_seconds,
        show_misses=args.show_misses,
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
    parser.add_argument("--show-misses", action="store_true", help="list every missed injection and every false alarm")
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
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


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
