"""Tell a block's language from its function words, before lingua reads it.

Lingua scores every block the split weighs, and that was the largest part
of a numbers check (about 0.05 s of CPU on seed 000, 15,900 words). Running
text shows its language in its short, frequent words: "the", "which" and
"been" are English, "des", "avec" and "été" French, "los", "también" and
"según" Spanish. Each language profile lists such words
(``function_words``) that no other profile lists; a word two languages
share ("de", "que", "la", or "il", French as well as Italian) is in no list.

A block whose words (its letter runs, as far as lingua would read) hold at
least ``MIN_WORDS`` different words of one candidate language's list, and
none of another candidate's, is taken to be in that language, with full
confidence; every other block is left to lingua. ``MIN_WORDS`` was chosen
on the corpus triples of the tuning set (``benchmarks/bench_lang_prefix.py
--min-words 1,2,3,4``, each block against its file's language) as the
least number that labels no more blocks wrongly in the split than lingua
alone:

========= ============= ================== ======================= ===========
MIN_WORDS text decided  blocks decided     of them wrong (lingua)  split wrong
========= ============= ================== ======================= ===========
1         90%           6,588              41 (232)                87
2         80%           4,804              18 (77)                 85
3         67%           3,572              7 (16)                  85
========= ============= ================== ======================= ===========

The blocks it decides are in their file's language more often than
lingua's best guess for them (an English paragraph left untranslated in a
Spanish page is English to it). On the held-out set, 2 decides 74% of the
text, 1 block wrongly against lingua's 10, and the split labels 31 blocks
wrongly (33 with 3). Identification of the tuning set takes 0.73 of the CPU
time it took with 3.

Nothing is decided this way when a candidate has no list (a language named
by ``--langs`` that has no profile): its text may hold any of the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..lang import of as profile_of

MIN_WORDS = 2  # different function words of one language, and none of another's


@cache
def owners(langs: tuple[str, ...]) -> dict[str, str] | None:
    """Each function word of the ``langs`` and the language it belongs to;
    None when one of them has no list."""
    found: dict[str, str] = {}
    for code in langs:
        words = profile_of(code).function_words
        if not words:
            return None
        found.update((word, code) for word in words)
    return found


def plain_languages(words: Sequence[str], langs: Sequence[str], min_words: int = MIN_WORDS) -> list[str | None]:
    """For each string of words (letter runs joined by spaces, as
    ``Block.letter_runs``), its language when its function words leave no
    doubt (``MIN_WORDS`` different words of one candidate's list, none of
    another's); None otherwise."""
    table = owners(tuple(langs))
    if table is None:
        return [None] * len(words)
    found: list[str | None] = []
    for runs in words:
        seen: dict[str, int] = {}  # language -> its different words found
        for word in table.keys() & runs.lower().split():
            code = table[word]
            seen[code] = seen.get(code, 0) + 1
        if len(seen) == 1 and max(seen.values()) >= min_words:
            found.append(next(iter(seen)))
        else:
            found.append(None)
    return found
