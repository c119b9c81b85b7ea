"""Benchmark: the entity stage (extraction and the ENT rules) on seed 000,
against spaCy's pipelines alone on the same block texts, in the same run.

    python benchmarks/bench_entities.py [--repeat 5]

Prints figures, asserts nothing. `full check / spaCy NER alone` is the whole
warm check of the seed (reading to findings, every rule) against the NER
floor: the pre-filter is what lets it cost less than running NER on all the
text. `entity stage / spaCy NER alone` says what
the gazetteer, the terminology and the comparison add to the NER the stage
cannot do without; `full pipelines / NER only` what loading just the `ner`
component saves.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from benchmarks.signature import signature, timed  # noqa: E402
from ogpcheck.app.options import Options  # noqa: E402
from ogpcheck.app.pipeline import check, read_document  # noqa: E402
from ogpcheck.compare import rules as rule_registry  # noqa: E402
from ogpcheck.compare.engine import compare  # noqa: E402
from ogpcheck.extract import ner  # noqa: E402
from ogpcheck.versions.align import align  # noqa: E402

SEED = ROOT / "fixtures" / "seeds" / "000_2e39307007993178.txt"
SELECT = ["ENT"]



def load_full(langs: list[str]) -> dict[str, spacy.language.Language]:
    """The same packages with every component, as spacy.load gives them."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        return {lang: spacy.load(ner.model_names(lang)[0]) for lang in langs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    options = Options(langs=["en", "es", "fr"], select=SELECT)
    document = read_document([SEED], options)
    groups = align(document.versions)
    enabled = rule_registry.select(rule_registry.all_rules(), SELECT)
    texts = {v.lang: [b.text for b in v.blocks] for v in document.versions}
    langs = sorted(texts)
    words = sum(len(t.split()) for ts in texts.values() for t in ts)

    start = time.perf_counter()
    for lang in langs:
        spacy.blank(lang)  # language data (French tokenizer exceptions), paid once whatever is loaded
    load_language = time.perf_counter() - start
    start = time.perf_counter()
    pipelines = {lang: ner.pipeline(lang) for lang in langs}
    load_ner = time.perf_counter() - start
    missing = [lang for lang, nlp in pipelines.items() if nlp is None]
    if missing:
        sys.exit(f"bench_entities: no spaCy pipeline for {', '.join(missing)}; install the models first")
    start = time.perf_counter()
    full = load_full(langs)
    load_all = time.perf_counter() - start

    def ner_alone() -> None:
        for lang, nlp in pipelines.items():
            for _ in nlp.pipe(texts[lang], batch_size=ner.BATCH):
                pass

    def full_alone() -> None:
        for lang, nlp in full.items():
            for _ in nlp.pipe(texts[lang], batch_size=ner.BATCH):
                pass

    def entity_stage() -> None:
        compare(document, groups, enabled, options.langs)  # a fresh context: extraction included

    every_rule = Options(langs=["en", "es", "fr"])

    def full_check() -> None:
        check([SEED], every_rule)  # read, split, align, extract, every rule

    entity_stage()  # build the gazetteer (CLDR names, terminology) once, as a run does
    full_check()
    stage: list[float] = []
    alone: list[float] = []
    whole: list[float] = []
    for _ in range(args.repeat):  # interleaved, so drift in machine load hits both alike
        stage += timed(entity_stage, 1)
        alone += timed(ner_alone, 1)
        whole += timed(full_check, 1)
    everything = timed(full_alone, max(1, args.repeat // 2))

    print(signature([SEED], select=",".join(SELECT), repeat=args.repeat, spacy=spacy.__version__))
    print(f"{'measure':<40}{'median s':>10}{'words/s':>12}")
    for name, times in (
        ("full check, every rule (warm)", whole),
        ("entity stage (NER + gazetteer + rules)", stage),
        ("spaCy NER alone (ner component only)", alone),
        ("spaCy full pipelines (all components)", everything),
    ):
        median = statistics.median(times)
        print(f"{name:<40}{median:>10.3f}{words / median:>12,.0f}")
    print(f"{'load, spaCy language data (3 langs)':<40}{load_language:>10.3f}")
    print(f"{'load, ner component only (3 langs)':<40}{load_ner:>10.3f}")
    print(f"{'load, all components (3 langs)':<40}{load_all:>10.3f}")
    print(f"ratio full check / spaCy NER alone: {statistics.median(whole) / statistics.median(alone):.2f} (goal <= 0.6)")
    print(f"ratio entity stage / spaCy NER alone: {statistics.median(stage) / statistics.median(alone):.2f}")
    print(f"ratio full pipelines / NER only: {statistics.median(everything) / statistics.median(alone):.2f}")
    print(f"words: {words} in {sum(len(t) for t in texts.values())} blocks")
    print(f"ratio load all components / ner only: {load_all / load_ner:.2f}")


if __name__ == "__main__":
    main()
