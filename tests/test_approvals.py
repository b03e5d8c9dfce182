"""Regulatory events: one table of phrasings per event and language (our own sentences), and non-events."""

from __future__ import annotations

import pytest

# (lang, text, (regulator, event, drug, company))
APPROVALS = [
    ("en", "The FDA approved Halcyon Bio's Zelvora (tafolimab) for adults with severe asthma.",
     ("FDA", "approval", "tafolimab", "Halcyon Bio")),
    ("en", "Kestrel Pharma said norvestrant, its antidepressant, was approved in Japan on Monday.",
     ("MHLW", "approval", "norvestrant", "Kestrel Pharma")),
    ("en", "The European Commission granted marketing authorisation to Halcyon Bio for zavotinib.",
     ("EC", "approval", "zavotinib", "Halcyon Bio")),
    ("en", "The CHMP adopted a positive opinion for Kestrel Pharma's arlentimab in psoriasis.",
     ("EMA", "positive_opinion", "arlentimab", "Kestrel Pharma")),
    ("en", "The FDA accepted Halcyon Bio's BLA for tafolimab and granted it priority review.",
     ("FDA", "filing_accepted", "tafolimab", "Halcyon Bio")),
    ("en", "Kestrel Pharma received a complete response letter from the FDA for norvestrant.",
     ("FDA", "rejection", "norvestrant", "Kestrel Pharma")),
    ("en", "Halcyon Bio said zavotinib has received Breakthrough Therapy designation from the FDA.",
     ("FDA", "designation", "zavotinib", "Halcyon Bio")),
    ("en", "The FDA cleared the IND for KST-101, Kestrel Pharma's gene therapy, so a trial can start.",
     ("FDA", "trial_clearance", "KST-101", "Kestrel Pharma")),
    ("zh", "国家药监局批准宁远生物的泽沃替尼上市，用于治疗非小细胞肺癌。", ("NMPA", "approval", "泽沃替尼", "宁远生物")),
    ("zh", "瑞康医药宣布，舒沃单抗的上市申请已获国家药监局受理。", ("NMPA", "filing_accepted", "舒沃单抗", "瑞康医药")),
    ("zh", "瑞康醫藥宣布，舒沃單抗獲美國FDA授予突破性治療藥物認定。", ("FDA", "designation", "舒沃單抗", "瑞康醫藥")),
    ("zh", "宁远生物的KX-201获得国家药监局临床试验默示许可。", ("NMPA", "trial_clearance", "KX-201", "宁远生物")),
    ("zh", "欧盟委员会已批准宁远生物的泽沃替尼用于治疗肺癌。", ("EC", "approval", "泽沃替尼", "宁远生物")),
    ("en", "Kestrel Pharma's IND for KST-101, an oral PCSK9 inhibitor, received implied approval from the NMPA.",
     ("NMPA", "trial_clearance", "KST-101", "Kestrel Pharma")),
]

# sentences that name a drug and an agency but report no regulatory event (SCHEMA.md "Not events")
NON_EVENTS = [
    ("en", "Halcyon Bio expects tafolimab to be approved by the FDA in 2027."),
    ("en", "The FDA has set a PDUFA date of June 3 for Kestrel Pharma's norvestrant."),
    ("en", "Kestrel Pharma plans to file for FDA approval of norvestrant next year."),
    ("en", "Halcyon Bio will pay $50 million upon FDA approval of zavotinib."),
    ("en", "The board of Kestrel Pharma approved the acquisition of Halcyon Bio."),
    ("zh", "宁远生物的泽沃替尼有望于明年获批上市。"),
    ("zh", "当泽沃替尼在日本获批时，瑞康医药将向宁远生物支付里程碑付款。"),
    ("zh", "宁远生物预计泽沃替尼将于2027年获得国家药监局批准。"),
    ("en", "Kestrel Pharma said it has sent an NDA for norvestrant; the CDE has not yet accepted the filing."),
    ("zh", "宁远生物表示，泽沃替尼的上市申请CDE尚未受理。"),
    # payment schedules of a contract name approvals as the milestones that trigger a payment
    ("en", "Kestrel Pharma will pay $30.00 per share in cash plus a contingent value right of $4.00 per share "
           "payable on FDA approval of norvestrant."),
    ("zh", "瑞康医药将向宁远生物支付1亿美元首付款，以及最高20亿美元的开发、监管批准及商业化里程碑付款，用于泽沃替尼。"),
    ("zh", "剩余对价将根据KX-201取得上市申请受理及获批等节点分期支付，国家药监局相关节点未能达成则无需支付。"),
    ("zh", "作为回报，泽沃替尼获批上市后，宁远生物将按该产品年销售额的5%向瑞康医药支付销售分成。"),
    # no event of one drug: a negated class, "approved" as an attribute, counts of approved drugs
    ("en", "Kestrel Pharma noted that no oral therapy for the disease has yet been approved by the FDA, unlike norvestrant."),
    ("en", "Halcyon Bio's buyout adds three FDA approved ADCs including Zelvora to the portfolio."),
    ("en", "KST-101 could improve on the currently approved IL-4R antibody, tafolimab, said Kestrel Pharma."),
    ("zh", "据统计，科创板药企已推动逾30款1类创新药获批上市，其中包括宁远生物的泽沃替尼。"),
    ("zh", "今年上半年国家药监局共批准1类创新药40个，宁远生物的泽沃替尼位列其中。"),
    ("zh", "多家企业的PD-1产品已获批上市，瑞康医药的舒沃单抗仍在III期。"),
    # an event word inside a name: a drug code, a filing
    ("en", "Kestrel Pharma granted Halcyon Bio an exclusive licence to CRL-7, its siRNA candidate, after the FDA meeting."),
    ("en", "Halcyon Bio withdrew its marketing authorisation application for tafolimab after the EMA raised questions."),
    ("zh", "瑞康医药获得宁远生物CRL-411的全球权益，FDA此前已接受其临床数据。"),
    # a filing of a named drug, and whether it will be approved at all
    ("zh", "不过，由于部分安全性信号，宁远生物的泽沃替尼能否顺利获批仍存在不确定性。"),
    # a ticker is no drug (the event has none then)
    ("en", "Kestrel Pharma (NASDAQ: KSTL) said on Tuesday the FDA had issued a complete response letter, asking for "
           "another trial."),
]


def _one(extractor, lang, text):
    return extractor.extract(text, lang=lang).approvals


@pytest.mark.parametrize("lang,text,want", APPROVALS, ids=[f"{a[0]}-{a[2][1]}-{i}" for i, a in enumerate(APPROVALS)])
def test_approvals_phrasing(extractor, lang, text, want):
    got = _one(extractor, lang, text)
    assert len(got) == 1, got
    a = got[0]
    assert (a.regulator, a.event, a.drug, a.company.name if a.company else None) == want


@pytest.mark.parametrize("lang,text", NON_EVENTS, ids=[f"{n[0]}-{i}" for i, n in enumerate(NON_EVENTS)])
def test_approvals_non_events(extractor, lang, text):
    assert _one(extractor, lang, text) == []


def test_approvals_list_of_jurisdictions_is_one_record_each(extractor):
    got = _one(extractor, "en", "Norvexa (norvestrant) is approved in the US, Japan and Europe for migraine.")
    assert [(a.regulator, a.drug) for a in got] == [("FDA", "norvestrant"), ("MHLW", "norvestrant"),
                                                   ("EC", "norvestrant")]


def test_approvals_brand_becomes_the_inn_given_elsewhere(extractor):
    text = ("Halcyon Bio makes Zelvora (tafolimab). Last week the FDA approved Zelvora for children with asthma.")
    got = _one(extractor, "en", text)
    assert [(a.drug, a.brand) for a in got] == [("tafolimab", "Zelvora")]


def test_approvals_designation_names_it(extractor):
    got = _one(extractor, "en", "Kestrel Pharma's KST-101 won orphan drug designation from the FDA.")
    assert [(a.event, a.designation) for a in got] == [("designation", "orphan_drug")]


def test_approvals_evidence_points_into_the_text(extractor):
    text = APPROVALS[0][1]
    for a in _one(extractor, "en", text):
        assert {e.field for e in a.evidence} >= {"event", "regulator", "drug", "company"}
        for e in a.evidence:
            assert text[e.start:e.end] == e.text


def test_approvals_realdev_cases_score(realdev_report):
    """Real published texts (skipped where ../shared/realdev is absent): the issue's bar per language."""
    from newsextract.quality.evaluate import summarize_kind

    for lang in ("en", "zh"):
        s = summarize_kind([r for r in realdev_report.articles if r.lang == lang], "approvals")
        assert s["micro"]["f1"] is not None and s["micro"]["f1"] >= 0.75, (lang, s["micro"])


def test_approvals_company_is_the_announcer_when_a_partner_is_named_as_often(extractor):
    """A release that opens '<company>(code)公布' and names its licensee in every sentence: 公司's events are the
    announcer's (no company is named clearly most often)."""
    text = ("瑞康醫藥(600999.SH)公布,公司與美國NorvaneTherapeuticsInc.公司(以下簡稱「NVT公司」)達成協議,將舒沃單抗許可給NVT公司。"
            "NVT公司將向瑞康醫藥支付首付款。NVT公司將負責在美國的臨床開發。"
            "2023年7月公司向國家藥監局提交舒沃單抗的上市申請並獲受理。")
    got = [(a.event, a.drug, a.company.name if a.company else None) for a in extractor.extract(text, lang="zh").approvals]
    assert got == [("filing_accepted", "舒沃單抗", "瑞康醫藥")]


def test_approvals_company_of_an_article_that_opens_with_its_name(extractor):
    """A results release opening with its company's name: bullets that report approvals are that company's,
    even when a partner is named as often; a deal headline's first company is no such owner."""
    text = ("Halvorsen Pharma reports strong first-quarter growth\n\n"
            "- Zelvora approved in the US for adults with severe asthma\n"
            "- Sales grew 6% with Kestrel Bio as co-promotion partner\n"
            "- Kestrel Bio and Halvorsen Pharma extend their alliance\n")
    got = [(a.event, a.drug, a.company.name if a.company else None) for a in extractor.extract(text, lang="en").approvals]
    assert got == [("approval", "Zelvora", "Halvorsen Pharma")]
    deal = ("Halvorsen Pharma to buy Kestrel Bio for $2 billion\n\n"
            "Halvorsen Pharma will acquire Kestrel Bio. Kestrel Bio said Norvexa was approved in the US last year.\n")
    got = [(a.drug, a.company.name if a.company else None) for a in extractor.extract(deal, lang="en").approvals]
    assert got == [("Norvexa", "Kestrel Bio")]


def test_approvals_of_one_drug_share_the_company_an_event_names(extractor):
    """'Janssen … won approval from the FDA. It then received approval in China from the NMPA': the second event's
    sentence names no company; the article's other event of the same drug does."""
    rec = extractor.extract("Norvik Bio licensed Velocta (norvatinib) to Castell Pharma in 2018. Castell Pharma won "
                            "approval for Velocta from the U.S. Food and Drug Administration in August. It subsequently "
                            "received marketing approval in China from the National Medical Products Administration "
                            "in July.", lang="en")
    got = sorted((a.regulator, a.company.name if a.company else None) for a in rec.approvals)
    assert got == [("FDA", "Castell Pharma"), ("NMPA", "Castell Pharma")]


def test_approvals_a_capitalised_inn_sold_as_a_brand(extractor):
    rec = extractor.extract("Norvestrant, sold as Norvexa in Europe, is approved in the EU for breast cancer.", lang="en")
    assert [a.drug.lower() for a in rec.approvals] == ["norvestrant"]


def test_approvals_a_company_name_of_inn_shape_is_no_drug(extractor):
    """'Velogene' ends like a gene therapy's INN (-gene) but the name finder reads it as a company: the drug is
    the INN next to it, the company the one the approval came to."""
    rec = extractor.extract("Since the approval of zorbatinib by Velogene (VLG.US) in the United States in 2021, "
                            "Chinese drugs have gone global.", lang="en")
    assert [(a.drug, a.company.name if a.company else None) for a in rec.approvals] == [("zorbatinib", "Velogene")]


def _companies(extractor, text, lang="en"):
    return [(a.regulator, a.drug and a.drug.lower(), a.company.name if a.company else None)
            for a in extractor.extract(text, lang=lang).approvals]


def test_approvals_company_is_the_one_another_sentence_ties_the_drug_to(extractor):
    """The event's sentence names only the drug; another sentence says whose it is ('its antibody tafolimab',
    'Kestrel's norvexa', 'KST-101, developed by …')."""
    text = ("Halcyon Bio said on Monday that its antibody tafolimab beat placebo in a Phase 3 asthma trial. "
            "Kestrel Pharma, which sells a rival drug, saw its shares fall. Kestrel Pharma declined to comment. "
            "Tafolimab is already approved in China for severe asthma.")
    assert _companies(extractor, text) == [("NMPA", "tafolimab", "Halcyon Bio")]
    made = ("Norvik Bio and Castell Pharma both reported data at the meeting. Norvik Bio showed KST-101, developed "
            "by Castell Pharma, in a poster. The FDA granted KST-101 orphan drug designation in 2024.")
    assert _companies(extractor, made) == [("FDA", "kst-101", "Castell Pharma")]


def test_approvals_company_is_the_licensor_of_a_deal_about_the_drug(extractor):
    """A deal article names the drug's events in a sentence of their own: they are the licensor's (its owner
    before the deal) — but never a royalty fund's."""
    text = ("BOSTON, May 3, 2025 -- Halcyon Bio has obtained exclusive worldwide rights to KST-101 from Kestrel Pharma "
            "for $20 million upfront. "
            "Halcyon Bio will lead development. KST-101 received Fast Track designation from the FDA in 2023.")
    assert _companies(extractor, text) == [("FDA", "kst-101", "Kestrel Pharma")]


def test_approvals_we_in_a_filing_is_its_issuer(extractor):
    """A filing headed by its issuer: 'our' application is the issuer's (as the heading writes it), not the
    partner's the note names more often. ('In May 2025' is a month, no 'may' of a hoped-for event.)"""
    text = ("KESTREL BIOSCIENCES, INC.\nFORM 10-Q\n\nRecent Developments\n\n"
            "In May 2025, the FDA accepted our New Drug Application for norvestrant in migraine. "
            "In June 2025, we granted Halcyon Pharma Co., Ltd. the right to commercialize norvestrant in Japan. "
            "Halcyon Pharma will pay us $10.0 million upfront. Halcyon Pharma will also pay us royalties. "
            "Halcyon Pharma may terminate the agreement.")
    got = _companies(extractor, text)
    assert [(r, d, (c or "").lower()) for r, d, c in got] == [("FDA", "norvestrant", "kestrel biosciences, inc")]


