"""Kind ``agreement``: the facts of aligned blocks must agree across versions.

For each aligned group, every value stated in digits somewhere is looked for
in each version (a spelled-out number or any reading of an ambiguous one
confirms it). With three or more versions the majority decides which version
is odd: it lacks a value the others give (missing), states one they do not
(extra), or both at once (mismatch). How often a value is stated counts too:
a paragraph that says "port 80" three times in two versions and twice in the
third (the third mention changed or dropped) is missing one. With two
versions there is no majority and the finding names no suspect.

An ambiguous number (``4,500``) takes the reading the other versions
confirm; where that is not the reading its own language gives it (``1.500``
in English, ``1,500`` in French), the ``reading`` aspect reports it.

Rule option: ``aspect`` (``mismatch``, ``missing``, ``extra`` or ``reading``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ...extract.facts import BlockFacts
from ...lang import of as profile_of
from ...lang import profile as known_profile
from ...models import Block, Finding, Group, Location, NumberFact
from ..context import Context, analysis
from ..findings import format_value, location, lower
from ..rule import Rule


@dataclass(frozen=True)
class Options:
    """``aspect``: which difference the rule reports."""

    aspect: Literal["mismatch", "missing", "extra", "reading"] = "mismatch"


BENIGN_KINDS = {"ordinal", "word", "section", "version", "time"}
SMALL = 10  # a missing value up to this may be spelled in a way not recognised


@dataclass
class Difference:
    """How one version departs from the others in one group."""

    version: str
    missing: list[Decimal] = field(default_factory=list)  # values the others give
    extra: list[Decimal] = field(default_factory=list)  # values only it gives
    times: dict[Decimal, tuple[int, int]] = field(default_factory=dict)  # value -> (its count, the others')
    others: list[str] = field(default_factory=list)  # the versions it is compared with
    suspect: bool = True  # False when there is no majority

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
    facts = {vid: context.facts_of(vid, block) for vid, block in members.items()}
    pools = {vid: f.pool() for vid, f in facts.items()}
    firm = {vid: {n.value for n in f.numbers if len(n.candidates) <= 1} for vid, f in facts.items()}
    preferred = {vid: {n.value for n in f.numbers} for vid, f in facts.items()}
    stated: dict[str, set[Decimal]] = {}
    for vid, f in facts.items():
        others = [u for u in members if u != vid]
        firm_elsewhere = set().union(*(firm[u] for u in others))
        preferred_elsewhere = set().union(*(preferred[u] for u in others))
        stated[vid] = {resolve(fact, firm_elsewhere, preferred_elsewhere) for fact in f.hard}
    counts = {vid: _counts(f, firm, preferred, vid, members) for vid, f in facts.items()}
    n = len(members)
    diffs = {vid: Difference(vid) for vid in members}
    for value in sorted(set().union(*stated.values())):
        have = {vid for vid in members if value in pools[vid] or value in stated[vid]}
        lack = set(members) - have
        if not lack:
            continue
        if 2 * len(have) > n:
            for vid in lack:
                diffs[vid].missing.append(value)
        elif 2 * len(have) < n:
            for vid in have & {v for v in members if value in stated[v]}:
                diffs[vid].extra.append(value)
        else:  # a tie: no majority; one finding shows both sides
            for vid in members:
                (diffs[vid].extra if vid in have else diffs[vid].missing).append(value)
                diffs[vid].suspect = False
    _count_differences(counts, stated, diffs)
    out = []
    for vid, diff in diffs.items():
        if diff.missing or diff.extra:
            diff.others = [u for u in members if u != vid]
            out.append(diff)
    if any(not d.suspect for d in out):  # the other sides mirror the first one
        out = [d for d in out if d.suspect] + [next(d for d in out if not d.suspect)]
    return out


def _counts(
    f: BlockFacts, firm: dict[str, set[Decimal]], preferred: dict[str, set[Decimal]], vid: str, members: Iterable[str]
) -> Counter[Decimal]:
    """How many times a version states each value (digits resolved as in
    ``stated``, numbers in words as they read). Ordinals are not counted:
    "the first step" says no more of the number 1 than "la primera etapa"
    or "le point de départ"."""
    others = [u for u in members if u != vid]
    firm_elsewhere = set().union(*(firm[u] for u in others))
    preferred_elsewhere = set().union(*(preferred[u] for u in others))
    found = Counter(
        resolve(fact, firm_elsewhere, preferred_elsewhere) for fact in f.hard if fact.kind != "ordinal"
    )
    found.update(fact.value for fact in f.numbers if not fact.hard and fact.kind != "ordinal")
    return found


def _count_differences(counts: dict[str, Counter[Decimal]], stated: dict[str, set[Decimal]], diffs: dict[str, Difference]) -> None:
    """Values every version states, but not equally often: the version that
    states one less often than the majority lost or changed one of its
    mentions (``port 80 ... port 70 ... port 80``); one that states it more
    often adds a mention."""
    n = len(counts)
    for value in sorted(set.intersection(*(set(c) for c in counts.values()))):
        usual, votes = Counter(c[value] for c in counts.values()).most_common(1)[0]
        if 2 * votes <= n:
            continue
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


_WORD = re.compile(r"[^\W\d_]+")


def _demonstratives(context: Context, vid: str, block: Block) -> int:
    """How many demonstratives ("this", "esta", "cette") a block holds, in
    its language's profile."""
    words = {w.lower() for w in profile_of(context.lang(vid)).demonstratives}
    return sum(1 for w in _WORD.findall(block.text) if w.lower() in words)


