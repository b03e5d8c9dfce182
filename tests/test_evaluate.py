"""Scoring per ../shared/EVAL.md: equality rules, matching, counts, gold loading, reports."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from newsextract.quality.evaluate import (
    FIELDS,
    Counts,
    evaluate,
    field_counts,
    format_report,
    gold_from_dict,
    iter_gold,
    load_gold,
    match_deals,
    prf,
    same_asset,
    same_money,
    same_party,
    same_royalty,
    score_article,
    summarize,
)
from newsextract.records import Deal, Evidence, Extraction, Money, Party, Royalty


def usd(n, cur="USD"):
    return Money(amount=Decimal(n), currency=cur, text=f"{cur} {n}")


def gold(*deals, optional=(), **meta):
    return gold_from_dict({"id": "t", "lang": "en", **meta, "deals": list(deals), "optional_deals": list(optional)})


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("Hansoh Pharma", "Hansoh Pharmaceutical Group Company Limited", True),
        ("Regeneron", "Regeneron Pharmaceuticals, Inc.", True),
        ("BMS", "Bristol-Myers Squibb", True),
        ("Bristol Myers Squibb", "bms", True),
        ("J&J", "Johnson & Johnson", True),
        ("GSK plc", "GSK", True),
        ("Merck KGaA", "Merck Serono", True),
        ("Shanghai Henlius Biotech", "Henlius Biotech", True),
        ("恒瑞医药", "江苏恒瑞医药股份有限公司", True),
        ("Pfizer", "Seagen", False),
        ("Sanofi", "Novartis AG", False),
        ("Akeso Inc", "Summit Therapeutics", False),
        (None, "Pfizer", False),
        ("", "", False),
    ],
)
def test_evaluate_party_equality(a, b, expected):
    assert same_party(a, b) is expected
    assert same_party(b, a) is expected


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ({"amount": 571000000, "currency": "USD"}, (Decimal(571000000), "USD"), True),
        ({"amount": 571000000, "currency": "USD"}, (Decimal(573000000), "USD"), True),  # 0.35 %
        ({"amount": 571000000, "currency": "USD"}, (Decimal(575000000), "USD"), False),  # 0.7 %
        ({"amount": 100, "currency": "USD"}, (Decimal(100), "CNY"), False),
        ({"amount": 100, "currency": "usd"}, (Decimal(100), "USD"), True),
        (None, (Decimal(1), "USD"), False),
    ],
)
def test_evaluate_money_equality(a, b, expected):
    assert same_money(a, b) is expected


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("SSGJ-707", "SSGJ 707", True),
        ("9MW3811", "9mw-3811", True),
        ("efpeglenatide, HM12470", "HM12470", True),
        ("Enhertu", "subcutaneous Enhertu", True),
        ("HS-20094", "HS-20093", False),
        (None, "X", False),
    ],
)
def test_evaluate_asset_equality(a, b, expected):
    assert same_asset(a, b) is expected


@pytest.mark.parametrize(
    "g,p,expected",
    [("tiered", "tiered", True), ("yes", "tiered", True), ("yes", "yes", True), ("tiered", "yes", False),
     (None, "yes", False)],
)
def test_evaluate_royalty_equality(g, p, expected):
    assert same_royalty(g, p) is expected


@pytest.mark.parametrize(
    "field,cands,pred,expected",
    [
        ("licensor", [None], None, Counts()),
        ("licensor", ["Pfizer"], "Pfizer Inc.", Counts(tp=1)),
        ("licensor", ["Pfizer"], "Seagen", Counts(fp=1, fn=1)),
        ("licensor", ["Pfizer"], None, Counts(fn=1)),
        ("licensor", [None], "Seagen", Counts(fp=1)),
        ("licensee", ["Janssen", "J&J"], "Johnson & Johnson", Counts(tp=1)),
        ("upfront", [{"amount": 5, "currency": "USD"}, None], None, Counts()),
        ("upfront", [{"amount": 5, "currency": "USD"}, None], (Decimal(6), "USD"), Counts(fp=1)),
        ("total_value", [None, {"amount": 9, "currency": "USD"}], (Decimal(9), "USD"), Counts(tp=1)),
        ("targets", [["PD-1", "VEGF"]], ["VEGF", "PD1"], Counts(tp=2)),
        ("targets", [["PD-1", "VEGF"]], ["PD-1"], Counts(tp=1, fn=1)),
        ("targets", [["PD-1"]], ["PD-1", "HER2", "HER3"], Counts(tp=1, fp=2)),
        ("targets", [["GLP-1"], ["GLP-1", "insulin"]], ["GLP-1", "insulin"], Counts(tp=2)),
        ("targets", [["PD-1"], None], [], Counts()),
        ("royalty", ["yes"], "tiered", Counts(tp=1)),
    ],
)
def test_evaluate_field_counts(field, cands, pred, expected):
    assert field_counts(field, cands, pred) == expected


@pytest.mark.parametrize(
    "pred_parties,expected_pairs",
    [
        # best pair first: the second prediction shares both parties with gold 0
        ([("A Bio", None), ("A Bio", "Pfizer")], [(0, 1)]),
        # one party only scores 2: enough
        ([("Pfizer", "X")], []),  # gold 0 licensee Pfizer != licensor; licensor mismatch -> 0
        ([(None, "Pfizer")], [(0, 0)]),
        ([(None, None)], []),
    ],
)
def test_evaluate_matching_greedy(pred_parties, expected_pairs):
    g = gold({"licensor": "A Bio", "licensee": "Pfizer"})
    preds = [{"licensor": a, "licensee": b, "targets": [], "asset": None, "upfront": None, "milestones": None,
              "total_value": None, "royalty": None} for a, b in pred_parties]
    assert [(gi, pi) for gi, pi, _ in match_deals(g.deals, preds)] == expected_pairs


@pytest.mark.parametrize(
    "pred,counts,deals",
    [
        # exact
        ([Deal(licensor=Party(name="Maiwei"), licensee=Party(name="Calico"), upfront=usd(25_000_000))],
         {"licensor": (1, 0, 0), "licensee": (1, 0, 0), "upfront": (1, 0, 0), "milestones": (0, 0, 1)}, (1, 0, 0)),
        # wrong upfront counts both FP and FN
        ([Deal(licensor=Party(name="Maiwei"), licensee=Party(name="Calico"), upfront=usd(30_000_000))],
         {"upfront": (0, 1, 1)}, (1, 0, 0)),
        # nothing predicted: every filled gold field is an FN
        ([], {"licensor": (0, 0, 1), "licensee": (0, 0, 1), "upfront": (0, 0, 1), "milestones": (0, 0, 1),
              "targets": (0, 0, 1), "asset": (0, 0, 0)}, (0, 0, 1)),
        # an unmatched prediction: FP for each filled field
        ([Deal(licensor=Party(name="Other"), asset="ZZ-1", targets=["HER2", "HER3"])],
         {"licensor": (0, 1, 1), "asset": (0, 1, 0), "targets": (0, 2, 1)}, (0, 1, 1)),
    ],
)
def test_evaluate_score_article_counts(pred, counts, deals):
    g = gold({"licensor": "Maiwei Biotech", "licensee": "Calico", "targets": ["IL-11"],
              "upfront": {"amount": 25000000, "currency": "USD"},
              "milestones": {"amount": 571000000, "currency": "USD"}})
    r = score_article(g, Extraction(doc_id="t", deals=pred))
    for f, (tp, fp, fn) in counts.items():
        assert r.counts[f] == Counts(tp, fp, fn), f
    assert (r.deal_tp, r.deal_fp, r.deal_fn) == deals


@pytest.mark.parametrize("predict_optional,deal_counts", [(False, (1, 0, 0)), (True, (2, 0, 0))])
def test_evaluate_optional_deals(predict_optional, deal_counts):
    g = gold({"licensor": "A", "licensee": "B", "asset": "X-1"},
             optional=[{"licensor": "C", "licensee": "D"}])
    preds = [Deal(licensor=Party(name="A"), licensee=Party(name="B"), asset="X-1")]
    if predict_optional:
        preds.append(Deal(licensor=Party(name="C"), licensee=Party(name="D")))
    r = score_article(g, Extraction(doc_id="t", deals=preds))
    assert (r.deal_tp, r.deal_fp, r.deal_fn) == deal_counts
    assert r.counts["licensor"] == Counts(tp=len(preds))
    assert not r.errors


@pytest.mark.parametrize("accepted,expected", [(["Janssen"], (1, 0, 0)), ([], (0, 1, 1))])
def test_evaluate_accept_alternatives_in_matching(accepted, expected):
    g = gold({"licensor": "Legend", "licensee": "Johnson & Johnson", "accept": {"licensee": accepted}})
    r = score_article(g, Extraction(doc_id="t", deals=[Deal(licensor=Party(name="Legend"), licensee=Party(name="Janssen"))]))
    c = r.counts["licensee"]
    assert (c.tp, c.fp, c.fn) == expected


def test_evaluate_errors_carry_evidence():
    g = gold({"licensor": "A", "upfront": {"amount": 1000000, "currency": "USD"}})
    ev = Evidence(field="upfront", start=10, end=20, text="$2 million", rule="en.money.upfront")
    pred = Deal(licensor=Party(name="A"), upfront=usd(2_000_000), evidence=[ev])
    r = score_article(g, Extraction(doc_id="t", deals=[pred]))
    (err,) = r.errors
    assert (err.article, err.field, err.kind, err.gold_deal, err.pred_deal) == ("t", "upfront", "FP+FN", 0, 0)
    assert err.evidence == [{"start": 10, "end": 20, "text": "$2 million", "rule": "en.money.upfront"}]
    assert json.dumps(err.to_json())  # serialisable


@pytest.mark.parametrize(
    "data,key,value",
    [
        ({"deals": [{"total": {"amount": 1, "currency": "USD"}}]}, "total_value", {"amount": 1, "currency": "USD"}),
        ({"deals": [{"total_value": {"amount": 2, "currency": "EUR"}}]}, "total_value", {"amount": 2, "currency": "EUR"}),
        ({"deals": [{"licensor": {"name": "Pfizer"}}]}, "licensor", "Pfizer"),
        ({"deals": [{"royalty": "tiered"}]}, "royalty", "tiered"),
        ({"deals": [{"royalty": "yes"}]}, "royalty", "yes"),
        ({"deals": [{"targets": None}]}, "targets", []),
    ],
)
def test_evaluate_gold_formats(data, key, value):
    assert gold_from_dict(data).deals[0].values[key] == value


@pytest.mark.parametrize("tp,fp,fn,expected", [(0, 0, 0, (None, None, None)), (1, 0, 0, (1.0, 1.0, 1.0)),
                                               (0, 0, 3, (None, 0.0, 0.0)), (2, 2, 0, (0.5, 1.0, 0.6667))])
def test_evaluate_prf(tp, fp, fn, expected):
    assert prf(tp, fp, fn) == expected


@pytest.mark.parametrize("which", ["corpus", "realdev"])
def test_evaluate_gold_scores_perfectly_against_itself(which, request, gold_as_extraction):
    root = request.getfixturevalue("corpus_dir" if which == "corpus" else "realdev_dir")
    results = [score_article(g, gold_as_extraction(g)) for g in iter_gold(root)]
    s = summarize(results)
    assert s["micro"]["fp"] == 0 and s["micro"]["fn"] == 0, [e for r in results for e in r.errors][:5]
    assert s["deals"]["fn"] == 0 and s["deals"]["fp"] == 0


@pytest.mark.parametrize("which", ["corpus", "realdev"])
def test_evaluate_loads_every_gold_file(which, request):
    root = request.getfixturevalue("corpus_dir" if which == "corpus" else "realdev_dir")
    golds = list(iter_gold(root))
    assert golds and all(g.text_path is not None and g.text_path.is_file() for g in golds)
    assert all(g.lang in ("en", "zh") for g in golds)
    assert len({g.id for g in golds}) == len(golds)
    if which == "corpus":
        assert {g.split for g in golds} <= {"dev", "test"}


@pytest.mark.parametrize("split,lang", [("test", None), ("dev", "en"), (None, "zh")])
def test_evaluate_filters(corpus_dir, split, lang):
    golds = list(iter_gold(corpus_dir, split=split, lang=lang))
    assert all((split is None or g.split == split) and (lang is None or g.lang == lang) for g in golds)


def test_evaluate_report_by_lang_and_style(corpus_report):
    data = corpus_report.to_json(errors=True)
    assert {"overall", "by_lang", "by_style", "errors"} <= set(data) <= {"overall", "by_lang", "by_style", "errors",
                                                                       "approvals", "figures"}
    assert set(data["overall"]["fields"]) == set(FIELDS)
    assert data["overall"]["articles"] == sum(g["articles"] for g in data["by_lang"].values())
    assert data["overall"]["articles"] == sum(g["articles"] for g in data["by_style"].values())
    text = format_report(corpus_report, errors=True)
    assert "micro" in text and "deals" in text and "style" in text


def test_evaluate_runs_on_a_single_gold_file(corpus_dir, extractor):
    path = sorted(corpus_dir.glob("en/*.gold.json"))[0]
    report = evaluate(path, extractor=extractor)
    assert len(report.articles) == 1 and report.articles[0].id == load_gold(path).id


def test_evaluate_royalty_record_mapping():
    g = gold({"licensor": "A", "royalty": "yes"})
    r = score_article(g, Extraction(doc_id="t", deals=[Deal(licensor=Party(name="A"), royalty=Royalty(tiered=True))]))
    assert r.counts["royalty"] == Counts(tp=1)


# ------------------------------------------------------------------------------------------------ approvals, figures
def test_evaluate_kinds_scored_only_where_labelled():
    from newsextract.quality.evaluate import gold_from_dict, score_article
    from newsextract.records import Approval, Extraction

    pred = Extraction(doc_id="x", approvals=[Approval(regulator="FDA", event="approval", drug="tafolimab")])
    unlabelled = score_article(gold_from_dict({"id": "x", "deals": []}), pred)
    assert unlabelled.kinds == {}
    labelled_none = score_article(gold_from_dict({"id": "x", "deals": [], "approvals": []}), pred)
    assert labelled_none.kinds["approvals"].fp == 1
    assert labelled_none.kinds["approvals"].counts["drug"].fp == 1


@pytest.mark.parametrize(
    "gold,pred,paired",
    [
        ({"drug": "tafolimab", "company": "Halcyon Bio", "regulator": "FDA", "event": "approval"},
         {"drug": "Tafolimab", "company": None, "regulator": "EC", "event": "approval"}, True),
        ({"drug": "tafolimab", "company": "Halcyon Bio", "regulator": "FDA", "event": "approval"},
         {"drug": "norvestrant", "company": "Halcyon Bio", "regulator": "FDA", "event": "approval"}, False),
        ({"drug": None, "company": "Halcyon Bio", "regulator": "NMPA", "event": "approval"},
         {"drug": None, "company": "Halcyon", "regulator": "NMPA", "event": "approval"}, True),
    ],
)
def test_evaluate_approvals_pair_on_drug_else_company(gold, pred, paired):
    from newsextract.quality.reports import GoldItem, match_items

    assert bool(match_items("approvals", [GoldItem(gold)], [pred])) is paired


def test_evaluate_figures_pairing_needs_subject_or_value_and_count_is_not_scored():
    from decimal import Decimal

    from newsextract.quality.reports import GoldItem, gold_items, score_items

    g = GoldItem({"subject": "Halcyon Bio", "metric": "revenue", "value": {"amount": 100, "currency": "USD"},
                  "period": "FY2024", "change_pct": 5.0})
    only_metric_period = {"subject": "Kestrel", "metric": "revenue", "value": (Decimal(7), "USD", ""),
                          "period": "FY 2024", "change_pct": None}
    assert score_items("figures", [g], [only_metric_period]).tp == 0  # 1 + 1 < 2 and neither subject nor value
    same_value = dict(only_metric_period, value=(Decimal("100.4"), "USD", ""))
    r = score_items("figures", [g], [same_value])
    assert (r.tp, r.counts["value"].tp, r.counts["subject"].fp, r.counts["change_pct"].fn) == (1, 1, 1, 1)
    assert gold_items("figures", {"figures": [{"subject": "X", "metric": "count", "value": {"amount": 3, "unit": "deals"}}]}) == []
