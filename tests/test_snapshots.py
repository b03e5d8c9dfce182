"""Output snapshots of every corpus article (pytest-regressions, expected files in corpus/snapshots/).

Regenerate after a reviewed change with ``pytest tests/test_snapshots.py --force-regen`` (or
``newsextract check corpus --update``); both write the same canonical JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsextract.quality.evaluate import iter_gold
from newsextract.quality.snapshots import canonical, diff, dumps, extract_article, snapshot_path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARTICLES = list(iter_gold(CORPUS)) if CORPUS.is_dir() else []


def _readable_diff(obtained: Path, expected: Path) -> None:
    a, b = expected.read_text(encoding="utf-8"), obtained.read_text(encoding="utf-8")
    if a != b:
        lines = diff(json.loads(a), json.loads(b), expected.stem) or ["formatting changed"]
        raise AssertionError("snapshot changed (review, then --force-regen):\n" + "\n".join(lines))


@pytest.mark.parametrize("article", ARTICLES, ids=[g.id for g in ARTICLES])
def test_snapshots_corpus_article(article, extractor, file_regression):
    rec = extract_article(extractor, article.text(), lang=article.lang, doc_id=article.id,
                          published=article.published, title=article.title)
    file_regression.check(dumps(canonical(rec)), encoding="utf-8", extension=".json",
                          fullpath=snapshot_path(CORPUS / "snapshots", article.lang, article.id),
                          check_fn=_readable_diff)
