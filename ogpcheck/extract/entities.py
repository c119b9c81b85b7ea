"""Extract stage for names: the people, organisations, places, programmes and
acronyms each block mentions, with a key that is the same in every language.

Four sources, from most to least trusted:

1. the gazetteer (CLDR names through Babel, and the terminology): a
   language-independent key, "Filipinas" = "Philippines" = ``territory:PH``;
2. acronyms written in capitals (ACCESA, PAGOF), kept as written;
3. spaCy's NER (Katherine Wikrent, CARE Philippines), keyed by its
   distinctive words, folded, so a kept name matches across languages;
4. kept names: words that two languages of the document write with a
   capital inside a sentence and rarely in lower case (Astro, Snipcart),
   found wherever they stand, whether spaCy tagged them or not.

spaCy's small models are noisy, so a spaCy name is only kept when it looks
like one (a capitalised word that does not merely start a sentence), and the
compare stage only trusts it when another version confirms it. Whether a
version mentions a name is decided from its text (``present``), never from
its own NER output, so a name spaCy missed in one version is not "missing".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import compress, pairwise, permutations

from ..lang import codes as profile_codes
from ..lang import of as profile_of
from ..models import Block, Document
from . import ner
from .fold import Token, fold, stem, tokens
from .gazetteer import (
    Gazetteer,
    Hit,
    cldr_prefixes,
    cldr_short_names,
    currency_codes,
    currency_symbols,
    gazetteer,
    generic_words,
    settings,
    stopwords,
    unit_symbols,
)
from .terminology import Term

GAZETTEER_SOURCES = ("term", "territory", "language", "currency")
FUZZY_WORD = 90  # rapidfuzz ratio for one word of a kept name ("Wikrent")
FUZZY_MIN_LEN = 5  # shorter words must match exactly
CAPS_SHARE = 0.7  # a block this much in capitals is a heading: no acronyms
MAX_NAME_WORDS = 8
_ROMAN = re.compile(r"(?i)[ivxlcdm]+")
_ACRONYM = re.compile(r"([A-Z][A-Z0-9&]{1,9})s?")  # "URLs" is the acronym URL
_SENTENCE_START = frozenset(".!?:;|•●▪¿¡([{]\"“«–—-")
_BEFORE_WORD = frozenset(" \t\n'’\"")  # skipped when looking at what precedes a word
_PARTICLES = {"de", "del", "da", "di", "do", "dos", "du", "van", "von", "le", "la", "bin", "ibn"}
_NAME_GAP = re.compile(r"[ \t]+|[-‐‑'’.&/]{1,2}|[ \t]*&[ \t]*")  # what may stand inside one name
_DEFINITION_GAP = re.compile(r"[^().:;!?|]{0,40}\([^().:;!?|]{0,20}")
ESTABLISHED = 4  # times a kept name is written with a capital before it is surely a name
KEPT_LOWER_SHARE = 2  # a kept name is written in lower case at most half as often as with a capital
TRUNCATED = 3  # letters an abbreviation by truncation may cut off ("ETH" for "Ether")
DERIVED = 4  # letters a derived word may add to a short place name ("kényans" for Kenya)
CODE = "⟦⟧"  # what the reader leaves of an inline code span
_MARKUP = re.compile(r"\{#[^}\n]*\}")  # a heading id, "{#nft-use-cases}": markup, not prose
_AFTER_NUMBER = re.compile(r"\d[ \u00a0\u202f]?$")  # "16 GB", "45 000 USD"
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Z0-9&]{1,9})s?\)")  # "Transport Layer Security (TLS)"
_AMOUNT_BEFORE = re.compile(r"[ \u00a0\u202f]?\d[\d.,\u00a0\u202f ]*$")
_BEFORE_NUMBER = re.compile(r"[ \u00a0\u202f]?\d")  # "USD 45"
_DIGIT = re.compile(r"\d")
_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")


@dataclass(frozen=True)
class Mention:
    """One name found in one block."""

    key: str  # "territory:PH", "term:ogp", "acronym:ACCESA", "name:katherine wikrent"
    label: str  # person | organisation | place | other (an acronym: organisation)
    name: str  # as shown in messages: the English CLDR or terminology name, else the text
    text: str  # as written in the block
    start: int
    end: int
    source: str  # term | territory | language | currency | acronym | name
    cls: str = ""  # for gazetteer hits: names | acronyms
    form: str = ""  # for gazetteer hits: the form of the data that matched
    generic: bool = False
    words: tuple[str, ...] = ()  # for spaCy names: distinctive folded words
    core: tuple[str, ...] = ()  # those the document never writes in lower case ("tina", not "data")
    inner: frozenset[str] = frozenset()  # for spaCy names: gazetteer keys inside
    repeat: bool = False  # an acronym defined right after its name: "(OGP)", "operating system (OS)"
    kept: bool = False  # a name the versions of the document write alike ("Astro", "Snipcart")
    established: bool = False  # such a name, written often enough to be one for sure
    short: str = ""  # the acronym given in brackets right after a name: "Transport Layer Security (TLS)"
    common: bool = False  # a common acronym of technical prose ("API"): never required, but may stand in for a name


@dataclass
class BlockEntities:
    """Everything about names in one block that the compare stage needs."""

    mentions: list[Mention] = field(default_factory=list)
    confirmed: set[str] = field(default_factory=set)  # keys seen through an alias or derived word
    words: frozenset[str] = frozenset()  # folded words of the text
    capitals: frozenset[str] = frozenset()  # words written in capitals, as written
    titled: frozenset[str] = frozenset()  # folded words written with a capital ("Dev" for "DEV")
    stems: frozenset[str] = frozenset()  # plural-insensitive forms of the words ("hooks" -> "hook")
    camel: frozenset[str] = frozenset()  # parts of compound words, in any order ("AppSec" = "SecApp")
    initials: str = ""  # first letters of the words that are not stop words, in order
    code: int = 0  # inline code spans, where a name may stand written as code

    def count(self, key: str) -> int:
        return sum(1 for m in self.mentions if m.key == key and not m.repeat)

    @cached_property
    def keys(self) -> frozenset[str]:
        """Keys of the mentions (read once extraction is over)."""
        return frozenset(m.key for m in self.mentions)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Particles of every profiled language, for the helpers that judge a
    span of words without knowing its language ("de", "the", "du")."""
    return stopwords(profile_codes())


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    """Acronyms of technical prose that are common nouns, not names
    (``common`` in the settings, entries in capitals): "API", "CPU", "FAQ";
    with their letters in order too, the way some translations write them
    ("IU" for "UI"; looked up sorted)."""
    listed = [w for w in settings().get("common", []) if acronym(w) == w]
    return frozenset(listed) | frozenset("".join(sorted(w)) for w in listed)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded words of technical prose that are common nouns, not names,
    however they are capitalised (``common`` in the settings, entries not
    in capitals): "Internet", "Web"."""
    return frozenset(fold(w) for w in settings().get("common", []) if acronym(w) != w)


def _common_acronym(surface: str) -> bool:
    return surface in common_acronyms() or "".join(sorted(surface)) in common_acronyms()


def _common(text: str, word: Token) -> bool:
    surface = acronym(text[word.start : word.end])
    return _common_acronym(surface) if word.caps and surface else word.folded in common_words()


@lru_cache(maxsize=8)
def _symbols(langs: tuple[str, ...]) -> re.Pattern[str]:
    """Currency symbols beside an amount: "$45,000", "45 000 €"."""
    alternatives = "|".join(map(re.escape, sorted(currency_symbols(langs), key=len, reverse=True)))
    space = "[ \u00a0\u202f]?"
    return re.compile(rf"(?<![\w$])({alternatives})(?={space}\d)|(?<=\d){space}({alternatives})(?![\w$])")


def prose(text: str) -> str:
    """The text with markup that is not prose blanked out (heading ids,
    "{#nft-use-cases}"), offsets kept."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


