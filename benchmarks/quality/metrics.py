"""Match findings to injections and turn the matches into scores.

A finding matches an injection when one of its locations stands in the
changed version on the changed unit's lines, or in an untouched version on
the aligned unit's lines (a finding may point at the version that kept the
right value), give or take ``tolerance`` lines. Recall counts injections
with at least one matching finding at a counted severity; precision counts
findings; the suspect is right when the first matching finding (most severe
first) blames exactly the changed version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .detect import Hit
from .inject import Injection

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
DEFAULT_COUNTED = ("error", "warning")


def _within(line: int, span: tuple[int, int], tolerance: int) -> bool:
    return span[0] - tolerance <= line <= span[1] + tolerance


def matches(hit: Hit, injection: Injection, tolerance: int = 1) -> bool:
    for version, line in hit.locations:
        if version == injection.version and _within(line, injection.span, tolerance):
            return True
        if version in injection.counterparts and _within(line, injection.counterparts[version], tolerance):
            return True
    return False


@dataclass
class Outcome:
    """One tool on one injected triple."""

    injection: Injection
    hits: list[Hit]  # every finding at a counted severity (known genuine errors left out)
    matched: list[Hit]  # those matching the injection
    matched_any: list[Hit]  # matching findings at any severity, info included

    @property
    def detected(self) -> bool:
        return bool(self.matched)

    @property
    def suspect_right(self) -> bool:
        if not self.matched:
            return False
        first = sorted(self.matched, key=lambda h: -SEVERITY_RANK[h.severity])[0]
        return first.suspect == (self.injection.version,)


def outcome(
    injection: Injection, hits: Iterable[Hit], counted: Sequence[str] = DEFAULT_COUNTED, tolerance: int = 1
) -> Outcome:
    hits = list(hits)
    kept = [h for h in hits if h.severity in counted]
    return Outcome(
        injection,
        kept,
        [h for h in kept if matches(h, injection, tolerance)],
        [h for h in hits if matches(h, injection, tolerance)],
    )


@dataclass
class Scores:
    """Scores of one tool over a set of outcomes."""

    n: int = 0
    detected: int = 0
    detected_any: int = 0
    suspect_right: int = 0
    true_hits: int = 0
    all_hits: int = 0
    by_type: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # type -> (n, detected, with info)

    @property
    def recall(self) -> float:
        return self.detected / self.n if self.n else 0.0

    @property
    def recall_any(self) -> float:
        return self.detected_any / self.n if self.n else 0.0

    @property
    def precision(self) -> float:
        return self.true_hits / self.all_hits if self.all_hits else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def suspect_accuracy(self) -> float:
        return self.suspect_right / self.detected if self.detected else 0.0

    def type_recall(self, kind: str) -> float | None:
        n, detected, _ = self.by_type.get(kind, (0, 0, 0))
        return detected / n if n else None


def score(outcomes: Iterable[Outcome]) -> Scores:
    s = Scores()
    for o in outcomes:
        s.n += 1
        s.detected += o.detected
        s.detected_any += bool(o.matched_any)
        s.suspect_right += o.suspect_right
        s.true_hits += len(o.matched)
        s.all_hits += len(o.hits)
        n, d, a = s.by_type.get(o.injection.kind, (0, 0, 0))
        s.by_type[o.injection.kind] = (n + 1, d + o.detected, a + bool(o.matched_any))
    return s


def per_100(count: int, paragraphs: int) -> float:
    return 100.0 * count / paragraphs if paragraphs else 0.0
