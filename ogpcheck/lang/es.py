"""Spanish."""

from .profile import Profile

PROFILE = Profile(
    code="es",
    name="Spanish",
    locale="es",
    number_words="es",
    spacy=("es_core_news_sm",),
    both_groupings=True,  # Spain groups with ".", much of Latin America (and MT text) with ","
    scales={
        "mil": 3,
        "millón": 6,
        "millon": 6,
        "millones": 6,
        "mil millones": 9,
        "millardo": 9,
        "millardos": 9,
        "billón": 12,
        "billon": 12,
        "billones": 12,
    },
    percent=("por ciento",),
    currencies={
        "euro": "EUR",
        "euros": "EUR",
        "dólar": "USD",
        "dólares": "USD",
        "dolares": "USD",
        "dólares estadounidenses": "USD",
    },
    currency_of=("de",),
    range_to=("a", "al", "hasta"),
    range_between=("entre",),
    range_and=("y",),
    section_words=(
        "ventana", "sección", "seccion", "capítulo", "capitulo", "artículo", "articulo", "anexo", "parte", "paso",
        "tabla", "figura", "punto",
    ),
    ordinal_endings=("º", "ª", ".º", ".ª", "er", ".er"),
    am=("a. m.", "a.m.", "am"),
    pm=("p. m.", "p.m.", "pm"),
    hour_words=("horas", "hora", "h", "hs"),
    decade_words=("años", "década de", "década de los"),
    demonstratives=("este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "dicho", "dicha"),
    conjunctions=("y", "e", "o", "u"),
    heading_words=("paso", "parte", "capítulo", "sección", "anexo", "apéndice", "fase", "módulo", "lección", "unidad"),
    clause_openers=(
        "que", "quien", "quienes", "cual", "cuales", "donde", "cuando", "mientras", "aunque", "porque", "si", "lo",
    ),
    lead_ins=(
        "por ejemplo", "como", "tales como", "incluidos", "incluidas", "incluyendo", "es decir", "p. ej", "a saber",
        "esto es",
    ),
    stopwords=("a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "para", "por", "un", "una", "y"),
    generic=(
        "agencia", "acuerdo", "asociación", "banco", "comité", "consejo", "departamento", "fundación", "fondo",
        "gobierno", "ministerio", "nacional", "programa", "proyecto", "república", "unidad",
    ),
    function_words=(
        "el", "los", "las", "pero", "más", "también", "sus", "cuando", "muy", "hay", "puede", "sido", "donde",
        "estos", "otros", "según", "sin", "cómo", "qué", "tiene", "tienen", "pueden", "debe", "hacer", "ya", "usted",
        "ellos", "mismo", "hasta", "algunos", "siguiente",
    ),
    warm_up="El consejo se reunió 3 veces en 2021 y aprobó 12 proyectos para 1.500 familias.",
)
