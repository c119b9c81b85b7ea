"""Data classes that flow through the pipeline.

read -> split -> align -> extract -> compare -> report. Each stage takes and
returns these plain, typed objects, so a reader can follow one finding back to
the block, version and line where it was made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

LETTER_RUN = re.compile(r"[^\W\d_]+")  # a run of letters


def _ranges(first: int, last: int, letters: bool) -> str:
    """The characters from ``first`` to ``last`` that are letters (or that
    are not), as the ranges of a character class: in the string of those
    characters in order, the runs of letters (of others) are the ranges."""
    chars = "".join(map(chr, range(first, last + 1)))
    runs = LETTER_RUN.finditer(chars) if letters else _NOT_LETTER_RUN.finditer(chars)
    return "".join(f"{re.escape(chars[m.start()])}-{re.escape(chars[m.end() - 1])}" for m in runs)


_NOT_LETTER_RUN = re.compile(r"[\W\d_]+")
_LATIN_END = 0x24F  # the last character of the Latin blocks
# Past them, a text in a Latin script often holds punctuation and signs
# (quotes, dashes, currency, arrows, "≥", "●"): the characters of these
# blocks that are no letters.
_SIGN_BLOCKS = ((0x2000, 0x206F), (0x20A0, 0x20CF), (0x2190, 0x22FF), (0x25A0, 0x25FF))
_SIGNS = "".join(_ranges(first, last, False) for first, last in _SIGN_BLOCKS)
_LATIN_LETTER_RUN = re.compile(f"[{_ranges(0, _LATIN_END, True)}]+")
_BEYOND_LATIN = re.compile(f"[^\x00-{re.escape(chr(_LATIN_END))}{_SIGNS}]")


def letter_runs(text: str) -> list[str]:
    """``LETTER_RUN.findall(text)``. A text of Latin letters, punctuation and
    the usual signs (most) is scanned with its letters listed: the regex
    engine tests a listed class far faster than the negated one, whose every
    character it looks up in the Unicode tables (0.72 of the time on the
    blocks of seed 000)."""
    return (LETTER_RUN if _BEYOND_LATIN.search(text) else _LATIN_LETTER_RUN).findall(text)


class Severity(str, Enum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Span:
    """A kept run of raw text: ``length`` chars at ``clean_start`` in the clean
    text come from ``raw_start`` in the raw text of the block."""

    clean_start: int
    raw_start: int
    length: int


@dataclass
class Block:
    """One unit of text that is aligned as a whole: a paragraph, heading, list
    item, table cell or footnote.

    ``raw`` is the text as it stands in the file (starting on ``line``);
    ``text`` is the same text with boilerplate (glossary tooltips) removed.
    ``spans`` map offsets in ``text`` back to ``raw`` so a value can be located
    on its own line.
    """

    index: int
    kind: str  # paragraph | heading | list_item | cell | footnote | frontmatter
    raw: str
    line: int
    path: str
    text: str = ""
    spans: list[Span] = field(default_factory=list)
    table: int | None = None  # id of the table a cell belongs to
    row: int | None = None
    col: int | None = None
    page: int | None = None  # PDF page, 1-based
    row_header: str | None = None  # a cell's row labels ("Burkina Faso / 2019 action plan")
    col_header: str | None = None  # the header over a cell's column ("Minor")
    item: int | None = None  # Markdown list item the block belongs to (an item may hold several blocks)
    unit: str | None = None  # id of the translation unit it comes from (XLIFF, PO, TMX)
    # (raw offset, page, line) where the text goes on at another line than
    # the next one: in a PDF on the next page, the next column or after a
    # table; in Markdown and HTML after a tag or code span over several lines.
    line_map: list[tuple[int, int | None, int]] = field(default_factory=list)
    lang: str | None = None  # detected language, None when undecided
    lang_confidence: float = 0.0
    suppressed: frozenset[str] = frozenset()  # rule codes silenced inline
    # ``letter_runs`` and ``letters`` of the text they were last found in (not data: no argument, not compared)
    _counted: tuple[str, str, int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.text and not self.spans:
            self.text = self.raw
            self.spans = [Span(0, 0, len(self.raw))]

    def _runs(self) -> tuple[str, str, int]:
        counted = self._counted
        if counted is None or counted[0] is not self.text:
            runs = " ".join(letter_runs(self.text))
            counted = self._counted = (self.text, runs, len(runs) - runs.count(" "))
        return counted

    @property
    def letters(self) -> int:
        """How many letters ``text`` holds: what the split and the aligner
        weigh a block by (digits, signs and spaces say nothing of its
        language or length in another). Counted once for a text: the
        split and the aligner both ask."""
        return self._runs()[2]

    @property
    def letter_runs(self) -> str:
        """The runs of letters of ``text`` (its words without digits or
        signs), joined by spaces: found with ``letters``, once for a text,
        and split again by number extraction to look the words up (a
        string, not a set: a set per block would cost a fifth more memory
        on a large document)."""
        return self._runs()[1]

    @property
    def end_line(self) -> int:
        start, _, line = self._resumed(len(self.raw))
        return line + self.raw.count("\n", start)

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in ``text`` to an offset in ``raw``."""
        for span in self.spans:
            if span.clean_start <= clean_offset <= span.clean_start + span.length:
                return span.raw_start + (clean_offset - span.clean_start)
        return min(clean_offset, len(self.raw))

    def line_of(self, clean_offset: int) -> int:
        """1-based line in the input file (for a PDF, on its page) of a
        character in ``text``."""
        return self.line_of_raw(self.raw_offset(clean_offset))

    def line_of_raw(self, raw_at: int) -> int:
        """1-based line in the input file of a character in ``raw``."""
        start, _, line = self._resumed(raw_at)
        return line + self.raw.count("\n", start, raw_at)

    def page_of(self, clean_offset: int) -> int | None:
        """PDF page of a character in ``text`` (``None`` for other inputs)."""
        return self.page_of_raw(self.raw_offset(clean_offset))

    def page_of_raw(self, raw_at: int) -> int | None:
        """PDF page of a character in ``raw`` (``None`` for other inputs)."""
        return self._resumed(raw_at)[1]

    def _resumed(self, raw_at: int) -> tuple[int, int | None, int]:
        """(raw offset, page, line) of the last place before ``raw_at`` where
        the block's lines were counted anew."""
        found = (0, self.page, self.line)
        for start, page, line in self.line_map:
            if start <= raw_at:
                found = (start, page, line)
        return found


