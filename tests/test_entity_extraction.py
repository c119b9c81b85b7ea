"""Extraction and presence of names, with spaCy's spans given by hand so the
rules are tested without a model: what counts as a name, and when a version
is taken to mention it."""

from __future__ import annotations

from ogpcheck.extract.entities import BlockEntities, Extractor, Mention, kept_vocabulary, lowercase_vocabulary, present
from ogpcheck.extract.gazetteer import gazetteer
from ogpcheck.extract.ner import Span
from ogpcheck.extract.terminology import load_terms
from ogpcheck.models import Block, Document, Version

LANGS = ("en", "es", "fr")  # the languages of the documents these tests stand for


def extract(text: str, spans: list[tuple[str, str]] | None = None, lowercase: set[str] | None = None) -> BlockEntities:
    """Mentions of ``text``; ``spans`` are (surface, label) pairs standing in for spaCy."""
    found = [Span(text.index(s), text.index(s) + len(s), label) for s, label in spans or []]
    return Extractor(gazetteer(load_terms(), LANGS), frozenset(lowercase or ()), langs=LANGS).extract(text, found)


def name(text: str, surface: str, label: str, lowercase: set[str] | None = None) -> Mention:
    mentions = [m for m in extract(text, [(surface, label)], lowercase).mentions if m.source == "name"]
    assert len(mentions) == 1, mentions
    return mentions[0]


def test_a_person_must_be_named_in_full() -> None:
    person = name("This publication was developed by Katherine Wikrent.", "Katherine Wikrent", "person")
    assert present(person, extract("Desarrollada por KATHERINE WIKRENT."))
    assert not present(person, extract("Développée par Catherine Wikrent."))
    assert not present(person, extract("Développée par Katherine Dupont."))


def test_spacy_running_on_past_a_person_name_is_cut_back() -> None:
    text = "Esta publicación fue desarrollada por Katherine Wikrent de la Unidad de Apoyo de OGP."
    assert name(text, "Katherine Wikrent de la Unidad de Apoyo", "person").text == "Katherine Wikrent"


def test_a_translated_name_is_there_in_part_but_not_kept() -> None:
    layer = name("Self-host the Tina Data Layer.", "Tina Data Layer", "organisation", lowercase={"data", "layer"})
    translated = extract("Auto-héberger la couche de données Tina.")
    assert present(layer, translated)
    assert not present(layer, translated, strict=True)


def test_a_kept_name_with_a_typo_is_still_kept() -> None:
    lab = name("The award went to Accountability Lab.", "Accountability Lab", "organisation")
    assert present(lab, extract("Le prix a été attribué à Acountability Lab."), strict=True)
    assert not present(lab, extract("El premio fue para una organización local."))


def test_a_capitalised_first_word_of_a_sentence_is_not_a_name() -> None:
    text = "Lo que logramos: Aumentamos el sentido de apropiación."
    assert [m for m in extract(text, [("Aumentamos", "place")]).mentions if m.source == "name"] == []


def test_a_name_made_of_common_words_is_not_compared() -> None:
    text = "The Department of Budget and Management created a unit for budget management."
    spans = [("Department of Budget and Management", "organisation")]
    mentions = extract(text, spans, lowercase={"budget", "management"}).mentions
    assert [m for m in mentions if m.source == "name"] == []


def test_words_in_capitals_are_acronyms_unless_written_in_lower_case_elsewhere() -> None:
    found = extract("ACCESA et les GRANDES questions, XIV", lowercase={"grandes"})
    assert [m.key for m in found.mentions] == ["acronym:ACCESA"]
    assert extract("Some ISPs block port 80").capitals == frozenset({"ISP"})


def test_a_heading_in_capitals_has_names_but_no_acronyms() -> None:
    assert [m.key for m in extract("THE PHILIPPINES").mentions] == ["territory:PH"]


def test_a_name_with_its_acronym_in_brackets_counts_once() -> None:
    found = extract("du Fonds fiduciaire multidonateurs du PGO (FFM du PGO) soutenu par la Banque mondiale")
    assert found.count("term:ogp-mdtf") == 1
    assert found.count("term:ogp") == 2
    assert found.count("term:world-bank") == 1


def test_aliases_and_derived_words_confirm_without_counting() -> None:
    found = extract("La Alianza apoyó la sesión colombiana y Burkina Youth.")
    assert {"term:ogp", "territory:CO", "territory:BF"} <= found.confirmed
    assert found.keys == set()


def test_an_ambiguous_country_name_needs_spacy_to_agree() -> None:
    text = "Chad met the delegation."
    assert extract(text).keys == set()
    assert "territory:TD" in extract(text).confirmed
    assert extract(text, [("Chad", "place")]).keys == {"territory:TD"}


def document(texts: dict[str, list[str]]) -> Document:
    versions = [
        Version(vid, vid.split(".")[0], f"{vid}.md", [Block(i, "paragraph", t, i + 1, f"{vid}.md", text=t) for i, t in enumerate(ts)])
        for vid, ts in texts.items()
    ]
    return Document(versions)


def test_kept_names_are_capitalised_alike_in_two_languages() -> None:
    doc = document(
        {
            "en": ["Add Snipcart to your site.", "The Total is shown by Snipcart.", "the total is due, the total is paid"],
            "es": ["Añade Snipcart a tu sitio.", "El Total lo muestra Snipcart."],
        }
    )
    kept = kept_vocabulary(doc)
    assert kept == {"snipcart": 4}  # "Total" is written in lower case as often: a common word


