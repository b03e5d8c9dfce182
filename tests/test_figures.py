"""Company, product and market figures: tables of phrasings in both languages (our own sentences), and amounts
that are never figures (SCHEMA.md "Not figures")."""

from __future__ import annotations

from decimal import Decimal

import pytest

# (lang, text, (subject, metric, amount, currency or unit, period, change_pct))
FIGURES = [
    ("en", "Halcyon Bio reported revenue of $1.2 billion for 2024, up 15% year on year.",
     ("Halcyon Bio", "revenue", 1200000000, "USD", "FY2024", 15.0)),
    ("en", "Kestrel Pharma's net loss narrowed 20% to $45 million in the first half of 2025.",
     ("Kestrel Pharma", "net_loss", 45000000, "USD", "H1 2025", -20.0)),
    ("en", "Zelvora had sales of $800 million in the third quarter of 2025.",
     ("Zelvora", "product_sales", 800000000, "USD", "Q3 2025", None)),
    ("en", "Halcyon Bio said its R&D expenses were $300 million in fiscal year 2024.",
     ("Halcyon Bio", "r_and_d_expense", 300000000, "USD", "FY2024", None)),
    ("en", "The market size of rare-disease drugs reached 90 billion yuan in 2024.",
     ("rare-disease drugs", "market_size", 90000000000, "CNY", "2024", None)),
    ("en", "Kestrel Pharma's net income rose 12% to EUR 410 million in the first nine months of 2024.",
     ("Kestrel Pharma", "net_profit", 410000000, "EUR", "9M 2024", 12.0)),
    ("zh", "瑞康医药2024年营业收入为25.6亿元，同比增长12.5%。", ("瑞康医药", "revenue", 2560000000, "CNY", "FY2024", 12.5)),
    ("zh", "2025年上半年，宁远生物归母净亏损为3.2亿元。", ("宁远生物", "net_loss", 320000000, "CNY", "H1 2025", None)),
    ("zh", "宁远生物公告称，2024年前三季度公司研发费用为5.1亿元，同比增长20.3%。",
     ("宁远生物", "r_and_d_expense", 510000000, "CNY", "9M 2024", 20.3)),
    ("zh", "瑞康醫藥2024年營業收入為25.6億元，同比下降8.5%。", ("瑞康醫藥", "revenue", 2560000000, "CNY", "FY2024", -8.5)),
]

# amounts that are never figures: a deal's own amounts, prices, market capitalisation, guidance, per-share values
NON_FIGURES = [
    ("en", "Halcyon Bio will pay $50 million upfront and up to $500 million in milestones to Kestrel Pharma."),
    ("en", "Kestrel Pharma shares rose 5% to $12.50, giving it a market capitalization of $3 billion."),
    ("en", "Halcyon Bio reaffirmed its 2026 revenue guidance of $1.5-$1.7 billion."),
    ("en", "Kestrel Pharma's earnings per share rose to $1.20 in 2024."),
    ("zh", "瑞康医药股价上涨3%，市值达500亿港元。"),
    ("zh", "宁远生物将获得2亿美元首付款及最高10亿美元的里程碑付款。"),
    # a company's value on the market, its cash, forecasts and the analysts' consensus
    ("en", "Kestrel Pharma shares rose 9%, giving the company a market value of about HK$5.2 billion."),
    ("en", "Halcyon Bio, whose market value has swung between $15 billion and $22 billion this year, declined to comment."),
    ("en", "Kestrel Pharma had $310 million in cash at the end of March."),
    ("en", "Halcyon Bio lifted its full-year revenue forecast to 100 billion yen."),
    ("en", "For fiscal 2025, Kestrel Pharma forecasts revenue of 98.0 billion yen and core operating profit of 15.5 billion yen."),
    # the total of one deal
    ("en", "China's out-licensing deals rose in 2025. With milestones, the total deal value could reach as much as "
           "$11.4 billion, the companies said."),
    ("zh", "2025年中国创新药对外授权交易活跃。公司表示，本次交易总额最高可达84亿美元，为目前中国创新药单品对外授权的最高纪录。"),
    ("zh", "报告指出，单笔交易中首付款最高者约2亿美元，总金额最高的一宗接近20亿美元。"),
    # a guidance range said with "between", thresholds, and estimates of peak sales
    ("en", "Kestrel Pharma guided for 2025 revenue between CHF 215 million and CHF 230 million."),
    ("en", "Halcyon Bio will pay US$50 million each time Zelvora's annual worldwide sales pass one of three thresholds "
           "between US$1.5 billion and US$2.5 billion."),
    ("en", "Analysts have forecast peak global sales of about $1 billion for Kestrel Pharma's tafolimab."),
    # a deal's terms and the accounting of one: an equity investment, payments tied to approvals, deferred revenue
    ("en", "Kestrel Pharma sold the therapy to Halcyon Bio for EUR 50m at closing, with up to €300 million more tied to "
           "approvals and sales in 2025."),
    ("en", "In return, Halcyon Bio will receive tiered royalties on net sales of KP-220 and fixed payments of up to "
           "$540 million tied to approvals in the US and EU."),
    # one contract's capped total; balance-sheet lines (净资产, 货币资金)
    ("zh", "2024年中国高校专利许可交易活跃。宁远大学将专利许可给瑞康医药，合同总金额不超过3.2亿元。"),
    ("zh", "截至2024年12月31日，宁远生物经审计的净资产为人民币12,345.67万元，本次首付款约占公司最近一期经审计净资产的"
           "2.1%，不会对公司当期财务状况产生重大影响。"),
    # a forecast with no year of its own
    ("en", "The global market for obesity therapies is widely forecast to pass USD100 billion by the end of the decade."),
    # commitments, payments and orders of magnitude
    ("zh", "宁远生物原股东承诺，2025年至2027年宁远生物扣除非经常性损益后的净利润分别不低于1.1亿元、1.3亿元和1.5亿元。"),
    ("zh", "销售里程碑款：根据转让产品上市后年度净销售额达成情况，瑞康医药向宁远生物支付合计不超过人民币25,000万元。"),
    ("zh", "分析师认为，全球TROP2 ADC市场规模有望在2030年达到百亿美元级别。"),
]


def _figures(extractor, lang, text):
    return extractor.extract(text, lang=lang).figures


def _row(f):
    v = f.value
    return (f.subject_name, f.metric, int(v.amount) if v.amount == v.amount.to_integral_value() else float(v.amount),
            getattr(v, "currency", None) or getattr(v, "unit", None), f.period, f.change_pct)


@pytest.mark.parametrize("lang,text,want", FIGURES, ids=[f"{f[0]}-{f[2][1]}-{i}" for i, f in enumerate(FIGURES)])
def test_figures_phrasing(extractor, lang, text, want):
    got = [_row(f) for f in _figures(extractor, lang, text)]
    assert got == [want]


@pytest.mark.parametrize("lang,text", NON_FIGURES, ids=[f"{n[0]}-{i}" for i, n in enumerate(NON_FIGURES)])
def test_figures_non_figures(extractor, lang, text):
    assert _figures(extractor, lang, text) == []


def test_figures_market_trajectory_and_shares(extractor):
    text = ("The market size of rare-disease drugs grew from 40 billion yuan in 2019 to 90 billion yuan in 2024, "
            "lifting its market share from 10.5% to 14.2%.")
    got = [(f.metric, f.value.amount, f.period) for f in _figures(extractor, "en", text)]
    assert got == [("market_size", Decimal(40000000000), "2019"), ("market_size", Decimal(90000000000), "2024"),
                   ("market_share", Decimal("10.5"), "2019"), ("market_share", Decimal("14.2"), "2024")]


def test_figures_results_table_under_a_units_header(extractor):
    text = ("宁远生物有限公司\n宁远生物2025年半年度主要财务数据公告\n单位:人民币千元\n项目 本报告期 上年同期 增减变动幅度(%)\n"
            "营业总收入 1,250,000 1,000,000 25.0\n净利润 -300,000 -350,000 不适用\n总资产 9,000,000 8,800,000 2.3\n")
    got = [_row(f) for f in _figures(extractor, "zh", text)]
    assert ("宁远生物", "revenue", 1250000000, "CNY", "H1 2025", 25.0) in [(g[0][:4],) + g[1:] for g in got]
    assert any(g[1] == "net_loss" and g[2] == 300000000 for g in got)
    assert not any(g[2] == 9000000000 for g in got)  # balance-sheet lines are no figures
    # the column the heading names 上年同期 is the same period a year before
    assert ("宁远生物", "revenue", 1000000000, "CNY", "H1 2024", None) in [(g[0][:4],) + g[1:] for g in got]
    assert any(g[1] == "net_loss" and g[2] == 350000000 and g[4] == "H1 2024" for g in got)


def test_figures_industry_statistics_are_deal_values(extractor):
    text = "据统计，今年以来中国创新药已发生30起对外授权交易，首付款约20亿美元，总金额达300亿美元。"
    got = {(f.metric, int(f.value.amount)) for f in _figures(extractor, "zh", text) if f.metric != "count"}
    assert got == {("deal_value", 2000000000), ("deal_value", 30000000000)}


def test_figures_deal_amounts_never_become_figures(extractor):
    text = ("Halcyon Bio licensed tafolimab to Kestrel Pharma for $80 million upfront. Halcyon Bio's revenue was "
            "$300 million in 2024.")
    rec = extractor.extract(text, lang="en")
    assert [(f.metric, int(f.value.amount)) for f in rec.figures] == [("revenue", 300000000)]


def test_figures_realdev_cases_score(realdev_report):
    """Real published texts (skipped where ../shared/realdev is absent)."""
    from newsextract.quality.evaluate import summarize_kind

    for lang in ("en", "zh"):
        s = summarize_kind([r for r in realdev_report.articles if r.lang == lang], "figures")
        assert s["micro"]["f1"] is not None and s["micro"]["f1"] >= 0.6, (lang, s["micro"])


# --- phrasing families added with the realdev figures work (our own sentences) ---------------------------------

FIGURES_MORE = [
    # a change given as an amount, then in %
    ("en", "Net sales of Zelvora were USD 1,250 million in the first half of 2024 compared to USD 1,000 million in the "
           "first half of 2023, an increase of USD 250 million, or 25%.",
     ("Zelvora", "product_sales", 1250000000, "USD", "H1 2024", 25.0)),
    # a change said as a multiple
    ("en", "In Q2 2025, the value of licensing deals involving Indian drugmakers doubled to $4.2 billion.",
     ("licensing deals involving Indian drugmakers", "deal_value", 4200000000, "USD", "Q2 2025", 100.0)),
    ("zh", "2025年上半年，中国创新药对外授权交易总金额同比翻倍至600亿美元。",
     ("中国创新药对外授权交易", "deal_value", 60000000000, "USD", "H1 2025", 100.0)),
    # a product with an aside before its sales
    ("en", "Norvexa, co-marketed with Kestrel Pharma in Europe, saw sales climb to $395 million in fiscal year 2024.",
     ("Norvexa", "product_sales", 395000000, "USD", "FY2024", None)),
    # the product named after the metric
    ("en", "Halcyon Bio reported $208 million in full-year 2025 net sales of Vextra.",
     ("Vextra", "product_sales", 208000000, "USD", "FY2025", None)),
    # a period by its end
    ("en", "Halcyon Bio reported revenue of $88.6 million for the quarter ended September 30, 2024.",
     ("Halcyon Bio", "revenue", 88600000, "USD", "Q3 2024", None)),
    # a name glued to its stock code is the company when none is recognised
    ("en", "QUILLMORE PHARMA(02468) 2024 annual results\nRevenue for the year was RMB 3.1 billion, an increase of 12.4%.",
     ("QUILLMORE PHARMA", "revenue", 3100000000, "CNY", "FY2024", 12.4)),
]


@pytest.mark.parametrize("lang,text,want", FIGURES_MORE, ids=[f"{f[0]}-{f[2][1]}-{i}" for i, f in enumerate(FIGURES_MORE)])
def test_figures_more_phrasings(extractor, lang, text, want):
    got = [_row(f) for f in _figures(extractor, lang, text) if f.metric != "count"]
    assert got == [want]


NON_FIGURES_MORE = [
    ("en", "Royalties of 20% of net sales are payable until such time as royalties cumulatively total $100.0 million."),
    ("en", "The combined company will offer nine products with more than $1 billion in annual sales."),
    ("en", "The weaker yen added approximately ¥66.8 billion to the company’s revenue."),
    ("en", "The shares sank 40%, wiping out roughly $640 million of market value."),
    ("en", "Our research and development expenses were $96.2 million in 2024."),  # "we", never named
    ("zh", "在大中华区，双方成本分摊比例为传奇占70%，合作方占30%。"),  # a split, no market named
]


@pytest.mark.parametrize("lang,text", NON_FIGURES_MORE, ids=[f"{n[0]}-{i}" for i, n in enumerate(NON_FIGURES_MORE)])
def test_figures_more_non_figures(extractor, lang, text):
    assert [f for f in _figures(extractor, lang, text) if f.metric != "count"] == []


def test_figures_segments_and_changes_respectively(extractor):
    text = ("Oncology accounted for 48% of these deals. Other areas such as neurology and rare diseases have also had "
            "interest, accounting for 15% and 9% of deal activity, respectively.")
    got = [(f.subject, f.value.amount) for f in _figures(extractor, "en", text)]
    assert got == [("Oncology", Decimal(48)), ("neurology", Decimal(15)), ("rare diseases", Decimal(9))]
    zh = "前三季度，宁远生物总营收约为12.5亿元，归母净利润约为3.2亿元，增幅分别为18.5%、22.4%。"
    assert [(f.metric, f.change_pct) for f in _figures(extractor, "zh", zh)] == [("revenue", 18.5), ("net_profit", 22.4)]


def test_figures_periods_respectively_and_from_context(extractor):
    text = ("Halcyon Bio's total revenue was $9.4 million and $21.8 million for the years ended December 31, 2024 "
            "and 2023, respectively.")
    assert [(int(f.value.amount), f.period) for f in _figures(extractor, "en", text)] == [
        (9400000, "FY2024"), (21800000, "FY2023")]
    # a yearless period takes the year in force, not the year of the comparison base
    text = ("Kestrel Pharma reported results for the first half of 2025. Its free cash flow was $1.7 billion in the "
            "second quarter versus $2.7 billion in the second quarter of 2024.")
    assert [(int(f.value.amount), f.period) for f in _figures(extractor, "en", text)] == [(1700000000, "Q2 2025")]


def test_figures_tables_by_columns_and_flattened(extractor):
    text = ("HALVERN BIOSCIENCES, INC.\nNOTES TO CONDENSED FINANCIAL STATEMENTS\n(in thousands, except per share amounts)\n\n"
            "                          Three Months Ended      Nine Months Ended\n"
            "                             September 30,           September 30,\n"
            "                           2025       2024         2025       2024\n"
            "Collaboration revenue   $ 10,100   $  2,000     $ 25,000   $  8,000\n"
            "Operating expenses:\n"
            "  Research and development   30,500     25,000       90,000     80,000\n"
            "Net loss               $ (21,000)  $ (24,000)   $ (66,000)  $ (73,000)\n"
            "Net loss per share, basic\n  and diluted         $  (0.50)  $  (0.60)    $  (1.50)  $  (1.70)\n")
    got = {(f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "en", text)}
    assert got == {("revenue", 10100000, "Q3 2025"), ("revenue", 25000000, "9M 2025"),
                   ("r_and_d_expense", 30500000, "Q3 2025"), ("r_and_d_expense", 90000000, "9M 2025"),
                   ("net_loss", 21000000, "Q3 2025"), ("net_loss", 66000000, "9M 2025")}
    flat = ("Kestrel Pharma reports sales growth in the first quarter of 2025. Key figures In millions of CHF "
            "January – March 2025 2024 2025 2024 At CER Group sales 5,200 5,000 100 100 +4 +3 "
            "Oncology Division 4,100 3,900 79 78 +5 +4 Europe 1,100 1,000 21 20 +6 +5\n")
    got = [(f.subject_name, f.metric, int(f.value.amount), f.period, f.change_pct)
           for f in _figures(extractor, "en", flat)]
    assert ("Kestrel Pharma", "revenue", 5200000000, "Q1 2025", 4.0) in got
    assert ("Kestrel Pharma Oncology Division", "revenue", 4100000000, "Q1 2025", 5.0) in got
    assert not any(g[2] == 1100000000 for g in got)  # a region's row names no metric


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_trigger_scanned_near_its_literals_finds_what_a_full_scan_finds(lang):
    from pathlib import Path

    from newsextract.finders.reports import _trigger_starts, report_vocab

    vocab = report_vocab(lang)
    root = Path(__file__).resolve().parents[1] / "corpus" / lang
    for path in sorted(root.glob("*.txt"))[:60]:
        low = path.read_text(encoding="utf-8").lower()
        for trigger in (vocab.approval_trigger, vocab.figure_trigger):
            assert _trigger_starts(trigger, low) == [m.start() for m in trigger.finditer(low)], path.name


@pytest.mark.parametrize("text", ["据医药魔方统计,2025年中国新药对外授权交易总金额1357亿美元。",
                                  "据统计，2025 年中國新藥對外授權交易總金額 1357 億美元。"])
def test_figures_a_market_after_its_year_and_an_ascii_comma(extractor, text):
    """'…统计,2025年中国新药对外授权交易…': the year is the period (an ASCII comma before it is no digit group)
    and no part of the market's name."""
    got = extractor.extract(text, lang="zh").figures
    assert [(f.subject, f.period) for f in got] in ([("中国新药对外授权交易", "2025")], [("中國新藥對外授權交易", "2025")])


def test_figures_a_comparison_base_year_is_not_the_figures_period(extractor):
    """'(2023: €24.7 million)', 'an increase of 22% over 2023', 'up 45% from the first half of 2024': the year
    named is the base's; the figure's is the one the passage reports on."""
    text = ("Halvorsen Pharma reports full-year 2024 results\n\nFull-year 2024 financial results\n"
            "Research and development expenses were €30.1 million (2023: €24.7 million). "
            "Halvorsen Pharma reported revenue of €186.4 million, an increase of 22% over 2023.")
    got = sorted((f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "en", text))
    assert got == [("r_and_d_expense", 30100000, "FY2024"), ("revenue", 186400000, "FY2024")]
    text = "Kestrel Bio's revenues for the first half of 2025 were $8.7 million, up 45% from the first half of 2024."
    assert [(f.metric, f.period) for f in _figures(extractor, "en", text)] == [("revenue", "H1 2025")]


def test_figures_company_is_the_one_the_headline_names_with_its_stock_code(extractor):
    """A results summary headed '<company>（code）…业绩要点': its bullets are that company's, not those of the partner
    a later bullet names twice."""
    text = ("AI摘要｜宁远生物（2785.HK）2025年中期业绩要点\n\n"
            "- 收入：7.82亿元人民币，同比增长126%\n"
            "- 研发开支：5.6亿元人民币，同比增长12%\n"
            "- 期内与美国Kestrel Pharma订立授权协议，Kestrel Pharma获得大中华区以外权益\n")
    got = sorted((f.subject_name, f.metric) for f in _figures(extractor, "zh", text))
    assert got == [("宁远生物", "r_and_d_expense"), ("宁远生物", "revenue")]


def test_figures_zh_market_subject_without_its_period_and_a_markets_full_year_is_a_year(extractor):
    """'上半年中国创新药对外授权交易': the market is what follows the period words; a market's 全年 is the year
    (a point in time), not a fiscal year."""
    got = [(f.subject_name, f.metric, f.period) for f in
           _figures(extractor, "zh", "2025年上半年中国创新药对外授权交易总金额达608亿美元。")]
    assert got == [("中国创新药对外授权交易", "deal_value", "H1 2025")]
    got = [(f.subject_name, f.metric, f.period) for f in
           _figures(extractor, "zh", "2024年全年中国创新药对外授权交易总金额超过500亿美元。")]
    assert got == [("中国创新药对外授权交易", "deal_value", "2024")]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halvard Biosciences reported 2024 revenue of $800 million. Its lead drug Zelvora (tafolimab) won FDA "
           "approval in 2023. Net sales of the drug reached $210 million in the first nine months of 2025, up 80%.",
     ("Zelvora", "product_sales", 210000000, "USD", "9M 2025", 80.0)),
    ("en", "Halvard Biosciences reported 2024 revenue of $800 million, with tafolimab contributing $210 million.",
     ("tafolimab", "product_sales", 210000000, "USD", "FY2024", None)),
    ("en", "Halvard Biosciences said revenue reached $800 million in 2024. Tafolimab won US approval in 2023. Its US "
           "sales reached $143.7 million in the first half of 2025.",
     ("Tafolimab", "product_sales", 143700000, "USD", "H1 2025", None)),
    ("zh", "宁远生物2024年营业收入18.4亿元。2023年国家药监局批准泽沃替尼上市，当年在国内销售收入为3.1亿元。",
     ("泽沃替尼", "product_sales", 310000000, "CNY", "FY2023", None)),
])
def test_figures_sales_of_a_drug_the_sentence_refers_to(extractor, lang, text, want):
    """Sales whose subject is a drug named before ("the drug", "its" after a drug, a drug right before "contributing",
    a drug the sentence names with no company) are the drug's, not the company's."""
    rows = [_row(f) for f in _figures(extractor, lang, text)]
    assert want in rows, rows


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Kestrel Pharma said on Monday, Aug 26, 2024, it recorded a net profit of RMB 186 million for the six months "
           "ended June 30. The company's revenue rose 40% to RMB 1.12 billion.",
     [("Kestrel Pharma", "net_profit", 186000000, "CNY", "H1 2024", None),
      ("Kestrel Pharma", "revenue", 1120000000, "CNY", "H1 2024", 40.0)]),
    ("zh", "瑞康医药截至2023年6月30日止六个月之收入约为人民币48.6亿元。",
     [("瑞康医药", "revenue", 4860000000, "CNY", "H1 2023", None)]),
    ("zh", "宁远生物截至2024年12月31日止年度之收入约为人民币12.5亿元。",
     [("宁远生物", "revenue", 1250000000, "CNY", "FY2024", None)]),
])
def test_figures_a_period_by_its_end(extractor, lang, text, want):
    """"the six months ended June 30" (its year from the article), 截至…止六个月 / 止年度: the period the months make,
    kept for the next sentences."""
    rows = [_row(f) for f in _figures(extractor, lang, text)]
    for w in want:
        assert w in rows, rows


