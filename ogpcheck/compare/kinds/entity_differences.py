"""How the kind ``entities`` (``entities.py``) finds its differences: the
named things of each aligned group, who names them and who does not.

Kept apart from the kind's options so that loading the rules (which reads
every kind's options) does not import the entity extraction: a check of
numbers alone never loads it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...extract.entities import BlockEntities, EntityStore, Mention, present, same_thing
from ...extract.fold import fold
from ...extract.terminology import load_terms
from ...models import Finding, Group
from ..context import Context, analysis
from ..findings import lower, mention_location
from ..rule import Rule
from ..vote import named, plural, vote

GAZETTEER = ("term", "territory", "language", "currency")
_SMALL = {"of", "the", "and", "for", "de", "del", "la", "le", "les", "des", "du", "y", "et", "para", "pour"}
NEVER_MISSING = ("language", "currency")  # "(por sus siglas en inglés)" is added freely
NEIGHBOURS = 2  # groups either side where a moved name still counts as there
TITLE_WORDS = 5  # capitalised words that make a name a title ("How Blockchain Can Solve Social Media Privacy")
SMALL_WORDS = {"a", "an", "and", "for", "of", "the", "to", "in", "on", "with", "is", "are", "y", "de", "et", "pour"}
CONSISTENT = 2  # paragraphs where the others name a thing a version renders its own way throughout
FREQUENT_SHARE, FREQUENT_BLOCKS = 0.1, 5  # a name in this share of a version's blocks (and as many) is its subject
# What can replace what: a place for a place, a term for a term of the same
# type, a person for a person. Organisation names spaCy finds are left out:
# a translated name ("Asociación de Periodistas") would look like a swap.
REPLACEABLE = ("territory", "language", "currency", "person", "term")


@analysis
def store(context: Context) -> EntityStore:
    """The entity mentions of the document, extracted on first use; notices
    (a language without a spaCy pipeline) go to the report."""
    found = EntityStore(context.document, load_terms(context.term_files))
    for notice in found.notices:
        if notice not in context.document.notices:
            context.document.notices.append(notice)
    return found


@dataclass
class Thing:
    """One named thing in one group, as each version that names it does."""

    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # version -> its mentions
    have: set[str] = field(default_factory=set)  # versions whose text names it as the others do
    seen: set[str] = field(default_factory=set)  # versions whose text may name it (in part)

    @property
    def strong(self) -> bool:
        """Known to CLDR or the terminology, an acronym, or found by spaCy:
        not only a word the versions write alike, which may be an interface
        label one translator kept ("Block all public access") and another
        translated."""
        return any(not m.kept for ms in self.mentions.values() for m in ms)

    @property
    def descriptive(self) -> bool:
        """A title or a term, which translators translate, even where a
        model takes it for a person: made of words the document also
        writes in lower case, at least half of them ("Strict Mode", "Ice
        Age"), or written as a title is ("How Blockchain Can Solve Social
        Media Privacy", "Security Guide For Dummies")."""
        return any(
            m.source == "name" and len(m.words) >= 2 and (2 * len(m.core) <= len(m.words) or _title(m.text))
            for ms in self.mentions.values()
            for m in ms
        )

    def words(self) -> set[str]:
        return {w for ms in self.mentions.values() for m in ms for w in m.words}

    @property
    def established(self) -> bool:
        return any(m.established for ms in self.mentions.values() for m in ms)

    def names(self, mention: Mention) -> bool:
        return any(same_thing(mention, m) for ms in self.mentions.values() for m in ms)

    def shown_for(self, vid: str) -> Mention:
        """The mention to name the thing by in messages: the one with most
        words if it is a name ("Katherine Wikrent", not "Katherine"), else
        that of version ``vid``."""
        names = [m for ms in self.mentions.values() for m in ms if m.source == "name"]
        if names:
            return max(names, key=lambda m: len(m.words))
        return (self.mentions.get(vid) or [self.first])[0]

    def first_of_each(self) -> list[Mention]:
        return [ms[0] for ms in self.mentions.values()]

    @property
    def first(self) -> Mention:
        return next(iter(self.mentions.values()))[0]

    @property
    def sort(self) -> str:
        """The sort most versions give it; a person if spaCy calls it one in
        any version (its labels vary: "Katherine Wikrent" is an organisation
        for the English model, a person for the Spanish and French ones)."""
        sorts = [sort_of(m) for ms in self.mentions.values() for m in ms]
        return "person" if "person" in sorts else max(sorts, key=sorts.count)


@dataclass
class Difference:
    """How one version departs from the others about one thing."""

    group: Group
    version: str
    aspect: str  # replaced | missing | count
    thing: Thing
    others: list[str]
    extra: Mention | None = None  # what the version names instead (replaced)
    counts: dict[str, int] = field(default_factory=dict)
    suspect: bool = True
    benign: bool = False
    source: str | None = None  # the source version, when it decided

    @property
    def blamed(self) -> list[str]:
        """The suspects: the version that departs, or, when that version is
        the source, the translations that name what it does not."""
        if not self.suspect:
            return []
        return list(self.others) if self.version == self.source else [self.version]


def _title(text: str) -> bool:
    """Written as the title of a work: many capitalised words, or a small
    word capitalised inside ("For", "And", "The")."""
    words = text.split()
    if len(words) >= TITLE_WORDS and sum(1 for w in words if w[:1].isupper()) >= TITLE_WORDS:
        return True
    return any(w[:1].isupper() and fold(w) in SMALL_WORDS for w in words[1:])


def sort_of(mention: Mention) -> str:
    """What a replacement must share with the name it replaces: a country
    for a country, a person for a person, a term for a term."""
    if mention.source in ("territory", "language", "currency", "acronym"):
        return mention.source
    if mention.source == "term":
        return f"term:{mention.label}"
    return mention.label


def shown(mention: Mention) -> str:
    """The name in messages, with the version's own spelling if it differs."""
    if fold(mention.name) == fold(mention.text):
        return mention.text
    return f"{mention.name} ({mention.text})"


def _confirmed(mention: Mention, entities: dict[str, BlockEntities]) -> bool:
    """A spaCy name must be found in two versions (by spaCy, or as a name
    the versions write alike); other names are anchored by CLDR, the
    terminology, their capitals or by being written alike across the
    document."""
    if mention.source != "name" or mention.kept:
        return True
    return sum(1 for be in entities.values() if any(same_thing(mention, m) for m in be.mentions)) >= 2


def _things(entities: dict[str, BlockEntities]) -> list[Thing]:
    things: list[Thing] = []
    for vid, be in entities.items():
        for mention in be.mentions:
            if mention.generic or mention.common or mention.repeat or not _confirmed(mention, entities):
                continue
            thing = next((t for t in things if t.names(mention)), None)
            if thing is None:
                thing = Thing()
                things.append(thing)
            thing.mentions.setdefault(vid, []).append(mention)
            thing.have.add(vid)
            thing.have.update(u for u, other in entities.items() if present(mention, other, strict=True))
            thing.seen.update(u for u, other in entities.items() if present(mention, other))
            thing.seen.add(vid)
    kept = [t for t in things if _kept(t, entities)]
    titles = [t for t in kept if t.descriptive]
    # A piece of a title ("Smart People Too" in "Security Guide For Dummies
    # And Smart People Too") goes with it.
    return [t for t in kept if t in titles or not any(t.words() < title.words() for title in titles)]


def _kept(thing: Thing, entities: dict[str, BlockEntities]) -> bool:
    """A spaCy name is compared only if it is written the same way in every
    version where spaCy found it; otherwise it was translated ("Department
    of Budget" / "Département du Budget") and a third language may well name
    it with no word in common."""
    if thing.first.source != "name":
        return True
    return all(
        present(m, entities[u], strict=True)
        for v, ms in thing.mentions.items()
        for m in ms
        for u in thing.mentions
        if u != v
    )


def _replaceable(sort: str) -> bool:
    return sort.split(":", 1)[0] in REPLACEABLE


def _stands_in(context: Context, extra: Mention, diff: Difference, entities: dict[str, BlockEntities]) -> bool:
    """Whether ``extra``, named by the suspect only, stands where the others
    name the missing thing. Names CLDR or the terminology know replace only
    their own sort (a country a country). Other names and acronyms replace
    each other when the other versions use the extra elsewhere in the
    document (a name copied from another paragraph), or it is a person's
    full name; never when it abbreviates the missing name (AWS for Amazon
    Web Services)."""
    if extra.generic or extra.repeat or not _only_here(extra, diff.version, entities):
        return False
    sort = diff.thing.sort
    if extra.source in GAZETTEER or diff.thing.first.source in GAZETTEER:
        return _replaceable(sort) and sort_of(extra) == sort
    if _abbreviates(extra, diff.thing.first) or _abbreviates(diff.thing.first, extra):
        return False
    if store(context).known_elsewhere(extra, diff.version):
        return True
    if extra.source == diff.thing.first.source == "acronym" and store(context).names(diff.thing.first, diff.version):
        return True  # CWE here, CVE everywhere else in this version: swapped, not translated
    capitalised = sum(1 for word in extra.text.split() if word[:1].isupper())
    return sort == "person" and extra.label == "person" and capitalised >= 2


def _count(mention: Mention, block: BlockEntities) -> int:
    """How often the block names the thing; an acronym given in two
    spellings ("AC, o CA por sus siglas en inglés") counts as its commoner
    spelling. An acronym defined in brackets counts (the words it stands
    for are not a mention); one that repeats a known name does not."""
    spellings = Counter(
        m.text if m.source == "acronym" else ""
        for m in block.mentions
        if (m.source == "acronym" or not m.repeat) and same_thing(mention, m)
    )
    if mention.source == "acronym":
        return max(spellings.values(), default=0)
    # A name the model found whole in one version and that stands as two
    # kept words in another ("Arbitrum Nova") is one mention in each.
    names = sorted((m.start, m.end) for m in block.mentions if m.source == "name" and same_thing(mention, m))
    runs = sum(1 for i, (start, _) in enumerate(names) if i == 0 or start - names[i - 1][1] > 1)
    return spellings[""] - len(names) + runs


def _only_here(extra: Mention, vid: str, entities: dict[str, BlockEntities]) -> bool:
    """Whether the suspect names ``extra`` where no other version does, or
    more often than every other version ("API" twice where the others say
    it once, and "Flotiq" once)."""
    others = [be for u, be in entities.items() if u != vid]
    if not any(present(extra, be, strict=True) for be in others):
        return True
    if extra.source == "name" and not extra.kept:
        return False  # spaCy's spans vary too much to be counted
    mine = _count(extra, entities[vid])
    return all(_count(extra, be) < mine for be in others)


def _abbreviates(short: Mention, long: Mention) -> bool:
    """Whether an acronym is made of the initials of a name, with or
    without its small words (VS for Visual Studio, AFD for Agence française
    de développement)."""
    if short.source != "acronym" or long.source == "acronym":
        return False
    words = [w for w in re.split(r"[\W_]+", long.text) if w]
    initials = {"".join(w[0] for w in words), "".join(w[0] for w in words if w.lower() not in _SMALL)}
    return short.text.upper() in {i.upper() for i in initials}


def _translated_acronym(context: Context, mention: Mention, diff: Difference) -> bool:
    """An acronym of the version's own language in place of the missing one:
    AC for CA (same letters), or FAI for ISP (no other version of the
    document uses it, and the version never writes ISP: a version that
    writes CVE elsewhere and CWE here has swapped them)."""
    if mention.source != "acronym":
        return False
    if sorted(mention.text) == sorted(diff.thing.first.text):
        return True
    entities = store(context)
    if any(entities.names(m, diff.version) for m in diff.thing.first_of_each()):
        return False
    return not entities.known_elsewhere(mention, diff.version)


def _rendered_otherwise(context: Context, diff: Difference, entities: dict[str, BlockEntities]) -> bool:
    """Whether the version has a rendering of its own for the thing, so
    that lacking it here is a translation, not a loss. Never for a person
    (names of people are not translated; a model's "person" made of common
    words is none), nor for a thing CLDR or the
    terminology knows (every rendering of it is known), nor when the
    version writes the thing as the others do somewhere in the document
    ("Let's Encrypt" kept everywhere but translated word for word once).
    Otherwise, yes when the others name it in several paragraphs (the
    version renders it its own way throughout: "Beacon Chain" / "Cadena de
    Baliza", "London" / "Londres"); and, for a thing lacking with no
    replacement, when the version names here a thing of its own (an
    expansion or a translated acronym: NSF / "Fundación Nacional de
    Ciencia"), writes more code than the others (the name stands in code),
    or the thing is a title or a term rather than a person, organisation or
    place, or is made of common words (a talk title, "Strict Mode" / "Modo
    estricto")."""
    thing, vid = diff.thing, diff.version
    if thing.first.source in GAZETTEER or (thing.sort == "person" and not thing.descriptive):
        return False
    found = store(context)
    if any(found.names(m, vid) for m in thing.first_of_each()):
        return False
    if _groups_naming(context, thing, vid) >= CONSISTENT:
        return True
    if diff.extra is not None:
        return False  # a name the others use elsewhere, copied here
    block = entities[vid]
    if block.code > max(be.code for u, be in entities.items() if u != vid):
        return True
    own = [m for m in block.mentions if not m.repeat and not m.common and _only_here(m, vid, entities)]
    if any(m.source in ("acronym", "name") and not found.known_elsewhere(m, vid) for m in own):
        return True
    return thing.descriptive or (thing.strong and thing.sort == "other")


def _groups_naming(context: Context, thing: Thing, vid: str) -> int:
    """In how many of the groups the version belongs to another version
    names the thing."""
    found = store(context)
    mentions = thing.first_of_each()
    return sum(
        1
        for group in context.compared
        if vid in group.members
        and any(
            u != vid and any(present(m, found.of(block), strict=True) for m in mentions)
            for u, block in group.members.items()
        )
    )


def _nearby(context: Context, group: Group, vid: str, thing: Thing) -> bool:
    """Whether ``vid`` names the thing in a neighbouring group (a paragraph
    split or merged differently, not a lost name)."""
    entities = store(context)
    for other in context.groups[max(0, group.index - NEIGHBOURS) : group.index + NEIGHBOURS + 1]:
        block = other.members.get(vid)
        if other is group or block is None:
            continue
        be = entities.of(block)
        if any(present(m, be) for ms in thing.mentions.values() for m in ms):
            return True
    return False


def _abbreviated(thing: Thing, block: BlockEntities) -> bool:
    """Whether the block names the thing by its acronym only ("CA" for
    "Certificate Authority")."""
    acronyms = [m for m in block.mentions if m.source == "acronym"]
    return any(_abbreviates(a, m) for a in acronyms for ms in thing.mentions.values() for m in ms)


def _frequent(context: Context, vid: str, thing: Thing) -> bool:
    """Whether the version names the thing in many of its paragraphs: a
    product or body the document is about ("Astro"), which a translator may
    well call "it" here and there. Places and terms are never frequent
    enough to be dropped silently."""
    if thing.first.source in GAZETTEER:
        return False
    version = next(v for v in context.document.versions if v.id == vid)
    entities = store(context)
    naming = sum(1 for b in version.blocks if any(present(m, entities.of(b)) for m in thing.first_of_each()))
    return naming >= max(FREQUENT_BLOCKS, FREQUENT_SHARE * len(version.blocks))


def _near_extra(context: Context, group: Group, vid: str, extra: Mention) -> bool:
    """Whether the other versions name the replacement in a neighbouring
    group: a shifted alignment rather than a swapped name."""
    entities = store(context)
    for other in context.groups[max(0, group.index - NEIGHBOURS) : group.index + NEIGHBOURS + 1]:
        if other is not group and any(u != vid and present(extra, entities.of(b)) for u, b in other.members.items()):
            return True
    return False


def group_differences(context: Context, group: Group) -> list[Difference]:
    """The entity differences of one aligned group."""
    entities = {vid: store(context).of(block) for vid, block in group.members.items()}
    n = len(entities)
    source = context.source if context.source in entities else None
    things = _things(entities)
    out: list[Difference] = []
    for thing in things:
        lack = [u for u in entities if u not in thing.seen and not _abbreviated(thing, entities[u])]
        if not lack:
            out.extend(d for d in _count_differences(group, thing, entities, source) if not _split(context, d))
            continue
        # Reported when most versions name it: a name one version alone
        # gives, even the source, is often rephrased away ("the previous OGP
        # action plan" / "el plan de acción anterior"). Who is blamed is
        # the shared decision: the source, when it names it, or the majority.
        named = {u: u in thing.have for u in entities}
        majority = vote(named)
        if majority is not None and (majority.reference is False or (majority.reference is None and n > 2)):
            continue  # named by a minority only (an addition), or a tie
        decided = source is not None or (majority is not None and majority.decided)
        for vid in lack:
            others = [u for u in entities if u in thing.have]
            out.append(Difference(group, vid, "missing", thing, others, suspect=decided, source=source))
    kept: list[Difference] = []
    for diff in out:
        own = entities[diff.version].mentions
        translated = diff.thing.sort == "acronym" and any(_translated_acronym(context, m, diff) for m in own)
        if diff.aspect == "missing" and translated:
            continue
        extras = [m for m in own if _stands_in(context, m, diff, entities)]
        if extras and _rendering(context, diff, extras[0]):
            continue
        if diff.aspect == "missing":
            diff.extra = extras[0] if extras else None
            if _rendered_otherwise(context, diff, entities):
                continue
            diff.extra = None
        if diff.aspect == "count":
            # Named fewer times, and something else of the same sort named
            # instead: "Colombie : ..." in a paragraph that also says "en
            # Colombie" later, where the others say Costa Rica twice. Counts
            # of names spaCy finds are too loose to report on their own.
            if extras:
                diff.aspect, diff.extra = "replaced", extras[0]
                diff.benign = _near_extra(context, group, diff.version, extras[0])
                kept.append(diff)
            elif diff.thing.first.source != "name":
                kept.append(diff)
            continue
        if not extras and diff.thing.sort in NEVER_MISSING:
            continue
        if extras:
            diff.aspect, diff.extra = "replaced", extras[0]
            diff.benign = _nearby(context, group, diff.version, diff.thing)
        elif not diff.thing.strong:
            if not diff.thing.established:
                continue  # a word written alike once or twice ("Budget", "Block"): missing alone says little
            diff.benign = True  # "Let's Encrypt" translated literally: worth a look, no more
        else:
            diff.benign = _nearby(context, group, diff.version, diff.thing) or _frequent(
                context, diff.version, diff.thing
            )
        kept.append(diff)
    return _one_per_pair(kept) if n == 2 else kept


def _one_per_pair(diffs: list[Difference]) -> list[Difference]:
    """With two versions a swap shows from both sides (each lacks the
    other's name); keep one finding. Without a source to decide, lower the
    severity."""
    out: list[Difference] = []
    for diff in diffs:
        diff.benign = diff.benign or not diff.suspect
        mirrored = any(
            d.aspect == diff.aspect == "replaced"
            and d.extra is not None
            and diff.extra is not None
            and d.thing.names(diff.extra)
            and diff.thing.names(d.extra)
            for d in out
        )
        if not mirrored:
            out.append(diff)
    return out


def _count_differences(
    group: Group, thing: Thing, entities: dict[str, BlockEntities], source: str | None
) -> list[Difference]:
    """A thing every version names, but not equally often."""
    if not all(vid in thing.mentions for vid in entities):
        return []
    first = thing.first
    counts = {vid: _count(first, be) for vid, be in entities.items()}
    outcome = vote(counts, source)
    if outcome is None or outcome.reference is None:
        return []
    reference = outcome.reference
    # Fewer only: a translator who repeats a name where the source says "it"
    # or "the country" loses nothing.
    # A version whose text has the name in a form no mention was made of
    # ("Web 2.0" for "Web2.0") names it, but is not counted.
    return [
        Difference(
            group, vid, "count", thing, [u for u in counts if counts[u] == reference], counts=counts, source=source
        )
        for vid, c in counts.items()
        if 0 < c < reference
    ]


def _split(context: Context, diff: Difference) -> bool:
    """Whether the version has a block of its own right before or after this
    one that names the thing: the same text cut into paragraphs differently."""
    block = diff.group.members[diff.version]
    version = next(v for v in context.document.versions if v.id == diff.version)
    aligned = {id(b) for g in context.compared for b in g.members.values()}
    position = next(i for i, b in enumerate(version.blocks) if b is block)
    entities = store(context)
    for neighbour in version.blocks[max(0, position - 1) : position + 2]:
        if id(neighbour) in aligned:
            continue
        if any(present(m, entities.of(neighbour)) for m in diff.thing.mentions[diff.version]):
            return True
    return False


@analysis
def _differences(context: Context) -> list[Difference]:
    return [d for g in context.compared for d in group_differences(context, g)]


def _rendering(context: Context, diff: Difference, extra: Mention) -> bool:
    """Whether the version names ``extra`` in place of the thing in several
    paragraphs ("Londres" where the others say "London", "Fusión" for
    "Merge"): its own rendering of the name, not a name swapped by mistake,
    which stands in one place."""
    found, vid = store(context), diff.version
    mentions = diff.thing.first_of_each()
    pairs = 0
    for group in context.compared:
        block = group.members.get(vid)
        if block is None:
            continue
        mine = found.of(block)
        if not present(extra, mine, strict=True) or any(present(m, mine, strict=True) for m in mentions):
            continue
        others = [found.of(b) for u, b in group.members.items() if u != vid]
        # The others name the thing there, and not the other name: a substitution.
        naming = [be for be in others if any(present(m, be, strict=True) for m in mentions)]
        pairs += bool(naming) and not any(present(extra, be, strict=True) for be in naming)
        if pairs >= CONSISTENT:
            return True
    return False


def _message(diff: Difference) -> str:
    name = shown(diff.thing.shown_for(diff.others[0]))
    others = named(diff.others, diff.source)
    if diff.version == diff.source:  # the translations depart from the source
        they, verb = ", ".join(diff.others), plural(diff.others, "names", "name")
        if diff.aspect == "replaced" and diff.extra is not None:
            return f"{they} {verb} {name} where the source {diff.source} names {shown(diff.extra)}"
        return f"{they} {verb} {name}, which the source {diff.source} does not name"
    if diff.aspect == "replaced" and diff.extra is not None:
        text = f"{diff.version} names {shown(diff.extra)} where {others} {plural(diff.others, 'names', 'name')} {name}"
    elif diff.aspect == "missing":
        text = f"{diff.version} does not name {name}, named by {others}"
    else:
        mine, theirs = diff.counts[diff.version], diff.counts[diff.others[0]]
        text = f"{diff.version} names {name} {_times(mine)} where {others} {plural(diff.others, 'names', 'name')} it {_times(theirs)}"
    return text if diff.suspect else text + " (no majority)"


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _added(diff: Difference) -> bool:
    """A name the translations give and the source does not: an addition
    relative to the source, as a number only they state is (NUM003)."""
    return diff.aspect == "missing" and diff.version == diff.source


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """The findings of one rule of kind ``entities`` (its ``aspect``)."""
    aspect = rule.options.aspect
    for diff in _differences(context):
        if diff.aspect != aspect:
            continue
        group, vid = diff.group, diff.version
        thing = diff.thing
        value = thing.first.name
        own = [diff.extra] if diff.extra is not None else thing.mentions.get(vid, [])
        own_values = [diff.extra.name] if diff.extra is not None else ([value] if vid in thing.mentions else [])
        locations = [mention_location(vid, group.members[vid], own, own_values)]
        for other in diff.others:
            locations.append(mention_location(other, group.members[other], thing.mentions.get(other, []), [value]))
        yield Finding(
            rule=rule.code,
            severity=lower(rule.severity) if diff.benign or _added(diff) else rule.severity,
            message=_message(diff),
            suspect=diff.blamed,
            locations=locations,
            group=group.index,
        )
