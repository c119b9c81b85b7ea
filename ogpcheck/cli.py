"""Command line: ``ogpcheck FILE... --langs en,es,fr``, ``ogpcheck rules``,
``ogpcheck rule CODE``.

Exit codes: 0 when no finding reaches ``--fail-on``, 1 when one does, 2 on a
usage or input error (one line on stderr, never a traceback).
"""

# Unlike the other modules, no "from __future__ import annotations": typer
# reads the commands' annotations at every start, and as strings they would
# be compiled and evaluated again each time (about 120 calls, 0.007 s).
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app.output import write_atomically
from .errors import InputError
from .read.limits import parse_size
from .report.safe import one_line
from .version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = {signal.SIGINT: 130, signal.SIGTERM: 143}  # 128 + the signal, as shells report it


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _say(message: str) -> None:
    """One line on standard error, whatever the message holds (a file name
    with a newline or an escape sequence)."""
    typer.echo(f"ogpcheck: {one_line(message)}", err=True)


def _fail(message: str) -> None:
    _say(f"error: {message}")
    raise typer.Exit(EXIT_ERROR)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program stands so that cleanup runs (no
    temporary file is left) as for Ctrl-C."""


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into ``Terminated`` for the duration of a run (in the
    main thread only, where Python delivers signals)."""
    def stop(signum: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _split_list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _typed(ctx: typer.Context, param: str) -> bool:
    """Whether the user gave ``param`` on the command line (typer may carry
    its own copy of click, so the source is compared by name)."""
    return getattr(ctx.get_parameter_source(param), "name", None) == "COMMANDLINE"




# How a flag's value becomes the value of the ``Options`` field of the same
# name, where the two differ (a comma-separated list, a size, an enum).
_FLAG_VALUES = {
    "langs": _split_list,
    "select": _split_list,
    "ignore": _split_list,
    "fail_on": lambda value: value.value,
    "min_severity": lambda value: value.value,
    "terms": lambda value: list(value or []),
    "max_bytes": lambda value: None if value is None else parse_size(value),
    "source": lambda value: value.strip().lower(),
    "scheduler": lambda value: None if value is None else _scheduler_address(value),
}


def _scheduler_address(value: str) -> str:
    from .app.options import scheduler_address

    return scheduler_address(value)


def _options_given(ctx: typer.Context, arguments: dict[str, object]) -> dict[str, object]:
    """The options the user typed on the command line, by ``Options`` field:
    each flag overrides the configuration key of the same name. ``arguments``
    are the command's parameters as typer converted them (``ctx.params``
    holds the raw strings in the typer versions without the pydantic layer)."""
    from .app.options import Options

    names = Options.keys()
    return {
        name: _FLAG_VALUES.get(name, lambda value: value)(value)
        for name, value in arguments.items()
        if name in names and _typed(ctx, name)
    }


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ogpcheck {__version__}")
        raise typer.Exit(EXIT_OK)


check_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@check_app.command(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Other commands: 'ogpcheck rules [--format json]' lists the rules, 'ogpcheck rule CODE' explains one.",
)
def check_command(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATHS...", help="The document: one file holding all versions, any one of its files (report.fr.md finds report.en.md or report.md, es/report.md finds en/ and fr/), or one file per version; '-' reads standard input. A folder checks every document in it.", show_default=False)],
    langs: Annotated[str, typer.Option("--langs", "-l", help="Expected languages, comma-separated.")] = "en,es,fr",
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: text, concise (one line per finding), json, sarif, github, html, csv or xlsx (xlsx needs --output).")] = "text",
    output: Annotated[Optional[list[str]], typer.Option("--output", "-o", metavar="[FORMAT=]FILE", help="Write the report to FILE instead of standard output; FORMAT=FILE writes that format to FILE as well (repeatable: one check, several reports).", show_default=False)] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")] = FailOn.error,
    min_severity: Annotated[Level, typer.Option("--min-severity", help="Leave findings below this severity out of every format.")] = Level.info,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when findings reach --fail-on (2 still for errors).")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print how many findings each rule gave instead of the findings.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print the findings only: no header, summary or progress.")] = False,
    select: Annotated[Optional[str], typer.Option("--select", help="Only these rules (codes, code prefixes or families), comma-separated.")] = None,
    ignore: Annotated[Optional[str], typer.Option("--ignore", help="Skip these rules, comma-separated.")] = None,
    source: Annotated[Optional[str], typer.Option("--source", metavar="LANG", help="The language the others are translated from: a version that departs from it is the suspect. 'none': the majority decides. [default: the file that names no language (report.md beside report.es.md), else none]", show_default=False)] = None,
    terms: Annotated[Optional[list[Path]], typer.Option("--terms", help="A terminology file (YAML, format of rules/terminology.yaml) added to the shipped one; may be repeated.", show_default=False)] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Force colour on or off (default: on for a terminal).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Read settings from this file instead of the ogpcheck.toml or pyproject.toml found above the input.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")] = False,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Silence the findings recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[str], typer.Option("--write-baseline", help="Record every finding of this run in FILE (exit code 0).")] = None,
    batch: Annotated[bool, typer.Option("--batch", help="Each path is a file of a translation repository: check every document the files belong to (implied by a folder).")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Documents checked in parallel in a batch run [default: all cores].")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="Check the documents of a batch run on the workers of this Dask scheduler (tcp://HOST:PORT); needs the extra 'dask'.", show_default=False)] = None,
    cache: Annotated[Optional[bool], typer.Option("--cache/--no-cache", help="Reuse the reports of unchanged documents [default: on].", show_default=False)] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="The cache folder [default: .ogpcheck_cache beside the configuration].")] = None,
    require_models: Annotated[Optional[bool], typer.Option("--require-models/--no-require-models", help="Stop (exit 2) when a language has no spaCy pipeline installed, instead of checking its names from data only.", show_default=False)] = None,
    docs_url: Annotated[Optional[str], typer.Option("--docs-url", help="Where the rule pages (CODE.md) are served, for SARIF helpUri.")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help="The name of the document read from '-' (its suffix picks the reader, .md for Markdown).")] = None,
    max_bytes: Annotated[
        Optional[str], typer.Option("--max-bytes", metavar="SIZE", help="Refuse an input file larger than this [default: 20MB].")
    ] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Check the language versions of a document: numbers, names, terms and structure (tables, lists, headings, footnotes) that disagree."""
    arguments = dict(locals())  # the parameters, converted to their annotated types
    from .app.run import execute, output_targets, read_stdin, settings_for

    written = False
    try:
        try:
            targets = output_targets(output or [])
            stdin = [str(p) for p in paths] == ["-"]
            if "-" in [str(p) for p in paths] and not stdin:
                raise InputError("'-' (standard input) must be the only input")
            where = [Path(stdin_filename)] if stdin and stdin_filename else paths
            given = _options_given(ctx, arguments)
            options = settings_for(where, given, config, isolated)
            to_stdout = not any(chosen is None for chosen, _ in targets)
            _require_output_for_binary(options.format, not to_stdout)
            if to_stdout and sys.stdout is None:
                raise InputError("standard output is closed: give --output FILE")
            sources = read_stdin(stdin_filename or "-", options.max_bytes) if stdin else []
            outcome = execute(
                paths,
                options,
                batch=batch,
                write_baseline=_target(write_baseline, "--write-baseline"),
                sources=sources,
                outputs=[target for _, target in targets],
            )
        except InputError as error:
            _fail(str(error))
        if to_stdout:
            terminal = sys.stdout.isatty()
            use_color = color if color is not None else (terminal and "NO_COLOR" not in os.environ)
            width = shutil.get_terminal_size().columns if terminal else None
            rendered = outcome.render(use_color, width=width)
            assert isinstance(rendered, str)  # binary formats need --output (checked above)
            sys.stdout.write(rendered)
        for chosen, target in targets:
            _write_atomically(target, outcome.render(bool(color), chosen, statistics=None if chosen is None else False))
        written = True
    except KeyboardInterrupt as stop:
        how = "SIGTERM" if isinstance(stop, Terminated) else "Ctrl-C (SIGINT)"
        what = "the report was written" if written else "no report was written"
        _say(f"error: interrupted by {how}; {what}")
        raise typer.Exit(EXIT_INTERRUPTED[signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT]) from None
    if outcome.wrote_baseline is not None and not options.quiet:
        _say(f"recorded {outcome.wrote_baseline} finding(s) in {write_baseline}")
    if outcome.batch is not None:
        for fault in outcome.batch.faults:
            _say(f"error: {fault.message}")
    code = outcome.exit_code()
    if code != EXIT_OK:
        raise typer.Exit(code)


def _target(name: str | None, flag: str) -> Path | None:
    """A file to write, as given (an empty name is refused: as a Path it
    would be the current folder)."""
    if name is None:
        return None
    if not name:
        raise InputError(f"{flag}: the file name is empty")
    return Path(name)


def _require_output_for_binary(format: str, to_file: bool) -> None:
    from .report import BINARY_FORMATS

    if format in BINARY_FORMATS and not to_file:
        raise InputError(f"--format {format} writes a binary file: give --output FILE")


def _write_atomically(path: Path, content: str | bytes) -> None:
    """Write via a temporary file in the same folder, then rename: a reader
    sees the old report or the new one, never half of it."""
    try:
        write_atomically(path, content)
    except OSError as error:
        _fail(f"{path}: cannot write the report ({error.strerror or error})")


rules_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@rules_app.command("rules")
def rules_command(
    format: Annotated[str, typer.Option("--format", "-f", help="text (a table) or json (every field of every rule).")] = "text",
) -> None:
    """List every rule: code, name, default severity and summary."""
    from .compare.rules import shipped_rules

    if format == "json":
        import json

        from .compare.ruledocs import rule_data

        typer.echo(json.dumps([rule_data(rule) for rule in shipped_rules()], ensure_ascii=False, indent=2))
        return
    if format != "text":
        _fail(f"unknown --format '{format}' (choose from: text, json)")
    for rule in shipped_rules():
        typer.echo(f"{rule.code:<8} {rule.name:<24} {rule.severity.value:<8} {rule.summary}")


@rules_app.command("rule")
def rule_command(code: Annotated[str, typer.Argument(help="A rule code such as NUM001, or its name.")]) -> None:
    """Explain one rule (its docs page)."""
    from .compare.ruledocs import page
    from .compare.rules import find

    try:
        rule = find(code)
    except InputError as error:
        _fail(str(error))
    if sys.stdout.isatty():  # a person reads it: render the Markdown
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(page(rule)))
    else:
        typer.echo(page(rule), nl=False)


SUBCOMMANDS = {"rules", "rule"}


def _is_usage_error(error: BaseException) -> bool:
    """A command-line parsing error (click's, whichever copy typer uses)."""
    return any(kind.__name__ == "ClickException" for kind in type(error).__mro__)


def _usage_message(error: Exception, args: list[str]) -> str:
    if not args:
        return "no input given (usage: ogpcheck FILE... [OPTIONS]; see 'ogpcheck --help')"
    message = getattr(error, "format_message", lambda: str(error))().replace("Value error, ", "")
    return f"{message} (see 'ogpcheck --help')"


def main(argv: list[str] | None = None) -> None:
    """Entry point: dispatch ``rules``/``rule`` to their commands, anything
    else to the check. Never lets a traceback reach the user: a usage error,
    an interruption and a bug each end in one line on standard error."""
    args = list(sys.argv[1:] if argv is None else argv)
    # A folder named "rules" is checked as ./rules; the bare word is the command.
    app = rules_app if args and args[0] in SUBCOMMANDS and not Path(args[0]).is_file() else check_app
    allowed = {EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, *EXIT_INTERRUPTED.values()}
    try:
        with _terminate_cleanly():
            returned = app(args=args, prog_name="ogpcheck", standalone_mode=False)
        code = returned if isinstance(returned, int) else EXIT_OK
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (EXIT_ERROR if exit_.code else EXIT_OK)
    except KeyboardInterrupt as stop:
        _say(f"error: interrupted by {'SIGTERM' if isinstance(stop, Terminated) else 'Ctrl-C (SIGINT)'}")
        code = EXIT_INTERRUPTED[signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT]
    except OSError as error:  # a file that vanished or became unreadable mid-run
        name = f"{error.filename}: " if error.filename is not None else ""
        _say(f"error: {name}{(error.strerror or str(error)).lower()}")
        code = EXIT_ERROR
    except Exception as error:  # a usage error; or a bug, which must still end in one line and exit 2
        if _is_usage_error(error):
            _say(f"error: {_usage_message(error, args)}")
        else:
            _say(f"internal error: {error.__class__.__name__}: {error}")
        code = EXIT_ERROR
    sys.exit(code if code in allowed else EXIT_ERROR)