def test_figures_the_digits_of_a_drug_code_are_no_year(extractor):
    """"HSB-1906" names a drug, not the year 1906: a period without a year takes the article's year."""
    text = ("2025年11月3日，宁远生物宣布将HSB-1906的海外权益授予瑞康医药。HSB-1906目前处于I期临床。\n\n"
            "宁远生物前三季度实现营业收入2.14亿元，同比增长33.6%。")
    rows = [_row(f) for f in _figures(extractor, "zh", text)]
    assert ("宁远生物", "revenue", 214000000, "CNY", "9M 2025", 33.6) in rows, rows


@pytest.mark.parametrize("lang,text,current,base", [
    ("en", "Kestrel Pharma's net profit climbed to RMB 902 million from RMB 311 million a year earlier.",
     902000000, 311000000),
    ("en", "Halcyon Bio's net loss widened to $41.3 million from $33.0 million in the prior-year period.",
     41300000, 33000000),
    ("zh", "宁远生物2024年年内亏损约人民币5.74亿元，较上年同期的亏损约9.68亿元大幅收窄。", 574000000, 968000000),
    ("zh", "2025年上半年瑞康医药归母净亏损为1.12亿元，上年同期亏损2.35亿元。", 112000000, 235000000),
])
def test_figures_the_same_period_a_year_before_is_no_figure(extractor, lang, text, current, base):
    """The value of the same period a year before ("from X a year earlier", 上年同期亏损X) is the comparison base."""
    amounts = [int(f.value.amount) for f in _figures(extractor, lang, text)]
    assert current in amounts and base not in amounts, amounts


def test_figures_a_base_with_its_own_year_is_that_years_figure(extractor):
    text = "Aggregate royalty deal value at Kestrel Capital rose to $6.5 billion in 2025, up from $5.7 billion in 2024."
    amounts = [int(f.value.amount) for f in _figures(extractor, "en", text)]
    assert 6500000000 in amounts and 5700000000 in amounts, amounts


def test_figures_a_markets_potential_total_stays_a_figure(extractor):
    text = "据统计，2024年以来国内GLP-1相关对外授权交易已超过10笔，潜在总金额约200亿美元。"
    amounts = [int(f.value.amount) for f in _figures(extractor, "zh", text)]
    assert 20000000000 in amounts, amounts


@pytest.mark.parametrize("text,want", [
    ("Zelvora (tafolimab) was one of Kestrel Pharma's main revenue drivers. It raked in $2.29 billion worldwide in "
     "2023.", ("Zelvora", "product_sales", 2290000000, "USD", "FY2023", None)),
    ("Kestrel Pharma markets tafolimab in Europe. It reported sales of $900 million in 2023.",
     ("Kestrel Pharma", "revenue", 900000000, "USD", "FY2023", None)),
])
def test_figures_it_opening_a_sentence_is_the_subject_of_the_one_before(extractor, text, want):
    """"It" / "Its" opening a sentence stands for the name the sentence before opens with (a drug: the drug's sales;
    a company: the company's), not the name written last before it."""
    rows = [_row(f) for f in _figures(extractor, "en", text)]
    assert want in rows, rows


def test_figures_zh_a_markets_forecast_with_its_year_is_a_figure_a_companys_guidance_is_not(extractor):
    """"预计/有望" mark a company's guidance (no figure) but not a market's forecast with its year (a figure)."""
    market = "报告预计，随着更多适应症获批，2030年中国减重药物市场规模有望达到约600亿元人民币。"
    amounts = [(int(f.value.amount), f.period) for f in _figures(extractor, "zh", market)]
    assert (60000000000, "2030") in amounts, amounts
    company = "宁远生物预计，2026年公司营业收入有望达到约60亿元人民币。"
    assert _figures(extractor, "zh", company) == []


def test_figures_zh_market_names_with_latin_letters_and_a_market_referred_back_to(extractor):
    """"全球ADC市场规模" names the market with its Latin letters; "该市场规模" is the market named before; a phrase
    that ran back over "机构预计2030年" loses it."""
    text = ("2024年中国GLP-1受体激动剂市场规模约为162亿元人民币。报告预计，2030年该市场规模有望达到约600亿元人民币。"
            "另有机构预计2030年全球ADC市场规模将超过600亿美元。")
    rows = {(f.subject_name, int(f.value.amount), f.period) for f in _figures(extractor, "zh", text)}
    assert {("中国GLP-1受体激动剂", 16200000000, "2024"), ("中国GLP-1受体激动剂", 60000000000, "2030"),
            ("全球ADC", 60000000000, "2030")} <= rows, rows


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "从竞争格局看，宁远生物仍占据主导地位，2024年其在中国PD-1市场的份额约为68%；瑞康医药凭借舒沃单抗的上市，"
           "市场份额迅速提升至约9%。", [("宁远生物", "market_share", 68, "%"), ("瑞康医药", "market_share", 9, "%")]),
    ("en", "The Korean biosimilar market is projected to reach KRW 2.1 trillion by 2030, with domestic products holding "
           "roughly 70% share.", [("Korean biosimilar", "market_share", 70, "%")]),
])
def test_figures_shares_held_by_a_company_or_named_after_the_value(extractor, lang, text, want):
    """A company's market share (the company the clause names before 份额, or 其), and "holding 70% share"."""
    rows = [_row(f)[:4] for f in _figures(extractor, lang, text)]
    for w in want:
        assert w in rows, rows


def test_figures_a_market_named_with_a_straight_apostrophe(extractor):
    """"Japan's oncology drug market" keeps its owner with a straight apostrophe as with a curly one."""
    text = "Japan's oncology drug market was worth ¥2.1 trillion in 2024, according to IQVIA estimates."
    rows = [_row(f)[:3] for f in _figures(extractor, "en", text)]
    assert ("Japan's oncology drug", "market_size", 2100000000000) in rows, rows


@pytest.mark.parametrize("text,want", [
    ("Section 1: Results [1] - Tsukimori reported revenue of ¥268.4 billion for fiscal 2024, up 4.1%.",
     ("Tsukimori", "revenue", 268400000000, "JPY", "FY2024", 4.1)),
    ("Group 1: Financials\n- Tsukimori posted a net loss of $41.3 million in 2024.",
     ("Tsukimori", "net_loss", 41300000, "USD", "FY2024", None)),
])
def test_figures_the_name_a_clause_opens_with_before_reported(extractor, text, want):
    """A capitalised name that opens a clause before "reported/posted …" is the company, where no finder knew it."""
    rows = [_row(f) for f in _figures(extractor, "en", text)]
    assert want in rows, rows


@pytest.mark.parametrize("text,want", [
    ("2023年全球生物医药并购总额约1600亿美元，为近五年来最高水平。", (160000000000, "USD", "deal_value", "2023")),
    ("營運方面，東旭生技前三季合併營收8.46億元，年增21.7%；東旭生技稅後淨利1.12億元，年增35%。",
     (846000000, "CNY", "revenue", "9M 2025")),
    # (the net profit after the semicolon is of the same first three quarters: the period stays in force)
    ("營運方面，東旭生技前三季合併營收8.46億元，年增21.7%；東旭生技稅後淨利1.12億元，年增35%。",
     (112000000, "CNY", "net_profit", "9M 2025")),
    ("AI摘要｜朗信生物（2785.HK）2025年中期業績要點\n\n- 收入：7.82億元人民幣，同比增長126%\n"
     "- 期內虧損：1.05億元人民幣，同比收窄71.3%", (105000000, "CNY", "net_loss", "H1 2025")),
])
def test_figures_zh_more_phrasings_of_results_and_deal_totals(extractor, text, want):
    """并购总额 (a sentence without the older trigger words), 稅後淨利 and 前三季 (Taiwan), 期內虧損：X (a colon)."""
    rows = [(int(f.value.amount), f.value.currency, f.metric, f.period)
            for f in extractor.extract(text, lang="zh", published="2025-11-09").figures]
    assert want in rows, rows


def test_figures_zh_a_deals_market_named_with_its_scope(extractor):
    """"全球生物医药并购总额", "中国小分子及siRNA授权交易…首付款总额": the market is the deals the sentence scopes, not
    the metric word."""
    text = "2023年全球生物医药并购总额约1600亿美元。今年前三季度，中国小分子及siRNA授权交易合计21起，首付款总额约6.2亿美元。"
    rows = {(f.subject_name, int(f.value.amount)) for f in extractor.extract(text, lang="zh", published="2025-11-09").figures}
    assert {("全球生物医药并购", 160000000000), ("中国小分子及siRNA授权交易", 620000000)} <= rows, rows


def test_figures_combined_sales_of_a_class_are_a_market_size(extractor):
    """"combined sales of the class were $650 million" is the class's market size, not the sales of the company
    named last."""
    text = ("Two drugs targeting the mutation, Kestrel Pharma's Zelvora and Halcyon Bio's Norvexa, are approved in the "
            "United States; combined sales of the class were roughly $650 million last year.")
    rows = [(f.kind, f.metric, int(f.value.amount)) for f in extractor.extract(text, lang="en", published="2024-03-01").figures]
    assert rows == [("market", "market_size", 650000000)], rows


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Chinese drugmakers signed 72 out-licensing transactions with overseas partners in the first half of 2025.\n\n"
           "Disclosed upfront payments exceeded $4.0 billion in the half.", ("out-licensing transactions", "market")),
    ("en", "Kestrel Bio has signed four out-licensing agreements since 2021, with aggregate upfront receipts of more than "
           "$150 million.", ("Kestrel Bio", "company")),
    ("en", "According to a research report by Kestrel Securities, in the first half of 2025, the total amount of Chinese "
           "innovative drug License-out has approached $66 billion.", ("License-out", "market")),
])
def test_figures_a_total_said_with_its_metric_words_only(extractor, lang, text, want):
    """A deal total named only by its metric words is the company the sentence opens with, else the deals the
    sentence before names; never the source it is quoted from."""
    rows = [(f.subject_name, f.kind) for f in extractor.extract(text, lang=lang, published="2025-07-01").figures
            if f.metric == "deal_value"]
    assert want in rows, rows


def test_figures_a_market_research_firm_is_no_market(extractor):
    """"according to the market intelligence firm Evaluate" names no market ("to the" was one)."""
    text = ("ADCs are expected to reach an estimated worth of nearly $30 billion by 2028, according to the market "
            "intelligence firm Evaluate.")
    subjects = [f.subject_name for f in extractor.extract(text, lang="en").figures]
    assert all("to the" not in s for s in subjects), subjects


@pytest.mark.parametrize("published,want", [("2025-10-07", "Q2 2025"), ("2025-05-02", "Q2 2024")])
def test_figures_a_yearless_quarter_is_the_latest_ended_by_publication(extractor, published, want):
    """"net sales of $138 million in the second quarter" with no period in force: the latest second quarter ended by
    the publication date, not the year the article named last (an approval's "June 2024")."""
    text = ("Zelvora (tafolimab), an inhaled PDE3/PDE4 inhibitor, was approved in the U.S. in June 2024 for COPD. "
            "Zelvora generated net sales of $138 million in the second quarter.")
    rows = [(f.subject_name, f.period) for f in extractor.extract(text, lang="en", published=published).figures]
    assert ("Zelvora", want) in rows, rows


# --- net profit after deducting non-recurring gains and losses (扣非) in every word order: metric other ------------

DEDUCTED = [
    ("zh", "2024年，宁远生物扣除非经常性损益后的归母净利润为3.6亿元，同比增长9.5%。",
     ("宁远生物", "other", 360000000, "CNY", "FY2024", 9.5)),
    ("zh", "2024年，宁远生物扣除非经常性损益后的归属于上市公司股东的净利润为3.6亿元。",
     ("宁远生物", "other", 360000000, "CNY", "FY2024", None)),
    ("zh", "2024年，瑞康醫藥扣除非經常性損益後的歸屬於上市公司股東的淨利潤為3.6億元。",
     ("瑞康醫藥", "other", 360000000, "CNY", "FY2024", None)),
    ("zh", "2024年，宁远生物扣非后归母净利润为3.6亿元。", ("宁远生物", "other", 360000000, "CNY", "FY2024", None)),
    ("en", "In 2024, Halcyon Bio's net profit attributable to shareholders after deducting non-recurring gains and losses "
           "was RMB 360 million.", ("Halcyon Bio", "other", 360000000, "CNY", "FY2024", None)),
    ("en", "In 2024, Halcyon Bio's net profit excluding non-recurring items rose 9.5% to RMB 360 million.",
     ("Halcyon Bio", "other", 360000000, "CNY", "FY2024", 9.5)),
]


@pytest.mark.parametrize("lang,text,want", DEDUCTED, ids=[f"{d[0]}-{i}" for i, d in enumerate(DEDUCTED)])
def test_figures_deducted_net_profit(extractor, lang, text, want):
    assert [_row(f) for f in _figures(extractor, lang, text)] == [want]


def test_figures_deducted_net_profit_table_rows(extractor):
    """A results table's 扣非 row is a figure of its own (metric other), also under a label broken over two lines;
    its operating-profit row stays unread."""
    zh = ("宁远生物有限公司\n2024年度主要财务数据\n单位：人民币万元\n项目 本报告期 上年同期 增减变动幅度（%）\n"
          "营业总收入 120,000.00 100,000.00 20.00\n营业利润 30,000.00 25,000.00 20.00\n"
          "归属于上市公司股东的净利润 24,000.00 20,000.00 20.00\n"
          "扣除非经常性损益后的归属于上市公司股东的净利润 22,000.00 19,000.00 15.79\n")
    got = {(f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "zh", zh)}
    assert ("other", 220000000, "FY2024") in got and ("net_profit", 240000000, "FY2024") in got
    assert not any(m == "other" and a == 300000000 for m, a, _ in got)  # 营业利润: no row figure
    en = ("HALCYON BIO CO., LTD.\n2025 SEMI-ANNUAL REPORT SUMMARY\nUnit: Yuan  Currency: RMB\n\n"
          "Item                                          Current reporting period   Same period last year   Change (%)\n"
          "Operating revenue                             1,200,000,000.00           1,000,000,000.00        20.00\n"
          "Net profit attributable to shareholders of\n"
          "the listed company                            240,000,000.00             200,000,000.00          20.00\n"
          "Net profit attributable to shareholders of\n"
          "the listed company after deducting non-recurring gains and losses  220,000,000.00  190,000,000.00  15.79\n")
    got = {(f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "en", en)}
    assert ("other", 220000000, "H1 2025") in got and ("net_profit", 240000000, "H1 2025") in got
    assert not any(m == "net_profit" and a == 220000000 for m, a, _ in got)


@pytest.mark.parametrize("text,want", [
    ("Halcyon Bio reported first-half 2025 revenue of $600 million.", ("Halcyon Bio", "revenue", 600000000, "USD", "H1 2025", None)),
    ("Halcyon Bio's second-half 2024 revenue was $700 million.", ("Halcyon Bio", "revenue", 700000000, "USD", "H2 2024", None)),
    ("Halcyon Bio's first-nine-months 2025 revenue was $900 million.", ("Halcyon Bio", "revenue", 900000000, "USD", "9M 2025", None)),
])
def test_figures_hyphenated_period_adjectives(extractor, text, want):
    """"first-half 2025 revenue": a period written as a hyphenated adjective is the period (not the year alone)."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == [want]


@pytest.mark.parametrize("text,want", [
    ("Halcyon Bio earned $300 million in 2024.", ("Halcyon Bio", "net_profit", 300000000, "USD", "FY2024", None)),
    ("Halcyon Bio made a profit of $300 million in 2024.", ("Halcyon Bio", "net_profit", 300000000, "USD", "FY2024", None)),
    ("Halcyon Bio lost $45 million in the first quarter of 2025.",
     ("Halcyon Bio", "net_loss", 45000000, "USD", "Q1 2025", None)),
    ("Halcyon Bio swung to a loss of $45 million in the first quarter of 2025.",
     ("Halcyon Bio", "net_loss", 45000000, "USD", "Q1 2025", None)),
    ("Tafolimab had global sales of $900 million in 2024.", ("Tafolimab", "product_sales", 900000000, "USD", "FY2024", None)),
])
def test_figures_results_said_with_their_verbs(extractor, text, want):
    """Results said with a verb rather than a metric noun ('earned', 'made a profit of', 'lost', 'swung to a loss'),
    and a product's own 'global sales' after its verb (no class sales)."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == [want]


def test_figures_lost_market_value_is_no_loss(extractor):
    assert _figures(extractor, "en", "Halcyon Bio's shares lost $2 billion in market value on Monday.") == []


@pytest.mark.parametrize("text,want", [
    ("Sales of Zelvora totalled $800 million in the third quarter of 2025.",
     [("Zelvora", "product_sales", 800000000, "USD", "Q3 2025", None)]),
    ("Zelvora's third-quarter 2025 sales were $800 million.",
     [("Zelvora", "product_sales", 800000000, "USD", "Q3 2025", None)]),
    ("Sales of its PD-1 antibody tafolimab fell 6% to RMB 2.35 billion in 2024.",
     [("tafolimab", "product_sales", 2350000000, "CNY", "FY2024", -6.0)]),
    ("Revenue at Halcyon Bio rose 15% to $1.2 billion in 2024.",
     [("Halcyon Bio", "revenue", 1200000000, "USD", "FY2024", 15.0)]),
    # a class of drugs is no product: its sales are a market's size (as the corpus gold labels them)
    ("Sales of PD-1 and PD-L1 antibodies in China totalled RMB 48.6 billion in 2024.",
     [("PD-1 and PD-L1 antibodies", "market_size", 48600000000, "CNY", "2024", None)]),
])
def test_figures_subjects_in_more_word_orders(extractor, text, want):
    """The subject of a figure in more word orders: 'Sales of X' opening a sentence, a period between a product's
    name and its sales, the product after its class ('its PD-1 antibody tafolimab'), 'Revenue at <company>'."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == want


@pytest.mark.parametrize("text,want", [
    ("Halcyon Bio's sales climbed 15% year on year to $1.2 billion in fiscal 2024.",
     ("Halcyon Bio", "revenue", 1200000000, "USD", "FY2024", 15.0)),
    ("Kestrel Pharma's 2024 sales rose 8% to EUR 2.1 billion.", ("Kestrel Pharma", "revenue", 2100000000, "EUR", "FY2024", 8.0)),
])
def test_figures_a_companys_sales_are_its_revenue(extractor, text, want):
    """"<Company>'s sales": a name with its business designator (no gazetteer entry needed) is a company, whose
    sales are its revenue, not a product's."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == [want]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halcyon Bio's research and development costs rose to $310 million in 2024 from $250 million in 2023.",
     [("Halcyon Bio", "r_and_d_expense", 310000000, "USD", "FY2024", None)]),
    ("en", "Halcyon Bio's revenue grew from $1.0 billion in 2023 to $1.2 billion in 2024.",
     [("Halcyon Bio", "revenue", 1200000000, "USD", "FY2024", None)]),
    ("zh", "宁远生物营业收入从2023年的10亿元增长至2024年的12亿元。",
     [("宁远生物", "revenue", 1200000000, "CNY", "FY2024", None)]),
    # a market's trajectory keeps both years (a market size of each year)
    ("en", "The market size of rare-disease drugs grew from 40 billion yuan in 2019 to 90 billion yuan in 2024.",
     [("rare-disease drugs", "market_size", 40000000000, "CNY", "2019", None),
      ("rare-disease drugs", "market_size", 90000000000, "CNY", "2024", None)]),
])
def test_figures_the_start_of_a_companys_change_is_its_base(extractor, lang, text, want):
    """"rose to X in 2024 from Y in 2023", "grew from Y to X", "从Y增长至X": a company's Y is the comparison base,
    no figure of its own (SCHEMA.md "Not figures"); a market keeps both."""
    assert [_row(f) for f in _figures(extractor, lang, text)] == want


