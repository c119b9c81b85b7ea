"""Kind ``agreement``: the facts of aligned blocks must agree across versions.

For each aligned group, every value stated in digits somewhere is looked for
in each version (a spelled-out number or any reading of an ambiguous one
confirms it). With three or more versions the majority decides which version
is odd: it lacks a value the others give (missing), states one they do not
(extra), or both at once (mismatch). With two versions there is no majority
and the finding names no suspect.

Rule options: ``fact`` (``numbers``) and ``aspect`` (``mismatch``, ``missing``
or ``extra``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..context import Context
from ..findings import format_value, location, lower
from ..models import Block, Finding, Group, NumberFact
from ..rules import Rule

BENIGN_KINDS = {"ordinal", "word", "section", "version", "time"}
SMALL = 10  # a missing value up to this may be spelled in a way not recognised


@dataclass
class Difference:
    """How one version departs from the others in one group."""

    version: str
    missing: list[float] = field(default_factory=list)  # values the others give
    extra: list[float] = field(default_factory=list)  # values only it gives
    others: list[str] = field(default_factory=list)  # the versions it is compared with
    suspect: bool = True  # False when there is no majority

    @property
    def aspect(self) -> str:
        if self.missing and self.extra:
            return "mismatch"
        return "missing" if self.missing else "extra"


def resolve(fact: NumberFact, firm: set[float], preferred: set[float]) -> float:
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
    stated: dict[str, set[float]] = {}
    for vid, f in facts.items():
        others = [u for u in members if u != vid]
        firm_elsewhere = set().union(*(firm[u] for u in others))
        preferred_elsewhere = set().union(*(preferred[u] for u in others))
        stated[vid] = {resolve(fact, firm_elsewhere, preferred_elsewhere) for fact in f.hard}
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
    out = []
    for vid, diff in diffs.items():
        if diff.missing or diff.extra:
            diff.others = [u for u in members if u != vid]
            out.append(diff)
    if any(not d.suspect for d in out):  # the other sides mirror the first one
        out = [d for d in out if d.suspect] + [next(d for d in out if not d.suspect)]
    return out


def _differences(context: Context) -> list[tuple[Group, Difference]]:
    key = "agreement.numbers"
    if key not in context.cache:
        context.cache[key] = [(g, d) for g in context.compared for d in group_differences(context, g)]
    return context.cache[key]  # type: ignore[return-value]


def _facts_with(context: Context, vid: str, block: Block, values: list[float]) -> list[NumberFact]:
    wanted = set(values)
    return [f for f in context.facts_of(vid, block).numbers if wanted & set(f.candidates or (f.value,))]


def _near(context: Context, group: Group, vid: str, value: float) -> bool:
    """Whether ``vid`` states ``value`` in a neighbouring group: a paragraph
    split or merged differently, not a lost number."""
    for other in context.groups[max(0, group.index - 2) : group.index + 3]:
        block = other.members.get(vid)
        if other is not group and block is not None and value in context.facts_of(vid, block).pool():
            return True
    return False


def _benign(context: Context, group: Group, diff: Difference) -> bool:
    for value in diff.missing:
        kinds = {f.kind for u in diff.others for f in _facts_with(context, u, group.members[u], [value])}
        if not (
            kinds <= BENIGN_KINDS
            or (value == int(value) and 0 <= value <= SMALL)
            or _near(context, group, diff.version, value)
        ):
            return False
    return True


def _values(values: list[float]) -> str:
    return ", ".join(format_value(v) for v in values)


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    aspect = rule.options.get("aspect", "mismatch")
    for group, diff in _differences(context):
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
        elif aspect == "missing":
            message = f"{vid} lacks {_values(diff.missing)}, given by {others}"
        else:
            message = f"{vid} gives {_values(diff.extra)}, absent from {others}"
        if not diff.suspect:
            message += " (no majority)"
        shown = diff.missing or diff.extra
        locations = [
            location(vid, block, _facts_with(context, vid, block, diff.extra), [format_value(v) for v in diff.extra])
        ]
        for other in diff.others:
            other_block = group.members[other]
            locations.append(
                location(
                    other,
                    other_block,
                    _facts_with(context, other, other_block, shown),
                    [format_value(v) for v in shown],
                )
            )
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
