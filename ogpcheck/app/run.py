"""One run of the check command, between parsing the command line and
printing: configuration, one document or a batch, the cache, baseline and
the findings left out by ``min-severity``.

Kept apart from ``cli.py`` so the command line stays a thin layer and the same
run can be driven from tests or another program (``ogpcheck.check``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Finding, Report, Severity
from ..report.display import Display
from ..report.outcome import Batch
from . import baseline as baseline_file
from .cache import Cache, folder_for
from .config import options_for
from .options import Options
from .output import check_target, refuse_inputs_as_output, write_atomically
from .pipeline import Source


@dataclass
class Outcome:
    """What a run produced: one report, or a batch of them."""

    options: Options
    report: Report | None = None
    batch: Batch | None = None
    wrote_baseline: int | None = None  # findings recorded by --write-baseline
    cache: Cache | None = None  # the cache the run used, with its counts

    @property
    def reports(self) -> list[Report]:
        return self.batch.reports if self.batch is not None else [self.report] if self.report else []

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.reports for finding in report.findings]

    @property
    def target(self) -> Report | Batch:
        if self.batch is not None:
            return self.batch
        assert self.report is not None
        return self.report

    def render(
        self, color: bool = False, format: str | None = None, width: int | None = None, statistics: bool | None = None
    ) -> str | bytes:
        """The report in ``format`` (default: the run's; bytes for a binary
        format such as xlsx); ``width`` is the terminal's (None: never
        wrap); ``statistics`` prints the counts by rule instead (default:
        the run's ``--statistics``)."""
        from ..report import render, render_statistics

        chosen = format or self.options.format
        if self.options.statistics if statistics is None else statistics:
            return render_statistics(self.target, chosen)
        display = Display(color, width, self.options.quiet, self.options.min_severity, self.options.docs_url)
        return render(self.target, chosen, display)

    def exit_code(self) -> int:
        """2 when a document could not be checked, 1 when a finding reaches
        ``fail-on`` (never after --write-baseline or with --exit-zero), else 0."""
        if self.batch is not None and self.batch.faults:
            return 2
        if self.wrote_baseline is not None or self.options.fail_on == "never" or self.options.exit_zero:
            return 0
        threshold = Severity(self.options.fail_on).rank
        return 1 if any(f.severity.rank >= threshold for f in self.findings) else 0


def settings_for(
    paths: Sequence[Path], given: Mapping[str, Any], config: Path | None = None, isolated: bool = False
) -> Options:
    """The options of a run: command line over configuration over defaults."""
    from ..report import FORMATS

    options = options_for(paths, given, config, isolated)
    if options.format not in FORMATS:
        where = "unknown --format" if "format" in given else f"{options.config_path}: unknown format"
        raise InputError(f"{where} '{options.format}' (choose from: {', '.join(FORMATS)})")
    return options


def is_batch(paths: Sequence[Path], batch: bool = False) -> bool:
    """Whether the run checks many documents: asked, or a folder given."""
    return batch or any(path.is_dir() for path in paths)


def files_read(
    paths: Sequence[Path], options: Options, *, batch: bool = False, baseline: bool = True, sources: bool = False
) -> list[Path]:
    """Every file the run reads: each input (a batch's whole plan, with the
    files it will skip or fail on; a document's sibling versions), and the
    configuration, terminology, pattern, rule and baseline files."""
    inputs: list[Path] = []
    if sources:
        pass  # standard input: no input file
    elif is_batch(paths, batch):
        from .batch import plan

        documents = plan(paths, options.langs, options.layouts, options.source_lang, options.exclude)
        inputs = [*paths, *(path for document in documents for _, path in document.files)]
    else:
        from .files import resolve

        inputs = [*paths, *(item.path for item in resolve(paths, options.langs, options.layouts, options.source_lang))]
    data = [*options.terms, *options.boilerplate, *options.rule_paths]
    if options.config_path is not None:
        data.append(options.config_path)
    if baseline and options.baseline is not None:
        data.append(options.baseline)
    return [*inputs, *data]


def check_targets(
    paths: Sequence[Path],
    options: Options,
    *,
    batch: bool,
    outputs: Sequence[Path],
    write_baseline: Path | None,
    sources: bool = False,
) -> None:
    """Refuse, before any work, an ``--output`` or ``--write-baseline`` that
    names a file the run reads (inputs are never modified), that another
    target names too, or that cannot be written."""
    targets = [("--output", path) for path in outputs]
    if write_baseline is not None:
        targets.append(("--write-baseline", write_baseline))
    if not targets:
        return
    for flag, path in targets:
        if not str(path):
            raise InputError(f"{flag}: the file name is empty")
    read = files_read(paths, options, batch=batch, baseline=write_baseline is None, sources=sources)
    for number, (flag, path) in enumerate(targets):
        refuse_inputs_as_output(path, read, flag)
        for earlier_flag, earlier in targets[:number]:
            try:
                refuse_inputs_as_output(path, [earlier], flag)
            except InputError:
                raise InputError(f"{path}: {earlier_flag} and {flag} name the same file") from None
    for flag, path in targets:
        check_target(path, "the report" if flag == "--output" else "the baseline", flag)


def execute(
    paths: Sequence[Path],
    options: Options,
    *,
    batch: bool = False,
    write_baseline: Path | None = None,
    sources: Sequence[Source] = (),
    outputs: Sequence[Path] = (),
) -> Outcome:
    """Check one document (files, or ``sources`` held in memory), or every
    document of the folders given (or of the files given, with ``batch``);
    apply or write the baseline; leave out findings below ``min-severity``.
    What can be found wrong without checking (the ``outputs`` and baseline
    targets, the baseline) is found first."""
    if options.require_models:
        require_models(options)
    many = not sources and is_batch(paths, batch)
    check_targets(paths, options, batch=many, outputs=outputs, write_baseline=write_baseline, sources=bool(sources))
    known = None
    if write_baseline is None and options.baseline is not None:
        known = baseline_file.load(options.baseline)
    cache = Cache(folder_for(options)) if options.cache and not sources else None
    outcome = Outcome(options, cache=cache)
    if sources:
        from .pipeline import check_sources

        outcome.report = check_sources(sources, options)
    elif many:
        from .batch import run as run_batch

        outcome.batch = run_batch(paths, options, cache=cache, progress=False if options.quiet else None)
    else:
        outcome.report = _check_one(paths, options, cache)
    root = str(options.root or "")
    for report in outcome.reports:
        report.root = root
    if outcome.batch is not None:
        outcome.batch.root = root
    if write_baseline is not None:
        _write(write_baseline, baseline_file.dumps(outcome.reports))
        outcome.wrote_baseline = sum(len(r.findings) for r in outcome.reports)
    elif known is not None:
        baseline_file.apply(outcome.reports, known)
    lowest = Severity(options.min_severity).rank
    for report in outcome.reports:
        report.findings = [f for f in report.findings if f.severity.rank >= lowest]
    return outcome


def require_models(options: Options) -> None:
    """With ``require-models``, an InputError when an expected language has
    no spaCy pipeline installed and the entity rules run: a gate that would
    pass on a weaker check says so and stops instead (a pre-commit hook
    shows nothing of a run that passes)."""
    from ..extract import ner
    from ..lang import of as profile_of
    from .pipeline import enabled_rules

    if not any(rule.kind == "entities" for rule in enabled_rules(options)):
        return
    lacking = [lang for lang in options.langs if not ner.installed(lang)]
    if lacking:
        wanted = "; ".join(
            f"{lang}: {' or '.join(ner.model_names(lang)) or 'none known for ' + profile_of(lang).name}"
            for lang in lacking
        )
        raise InputError(
            f"no spaCy pipeline installed for {', '.join(lacking)} ({wanted}); install it in the environment "
            "that runs ogpcheck (scripts/install.sh does), or check names from data only with --no-require-models"
        )


def _check_one(paths: Sequence[Path], options: Options, cache: Cache | None) -> Report:
    """One document, through the cache when there is one."""
    from .cache import key, salt
    from .files import resolve
    from .pipeline import check

    if cache is None:
        return check(paths, options)
    files = [i.path for i in resolve(paths, options.langs, options.layouts, options.source_lang)]
    entry = key(salt(options), files, options)
    report = cache.get(entry)
    if report is None:
        report = check(paths, options)
        cache.put(entry, report)
    return report


def output_targets(values: Sequence[str]) -> list[tuple[str | None, Path]]:
    """``--output`` values as (format, file): ``FORMAT=FILE`` names its
    format, a plain ``FILE`` takes ``--format`` (None), at most once."""
    from ..report import FORMATS

    out: list[tuple[str | None, Path]] = []
    for value in values:
        if not value:  # as a Path, the current folder
            raise InputError("--output: the file name is empty")
        name, equals, rest = value.partition("=")
        if equals and name in FORMATS and rest:
            out.append((name, Path(rest)))
        elif equals and name.isidentifier() and name.lower() == name and rest and not Path(value).exists():
            raise InputError(f"--output {value}: unknown format '{name}' (choose from: {', '.join(FORMATS)})")
        else:
            out.append((None, Path(value)))
    if sum(1 for chosen, _ in out if chosen is None) > 1:
        raise InputError("--output: give one FILE for --format, and FORMAT=FILE for the others")
    return out


def read_stdin(name: str, max_bytes: int) -> list[Source]:
    """The document on standard input, read up to the size limit."""
    import sys

    from ..read.limits import describe

    if sys.stdin is None:
        raise InputError(f"{name}: standard input is closed")
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {describe(max_bytes)} limit (raise it with --max-bytes)")
    return [Source(name, data)]


def _write(path: Path, content: str) -> None:
    try:
        write_atomically(path, content)
    except OSError as error:
        raise InputError(f"{path}: cannot write the baseline ({error.strerror or error})") from None