@pytest.mark.parametrize("text,want", [
    ("2024年，泽沃替尼实现销售收入12亿元。", ("泽沃替尼", "product_sales", 1200000000, "CNY", "FY2024", None)),
    ("宁远生物的核心产品泽沃替尼2024年销售额12亿元。", ("泽沃替尼", "product_sales", 1200000000, "CNY", "FY2024", None)),
    ("寧遠生物的核心產品澤沃替尼2024年銷售額12億元。", ("澤沃替尼", "product_sales", 1200000000, "CNY", "FY2024", None)),
    ("宁远生物旗下降脂药物宁替贝特片2024年销售额为3.2亿元。", ("宁替贝特片", "product_sales", 320000000, "CNY", "FY2024", None)),
    ("据统计，瑞康牌注射用丹参多酚酸盐2024年实现销售收入9.6亿元。",
     ("瑞康牌注射用丹参多酚酸盐", "product_sales", 960000000, "CNY", "FY2024", None)),
])
def test_figures_zh_product_named_with_a_description_a_period_or_a_verb(extractor, text, want):
    """A product's sales in Chinese: its description before the name is no part of it (核心产品, 降脂药物), and a year
    or a verb may stand between the name and its sales word (泽沃替尼2024年销售额, 泽沃替尼实现销售收入)."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == [want]


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "宁远生物2025年前三季度净亏损3.2亿元，亏损同比收窄20%。", ("宁远生物", "net_loss", 320000000, "CNY", "9M 2025", -20.0)),
    ("zh", "寧遠生物2025年上半年淨虧損3.2億元，虧損按年縮小12.5%。", ("寧遠生物", "net_loss", 320000000, "CNY", "H1 2025", -12.5)),
    ("zh", "宁远生物2025年上半年净亏损3.2亿元，同比扩大15%。", ("宁远生物", "net_loss", 320000000, "CNY", "H1 2025", 15.0)),
    ("en", "Halcyon Bio said its net loss widened 15% to $45 million in the first quarter of 2025.",
     ("Halcyon Bio", "net_loss", 45000000, "USD", "Q1 2025", 15.0)),
])
def test_figures_a_loss_that_narrows_or_widens(extractor, lang, text, want):
    """A loss that narrows (收窄, 缩小) changes by minus its %, one that widens (扩大, widened) by plus it."""
    assert [_row(f) for f in _figures(extractor, lang, text)] == [want]


@pytest.mark.parametrize("text,want", [
    ("For the six months to September 2025, Kestrel Pharma's revenue fell 6.8% to 188.4 billion yen.",
     ("Kestrel Pharma", "revenue", 188400000000, "JPY", "H1 2025", -6.8)),
    ("Kestrel Pharma's revenue for the nine months through December 2025 fell 4.5% to 198.6 billion yen.",
     ("Kestrel Pharma", "revenue", 198600000000, "JPY", "9M 2025", -4.5)),
    ("Kestrel Pharma's revenue fell 6.3% year-on-year in the first three quarters of 2024 to 7.86 billion yuan.",
     ("Kestrel Pharma", "revenue", 7860000000, "CNY", "9M 2024", -6.3)),
])
def test_figures_periods_said_by_their_length_and_end(extractor, text, want):
    """'the six months to September', 'the nine months through December' (no day), 'the first three quarters'."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == [want]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Kestrel Pharma bought the rights from Halcyon Bio in 2023. Kestrel Pharma's revenue fell 6.3% in the first three "
           "quarters to 7.86 billion yuan.", ("Kestrel Pharma", "revenue", 7860000000, "CNY", "9M 2024", -6.3)),
    ("en", "The licence was signed in 2019. Kestrel Pharma's revenue for the second quarter rose 6.6% to $15.4 billion.",
     ("Kestrel Pharma", "revenue", 15400000000, "USD", "Q2 2024", 6.6)),
    ("zh", "宁远生物于2021年引进该药。上半年，宁远生物营业收入为12.3亿元。", ("宁远生物", "revenue", 1230000000, "CNY", "H1 2024", None)),
])
def test_figures_a_yearless_period_after_a_year_that_reports_nothing(extractor, lang, text, want):
    """A quarter or half without a year is the latest one reported by the publication date (here 2024-12-02) also
    after a sentence that names a year but reports no figure ('signed in 2023'); that year is no reporting period."""
    got = [_row(f) for f in extractor.extract(text, lang=lang, published="2024-12-02").figures]
    assert got == [want]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Rheinmark Bio reported first-half revenue of EUR 142.3 million on Thursday. Collaboration revenue rose to "
           "EUR 58.1 million. The net loss narrowed to EUR 38.6 million.",
     [("Rheinmark Bio", "revenue", 142300000, "EUR", "H1 2025"), ("Rheinmark Bio", "revenue", 58100000, "EUR", "H1 2025"),
      ("Rheinmark Bio", "net_loss", 38600000, "EUR", "H1 2025")]),
    # a period within a year in force is not replaced by another the text names without a year
    ("en", "Kestrel Pharma: highlights for the first nine months of 2025. Kestrel Pharma's revenue increased by 14% to "
           "DKK 4,812 million. Kestrel Pharma's third-quarter revenue was DKK 1,702 million. Kestrel Pharma's R&D "
           "expenses were DKK 962 million.",
     [("Kestrel Pharma", "revenue", 4812000000, "DKK", "9M 2025"), ("Kestrel Pharma", "revenue", 1702000000, "DKK", "Q3 2025"),
      ("Kestrel Pharma", "r_and_d_expense", 962000000, "DKK", "9M 2025")]),
])
def test_figures_a_period_within_a_year_stays_in_force(extractor, lang, text, want):
    """"first-half revenue of …" (its year from the publication date) is the period of the sentences after it, not
    the publication year."""
    got = [_row(f)[:5] for f in extractor.extract(text, lang=lang, published="2025-08-07").figures]
    assert got == want


@pytest.mark.parametrize("text", [
    "Kestrel Pharma has not revised its consolidated forecast for that year (revenue of ¥38.0 billion and operating "
    "profit of ¥2.1 billion).",
    "Kestrel Pharma's full-year consolidated forecast announced on November 7, 2025 already assumes R&D expenses of "
    "¥41.0 billion.",
    "Halcyon Bio will pay a sales milestone of $25.0 million if 2026 net sales ≥ $400 million.",
    "Halcyon Bio will pay $50 million more if Zelvora's annual net sales of at least $550 million are reached.",
    "Kestrel Pharma's revenue last year was small; it raised a €55 million Series B round in 2025.",
])
def test_figures_more_wordings_of_what_is_no_figure(extractor, text):
    """A company's forecast given in brackets or as what it assumes, a sales level written with ≥ or 'at least',
    and a financing round are no results (SCHEMA.md "Not figures")."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == []


@pytest.mark.parametrize("text,want", [
    ("2024年，Farmavalle实现营业收入14.2亿欧元，同比增长7.5%。", [("Farmavalle", "revenue", 1420000000, "EUR", "FY2024", 7.5)]),
    ("Deciphera已上市产品瑞派替尼（ripretinib）2023年销售额约1.64亿美元。",
     [("瑞派替尼", "product_sales", 164000000, "USD", "FY2023", None)]),
    ("2024年宁远生物产品销售收入6.47亿元，其中核心产品宁伐替尼片贡献5.12亿元。",
     [("宁远生物", "product_sales", 647000000, "CNY", "FY2024", None),
      ("宁伐替尼片", "product_sales", 512000000, "CNY", "FY2024", None)]),
    ("2024年，寧遠生物核心產品寧伐替尼片貢獻5.12億元。", [("寧伐替尼片", "product_sales", 512000000, "CNY", "FY2024", None)]),
])
def test_figures_zh_subjects_a_latin_name_a_bracket_and_a_contribution(extractor, text, want):
    """A company written in Latin letters before 实现/录得 is the subject (no name finder knows it); a product's other
    name in brackets may stand before its year and sales word; what a product 贡献 (contributed) is its sales."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


def test_figures_the_company_glued_to_its_stock_code_in_the_opening_is_the_articles_own(extractor):
    """"宁远生物（2696.HK）公告…": the company of the opening's stock code is the one "公司" means, even where its partner
    is named in more sentences."""
    text = ("宁远生物（2696.HK）公告：与瑞康医药签署许可协议\n\n宁远生物宣布，已与瑞康医药签署许可协议，授予瑞康医药泽沃替尼的海外权益。"
            "瑞康医药将支付首付款。瑞康医药表示，该药将补充其产品线。瑞康医药计划明年启动研究。\n\n"
            "2024年公司实现营业收入16.82亿元，同比增长12.5%。")
    got = [_row(f) for f in extractor.extract(text, lang="zh", published="2025-03-01").figures]
    assert got == [("宁远生物", "revenue", 1682000000, "CNY", "FY2024", 12.5)]


@pytest.mark.parametrize("text,want", [
    ("Analysts put the global IPF drug market at $4.5 billion in 2025.",
     [("global IPF drug", "market_size", 4500000000, "USD", "2025", None)]),
    ("Analysts at Nomura estimate the Indian oncology market at INR 280 billion in 2025.",
     [("Indian oncology", "market_size", 280000000000, "INR", "2025", None)]),
    ("Brokers value the European psoriasis biologics market at €12 billion in 2024.",
     [("European psoriasis biologics", "market_size", 12000000000, "EUR", "2024", None)]),
])
def test_figures_a_market_someone_puts_at_an_amount(extractor, text, want):
    """'X puts/estimates/values the … market at <amount>': the market's size (the verb and its subject are no part
    of the market, and 'estimate' as a verb over a market is no analysts' expectation of a company)."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == want


@pytest.mark.parametrize("text", [
    "China-originated assets accounted for roughly 32% of in-licensing deals with upfronts of at least $50 million.",
    "Korean biotechs signed a fifth of all licensing transactions above USD 100 million last year.",
    "Deals over $1 billion made up 40% of the out-licensing activity, a banker said.",
])
def test_figures_a_threshold_of_deals_is_no_deal_value(extractor, text):
    """An amount that picks a class of deals ('deals over $50 million', 'with upfronts of at least …') is a
    threshold, no value of the deals."""
    assert not [f for f in _figures(extractor, "en", text) if f.metric == "deal_value"]


@pytest.mark.parametrize("text,want", [
    ("机构预计，2030年中国减重药物市场将达到800亿元。", [("中国减重药物", "market_size", 80000000000, "CNY", "2030", None)]),
    ("機構預計，2030年全球ADC市場有望突破300億美元。", [("全球ADC", "market_size", 30000000000, "USD", "2030", None)]),
])
def test_figures_zh_a_market_that_reaches_an_amount_without_the_word_size(extractor, text, want):
    """X市场将达到/有望突破<amount>: the market's size, as 市场规模 would say it (simplified and traditional)."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text", [
    "2025年上半年，中国药企在首付款超过5000万美元的对外授权交易中占比约32%。",
    "2025年，首付款不低於5000萬美元的授權交易中，中國資產佔比約三成。",
])
def test_figures_zh_a_threshold_of_deals_is_no_deal_value(extractor, text):
    """首付款超过X的交易: X picks a class of deals, as 'deals over $50 million' does in English; no deal value."""
    assert not [f for f in _figures(extractor, "zh", text) if f.metric == "deal_value"]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halcyon Bio reported results for the third quarter of 2025. Revenue was $31 million, up 20%. Revenue under "
           "the 2022 research agreement with Kestrel Pharma included a $5 million milestone payment. Net loss was $9 "
           "million.",
     [("Halcyon Bio", "revenue", 31000000, "USD", "Q3 2025", 20.0),
      ("Halcyon Bio", "net_loss", 9000000, "USD", "Q3 2025", None)]),
    ("zh", "宁远生物公布2025年上半年业绩，营业收入为3.2亿元，同比增长12%。收入中包括根据2021年授权协议收到的里程碑付款5000万元。"
           "归母净亏损为1.1亿元。",
     [("宁远生物", "revenue", 320000000, "CNY", "H1 2025", 12.0),
      ("宁远生物", "net_loss", 110000000, "CNY", "H1 2025", None)]),
])
def test_figures_a_bare_year_in_a_sentence_without_figures_keeps_the_reporting_period(extractor, lang, text, want):
    """Once figures have stated a reporting period, a sentence with a metric word that gives no figure and names only
    a bare year (the year of an agreement, 2021年授权协议) does not change the period in force, as a sentence without a
    metric word already did not."""
    assert [_row(f) for f in _figures(extractor, lang, text)] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halcyon Bio posted results for the first half of 2025 on Tuesday. The company's net loss narrowed to $30 "
           "million, while Halcyon Bio's research and development expenses climbed 5% to $50 million.",
     [("Halcyon Bio", "net_loss", 30000000, "USD", "H1 2025", None),
      ("Halcyon Bio", "r_and_d_expense", 50000000, "USD", "H1 2025", 5.0)]),
    ("zh", "宁远生物2024年产品销售收入为6.5亿元，其中核心产品泽沃替尼贡献4.1亿元，同比增长38.0%。",
     [("宁远生物", "product_sales", 650000000, "CNY", "FY2024", None),
      ("泽沃替尼", "product_sales", 410000000, "CNY", "FY2024", 38.0)]),
    ("zh", "宁远生物2024年营业收入为12亿元，归母净亏损为3亿元，同比分别增长20%、收窄15%。",
     [("宁远生物", "revenue", 1200000000, "CNY", "FY2024", 20.0),
      ("宁远生物", "net_loss", 300000000, "CNY", "FY2024", -15.0)]),
])
def test_figures_a_change_after_another_metric_word_is_that_metrics(extractor, lang, text, want):
    """A change in % after a value but past another metric word is that metric's (its value follows, or it has
    none), not the earlier value's; changes listed 'respectively' still go to the values in order."""
    assert [_row(f) for f in _figures(extractor, lang, text)] == want


@pytest.mark.parametrize("text,period", [
    ("Halcyon Bio reported revenue of $80 million for the second quarter of FY26.", "Q2 2026"),
    ("Halcyon Bio reported revenue of $80 million in Q2 FY26.", "Q2 2026"),
    ("Halcyon Bio reported revenue of $80 million in H1 FY26.", "H1 2026"),
    ("Halcyon Bio reported revenue of $80 million in the second half of FY25.", "H2 2025"),
    ("Halcyon Bio reported revenue of $80 million in 3Q25.", "Q3 2025"),
    ("Halcyon Bio reported revenue of $80 million in 1H25.", "H1 2025"),
    ("Halcyon Bio reported revenue of $80 million in the July-September quarter of 2025.", "Q3 2025"),
    ("Halcyon Bio reported revenue of $80 million in the quarter to September 2025.", "Q3 2025"),
])
def test_figures_quarters_and_halves_of_a_fiscal_year_and_by_their_months(extractor, text, period):
    """A quarter or half of a fiscal year written FY26 is that quarter of the fiscal year (as 'the second quarter of
    fiscal 2026' already was), not the whole year; '3Q25', '1H25' are written number first; a quarter named by its
    months or by the month it runs to is that quarter."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == [
        ("Halcyon Bio", "revenue", 80000000, "USD", period, None)]


@pytest.mark.parametrize("lang,text,published,want", [
    ("en", "Halcyon Bio said on its second-quarter call that it had agreed to buy Kestrel Pharma. Halcyon Bio's revenue "
           "was $80 million, up 12%. R&D spending at Halcyon Bio was $30 million.", "2025-08-05",
     [("Halcyon Bio", "revenue", 80000000, "USD", "Q2 2025", 12.0),
      ("Halcyon Bio", "r_and_d_expense", 30000000, "USD", "Q2 2025", None)]),
    ("zh", "宁远生物在第三季度业绩说明会上表示，公司将继续推进海外授权。宁远生物营业收入为3.2亿元，同比增长12%。", "2025-10-28",
     [("宁远生物", "revenue", 320000000, "CNY", "Q3 2025", 12.0)]),
    # a quarter not yet ended by the publication date is a plan, no reporting period
    ("en", "Halcyon Bio expects to launch Zelvora in the fourth quarter. Halcyon Bio's revenue was $80 million.",
     "2025-08-05", [("Halcyon Bio", "revenue", 80000000, "USD", None, None)]),
])
def test_figures_a_yearless_quarter_before_any_figure_sets_the_period(extractor, lang, text, published, want):
    """A sentence before any figure that names a quarter or a half without its year ('on its second-quarter call')
    sets that period, the latest such one ended by the publication date, for the figures after it."""
    got = extractor.extract(text, lang=lang, published=published).figures
    assert [_row(f) for f in got] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma handed back rights to an older antibody, ending a 2019 licence that carried a $10 million upfront "
     "payment. Licensing deals tracked in the third quarter reached $12 billion, up 20%.",
     [("Licensing deals", "deal_value", 12000000000, "USD", "Q3 2025", 20.0)]),
    ("Halcyon Bio's 2021 collaboration with Kestrel Pharma expired. Revenue at Halcyon Bio was $80 million.",
     [("Halcyon Bio", "revenue", 80000000, "USD", None, None)]),
    ("Halcyon Bio's 2024 revenue was $80 million.", [("Halcyon Bio", "revenue", 80000000, "USD", "FY2024", None)]),
])
def test_figures_the_year_of_one_agreement_is_no_period(extractor, text, want):
    """A bare year after an article or a possessive and before an agreement word ('a 2019 licence', "Halcyon Bio's
    2021 collaboration") dates that agreement: it sets no period for the figures after it."""
    got = extractor.extract(text, lang="en", published="2025-10-08").figures
    assert [_row(f) for f in got] == want


@pytest.mark.parametrize("text,want", [
    ("Korean drug developers signed 21 technology-export agreements in 2025 with a combined disclosed value of 9.8 "
     "trillion won.", ("Korean drug developers", "deal_value", 9800000000000, "KRW", "2025", None)),
    ("Healthcare royalty transactions topped $5 billion in 2024, according to one banker's tally.",
     ("Healthcare royalty transactions", "deal_value", 5000000000, "USD", "2024", None)),
    ("Japanese licensing deals exceeded $12 billion in 2024.",
     ("Japanese licensing deals", "deal_value", 12000000000, "USD", "2024", None)),
])
def test_figures_deal_statistics_in_more_wordings(extractor, text, want):
    """The value of a year's deals said with a hyphenated kind ('technology-export agreements'), a combined disclosed
    value, royalty transactions, or a verb of passing ('topped', 'exceeded') is a deal_value of the market."""
    got = [_row(f) for f in _figures(extractor, "en", text) if f.metric != "count"]
    assert got == [want]


def test_figures_what_a_company_is_eligible_to_receive_is_no_statistic(extractor):
    """'We are eligible to receive up to an aggregate of $X in future milestone payments' under its license agreements:
    the company's own deal terms, no deal value of a market."""
    text = ("Under all of its license agreements, Halcyon Bio is eligible to receive up to an aggregate of $433 million "
            "in future milestone payments.")
    assert [f for f in _figures(extractor, "en", text) if f.metric == "deal_value"] == []


def test_figures_a_sentence_under_a_table_is_no_table_row(extractor):
    """A sentence under a results table ('… expenses were $38.6 million for the three months ended June 30, 2025.')
    is prose, no row whose cells are the table's columns: its year is no amount."""
    text = ("KESTREL PHARMA, INC.\nNOTES TO CONDENSED FINANCIAL STATEMENTS\n(in thousands, except per share amounts)\n\n"
            "                                        Three Months Ended June 30,    Six Months Ended June 30,\n"
            "                                           2025          2024             2025          2024\n"
            "Acquired in-process research and\n"
            "  development                             $ 5,000       $    —          $ 5,000       $ 15,000\n\n"
            "Kestrel Pharma's research and development expenses were $38.6 million for the three months ended June "
            "30, 2025.\n")
    got = [(f.metric, int(f.value.amount)) for f in _figures(extractor, "en", text)]
    assert ("r_and_d_expense", 2025000) not in got
    assert ("r_and_d_expense", 38600000) in got


@pytest.mark.parametrize("text", [
    "Kestrel Pharma said there is no change to the consolidated forecasts announced on November 7, 2025 (revenue of "
    "JPY 142,000 million).",
    "Kestrel Pharma kept its full-year forecasts (revenue of JPY 142 billion) unchanged.",
])
def test_figures_a_company_forecast_in_the_plural_is_no_figure(extractor, text):
    """A company's forecasts (plural, as its forecast already was) and the revenue in brackets after them are a
    forecast, no result."""
    assert _figures(extractor, "en", text) == []


@pytest.mark.parametrize("text,want", [
    ("Net product sales of Zelvora were $19.5 million, up 12% but about $2 million short of consensus.",
     [("Zelvora", "product_sales", 19500000, "USD", None, 12.0)]),
    ("Halcyon Bio's revenue was $80 million, $3 million ahead of the consensus estimate.",
     [("Halcyon Bio", "revenue", 80000000, "USD", None, None)]),
    ("Halcyon Bio's revenue of $80 million beat analysts' estimates by $5 million.",
     [("Halcyon Bio", "revenue", 80000000, "USD", None, None)]),
])
def test_figures_the_gap_to_consensus_is_no_figure(extractor, text, want):
    """The gap between a figure and what analysts expected ('$2 million short of consensus', '$3 million ahead of
    the consensus estimate', 'beat estimates by $5 million') is no figure of its own."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == want


@pytest.mark.parametrize("text,want", [
    ("Halcyon Bio's top line grew 12% to $80 million in 2024.",
     [("Halcyon Bio", "revenue", 80000000, "USD", "FY2024", 12.0)]),
    ("Halcyon Bio's top-line rose to $80 million in 2024.", [("Halcyon Bio", "revenue", 80000000, "USD", "FY2024", None)]),
])
def test_figures_top_line_is_revenue(extractor, text, want):
    """'Top line' is a company's revenue, as 'turnover' is."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == want


@pytest.mark.parametrize("text,want", [
    ("泽沃替尼2024年销售额约8.2亿美元 同比增长18%。", [("泽沃替尼", "product_sales", 820000000, "USD", "FY2024", 18.0)]),
    ("宁远生物2024财年营收为3,210亿日元 同比下降4.5%", [("宁远生物", "revenue", 321000000000, "JPY", "FY2024", -4.5)]),
])
def test_figures_zh_a_change_after_a_space(extractor, text, want):
    """A change written after the value with only a space between (a summary's line that the segmenter cuts at the
    space: '…约8.2亿美元 同比增长18%') is that value's change, as after a comma."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text,want", [
    ("宁远生物2024年合併營收為新台幣14.2億元，年增12.6%。", [("宁远生物", "revenue", 1420000000, "TWD", "FY2024", 12.6)]),
    ("宁远生物2024年營收新台幣8.74億元，年減8.5%。", [("宁远生物", "revenue", 874000000, "TWD", "FY2024", -8.5)]),
])
def test_figures_zh_taiwan_year_on_year_words(extractor, text, want):
    """年增/年減 (Taiwan's press for 'up/down on the year') are year-on-year changes, as 同比增长/按年增長 are."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text,want", [
    ("宁远生物2024年合併營收為新台幣14.2億元，稅後淨損新台幣2.3億元。",
     [("宁远生物", "revenue", 1420000000, "TWD", "FY2024", None), ("宁远生物", "net_loss", 230000000, "TWD", "FY2024", None)]),
    ("宁远生物2024年税后净损2.3亿元。", [("宁远生物", "net_loss", 230000000, "CNY", "FY2024", None)]),
])
def test_figures_zh_net_loss_written_jingsun(extractor, text, want):
    """(稅後)淨損 / 净损 is a net loss, as 净亏损 is (not 损益: profit and loss)."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text", [
    "宁远生物科技股份有限公司\n2025年半年度报告（摘要）\n\n报告期内，公司实现营业收入18,426.37万元，同比增长62.15%；其中许可收入"
    "9,800.00万元，为公司与Kestrel Pharma签署的许可协议项下确认的首付款收入。",
    "寧遠生物科技有限公司\n（於開曼群島註冊成立的有限公司）\n\n報告期內，本公司實現營業收入18,426.37萬元，同比增長62.15%；其中"
    "許可收入9,800.00萬元，來自與Kestrel Pharma簽署的許可協議。",
])
def test_figures_zh_a_filing_headed_by_its_issuers_name(extractor, text):
    """A filing whose first line is its issuer's full name, over its report title or its place of incorporation, is
    that issuer's: 公司/本公司 is the issuer, not the partner the text names."""
    got = [(f.subject_name, f.metric, int(f.value.amount)) for f in _figures(extractor, "zh", text) if f.metric == "revenue"]
    assert len(got) == 1 and got[0][0] in ("宁远生物科技股份有限公司", "寧遠生物科技有限公司") and got[0][2] == 184263700


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "宁远生物科技有限公司\n（於開曼群島註冊成立的有限公司）\n截至2025年12月31日止年度之年度業績公告\n\n單位：人民幣千元\n"
           "項目 | 2025年 | 2024年 | 變動\n收入 | 412,350 | 98,760 | 317.5%\n研發開支 | (586,920) | (641,380) | (8.5%)\n",
     {("revenue", 412350000, 317.5), ("r_and_d_expense", 586920000, -8.5)}),
    ("en", "KESTREL PHARMA, INC.\nSELECTED FINANCIAL DATA\n(in thousands)\n\n"
           "                         Year Ended December 31,\n"
           "                          2025        2024      % change\n"
           "Total revenue          $ 41,200    $ 30,100      36.9%\n"
           "Research and development  52,000     58,000     (10.3%)\n",
     {("revenue", 41200000, 36.9), ("r_and_d_expense", 52000000, -10.3)}),
])
def test_figures_a_tables_change_column(extractor, lang, text, want):
    """Under a heading that names a change column (變動, '% change'), a row's % cell is its change, signed or not;
    one in brackets is a decline."""
    got = {(f.metric, int(f.value.amount), f.change_pct) for f in _figures(extractor, lang, text)}
    assert want <= got