def test_approvals_the_month_may_is_no_hoped_for_event(extractor):
    """'In May 2025, the FDA accepted …' reports an event; 'may' is a month there, not 'the drug may win …'."""
    for text in ("In May 2025, the FDA accepted Kestrel Pharma's BLA for tafolimab.",
                 "On May 12 the FDA approved Halcyon Bio's zavotinib for lung cancer."):
        assert [a.event for a in extractor.extract(text, lang="en").approvals] in (["filing_accepted"], ["approval"])
    assert extractor.extract("Kestrel Pharma's tafolimab may win FDA approval next year.", lang="en").approvals == []


def test_approvals_a_possessive_after_the_event_names_the_company_not_the_drug(extractor):
    """'approved Kestrel Pharm's norvexitan': the name before 's is the company (even one the name finder does
    not know), the word after it the drug; 'Crohn's disease' is no drug."""
    text = "The Ministry of Food and Drug Safety approved Kestrel Pharm's norvexitan for erosive esophagitis."
    assert _companies(extractor, text) == [("MFDS", "norvexitan", "Kestrel Pharm")]
    text = "In Japan, the MHLW approved Halvorsen's ravozimod for Crohn's disease in March."
    assert _companies(extractor, text) == [("MHLW", "ravozimod", "Halvorsen")]


@pytest.mark.parametrize("text,want", [
    ("宁远生物宣布，其自主研发的KX-201已获得美国FDA的新药临床试验（IND）批准，用于治疗系统性红斑狼疮。",
     ("FDA", "trial_clearance", "KX-201", "宁远生物")),
    ("瑞康医药表示，舒沃单抗已获得美国FDA批准，在美国开展其II期临床试验。",
     ("FDA", "trial_clearance", "舒沃单抗", "瑞康医药")),
    ("宁远生物的泽沃替尼已于2024年12月获国家药监局批准上市，用于治疗肺癌。", ("NMPA", "approval", "泽沃替尼", "宁远生物")),
    ("瑞康醫藥的舒沃單抗上月已獲衛福部食藥署（TFDA）核准上市。", ("TFDA", "approval", "舒沃單抗", "瑞康醫藥")),
])
def test_approvals_zh_trial_clearances_dates_and_taiwan_approvals(extractor, text, want):
    """IND 批准 and 批准…开展临床试验 are trial clearances; 于 before a date is no conditional 'upon'; 核准 (Taiwan)
    approves."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="zh").approvals]
    assert got == [want]


def test_approvals_company_named_with_its_stock_code_in_the_headline(extractor):
    """A results summary headed '<company>（code）…業績要點' (after a broker's name): its bullets' events are that
    company's; '临床试验许可' is a trial clearance."""
    text = ("【华信证券】宁远生物（2785.HK）2025年中期业绩要点\n\n"
            "- 3月：泽沃替尼第二项适应症获国家药监局批准\n"
            "- 5月：KX-201获美国FDA授予快速通道资格\n"
            "- KX-305已于2025年2月获得美国FDA临床试验许可（IND）\n")
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="zh").approvals]
    assert got == [("NMPA", "approval", "泽沃替尼", "宁远生物"), ("FDA", "designation", "KX-201", "宁远生物"),
                   ("FDA", "trial_clearance", "KX-305", "宁远生物")]


def test_approvals_zh_licensed_for_market_alone_triggers(extractor):
    """'獲美國食品藥物管理署(FDA)許可上市' is an approval even in a sentence with no other event word."""
    text = "其中，瑞康醫藥的NorvexaPatch近期獲美國食品藥物管理署(FDA)許可上市，第一個月就賣出好成績。"
    got = [(a.regulator, a.event, a.drug) for a in extractor.extract(text, lang="zh").approvals]
    assert got == [("FDA", "approval", "NorvexaPatch")]
    text = "宁远生物表示，KX-201的IND已获得许可，将于年内开展临床。"
    got = [(a.event, a.drug) for a in extractor.extract(text, lang="zh").approvals]
    assert got == [("trial_clearance", "KX-201")]


@pytest.mark.parametrize("text,want", [
    ("Sweden's Kestrel Therapeutics AB won a positive opinion for norvestrant, a therapy for Pompe disease.",
     [("EMA", "positive_opinion", "norvestrant", "Kestrel Therapeutics AB")]),
    ("In a separate decision, the European Commission granted marketing authorisation to Halvorsen Pharma's Qelvira "
     "(sotrapalimab) for relapsed follicular lymphoma.", [("EC", "approval", "sotrapalimab", "Halvorsen Pharma")]),
    ("On 26 June, the CHMP adopted a positive opinion recommending approval of Tivelza (vorenacept) for cold "
     "agglutinin disease.", [("EMA", "positive_opinion", "vorenacept", None)]),
])
def test_approvals_european_phrasings(extractor, text, want):
    """'<name> AB won …' is a company, not a drug; 'to <name>'s <drug>' names the company even when the name finder
    does not; 'a positive opinion recommending approval' is one opinion, no approval."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text", [
    "The European Medicines Agency's human medicines committee (CHMP) recommended two medicines for approval this month.",
    "The NMPA granted the molecule, a Bruton's tyrosine kinase (BTK) degrader from Kestrel Pharma, Breakthrough "
    "Therapy Designation.",
])
def test_approvals_an_abbreviation_in_brackets_is_no_brand_of_a_drug(extractor, text):
    """"term (ABBR)" is no "INN (BRAND)": the bracketed capitals are the initials of the words before them."""
    assert _one(extractor, "en", text) == []


def test_approvals_abbreviates():
    from newsextract.finders.reports import abbreviates

    assert abbreviates("human medicines committee", "CHMP") and abbreviates("tyrosine kinase", "BTK")
    assert not abbreviates("trastuzumab deruxtecan", "ENHERTU") and not abbreviates("tafolimab", "TF")


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "宁远生物宣布，公司贝伐珠单抗生物类似药NY-B01已获得巴西国家卫生监督局（ANVISA）批准上市。",
     ("ANVISA", "approval", "贝伐珠单抗", "宁远生物")),
    ("zh", "宁远生物的泽沃替尼获韩国食品医药品安全处批准上市。", ("MFDS", "approval", "泽沃替尼", "宁远生物")),
    ("en", "Kestrel Pharma said tafolimab was approved by Singapore's Health Sciences Authority (HSA) in March.",
     ("HSA", "approval", "tafolimab", "Kestrel Pharma")),
    ("en", "Swissmedic granted authorisation for Halcyon Bio's Zelvora (tafolimab) on September 24.",
     ("Swissmedic", "approval", "tafolimab", "Halcyon Bio")),
])
def test_approvals_more_regulators_and_a_biosimilar_named_by_its_inn(extractor, lang, text, want):
    """Agencies beyond the big ones (ANVISA, MFDS in Chinese, HSA), "granted authorisation", and a biosimilar
    named "INN生物类似药CODE" reported under its INN."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, lang, text)]
    assert want in got, got


@pytest.mark.parametrize("lang,text,want", [
    ("en", "The European Medicines Agency accepted Halcyon Bio's marketing application for tafolimab in March, and an "
           "EU approval is expected in the first half of 2026.", ("EMA", "filing_accepted", "tafolimab", "Halcyon Bio")),
    ("zh", "宁远生物表示，欧洲药品管理局（EMA）已于8月受理泽沃替尼的上市许可申请（MAA），公司预计2026年下半年可获得欧盟批准。",
     ("EMA", "filing_accepted", "泽沃替尼", "宁远生物")),
])
def test_approvals_the_jurisdiction_of_a_hoped_for_event_is_none_of_the_events(extractor, lang, text, want):
    """A filing accepted now and an approval expected later: the place of the expected one ("EU", 欧盟) gives the
    accepted filing no second regulator."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, lang, text)]
    assert got == [want], got


def test_approvals_a_drug_named_with_its_owners_description(extractor):
    """"X, its oral … blocker": X is the drug (an appositive with "its", and blockers and modulators as classes)."""
    text = ("Kestrel Pharma (NASDAQ: KSTL) said on Tuesday the FDA had issued a complete response letter for "
            "velozatrine, its oral Nav1.7 sodium channel blocker for neuropathic pain.")
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("FDA", "rejection", "velozatrine", "Kestrel Pharma")], got


def test_approvals_one_drug_named_with_its_class_and_its_form_is_one_record(extractor):
    """"依沃西單抗注射液" and "依沃西注射液" are one drug: the class (单抗) and the form (注射液) both come off."""
    text = ("宁远生物宣布，国家药品监督管理局已批准泽沃西注射液上市，用于治疗非小细胞肺癌。\n"
            "据悉，泽沃西單抗注射液于今年5月获国家药监局批准上市，是宁远生物第二款获批的双抗。")
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "zh", text)]
    assert len(got) == 1 and got[0][:2] == ("NMPA", "approval"), got


def test_approvals_zh_a_drug_that_belongs_to_a_company(extractor):
    """"泽沃替尼归属Kestrel公司": the sentence ties the drug to its company (appr.made_by), so its approval is Kestrel's."""
    text = "瑞康医药引进泽沃替尼，意欲何为？\n\n在引入中国之前，泽沃替尼归属Kestrel公司。2019年7月，美国FDA批准泽沃替尼用于治疗多发性骨髓瘤。"
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "zh", text)]
    assert got == [("FDA", "approval", "泽沃替尼", "Kestrel")], got


def test_approvals_us_priority_review_names_the_fda(extractor):
    """"receives US priority review": the US stands for the FDA as in "US approval"."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", "ZELVORA receives US priority review for "
                                                                         "first-line metastatic breast cancer")]
    assert got == [("FDA", "filing_accepted", "ZELVORA")], got


def test_approvals_a_line_that_opens_with_its_subject_receiving_the_event(extractor):
    """A news-list line "<Company> receives <event> for <drug>" under another company's text: the line's subject is
    the sponsor (not the company the article is about), unless it is the drug."""
    text = ("Kestrel Bio is a biopharmaceutical company. Kestrel Bio develops therapies. Kestrel Bio is based in Oslo.\n"
            "Halvorsen receives FDA complete response letter for paediatric Zelvora application\n")
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("FDA", "rejection", "Zelvora", "Halvorsen")], got


def test_approvals_declined_to_approve_is_a_rejection(extractor):
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", "The FDA declined to approve tafolimab, Halcyon "
                                                                         "Bio's once-daily S1P receptor modulator.")]
    assert got == [("FDA", "rejection", "tafolimab")], got


def test_approvals_a_drug_filed_for_approval_is_no_approval(extractor):
    """"has filed Zelvora for approval in China": a submission, whatever drug stands between "filed" and "for"."""
    text = ("The MHLW approved Zelvora (tafolimab) for eczema.\n• Kestrel has filed Zelvora for approval in China; the "
            "company expects the NMPA to accept the filing in the fourth quarter.")
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    assert got == [("MHLW", "approval", "tafolimab")], got


def test_approvals_the_regulators_of_the_events_own_clause(extractor):
    """"approved in Japan (March 2024); filings under review in the US and EU": the approval is Japan's alone."""
    text = "★ tafolimab, IL-4R, Halcyon Bio\nStatus: approved in Japan (March 2024); filings under review in the US and EU."
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    assert got == [("MHLW", "approval", "tafolimab")], got


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Kestrel Pharma licensed tafolimab to Halcyon Bio in 2018, and the drug was approved in the US in combination "
           "with norvestrant in August 2024.", ("FDA", "approval", "tafolimab")),
    ("zh", "宁远生物宣布，国家药监局已批准泽沃替尼联合舒沃单抗用于治疗非小细胞肺癌。", ("NMPA", "approval", "泽沃替尼")),
])
def test_approvals_a_combinations_partner_is_not_the_drug_approved(extractor, lang, text, want):
    """"approved in combination with X": X is the partner; the drug approved is the other one the sentence names."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, lang, text)]
    assert got == [want], got


@pytest.mark.parametrize("text,want", [
    ("CHMP backs Halcyon Bio's anaemia drug Zelvora", ("EMA", "positive_opinion", "Zelvora", "Halcyon Bio")),
    ("The EMA's committee also backed an extension of the indication for Kestrel Pharma's Norvexa (norvestrant) in "
     "biliary tract cancer.", ("EMA", "positive_opinion", "norvestrant", "Kestrel Pharma")),
    ("The MHLW also granted SAKIGAKE designation to Tsukiji Bio's TKB-07, an siRNA for primary hyperoxaluria.",
     ("MHLW", "designation", "TKB-07", "Tsukiji Bio")),
])
def test_approvals_committee_backing_and_sakigake(extractor, text, want):
    """The CHMP or its committee "backs" a medicine: a positive opinion; Japan's SAKIGAKE is a designation."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert want in got, got


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma AG has received marketing authorisation from Swissmedic for Norvexa (norvestrant), its PPAR "
     "agonist, the company said. The Swiss decision follows approval in the European Union in October 2024.",
     [("Swissmedic", "approval", "norvestrant"), ("EC", "approval", "norvestrant")]),
    ("Halcyon Bio In-Licenses KY-0731\n\n- KY-0731 received Breakthrough Therapy Designation from China's NMPA for "
     "lymphoma\n- U.S. IND cleared by the FDA in March 2025\n",
     [("NMPA", "designation", "KY-0731"), ("FDA", "trial_clearance", "KY-0731")]),
])
def test_approvals_a_sentence_without_drug_or_company_continues_the_one_before(extractor, text, want):
    """An event sentence that names neither a drug nor a company is about the drug of the sentence right before."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    for w in want:
        assert w in got, got


def test_approvals_zh_a_drug_name_that_ran_on_from_a_company(extractor):
    """"百奥泰贝伐珠单抗…获FDA批准" (the asset finder read 奥泰贝伐珠单抗): the drug is 贝伐珠单抗, one record with the
    body's mention of it."""
    text = "百奥泰贝伐珠单抗生物类似药获FDA批准 另一款siRNA公布II期数据\n\n12月7日，百奥泰发布公告称，其贝伐珠单抗生物类似药已获美国FDA批准上市。"
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "zh", text)]
    assert got == [("FDA", "approval", "贝伐珠单抗", "百奥泰")], got


@pytest.mark.parametrize("lang,text", [
    ("zh", "此外，泽沃替尼已於上月獲CDE納入突破性治療藥物程序，並獲美國FDA授予孤兒藥資格認定。"),
    ("en", "Tafolimab was added to the Breakthrough Therapy list by the CDE, and the FDA granted it Orphan Drug "
           "Designation."),
])
def test_approvals_two_designations_of_two_regulators_in_one_sentence(extractor, lang, text):
    """Two designations in one sentence each take their own (nearest) regulator, not both of both."""
    got = sorted((a.regulator, a.designation) for a in _one(extractor, lang, text))
    assert got == [("FDA", "orphan_drug"), ("NMPA", "breakthrough_therapy")], got