def test_two_versions_in_one_language_do_not_make_a_name() -> None:
    doc = document({"fr": ["- Quels sont les défis ? Voir Open Gov"], "fr.2": ["- Quels sont les défis ? Voir Open Gov"]})
    assert kept_vocabulary(doc) == {}


def test_a_spacy_span_is_cut_at_punctuation() -> None:
    found = extract("Plugins pour Neovim  - Fournit la coloration.", [("Neovim  - Fournit", "organisation")])
    assert [m.text for m in found.mentions if m.source == "name"] == ["Neovim"]


def test_one_capitalised_word_is_not_a_person() -> None:
    found = extract("Click the Block button to stop it.", [("Block", "person")])
    assert [(m.text, m.label) for m in found.mentions if m.source == "name"] == [("Block", "other")]


def test_an_acronym_agrees_in_another_order_or_spelled_out() -> None:
    ca = next(m for m in extract("a Certificate Authority (CA)").mentions if m.key == "acronym:CA")
    assert present(ca, extract("una autoridad de certificación (AC)"), strict=True)
    spelled = extract("une autorité de certification gratuite")
    assert present(ca, spelled)
    assert not present(ca, spelled, strict=True)


def acronym_of(text: str, surface: str) -> Mention:
    return next(m for m in extract(text).mentions if m.source == "acronym" and m.text == surface)


def test_the_plural_of_an_acronym_is_the_acronym() -> None:
    found = extract("NFTs and EIPs are explained below.")
    assert [m.key for m in found.mentions] == ["acronym:NFT", "acronym:EIP"]


def test_a_heading_id_is_markup_not_a_lower_case_use() -> None:
    doc = document({"en": ["NFT security {#nft-security}"], "es": ["Seguridad de los NFT {#nft-security}"]})
    assert "nft" not in lowercase_vocabulary(doc)


def test_common_technical_acronyms_are_marked_and_units_are_not_names() -> None:
    found = extract("Open the FAQ if the UI or the API fails; the IU needs 16 GB and 2 TB of disk.")
    assert [(m.text, m.common) for m in found.mentions] == [("FAQ", True), ("UI", True), ("API", True), ("IU", True)]
    assert [(m.key, m.common) for m in extract("Send it to the OGP and the CCRI.").mentions] == [
        ("term:ogp", False),
        ("acronym:CCRI", False),
    ]


def test_a_currency_code_or_symbol_beside_an_amount_names_the_currency() -> None:
    assert [m.key for m in extract("It costs $45,000 or 45 000 USD, and €20.").mentions] == ["currency:USD"] * 2 + [
        "currency:EUR"
    ]
    assert [m.key for m in extract("AMD makes chips.").mentions] == ["acronym:AMD"]  # no amount: a company


def test_an_acronym_in_brackets_after_its_words_repeats_them() -> None:
    found = extract("Ethereum Improvement Proposals (EIPs) of the Crypto Carbon Ratings Institute (CCRI) in Multi-Chain Group (GCM)")
    assert [(m.text, m.repeat) for m in found.mentions if m.source == "acronym"] == [("EIP", True), ("CCRI", True), ("GCM", True)]
    assert [(m.text, m.repeat) for m in extract("jetons non fongibles (NFT)").mentions] == [("NFT", True)]
    assert [(m.text, m.repeat) for m in extract("Contact the CCRI (Zurich) office.").mentions] == [("CCRI", False)]


def test_a_name_defined_by_its_acronym_is_there_where_the_acronym_is() -> None:
    tls = name("based on the Transport Layer Security (TLS) protocol", "Transport Layer Security", "organisation")
    assert tls.short == "TLS"
    assert present(tls, extract("basado en el protocolo de Seguridad de la Capa de Transporte (TLS)"))


def test_kept_names_agree_in_the_plural_with_a_number_apart_or_with_parts_swapped() -> None:
    kept = Extractor(gazetteer(load_terms(), LANGS), frozenset(), {"hook": 4, "web3": 4, "appsec": 4}, langs=LANGS)
    hook, web3, appsec = (kept.extract(t, []).mentions[0] for t in ("Hook calls", "Web3 apps", "the AppSec team"))
    assert present(hook, extract("las llamadas a Hooks"), strict=True)
    assert present(web3, extract("Dar sentido a la Web 3"), strict=True)
    assert present(appsec, extract("el equipo SecApp"), strict=True)
    assert not present(appsec, extract("el equipo de seguridad"))


def test_an_acronym_in_another_case_truncated_or_spelled_with_its_number_is_there() -> None:
    assert present(acronym_of("The DEV Community tag", "DEV"), extract("La etiqueta de Dev Community"), strict=True)
    eth = acronym_of("staked ETH is withdrawn", "ETH")
    assert present(eth, extract("l'Ether mis en jeu"))
    assert not present(eth, extract("le réseau Ethereum"))  # a longer word is another word
    l2 = acronym_of("fees on an L2 are low", "L2")
    assert present(l2, extract("las comisiones en una capa 2"))
    assert not present(l2, extract("las comisiones en la capa principal"))


def test_a_person_needs_two_words_the_document_never_writes_in_lower_case() -> None:
    found = extract("Dashboard with Mempool Watcher", [("Mempool Watcher", "person")], lowercase={"mempool"})
    assert [(m.text, m.label) for m in found.mentions if m.source == "name"] == [("Mempool Watcher", "other")]


def test_a_term_inside_a_longer_capitalised_name_is_another_body() -> None:
    assert extract("governed by the Technical Steering Committee (TSC)").keys == {"acronym:TSC"}
    assert extract("reviewed by the Steering Committee").keys == {"term:ogp-steering-committee"}