def test_figures_zh_a_loss_row_of_a_pipe_table(extractor):
    """A pipe table's row labelled 年內虧損 ('年內虧損 | (298,440) | (702,150)') is the year's net loss, as '年內虧損約…'
    in prose is."""
    text = ("宁远生物科技有限公司\n（於開曼群島註冊成立的有限公司）\n截至2025年12月31日止年度之年度業績公告\n\n單位：人民幣千元\n"
            "項目 | 2025年 | 2024年\n收入 | 412,350 | 98,760\n年內虧損 | (298,440) | (702,150)\n")
    got = {(f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "zh", text)}
    assert ("net_loss", 298440000, "FY2025") in got


@pytest.mark.parametrize("text", [
    "Halcyon Bio will receive a technical fee (milestone) according to development, permit and sales achievement of "
    "up to 1.15 trillion won.",
    "Under the agreement Kestrel Pharma bought the right to 4.5% of Zelvora's net sales, up to $600 million in total.",
])
def test_figures_an_amount_up_to_a_ceiling_is_no_result(extractor, text):
    """A company's or product's amount 'up to' a ceiling is a deal term, no result (SCHEMA 'a deal's own amounts')."""
    assert [f for f in _figures(extractor, "en", text) if f.kind != "market"] == []


def test_figures_the_period_of_a_changes_starting_amount_is_not_the_figures(extractor):
    """'fell to $610 million from $1.4 billion in Q1': Q1 is the period of the amount the change starts from, not of
    the figure; a trajectory's first point ('from 40 billion yuan in 2019 to 90 billion yuan in 2024') keeps its year."""
    text = ("Asia-Pacific licensing slowed in the second quarter of 2025. Quarter-on-quarter, disclosed upfronts for "
            "licensing deals fell to $610 million from $1.4 billion in Q1.")
    got = extractor.extract(text, lang="en", published="2025-07-15").figures
    assert [(int(f.value.amount), f.period) for f in got][:1] == [(610000000, "Q2 2025")]


@pytest.mark.parametrize("text,want", [
    ("Analysts expect the global obesity drug market to reach $100 billion by 2030.",
     [("global obesity drug", "market_size", 100000000000, "USD", "2030", None)]),
    ("Bankers forecast the Chinese ADC market to hit $10 billion in 2028.",
     [("Chinese ADC", "market_size", 10000000000, "USD", "2028", None)]),
    ("IQVIA sees the oncology market growing to $400 billion in 2028.",
     [("oncology", "market_size", 400000000000, "USD", "2028", None)]),
])
def test_figures_a_market_someone_expects_or_sees(extractor, text, want):
    """'X expect/forecast/project/see the … market to …': the verb and its subject are no part of the market (as
    'put/estimate/value' already were), and a market that will hit or top an amount has that size."""
    assert [_row(f) for f in _figures(extractor, "en", text)] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma expects its revenue to reach $2 billion in 2026.", []),
    ("Halcyon Bio projects full-year 2026 sales of $2 billion.", []),
    ("Halcyon Bio is targeting revenue of $2 billion by 2028.", []),
    # an ended period's expected figure is a preliminary result
    ("As previously reported, Halcyon Bio expects revenue of £12.3 million for 2024.",
     [("Halcyon Bio", "revenue", 12300000, "GBP", "FY2024", None)]),
    ("Analysts expect the global obesity drug market to reach $100 billion by 2030.",
     [("global obesity drug", "market_size", 100000000000, "USD", "2030", None)]),
])
def test_figures_what_a_company_expects_for_a_period_not_ended_is_a_forecast(extractor, text, want):
    """A company's figure it expects, projects or targets for a period not ended at publication is a forecast, no
    result; one of an ended period is a preliminary result; a market's forecast with its year stays a figure."""
    got = extractor.extract(text, lang="en", published="2025-05-01").figures
    assert [_row(f) for f in got] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halcyon Bio said Zelvora sales rose 40% to £48.2 million in 2025, while its net loss narrowed to £61.5 "
           "million.", [("Zelvora", "product_sales", 48200000, "GBP", "FY2025", 40.0),
                        ("Halcyon Bio", "net_loss", 61500000, "GBP", "FY2025", None)]),
    ("zh", "2024年宁远生物核心产品泽沃替尼销售额为8亿元，公司归母净亏损为3亿元。",
     [("泽沃替尼", "product_sales", 800000000, "CNY", "FY2024", None), ("宁远生物", "net_loss", 300000000, "CNY", "FY2024", None)]),
])
def test_figures_a_net_loss_is_a_companys_never_a_products(extractor, lang, text, want):
    """A net profit or loss is a company's: a product named near it is not its subject."""
    assert [_row(f) for f in _figures(extractor, lang, text)] == want



_BAND_S = ("证券代码：688001          证券简称：宁远生物          公告编号：2026-001\n\n宁远生物关于签署独家许可协议的公告\n\n"
           "二、协议主要内容\n4. 销售提成：年净销售额不超过10亿元的部分按3%提成，超过10亿元的部分按5%提成。\n\n三、对公司的影响\n"
           "公司2025年前三季度实现营业收入5.2亿元，同比增长10.5%。")
_BAND_T = ("證券代碼：688001          證券簡稱：寧遠生物          公告編號：2026-001\n\n寧遠生物關於簽署獨家許可協議的公告\n\n"
           "二、協議主要內容\n4. 銷售提成：年淨銷售額超過5億美元的部分按6%提成。\n\n三、對公司的影響\n"
           "公司2025年前三季度實現營業收入5.2億元，同比增長10.5%。")


@pytest.mark.parametrize("lang,text,want", [
    ("zh", _BAND_S, [("宁远生物", "revenue", 520000000, "CNY", "9M 2025", 10.5)]),
    ("zh", _BAND_T, [("寧遠生物", "revenue", 520000000, "CNY", "9M 2025", 10.5)]),
])
def test_figures_a_royalty_sales_band_is_no_figure(extractor, lang, text, want):
    """The band of sales a royalty is tiered by ('年净销售额不超过10亿元的部分按3%提成') is a threshold, no product's
    sales (of the filer a filing's header names)."""
    assert [_row(f) for f in _figures(extractor, lang, text)] == want


def test_figures_a_disclosures_title_line_names_its_filer(extractor):
    """A Korean disclosure headed 'Halvorsen Bio Co., Ltd. / Conclusion of …' is Halvorsen Bio's: its 'Sales revenue
    of recent business year' is the filer's revenue ('business year' is a fiscal year, no business line)."""
    text = ("Halvorsen Bio Co., Ltd. / Conclusion of Technology Export Contract (Autonomous Disclosure)\n\n"
            "1. Contract name: Technology export contract for HB-0412, an oral small molecule\n"
            "2. Counterparty: Kestrel Pharma, Inc. (U.S.A.)\n"
            "3. Total contract amount: USD 400,000,000\n"
            "4. Sales revenue of recent business year (2024, consolidated): KRW 120,500,000,000\n")
    assert [_row(f) for f in _figures(extractor, "en", text)] == [
        ("Halvorsen Bio Co., Ltd.", "revenue", 120500000000, "KRW", "FY2024", None)]


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "宁远生物与瑞康医药签署授权协议，瑞康医药获得KX-201在大中华区的权益。资本市场上，宁远生物股价当日上涨7.3%。"
           "该公司2025年实现营业收入约12亿元，主要来自合作方支付的技术费。",
     [("宁远生物", "revenue", 1200000000, "CNY", "FY2025", None)]),
    ("zh", "寧遠生物與瑞康醫藥簽署授權協議，瑞康醫藥獲得KX-201在大中華區的權益。資本市場上，寧遠生物股價當日上漲7.3%。"
           "該公司2025年實現營業收入約12億元，主要來自合作方支付的技術費。",
     [("寧遠生物", "revenue", 1200000000, "CNY", "FY2025", None)]),
])
def test_figures_the_company_referred_to_is_the_subject(extractor, lang, text, want):
    """'该公司2025年实现营业收入…' is the figure of the company named before, not of a company called '该公司' (a name
    finder's reading of the reference)."""
    assert [_row(f) for f in _figures(extractor, lang, text)] == want


_HK_HEAD = ("香港交易及結算所有限公司及香港聯合交易所有限公司對本公告的內容概不負責，對其準確性或完整性亦不發表任何聲明。\n\n"
            "寧遠醫藥集團有限公司\nNINGYUAN PHARMACEUTICAL GROUP LIMITED\n（於開曼群島註冊成立之有限公司）\n（股份代號：2999）\n\n"
            "澄清公告\n\n本公司董事會注意到，有報道稱瑞康製藥正考慮收購本公司。本公司並無與瑞康製藥進行任何磋商。\n\n"
            "截至2025年6月30日止六個月，本集團未經審核收入約為12.36億港元，較去年同期增長8.2%。")


_HK_HEAD_S = ("香港交易及结算所有限公司及香港联合交易所有限公司对本公告的内容概不负责，对其准确性或完整性亦不发表任何声明。\n\n"
              "宁远医药集团有限公司\nNINGYUAN PHARMACEUTICAL GROUP LIMITED\n（于开曼群岛注册成立之有限公司）\n（股份代号：2999）\n\n"
              "澄清公告\n\n本公司董事会注意到，有报道称瑞康制药正考虑收购本公司。本公司并无与瑞康制药进行任何磋商。\n\n"
              "截至2025年6月30日止六个月，本集团未经审核收入约为12.36亿港元，较去年同期增长8.2%。")


@pytest.mark.parametrize("text,name", [(_HK_HEAD, "寧遠醫藥集團有限公司"), (_HK_HEAD_S, "宁远医药集团有限公司")])
def test_figures_a_hong_kong_announcement_names_its_issuer_under_the_disclaimer(extractor, text, name):
    """A Hong Kong announcement opens with the exchange's disclaimer, then its issuer's Chinese and English names:
    '本集團' is that issuer, not the company the announcement last named."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == [(name, "revenue", 1236000000, "HKD", "H1 2025", 8.2)]


@pytest.mark.parametrize("text,want", [
    ("寧遠醫藥2025年上半年收入約為12.36億港元；寧遠醫藥擁有人應佔溢利約為1.85億港元。",
     [("寧遠醫藥", "revenue", 1236000000, "HKD", "H1 2025", None), ("寧遠醫藥", "net_profit", 185000000, "HKD", "H1 2025", None)]),
    ("宁远医药2025年上半年股东应占溢利约为1.85亿港元。", [("宁远医药", "net_profit", 185000000, "HKD", "H1 2025", None)]),
    ("寧遠醫藥2025年上半年期內溢利約為1.85億港元。", [("寧遠醫藥", "net_profit", 185000000, "HKD", "H1 2025", None)]),
])
def test_figures_profit_attributable_to_owners_is_net_profit(extractor, text, want):
    """Hong Kong filings' profit words: 本公司擁有人應佔溢利, 股东应占溢利 (attributable to owners), 期內溢利 (for the
    period) are the net profit."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text,want", [
    ("宁远生物2025年上半年营业收入2.87亿元。产品端，核心品种宁维尼片上半年销售收入1.21亿元，同比增长29.5%。",
     [("宁远生物", "revenue", 287000000, "CNY", "H1 2025", None), ("宁维尼片", "product_sales", 121000000, "CNY", "H1 2025", 29.5)]),
    ("寧遠生物2025年上半年營業收入2.87億元。產品端，核心品種寧維尼膠囊上半年銷售收入1.21億元。",
     [("寧遠生物", "revenue", 287000000, "CNY", "H1 2025", None), ("寧維尼膠囊", "product_sales", 121000000, "CNY", "H1 2025", None)]),
])
def test_figures_a_products_sales_with_a_period_without_its_year(extractor, text, want):
    """'核心品种宁维尼片上半年销售收入…', '核心品種寧維尼膠囊上半年銷售收入…': a period without its year between the product and
    its sales word is no part of the product's name."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text,want", [
    ("2025年上半年，宁远生物实现营业收入3.1亿元。报告期内，宁远生物授权收入1.2亿元，其中包括合作伙伴支付的里程碑款。",
     [("宁远生物", "revenue", 310000000, "CNY", "H1 2025", None), ("宁远生物", "other", 120000000, "CNY", "H1 2025", None)]),
    ("2025年上半年，寧遠生物實現營業收入3.1億元。報告期內，寧遠生物授權及合作收入1.2億元，其中包括合作夥伴支付的里程碑款。",
     [("寧遠生物", "revenue", 310000000, "CNY", "H1 2025", None), ("寧遠生物", "other", 120000000, "CNY", "H1 2025", None)]),
])
def test_figures_a_payment_word_inside_a_metric_word_is_no_payment(extractor, text, want):
    """'授权收入1.2亿元，其中包括…里程碑款': 授权 / 合作 inside the metric word are no deal payment that makes the amount a
    deal's term."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text,want", [
    ("2025年上半年，宁远生物实现营业收入2.87亿元。报告期内，宁远生物合作收入1.38亿元，其中包括合作伙伴支付的里程碑款。",
     [("宁远生物", "revenue", 287000000, "CNY", "H1 2025", None), ("宁远生物", "other", 138000000, "CNY", "H1 2025", None)]),
    ("2025年上半年，寧遠生物實現營業收入2.87億元。報告期內，寧遠生物合作收入約為1.38億元。",
     [("寧遠生物", "revenue", 287000000, "CNY", "H1 2025", None), ("寧遠生物", "other", 138000000, "CNY", "H1 2025", None)]),
])
def test_figures_collaboration_income_is_a_measure_of_its_own(extractor, text, want):
    """'合作收入1.38亿元' (collaboration income) is a part of revenue reported on its own, as 授权收入 is (metric
    other), not a second revenue of the period."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == want


def test_figures_a_share_said_after_a_value_keeps_its_subject(extractor):
    """'… upfronts exceeded $16 billion in the first half of 2025, with deals for Chinese assets accounting for
    roughly 30% of the total': the subject of the later share is not the total's."""
    text = ("Global biopharma licensing upfronts exceeded $16 billion in the first half of 2025, with deals for "
            "Korean assets accounting for roughly 12% of the total by value.")
    got = [_row(f) for f in _figures(extractor, "en", text)]
    assert got[0] == ("upfronts", "deal_value", 16000000000, "USD", "H1 2025", None)


@pytest.mark.parametrize("text,want", [
    ("Global licensing upfronts exceeded $16 billion in the first half of 2025, with deals for Korean assets "
     "accounting for roughly 12% of the total by value.", ("Korean assets", "market_share", 12, "%", "H1 2025", None)),
    ("Oncology accounted for 41% of the total in 2024.", ("Oncology", "market_share", 41, "%", "2024", None)),
])
def test_figures_a_share_of_the_total(extractor, text, want):
    """'… accounting for roughly 12% of the total (by value)': a share of the total named before is a market share
    (not before revenue, sales or income)."""
    assert want in [_row(f) for f in _figures(extractor, "en", text)]


@pytest.mark.parametrize("text,want", [
    ("寧遠生技去年合併營收為新台幣18.7億元。瑞康藥業收購一座工廠。瑞康表示，併購後全年營收可望增加約新台幣15億元。",
     [("寧遠生技", "revenue", 1870000000, "TWD")]),
    ("宁远生物去年营业收入为人民币18.7亿元。瑞康药业收购一座工厂。瑞康表示，收购后全年营收将增加约人民币15亿元。",
     [("宁远生物", "revenue", 1870000000, "CNY")]),
])
def test_figures_a_change_given_as_an_amount_with_its_currency_word(extractor, text, want):
    """'營收可望增加約新台幣15億元': an increase given as an amount is no figure, also with its currency written before
    the number (新台幣, 人民币)."""
    assert [_row(f)[:4] for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Verdane Pharma released its annual results on Monday. Revenue rose 11% to $2.4 billion in 2024.",
     ("Verdane Pharma", "revenue", 2400000000, "FY2024", 11.0)),
    ("zh", "宁远生物发布2025年半年报。报告期内，营业收入为5.2亿元，同比增长12%。",
     ("宁远生物", "revenue", 520000000, "H1 2025", 12.0)),
    ("zh", "寧遠生物發布2025年半年報。報告期內，營業收入為5.2億元，同比增長12%。",
     ("寧遠生物", "revenue", 520000000, "H1 2025", 12.0)),
])
def test_figures_the_only_company_of_the_article_is_the_subject(extractor, lang, text, want):
    """A figure whose sentence names no company is the company's the article names, when it names only one (it is
    named once: no company was the article's own before)."""
    got = [(f.subject.name if hasattr(f.subject, "name") else f.subject, f.metric, int(f.value.amount), f.period,
            f.change_pct) for f in _figures(extractor, lang, text)]
    assert got == [want]


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "2024年，恒泽制药研发费用同比增长30%至9.8亿元。", ("恒泽制药", "r_and_d_expense", 980000000, "FY2024", 30.0)),
    ("zh", "2024年，恆澤製藥研發開支為6.6億港元，同比上升18%。", ("恆澤製藥", "r_and_d_expense", 660000000, "FY2024", 18.0)),
])
def test_figures_zh_a_company_right_before_its_metric_word(extractor, lang, text, want):
    """A Chinese company name (a name with its business word: 制药, 生物, 药业 …) right before the metric word is the
    subject where no name finder read it ('恒泽制药研发费用': 研发 after the name keeps the name finder off)."""
    got = [(f.subject.name if hasattr(f.subject, "name") else f.subject, f.metric, int(f.value.amount), f.period,
            f.change_pct) for f in _figures(extractor, lang, text)]
    assert got == [want]


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "瑞康醫藥截至2025年6月30日止六個月收益為人民幣8.8億元，同比增加12.4%。",
     [("瑞康醫藥", "revenue", 880000000, "H1 2025", 12.4)]),
    ("zh", "瑞康医药截至2024年12月31日止年度收益约为3.2亿港元。", [("瑞康医药", "revenue", 320000000, "FY2024", None)]),
    # investment income and earnings per share are no revenue
    ("zh", "瑞康医药2024年投资收益为5000万元，基本每股收益0.35元。", []),
])
def test_figures_zh_hong_kong_shouyi_is_revenue(extractor, lang, text, want):
    """收益 before its amount is a Hong Kong filing's revenue (not 投资收益, 每股收益, 递延收益)."""
    got = [(f.subject.name if hasattr(f.subject, "name") else f.subject, f.metric, int(f.value.amount), f.period,
            f.change_pct) for f in _figures(extractor, lang, text)]
    assert got == want


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "寧遠生物截至2024年12月31日止年度錄得虧損淨額約4.5億港元。", [("寧遠生物", "net_loss", 450000000, "FY2024")]),
    ("zh", "宁远生物截至2024年12月31日止年度录得亏损净额约4.5亿港元。", [("宁远生物", "net_loss", 450000000, "FY2024")]),
])
def test_figures_zh_kuisun_jinge_is_a_net_loss(extractor, lang, text, want):
    """亏损净额 / 虧損淨額 (the net amount of the loss, Hong Kong filings) is the net loss."""
    got = [(f.subject.name if hasattr(f.subject, "name") else f.subject, f.metric, int(f.value.amount), f.period)
           for f in _figures(extractor, lang, text)]
    assert got == want