def test_approvals_a_results_release_is_the_reporting_companys(extractor):
    """"X reports third-quarter results" opens X's own release: its events that name no company are X's."""
    text = ("Kestrel Pharma SE reports third-quarter 2025 results and agrees to acquire Danish biotech Fjordal Bio\n\n"
            "- Q3 revenue up 9.7% to €412.8 million\n- European Commission approves Zelvora (tafolimab) in short bowel "
            "syndrome\n")
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("EC", "approval", "tafolimab", "Kestrel Pharma SE")], got


def test_approvals_the_company_an_appositive_after_the_drug_names(extractor):
    """"approved Zentoria (obrelimod), Castlerock Bio's oral S1P receptor modulator": Castlerock Bio's approval, also
    where no company finder knew the name."""
    text = "Regulatory roundup\n\nUS\n- The FDA approved Zelvora (tafolimab), Quarrybrook Bio's oral S1P receptor modulator."
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("FDA", "approval", "tafolimab", "Quarrybrook Bio")], got


@pytest.mark.parametrize("text,want", [
    ("嘉禾生物的JH-2207的上市申请于9月获CDE受理，宁泰医药的1类新药宁格列汀获NMPA批准上市，用于2型糖尿病。",
     ("NMPA", "approval", "宁格列汀", "宁泰医药")),
    ("瑞康医药宣布，达格列净已获国家药监局批准上市。", ("NMPA", "approval", "达格列净", "瑞康医药")),
])
def test_approvals_zh_more_inn_stems_and_an_agency_after_huo(extractor, text, want):
    """Chinese INN stems beyond -替尼/-单抗 (列汀, 格列净, 沙坦 …) are drugs; "获NMPA批准" as well as "获FDA"."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "zh", text)]
    assert want in got, got


@pytest.mark.parametrize("lang,text,want", [
    ("en", "The FDA approved sotorasib and adagrasib for lung cancer.",
     [("FDA", "approval", "sotorasib", None), ("FDA", "approval", "adagrasib", None)]),
    ("en", "In 2022, sotorasib and adagrasib were approved by the FDA.",
     [("FDA", "approval", "sotorasib", None), ("FDA", "approval", "adagrasib", None)]),
    ("en", "Halcyon Bio's tafolimab and Kestrel Pharma's norvestrant are approved in the United States.",
     [("FDA", "approval", "tafolimab", "Halcyon Bio"), ("FDA", "approval", "norvestrant", "Kestrel Pharma")]),
    ("en", "The European Commission approved Zelvora (tafolimab), Norvexa (norvestrant) and Vextra (vextorib) in 2024.",
     [("EC", "approval", "tafolimab", None), ("EC", "approval", "norvestrant", None),
      ("EC", "approval", "vextorib", None)]),
    ("zh", "宁远生物的泽沃替尼和瑞康替尼获国家药监局批准上市。",
     [("NMPA", "approval", "泽沃替尼", "宁远生物"), ("NMPA", "approval", "瑞康替尼", "宁远生物")]),
    ("zh", "近日，國家藥監局批准了澤沃替尼、瑞康替尼及依沃西單抗上市。",
     [("NMPA", "approval", "澤沃替尼", None), ("NMPA", "approval", "瑞康替尼", None),
      ("NMPA", "approval", "依沃西單抗", None)]),
    # not a list: a combination's partners, and one drug named twice with commas only
    ("en", "The FDA approved tafolimab in combination with vextorib and norvestrant.",
     [("FDA", "approval", "tafolimab", None)]),
])
def test_approvals_coordinated_drugs_are_one_event_each(extractor, lang, text, want):
    """"approved sotorasib and adagrasib", "A、B和C获批": every drug of the list has its event, with its own owner."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, lang, text)]
    assert sorted(got) == sorted(want), got


@pytest.mark.parametrize("text,want", [
    # a jurisdiction said by its people or its agency's description, and countries in a list after "in"
    ("Tafolimab won approval in Canada, Australia and Switzerland.",
     [("Health Canada", "approval", "tafolimab"), ("TGA", "approval", "tafolimab"),
      ("Swissmedic", "approval", "tafolimab")]),
    ("Japan's health ministry approved Halcyon Bio's tafolimab.", [("MHLW", "approval", "tafolimab")]),
    ("China's drug regulator approved Halcyon Bio's tafolimab.", [("NMPA", "approval", "tafolimab")]),
    ("Swiss regulators approved tafolimab in May.", [("Swissmedic", "approval", "tafolimab")]),
    ("Halcyon Bio said tafolimab was approved in Japan and Taiwan.",
     [("MHLW", "approval", "tafolimab"), ("TFDA", "approval", "tafolimab")]),
    ("Kestrel Pharma's norvestrant gained Canadian approval last week.", [("Health Canada", "approval", "norvestrant")]),
    # more wordings of the events: priority review as a state, the IND after its clearance, 'signed off on'
    ("A US marketing application for tafolimab is under priority review.", [("FDA", "filing_accepted", "tafolimab")]),
    ("Halcyon Bio received FDA clearance for its IND for HB-101.", [("FDA", "trial_clearance", "HB-101")]),
    ("The FDA signed off on Halcyon Bio's tafolimab for severe asthma.", [("FDA", "approval", "tafolimab")]),
])
def test_approvals_jurisdictions_and_event_wordings(extractor, text, want):
    got = [(a.regulator, a.event, (a.drug or "").lower()) for a in _one(extractor, "en", text)]
    assert sorted(got) == sorted((r, e, d.lower()) for r, e, d in want), got


@pytest.mark.parametrize("text", [
    # an application merely under (standard) review is not labelled an accepted filing
    "Status: approved in Japan (March 2024); filings under review in the US and EU for tafolimab.",
])
def test_approvals_under_review_is_no_event_of_its_own(extractor, text):
    assert {a.regulator for a in _one(extractor, "en", text)} <= {"MHLW"}


@pytest.mark.parametrize("text,want", [
    ("美国FDA已受理宁远生物泽沃替尼的新药上市申请。", ("FDA", "filing_accepted", "泽沃替尼", "宁远生物")),
    ("国家药监局附条件批准宁远生物泽沃替尼上市。", ("NMPA", "approval", "泽沃替尼", "宁远生物")),
    ("瑞康医药KX-201获NMPA批准开展临床试验。", ("NMPA", "trial_clearance", "KX-201", "瑞康医药")),
    ("國家藥監局批准寧遠生物澤沃替尼上市。", ("NMPA", "approval", "澤沃替尼", "寧遠生物")),
])
def test_approvals_zh_a_company_right_against_its_drug_owns_it(extractor, text, want):
    """"批准宁远生物泽沃替尼上市": the company written right before the drug, without 的, is its owner (and the
    verb before it, 受理 / 附条件批准, is no part of its name)."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "zh", text)]
    assert got == [want], got


@pytest.mark.parametrize("text,want", [
    ("本周另有1款新药上市申请获受理。宁远生物申报的泽沃替尼片上市申请获CDE受理，并被纳入优先审评程序。",
     ("NMPA", "filing_accepted", "泽沃替尼", "宁远生物")),
    ("本週另有1款新藥上市申請獲受理。寧遠生物申報的澤沃替尼片上市申請獲CDE受理，並被納入優先審評程序。",
     ("NMPA", "filing_accepted", "澤沃替尼", "寧遠生物")),
])
def test_approvals_zh_event_words_are_no_drug(extractor, text, want):
    """"新药上市申请获受理": the words of an application or an event (上市申请, 临床试验申请, 突破性治疗认定) are never a
    drug's name, nor the drug other events of the article take."""
    got = [(a.regulator, a.event, (a.drug or "")[:4], a.company.name if a.company else None)
           for a in _one(extractor, "zh", text)]
    assert got == [want], got


@pytest.mark.parametrize("text,want", [
    ("The Ministry of Health, Labour and Welfare approved Kestrel Pharma's sodium channel blocker norvatrigine for "
     "neuropathic pain.", [("MHLW", "approval", "norvatrigine")]),
    ("The FDA granted KX-88 fast track designation for IgA nephropathy in April.", [("FDA", "designation", "KX-88")]),
    ("Roundup: Japanese approval for Kestrel Pharma's migraine pill; FDA clears Halcyon's trial.", []),
    ("OSAKA, May 27, 2025 — Japan's health ministry approved Kestrel Pharma's KP-17 for migraine.",
     [("MHLW", "approval", "KP-17")]),
])
def test_approvals_descriptions_diseases_and_datelines_are_no_drug(extractor, text, want):
    """A word a drug phrasing found is no drug name when a description's or a disease's word follows it ('sodium
    channel blocker', 'migraine pill', 'IgA nephropathy') or a dateline's date ('OSAKA, May 27, 2025')."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    assert got == want, got


@pytest.mark.parametrize("text,want", [
    ("柳韩制药的拉泽替尼在美获批则为韩国新药树立了标杆。", [("FDA", "approval", "拉泽替尼")]),
    ("宁远生物的泽沃替尼在日獲批上市。", [("MHLW", "approval", "泽沃替尼")]),
    ("2024年8月，美国FDA批准泽沃替尼用于治疗肺癌，这是韩国首个获FDA批准的抗癌新药。", [("FDA", "approval", "泽沃替尼")]),
    ("宁远生物的泽沃替尼已获日本以外地区的欧盟委员会批准。", [("EC", "approval", "泽沃替尼")]),
    ("宁远生物的泽沃替尼获附条件批准，这是国内首款获批的GPRC5D单抗。", [("NMPA", "approval", "泽沃替尼")]),
])
def test_approvals_zh_short_jurisdictions_and_countries_that_modify(extractor, text, want):
    """在美/在日/在华获批 name the jurisdiction by one character; a country that modifies a company or a drug or is
    excluded (韩国新药, 日本以外) is not where the event is, nor 'Korea's first' drug an agency of another approved."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "zh", text)]
    assert got == want, got


@pytest.mark.parametrize("text", [
    "或然对价合共不超过人民币8400万元，分两期支付，分别以KX-201的上市申请获国家药品监督管理局受理及KX-201获批准上市为条件。",
    "首期款項以KX-201的上市申請獲國家藥品監督管理局受理為條件。",
    "第二笔付款以泽沃替尼获得欧盟委员会批准为前提。",
])
def test_approvals_zh_an_event_named_as_a_condition_is_none(extractor, text):
    """以…获批/受理为条件 (为前提): the event is what a payment waits for, not an event the article reports."""
    assert _one(extractor, "zh", text) == []


@pytest.mark.parametrize("text,want", [
    ("In 2023, the Ministry of Food and Drug Safety (MFDS) approved the phase 1 clinical trial plan for KX-3305 in Korea.",
     [("MFDS", "trial_clearance", "KX-3305")]),
    ("The FDA approved the clinical trial application for KX-12 last month.", [("FDA", "trial_clearance", "KX-12")]),
])
def test_approvals_an_approved_trial_plan_is_a_trial_clearance(extractor, text, want):
    """'approved the phase 1 clinical trial plan / the clinical trial application': a trial clearance, not an approval."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    assert got == want, got


def test_approvals_a_drug_named_after_drug_or_medicine(extractor):
    """'… for Kestrel Pharma's anti-allergy drug norlastrozine': the lower-case name after 'drug' is the drug."""
    text = ("In January, Japan's health ministry approved an additional pediatric indication for Kestrel Pharma's "
            "anti-allergy drug norlastrozine.")
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("MHLW", "approval", "norlastrozine", "Kestrel Pharma")], got


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "一周审评审批速览\n\n二、突破性治疗认定\n1. 宁远生物KX-41片，拟用于晚期结直肠癌。\n2. 瑞康医药RK-0208注射液，拟用于IgA肾病。\n"
           "三、其他进展\n1. 宁远生物KX-52完成首例患者给药。\n",
     [("designation", "KX-41", "宁远生物"), ("designation", "RK-0208", "瑞康医药")]),
    ("en", "Regulatory roundup\n\nFDA approvals\n- Halcyon Bio's HB-101 for severe asthma\n- Kestrel Pharma's KP-7 for migraine\n"
           "Pipeline news\n- Halcyon Bio's HB-202 enters Phase 2\n",
     [("approval", "HB-101", "Halcyon Bio"), ("approval", "KP-7", "Kestrel Pharma")]),
])
def test_approvals_list_items_under_a_heading_that_names_the_event(extractor, lang, text, want):
    """A section heading that names an event and no drug ("二、突破性治疗认定", "FDA approvals") gives its event to the
    list items under it that name a drug and no event of their own, until the next section heading; the heading
    itself takes no drug from the lines before it."""
    got = [(a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, lang, text)]
    assert sorted(got) == sorted(want), got


def test_approvals_a_heading_line_names_the_sponsor_of_its_drug(extractor):
    """"★ norlumasiran, TTR, Quarrybrook Pharma" over "Health Canada approved the twice-yearly siRNA …": the heading
    line gives the event its drug and its company."""
    text = ("REGULATORY\n\n★ norlumasiran, TTR, Quarrybrook Pharma\nHealth Canada approved the twice-yearly siRNA on Nov. 20 "
            "for hereditary transthyretin amyloidosis.\n")
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("Health Canada", "approval", "norlumasiran", "Quarrybrook Pharma")], got


def test_approvals_a_notice_of_compliance_is_health_canadas_approval(extractor):
    text = "Health Canada issued a Notice of Compliance for Kestrel Pharma's Korvex (norvatinib) on September 18."
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    assert got == [("Health Canada", "approval", "norvatinib")], got


@pytest.mark.parametrize("text,want", [
    ("— Xiamen Kestrel Pharma: the NMPA approved its insulin aspart biosimilar for diabetes in adults and children.",
     [("NMPA", "approval", "insulin aspart", "Xiamen Kestrel Pharma")]),
    ("During the quarter Halcyon Lifesciences received final approval from the US Food and Drug Administration for its "
     "generic tofacitinib extended-release tablets.", [("FDA", "approval", "tofacitinib", "Halcyon Lifesciences")]),
])
def test_approvals_a_biosimilar_or_generic_is_named_by_its_molecule(extractor, text, want):
    """'its insulin aspart biosimilar', 'its generic tofacitinib': the molecule is the drug; a name ending in a
    business word ('… Lifesciences') is the company, no drug."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == want, got


@pytest.mark.parametrize("lang,text,want", [
    ("en", "KX-112 was granted orphan designation by the European Commission in January 2025, following a positive "
           "recommendation from the EMA's Committee for Orphan Medicinal Products.", [("EC", "designation", "KX-112")]),
    ("zh", "根据欧洲药品管理局的推荐，欧盟委员会已批准宁远生物的泽沃替尼上市。", [("EC", "approval", "泽沃替尼")]),
])
def test_approvals_the_commission_decides_what_the_ema_recommended(extractor, lang, text, want):
    """An approval or a designation that names both the European Commission and the EMA is the Commission's alone."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, lang, text)]
    assert got == want, got


