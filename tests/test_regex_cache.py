"""The command line's regexes made from the build cache (newsextract._regex_cache): the same pattern objects."""

from __future__ import annotations

import re
from pathlib import Path

from newsextract import _regex_cache
from newsextract.buildcache import BuildCache

PATTERNS = [(r"(?P<a>\d+)\s*%|(?<![\w-])(?:upfront|up-front)\b", 0), (r"(?i)Straße|ſ", 0), (r"^\W*(?:it|they)\b", re.M),
            (r"[\u4e00-\u9fff]{2,8}?(?:生物|医药)", 0), (r"(?x) a b # c", 0)]
TEXT = "Straße 12 % it up-front ſ\n they 恒瑞医药 信达生物 a b"


def _fresh(p: str, flags: int) -> re.Pattern[str]:
    re.purge()  # (re keeps compiled patterns: make it compile again)
    return re.compile(p, flags)


def test_same_patterns_cold_and_warm(tmp_path: Path) -> None:
    want = [(rx.pattern, rx.flags, rx.groupindex, [m.span() for m in rx.finditer(TEXT)])
            for rx in (_fresh(p, f) for p, f in PATTERNS)]
    for _run in range(2):  # cold (compiled and kept), then warm (made from the cache file)
        cache = BuildCache(tmp_path / "cache")
        with _regex_cache.active(cache):
            got = [(rx.pattern, rx.flags, rx.groupindex, [m.span() for m in rx.finditer(TEXT)])
                   for rx in (_fresh(p, f) for p, f in PATTERNS)]
        assert got == want
    assert sum(1 for k in _keys(tmp_path / "cache") if k[0] == "sre") >= len(PATTERNS)


def _keys(folder: Path) -> list:
    cache = BuildCache(folder)
    cache.get(None)  # (loads the file)
    return list(cache._entries)


def test_off_outside(tmp_path: Path) -> None:
    original = re._compiler.compile
    with _regex_cache.active(BuildCache(tmp_path / "cache")):
        assert re._compiler.compile is not original
    assert re._compiler.compile is original


def test_unstable_patterns_not_kept(tmp_path: Path) -> None:
    """tokenize's pattern is made from a set (a new text in each process): kept, it would rewrite the file each run."""
    import tokenize

    cache = BuildCache(tmp_path / "cache")
    with _regex_cache.active(cache):
        tokenize._compile.cache_clear()
        re.purge()
        assert tokenize._compile(tokenize.PseudoToken).match("x = 1")
    assert not cache._new and not (tmp_path / "cache").exists()
