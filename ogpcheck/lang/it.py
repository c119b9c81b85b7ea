"""Italian."""

from .profile import Profile

PROFILE = Profile(
    code="it",
    name="Italian",
    locale="it",
    number_words="it",
    spacy=(),  # none on the package index; add spaCy's own in rules/patterns/entities.yaml (models)
    scales={
        "mille": 3,
        "mila": 3,
        "milione": 6,
        "milioni": 6,
        "miliardo": 9,
        "miliardi": 9,
        "bilione": 12,
        "bilioni": 12,
    },
    percent=("per cento",),
    currencies={"euro": "EUR", "dollaro": "USD", "dollari": "USD"},
    currency_of=("di",),
    range_to=("a", "al"),
    range_between=("tra", "fra"),
    range_and=("e",),
    section_words=(
        "sezione", "capitolo", "articolo", "allegato", "parte", "passo", "fase", "tabella", "figura", "punto",
        "finestra",
    ),
    ordinal_endings=("º", "ª"),  # not "°": it is also the degree sign
    hour_words=("ore",),
    decade_words=("anni",),
    demonstratives=("questo", "questa", "questi", "queste", "quello", "quella", "quelli", "quelle"),
    conjunctions=("e", "ed", "o", "oppure"),
    heading_words=(
        "passo", "parte", "capitolo", "sezione", "allegato", "appendice", "fase", "modulo", "lezione", "unità",
    ),
    clause_openers=(
        "che", "chi", "cui", "quale", "quali", "dove", "quando", "mentre", "sebbene", "benché", "perché", "poiché",
        "se",
    ),
    lead_ins=(
        "per esempio", "ad esempio", "come", "tra cui", "inclusi", "incluse", "compresi", "comprese", "cioè",
        "ossia", "vale a dire", "in particolare",
    ),
    stopwords=(
        "a", "al", "alla", "ai", "agli", "con", "da", "dal", "dalla", "dei", "degli", "del", "della", "delle", "di",
        "e", "ed", "il", "in", "la", "le", "lo", "gli", "nel", "nella", "o", "per", "su", "sul", "un", "una", "uno",
    ),
    generic=(
        "agenzia", "accordo", "associazione", "banca", "comitato", "consiglio", "dipartimento", "fondazione",
        "fondo", "governo", "ministero", "nazionale", "programma", "progetto", "repubblica", "unità",
    ),
    function_words=(
        "della", "delle", "degli", "dei", "che", "sono", "gli", "alla", "nel", "nella", "anche", "è", "di", "essere",
        "sul", "dalla",
    ),
    warm_up="Il consiglio si è riunito 3 volte nel 2021 e ha approvato 12 progetti per 1.500 famiglie.",
)
