"""The article the project started from yields exactly its hand-labelled deals (read from ../shared/seed)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from newsextract.quality.evaluate import same_party as party_equal

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
pytestmark = pytest.mark.skipif(not (SEED / "seed-article.txt").is_file(), reason="../shared/seed not present")


@pytest.fixture(scope="module")
def seed_result(extractor):
    text = (SEED / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "seed-article.expected.json").read_text(encoding="utf-8"))["deals"]
    return text, extractor.extract(text, doc_id="seed"), gold


def _money(m):
    return None if m is None else (Decimal(str(m["amount"])), m["currency"])


def test_seed_yields_exactly_the_expected_deals(seed_result):
    _, rec, gold = seed_result
    assert len(rec.deals) == len(gold)
    for got, want in zip(rec.deals, gold, strict=True):
        for role in ("licensor", "licensee"):
            g = getattr(got, role)
            if want[role] is None:
                assert g is None, (role, g)
            else:
                assert g is not None and party_equal(g.name, want[role]), (role, g, want[role])
        assert got.deal_type == want["deal_type"]
        assert got.status == want["status"]
        assert got.targets == want["targets"]
        assert got.modality == want["modality"]
        for f, gf in (("upfront", "upfront"), ("milestones", "milestones"), ("total_value", "total_value"),
                      ("equity", "equity")):
            m = getattr(got, f)
            assert (None if m is None else (m.amount, m.currency)) == _money(want[gf]), f
        if want["royalty"] is None:
            assert got.royalty is None
        else:
            assert got.royalty is not None and got.royalty.tiered == want["royalty"]["tiered"]


def test_seed_evidence_points_into_the_text(seed_result):
    text, rec, _ = seed_result
    for d in rec.deals:
        assert d.evidence
        for e in d.evidence:
            assert text[e.start:e.end] == e.text


def test_seed_non_deal_money_is_never_attached(seed_result):
    _, rec, _ = seed_result
    amounts = {m.amount for d in rec.deals for m in (d.upfront, d.milestones, d.total_value, d.equity) if m}
    for stray in ("5823000000", "300000000000", "2500000000", "50000000000", "25700000000", "71600000000"):
        assert Decimal(stray) not in amounts


# ------------------------------------------------------------------------------------------------ approvals, figures
@pytest.fixture(scope="module")
def seed_kinds(extractor):
    text = (SEED / "seed-article.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / "seed-article.expected.json").read_text(encoding="utf-8"))
    return text, extractor.extract(text, doc_id="seed"), expected


@pytest.mark.parametrize("kind", ["approvals", "figures"])
def test_seed_yields_every_expected_approval_and_figure(seed_kinds, kind):
    from newsextract.quality.reports import approval_values, figure_values, gold_items, score_items

    _, rec, expected = seed_kinds
    gold = gold_items(kind, expected)
    values = approval_values if kind == "approvals" else figure_values
    res = score_items(kind, gold, [values(r) for r in getattr(rec, kind)])
    missed = [(e.field, e.gold, e.predicted) for e in res.errors if e.fn]
    assert res.fn == 0 and not missed, missed
    assert res.fp == 0, [(e.field, e.predicted) for e in res.errors]


def test_seed_count_figure(seed_kinds):
    _, rec, expected = seed_kinds
    want = [f for f in expected["figures"] if f["metric"] == "count"]
    got = [(f.subject_name, int(f.value.amount), f.value.unit, f.period) for f in rec.figures if f.metric == "count"]
    assert got == [("China", w["value"]["amount"], w["value"]["unit"], w["period"]) for w in want]


def test_seed_kinds_evidence_points_into_the_text(seed_kinds):
    text, rec, _ = seed_kinds
    for r in [*rec.approvals, *rec.figures]:
        assert r.evidence
        for e in r.evidence:
            assert text[e.start:e.end] == e.text


def test_seed_deal_amounts_are_never_figures(seed_kinds):
    _, rec, _ = seed_kinds
    terms = {m.amount for d in rec.deals for m in (d.upfront, d.milestones, d.total_value, d.equity) if m}
    assert not [f for f in rec.figures if f.value.amount in terms]
