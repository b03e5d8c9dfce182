"""The ``newsextract`` command line: thin wrappers, one module per command under ``commands/``.

Exit codes: 0 success, 1 some documents failed or a check found changes, 2 usage errors.
"""

from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="newsextract",
    help="Pharma/biotech business-development deals from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: command modules under newsextract.commands; each defines ``register(app)``.
COMMANDS = ("extract", "batch", "table", "eval", "check", "show", "schema", "ledger")

for _name in COMMANDS:
    importlib.import_module(f"newsextract.commands.{_name}").register(app)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point."""
    try:
        app(args=argv, standalone_mode=True)
    except SystemExit as exc:  # typer exits; keep its code
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        return code
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
