"""Command line: ``ogpcheck FILE... --langs en,es,fr``, ``ogpcheck rules``,
``ogpcheck rule CODE``.

Exit codes: 0 when no finding reaches ``--fail-on``, 1 when one does, 2 on a
usage or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import InputError
from .limits import parse_size
from .models import Severity
from .output import refuse_inputs_as_output, write_atomically

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _fail(message: str) -> None:
    typer.echo(f"ogpcheck: error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


def _split_list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ogpcheck {__version__}")
        raise typer.Exit(EXIT_OK)


check_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@check_app.command(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Other commands: 'ogpcheck rules' lists the rules, 'ogpcheck rule CODE' explains one.",
)
def check_command(
    paths: Annotated[list[Path], typer.Argument(help="The document: one file holding all versions, one file with siblings (report.es.md), or one file per version.", show_default=False)],
    langs: Annotated[str, typer.Option("--langs", "-l", help="Expected languages, comma-separated.")] = "en,es,fr",
    output_format: Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of standard output.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")] = FailOn.error,
    select: Annotated[Optional[str], typer.Option("--select", help="Only these rules (codes, code prefixes or families), comma-separated.")] = None,
    ignore: Annotated[Optional[str], typer.Option("--ignore", help="Skip these rules, comma-separated.")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Force colour on or off (default: on for a terminal).")] = None,
    max_bytes: Annotated[
        str, typer.Option("--max-bytes", help="Refuse an input file larger than this (e.g. 20MB, 500KB).")
    ] = "20MB",
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Check the language versions of a document for numbers that disagree."""
    from .pipeline import Options, check
    from .report import FORMATS

    if output_format not in FORMATS:
        _fail(f"unknown --format '{output_format}' (choose from: {', '.join(FORMATS)})")
    try:
        options = Options(langs=_languages(langs), select=_split_list(select), ignore=_split_list(ignore))
        options.max_bytes = parse_size(max_bytes)
        if not options.langs:
            _fail("--langs names no language")
        report = check(paths, options)
        if output is not None:
            refuse_inputs_as_output(output, [*paths, *(Path(v.path) for v in report.versions)])
    except InputError as error:
        _fail(str(error))
    use_color = color if color is not None else (output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    rendered = FORMATS[output_format](report, use_color)
    if output is None:
        sys.stdout.write(rendered)
    else:
        _write_atomically(output, rendered)
    if fail_on != FailOn.never:
        threshold = Severity(fail_on.value).rank
        if any(f.severity.rank >= threshold for f in report.findings):
            raise typer.Exit(EXIT_FINDINGS)


def _languages(value: str) -> list[str]:
    """``--langs`` as lower-case codes, each once, in the order given."""
    return list(dict.fromkeys(code.lower() for code in _split_list(value)))


def _write_atomically(path: Path, content: str) -> None:
    """Write via a temporary file in the same folder, then rename: a reader
    sees the old report or the new one, never half of it."""
    try:
        write_atomically(path, content)
    except OSError as error:
        _fail(f"{path}: cannot write the report ({error.strerror or error})")


rules_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@rules_app.command("rules")
def rules_command() -> None:
    """List every rule: code, name, default severity and summary."""
    from .rules import shipped_rules

    for rule in shipped_rules():
        typer.echo(f"{rule.code:<8} {rule.name:<24} {rule.severity.value:<8} {rule.summary}")


@rules_app.command("rule")
def rule_command(code: Annotated[str, typer.Argument(help="A rule code such as NUM001, or its name.")]) -> None:
    """Explain one rule (its docs page)."""
    from .rules import find

    try:
        rule = find(code)
    except InputError as error:
        _fail(str(error))
    typer.echo(f"# {rule.code}: {rule.name}\n")
    typer.echo(f"Family: {rule.family} · Kind: {rule.kind} · Default severity: {rule.severity.value}\n")
    typer.echo(rule.summary + "\n")
    typer.echo(rule.description)


SUBCOMMANDS = {"rules", "rule"}


def main(argv: list[str] | None = None) -> None:
    """Entry point: dispatch ``rules``/``rule`` to their commands, anything
    else to the check. Never lets a traceback reach the user."""
    args = list(sys.argv[1:] if argv is None else argv)
    # A folder named "rules" is checked as ./rules; the bare word is the command.
    app = rules_app if args and args[0] in SUBCOMMANDS and not Path(args[0]).is_file() else check_app
    try:
        app(args=args, prog_name="ogpcheck", standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (EXIT_ERROR if exit_.code else EXIT_OK)
        sys.exit(EXIT_ERROR if code not in (EXIT_OK, EXIT_FINDINGS, EXIT_ERROR) else code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # a bug must still end in one line and exit 2
        typer.echo(f"ogpcheck: internal error: {error.__class__.__name__}: {error}", err=True)
        sys.exit(EXIT_ERROR)
