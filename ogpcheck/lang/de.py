"""German."""

from .profile import Profile

PROFILE = Profile(
    code="de",
    name="German",
    locale="de",
    number_words="de",
    spacy=(),  # none on the package index; add spaCy's own in rules/patterns/entities.yaml (models)
    scales={
        "tausend": 3,
        "million": 6,
        "millionen": 6,
        "mio.": 6,
        "milliarde": 9,
        "milliarden": 9,
        "mrd.": 9,
        "billion": 12,  # the long scale, as in French
        "billionen": 12,
    },
    percent=("Prozent",),
    currencies={"Euro": "EUR", "Dollar": "USD", "US-Dollar": "USD"},
    range_to=("bis",),
    range_between=("zwischen",),
    range_and=("und",),
    ordinal_dot=True,
    section_words=(
        "abschnitt", "kapitel", "artikel", "anhang", "teil", "schritt", "tabelle", "abbildung", "punkt", "fenster",
    ),
    # German marks an ordinal with a full stop ("am 3. Mai"), which a number
    # ending a sentence also has: no ending tells them apart.
    ordinal_endings=(),
    hour_words=("Uhr",),
    decade_endings=("er",),
    demonstratives=("dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes"),
    conjunctions=("und", "oder"),
    heading_words=("schritt", "teil", "kapitel", "abschnitt", "anhang", "phase", "modul", "lektion", "einheit"),
    # Not "der", "die", "das": they open relative clauses but far more often
    # an item of the enumeration itself ("die Schulen, die Behörden und ...").
    clause_openers=(
        "welche", "welcher", "welches", "wo", "wenn", "als", "während", "obwohl", "weil", "falls", "dass", "ob",
        "sodass",
    ),
    lead_ins=(
        "zum beispiel", "z. b", "z.b", "wie", "etwa", "darunter", "einschließlich", "nämlich", "d. h",
        "insbesondere",
    ),
    stopwords=(
        "der", "die", "das", "des", "dem", "den", "und", "für", "von", "vom", "zu", "zur", "zum", "im", "in", "am",
        "an", "auf", "mit", "ein", "eine", "einer", "eines",
    ),
    generic=(
        "agentur", "abkommen", "vereinbarung", "verband", "bank", "ausschuss", "rat", "abteilung", "stiftung",
        "fonds", "regierung", "ministerium", "national", "nationale", "programm", "projekt", "republik", "einheit",
    ),
    function_words=(
        "der", "die", "und", "ist", "nicht", "mit", "von", "für", "ein", "eine", "zu", "den", "dem", "auf", "sich",
        "werden", "wird", "oder", "auch",
    ),
    warm_up="Der Rat trat 2021 dreimal zusammen und genehmigte 12 Projekte für 1.500 Familien.",
)
