"""Benchmark: a numbers-only check of seed 000, cold and warm, next to the
time of merely reading and splitting the same file, and next to the start of
a bare command-line program.

    python benchmarks/bench_numbers.py [--repeat 5] [--no-profile] [--against DIR]

Prints figures, asserts nothing. Two goals are printed with them:

* cold: the CPU time of a whole ``ogpcheck FILE --select NUM,PH --no-cache``
  process, as a ratio to that of ``python -c "import typer, rich"`` (what any
  typer program pays before it does anything), both measured in this run with
  this interpreter; goal at most 6x;
* warm: words per second of a check in a process that has run one already
  (the batch and API case); goal at least 200,000. It is measured twice:
  checking the seed again (every cache holds its words), and checking it
  once in a process that has just checked other documents (the other seed
  and a short file in the three languages: models loaded and patterns
  compiled, but most words of this document new to it), which is what a
  batch of different documents sees.

The ratio ``check / read+split`` says what the alignment, extraction and
comparison add on top of reading. Each measure is printed as the median
and the best of its runs. The goal is judged on the median; the best run,
which other work on the machine can only slow down, shows the speed of the
code itself (on a busy machine the two lie far apart). The profile
(cProfile, one warm check) says which stage the warm time goes to.
``--against DIR`` also times the cold check of another checkout (``git
worktree add DIR COMMIT``), alternately with this one's, so that a change
is measured as a ratio within one run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature, timed  # noqa: E402
from ogpcheck.app.options import Options  # noqa: E402
from ogpcheck.app.pipeline import check, read_document  # noqa: E402

SEED = ROOT / "fixtures" / "seeds" / "000_2e39307007993178.txt"
# Checked first by the "after another" measure: the other seed (French and
# Spanish) and a short file in all three languages, so that every language's
# patterns are compiled, as after the first document of a batch.
OTHERS = [ROOT / "fixtures" / "seeds" / "003_5c43775e3edc9d72.txt", ROOT / "fixtures" / "handmade" / "number_forms_agree" / "report.txt"]
SELECT = ["NUM", "PH"]
LANGS = "en,es,fr"
COLD_GOAL = 6.0  # at most this many times the CPU of a bare typer program
WARM_GOAL = 200_000  # words per second, at least
CHECK = [sys.executable, "-m", "ogpcheck", str(SEED), "--langs", LANGS, "--select", ",".join(SELECT), "--no-cache", "--format", "json"]
BARE = [sys.executable, "-c", "import typer, rich"]
# The stages of a warm check, each the cumulative time of these functions
# (module path ending, function name) in the profile; "other" is the rest.
STAGES = (
    ("read (decode, blocks, boilerplate)", (("ogpcheck/read/__init__.py", "read_file"),)),
    ("split: identification (function words, lingua)", (("ogpcheck/versions/split.py", "identify"),)),
    ("split: labelling and runs", (("ogpcheck/versions/split.py", "split"),)),
    ("align", (("ogpcheck/versions/align.py", "align"),)),
    ("extract numbers", (("ogpcheck/extract/numbers.py", "extract_numbers"),)),
    ("compare (NUM, PH rules)", (("ogpcheck/compare/engine.py", "check"),)),
)


def cpu_seconds(command: list[str], cwd: Path = ROOT) -> float:
    """User + system CPU time of one run of ``command`` (a child process) in
    ``cwd``, whose ``ogpcheck`` package ``python -m ogpcheck`` runs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=False, capture_output=True, env=_environment(), cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _environment() -> dict[str, str]:
    """The environment of the timed processes: compiled bytecode is kept and
    used, as in an installed tool (some shells set PYTHONDONTWRITEBYTECODE,
    which would make every start compile every module again)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def cold_cpu(repeat: int, against: Path | None = None) -> tuple[float, float, float | None]:
    """Median CPU seconds of the check, of the bare program and of the check
    of the checkout ``against``, measured alternately so that a change in the
    machine's load affects all."""
    cpu_seconds(CHECK)  # writes the bytecode of every module the check imports
    cpu_seconds(BARE)
    checks, bares, others = [], [], []
    for _ in range(repeat):
        checks.append(cpu_seconds(CHECK))
        bares.append(cpu_seconds(BARE))
        if against is not None:
            others.append(cpu_seconds(CHECK, against))
    return statistics.median(checks), statistics.median(bares), statistics.median(others) if others else None


