"""Benchmark: PDF input on a generated 100-page trilingual report set.

    python benchmarks/bench_pdf.py [--pages 100] [--repeat 3]

Builds one EN, ES and FR PDF of about ``--pages`` pages each (headings,
paragraphs, lists, ruled tables, two-column pages, running headers and page
numbers) with fpdf2, then times, each in a fresh process so that peak memory
is its own:

* baseline: pdfplumber's plain ``extract_text()`` of every page;
* read: ogpcheck's PDF reader (reading order, furniture, tables, blocks);
* check: the whole check of the three files (read, split, align, compare).

Prints pages per second, peak memory (max RSS) and the ratio of each to the
baseline measured in the same run. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.signature import signature  # noqa: E402
from tests.pdfmaker import Part, build_pdf  # noqa: E402

WORDS = {
    "en": "the awards helped civil society and government to build action plans with more voices and better commitments",
    "es": "los premios ayudaron a la sociedad civil y al gobierno a crear planes de acción con más voces y mejores compromisos",
    "fr": "les prix ont aidé la société civile et le gouvernement à bâtir des plans d'action avec plus de voix et de meilleurs engagements",
}
HEADERS = {"en": ["Country", "Minor", "Moderate"], "es": ["País", "Menor", "Moderado"], "fr": ["Pays", "Mineur", "Modéré"]}

MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
mode, paths = sys.argv[1], [Path(p) for p in sys.argv[2:]]
start = time.perf_counter()
if mode == "baseline":
    import pdfplumber
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.flush_cache()
elif mode == "read":
    from ogpcheck.read import read_file
    for path in paths:
        read_file(path)
else:
    from ogpcheck.app.options import Options
    from ogpcheck.app.pipeline import check
    check(paths, Options(langs=["en", "es", "fr"]))
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def sentence(lang: str, n: int) -> str:
    words = WORDS[lang].split()
    return " ".join(words[(n + i) % len(words)] for i in range(18)).capitalize() + f" in {2000 + n % 20}."


def section(lang: str, n: int) -> list[Part]:
    """About two pages: a heading, paragraphs, a list, a table, two columns."""
    paragraph = " ".join(sentence(lang, n + i) for i in range(6))
    rows = [HEADERS[lang]] + [[f"{HEADERS[lang][0]} {n}-{i}", str(i + n % 7), str(2 * i)] for i in range(12)]
    return [
        Part("heading", f"{n + 1}. {sentence(lang, n)[:40]}"),
        Part("paragraph", paragraph),
        Part("list", items=[sentence(lang, n + i)[:60] for i in range(4)]),
        Part("paragraph", paragraph),
        Part("table", rows=rows),
        Part("columns", items=[paragraph * 2, paragraph]),
        Part("paragraph", paragraph),
    ]


def build_set(folder: Path, pages: int) -> list[Path]:
    paths = []
    for lang in ("en", "es", "fr"):
        parts: list[Part] = []
        for n in range(max(1, pages // 2)):
            parts += section(lang, n)
        paths.append(build_pdf(folder / f"report.{lang}.pdf", parts, f"Report 2020 ({lang})"))
    return paths


def measure(mode: str, paths: list[Path], repeat: int) -> tuple[float, float]:
    """Median seconds and largest peak memory (MiB) of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, mode, *map(str, paths)], capture_output=True, text=True, check=True, cwd=ROOT
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return statistics.median(r["seconds"] for r in runs), max(r["peak_mib"] for r in runs)


def page_count(paths: list[Path]) -> int:
    import pdfplumber

    total = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            total += len(pdf.pages)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100, help="pages per language (about)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_set(Path(tmp), args.pages)
        pages = page_count(paths)
        results = {mode: measure(mode, paths, args.repeat) for mode in ("baseline", "read", "check")}
        print(signature(paths, pages=pages, repeat=args.repeat, baseline="pdfplumber.extract_text"))
    base_seconds, base_peak = results["baseline"]
    print(f"{'measure':<34}{'median s':>10}{'pages/s':>10}{'peak MiB':>10}{'time x':>8}{'memory x':>10}")
    names = {"baseline": "pdfplumber extract_text (baseline)", "read": "ogpcheck PDF read", "check": "ogpcheck check (3 PDFs)"}
    for mode, (seconds, peak) in results.items():
        print(f"{names[mode]:<34}{seconds:>10.2f}{pages / seconds:>10.1f}{peak:>10.0f}{seconds / base_seconds:>8.2f}{peak / base_peak:>10.2f}")
    print(f"pages: {pages} ({len(paths)} files)")


if __name__ == "__main__":
    main()