@pytest.mark.parametrize("text,want", [
    ("岚舒单抗新适应症获国家药监局批准上市。", [("NMPA", "approval", "岚舒单抗")]),
    ("岚舒單抗新適應症獲國家藥監局批准上市。", [("NMPA", "approval", "岚舒單抗")]),
])
def test_approvals_zh_the_indication_after_a_drug_is_no_part_of_its_name(extractor, text, want):
    """"泽沃替尼二线治疗适应症获批": the drug phrasing's name stops before the indication (新适应症, 二线治疗适应症)."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "zh", text)]
    assert got == want, got


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma gained EU approval of the XIa drug in June; the European Commission granted marketing "
     "authorisation for the factor XIa anticoagulant KST-410 in stroke prevention.",
     ("EC", "approval", "KST-410")),
    ("Earlier this year the FDA granted KST-410 orphan drug designation for multiple myeloma, Kestrel Pharma said.",
     ("FDA", "designation", "KST-410")),
])
def test_approvals_a_target_before_a_class_noun_is_no_drug(extractor, text, want):
    """A target written before the drug's class ("the XIa drug", "the factor XIa anticoagulant KST-410") describes
    the drug; the class nouns of not_name_after include drug, medicine, anticoagulant, antiviral, antibiotic,
    degrader, but 'orphan drug designation' after a name leaves it the drug."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    assert got == [want], got


@pytest.mark.parametrize("text,want", [
    ("The FDA has approved zavotinib for lung cancer, Halcyon Bio said on Monday.",
     ("FDA", "approval", "zavotinib", "Halcyon Bio")),
    ("Health Canada granted priority review to the filing for HB-220, Kestrel Pharma (TSX: KSTL) announced.",
     ("Health Canada", "filing_accepted", "HB-220", "Kestrel Pharma")),
])
def test_approvals_company_that_reports_the_event_after_it(extractor, text, want):
    """A sentence that names its company only after the event, as the one who says so ("…, X said"), has that
    company as the sponsor."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [want], got


@pytest.mark.parametrize("text,want", [
    ("Halcyon Bio received clearance from the FDA to begin a phase 1 trial of HB-220.",
     ("FDA", "trial_clearance", "HB-220", "Halcyon Bio")),
    ("Halcyon Bio won permission from the NMPA to start a phase 2 study of HB-220.",
     ("NMPA", "trial_clearance", "HB-220", "Halcyon Bio")),
    ("Halcyon Bio's investigational new drug (IND) application for HB-220 was cleared by the FDA.",
     ("FDA", "trial_clearance", "HB-220", "Halcyon Bio")),
    ("The FDA gave the green light to Halcyon Bio's zavotinib for lung cancer.",
     ("FDA", "approval", "zavotinib", "Halcyon Bio")),
])
def test_approvals_trial_clearance_in_more_words(extractor, text, want):
    """A trial cleared in other words than 'IND cleared': clearance/permission/go-ahead to begin a trial, the IND
    spelt out; and 'permission', 'green light', 'investigational new drug' open a sentence to the event rules."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [want], got


@pytest.mark.parametrize("text,want", [
    ("The NMPA approved the investigational new drug application for HB-101 in March 2025.",
     ("NMPA", "trial_clearance", "HB-101", None)),
    ("The NMPA approved the investigational new drug (IND) application for HB-101.",
     ("NMPA", "trial_clearance", "HB-101", None)),
    ("The FDA approved Halcyon Bio's IND for HB-101, a bispecific antibody.",
     ("FDA", "trial_clearance", "HB-101", "Halcyon Bio")),
])
def test_approvals_an_ind_approved_is_a_trial_clearance(extractor, text, want):
    """An agency that approved an IND (spelt out or not, possessive or not) cleared a trial, as one that approved a
    trial plan did; the words of the application ('application', 'drug (IND)') are no drug name."""
    got = _one(extractor, "en", text)
    assert [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in got] == [want]


@pytest.mark.parametrize("text", [
    "The FDA accepted Halcyon Bio's NDA for zavotinib and granted priority review.",
    "The FDA accepted Halcyon Bio's supplemental NDA for zavotinib and granted priority review; a decision is expected "
    "in the first half of 2026.",
])
def test_approvals_a_filing_accepted_with_priority_review_is_one_event(extractor, text):
    """A filing accepted and the priority review it was granted are one filing_accepted (README conventions), with
    the designation kept, not two records."""
    got = _one(extractor, "en", text)
    assert [(a.regulator, a.event, a.designation, a.drug, a.company.name if a.company else None) for a in got] == [
        ("FDA", "filing_accepted", "priority_review", "zavotinib", "Halcyon Bio")]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "The FDA approved Halcyon Bio's zavotinib for asthma, and the European Commission approved Kestrel Pharma's "
           "tafolimab for psoriasis.",
     [("FDA", "approval", "zavotinib", "Halcyon Bio"), ("EC", "approval", "tafolimab", "Kestrel Pharma")]),
    ("en", "Halcyon Bio said the FDA approved zavotinib for asthma, while Kestrel Pharma noted that the European "
           "Commission had granted marketing authorisation to tafolimab.",
     [("FDA", "approval", "zavotinib", "Halcyon Bio"), ("EC", "approval", "tafolimab", "Kestrel Pharma")]),
    ("zh", "美国FDA批准了宁远生物的泽沃替尼，欧盟委员会则批准了瑞康医药的舒沃单抗。",
     [("FDA", "approval", "泽沃替尼", "宁远生物"), ("EC", "approval", "舒沃单抗", "瑞康医药")]),
    # one event of two regulators stays one event each for its drug
    ("en", "Zavotinib was approved in the US and the EU for asthma.",
     [("FDA", "approval", "Zavotinib", None), ("EC", "approval", "Zavotinib", None)]),
])
def test_approvals_two_clauses_each_with_its_own_regulator_and_drug(extractor, lang, text, want):
    """The same kind of event again after a comma, with a regulator and a drug of its own on each side, is another
    event: each clause's regulator, drug and company go together, not every regulator with the first drug."""
    got = _one(extractor, lang, text)
    assert [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in got] == want


@pytest.mark.parametrize("text,want", [
    ("Japan's Ministry of Health, Labour and Welfare has approved rimegatant, Halcyon Bio's oral CGRP receptor "
     "antagonist, for migraine.", ("MHLW", "approval", "rimegatant", "Halcyon Bio")),
    ("The FDA approved velostrane, Kestrel Pharma's once-daily oral inhibitor, for lupus.",
     ("FDA", "approval", "velostrane", "Kestrel Pharma")),
])
def test_approvals_a_drug_described_by_its_owners_possessive(extractor, text, want):
    """A name followed by an appositive that describes it as a company's drug ('rimegatant, Halcyon Bio's oral …
    antagonist') is the drug, as one followed by 'an …' or 'its …' antagonist already was, and the company owns it."""
    got = _one(extractor, "en", text)
    assert [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in got] == [want]


def test_approvals_the_short_form_of_a_company_the_article_names_is_no_drug(extractor):
    """A name the article also writes with a company word after it ('Halvern' beside 'Halvern Lifesciences') is that
    company where a drug phrasing finds it ('Halvern received final approval …'), not the drug approved."""
    text = ("Halvern Lifesciences reported higher sales. During the quarter Halvern received final approval from the US "
            "Food and Drug Administration for its generic tofacitinib extended-release tablets.")
    got = _one(extractor, "en", text)
    assert [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in got] == [
        ("FDA", "approval", "tofacitinib", "Halvern Lifesciences")]


@pytest.mark.parametrize("text", [
    "In January the UK's MHRA granted zavotinib a conditional marketing authorisation for adolescents, and the EMA's "
    "CHMP is due to review the same filing next month.",
    "The MHRA approved zavotinib in May, and the EMA will rule on the application in 2026.",
])
def test_approvals_an_agency_of_an_event_still_to_come_is_no_regulator(extractor, text):
    """An agency followed by an event still to come ('is due to review', 'will rule on') in a sentence that names
    another agency's event is no regulator of that event: one record, not one per agency."""
    got = _one(extractor, "en", text)
    assert [(a.regulator, a.event, a.drug) for a in got] == [("MHRA", "approval", "zavotinib")]


@pytest.mark.parametrize("text", [
    "全球尚无获批的同类药物，宁远生物的HR-2290有望填补空白。",
    "高Lp(a)血症目前全球尚無核准藥物，宁远生物的KR-511將進入臨床。",
])
def test_approvals_zh_no_approved_drug_yet_is_no_event(extractor, text):
    """尚无获批的…药物 / 尚無核准藥物: a statement that no drug is approved, no approval of the drug named after it."""
    assert _one(extractor, "zh", text) == []


@pytest.mark.parametrize("text,want", [
    ("宁远生物的HR-2290注射液的新药临床试验申请于今年1月获得美国FDA许可。", ("FDA", "trial_clearance", "HR-2290", "宁远生物")),
    ("宁远生物的HR-2290的IND申请获得美国FDA许可。", ("FDA", "trial_clearance", "HR-2290", "宁远生物")),
    ("宁远生物宣布，HR-2290的新藥臨床試驗申請獲得美國FDA許可。", ("FDA", "trial_clearance", "HR-2290", "宁远生物")),
    # an application that obtained approval is no submission
    ("宁远生物的泽沃替尼上市申请获得国家药监局批准。", ("NMPA", "approval", "泽沃替尼", "宁远生物")),
])
def test_approvals_zh_an_application_that_obtained_its_approval(extractor, text, want):
    """临床试验申请/IND申请 … 获得 (agency) 许可/批准, with a date or the agency between, is a trial clearance; 上市申请获得
    …批准 is an approval, not a submission (申请…批准 read as 'applied for approval' only without 获/已 between)."""
    got = _one(extractor, "zh", text)
    assert [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in got] == [want]


def test_approvals_the_drug_is_no_company_of_its_own(extractor):
    """A drug that opens its sentence (which a name finder may read as a company) is no sponsor of its own event."""
    got = _one(extractor, "en", "Zavotinib has been approved by the FDA as a first-line treatment.")
    assert [(a.regulator, a.event, a.drug, a.company) for a in got] == [("FDA", "approval", "Zavotinib", None)]


@pytest.mark.parametrize("text,want", [
    ("Health Canada has authorized zavotinib for asthma.", [("Health Canada", "approval", "zavotinib")]),
    ("The MHRA authorised Halcyon Bio's zavotinib in May.", [("MHRA", "approval", "zavotinib")]),
    ("Zavotinib was authorised in the EU in May.", [("EC", "approval", "Zavotinib")]),
    # a board's authorisation and a machine-translated licence (授权) are no approvals
    ("Kestrel Pharma's board authorized a $50 million share repurchase.", []),
    ("Kestrel Pharma authorized the oral GLP-1 small molecule KP-105 to Halcyon Bio, obtaining a first payment of "
     "$112 million.", []),
])
def test_approvals_an_agency_that_authorised_a_drug(extractor, text, want):
    """An agency that authorised a drug (the verb, as the noun 'authorisation' already was), or a drug authorised
    by/in/for, is approved; any other 'authorized' is not."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)] == want


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "宁远生物宣布，美国FDA已就其泽沃单抗（NY-01）发出完整回复函。", ("FDA", "rejection", "泽沃单抗", "NY-01")),
    ("en", "The NMPA approved Halcyon Bio's zavotinib (HB-310) for asthma. Zavotinib is Halcyon Bio's first approved "
           "drug in China.", ("NMPA", "approval", "zavotinib", "HB-310")),
])
def test_approvals_a_drug_named_with_its_code_in_brackets(extractor, lang, text, want):
    """'泽沃单抗（NY-01）', 'zavotinib (HB-310)' read as one asset is the drug with its code, one drug with the name
    written alone elsewhere (one record, named by its INN)."""
    got = _one(extractor, lang, text)
    assert [(a.regulator, a.event, a.drug, a.code) for a in got] == [want]


def test_approvals_an_investor_is_no_sponsor(extractor):
    """A company named as an investor — a royalty fund, by its defined short name too — is no sponsor of the drug's
    events: the article's own company is."""
    text = ('On February 10, 2025, Halcyon Bio, Inc. entered into a Royalty Purchase Agreement with Harbour Royalty '
            'Fund II, L.P. ("Harbour"). Under the agreement, Harbour bought the right to receive 4.5% of net sales of '
            'ZELVORA (zavotinib). Harbour paid $150 million at closing. Harbour may pay up to $50 million more. '
            'ZELVORA was approved by the FDA in June 2023.')
    got = _one(extractor, "en", text)
    assert [(a.regulator, a.drug) for a in got] == [("FDA", "zavotinib")]
    assert got[0].company is None or "Harbour" not in got[0].company.name


@pytest.mark.parametrize("text", [
    "Halcyon Bio sold royalties on ZELVORA (zavotinib), our approved oral treatment for PBC.",
    "Kestrel Pharma said tafolimab, its approved antibody for asthma, sold well in the quarter.",
])
def test_approvals_a_companys_approved_drug_is_a_status_no_event(extractor, text):
    """'our/its/their approved treatment' describes a drug's status, as 'currently approved' does: no event."""
    assert _one(extractor, "en", text) == []


def test_approvals_payments_on_approval_are_no_event(extractor):
    """Payments or fees due on/upon approval are a deal's condition, no approval ('is due milestone payments on
    approval'), as 'payable on' already was."""
    text = ("Kestrel Pharma will fund the pivotal programme for Halcyon Bio's HB-660 in lupus; in return Kestrel is due "
            "milestone payments on approval and a royalty.")
    assert _one(extractor, "en", text) == []


