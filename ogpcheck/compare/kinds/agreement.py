"""Kind ``agreement``: the facts of aligned blocks must agree across versions.

For each aligned group, every value stated in digits somewhere is looked for
in each version (a spelled-out number confirms it; an ambiguous one counts
in the one reading the other versions settle). The source, when one is set,
or else the majority decides which version is odd (``vote.py``): it lacks a
value the reference gives (missing), states one the reference does not
(extra), or both at once (mismatch). How often a value is stated counts
too: a paragraph that says "port 80" three times in two versions and twice
in the third (the third mention changed or dropped) is missing one.
Translations that depart from the source in the same way share one
finding. With two versions and no source there is no majority and the
finding names no suspect.

An ambiguous number (``4,500``) takes the reading the other versions
confirm; where that is not the reading a reader of its own language gives
it (``1.500`` or ``21.000`` in English, ``1,500`` in French), the
``reading`` aspect reports it.

Rule option: ``aspect`` (``mismatch``, ``missing``, ``extra`` or ``reading``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ...extract.facts import BlockFacts
from ...lang import of as profile_of
from ...lang import profile as known_profile
from ...models import Block, Finding, Group, Location, NumberFact, letter_runs
from ..context import Context, analysis
from ..findings import format_value, location, lower
from ..rule import Rule
from ..vote import named, plural, vote


@dataclass(frozen=True)
class Options:
    """``aspect``: which difference the rule reports."""

    aspect: Literal["mismatch", "missing", "extra", "reading"] = "mismatch"


BENIGN_KINDS = {"ordinal", "word", "section", "version", "time"}
SMALL = 10  # a missing value up to this may be spelled in a way not recognised


@dataclass
class Difference:
    """How one version (or several, departing alike from the source) departs
    from the others in one group."""

    version: str
    missing: list[Decimal] = field(default_factory=list)  # values the others give
    extra: list[Decimal] = field(default_factory=list)  # values only it gives
    times: dict[Decimal, tuple[int, int]] = field(default_factory=dict)  # value -> (its count, the others')
    others: list[str] = field(default_factory=list)  # the versions it is compared with
    suspect: bool = True  # False when there is no majority
    fellows: list[str] = field(default_factory=list)  # other versions that depart the same way
    source: str | None = None  # the source version, when it decided

    @property
    def versions(self) -> list[str]:
        return [self.version, *self.fellows]

    def same_as(self, other: Difference) -> bool:
        return (self.missing, self.extra, self.times, self.suspect) == (
            other.missing,
            other.extra,
            other.times,
            other.suspect,
        )

    @property
    def aspect(self) -> str:
        if self.missing and self.extra:
            return "mismatch"
        return "missing" if self.missing else "extra"


def resolve(fact: NumberFact, firm: set[Decimal], preferred: set[Decimal]) -> Decimal:
    """The reading of a possibly ambiguous number (``4,500``): a candidate
    that another version states unambiguously, else one that another version
    prefers, else the one its own language prefers."""
    candidates = fact.candidates or (fact.value,)
    for confirmed in (firm, preferred):
        for candidate in candidates:
            if candidate in confirmed:
                return candidate
    return fact.value


def group_differences(context: Context, group: Group) -> list[Difference]:
    """The differences of every version of one group (empty when they agree)."""
    members = group.members
    source = context.source if context.source in members else None
    facts = {vid: context.facts_of(vid, block) for vid, block in members.items()}
    if not any(f.numbers for f in facts.values()):
        return []  # no version states a number (most paragraphs): nothing to differ
    elsewhere = _elsewhere(facts)
    stated = {vid: {resolve(fact, *elsewhere[vid]) for fact in f.hard} for vid, f in facts.items()}
    # What a version confirms: the numbers it states in digits, each in the
    # one reading settled above (a number read one way cannot also agree
    # with a version that gives its other reading: "500,000" is not also
    # the 500 of a typo "500.00"), and any reading of a number in words.
    pools = {
        vid: stated[vid] | {c for fact in f.numbers if not fact.hard for c in fact.candidates or (fact.value,)}
        for vid, f in facts.items()
    }
    counts = {vid: _counts(f, *elsewhere[vid]) for vid, f in facts.items()}
    diffs = {vid: Difference(vid, source=source) for vid in members}
    for value in sorted(set().union(*stated.values())):
        outcome = vote({vid: value in pools[vid] for vid in members}, source)
        if outcome is None:
            continue
        if outcome.reference is None:  # a tie: no majority; one finding shows both sides
            for vid in members:
                (diffs[vid].extra if value in pools[vid] else diffs[vid].missing).append(value)
                diffs[vid].suspect = False
        elif outcome.reference:
            for vid in outcome.odd:
                diffs[vid].missing.append(value)
        else:
            for vid in outcome.odd:
                if value in stated[vid]:
                    diffs[vid].extra.append(value)
    _count_differences(counts, stated, diffs, source)
    _pair_lone_values(diffs, source)
    out: list[Difference] = []
    for vid, diff in diffs.items():
        if not (diff.missing or diff.extra):
            continue
        if not diff.others:  # the versions that give what it lacks, else all the others
            giving = [u for u in members if u != vid and any(v in pools[u] for v in diff.missing)]
            diff.others = giving or [u for u in members if u != vid]
        alike = next((d for d in out if d.suspect and d.same_as(diff)), None)
        if alike is not None and source is not None:  # two translations depart alike from the source
            alike.fellows.append(vid)
            if vid in alike.others:
                alike.others.remove(vid)
        else:
            out.append(diff)
    if any(not d.suspect for d in out):  # the other sides mirror the first one
        out = [d for d in out if d.suspect] + [next(d for d in out if not d.suspect)]
    return out


def _pair_lone_values(diffs: dict[str, Difference], source: str | None) -> None:
    """Two versions each giving a number no other version gives, where the
    rest give none of them ("if supply is only 2" / "si el suministro solo
    es 1" / "si l'échange est unique"): each alone is an addition, but the
    two contradict each other. They become one mismatch between the two
    (the source, when it is one of them, names the other as the suspect;
    otherwise there is no majority); the silent versions are left out of it."""
    changed = [d for d in diffs.values() if d.missing or d.extra or d.times]
    if len(changed) != 2 or len(diffs) < 3 or any(d.missing or d.times or not d.suspect for d in changed):
        return
    if source is not None and source not in (changed[0].version, changed[1].version):
        return  # the source states neither: both added a number to it
    first, second = changed[::-1] if changed[0].version == source else changed
    first.missing, first.others = list(second.extra), [second.version]
    first.suspect = source is not None
    second.extra = []


def _elsewhere(facts: dict[str, BlockFacts]) -> dict[str, tuple[set[Decimal], set[Decimal]]]:
    """For each version, the values the other versions give: those they read
    one way only, and those of their preferred readings (what ``resolve``
    settles an ambiguous number by)."""
    firm = {vid: {n.value for n in f.numbers if len(n.candidates) <= 1} for vid, f in facts.items()}
    preferred = {vid: {n.value for n in f.numbers} for vid, f in facts.items()}
    return {
        vid: (set().union(*(firm[u] for u in facts if u != vid)), set().union(*(preferred[u] for u in facts if u != vid)))
        for vid in facts
    }


def _counts(f: BlockFacts, firm_elsewhere: set[Decimal], preferred_elsewhere: set[Decimal]) -> Counter[Decimal]:
    """How many times a version states each value (digits resolved as in
    ``stated``, numbers in words as they read). Ordinals are not counted:
    "the first step" says no more of the number 1 than "la primera etapa"
    or "le point de départ"."""
    found = Counter(
        resolve(fact, firm_elsewhere, preferred_elsewhere) for fact in f.hard if fact.kind != "ordinal"
    )
    found.update(fact.value for fact in f.numbers if not fact.hard and fact.kind != "ordinal")
    return found


def _count_differences(
    counts: dict[str, Counter[Decimal]],
    stated: dict[str, set[Decimal]],
    diffs: dict[str, Difference],
    source: str | None,
) -> None:
    """Values every version states, but not equally often: the version that
    states one less often than the reference (the source, or the majority)
    lost or changed one of its mentions (``port 80 ... port 70 ... port
    80``); one that states it more often adds a mention."""
    for value in sorted(set.intersection(*(set(c) for c in counts.values()))):
        outcome = vote({vid: c[value] for vid, c in counts.items()}, source)
        if outcome is None or outcome.reference is None:
            continue
        usual = outcome.reference
        for vid, found in counts.items():
            if found[value] < usual:
                diffs[vid].missing.append(value)
            elif found[value] > usual and value in stated[vid]:
                diffs[vid].extra.append(value)
            else:
                continue
            diffs[vid].times[value] = (found[value], usual)


@analysis
def number_differences(context: Context) -> list[tuple[Group, Difference]]:
    """The number differences of every compared group (shared by the
    mismatch, missing and extra rules)."""
    return [(g, d) for g in context.compared for d in group_differences(context, g)]


def _facts_with(context: Context, vid: str, block: Block, values: list[Decimal]) -> list[NumberFact]:
    wanted = set(values)
    return [f for f in context.facts_of(vid, block).numbers if wanted & set(f.candidates or (f.value,))]


def _mentions(context: Context, vid: str, block: Block, value: Decimal) -> int:
    return len(_facts_with(context, vid, block, [value]))


def _near(context: Context, group: Group, vid: str, value: Decimal) -> bool:
    """Whether ``vid`` states ``value`` in a neighbouring group more often
    than the other versions there: a paragraph split or merged differently,
    not a lost number. A mention the others match in that group is its own
    and cannot stand in for the missing one."""
    for other in context.groups[max(0, group.index - 2) : group.index + 3]:
        block = other.members.get(vid)
        if other is group or block is None or value not in context.facts_of(vid, block).pool():
            continue
        theirs = [_mentions(context, u, b, value) for u, b in other.members.items() if u != vid]
        if _mentions(context, vid, block, value) > min(theirs, default=0):
            return True
    return False


def _demonstratives(context: Context, vid: str, block: Block) -> int:
    """How many demonstratives ("this", "esta", "cette") a block holds, in
    its language's profile."""
    words = {w.lower() for w in profile_of(context.lang(vid)).demonstratives}
    return sum(1 for w in letter_runs(block.text) if w.lower() in words)


def _referred_to(context: Context, group: Group, diff: Difference, vid: str) -> bool:
    """Whether a version that states repeated values fewer times than the
    others, and nothing they do not state, says "this version" instead:
    it holds more demonstratives than any other version, one for each
    mention it lacks ("Node.js 18 ... Node.js 18" / "Node.js 18 ... esta
    versión"). A mention changed to another value is never excused (it is
    an extra value), nor one dropped with no word standing for it."""
    if diff.extra or not diff.missing or any(v not in diff.times for v in diff.missing):
        return False
    lacking = sum(usual - found for found, usual in (diff.times[v] for v in diff.missing))
    own = _demonstratives(context, vid, group.members[vid])
    others = max(_demonstratives(context, u, group.members[u]) for u in diff.others)
    return own - others >= lacking


def _benign(context: Context, group: Group, diff: Difference, vid: str) -> bool:
    if _referred_to(context, group, diff, vid):
        return True
    for value in diff.missing:
        kinds = {f.kind for u in diff.others for f in _facts_with(context, u, group.members[u], [value])}
        if not (
            kinds <= BENIGN_KINDS
            or (value == int(value) and 0 <= value <= SMALL)
            or _near(context, group, vid, value)
        ):
            return False
    return True


def _values(values: list[Decimal]) -> str:
    return ", ".join(format_value(v) for v in values)


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _counted(diff: Difference, values: list[Decimal]) -> str:
    """How often the version states values it states a different number of times."""
    return ", ".join(
        f"{format_value(v)} {_times(diff.times[v][0])} (others: {_times(diff.times[v][1])})" for v in values
    )


def _stated(context: Context, vid: str, block: Block, values: list[Decimal]) -> Location:
    """The location of ``vid`` in a finding about ``values``, listing only
    those of them the version states: a number one version adds is not
    shown as if the others gave it too."""
    facts = _facts_with(context, vid, block, values)
    readings = set().union(*(set(f.candidates or (f.value,)) for f in facts)) if facts else set()
    loc = location(vid, block, facts, [])
    loc.values = [format_value(v) for v in values if v in readings]
    return loc


def misread(context: Context, group: Group) -> list[tuple[str, NumberFact, Decimal]]:
    """Numbers that agree with the other versions only under a reading their
    own language does not give them (``1.500`` in English reads 1.5, not
    1500): (version, fact, the value the others give). Languages whose
    profile groups with both signs (Spanish) are left out, and so are those
    without a profile: both readings are in use there, or may be."""
    members = group.members
    facts = {vid: context.facts_of(vid, block) for vid, block in members.items()}
    if not any(len(n.candidates) > 1 for f in facts.values() for n in f.numbers):
        return []  # no number here reads two ways
    elsewhere = _elsewhere(facts)
    out = []
    for vid, f in facts.items():
        profile = known_profile(context.lang(vid))
        if profile is None or profile.both_groupings:
            continue
        firm_elsewhere, preferred_elsewhere = elsewhere[vid]
        for fact in f.hard:
            chosen = resolve(fact, firm_elsewhere, preferred_elsewhere)
            own = own_reading(fact, context.lang(vid))
            if len(fact.candidates) > 1 and chosen != own and own not in preferred_elsewhere:
                out.append((vid, fact, chosen))
    return out


def own_reading(fact: NumberFact, lang: str) -> Decimal:
    """How a reader of the language takes an ambiguous number (``X.YYY`` or
    ``X,YYY``): a decimal where its separator is the language's decimal
    sign (``21.000`` is 21 in English, ``2,601`` is 2.601 in French), else a
    grouped number. The extractor may prefer the other reading ("21.000"
    looks like thousands); the reader does not."""
    candidates = fact.candidates or (fact.value,)
    profile = known_profile(lang)
    separators = {ch for ch in fact.text if ch in ".,"}
    if profile is None or len(separators) != 1 or len(candidates) < 2:
        return fact.value
    return min(candidates) if separators == {profile.decimal_sign} else max(candidates)


def _check_readings(context: Context, rule: Rule) -> Iterator[Finding]:
    for group in context.compared:
        for vid, fact, chosen in misread(context, group):
            others = [u for u in group.members if u != vid]
            giving = [u for u in others if _facts_with(context, u, group.members[u], [chosen])] or others
            language = profile_of(context.lang(vid)).name
            own = own_reading(fact, context.lang(vid))
            message = (
                f"{vid} writes {fact.text!r}, which reads {format_value(own)} in {language},"
                f" where {', '.join(giving)} {plural(giving, 'gives', 'give')} {format_value(chosen)}"
            )
            locations = [location(vid, group.members[vid], [fact], [format_value(own)])]
            for other in others:
                block = group.members[other]
                locations.append(location(other, block, _facts_with(context, other, block, [chosen]), [format_value(chosen)]))
            yield Finding(rule.code, rule.severity, message, [vid], locations, group.index)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    aspect = rule.options.aspect
    if aspect == "reading":
        yield from _check_readings(context, rule)
        return
    for group, diff in number_differences(context):
        if diff.aspect != aspect:
            continue
        suspects = diff.versions
        severity = rule.severity
        if aspect == "missing" and all(_benign(context, group, diff, vid) for vid in suspects):
            severity = lower(severity)
        message = _message(diff, aspect)
        shown = diff.missing or diff.extra
        own = diff.extra + [v for v in diff.missing if v in diff.times]
        locations = [_stated(context, vid, group.members[vid], own) for vid in suspects]
        locations += [_stated(context, other, group.members[other], shown) for other in diff.others]
        # the cell as the reference names it (the source or the majority), not a fellow suspect
        cell = next((loc.cell for loc in locations[len(suspects) :] if loc.cell), locations[0].cell)
        if cell:
            message += f" ({cell})"
        yield Finding(
            rule=rule.code,
            severity=severity,
            message=message,
            suspect=suspects if diff.suspect else [],
            locations=locations,
            group=group.index,
        )


def _message(diff: Difference, aspect: str) -> str:
    """What the suspects give against the reference (the source, the
    majority, or with no majority the other side)."""
    vids = ", ".join(diff.versions)
    others = named(diff.others, diff.source)
    if aspect == "mismatch":
        message = (
            f"{vids} {plural(diff.versions, 'gives', 'give')} {_values(diff.extra)}"
            f" where {others} {plural(diff.others, 'gives', 'give')} {_values(diff.missing)}"
        )
    else:
        values = diff.missing if aspect == "missing" else diff.extra
        absent = [v for v in values if v not in diff.times]
        counted = [v for v in values if v in diff.times]
        parts = []
        if absent and aspect == "missing":
            parts.append(f"{vids} {plural(diff.versions, 'lacks', 'lack')} {_values(absent)}, given by {others}")
        elif absent:
            parts.append(f"{vids} {plural(diff.versions, 'gives', 'give')} {_values(absent)}, absent from {others}")
        if counted:
            parts.append(f"{vids} {plural(diff.versions, 'states', 'state')} {_counted(diff, counted)} compared with {others}")
        message = "; ".join(parts)
    return message if diff.suspect else message + " (no majority)"
