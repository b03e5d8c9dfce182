"""The garbage collector paused while a one-article command starts, for :func:`newsextract.cli.main`.

Importing spaCy, pydantic and typer and building the pipeline allocate some millions of objects and free almost
none, and Python's collector walks the whole heap again and again while they do (about a tenth of a second in all for
``newsextract extract FILE``, and a full walk more when the interpreter exits). :func:`pause` turns it off for the
start of the command; :func:`resume` (called once the pipeline is built) moves everything allocated so far into the
collector's permanent generation (``gc.freeze``: it is kept to the end of the process anyway) and turns it on again,
so that the article itself is read with the collector on, as always.

Used by the command line only, for the ``extract`` command run as a process of its own (the console script or
``python -m newsextract.cli``; a long command such as ``batch`` never runs without the collector, and ``main([...])``
called inside another program leaves it alone); the library leaves the collector as it is.
"""

from __future__ import annotations

import gc

__all__ = ["pause", "resume"]

_paused = False


def pause() -> None:
    """Turn the collector off until :func:`resume` (nothing when it is off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(freeze: bool = True) -> None:
    """Turn the collector on again if :func:`pause` turned it off; with ``freeze`` what exists so far is never
    collected (nor walked again)."""
    global _paused
    if not _paused:
        return
    _paused = False
    if freeze:
        gc.freeze()
    gc.enable()
