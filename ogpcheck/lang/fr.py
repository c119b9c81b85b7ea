"""French."""

from .profile import Profile

PROFILE = Profile(
    code="fr",
    name="French",
    locale="fr",
    number_words="fr",
    spacy=("fr_core_news_sm",),
    scales={
        "mille": 3,
        "million": 6,
        "millions": 6,
        "milliard": 9,
        "milliards": 9,
        "billion": 12,  # the long scale: a French billion is a million millions
        "billions": 12,
    },
    percent=("pour cent",),
    currencies={
        "euro": "EUR",
        "euros": "EUR",
        "dollar": "USD",
        "dollars": "USD",
        "dollars américains": "USD",
        "dollars US": "USD",
    },
    currency_of=("de", "d'", "d’"),
    range_to=("au", "à"),
    range_between=("entre",),
    range_and=("et",),
    section_words=(
        "fenêtre", "section", "chapitre", "article", "annexe", "partie", "étape", "tableau", "figure", "point",
    ),
    ordinal_endings=("er", "re", "e", "ère", "ème", "eme", "nde", "ᵉʳ", "ʳᵉ", "ᵉ"),
    hour_words=("heures", "heure", "h"),
    decade_words=("années",),
    demonstratives=("ce", "cet", "cette", "ces", "celui", "celle", "ceux", "celles"),
    conjunctions=("et", "ou"),
    heading_words=(
        "étape", "partie", "chapitre", "section", "annexe", "appendice", "phase", "module", "leçon", "unité",
    ),
    clause_openers=(
        "qui", "que", "qu", "dont", "où", "lorsque", "lorsqu", "quand", "tandis", "bien", "parce", "puisque",
        "puisqu", "si", "ce", "lequel", "laquelle",
    ),
    lead_ins=(
        "par exemple", "comme", "tels que", "telles que", "tel que", "notamment", "y compris", "à savoir",
        "c'est-à-dire", "p. ex",
    ),
    stopwords=(
        "à", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur",
        "un", "une",
    ),
    generic=(
        "agence", "accord", "association", "banque", "comité", "conseil", "département", "fondation", "fonds",
        "gouvernement", "ministère", "national", "programme", "projet", "république", "unité",
    ),
    function_words=(
        "des", "et", "est", "une", "au", "aux", "pour", "dans", "sur", "qui", "pas", "ce", "cette", "sont", "avec",
        "vous", "nous", "leur", "été", "être", "ces", "sa", "ses", "très", "peut", "ont", "votre", "vos", "elle",
        "ils", "leurs", "dont", "où", "aussi", "cela", "chaque", "donc", "tous", "comme",
    ),
    warm_up="Le conseil s’est réuni 3 fois en 2021 et a approuvé 12 projets pour 1 500 familles.",
)
