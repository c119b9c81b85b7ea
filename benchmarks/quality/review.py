"""The review of every finding ogpcheck reports at error or warning on the
untouched corpus (``reviewed.yaml``): a genuine difference between the
versions (what is wrong, and which versions are wrong or lag behind the
source), or a false alarm (and its cause).

A review is keyed by what survives small changes to the documents and to
ogpcheck: the triple, the rule (or rules: the same disagreement may be
another rule under ``--source en``), the disputed values and a few words of
the text it stands in; never a line number or a message. A finding that no
review matches is *unreviewed*: the benchmark lists it and leaves it out of
precision, so that a new finding is read by a person before it counts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .detect import Hit

REVIEWED = Path(__file__).with_name("reviewed.yaml")
GENUINE, FALSE_ALARM = "genuine", "false alarm"
CAUSES = (
    "entities",  # a word taken for a name, a translated name or acronym not recognised
    "markup",  # prose inside markup skipped or misread, a line shifted
    "number extraction",  # a number read wrong, or a non-number read as one
    "numbers that agree",  # the same number written another way (a time, a decade, an ordinal, a date)
    "alignment",  # paragraphs paired wrong
    "structure",  # lists, tables, enumerations, footnotes counted wrong
    "vote",  # the comparison or the decision on who is blamed
)


@dataclass(frozen=True)
class Review:
    """What a person decided about one reported disagreement."""

    slug: str
    rules: tuple[str, ...]
    values: frozenset[str] | None  # None: any values (a share of text, which moves with every change)
    excerpt: str  # words of the text of one of the finding's locations
    verdict: str  # genuine | false alarm
    wrong: tuple[str, ...] = ()  # genuine: the versions to fix (wrong, or lagging behind the source)
    what: str = ""  # genuine: what is wrong
    cause: str = ""  # false alarm: one of CAUSES
    note: str = ""  # false alarm: what misled the check

    @property
    def genuine(self) -> bool:
        return self.verdict == GENUINE


@dataclass(frozen=True)
class Reported:
    """One finding on the untouched corpus, and the triple it stands in."""

    slug: str
    hit: Hit


def _normal(text: str) -> str:
    """Compare excerpts whatever the spacing, case and Unicode form."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    return (str(value),)


def parse(entry: dict[str, object], where: str) -> Review:
    """A review from one entry of the file, checked."""
    verdict = str(entry.get("verdict", ""))
    if verdict not in (GENUINE, FALSE_ALARM):
        raise ValueError(f"{where}: verdict must be '{GENUINE}' or '{FALSE_ALARM}'")
    review = Review(
        slug=str(entry["slug"]),
        rules=_strings(entry["rule"]),
        values=frozenset(_strings(entry["values"])) if "values" in entry else None,
        excerpt=str(entry["excerpt"]),
        verdict=verdict,
        wrong=_strings(entry.get("wrong")),
        what=" ".join(str(entry.get("what", "")).split()),
        cause=str(entry.get("cause", "")),
        note=" ".join(str(entry.get("note", "")).split()),
    )
    if review.genuine and not (review.wrong and review.what):
        raise ValueError(f"{where}: a genuine difference needs 'wrong' (versions) and 'what'")
    if not review.genuine and review.cause not in CAUSES:
        raise ValueError(f"{where}: a false alarm needs a 'cause' among {', '.join(CAUSES)}")
    return review


def load_reviews(path: Path = REVIEWED) -> list[Review]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [parse(entry, f"{path.name} entry {k + 1}") for k, entry in enumerate(data.get("findings", []))]


def matches(review: Review, found: Reported) -> bool:
    """Whether a review is about this finding: same triple and rule, same
    values, and its excerpt stands in the text of one of its locations."""
    if review.slug != found.slug or found.hit.rule not in review.rules:
        return False
    if review.values is not None and review.values != found.hit.values:
        return False
    excerpt = _normal(review.excerpt)
    return any(excerpt in _normal(text) for text in found.hit.texts)


def review_of(found: Reported, reviews: Sequence[Review]) -> int | None:
    """The index of the review of this finding, if any."""
    return next((k for k, review in enumerate(reviews) if matches(review, found)), None)


def suspect_right(found: Reported, review: Review) -> bool:
    """Whether the finding blames exactly the versions to fix among those
    it stands in."""
    there = {version for version, _ in found.hit.locations}
    return bool(found.hit.suspect) and set(found.hit.suspect) == set(review.wrong) & there


@dataclass
class Tally:
    """Reviewed findings of one slice of the corpus (a source, a sync class...)."""

    triples: int = 0
    paragraphs: int = 0
    genuine: int = 0
    false_alarms: int = 0
    unreviewed: int = 0
    suspect_right: int = 0
    causes: dict[str, int] = field(default_factory=dict)

    @property
    def findings(self) -> int:
        return self.genuine + self.false_alarms + self.unreviewed

    @property
    def precision(self) -> float | None:
        judged = self.genuine + self.false_alarms
        return self.genuine / judged if judged else None

    @property
    def per_100(self) -> float:
        return 100.0 * self.false_alarms / self.paragraphs if self.paragraphs else 0.0

    @property
    def suspect_accuracy(self) -> float | None:
        return self.suspect_right / self.genuine if self.genuine else None

    def add(self, review: Review | None, found: Reported) -> None:
        if review is None:
            self.unreviewed += 1
        elif review.genuine:
            self.genuine += 1
            self.suspect_right += suspect_right(found, review)
        else:
            self.false_alarms += 1
            self.causes[review.cause] = self.causes.get(review.cause, 0) + 1


def unused(reviews: Iterable[Review], used: set[int]) -> list[Review]:
    """Reviews that matched no finding of the run (the finding is gone)."""
    return [review for k, review in enumerate(reviews) if k not in used]