@dataclass
class Version:
    """One language version of a document: a run of blocks in one language."""

    id: str  # "en", "fr", "fr.2"
    lang: str
    path: str
    blocks: list[Block]

    @property
    def first_line(self) -> int:
        return self.blocks[0].line if self.blocks else 0

    @property
    def last_line(self) -> int:
        return self.blocks[-1].end_line if self.blocks else 0


@dataclass
class Document:
    """What the split stage hands on: the versions, plus blocks that belong to
    no version (page furniture, a comment thread in one language, text in a
    language ``--langs`` does not name, listed in ``foreign``)."""

    versions: list[Version]
    unassigned: list[Block] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    foreign: list[tuple[str, int, int]] = field(default_factory=list)  # (lang, first line, last line) left out
    missing: dict[str, str | None] = field(default_factory=dict)  # language with no file -> where it would stand
    # The source language the input gives (the one file that names no
    # language beside files that do, report.md beside report.es.md; the
    # source of bilingual files), and where it comes from.
    source: str | None = None
    source_reason: str = ""
    # Versions the input itself aligns (the units of bilingual files): the
    # groups are taken as they are and the aligner is not run.
    groups: list[Group] | None = None


@dataclass
class Group:
    """Blocks judged to be translations of each other: version id -> block.
    A version without a counterpart is absent from ``members``."""

    index: int
    members: dict[str, Block]
    score: float = 0.0


