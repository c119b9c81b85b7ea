"""Benchmark: how much of a block language identification must read.

    python benchmarks/bench_lang_prefix.py [--set tuning|held-out] [--chars 200,300,400,600] [--min-words 2,3]

lingua reads each block the split weighs (``versions/split.py``), but a
block's weight is capped at ``MAX_WEIGHT`` letters, so the end of a long
paragraph adds time and little evidence. For each prefix length this prints
how many labels differ from those of the whole text, and the CPU time of
identification over every block. The labels compared, on every file of the
set:

* each block's own language (the detector's best guess, ``Block.lang``);
* each block's label in the split (the Viterbi pass over the whole file;
  for a corpus triple, over its three files one after another, as if they
  were one multilingual file, which is what the split is for);
* each file's language as a whole (the weighted vote of its blocks, as for
  a file given as one version).

It also prints how many split labels are wrong: blocks of a corpus triple
(the seeds have no such truth) labelled with another language than that of
the file they come from (``en.md``...), counting the blocks the split
weighs. Fewer labels changed says the prefix reads as well as the whole
text; fewer wrong says it reads better.

With ``--min-words`` it then prints, for each number of different function
words tried (``versions/function_words.py``), what the function-word rule
decides on the corpus triples of the set: the share of their weighed text
(letters) it decides, how many of the blocks it decides are not in their
file's language, how many of the same blocks lingua's best guess puts in
another language, the split labels wrong, and the CPU time of
identification.

The tuning set (the seeds and the corpus sources astro-docs,
letsencrypt-website, ethereum-org, monero-site) chooses
``IDENTIFY_CHARS``; the held-out set (opentelemetry-io, nodejs-org)
confirms it. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature  # noqa: E402
from ogpcheck.models import Block  # noqa: E402
from ogpcheck.read import read_file  # noqa: E402
from ogpcheck.read.boilerplate import default_patterns  # noqa: E402
from ogpcheck.versions.function_words import MIN_WORDS  # noqa: E402
from ogpcheck.versions.langguard import candidates, detector  # noqa: E402
from ogpcheck.versions.split import IDENTIFY_CHARS, by_function_words, head, identify, label, weights  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
SETS = {
    "tuning": ("astro-docs", "letsencrypt-website", "ethereum-org", "monero-site"),
    "held-out": ("opentelemetry-io", "nodejs-org"),
}
LANGS = ["en", "es", "fr"]


def documents(which: str) -> list[list[Path]]:
    """The documents of a set: each seed alone (a multilingual file), each
    corpus triple as its three files."""
    triples = [sorted(folder.glob("*.md*")) for source in SETS[which] for folder in sorted((CORPUS / source).iterdir())]
    return ([[seed] for seed in SEEDS] if which == "tuning" else []) + [t for t in triples if t]


def labels(files: list[list[Block]], chars: int | None) -> list[str]:
    """Every label of one document, in a fixed order: each block's own
    language, each block's label in the split of all files together, and
    each file's language by the weighted vote."""
    states = candidates(LANGS)
    every = [block for blocks in files for block in blocks]
    weighed = weights(every)
    scores = identify(every, states, weighed, chars)
    own = [max(score, key=score.__getitem__) if score else "-" for score in scores]
    split = label(every, scores, states, weighed)
    whole: list[str] = []
    start = 0
    for blocks in files:
        totals = dict.fromkeys(states, 0.0)
        for w, score in zip(weighed[start : start + len(blocks)], scores[start : start + len(blocks)]):
            for lang, value in score.items():
                totals[lang] += w * value
        whole.append(max(states, key=totals.__getitem__))
        start += len(blocks)
    return [*(f"own:{x}" for x in own), *(f"split:{x}" for x in split), *(f"file:{x}" for x in whole)]


def wrong_in_split(paths: list[Path], files: list[list[Block]], chars: int | None, min_words: int = MIN_WORDS) -> int:
    """Blocks the split weighs that it labels with another language than
    that of their file (0 for a seed: one file, no truth)."""
    if len(files) < 2:
        return 0
    states = candidates(LANGS)
    every = [block for blocks in files for block in blocks]
    truth = [path.name.split(".")[0] for path, blocks in zip(paths, files, strict=True) for _ in blocks]
    weighed = weights(every)
    split = label(every, identify(every, states, weighed, chars, min_words), states, weighed)
    return sum(1 for w, got, lang in zip(weighed, split, truth, strict=True) if w and got != lang)


def cpu_of_identification(
    docs: list[list[list[Block]]], chars: int | None, repeat: int, min_words: int = MIN_WORDS
) -> float:
    """Least CPU seconds of identifying every block of every document."""
    states = candidates(LANGS)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for files in docs:
            every = [block for blocks in files for block in blocks]
            identify(every, states, weights(every), chars, min_words)
        best = min(best, time.process_time() - start)
    return best