def _alternates(text: str, words: Sequence[Token]) -> set[str]:
    """Other spellings of words with a number: "Web 3" is also "web3",
    "Web3" is also "web", so the two agree; "capa 2" is "capa2"."""
    out: set[str] = set()
    for word, after in pairwise(words):
        numbered = after.folded.isdigit() and len(after.folded) <= 2 and word.folded.isalpha()
        if numbered and text[word.end : after.start] in (" ", "-"):
            out.add(word.folded + after.folded)
    for word in words:
        if word.upper and word.folded[-1] in "0123456789":
            letters = word.folded.rstrip("0123456789")
            if len(letters) >= 2:
                out.add(letters)
    return out


def camel_forms(surface: str) -> set[str]:
    """A compound word written in camel case with its parts in every other
    order, folded: "SecApp" gives "appsec", so that a translation that puts
    the parts the other way round ("AppSec" / "SecApp") agrees."""
    parts = [fold(p) for p in _CAMEL.findall(surface)]
    if not 2 <= len(parts) <= 3 or "".join(parts) != fold(surface):
        return set()
    return {"".join(order) for order in permutations(parts)} - {fold(surface)}


def _sentence_initial(text: str, start: int) -> bool:
    at = start - 1
    while at >= 0 and text[at] in _BEFORE_WORD:
        at -= 1
    return at < 0 or text[at] in _SENTENCE_START


def _mostly_capitals(text: str) -> bool:
    letters = "".join(filter(str.isalpha, text))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) >= CAPS_SHARE * len(letters)


def acronym(surface: str) -> str | None:
    """The acronym a word in capitals stands for, plural "s" removed."""
    match = _ACRONYM.fullmatch(surface)
    return match.group(1) if match else None


