"""What every command shares: one way to report usage errors (``error: E0xx …``, a hint, exit code 2) and
failed documents (``error: E0xx …``, exit code 1)."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

from ..errors import ConfigError, E, UsageError

__all__ = ["fail", "usage", "doc_failed", "existing_file", "writable", "check_lang", "date_option", "timeout"]


def fail(exc: ConfigError) -> NoReturn:
    """Print a usage error (with its hint) and exit with code 2."""
    typer.echo(f"error: {exc}", err=True)
    typer.echo(f"hint: {getattr(exc, 'hint', None) or 'run the command with --help to see its options'}", err=True)
    raise typer.Exit(2)


def usage(message: str, hint: str) -> NoReturn:
    fail(UsageError(message, hint=hint))


def doc_failed(message: str) -> NoReturn:
    """A document that could not be processed: exit code 1 (as a batch with an error record)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def existing_file(path: Path, what: str, hint: str) -> Path:
    """``path`` when it is a file; a usage error (E041 missing, E044 a directory) otherwise."""
    if path.is_dir():
        usage(E.E044.format(path=path), hint=hint)
    if not path.is_file():
        usage(E.E041.format(path=path), hint=f"give {what}")
    return path


def writable(path: Path) -> Path:
    """``path`` when a file can be written there (its folder exists); E047 otherwise."""
    if path.is_dir():
        usage(E.E044.format(path=path), hint="give a file name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        usage(E.E047.format(path=path, reason=f"no folder {folder}"), hint="create the folder first")
    return path


def check_lang(lang: str | None) -> str | None:
    if lang not in (None, "en", "zh"):
        usage(E.E005.format(lang=lang), hint="use --lang en or --lang zh, or leave it out to detect the language")
    return lang


def date_option(value: str | None, option: str) -> str | None:
    """A date option: YYYY-MM-DD (or another form dateparser reads); E043 otherwise."""
    if value is None:
        return None
    from ..api import _coerce_date

    try:
        return _coerce_date(value).isoformat()  # type: ignore[union-attr]  # None only for a None value
    except ConfigError:
        usage(E.E043.format(value=value), hint=f"give {option} as YYYY-MM-DD")


def timeout(value: float) -> float | None:
    """``--doc-timeout``: seconds, 0 for no limit."""
    if value < 0:
        usage(E.E040.format(name="--doc-timeout", value=value, expected="seconds (0 for no limit)"),
              hint="for example --doc-timeout 60")
    return value or None
