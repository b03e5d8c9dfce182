"""What Python's regex compiler makes of a pattern, kept in the build cache between runs of the command line.

A command reads one short article, and compiling the regexes it needs (its rules, the money grammar, the tokenizer
of spaCy it builds …: some 550) is a large part of its start-up. ``re`` compiles a pattern in two steps: parsing it
and generating the code of its matcher (pure Python, the costly part), then making the pattern object from that code
(``_sre.compile``, in C). While :func:`active` is on, the code of every string pattern is kept in the build cache
(:mod:`newsextract.buildcache`, under the regex engine's version) and the next run makes the pattern object from it
at once: the same code, so the same pattern object and the same matches.

Used by :func:`newsextract.cli.main` only, for the time of one command; outside it ``re`` is left as it is.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import array
import contextlib
import sys
from collections.abc import Iterator
from re import _compiler, _parser  # type: ignore[attr-defined]  # private modules: no stubs
from typing import Any

from .buildcache import BuildCache

__all__ = ["active"]

#: modules whose patterns are made anew in each process (from a set, in hash order: ``tokenize``'s, compiled when
#: pydantic reads a signature): kept, they would only make every run write the cache file again
_UNSTABLE = frozenset({"tokenize"})

#: the code of a matcher as bytes (4-byte words: what _sre.CODESIZE says); any other size: no caching
_WORDS = "I" if array.array("I").itemsize == getattr(_sre, "CODESIZE", 0) else None


def _compile_with(cache: BuildCache, original: Any) -> Any:
    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001 - stands for re._compiler.compile
        if not isinstance(p, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = ("sre", _sre.MAGIC, p, flags)
        got = cache.get(key)
        if got is None:
            parsed = _parser.parse(p, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for k, i in groupindex.items():
                indexgroup[i] = k
            got = (flags | parsed.state.flags, array.array(_WORDS, code).tobytes(), parsed.state.groups - 1,
                   groupindex, tuple(indexgroup))
            if _caller() not in _UNSTABLE:
                cache.put(key, got)
        final, code_bytes, groups, groupindex, indexgroup = got
        return _sre.compile(p, final, array.array(_WORDS, code_bytes).tolist(), groups, groupindex, indexgroup)

    return compile


def _caller() -> str:
    """The module that asked ``re`` for the pattern being compiled (the first frame outside ``re`` and this one)."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name != "re" and not name.startswith("re.") and name != __name__:
            return str(name)
        frame = frame.f_back
    return ""


@contextlib.contextmanager
def active(cache: BuildCache) -> Iterator[None]:
    """Regexes compiled inside are made from (and kept in) ``cache``; its new entries are saved on the way out."""
    original = _compiler.compile
    if _WORDS is None or not cache.enabled or getattr(original, "__module__", None) == __name__:
        yield  # (another size of code words, no cache, or already on)
        return
    _compiler.compile = _compile_with(cache, original)
    try:
        yield
    finally:
        _compiler.compile = original
        cache.save()