def present(mention: Mention, block: BlockEntities, strict: bool = False) -> bool:
    """Whether ``block`` mentions the same thing as ``mention``, judged from
    its text: a gazetteer key in any of its forms or an alias; an acronym as
    written or with its letters in another order (AC for CA, OSC for CSO:
    translated); a spaCy name by its distinctive words, a long word with one typo
    allowed. A person needs all their words. Another name is there if one of
    its core words (those the document never writes in lower case) or of the
    names inside it is: "Tina Data Layer" translated "couche de données
    Tina", "API Name" translated "Nombre de API". ``strict`` asks for all
    words and names inside: a name kept as it is ("Accountability Lab").
    Only a strict match confirms that a name is kept across versions; a
    partial one ("Department of Budget" / "Département du Budget") shows a
    translated name, which cannot be looked for in a third language."""
    if mention.source in GAZETTEER_SOURCES:
        if mention.key in block.keys or mention.key in block.confirmed:
            return True
        # A place name of several words in another order or form: "Latin
        # America" / "América Latina" (CLDR knows only "Latinoamérica").
        words = [w.folded for w in tokens(mention.form)] if mention.source == "territory" else []
        return len(words) >= 2 and all(_word_in(w, block) for w in words if w not in _particles())
    if mention.source == "acronym":
        letters = sorted(mention.text)
        if mention.text in block.capitals or any(sorted(c) == letters for c in block.capitals):
            return True
        if fold(mention.text) in block.titled:
            return True  # the same letters in another case: "DEV Community" / "Dev Community"
        if not strict and _truncated(mention.text, block):
            return True
        return not strict and (_spelled_out(mention.text, block.initials) or _numbered(mention.text, block))
    inner = [key in block.keys or key in block.confirmed for key in mention.inner]
    if mention.label == "person":
        return all(inner) and all(word in block.words for word in mention.words)
    if strict:
        return all(inner) and all(_word_in(word, block) for word in mention.words)
    if mention.short and mention.short in block.capitals:
        return True  # the name translated, its acronym kept
    return any(inner) or any(_word_in(word, block) for word in mention.core)


def _spelled_out(acronym: str, initials: str) -> bool:
    """Whether words in a row start with the letters of the acronym, in any
    order: "autorité de certification" for CA, "Certificate Authority" for AC."""
    letters = sorted(fold(acronym))
    size = len(letters)
    return any(sorted(initials[i : i + size]) == letters for i in range(len(initials) - size + 1))


def _truncated(acronym: str, block: BlockEntities) -> bool:
    """Whether the acronym is the beginning of a capitalised word of the
    block, the other way abbreviations are made: "ETH" for "Ether"."""
    short = fold(acronym)
    return len(short) >= 3 and any(
        w.startswith(short) and len(short) < len(w) <= len(short) + TRUNCATED for w in block.titled
    )


def _numbered(acronym: str, block: BlockEntities) -> bool:
    """Whether an acronym of one letter and a number ("L2", for "layer 2")
    stands spelled out with its number: "couche 2", "capa 2"."""
    number = acronym[1:]
    if not number.isdigit():
        return False
    return any(w.endswith(number) and w[: -len(number)].isalpha() and len(w) > len(acronym) for w in block.words)


def _word_in(word: str, block: BlockEntities) -> bool:
    """Whether a word of a name is in the block: as written, in the singular
    or plural ("Hook" / "Hooks"), as a compound with its parts the other way
    round, or with one typo in a long word."""
    if word in block.words or stem(word) in block.stems or word in block.camel:
        return True
    if len(word) < FUZZY_MIN_LEN:
        return False
    from rapidfuzz import fuzz, process  # only a check of names loads it

    return process.extractOne(word, block.words, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD) is not None


def same_thing(a: Mention, b: Mention) -> bool:
    """Whether two mentions (of different versions) name the same thing."""
    if a.key == b.key:
        return True
    if a.source == b.source == "acronym":
        return sorted(a.text) == sorted(b.text)
    if a.source != "name" or b.source != "name" or a.inner != b.inner:
        return False
    words_a, words_b = set(a.words), set(b.words)
    return words_a <= words_b or words_b <= words_a


@dataclass(frozen=True)
class Prepared:
    """What extraction reads in a block before spaCy is asked: its prose,
    words, gazetteer hits and the mentions spaCy has no say in (computed
    once, for the pre-filter and for the extraction)."""

    text: str
    words: list[Token]
    hits: list[Hit]
    found: tuple[Mention, ...] = ()  # currency symbols beside an amount, then acronyms
    decisive: tuple[int, ...] = ()  # offsets of the candidates whose spaCy reading extraction uses


