"""Indications: the diseases a deal's drug or a regulatory event is for (Deal.indications, Approval.indication).

Every case is written in our own words; companies and drugs are invented or public facts."""

from __future__ import annotations

import pytest

from newsextract import extract
from newsextract.finders.indications import IndicationFinder

EN = IndicationFinder("en")
ZH = IndicationFinder("zh")


@pytest.mark.parametrize("text,expected", [
    ("Orvane licensed the compound for the treatment of idiopathic pulmonary fibrosis.", ["idiopathic pulmonary fibrosis"]),
    ("The antibody is being tested in adults with moderate-to-severe ulcerative colitis.", ["moderate-to-severe ulcerative colitis"]),
    ("a trial in patients with relapsed or refractory diffuse large B-cell lymphoma", ["relapsed or refractory diffuse large B-cell lymphoma"]),
    ("an oral incretin to treat obesity, type 2 diabetes and MASH", ["obesity", "type 2 diabetes", "MASH"]),
    ("a candidate for Huntington's disease and amyotrophic lateral sclerosis (ALS)", ["Huntington's disease", "amyotrophic lateral sclerosis"]),
    ("the first approval in EGFR-mutated NSCLC", ["EGFR-mutated NSCLC"]),
    ("Kestrel's lupus program and a psoriasis candidate", ["lupus", "psoriasis"]),
    ("rights in oncology and immunology", ["oncology", "immunology"]),
    ("for advanced ovarian, endometrial and breast cancers", ["advanced ovarian, endometrial and breast cancers"]),
    ("for chronic weight management and type 2 diabetes", ["type 2 diabetes"]),
    ("for generalized anxiety disorder", ["generalized anxiety disorder"]),
    ("a trial for non-small cell lung cancer (NSCLC) and other solid tumors", ["non-small cell lung cancer", "solid tumors"]),
])
def test_indications_en_frames_find_the_phrase(text, expected):
    assert [f.value for f in EN.find(text)] == expected


@pytest.mark.parametrize("text", [
    "The cancer center in Boston hired a new director.",        # a head before a word that makes it no disease
    "Disease progression was slower in the treated arm.",
    "Velbright agreed to pay for the disease.",                  # a generic head alone
    "The company wants to bolster its portfolio.",
    "Sales of the drug rose in the United States and Europe.",
    "an experimental drug licensed to Pfizer",
])
def test_indications_en_no_indication_without_a_disease_and_a_frame(text):
    assert EN.find(text) == []


def test_indications_en_noun_frame_takes_only_disease_words_before_the_head():
    assert [f.value for f in EN.find("to bolster its GIST portfolio, plus an experimental cancer vaccine")] == ["GIST", "cancer"]
    assert [f.value for f in EN.find("a small cell lung cancer drug")] == ["small cell lung cancer"]


@pytest.mark.parametrize("text,expected", [
    ("该药物用于治疗成人中重度斑块状银屑病。", ["中重度斑块状银屑病"]),
    ("該藥物用於治療成人中重度斑塊狀銀屑病。", ["中重度斑塊狀銀屑病"]),
    ("目前正在开展非小细胞肺癌、结直肠癌等适应症的临床试验", ["非小细胞肺癌", "结直肠癌"]),
    ("用于治疗特应性皮炎、哮喘和慢性鼻窦炎伴鼻息肉", ["特应性皮炎", "哮喘", "慢性鼻窦炎伴鼻息肉"]),
    ("公司的肥胖症新药进入三期", ["肥胖症"]),
    ("在自身免疫领域", []),                                    # no disease word
    ("新冠适应症已获批", []),                                  # 适应症 is "indication", no disease
    ("病毒载量下降", []),                                      # 病 inside another word
])
def test_indications_zh_frames_simplified_and_traditional(text, expected):
    assert [f.value for f in ZH.find(text)] == expected


def test_indications_fill_deals_and_approvals_with_evidence():
    text = ("Corvanta Bio licensed KV-310, an oral GLP-1 agonist for obesity and type 2 diabetes, to Melby Pharma for "
            "$60 million upfront. Separately, the FDA approved Halvora's drug zentuximab for adults with relapsed or "
            "refractory follicular lymphoma.")
    r = extract(text, lang="en")
    (deal,) = r.deals
    assert deal.indications == ["obesity", "type 2 diabetes"]
    ev = [e for e in deal.evidence if e.field == "indications"]
    assert [text[e.start:e.end] for e in ev] == ["obesity", "type 2 diabetes"]
    (appr,) = r.approvals
    assert appr.indication == "relapsed or refractory follicular lymphoma"
    assert any(e.field == "indication" and e.text == appr.indication for e in appr.evidence)


def test_indications_stay_with_their_own_deal_on_a_roundup_line():
    text = ("Weekly deals:\n"
            "- Arlen Bio licensed AB-12 for psoriasis to Kestrel Pharma for $20 million upfront.\n"
            "- Tovara Therapeutics licensed TV-7 for gastric cancer to Norden Pharma for $35 million upfront.\n")
    r = extract(text, lang="en")
    got = {d.asset: d.indications for d in r.deals}
    assert got == {"AB-12": ["psoriasis"], "TV-7": ["gastric cancer"]}


def test_indications_zh_deal():
    text = "恒拓生物与诺登制药达成许可协议，将用于治疗晚期胃癌的HT-101海外权益授予诺登制药，首付款5000万美元。"
    r = extract(text, lang="zh")
    (deal,) = r.deals
    assert deal.indications == ["晚期胃癌"]


def test_indications_in_the_csv_row():
    from newsextract.output import CSV_COLUMNS, flat_rows

    r = extract("Norden Pharma licensed ND-4 for asthma and chronic rhinosinusitis from Arlen Bio for $15 million "
                "upfront.", lang="en")
    (row,) = flat_rows(r)
    assert CSV_COLUMNS.index("indications") == CSV_COLUMNS.index("modality") + 1
    assert row["indications"] == "asthma; chronic rhinosinusitis"


def test_indications_en_drug_codes_are_no_qualifiers():
    assert [f.value for f in EN.find("patients in KX-401 cancer trials, and a CD37-positive lymphoma drug")] == [
        "cancer", "CD37-positive lymphoma"]
    assert [f.value for f in EN.find("sales in 2025 obesity trials")] == ["obesity"]
