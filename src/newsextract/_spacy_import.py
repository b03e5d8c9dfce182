"""spaCy imported without its own command line, for the ``newsextract`` command (which never runs spaCy's).

``import spacy`` runs ``from .cli.info import info`` (``spacy.info``), and that imports all of ``spacy.cli``: weasel,
requests, httpx, jinja2 … about a third of spaCy's import time, for a command that reads one short article. While
spaCy's own ``__init__`` runs, :func:`install` puts a stand-in for ``spacy.cli.info`` in ``sys.modules`` whose
``info`` imports the real one when called; once spaCy is imported the stand-in is gone, so ``import spacy.cli`` (or
``spacy.cli.info``) later in the process imports the real modules as always.

Installed by :func:`newsextract.cli.main`, for the time of one command, and by the Dask engine's tasks in a worker
(where it also keeps ~13 MB out of each worker's memory), only when spaCy is not imported yet; the library itself
imports spaCy as it is.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from typing import Any

__all__ = ["install", "uninstall"]

_NAME = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _Stand(types.ModuleType):
    """The stand-in for ``spacy.cli.info`` while spaCy's ``__init__`` runs (any other name: the real module's)."""

    info = staticmethod(_info)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # (the import system asks for __path__ and the like: a module has none)
            raise AttributeError(name)
        if sys.modules.get(_NAME) is self:
            del sys.modules[_NAME]
        import importlib

        return getattr(importlib.import_module(_NAME), name)


class _Loader(importlib.abc.Loader):
    """spaCy's own loader, run with the stand-in in place."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        stand = _Stand(_NAME)
        had = _NAME in sys.modules
        if not had:
            sys.modules[_NAME] = stand
        try:
            self.loader.exec_module(module)
        finally:
            if not had and sys.modules.get(_NAME) is stand:
                del sys.modules[_NAME]
            module.__loader__ = self.loader  # (spaCy's own loader from here on: resources, source …)
            if module.__spec__ is not None:
                module.__spec__.loader = self.loader

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``spacy`` as the other finders do, once, and gives it :class:`_Loader`."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != "spacy":
            return None
        _remove()
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _Loader(spec.loader)
        return spec


_FINDER = _Finder()


def _remove() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)


def uninstall() -> None:
    """Nothing more to do on spaCy's first import (when :func:`install` has not been used yet)."""
    _remove()


def install() -> None:
    """Import spaCy without ``spacy.cli`` when it is first imported in this process (nothing when it already is)."""
    if "spacy" not in sys.modules and _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