class Extractor:
    """Turns the text of a block (and spaCy's spans, if any) into mentions."""

    def __init__(
        self,
        gaz: Gazetteer,
        lowercase_words: frozenset[str],
        kept_words: Mapping[str, int] | None = None,
        *,
        langs: tuple[str, ...],
    ) -> None:
        self.gaz = gaz
        self.langs = langs
        self.stop = stopwords(langs)  # particles of the document's languages
        self.generic = generic_words(langs)
        self.prefixes = cldr_prefixes(langs)
        self.short_names = cldr_short_names(langs)
        self.lowercase_words = lowercase_words  # words written in lower case somewhere in the document
        self.kept_words = kept_words or {}  # words the versions write alike, as names: how often
        # what is pure per word, computed once per document: a word recurs in many blocks
        self._derived: dict[str, frozenset[str]] = {}
        self._camel: dict[str, frozenset[str]] = {}

    def prepare(self, text: str, worded: tuple[str, list[Token]] | None = None) -> Prepared:
        """``worded``: the block's prose and words, when known already."""
        text, words = worded or (prose(text), tokens(prose(text)))
        hits = self.gaz.find(text, words)
        taken = [(h.start, h.end) for h in hits]
        found = _currency_symbols(text, taken, self.langs)
        taken += [(m.start, m.end) for m in found]
        found += self._acronyms(text, words, taken)
        block = Prepared(text, words, hits, tuple(found))
        return replace(block, decisive=tuple(self.decisive(block)))

    @staticmethod
    def candidates(block: Prepared) -> list[int]:
        """Where spaCy's entities can change what is extracted from the
        block, found from its words alone (the way Vale looks for a rule's
        tokens before running its pattern): extraction reads them only for
        a place name that is also a common word (whether spaCy tags it) and
        a name, which needs a capitalised word in capitals, one that does
        not merely start a sentence, or one glued to the word before it
        ("Jean-Pierre"). Offsets of these words, in order; a block without
        any (most paragraphs of prose) is extracted the same without spaCy.
        ``decisive`` narrows them down."""
        found = [hit.start for hit in block.hits if hit.form.ambiguous and hit.form.cls != "aliases"]
        text, words = block.text, block.words
        for i, word in enumerate(words):
            if not word.upper:
                continue
            glued = i > 0 and _NAME_GAP.fullmatch(text, words[i - 1].end, word.start) is not None
            if word.caps or glued or not _sentence_initial(text, word.start):
                found.append(word.start)
        return sorted(found)

    def decisive(self, block: Prepared) -> list[int]:
        """The candidates whose spaCy reading extraction actually uses: an
        ambiguous place name (tagged or not), and a candidate word outside
        every gazetteer hit, currency and acronym that can identify a name
        (``_distinctive``). A name needs one: its words must include a
        capitalised distinctive word outside what is already taken (those
        mentions, found without spaCy), and that word is a candidate, being
        in capitals, glued to the word before it (the second capitalised
        word of a name always is) or not the first of a sentence. A
        candidate inside a hit ("OGP", "Liberia"), an acronym ("ACCESA") or
        a stop word, designator or common acronym ("The", "Ministry", "API")
        changes nothing, whatever spaCy says."""
        taken = [(hit.start, hit.end) for hit in block.hits] + [(m.start, m.end) for m in block.found]
        at = set(Extractor.candidates(block))
        found = [hit.start for hit in block.hits if hit.form.ambiguous and hit.form.cls != "aliases"]
        for word in block.words:
            if word.start not in at or _inside(word.start, word.end, taken):
                continue
            if _distinctive(block.text, word, self.stop, self.generic):
                found.append(word.start)
        return sorted(found)

    def extract(self, text: str, spans: Sequence[ner.Span] | None, prepared: Prepared | None = None) -> BlockEntities:
        """The names of a block; ``prepared`` is ``prepare(text)`` when the
        caller has it already."""
        block = prepared or self.prepare(text)
        text, words, hits = block.text, block.words, block.hits
        # the columns of the words at once (folded, stem, ..., upper): no per-word attribute look-ups
        folded, stems, _, _, upper, _ = zip(*words) if words else ((), (), (), (), (), ())
        distinct = frozenset(folded)
        surfaces = [text[w.start : w.end] for w in words if w.upper]
        stop = self.stop
        out = BlockEntities(
            words=distinct | _alternates(text, words),
            capitals=frozenset(filter(None, map(acronym, surfaces))),  # an acronym starts with a capital
            titled=frozenset(compress(folded, upper)),
            stems=frozenset(stems),
            camel=frozenset().union(*map(self._camel_forms, surfaces)),
            initials="".join([f[0] for f in folded if f not in stop]),
            code=text.count(CODE),
        )
        spans = spans or []
        for hit in hits:
            mention = self._hit(text, hit, spans, out)
            if mention is not None:
                out.mentions.append(mention)
        for word in distinct:
            derived = self._derived.get(word)
            if derived is None:
                derived = self._derived[word] = self._derived_from(word)
            if derived:
                out.confirmed.update(derived)
        taken = [(h.start, h.end) for h in hits]
        out.mentions.extend(block.found)  # currency symbols and acronyms, found by ``prepare``
        taken += [(m.start, m.end) for m in out.mentions]
        out.mentions.extend(self._names(text, words, taken, spans, out))
        taken += [(m.start, m.end) for m in out.mentions]
        out.mentions.extend(self._kept(text, words, taken))
        out.mentions.sort(key=lambda m: m.start)
        return out

    def _derived_from(self, word: str) -> frozenset[str]:
        """Places a folded word points to by its beginning: a derived word
        ("colombian", "kenyans") or a part only one name has ("burkina")."""
        keys: set[str] = set()
        for size in range(6, len(word) + 1):
            keys.update(self.prefixes.get(word[:size], ()))
        for size in range(max(4, len(word) - DERIVED), len(word)):
            keys.update(self.short_names.get(word[:size], ()))
        return frozenset(keys)

    def _camel_forms(self, surface: str) -> frozenset[str]:
        found = self._camel.get(surface)
        if found is None:
            found = self._camel[surface] = frozenset(camel_forms(surface))
        return found

    def _kept(self, text: str, words: Sequence[Token], taken: list[tuple[int, int]]) -> list[Mention]:
        """Capitalised words every version writes alike, as names ("Snipcart",
        "JavaScript"), one mention each, whether or not spaCy tagged them here;
        two such names side by side ("Snipcart JavaScript SDK") stay two. A
        kept name with a number written apart is the same ("Web 3", "Web3")."""
        out = []
        for i, word in enumerate(words):
            if not word.upper or _inside(word.start, word.end, taken):
                continue
            key, end = word.folded, word.end
            after = words[i + 1] if i + 1 < len(words) else None
            if key not in self.kept_words and after is not None and text[word.end : after.start] in (" ", "-"):
                key, end = word.folded + after.folded, after.end
            if key not in self.kept_words:
                continue
            out.append(
                Mention(
                    key=f"name:{key}",
                    label="other",
                    name=text[word.start : end],
                    text=text[word.start : end],
                    start=word.start,
                    end=end,
                    source="name",
                    words=(key,),
                    core=(key,),
                    kept=True,
                    established=self.kept_words[key] >= ESTABLISHED,
                )
            )
        return out

    def _hit(self, text: str, hit: Hit, spans: Sequence[ner.Span], out: BlockEntities) -> Mention | None:
        entry, form = hit.entry, hit.form
        tagged = any(s.start < hit.end and hit.start < s.end for s in spans)
        if form.cls == "aliases" or (form.ambiguous and not tagged):
            out.confirmed.add(entry.key)
            return None
        if entry.source == "term" and form.cls == "names" and _longer_name(text, hit.start):
            return None  # "Technical Steering Committee": another body than the term's
        repeat = form.cls == "acronyms" and _defined_here(text, hit, out.mentions)
        return Mention(
            key=entry.key,
            label=entry.label,
            name=entry.name,
            text=text[hit.start : hit.end],
            start=hit.start,
            end=hit.end,
            source=entry.source,
            cls=form.cls,
            form=form.text,
            generic=entry.generic,
            repeat=repeat,
        )

    def _acronyms(self, text: str, words: Sequence[Token], taken: list[tuple[int, int]]) -> list[Mention]:
        """Words in capitals that are neither shouted words ("GRANDES",
        which the document also writes in lower case), roman numerals nor
        units after a number ("16 GB", CLDR's symbols); common nouns of
        technical prose ("API", "CPU") are marked so; a currency code beside an amount ("45 000 USD") is that
        currency. An acronym in brackets right after the words it stands for
        ("operating system (OS)") repeats them: translators may keep the
        words alone. An acronym is labelled an organisation whatever spaCy
        says: the compare stage sorts acronyms by their source, not by
        label, so spaCy need not read a sentence for its acronyms."""
        found = [
            (i, word, surface)
            for i, word in enumerate(words)
            if word.upper and (surface := acronym(text[word.start : word.end])) is not None
        ]
        if not found or _mostly_capitals(text):
            return []
        out = []
        for i, word, surface in found:
            if _ROMAN.fullmatch(surface):
                continue
            if fold(surface) in self.lowercase_words or _inside(word.start, word.end, taken):
                continue
            amount = _AFTER_NUMBER.search(text, 0, word.start) is not None
            if surface in currency_codes() and (amount or _BEFORE_NUMBER.match(text, word.end)):
                if _symbol_before(text, word.start, surface, self.langs):
                    continue  # "$60,000 USD": one amount, one currency
                name = currency_codes()[surface]
                out.append(Mention(f"currency:{surface}", "other", name, surface, word.start, word.end, "currency"))
                continue
            if amount and text[word.start : word.end] in unit_symbols(self.langs):
                continue
            mention = Mention(f"acronym:{surface}", "organisation", surface, surface, word.start, word.end, "acronym")
            if _common_acronym(surface):
                mention = replace(mention, common=True)
            if _defines(text, words, i, surface):
                mention = replace(mention, repeat=True)
            out.append(mention)
        return out

    def _names(
        self,
        text: str,
        words: Sequence[Token],
        taken: list[tuple[int, int]],
        spans: Sequence[ner.Span],
        out: BlockEntities,
    ) -> list[Mention]:
        found = []
        for span in spans:
            inside = [w for w in words if span.start <= w.start and w.end <= span.end]
            for piece in _pieces(text, inside):
                mention = self._name(text, piece, span.label, taken, out)
                if mention is not None:
                    found.append(mention)
        return found

    def _name(
        self, text: str, inside: list[Token], label: str, taken: list[tuple[int, int]], out: BlockEntities
    ) -> Mention | None:
        """One name from the words of a spaCy span, or None if they do not
        look like one that can be compared."""
        stop, generic = self.stop, self.generic
        while inside and inside[0].folded in stop:
            inside = inside[1:]
        while inside and not inside[-1].upper and not _inside(inside[-1].start, inside[-1].end, taken):
            inside = inside[:-1]  # spaCy runs on into the next word: "Markdown connexes"
        if label == "person":
            inside = _leading_name(inside)
            if sum(1 for w in inside if w.upper and w.folded not in self.lowercase_words) < 2:
                # One capitalised word is no evidence of a person ("Block"), nor
                # are capitalised common words ("Mempool Watcher", when the
                # document speaks of "the mempool").
                label = "other"
        if not inside or len(inside) > MAX_NAME_WORDS:
            return None
        within = [m for m in out.mentions if inside[0].start <= m.start and m.end <= inside[-1].end]
        rest = [w for w in inside if not _inside(w.start, w.end, taken)]
        distinctive = [w for w in rest if _distinctive(text, w, stop, generic)]
        if not distinctive or not _looks_like_name(text, distinctive):
            return None
        core = [w for w in distinctive if w.caps or w.folded not in self.lowercase_words]
        if not core:
            return None  # only common words ("Department of Budget and Management"): a translated name
        if label != "person" and all(w.folded in self.kept_words for w in distinctive):
            return None  # names kept alike, each its own mention (see _kept)
        # shown from the first to the last word that identifies the name
        start = min([w.start for w in distinctive] + [m.start for m in within])
        end = max([w.end for w in distinctive] + [m.end for m in within])
        defined = _ACRONYM_AFTER.match(text, inside[-1].end)
        short = defined.group(1) if defined and _initials_match(defined.group(1), inside) else ""
        return Mention(
            key="name:" + " ".join(w.folded for w in distinctive),
            label=label,
            name=text[start:end],
            text=text[start:end],
            start=start,
            end=end,
            source="name",
            words=tuple(w.folded for w in distinctive),
            core=tuple(w.folded for w in core),
            inner=frozenset(m.key for m in within),
            short=short,
        )