@pytest.mark.parametrize("lang,text,want", [
    ("en", "HB-330 is a candidate substance that Halcyon Bio developed with its own oral peptide delivery platform, "
           "called PEPTIX. In 2023, the Ministry of Food and Drug Safety (MFDS) approved the phase 1 clinical trial plan "
           "in Korea.", [("MFDS", "trial_clearance", "HB-330")]),
])
def test_approvals_the_drug_of_the_sentence_before_without_an_event_word(extractor, lang, text, want):
    """An event sentence that names neither a drug nor a company takes the one drug the sentence right before names,
    even where that sentence holds no event word ('HB-330 is a candidate … In 2023, the MFDS approved the phase 1
    clinical trial plan')."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, lang, text)] == want


def test_approvals_a_count_of_approvals_is_no_event(extractor):
    """'six Korean-originated new drugs won approval from the MFDS last year': a count, no drug's event (the name of
    the agency that counted them is no drug)."""
    text = "The KDDF also noted that six Korean-originated new drugs won approval from the MFDS last year."
    assert _one(extractor, "en", text) == []


def test_approvals_a_drug_named_with_its_code_is_a_drug_elsewhere(extractor):
    """'Norvexa, known in development as KST-207, is …' names a drug: a later sentence whose subject is its licensee
    ('Halvard won US approval in 2023 and reported Norvexa sales …') reports that drug's approval (the licensee's
    short name, no drug, is the company)."""
    text = ("Norvexa, known in development as KST-207, is an oral JAK1 inhibitor. Kestrel licensed it outside Korea to "
            "Danish drugmaker Halvard Pharma in 2020. Halvard won US approval in 2023 and reported Norvexa sales of "
            "$120 million for 2024.")
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("FDA", "approval", "Norvexa", "Halvard Pharma")]


@pytest.mark.parametrize("lang,text", [
    ("zh", "宁远生物的泽沃替尼上市申请已于今年3月获国家药监局受理；截至目前，泽沃替尼尚未获批。"),
    ("zh", "寧遠生物的澤沃替尼上市申請已於今年3月獲國家藥監局受理；截至目前，澤沃替尼仍未獲批。"),
])
def test_approvals_not_yet_approved_is_no_approval(extractor, lang, text):
    """'尚未获批' / '仍未獲批' (not yet approved) is no approval; the accepted filing beside it stays."""
    assert [(a.regulator, a.event) for a in _one(extractor, lang, text)] == [("NMPA", "filing_accepted")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Marlow Therapeutics has yet to receive FDA approval for MRL-204."),
    ("en", "Verdane Pharma did not win EU approval for velsoprazan, the company said."),
    ("zh", "恒泽制药的泽沃替尼尚未获得FDA批准。"),
    ("zh", "恆澤製藥的澤沃替尼仍未獲得美國FDA的批准。"),
])
def test_approvals_not_yet_received_is_no_approval(extractor, lang, text):
    """A negation with a receiving verb and the agency between ('has yet to receive FDA approval', '尚未获得FDA批准')
    is no approval."""
    assert _one(extractor, lang, text) == []


@pytest.mark.parametrize("lang,text", [
    ("zh", "目前，国内已有5款PD-1单抗获批上市，恒泽制药的泽沃单抗处于III期临床。"),
    ("zh", "目前，國內已有三款同類藥物獲批上市，恆澤製藥的澤沃單抗仍處於III期臨床。"),
])
def test_approvals_zh_a_count_of_approved_drugs_is_no_event(extractor, lang, text):
    """'已有5款PD-1单抗获批上市' counts a class's approved drugs: no event of the drug named in the next clause."""
    assert _one(extractor, lang, text) == []


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "宁远生物宣布，NR-101获国家药监局批准开展II期临床试验。", [("NMPA", "trial_clearance", "NR-101")]),
    ("zh", "寧遠生物宣布，NR-101獲批在美國開展I期臨床試驗。", [("FDA", "trial_clearance", "NR-101")]),
])
def test_approvals_zh_approved_to_start_a_trial_is_a_trial_clearance(extractor, lang, text, want):
    """'获批开展II期临床试验' (approved to start a trial) clears a trial; it is no marketing approval."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, lang, text)] == want


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "恒泽制药的泽沃替尼获得CDE突破性疗法认定，用于治疗肺癌。", [("NMPA", "designation", "泽沃替尼")]),
    ("zh", "恆澤製藥的澤沃替尼獲美國FDA授予突破性療法認定。", [("FDA", "designation", "澤沃替尼")]),
])
def test_approvals_zh_breakthrough_therapy_said_as_liaofa(extractor, lang, text, want):
    """突破性疗法认定 (breakthrough therapy, 疗法 for 治疗) is a breakthrough designation."""
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, lang, text)]
    assert got == want and all(a.designation == "breakthrough_therapy" for a in _one(extractor, lang, text))


@pytest.mark.parametrize("text,want", [
    ("Halcyon Bio secured European approval for zelvorimab in psoriasis.", [("EC", "approval", "zelvorimab")]),
    ("Japan approved Halcyon Bio's zelvorimab in September.", [("MHLW", "approval", "zelvorimab")]),
    ("Kestrel Pharma said the UK has approved tafolimab for lupus nephritis.", [("MHRA", "approval", "tafolimab")]),
])
def test_approvals_a_country_that_approves_names_its_regulator(extractor, text, want):
    """'European approval', 'Japan approved …', 'the UK has approved …': the country names the regulator."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)] == want


@pytest.mark.parametrize("text,want", [
    ("Verdane Pharma won an FDA nod for tafolimab in myasthenia gravis.", [("FDA", "approval", "tafolimab", "Verdane Pharma")]),
    ("Kestrel Pharma wins FDA nod for Zelvora in asthma.", [("FDA", "approval", "Zelvora", "Kestrel Pharma")]),
    ("Kestrel Pharma gets European nod for zelvorimab in asthma.", [("EC", "approval", "zelvorimab", "Kestrel Pharma")]),
    ("Ostara Biosciences got an FDA nod to start human trials of OST-310.",
     [("FDA", "trial_clearance", "OST-310", "Ostara Biosciences")]),
])
def test_approvals_a_regulators_nod_is_an_approval(extractor, text, want):
    """An agency's or a jurisdiction's nod ('FDA nod for', 'European nod for') is an approval; a nod to start a trial
    clears the trial."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == want


@pytest.mark.parametrize("text,want", [
    ("The EMA validated Kestrel Pharma's marketing authorisation application for tafolimab.",
     [("EMA", "filing_accepted", "tafolimab", "Kestrel Pharma")]),
    ("The FDA accepted for review Halcyon Bio's supplemental biologics license application for zelvorimab.",
     [("FDA", "filing_accepted", "zelvorimab", "Halcyon Bio")]),
])
def test_approvals_the_applicant_inside_the_event_words(extractor, text, want):
    """The company whose application the event words name ('validated Kestrel Pharma's marketing authorisation
    application for …') is the sponsor, however far its drug follows."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == want


def test_approvals_a_possessive_apostrophe_after_s(extractor):
    """'Ostara Biosciences' OST-310' (the possessive of a name ending in s, no name finder read it): the owner."""
    text = "Ostara Biosciences' OST-310 got the green light from the FDA to start human trials."
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("FDA", "trial_clearance", "OST-310", "Ostara Biosciences")]


@pytest.mark.parametrize("text,want", [
    ("宁远生物的NR-101获得FDA罕见儿科疾病认定。", [("FDA", "designation", "rare_pediatric_disease", "NR-101")]),
    ("寧遠生物的NR-101獲美國FDA授予罕見兒科疾病資格。", [("FDA", "designation", "rare_pediatric_disease", "NR-101")]),
])
def test_approvals_zh_rare_pediatric_disease_designation(extractor, text, want):
    """罕见儿科疾病认定 / 罕見兒科疾病資格 is the rare pediatric disease designation."""
    assert [(a.regulator, a.event, a.designation, a.drug) for a in _one(extractor, "zh", text)] == want


def test_approvals_cleared_a_sponsors_drug_for_a_trial(extractor):
    """'cleared Halcyon Bio's HB-330 for a phase 2 trial': the trial's clearance, with five words between."""
    text = "Regulators in China cleared Halcyon Bio's HB-330 for a phase 2 trial."
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None) for a in _one(extractor, "en", text)]
    assert got == [("NMPA", "trial_clearance", "HB-330", "Halcyon Bio")]


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma's tafolimab, which was approved in the US last year, is now under review in Europe.",
     [("FDA", "approval", "tafolimab")]),
    ("Kestrel Pharma said Zelvora is approved in Japan and under review in the EU and China.",
     [("MHLW", "approval", "Zelvora")]),
])
def test_approvals_under_review_somewhere_is_no_event_there(extractor, text, want):
    """A jurisdiction where a filing is 'under review' is no regulator of the sentence's approval."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)] == want


@pytest.mark.parametrize("lang,text", [
    ("zh", "寧遠生物表示，澤沃替尼日前獲歐洲藥品管理局（EMA）轄下人用藥品委員會（CHMP）給予正面意見，預期歐盟執委會將於兩個月內做出最終決定。"),
    ("zh", "宁远生物表示，泽沃替尼日前获欧洲药品管理局（EMA）人用药品委员会（CHMP）给予积极意见，预计欧盟委员会将于两个月内做出最终决定。"),
])
def test_approvals_a_chmp_opinion_is_the_emas_only(extractor, lang, text):
    """A CHMP opinion is the EMA's: the European Commission named for the decision to come is no second regulator of
    it (zh event.zh_positive_opinion now says regulator EMA, as the English rule)."""
    assert [(a.regulator, a.event) for a in _one(extractor, lang, text)] == [("EMA", "positive_opinion")]


@pytest.mark.parametrize("text", [
    "韩国生物技术公司正密集对接跨国药企，恒泽制药的泽沃替尼在美获批则为韩国新药出海提供了样板。",
    "韓國生物技術公司正密集對接跨國藥企，恆澤製藥的澤沃替尼在美獲批則為韓國新藥出海提供了樣板。",
])
def test_approvals_zh_a_country_before_its_companies_is_no_jurisdiction(extractor, text):
    """'韩国生物技术公司' (Korea's biotech companies) names where companies are from, not where the drug was approved: the
    approval is the FDA's only."""
    assert [(a.regulator, a.event) for a in _one(extractor, "zh", text)] == [("FDA", "approval")]


@pytest.mark.parametrize("text,want", [
    ("恒泽制药的泽沃替尼在美获批。美国FDA批准恒泽制药的泽沃替尼用于治疗肺癌。", ("泽沃替尼", "恒泽制药")),
    ("恆澤製藥的澤沃替尼在美獲批。美國FDA批准恆澤製藥的澤沃替尼用於治療肺癌。", ("澤沃替尼", "恆澤製藥")),
])
def test_approvals_zh_a_sure_company_is_no_drug(extractor, text, want):
    """A company name the name finders are sure of (a name with its designator, 恒泽制药) is no drug, even named
    twice: 'FDA批准恒泽制药的泽沃替尼' approved 泽沃替尼 (one record with the headline's)."""
    assert [(a.drug, a.company.name if a.company else None) for a in _one(extractor, "zh", text)] == [want]


@pytest.mark.parametrize("text", [
    "2025年以来多家公司接连签约，恒泽制药的泽沃替尼在美获批。2024年8月，美国FDA批准恒泽制药的泽沃替尼用于治疗肺癌。",
    "2025年以來多家公司接連簽約，恆澤製藥的澤沃替尼在美獲批。2024年8月，美國FDA批准恆澤製藥的澤沃替尼用於治療肺癌。",
])
def test_approvals_zh_since_a_year_is_no_event_date(extractor, text):
    """'2025年以来' (since 2025) dates no event: the summary's approval is the one dated 2024-08 after it, one record."""
    assert [(a.regulator, a.event, a.date) for a in _one(extractor, "zh", text)] == [("FDA", "approval", "2024-08")]


@pytest.mark.parametrize("text,want", [
    ("瑞峰医药RF-0208注射液，拟用于原发性IgA肾病。泽璟安华申报的安格列肽注射液上市申请获CDE受理，并被纳入优先审评程序。",
     [("NMPA", "filing_accepted", "安格列肽注射液")]),
    ("恆澤製藥的澤沃肽注射液上市申請獲國家藥監局受理。", [("NMPA", "filing_accepted", "澤沃肽注射液")]),
])
def test_approvals_zh_a_drug_before_its_filing(extractor, text, want):
    """'X的安格列肽注射液上市申请获CDE受理': the drug named after 的 and before 上市申请 is the filing's (it took the drug
    of the line before)."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, "zh", text)] == want


@pytest.mark.parametrize("text,want", [
    ("我们期待加速GFH375等项目惠及全球患者。公司首款产品氟泽雷塞（KRAS G12C抑制剂）的新药上市申请已于2023年获国家药监局受理。",
     [("NMPA", "filing_accepted", "氟泽雷塞")]),
    ("我們期待加速GFH375等項目惠及全球患者。公司首款產品氟澤雷塞（KRAS G12C抑制劑）的新藥上市申請已於2023年獲國家藥監局受理。",
     [("NMPA", "filing_accepted", "氟澤雷塞")]),
])
def test_approvals_zh_a_drug_with_its_description_in_brackets(extractor, text, want):
    """'氟泽雷塞（KRAS G12C抑制剂）的新药上市申请…获国家药监局受理': the drug named once with its description in brackets
    (雷塞, -rasib, a drug ending) is the filing's, not the code of the sentence before."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, "zh", text)] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "The Ministry of Health, Labour and Welfare approved Kurokawa Pharma's nerafenidone for idiopathic pulmonary "
           "fibrosis on September 19, following a priority review by the PMDA.", [("MHLW", "approval", "nerafenidone")]),
    ("zh", "恒泽制药的泽沃替尼经日本医药品医疗器械综合机构（PMDA）优先审查后，获日本厚生劳动省批准上市。",
     [("MHLW", "approval", "泽沃替尼")]),
])
def test_approvals_the_ministry_approves_what_the_pmda_reviewed(extractor, lang, text, want):
    """An approval naming both the MHLW and the PMDA is one approval, the ministry's (as the Commission's over the
    EMA's)."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, lang, text)] == want


def test_approvals_a_summary_of_no_regulator_beside_the_regulators_events(extractor):
    """'Korvalta has been approved by three regulators …' over the approvals of each: the summary, with no regulator,
    is no record of its own."""
    text = ("Wyndmoor Oncology's Korvalta (ezurlatinib) has been approved by three regulators in the Access Consortium "
            "within days of each other. Health Canada issued a Notice of Compliance for Korvalta on May 2. The "
            "Therapeutic Goods Administration granted authorisation on May 5.")
    got = [(a.regulator, a.event, a.drug) for a in _one(extractor, "en", text)]
    assert got == [("Health Canada", "approval", "ezurlatinib"), ("TGA", "approval", "ezurlatinib")]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Sunray has yet to receive approval for sunvatinib in the United States, though the drug was approved in "
           "China in 2024.", [("NMPA", "approval", "sunvatinib")]),
    ("en", "Velantra is already approved in the US and the EU, and Orriant is seeking approval in Japan.",
     [("FDA", "approval", "Velantra"), ("EC", "approval", "Velantra")]),
    ("zh", "泽沃替尼尚未在美国获批，但已于2024年在中国获批上市。", [("NMPA", "approval", "泽沃替尼")]),
    ("zh", "澤沃替尼已在中國和歐盟獲批上市，恆澤製藥正在尋求在日本的上市批准。",
     [("NMPA", "approval", "澤沃替尼"), ("EC", "approval", "澤沃替尼")]),
    ("zh", "恒泽制药的泽沃替尼已于2024年获NMPA批准上市，目前正在申请FDA批准。", [("NMPA", "approval", "泽沃替尼")]),
    # (the agency of a pending decision that the sentence then says accepted the filing stays the event's)
    ("en", "Qinlan Pharma's qinlatinib is awaiting approval from the NMPA, which accepted the filing last year.",
     [("NMPA", "filing_accepted", "qinlatinib")]),
])
def test_approvals_a_regulator_beside_a_non_event_is_not_the_events(extractor, lang, text, want):
    """A jurisdiction or agency next to a non-event phrasing in its clause (yet to receive … in the United States,
    seeking approval in Japan, 尚未在美国获批, 正在申请FDA批准) is where no event happened, when the sentence names
    another for its event."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, lang, text)] == want