def test_figures_one_quarter_named_two_ways_is_one_figure(extractor):
    """The same value of one company named for 'the July-September quarter' and 'the second quarter of FY26' (an
    Indian fiscal year) is one figure, not two of two quarters."""
    text = ("Synopsis: The Pune-based drugmaker's net profit rose to Rs 512 crore in the July-September quarter.\n\n"
            "Mumbai: Kestrel Pharma on Tuesday reported net profit of Rs 512 crore for the second quarter of FY26.")
    got = [(f.metric, int(f.value.amount))
           for f in extractor.extract(text, lang="en", published="2025-11-11").figures]
    assert got == [("net_profit", 5120000000)]


@pytest.mark.parametrize("text,want", [
    ("Halcyon Bio reported a 20% rise in first-quarter 2025 revenue to $410 million.",
     ("Halcyon Bio", "revenue", 410000000, "Q1 2025", 20.0)),
    ("Kestrel Pharma posted a 12% decline in its 2024 net loss to $80 million.",
     ("Kestrel Pharma", "net_loss", 80000000, "FY2024", -12.0)),
])
def test_figures_a_change_said_before_its_metric_word(extractor, text, want):
    """'a 20% rise in first-quarter revenue to $410 million': the change before the metric word it is 'in' is the
    figure's."""
    got = [(f.subject_name, f.metric, int(f.value.amount), f.period, f.change_pct) for f in _figures(extractor, "en", text)]
    assert got == [want]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Sales of Zelvora reached $640 million in 2024, up more than 50%.", ("Zelvora", 640000000, 50.0)),
    ("en", "Kestrel Pharma's revenue fell almost 20% to $300 million in 2024.", ("Kestrel Pharma", 300000000, -20.0)),
    ("zh", "泽沃替尼2024年全年销售额突破10亿元，同比增长超过50%。", ("泽沃替尼", 1000000000, 50.0)),
    ("zh", "恆澤製藥2024年營收12億元，同比下降近20%。", ("恆澤製藥", 1200000000, -20.0)),
])
def test_figures_a_change_with_a_qualifier(extractor, lang, text, want):
    """A change said with a bound or an approximation ('up more than 50%', 'fell almost 20%', 同比增长超过50%,
    下降近20%) is the change as stated."""
    got = [(f.subject_name, int(f.value.amount), f.change_pct) for f in _figures(extractor, lang, text)]
    assert got == [want]


@pytest.mark.parametrize("text,want", [
    ("Verdane Pharma said first-half 2025 sales of its blood thinner Ciravex climbed 14% to $380 million.",
     ("Ciravex", "product", "product_sales", 380000000)),
    ("Halcyon Bio said 2024 sales of its oral migraine pill Norvexa rose to $210 million.",
     ("Norvexa", "product", "product_sales", 210000000)),
])
def test_figures_sales_of_a_product_named_after_its_description(extractor, text, want):
    """'sales of its blood thinner Ciravex': the product named after a description of one to three words is the
    subject (the company's revenue before)."""
    got = [(f.subject_name, f.kind, f.metric, int(f.value.amount)) for f in _figures(extractor, "en", text)]
    assert got == [want]


@pytest.mark.parametrize("text,want", [
    ("宁远生物的泽沃替尼在2024年实现销售收入9.6亿元。", ("泽沃替尼", "product_sales", 960000000, "FY2024")),
    ("寧遠生物的澤沃替尼於2024年實現銷售收入9.6億元。", ("澤沃替尼", "product_sales", 960000000, "FY2024")),
])
def test_figures_zh_a_product_then_zai_and_its_year(extractor, text, want):
    """在/于 between a product and the year of its sales ('泽沃替尼在2024年实现销售收入') is no part of its name."""
    got = [(f.subject_name, f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "zh", text)]
    assert got == [want]


def test_figures_an_expected_figure_of_no_period_is_a_forecast(extractor):
    """A company's figure after 'expects/anticipates/projects' with no period named ('anticipates sales of $600
    million next year') is a forecast, no result; one of an ended period stays (a preliminary result)."""
    text = ("Marlow Therapeutics said it anticipates sales of $600 million next year. Marlow Therapeutics expects "
            "revenue of £12.3 million for 2024.")
    got = [(f.metric, int(f.value.amount), f.period)
           for f in extractor.extract(text, lang="en", published="2025-02-01").figures]
    assert got == [("revenue", 12300000, "FY2024")]


def test_figures_guiding_to_a_figure_is_a_forecast(extractor):
    """'is guiding to revenue of $600 million for 2026' (in 2025): guidance, no result."""
    text = "Marlow Therapeutics is guiding to revenue of $600 million for 2026."
    assert extractor.extract(text, lang="en", published="2025-11-01").figures == []


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma, which licensed Norvexa from Halcyon Bio, reported 2024 revenue of $1.2 billion.",
     ("Kestrel Pharma", "revenue", 1200000000)),
    ("Halcyon Bio, whose partner Kestrel Pharma sells Norvexa in Europe, said its revenue climbed 8% to $640 million "
     "in 2024.", ("Halcyon Bio", "revenue", 640000000)),
    ("Halcyon Bio, the maker of Zelvora with Kestrel Pharma, booked revenue of $2.2 billion in 2024, up 6%.",
     ("Halcyon Bio", "revenue", 2200000000)),
])
def test_figures_a_company_inside_a_relative_clause_is_no_subject(extractor, text, want):
    """A company named inside a relative clause or an aside before the metric ('Kestrel Pharma, which licensed Norvexa
    from Halcyon Bio, reported revenue …') is not the figure's: the clause's subject before it is."""
    got = [(f.subject_name, f.metric, int(f.value.amount)) for f in _figures(extractor, "en", text)]
    assert got == [want]


@pytest.mark.parametrize("text,subject", [
    ("中国创新药市场规模预计将从2024年的1200亿元增长至2030年的3500亿元。", "中国创新药"),
    ("中國創新藥市場規模預計將從2024年的1200億元增長至2030年的3500億元。", "中國創新藥"),
])
def test_figures_zh_a_market_trajectory_keeps_each_year(extractor, text, subject):
    """'从2024年的1200亿元增长至2030年的3500亿元': each point of a market's trajectory has the year written right
    before it with 的 (the first took the later year)."""
    got = [(f.subject_name, int(f.value.amount), f.period) for f in _figures(extractor, "zh", text)]
    assert got == [(subject, 120000000000, "2024"), (subject, 350000000000, "2030")]


@pytest.mark.parametrize("text,want", [
    ("恒泽制药旗下的泽沃替尼2024年贡献收入6.2亿元。", ("泽沃替尼", "product", 620000000)),
    ("恆澤製藥旗下的澤沃替尼2024年上半年貢獻收入3.1億元。", ("澤沃替尼", "product", 310000000)),
])
def test_figures_zh_a_product_contributed_in_a_period(extractor, text, want):
    """'泽沃替尼2024年贡献收入': a period between the product and 贡献 is no obstacle (the company's before)."""
    got = [(f.subject_name, f.kind, int(f.value.amount)) for f in _figures(extractor, "zh", text)]
    assert got == [want]


@pytest.mark.parametrize("text,want", [
    ("For the year ended 31 December 2024, Kestrel Pharma recorded revenue of RMB1,284.6 million and a loss for the "
     "year of RMB402.7 million.", [("revenue", 1284600000), ("net_loss", 402700000)]),
    ("Kestrel Pharma's profit for the year rose 12% to €41 million in 2024.", [("net_profit", 41000000)]),
    ("Halcyon Bio reported a loss after tax of £6.2 million for 2024.", [("net_loss", 6200000)]),
])
def test_figures_loss_or_profit_for_the_year(extractor, text, want):
    """'loss for the year', 'profit for the year', 'loss after tax' (IFRS and UK wording) are the net loss or
    profit."""
    assert [(f.metric, int(f.value.amount)) for f in _figures(extractor, "en", text)] == want


def test_figures_the_prior_value_in_brackets_is_no_figure(extractor):
    """'revenue of £12.3 million for 2024 (2023: £7.9 million) and a loss for the year of £9.8 million (2023: £14.1
    million)': the bracketed prior-year values are comparison bases (the first was the loss's)."""
    text = ("Thamesgate Bio expects revenue of £12.3 million for 2024 (2023: £7.9 million) and a loss for the year of "
            "£9.8 million (2023: £14.1 million).")
    got = [(f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "en", text)]
    assert got == [("revenue", 12300000, "FY2024"), ("net_loss", 9800000, "FY2024")]


def test_figures_a_plans_date_sets_no_period(extractor):
    """A sentence without figures that dates a plan ('expected approval in the second half of 2025' in July 2025,
    'likely not before 2027') sets no period: the quarter of the results after it is the latest reported."""
    text = ("Quillon said it would resubmit the application, though likely not before 2027. The company had "
            "previously said it expected approval in the second half of 2025. The letter overshadowed second-quarter "
            "results published the same morning. Quillon Pharmaceuticals' revenue rose 12% to $24.6 million.")
    got = [(f.metric, int(f.value.amount), f.period)
           for f in extractor.extract(text, lang="en", published="2025-07-29").figures]
    assert got == [("revenue", 24600000, "Q2 2025")]


@pytest.mark.parametrize("text,want", [
    ("恒泽制药（股票代码：688001）发布2024年年报。报告期内，本公司实现营业收入42.1亿元，同比增长13.5%。",
     [("恒泽制药", "revenue", 4210000000, "FY2024", 13.5)]),
    ("恆澤製藥（股票代碼：688001）發佈2024年年報。報告期內，本公司實現營業收入42.1億元，同比增長13.5%。",
     [("恆澤製藥", "revenue", 4210000000, "FY2024", 13.5)]),
    # an analyst's 我们 is no company
    ("恒泽制药（股票代码：688001）发布2024年年报。我们预计公司2027年归母净利润为4.86亿元。", []),
])
def test_figures_zh_benggongsi_of_a_named_issuer(extractor, text, want):
    """本公司 in the release of a company the article names (with its stock code) is that company; 我们 (an analyst)
    still has no figures."""
    got = [(f.subject_name, f.metric, int(f.value.amount), f.period, f.change_pct) for f in _figures(extractor, "zh", text)]
    assert got == want


@pytest.mark.parametrize("text,want", [
    ("宁远生物发布2025年中期业绩公告。本集团期内收入为6.3亿元，按年增长25.4%；期内亏损为1.2亿元。",
     [("revenue", 630000000), ("net_loss", 120000000)]),
    ("寧遠生物2024年虧損為3.5億港元。", [("net_loss", 350000000)]),
])
def test_figures_zh_kuisun_wei_is_a_net_loss(extractor, text, want):
    """亏损为 / 虧損為 before an amount (期内亏损为1.2亿元) is the net loss, as 亏损约 and 亏损：were."""
    assert [(f.metric, int(f.value.amount)) for f in _figures(extractor, "zh", text)] == want


@pytest.mark.parametrize("text,want", [
    ("市场方面，全球IL-23单抗2024年销售额超过300亿美元。", [("全球IL-23单抗", "market", "market_size", 30000000000, "2024")]),
    ("2023年全球雙抗藥物銷售額約80億美元。", [("全球雙抗藥物", "market", "market_size", 8000000000, "2023")]),
    # a company's drug stays a product
    ("恒泽制药的核心药物泽沃替尼2024年销售额为6.2亿元。", [("泽沃替尼", "product", "product_sales", 620000000, "FY2024")]),
])
def test_figures_zh_the_sales_of_a_class_in_a_market(extractor, text, want):
    """'全球IL-23单抗2024年销售额': the sales of a class of drugs in a market (全球/中国/国内 …) are the market's size,
    not the sales of the company named before."""
    got = [(f.subject_name, f.kind, f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "zh", text)]
    assert got == want


@pytest.mark.parametrize("text,want", [
    ("Global sales of PD-1 inhibitors topped $50 billion in 2024, Halcyon Bio said.",
     [("PD-1 inhibitors", "market", "market_size", 50000000000, "2024")]),
    ("Halcyon Bio noted that worldwide sales of GLP-1 drugs reached $50 billion in 2024.",
     [("GLP-1 drugs", "market", "market_size", 50000000000, "2024")]),
    ("Sales of Zelvora reached $640 million in 2024.", [("Zelvora", "product", "product_sales", 640000000, "FY2024")]),
])
def test_figures_the_sales_of_a_class_of_drugs(extractor, text, want):
    """'Global sales of PD-1 inhibitors topped $50 billion': the sales of a class of drugs are a market's size, not
    the revenue of the company the sentence names."""
    got = [(f.subject_name, f.kind, f.metric, int(f.value.amount), f.period) for f in _figures(extractor, "en", text)]
    assert got == want


def test_figures_the_amount_after_a_change_amount_or_a_base_is_the_figure(extractor):
    """'increased by $12.3 million to $143.6 million', 'rose from $61.5 million to $84.2 million': no guidance range
    (notfig.range), the amount after 'to' is the figure; a range of two amounts stays no figure."""
    rows = [_row(f) for f in _figures(extractor, "en", "CORVANE THERAPEUTICS, INC.\nResearch and development expenses "
                                      "increased by $12.3 million to $143.6 million for the year ended December 31, "
                                      "2025.")]
    assert rows == [("CORVANE THERAPEUTICS, INC.", "r_and_d_expense", 143600000, "USD", "FY2025", None)]
    rows = [_row(f) for f in _figures(extractor, "en", "Corvane Therapeutics said total revenue rose from $61.5 "
                                      "million to $84.2 million in 2025.")]
    assert rows == [("Corvane Therapeutics", "revenue", 84200000, "USD", "FY2025", None)]
    assert _figures(extractor, "en", "Corvane Therapeutics expects total revenue of $90 million to $95 million "
                                     "in 2026.") == []


def test_figures_a_table_whose_years_stand_above_its_units_header(extractor):
    """'2025 2024' on the line above 'RMB'000 RMB'000': the columns are those years (the rows were read with the
    last year named before the header, the prior one, and rows in brackets were lost)."""
    text = ("SUNRAY BIOLOGICS LIMITED\nCONSOLIDATED STATEMENT OF PROFIT OR LOSS\nFor the year ended 31 December 2025\n"
            "2025 2024\nRMB'000 RMB'000\nRevenue 2,104,612 1,604,211\n"
            "Research and development costs (890,104) (812,330)\nLoss for the year (405,233) (520,118)\n")
    rows = [_row(f) for f in _figures(extractor, "en", text)]
    assert rows == [("SUNRAY BIOLOGICS LIMITED", "revenue", 2104612000, "CNY", "FY2025", None),
                    ("SUNRAY BIOLOGICS LIMITED", "r_and_d_expense", 890104000, "CNY", "FY2025", None),
                    ("SUNRAY BIOLOGICS LIMITED", "net_loss", 405233000, "CNY", "FY2025", None)]


def test_figures_a_pipe_table_row_named_by_its_label_alone(extractor):
    """'| Research and development | 120,455 | 98,700 |': the bars around a label are no part of it (tables.labels
    names the metric of a bare 'Research and development' row)."""
    text = ("LUMETRA BIOSCIENCES, INC.\nCONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands, except per share data)\n"
            "| | 2025 | 2024 |\n| Total revenues | 45,210 | 38,900 |\n| Research and development | 120,455 | 98,700 |\n"
            "| Net loss | (110,357) | (89,804) |\n")
    rows = [_row(f) for f in _figures(extractor, "en", text)]
    assert rows == [("LUMETRA BIOSCIENCES, INC.", "revenue", 45210000, "USD", "FY2025", None),
                    ("LUMETRA BIOSCIENCES, INC.", "r_and_d_expense", 120455000, "USD", "FY2025", None),
                    ("LUMETRA BIOSCIENCES, INC.", "net_loss", 110357000, "USD", "FY2025", None)]


@pytest.mark.parametrize("body", [
    # one cell per line: the years one under another, each row's label, then its cells
    "Year Ended December 31,\n2025\n2024\nTotal revenues\n45,210\n38,900\nResearch and development\n120,455\n98,700\n"
    "Net loss\n(110,357)\n(89,804)\n",
    # a row's label on its own line, its cells on the next ('Research and development' named by tables.labels)
    "Year Ended December 31,\n2025 2024\nTotal revenues\n$ 45,210 $ 38,900\nResearch and development\n120,455 98,700\n"
    "Net loss\n$ (110,357) $ (89,804)\n",
])
def test_figures_a_table_with_labels_and_cells_on_lines_of_their_own(extractor, body):
    text = "LUMETRA BIOSCIENCES, INC.\nCONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands, except per share data)\n" + body
    rows = [_row(f) for f in _figures(extractor, "en", text)]
    assert rows == [("LUMETRA BIOSCIENCES, INC.", "revenue", 45210000, "USD", "FY2025", None),
                    ("LUMETRA BIOSCIENCES, INC.", "r_and_d_expense", 120455000, "USD", "FY2025", None),
                    ("LUMETRA BIOSCIENCES, INC.", "net_loss", 110357000, "USD", "FY2025", None)]


def test_figures_a_target_companys_table_in_an_acquirers_filing(extractor):
    """An acquirer's announcement sets out the table of the company it buys: the rows are that company's (the one the
    filing defines as the "Target Company"), and both years the intro names are reported."""
    text = ("QIANHAI MEDICAL GROUP LIMITED\nDISCLOSEABLE TRANSACTION\nThe Company has agreed to acquire 60% of the "
            "equity interest in Ningbo Lanshan Pharmaceutical Co., Ltd. (the \"Target Company\") for RMB600 million.\n"
            "FINANCIAL INFORMATION\nThe audited financial information of the Target Company for the two years ended "
            "31 December 2024 and 2025 is set out below:\n"
            "                 For the year ended 31 December\n                     2025        2024\n"
            "                  RMB'000     RMB'000\nRevenue           215,400     180,300\n"
            "Net profit after taxation  40,120  31,870\n")
    rows = [_row(f) for f in _figures(extractor, "en", text)]
    name = "Ningbo Lanshan Pharmaceutical Co., Ltd."
    assert rows == [(name, "revenue", 215400000, "CNY", "FY2025", None), (name, "revenue", 180300000, "CNY", "FY2024", None),
                    (name, "net_profit", 40120000, "CNY", "FY2025", None),
                    (name, "net_profit", 31870000, "CNY", "FY2024", None)]


def test_figures_a_deferred_revenue_line_is_no_revenue(extractor):
    """'Deferred revenue' is a balance-sheet line (notfig.balance_sheet), as a table row and when padding on its line
    puts its amount past the cue's reach (the metric word 'revenue' inside it took the amount)."""
    text = ("HALDANE BIO, INC.\nLicense Agreement (Details) - USD ($)\n$ in Millions\n"
            "                                   12 Months Ended\n"
            "                                   Dec. 31, 2025      Dec. 31, 2024\n"
            "Collaboration revenue                  18.5               0\n"
            "Deferred revenue                                                   41.2\n")
    rows = [_row(f) for f in _figures(extractor, "en", text)]
    assert rows == [("HALDANE BIO, INC.", "revenue", 18500000, "USD", "FY2025", None)]


@pytest.mark.parametrize("text,want", [
    ("瑞泽生物科技股份有限公司\n本集团截至2025年12月31日止年度的研发开支由2024年的人民币812.3百万元增加至人民币890.1百万元。",
     ("瑞泽生物科技股份有限公司", "r_and_d_expense", 890100000, "CNY", "FY2025", None)),
    ("瑞澤生物科技股份有限公司\n本集團的研發開支由截至2024年12月31日止年度的人民幣812.3百萬元減少至截至2025年12月31日止年度的"
     "人民幣790.1百萬元。", ("瑞澤生物科技股份有限公司", "r_and_d_expense", 790100000, "CNY", "FY2025", None)),
])
def test_figures_zh_from_a_base_increased_to_a_value(extractor, text, want):
    """由«base»增加至/减少至«value»: the value after the verb is the figure (the chain '增加至' joins it to the base's cue),
    the base of a period '截至…止年度' no figure."""
    assert [_row(f) for f in _figures(extractor, "zh", text)] == [want]