def _currency_symbols(text: str, taken: list[tuple[int, int]], langs: tuple[str, ...]) -> list[Mention]:
    """Currency symbols beside an amount ("$45,000", "45 000 €") name their
    currency, as its code does ("45 000 USD")."""
    out: list[Mention] = []
    if _DIGIT.search(text) is None:
        return out  # no amount: the many symbols need not be looked for
    for match in _symbols(langs).finditer(text):
        symbol = match.group(1) or match.group(2)
        start = match.start(1) if match.group(1) else match.start(2)
        end = start + len(symbol)
        if _inside(start, end, taken):
            continue
        code = currency_symbols(langs)[symbol]
        out.append(Mention(f"currency:{code}", "other", currency_codes()[code], symbol, start, end, "currency"))
    return out


def _symbol_before(text: str, start: int, code: str, langs: tuple[str, ...]) -> bool:
    """Whether the amount before a currency code already has the currency's
    symbol: "$60,000 USD"."""
    amount = _AMOUNT_BEFORE.search(text, 0, start)
    if amount is None:
        return False
    return any(text[: amount.start()].endswith(s) for s, c in currency_symbols(langs).items() if c == code)


def _defines(text: str, words: Sequence[Token], i: int, surface: str) -> bool:
    """Whether the acronym stands alone in brackets right after the words it
    is made of, in any order and with or without the small words
    ("operating system (OS)", "End-of-Life (EOL)", "autorité de
    certification (CA)"), or right after a common noun, which it
    abbreviates in another language ("jetons non fongibles (NFT)")."""
    if not text[: words[i].start].rstrip().endswith("(") or not text[words[i].end :].lstrip().startswith(")"):
        return False
    before = [w for w in words[:i] if w.end <= words[i].start][-2 * len(surface) :]
    if before and not before[-1].upper and text[before[-1].end : words[i].start].strip() == "(":
        return True  # after a common noun: its abbreviation, often the source's ("jetons non fongibles (NFT)")
    return _initials_match(surface, before)