def test_approvals_a_regulator_in_another_drugs_clause_is_not_the_events(extractor):
    """One event word, two clauses with a regulator and a drug each: the regulator of the clause that names another
    drug and no event is not the event's ('cleared' names no event here); a list of jurisdictions still fans out."""
    got = _one(extractor, "en", "The FDA approved Halvex's zeltrimab for psoriasis, while China's NMPA cleared "
                                "Sunray's sunvatinib for lung cancer.")
    assert [(a.regulator, a.event, a.drug) for a in got] == [("FDA", "approval", "zeltrimab")]
    got = _one(extractor, "en", "Halvex's zeltrimab is approved in the US, Japan and Europe for psoriasis.")
    assert [(a.regulator, a.drug) for a in got] == [("FDA", "zeltrimab"), ("MHLW", "zeltrimab"), ("EC", "zeltrimab")]


@pytest.mark.parametrize("lang,text,drug", [
    ("zh", "同类产品中，诺瑞医药的NR-22已于去年在美国获批，而瑞康医药的RK-101仍处于III期临床阶段。", "NR-22"),
    ("zh", "同類產品中，諾瑞醫藥的NR-22已於去年在美國獲批，而瑞康醫藥的RK-101仍處於III期臨床階段。", "NR-22"),
])
def test_approvals_the_drug_of_the_events_clause(extractor, lang, text, drug):
    """A competitor's approval told beside another company's candidate: the drug of the event's own clause, not the
    one nearer across a comma (choose_drug)."""
    assert [(a.regulator, a.drug) for a in _one(extractor, lang, text)] == [("FDA", drug)]


@pytest.mark.parametrize("text", [
    "风险提示：新药审批进度不及预期；泽沃替尼海外获批时间存在不确定性。",
    "風險提示：澤沃替尼獲批進度不及預期，市場競爭加劇。",
    "需要注意的是，泽沃替尼在美国的获批时间仍存在较大不确定性。",
])
def test_approvals_a_risk_note_is_no_event(extractor, text):
    """An analyst's risk note (风险提示：…获批/审批进度不及预期, 获批时间存在不确定性) says what may not happen: no event."""
    assert _one(extractor, "zh", text) == []


@pytest.mark.parametrize("text", [
    "Key risks: delays in FDA approval of zeltrimab and slower-than-expected uptake.",
    "Risks to our rating include a delayed EU approval for zeltrimab.",
])
def test_approvals_an_english_risk_note_is_no_event(extractor, text):
    """A broker's risk note names approvals that may not come (notev.risk): no event."""
    assert _one(extractor, "en", text) == []


def test_approvals_approval_to_start_a_trial_is_a_trial_clearance(extractor):
    """'received approval from the NMPA to start a Phase 3 trial of zeltrimab': the agency cleared a trial, no marketing
    approval (the go-ahead / permission / clearance … to start a trial rule takes 'approval' too)."""
    got = _one(extractor, "en", "Halvex Pharma has received approval from the NMPA to start a Phase 3 trial of "
                                "zeltrimab in China.")
    assert [(a.regulator, a.event, a.drug) for a in got] == [("NMPA", "trial_clearance", "zeltrimab")]


@pytest.mark.parametrize("text,drug", [
    ("2025年岚泽替尼实现销售收入12.3亿元，一线治疗适应症于2025年11月获国家药监局批准上市。", "岚泽替尼"),
    ("2025年嵐澤替尼實現銷售收入12.3億元，一線治療適應症於2025年11月獲國家藥監局批准上市。", "嵐澤替尼"),
])
def test_approvals_zh_the_drug_a_sentence_opens_with(extractor, text, drug):
    """'泽沃替尼实现销售收入…，一线治疗适应症…获国家药监局批准上市': the indication is the drug's the sentence opens with,
    a generic name of INN shape (drug.zh_inn_shape)."""
    assert [(a.regulator, a.event, a.drug) for a in _one(extractor, "zh", text)] == [("NMPA", "approval", drug)]


@pytest.mark.parametrize("text,company", [
    ("9月2日晚，杭州岚泽药业股份有限公司（以下简称“岚泽药业”）召开业绩说明会。\n"
     "监管方面，6月，岚替尼新适应症获国家药监局（NMPA）批准上市。", "杭州岚泽药业股份有限公司"),
    ("9月2日晚，杭州嵐澤藥業股份有限公司（以下簡稱「嵐澤藥業」）召開業績說明會。\n"
     "監管方面，6月，嵐替尼新適應症獲國家藥監局（NMPA）批准上市。", "杭州嵐澤藥業股份有限公司"),
])
def test_approvals_zh_the_only_company_an_article_names(extractor, text, company):
    """An article that names one company only (its short name, defined with 以下简称, read by no finder again): an event
    whose sentence names no company is that company's."""
    got = _one(extractor, "zh", text)
    assert [(a.regulator, a.company.name if a.company else None) for a in got] == [("NMPA", company)]


@pytest.mark.parametrize("text,drug", [
    ("岚泽药业成立于2015年，核心产品岚替尼于2021年获批上市，2023年纳入医保，2024年在欧盟获批。", "岚替尼"),
    ("嵐澤藥業成立於2015年，核心產品嵐替尼於2021年獲批上市，2023年納入醫保，2024年在歐盟獲批。", "嵐替尼"),
])
def test_approvals_zh_one_drugs_approvals_told_apart_by_year(extractor, text, drug):
    """'…于2021年获批上市，…，2024年在欧盟获批': two approvals of the drug, each of its own year, the later one the
    EU's (one record of the EC before)."""
    got = _one(extractor, "zh", text)
    assert [(a.regulator, a.event, a.drug) for a in got] == [(None, "approval", drug), ("EC", "approval", drug)]


@pytest.mark.parametrize("text,want", [
    ("The FDA cleared Halvex Pharma's tafolimab for the treatment of severe asthma in adults.",
     [("FDA", "approval", "tafolimab", "Halvex Pharma")]),
    ("Health Canada cleared Kestrel Pharma's zavotinib for adults with lung cancer.",
     [("Health Canada", "approval", "zavotinib", "Kestrel Pharma")]),
    # a trial cleared for a disease stays a trial clearance
    ("The FDA cleared the IND for KST-101 for the treatment of ALS.", [("FDA", "trial_clearance", "KST-101", None)]),
])
def test_approvals_a_drug_cleared_for_a_use(extractor, text, want):
    """'The FDA cleared X for the treatment of …': a regulator clearing a drug for a use is its approval (no word
    'approv' in the sentence); an IND or a trial cleared is a trial clearance as before."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # the article opens with a company it never names again: the drug approved later is not its own
    ("Orwell Bio posted revenue of 2.1 billion yuan last year. The FDA approved Zelvora (tafolimab) for asthma.",
     [("FDA", "approval", "tafolimab", None)]),
    ("Kestrel Pharma's sales reached $3 billion in the quarter. Separately, regulators in Japan approved "
     "norvestrant for depression.", [("MHLW", "approval", "norvestrant", None)]),
    # ... but a company's own release keeps its company: it announces, or the text refers to it as 'the company'
    ("Orwell Bio today announced half-year results. The FDA approved Zelvora (tafolimab) for asthma.",
     [("FDA", "approval", "tafolimab", "Orwell Bio")]),
    ("Orwell Bio grew revenue by 40%. The FDA approved tafolimab for asthma, the company added.",
     [("FDA", "approval", "tafolimab", "Orwell Bio")]),
])
def test_approvals_a_company_named_once_is_no_sponsor_of_an_untied_drug(extractor, text, want):
    """A company named in one sentence only, with no 'announced', stock code or 'the company' anywhere, is not the
    sponsor of an event whose sentence names no company and whose drug it is never said to own."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma's zavotinib was cleared for marketing by the FDA for adults with asthma.",
     [("FDA", "approval", "zavotinib", "Kestrel Pharma")]),
    ("The FDA expanded the label of Zelvora (tafolimab) to include children, Halcyon Bio said.",
     [("FDA", "approval", "tafolimab", "Halcyon Bio")]),
    ("Halcyon Bio's Zelvora received a label expansion from the FDA for chronic cough.",
     [("FDA", "approval", "Zelvora", "Halcyon Bio")]),
    ("The FDA gave Halcyon Bio the go-ahead to market Zelvora for MASH.",
     [("FDA", "approval", "Zelvora", "Halcyon Bio")]),
    # INN stems the asset finder did not know: -clax (BCL-2), -trigine (sodium channel), -glipron (oral GLP-1)
    ("Orwell Bio won an FDA nod for norvatrigine in acute pain.", [("FDA", "approval", "norvatrigine", "Orwell Bio")]),
    ("Kestrel Pharma said the FDA accepted its sNDA for kestoglipron.",
     [("FDA", "filing_accepted", "kestoglipron", "Kestrel Pharma")]),
    ("Halcyon Bio's halcitoclax was granted orphan drug designation by the FDA and the European Commission.",
     [("FDA", "designation", "halcitoclax", "Halcyon Bio"), ("EC", "designation", "halcitoclax", "Halcyon Bio")]),
    # still no event: a label expansion hoped for
    ("Halcyon Bio is seeking a label expansion for Zelvora in children.", []),
])
def test_approvals_marketing_clearance_label_expansion_and_new_inn_stems(extractor, text, want):
    """'cleared for marketing', 'expanded the label', 'a label expansion', 'the go-ahead to market' are approvals;
    names ending in -clax, -trigine, -glipron are INNs."""
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # a list of drugs, each with its owner's possessive, one in the plural form (Labs')
    ("The FDA approved Kestrel Pharma's zavotinib, Orwell Bio's tafolimab and Halcyon Labs' norvestrant.",
     [("FDA", "approval", "zavotinib", "Kestrel Pharma"), ("FDA", "approval", "tafolimab", "Orwell Bio"),
      ("FDA", "approval", "norvestrant", "Halcyon Labs")]),
    # 'got the nod' with the regulator after it
    ("Shares of Orwell Bio rose after tafolimab got the nod from China's regulator.",
     [("NMPA", "approval", "tafolimab", "Orwell Bio")]),
    # an assembly in a drug's class is no parliament: the approval stands
    ("Zelnatrivir, an oral capsid assembly modulator, was approved by the FDA in 2024.",
     [("FDA", "approval", "Zelnatrivir", None)]),
    # an approval still anticipated, with the drug and the country between
    ("Approval of tafolimab in China is anticipated next year.", []),
])
def test_approvals_possessive_lists_nods_and_class_words(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    ("FDA turns down Orwell Bio's ORW-101 in melanoma", [("FDA", "rejection", "ORW-101", "Orwell Bio")]),
    ("The FDA declined to approve Kestrel Pharma's kestomiocel, issuing a complete response letter.",
     [("FDA", "rejection", "kestomiocel", "Kestrel Pharma")]),
    ("Orwell Bio's tafolimab gets FDA breakthrough tag", [("FDA", "designation", "tafolimab", "Orwell Bio")]),
    # a country in the present tense before its verb is the regulator, as in the past tense
    ("Japan approves Orwell Bio's tafolimab for asthma", [("MHLW", "approval", "tafolimab", "Orwell Bio")]),
    # a company turning down a bid is no rejection
    ("Orwell Bio turned down a takeover bid from Kestrel Pharma.", []),
])
def test_approvals_headline_verbs_turns_down_tag_and_present_tense(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # "its" right before the drug is the sentence subject's, not the partner's named nearer the event
    ("Kestrel Pharma, together with its partner Orwell Bio, has won approval from European regulators for its "
     "targeted cancer drug Zelvora to treat a rare lymphoma.", [("EC", "approval", "Zelvora", "Kestrel Pharma")]),
    # clearance from a regulator for a drug is an approval (a brand after its class noun is the drug) ...
    ("Kestrel Pharma has received clearance from Japanese regulators for its anti-obesity pill Norvexa.",
     [("MHLW", "approval", "Norvexa", "Kestrel Pharma")]),
    ("Kestrel Pharma received marketing clearance from Health Canada for zavotinib.",
     [("Health Canada", "approval", "zavotinib", "Kestrel Pharma")]),
    # ... clearance to start a trial stays a trial clearance, a device's 510(k) clearance is none
    ("Halcyon Bio received clearance from the FDA to begin a phase 1 trial of HB-220.",
     [("FDA", "trial_clearance", "HB-220", "Halcyon Bio")]),
    ("Orwell Bio won 510(k) clearance from the FDA for its glucose monitor.", []),
])
def test_approvals_its_drug_is_the_subjects_and_clearance_from_a_regulator(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # a list of approvals, each drug with its owner and its indication
    ("The FDA approved two drugs: Kestrel Pharma's zavotinib for lung cancer and Halcyon Bio's tafolimab for asthma.",
     [("FDA", "approval", "zavotinib", "Kestrel Pharma"), ("FDA", "approval", "tafolimab", "Halcyon Bio")]),
    ("The FDA approved Kestrel Pharma's zavotinib for lung cancer and Halcyon Bio's tafolimab for asthma.",
     [("FDA", "approval", "zavotinib", "Kestrel Pharma"), ("FDA", "approval", "tafolimab", "Halcyon Bio")]),
    ("The FDA lifted its clinical hold on Kestrel Pharma's KST-310 study.",
     [("FDA", "trial_clearance", "KST-310", "Kestrel Pharma")]),
])
def test_approvals_lists_with_indications_and_a_lifted_hold(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # an owner's name with an ampersand before its drug
    ("The FDA approved Procter & Halvorsen's Zelvora for plaque psoriasis.",
     [("FDA", "approval", "Zelvora", "Procter & Halvorsen")]),
    # "the agency" refers back to the last agency the text named
    ("The FDA on Friday approved Kestrel Pharma's zavotinib for lung cancer. Separately, the agency approved "
     "Halcyon Bio's Zelvora for Crohn's disease.",
     [("FDA", "approval", "zavotinib", "Kestrel Pharma"), ("FDA", "approval", "Zelvora", "Halcyon Bio")]),
    # a second event verb of the same agency, coordinated with the first, is its own event
    ("The FDA approved Halcyon Bio's Zelvora for asthma, and approved Kestrel Pharma's Norvexa for migraine.",
     [("FDA", "approval", "Zelvora", "Halcyon Bio"), ("FDA", "approval", "Norvexa", "Kestrel Pharma")]),
    # other verbs of approval before an owner's brand, and a version of a drug
    ("The FDA signed off on Kestrel Pharma's Norvexa for migraine.", [("FDA", "approval", "Norvexa", "Kestrel Pharma")]),
    ("The FDA approved a subcutaneous version of Kestrel Pharma's Norvexa.",
     [("FDA", "approval", "Norvexa", "Kestrel Pharma")]),
    # a complete response letter is the FDA's; the drug it answers for, a short code or a brand after the application
    ("Halvorsen Bio said it received a complete response letter for HB2 in advanced melanoma.",
     [("FDA", "rejection", "HB2", "Halvorsen Bio")]),
    ("Halcyon Bio receives complete response letter for its NDA for Zelvora.",
     [("FDA", "rejection", "Zelvora", "Halcyon Bio")]),
])
def test_approvals_owners_agencies_verbs_and_rejections(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text", [
    "从竞争格局看，全球唯一获批的Nectin-4 ADC是Kestrel和Halvex共同开发的恩诺单抗（enfortumab vedotin），目前仍在销售。",
    "目前已获批的GLP-1药物包括司美格鲁肽和替尔泊肽。",
    "當前已獲批上市的同類藥物僅有恩諾單抗一款。",
])
def test_approvals_zh_the_approved_drugs_as_a_state_are_no_event(extractor, text):
    """唯一获批的 / 目前已获批的 describe the market, not an approval that happened."""
    assert extractor.extract(text, lang="zh").approvals == []


