"""Split stage: versions found by language identification."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ogpcheck.models import Block
from ogpcheck.read import read_file, read_text
from ogpcheck.read.boilerplate import default_patterns
from ogpcheck.versions.split import IDENTIFY_CHARS, SWITCH_PENALTY, SWITCH_SHARE, head, identify, label, split, weights

from .conftest import HANDMADE, SEED_000, SEED_003

LANGS = ["en", "es", "fr"]


def test_seed_000_has_three_versions_at_the_documented_boundaries() -> None:
    document = split(read_file(SEED_000, default_patterns()), LANGS, str(SEED_000))
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    starts = {v.id: v.first_line for v in document.versions}
    assert list(starts) == ["en", "es", "fr"]
    assert lines[starts["es"] - 1].startswith("Este informe proporciona")
    assert lines[starts["fr"] - 1].startswith("Ce rapport fournit")
    assert starts["en"] == 1


def test_seed_003_second_french_version_is_its_own_version() -> None:
    document = split(read_file(SEED_003, default_patterns()), LANGS, str(SEED_003))
    ids = [v.id for v in document.versions]
    assert ids == ["fr", "es", "fr.2"]
    lines = SEED_003.read_text(encoding="utf-8").split("\n")
    fr2 = next(v for v in document.versions if v.id == "fr.2")
    assert lines[fr2.first_line - 1].startswith("Lorsque le Partenariat pour un gouvernement ouvert")
    es = next(v for v in document.versions if v.id == "es")
    assert lines[es.first_line - 1].startswith("Cuando se fundó la Alianza")


def test_short_trailing_comment_in_another_language_is_set_aside() -> None:
    document = split(read_file(SEED_003, default_patterns()), LANGS, str(SEED_003))
    last_spanish_comment = 139
    assert any(b.line == last_spanish_comment for b in document.unassigned)
    assert all(b.line != last_spanish_comment for v in document.versions for b in v.blocks)


def test_small_handmade_file_splits_into_three() -> None:
    path = HANDMADE / "number_forms_agree" / "report.txt"
    document = split(read_file(path), LANGS, str(path))
    assert [v.id for v in document.versions] == ["en", "es", "fr"]
    assert [len(v.blocks) for v in document.versions] == [2, 2, 2]


def test_short_blocks_follow_their_neighbours() -> None:
    blocks = read_text(
        "This is clearly an English paragraph about open government.\nX\nBurkina Faso\n"
        "Este es claramente un párrafo en español sobre gobierno abierto.\n12\n",
        "t.txt",
    )
    scores = [{"en": 1.0} if i == 0 else ({"es": 1.0} if i == 3 else {}) for i in range(len(blocks))]
    assert label(blocks, scores, LANGS) == ["en", "en", "en", "es", "es"]


def test_a_file_changing_language_too_often_keeps_its_longest_versions() -> None:
    from ogpcheck.versions.split import MAX_VERSIONS_PER_LANG

    paragraphs = {
        "en": "The council approved the new budget for schools and hospitals after a long debate.",
        "es": "El consejo aprobó el nuevo presupuesto para escuelas y hospitales tras un largo debate.",
        "fr": "Le conseil a approuvé le nouveau budget des écoles et des hôpitaux après un long débat.",
    }
    rounds = MAX_VERSIONS_PER_LANG + 2
    text = "\n\n".join(paragraphs[lang] for _ in range(rounds) for lang in ("en", "es", "fr"))
    document = split(read_text(text, "mixed.txt"), ["en", "es", "fr"], "mixed.txt")
    assert len(document.versions) == 3 * MAX_VERSIONS_PER_LANG
    assert any("the language changes" in notice and "not checked" in notice for notice in document.notices)
    assert len(document.unassigned) >= 3 * (rounds - MAX_VERSIONS_PER_LANG)


def test_identification_reads_the_head_of_a_long_block_cut_at_a_word() -> None:
    text = "word " * 200
    assert head(text, 12) == "word word"  # "word word wo" would cut a word
    assert head("short text", 400) == "short text"
    assert head("x" * 500, 400) == "x" * 400  # no space: cut where it must be
    assert head(text, None) == text


def test_the_head_of_each_block_gives_seed_000_the_labels_of_its_whole_text() -> None:
    blocks = read_file(SEED_000, default_patterns())
    weighed = weights(blocks)
    whole = identify(blocks, LANGS, weighed, chars=None)
    headed = identify(blocks, LANGS, weighed)
    assert any(len(b.text) > 2 * (IDENTIFY_CHARS or 0) for b in blocks)  # the cut reads less of some blocks
    assert [max(s, key=s.__getitem__) if s else None for s in headed] == [
        max(s, key=s.__getitem__) if s else None for s in whole
    ]
    assert label(blocks, headed, LANGS, weighed) == label(blocks, whole, LANGS, weighed)


def _labels_by_definition(scores: list[dict[str, float]], langs: list[str], weighed: list[float]) -> list[str]:
    """The Viterbi pass written plainly: for each block and state, the first
    cheapest predecessor in the order of ``langs`` (staying costs nothing,
    switching the penalty), then the first cheapest end state."""
    penalty = min(SWITCH_PENALTY, SWITCH_SHARE * sum(weighed) / len(langs))
    cost = {s: 0.0 for s in langs}
    back = []
    for w, score in zip(weighed, scores):
        options = {s: [(cost[p] + (0.0 if p == s else penalty), k, p) for k, p in enumerate(langs)] for s in langs}
        chosen = {s: min(options[s], key=lambda o: (o[0], o[1])) for s in langs}
        back.append({s: chosen[s][2] for s in langs})
        cost = {s: chosen[s][0] + (w * (1.0 - score.get(s, 0.0)) if score else 0.0) for s in langs}
    state = min(langs, key=lambda s: (cost[s], langs.index(s)))
    labels = [state]
    for step in reversed(back[1:]):
        state = step[state]
        labels.append(state)
    return labels[::-1]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0.0, 12.0, 50.0, 300.0]),
            st.dictionaries(st.sampled_from(["en", "es", "fr", "de"]), st.sampled_from([0.0, 0.25, 0.5, 1.0])),
        ),
        min_size=1,
        max_size=25,
    ),
    st.integers(1, 4),
)
def test_labelling_picks_the_cheapest_path_and_breaks_ties_in_order(
    blocks: list[tuple[float, dict[str, float]]], count: int
) -> None:
    """Ties are frequent (round scores and weights, empty scores): the pass
    must break them as its definition does, first language first."""
    langs = ["en", "es", "fr", "de"][:count]
    weighed = [w for w, _ in blocks]
    scores = [score for _, score in blocks]
    made = [Block(i, "paragraph", "x", i + 1, "t.txt") for i in range(len(blocks))]
    assert label(made, scores, langs, weighed) == _labels_by_definition(scores, langs, weighed)


def test_a_file_in_another_language_is_told_from_its_sample() -> None:
    """German is foreign to en,es,fr, English is not, and too little text
    tells nothing."""
    from ogpcheck.versions.langguard import foreign_language

    def run(text: str) -> list[Block]:
        return [Block(i, "paragraph", text, i + 1, "t.txt") for i in range(6)]

    runs = [
        run("The report describes how the commitments of each action plan were carried out by the government."),
        run("Der Bericht beschreibt, wie die Verpflichtungen jedes Aktionsplans von der Regierung umgesetzt wurden."),
        run("Too short."),
    ]
    assert [foreign_language(r, LANGS) for r in runs] == [None, "de", None]