@dataclass(frozen=True)
class NumberFact:
    """A number a reader takes as a fact, as found in one block.

    ``value`` is the reading chosen for the block's language; ``candidates``
    lists every reading the surface form allows (``4,500`` may be 4500 or 4.5)
    with the preferred one first, so the compare stage can settle ambiguity
    from the other versions. ``hard`` facts are digits; soft facts (numbers
    spelled as words) confirm a value but never raise a finding on their own.
    Values are exact Decimals, whatever their number of digits.
    """

    value: Decimal
    text: str
    start: int
    end: int
    kind: str = "number"  # number|percent|money|year|range|ordinal|section|word
    candidates: tuple[Decimal, ...] = ()
    hard: bool = True
    unit: str | None = None  # currency code, "%", ...
    malformed: bool = False


@dataclass(frozen=True)
class Marker:
    """Something found in text that is not a value but matters: a footnote
    marker ([ii], [2]) or a machine-translation placeholder (XNUMX)."""

    kind: str  # footnote | placeholder
    text: str
    start: int
    end: int


@dataclass
class Location:
    """Where a finding stands in one version."""

    version: str
    path: str
    line: int
    text: str
    values: list[str]
    highlights: list[tuple[int, int]] = field(default_factory=list)
    page: int | None = None
    block: int | None = None
    row: int | None = None
    col: int | None = None
    row_header: str | None = None
    col_header: str | None = None
    column: int | None = None  # 1-based column of the first disputed value on ``line``, when known
    unit: str | None = None  # translation unit id (XLIFF, PO, TMX)

    @property
    def cell(self) -> str:
        """How a reader finds a table cell: its row and column headers (or
        numbers); empty outside tables."""
        if self.row is None and self.col is None:
            return ""
        row_header, col_header = _legible(self.row_header), _legible(self.col_header)
        row = f"row «{row_header}»" if row_header else (f"row {self.row + 1}" if self.row is not None else "")
        col = f"column «{col_header}»" if col_header else (f"column {self.col + 1}" if self.col is not None and self.row is not None else "")
        return ", ".join(part for part in (row, col) if part)


def _legible(header: str | None) -> str | None:
    """A header that names something: one made only of code (``⟦⟧``, what
    the reader leaves of `MONGODB`) or marks names nothing, and the cell is
    then known by its number."""
    return header if header and any(char.isalnum() for char in header) else None


@dataclass
class Suggestion:
    """The fix a finding points to: what the other versions agree on, put in
    the place of what the suspect version says.

    ``found`` is what ``version`` gives (empty when it lacks the value),
    ``expected`` what the others agree on; ``text`` is the suspect's text with
    the one disputed value replaced, when one value stands for one. ``line``
    and ``column`` (1-based, in the input file) say where ``replaced`` stands
    when the file is text and the value is found there once.
    """

    version: str
    found: list[str]
    expected: list[str]
    text: str | None = None
    replaced: str | None = None  # the text taken out (``12``)
    inserted: str | None = None  # the text put in (``4``, written as the version's language writes it)
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """``fr: 12 -> 4``, ``fr: add 4``."""
        new = self.inserted or ", ".join(self.expected)
        if not self.found and self.replaced is None:
            return f"{self.version}: add {new}"
        return f"{self.version}: {self.replaced or ', '.join(self.found)} -> {new}"


@dataclass
class Finding:
    """One disagreement the tool reports."""

    rule: str
    severity: Severity
    message: str
    suspect: list[str]
    locations: list[Location]
    group: int | None = None
    suggestion: Suggestion | None = None

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        """Reports list findings by file and line of where they are shown
        (the first location, the suspect version's)."""
        first = self.locations[0] if self.locations else None
        return (first.path if first else "", first.line if first else 0, self.rule, self.message)


@dataclass
class Report:
    """Everything one check produced, in the order it is shown."""

    versions: list[Version]
    findings: list[Finding]
    groups: list[Group] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    baselined: int = 0  # findings silenced by a baseline file (not in ``findings``)
    root: str = ""  # the repository the paths are relative to in fingerprints and SARIF ("": as given)