@pytest.mark.parametrize("text,want", [
    # a green light / go-ahead / thumbs-up to or for a named drug is its approval
    ("The European Commission gave the green light to Leqembi on April 15.", ("EC", "approval", "Leqembi", None)),
    ("The EC gave the green light to Eisai's Leqembi.", ("EC", "approval", "Leqembi", "Eisai")),
    ("The FDA gave Eisai the go-ahead for Leqembi in early Alzheimer's.", ("FDA", "approval", "Leqembi", "Eisai")),
])
def test_approvals_a_green_light_to_a_named_drug(extractor, text, want):
    a = extractor.extract(text).approvals
    assert [(x.regulator, x.event, x.drug, x.company and x.company.name) for x in a] == [want]


def test_approvals_a_go_ahead_for_a_trial_is_no_approval(extractor):
    assert extractor.extract("The FDA gave Biogen the go-ahead for a Phase 3 trial.").approvals == []


@pytest.mark.parametrize("lang,text,want", [
    # the sponsor named in an earlier sentence, referred to by a described common noun
    ("en", "Kestrel Therapeutics shares jumped 12%. The Tokyo-based drugmaker said Japanese regulators had approved "
     "norvatinib for chronic migraine.", ("MHLW", "approval", "norvatinib", "Kestrel Therapeutics")),
    # 该公司: the company it stands for, not the reference
    ("zh", "恒泽制药昨日股价大涨。该公司表示，其PD-1单抗舒沃单抗获得国家药品监督管理局批准，用于一线治疗晚期肝癌。",
     ("NMPA", "approval", "舒沃单抗", "恒泽制药")),
    # the first of two companies joined as partners before the event, not the partner nearer it
    ("en", "Halcyon Bio and its partner Sunray Pharma won approval from China's drug regulator for zavotinib as a "
     "first-line treatment of lung cancer.", ("NMPA", "approval", "zavotinib", "Halcyon Bio")),
    ("zh", "宁泰医药与合作伙伴辉瑞共同宣布，宁格列汀获美国FDA批准上市。", ("FDA", "approval", "宁格列汀", "宁泰医药")),
    ("zh", "寧泰醫藥與合作夥伴輝瑞共同宣佈，寧格列汀獲美國FDA批准上市。", ("FDA", "approval", "寧格列汀", "寧泰醫藥")),
    # a company named …药业 is a company (not a trade, like 行业)
    ("zh", "瀚海药业的HX-301被国家药监局药品审评中心纳入突破性治疗品种。",
     ("NMPA", "designation", "HX-301", "瀚海药业")),
    ("zh", "瀚海藥業的HX-301獲美國FDA授予突破性療法認定。", ("FDA", "designation", "HX-301", "瀚海藥業")),
])
def test_approvals_sponsor_by_reference_partner_or_yaoye_name(extractor, lang, text, want):
    a = extractor.extract(text, lang=lang).approvals
    assert [(x.regulator, x.event, x.drug, x.company and x.company.name) for x in a] == [want]


@pytest.mark.parametrize("text,want", [
    # the drug an application is for, and the applicant's possessive before the application
    ("The FDA has accepted Halvex Pharma's supplemental biologics license application for tafolimab in urticaria.",
     [("FDA", "filing_accepted", "tafolimab", "Halvex Pharma")]),
    ("US regulators turned down Kestrel's application for Norvexa in migraine, asking for another trial.",
     [("FDA", "rejection", "Norvexa", "Kestrel")]),
    ("The EMA has validated Kestrel's marketing authorisation application for Norvexa.",
     [("EMA", "filing_accepted", "Norvexa", "Kestrel")]),
    ("The FDA issued a complete response letter for Kestrel's Norvexa NDA.", [("FDA", "rejection", "Norvexa", "Kestrel")]),
    # rejected by an agency
    ("Tafolimab was rejected by the FDA last year over safety concerns, Halvex Pharma said.",
     [("FDA", "rejection", "Tafolimab", "Halvex Pharma")]),
    # a brand before ', which was approved' / ', which won approval' (history)
    ("Leqembi, which won approval in the US in 2023, is sold by Eisai and Biogen.", [("FDA", "approval", "Leqembi", "Eisai")]),
    # registered by an agency; cleared for marketing with words between
    ("Australia's Therapeutic Goods Administration has registered Norvexa, Kestrel's migraine drug.",
     [("TGA", "approval", "Norvexa", "Kestrel")]),
    ("Regulators in Japan cleared Halcyon's zavotinib for marketing in March.",
     [("MHLW", "approval", "zavotinib", "Halcyon")]),
    # a second owner's brand in a list
    ("The FDA on Friday approved Halvex's Zelvora for lymphoma and Kestrel's Norvexa for migraine.",
     [("FDA", "approval", "Zelvora", "Halvex"), ("FDA", "approval", "Norvexa", "Kestrel")]),
    # EU regulators / an EU nod are the Commission's; a blessing is an approval
    ("EU regulators have approved Kestrel Pharma's norvatinib for chronic migraine.",
     [("EC", "approval", "norvatinib", "Kestrel Pharma")]),
    ("Halvex's tafolimab gets EU nod for severe asthma", [("EC", "approval", "tafolimab", "Halvex")]),
    ("The FDA gave its blessing to Kestrel's norvatinib for chronic migraine on Thursday.",
     [("FDA", "approval", "norvatinib", "Kestrel")]),
    # the subject that secured an event for a drug named after it is no drug
    ("Halvex secured marketing authorization from the European Commission for tafolimab in asthma.",
     [("EC", "approval", "tafolimab", "Halvex")]),
    # a generic version of a brand: the brand, not 'version'
    ("The FDA approved a generic version of Norvexa made by Sunray Pharma.",
     [("FDA", "approval", "Norvexa", "Sunray Pharma")]),
    # awaiting an agency's decision: that agency is no regulator of the approval named beside it
    ("Halvex is awaiting an FDA decision on tafolimab, which is already approved in Europe.",
     [("EC", "approval", "tafolimab", None)]),
])
def test_approvals_application_rejection_history_and_agency_forms(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # the drug a letter or an application is about, after 关于/就
    ("宁泰医药收到美国FDA关于宁格列汀新药上市申请的完整回复函。", ("FDA", "rejection", "宁格列汀", "宁泰医药")),
    ("寧泰醫藥收到美國FDA關於寧格列汀新藥上市申請的完整回覆函。", ("FDA", "rejection", "寧格列汀", "寧泰醫藥")),
    # 不予批准 is a decision: a rejection, not a negated approval
    ("国家药监局不予批准宁泰医药的宁格列汀上市申请。", ("NMPA", "rejection", "宁格列汀", "宁泰医药")),
    ("國家藥監局不予批准寧泰醫藥的寧格列汀上市申請。", ("NMPA", "rejection", "寧格列汀", "寧泰醫藥")),
    # the EMA's PRIME scheme in Chinese
    ("宁远生物的泽沃替尼获欧洲药品管理局授予优先药物（PRIME）资格。", ("EMA", "designation", "泽沃替尼", "宁远生物")),
    ("寧遠生物的澤沃替尼獲歐洲藥品管理局授予優先藥物（PRIME）資格。", ("EMA", "designation", "澤沃替尼", "寧遠生物")),
])
def test_approvals_zh_letters_about_a_drug_refusals_and_prime(extractor, text, want):
    a = extractor.extract(text, lang="zh").approvals
    assert [(x.regulator, x.event, x.drug, x.company and x.company.name) for x in a] == [want]


def test_approvals_zh_no_acceptance_is_still_no_event(extractor):
    assert extractor.extract("国家药监局不予受理该公司的上市申请。", lang="zh").approvals == []


@pytest.mark.parametrize("text,want", [
    # the drug before the use its application is for (用于治疗 … 的上市/补充申请获批): 用于 opens no condition
    ("宁泰医药的宁格列汀片用于治疗2型糖尿病的上市申请获得国家药监局批准。", ("NMPA", "approval", "宁格列汀片", "宁泰医药")),
    ("寧泰醫藥的寧格列汀片用於治療2型糖尿病的上市申請獲得國家藥監局批准。", ("NMPA", "approval", "寧格列汀片", "寧泰醫藥")),
    ("瑞康医药的舒沃替尼用于治疗套细胞淋巴瘤的补充申请已获国家药监局受理。",
     ("NMPA", "filing_accepted", "舒沃替尼", "瑞康医药")),
])
def test_approvals_zh_application_for_a_use(extractor, text, want):
    a = extractor.extract(text, lang="zh").approvals
    assert [(x.regulator, x.event, x.drug, x.company and x.company.name) for x in a] == [want]


@pytest.mark.parametrize("text,want", [
    # a country right before its agency names the agency: one record, the agency's
    ("日本PMDA已受理宁泰医药宁格列汀的上市申请。", [("PMDA", "filing_accepted", "宁格列汀", "宁泰医药")]),
    ("日本 PMDA 已受理寧泰醫藥寧格列汀的上市申請。", [("PMDA", "filing_accepted", "寧格列汀", "寧泰醫藥")]),
    # a trial notice the agency signs, and leave to run a study, are trial clearances, not approvals
    ("宁泰医药收到国家药监局核准签发的《药物临床试验批准通知书》，NT-208片将于近期启动临床试验。",
     [("NMPA", "trial_clearance", "NT-208", "宁泰医药")]),
    ("寧泰醫藥收到國家藥監局核准簽發的《藥物臨床試驗批准通知書》，NT-208片將於近期啟動臨床試驗。",
     [("NMPA", "trial_clearance", "NT-208", "寧泰醫藥")]),
    ("报告期内，宁泰医药获得国家药监局核准签发的NT-208片《药物临床试验批准通知书》，同意开展II期临床试验。",
     [("NMPA", "trial_clearance", "NT-208", "宁泰医药")]),
    ("瑞康医药的舒沃替尼获FDA批准开展一项全球III期临床研究。", [("FDA", "trial_clearance", "舒沃替尼", "瑞康医药")]),
    ("瑞康醫藥的舒沃替尼獲FDA批准開展一項全球III期臨床研究。", [("FDA", "trial_clearance", "舒沃替尼", "瑞康醫藥")]),
    # an agency that accepted (接受) an application: the filing is accepted, of the drug named
    ("瑞康医药宣布，FDA已接受舒沃单抗的新药上市申请。", [("FDA", "filing_accepted", "舒沃单抗", "瑞康医药")]),
    ("歐洲藥品管理局已接受寧遠生物澤沃替尼的上市許可申請。", [("EMA", "filing_accepted", "澤沃替尼", "寧遠生物")]),
    # an INN shape right after its company's name, and more INN stems (-ciclib 西利, -lutamide 鲁胺, -fenib 非尼)
    ("国家药监局已受理宁远生物宁格列汀的上市申请。", [("NMPA", "filing_accepted", "宁格列汀", "宁远生物")]),
    ("國家藥監局批准寧遠生物澤爾西利上市。", [("NMPA", "approval", "澤爾西利", "寧遠生物")]),
    ("国家药监局批准宁远生物的泽维鲁胺片上市。", [("NMPA", "approval", "泽维鲁胺片", "宁远生物")]),
])
def test_approvals_zh_agency_after_country_trial_notices_and_accepted(extractor, text, want):
    a = extractor.extract(text, lang="zh").approvals
    assert [(x.regulator, x.event, x.drug, x.company and x.company.name) for x in a] == want


def test_approvals_zh_receiving_a_treatment_is_no_acceptance(extractor):
    assert extractor.extract("患者接受舒沃单抗治疗后肿瘤明显缩小。", lang="zh").approvals == []


@pytest.mark.parametrize("text,want", [
    # a generic name with its trade name in brackets (商品名：…): the drug is the generic name, the brand the trade name
    ("瑞康医药宣布，舒沃单抗注射液（商品名：瑞沃达）的上市申请获得国家药监局受理。",
     ("NMPA", "filing_accepted", "舒沃单抗注射液", "瑞沃达", "瑞康医药")),
    ("寧遠生物的澤沃替尼片（商品名為「寧沃」）獲歐盟委員會批准上市。", ("EC", "approval", "澤沃替尼片", "寧沃", "寧遠生物")),
])
def test_approvals_zh_generic_name_with_its_trade_name(extractor, text, want):
    a = extractor.extract(text, lang="zh").approvals
    assert [(x.regulator, x.event, x.drug, x.brand, x.company and x.company.name) for x in a] == [want]