@pytest.mark.parametrize("head", ["Sunray Biologics Ltd\nFORM 20-F\n", "Sunray Biologics Ltd\nAnnual Report 2025\n"])
def test_figures_our_figures_in_a_filing_headed_by_its_filer_in_lower_case(extractor, head):
    """A filer named in capitals and lower case alone on the first line over its form or report title is the
    filing's issuer, so 'our total revenues' are its figures (only a name in capitals was taken)."""
    text = head + "Our total revenues amounted to RMB1,245.3 million in 2025, an increase of 27.4% from 2024."
    assert [_row(f) for f in _figures(extractor, "en", text)] == [
        ("Sunray Biologics Ltd", "revenue", 1245300000, "CNY", "FY2025", 27.4)]
    # (a news headline with a company name is no filer: "our" there is no one's)
    assert _figures(extractor, "en", "Sunray Biologics Ltd\nShares jump on results\n"
                                     "Our total revenues amounted to RMB1,245.3 million in 2025.") == []


@pytest.mark.parametrize("text", ["Halvex's first-quarter net income fell 15% to $1.2 billion.",
                                  "Halvex’s net income fell 15% to $1.2 billion in the first quarter."])
def test_figures_a_possessive_name_no_finder_knows_is_the_subject(extractor, text):
    """'Halvex's net income …': a capitalised name with 's opening the clause before the metric is the company (as
    'Halvex reported …' is), though no company finder knows the bare name."""
    got = [_row(f) for f in extractor.extract(text, lang="en", published="2026-05-10").figures]
    assert got == [("Halvex", "net_profit", 1200000000, "USD", "Q1 2026", -15.0)]


@pytest.mark.parametrize("text", ["Halvex spent $6.8 billion on research and development in 2025, up from $5.9 billion.",
                                  "Halvex invested $6.8 billion in R&D in 2025."])
def test_figures_the_name_before_a_spending_verb_is_the_subject(extractor, text):
    """'Halvex spent $6.8 billion on R&D': the metric word is the verb itself (metric.rd_spent), and the name right
    before it is the company (the reporting subject was looked for before the metric word only)."""
    got = [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures]
    assert got == [("Halvex", "r_and_d_expense", 6800000000, "USD", "FY2025", None)]


def test_figures_a_product_named_after_its_class_after_the_sales_word(extractor):
    """'$1.2 billion in second-quarter sales of its psoriasis drug Velantra': the product named after the metric word
    and its class is the subject (the company's revenue before)."""
    text = "Orriant Bio booked $1.2 billion in second-quarter sales of its psoriasis drug Velantra, up 30% from a year ago."
    got = [_row(f) for f in extractor.extract(text, lang="en", published="2026-08-10").figures]
    assert got == [("Velantra", "product_sales", 1200000000, "USD", "Q2 2026", 30.0)]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Among Chinese biotechs, Sunray Biologics reported revenue of RMB2.1 billion, Qinlan Pharma RMB1.4 billion "
           "and Heyuan Bio RMB860 million for 2025.",
     [("Sunray Biologics", "revenue", 2100000000, "CNY", "FY2025", None),
      ("Qinlan Pharma", "revenue", 1400000000, "CNY", "FY2025", None),
      ("Heyuan Bio", "revenue", 860000000, "CNY", "FY2025", None)]),
])
def test_figures_a_gapped_list_of_companies_and_values(extractor, lang, text, want):
    """One metric word, then 'X value, Y value and Z value': each value is the company named right before it, and the
    period after the last is all of theirs."""
    got = [_row(f) for f in extractor.extract(text, lang=lang, published="2026-02-10").figures]
    assert got == want


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "瑞泽生物科技股份有限公司2025年年度报告\n报告期内，公司实现归属于上市公司股东的净利润-3.57亿元。",
     ("瑞泽生物科技股份有限公司", "net_loss", 357000000, "CNY", "FY2025", None)),
    ("zh", "瑞澤生物科技股份有限公司2025年年度報告\n報告期內，公司實現歸屬於上市公司股東的淨利潤為-3.57億元。",
     ("瑞澤生物科技股份有限公司", "net_loss", 357000000, "CNY", "FY2025", None)),
    ("en", "Corvane Therapeutics reported a net income of -$12.3 million for 2025.",
     ("Corvane Therapeutics", "net_loss", 12300000, "USD", "FY2025", None)),
])
def test_figures_a_profit_below_zero_is_a_loss(extractor, lang, text, want):
    """净利润-3.57亿元, 'net income of -$12.3 million': a net profit written with a minus sign is the net loss (its
    amount positive, SCHEMA.md), not a profit."""
    got = [_row(f) for f in extractor.extract(text, lang=lang, published="2026-03-28").figures]
    assert got == [want]


@pytest.mark.parametrize("text,name", [
    ("千禾医疗集团有限公司\n须予披露交易\n本公司同意收购宁波蓝山制药有限公司（「目标公司」）60%股权。\n"
     "下表载列目标公司截至2024年及2025年12月31日止两个年度的经审核财务资料：\n单位：人民币千元\n"
     "                 截至12月31日止年度\n                 2024年        2025年\n收入              180,300       215,400\n"
     "除税后亏损        (31,870)      (40,120)\n", "宁波蓝山制药有限公司"),
    ("千禾醫療集團有限公司\n須予披露交易\n本公司同意收購寧波藍山製藥有限公司（「目標公司」）60%股權。\n"
     "下表載列目標公司截至2024年及2025年12月31日止兩個年度的經審核財務資料：\n單位：人民幣千元\n"
     "                 截至12月31日止年度\n                 2024年        2025年\n收入              180,300       215,400\n"
     "除稅後虧損        (31,870)      (40,120)\n", "寧波藍山製藥有限公司"),
])
def test_figures_zh_a_target_companys_table(extractor, text, name):
    """下表载列目标公司…两个年度的财务资料: the rows are the company defined as 「目标公司」, both years; a loss row with
    its cell in brackets ('除税后亏损 (40,120)') is the net loss."""
    rows = sorted(_row(f) for f in _figures(extractor, "zh", text))
    assert rows == sorted([(name, "revenue", 215400000, "CNY", "FY2025", None),
                           (name, "revenue", 180300000, "CNY", "FY2024", None),
                           (name, "net_loss", 40120000, "CNY", "FY2025", None),
                           (name, "net_loss", 31870000, "CNY", "FY2024", None)])


def test_figures_a_table_far_below_the_notes_units_header(extractor):
    """A note headed once by its units ('(in thousands, …)' at the top) and a results table many lines below it: the
    table is read with the header's scale; a table of what one agreement brought in is no company figure."""
    lines = ["MERIDEN BIO, INC.", "NOTES TO CONSOLIDATED FINANCIAL STATEMENTS", "(in thousands, except per share amounts)",
             "", "5. Collaboration Agreements", ""]
    lines += [f"Paragraph {i} of the note describes the terms of the agreement in words." for i in range(16)]
    lines += ["", "Revenue recognized under the Orla Agreement:", "                     Year Ended December 31,",
              "                        2025        2024", "Collaboration revenue   $ 4,500     $ 2,000", "",
              "The following table summarizes the Company's results:", "                     Year Ended December 31,",
              "                        2025        2024", "Total revenue           $ 9,300     $ 6,100",
              "Research and development expense   $ 41,200   $ 37,900", ""]
    rows = [_row(f) for f in _figures(extractor, "en", "\n".join(lines))]
    assert rows == [("MERIDEN BIO, INC.", "revenue", 9300000, "USD", "FY2025", None),
                    ("MERIDEN BIO, INC.", "r_and_d_expense", 41200000, "USD", "FY2025", None)]


@pytest.mark.parametrize("text,name", [
    ("浙江青禾药业股份有限公司2025年年度报告（摘要）\n\n主要会计数据      单位：万元  币种：人民币\n"
     "项目          2025年        2024年\n营业收入      120,500.00    98,300.00\n\n"
     "第三节 重要事项\n报告期内，公司与Lumetra Biosciences, Inc.签订许可协议。Lumetra Biosciences, Inc.将支付首付款。"
     "Lumetra Biosciences, Inc.负责海外开发。", "浙江青禾药业股份有限公司"),
    ("浙江青禾藥業股份有限公司2025年年度報告（摘要）\n\n主要會計數據      單位：萬元  幣種：人民幣\n"
     "項目          2025年        2024年\n營業收入      120,500.00    98,300.00\n\n"
     "第三節 重要事項\n報告期內，公司與Lumetra Biosciences, Inc.簽訂許可協議。Lumetra Biosciences, Inc.將支付首付款。"
     "Lumetra Biosciences, Inc.負責海外開發。", "浙江青禾藥業股份有限公司"),
])
def test_figures_zh_filer_named_with_its_reports_title_on_one_line(extractor, text, name):
    """'浙江青禾药业股份有限公司2025年年度报告（摘要）': the issuer heads its report (its results table is its own, not
    the figures of a partner the report names)."""
    rows = [_row(f) for f in _figures(extractor, "zh", text)]
    assert rows == [(name, "revenue", 1205000000, "CNY", "FY2025", None)]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halvex Pharma, Orriant Bio and Corvane Therapeutics reported 2025 revenue of $4.1 billion, $2.3 billion and "
           "$84 million, respectively.",
     [("Halvex Pharma", "revenue", 4100000000, "USD", "FY2025", None),
      ("Orriant Bio", "revenue", 2300000000, "USD", "FY2025", None),
      ("Corvane Therapeutics", "revenue", 84000000, "USD", "FY2025", None)]),
    ("en", "Revenue at Halvex Pharma and Orriant Bio was $4.1 billion and $2.3 billion, respectively, in 2025.",
     [("Halvex Pharma", "revenue", 4100000000, "USD", "FY2025", None),
      ("Orriant Bio", "revenue", 2300000000, "USD", "FY2025", None)]),
    ("zh", "2025年，恒泽制药、瑞康医药和宁远生物的营业收入分别为42.1亿元、25.6亿元和8.3亿元。",
     [("恒泽制药", "revenue", 4210000000, "CNY", "FY2025", None), ("瑞康医药", "revenue", 2560000000, "CNY", "FY2025", None),
      ("宁远生物", "revenue", 830000000, "CNY", "FY2025", None)]),
    ("zh", "恆澤製藥、瑞康醫藥2025年營收分別為42.1億元和25.6億元。",
     [("恆澤製藥", "revenue", 4210000000, "CNY", "FY2025", None), ("瑞康醫藥", "revenue", 2560000000, "CNY", "FY2025", None)]),
])
def test_figures_respectively_a_list_of_companies(extractor, lang, text, want):
    """A list of companies, one metric, a list of values 'respectively' / 分别为: one company each, in order."""
    got = [_row(f) for f in extractor.extract(text, lang=lang, published="2026-02-10").figures]
    assert got == want


@pytest.mark.parametrize("text", [
    "Orriant Bio posted a net loss of $30 million in the fourth quarter, narrower than the $52 million loss a year "
    "earlier.",
    "Orriant Bio posted a net loss of $30 million in the fourth quarter, compared with a loss of $52 million in the "
    "year-ago quarter.",
])
def test_figures_the_value_a_result_is_set_against_is_no_figure(extractor, text):
    """'narrower than the $52 million loss a year earlier': the comparison base (notfig.than_base), no second figure."""
    got = [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures]
    assert got == [("Orriant Bio", "net_loss", 30000000, "USD", "Q4 2025", None)]


@pytest.mark.parametrize("text,want", [
    ("瑞康医药2025年亏损收窄至2.1亿元，上年同期亏损为3.5亿元。", ("瑞康医药", "net_loss", 210000000, "CNY", "FY2025", None)),
    ("瑞康醫藥2025年虧損擴大至4.3億元。", ("瑞康醫藥", "net_loss", 430000000, "CNY", "FY2025", None)),
])
def test_figures_zh_a_loss_that_narrowed_or_widened_to(extractor, text, want):
    """亏损收窄至 / 虧損擴大至 «value»: the net loss (the prior year's 上年同期亏损 no figure)."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2026-03-10").figures] == [want]


def test_figures_sales_of_a_companys_product(extractor):
    """'Sales of Halvex's Zeltriva': the product after the owner's possessive is the subject, not the owner."""
    text = "Sales of Halvex's Zeltriva rose to $1.1 billion in 2025 from $700 million in 2024."
    got = [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures]
    assert got == [("Zeltriva", "product_sales", 1100000000, "USD", "FY2025", None)]


def test_figures_a_reporting_subject_after_an_opening_phrase(extractor):
    """'In 2025, Halvex generated revenue of …': a name no finder knows, after an opening phrase and its comma, is the
    reporting company; 'its net income' in the next clause is the same company's."""
    text = "In 2025, Halvex generated revenue of $4.1 billion, while its net income was $800 million."
    got = [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures]
    assert got == [("Halvex", "revenue", 4100000000, "USD", "FY2025", None),
                   ("Halvex", "net_profit", 800000000, "USD", "FY2025", None)]


@pytest.mark.parametrize("text,want", [
    ("核心产品岚替尼（LZ-101）上市后首个完整半年度放量，实现销售收入3.18亿元。",
     ("LZ-101", "product_sales", 318000000, "CNY", "H1 2025", None)),
    ("核心產品嵐替尼（LZ-101）上市後首個完整半年度放量，實現銷售收入3.18億元。",
     ("LZ-101", "product_sales", 318000000, "CNY", "H1 2025", None)),
])
def test_figures_zh_a_verb_before_the_sales_word_is_no_product(extractor, text, want):
    """'…，实现销售收入3.18亿元': 实现 (achieved) is no product (product.zh_x_sales read it as one); the drug the
    sentence names is (here by its code: the asset finder knows no such generic name)."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2025-08-29").figures] == [want]


def test_figures_a_product_with_an_aside_that_reached_sales(extractor):
    """"Halvex's Zorvicta, also a PSMA agent, reached sales of $1.39 billion": the product (product.aside also takes
    reached/hit/achieved), not the company."""
    t = "The field has drawn heavy spending since Halvex's Zorvicta, also a PSMA agent, reached sales of $1.39 billion in 2025."
    got = [_row(f) for f in extractor.extract(t, lang="en", published="2026-03-01").figures]
    assert got == [("Zorvicta", "product_sales", 1390000000, "USD", "FY2025", None)]


def test_figures_total_revenue_is_the_companys_beside_a_product(extractor):
    """'Halvex has ten products on the market and reported total revenue of …': a total is the company's, not a product
    named near it."""
    t = "Halvex Pharma has ten products on the market in China and reported total revenue of RMB 5.7 billion in 2025."
    got = [_row(f) for f in extractor.extract(t, lang="en", published="2026-03-01").figures]
    assert got == [("Halvex Pharma", "revenue", 5700000000, "CNY", "FY2025", None)]


def test_figures_a_brands_net_product_revenue(extractor):
    """'Corvane recorded ZELTRIVA net product revenue of $63.0 million … and total revenue of $84.2 million': the
    brand's product revenue is its sales (product.x_sales takes 'product revenue'); the total stays the company's."""
    t = ("CORVANE THERAPEUTICS, INC.\nFor the year ended December 31, 2025, Corvane recorded ZELTRIVA net product "
         "revenue of $63.0 million, compared with $40.2 million in 2024, and total revenue of $84.2 million.")
    got = [_row(f) for f in extractor.extract(t, lang="en", published="2026-03-01").figures]
    assert got == [("ZELTRIVA", "product_sales", 63000000, "USD", "FY2025", None),
                   ("CORVANE THERAPEUTICS, INC.", "revenue", 84200000, "USD", "FY2025", None)]


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "岚泽药业表示，岚奇单抗（LZ-201）已于去年在中国获批上市，2024年在国内实现销售额4.6亿元，同比增长135%。",
     ("LZ-201", "product_sales", 460000000, "CNY", "FY2024", 135.0)),
    ("zh", "嵐澤藥業表示，嵐奇單抗（LZ-201）已於去年在中國獲批上市，2024年在國內實現銷售額4.6億元，同比增長135%。",
     ("LZ-201", "product_sales", 460000000, "CNY", "FY2024", 135.0)),
])
def test_figures_the_drug_after_the_company_that_speaks(extractor, lang, text, want):
    """'X表示，«drug»…实现销售额…': the company that says it is no owner standing between; the drug is the product
    (the company's product sales before)."""
    assert [_row(f) for f in extractor.extract(text, lang=lang, published="2025-03-10").figures] == [want]


@pytest.mark.parametrize("text,want", [
    ("TARVELLE BIO, INC.\nTarvelle reported net income of $22.1 million for fiscal 2025, compared with a net loss of "
     "$8.4 million for fiscal 2024.", [("Tarvelle", "net_profit", 22100000, "USD", "FY2025", None)]),
    ("Morrow Pharma's net profit was 3.1 billion yuan for 2025, compared with a loss of 640 million yuan in 2024.",
     [("Morrow Pharma", "net_profit", 3100000000, "CNY", "FY2025", None)]),
])
def test_figures_an_earlier_years_comparison_is_no_figure(extractor, text, want):
    """'net income of $X for 2025, compared with a net loss of $Y for 2024': the earlier year's value after the
    current one is the comparison base (SCHEMA.md), even under another metric word."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma's adjusted EBITDA reached $900 million in 2025.",
     [("Halvex Pharma", "other", 900000000, "USD", "FY2025", None)]),
    ("Orriant Bio's EBITDA reached $310 million in the first half of 2025.",
     [("Orriant Bio", "other", 310000000, "USD", "H1 2025", None)]),
])
def test_figures_a_profit_measure_that_reached_is_no_product(extractor, text, want):
    """'X's adjusted EBITDA reached $900 million': the metric word before 'reached' is no product (product.to_generate
    takes a name, not EBITDA); the figure is the company's."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Sales of Halvex's blockbuster Zelvora climbed 30% to $1.2 billion in 2025.",
     [("Zelvora", "product_sales", 1200000000, "USD", "FY2025", 30.0)]),
    ("Sales of Kestrel's top-selling migraine pill Norvexa fell 4% to $2.1 billion in 2025.",
     [("Norvexa", "product_sales", 2100000000, "USD", "FY2025", -4.0)]),
])
def test_figures_sales_of_a_companys_described_product(extractor, text, want):
    """'Sales of Halvex's blockbuster Zelvora': lower-case words between the owner's possessive and the name describe
    the product; the product is the name, not its owner."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Corlend Biopharma Co., Ltd.\nThe Group's loss for the year decreased by 40.5% from RMB522.4 million for the year "
     "ended 31 December 2024 to RMB310.9 million for the year ended 31 December 2025.",
     [("Corlend Biopharma Co., Ltd.", "net_loss", 310900000, "CNY", "FY2025", -40.5)]),
    ("Corlend Biopharma Co., Ltd.\nFor the six months ended 30 June 2025, revenue of the Group was RMB610.9 million.",
     [("Corlend Biopharma Co., Ltd.", "revenue", 610900000, "CNY", "H1 2025", None)]),
])
def test_figures_a_period_ended_day_first(extractor, text, want):
    """HKEX English: 'for the year ended 31 December 2025', 'the six months ended 30 June 2025' are periods by their
    end like 'ended June 30, 2025' (period.ended takes the day before the month)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("海澄生物科技股份有限公司\n截至2025年12月31日止年度业绩公告\n人民币千元\n2025年 2024年\n收入 345,612 275,803\n",
     [("海澄生物科技股份有限公司", "revenue", 345612000, "CNY", "FY2025", None)]),
    ("康岳医药股份有限公司\n单位：元 币种：人民币\n项目 2025年 2024年 本年比上年增减(%)\n营业收入 1,230,456,789.12 1,040,876,543.21 18.21\n",
     [("康岳医药股份有限公司", "revenue", 1230456789.12, "CNY", "FY2025", 18.21)]),
])
def test_figures_zh_units_lines_of_filing_tables(extractor, text, want):
    """A Hong Kong announcement's units line alone ('人民币千元') and an A-share report's '单位：元 币种：人民币' are
    units headers of the results table under them (the first multiplied out, the second as written)."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("海澄生物科技股份有限公司\n截至2025年6月30日止六个月中期业绩公告\n人民币千元\n截至6月30日止六个月\n2025年 2024年\n"
     "收入 345,612 275,803\n研发开支 (188,420) (201,337)\n",
     [("海澄生物科技股份有限公司", "revenue", 345612000, "CNY", "H1 2025", None),
      ("海澄生物科技股份有限公司", "r_and_d_expense", 188420000, "CNY", "H1 2025", None)]),
    ("海澄生物科技股份有限公司\n截至2025年9月30日止九个月业绩\n人民币千元\n截至9月30日止九个月\n2025年 2024年\n收入 512,004 401,233\n",
     [("海澄生物科技股份有限公司", "revenue", 512004000, "CNY", "9M 2025", None)]),
])
def test_figures_zh_column_heading_of_months(extractor, text, want):
    """'截至6月30日止六个月' over '2025年 2024年': the heading's months give the columns their span (H1 2025), as
    'Six Months Ended June 30,' does in English (fig.column_group / fig.column_month take the Chinese heading)."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma said revenue, R&D expenses and net loss for 2025 were $310 million, $120 million and $45 million, "
     "respectively.", [("Kestrel Pharma", "revenue", 310000000, "USD", "FY2025", None),
                       ("Kestrel Pharma", "r_and_d_expense", 120000000, "USD", "FY2025", None),
                       ("Kestrel Pharma", "net_loss", 45000000, "USD", "FY2025", None)]),
    ("TARVELLE BIO, INC.\nTotal revenues and net loss for the year ended December 31, 2025 were $182.4 million and "
     "$41.2 million, respectively.", [("TARVELLE BIO, INC.", "revenue", 182400000, "USD", "FY2025", None),
                                      ("TARVELLE BIO, INC.", "net_loss", 41200000, "USD", "FY2025", None)]),
])
def test_figures_a_list_of_metric_words_respectively(extractor, text, want):
    """'revenue, R&D expenses and net loss … were $X, $Y and $Z, respectively': the values take the listed metric words
    one each, in order (they all took the last word before)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Bio narrowed its net loss by 20% to $120 million in 2025.",
     [("Halvex Bio", "net_loss", 120000000, "USD", "FY2025", -20.0)]),
    ("Kestrel Pharma grew its revenue by 6% to $2.8 billion in 2025.",
     [("Kestrel Pharma", "revenue", 2800000000, "USD", "FY2025", 6.0)]),
    ("Halvex Bio's net loss was $257 million in 2025, narrowing 24% from $335 million.",
     [("Halvex Bio", "net_loss", 257000000, "USD", "FY2025", -24.0)]),
    ("Kestrel Pharma's revenue sank 27% to EUR 2.75 billion in 2025.",
     [("Kestrel Pharma", "revenue", 2750000000, "EUR", "FY2025", -27.0)]),
    ("Halvex Bio's net loss of $187 million in 2025 was 70% narrower than a year earlier.",
     [("Halvex Bio", "net_loss", 187000000, "USD", "FY2025", -70.0)]),
])
def test_figures_changes_said_with_an_object_an_ing_form_or_a_comparative(extractor, text, want):
    """A change in % said with the verb's object between ('narrowed its net loss by 20%'), in its -ing form
    ('narrowing 24%'), with other verbs of falling ('sank') or as a comparative ('70% narrower than')."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Zelvora's global net sales were EUR 13.1 billion in 2025, up 22%.",
     [("Zelvora", "product_sales", 13100000000, "EUR", "FY2025", 22.0)]),
    ("Fourth-quarter sales at Kestrel Pharma rose 30% to DKK 85 billion.",
     [("Kestrel Pharma", "revenue", 85000000000, "DKK", "Q4 2025", 30.0)]),
    ("Sales of the company's lead drug Norvexa totalled $2.6 billion in 2025.",
     [("Norvexa", "product_sales", 2600000000, "USD", "FY2025", None)]),
    ("R&D costs at Tarvelle rose to $400 million in 2025.",
     [("Tarvelle", "r_and_d_expense", 400000000, "USD", "FY2025", None)]),
])
def test_figures_subjects_of_possessive_period_and_preposition_phrasings(extractor, text, want):
    """A named product's own 'global sales' are its sales, not a market's; a period word ('Fourth-quarter') is no
    product; 'the company's lead drug Norvexa' names the product; a name after 'at' / 'for' the metric word is the
    company when no finder knew it."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halvex Bio holds a 60% share of the GLP-1 market in 2025.",
     [("Halvex Bio", "market_share", 60, "%", "2025", None)]),
    ("zh", "2025年，宁远生物在中国GLP-1市场的份额约为18%。",
     [("宁远生物", "market_share", 18, "%", "2025", None)]),
    ("en", "Analysts estimate the market for obesity drugs at $150 billion by 2035.",
     [("obesity drugs", "market_size", 150000000000, "USD", "2035", None)]),
    ("en", "In 2025, global biopharma M&A value fell to $80 billion.",
     [("biopharma M&A value", "deal_value", 80000000000, "USD", "2025", None)]),
])
def test_figures_shares_held_and_markets_valued_at(extractor, lang, text, want):
    """A company's share of a market named after it is the company's, of the year (a share is no fiscal year); a
    market 'at $X'; an M&A total is a sentence of figures."""
    assert [_row(f) for f in extractor.extract(text, lang=lang, published="2026-03-01").figures] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Out-licensing deals totalled $51.9 billion in 2025, up from $40 billion in 2024.",
     [("Out-licensing deals", "deal_value", 51900000000, "USD", "2025", None),
      ("Out-licensing deals", "deal_value", 40000000000, "USD", "2024", None)]),
    ("en", "The Korean biosimilar market fell to $9 billion in 2025 from $12 billion in 2024.",
     [("Korean biosimilar", "market_size", 9000000000, "USD", "2025", None),
      ("Korean biosimilar", "market_size", 12000000000, "USD", "2024", None)]),
    ("zh", "2024年我国减重药物市场规模约为50亿元，预计2030年将增长至660亿元。",
     [("我国减重药物", "market_size", 5000000000, "CNY", "2024", None),
      ("我国减重药物", "market_size", 66000000000, "CNY", "2030", None)]),
    ("zh", "2025年中国细胞治疗市场规模约为80亿元，2030年有望突破600亿元。",
     [("中国细胞治疗", "market_size", 8000000000, "CNY", "2025", None),
      ("中国细胞治疗", "market_size", 60000000000, "CNY", "2030", None)]),
])
def test_figures_a_markets_earlier_and_later_points_keep_their_years(extractor, lang, text, want):
    """A market's value a change starts from ('up from $40 billion in 2024') and its forecast after a comma
    ('，预计2030年将增长至660亿元') are points of its trajectory, each of its own year; 'fell' is a market's verb too."""
    assert [_row(f) for f in extractor.extract(text, lang=lang, published="2026-03-01").figures] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halvex's Zelvora generated $1.2 billion in revenue in 2025.",
     [("Zelvora", "product_sales", 1200000000, "USD", "FY2025", None)]),
    ("en", "Kestrel's blood thinner Norvexa brought in $800 million in 2025.",
     [("Norvexa", "product_sales", 800000000, "USD", "FY2025", None)]),
    ("zh", "宁远药业2025年实现营业收入28.9亿元，同比增长17.4%。",
     [("宁远药业", "revenue", 2890000000, "CNY", "FY2025", 17.4)]),
    ("zh", "宁远药业报告期内实现营业收入28.9亿元。",
     [("宁远药业", "revenue", 2890000000, "CNY", None, None)]),
])
def test_figures_owners_brand_and_a_zh_company_before_its_period(extractor, lang, text, want):
    """'Halvex's Zelvora generated …' is the product's; a Chinese company no finder knew, named before the period it
    reports ('宁远药业2025年实现营业收入', '报告期内'), is the figure's company."""
    assert [_row(f) for f in extractor.extract(text, lang=lang, published="2026-03-01").figures] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Results in brief\n- Halvex Bio: first-half revenue rose 31% to $512 million, driven by Zelvora, whose sales "
           "reached $301 million. The net loss narrowed to $40 million.\n- Tarvelle Therapeutics' R&D expenses climbed "
           "12% to $95 million in the first half.",
     [("Halvex Bio", "revenue", 512000000, "USD", "H1 2025", 31.0),
      ("Zelvora", "product_sales", 301000000, "USD", "H1 2025", None),
      ("Halvex Bio", "net_loss", 40000000, "USD", "H1 2025", None),
      ("Tarvelle Therapeutics", "r_and_d_expense", 95000000, "USD", "H1 2025", 12.0)]),
    ("zh", "中报速览：\n1. 宁远生物：上半年收入4.2亿元，同比增长65%；期内亏损1.1亿元，同比收窄48%。\n2. 泽远药业：研发投入3.4亿元，同比增加12%。",
     [("宁远生物", "revenue", 420000000, "CNY", "H1 2025", 65.0),
      ("宁远生物", "net_loss", 110000000, "CNY", "H1 2025", -48.0),
      ("泽远药业", "r_and_d_expense", 340000000, "CNY", "H1 2025", 12.0)]),
])
def test_figures_list_items_that_open_with_a_company(extractor, lang, text, want):
    """A list item that opens with a company's name ('- Halvex Bio:', '1. 宁远生物：') gives it to the item's sentences
    and clauses that name none; 'X, whose sales reached' is the product's."""
    assert [_row(f) for f in extractor.extract(text, lang=lang, published="2025-09-01").figures] == want


