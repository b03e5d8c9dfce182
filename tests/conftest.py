"""Shared fixtures (all fixtures live here, as in spaCy's test suite)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
REALDEV = ROOT.parent / "shared" / "realdev"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not any(CORPUS.glob("*/*.gold.json")):
        pytest.skip("no corpus gold files")
    return CORPUS


@pytest.fixture(scope="session")
def realdev_dir() -> Path:
    """The real-text dev set beside the repository; tests using it skip when it is absent."""
    if not REALDEV.is_dir():
        pytest.skip("../shared/realdev not available")
    return REALDEV


@pytest.fixture(scope="session")
def extractor():
    from newsextract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def corpus_report(corpus_dir, extractor):
    """The evaluation of the whole corpus with the current engine (computed once per session)."""
    from newsextract.evaluate import evaluate

    return evaluate(corpus_dir, extractor=extractor)


@pytest.fixture
def gold_as_extraction():
    """Turns a GoldArticle into the Extraction a perfect extractor would return."""
    from decimal import Decimal

    from newsextract.evaluate import FIELDS, MONEY_FIELDS
    from newsextract.records import Deal, Extraction, Money, Party, Royalty

    def convert(gold, *, include_optional: bool = False):
        deals = []
        for gd in list(gold.deals) + (list(gold.optional_deals) if include_optional else []):
            v = gd.values
            kw = {}
            for f in ("licensor", "licensee"):
                kw[f] = Party(name=v[f]) if v[f] else None
            for f in MONEY_FIELDS:
                m = v[f]
                # model_construct: gold may use a currency the records do not list yet (THB)
                kw[f] = Money.model_construct(amount=Decimal(str(m["amount"])), currency=str(m["currency"]).upper(),
                                              text="x") if m else None
            kw["asset"] = v["asset"]
            kw["targets"] = list(v["targets"])
            kw["royalty"] = Royalty(tiered=v["royalty"] == "tiered") if v["royalty"] else None
            assert set(kw) == set(FIELDS)
            deals.append(Deal(**kw))
        return Extraction(doc_id=gold.id, lang=gold.lang if gold.lang in ("en", "zh") else "en", deals=deals)

    return convert