def function_word_decisions(
    paths: list[list[Path]], docs: list[list[list[Block]]], min_words: int
) -> tuple[float, int, int, int]:
    """On the corpus triples: the share of the weighed letters the
    function-word rule decides, the blocks it decides, those of them it puts
    in another language than their file's, and those of them lingua's best
    guess puts in another."""
    states = candidates(LANGS)
    best_guess = detector(tuple(states))
    decided_letters = all_letters = decided = wrong = lingua_wrong = 0
    for doc, files in zip(paths, docs, strict=True):
        if len(files) < 2:
            continue
        for path, blocks in zip(doc, files, strict=True):
            truth = path.name.split(".")[0]
            weighed = weights(blocks)
            found = by_function_words(blocks, states, weighed, IDENTIFY_CHARS, min_words)
            for block, w, code in zip(blocks, weighed, found, strict=True):
                if not w:
                    continue
                all_letters += block.letters
                if code is None:
                    continue
                decided += 1
                decided_letters += block.letters
                wrong += code != truth
                guess = best_guess.detect_language_of(head(block.text, IDENTIFY_CHARS))
                lingua_wrong += guess is None or guess.iso_code_639_1.name.lower() != truth
    return decided_letters / max(all_letters, 1), decided, wrong, lingua_wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", choices=sorted(SETS), default="tuning")
    parser.add_argument("--chars", default="150,200,250,300,400,600,800", help="prefix lengths to try")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--min-words", default="", help="numbers of different function words to try (e.g. 2,3)")
    args = parser.parse_args()
    paths = documents(args.set)
    patterns = default_patterns()
    docs = [[read_file(path, patterns, notices=[]) for path in doc] for doc in paths]
    files = [p for doc in paths for p in doc]
    print(signature(files, inputs_name=f"{args.set} set ({len(files)} files)", current=IDENTIFY_CHARS))
    full = [labels(files, None) for files in docs]
    print(f"documents: {len(docs)}, labels per prefix: {sum(len(x) for x in full)}")
    base = cpu_of_identification(docs, None, args.repeat)
    wrong = sum(wrong_in_split(doc, files, None) for doc, files in zip(paths, docs))
    weighed = sum(1 for files in docs if len(files) > 1 for blocks in files for w in weights(blocks) if w)
    print(f"split labels wrong are counted over {weighed} weighed blocks of corpus triples")
    print(f"{'chars':>6}{'own':>6}{'split':>7}{'file':>6}{'docs':>6}{'wrong':>7}{'CPU s':>8}{'ratio':>7}")
    print(f"{'whole':>6}{0:>6}{0:>7}{0:>6}{0:>6}{wrong:>7}{base:>8.3f}{1:>7.2f}")
    for chars in (int(c) for c in args.chars.split(",")):
        changed = {"own": 0, "split": 0, "file": 0}
        documents_changed = []
        for doc, before, files in zip(paths, full, docs):
            after = labels(files, chars)
            differ = [b.split(":")[0] for b, a in zip(before, after, strict=True) if a != b]
            for kind in differ:
                changed[kind] += 1
            if differ:
                documents_changed.append(doc[0].parent.name if len(doc) > 1 else doc[0].name)
        cpu = cpu_of_identification(docs, chars, args.repeat)
        wrong = sum(wrong_in_split(doc, files, chars) for doc, files in zip(paths, docs))
        print(f"{chars:>6}{changed['own']:>6}{changed['split']:>7}{changed['file']:>6}{len(documents_changed):>6}{wrong:>7}{cpu:>8.3f}{cpu / base:>7.2f}"
              + (f"  ({', '.join(documents_changed[:4])}{' ...' if len(documents_changed) > 4 else ''})" if documents_changed else ""))
    if args.min_words:
        print(f"function words (current MIN_WORDS={MIN_WORDS}), on the corpus triples, prefix {IDENTIFY_CHARS}:")
        print(f"{'words':>6}{'text':>7}{'blocks':>8}{'wrong':>7}{'lingua':>8}{'split':>7}{'CPU s':>8}")
        for min_words in (int(n) for n in args.min_words.split(",")):
            share, decided, wrong, lingua_wrong = function_word_decisions(paths, docs, min_words)
            split_wrong = sum(wrong_in_split(doc, files, IDENTIFY_CHARS, min_words) for doc, files in zip(paths, docs))
            cpu = cpu_of_identification(docs, IDENTIFY_CHARS, args.repeat, min_words)
            print(f"{min_words:>6}{share:>7.0%}{decided:>8}{wrong:>7}{lingua_wrong:>8}{split_wrong:>7}{cpu:>8.3f}")


if __name__ == "__main__":
    main()
