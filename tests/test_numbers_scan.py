"""Numbers are looked for only in the stretches of a text that can hold one
(``_master_matches``); what is found is what a scan of the whole text finds,
whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ogpcheck.extract import numbers
from ogpcheck.lang import profiles

PIECES = [
    *"0123456789", *" \u00a0\u202f\u2009\n\t.,/@#[]-:'’hveEkKMbnsrdº%$€xé", "www.", "https://", "a@b.c", "[ii]",
    "1st", "70s", "18h", "v1.2", "COVID-19", "Ab", "années ", "\n  12. ", "\n\t3) ", "2019-2020", "1 000 000",
]  # fmt: skip


def scans(text: str) -> list[list[tuple[tuple[int, int], str | None]]]:
    out = []
    for profile in profiles():
        master = numbers._style(profile.code).master
        whole = [(m.span(), m.lastgroup) for m in master.finditer(text)]
        stretches = [(m.span(), m.lastgroup) for m in numbers._master_matches(master, text)]
        out.append([whole, stretches])
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_scanning_stretches_finds_what_scanning_everything_finds(text: str) -> None:
    for whole, stretches in scans(text):
        assert stretches == whole
        if not numbers._may_match(text):  # such a text is not scanned at all
            assert whole == []


def test_stretches_cover_spaced_groups_list_numbers_and_lookaheads() -> None:
    for text in ("Total 1 000 000 people", "Intro\n   12. item", "a 3 4", "x12\n34", "see [ii] and 5 %", "12.5M"):
        for whole, stretches in scans(text):
            assert stretches == whole and whole