def _initials_match(surface: str, words: Sequence[Token]) -> bool:
    """Whether the last words, with or without the small words, start with
    the letters of the acronym, in any order."""
    letters = sorted(fold(surface))
    size = len(letters)
    for kept in (list(words), [w for w in words if w.folded not in _particles()]):
        if len(kept) >= size and sorted(w.folded[0] for w in kept[-size:]) == letters:
            return True
    return False


def _pieces(text: str, words: list[Token]) -> list[list[Token]]:
    """The words of a spaCy span cut where punctuation stands between two of
    them: "Neovim - Fournit", "Distributions > Domain" are two things."""
    pieces: list[list[Token]] = []
    for word in words:
        if pieces and _NAME_GAP.fullmatch(text[pieces[-1][-1].end : word.start]):
            pieces[-1].append(word)
        else:
            pieces.append([word])
    return pieces


def _longer_name(text: str, start: int) -> bool:
    """Whether a capitalised word inside a sentence stands right before
    ``start``, making what follows part of a longer name."""
    match = _WORD_BEFORE.search(text, 0, start)
    if match is None:
        return False
    word = match.group(1)
    return word[:1].isupper() and not word.isupper() and fold(word) not in _particles() and not _sentence_initial(
        text, match.start(1)
    )


def _defined_here(text: str, hit: Hit, before: Sequence[Mention]) -> bool:
    """Whether an acronym stands in the brackets right after the name it
    abbreviates, "Fonds fiduciaire multidonateurs du PGO (FFM du PGO)": the
    pair is one mention, not two."""
    name = next((m for m in reversed(before) if m.key == hit.entry.key and m.cls == "names"), None)
    return name is not None and _DEFINITION_GAP.fullmatch(text[name.end : hit.start]) is not None


