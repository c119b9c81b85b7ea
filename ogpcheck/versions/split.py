"""Split stage: find the language versions in the blocks of a document.

Each block's language is identified by its function words where they leave
no doubt (``function_words.py``), else with lingua (offline, restricted to
the expected languages and the languages that have a profile, so that text
in one --langs does not name is not forced onto one it does; see
``langguard.py``). A file holding several versions one after another is cut
where the language changes, by the cheapest labelling of the whole block
sequence (a Viterbi pass): a block costs its weight times the detector's doubt
in the label, and each change of label costs a fixed penalty. Short blocks
(table cells, names) weigh nothing, so they follow their neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..models import Block, Document, Version
from .function_words import MIN_WORDS, plain_languages
from .langguard import candidates, detector, foreign_language, language_of, name_of

MIN_LETTERS = 12  # blocks with fewer letters carry no language evidence
MAX_WEIGHT = 300  # one long paragraph must not outvote a run of short ones
IDENTIFY_CHARS: int | None = 250  # lingua reads at most this much of a block (bench_lang_prefix.py)
SWITCH_PENALTY = 100.0  # cost of a change of language, in weighted letters ...
SWITCH_SHARE = 0.1  # ... at most this share of the text per expected language
MIN_VERSION_WEIGHT = 60.0  # a smaller run is furniture, not a version (absolute floor)
MIN_VERSION_SHARE = 0.1  # ... and so is a run under this share of the largest one
DOMINANT_SHARE = 0.75  # of the text of a file given as one version, in its language


def weight(block: Block) -> float:
    letters = block.letters
    return 0.0 if letters < MIN_LETTERS else float(min(letters, MAX_WEIGHT))


def weights(blocks: Sequence[Block]) -> list[float]:
    """``weight`` of each block, computed once: every pass below needs them."""
    return [weight(block) for block in blocks]


def head(text: str, chars: int | None) -> str:
    """The first ``chars`` characters of ``text`` (all of it for None), cut
    back to the end of a word when that cuts one."""
    if chars is None or len(text) <= chars:
        return text
    end = max(text.rfind(" ", 0, chars + 1), text.rfind("\n", 0, chars + 1))
    return text[:end] if end > 0 else text[:chars]


def by_function_words(
    blocks: Sequence[Block],
    langs: Sequence[str],
    weighed: Sequence[float],
    chars: int | None = IDENTIFY_CHARS,
    min_words: int = MIN_WORDS,
) -> list[str | None]:
    """The language of each weighed block whose function words, in its
    first ``chars`` characters, leave no doubt of it (``function_words.py``;
    ``min_words`` of them, a benchmark tries others); None for the others."""
    return plain_languages(
        [head(b.letter_runs, chars) if w else "" for b, w in zip(blocks, weighed, strict=True)], langs, min_words
    )


def identify(
    blocks: Sequence[Block],
    langs: Sequence[str],
    weighed: Sequence[float] | None = None,
    chars: int | None = IDENTIFY_CHARS,
    min_words: int = MIN_WORDS,
) -> list[dict[str, float]]:
    """Confidence of each expected language for each block (empty when the
    block is too short to tell): full confidence in the language its
    function words show (``by_function_words``), else lingua's, from its
    first ``chars`` characters."""
    det = detector(tuple(langs))
    codes = {language_of(code): code for code in langs}
    weighed = weights(blocks) if weighed is None else weighed
    plain = by_function_words(blocks, langs, weighed, chars, min_words)
    texts = [head(b.text, chars) if w and code is None else "" for b, w, code in zip(blocks, weighed, plain)]  # lingua's
    unsure = list(dict.fromkeys(text for text in texts if text))  # a repeated heading or cell is read once
    found: dict[str, dict[str, float]] = {}
    for text, values in zip(unsure, det.compute_language_confidence_values_in_parallel(unsure)):
        score = found[text] = {}
        for value in values:  # each attribute of a lingua value is made anew when asked: asked once
            code = codes.get(value.language)  # None for the padding language of a one-language detector
            if code is not None:
                score[code] = value.value
    scores: list[dict[str, float]] = [
        {code: 1.0} if code else dict(found[text]) if text else {} for text, code in zip(texts, plain)
    ]
    for block, score in zip(blocks, scores):
        if score:
            block.lang = max(score, key=score.__getitem__)
            block.lang_confidence = score[block.lang]
    return scores


def label(
    blocks: Sequence[Block],
    scores: Sequence[dict[str, float]],
    langs: Sequence[str],
    weighed: Sequence[float] | None = None,
) -> list[str]:
    """The cheapest language label for every block (Viterbi)."""
    if not blocks:
        return []
    weighed = weights(blocks) if weighed is None else weighed
    states = list(langs)
    n = len(states)
    penalty = min(SWITCH_PENALTY, SWITCH_SHARE * sum(weighed) / n)
    cost = [0.0] * n
    back: list[list[int]] = []  # for each block, each state's predecessor
    for w, score in zip(weighed, scores):
        move = [c + penalty for c in cost]
        # Each state's predecessor is the first cheapest of staying in it and
        # switching from another; the cheapest other is the first cheapest
        # switch, or the second for the state that one is.
        first = move.index(min(move))
        others = move[:first] + move[first + 1 :]
        second = first
        if others:
            second = others.index(min(others))
            second += second >= first
        doubt = [w * (1.0 - score.get(s, 0.0)) for s in states] if score else [0.0] * n
        step: list[int] = []
        new_cost: list[float] = []
        for i in range(n):
            j = second if i == first else first
            if j != i and (move[j] < cost[i] or (move[j] == cost[i] and j < i)):
                step.append(j)
                new_cost.append(move[j] + doubt[i])
            else:
                step.append(i)
                new_cost.append(cost[i] + doubt[i])
        back.append(step)
        cost = new_cost
    state = min(range(n), key=cost.__getitem__)
    labels = [states[state]]
    for step in reversed(back[1:]):
        state = step[state]
        labels.append(states[state])
    return labels[::-1]


MAX_VERSIONS_PER_LANG = 3  # "fr", "fr.2", "fr.3": more is not a set of translations


def split(blocks: list[Block], langs: Sequence[str], path: str) -> Document:
    """Cut one file holding several language versions into versions; a run
    in a language ``langs`` does not name is left out, with a notice."""
    states = candidates(langs)
    weighed = weights(blocks)
    scores = identify(blocks, states, weighed)
    labels = label(blocks, scores, states, weighed)
    runs: list[tuple[str, list[Block]]] = []
    run_weights: list[float] = []
    for block, lang, w in zip(blocks, labels, weighed):
        if runs and runs[-1][0] == lang:
            runs[-1][1].append(block)
            run_weights[-1] += w
        else:
            runs.append((lang, [block]))
            run_weights.append(w)
    floor = max(MIN_VERSION_WEIGHT, MIN_VERSION_SHARE * max(run_weights, default=0.0))
    kept = [(lang, run) for (lang, run), w in zip(runs, run_weights) if w >= floor]
    versions: list[Version] = []
    unassigned = [b for (_, run), w in zip(runs, run_weights) if w < floor for b in run]
    notices: list[str] = []
    left_out: list[tuple[str, int, int]] = []
    seen: dict[str, int] = {}
    previous: str | None = None
    for lang, run in kept:
        if lang == previous:  # the same language resumes after a short aside
            versions[-1].blocks.extend(run)
            continue
        if lang not in langs:  # a profiled language --langs does not name
            unassigned.extend(run)
            left_out.append((lang, run[0].line, run[-1].end_line))
            notices.append(
                f"{path}:{run[0].line}-{run[-1].end_line}: text in {name_of(lang)} ({lang}),"
                " which --langs does not name; not checked"
            )
            previous = None
            continue
        seen[lang] = seen.get(lang, 0) + 1
        vid = lang if seen[lang] == 1 else f"{lang}.{seen[lang]}"
        versions.append(Version(vid, lang, path, run))
        previous = lang
    versions = _at_most(versions, MAX_VERSIONS_PER_LANG * len(langs), unassigned, notices, path)
    unassigned.sort(key=lambda block: block.index)
    return Document(versions, unassigned, notices, left_out)


def _at_most(
    versions: list[Version], limit: int, unassigned: list[Block], notices: list[str], path: str
) -> list[Version]:
    """The ``limit`` longest versions, in file order. A file that changes
    language back and forth more often is no set of translations, and every
    extra version makes the alignment slower for all (each group compares
    its members); the rest is left out (text outside the versions) with a
    notice."""
    if len(versions) <= limit:
        return versions
    ranked = sorted(versions, key=lambda v: -sum(weight(b) for b in v.blocks))
    kept = {id(v) for v in ranked[:limit]}
    dropped = [v for v in versions if id(v) not in kept]
    for version in dropped:
        unassigned.extend(version.blocks)
    notices.append(
        f"{path}: the language changes {len(versions)} times; the {limit} longest runs are compared, "
        f"{len(dropped)} shorter ones (from line {dropped[0].first_line}) are not checked"
    )
    return [v for v in versions if id(v) in kept]


def whole_file_language(blocks: Sequence[Block], langs: Sequence[str], path: str = "") -> str:
    """The language of a file that holds one version (weighted vote); an
    InputError when it is one ``langs`` does not name."""
    states = candidates(langs)
    weighed = weights(blocks)
    scores = identify(blocks, states, weighed)
    totals = {lang: 0.0 for lang in states}
    for w, score in zip(weighed, scores):
        for lang, value in score.items():
            totals[lang] += w * value
    best = max(states, key=lambda lang: totals[lang])
    _require_one_language(weighed, label(blocks, scores, states, weighed), path)
    foreign = best if best not in langs else foreign_language(blocks, langs)
    if foreign is not None:
        raise InputError(f"{path}: the text is in {name_of(foreign)} ({foreign}), which --langs does not name")
    return best


def _require_one_language(weighed: Sequence[float], labels: Sequence[str], path: str) -> None:
    """An InputError when a file given as one version holds several (a whole
    multilingual file listed among per-version files)."""
    shares: dict[str, float] = {}
    for w, lang in zip(weighed, labels, strict=True):
        shares[lang] = shares.get(lang, 0.0) + w
    total = sum(shares.values())
    if total and max(shares.values()) < DOMINANT_SHARE * total:
        found = ", ".join(f"{lang} {share / total:.0%}" for lang, share in sorted(shares.items(), key=lambda x: -x[1]))
        raise InputError(f"{path}: holds several languages ({found}); give it alone, or one file per version")
