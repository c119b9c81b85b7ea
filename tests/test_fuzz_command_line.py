"""Property: whatever the command line and the documents, ogpcheck ends with
exit 0, 1 or 2, says an error in exactly one line on standard error, never
writes over an input, and finishes in a time bounded by the size of its
input (a generous bound: this catches hangs and blow-ups, not slowness)."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_fuzz_cli import SEED_LINES

SECONDS_FLAT, SECONDS_PER_KB = 60.0, 5.0
HOSTILE = [
    "\x1b]0;title\x07\x1b[2J",
    "]" * 3000,
    "-" * 2000,
    "." * 2000,
    "1-" * 500,
    "".join("  " * i + "- x\n" for i in range(120)),
    "> " * 300 + "deep quote",
    "[" * 500 + "link" + "]" * 500,
    "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 50,
    "\u202e\u2066\u200b\ufeff",
    "x" * 20_000,
    "4,500 300 1.500,25 12 345 678,9 -3 %",
]
line = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(HOSTILE), st.text(max_size=60))
FLAGS = st.lists(
    st.sampled_from(
        [
            ("--format", "text"),
            ("--format", "json"),
            ("--format", "sarif"),
            ("--format", "github"),
            ("--format", "html"),
            ("--format", "xml"),
            ("--langs", "en,es,fr"),
            ("--langs", "en,fr"),
            ("--langs", "es"),
            ("--langs", "en,x/y"),
            ("--fail-on", "never"),
            ("--fail-on", "info"),
            ("--select", "NUM"),
            ("--ignore", "ENT,STR"),
            ("--select", "NOPE"),
            ("--max-bytes", "2KB"),
            ("--max-bytes", "9" * 40),
            ("--max-bytes", "lots"),
            ("--jobs", "1"),
            ("--jobs", "0"),
            ("--isolated",),
            ("--color",),
            ("--batch",),
        ]
    ),
    max_size=4,
)


class _Overrun(Exception):
    pass


def _overrun(signum: int, frame: object) -> None:
    raise _Overrun


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(line, min_size=0, max_size=60),
    layout=st.sampled_from(["one file", "siblings", "folder"]),
    suffix=st.sampled_from([".md", ".txt", ".mdx"]),
    flags=FLAGS,
    output=st.sampled_from([None, "report.out", "", "input", "dir"]),
)
@pytest.mark.slow
def test_any_command_line_ends_well(run, tmp_path_factory, lines, layout, suffix, flags, output) -> None:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    text = "\n".join(lines)
    names = ["report"] if layout == "one file" else ["report", "report.es", "report.fr"]
    files = []
    for index, name in enumerate(names):
        path = folder / f"{name}{suffix}"
        rotated = lines[index:] + lines[:index]
        path.write_text(text if index == 0 else "\n".join(rotated), encoding="utf-8", errors="surrogatepass")
        files.append(path)
    before = {path: path.read_bytes() for path in files}
    args: list[str | Path] = [folder if layout == "folder" else files[0]]
    for flag in flags:
        args += flag
    if "--jobs" not in args:
        args += ["--jobs", "1"]  # worker processes would load the models again for every example
    if output is not None:
        target = {"input": files[-1], "dir": folder, "": ""}.get(output, folder / str(output))
        args += ["--output", target]
    size_kb = sum(len(data) for data in before.values()) / 1000
    budget = SECONDS_FLAT + SECONDS_PER_KB * size_kb
    previous = signal.signal(signal.SIGALRM, _overrun)
    signal.setitimer(signal.ITIMER_REAL, budget)
    start = time.monotonic()
    try:
        result = run(*args)
    except _Overrun:
        pytest.fail(f"no answer within {budget:.0f} s for {size_kb:.1f} KB: {args}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - start < budget
    assert result.code in (0, 1, 2), (result.code, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    if result.code == 2:
        errors = [line for line in result.err.splitlines() if line.startswith("ogpcheck: error: ")]
        assert errors and len(result.err.splitlines()) == len(errors), result.err
        if "--batch" not in args and layout != "folder":
            assert len(errors) == 1, result.err  # one document: one line
    assert {path: path.read_bytes() for path in files} == before  # inputs are never modified
