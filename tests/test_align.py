"""Align stage: monotone groups, tolerant of blocks missing in one version."""

from __future__ import annotations

from ogpcheck.models import Block, Version
from ogpcheck.read import read_file
from ogpcheck.read.boilerplate import default_patterns
from ogpcheck.versions.align import align
from ogpcheck.versions.split import split

from .conftest import SEED_000

EN = [
    "Results of the co-creation awards in 2019",
    "Six civil society organisations received awards in 2019 and 2020.",
    "Afghanistan consulted 24 provinces and 600 people.",
    "The Philippines held 16 regional dialogues and created 10 groups.",
    "Burkina Faso raised the share of moderate commitments to 60%.",
]
FR = [
    "Résultats des prix de co-création en 2019",
    "Six organisations de la société civile ont reçu des prix en 2019 et 2020.",
    "Les Philippines ont tenu 16 dialogues régionaux et créé 10 groupes.",
    "Le Burkina Faso a porté la part des engagements modérés à 60 %.",
]
ES = [
    "Resultados de los premios de cocreación en 2019",
    "Seis organizaciones de la sociedad civil recibieron premios en 2019 y 2020.",
    "Afganistán consultó 24 provincias y 600 personas.",
    "Filipinas realizó 16 diálogos regionales y creó 10 grupos.",
    "Una frase añadida solo en español, sin equivalente.",
    "Burkina Faso elevó la proporción de compromisos moderados al 60 %.",
]


def version(vid: str, texts: list[str]) -> Version:
    return Version(vid, vid, f"{vid}.txt", [Block(i, "paragraph", t, i + 1, f"{vid}.txt") for i, t in enumerate(texts)])


def test_paragraph_missing_in_one_version_is_skipped_not_shifted() -> None:
    groups = align([version("en", EN), version("es", ES), version("fr", FR)])
    rows = [{vid: b.line for vid, b in g.members.items()} for g in groups]
    assert {"en": 3, "es": 3} in rows  # Afghanistan: no French
    assert {"en": 4, "es": 4, "fr": 3} in rows
    assert {"es": 5} in rows  # the added Spanish sentence stands alone
    assert {"en": 5, "es": 6, "fr": 4} in rows


def test_groups_are_monotone_and_cover_every_block_once() -> None:
    versions = [version("en", EN), version("es", ES), version("fr", FR)]
    groups = align(versions)
    for v in versions:
        lines = [g.members[v.id].line for g in groups if v.id in g.members]
        assert lines == sorted(lines) == [b.line for b in v.blocks]


def test_seed_000_results_table_cells_align_one_to_one() -> None:
    document = split(read_file(SEED_000, default_patterns()), ["en", "es", "fr"], str(SEED_000))
    groups = align(document.versions)
    complete = [g for g in groups if len(g.members) == 3]
    assert len(complete) >= 0.95 * min(len(v.blocks) for v in document.versions)
    # the French 12 in the Burkina Faso row sits with the English and Spanish 4
    row = next(g for g in groups if "fr" in g.members and g.members["fr"].line == 788)
    assert row.members["en"].text == "4" and row.members["es"].text == "4"


def test_a_name_in_most_paragraphs_anchors_nothing() -> None:
    """"OGP" in every paragraph of a report on OGP: a block that names only
    OGP must not pair with the paragraph whose other names match."""
    from ogpcheck.models import Block
    from ogpcheck.versions.align import features, without_subjects

    texts = [f"Paragraph {k} on the OGP process and its members." for k in range(6)] + ["The Partnership met."]
    feats = without_subjects([features(Block(k, "paragraph", t, k + 1, "x")) for k, t in enumerate(texts)])
    assert all("ogp" not in f.names for f in feats) and "partnership" in feats[-1].names


def test_a_number_with_an_abbreviated_scale_anchors_its_written_out_form() -> None:
    from ogpcheck.models import Block
    from ogpcheck.versions.align import features

    def numbers(text: str) -> frozenset[str]:
        return features(Block(0, "paragraph", text, 1, "x")).numbers

    assert numbers("Man loses $200k in a mining pool scam") == numbers("Un hombre pierde $200.000 en una estafa")
    assert "30000000" in numbers("30M gas") and "30000000" in numbers("30 M de gaz")
    assert numbers("A 16 GB card") == frozenset({"16"})
