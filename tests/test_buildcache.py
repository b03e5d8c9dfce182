"""The build cache of the rule files (newsextract.buildcache): never required, never stale, same output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsextract import patterns
from newsextract.buildcache import BuildCache
from newsextract.patterns import BUILD_CACHE, load_file, load_rules

ROOT = Path(__file__).resolve().parents[1]


def test_round_trip(tmp_path: Path) -> None:
    a = BuildCache(tmp_path)
    assert a.get("k") is None
    a.put("k", (1, frozenset({"x"})))
    assert a.save()
    assert BuildCache(tmp_path).get("k") == (1, frozenset({"x"}))


def test_corrupt_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    a = BuildCache(tmp_path)
    a.put("k", 1)
    assert a.save()
    (path,) = tmp_path.glob("rules-*.pickle")
    path.write_bytes(b"not a pickle")
    b = BuildCache(tmp_path)
    assert b.get("k") is None
    b.put("k", 2)
    assert b.save()
    assert BuildCache(tmp_path).get("k") == 2


def test_unwritable_folder_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    c = BuildCache(blocker / "cache")  # a folder under a file: cannot be made, even by root
    assert c.get("k") is None
    c.put("k", 1)
    assert c.save() is False
    assert c.get("k") == 1  # still serves this process


def test_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEXTRACT_CACHE_DIR", "off")
    c = BuildCache()
    c.put("k", 1)
    assert c.save() is False  # no file: each process builds (and keeps what it built for itself)


def _rules_file(folder: Path, pattern: str) -> None:
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "en" / "payments.yml").write_text(
        "version: 1\nkind: payments\nrules:\n"
        f"  - id: pay.x\n    pattern: '{pattern}'\n    examples: []\n", encoding="utf-8")


def test_edited_rule_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache written for one version of a rule file is not used for another: the edit is what loads. A rule
    found in the cache is compiled on first use, one built from the file at once (a broken pattern fails then)."""
    pats = tmp_path / "patterns"

    def load(pattern: str) -> patterns.Rule:  # as a new process would
        monkeypatch.setattr(patterns, "BUILD_CACHE", BuildCache(tmp_path / "cache"))
        _rules_file(pats, pattern)
        patterns._read_yaml.cache_clear()
        patterns._load_rules.cache_clear()
        (rule,) = load_rules("en", "payments", str(pats))
        assert patterns.BUILD_CACHE.save()
        return rule

    try:
        cold = load(r"\bupfront payment")
        warm = load(r"\bupfront payment")
        edited = load(r"\bup-?front fee")
        assert cold._regex is not None and warm._regex is None and edited._regex is not None
        assert warm == cold and (warm.triggers, warm.heads) == (cold.triggers, cold.heads)
        assert edited.pattern == r"\bup-?front fee" and edited.regex.search("an Up-Front fee")
    finally:
        patterns._read_yaml.cache_clear()
        patterns._load_rules.cache_clear()


def test_cached_yaml_is_a_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a caller does to the data it was given is not written to the cache."""
    monkeypatch.setattr(patterns, "BUILD_CACHE", BuildCache(tmp_path / "cache"))
    pats = tmp_path / "patterns"
    _rules_file(pats, "x")
    patterns._read_yaml.cache_clear()
    load_file("en", "payments", str(pats))["rules"].clear()
    assert patterns.BUILD_CACHE.save()
    monkeypatch.setattr(patterns, "BUILD_CACHE", BuildCache(tmp_path / "cache"))
    patterns._read_yaml.cache_clear()
    try:
        assert len(load_file("en", "payments", str(pats))["rules"]) == 1
    finally:
        patterns._read_yaml.cache_clear()


_RUN = """
import json, sys
from newsextract import Extractor
ex = Extractor()
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
print(json.dumps([ex.extract(t).model_dump(mode="json") for t in texts], sort_keys=True))
"""


def test_same_records_cold_warm_and_off(tmp_path: Path) -> None:
    files = [str(p) for lang in ("en", "zh") for p in sorted((ROOT / "corpus" / lang).glob("*.txt"))[:4]]

    def run(cache: str) -> list:
        env = {**os.environ, "NEWSEXTRACT_CACHE_DIR": cache}
        out = subprocess.run([sys.executable, "-c", _RUN, *files], capture_output=True, text=True, env=env, check=True)
        return json.loads(out.stdout)

    cold = run(str(tmp_path / "c"))
    assert list((tmp_path / "c").glob("rules-*.pickle")), "the first run writes the cache"
    assert run(str(tmp_path / "c")) == cold  # warm
    assert run("off") == cold


def test_process_cache_is_used() -> None:
    assert BUILD_CACHE.enabled