@pytest.mark.parametrize("text,want", [
    # greenlit / green-lit / rubber-stamped are approvals, and name the drug beside them
    ("Halvex said its antibody tafolimab was greenlit by China's NMPA for severe asthma.",
     [("NMPA", "approval", "tafolimab", "Halvex")]),
    ("Kestrel's Norvexa has been green-lit in Japan for migraine.", [("MHLW", "approval", "Norvexa", "Kestrel")]),
    ("Britain's MHRA rubber-stamped Halvex's Zelvora for severe asthma.", [("MHRA", "approval", "Zelvora", "Halvex")]),
    # a go-ahead to a named drug (not to a company to start a trial)
    ("The FDA gave the go-ahead to Kestrel's Norvexa, the first pill for the condition.",
     [("FDA", "approval", "Norvexa", "Kestrel")]),
    # a label expanded or a label expansion for a drug: the drug's approval
    ("The FDA expanded the label of Halvex's Zelvora to include children aged six and older.",
     [("FDA", "approval", "Zelvora", "Halvex")]),
    ("The FDA approved a label expansion for Norvexa to include adolescents, Kestrel said.",
     [("FDA", "approval", "Norvexa", "Kestrel")]),
    # an agency's name is no sponsor, even when it is the only name the text has
    ("The European Medicines Agency's human medicines committee recommended approval of Norvexa for migraine.",
     [("EMA", "positive_opinion", "Norvexa", None)]),
])
def test_approvals_en_greenlit_rubber_stamped_label_expansions(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


def test_approvals_en_a_rubber_stamped_merger_is_no_event(extractor):
    assert extractor.extract("Shareholders rubber-stamped the merger of Halvex and Kestrel.", lang="en").approvals == []


@pytest.mark.parametrize("text,want", [
    # 得益于 / 鉴于 open no condition: the approval told as the reason of a result is an event
    ("2025年公司营收增长35%，主要得益于泽沃替尼片在国内获批上市后快速放量。", [("NMPA", "approval", "泽沃替尼片")]),
    ("2025年公司營收增長35%，主要得益於澤沃替尼片在國內獲批上市後快速放量。", [("NMPA", "approval", "澤沃替尼片")]),
    # the drug a letter is about after 涉及(其)
    ("宁泰医药收到美国FDA的完整回复函，涉及其宁格列汀片的新药上市申请。", [("FDA", "rejection", "宁格列汀片")]),
    ("寧泰醫藥收到美國FDA的完整回覆函，涉及其寧格列汀片的新藥上市申請。", [("FDA", "rejection", "寧格列汀片")]),
    # a registration certificate the agency issues is the approval; one planned is none
    ("宁泰医药的NT-301胶囊于12月1日获得国家药监局签发的药品注册证书。", [("NMPA", "approval", "NT-301")]),
    ("寧泰醫藥的NT-301膠囊於12月1日獲得國家藥監局簽發的《藥品註冊證書》。", [("NMPA", "approval", "NT-301")]),
    ("宁泰医药计划于明年取得NT-301的药品注册证书。", []),
])
def test_approvals_zh_reasons_letters_about_and_registration_certificates(extractor, text, want):
    got = [(a.regulator, a.event, a.drug) for a in extractor.extract(text, lang="zh").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # an approved supplemental application for an owner's drug names the drug and its owner
    ("The FDA has approved a supplemental new drug application for Kestrel's Norvexa to treat adolescents.",
     [("FDA", "approval", "Norvexa", "Kestrel")]),
    # informal verbs of receiving before the drug, and granting or nodding through an owner's drug
    ("Norvexa snagged breakthrough therapy designation from the FDA in May.",
     [("FDA", "designation", "Norvexa", None)]),
    ("The MHRA granted Kestrel's Norvexa a marketing authorisation in Great Britain.",
     [("MHRA", "approval", "Norvexa", "Kestrel")]),
    ("The FDA nodded through Halvex's zavotinib as a second-line treatment.",
     [("FDA", "approval", "zavotinib", "Halvex")]),
    # 'orphan drug status' holds no drug called 'status'
    ("Zelvora won orphan drug status in the EU.", [("EC", "designation", "Zelvora", None)]),
    # a decision that cleared the way to launch a drug is its approval; one that cleared a takeover is none
    ("The European Commission's decision cleared the way for Kestrel to launch Norvexa across the EU.",
     [("EC", "approval", "Norvexa", None)]),
    ("The FTC's ruling cleared the way for Halvex to complete its acquisition of Kestrel.", []),
])
def test_approvals_en_supplements_informal_verbs_and_cleared_the_way(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # two owners' drugs in one approval: each drug its own owner's, whatever follows the list
    ("Regulators in Japan approved Halvex's tafolimab and Kestrel's Norvexa in the same week.",
     [("MHLW", "approval", "tafolimab", "Halvex"), ("MHLW", "approval", "Norvexa", "Kestrel")]),
    ("The FDA approved Halvex's tafolimab and Kestrel's Norvexa on Friday.",
     [("FDA", "approval", "tafolimab", "Halvex"), ("FDA", "approval", "Norvexa", "Kestrel")]),
])
def test_approvals_en_two_owners_drugs_in_one_approval(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # the drug after 受理 … 的上市申请
    ("宁泰医药宣布，欧洲药品管理局已确认受理宁格列汀片的上市许可申请。", [("EMA", "filing_accepted", "宁格列汀片", "宁泰医药")]),
    ("寧泰醫藥宣佈，歐洲藥品管理局已確認受理寧格列汀片的上市許可申請。", [("EMA", "filing_accepted", "寧格列汀片", "寧泰醫藥")]),
    # approved for inclusion in a list: the designation only
    ("宁泰医药旗下的NT-301获批纳入突破性治疗品种名单。", [(None, "designation", "NT-301", "宁泰医药")]),
    ("寧泰醫藥旗下的NT-301獲批納入突破性治療品種名單。", [(None, "designation", "NT-301", "寧泰醫藥")]),
    # two companies' drugs in one list, each after its company's name
    ("国家药监局附条件批准宁远生物泽沃替尼、瑞康医药舒沃单抗上市。",
     [("NMPA", "approval", "泽沃替尼", "宁远生物"), ("NMPA", "approval", "舒沃单抗", "瑞康医药")]),
    ("國家藥監局附條件批准寧遠生物澤沃替尼、瑞康醫藥舒沃單抗上市。",
     [("NMPA", "approval", "澤沃替尼", "寧遠生物"), ("NMPA", "approval", "舒沃單抗", "瑞康醫藥")]),
])
def test_approvals_zh_accepted_after_shouli_inclusions_and_company_lists(extractor, text, want):
    a = extractor.extract(text, lang="zh").approvals
    assert [(x.regulator, x.event, x.drug, x.company and x.company.name) for x in a] == want


@pytest.mark.parametrize("text,want", [
    # a drug with its approval as an appositive participle: a past event
    ("Norvexa, approved by the FDA last year, is now sold in 30 countries.", [("FDA", "approval", "Norvexa")]),
    # the chance of an approval, and a payment due when a drug is approved: no event
    ("Analysts see a 70% chance of FDA approval for Norvexa.", []),
    ("Halvex will receive a $50 million milestone when Norvexa is approved in Japan.", []),
    # a past 'when': still the event
    ("When Norvexa was approved in Japan in 2019, Kestrel had no sales force there.", [("MHLW", "approval", "Norvexa")]),
])
def test_approvals_en_appositive_approved_chances_and_when(extractor, text, want):
    got = [(a.regulator, a.event, a.drug) for a in extractor.extract(text, lang="en").approvals]
    assert got == want


@pytest.mark.parametrize("text,want", [
    # an IND named with its acronym in brackets, a trial the agency authorised, a 'study may proceed' letter and a
    # notice of approval for a clinical trial (wire translations of 临床试验批准通知书) are trial clearances
    ("Dornel Bio said the FDA has cleared its Investigational New Drug (IND) application for DB-402.",
     [("FDA", "trial_clearance", "DB-402", "Dornel Bio")]),
    ("Heronbrook Bio won clearance from Australia's Therapeutic Goods Administration to run a first-in-human study of HB-12.",
     [("TGA", "trial_clearance", "HB-12", "Heronbrook Bio")]),
    ("The MHRA authorised a clinical trial of Fenwick Bio's FW-301 in sickle cell disease.",
     [("MHRA", "trial_clearance", "FW-301", "Fenwick Bio")]),
    ("Brightwater Therapeutics has received a study may proceed letter from the FDA for BWT-88.",
     [("FDA", "trial_clearance", "BWT-88", "Brightwater Therapeutics")]),
    ("Yunlan Bio received the Notice of Approval for Drug Clinical Trial issued by the NMPA for YL-17 capsules.",
     [("NMPA", "trial_clearance", "YL-17", "Yunlan Bio")]),
    # the committee's advice: for a drug a positive opinion (not an approval besides), against it the EMA's refusal
    ("The CHMP adopted a positive opinion on Friday recommending marketing authorisation for Kestrel Pharma's Norvexa.",
     [("EMA", "positive_opinion", "Norvexa", "Kestrel Pharma")]),
    ("The committee is recommending the granting of a marketing authorisation for Orrin Bio's Zelvora.",
     [("EMA", "positive_opinion", "Zelvora", "Orrin Bio")]),
    ("The CHMP recommended refusing marketing authorisation for Tarvanex, Odell Biopharma's antibody.",
     [("EMA", "rejection", "Tarvanex", "Odell Biopharma")]),
    ("The CHMP gave a negative opinion on Kestrel's Norvexa in lupus.", [("EMA", "rejection", "Norvexa", "Kestrel")]),
    # an orphan medicinal product named by the Commission; PRIME is the EMA's scheme whoever 'the agency' is
    ("The European Commission designated Marlow Bio's pelitinib an orphan medicinal product for desmoid tumours.",
     [("EC", "designation", "pelitinib", "Marlow Bio")]),
    ("The agency granted PRIME status to Arvelle Genetics for AVG-210.",
     [("EMA", "designation", "AVG-210", "Arvelle Genetics")]),
    # an accepted application told with a long description of its drug; registrations and registration certificates
    ("The marketing application for its Class 1 innovative drug TM-103 tablets has been accepted by the CDE, "
     "Tianmu Pharma said.", [("NMPA", "filing_accepted", "TM-103", "Tianmu Pharma")]),
    ("The Therapeutic Goods Administration granted provisional registration to Quorra Health's QH-88.",
     [("TGA", "approval", "QH-88", "Quorra Health")]),
    ("Yunlan Bio obtained the Drug Registration Certificate issued by the NMPA for ruvatinib tablets.",
     [("NMPA", "approval", "ruvatinib", "Yunlan Bio")]),
    ("Yunlan Bio expects to obtain the drug registration certificate for ruvatinib next year.", []),
])
def test_approvals_en_trial_notices_committee_advice_orphans_and_registrations(extractor, text, want):
    got = [(a.regulator, a.event, a.drug, a.company.name if a.company else None)
           for a in extractor.extract(text, lang="en").approvals]
    assert got == want


def test_approvals_headline_without_agency_is_the_body_event(extractor):
    # a headline names the event and no agency, the body the agency: one record (a second event of the drug dated
    # apart in the body stays its own)
    text = ("Lindmark's Zentavo wins wider U.S. label\n\nThe FDA has expanded the approval of Lindmark Pharma's Zentavo "
            "to include adolescents with chronic urticaria.")
    got = [(a.regulator, a.event, a.drug) for a in extractor.extract(text, lang="en").approvals]
    assert got == [("FDA", "approval", "Zentavo")]


@pytest.mark.parametrize("text,want", [
    # an INN shape right after its class word ('BTK抑制剂天布替尼'), simplified and traditional
    ("天衡生物宣布，其自主研发的BTK抑制剂天布替尼已获日本厚生劳动省批准上市。", [("MHLW", "approval", "天布替尼", "天衡生物")]),
    ("天衡生物宣佈，其自主研發的BTK抑制劑天布替尼已獲日本厚生勞動省批准上市。", [("MHLW", "approval", "天布替尼", "天衡生物")]),
    # a biosimilar's INN starts after its company, with or without 的; the MHRA's name with 监管局
    ("英国药品和保健品监管局批准了海川药业的司美格鲁肽生物类似药HC-0921上市。", [("MHRA", "approval", "司美格鲁肽", "海川药业")]),
    ("國家藥監局批准海川藥業司美格魯肽生物類似藥HC-0921上市。", [("NMPA", "approval", "司美格魯肽", "海川藥業")]),
    # the company whose filing the agency approved ('批准X申报的…'), after a name finder ran over the event word; the
    # priority procedure an approval went through is no event of its own (traditional like simplified)
    ("国家药监局通过优先审评程序附条件批准启明星辰生物制药有限公司申报的1类创新药瑞达妥单抗注射液上市。",
     [("NMPA", "approval", "瑞达妥单抗注射液", "启明星辰生物制药有限公司")]),
    ("國家藥監局通過優先審評程序附條件批准啟明星辰生物製藥有限公司申報的1類創新藥瑞達妥單抗注射液上市。",
     [("NMPA", "approval", "瑞達妥單抗注射液", "啟明星辰生物製藥有限公司")]),
    # the company that filed the application the agency accepted ('受理X提交的Y…申请', '遞交的')
    ("欧洲药品管理局已受理宁远生物提交的舒沃单抗上市许可申请。", [("EMA", "filing_accepted", "舒沃单抗", "宁远生物")]),
    ("國家藥監局已受理恆康藥業遞交的澤沃替尼片上市申請。", [("NMPA", "filing_accepted", "澤沃替尼片", "恆康藥業")]),
    # a notice (通知书) and the agency named twice are no drugs
    ("华泰康生物关于HTK-301注射液获得药物临床试验批准通知书的公告。近日，华泰康生物收到国家药监局核准签发的《药物临床试验批准通知书》。",
     [("NMPA", "trial_clearance", "HTK-301", "华泰康生物")]),
    ("同日，国家药监局还批准了青岚药业的兰替尼片。该药于2023年首次在国内获批上市，国家药监局表示将继续加快审评。",
     [("NMPA", "approval", "兰替尼片", "青岚药业")]),
    # an inclusion a company strives or plans for is no event; the agency's proposed inclusion (拟纳入) is the designation
    ("和晟药业表示将争取纳入优先审评。", []),
    ("景瀾生物計劃申請將JL-330納入突破性治療品種。", []),
    ("药审中心拟将北岳医药的BY-310胶囊纳入突破性治疗品种。", [("NMPA", "designation", "BY-310", "北岳医药")]),
])
def test_approvals_zh_class_words_biosimilars_filers_notices_and_hoped_inclusions(extractor, text, want):
    a = extractor.extract(text, lang="zh").approvals
    assert [(x.regulator, x.event, x.drug, x.company and x.company.name) for x in a] == want


@pytest.mark.parametrize("text,want", [
    # a generic name with its trade name in brackets, read back leftmost over the agency, its verb or a product word:
    # the drug is the generic name alone
    ("国家药监局批准泽沃替尼片（商品名：宁沃）上市，用于治疗非小细胞肺癌。", [("NMPA", "approval", "泽沃替尼片")]),
    ("國家藥監局批准澤沃替尼片（商品名：寧沃）上市。", [("NMPA", "approval", "澤沃替尼片")]),
    ("公司产品泽沃替尼片（商品名：宁沃）获国家药监局批准上市。", [("NMPA", "approval", "泽沃替尼片")]),
])
def test_approvals_zh_trade_name_pair_without_the_words_before_it(extractor, text, want):
    got = [(a.regulator, a.event, a.drug) for a in extractor.extract(text, lang="zh").approvals]
    assert got == want


def test_approvals_designation_without_agency_is_not_another_designations_headline(extractor):
    # a second designation of the drug with no agency is no headline of the first (a designation is one of several
    # kinds: the regulator-less record is dropped only for the same kind)
    text = ("Tamsin Bio's TMB-4 won FDA Breakthrough Therapy designation in psoriasis.\n\n"
            "TMB-4 also holds orphan drug designation for a rare skin disorder.")
    got = [(a.regulator, a.designation, a.drug) for a in extractor.extract(text, lang="en").approvals]
    assert got == [("FDA", "breakthrough_therapy", "TMB-4"), (None, "orphan_drug", "TMB-4")]
