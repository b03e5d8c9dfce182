"""The ``newsextract`` command line: thin wrappers, one module per command under ``commands/``.

Exit codes: 0 success, 1 some documents failed or a check found changes, 2 usage errors. Every usage error, in
every command, is printed as ``error: E0xx <message>`` and a ``hint:`` line; no traceback reaches the user.
"""

from __future__ import annotations

import importlib
import sys

import typer
from typer._click import exceptions as _clickx  # typer ships its own click: its usage errors are these

from . import __version__

app = typer.Typer(
    name="newsextract",
    help="Pharma/biotech business-development deals from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: boolean flags read "--keep-text / --no-keep-text", not "<bool>"
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsextract {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Pharma/biotech business-development deals from news text."""


#: command modules under newsextract.commands; each defines ``register(app)``.
COMMANDS = ("extract", "batch", "table", "eval", "check", "show", "schema", "ledger")

for _name in COMMANDS:
    importlib.import_module(f"newsextract.commands.{_name}").register(app)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point."""
    from . import _gcpause, _regex_cache, _spacy_import
    from .buildcache import BUILD_CACHE

    # a command imports spaCy without spaCy's own command line, and makes the regexes it compiles from the build
    # cache (see those modules): start-up time of a command that reads one article; ``extract`` also starts with
    # the garbage collector paused (turned on again once its pipeline is built: see _gcpause) when it runs as a
    # process of its own (the console script: no argv given)
    if argv is None and sys.argv[1:2] == ["extract"]:
        _gcpause.pause()
    _spacy_import.install()
    try:
        with _regex_cache.active(BUILD_CACHE):
            return _main(argv)
    finally:
        _spacy_import.uninstall()
        _gcpause.resume(freeze=False)


def _main(argv: list[str] | None) -> int:
    from .errors import ConfigError, E

    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="newsextract", standalone_mode=False)
    except _clickx.NoArgsIsHelpError as exc:  # "newsextract" alone: the help
        typer.echo(exc.ctx.get_help() if exc.ctx is not None else exc.format_message())
        return 2
    except _clickx.UsageError as exc:  # a missing argument, an unknown option, a value of the wrong type
        where = exc.ctx.command_path if exc.ctx is not None else "newsextract"
        typer.echo(f"error: {E.E048.format(message=exc.format_message())}", err=True)
        typer.echo(f"hint: run '{where} --help'", err=True)
        return 2
    except ConfigError as exc:  # raised by a library call with the command's options
        typer.echo(f"error: {exc}", err=True)
        typer.echo(f"hint: {exc.hint or 'run the command with --help to see its options'}", err=True)
        return 2
    except (_clickx.ClickException, typer.Abort) as exc:  # pragma: no cover - other click errors, Ctrl-C
        message = exc.format_message() if isinstance(exc, _clickx.ClickException) else "interrupted"
        typer.echo(f"error: {message}", err=True)
        return getattr(exc, "exit_code", 130)
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