# A process that checks OTHERS, then times one check of SEED (wall seconds).
_AFTER_ANOTHER = """
import sys, time
from pathlib import Path
from ogpcheck.app.options import Options
from ogpcheck.app.pipeline import check
options = Options(langs=sys.argv[2].split(","), select=sys.argv[3].split(","))
for other in sys.argv[4:]:
    check([Path(other)], options)
start = time.perf_counter()
check([Path(sys.argv[1])], options)
print(time.perf_counter() - start)
"""


def after_another(repeat: int) -> list[float]:
    """Wall times of a first check of the seed in ``repeat`` processes that
    have each checked the other documents just before."""
    command = [sys.executable, "-c", _AFTER_ANOTHER, str(SEED), LANGS, ",".join(SELECT), *map(str, OTHERS)]
    runs = [subprocess.run(command, check=True, capture_output=True, text=True, env=_environment(), cwd=ROOT) for _ in range(repeat)]
    return [float(run.stdout) for run in runs]


def stage_shares(options: Options) -> list[tuple[str, float]]:
    """Share of a warm check's profiled time per stage (cumulative times;
    a stage that calls another, split calling identify, is given without it)."""
    profile = cProfile.Profile()
    profile.runcall(check, [SEED], options)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values())  # own times: every call once

    def cumulative(where: str, name: str) -> float:
        return sum(row[3] for (path, _, func), row in stats.items() if func == name and path.endswith(where))

    raw = {label: sum(cumulative(*f) for f in functions) for label, functions in STAGES}
    raw["split: labelling and runs"] -= raw["split: identification (function words, lingua)"]
    raw["compare (NUM, PH rules)"] -= raw["extract numbers"]
    raw["other (rules, options, report)"] = total - sum(raw.values())
    return [(label, seconds / total) for label, seconds in raw.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-profile", action="store_true", help="leave out the profile of a warm check")
    parser.add_argument("--against", type=Path, help="another checkout whose cold check to time alongside")
    args = parser.parse_args()
    words = len(re.findall(r"\w+", SEED.read_text(encoding="utf-8")))
    options = Options(langs=LANGS.split(","), select=SELECT)

    if args.against is not None:
        cpu_seconds(CHECK, args.against)  # its bytecode, too
    cold_check, cold_bare, cold_other = cold_cpu(max(3, args.repeat), args.against)
    wall_cold = timed(lambda: subprocess.run(CHECK, check=False, capture_output=True, env=_environment()), max(1, args.repeat // 2))
    check([SEED], options)  # load lazily built detectors and caches once
    warm = timed(lambda: check([SEED], options), args.repeat)
    fresh = after_another(max(3, args.repeat // 2))
    reading = timed(lambda: read_document([SEED], options), args.repeat)

    print(signature([SEED], select=",".join(SELECT), langs=LANGS, repeat=args.repeat))
    print(f"{'measure':<28}{'median s':>10}{'words/s':>12}{'best s':>10}{'words/s':>12}")
    measures = (
        ("check, cold (new process)", wall_cold),
        ("check, warm (again)", warm),
        ("check, warm (after another)", fresh),
        ("read + split only", reading),
    )
    for name, times in measures:
        median, best = statistics.median(times), min(times)
        print(f"{name:<28}{median:>10.3f}{words / median:>12,.0f}{best:>10.3f}{words / best:>12,.0f}")
    print(f"ratio warm check / read+split: {statistics.median(warm) / statistics.median(reading):.2f}")
    print(f"words: {words}")
    ratio = cold_check / cold_bare
    print(
        f"cold CPU: check {cold_check:.3f} s, 'import typer, rich' {cold_bare:.3f} s, ratio {ratio:.1f}x"
        f" (goal <= {COLD_GOAL:.0f}x: {'met' if ratio <= COLD_GOAL else 'not met'})"
    )
    if cold_other is not None:
        print(f"cold CPU of {args.against}: {cold_other:.3f} s, ratio {cold_other / cold_bare:.1f}x; this one / that one: {cold_check / cold_other:.2f}")
    for how, times in (("the seed again", warm), ("the seed after another document", fresh)):
        rate = words / statistics.median(times)
        print(
            f"warm, {how}: {rate:,.0f} words/s in the median (goal >= {WARM_GOAL:,}: {'met' if rate >= WARM_GOAL else 'not met'});"
            f" {words / min(times):,.0f} in the best of {len(times)}"
        )
    if not args.no_profile:
        print("where a warm check's time goes (cProfile):")
        for label, share in stage_shares(options):
            print(f"  {label:<42}{max(share, 0.0):>6.0%}")


if __name__ == "__main__":
    main()