def test_figures_a_companys_revenue_that_could_reach_is_a_forecast(extractor):
    """A modal between a company's metric word and its value, of a period to come, is a forecast: no figure."""
    text = "Halvex Bio's revenue could reach $5 billion by 2030, analysts say."
    assert extractor.extract(text, lang="en", published="2026-03-01").figures == []


def test_figures_class_sales_after_another_markets_value(extractor):
    """'global GLP-1 sales topped $50 billion' after another market's value names its own market."""
    text = ("China's ADC market is expected to reach RMB 66 billion by 2030, while global GLP-1 sales topped "
            "$50 billion in 2025.")
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == [
        ("China's ADC", "market_size", 66000000000, "CNY", "2030", None),
        ("global GLP-1", "market_size", 50000000000, "USD", "2025", None)]


@pytest.mark.parametrize("text,want", [
    ("Profit at Halvex Bio rose 38% to $700 million in 2025.",
     [("Halvex Bio", "net_profit", 700000000, "USD", "FY2025", 38.0)]),
    ("Kestrel Pharma's quarterly profit fell to $120 million in the third quarter of 2025.",
     [("Kestrel Pharma", "net_profit", 120000000, "USD", "Q3 2025", None)]),
    ("Kestrel Pharma's operating profit rose 20% to $90 million in 2025.",
     [("Kestrel Pharma", "other", 90000000, "USD", "FY2025", 20.0)]),
    ("Halvex Bio's share of the GLP-1 market fell to 55% in 2025.",
     [("Halvex Bio", "market_share", 55, "%", "2025", None)]),
])
def test_figures_a_companys_bare_profit_and_its_share_of_a_named_market(extractor, text, want):
    """'Profit at X' and "X's (quarterly) profit rose" are its net profit (operating profit stays other); "X's share
    of the GLP-1 market" is the company's share."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Zelvora revenue was $4.3 billion in 2025, up 62%.",
     [("Zelvora", "product_sales", 4300000000, "USD", "FY2025", 62.0)]),
    ("Norvexa net revenues came in at ¥12 billion in the first quarter of 2025.",
     [("Norvexa", "product_sales", 12000000000, "JPY", "Q1 2025", None)]),
    ("Vextra net product sales were $790 million in Q2 2025.",
     [("Vextra", "product_sales", 790000000, "USD", "Q2 2025", None)]),
    ("Zelvora generated $1.1 billion in sales in 2025.",
     [("Zelvora", "product_sales", 1100000000, "USD", "FY2025", None)]),
    ("Norvexa global sales reached $950 million in the second quarter of 2025, up 49%.",
     [("Norvexa", "product_sales", 950000000, "USD", "Q2 2025", 49.0)]),
    ("Worldwide Vextra sales rose 20% to $3.5 billion in 2025.",
     [("Vextra", "product_sales", 3500000000, "USD", "FY2025", 20.0)]),
    ("Halvex Bio reported first-half 2025 results. Global product net sales were $1.5 billion, an increase of 97%.",
     [("Halvex Bio", "revenue", 1500000000, "USD", "H1 2025", 97.0)]),
])
def test_figures_a_drugs_own_revenue_and_global_sales_are_product_sales(extractor, text, want):
    """A drug's name right before 'revenue' / 'net product sales' / 'global sales', or before a verb with the amount
    and 'in sales' after it, is the subject of its product sales; a company's 'global product net sales' are its
    revenue, no class's sales."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma's revenue fell by a third to $1.2 billion in 2025.", -33.33),
    ("Halvex Bio's net income rose by a quarter to $400 million in 2025.", 25.0),
    ("Zelvora sales plunged by half to $1.4 billion in 2025.", -50.0),
    ("Kestrel Pharma's revenue grew by nearly a fifth to $4.2 billion in 2025.", 20.0),
    ("Halvex Bio's net loss narrowed by two-thirds to $48 million in 2025.", -66.67),
    ("Kestrel Pharma's revenue more than doubling to $900 million in 2025 lifted its shares.", 100.0),
])
def test_figures_a_change_said_as_a_fraction(extractor, text, want):
    """'fell by a third', 'rose by a quarter', 'plunged by half': the change in %, its sign by the verb."""
    figs = extractor.extract(text, lang="en", published="2026-03-01").figures
    assert [f.change_pct for f in figs] == [want]


@pytest.mark.parametrize("text,want", [
    ("Halvex Bio booked revenue of HK$3.2 billion (about US$410 million) in the first half of 2025.",
     [("Halvex Bio", "revenue", 3200000000, "HKD", "H1 2025", None)]),
    ("Kestrel Pharma's 2024 revenue was $1.1 billion, a 15% increase from 2023.",
     [("Kestrel Pharma", "revenue", 1100000000, "USD", "FY2024", 15.0)]),
])
def test_figures_a_period_past_a_converted_amount_and_not_the_base_after_a_change(extractor, text, want):
    """The period after a value's conversion in brackets is the value's; the year after 'a 15% increase from' is
    the comparison base, not the figure's period."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Obesity drugs could be a $150 billion market by 2030.",
     [("Obesity drugs", "market_size", 150000000000, "USD", "2030", None)]),
    ("Analysts say radioligand therapies will become a $13 billion market by 2032.",
     [("radioligand therapies", "market_size", 13000000000, "USD", "2032", None)]),
    ("Kestrel Pharma sees obesity as a $100 billion market by 2030.",
     [("obesity", "market_size", 100000000000, "USD", "2030", None)]),
    ("The company targets a $3 billion market.", []),
    ("Halvex Bio's market value rose to $30 billion after the results.", []),
])
def test_figures_a_class_said_to_be_a_market_of_a_size(extractor, text, want):
    """'X could be a $150 billion market by 2030', 'sees X as a $100 billion market': X's market size (a market of
    no named class is none); a company's market value is no market's size."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Halvex Bio's revenue rose 8% sequentially to $410 million in the third quarter of 2025.", None),
    ("en", "Halvex Bio's third-quarter 2025 revenue was $410 million, up 8% quarter-over-quarter.", None),
    ("en", "Zelvora sales grew 5% from the previous quarter to $900 million in Q3 2025.", None),
    ("zh", "宁远生物2024年第四季度营业收入为15亿元，环比增长10%。", None),
    ("zh", "宁远生物2024年第四季度营业收入为15亿元，同比增长20%，环比增长10%。", 20.0),
])
def test_figures_a_change_against_the_quarter_before_is_no_year_on_year_change(extractor, lang, text, want):
    """'up 8% sequentially', 'quarter-over-quarter', 'from the previous quarter', 环比: no change_pct."""
    assert [f.change_pct for f in extractor.extract(text, lang=lang, published="2026-03-01").figures] == [want]


@pytest.mark.parametrize("text,want", [
    ("宁远生物2024年营收为45亿元，同比下降三成。", ("宁远生物", "revenue", 4500000000, "CNY", "FY2024", -30.0)),
    ("宁远生物2024年净利润增长近两成至5亿元。", ("宁远生物", "net_profit", 500000000, "CNY", "FY2024", 20.0)),
    ("宁远生物2024年营业收入增长一倍，达到40亿元。", ("宁远生物", "revenue", 4000000000, "CNY", "FY2024", 100.0)),
    ("宁远生物2024年亏损收窄近四成至2亿元。", ("宁远生物", "net_loss", 200000000, "CNY", "FY2024", -40.0)),
    ("瑞康医药2024年归母净亏损9.6亿元，亏损收窄28.5%。", ("瑞康医药", "net_loss", 960000000, "CNY", "FY2024", -28.5)),
])
def test_figures_zh_a_change_in_tenths_and_a_loss_that_narrowed_by_a_percentage(extractor, text, want):
    """三成 / 两成 / 一倍 are changes of 30, 20 and 100%; '亏损收窄28.5%' after a net loss is that loss's change (no
    second loss metric of its own)."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2026-03-01").figures] == [want]


@pytest.mark.parametrize("text,want", [
    ("宁远生物的PD-1单抗宁沃索2024年销售额为18亿元。", ("宁沃索", "product_sales", 1800000000, "CNY", "FY2024", None)),
    ("2024年，宁沃索在国内的销售额为18亿元，同比增长62%。",
     ("宁沃索", "product_sales", 1800000000, "CNY", "FY2024", 62.0)),
    ("宁沃索上市首年销售额即突破10亿元。", ("宁沃索", "product_sales", 1000000000, "CNY", None, None)),
])
def test_figures_zh_a_drug_after_its_class_with_its_market_or_launch_year_before_its_sales(extractor, text, want):
    """'PD-1单抗宁沃索' names the drug after its class; 在国内的 / 上市首年 between a drug and its 销售额 keep the drug
    the subject."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2026-03-01").figures] == [want]



@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma's third quarter total revenues increased 12% to $9.6 billion in 2025.",
     [("Kestrel Pharma", "revenue", 9600000000, "USD", "Q3 2025", 12.0)]),
    ("Halvex Bio's first-half revenue rose to $500 million in 2025.",
     [("Halvex Bio", "revenue", 500000000, "USD", "H1 2025", None)]),
])
def test_figures_a_quarter_said_before_its_value_takes_the_year_said_after(extractor, text, want):
    """'third quarter … $9.6 billion in 2025' is Q3 2025, not FY2025."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Bio narrows first-quarter loss to $22 million in 2025 as Zelvora sales take off",
     [("Halvex Bio", "net_loss", 22000000, "USD", "Q1 2025", None)]),
    ("Kestrel Pharma swings to $45 million profit in the third quarter of 2025",
     [("Kestrel Pharma", "net_profit", 45000000, "USD", "Q3 2025", None)]),
    ("Kestrel Pharma posted a $12 million net loss in the second quarter of 2025.",
     [("Kestrel Pharma", "net_loss", 12000000, "USD", "Q2 2025", None)]),
    ("Kestrel Pharma booked a $1.2 billion profit on the sale of its plant.", []),
])
def test_figures_a_profit_or_loss_word_after_its_amount_and_a_loss_narrowed_to(extractor, text, want):
    """'narrows Q1 loss to $22 million', 'swings to $45 million profit', 'a $12 million net loss': the company's
    net loss or profit (a profit or loss 'on' a sale is a one-off gain, no figure)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


def test_figures_a_companys_share_in_a_market(extractor):
    """"X's share in the US PD-1 market" is X's share, as "X's share of" is."""
    text = "Halvex Bio's share in the US PD-1 market rose to 25% in 2024."
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == [
        ("Halvex Bio", "market_share", 25, "%", "2024", None)]


@pytest.mark.parametrize("text,want", [
    ("The global GLP-1 market is expected to grow at a CAGR of 15% from 2025 to 2030, reaching $130 billion.",
     [("global GLP-1", "market_size", 130000000000, "USD", "2030", None)]),
    ("The global GLP-1 market is expected to grow at a CAGR of 15% between 2025 and 2030, reaching $130 billion.",
     [("global GLP-1", "market_size", 130000000000, "USD", "2030", None)]),
    ("Chinese out-licensing deals between 2019 and 2023 totalled $60 billion.",
     [("Chinese out-licensing deals", "deal_value", 60000000000, "USD", "2019-2023", None)]),
])
def test_figures_a_market_size_reached_at_the_end_of_a_growth_span(extractor, text, want):
    """A market that grows over a span of years 'reaching' a size has that size at the span's end (a point in time);
    a total over a span keeps the span."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-03-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Bio's best-selling medicine, Zelvora, posted revenue of $4 billion in 2025.",
     [("Zelvora", "product_sales", 4000000000, "USD", "FY2025", None)]),
    ("Zelvora accounted for $1.5 billion of Halvex Bio's 2025 revenue.",
     [("Zelvora", "product_sales", 1500000000, "USD", "FY2025", None)]),
    ("Global spending on oncology medicines rose to $250 billion in 2025.",
     [("Global spending on oncology medicines", "market_size", 250000000000, "USD", "2025", None)]),
    ("Kestrel Pharma's fourth-quarter revenue came in at $520 million, ahead of the $500 million analysts expected.",
     [("Kestrel Pharma", "revenue", 520000000, "USD", "Q4 2025", None)]),
])
def test_figures_a_drug_in_an_aside_or_that_accounted_for_an_amount_spending_and_what_analysts_expected(
        extractor, text, want):
    """The drug named in an aside after its owner's description, or that 'accounted for $1.5 billion', is the
    subject of its sales; 'global spending on oncology medicines' is a market's size; 'the $500 million analysts
    expected' is no figure."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


def test_figures_a_partner_named_in_a_dash_aside_is_no_subject(extractor):
    """A company named only in an aside between dashes (the source of the revenue) is not the figure's subject: the
    company the article reports on is."""
    text = ("Halvex Bio reported first-quarter 2025 results. Of that, royalty revenue — mostly from its partnership "
            "with Kestrel Pharma in oncology — accounted for ¥8.2 billion.")
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == [
        ("Halvex Bio", "revenue", 8200000000, "JPY", "Q1 2025", None)]