def _distinctive(text: str, word: Token, stop: frozenset[str], generic: frozenset[str]) -> bool:
    """A word that can identify a name: not a stop word, a designator
    ("Ministry"), a number or a roman numeral ("Words[iv]")."""
    if word.folded in stop or word.folded in generic or word.folded.isdigit() or _common(text, word):
        return False
    if word.caps:
        return True
    return len(word.folded) >= 3 and not _ROMAN.fullmatch(text[word.start : word.end])


def _inside(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in taken)


def _leading_name(words: list[Token]) -> list[Token]:
    """The run of capitalised words a person's name is made of, allowing one
    particle between two of them ("Gladys Estela Riveros Rojas", "Ana de
    Souza"); spaCy often runs on ("Katherine Wikrent de la Unidad")."""
    kept: list[Token] = []
    for i, word in enumerate(words):
        particle = bool(kept) and word.folded in _PARTICLES and i + 1 < len(words) and words[i + 1].upper
        if not (word.upper or particle):
            break
        kept.append(word)
    return kept if kept and kept[-1].upper else []


def _looks_like_name(text: str, words: Sequence[Token]) -> bool:
    """A capitalised word that is not just the first of a sentence, or two
    capitalised words, or a word in capitals."""
    capitalised = [w for w in words if w.upper]
    if not capitalised:
        return False
    if len(capitalised) >= 2 or any(w.caps for w in capitalised):
        return True
    return not _sentence_initial(text, capitalised[0].start)


def languages(document: Document) -> tuple[str, ...]:
    """The languages of a document's versions, sorted: whose CLDR names,
    particles and generic words are read."""
    return tuple(sorted({version.lang for version in document.versions}))


Worded = Mapping[tuple[str, int], tuple[str, list[Token]]]  # block (path, index) -> its prose and words


def worded(document: Document) -> dict[tuple[str, int], tuple[str, list[Token]]]:
    """The prose of every block of a document and its words, tokenised once
    for every pass over them."""
    out = {}
    for version in document.versions:
        for block in version.blocks:
            text = prose(block.text)
            out[(block.path, block.index)] = (text, tokens(text))
    return out


def _words_of(block: Block, words: Worded | None) -> tuple[str, list[Token]]:
    if words is not None and (block.path, block.index) in words:
        return words[(block.path, block.index)]
    text = prose(block.text)
    return text, tokens(text)


def kept_vocabulary(document: Document, words: Worded | None = None) -> dict[str, int]:
    """Words two languages or more write with a capital inside a sentence and
    rarely in lower case: names kept as they are ("Astro", "Snipcart",
    "Wikrent"), which translation leaves alone. Common words differ from one
    language to another, or are written in lower case too."""
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    langs: dict[str, set[str]] = {}
    stop, generic = stopwords(languages(document)), generic_words(languages(document))
    for version in document.versions:
        for block in version.blocks:
            text, found = _words_of(block, words)
            for word in found:
                if word.caps:
                    continue
                if not word.upper:
                    lower[word.folded] += 1
                elif not _sentence_initial(text, word.start):
                    capitalised[word.folded] += 1
                    langs.setdefault(word.folded, set()).add(version.lang)
    return {
        word: n
        for word, n in capitalised.items()
        if len(langs[word]) >= 2
        and len(word) >= 3
        and not word.isdigit()
        and word not in stop
        and word not in generic
        and word not in common_words()
        and KEPT_LOWER_SHARE * lower[word] <= n
    }


def lowercase_vocabulary(document: Document, words: Worded | None = None) -> frozenset[str]:
    """Folded words the document writes in lower case somewhere."""
    seen: set[str] = set()
    for version in document.versions:
        for block in version.blocks:
            seen.update(w.folded for w in _words_of(block, words)[1] if not w.upper)
    return frozenset(seen)