def _referred_to(context: Context, group: Group, diff: Difference) -> bool:
    """Whether a version that states repeated values fewer times than the
    others, and nothing they do not state, says "this version" instead:
    it holds more demonstratives than any other version, one for each
    mention it lacks ("Node.js 18 ... Node.js 18" / "Node.js 18 ... esta
    versión"). A mention changed to another value is never excused (it is
    an extra value), nor one dropped with no word standing for it."""
    if diff.extra or not diff.missing or any(v not in diff.times for v in diff.missing):
        return False
    lacking = sum(usual - found for found, usual in (diff.times[v] for v in diff.missing))
    own = _demonstratives(context, diff.version, group.members[diff.version])
    others = max(_demonstratives(context, u, group.members[u]) for u in diff.others)
    return own - others >= lacking


def _benign(context: Context, group: Group, diff: Difference) -> bool:
    if _referred_to(context, group, diff):
        return True
    for value in diff.missing:
        kinds = {f.kind for u in diff.others for f in _facts_with(context, u, group.members[u], [value])}
        if not (
            kinds <= BENIGN_KINDS
            or (value == int(value) and 0 <= value <= SMALL)
            or _near(context, group, diff.version, value)
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
    firm = {vid: {n.value for n in f.numbers if len(n.candidates) <= 1} for vid, f in facts.items()}
    preferred = {vid: {n.value for n in f.numbers} for vid, f in facts.items()}
    out = []
    for vid, f in facts.items():
        profile = known_profile(context.lang(vid))
        if profile is None or profile.both_groupings:
            continue
        others = [u for u in members if u != vid]
        firm_elsewhere = set().union(*(firm[u] for u in others))
        preferred_elsewhere = set().union(*(preferred[u] for u in others))
        for fact in f.hard:
            chosen = resolve(fact, firm_elsewhere, preferred_elsewhere)
            if len(fact.candidates) > 1 and chosen != fact.value and fact.value not in preferred_elsewhere:
                out.append((vid, fact, chosen))
    return out


def _check_readings(context: Context, rule: Rule) -> Iterator[Finding]:
    for group in context.compared:
        for vid, fact, chosen in misread(context, group):
            others = [u for u in group.members if u != vid]
            language = profile_of(context.lang(vid)).name
            verb = "give" if len(others) > 1 else "gives"
            message = (
                f"{vid} writes {fact.text!r}, which reads {format_value(fact.value)} in {language},"
                f" where {', '.join(others)} {verb} {format_value(chosen)}"
            )
            locations = [location(vid, group.members[vid], [fact], [format_value(fact.value)])]
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
        vid = diff.version
        block = group.members[vid]
        severity = rule.severity
        if aspect == "missing" and _benign(context, group, diff):
            severity = lower(severity)
        others = ", ".join(diff.others)
        if aspect == "mismatch":
            verb = "give" if len(diff.others) > 1 else "gives"
            message = f"{vid} gives {_values(diff.extra)} where {others} {verb} {_values(diff.missing)}"
        else:
            values = diff.missing if aspect == "missing" else diff.extra
            absent = [v for v in values if v not in diff.times]
            counted = [v for v in values if v in diff.times]
            parts = []
            if absent and aspect == "missing":
                parts.append(f"{vid} lacks {_values(absent)}, given by {others}")
            elif absent:
                parts.append(f"{vid} gives {_values(absent)}, absent from {others}")
            if counted:
                parts.append(f"{vid} states {_counted(diff, counted)} compared with {others}")
            message = "; ".join(parts)
        if not diff.suspect:
            message += " (no majority)"
        shown = diff.missing or diff.extra
        own = diff.extra + [v for v in diff.missing if v in diff.times]
        locations = [_stated(context, vid, block, own)]
        locations += [_stated(context, other, group.members[other], shown) for other in diff.others]
        cell = next((loc.cell for loc in locations[1:] if loc.cell), locations[0].cell)
        if cell:
            message += f" ({cell})"
        yield Finding(
            rule=rule.code,
            severity=severity,
            message=message,
            suspect=[vid] if diff.suspect else [],
            locations=locations,
            group=group.index,
        )
