"""The quality benchmark's own parts, on small handmade triples: Markdown
units and gold alignment, prose masking, number mutations, the seeded
injector, matching and scores, alignment accuracy, the baselines and the
runner's message when the corpus is absent."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.quality import alignment, mutate
from benchmarks.quality.baselines import Pofilter, naive
from benchmarks.quality.corpus import CorpusMissing, Triple, count_words, load_corpus
from benchmarks.quality.detect import Hit, Run
from benchmarks.quality.gold import gold_pairs
from benchmarks.quality.inject import NUMBER_TYPES, Injection, Injector, Prepared
from benchmarks.quality.metrics import matches, outcome, score
from benchmarks.quality.prose import line_offsets, names_in, numbers_in
from benchmarks.quality.review import Reported, Review, Tally, load_reviews, parse, suspect_right
from benchmarks.quality.review import matches as review_matches
from benchmarks.quality.runner import _new, _plain, main
from benchmarks.quality.units import parse_units
from ogpcheck.models import Block

EN = """---
title: Keep Port 80 Open
slug: port-80
lastmod: 2019-01-24
---
import Tip from '~/components/Tip.astro';

## Why port 80

Servers should offer HTTP on port 80 and HTTPS on port 443, says Acme Corp.

<Steps>
1. Open port 80 on the firewall of Acme Corp.
2. Redirect every request to port 443.
3. Check the `listen 8080` line and the [guide](https://example.org/v2/80).
</Steps>

```sh
curl -I http://localhost:80
```

## Help

Ask Globex Inc in the forum for 20 minutes of help.
"""
ES = """---
title: Mantenga abierto el puerto 80
slug: port-80
lastmod: 2019-01-24
---
import Tip from '~/components/Tip.astro';

## Por qué el puerto 80

Los servidores deben ofrecer HTTP en el puerto 80 y HTTPS en el puerto 443, dice Acme Corp.

<Steps>
1. Abra el puerto 80 en el cortafuegos de Acme Corp.
2. Redirija todas las solicitudes al puerto 443.
3. Revise la línea `listen 8080` y la [guía](https://example.org/v2/80).
</Steps>

```sh
curl -I http://localhost:80
```

## Ayuda

Pregunte a Globex Inc en el foro por 20 minutos de ayuda.
"""
FR = """---
title: Gardez le port 80 ouvert
slug: port-80
lastmod: 2019-01-24
---
import Tip from '~/components/Tip.astro';

## Pourquoi le port 80

Les serveurs doivent offrir HTTP sur le port 80 et HTTPS sur le port 443, dit Acme Corp.

<Steps>
1. Ouvrez le port 80 sur le pare-feu d'Acme Corp.
2. Redirigez chaque requête vers le port 443.
3. Vérifiez la ligne `listen 8080` et le [guide](https://example.org/v2/80).
</Steps>

```sh
curl -I http://localhost:80
```

## Aide

Demandez à Globex Inc sur le forum 20 minutes d'aide.
"""
TRIPLE = Triple("handmade/port-80", ".md", {"en": EN, "es": ES, "fr": FR})


def _lines_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


# -- units and gold alignment ---------------------------------------------------


def test_units_follow_the_markdown_skeleton() -> None:
    units = parse_units(EN)
    shapes = [u.shape for u in units]
    assert shapes == ["fm:title", "h2", "p", "li1", "li1", "li1", "code", "h2", "p"]
    assert units[0].line == 2  # front matter: title only, not slug or lastmod
    first_item = units[3]
    assert first_item.line == _lines_of(EN, "1. Open port 80 on the firewall of Acme Corp.")
    assert first_item.item == (first_item.line, first_item.line)
    assert units[6].kind == "code" and not units[6].is_text


def test_the_text_of_an_html_block_is_a_unit() -> None:
    text = "Intro.\n\n<ul>\n  <li><a href=\"/eip\">EIP-5133</a> – <em>delays the bomb until 2022</em></li>\n</ul>\n\n<br/>\n"
    units = parse_units(text)
    assert [(u.kind, u.line, u.end) for u in units] == [("paragraph", 1, 1), ("html", 3, 5)]


def test_numbers_are_drawn_from_every_place_in_the_prose() -> None:
    texts = {
        "en": "# Step 2 of 3\n\nRead [RFC 8555](https://x.org) first: it has 9 sections.\n\n- Wait 20 minutes.\n\n<p>Call us at 5 pm.</p>\n",
        "es": "# Paso 2 de 3\n\nLea [RFC 8555](https://x.org) primero: tiene 9 secciones.\n\n- Espere 20 minutos.\n\n<p>Llame a las 5.</p>\n",
        "fr": "# Étape 2 sur 3\n\nLisez [RFC 8555](https://x.org) d'abord : il a 9 sections.\n\n- Attendez 20 minutes.\n\n<p>Appelez à 5 h.</p>\n",
    }
    doc = Prepared.of(Triple("src/places", ".md", texts))
    injections = Injector([doc], seed=1).generate(12, ["digit"])
    assert {i.place for i in injections} == {"heading", "link text", "paragraph", "list item", "HTML block"}


def test_an_item_followed_by_component_lines_cannot_be_dropped_whole() -> None:
    text = 'Intro.\n\n- One item.\n- Two item.\n\n    <Aside type="tip" />\n- Three item.\n\nEnd.\n'
    items = [u for u in parse_units(text) if u.kind == "list_item"]
    assert [u.item for u in items] == [(3, 3), None, (7, 7)]


def test_gold_pairs_skip_a_section_whose_skeleton_differs() -> None:
    en = "# A\n\nOne `a`.\n\n# B\n\nTwo `b`.\n\n# C\n\nThree `c`.\n"
    es = "# A\n\nUno `a`.\n\n# B\n\nDos `b`.\n\nDos bis.\n\n# C\n\nTres `c`.\n"
    a, b = parse_units(en), parse_units(es)
    pairs = {a[i].line: b[j].line for i, j in gold_pairs(a, en, b, es).items()}
    assert pairs == {1: 1, 3: 3, 9: 11, 11: 13}  # section B (lines 5-7) has no gold


def test_gold_pairs_drop_a_section_with_a_grossly_uneven_pair() -> None:
    en = "# Z\n\nFirst.\n\n# A\n\n" + "A long English paragraph with many words in it, " * 4 + "\n"
    es = "# Z\n\nPrimero.\n\nAparte.\n\n# A\n\nCorto, pero con bastantes letras para contar.\n"
    a, b = parse_units(en), parse_units(es)
    assert gold_pairs(a, en, b, es) == {}  # Z differs in skeleton, A in length


# -- prose ------------------------------------------------------------------------


def test_numbers_in_prose_skip_code_links_markers_and_identifiers() -> None:
    text = "1. Open port 80 and `8080`, see [v2](https://x.org/443) or HTTP-01 at 2.5% and 1,500 users.\n"
    unit = parse_units(text)[0]
    found = [t.text for t in numbers_in(text, line_offsets(text), unit)]
    assert found == ["80", "2.5", "1,500"]
    assert [t.key for t in numbers_in(text, line_offsets(text), unit)] == ["80", "25", "1500"]


def test_names_in_prose_include_runs_and_their_parts() -> None:
    text = "Ask Globex Inc or `Initech` today.\n"
    unit = parse_units(text)[0]
    found = {t.key for t in names_in(text, line_offsets(text), unit)}
    assert {"Globex Inc", "Globex", "Inc", "Ask"} <= found and "Initech" not in found


# -- mutations ---------------------------------------------------------------------


def test_one_digit_changes_exactly_one_digit_without_a_leading_zero() -> None:
    out = mutate.one_digit("443", random.Random(0))
    assert len(out) == 2 * 9 + 8  # nine other digits at two places, eight at the first
    assert all(sum(a != b for a, b in zip(o, "443")) == 1 and not o.startswith("0") for o in out)


def test_off_by_one_and_magnitude_keep_the_way_it_is_written() -> None:
    assert sorted(mutate.off_by_one("80", random.Random(0))) == ["79", "81"]
    assert sorted(mutate.off_by_one("1,500", random.Random(0))) == ["1,499", "1,501"]
    assert sorted(mutate.magnitude("80", random.Random(0))) == ["8", "800"]
    assert mutate.magnitude("443", random.Random(0)) == ["4430"]
    assert mutate.magnitude("0", random.Random(0)) == []  # ten times zero is no change
    assert mutate.magnitude("1,500", random.Random(0)) == []


def test_separator_swap_changes_the_value_for_a_reader_of_the_language() -> None:
    assert mutate.separator_swap("1,500", "en") == ["1.500"]
    assert mutate.separator_swap("1\u00a0500", "fr") == ["1,500"]
    assert mutate.separator_swap("8080", "en") == ["8.080"]
    assert mutate.separator_swap("8080", "fr") == ["8,080"]
    assert mutate.separator_swap("2.5", "en") == []  # reads 2.5 either way
    assert mutate.separator_swap("2019", "en") == []  # a year is never grouped
    assert mutate.separator_swap("1.500", "es") == []  # both readings in use


# -- injector ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prepared() -> Prepared:
    return Prepared.of(TRIPLE)


def test_the_injector_is_reproducible(prepared: Prepared) -> None:
    first = Injector([prepared], seed=7).generate(3)
    again = Injector([prepared], seed=7).generate(3)
    assert [(i.kind, i.version, i.start, i.replacement) for i in first] == [
        (i.kind, i.version, i.start, i.replacement) for i in again
    ]
    assert {i.kind for i in first} >= {
        "digit",
        "off_by_one",
        "magnitude",
        "drop_number",
        "placeholder",
        "entity",
        "drop_item",
    }


def test_number_injections_change_one_version_at_a_place_another_states(prepared: Prepared) -> None:
    injections = [i for i in Injector([prepared], seed=3).generate(5) if i.kind in NUMBER_TYPES]
    assert injections
    for inj in injections:
        texts = inj.apply(TRIPLE.texts)
        assert [lang for lang in texts if texts[lang] != TRIPLE.texts[lang]] == [inj.version]
        assert mutate.digits_of(inj.original) in {"80", "443", "20", "8080"} - (
            {"8080"} - {mutate.digits_of(inj.original)}
        )
        stated = [
            mutate.digits_of(inj.original) in mutate.digits_of("\n".join(TRIPLE.texts[lang].split("\n")[lo - 1 : hi]))
            for lang, (lo, hi) in inj.counterparts.items()
        ]
        assert any(stated)
        changed = texts[inj.version].split("\n")[inj.line - 1]
        assert (
            (inj.replacement in changed)
            if inj.replacement
            else changed != TRIPLE.texts[inj.version].split("\n")[inj.line - 1]
        )


def test_no_injection_touches_code_links_or_front_matter_keys(prepared: Prepared) -> None:
    for inj in Injector([prepared], seed=11).generate(10):
        line = TRIPLE.texts[inj.version].split("\n")[inj.line - 1]
        assert not line.startswith(("slug:", "lastmod:", "curl", "import ")), inj
        if inj.kind != "drop_item":
            assert (
                "8080" not in inj.original
                and "example.org"
                not in line[
                    inj.start - sum(len(x) + 1 for x in TRIPLE.texts[inj.version].split("\n")[: inj.line - 1]) :
                ][:1]
            )


def test_a_swapped_name_comes_from_the_same_document(prepared: Prepared) -> None:
    swaps = [i for i in Injector([prepared], seed=5).generate(6) if i.kind == "entity"]
    assert swaps
    for inj in swaps:
        assert inj.original in prepared.name_pool and inj.replacement in prepared.name_pool
        assert inj.replacement != inj.original


def test_a_dropped_item_removes_its_lines_only(prepared: Prepared) -> None:
    drops = [i for i in Injector([prepared], seed=2).generate(3) if i.kind == "drop_item"]
    assert drops
    for inj in drops:
        before = TRIPLE.texts[inj.version].split("\n")
        after = inj.apply(TRIPLE.texts)[inj.version].split("\n")
        assert len(before) - len(after) == 1 and before[inj.line - 1] not in after
        # a finding about the shorter list may point anywhere in it: the spans cover the lists
        first = _lines_of(TRIPLE.texts[inj.version], before[12])
        assert inj.span == (first, first + 1)
        assert all(hi - lo == 2 for lo, hi in inj.counterparts.values())


# -- matching and scores ---------------------------------------------------------------


def _injection(kind: str = "digit", version: str = "es") -> Injection:
    return Injection(0, "doc", kind, version, 12, (11, 13), "80", "81", {"en": (20, 20), "fr": (11, 11)}, 0, 2)


def test_a_finding_matches_on_the_changed_unit_or_its_counterparts() -> None:
    inj = _injection()
    assert matches(Hit("t", "R", "error", ("es",), (("es", 14),)), inj)  # within one line
    assert matches(Hit("t", "R", "error", ("en",), (("en", 20),)), inj)
    assert not matches(Hit("t", "R", "error", ("es",), (("es", 15),)), inj)
    assert not matches(Hit("t", "R", "error", ("fr",), (("en", 11),)), inj)


def test_scores_count_detections_hits_and_suspects() -> None:
    right = Hit("t", "R", "error", ("es",), (("es", 12),))
    blamed_wrong = Hit("t", "R", "warning", ("en",), (("en", 20),))
    elsewhere = Hit("t", "R", "error", ("fr",), (("fr", 40),))
    info_only = Hit("t", "R", "info", ("es",), (("es", 12),))
    outcomes = [
        outcome(_injection(), [right, elsewhere]),
        outcome(_injection(), [blamed_wrong]),
        outcome(_injection("entity"), [info_only]),
    ]
    s = score(outcomes)
    assert (s.n, s.detected, s.detected_any) == (3, 2, 3)
    assert s.recall == pytest.approx(2 / 3) and s.recall_any == 1.0
    assert s.precision == pytest.approx(2 / 3)  # 3 counted hits, 2 on an injection
    assert s.suspect_accuracy == 0.5
    assert s.f1 == pytest.approx(2 / 3)
    assert s.type_recall("digit") == 1.0 and s.type_recall("entity") == 0.0 and s.type_recall("drop_item") is None


def _hit(rule: str, suspect: tuple[str, ...], values: set[str], line: int = 8, message: str = "") -> Hit:
    texts = ("Los servidores deben ofrecer HTTP en el puerto 81.", "Servers should offer HTTP on port 80.")
    return Hit("ogpcheck", rule, "error", suspect, (("es", line), ("en", line)), message, texts, frozenset(values))


REVIEW = {
    "slug": "src/doc",
    "rule": ["NUM001", "NUM002"],
    "values": [80, 81],
    "excerpt": "offer  HTTP on port",
    "verdict": "genuine",
    "wrong": ["es"],
    "what": "Spanish gives another port.",
}


def test_a_review_is_keyed_by_triple_rule_values_and_excerpt_never_by_line_or_message() -> None:
    review = parse(REVIEW, "test")
    found = Reported("src/doc", _hit("NUM001", ("es",), {"80", "81"}))
    assert review_matches(review, found)
    moved = Reported("src/doc", _hit("NUM002", ("es",), {"81", "80"}, line=40, message="reworded"))
    assert review_matches(review, moved)
    assert not review_matches(review, Reported("src/other", found.hit))
    assert not review_matches(review, Reported("src/doc", _hit("NUM001", ("es",), {"80", "82"})))
    assert not review_matches(review, Reported("src/doc", _hit("ENT001", ("es",), {"80", "81"})))
    assert not review_matches(parse(dict(REVIEW, excerpt="port 443"), "test"), found)


def test_the_suspect_is_right_when_it_is_the_version_to_fix() -> None:
    review = parse(REVIEW, "test")
    assert suspect_right(Reported("src/doc", _hit("NUM001", ("es",), {"80", "81"})), review)
    assert not suspect_right(Reported("src/doc", _hit("NUM001", ("en",), {"80", "81"})), review)
    assert not suspect_right(Reported("src/doc", _hit("NUM001", (), {"80", "81"})), review)


def test_a_review_needs_what_is_wrong_or_the_cause_of_the_false_alarm() -> None:
    with pytest.raises(ValueError, match="needs 'wrong'"):
        parse(dict(REVIEW, wrong=[]), "test")
    with pytest.raises(ValueError, match="needs a 'cause'"):
        parse(dict(REVIEW, verdict="false alarm", cause="bad luck"), "test")
    with pytest.raises(ValueError, match="verdict"):
        parse(dict(REVIEW, verdict="maybe"), "test")


def test_a_tally_leaves_unreviewed_findings_out_of_precision() -> None:
    review = parse(REVIEW, "test")
    false = parse(dict(REVIEW, verdict="false alarm", cause="entities", note="n"), "test")
    found = Reported("src/doc", _hit("NUM001", ("es",), {"80", "81"}))
    tally = Tally(paragraphs=200)
    tally.add(review, found)
    tally.add(false, found)
    tally.add(None, found)
    assert (tally.findings, tally.genuine, tally.false_alarms, tally.unreviewed) == (3, 1, 1, 1)
    assert tally.precision == 0.5 and tally.per_100 == 0.5 and tally.suspect_accuracy == 1.0
    assert tally.causes == {"entities": 1}


def test_the_shipped_reviews_are_valid() -> None:
    reviews = load_reviews()
    assert reviews and all(isinstance(r, Review) for r in reviews)
    assert all(r.slug.count("/") == 1 for r in reviews)


def test_an_injected_run_counts_only_the_findings_the_injection_brought() -> None:
    inj = _injection()
    old = Hit("t", "ENT004", "warning", ("fr",), (("fr", 40),), "fr does not name X")
    moved_old = Hit("t", "ENT004", "warning", ("fr",), (("fr", 41),), "fr does not name X")
    new = Hit("t", "NUM001", "error", ("es",), (("es", 12),), "es gives 81")
    stray = Hit("t", "NUM002", "warning", ("fr",), (("fr", 60),), "fr lacks 5")
    before = Counter([old.same])
    assert _new([moved_old, new, stray], before, inj, 1) == [new, stray]


# -- alignment accuracy and baselines -----------------------------------------------------


def _block(vid: str, line: int, text: str) -> Block:
    return Block(line, "paragraph", text, line, f"report.{vid}.md")


def test_alignment_accuracy_maps_lines_through_a_drop() -> None:
    inj = Injection(0, "doc", "drop_item", "es", 5, (5, 5), "- gone\n", "", {"en": (5, 5)}, 0, 7)
    links = {"es": [(1, 1), (5, 5), (7, 7)]}
    groups = [
        {"en": _block("en", 1, "a"), "es": _block("es", 1, "a")},
        {"en": _block("en", 7, "c"), "es": _block("es", 6, "c")},
    ]
    assert alignment.accuracy(links, groups, alignment.through(inj)) == (2, 2)
    assert alignment.accuracy(links, groups) == (1, 1)  # unmapped: es line 7 is not a block


def test_naive_baseline_compares_digits_of_blocks_paired_by_position() -> None:
    blocks = {
        "en": [_block("en", 1, "Port 80 and 443."), _block("en", 3, "Wait 20 minutes.")],
        "es": [_block("es", 1, "Puerto 80 y 443."), _block("es", 3, "Espere 25 minutos.")],
        "fr": [_block("fr", 1, "Port 80 et 443."), _block("fr", 3, "Attendez 20 minutes.")],
    }
    hits = naive(Run([], blocks, []))
    assert [(h.suspect, h.locations) for h in hits] == [(("es",), (("es", 3), ("en", 3)))]


def test_pofilter_baseline_uses_translate_toolkit_numbers_check() -> None:
    pytest.importorskip("translate.filters.checks")
    en, es = _block("en", 1, "Port 80 and 443."), _block("es", 1, "Puerto 80 y 444.")
    run = Run([], {"en": [en], "es": [es]}, [{"en": en, "es": es}])
    tool = Pofilter()
    assert tool.available
    assert [h.locations for h in tool.by_position(run)] == [(("es", 1), ("en", 1))]
    assert [h.tool for h in tool.on_alignment(run)] == ["pofilter+align"]


# -- corpus and runner -------------------------------------------------------------------


def test_load_corpus_finds_triples_and_counts_words(tmp_path: Path) -> None:
    folder = tmp_path / "src" / "doc"
    folder.mkdir(parents=True)
    for lang, text in TRIPLE.texts.items():
        (folder / f"{lang}.md").write_text(text, encoding="utf-8")
    (tmp_path / "src" / "lonely").mkdir()
    (tmp_path / "src" / "lonely" / "en.md").write_text("Only English.\n", encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("slug\tsync\nsrc/doc\tdrifted\n", encoding="utf-8")
    triples = load_corpus(tmp_path)
    assert [(t.slug, t.source, t.sync, t.split) for t in triples] == [("src/doc", "src", "drifted", "tuning")]
    assert count_words("Port 80, it's open_now.") == 5


def test_a_missing_corpus_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CorpusMissing):
        load_corpus(tmp_path / "absent")
    with pytest.raises(SystemExit) as exit_:
        main(["--corpus", str(tmp_path / "absent"), "--no-speed"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.count("\n") == 1 and "corpus folder not found" in err and "Traceback" not in err


def test_json_records_write_a_hits_values_as_a_sorted_list() -> None:
    """``--json`` writes every hit; its disputed values are a set."""
    import json
    from dataclasses import asdict

    hit = Hit("ogpcheck", "NUM001", "error", ("fr",), (("fr", 3),), values=frozenset({"4", "12"}))
    assert json.loads(json.dumps(asdict(hit), default=_plain))["values"] == ["12", "4"]
    with pytest.raises(TypeError):
        json.dumps({"when": object()}, default=_plain)