def _recognise(blocks: Sequence[Prepared], lang: str) -> list[list[ner.Span]] | None:
    """spaCy's entities of each block, None when ``lang`` has no pipeline.
    spaCy reads only the sentences of a block that hold a candidate
    (``Extractor.candidates``; consecutive ones together), and of those
    only the runs with one whose reading is used (``Extractor.decisive``);
    its pipeline is loaded only when there is one: in a report most
    sentences hold none,
    and spaCy's cost grows with the text it reads. A name does not cross
    the end of a sentence, and the little context spaCy's small models look
    at (a few words around each token) is the sentence's own."""
    windows = [(i, lo, hi) for i, block in enumerate(blocks) for lo, hi in _windows(block)]
    if not windows:
        return [[] for _ in blocks] if ner.installed(lang) else None
    found = ner.recognise([blocks[i].text[lo:hi] for i, lo, hi in windows], lang)
    if found is None:
        return None
    spans: list[list[ner.Span]] = [[] for _ in blocks]
    for (i, lo, _), entities in zip(windows, found, strict=True):
        spans[i].extend(ner.Span(lo + e.start, lo + e.end, e.label) for e in entities)
    return spans


_SENTENCE_END = re.compile(r"[.!?…]\s+(?=\S)")


def _windows(block: Prepared) -> list[tuple[int, int]]:
    """The runs of sentences of a block that hold a candidate, those only
    that hold a decisive one (``Extractor.decisive``). A run is read whole,
    whichever of its candidates decide: spaCy labels a name from the words
    around it, and capitalised words in the sentences next to it are part
    of that context."""
    if not block.decisive:
        return []
    at = Extractor.candidates(block)
    text = block.text
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    out: list[tuple[int, int]] = []
    k = 0
    for lo, hi in pairwise(cuts):
        while k < len(at) and at[k] < lo:
            k += 1
        if k < len(at) and at[k] < hi:
            if out and out[-1][1] == lo:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
    return [(lo, hi) for lo, hi in out if any(lo <= d < hi for d in block.decisive)]


class EntityStore:
    """Mentions of every block of a document, extracted once (spaCy runs in
    batches, one language at a time)."""

    def __init__(self, document: Document, terms: Sequence[Term]) -> None:
        self.notices: list[str] = []
        self._blocks: dict[tuple[str, int], BlockEntities] = {}
        langs = languages(document)
        words = worded(document)
        extractor = Extractor(
            gazetteer(tuple(terms), langs),
            lowercase_vocabulary(document, words),
            kept_vocabulary(document, words),
            langs=langs,
        )
        self._wholes: dict[str, BlockEntities] = {}
        missing: dict[str, list[str]] = {}
        for version in document.versions:
            prepared = [extractor.prepare(b.text, words.get((b.path, b.index))) for b in version.blocks]
            spans = _recognise(prepared, version.lang)
            if spans is None:
                missing.setdefault(version.lang, []).append(version.id)
            found = []
            for i, block in enumerate(version.blocks):
                entities = extractor.extract(block.text, spans[i] if spans is not None else None, prepared[i])
                self._blocks[(block.path, block.index)] = entities
                found.append(entities)
            self._wholes[version.id] = BlockEntities(
                mentions=[m for e in found for m in e.mentions],
                confirmed=set().union(*(e.confirmed for e in found)),
                words=frozenset().union(*(e.words for e in found)),
                capitals=frozenset().union(*(e.capitals for e in found)),
                titled=frozenset().union(*(e.titled for e in found)),
                stems=frozenset().union(*(e.stems for e in found)),
                camel=frozenset().union(*(e.camel for e in found)),
            )
        if missing:
            tried = "; ".join(
                f"{code}: {', '.join(ner.model_names(code)) or 'none known for ' + profile_of(code).name}"
                for code in missing
            )
            vids = ", ".join(vid for group in missing.values() for vid in group)
            self.notices.append(
                f"entities: no spaCy pipeline installed ({tried}); names in {vids} are checked from data only:"
                " CLDR names, the terminology, acronyms and names the versions write alike"
            )

    def of(self, block: Block) -> BlockEntities:
        return self._blocks.get((block.path, block.index), BlockEntities())

    def names(self, mention: Mention, vid: str) -> bool:
        """Whether version ``vid`` names the thing somewhere in the
        document, written as ``mention`` is (all its words, or its acronym)."""
        whole = self._wholes.get(vid)
        return whole is not None and present(mention, whole, strict=True)

    def known_elsewhere(self, mention: Mention, vid: str) -> bool:
        """Whether a version other than ``vid`` names the thing somewhere in
        the document, written alike: a name of this document, not a
        translation of one ("FAI" for "ISP" is only ever in French)."""
        return any(present(mention, whole, strict=True) for u, whole in self._wholes.items() if u != vid)

