"""One run of the check command, between parsing the command line and
printing: configuration, one document or a batch, baseline.

Kept apart from ``cli.py`` so the command line stays a thin layer and the same
run can be driven from tests or another program.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Report, Severity
from ..report.outcome import Batch
from . import baseline as baseline_file
from .config import options_for
from .options import Options
from .output import check_target, refuse_inputs_as_output, write_atomically


@dataclass
class Outcome:
    """What a run produced: one report, or a batch of them."""

    options: Options
    report: Report | None = None
    batch: Batch | None = None
    wrote_baseline: int | None = None  # findings recorded by --write-baseline

    @property
    def reports(self) -> list[Report]:
        return self.batch.reports if self.batch is not None else [self.report] if self.report else []

    def render(self, color: bool) -> str | bytes:
        from ..report import BATCH_FORMATS, FORMATS

        if self.batch is not None:
            return BATCH_FORMATS[self.options.format](self.batch, color)
        assert self.report is not None
        return FORMATS[self.options.format](self.report, color)

    def exit_code(self) -> int:
        """2 when a document could not be checked, 1 when a finding reaches
        ``fail-on`` (never after --write-baseline), else 0."""
        if self.batch is not None and self.batch.faults:
            return 2
        if self.wrote_baseline is not None or self.options.fail_on == "never":
            return 0
        threshold = Severity(self.options.fail_on).rank
        return 1 if any(f.severity.rank >= threshold for r in self.reports for f in r.findings) else 0


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


def files_read(paths: Sequence[Path], options: Options, *, batch: bool = False, baseline: bool = True) -> list[Path]:
    """Every file the run reads: each input (a batch's whole plan, with the
    files it will skip or fail on; a document's sibling versions), and the
    configuration, terminology, pattern, rule and baseline files."""
    if is_batch(paths, batch):
        from .batch import plan

        documents = plan(paths, options.langs, options.layouts, options.source_lang, options.exclude)
        inputs = [path for document in documents for _, path in document.files]
    else:
        from .files import resolve

        inputs = [item.path for item in resolve(paths, options.langs)]
    data = [*options.terms, *options.boilerplate, *options.rule_paths]
    if options.config_path is not None:
        data.append(options.config_path)
    if baseline and options.baseline is not None:
        data.append(options.baseline)
    return [*paths, *inputs, *data]


def check_targets(
    paths: Sequence[Path], options: Options, *, batch: bool, output: Path | None, write_baseline: Path | None
) -> None:
    """Refuse, before any work, an ``--output`` or ``--write-baseline`` that
    names a file the run reads (inputs are never modified) or that cannot be
    written."""
    targets = [(flag, path) for flag, path in (("--output", output), ("--write-baseline", write_baseline)) if path is not None]
    if not targets:
        return
    for flag, path in targets:
        if not str(path):
            raise InputError(f"{flag}: the file name is empty")
    read = files_read(paths, options, batch=batch, baseline=write_baseline is None)
    for flag, path in targets:
        refuse_inputs_as_output(path, read, flag)
    if output is not None and write_baseline is not None:
        refuse_inputs_as_output(write_baseline, [output], "--write-baseline")
    for flag, path in targets:
        check_target(path, "the report" if flag == "--output" else "the baseline", flag)


def execute(
    paths: Sequence[Path],
    options: Options,
    *,
    batch: bool = False,
    write_baseline: Path | None = None,
    output: Path | None = None,
) -> Outcome:
    """Check one document, or every document of the folders given (or of
    the files given, with ``batch``); apply or write the baseline. What can
    be found wrong without checking (the targets, the baseline) is found
    first."""
    many = is_batch(paths, batch)
    check_targets(paths, options, batch=many, output=output, write_baseline=write_baseline)
    known = None
    if write_baseline is None and options.baseline is not None:
        known = baseline_file.load(options.baseline)
    outcome = Outcome(options)
    if many:
        from .batch import run as run_batch

        outcome.batch = run_batch(paths, options)
    else:
        from .pipeline import check

        outcome.report = check(paths, options)
    if write_baseline is not None:
        _write(write_baseline, baseline_file.dumps(outcome.reports))
        outcome.wrote_baseline = sum(len(r.findings) for r in outcome.reports)
    elif known is not None:
        baseline_file.apply(outcome.reports, known)
    return outcome


def _write(path: Path, content: str) -> None:
    try:
        write_atomically(path, content)
    except OSError as error:
        raise InputError(f"{path}: cannot write the baseline ({error.strerror or error})") from None