@pytest.mark.parametrize("text,want", [
    ("Kestrel Pharma invested 18% of its revenue, or $1.3 billion, in research and development in 2025.",
     [("Kestrel Pharma", "r_and_d_expense", 1300000000, "USD", "FY2025", None)]),
    ("Halvex Bio spent 25% of sales, or about $600 million, on R&D in 2024.",
     [("Halvex Bio", "r_and_d_expense", 600000000, "USD", "FY2024", None)]),
])
def test_figures_rd_spend_said_as_a_share_of_revenue_then_an_amount(extractor, text, want):
    """'18% of its revenue, or $1.3 billion, in research and development': the amount is the R&D spend."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("全球唯一获批的Nectin-4 ADC是Kestrel和Halvex共同开发的恩诺单抗（enfortumab vedotin，商品名Padcev），2024年全球销售额约16亿美元。",
     [("Padcev", "product_sales", 1600000000, "USD", "FY2024", None)]),
    ("目前同类产品中，宁远生物研发的泽沃替尼（ZEL-101），2024年销售额达4.6亿元。",
     [("泽沃替尼", "product_sales", 460000000, "CNY", "FY2024", None)]),
])
def test_figures_the_owners_named_before_a_drug_are_not_the_subject_of_its_sales(extractor, text, want):
    """Companies joined to the drug by an owner's words (共同开发的, 研发的) name who owns it: the drug's sales are the
    drug's, not the last company's."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2025-08-13").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Zelvora, co-developed by Pfizer and Astellas, generated sales of about $1.6 billion in 2024.",
     [("Zelvora", "product_sales", 1600000000, "USD", "FY2024", None)]),
    ("Zelvora, which Kestrel Pharma and Halcyon Bio co-developed, sold $1.6 billion in 2024.",
     [("Zelvora", "product_sales", 1600000000, "USD", "FY2024", None)]),
    ("Norvexa, which Kestrel Pharma shares with Halcyon Bio, brought in $3.8 billion in 2024.",
     [("Norvexa", "product_sales", 3800000000, "USD", "FY2024", None)]),
    ("Kestrel Pharma, the maker of Zelvora, brought in $6.4 billion in 2024.",
     [("Kestrel Pharma", "revenue", 6400000000, "USD", "FY2024", None)]),
])
def test_figures_a_drug_and_its_owners_in_an_aside(extractor, text, want):
    """The owners named in an aside on a drug are not the subject of its sales (nor 'X and Y' a product), and a drug
    named in an aside on a company does not take the company's figure."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2025-06-01").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma raised its full-year revenue guidance to between $60 billion and $62 billion after Zelvora sales "
     "climbed to $3.1 billion in the second quarter of 2025.",
     [("Zelvora", "product_sales", 3100000000, "USD", "Q2 2025", None)]),
    ("Kestrel Bio reaffirmed its 2026 oncology revenue guidance of $350 million to $450 million after full-year 2025 "
     "revenue of $630 million.",
     [("Kestrel Bio", "revenue", 630000000, "USD", "FY2025", None)]),
    ("Kestrel Bio kept its outlook of about $2 billion for the year, while first-quarter 2025 revenue rose 12% to "
     "$480 million.",
     [("Kestrel Bio", "revenue", 480000000, "USD", "Q1 2025", 12.0)]),
])
def test_figures_a_not_figure_cue_reaches_no_further_than_its_own_clause(extractor, text, want):
    """Guidance, an outlook or an expectation takes the amounts of its own clause, not those of a clause a
    conjunction opens after it ('after … sales climbed to', ', while … revenue rose')."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma Industries reported consolidated revenue of Rs 13,291 crore for the quarter ended June 30, 2025.",
     [("Halvex Pharma", "revenue", 132910000000, "INR", "Q2 2025", None)]),
    ("Kestrel Ltd, the Melbourne-based blood products maker, said revenue rose 5% to $15.6 billion in 2025.",
     [("Kestrel Ltd", "revenue", 15600000000, "USD", "FY2025", 5.0)]),
    ("Halvex Pharma posted a net profit of Rs 145 crore for the June quarter of 2025, against Rs 120 crore a year ago.",
     [("Halvex Pharma", "net_profit", 1450000000, "INR", "Q2 2025", None)]),
    ("Kestrel Bio's net profit rose to ₹1,219 crore in the first quarter of 2025 from ₹801 crore a year earlier.",
     [("Kestrel Bio", "net_profit", 12190000000, "INR", "Q1 2025", None)]),
])
def test_figures_rupee_amounts_and_a_company_described_in_an_aside(extractor, text, want):
    """'revenue of Rs …' names no product 'Rs'; a 'products maker' in an aside is no product line; a prior value in
    rupees after 'against' / 'from' is the comparison base, no figure."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2025-08-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Analysts expect the market for obesity drugs to reach $150 billion by 2030.",
     [("obesity drugs", "market_size", 150000000000, "USD", "2030", None)]),
    ("Zelvora now holds a 45% share of the US PD-1 market, according to IQVIA data.",
     [("Zelvora", "market_share", 45, "%", None, None)]),
    ("Halvex Pharma's Norvexa held a 30 percent share of the atopic dermatitis market in 2024.",
     [("Norvexa", "market_share", 30, "%", "2024", None)]),
])
def test_figures_market_and_share_subjects(extractor, text, want):
    """A market named after 'the market for' is the market (not the words before 'the market'); a drug that holds a
    share holds it (not its owner, not the market); a percentage in words is a value."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2025-08-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma said Zelvora sales reached €3.9 billion in the fourth quarter of 2025 and €14.2 billion for the "
     "full year.",
     [("Zelvora", "product_sales", 3900000000, "EUR", "Q4 2025", None),
      ("Zelvora", "product_sales", 14200000000, "EUR", "FY2025", None)]),
    ("Halvex Pharma's fourth-quarter 2025 revenue was $2.1 billion; full-year revenue rose 8% to $8.3 billion.",
     [("Halvex Pharma", "revenue", 2100000000, "USD", "Q4 2025", None),
      ("Halvex Pharma", "revenue", 8300000000, "USD", "FY2025", 8.0)]),
])
def test_figures_the_full_year_without_its_year_after_a_quarter(extractor, text, want):
    """'the full year' / 'full-year revenue' after a quarter of a year is that year, not the quarter."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma's third-quarter 2025 revenue jumped 54% to $17.6 billion, with Zelvora contributing $6.5 billion "
     "and Norvexa $3.6 billion.",
     [("Halvex Pharma", "revenue", 17600000000, "USD", "Q3 2025", 54.0),
      ("Zelvora", "product_sales", 6500000000, "USD", "Q3 2025", None),
      ("Norvexa", "product_sales", 3600000000, "USD", "Q3 2025", None)]),
    ("Zelvora sales reached $3.4 billion in the second quarter of 2025, Norvexa $2.0 billion and Vextra $1.2 billion.",
     [("Zelvora", "product_sales", 3400000000, "USD", "Q2 2025", None),
      ("Norvexa", "product_sales", 2000000000, "USD", "Q2 2025", None),
      ("Vextra", "product_sales", 1200000000, "USD", "Q2 2025", None)]),
    ("Sales of Halvex Pharma's COVID-19 vaccine Zelvora plunged 80% to $1.1 billion in 2024.",
     [("Zelvora", "product_sales", 1100000000, "USD", "FY2024", -80.0)]),
    ("Halvex Pharma said sales of its HIV medicines rose 9% to $5.3 billion in the third quarter of 2025.",
     [("Halvex Pharma", "revenue", 5300000000, "USD", "Q3 2025", 9.0)]),
    ("Kestrel Bio said U.S. net sales of Zelvora HD were $393 million in the second quarter of 2025.",
     [("Zelvora HD", "product_sales", 393000000, "USD", "Q2 2025", None)]),
])
def test_figures_drugs_in_a_list_of_values_and_a_companys_own_drugs(extractor, text, want):
    """Each value of a list after a drug's sales takes the drug named right before it ('with Zelvora contributing
    $6.5 billion and Norvexa $3.6 billion'); a disease or class word before 'vaccine' is no drug; the sales of a
    company's own medicines ('sales of its HIV medicines') are the company's, not a market's; 'Zelvora HD' is one
    name."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma's oncology division grew sales 8% to CHF 47.7 billion in 2025.",
     [("Halvex Pharma", "revenue", 47700000000, "CHF", "FY2025", 8.0)]),
    ("Halvex Pharma increased revenue 12% to $3 billion in 2025.",
     [("Halvex Pharma", "revenue", 3000000000, "USD", "FY2025", 12.0)]),
])
def test_figures_a_change_said_with_the_metric_as_object_without_by(extractor, text, want):
    """'grew sales 8% to', 'increased revenue 12% to': the change of the figure, as with 'by'."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma said group net sales for the nine-month period totalled €15.9 billion in 2025.",
     [("Halvex Pharma", "revenue", 15900000000, "EUR", "9M 2025", None)]),
    ("Kestrel Bio's sales for the six-month period reached €1.9 billion in 2025.",
     [("Kestrel Bio", "revenue", 1900000000, "EUR", "H1 2025", None)]),
    ("In the three-month period ended June 30, 2025, Halvex Pharma's research and development expenses were "
     "$1.8 billion.", [("Halvex Pharma", "r_and_d_expense", 1800000000, "USD", "Q2 2025", None)]),
    ("Kestrel Bio's revenue for the six-month periods ended June 30, 2025 and 2024 was $900 million and "
     "$800 million, respectively.",
     [("Kestrel Bio", "revenue", 900000000, "USD", "H1 2025", None),
      ("Kestrel Bio", "revenue", 800000000, "USD", "H1 2024", None)]),
    ("Net loss for the three months ended March 31, 2025 and 2024 was $12.1 million and $9.8 million, "
     "respectively, at Halvex Pharma.",
     [("Halvex Pharma", "net_loss", 12100000, "USD", "Q1 2025", None),
      ("Halvex Pharma", "net_loss", 9800000, "USD", "Q1 2024", None)]),
    ("Kestrel Bio's revenues for the third quarters of 2025 and 2024 were $598 million and $539 million, "
     "respectively.",
     [("Kestrel Bio", "revenue", 598000000, "USD", "Q3 2025", None),
      ("Kestrel Bio", "revenue", 539000000, "USD", "Q3 2024", None)]),
])
def test_figures_month_periods_and_a_year_joined_to_a_part_of_a_year(extractor, text, want):
    """'the nine-month period', 'the six-month period', 'the three-month period ended June 30' are 9M / H1 / Q2 (they
    were the year); a year joined after a part of a year ('the six months ended June 30, 2025 and 2024', 'the third
    quarters of 2025 and 2024') is the same part of that year (was FY2024)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma published second-quarter 2025 results on Tuesday. The net loss widened to $41.3 million from "
     "$33.0 million a year earlier, as research and development expenses reached $29.8 million.",
     [("Halvex Pharma", "net_loss", 41300000, "USD", "Q2 2025", None),
      ("Halvex Pharma", "r_and_d_expense", 29800000, "USD", "Q2 2025", None)]),
    ("Kestrel Bio reported third-quarter 2025 results. Revenue was $310 million, against $280 million a year ago, "
     "and the company spent $95 million on R&D.",
     [("Kestrel Bio", "revenue", 310000000, "USD", "Q3 2025", None),
      ("Kestrel Bio", "r_and_d_expense", 95000000, "USD", "Q3 2025", None)]),
])
def test_figures_a_year_earlier_is_no_run_rate(extractor, text, want):
    """'a year earlier' / 'a year ago' near a value is a comparison, not 'a year' of a run-rate figure: the value
    keeps the period in force (was none)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Bio posted 1H25 product revenue of $210 million, up 22% year over year.",
     [("Kestrel Bio", "revenue", 210000000, "USD", "H1 2025", 22.0)]),
    ("Halvex Pharma said year-to-date revenue through September reached $3.8 billion in 2025.",
     [("Halvex Pharma", "revenue", 3800000000, "USD", "9M 2025", None)]),
    ("Halvex Pharma's YTD product sales to June 30, 2025 were $2.2 billion, up 15%.",
     [("Halvex Pharma", "revenue", 2200000000, "USD", "H1 2025", 15.0)]),
    ("Zelvora's YTD sales through June 2025 reached $900 million.",
     [("Zelvora", "product_sales", 900000000, "USD", "H1 2025", None)]),
    ("Kestrel Bio's revenue for the July-September quarter rose 9% to $800 million in 2025.",
     [("Kestrel Bio", "revenue", 800000000, "USD", "Q3 2025", 9.0)]),
])
def test_figures_year_to_date_and_a_half_written_with_its_year(extractor, text, want):
    """'1H25 product revenue' is the company's, no product 'H25'; 'year-to-date … through September' / 'YTD … to June
    30, 2025' run from January (9M / H1), and 'YTD' is no product; a span of months without its year before a
    value whose year comes after is that span of the year (was the year)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Bio generated DKK 80 billion in the fourth quarter of 2024 and DKK 290 billion for the full year.",
     [("Kestrel Bio", "revenue", 80000000000, "DKK", "Q4 2024", None),
      ("Kestrel Bio", "revenue", 290000000000, "DKK", "FY2024", None)]),
    ("Sales of kestrelbio's Norvexa jumped 95% to $1.1 billion in the third quarter of 2025.",
     [("Norvexa", "product_sales", 1100000000, "USD", "Q3 2025", 95.0)]),
])
def test_figures_a_company_generated_an_amount_in_a_period(extractor, text, want):
    """A company that 'generated' an amount in a period, with no metric word, reports its revenue (was no figure;
    cash and cash flow stay none); a drug's owner written in lower case before its name is skipped like a
    capitalised one ('Sales of kestrelbio's Norvexa': Norvexa's, was the owner's revenue)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text", [
    "Kestrel Bio generated $50 million in cash in the quarter.",
    "Halvex Pharma generated $1.2 billion in operating cash flow in 2025.",
])
def test_figures_generated_cash_is_no_revenue(extractor, text):
    assert extractor.extract(text, lang="en", published="2026-02-10").figures == []


@pytest.mark.parametrize("text,want", [
    ("宁远生物发布2025年一季报，实现营业收入72.1亿元，同比增长20.1%。",
     [("宁远生物", "revenue", 7210000000, "CNY", "Q1 2025", 20.1)]),
    ("宁远生物营业收入2024年达到28亿元，预计2025年将超过30亿元。",
     [("宁远生物", "revenue", 2800000000, "CNY", "FY2024", None)]),
    ("中国创新药市场规模2024年达到1.2万亿元，预计2030年将增长至2.5万亿元。",
     [("中国创新药", "market_size", 1200000000000, "CNY", "2024", None),
      ("中国创新药", "market_size", 2500000000000, "CNY", "2030", None)]),
])
def test_figures_zh_first_quarter_report_and_a_period_between_metric_and_value(extractor, text, want):
    """一季报 is the first quarter's report (was the year); a period between the metric word and the value
    ('市场规模2024年达到1.2万亿元') is the value's own, not the later forecast's year (was 2030 / FY2025)."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Bio's Norvexa earned $1.4 billion in the first half of 2025.",
     [("Norvexa", "product_sales", 1400000000, "USD", "H1 2025", None)]),
    ("Zelvora, Halvex's blood thinner, earned $900 million in 2025.",
     [("Zelvora", "product_sales", 900000000, "USD", "FY2025", None)]),
    ("Halvex Pharma earned $1.4 billion in 2025, up 10%.",
     [("Halvex Pharma", "net_profit", 1400000000, "USD", "FY2025", 10.0)]),
])
def test_figures_a_drug_that_earned_an_amount_sold_it(extractor, text, want):
    """'earned $X' is a company's net profit but a drug's sales ("Kestrel Bio's Norvexa earned": was Kestrel Bio's
    net profit; new metric.earned, product_sales with company_metric net_profit)."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Halvex Pharma is a clinical-stage company. The Company has ongoing collaborations with Merck and Sanofi, and its "
     "revenue for 2025 was RMB 412 million.", [("Halvex Pharma", "revenue", 412000000, "CNY", "FY2025", None)]),
    ("Halvex Pharma works with Merck and Sanofi; its 2025 revenue was $300 million.",
     [("Halvex Pharma", "revenue", 300000000, "USD", "FY2025", None)]),
])
def test_figures_a_partner_after_with_is_no_subject(extractor, text, want):
    """'… collaborations with Merck and Sanofi, and its revenue …': the clause's subject (or the company 'The Company'
    refers to), not the partner named last before the figure."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("lang,text,want", [
    ("zh", "恒远药业发布2025年第三季度报告。前三季度，公司营业收入23.6亿元，同比增长41.2%。归母净利润亏损2.8亿元。",
     [("恒远药业", "revenue", 2360000000, "CNY", "9M 2025", 41.2), ("恒远药业", "net_loss", 280000000, "CNY", "9M 2025", None)]),
    ("zh", "恒远药业发布2025年第三季度报告。前三季度，公司营业收入23.6亿元；净利润2.9亿元。其中，第三季度单季营业收入7.8亿元，"
     "同比下降9.1%；归母净利润8,200万元。",
     [("恒远药业", "revenue", 2360000000, "CNY", "9M 2025", None), ("恒远药业", "net_profit", 290000000, "CNY", "9M 2025", None),
      ("恒远药业", "revenue", 780000000, "CNY", "Q3 2025", -9.1), ("恒远药业", "net_profit", 82000000, "CNY", "Q3 2025", None)]),
    ("en", "Kestrel Bio released its third-quarter 2025 report on Tuesday. In the first nine months, revenue rose 12% to "
     "$2.1 billion. Net loss narrowed to $80 million.",
     [("Kestrel Bio", "revenue", 2100000000, "USD", "9M 2025", 12.0), ("Kestrel Bio", "net_loss", 80000000, "USD", "9M 2025", None)]),
])
def test_figures_a_yearless_period_the_figures_state_outlives_a_report_title(extractor, lang, text, want):
    """A report's title names a quarter ('发布2025年第三季度报告'); the figures after it state their own nine months
    without a year: the sentences after them report the nine months too, and a clause after a semicolon keeps its
    sentence's quarter (both were the title's Q3)."""
    assert [_row(f) for f in extractor.extract(text, lang=lang, published="2025-10-29").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Kestrel Bio's revenue grew 8% to $5 billion in 2025. Worldwide sales of the oral antiviral Zelvora fell 12% to "
     "$640 million.", [("Kestrel Bio", "revenue", 5000000000, "USD", "FY2025", 8.0),
                       ("Zelvora", "product_sales", 640000000, "USD", "FY2025", -12.0)]),
    ("Halvex Pharma said Norvexa delivered sales of $410 million in the third quarter of 2025.",
     [("Norvexa", "product_sales", 410000000, "USD", "Q3 2025", None)]),
    ("In the first half of 2025, Kestrel's Norvexa contributed $2.1 billion, while sister drug Zelvora added another "
     "$900 million.", [("Norvexa", "product_sales", 2100000000, "USD", "H1 2025", None),
                       ("Zelvora", "product_sales", 900000000, "USD", "H1 2025", None)]),
    ("Kestrel Bio added $50 million to its cash reserves in 2025.", []),
])
def test_figures_a_brand_in_a_sales_roundup_is_the_subject(extractor, text, want):
    """Brands in trade-press sales lines: 'sales of the oral antiviral Zelvora' (a class word the product list lacked),
    'Brand delivered sales of', 'Brand added $X' (all were the owner's revenue or nothing); a company that 'added' an
    amount reports no figure by it."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("Chinese drugmakers signed out-licensing deals worth $135.7 billion in 2025, more than double the $52 billion "
     "recorded in 2024. Upfront payments reached $7.0 billion.", ["2025", "2024", "2025"]),
    ("Licensing deal value hit $60 billion in 2025, well above the $45 billion of 2024.", ["2025", "2024"]),
])
def test_figures_a_multiple_of_last_years_amount_is_its_base(extractor, text, want):
    """'more than double the $52 billion recorded in 2024', 'above the $45 billion of 2024': the earlier amount keeps
    its own year (a market's trajectory) and the sentence after reports the year of the figure, not the base's (the
    upfront payments were 2024)."""
    figs = extractor.extract(text, lang="en", published="2026-02-10").figures
    assert [f.period for f in figs if f.metric == "deal_value"] == want


@pytest.mark.parametrize("text,want", [
    ("Market watchers at Crestline Research estimate China's GLP-1 drug market will hit RMB 50 billion by 2030.",
     [("China's GLP-1 drug", "market_size", 50000000000, "CNY", "2030", None)]),
    ("Crestline estimates that the US obesity drug market will be worth $100 billion by 2030.",
     [("US obesity drug", "market_size", 100000000000, "USD", "2030", None)]),
])
def test_figures_an_estimate_of_a_market_is_no_consensus(extractor, text, want):
    """'X estimate(s) (that) <a market> will hit …': a market forecast with its year, no consensus estimate (was no
    figure), and the source's verb is no part of the market's name."""
    assert [_row(f) for f in extractor.extract(text, lang="en", published="2026-02-10").figures] == want


@pytest.mark.parametrize("text,want", [
    ("其中，生物制剂的市场份额预计将由2024年的35%提升至2030年的62%。",
     [("生物制剂", "market_share", 35, "%", "2024", None), ("生物制剂", "market_share", 62, "%", "2030", None)]),
    ("其中，生物製劑的市場份額預計將由2024年的35%提升至2030年的62%。",
     [("生物製劑", "market_share", 35, "%", "2024", None), ("生物製劑", "market_share", 62, "%", "2030", None)]),
    ("宁远生物的市场份额提升至18%。", [("宁远生物", "market_share", 18, "%", None, None)]),
])
def test_figures_zh_a_segment_before_its_market_share(extractor, text, want):
    """'生物制剂的市场份额…由35%提升至62%': the segment named before the share word holds it (was no figure); a company
    named there is the company's share as before."""
    assert [_row(f) for f in extractor.extract(text, lang="zh", published="2026-02-10").figures] == want


def test_figures_prose_under_a_table_reports_its_first_column(extractor):
    """A results table's heads 'Fiscal Year Ended June 30, 2025 2024': the prose under it reports 2025, not the
    comparison column (the revenue sentence was FY2024 beside the table's FY2025)."""
    text = ("Orvane Biosciences, Inc. - Form 10-K for the fiscal year ended June 30, 2025\n"
            "($ in millions)\nFiscal Year Ended June 30, 2025 2024 Change\nTotal revenues 431.0 396.9 9%\n"
            "Net income 52.6 12.1 *\n\nTotal revenues increased 9% to $431.0 million, driven by higher unit demand.\n")
    figs = extractor.extract(text, lang="en").figures
    assert sorted((f.metric, int(f.value.amount), f.period) for f in figs) == [
        ("net_profit", 52600000, "FY2025"), ("revenue", 431000000, "FY2025")]
