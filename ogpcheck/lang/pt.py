"""Portuguese (Brazil and Portugal)."""

from .profile import Profile

PROFILE = Profile(
    code="pt",
    name="Portuguese",
    locale="pt",  # CLDR's "pt" is Brazilian; Portugal groups with spaces, which space_groups allows
    number_words="pt",
    spacy=(),  # none on the package index; add spaCy's own in rules/patterns/entities.yaml (models)
    scales={
        "mil": 3,
        "milhão": 6,
        "milhao": 6,
        "milhões": 6,
        "milhoes": 6,
        "mil milhões": 9,  # Portugal (long scale)
        "bilhão": 9,  # Brazil (short scale)
        "bilhao": 9,
        "bilhões": 9,
        "bilhoes": 9,
        "bilião": 12,  # Portugal
        "biliões": 12,
        "trilhão": 12,  # Brazil
        "trilhões": 12,
    },
    percent=("por cento",),
    currencies={"euro": "EUR", "euros": "EUR", "dólar": "USD", "dólares": "USD", "reais": "BRL"},
    currency_of=("de",),
    range_to=("a", "até"),
    range_between=("entre",),
    range_and=("e",),
    section_words=(
        "secção", "seção", "capítulo", "artigo", "anexo", "parte", "passo", "etapa", "tabela", "quadro", "figura",
        "ponto", "janela",
    ),
    ordinal_endings=("º", "ª", ".º", ".ª"),
    hour_words=("horas", "hora", "h"),
    decade_words=("anos", "década de"),
    demonstratives=("este", "esta", "estes", "estas", "esse", "essa", "esses", "essas", "aquele", "aquela"),
    conjunctions=("e", "ou"),
    heading_words=(
        "passo", "etapa", "parte", "capítulo", "secção", "seção", "anexo", "apêndice", "fase", "módulo", "lição",
        "unidade",
    ),
    clause_openers=(
        "que", "quem", "qual", "quais", "onde", "quando", "enquanto", "embora", "porque", "se", "cujo", "cuja",
    ),
    lead_ins=(
        "por exemplo", "como", "tais como", "incluindo", "inclusive", "ou seja", "isto é", "a saber",
        "nomeadamente",
    ),
    stopwords=(
        "a", "à", "ao", "aos", "as", "com", "da", "das", "de", "do", "dos", "e", "em", "na", "nas", "no", "nos", "o",
        "os", "ou", "para", "pela", "pelo", "por", "um", "uma",
    ),
    generic=(
        "agência", "acordo", "associação", "banco", "comité", "comitê", "conselho", "departamento", "fundação",
        "fundo", "governo", "ministério", "nacional", "programa", "projeto", "projecto", "república", "unidade",
    ),
    function_words=(
        "não", "uma", "ao", "em", "também", "é", "são", "pelo", "pela", "às", "na", "seu", "sua", "isso", "muito",
        "foi",
    ),
    warm_up="O conselho reuniu-se 3 vezes em 2021 e aprovou 12 projetos para 1.500 famílias.",
)
