"""scripts/bench.py helpers (the benchmark itself is run by hand; the model stays optional)."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("bench", Path(__file__).resolve().parents[1] / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@pytest.mark.parametrize("text,expected", [
    ("$1.25 billion", (Decimal("1250000000"), "USD")),
    ("€400mm", (Decimal("400000000"), "EUR")),
    ("USD80 million", (Decimal("80000000"), "USD")),
    ("RMB 300 million", (Decimal("300000000"), "CNY")),
    ("undisclosed", None),
])
def test_bench_parse_money(text, expected):
    assert bench.parse_money(text) == expected


@pytest.mark.parametrize("text,words", [("Pfizer pays $5 million upfront", 5), ("恒瑞医药 licensed HRS-1167", 6)])
def test_bench_count_words(text, words):
    assert bench.count_words(text) == words


@pytest.mark.parametrize("lang,n", [("en", 2000), ("zh", 5)])
def test_bench_load_texts_replicates(corpus_dir, lang, n):
    texts = bench.load_texts(corpus_dir, lang, n)
    assert len(texts) >= n and len(set(texts)) <= len(list((corpus_dir / lang).glob("*.txt")))


@pytest.mark.parametrize("argv,lang", [([], "en"), (["--lang", "zh"], "zh"), (["extract", "--json"], "en")])
def test_bench_default_subcommand_is_extract(argv, lang, monkeypatch):
    seen = []
    monkeypatch.setattr(bench, "cmd_extract", lambda args: seen.append(args) or 0)
    assert bench.main(argv) == 0
    assert seen[0].command == "extract" and seen[0].lang == lang
