"""A build cache of the rule files: what loading them computes, kept between runs so that a command starts fast.

Loading ``patterns/`` parses and checks every YAML file and reads each regex rule's trigger literals, reach and
heads off its parsed pattern (:mod:`newsextract.triggers`, :mod:`newsextract.heads`): most of the start-up of a
command. The results are stored in one file in the user's cache folder (``$NEWSEXTRACT_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsextract``, else ``~/.cache/newsextract``), content-addressed:

- a rule file's data under the hash of its bytes, a rule's analysis under its expanded pattern and flags, so an
  edited file or rule simply misses (and is built as without the cache), and nothing stale can be read;
- the whole file under a fingerprint of the Python version and the source of the modules that compute what it
  holds (and of the package's ``__init__``, which holds its version), so a change of that code starts an empty
  cache.

The cache is never required: a missing, unreadable or corrupt cache file, an unwritable folder (a read-only
install, a clean clone) or ``NEWSEXTRACT_CACHE_DIR=off`` all mean the rules are built from the files, as without
it; the outcome is the same either way (a regex rule found in the cache is compiled on its first use, one built
from the file at once, so that a broken pattern fails at load time).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["BuildCache", "cache_dir", "file_key", "BUILD_CACHE"]

_ENV = "NEWSEXTRACT_CACHE_DIR"
#: the modules whose code decides what the cache holds (their source is part of its fingerprint)
_MODULES = ("__init__.py", "patterns.py", "pattern_schemas.py", "triggers.py", "heads.py", "buildcache.py",
            "finders/runner.py", "_regex_cache.py")
#: a cache file keeps at most this many entries that the current process did not use
_KEEP_UNUSED = 4000
#: cache files of other fingerprints (other versions or code) kept beside the current one
_KEEP_FILES = 3


def cache_dir() -> Path | None:
    """Where the cache file lives; None when caching is off (``NEWSEXTRACT_CACHE_DIR=off``, or no home)."""
    env = os.environ.get(_ENV)
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "newsextract"
    try:
        return Path.home() / ".cache" / "newsextract"
    except (RuntimeError, KeyError):  # no home folder
        return None


def file_key(data: bytes) -> str:
    """The key of a rule file's content."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _fingerprint() -> str | None:
    h = hashlib.blake2b(sys.version.encode(), digest_size=16)
    here = Path(__file__).resolve().parent
    for name in _MODULES:
        try:
            h.update((here / name).read_bytes())
        except OSError:
            return None  # the source cannot be read (a zip, .pyc only): no cache
    return h.hexdigest()


class BuildCache:
    """The cache of one process: entries read from the cache file on first use, new ones written by :meth:`save`."""

    def __init__(self, folder: Path | None = None, enabled: bool = True) -> None:
        self.folder = folder
        self.enabled = enabled
        self._loaded = False
        self._entries: dict[Any, Any] = {}
        self._used: set[Any] = set()
        self._new = False
        self._print: str | None = None

    def _path(self) -> Path | None:
        if not self.enabled:
            return None
        folder = self.folder if self.folder is not None else cache_dir()
        if folder is None:
            return None
        if self._print is None:
            self._print = _fingerprint() or ""
        return folder / f"rules-{self._print}.pickle" if self._print else None

    def _load(self) -> None:
        self._loaded = True
        path = self._path()
        if path is None:
            return
        try:
            with open(path, "rb") as fh:
                data = pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: build without it
            return
        if isinstance(data, dict):
            self._entries = data

    def get(self, key: Any) -> Any:
        """The entry under ``key``, or None."""
        if not self.enabled:
            return None
        if not self._loaded:
            self._load()
        value = self._entries.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: Any, value: Any) -> None:
        if not self.enabled:
            return
        if not self._loaded:
            self._load()
        self._entries[key] = value
        self._used.add(key)
        self._new = True

    def save(self) -> bool:
        """Write the cache file when this process added entries; False when it could not (never raises)."""
        if not self._new:
            return True
        path = self._path()
        if path is None:
            return False
        unused = [k for k in self._entries if k not in self._used]
        for k in unused[:max(0, len(unused) - _KEEP_UNUSED)]:
            del self._entries[k]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".rules-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(self._entries, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)  # atomic: a reader sees the old file or the new one
            except BaseException:
                os.unlink(tmp)
                raise
        except Exception:  # noqa: BLE001 - an unwritable folder: the next run builds again
            return False
        self._new = False
        _prune(path)
        return True


def _prune(current: Path) -> None:
    """Remove all but the newest few cache files of other fingerprints."""
    try:
        others = sorted((p for p in current.parent.glob("rules-*.pickle") if p != current),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for p in others[_KEEP_FILES:]:
            p.unlink()
    except OSError:
        pass


#: the build cache of this process (``newsextract.patterns.BUILD_CACHE``; the command line's regexes too, see
#: :mod:`newsextract._regex_cache`)
BUILD_CACHE = BuildCache()
