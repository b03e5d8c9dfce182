"""Chinese pipeline behaviour: money, segmentation, role cues, traditional characters, language detection."""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsextract.api import detect_lang
from newsextract.layout.segment import get_segmenter
from newsextract.normalize.money import find_money
from newsextract.patterns import load_rules


@pytest.mark.parametrize(
    "text,amount,currency",
    [
        ("首付款一千万美元", "10000000", "USD"),
        ("近期付款两千万美元", "20000000", "USD"),
        ("交易总额最高十二亿美元", "1200000000", "USD"),
        ("人民幣貳仟參佰參拾萬元", "23300000", "CNY"),
        ("2500万美元首付款", "25000000", "USD"),
        ("最高5.71亿美元的里程碑付款", "571000000", "USD"),
        ("42.3 亿美元的潜在里程碑", "4230000000", "USD"),
        ("人民币177,380万元", "1773800000", "CNY"),
        ("12.5億美元首付款", "1250000000", "USD"),
        ("首付款15亿日元", "1500000000", "JPY"),
        ("800万欧元首付款", "8000000", "EUR"),
        ("总代价约12.5亿港元", "1250000000", "HKD"),
        ("首付款12亿卢比（约合1,400万美元）", "1200000000", "INR"),
        ("首付款8000萬盧比", "80000000", "INR"),
        ("里程碑付款最高5亿瑞典克朗", "500000000", "SEK"),
        ("首付款3,000万新加坡元", "30000000", "SGD"),
        ("交易總額2億澳元", "200000000", "AUD"),
        ("首付款1.5亿加元", "150000000", "CAD"),
        ("簽約金美金參佰伍拾萬元整", "3500000", "USD"),
        ("签约金美金350万元", "3500000", "USD"),
        ("首付款５，０００万美元", "50000000", "USD"),
        ("首付款5，000萬美元", "50000000", "USD"),
        ("本集团以代价人民币12,000千元收购标的资产", "12000000", "CNY"),
        ("首付款為人民幣3,500仟元", "3500000", "CNY"),
        ("市场规模预计达1千亿元", "100000000000", "CNY"),
    ],
)
def test_zh_money_amounts(text, amount, currency):
    found = [m for m in find_money(text, "zh") if not m.conversion]
    assert found, text
    assert found[0].amount == Decimal(amount)
    assert found[0].currency == currency


def test_zh_money_conversion_in_brackets_primary_wins():
    found = find_money("首付款7000万美元(约5亿人民币)", "zh")
    primary = [m for m in found if not m.conversion]
    conv = [m for m in found if m.conversion]
    assert [(m.amount, m.currency) for m in primary] == [(Decimal("70000000"), "USD")]
    assert [(m.amount, m.currency) for m in conv] == [(Decimal("500000000"), "CNY")]


@pytest.mark.parametrize(
    "text,flag",
    [("最高5.71亿美元", "upper_bound"), ("高达10亿美元", "upper_bound"), ("不超过3.35亿美元", "upper_bound"),
     ("约9.51亿美元", "approximate"), ("超过20亿美元", "lower_bound")],
)
def test_zh_money_qualifiers(text, flag):
    m = find_money(text, "zh")[0]
    assert getattr(m, flag) is True


@pytest.mark.parametrize(
    "text,expected",
    [
        ("公司获得5.71亿美元里程碑。辉瑞支付首付款。",
         ["公司获得5.71亿美元里程碑。", "辉瑞支付首付款。"]),
        ("PD-1/VEGF双抗SSGJ-707授权给辉瑞；首付款12.5亿美元",
         ["PD-1/VEGF双抗SSGJ-707授权给辉瑞；", "首付款12.5亿美元"]),
        ("★ IBI3009｜DLL3 ADC｜信达生物\n状态：已签署。罗氏支付首付款",
         ["★ IBI3009｜DLL3 ADC｜信达生物\n状态：已签署。", "罗氏支付首付款"]),
        ("总金额最高 41.65 亿美元", ["总金额最高 41.65 亿美元"]),
        ("许可人有资格获得累计不超过13.63亿美\n元的里程碑付款。\n下一句。",
         ["许可人有资格获得累计不超过13.63亿美\n元的里程碑付款。", "下一句。"]),
        ("許可人有資格獲得累計不超過13.63億美\n元的里程碑付款。\n下一句。",
         ["許可人有資格獲得累計不超過13.63億美\n元的里程碑付款。", "下一句。"]),
    ],
)
def test_zh_segmentation_never_splits_numbers_or_targets(text, expected):
    seg = get_segmenter("zh")
    assert [text[a:b] for a, b in seg.split(text)] == expected


def _frame_roles(masked: str) -> tuple[str | None, str | None]:
    for fr in load_rules("zh", "roles", section="frames"):
        m = fr.regex.search(masked)
        if m:
            g = m.groupdict()
            return g.get("licensor"), g.get("licensee")
    return None, None


@pytest.mark.parametrize(
    "masked,licensor,licensee",
    [
        ("«P0»授予«P1»全球独家开发及商业化权利", "«P0»", "«P1»"),
        ("«P0»将HS-20093的全球权益授权给«P1»", "«P0»", "«P1»"),
        ("«P0»将其自主研发的ADC有偿许可给«P1»", "«P0»", "«P1»"),
        ("«P0»从«P1»引进HS-20094在大中华区以外的独家权益", "«P1»", "«P0»"),
        ("«P0»将向«P1»支付«M0»的首付款", "«P1»", "«P0»"),
        ("«P0»被«P1»收购", "«P0»", "«P1»"),
        ("«P0»拟以«M0»收购«P1»", "«P1»", "«P0»"),
        ("«P0»（作为“许可人”）", "«P0»", None),
    ],
)
def test_zh_role_cues(masked, licensor, licensee):
    got_lr, got_le = _frame_roles(masked)
    if licensor:
        assert got_lr == licensor
    if licensee:
        assert got_le == licensee


@pytest.mark.parametrize(
    "text,kind",
    [("首付款", "upfront"), ("預付款", "upfront"), ("近期付款", "near_term"), ("開發、註冊及銷售里程碑付款", "milestone"),
     ("研发里程碑付款", "milestone_part"), ("或然代價", "milestone"), ("或然对价", "milestone"), ("或有代价", "milestone"),
     ("交易總額", "total"), ("整体交易价值", "total"), ("潛在交易價值", "total"), ("潜在总收益", "total"), ("股權投資", "equity"),
     ("營業收入", "nondeal"), ("市值", "nondeal"), ("融資", "nondeal")],
)
def test_zh_payment_cues_simplified_and_traditional(text, kind):
    for r in load_rules("zh", "payments"):
        m = r.regex.match(text)
        if m and m.end() == len(text):
            assert r.label == kind
            return
    pytest.fail(f"no payment rule reads {text!r}")


def test_zh_traditional_article_extracts_deal(extractor):
    text = ("康方生物授權依沃西單抗海外權益。根據協議，康方生物授予Summit Therapeutics在美國開發依沃西單抗的獨家許可權。"
            "Summit將向康方生物支付5億美元首付款，交易總額最高可達50億美元，另有分層特許權使用費。")
    rec = extractor.extract(text, lang="zh")
    assert rec.error is None
    assert len(rec.deals) == 1
    d = rec.deals[0]
    assert d.licensor.name == "康方生物"
    assert "Summit" in d.licensee.name
    assert d.upfront.amount == Decimal("500000000")
    assert d.total_value.amount == Decimal("5000000000")
    assert d.royalty is not None and d.royalty.tiered


@pytest.mark.parametrize(
    "text,lang",
    [("恒瑞医药与默沙东签署协议，首付款2亿美元", "zh"),
     ("Hengrui (恒瑞医药) licensed HRS-1167 to Merck for $200 million upfront.", "en"),
     ("康方生物AK112海外授权 Summit支付首付款5亿美元 Under the agreement, Summit obtains rights", "zh"),
     ("Akeso licenses ivonescimab to Summit in a deal worth up to $5 billion, 首付款5亿美元", "en")],
)
def test_zh_lang_detection_of_mixed_text(text, lang):
    assert detect_lang(text) == lang


@pytest.mark.parametrize("text,parties,total", [
    # party labels written inline, one after another ("甲方：X；乙方：Y")
    ("甲方：杭州澄明生物医药有限公司；乙方：Norvale Therapeutics。乙方将向甲方支付1.5亿美元首付款。",
     ("杭州澄明生物医药有限公司", "Norvale Therapeutics"), None),
    # "以X的价格向Y购买": the price
    ("百济神州以2.9亿美元的价格向Velora Therapeutics购买VT-16673的权益。",
     ("Velora Therapeutics", "百济神州"), Decimal(290_000_000)),
    # a verb before a company name is no part of it (拿下石药集团)
    ("阿斯利康砸下10亿美元首付，拿下石药集团的AI药物研发合作。", ("石药集团", "阿斯利康"), None),
])
def test_zh_party_labels_price_and_verbs_before_names(text, parties, total):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [parties]
    assert (deals[0].total_value.amount if deals[0].total_value else None) == total


@pytest.mark.parametrize("text,parties,upfront", [
    # the payer written as the object of the receiving verb, before the money
    ("根据协议，澄明生物将收到默沙东8000万美元首付款，并有资格获得最高12亿美元的里程碑付款。",
     ("澄明生物", "默沙东"), Decimal(80_000_000)),
    ("根據協議，澄明生物將收取輝瑞支付的3000萬美元首付款，並有資格獲得最高5億美元里程碑付款。",
     ("澄明生物", "輝瑞"), Decimal(30_000_000)),
    # a headline's 拿下X的首付 (X pays), and a takeover after a comma is another clause
    ("澄明生物以双抗拿下诺华6亿美元首付，日本武田完成对Velora Therapeutics的收购。",
     ("澄明生物", "诺华"), Decimal(600_000_000)),
])
def test_zh_payer_as_object_of_receiving_verb(text, parties, upfront):
    from newsextract import extract
    deals = [d for d in extract(text, lang="zh").deals if d.upfront]
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [parties]
    assert deals[0].upfront.amount == upfront


@pytest.mark.parametrize("text,junk", [
    # a drug's INN stem before a weak designator is a drug, not a company (…替尼治疗, …单抗治疗)
    ("渤健终止与华岭生物的合作，华岭生物收回全球权益。凯诺替尼治疗复发型多发性硬化症的研究仍在进行。", "替尼治疗"),
    ("百济神州终止与华岭生物的合作。依沃西單抗治療非小細胞肺癌的研究仍在進行。", "單抗治療"),
    # 淋巴细胞 is a cell, 皮下注射生物药 a biologic drug
    ("诺华收购华岭生物。该药用于治疗慢性淋巴细胞白血病。", "淋巴细胞"),
    ("诺华收购华岭生物。全球皮下注射生物药市场规模将超过1400亿美元。", "皮下注射生物"),
    # a person after a title is no company
    ("诺华收购华岭生物。诺华首席执行官Vas Narasimhan表示，交易将于年内完成。", "Narasimhan"),
    # a business or a product line that is bought is no company (收购X医药业务, 补强…产品线)
    ("诺华宣布将收购华岭集团旗下的医药业务，交易总对价约50亿美元。", "业务"),
    ("诺华收购华岭生物。诺华表示，此次收购将补强公司在眼科领域的产品线，并带来新的增长。", "产品线"),
    ("諾華收購華嶺生物。諾華表示，此次收購將補強公司在眼科領域的產品線，並帶來新的增長。", "產品線"),
    # a stage or a kind before a designator describes the company named next (临床阶段生物医药公司华岭生物)
    ("专注于眼科创新药研发的临床阶段生物医药公司华岭生物今日宣布与诺华达成合作。", "临床阶段"),
    ("專注於眼科的臨床前生物科技公司華嶺生物今日宣佈與諾華達成合作。", "臨床前"),
])
def test_zh_junk_names_are_no_companies(text, junk):
    from newsextract.finders.companies import CompanyFinder
    names = {f.text for f in CompanyFinder("zh").find(text) if f.label == "org"}
    assert names & {"华岭生物", "诺华", "諾華"}
    assert not any(junk in n for n in names), names


@pytest.mark.parametrize("text", [
    # a headline's half (one party, the drug, no amount) is the body's deal, not another
    "辉瑞终止凯诺替尼MS合作 百济神州收回全球权益\n\n3月2日，百济神州公告称，公司收到合作伙伴辉瑞的书面通知，后者将终止"
    "双方于2021年签订的凯诺替尼许可协议。根据当年条款，辉瑞向百济神州支付1.25亿美元首付款。",
    "輝瑞終止凱諾替尼MS合作 百濟神州收回全球權益\n\n3月2日，百濟神州公告稱，公司收到合作夥伴輝瑞的書面通知，後者將終止"
    "雙方於2021年簽訂的凱諾替尼許可協議。根據當年條款，輝瑞向百濟神州支付1.25億美元首付款。",
])
def test_zh_headline_half_is_the_body_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].upfront.amount == Decimal(125_000_000)


@pytest.mark.parametrize("text,licensor,licensee", [
    # a filing defines 甲方/乙方 for its companies in the brackets after their names (with 公司, or alone)
    ("华岭医药股份有限公司（以下简称“公司”或“甲方”）与北京澄明生物科技有限公司（以下简称“澄明生物”或“乙方”）签署"
     "《技术许可协议》。甲方应向乙方支付首付款人民币2,000万元。",
     "北京澄明生物科技有限公司", "华岭医药股份有限公司"),
    ("華嶺醫藥股份有限公司（下稱「甲方」）與北京澄明生物科技有限公司（下稱「乙方」）簽署協議，乙方將其專利許可給甲方。"
     "甲方應向乙方支付首付款人民幣2,000萬元。",
     "北京澄明生物科技有限公司", "華嶺醫藥股份有限公司"),
])
def test_zh_party_labels_defined_in_brackets(text, licensor, licensee):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [(licensor, licensee)]
    assert deals[0].upfront.amount == Decimal(20_000_000)


@pytest.mark.parametrize("text,milestones", [
    # a filing's list items headed by their payment kind: the item's amount is of that kind, however far
    ("辉瑞与华岭生物签署许可协议。\n1、首付款：辉瑞应向华岭生物支付首付款1,000万美元；\n"
     "2、开发里程碑付款：根据临床研究进展，辉瑞向华岭生物支付合计不超过5,000万美元；\n"
     "3、销售里程碑付款：产品上市后，根据年度净销售额达成情况，辉瑞向华岭生物支付合计不超过1亿美元。",
     Decimal(150_000_000)),
    ("輝瑞與華嶺生物簽署許可協議。\n1、首付款：輝瑞應向華嶺生物支付首付款1,000萬美元；\n"
     "2、里程碑付款：視乎項目進展，華嶺生物有權收取最高2億美元。", Decimal(200_000_000)),
])
def test_zh_item_heading_names_its_payment(text, milestones):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].upfront.amount == Decimal(10_000_000)
    assert deals[0].milestones.amount == milestones


@pytest.mark.parametrize("text", [
    # an option deal: upfront and research-term money in one figure is the upfront; an exercise fee is money the
    # licensor may receive, not rights it gets
    "诺华将获得对华岭生物三个项目行使独家许可选择权的权利。诺华将向华岭生物支付首付款及研究期付款合计最高1,500万美元；"
    "若诺华行使全部选择权，华岭生物有资格获得选择权行使费以及里程碑付款，合作潜在总额最高可达8亿美元。",
    "諾華將獲得對華嶺生物三個項目行使獨家許可選擇權的權利。諾華將向華嶺生物支付首付款及研發經費合計最高1,500萬美元；"
    "若諾華行使全部選擇權，華嶺生物有資格獲得選擇權行使費以及里程碑付款，合作潛在總額最高可達8億美元。",
])
def test_zh_option_deal_money(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    d = deals[0]
    assert "华岭" in d.licensor.name or "華嶺" in d.licensor.name
    assert d.upfront.amount == Decimal(15_000_000) and d.upfront.upper_bound
    assert d.total_value.amount == Decimal(800_000_000)


@pytest.mark.parametrize("text,licensor", [
    # a known name written with its designator once (台康生技, 信达生物) is its core elsewhere in the article (台康, 信达)
    ("台康生技昨日公告，將生物相似藥EG7788授權山德士，簽約金800萬美元。台康早在2019年即將旗下EG1234授權Meridia Pharma，"
     "當時簽約金為500萬美元。", "台康生技"),
    ("信达生物今日公告，将ADC药物IBI7788授权罗氏，首付款8000万美元。信达此前还将PD-1单抗IBI1234授权Meridia Pharma，"
     "首付款为500万美元。", "信达生物"),
])
def test_zh_known_name_core_elsewhere(text, licensor):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    second = [d for d in deals if d.upfront and d.upfront.amount == Decimal(5_000_000)]
    assert second and second[0].licensor is not None and second[0].licensor.name == licensor


@pytest.mark.parametrize("text,parties", [
    # the payee right after the paying verb, before the money (and 付 is no part of its name)
    ("根据协议，辉瑞将支付华岭生物首付款5000万美元，并支付最高5亿美元里程碑付款。", ("华岭生物", "辉瑞")),
    ("根據協議，輝瑞將支付華嶺生物簽約金5000萬美元。", ("華嶺生物", "輝瑞")),
])
def test_zh_pay_payee_as_first_object(text, parties):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [parties]


@pytest.mark.parametrize("text", [
    # 將 … 權益授權 X: the rights written before a bare licensing verb, with the licensee named first in the article
    "據報導，Meridia Pharma與華嶺生物簽約。華嶺生物宣佈將其自主研發的長效GLP-1受體激動劑HL-0123在大中華區以外的全球開發及"
    "商業化權益授權Meridia Pharma，簽約金3000萬美元。",
    "据报道，Meridia Pharma与华岭生物签约。华岭生物宣布将其自主研发的长效GLP-1受体激动剂HL-0123在大中华区以外的全球开发及"
    "商业化权利许可Meridia Pharma，首付款3000万美元。",
])
def test_zh_jiang_rights_bare_license_verb(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensee.name == "Meridia Pharma" and d.licensor.name in ("華嶺生物", "华岭生物")
    assert any(e.rule == "role.zh_jiang_grant_to" for e in d.evidence if e.field == "licensee")


def test_zh_contingent_consideration_is_milestones():
    from newsextract import extract
    text = ("華嶺醫藥宣佈，其附屬公司同意以總代價人民幣2億元收購康域生物。代價包括：(a) 首期代價人民幣1.2億元，於完成時以現金支付；"
            "(b) 或然代價合共不超過人民幣8,000萬元，以產品獲批准上市為條件。")
    d = extract(text, lang="zh").deals[0]
    assert d.milestones.amount == Decimal(80_000_000) and d.milestones.upper_bound
    assert d.upfront.amount == Decimal(120_000_000)


@pytest.mark.parametrize("text", [
    # talks with unnamed partners over the subject's own drug: a deal in the making, its licensor the subject
    "另据公司披露，华岭生物正与多家跨国药企就其TSLP单抗HL-0731的全球权益进行磋商，市场预期潜在交易总额或超过10亿美元。",
    "另據公司披露，華嶺生物正與多家跨國藥企就其TSLP單抗HL-0731的全球權益進行磋商，市場預期潛在交易總額或超過10億美元。",
])
def test_zh_talks_on_own_rights(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    d = deals[0]
    assert d.licensor.name in ("华岭生物", "華嶺生物") and d.licensee is None
    assert d.status == "in_discussion" and d.total_value.amount == Decimal(1_000_000_000)


@pytest.mark.parametrize("text,milestones,cur", [
    # milestones split into portions, each a part of the sum ('最多' before an amount is its ceiling)
    ("华岭生物从Helvia AG引进HB-88，首付款为1,000万欧元，里程碑付款分为开发部分最多2,000万欧元及销售部分最多8,000万欧元。",
     Decimal(100_000_000), "EUR"),
    ("華嶺生物從Helvia AG引進HB-88，首付款為1,000萬歐元，里程碑付款分為開發部份最高2,000萬歐元及銷售部份最高8,000萬歐元。",
     Decimal(100_000_000), "EUR"),
])
def test_zh_milestone_portions_are_parts(text, milestones, cur):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.milestones.amount, d.milestones.currency) == (milestones, cur)


@pytest.mark.parametrize("text", [
    # the last of a list of subjects is no single subject of the out-licensing verb
    "核心观点 - 信达生物、华岭生物、恒瑞医药本周先后公布对外授权交易\n\n - 信达生物宣布将其ADC IBI7788的全球独家权利授予罗氏，"
    "罗氏支付8000万美元首付款。",
    "核心觀點 - 信達生物、華嶺生物、恒瑞醫藥本週先後公布對外授權交易\n\n - 信達生物宣佈將其ADC IBI7788的全球獨家權利授予羅氏，"
    "羅氏支付8000萬美元首付款。",
])
def test_zh_listed_subjects_are_no_single_licensor(text):
    from newsextract import extract
    deals = [d for d in extract(text, lang="zh").deals if d.upfront]
    assert [d.licensor.name for d in deals] in (["信达生物"], ["信達生物"])


@pytest.mark.parametrize("text", [
    # a sentence that opens by referring back to a drug (该药…) is about the drug the sentence before names
    "诺华将收购华岭生物。华岭生物最知名的研发成果是JAK抑制剂凯洛替尼。该药的日本以外权益早年已授予丹麦利奥制药，并于2024年获批。",
    "諾華將收購華嶺生物。華嶺生物最知名的研發成果是JAK抑制劑凱洛替尼。該藥的日本以外權益早年已授予丹麥利奧製藥，並於2024年獲批。",
])
def test_zh_drug_anaphor_names_the_licensed_drug(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    lic = [d for d in deals if d.licensee and d.licensee.name in ("利奥制药", "利奧製藥")]
    assert lic and lic[0].asset in ("凯洛替尼", "凱洛替尼") and lic[0].targets == ["JAK"]
    assert all(d.asset is None for d in deals if d is not lic[0])


@pytest.mark.parametrize("text,asset", [
    # a code written with a space, right after the drug's class
    ("华岭生物已将其三特异性抗体HLB 2207的全球权益授予辉瑞，辉瑞支付首付款5000万美元。", "HLB 2207"),
    ("華嶺生物已將其小分子抑制劑HLB 3101的全球權益授予輝瑞，輝瑞支付首付款5000萬美元。", "HLB 3101"),
])
def test_zh_spaced_code_asset(text, asset):
    from newsextract import extract
    assert extract(text, lang="zh").deals[0].asset == asset


@pytest.mark.parametrize("text", [
    # a sentence with no deal word about another drug of the company does not continue the deal
    "华岭生物宣布将其ADC药物HL-0701的海外权益授予欧加隆，欧加隆将支付7000万美元首付款。\n\n◆ 创新药进入收获期。"
    "PD-1单抗凯瑞利单抗已于2022年3月获国家药监局批准上市。",
    "華嶺生物宣佈將其ADC藥物HL-0701的海外權益授予歐加隆，歐加隆將支付7000萬美元首付款。\n\n◆ 創新藥進入收穫期。"
    "PD-1單抗凱瑞利單抗已於2022年3月獲國家藥監局批准上市。",
])
def test_zh_other_drug_sentence_keeps_its_target(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.asset == "HL-0701" and "PD-1" not in d.targets


@pytest.mark.parametrize("text,upfront,milestones", [
    # an upfront, a comma, then milestone parts each with its own amount: no combined figure
    ("印度太阳药业获得华岭生物HL-0702在印度的商业化权利，太阳药业将向华岭生物支付1000万美元首付款，"
     "注册里程碑最高1200万美元，销售里程碑最高3000万美元。", 10_000_000, 42_000_000),
    ("印度太陽藥業取得華嶺生物HL-0702在印度的商業化權利，太陽藥業將向華嶺生物支付首付款800萬美元，"
     "開發里程碑不超過500萬美元，銷售里程碑不超過2500萬美元。", 8_000_000, 30_000_000),
])
def test_zh_upfront_then_comma_milestone_parts(text, upfront, milestones):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.upfront and d.upfront.amount == upfront
    assert d.milestones and d.milestones.amount == milestones


@pytest.mark.parametrize("text,currency,upfront,milestones", [
    # money paid first is the upfront, money paid later up to a ceiling the milestones (not a licence fee total)
    ("华岭大学将其抗体平台独家授权给华岭生物，华岭生物先付授权金人民币3,000万元，之后视研发进展再付最多人民币1.5亿元。",
     "CNY", 30_000_000, 150_000_000),
    ("華嶺大學將其抗體平台獨家授權予華嶺生物，華嶺生物先支付授權金新台幣5,000萬元，隨後再支付最高新台幣3億元。",
     "TWD", 50_000_000, 300_000_000),
])
def test_zh_paid_first_and_paid_later(text, currency, upfront, milestones):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.upfront and (d.upfront.currency, d.upfront.amount) == (currency, upfront)
    assert d.milestones and d.milestones.amount == milestones
    assert d.total_value is None


@pytest.mark.parametrize("text,upfront,milestones", [
    # a royalty bought outright at once, and more paid if a sales level is reached, up to a ceiling
    ("华岭生物宣布，特许权投资机构Apex Royalty以2亿美元一次性买断其HL-0801全球销售特许权使用费的60%，"
     "若HL-0801年销售额超过15亿美元，Apex Royalty将额外支付最多8000万美元。", 200_000_000, 80_000_000),
    ("華嶺生物宣佈，特許權投資機構Apex Royalty以2億美元一次性買斷其HL-0801全球銷售特許權使用費的60%，"
     "若HL-0801年銷售額超過15億美元，Apex Royalty將額外支付最高8,000萬美元。", 200_000_000, 80_000_000),
])
def test_zh_royalty_buyout_upfront_and_extra_payment(text, upfront, milestones):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.upfront and d.upfront.amount == upfront
    assert d.milestones and d.milestones.amount == milestones


@pytest.mark.parametrize("text,amount", [
    # a term raised to a new value: the cue, a raising verb, then the amount
    ("华岭生物已将其HL-0901的开发权利扩大授予辉瑞，原协议中的里程碑总额上调至最高12亿美元。", 1_200_000_000),
    ("華嶺生物已將其HL-0901的開發權利擴大授予輝瑞，原協議的里程碑總額提高至最多12億美元。", 1_200_000_000),
])
def test_zh_term_raised_to_new_value(text, amount):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.milestones and d.milestones.amount == amount


@pytest.mark.parametrize("text", [
    # a non-refundable upfront is no refund: the deal stays signed
    "华岭生物将其HL-1001的全球权益授予辉瑞，辉瑞将支付不可退还的首付款3000万美元。",
    "華嶺生物將其HL-1001的全球權益授予輝瑞，輝瑞將一次性支付3,000萬美元不可退還首付款。",
    "华岭生物将其HL-1001的全球权益授予辉瑞，辉瑞将支付3000万美元无需退还的预付款。",
])
def test_zh_non_refundable_upfront_is_no_termination(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.status == "signed" and d.upfront and d.upfront.amount == 30_000_000


@pytest.mark.parametrize("text,milestones", [
    # a milestone part in a condition clause, then the company that gets paid, then the amount
    ("华岭生物将其HL-1101的欧洲权利独家许可给Almirall。Almirall向公司支付1,000万欧元首付款；在达成约定的开发及注册里程碑时，"
     "公司可获得合计不超过3,000万欧元的付款；在年度净销售额达到约定门槛时，公司另可获得合计不超过1亿欧元的销售里程碑付款。",
     130_000_000),
    ("華嶺生物將其HL-1101的歐洲權利獨家許可予Almirall。Almirall向公司支付1,000萬歐元首付款；在達成約定的開發及註冊里程碑後，"
     "本公司可獲得合計不超過3,000萬歐元的付款；在年度淨銷售額達到約定門檻時，公司另可獲得合計不超過1億歐元的銷售里程碑付款。",
     130_000_000),
])
def test_zh_condition_clause_milestone_part_then_company(text, milestones):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.milestones and d.milestones.amount == milestones


@pytest.mark.parametrize("text,milestones", [
    # a bare milestone word after the amount yields to the part named before it in the same clause part
    ("根据协议，华岭生物将向ABL支付首付款1,000万美元，并在达成约定的开发及注册里程碑后支付合计不超过4,000万美元的里程碑款，"
     "在达成约定的销售里程碑后支付合计不超过9,000万美元的销售里程碑款。", 130_000_000),
    ("根據協議，華嶺生物將向ABL支付首付款1,000萬美元，並於達成約定的臨床開發里程碑後支付最多4,000萬美元的里程碑付款，"
     "於達成約定的銷售里程碑後支付最多9,000萬美元的銷售里程碑付款。", 130_000_000),
])
def test_zh_bare_milestone_word_yields_to_part_before(text, milestones):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.milestones and d.milestones.amount == milestones


@pytest.mark.parametrize("text,upfront", [
    # the first closing payment of a purchase is its upfront
    ("华岭生物以人民币8亿元对价收购海川药业60%股权，其中首期交割款4.5亿元，剩余款项将根据获批进度分期支付，最高3.5亿元。", 450_000_000),
    ("華嶺生物以人民幣8億元對價收購海川藥業60%股權，其中首次交割款項4.5億元，其餘款項將按獲批進度分期支付。", 450_000_000),
])
def test_zh_first_closing_payment_is_upfront(text, upfront):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.upfront and d.upfront.amount == upfront


@pytest.mark.parametrize("text", [
    # the price of shares the partner subscribes is equity, not the licence's total
    "华岭生物将其HL-1201的日本权益授予大塚，大塚将支付首付款1,000万美元。同日，大塚同意以每股3.5港元认购华岭生物新股份，总代价约为1,500万美元。",
    "華嶺生物將其HL-1201的日本權益授予大塚，大塚將支付首付款1,000萬美元。同日，大塚同意以每股3.5港元認購華嶺生物新股份，總代價約為1,500萬美元。",
])
def test_zh_share_subscription_price_is_equity(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.total_value is None
    assert d.equity and d.equity.amount == 15_000_000


@pytest.mark.parametrize("text", [
    # another drug licensed to an unnamed company is another deal: its targets stay out of the named deal
    "华岭生物已将其HLX-301的海外权益授予辉瑞，辉瑞将支付首付款5000万美元。\n\n今年3月，华岭生物已将另一款BCMA双抗HLX-208的大中华区权益转让给一家国内上市药企，双方未披露金额。",
    "華嶺生物已將其HLX-301的海外權益授予輝瑞，輝瑞將支付首付款5000萬美元。\n\n今年3月，華嶺生物已將另一款BCMA雙抗HLX-208的大中華區權益轉讓給一家A股上市藥企，雙方未披露金額。",
])
def test_zh_unnamed_partner_of_another_drug_is_another_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    first = [d for d in deals if d.upfront][0]
    assert first.asset == "HLX-301" and "BCMA" not in first.targets
    assert any(d.asset == "HLX-208" and d.licensee is None for d in deals)


def test_zh_a_denial_of_something_else_keeps_the_deal():
    from newsextract import extract
    text = "泰利斯制药将CV-10的权益退还给科尔凡生物，此前其已支付5000万美元首付款；公司否认此次终止与安全性有关。"
    assert len(extract(text, lang="zh").deals) == 1


@pytest.mark.parametrize("text", [
    # a regulatory event about another drug of the company, with no deal word, adds nothing to the deal
    "华岭生物将KRAS G12D抑制剂HL-375的海外权益授予Verdant Bio，Verdant将支付首付款2000万美元。\n\n公司首款产品氟泽雷塞（KRAS G12C抑制剂）的上市申请已于2024年获国家药监局受理。",
    "華嶺生物將KRAS G12D抑制劑HL-375的海外權益授予Verdant Bio，Verdant將支付首付款2000萬美元。\n\n此外，公司的CD19/BCMA雙靶點CAR-T產品HL-C12今年5月獲美國FDA授予孤兒藥資格認定。",
    "华岭生物将KRAS G12D抑制剂HL-375的海外权益授予Verdant Bio，Verdant将支付首付款2000万美元。\n\n另外，其HER2 ADC已获批上市，用于治疗乳腺癌。",
])
def test_zh_a_regulatory_event_of_another_drug_is_no_deal_term(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    d = deals[0]
    assert d.asset == "HL-375" and d.targets == ["KRAS G12D"]
    assert d.upfront and d.upfront.amount == 20_000_000


def test_zh_a_regulatory_event_of_the_deals_drug_still_names_it():
    from newsextract import extract
    text = ("太阳药业宣布将以每股4.10美元收购Checkpoint全部已发行股份，交易股权价值约3.55亿美元。"
            "Checkpoint的核心资产cosibelimab是一款PD-L1单抗，已于2024年12月获FDA批准。")
    d = extract(text, lang="zh").deals[0]
    assert d.asset == "cosibelimab" and d.targets == ["PD-L1"]


@pytest.mark.parametrize("text", [
    # a market's size is a statistic: the targets that name the market are no deal's
    "恒瑞医药将HRS-1893的海外权利授予Braveheart Bio，恒瑞获得6500万美元首付款。\n\n全球GLP-1类药物市场规模预计2030年达到1500亿美元。",
    "恒瑞醫藥將HRS-1893的海外權利授予Braveheart Bio，恒瑞獲得6500萬美元首付款。\n\n有機構預測，全球皮下注射生物藥市場規模將超過1400億美元，目前已成為PD-1、HER2等重磅品種的標配。",
    "恒瑞医药将HRS-1893的海外权利授予Braveheart Bio，恒瑞获得6500万美元首付款。\n\n业内人士指出，TROP2 ADC的市场空间有望在2030年达到百亿美元。",
])
def test_zh_a_market_size_sentence_adds_no_target(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].asset == "HRS-1893" and deals[0].targets == []
    assert deals[0].upfront and deals[0].upfront.amount == 65_000_000


@pytest.mark.parametrize("text", [
    # a period alone (上半年, 全年, 同期) in a clause with no amount sums nothing: the drug's targets are the deal's
    "晶华新药将JH-0718的韩国权利授权给保宁制药，保宁将支付签约金300万美元。\n\nJH-0718同时阻断VEGF与Ang-2两条通路，预计明年上半年公布二期数据。",
    "晶華新藥將JH-0718的韓國權利授權給保寧製藥，保寧將支付簽約金300萬美元。\n\nJH-0718同時阻斷VEGF與Ang-2兩條路徑，預計全年完成二期收案。",
])
def test_zh_a_period_without_an_amount_is_no_statistic(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.asset == "JH-0718" and d.targets == ["VEGF", "ANG2"]


@pytest.mark.parametrize("text", [
    # a deal between unnamed companies is another deal: its targets stay off the named deal before it
    "和铂医药与阿斯利康达成全球战略合作，阿斯利康支付首付款1.75亿美元。\n\n同期，某欧洲药企已将一款PD-1/IL-2融合蛋白的海外权益退还给中国合作方。",
    "和鉑醫藥與阿斯利康達成全球戰略合作，阿斯利康支付首付款1.75億美元。\n\n此外，某科創板公司與一家跨國藥企簽署CD3雙抗全球合作備忘錄，雙方未披露財務條款。",
    "和铂医药与阿斯利康达成全球战略合作，阿斯利康支付首付款1.75亿美元。\n\n另有一家纳斯达克上市公司与数家国际药企就其TSLP单抗进行洽谈。",
])
def test_zh_a_deal_of_unnamed_companies_is_another_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    d = [x for x in deals if x.upfront][0]
    assert d.licensee and d.licensee.name == ("阿斯利康") and d.targets == []
    assert all(x.licensor is None or x.licensor.name in ("和铂医药", "和鉑醫藥") for x in deals)


@pytest.mark.parametrize("text", [
    # a list heading naming a drug and no company opens the next entry, even with a deal word in it
    "★ 海川新药，收购\n华岭生物以人民币9.6亿元对价收购海川新药72%股权。\n\n★ HX-301，GLP-1/GCGR双激动剂，NewCo\n杭州恒析生物将HX-301的海外权益注入新公司Orbis Metabolic，换取5000万美元首付款。",
    "★ 海川新藥，收購\n華嶺生物以人民幣9.6億元對價收購海川新藥72%股權。\n\n★ HX-301，GLP-1/GCGR雙激動劑，NewCo\n杭州恒析生物將HX-301的海外權益注入新公司Orbis Metabolic，換取5000萬美元首付款。",
])
def test_zh_a_drug_heading_with_a_deal_word_heads_the_next_entry(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    buy = [d for d in deals if d.total_value][0]
    newco = [d for d in deals if d.upfront][0]
    assert buy.asset is None and buy.targets == []
    assert newco.asset == "HX-301" and "GLP-1" in newco.targets


@pytest.mark.parametrize("text", [
    # 生物利用度 (bioavailability) is no company ending in 生物: the deal is not split by a false third party
    "华东医药引进PeptiDream口服大环肽IL-23R拮抗剂大中华区权益\n\n华东医药宣布与PeptiDream签订独家许可协议。根据协议，华东医药将获得PeptiDream口服大环肽PD-29875的大中华区权利，并向PeptiDream支付首付款15亿日元。初步数据显示其口服生物利用度优于同类分子。",
    "華東醫藥引進PeptiDream口服大環肽IL-23R拮抗劑大中華區權益\n\n華東醫藥宣布與PeptiDream簽訂獨家許可協議。根據協議，華東醫藥將獲得PeptiDream口服大環肽PD-29875的大中華區權利，並向PeptiDream支付首付款15億日元。初步數據顯示其絕對生物利用度優於同類分子。",
])
def test_zh_bioavailability_is_no_company(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].asset == "PD-29875" and deals[0].upfront and deals[0].upfront.amount == 1_500_000_000


@pytest.mark.parametrize("text", [
    # a trial clearance (临床试验许可, 默示许可) is no licence: it gives a drug story no deal word
    "天衡药业宣布，公司自主研发的TH-305获得美国FDA临床试验许可，即将在美国启动I期研究。",
    "天衡藥業宣布，公司自主研發的TH-305已獲得臨床試驗默示許可，即將啟動I期研究。",
])
def test_zh_a_trial_clearance_is_no_licence(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []
    cues = load_rules("zh", "deal_cues")
    lic = next(r for r in cues if r.id == "deal.zh_license")
    assert not lic.regex.search(text.replace("授予", ""))


@pytest.mark.parametrize("text", [
    # 本公司/本集团 after a verb or preposition (向本公司, 交还本集团, 予本集团) is the filer itself (日本公司 is not)
    "嘉和瑞达生物科技有限公司\n年度业绩公告\n\n于2025年3月，Cullinan Therapeutics, Inc.向本公司发出书面通知，终止双方于2022年订立的JR-1207许可协议。JR-1207的全球权利已全数交还本集团。本公司此前根据该协议收取的首付款2,000万美元毋须退还。",
    "嘉和瑞達生物科技有限公司\n年度業績公告\n\n於2025年3月，Cullinan Therapeutics, Inc.向本公司發出書面通知，終止雙方於2022年訂立的JR-1207許可協議。JR-1207的全球權利已全數交還本集團。本公司此前根據該協議收取的首付款2,000萬美元毋須退還。",
])
def test_zh_the_filer_after_a_preposition_is_a_party(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    d = deals[0]
    assert d.licensee and d.licensee.name.startswith("Cullinan")
    assert d.licensor and "瑞" in d.licensor.name
    assert d.upfront and d.upfront.amount == 20_000_000 and d.status == "terminated"


def test_zh_a_japanese_company_is_no_self_reference():
    import re

    from newsextract.patterns import load_file
    selfs = load_file("zh", "names")["references"]["self"]
    assert not any(re.search(p, "一家日本公司") for p in selfs[:3])
    assert all(re.search(p, x) for p, x in zip(selfs[:3], ["向本公司发出通知", "交还本集团", "交還本集團"], strict=True))


@pytest.mark.parametrize("text", [
    # a clause that gives the deal's own two parties their roles is about that deal, even if it names a bystander
    "华岭生物与康诺制药终止双方关于HL-317的全球合作，康诺同意向华岭生物支付1.5亿美元。\n\n康诺制药从华岭生物处获得的HL-317授权一度备受关注，原因是辉瑞管线内已有一款同类药物。",
    "華嶺生物與康諾製藥終止雙方關於HL-317的全球合作，康諾同意向華嶺生物支付1.5億美元。\n\n康諾製藥從華嶺生物處獲得的HL-317授權一度備受關注，原因是輝瑞管線內已有一款同類藥物。",
])
def test_zh_a_bystander_does_not_split_the_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].asset == "HL-317" and deals[0].licensee and deals[0].licensee.name in ("康诺制药", "康諾製藥")


@pytest.mark.parametrize("text", [
    # a role given to a list of three or more companies in a statistic is the list's: no deal, no parties mixed
    "近期，华岭生物、康诺制药、中国生物制药等多家创新药企业相继披露收到里程碑款的进展。\n\n其中，康诺制药12月收到由辉瑞支付的里程碑付款。根据合作协议，康诺制药后续还有资格获得最高可达2.5亿美元的或有付款。",
    "近期，華嶺生物、康諾製藥、中國生物製藥等多家創新藥企業相繼披露收到里程碑款的進展。\n\n其中，康諾製藥12月收到由輝瑞支付的里程碑付款。根據合作協議，康諾製藥後續還有資格獲得最高可達2.5億美元的或有付款。",
])
def test_zh_a_role_given_to_a_list_of_companies_makes_no_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    d = deals[0]
    assert d.licensor and d.licensor.name in ("康诺制药", "康諾製藥")
    assert d.licensee is None or d.licensee.name in ("辉瑞", "輝瑞")
    assert d.milestones and d.milestones.amount == 250_000_000


@pytest.mark.parametrize("text", [
    # a sentence about money already paid names who pays whom: the next sentence's terms are that deal's
    "其中，康诺制药12月收到由辉瑞支付的里程碑付款。根据合作协议，康诺制药后续还有资格获得最高可达2.5亿美元的或有付款。",
    "其中，康諾製藥12月收到由輝瑞支付的里程碑付款。根據合作協議，康諾製藥後續還有資格獲得最高可達2.5億美元的或有付款。",
])
def test_zh_a_paid_milestone_names_the_parties_of_the_next_terms(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor and d.licensor.name in ("康诺制药", "康諾製藥")
    assert d.licensee and d.licensee.name in ("辉瑞", "輝瑞")
    assert d.milestones and d.milestones.amount == 250_000_000


@pytest.mark.parametrize("text", [
    # companies named as examples of a class ("X、Y等公司") and a drug of a third: a statistic, no deal
    "核心观点：2025年以来ABL Bio、Alteogen等公司接连签下十亿美元量级的合同，柳韩洋行拉泽替尼在美获批则提供了样板。\n\nABL Bio与葛兰素史克签署许可协议，ABL Bio获得3850万英镑首付款。",
    "核心觀點：2025年以來ABL Bio、Alteogen等公司接連簽下十億美元量級的合同，柳韓洋行拉澤替尼在美獲批則提供了樣板。\n\nABL Bio與葛蘭素史克簽署許可協議，ABL Bio獲得3850萬英鎊首付款。",
])
def test_zh_companies_named_as_examples_make_no_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].licensor and deals[0].licensor.name == "ABL Bio" and deals[0].asset is None


@pytest.mark.parametrize("text", [
    # a payment said to be under an existing agreement, "no new deal", makes no deal
    "弘睿生物2024年报：授权收入撑起营收\n\n弘睿生物表示，上述里程碑属于既有协议项下的约定付款，并非新签交易。公司第二款产品HR-2290的海外权益仍由公司持有。",
    "和睿生物公布中期業績\n\n和睿生物表示，該款項對應的是雙方2023年已簽訂的許可協議，期內並無新增授權交易。公司的HR-C12海外權益仍由公司持有。",
    "天衡药业表示，这笔钱对应的是2023年已经签署的协议，不是新交易，TH-305的海外权益仍由公司持有。",
])
def test_zh_no_new_deal_said_is_no_deal(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []


@pytest.mark.parametrize("text", [
    # a revenue line (授权收入, 许可及合作收入, 許可費收入) is no deal word
    "康拓生物2024年报：授权收入撑起营收\n\n报告期内，康拓生物实现营业收入8.62亿元，其中技术授权及合作收入2.15亿元，主要来自KT-301。",
    "康拓生物公布中期業績：許可費收入按年增長\n\n期內，康拓生物對外許可收入約人民幣2.41億元，主要來自KT-301。",
])
def test_zh_a_revenue_line_is_no_deal(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []
    lic = next(r for r in load_rules("zh", "deal_cues") if r.id == "deal.zh_license")
    assert not lic.regex.search("技术授权及合作收入") and lic.regex.search("技术授权协议")


@pytest.mark.parametrize("text", [
    # a regulator's 许可 is a clearance, no licence
    "华岭生物宣布，其HL-2290注射液的新药临床试验申请已于今年1月获得美国FDA许可，即将启动I期研究。",
    "華嶺生物宣布，其HL-2290注射液的新藥臨床試驗申請已於今年1月獲得國家藥監局許可，即將啟動I期研究。",
])
def test_zh_a_regulators_permission_is_no_licence(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []


@pytest.mark.parametrize("text,upfront,milestones", [
    # money paid at once is the upfront; money paid as development goes on is the milestones
    ("作为对价，诺华将一次性支付8000万美元，并视进展支付最高12亿美元。康桥生物授予诺华KQ-101全球权益。", 80_000_000, 1_200_000_000),
    ("作為對價，諾華將一次性給付8,000萬美元，並依研發進度分期給付最多12億美元。康橋生物授予諾華KQ-101全球權益。", 80_000_000, 1_200_000_000),
])
def test_zh_paid_at_once_and_paid_on_progress(text, upfront, milestones):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.upfront and d.upfront.amount == upfront
    assert d.milestones and d.milestones.amount == milestones


@pytest.mark.parametrize("text,licensor", [
    # a drug developer called …新药 is a company where its context says so (a ticker, a subject that announces)
    ("晶华新药宣布将JH-07的韩国权利授权予保宁制药，保宁将支付签约金300万美元。", "晶华新药"),
    ("新藥公司晶碩新藥（6924）今日宣布，將JS-0718在韓國的權利專屬授權給保寧製藥，保寧將先支付簽約金300萬美元。", "晶碩新藥"),
])
def test_zh_a_name_ending_in_xinyao_is_a_company(text, licensor):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor and d.licensor.name == licensor
    assert d.upfront and d.upfront.amount == 3_000_000


@pytest.mark.parametrize("text", [
    # "X获Y授权": Y grants the licence X receives
    "康桥生物获礼来授权，引进LY-3000大中华区权益，首付款2000万美元。",
    "康橋生物獲得禮來獨家許可，引進LY-3000大中華區權益，首付款2,000萬美元。",
])
def test_zh_licensed_by(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor and d.licensor.name in ("礼来", "禮來")
    assert d.licensee and d.licensee.name in ("康桥生物", "康橋生物")


@pytest.mark.parametrize("text", [
    # a sentence that names the company and another drug of its own, with no deal word, adds nothing to the deal
    "康桥生物将其CLDN18.2 ADC KQ-101的海外权益授予诺华，诺华支付首付款8000万美元。与此同时，康桥生物在研的KRAS G12D抑制剂KQ-303已进入临床。",
    "康橋生物將KQ-101的海外權益授予諾華，諾華支付首付款8,000萬美元。康橋生物旗下另一款靶向EGFR的藥物KQ-404已在美國遞交上市申請。",
])
def test_zh_the_companys_other_drug_is_no_deal_term(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.assets == ["KQ-101"]
    assert "KRAS G12D" not in d.targets and "EGFR" not in d.targets


@pytest.mark.parametrize("text", [
    # the company boilerplate after a 关于X heading adds no targets to the deal told before it
    "康桥生物将KQ-101的海外权益授予诺华，诺华支付首付款8000万美元。\n\n关于康桥生物\n康桥生物成立于2015年，拥有PD-1单抗、CTLA-4单抗等多款产品。",
    "康橋生物將KQ-101的海外權益授予諾華，諾華支付首付款8,000萬美元。\n\n關於康橋生物\n康橋生物成立於2015年，擁有PD-1單抗、CTLA-4單抗等多款產品。",
])
def test_zh_company_boilerplate_adds_no_target(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.asset == "KQ-101" and d.targets == []
    assert d.upfront and d.upfront.amount == 80_000_000


@pytest.mark.parametrize("text,licensor", [
    # 买断 (buy outright) is a verb: no part of the name after it
    ("诺华以1.5亿美元买断康桥生物KQ-101的全球权益。", "康桥生物"),
    ("諾華以1.5億美元買斷康橋生物KQ-101的全球權益。", "康橋生物"),
])
def test_zh_buyout_verb_is_no_name(text, licensor):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor and d.licensor.name == licensor


@pytest.mark.parametrize("text", [
    # a deal table with Chinese headers: one deal a row, bare numbers in the unit the line above names
    "本月重点交易（金额单位：百万美元）：\n\n| 许可方/被收购方 | 被许可方/收购方 | 资产 | 靶点 | 首付款 | 总金额 |\n| 康桥生物 | 诺华 | KQ-101 | TROP2 ADC | 80 | 1,280 |\n| 华岭生物 | 未披露 | HL-202 | TSLP/IL-13双抗 | 20 | 约900 |",
    "本月重點交易（金額單位：百萬美元）：\n\n| 許可方/被收購方 | 被許可方/收購方 | 資產 | 靶點 | 首付款 | 總金額 |\n| 康橋生物 | 諾華 | KQ-101 | TROP2 ADC | 80 | 1,280 |\n| 華嶺生物 | 未披露 | HL-202 | TSLP/IL-13雙抗 | 20 | 約900 |",
])
def test_zh_a_deal_table(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 2
    a, b = deals
    assert a.licensor and a.licensor.name in ("康桥生物", "康橋生物") and a.licensee and a.licensee.name in ("诺华", "諾華")
    assert a.upfront and a.upfront.amount == 80_000_000 and a.upfront.currency == "USD"
    assert a.total_value and a.total_value.amount == 1_280_000_000 and a.targets == ["TROP2"]
    assert b.licensee is None and b.asset == "HL-202" and b.targets == ["TSLP", "IL-13"]
    assert b.total_value and b.total_value.amount == 900_000_000


@pytest.mark.parametrize("text", [
    # a sentence that opens with a grant and no subject has the last sentence's subject
    "康桥生物今年已完成两笔对外授权：3月将KQ-101授予诺华，获得首付款8000万美元；7月将KQ-202授予礼来，获得首付款5000万美元。",
    "康橋生物今年已完成兩筆對外授權：3月將KQ-101授予諾華，獲得首付款8,000萬美元；7月又將KQ-202轉讓給禮來，獲得首付款5,000萬美元。",
])
def test_zh_a_subjectless_grant_has_the_last_subject(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 2
    assert all(d.licensor and d.licensor.name in ("康桥生物", "康橋生物") for d in deals)
    assert deals[1].licensee and deals[1].licensee.name in ("礼来", "禮來")
    assert deals[1].upfront and deals[1].upfront.amount == 50_000_000


@pytest.mark.parametrize("text,milestones,total", [
    # 里程碑金/里程碑款 are milestone words; 交易总值 a total; milestones already received stay history
    ("康橋生物將KQ-101授權給諾華，諾華支付簽約金8,000萬美元，並依開發進度支付里程碑金最高15億美元。", 1_500_000_000, None),
    ("康桥生物将KQ-101授权给诺华，诺华支付首付款8000万美元，里程碑款最高15亿美元。", 1_500_000_000, None),
    ("康桥生物将KQ-101授权给诺华，诺华将支付8000万美元预付款，交易总值最高可达15.8亿美元。", None, 1_580_000_000),
    ("康桥生物将KQ-101授权给诺华，诺华支付首付款8000万美元。康桥已公开披露获得的里程碑款金额累计达7240万美元。", None, None),
])
def test_zh_milestone_and_total_words(text, milestones, total):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.milestones.amount if d.milestones else None) == milestones
    assert (d.total_value.amount if d.total_value else None) == total


@pytest.mark.parametrize("text", [
    # a royalty said not to be part of the deal is no royalty
    "康桥生物将KQ-101授权给诺华，首付款8000万美元，里程碑付款最高可达15亿美元，本次交易不涉及特许权使用费。",
    "康橋生物將KQ-101授權給諾華，首付款8,000萬美元，諾華無需支付任何權利金。",
])
def test_zh_no_royalty_said(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals[0].royalty is None


@pytest.mark.parametrize("text", [
    # 权益金 is a royalty, no 权益 (rights) of a licence: no second deal, the licensor stays the licensor
    "康桥生物将KQ-101授权给诺华，首付款8000万美元。此外，康桥将按KQ-101年净销售额获得最高15%的分层权益金。",
    "康橋生物將KQ-101授權給諾華，首付款8,000萬美元。此外，康橋將按KQ-101年淨銷售額獲得最高15%的分層權益金。",
])
def test_zh_quanyijin_is_a_royalty(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].royalty and deals[0].royalty.tiered


@pytest.mark.parametrize("text,licensor,total", [
    # 和 inside a name after 嘉/海 (嘉和…, 上海和…) is part of it; selling a stake is a takeover of that company
    ("华岭医药宣布，集团已同意以2.5亿美元出售所持上海和康药业40%的股份，交易预计年内完成。", "上海和康药业", 250_000_000),
    ("華嶺醫藥宣布，集團已同意以2.5億美元出售所持嘉和康達生物40%的股權，交易預計年內完成。", "嘉和康達生物", 250_000_000),
])
def test_zh_a_stake_sale_and_names_with_he(text, licensor, total):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert licensor in {p.name for p in (d.licensor, d.licensee) if p}
    assert d.total_value and d.total_value.amount == total


@pytest.mark.parametrize("text", [
    # drugs named as examples of the acquired company's pipeline are no asset of the takeover
    "中国生物制药将以约9.5亿美元收购礼新医药。礼新医药拥有十余款临床及临床前产品，其中包括Claudin18.2 ADC LM-302、CCR8单抗LM-108等。",
    "中國生物製藥將以約9.5億美元收購禮新醫藥。禮新醫藥擁有十餘款產品，例如Claudin18.2 ADC LM-302及CCR8單抗LM-108等。",
])
def test_zh_pipeline_examples_are_no_asset(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.asset is None and d.targets == []
    assert d.total_value and d.total_value.amount == 950_000_000


def test_zh_pipeline_examples_head_no_deal():
    # … nor do they head the next deal of the company
    from newsextract import extract
    text = ("中国生物制药将以约9.5亿美元收购礼新医药。礼新医药拥有多款ADC，其中包括靶向CCR8的单抗LM-108和Claudin18.2 ADC LM-302。"
            "去年11月，礼新将PD-1/VEGF双抗LM-299授权给默沙东，获得首付款5.88亿美元。")
    deals = extract(text, lang="zh").deals
    assert [d.asset for d in deals] == [None, "LM-299"]
    assert deals[1].targets == ["PD-1", "VEGF"] and deals[0].targets == []


@pytest.mark.parametrize("text", [
    # a class's peak sales forecast is a statistic: its targets are no deal's
    "康桥生物将KQ-101的海外权益授予诺华，诺华支付首付款8000万美元。据测算，PD-1/VEGF双抗全球峰值销售额有望达到500亿美元。",
    "康橋生物將KQ-101的海外權益授予諾華，諾華支付首付款8,000萬美元。據測算，PD-1/VEGF雙抗全球峰值銷售額有望達到500億美元。",
])
def test_zh_peak_sales_of_a_class_is_a_statistic(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.asset == "KQ-101" and d.targets == []


@pytest.mark.parametrize("text", [
    # a list entry headed by a target and an unnamed company, or a rumour of an unnamed company's talks after a deal
    # whose two sides are named, is another deal: its targets stay off the deal before
    "★ KQ-101｜PD-L1/VEGF｜康桥生物 → 诺华\n康桥生物将KQ-101的海外权益授予诺华，诺华支付首付款8000万美元。\n\n★ 未披露资产｜GLP-1｜港股某药企\n状态：磋商中。",
    "康橋生物將KQ-101的海外權益授予諾華，諾華支付首付款8,000萬美元。\n\n市場傳聞一家港股藥企正與海外公司就一款口服GLP-1候選藥物進行授權磋商，雙方均未證實。",
])
def test_zh_an_unnamed_companys_entry_is_another_deal(text):
    from newsextract import extract
    d = [x for x in extract(text, lang="zh").deals if x.upfront][0]
    assert d.asset == "KQ-101" and "GLP-1" not in d.targets


@pytest.mark.parametrize("text,licensor,licensee", [
    # the buyer of a company described at length before its name, in quotes
    ("康桥生物以自有资金人民币2.5亿元收购杭州一家专注于放射性药物研发的企业“海澜医药”70%股权。", "海澜医药", "康桥生物"),
    ("康橋生物以自有資金人民幣2.5億元收購杭州一家專注於放射性藥物研發的企業「海瀾醫藥」70%股權。", "海瀾醫藥", "康橋生物"),
    # talks with another to in-license: the one talked with is the licensor
    ("诺华正与苏州ADC公司康桥生物洽谈引进一款ADC，潜在交易价值可能超过10亿美元。", "康桥生物", "诺华"),
    ("諾華正與蘇州ADC公司康橋生物洽談引進一款ADC，潛在交易價值可能超過10億美元。", "康橋生物", "諾華"),
])
def test_zh_buyer_of_a_described_company_and_talks_to_in_license(text, licensor, licensee):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text", [
    "明澈生物CEO表示，公司目前没有将MC-101海外权益授权给跨国药企的计划。",
    "明澈生物CEO表示，公司目前沒有將MC-101海外權益授權給跨國藥企的計劃。",
])
def test_zh_no_plan_to_sell_rights_is_no_deal(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []


@pytest.mark.parametrize("text", [
    "康桥生物以数亿美元首付款将KQ-101的全球权益授予诺华。",
    "康橋生物以數億美元首付款將KQ-101的全球權益授予諾華。",
])
def test_zh_an_amount_without_digits_is_no_amount(text):
    from newsextract import extract
    from newsextract.normalize.money.vocab import zh_number
    assert zh_number("亿") is None and zh_number("十亿") == 1000000000
    d = extract(text, lang="zh").deals[0]
    assert d.upfront is None and d.asset == "KQ-101"


@pytest.mark.parametrize("text", [
    "康桥生物将KQ-101的中国权益授予诺华，诺华支付首付款3,000万元，并按年度净销售额的3%至5%分档向康桥生物支付销售提成。",
    "康橋生物將KQ-101的中國權益授予諾華，諾華支付首付款3,000萬元，並按年度淨銷售額的3%至5%分檔向康橋生物支付銷售提成。",
    "康桥生物将KQ-101的中国权益授予诺华，诺华支付首付款3,000万元；年净销售额不超过10亿元的部分按3%提成，超过10亿元的部分按5%提成。",
    "康橋生物將KQ-101的中國權益授予諾華，諾華支付首付款3,000萬元；年淨銷售額不超過10億元的部分按3%提成，超過10億元的部分按5%提成。",
])
def test_zh_royalty_in_bands_is_tiered(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.royalty.tiered and d.royalty.min_pct == 3.0 and d.asset == "KQ-101"


@pytest.mark.parametrize("text,upfront", [
    # the fee paid at the exercise reported is the licence's upfront …
    ("诺华已行使选择权，获得KQ-101的全球独家许可。此次行权后，诺华将向康桥生物支付4,500万美元的行权费。", 45000000),
    ("諾華已行使選擇權，獲得KQ-101的全球獨家許可。此次行權後，諾華將向康橋生物支付4,500萬美元的行權費。", 45000000),
    # … unless the deal names its own upfront
    ("2023年，诺华向康桥生物支付1,500万美元首付款，换取KQ-101的选择权。此次行权后，诺华将向康桥生物支付4,000万美元行权费。", 15000000),
    ("2023年，諾華向康橋生物支付1,500萬美元首付款，換取KQ-101的選擇權。此次行權後，諾華將向康橋生物支付4,000萬美元行權費。", 15000000),
    # … and one paid only if the option is exercised is no term
    ("康桥生物授予诺华KQ-101的选择权；若诺华行使选择权，将支付4,000万美元行权费。", None),
    ("康橋生物授予諾華KQ-101的選擇權；若諾華行使選擇權，將支付4,000萬美元行權費。", None),
])
def test_zh_option_exercise_fee(text, upfront):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1 and deals[0].asset == "KQ-101"
    assert (deals[0].upfront.amount if deals[0].upfront else None) == upfront


@pytest.mark.parametrize("text", [
    "诺华行使KQ-101独家选择权 康桥生物将获4,500万美元行权费\n\n康桥生物今日宣布，其合作伙伴诺华已行使独家选择权，获得KQ-101的全球独家许可。此次行权后，诺华将向康桥生物支付4,500万美元的行权费。",
    "諾華行使KQ-101獨家選擇權 康橋生物將獲4,500萬美元行權費\n\n康橋生物今日宣布，其合作夥伴諾華已行使獨家選擇權，獲得KQ-101的全球獨家許可。此次行權後，諾華將向康橋生物支付4,500萬美元的行權費。",
])
def test_zh_headline_half_with_the_deals_amount_is_no_other_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1 and deals[0].asset == "KQ-101" and deals[0].upfront.amount == 45000000


@pytest.mark.parametrize("text", [
    "▍康橋生物｜KQ-101授權日本富士製藥\n康橋生物將KQ-101在日本的獨家銷售權授予富士製藥工業（Fuji Pharma）。康橋將收取5億日圓簽約金。",
    "▍康桥生物｜KQ-101授权日本富士制药\n康桥生物将KQ-101在日本的独家销售权授予富士制药工业（Fuji Pharma）。康桥将收取5亿日元签约金。",
])
def test_zh_other_name_in_brackets_is_the_same_company(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1 and deals[0].asset == "KQ-101" and deals[0].upfront.amount == 500000000


@pytest.mark.parametrize("text", [
    "台康生技宣布，韓國保寧製藥取得其EG1206A在韓國的商業化權利。保寧需支付簽約金30億韓圜，授權總金額上看250億韓圜。",
    "台康生技宣布，韩国保宁制药取得其EG1206A在韩国的商业化权利。保宁需支付签约金30亿韩圜，授权总金额上看250亿韩圜。",
])
def test_zh_korean_won_as_hwan_and_a_ceiling_seen_up_to(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.upfront.amount, d.upfront.currency) == (3000000000, "KRW")
    assert d.total_value.amount == 25000000000 and d.total_value.upper_bound


@pytest.mark.parametrize("text", [
    "保瑞藥業透過子公司以4,800萬歐元向義大利藥廠Farmaceutici Lagunari收購位於米蘭的無菌注射劑工廠及相關產品組合。",
    "保瑞药业通过子公司以4,800万欧元向意大利药厂Farmaceutici Lagunari收购位于米兰的无菌注射剂工厂及相关产品组合。",
])
def test_zh_buyer_pays_the_seller_it_buys_from(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name[:2]) == ("Farmaceutici Lagunari", text[:2])
    assert (d.total_value.amount, d.total_value.currency) == (48000000, "EUR")


@pytest.mark.parametrize("text", [
    "康桥生物已将KQ-101在大中华区的权利授予石药集团，石药集团支付首付款2,000万美元。2025年，康桥生物又与葛兰素史克签订了平台技术授权，首付款约为3,850万英镑。康桥生物表示，希望借助石药集团的临床资源，加快KQ-101的开发。",
    "康橋生物已將KQ-101在大中華區的權利授予石藥集團，石藥集團支付首付款2,000萬美元。2025年，康橋生物又與葛蘭素史克簽訂了平台技術授權，首付款約為3,850萬英鎊。康橋生物表示，希望借助石藥集團的臨床資源，加快KQ-101的開發。",
])
def test_zh_drug_named_later_goes_to_its_own_deal(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [d.assets for d in deals] == [["KQ-101"], []]


@pytest.mark.parametrize("text", [
    "媒體報道指一家日本製藥公司正考慮以總代價約120億港元全面收購康橋生物。康橋生物董事會另外注意到，部分報道提及本公司與一家歐洲藥企就其抗腫瘤藥物KQ-107的海外權益「即將簽約」。",
    "媒体报道指一家日本制药公司正考虑以总代价约120亿港元全面收购康桥生物。康桥生物董事会另外注意到，部分报道提及本公司与一家欧洲药企就其抗肿瘤药物KQ-107的海外权益“即将签约”。",
])
def test_zh_licence_with_another_unnamed_company_is_no_term_of_a_takeover(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.deal_type, d.assets) for d in deals] == [("acquisition", []), ("license", ["KQ-107"])]


@pytest.mark.parametrize("text", [
    "媒體報道指一家日本製藥公司正考慮以總代價約120億港元全面收購康橋生物，另有報道點名該日本公司為大塚製藥。",
    "媒体报道指一家日本制药公司正考虑以总代价约120亿港元全面收购康桥生物，另有报道点名该日本公司为大塚制药。",
])
def test_zh_company_named_as_the_unnamed_one_takes_its_role(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensee is not None and d.licensee.name.startswith("大塚")


@pytest.mark.parametrize("text", [
    "石药集团从康桥生物引进双抗ADC 后者三年前曾与赛诺菲签下10亿美元大单\n\n康桥生物已将KQ-206在大中华区的权利授予石药集团，石药集团需先付2,000万美元首付款。",
    "石藥集團從康橋生物引進雙抗ADC 後者三年前曾與賽諾菲簽下10億美元大單\n\n康橋生物已將KQ-206在大中華區的權利授予石藥集團，石藥集團需先付2,000萬美元首付款。",
])
def test_zh_size_of_a_deal_once_signed_with_another_is_no_total(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.asset == "KQ-206" and d.upfront.amount == 20000000 and d.total_value is None


@pytest.mark.parametrize("text", [
    "康桥生物2025年半年度业绩说明会问答纪要\n\n问：KQ-101除欧洲以外的权益有无新的授权安排？\n答：KQ-101的欧洲权益早在2022年已授予Almirall，本期没有新的变化。",
    "康橋生物2025年半年度業績說明會問答紀要\n\n問：KQ-101除歐洲以外的權益有無新的授權安排？\n答：KQ-101的歐洲權益早在2022年已授予Almirall，本期沒有新的變化。",
])
def test_zh_investor_meeting_record_is_the_companys_own(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name, d.asset) == (text[:4], "Almirall", "KQ-101")


@pytest.mark.parametrize("text,amount", [
    ("华岭医药将HL-909授权给BioNTech，华岭医药可从BioNTech收取2500万美元前期付款。", 25000000),
    ("華嶺醫藥將HL-909授權給BioNTech，華嶺醫藥可從BioNTech收取2500萬美元前期付款。", 25000000),
    ("启衡生物与默沙东签订QH-9许可协议，默沙东先期支付3000万美元。", 30000000),
    ("啟衡生物與默沙東簽訂QH-9許可協議，默沙東先期支付3000萬美元。", 30000000),
    ("启衡生物将QH-66授权给赛诺菲，赛诺菲将在签约时支付5000万美元，并支付最高8亿美元的里程碑付款。", 50000000),
    ("啟衡生物將QH-66授權給賽諾菲，賽諾菲將在簽約時支付5000萬美元，並支付最高8億美元的里程碑付款。", 50000000),
    ("康桥生物与默沙东就KQ-12签订许可协议，默沙东将在协议生效后30日内向康桥生物支付2000万美元。", 20000000),
    ("康橋生物與默沙東就KQ-12簽訂許可協議，默沙東將在協議生效後30日內向康橋生物支付2000萬美元。", 20000000),
    ("明德生物与阿斯利康就MD-4签订授权协议，阿斯利康将一次性支付明德生物3000万美元。", 30000000),
    ("明德生物與阿斯利康就MD-4簽訂授權協議，阿斯利康將一次性支付明德生物3000萬美元。", 30000000),
])
def test_zh_money_paid_at_signing_is_the_upfront(text, amount):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.upfront is not None and (d.upfront.amount, d.upfront.currency) == (amount, "USD")


@pytest.mark.parametrize("text", [
    "康桥生物将其HER2 ADC KQ-301的全球权益授权给默沙东，默沙东将支付首付款1亿美元。KQ-301在I期临床中与PD-1抑制剂联用显示出良好疗效。",
    "康橋生物將其HER2 ADC KQ-301的全球權益授權給默沙東，默沙東將支付首付款1億美元。KQ-301在I期臨床中與PD-1抑制劑聯用顯示出良好療效。",
    "康桥生物将其HER2 ADC KQ-301的全球权益授权给默沙东，默沙东将支付首付款1亿美元。该药通过阻断HER2/HER3信号通路抑制肿瘤生长。",
    "康橋生物將其HER2 ADC KQ-301的全球權益授權給默沙東，默沙東將支付首付款1億美元。該藥通過阻斷HER2/HER3信號通路抑制腫瘤生長。",
    "康桥生物将其HER2 ADC KQ-301的全球权益授权给默沙东，默沙东将支付首付款1亿美元。默沙东表示，将评估KQ-301与帕博利珠单抗（PD-1）的联合用药。",
    "康橋生物將其HER2 ADC KQ-301的全球權益授權給默沙東，默沙東將支付首付款1億美元。默沙東表示，將評估KQ-301與帕博利珠單抗（PD-1）的聯合用藥。",
])
def test_zh_targets_named_only_beside_the_deal_are_not_its_own(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.asset, d.targets) == ("KQ-301", ["HER2"])


def test_zh_target_named_only_after_the_deal_stays_when_the_deal_names_none():
    from newsextract import extract
    d = extract("康桥生物将KQ-301的全球权益授权给默沙东，默沙东将支付首付款1亿美元。KQ-301是一款靶向HER2的ADC。", lang="zh").deals[0]
    assert d.targets == ["HER2"]


@pytest.mark.parametrize("text,licensor,licensee", [
    ("辉瑞牵手明德生物：以1亿美元首付款引进MD-7全球权益。", "明德生物", "辉瑞"),
    ("輝瑞牽手明德生物：以1億美元首付款引進MD-7全球權益。", "明德生物", "輝瑞"),
    ("礼来再度联手远泰药业，支付3000万美元首付款获得YT-5的全球权益。", "远泰药业", "礼来"),
    ("禮來再度聯手遠泰藥業，支付3000萬美元首付款獲得YT-5的全球權益。", "遠泰藥業", "禮來"),
    ("武田相中博远生物的BY-3，首付款4000万美元。", "博远生物", "武田"),
    ("武田相中博遠生物的BY-3，首付款4000萬美元。", "博遠生物", "武田"),
])
def test_zh_headline_verb_between_two_companies_is_no_part_of_a_name(text, licensor, licensee):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text", [
    "据悉明德生物将MD-3的全球权益授权给辉瑞，首付款1亿美元。",
    "據悉明德生物將MD-3的全球權益授權給輝瑞，首付款1億美元。",
    "目前明德生物已将MD-3的全球权益授权给辉瑞，首付款1亿美元。",
    "目前明德生物已將MD-3的全球權益授權給輝瑞，首付款1億美元。",
    "科创板企业明德生物将MD-3的全球权益授权给辉瑞，首付款1亿美元。",
    "科創板企業明德生物將MD-3的全球權益授權給輝瑞，首付款1億美元。",
    "明德生物周一晚间公告，将MD-3的全球权益授权给辉瑞，首付款1亿美元。",
    "明德生物週一晚間公告，將MD-3的全球權益授權給輝瑞，首付款1億美元。",
])
def test_zh_time_words_and_descriptors_are_no_part_of_a_name(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor.name == "明德生物"


@pytest.mark.parametrize("lead", ["与此同时", "與此同時", "随着", "事實上", "后来", "後來", "这次", "這次", "其实", "两年前", "年底", "而", "但", "並且",
                                  "新锐药企", "新銳藥企", "独角兽企业", "獨角獸企業"])
def test_zh_connective_or_time_word_before_a_subject_is_no_part_of_its_name(lead):
    from newsextract import extract
    d = extract(lead + "明德生物将MD-3的全球权益授权给辉瑞，首付款1亿美元。", lang="zh").deals[0]
    assert d.licensor.name == "明德生物"


@pytest.mark.parametrize("text", [
    "瑞博制药以2亿元从明德生物手中买下MD-2的中国权益。",
    "瑞博製藥以2億元從明德生物手中買下MD-2的中國權益。",
])
def test_zh_rights_bought_from_a_company_are_no_company(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name[:2], d.asset) == ("明德生物", "瑞博", "MD-2")


@pytest.mark.parametrize("text,licensor,licensee", [
    ("礼来自明德生物处获得了MD-303在中国以外地区的独家权利，首付款5000万美元。", "明德生物", "礼来"),
    ("禮來自明德生物處獲得了MD-303在中國以外地區的獨家權利，首付款5000萬美元。", "明德生物", "禮來"),
    ("诺华自华岭医药引进HL-5，首付款1亿美元。", "华岭医药", "诺华"),
    ("諾華自華嶺醫藥引進HL-5，首付款1億美元。", "華嶺醫藥", "諾華"),
])
def test_zh_known_name_then_a_preposition_ends_the_name(text, licensor, licensee):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text", [
    "康桥生物将KQ-5的全球权益授权给默沙东，康桥生物将获得最高达20亿美元的总付款，其中首付款1.5亿美元。",
    "康橋生物將KQ-5的全球權益授權給默沙東，康橋生物將獲得最高達20億美元的總付款，其中首付款1.5億美元。",
])
def test_zh_total_payments_are_the_total(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.total_value.amount, d.upfront.amount) == (2000000000, 150000000)


@pytest.mark.parametrize("text,licensor", [
    ("美国Kalvista公司将获得明德生物MD-8在北美的权益，并支付首付款1500万美元。", "明德生物"),
    ("美國Kalvista公司將獲得明德生物MD-8在北美的權益，並支付首付款1500萬美元。", "明德生物"),
    ("诺华取得华岭医药HL-3的全球权益，首付款1亿美元。", "华岭医药"),
    ("諾華取得華嶺醫藥HL-3的全球權益，首付款1億美元。", "華嶺醫藥"),
])
def test_zh_verb_whose_first_character_a_name_match_left_out_is_no_part_of_it(text, licensor):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor.name == licensor


@pytest.mark.parametrize("text", ["辉瑞的合作伙伴明德生物将获得首付款4000万美元，辉瑞获得MD-6的全球权益。",
                                  "輝瑞的合作夥伴明德生物將獲得首付款4000萬美元，輝瑞獲得MD-6的全球權益。"])
def test_zh_partner_word_before_a_name_is_no_part_of_it(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor.name == "明德生物"


@pytest.mark.parametrize("text,licensor,licensee", [
    ("康桥生物（作为卖方）与华岭医药（作为买方）订立股权转让协议，买方同意以人民币3亿元收购目标公司51%股权。", "康桥生物", "华岭医药"),
    ("康橋生物（作為賣方）與華嶺醫藥（作為買方）訂立股權轉讓協議，買方同意以人民幣3億元收購目標公司51%股權。", "康橋生物", "華嶺醫藥"),
    ("本公司（作为卖方）与华岭医药（作为买方）订立股权转让协议，买方同意以人民币3亿元收购目标公司51%股权。", None, "华岭医药"),
    ("本公司（作為賣方）與華嶺醫藥（作為買方）訂立股權轉讓協議，買方同意以人民幣3億元收購目標公司51%股權。", None, "華嶺醫藥"),
])
def test_zh_seller_and_buyer_named_in_brackets(text, licensor, licensee):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor and d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text", [
    "期内与美国Kalvista订立MD-3大中华区以外权益许可协议，Kalvista支付首付款2000万美元。",
    "期內與美國Kalvista訂立MD-3大中華區以外權益許可協議，Kalvista支付首付款2000萬美元。",
    "本公司另可依临床开发进度及取得韩国食品医药品安全处（MFDS）上市许可等里程碑，收取合计最高200万美元之里程碑授权金。",
    "本公司另可依臨床開發進度及取得韓國食品醫藥品安全處（MFDS）上市許可等里程碑，收取合計最高200萬美元之里程碑授權金。",
])
def test_zh_period_words_and_regulators_are_no_companies(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    names = {p.name for d in deals for p in (d.licensor, d.licensee) if p is not None}
    assert not any(n.startswith(("期", "食品")) for n in names), names


@pytest.mark.parametrize("text", ["收取簽約金美金參佰伍拾萬元整（約新臺幣壹億壹仟貳佰萬元）", "收取签约金美金叁佰伍拾万元整（约新台币壹亿壹仟贰佰万元）"])
def test_zh_conversion_after_a_whole_amount_is_a_conversion(text):
    found = find_money(text, "zh")
    assert [(m.amount, m.currency, m.conversion) for m in found] == [
        (Decimal("3500000"), "USD", False), (Decimal("112000000"), "TWD", True)]


@pytest.mark.parametrize("text", [
    "【远泰证券】明德生物（2199.HK）2025年中期业绩点评\n\n要点\n- 公司于2025年3月与美国Kalvista就MD-3在北美的权益达成独家授权，获得2000万美元首付款。",
    "【遠泰證券】明德生物（2199.HK）2025年中期業績點評\n\n要點\n- 公司於2025年3月與美國Kalvista就MD-3在北美的權益達成獨家授權，獲得2000萬美元首付款。",
])
def test_zh_results_review_is_about_the_company_its_title_names(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == ("明德生物", "Kalvista")


@pytest.mark.parametrize("text", [
    "明德生物公告称，公司与艾伯维签署许可协议，将MD-50的全球权益授予艾伯维。艾伯维将向公司支付首付款4500万美元。",
    "明德生物公告稱，公司與艾伯維簽署許可協議，將MD-50的全球權益授予艾伯維。艾伯維將向公司支付首付款4500萬美元。",
])
def test_zh_article_opening_with_a_company_announcing_is_about_it(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor.name == "明德生物" and d.licensee.name in ("艾伯维", "艾伯維")


@pytest.mark.parametrize("text,total", [
    ("远泰药业将斥资5亿美元，收购明德生物。", (500000000, "USD")),
    ("遠泰藥業將斥資5億美元，收購明德生物。", (500000000, "USD")),
    ("远泰药业公告，旗下全资子公司已与明德控股有限公司订立买卖协议，以最多4.2亿元人民币代价，收购明德生物有限公司70%股权。", (420000000, "CNY")),
    ("遠泰藥業公告，旗下全資子公司已與明德控股有限公司訂立買賣協議，以最多4.2億元人民幣代價，收購明德生物有限公司70%股權。", (420000000, "CNY")),
])
def test_zh_price_then_takeover_past_a_comma(text, total):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.deal_type == "acquisition" and d.licensor.name.startswith("明德生物") and d.licensee.name[:2] in ("远泰", "遠泰")
    assert (d.total_value.amount, d.total_value.currency) == total


@pytest.mark.parametrize("text", ["远泰药业收购明德生物：首期支付3亿元，剩余2亿元视业绩分期支付。",
                                  "遠泰藥業收購明德生物：首期支付3億元，剩餘2億元視業績分期支付。"])
def test_zh_first_payment_and_the_rest_on_results(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.upfront.amount, d.milestones.amount) == (300000000, 200000000)


@pytest.mark.parametrize("text,amount", [
    ("远泰药业以4.2亿元人民币购明德生物七成股权。", 420000000),
    ("遠泰藥業以4.2億元人民幣購明德生物七成股權。", 420000000),
    ("遠泰藥業4.2億人幣購明德生物七成股權", 420000000),
    ("远泰药业4.2亿人币购明德生物七成股权", 420000000),
])
def test_zh_headline_takeover_with_a_one_character_verb(text, amount):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensee.name[:2] in ("远泰", "遠泰") and d.licensor.name == "明德生物"
    assert (d.total_value.amount, d.total_value.currency) == (amount, "CNY")


@pytest.mark.parametrize("text", ["遠泰藥業4.2億人幣購佛山藥廠七成股權", "远泰药业4.2亿人币购佛山药厂七成股权"])
def test_zh_plant_in_a_place_is_no_company(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert not any(p is not None and p.name.startswith("佛山") for d in deals for p in (d.licensor, d.licensee))


@pytest.mark.parametrize("text", ["明德生物将从这项与辉瑞的MD-6授权合作中获得4000万美元首付款。",
                                  "明德生物將從這項與輝瑞的MD-6授權合作中獲得4000萬美元首付款。"])
def test_zh_money_from_a_deal_with_a_company_is_paid_by_it(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor.name == "明德生物" and d.licensee.name in ("辉瑞", "輝瑞")


@pytest.mark.parametrize("text", [
    "作为交易的一部分，诺华将以每股10美元认购启衡生物股份，总额5000万美元，并获得QH-20的全球许可，首付款1亿美元。",
    "作為交易的一部分，諾華將以每股10美元認購啟衡生物股份，總額5000萬美元，並獲得QH-20的全球許可，首付款1億美元。",
])
def test_zh_company_whose_shares_are_bought_is_no_subject(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.licensor.name[1:4] in ("衡生物",) and d.licensee.name in ("诺华", "諾華")


@pytest.mark.parametrize("text", [
    "作为交易的一部分，诺华将以每股10美元认购启衡生物股份，总额5000万美元，并获得QH-20的全球许可，首付款1亿美元。",
    "作為交易的一部分，諾華將以每股10美元認購啟衡生物股份，總額5000萬美元，並獲得QH-20的全球許可，首付款1億美元。",
])
def test_zh_sum_of_subscribed_shares_is_equity(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.total_value is None and d.equity is not None and d.equity.amount == 50000000


@pytest.mark.parametrize("text,upfront,milestones,total", [
    ("根据协议，罗氏将在交易完成时支付8亿美元现金，收购明德生物全部股权，另有最高2亿美元的或有付款。", 800000000, 200000000, None),
    ("根據協議，羅氏將在交易完成時支付8億美元現金，收購明德生物全部股權，另有最高2億美元的或有付款。", 800000000, 200000000, None),
    ("根据协议，罗氏将支付8亿美元，收购明德生物全部股权。", None, None, 800000000),
    ("根據協議，羅氏將支付8億美元，收購明德生物全部股權。", None, None, 800000000),
])
def test_zh_cash_paid_then_takeover(text, upfront, milestones, total):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    amt = lambda m: m.amount if m is not None else None  # noqa: E731
    assert d.deal_type == "acquisition" and d.licensor.name == "明德生物"
    assert (amt(d.upfront), amt(d.milestones), amt(d.total_value)) == (upfront, milestones, total)


@pytest.mark.parametrize("text", [
    "远泰药业已完成对明德生物的收购，交易总对价最高9.5亿美元，其中8亿美元在交割时以现金及股票支付。",
    "遠泰藥業已完成對明德生物的收購，交易總對價最高9.5億美元，其中8億美元在交割時以現金及股票支付。",
])
def test_zh_amount_paid_at_closing_told_before_the_words(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.upfront.amount, d.total_value.amount) == (800000000, 950000000)


@pytest.mark.parametrize("text", [
    "远泰药业已完成对明德生物的收购，交易总对价最高9.5亿美元，另有最高1.5亿美元取决于后续里程碑的达成。",
    "遠泰藥業已完成對明德生物的收購，交易總對價最高9.5億美元，另有最高1.5億美元取決於後續里程碑的達成。",
])
def test_zh_amount_depending_on_later_milestones(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.milestones is not None and d.milestones.amount == 150000000


@pytest.mark.parametrize("text", [
    "远泰药业以人民币5亿元收购明德生物100%股权。1、首期对价：在标的股权完成交割后10个工作日内，公司支付交易总价的60%，即人民币3亿元；",
    "遠泰藥業以人民幣5億元收購明德生物100%股權。1、首期對價：在標的股權完成交割後10個工作日內，公司支付交易總價的60%，即人民幣3億元；",
])
def test_zh_item_headed_by_the_first_payment(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.upfront is not None and d.upfront.amount == 300000000


@pytest.mark.parametrize("text", [
    "远泰药业以人民币5亿元收购明德生物100%股权。2、后续对价：剩余人民币2亿元，将根据MD-1在2026年至2028年的临床进展分三期支付。",
    "遠泰藥業以人民幣5億元收購明德生物100%股權。2、後續對價：剩餘人民幣2億元，將根據MD-1在2026年至2028年的臨床進展分三期支付。",
])
def test_zh_rest_after_a_later_payment_heading(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.milestones is not None and d.milestones.amount == 200000000


@pytest.mark.parametrize("text", [
    "本月最受关注的几笔交易集中在月中：明德生物将MD-19大中华区以外权益授予美国Kalvista，首付款6,500万美元，交易总金额12.2亿美元。",
    "本月最受關注的幾筆交易集中在月中：明德生物將MD-19大中華區以外權益授予美國Kalvista，首付款6,500萬美元，交易總金額12.2億美元。",
])
def test_zh_many_deals_before_a_colon_introduce_one(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.total_value is not None and d.total_value.amount == 1220000000


@pytest.mark.parametrize("text", [
    "Kalvista获得MD-8在大中华区以外的全球权益，明德生物获得5,500万美元首付款，交易总额超过10亿美元。",
    "Kalvista獲得MD-8在大中華區以外的全球權益，明德生物獲得5,500萬美元首付款，交易總額超過10億美元。",
])
def test_zh_one_deals_total_over_an_amount_is_no_statistic(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.total_value is not None and (d.total_value.amount, d.total_value.lower_bound) == (1000000000, True)


@pytest.mark.parametrize("text", [
    "根据协议，葛兰素史克将向明德生物支付5亿美元首付款。如葛兰素史克就全部项目行使选择权并达成所有约定里程碑，明德生物有资格获得合计约115亿美元的选择权行使费及开发、监管和销售里程碑付款。",
    "根據協議，葛蘭素史克將向明德生物支付5億美元首付款。如葛蘭素史克就全部項目行使選擇權並達成所有約定里程碑，明德生物有資格獲得合計約115億美元的選擇權行使費及開發、監管和銷售里程碑付款。",
])
def test_zh_exercise_fees_and_milestones_in_one_figure_are_milestones(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.milestones is not None and d.milestones.amount == 11500000000 and d.upfront.amount == 500000000


@pytest.mark.parametrize("text", [
    "明德生物向BioNTech授出MD-13及MD-11的海外权益，两项许可首付款合共1.7亿美元，连同里程碑总额超过15亿美元。",
    "明德生物向BioNTech授出MD-13及MD-11的海外權益，兩項許可首付款合共1.7億美元，連同里程碑總額超過15億美元。",
])
def test_zh_upfront_together_with_milestones_is_the_total(text):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert d.milestones is None and d.total_value is not None and d.total_value.amount == 1500000000


@pytest.mark.parametrize("text", [
    "康桥生物将其HER2 ADC KQ-301的全球权益授权给默沙东，默沙东将支付首付款1亿美元。艾伯维的另一款CD3双抗ABBV-383不在交易范围内。",
    "康橋生物將其HER2 ADC KQ-301的全球權益授權給默沙東，默沙東將支付首付款1億美元。艾伯維的另一款CD3雙抗ABBV-383不在交易範圍內。",
])
def test_zh_a_companys_other_drug_is_no_deal_of_it(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.asset, d.targets) for d in deals] == [("KQ-301", ["HER2"])]


@pytest.mark.parametrize("text", [
    # "by X obtain the rights": X is the licensee (simplified and traditional)
    "顺天医药则与远大医药签约，由远大医药取得脑中风新药LT5001的中国大陆权益，首付款3亿元。",
    "順天醫藥則與遠大醫藥簽約，由遠大醫藥取得腦中風新藥LT5001的中國大陸權益，首付款3億元。",
])
def test_zh_by_x_obtain_the_rights(text):
    from newsextract import extract
    assert [(d.licensor.name, d.licensee.name) for d in extract(text, lang="zh").deals] == [
        (text[:4], text[6:10])]


@pytest.mark.parametrize("text,licensor", [
    # a name that begins with 和, after a preposition or a city (simplified and traditional)
    ("正大天晴从杭州和正医药引进KRAS G12D抑制剂HZ-1902，首付款2.5亿元。", "杭州和正医药"),
    ("正大天晴從杭州和正醫藥引進KRAS G12D抑制劑HZ-1902，首付款2.5億元。", "杭州和正醫藥"),
    ("正大天晴从和润医药引进HZ-1902，首付款2.5亿元。", "和润医药"),
])
def test_zh_a_name_that_begins_with_he(text, licensor):
    from newsextract import extract
    assert [d.licensor and d.licensor.name for d in extract(text, lang="zh").deals] == [licensor]


@pytest.mark.parametrize("text", [
    # 对方 ("the other side") after a deal of two named companies is that deal's counterparty, no new unnamed one
    "华铭制药宣布，公司将KRAS G12D抑制剂HM-77的海外权益授权给Kestrel Pharma。根据协议，对方将向公司支付4500万美元首付款。",
    "華銘製藥宣布，公司將KRAS G12D抑制劑HM-77的海外權益授權給Kestrel Pharma。根據協議，對方將向公司支付4500萬美元首付款。",
    "华铭制药将HM-77授权给Kestrel Pharma。对方将支付首付款4500万美元及最高5亿美元的里程碑付款。",
])
def test_zh_the_other_side_is_the_named_counterparty(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensee.name, d.upfront and d.upfront.amount) for d in deals] == [("Kestrel Pharma", 45_000_000)]


def test_zh_the_other_side_of_an_unnamed_partner_stays_unnamed():
    from newsextract import extract
    deals = extract("华铭制药与一家跨国药企达成HM-77的授权协议，对方将支付首付款1亿美元。", lang="zh").deals
    assert [(d.licensor.name, d.licensee, d.upfront.amount) for d in deals] == [("华铭制药", None, 100_000_000)]


@pytest.mark.parametrize("text", [
    # an intention before 与 is no company that signs with another (希望/期待/有意 … 与跨国药企合作)
    "华铭制药董事长表示，希望未来与跨国药企合作，以授权或共同开发的方式推进HM-77出海，目前仍处于早期接触阶段。",
    "華銘製藥董事長表示，希望未來與跨國藥企合作，以授權或共同開發的方式推進HM-77出海，目前仍處於早期接觸階段。",
    "华铭制药表示，期待与海外药企合作，以授权的方式推进HM-77出海。",
    "华铭制药表示，有意与跨国药企合作，以授权的方式推进HM-77出海。",
])
def test_zh_an_intention_before_with_is_no_company(text):
    from newsextract import extract
    names = {p.name for d in extract(text, lang="zh").deals for p in (d.licensor, d.licensee) if p}
    assert names <= {"华铭制药", "華銘製藥"}


@pytest.mark.parametrize("text", [
    # a share buyback's sum is no deal's total (simplified and traditional)
    "澄远生物宣布回购公司股份，回购总金额不超过2亿港元。",
    "澄遠生物宣佈回購公司股份，回購總金額不超過2億港元。",
    "澄远生物董事会批准股份回购计划，股份回购规模不超过5亿元。",
])
def test_zh_a_share_buyback_is_no_deal(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []


@pytest.mark.parametrize("board", ["董事会欣然宣布", "本公司董事会欣然宣布", "董事会谨此宣布", "董事會欣然宣佈"])
def test_zh_a_filings_board_is_no_company(board):
    # a filing's board 'is pleased to announce': the filer named in the heading is the licensor
    from newsextract import extract
    text = (f"澄远生物科技股份有限公司\n关于签订许可协议的公告\n{board}，于2025年6月3日，本公司与Kestrel Pharma（“被许可方”）订立"
            "许可协议，据此本公司同意授予被许可方CY-77在全球的独家开发及商业化权利。被许可方将向本公司支付不可退还的首付款2,500万美元。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("澄远生物科技股份有限公司", "Kestrel Pharma")]


@pytest.mark.parametrize("text", [
    # a filing's 'terms fixed after arm's length negotiations' tells how a signed deal was made: no talks
    "澄远生物将CY-77的全球权益授权给Kestrel Pharma，首付款2,500万美元。该协议的条款乃经公平磋商后厘定。",
    "澄遠生物將CY-77的全球權益授權給Kestrel Pharma，首付款2,500萬美元。該協議的條款乃經公平磋商後釐定。",
])
def test_zh_terms_fixed_after_negotiation_are_signed(text):
    from newsextract import extract
    assert [d.status for d in extract(text, lang="zh").deals] == ["signed"]


@pytest.mark.parametrize("terms,milestones,total", [
    # a sum word after a comma sums the terms named before it: beside an upfront, the whole deal's value
    ("首付款1亿美元，以及最高14亿美元的里程碑付款，合计最高15亿美元", 1_400_000_000, 1_500_000_000),
    ("首付款1億美元，里程碑付款最高14億美元，總計最高可達15億美元", 1_400_000_000, 1_500_000_000),
    ("首付款1亿美元，另有最高14亿美元的里程碑付款，共计15亿美元", 1_400_000_000, 1_500_000_000),
    # … after milestone amounts alone, the milestones' ceiling
    ("开发里程碑最高3亿美元、销售里程碑最高5亿美元，合计最高8亿美元", 800_000_000, None),
])
def test_zh_a_sum_after_the_terms(terms, milestones, total):
    from newsextract import extract
    d = extract(f"澄远生物将CY-90授权给Norvale Therapeutics，{terms}。", lang="zh").deals[0]
    assert (d.milestones and d.milestones.amount, d.total_value and d.total_value.amount) == (milestones, total)


@pytest.mark.parametrize("text", [
    # the payee's verb of money received at signing is the upfront too (收取 / 获得, not only 支付)
    "瑞康生物将RK-12授权给Lumora Therapeutics，瑞康生物将在签约时收取1500万美元，其余款项视研发进展分期支付。",
    "瑞康生物將RK-12授權給Lumora Therapeutics，瑞康生物將在簽約時收取1500萬美元，其餘款項視研發進展分期支付。",
    "瑞康生物将RK-12授权给Lumora Therapeutics，瑞康生物将于协议生效后30日内获得1500万美元。",
])
def test_zh_received_at_signing_is_the_upfront(text):
    from newsextract import extract
    assert [d.upfront and d.upfront.amount for d in extract(text, lang="zh").deals] == [15_000_000]


@pytest.mark.parametrize("text", [
    # a filing's item headed by the upfront, the payer's clause between the heading and its amount
    "甲方：澄远生物科技股份有限公司\n乙方：Norvale Therapeutics, Inc.\n首付款：乙方应以现金方式一次性向甲方支付1,500万美元。",
    "甲方：澄遠生物科技股份有限公司\n乙方：Norvale Therapeutics, Inc.\n首付款：乙方應以現金方式一次性向甲方支付1,500萬美元。",
])
def test_zh_item_headed_by_the_upfront(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensee.name, d.upfront and d.upfront.amount) for d in deals] == [("Norvale Therapeutics, Inc.", 15_000_000)]


@pytest.mark.parametrize("text", [
    # a contract's party label may carry its role in brackets: 甲方（许可方）：X
    "甲方（许可方）：澄远生物科技股份有限公司\n乙方（被许可方）：Norvale Therapeutics\n乙方应向甲方支付1,500万美元首付款。",
    "甲方（許可方）：澄遠生物科技股份有限公司\n乙方（被許可方）：Norvale Therapeutics\n乙方應向甲方支付1,500萬美元首付款。",
])
def test_zh_party_label_with_its_role_in_brackets(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name[:2], d.licensee.name) for d in deals] == [(text[8:10], "Norvale Therapeutics")]


@pytest.mark.parametrize("text", [
    # lines of 16–80 characters that end mid-sentence read as hard-wrapped, but a line that opens with a label and
    # its colon is a new item, not the previous line's continuation
    "许可协议的主要内容\n甲方（被许可方）：澄远生物科技股份有限公司\n乙方（许可方）：Norvale Therapeutics, Inc.\n"
    "首付款：甲方应向乙方支付1,500万美元。",
    "許可協議的主要內容\n甲方（被許可方）：澄遠生物科技股份有限公司\n乙方（許可方）：Norvale Therapeutics, Inc.\n"
    "首付款：甲方應向乙方支付1,500萬美元。",
])
def test_zh_a_label_line_is_no_wrapped_line(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.upfront and d.upfront.amount) for d in deals] == [("Norvale Therapeutics, Inc.", 15_000_000)]


@pytest.mark.parametrize("text,name", [
    # 授 (of 获授, "is granted") begins no company name
    ("Veridian Pharma获授恒川医药HC-18的全球独家许可，首付款5000万美元。", "恒川医药"),
    ("Veridian Pharma獲授恆川醫藥HC-18的全球獨家許可，首付款5000萬美元。", "恆川醫藥"),
])
def test_zh_shou_begins_no_name(text, name):
    from newsextract import extract
    assert {p.name for d in extract(text, lang="zh").deals for p in (d.licensor, d.licensee) if p} == {
        "Veridian Pharma", name}



@pytest.mark.parametrize("text,name", [
    # a buying verb before a name is no part of it (购得/赢得 as 获得/取得)
    ("Kestrel Pharma购得华铭制药HM-20的大中华区以外权益，首付款1.2亿美元。", "华铭制药"),
    ("Kestrel Pharma購得華銘製藥HM-20的大中華區以外權益，首付款1.2億美元。", "華銘製藥"),
    ("Kestrel Pharma赢得华铭制药HM-20的全球权益，首付款1.2亿美元。", "华铭制药"),
])
def test_zh_buying_verbs_are_no_part_of_names(text, name):
    from newsextract import extract
    assert {p.name for d in extract(text, lang="zh").deals for p in (d.licensor, d.licensee) if p} == {
        "Kestrel Pharma", name}


@pytest.mark.parametrize("text", [
    # the taker of rights with 拿下 / 获授 / 购得 before the owner: the owner named after the verb grants
    "Kestrel Pharma拿下华铭制药HM-20的全球权益，首付款1.2亿美元。",
    "Kestrel Pharma拿下華銘製藥HM-20的全球權益，首付款1.2億美元。",
    "Kestrel Pharma获授华铭制药HM-20的全球独家许可，首付款1.2亿美元。",
    "Kestrel Pharma购得华铭制药HM-20的大中华区以外权益，首付款1.2亿美元。",
])
def test_zh_taker_verbs_before_the_owner(text):
    from newsextract import extract
    assert [(d.licensor.name[:2], d.licensee.name) for d in extract(text, lang="zh").deals] == [
        (text[text.index("Pharma") + 8:text.index("Pharma") + 10], "Kestrel Pharma")]


@pytest.mark.parametrize("text", [
    # a sum a buyer spends (斥资/耗资) on the rights it buys is the deal's stated total
    "Arvelo Bio斥资2亿美元从澄远生物手中买下CY-31的全球权益。",
    "Arvelo Bio斥資2億美元從澄遠生物手中買下CY-31的全球權益。",
])
def test_zh_sum_spent_on_rights_is_the_total(text):
    from newsextract import extract
    assert [d.total_value and d.total_value.amount for d in extract(text, lang="zh").deals] == [200_000_000]


@pytest.mark.parametrize("text", [
    # the consideration of a transfer (转让对价 / 收购对价) is the stated total
    "华铭制药将向瑞康生物转让HM-33相关的专利及技术，瑞康生物支付转让对价人民币8000万元。",
    "華銘製藥將向瑞康生物轉讓HM-33相關的專利及技術，瑞康生物支付轉讓對價人民幣8000萬元。",
])
def test_zh_transfer_consideration_is_the_total(text):
    from newsextract import extract
    assert [d.total_value and d.total_value.amount for d in extract(text, lang="zh").deals] == [80_000_000]


@pytest.mark.parametrize("text", [
    # buying a drug's rights back from a partner: the buyer pays (licensee), the partner sells (licensor)
    "恒川医药以1亿美元从Veridian Pharma回购HC-70的海外权益。",
    "恆川醫藥以1億美元從Veridian Pharma購回HC-70的海外權益。",
])
def test_zh_rights_bought_back(text):
    from newsextract import extract
    assert [(d.licensor.name, d.licensee.name[:2], d.total_value and d.total_value.amount)
            for d in extract(text, lang="zh").deals] == [("Veridian Pharma", text[:2], 100_000_000)]


@pytest.mark.parametrize("text", [
    # the licensee's own drug, named after the deal as the licensee's (X的CTLA-4单抗): its target is not the deal's
    "华铭制药将同时靶向PD-1和IL-2的融合蛋白HM-88授权给Kestrel Pharma，首付款8000万美元。Kestrel Pharma的CTLA-4单抗将与HM-88联用。",
    "華銘製藥將同時靶向PD-1和IL-2的融合蛋白HM-88授權給Kestrel Pharma，首付款8000萬美元。Kestrel Pharma的CTLA-4單抗將與HM-88聯用。",
    "恒川医药将B7-H3 ADC HC-61授权给Arvelo Bio，首付款3500万美元。Arvelo Bio的TROP2 ADC已进入III期临床。",
])
def test_zh_the_licensees_own_drug_adds_no_target(text):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 1 and "CTLA-4" not in deals[0].targets and "TROP2" not in deals[0].targets


@pytest.mark.parametrize("text", [
    # a source before 与 is no company that signs with another (主要来自与X达成的…)
    "澄远生物2024年实现营业收入25.6亿元；其中许可收入3.2亿元，主要来自与Norvale Therapeutics于2022年达成的CY-101授权协议项下的里程碑付款。",
    "澄遠生物2024年實現營業收入25.6億元；其中許可收入3.2億元，主要來自與Norvale Therapeutics於2022年達成的CY-101授權協議項下的里程碑付款。",
])
def test_zh_a_source_before_with_is_no_company(text):
    from newsextract import extract
    names = {p.name for d in extract(text, lang="zh").deals for p in (d.licensor, d.licensee) if p}
    assert not any(n.startswith("主要") for n in names)


@pytest.mark.parametrize("text", [
    # a milestone already paid is history, no ceiling of a deal
    "Norvale Therapeutics宣布，已向澄远生物支付2,000万美元的里程碑付款，以庆祝CY-101在美国获批上市。",
    "Norvale Therapeutics宣布，已向澄遠生物支付2,000萬美元的里程碑付款，以慶祝CY-101在美國獲批上市。",
])
def test_zh_a_milestone_already_paid_is_history(text):
    from newsextract import extract
    assert [d.milestones for d in extract(text, lang="zh").deals if d.milestones] == []


@pytest.mark.parametrize("text,upfront,milestones,cur", [
    # a filing's terms one per line under a units header, each number bare
    ("恒川医药股份有限公司与Veridian Pharma签订许可协议，被许可方获得HC-33在日本的独家权利。本次交易金额如下（单位：万美元）：\n"
     "首付款：1,200\n里程碑付款：15,000", 12_000_000, 150_000_000, "USD"),
    ("恆川醫藥股份有限公司與Veridian Pharma簽訂許可協議，被許可方獲得HC-33在日本的獨家權利。\n單位：人民幣千元\n"
     "1、首付款：30,000\n2、里程碑付款：不超過220,000", 30_000_000, 220_000_000, "CNY"),
])
def test_zh_bare_terms_under_a_units_header(text, upfront, milestones, cur):
    from newsextract import extract
    d = extract(text, lang="zh").deals[0]
    assert (d.upfront.amount, d.milestones.amount, d.upfront.currency) == (upfront, milestones, cur)


@pytest.mark.parametrize("text", [
    # the licensee's earlier in-licensing from an unnamed other (另一家中国公司), of a drug of another target: no
    # target of this deal
    "恒川医药将B7-H3 ADC HC-61授权给Arvelo Bio，首付款3500万美元。Arvelo Bio此前已从另一家中国公司引进了一款TROP2 ADC。",
    "恆川醫藥將B7-H3 ADC HC-61授權給Arvelo Bio，首付款3500萬美元。Arvelo Bio此前已從另一家中國公司引進了一款TROP2 ADC。",
])
def test_zh_an_earlier_deal_with_an_unnamed_other_keeps_its_target(text):
    from newsextract import extract
    d = next(d for d in extract(text, lang="zh").deals if d.asset == "HC-61")
    assert d.targets == ["B7-H3"]


@pytest.mark.parametrize("text,junk", [
    # a disease stage or an organ before 细胞 is no company (晚期肾细胞癌)
    ("恒川医药今日宣布，其从Veridian Pharma引进的HC-501获得国家药监局批准上市，用于治疗晚期肾细胞癌。", "肾细胞"),
    ("恆川醫藥今日宣布，其從Veridian Pharma引進的HC-501獲得國家藥監局批准上市，用於治療晚期腎細胞癌。", "腎細胞"),
])
def test_zh_a_stage_or_organ_before_cells_is_no_company(text, junk):
    from newsextract import extract
    names = {p.name for d in extract(text, lang="zh").deals for p in (d.licensor, d.licensee) if p}
    assert not any(junk in n for n in names)


@pytest.mark.parametrize("text,name", [
    # 若 ("if") before a name is no part of it
    ("若华铭制药行使选择权，Kestrel Pharma将获得HM-77的全球权益。", "华铭制药"),
    ("若華銘製藥行使選擇權，Kestrel Pharma將獲得HM-77的全球權益。", "華銘製藥"),
])
def test_zh_if_is_no_part_of_a_name(text, name):
    from newsextract.finders.companies.finder import CompanyFinder
    found = {f.text for f in CompanyFinder("zh").find(text) if f.label == "org"}
    assert name in found and "若" + name not in found


@pytest.mark.parametrize("text", [
    # what a deal would bring if the company licensed its drug, as an analyst sees it: no deal
    "有分析师指出，若华铭制药将HM-77授权给海外药企，首付款可能在1亿至2亿美元之间，交易总额有望超过15亿美元。",
    "有分析師指出，若華銘製藥將HM-77授權給海外藥企，首付款可能在1億至2億美元之間，交易總額有望超過15億美元。",
    "业内人士认为，如果公司把HM-77授权给跨国药企，交易总额或将超过10亿美元。",
])
def test_zh_an_analysts_conditional_deal_is_no_deal(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []


@pytest.mark.parametrize("text,name", [
    # a time word before a name is no part of it (同期 'in the same period': 同 ends a name, 期 began one)
    ("同期南京宁泰医药从Farmalis Pharma引进FML-09在中国大陆的权益，宁泰支付首付款1,200万欧元。", "南京宁泰医药"),
    ("同期南京寧泰醫藥從Farmalis Pharma引進FML-09在中國大陸的權益，寧泰支付首付款1,200萬歐元。", "南京寧泰醫藥"),
])
def test_zh_a_time_word_is_no_part_of_a_name(text, name):
    from newsextract import extract
    assert [d.licensee.name for d in extract(text, lang="zh").deals] == [name]


@pytest.mark.parametrize("text,licensor", [
    # a Latin name without a designator after 从 and a country: the owner the rights come from
    ("南京宁泰医药从意大利Farmalis引进抗肥胖多肽FML-09在中国大陆的权益，宁泰支付首付款1,200万欧元。", "Farmalis"),
    ("南京寧泰醫藥從義大利Farmalis引進抗肥胖多肽FML-09在中國大陸的權益，寧泰支付首付款1,200萬歐元。", "Farmalis"),
])
def test_zh_latin_name_after_from_and_a_country(text, licensor):
    from newsextract import extract
    assert [d.licensor and d.licensor.name for d in extract(text, lang="zh").deals] == [licensor]


@pytest.mark.parametrize(
    "text,licensor,licensee",
    [
        ("青松医药宣布获得Evander Bio的一项独家授权。该公司将支付首付款1000万美元。", "Evander Bio", "青松医药"),
        ("青松醫藥宣布獲得Evander Bio的一項獨家授權。該公司將支付首付款1000萬美元。", "Evander Bio", "青松醫藥"),
        # (not opening a sentence: the company named last)
        ("海川生物将TX-9授权给Brightwater Pharma，该公司将支付首付款800万美元。", "海川生物", "Brightwater Pharma"),
    ],
)
def test_zh_this_company_opening_a_sentence_is_its_subject(text, licensor, licensee):
    from newsextract import extract

    deals = [d for d in extract(text, lang="zh").deals if d.upfront]
    assert deals and deals[0].licensor.name == licensor and deals[0].licensee.name == licensee


@pytest.mark.parametrize(
    "text,licensee,upfront",
    [
        # 本公司 of a filing that never names itself: the payee, its name null; the other side pays
        ("本公司与Thessaly Pharma签订许可协议。根据协议，本公司将获得人民币3,000万元的预付款。", "Thessaly Pharma", 30000000),
        ("本公司與Thessaly Pharma簽訂許可協議，本公司將獲得人民幣3,000萬元的預付款。", "Thessaly Pharma", 30000000),
        ("本集团与Ranford Bio订立许可协议。根据协议，本集团可收取首付款500万美元。", "Ranford Bio", 5000000),
    ],
)
def test_zh_unnamed_self_takes_its_role(text, licensee, upfront):
    from newsextract import extract

    deals = extract(text, lang="zh").deals
    assert len(deals) == 1
    assert deals[0].licensor is None and deals[0].licensee.name == licensee
    assert deals[0].upfront.amount == upfront


def test_zh_marketing_authorisation_is_no_right_got():
    from newsextract.patterns import load_rules

    masked = "«P0»另可依临床进度及取得韩国食药处上市许可等里程碑，收取«M0»之里程碑授权金"
    assert not any(fr.regex.search(masked) for fr in load_rules("zh", "roles", section="frames")
                   if fr.id == "role.zh_gets_rights")


@pytest.mark.parametrize("text", [
    # a named company first: 本公司 later is that company, not an unnamed party of another deal
    "星河生物将XH-5的欧洲权益授权给Norvane Pharma。Norvane向公司支付500万欧元首付款；本公司另可获得最高2,000万欧元的里程碑付款。",
    "星河生物將XH-5的歐洲權益授權予Norvane Pharma。Norvane向公司支付500萬歐元首付款；本公司另可獲得最高2,000萬歐元的里程碑付款。",
])
def test_zh_self_after_a_named_company_is_no_unnamed_party(text):
    from newsextract import extract

    deals = extract(text, lang="zh").deals
    assert len(deals) == 1 and deals[0].licensor.name.startswith("星河")
    assert deals[0].milestones and deals[0].milestones.amount == 20_000_000


@pytest.mark.parametrize(
    "masked,rule,group,party",
    [
        ("«P0»授予«P1»（以下简称“被许可方”）在美国的独家权利", "role.zh_named_licensee", "licensee", "«P1»"),
        ("«P0»從«P1»（以下簡稱「許可方」）引進", "role.zh_named_licensor", "licensor", "«P1»"),
        ("«P0»（「«P1»」或「許可人」）", "role.zh_named_licensor", "licensor", "«P0»"),
    ],
)
def test_zh_role_label_belongs_to_the_nearer_party(masked, rule, group, party):
    fr = next(r for r in load_rules("zh", "roles", section="frames") if r.id == rule)
    m = fr.regex.search(masked)
    assert m is not None and m.group(group) == party


@pytest.mark.parametrize("text,unit", [
    ("星河生物控股有限公司\n\n自愿公告\n\n本公告由星河生物控股有限公司（「本公司」，连同其附属公司统称「本集团」）自愿作出。\n\n"
     "董事会欣然宣布，本公司全资附属公司苏州明辉医药有限公司（「明辉」或「许可方」）与Norvane Therapeutics, Inc.（「Norvane」"
     "或「被许可方」）订立独家许可协议。据此，许可方同意向被许可方授出开发XH-2208的独家许可。\n\n"
     "XH-2208为本集团自主研发、靶向TROP2的抗体偶联药物（ADC），目前正于中国开展I期临床研究。", "苏州明辉医药有限公司"),
    ("星河生物控股有限公司\n\n自願公告\n\n本公告由星河生物控股有限公司（「本公司」，連同其附屬公司統稱「本集團」）自願作出。\n\n"
     "董事會欣然宣佈，本公司全資附屬公司蘇州明輝醫藥有限公司（「明輝」或「許可方」）與Norvane Therapeutics, Inc.（「Norvane」"
     "或「被許可方」）訂立獨家許可協議。據此，許可方同意向被許可方授出開發XH-2208的獨家許可。\n\n"
     "XH-2208為本集團自主研發、靶向TROP2的抗體偶聯藥物（ADC），目前正於中國開展I期臨床研究。", "蘇州明輝醫藥有限公司"),
])
def test_zh_labelled_unit_is_the_licensor_and_keeps_the_groups_drug(text, unit):
    from newsextract import extract

    deals = extract(text, lang="zh").deals
    assert len(deals) == 1 and deals[0].licensor.name == unit
    assert deals[0].targets == ["TROP2"] and deals[0].modality == "ADC"


@pytest.mark.parametrize("text", [
    "瀚海药业同意向Bexley Pharma授予HH-19的独家许可，Bexley将预付人民币2亿元。",
    "瀚海藥業同意向Bexley Pharma授予HH-19的獨家許可，Bexley將預付人民幣2億元。",
])
def test_zh_prepays_verb_is_the_upfront(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert d.upfront and d.upfront.amount == 200_000_000 and d.upfront.currency == "CNY"


@pytest.mark.parametrize("name", ["泰和生物", "泰和醫藥"])
def test_zh_tai_he_is_one_name(name):
    from newsextract import extract

    text = f"{name}宣布与Cirrus Therapeutics达成独家许可协议。{name}将支付首付款1000万美元。"
    d = extract(text, lang="zh").deals[0]
    assert d.licensee and d.licensee.name == name and d.licensor.name == "Cirrus Therapeutics"


@pytest.mark.parametrize("text,second", [
    ("恒瑞医药曾将GLP-1产品组合授权给Kailera，获得1.1亿美元首付款；并以1.6亿美元首付款将PD-1/TGF-β双抗授权给某海外公司。",
     (None, 160000000)),
    ("百济神州将BG-68授权给安进，获得1亿美元首付款；并且将BG-70的中国权益以2000万美元转让给某国内药企。", (None, None)),
])
def test_zh_a_second_grant_with_no_subject_to_an_unnamed_company(text, second):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert len(deals) == 2
    d = deals[1]
    assert (d.licensee, d.upfront and int(d.upfront.amount)) == second
    assert d.licensor.name == deals[0].licensor.name


def test_zh_table_flattened_one_cell_per_line():
    from newsextract import extract
    text = ("本季度重点授权交易一览（单位：百万美元）\n\n许可方\n被许可方\n产品\n首付款\n里程碑\n总金额\n"
            "恒瑞医药\n默沙东\nHRS-5346\n200\n1,770\n1,970\n翰森制药\n再生元\nHS-20094\n80\n1,930\n2,010\n"
            "信达生物\n罗氏\nIBI3009\n80\n1,000\n未披露\n\n数据来源：公司公告。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.asset, int(d.upfront.amount), int(d.milestones.amount),
             d.total_value and int(d.total_value.amount)) for d in deals] == [
        ("恒瑞医药", "默沙东", "HRS-5346", 200_000_000, 1_770_000_000, 1_970_000_000),
        ("翰森制药", "再生元", "HS-20094", 80_000_000, 1_930_000_000, 2_010_000_000),
        ("信达生物", "罗氏", "IBI3009", 80_000_000, 1_000_000_000, None)]


@pytest.mark.parametrize("text,expected", [
    ("恒瑞医药与GSK达成合作，首付款5亿美元，同日和黄医药将索凡替尼授权给武田，首付款4亿美元。",
     [("恒瑞医药", "GSK", 500_000_000), ("和黄医药", "武田", 400_000_000)]),
    ("信达生物与武田达成合作，武田支付12亿美元首付款，同时翰森制药与再生元达成授权，首付款8000万美元。",
     [("信达生物", "武田", 1_200_000_000), ("翰森制药", "再生元", 80_000_000)]),
    ("石药集团将一款小分子授权给阿斯利康，首付款1亿美元，此外，和铂医药向阿斯利康授权多特异性抗体，获得1.75亿美元首付款。",
     [("石药集团", "阿斯利康", 100_000_000), ("和铂医药", "阿斯利康", 175_000_000)]),
])
def test_zh_a_second_deal_after_a_same_day_connective(text, expected):
    from newsextract import extract
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, int(d.upfront.amount)) for d in deals] == expected


def test_zh_roundup_headings_name_each_deals_companies():
    from newsextract import extract
    text = ("【恒瑞医药×默沙东】\n恒瑞医药将HRS-5346授权给默沙东，首付款2亿美元。\n"
            "【三生制药×辉瑞】\n辉瑞获得SSGJ-707全球权益，首付款12.5亿美元。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.asset) for d in deals] == [
        ("恒瑞医药", "默沙东", "HRS-5346"), ("三生制药", "辉瑞", "SSGJ-707")]


@pytest.mark.parametrize("text", [
    # a manufacturing order, a service or distribution contract (status.zh_not_bd)
    "铂川生物与一家欧洲药企签署了总金额3.2亿美元的商业化生产订单，为其供应抗体原液。",
    "铂川生物与某跨国药企签訂了價值約8000萬美元的委託生產服務合同。",
    # a building or a hospital bought or sold, a ruling (status.zh_not_bd_strong)
    "瀚海药业以4亿元出售了位于苏州的研发大楼。",
    "瀚海药业以6亿元收购江苏一家民营医院集团60%的股权。",
    # a buyer only imagined (status.zh_speculation)
    "分析师认为，瀚海药业的GLP-1管线可能吸引跨国药企的收购兴趣。",
])
def test_zh_no_bd_deal(text):
    from newsextract import extract

    assert extract(text, lang="zh").deals == []


def test_zh_licence_beside_a_supply_contract_stays():
    from newsextract import extract

    text = "铂川生物将BC-12的大中华区权益授权给Vantor Bio，获得首付款2000万美元，并签订了供货协议。"
    d = extract(text, lang="zh").deals
    assert len(d) == 1 and d[0].upfront and d[0].upfront.amount == 20_000_000


def test_zh_own_list_item_gives_no_target():
    from newsextract import extract

    text = "研发管线方面，瀚海药业拥有HH-12（与安斯泰来合作开发的Claudin18.2 ADC）以及自主研发的KRAS G12D抑制剂HH-40。"
    deals = extract(text, lang="zh").deals
    assert all("KRAS G12D" not in d.targets for d in deals)
    own = extract("瀚海药业将自主研发的KRAS G12D抑制剂HH-40授权给诺华，首付款1亿美元。", lang="zh").deals
    assert own and own[0].targets == ["KRAS G12D"]


@pytest.mark.parametrize("text", [
    "瀚海药业预计将于明年获得来自诺华的5000万美元里程碑付款，前提是HH-3获得FDA批准。",
    "若HH-12获批上市，瀚海药业预计将获得来自安斯泰来的1亿元里程碑付款。",
])
def test_zh_expected_milestone_from_partner_is_no_deal(text):
    from newsextract import extract

    assert extract(text, lang="zh").deals == []


def test_zh_new_licence_with_expected_payments_stays():
    from newsextract import extract

    d = extract("瀚海药业将HH-5授权给礼来，预计将获得来自礼来的3000万美元首付款及最高5亿美元里程碑付款。", lang="zh").deals
    assert len(d) == 1 and d[0].upfront.amount == 30_000_000 and d[0].milestones.amount == 500_000_000


def test_zh_lease_is_no_deal():
    from newsextract import extract

    assert extract("瀚海药业与张江高科签署了为期十年的厂房租赁协议，租金总额约2亿元。", lang="zh").deals == []


@pytest.mark.parametrize("text,ms", [
    # a word of more payments between the amount and its cue (额外, 其他, 剩余 …) keeps the cue's kind
    ("瀚海药业已向Cirrus Therapeutics支付里程碑付款500万美元，并可能须支付最高2亿美元的额外里程碑付款。", 200_000_000),
    ("瀚海藥業與Cirrus Therapeutics訂立許可協議，瀚海藥業可能須支付最高2億美元的額外里程碑付款。", 200_000_000),
    ("Cirrus Therapeutics已支付4亿美元首付款，瀚海药业有资格收取最高7.3亿美元的其他里程碑付款。", 730_000_000),
])
def test_zh_more_payments_word_before_the_milestone_cue(text, ms):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert d.milestones and d.milestones.amount == ms and d.milestones.currency == "USD"


def test_zh_party_labels_run_together_on_one_line():
    # PDF text that ran the contract's party lines together with a space: each label is still its company
    from newsextract import extract

    text = ("甲方：上海瀚海医药科技有限公司 乙方：苏州盛明生物医药有限公司。甲方同意向乙方支付首付款人民币3,000万元，"
            "并根据研发进度支付不超过人民币2亿元的里程碑付款。")
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == ("苏州盛明生物医药有限公司", "上海瀚海医药科技有限公司")


def test_zh_role_label_inside_an_earlier_definition_is_no_full_name():
    # （“许可方”） after a full name the name shapes miss: 许可方 written inside the licensee's （“被许可方”） starts
    # no name; the full name is what follows that definition and its 与
    from newsextract import extract

    text = ("2024年5月，浙江瀚海药业股份有限公司（“被许可方”）与南京瀚德新药研发有限公司（“许可方”）签署《技术许可合同》，"
            "被许可方将向许可方支付首付款人民币2,000万元。")
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == ("南京瀚德新药研发有限公司", "浙江瀚海药业股份有限公司")


@pytest.mark.parametrize("text", [
    # the first company announces with no word edge before the verb (瀚海药业公告 / 宣布 / 周二宣布): 公司 after it,
    # as subject or after a preposition (向公司支付), is that company
    "瀚海药业公告，公司与Cirrus Therapeutics签署独家许可协议，将HX-301的海外权益授予Cirrus Therapeutics，"
    "Cirrus Therapeutics将支付3000万美元首付款。",
    "瀚海药业宣布，公司与Cirrus Therapeutics签署独家许可协议。根据协议，Cirrus Therapeutics将向公司支付3000万美元首付款。",
    "瀚海藥業周二宣佈，公司與Cirrus Therapeutics簽署獨家許可協議，Cirrus Therapeutics將向公司支付3000萬美元首付款。",
])
def test_zh_announcer_right_before_its_verb_is_the_company(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == (text[:4], "Cirrus Therapeutics")
    assert d.upfront and d.upfront.amount == 30_000_000


def test_zh_announcer_of_a_roundup_item_is_no_article_company():
    # each item of a weekly list announces its own deal: 公司 in a later item is that item's company, not the first's
    from newsextract import extract

    text = ("本周BD：\n - 瀚海药业宣布，将HX-301授权给Cirrus Therapeutics，获得3000万美元首付款。\n"
            " - 盛明生物称，公司与Velora Bio就SM-88的欧美权益仍在谈判。\n")
    deals = extract(text, lang="zh").deals
    assert not any(d.licensor and d.licensor.name == "瀚海药业" and d.asset == "SM-88" for d in deals)


@pytest.mark.parametrize("text", [
    "瀚海药业，这家成立于2016年的杭州公司，周二宣布将HX-301授权给Cirrus Therapeutics。",
    "瀚海药业，这家杭州公司，今天宣布将HX-301授权给Cirrus Therapeutics。",
    "瀚海藥業，這家杭州公司，週四宣佈將HX-301授權給Cirrus Therapeutics。",
])
def test_zh_time_word_before_announcing_is_no_company(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == (text[:4], "Cirrus Therapeutics")


@pytest.mark.parametrize("text,asset,targets", [
    # 单抗/双抗 right before a drug code ends the drug's kind: the code is the asset, not a target 抗X
    ("瀚海药业将CD47单抗HX01授权给Cirrus Therapeutics。", "HX01", ["CD47"]),
    ("瀚海藥業將CD20單抗HX01授權給Cirrus Therapeutics。", "HX01", ["CD20"]),
    ("瀚海药业将PD-1/VEGF双抗HX2510授权给Cirrus Therapeutics。", "HX2510", ["PD-1", "VEGF"]),
])
def test_zh_code_after_antibody_word_is_the_asset(text, asset, targets):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert d.asset == asset and d.targets == targets


@pytest.mark.parametrize("text", [
    # a filing names its counterparty once (本次交易对方为X / 交易对方：X) and then calls it 交易对方
    "本次交易对方为Cirrus Therapeutics。根据协议，公司将HX-301的全球权益许可给交易对方，交易对方将支付2000万美元的首付款，"
    "以及最高不超过3亿美元的里程碑付款。",
    "一、交易概述\n交易对方：Cirrus Therapeutics\n公司将HX-301的海外权益授予交易对方，交易对方应向公司支付首付款2000万美元及"
    "不超过3亿美元的里程碑付款。",
    "本次交易對方為Cirrus Therapeutics。根據協議，公司將HX-301的全球權益許可給交易對方，交易對方將支付2000萬美元的首付款，"
    "以及最高不超過3億美元的里程碑付款。",
])
def test_zh_counterparty_label_names_the_licensee(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert d.licensee and d.licensee.name == "Cirrus Therapeutics"
    assert d.upfront and d.upfront.amount == 20_000_000 and d.milestones and d.milestones.amount == 300_000_000


@pytest.mark.parametrize("text,asset", [
    # a drug code right after a Latin name is no word of the name: the licensee is Helsinn, the asset the code
    ("本公司授予Helsinn QD-019的海外独家权利，Helsinn同意向本公司支付3000万美元首付款。", "QD-019"),
    ("本公司與Helsinn HX301訂立許可協議，Helsinn將支付1000萬美元首付款。", "HX301"),
])
def test_zh_drug_code_after_latin_name_is_no_part_of_it(text, asset):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert d.licensee and d.licensee.name == "Helsinn" and d.asset == asset


@pytest.mark.parametrize("text", [
    # rights granted with a date and the price between (已于2022年以…首付款授予X): X takes them; after a comma, 其 is the
    # subject before, who granted them
    "瀚海药业2024年HX-301销售额约8亿元，其海外权益已于2022年以5000万美元首付款授予Cirrus Therapeutics。",
    "瀚海药业表示，其海外权益已于2022年以5000万美元首付款授予Cirrus Therapeutics。",
    "瀚海藥業表示，其海外權益已於2022年以5000萬美元首付款授予Cirrus Therapeutics。",
])
def test_zh_its_rights_granted_for_a_price(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == (text[:4], "Cirrus Therapeutics")
    assert d.upfront and d.upfront.amount == 50_000_000 and d.milestones is None


@pytest.mark.parametrize("text,up,ms,total", [
    # an amount with no payment word: the deal's whole value when its parts follow it or when a ceiling is paid
    ("瀚海药业HX-301出海，Cirrus Therapeutics将支付至多5.2亿美元，其中包括首付款及近期付款合计3000万美元。",
     30_000_000, None, 520_000_000),
    ("根据协议，Cirrus Therapeutics将向瀚海药业支付最高10亿美元，包括首付款、开发、注册及销售里程碑付款。", None, None, 1_000_000_000),
    ("根據協議，Cirrus Therapeutics將向瀚海藥業支付最高10億美元，包括首付款、開發、註冊及銷售里程碑付款。", None, None, 1_000_000_000),
    # … but money paid once goals are reached is contingent
    ("Cirrus Therapeutics将向瀚海药业支付1000万美元首付款，并在达成特定开发和商业化目标后支付最高2亿美元。",
     10_000_000, 200_000_000, None),
])
def test_zh_amount_without_payment_word(text, up, ms, total):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    got = tuple(x.amount if x else None for x in (d.upfront, d.milestones, d.total_value))
    assert got == (up, ms, total)


@pytest.mark.parametrize("text,licensor,licensee", [
    # a group's Latin initials before a Chinese designator (SK生物制药, GC生物, LG化学) are one name
    ("瀚海药业将HX-301授权给SK生物制药，获得5000万美元首付款。", "瀚海药业", "SK生物制药"),
    ("LG化学将HX-301授权给瀚海药业，获得5000万美元首付款。", "LG化学", "瀚海药业"),
    ("瀚海藥業將HX-301授權給GC生物，獲得5000萬美元首付款。", "瀚海藥業", "GC生物"),
])
def test_zh_latin_initials_before_designator_are_a_name(text, licensor, licensee):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text,want", [
    ("中国药企的交易占全球授权交易总额的30%。", ("中国药企的交易", "market_share", 30, None)),
    ("2025年，中国创新药对外授权交易金额占全球的比例达到30%。", ("中国创新药对外授权交易", "market_share", 30, "2025")),
    ("2025年上半年，美国企业约占中国对外授权交易数量的60%。", ("美国企业", "market_share", 60, "H1 2025")),
])
def test_zh_share_said_before_its_percentage(text, want):
    """A share whose 'of what' stands between 占 and the percentage ('占全球授权交易总额的30%') is a market share;
    its holder is what is named before 占."""
    from newsextract import extract
    figs = extract(text, lang="zh", published="2026-03-01").figures
    assert [(f.subject if isinstance(f.subject, str) else f.subject.name, f.metric, int(f.value.amount), f.period)
            for f in figs] == [want]


def test_zh_a_ratio_of_revenue_is_no_share():
    """研发费用占营业收入的比例: a ratio of the company's own lines, no market share."""
    from newsextract import extract
    assert extract("宁远生物2025年研发费用占营业收入的比例为45.6%。", lang="zh", published="2026-03-01").figures == []


@pytest.mark.parametrize("text,want", [
    # a Latin brand with its Chinese INN in brackets: the drug is the INN
    ("美国FDA批准了Zelvora（泽沃替尼）用于治疗哮喘。", ("FDA", "approval", "泽沃替尼")),
    # 获准 (permitted) to run a trial is a trial clearance, in both scripts
    ("宁远生物的NY-310获准在美国开展I期临床试验。", ("FDA", "trial_clearance", "NY-310")),
    ("寧遠生物的NY-310獲准在美國開展I期臨床試驗。", ("FDA", "trial_clearance", "NY-310")),
    # -托克拉 (-toclax) is a drug ending
    ("瑞康医药的瑞沙托克拉获美国FDA授予孤儿药资格认定。", ("FDA", "designation", "瑞沙托克拉")),
])
def test_zh_approval_brand_inn_pair_trial_permission_and_toclax(extractor, text, want):
    got = [(a.regulator, a.event, a.drug) for a in extractor.extract(text, lang="zh").approvals]
    assert got == [want]


def test_zh_a_payment_due_when_a_trial_is_permitted_is_no_event(extractor):
    """'於…獲准開展II期臨床試驗時支付': the trial permission is the condition of a payment, no event."""
    text = "近期付款：於NY-310在美國獲准開展II期臨床試驗時支付2,000萬美元。"
    assert extractor.extract(text, lang="zh").approvals == []


@pytest.mark.parametrize("text,expected", [
    # the filer announces through its board ("X董事会宣布") or by a voluntary disclosure ("X自愿披露公告：本公司…"):
    # 本公司 is X (simplified and traditional)
    ("瀚维生物医药股份有限公司董事会宣布，本公司拟以现金人民币12,000万元收购杭州瑞岚生物科技有限公司100%股权。",
     [("acquisition", "杭州瑞岚生物科技有限公司", "瀚维生物医药股份有限公司")]),
    ("瀚維生物醫藥股份有限公司董事會宣佈，本公司擬以現金人民幣12,000萬元收購杭州瑞嵐生物科技有限公司100%股權。",
     [("acquisition", "杭州瑞嵐生物科技有限公司", "瀚維生物醫藥股份有限公司")]),
    ("瀚维生物医药（苏州）股份有限公司自愿披露公告：本公司与Corvanta Pharma Inc.签署许可协议，Corvanta Pharma将向本公司"
     "支付4,500万美元首付款。", [("license", "瀚维生物医药（苏州）股份有限公司", "Corvanta Pharma Inc.")]),
    ("瀚維生物醫藥（蘇州）股份有限公司自願披露公告：本公司與Corvanta Pharma Inc.簽署許可協議，Corvanta Pharma將向本公司"
     "支付4,500萬美元首付款。", [("license", "瀚維生物醫藥（蘇州）股份有限公司", "Corvanta Pharma Inc.")]),
])
def test_zh_filer_announcing_by_its_board_or_a_voluntary_disclosure(text, expected):
    from newsextract import extract
    got = [(d.deal_type, d.licensor and d.licensor.name, d.licensee and d.licensee.name)
           for d in extract(text, lang="zh").deals]
    assert got == expected


@pytest.mark.parametrize("text", [
    # an analyst's view that a drug could be licensed: no deal
    "华创证券研报称，宁远生物的TL1A单抗颇具出海潜力，潜在交易额有望超过15亿美元。",
    # talks that broke down
    "据媒体报道，默沙东曾与宁远生物就NY-12的海外授权展开磋商，首付款约1亿美元，但双方磋商最终无果。",
    "宁远生物与一家欧洲药企的收购谈判已告吹，此前市场传闻交易金额约20亿美元。",
    # revenue from a partner's milestone, as a headline
    "宁远生物授权收入大增，来自诺华的里程碑款达2.5亿元",
    # payments received so far under an old agreement
    "截至2025年末，宁远生物已累计收到武田支付的首付款及里程碑款合计2.2亿美元。",
    # a manufacturing service is no business-development deal
    "凯莱英将为宁远生物的ADC提供为期八年、总额最高4亿美元的商业化生产服务。",
])
def test_zh_no_deal_in_analyst_views_failed_talks_revenue_and_services(extractor, text):
    assert extractor.extract(text, lang="zh").deals == []


@pytest.mark.parametrize("text,want", [
    ("宁远生物将TL1A单抗NY-5的海外权益授权给默沙东，首付款1.5亿美元，潜在交易总额最高15亿美元。",
     ("宁远生物", "默沙东", 150000000)),
    ("经过数月谈判，宁远生物与诺华签署NY-12许可协议，诺华支付首付款1亿美元。", ("宁远生物", "诺华", 100000000)),
])
def test_zh_real_deals_beside_analyst_and_talk_words_are_kept(extractor, text, want):
    deals = extractor.extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, int(d.upfront.amount)) for d in deals] == [want]


@pytest.mark.parametrize("text,want", [
    ("宁远生物2025年Q1营收10.2亿元。", ("宁远生物", "revenue", "Q1 2025")),
    ("宁远生物2025Q3营收12亿元，同比增长8%。", ("宁远生物", "revenue", "Q3 2025")),
    ("宁远生物2025年H1营收25亿元。", ("宁远生物", "revenue", "H1 2025")),
])
def test_zh_figures_a_quarter_or_half_written_q1_or_h1_after_its_year(extractor, text, want):
    """2025年Q1 / 2025Q3 / 2025年H1 are the quarter or half of that year, not the fiscal year."""
    figs = extractor.extract(text, lang="zh").figures
    assert [(f.subject_name, f.metric, f.period) for f in figs] == [want]


@pytest.mark.parametrize("text,want", [
    ("2024年，宁远生物在国内GLP-1市场的占有率提升至18%。", ("宁远生物", "company", "market_share", "2024")),
    ("瑞康医药在国内PD-1市场的份额约为25%。", ("瑞康医药", "company", "market_share", None)),
])
def test_zh_figures_a_companys_share_in_a_named_market(extractor, text, want):
    """X在Y市场的占有率/份额: X's share (the market is where it is held), not the market's."""
    figs = extractor.extract(text, lang="zh").figures
    assert [(f.subject_name, f.kind, f.metric, f.period) for f in figs] == [want]


@pytest.mark.parametrize("text,licensor,licensee", [
    # 公司 opening a sentence of a news story (no company of its own): the company the sentence before opens with
    ("瀚海药业成立于2018年，总部位于苏州。公司将HX-301的海外权益授权给Cirrus，获得5000万美元首付款。", "瀚海药业", "Cirrus"),
    ("瀚海藥業成立於2018年，總部位於蘇州。公司將HX-301的海外權益授權給Cirrus，獲得5000萬美元首付款。", "瀚海藥業", "Cirrus"),
    # … or its own sentence opens with, before a time clause
    ("瀚海药业近年发展迅速，2024年，公司与Cirrus就HX-301签署许可协议，Cirrus支付5000万美元首付款。", "瀚海药业", "Cirrus"),
])
def test_zh_company_opening_a_sentence_is_the_topic_company(text, licensor, licensee):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == (licensor, licensee, 50000000)


def test_zh_company_opening_a_sentence_after_a_paragraph_break_is_not_the_last_subject():
    """A new paragraph's 公司 is not the subject of the paragraph before (there, another company's financing)."""
    from newsextract import extract

    text = ("瀚海药业将HX-301授权给Cirrus，获得5000万美元首付款。\n\n2024年Cirrus完成2亿美元融资。\n\n"
            "对于这家苏州企业而言，今年3月，公司还将HX-205的中国权益转让给一家国内药企。")
    assert all(d.licensor is None or d.licensor.name != "Cirrus" for d in extract(text, lang="zh").deals)


@pytest.mark.parametrize("text,up,total", [
    # machine-translated wordings: 预先付款 (advance payment) is the upfront; 总价值可以达到高至 leads to the total
    ("根据条款，Cirrus将向瀚海药业支付600百万美元的预先付款，该交易的总价值可以达到高至20亿美元。", 600_000_000, 2_000_000_000),
    ("根據條款，Cirrus將向瀚海藥業支付600百萬美元的預先付款，該交易的總價值可以達到高至20億美元。", 600_000_000, 2_000_000_000),
    ("瀚海药业与Cirrus签订许可协议，Cirrus将支付6亿美元首付款，交易总价值可以达到20亿美元。", 600_000_000, 2_000_000_000),
])
def test_zh_machine_translated_upfront_and_total_leads(text, up, total):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.upfront.amount, d.total_value.amount) == (up, total)


@pytest.mark.parametrize("text", [
    # 对公司进行收购: 公司 after 对 is the announcing company, the one acquired
    "瀚海药业公告，公司已与Cirrus签订合并协议，Cirrus将以总额约12亿美元的现金对公司进行全资收购。",
    "瀚海藥業公告，公司已與Cirrus簽訂合併協議，Cirrus將以總額約12億美元的現金對公司進行全資收購。",
])
def test_zh_takeover_of_the_company_after_dui(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.deal_type, d.licensor.name, d.licensee.name, d.total_value.amount) == (
        "acquisition", text[:4], "Cirrus", 1_200_000_000)


@pytest.mark.parametrize("text,asset", [
    # 来 leads transliterated INNs (来佐利单抗); after 以来/未来 the name starts after them
    ("瀚海药业公告称，Cirrus已终止来佐利单抗的合作，相关权益将全部退还瀚海药业。", "来佐利单抗"),
    ("瀚海藥業公告稱，Cirrus已終止來佐利單抗的合作，相關權益將全部退還瀚海藥業。", "來佐利單抗"),
    ("自2022年以来依沃西单抗首次对外授权，Cirrus向瀚海药业支付5000万美元首付款。", "依沃西单抗"),
])
def test_zh_inn_led_by_lai(text, asset):
    from newsextract import extract

    assert extract(text, lang="zh").deals[0].asset == asset


@pytest.mark.parametrize("lang,text", [
    # talks about another drug with no amount are not the deal told before: its status stays signed
    ("zh", "2024年1月，瀚海药业将IL-11单抗HX-311在大中华区以外的权益授予Cirrus，获得2500万美元首付款。今年上半年，瀚海药业还与一家美国公司就另一款ADC的海外权益展开洽谈。"),
    ("zh", "2024年1月，瀚海藥業將IL-11單抗HX-311在大中華區以外的權益授予Cirrus，獲得2500萬美元首付款。今年上半年，瀚海藥業還與一家美國公司就另一款ADC的海外權益展開洽談。"),
    ("zh", "瀚海药业将HX-311授权给Cirrus，获得2500万美元首付款。目前瀚海药业正与Cirrus就另外一个双抗项目进行谈判。"),
    ("en", "In January, Hanhai Pharma granted Cirrus rights to its IL-11 antibody HX-311 for $25 million upfront. "
           "Hanhai is also in talks with a US company about another ADC, but gave no details."),
    ("en", "Hanhai Pharma licensed HX-311 to Cirrus for $25 million upfront. Hanhai said it was negotiating with Cirrus "
           "on another bispecific antibody."),
])
def test_talks_about_another_drug_do_not_change_the_deal_before(lang, text):
    from newsextract import extract

    deals = extract(text, lang=lang).deals
    assert [(d.licensee.name, d.asset, d.status, d.upfront.amount) for d in deals] == [
        ("Cirrus", "HX-311", "signed", 25_000_000)]


@pytest.mark.parametrize("text,modality", [
    # a Chinese drug name's own class ending (依沃西单抗) is a weaker modality than one the article says outright
    ("瀚海药业授权依沃西单抗海外权益 Cirrus支付5亿美元首付款\n\n瀚海药业宣布，与Cirrus就其双特异性抗体依沃西单抗达成许可协议，Cirrus支付5亿美元首付款。",
     "bispecific antibody"),
    ("瀚海药业贝伐珠单抗生物类似药HX-B01授权Cirrus\n\n瀚海药业宣布，将生物类似药HX-B01在拉美的权益授予Cirrus，Cirrus支付500万美元首付款。",
     "biosimilar"),
])
def test_zh_a_name_class_ending_yields_to_a_stated_modality(text, modality):
    from newsextract import extract

    assert extract(text, lang="zh").deals[0].modality == modality


@pytest.mark.parametrize("text,ms,total", [
    # a filing's milestone kinds, each with 款 and a 合计 ceiling, add up (were lost: 款 stood between cue and amount)
    ("许可方：苏州云锦生物科技有限公司；被许可方：杭州瀚海药业股份有限公司。被许可方将向许可方支付首付款人民币5,000万元；"
     "开发里程碑款合计不超过人民币3亿元；注册里程碑款合计不超过人民币2.5亿元；销售里程碑款合计不超过人民币4亿元。", 950_000_000, None),
    ("許可方：蘇州雲錦生物科技有限公司；被許可方：杭州瀚海藥業股份有限公司。被許可方將向許可方支付首付款人民幣5,000萬元；"
     "開發里程碑款合計不超過人民幣3億元；註冊里程碑款合計不超過人民幣2.5億元；銷售里程碑款合計不超過人民幣4億元。", 950_000_000, None),
    # a numbered item of its own that sums the items before it: the whole value when an upfront is among them …
    ("瀚海药业与Cirrus签订许可协议。协议主要内容：（1）首付款：人民币1亿元；（2）开发里程碑：不超过人民币2亿元；"
     "（3）销售里程碑：不超过人民币4亿元；（4）合计不超过人民币7亿元。", 600_000_000, 700_000_000),
    ("瀚海藥業與Cirrus簽訂許可協議。協議主要內容：1、首付款：人民幣1億元；2、開發里程碑：不超過人民幣2億元；"
     "3、銷售里程碑：不超過人民幣4億元。合計：不超過人民幣7億元。", 600_000_000, 700_000_000),
    # … and the milestones' ceiling after milestone items alone
    ("瀚海药业与Cirrus签订许可协议。协议主要内容：（1）开发里程碑：不超过人民币2亿元；（2）销售里程碑：不超过人民币4亿元；"
     "（3）合计不超过人民币6亿元。", 600_000_000, None),
])
def test_zh_filing_milestone_items_and_their_sum_item(text, ms, total):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert d.milestones.amount == ms
    assert (d.total_value.amount if d.total_value else None) == total


@pytest.mark.parametrize("text", [
    # a digest whose rows are written with the full-width bar: each line is a row, not a wrapped sentence
    "今年授权交易一览：\n瀚海药业｜默沙东｜首付款2亿美元｜总额19亿美元\n云锦生物｜葛兰素史克｜首付款8000万美元｜总额15亿美元\n"
    "明德生物｜阿斯利康｜首付款1亿美元｜总额50亿美元",
    "今年授權交易一覽：\n瀚海藥業｜默沙東｜首付款2億美元｜總額19億美元\n雲錦生物｜葛蘭素史克｜首付款8000萬美元｜總額15億美元\n"
    "明德生物｜阿斯利康｜首付款1億美元｜總額50億美元",
])
def test_zh_digest_rows_with_full_width_bars(text):
    from newsextract import extract

    deals = extract(text, lang="zh").deals
    assert sorted(d.upfront.amount for d in deals) == [80_000_000, 100_000_000, 200_000_000]
    assert all(d.licensor is not None and d.licensee is not None for d in deals)


@pytest.mark.parametrize("text,licensor", [
    # a circled list number glued to a known name (NFKC folds ② to 2) is no letter of a word before it
    ("本周交易盘点：①明德生物—Summit：首付款5亿美元；②科伦博泰—默沙东：首付款4700万美元，总额9.48亿美元。", "科伦博泰"),
    ("本週交易盤點：①明德生物—Summit：首付款5億美元；②科倫博泰—默沙東：首付款4700萬美元，總額9.48億美元。", "科倫博泰"),
])
def test_zh_known_name_after_a_circled_list_number(text, licensor):
    from newsextract import extract

    d = next(d for d in extract(text, lang="zh").deals if d.upfront.amount == 47_000_000)
    assert d.licensor.name == licensor and d.total_value.amount == 948_000_000


@pytest.mark.parametrize("text,licensor,licensee", [
    # a digest's pair joined by a dash, a slash or a bar: an unknown Latin name beside the Chinese one is the partner
    ("· 瀚海药业—Braveheart：HX-301，首付款6500万美元，里程碑最高10亿美元", "瀚海药业", "Braveheart"),
    ("· 瀚海藥業—Braveheart：HX-301，首付款6500萬美元，里程碑最高10億美元", "瀚海藥業", "Braveheart"),
    ("瀚海药业/Cirrus：HX-301，首付款6500万美元", "瀚海药业", "Cirrus"),
    ("瀚海药业｜Cirrus｜首付款6500万美元", "瀚海药业", "Cirrus"),
])
def test_zh_latin_partner_in_a_digest_pair(text, licensor, licensee):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == (licensor, licensee, 65_000_000)


def test_zh_latin_pair_rule_leaves_targets_alone():
    from newsextract import extract

    d = extract("瀚海药业将PD-1/Trop2双抗授权给默沙东，首付款1亿美元。", lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name, d.targets) == ("瀚海药业", "默沙东", ["PD-1", "TROP2"])


@pytest.mark.parametrize("text", [
    # a contract's party labels defined in a sentence, before or after the terms (甲方为X，乙方为Y) …
    "甲方向乙方支付首付款人民币1.2亿元（含税），研发里程碑款人民币3亿元（不含税）。甲方为上海瀚海医药股份有限公司，乙方为苏州云锦生物科技有限公司。",
    "甲方為上海瀚海醫藥股份有限公司，乙方為蘇州雲錦生物科技有限公司。甲方向乙方支付首付款人民幣1.2億元（含稅），研發里程碑款人民幣3億元（不含稅）。",
    # … or in brackets right after each company
    "协议双方为上海瀚海医药股份有限公司（甲方）与苏州云锦生物科技有限公司（乙方）。甲方向乙方支付首付款人民币1.2亿元。",
    "協議雙方為上海瀚海醫藥股份有限公司（甲方）與蘇州雲錦生物科技有限公司（乙方）。甲方向乙方支付首付款人民幣1.2億元。",
])
def test_zh_party_labels_defined_in_a_sentence_or_in_brackets(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensee.name[:4], d.licensor.name[:4], d.upfront.amount) == (text[text.index("上海"):][:4],
                                                                           text[text.index("苏州" if "苏州" in text else "蘇州"):][:4],
                                                                           120_000_000)


@pytest.mark.parametrize("text", [
    # the subject that signs with a partner, then in-licenses after a comma, is the licensee …
    "瀚海药业与云锦生物签署许可协议，引进YJ-01在大中华区的独家权益。",
    "瀚海藥業與雲錦生物簽署許可協議，引進YJ-01在大中華區的獨家權益。",
    "瀚海药业与云锦生物达成合作，以5000万元首付款引进YJ-01的全球权益。",
    # … and a licence fee paid to the other (向X支付许可费) grants nothing to X
    "根据协议，瀚海药业将向云锦生物支付许可费人民币3000万元，以及累计不超过人民币5亿元的里程碑款。",
    "根據協議，瀚海藥業將向雲錦生物支付授權金人民幣3000萬元，以及累計不超過人民幣5億元的里程碑款。",
])
def test_zh_in_licensing_subject_after_signing_and_licence_fee_payer(text):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensee.name[:2], d.licensor.name[:2]) == (("瀚海", "云锦") if "云锦" in text else ("瀚海", "雲錦"))


@pytest.mark.parametrize("text,asset", [
    # the owner's other drug, approved in the sentence before, lends the licence no asset: the drug of the clause
    # whose frame binds both sides is the deal's
    ("瀚海药业的HX-100上月获NMPA批准上市。本月，瀚海药业又将HX-205授权给诺华，诺华支付1亿美元首付款。", "HX-205"),
    ("瀚海藥業的HX-100上月獲NMPA批准上市。本月，瀚海藥業又將HX-205授權給諾華，諾華支付1億美元首付款。", "HX-205"),
])
def test_zh_approved_drug_beside_a_licence_is_not_its_asset(text, asset):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.asset, d.upfront.amount) == (asset, 100_000_000)


@pytest.mark.parametrize("text,licensor", [
    # an unknown Latin name before 为获得/为拿下 (the deal told backwards: the price first, then who paid it for what)
    ("5000万美元首付款、总额最高10亿美元——这是Cirrus为获得瀚海药业HX-301全球权益开出的条件。", "瀚海药业"),
    ("5000萬美元首付款、總額最高10億美元——這是Cirrus為獲得瀚海藥業HX-301全球權益開出的條件。", "瀚海藥業"),
    ("Cirrus为拿下瀚海药业HX-301的全球权益，支付了5000万美元首付款。", "瀚海药业"),
])
def test_zh_latin_payer_before_wei_huode(text, licensor):
    from newsextract import extract

    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == (licensor, "Cirrus", 50_000_000)


@pytest.mark.parametrize("text", [
    # talks with several companies no text names, a deal signed with no one yet, a contract to make a partner's drug
    # (status.zh_talks_many, status.zh_not_done, status.zh_not_bd), simplified and traditional
    "澜石生物表示，LS-20目前正与数家跨国药企洽谈海外授权，但尚未与任何一方签署协议。",
    "瀾石生物表示，公司已與多家藥企接觸，尚未與任何公司達成協議。",
    "管理层称已有多家跨国药企表达了合作兴趣，公司将择优推进GLP-1产品的海外授权。",
    "公司表示正在积极寻求合作，希望通过授权方式推动GLP-1产品出海，但尚未与任何公司达成协议。",
    "三星生物与一家美国药企签订了总额12亿美元的合同，为其生产一款抗体药物。",
    "三星生物與一家美國藥企簽訂總額12億美元的合同，為其生產一款抗體藥物。",
    "据媒体报道，一家跨国药企近期接洽收购澜峰生物。公司的GLP-1产品LF-01目前尚无海外合作伙伴。",
    "复宏汉霖的斯鲁利单抗此前已授权给多家海外企业，公司本季度营收增长20%。",
])
def test_zh_talks_with_many_or_no_one_and_a_making_contract_are_no_deal(text):
    from newsextract import extract
    assert extract(text, lang="zh").deals == []


def test_zh_a_deal_after_talks_with_many_is_kept():
    from newsextract import extract
    (d,) = extract("澜石生物此前曾与多家跨国药企接触，本周宣布将LS-20授权给诺华，获得5000万美元首付款。", lang="zh").deals
    assert (d.licensor.name, d.licensee.name, d.asset, d.upfront.amount) == ("澜石生物", "诺华", "LS-20",
                                                                            Decimal("50000000"))
    (d,) = extract("澜石生物此前尚未与任何公司达成协议。本周，澜石生物与礼来签署授权协议，礼来将支付1亿美元首付款获得LS-30的"
                   "全球权益。", lang="zh").deals
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == ("澜石生物", "礼来", Decimal("100000000"))


@pytest.mark.parametrize("text", [
    # a meeting's name is no company (摩根大通医疗健康大会: 医疗 is a weak designator), simplified and traditional
    "在摩根大通医疗健康大会期间，和铂医药宣布与阿斯利康达成授权协议，获得1.75亿美元首付款。",
    "在摩根大通醫療健康大會期間，和鉑醫藥宣佈與阿斯利康達成授權協議，獲得1.75億美元首付款。",
])
def test_zh_a_conference_is_no_company(text):
    from newsextract import extract
    (d,) = extract(text, lang="zh").deals
    assert d.licensee.name == "阿斯利康" and d.licensor.name in ("和铂医药", "和鉑醫藥")


@pytest.mark.parametrize("text,royalty", [
    # a payer that owes no royalty, with words between the 'no need' and the payment (roy.zh_free), any royalty word
    ("澜石生物与诺华签署终止协议，澜石生物收回LS-20的权利，且无需向诺华支付特许使用费。", None),
    ("瀾石生物將LS-20授予一家美國公司，對方毋需向瀾石支付權利金，首付款為1000萬美元。", None),
    ("澜石生物将LS-20授予礼来，礼来免于向澜石支付销售分成，首付款1亿美元。", None),
    # rates written before the royalty word, or 'different rates', are tiers (roy.zh_tiered)
    ("礼来与澜石生物签署许可协议，澜石生物有权按产品净销售额的5%至12%收取提成，首付款1.5亿美元。", "tiered"),
    ("禮來與瀾石生物簽署許可協議，瀾石生物有權按產品淨銷售額的5%至12%收取提成，首付款1.5億美元。", "tiered"),
    ("澜石生物与礼来签署协议，首付款8000万美元，礼来另按不同销售额区间向澜石支付不同比例的提成。", "tiered"),
    # 提成 after a verb or a rate, 提成费, and the Taiwanese 衍生利益金 are royalties (roy.zh_mention)
    ("澜石生物与礼来签署许可协议，礼来支付许可费800万元，并按销售额的2%支付提成。", "yes"),
    ("澜石生物与礼来签订协议，礼来支付2亿美元首付款，澜石另可获得销售额的两位数百分比提成。", "yes"),
    ("澜石生物与礼来签署协议，礼来支付2000万美元首付款，澜石可获得提成费。", "yes"),
    ("國衛院將NHRI-1234授權予瀾石生醫，瀾石另依淨銷售額之百分之三支付衍生利益金予國衛院，簽約金新臺幣1000萬元。", "yes"),
])
def test_zh_royalty_free_tiers_and_words(text, royalty):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    got = None if d.royalty is None else "tiered" if d.royalty.tiered else "yes"
    assert got == royalty


@pytest.mark.parametrize("text", [
    # an option not exercised, with its drug or rights between the verb and the option (status.zh_terminated)
    "礼来通知澜石生物，不再行使对LS-20的选择权。",
    "禮來通知瀾石生物，決定不行使其對LS-20全球權益的選擇權。",
    "礼来宣布放弃行使对澜石生物LS-20的独家许可选择权。",
])
def test_zh_option_not_exercised_is_terminated(text):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert (d.deal_type, d.status, d.asset) == ("option", "terminated", "LS-20")


@pytest.mark.parametrize("inn", [
    # Chinese INNs whose transliteration characters or stems the name finder lacked (asset.inn_zh): whole, not cut
    "泰它西普", "信迪利单抗", "派安普利单抗", "纳武利尤单抗", "埃诺格鲁肽", "司普奇拜单抗", "依若奇单抗", "伊努西单抗",
    "古莫奇单抗", "谷美替尼", "格索雷塞", "氟泽雷塞", "海曲泊帕", "伊普可泮", "恒格列净", "瑞格列汀", "西达本胺", "多纳非尼",
    "信迪利單抗", "納武利尤單抗", "海曲泊帕片",
])
def test_zh_inn_names_whole(inn):
    from newsextract import extract

    for text in (f"澜石生物将{inn}的海外权益授予诺华，首付款1亿美元。", f"诺华从澜石生物引进{inn}，首付款1亿美元。"):
        (d,) = extract(text, lang="zh").deals
        assert d.asset == inn, text



@pytest.mark.parametrize("text,territory", [
    # the territory as stated, without the 在 that cues it or a dangling 的; 除…以外 keeps its 除; 海外 rights are a territory
    ("澜石生物将LS-20在大中华区以外的权益授予诺华，首付款1亿美元。", "大中华区以外"),
    ("瀾石生物將LS-20在中國以外地區的權益授予諾華，首付款1億美元。", "中國以外地區"),
    ("澜石生物授予诺华LS-20在美国、欧洲和日本的独家许可，首付款1亿美元。", "美国、欧洲和日本"),
    ("澜石生物将LS-20在除中国以外全球的权益授予诺华，首付款1亿美元。", "除中国以外全球"),
    ("澜石生物将LS-20的海外权益授予诺华，首付款1亿美元。", "海外"),
    # a region stated in the deal's clauses wins over a bare 海外 told before it
    ("澜石生物将LS-20的海外权益授予诺华，首付款1亿美元。诺华获得LS-20在大中华区以外的独家开发权利。", "大中华区以外"),
])
def test_zh_territory_as_stated(text, territory):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert d.territory == territory


@pytest.mark.parametrize("text,day", [
    # a date that leads the sentence in a clause of its own dates the deal the next clause tells; 今日 is the
    # publication date (simplified and traditional)
    ("12月1日，澜石生物与诺华达成许可合作，首付款3亿美元。", "2025-12-01"),
    ("12月1日，瀾石生物與諾華達成許可合作，首付款3億美元。", "2025-12-01"),
    ("今日，澜石生物宣布与诺华达成许可合作，首付款1500万美元。", "2025-12-05"),
    ("澜石生物今日公告，公司与诺华签署许可协议，首付款1.6亿欧元。", "2025-12-05"),
])
def test_zh_deal_date_from_a_lead_clause_and_today(text, day):
    import datetime

    from newsextract import extract

    (d,) = extract(text, lang="zh", published=datetime.date(2025, 12, 5)).deals
    assert str(d.announced) == day


@pytest.mark.parametrize("text,want", [
    ("宁远生物2025年第四季度收入为11.5亿元，全年收入达到45亿元。",
     [("宁远生物", "revenue", "Q4 2025"), ("宁远生物", "revenue", "FY2025")]),
    ("寧遠生物2025年第四季度收入為11.5億元，全年收入達到45億元。",
     [("寧遠生物", "revenue", "Q4 2025"), ("寧遠生物", "revenue", "FY2025")]),
    # a guidance word reaches no further than its clause: a later clause with a period of its own is a result
    ("宁远生物表示，公司预计明年收入超过50亿元，2025年前三季度实现营收31亿元。", [("宁远生物", "revenue", "9M 2025")]),
    ("寧遠生物表示，公司預計明年收入超過50億元，2025年前三季度實現營收31億元。", [("寧遠生物", "revenue", "9M 2025")]),
    # a drug that holds a share holds it
    ("2024年，泽沃替尼在国内PD-1市场的份额约为22%。", [("泽沃替尼", "market_share", "2024")]),
    ("2024年，澤沃替尼在國內PD-1市場的份額約為22%。", [("澤沃替尼", "market_share", "2024")]),
])
def test_zh_figures_full_year_guidance_clause_and_a_drugs_share(extractor, text, want):
    """全年 without its year is the year in force; a guidance word's reach ends at a comma before a result clause
    with a period of its own; a drug right before its share word (的 / 在…市场的) holds the share."""
    figs = extractor.extract(text, lang="zh").figures
    assert [(f.subject_name, f.metric, f.period) for f in figs] == want


@pytest.mark.parametrize("text,licensor,licensee", [
    # 月 and 日 inside a name the gazetteer lacks are letters of it; only after a number or a time word
    # (11月, 本月, 今日, 近日) do they end a date
    ("中外制药与霁月生物签署协议，中外制药向霁月生物支付首付款2000万美元。", "霁月生物", "中外制药"),
    ("中外製藥與霽月生物簽署協議，中外製藥向霽月生物支付首付款2000萬美元。", "霽月生物", "中外製藥"),
    ("日月光生物宣布将其PD-1单抗授权给Merida Bio，首付款2000万美元。", "日月光生物", "Merida Bio"),
    ("上海日新医药以8000万元收购江苏月华生物。", "江苏月华生物", "上海日新医药"),
    ("上海日新醫藥以8000萬元收購江蘇月華生物。", "江蘇月華生物", "上海日新醫藥"),
    ("11月5日，澜石生物与诺华达成许可合作，诺华支付首付款3亿美元。", "澜石生物", "诺华"),
    ("近日澜石生物与诺华达成许可合作，诺华支付首付款3亿美元。", "澜石生物", "诺华"),
])
def test_zh_moon_and_day_inside_an_unknown_name(text, licensor, licensee):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text,licensor,licensee", [
    # a clause after the signing with no subject of its own is the signing subject's: it pays, or it is paid
    ("Verdiva Bio与江苏澄明医药签订许可协议，支付首付款1000万欧元。", "江苏澄明医药", "Verdiva Bio"),
    ("Verdiva Bio與江蘇澄明醫藥簽訂許可協議，支付首付款1000萬歐元。", "江蘇澄明醫藥", "Verdiva Bio"),
    ("美纳里尼集团宣布与苏州星岚生物达成合作，并将支付2000万美元预付款。", "苏州星岚生物", "美纳里尼集团"),
    ("Verdiva Bio与江苏澄明医药签订许可协议，获得首付款1000万欧元。", "Verdiva Bio", "江苏澄明医药"),
    ("苏州星岚生物与Corvane Pharma达成授权合作，将收取3000万美元首付款。", "苏州星岚生物", "Corvane Pharma"),
    ("蘇州星嵐生物與Corvane Pharma達成授權合作，將收取3000萬美元首付款。", "蘇州星嵐生物", "Corvane Pharma"),
])
def test_zh_subjectless_pay_or_receive_after_signing_is_the_subjects(text, licensor, licensee):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text,licensor,licensee", [
    # a name with no designator, read from its place in the deal: the subject that grants, the source of an
    # in-licence, the payee of a payment, the company bought in the passive, the subject that receives the upfront
    ("百川明德将其ADC药物BC-11授权给Pellion，首付款1500万美元。", "百川明德", "Pellion"),
    ("百川明德將其ADC藥物BC-11授權給Pellion，首付款1500萬美元。", "百川明德", "Pellion"),
    ("辰星康已将XK-7的全球权益授予Verdiva Bio，首付款2000万美元。", "辰星康", "Verdiva Bio"),
    ("辰星康授予Verdiva Bio XK-7的全球独家许可，首付款2000万美元。", "辰星康", "Verdiva Bio"),
    ("辰星康（XK Bio）将XK-7授权给Verdiva Bio，首付款2000万美元。", "辰星康", "Verdiva Bio"),
    ("Verdiva Bio从辰星康引进一款双抗，首付款2000万美元。", "辰星康", "Verdiva Bio"),
    ("Verdiva Bio從辰星康引進一款雙抗，首付款2000萬美元。", "辰星康", "Verdiva Bio"),
    ("Verdiva Bio获得辰星康一款双抗的全球权益，首付款2000万美元。", "辰星康", "Verdiva Bio"),
    ("Verdiva Bio将向辰星康支付2000万美元首付款。", "辰星康", "Verdiva Bio"),
    ("辰星康被Verdiva Bio以3亿美元收购。", "辰星康", "Verdiva Bio"),
    ("辰星康被Verdiva Bio以3億美元收購。", "辰星康", "Verdiva Bio"),
    ("辰星康获得Verdiva Bio支付的2000万美元首付款。", "辰星康", "Verdiva Bio"),
])
def test_zh_designatorless_name_from_its_place_in_the_deal(text, licensor, licensee):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text,names", [
    # what stands where such a name would is no name: an adverb, a word of manner, a party label, an eligibility
    ("晶岚生物宣布，将自主研发的双抗JS-07在韩国的权益，专属授权给Kyoro Pharma。", {"晶岚生物", "Kyoro Pharma"}),
    ("根据协议，甲方一次性向乙方支付首付款500万美元。", set()),
    ("恒瑞医药与Kailera签署协议，恒瑞有资格获得1亿美元首付款。", {"恒瑞医药", "Kailera"}),
    ("科伦博泰早前将SKB-264的海外权益授予默沙东。", {"科伦博泰", "默沙东"}),
])
def test_zh_designatorless_name_rules_take_no_words(text, names):
    from newsextract import extract

    got = set()
    for d in extract(text, lang="zh").deals:
        got |= {p.name for p in (d.licensor, d.licensee) if p is not None}
    assert got <= names


@pytest.mark.parametrize("text", [
    # talks that failed to agree are no deal (simplified and traditional)
    "恒岳医药与一家跨国药企就其GLP-1药物的海外授权进行了多轮谈判，但最终未能达成合作意向。",
    "恒嶽醫藥曾與諾華洽談HY-3的海外授權，但雙方最終未能達成一致。",
    "恒岳医药与诺华就HY-3的授权进行了接触，最终并未签署协议。",
])
def test_zh_talks_that_failed_to_agree_are_no_deal(text):
    from newsextract import extract

    assert extract(text, lang="zh").deals == []


def test_zh_a_failed_talk_beside_a_deal_with_terms_keeps_the_deal():
    from newsextract import extract

    text = "恒岳医药与诺华签署HY-3的许可协议，诺华支付首付款5000万美元。此前，恒岳医药曾与另一家公司洽谈，但未能达成协议。"
    (d,) = extract(text, lang="zh").deals
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == ("恒岳医药", "诺华", 50000000)


@pytest.mark.parametrize("text,upfront", [
    # the fee an option costs when it is granted is the deal's upfront (as the English 'option fee')
    ("诺和诺德将向岚石生物支付1500万美元期权费，获得LS-22的独家许可选择权。", 15000000),
    ("Halvorsen將向明晞醫藥支付2,500萬美元的選擇權費用，以取得MX-5的選擇權。", 25000000),
    ("岚石生物将获得选择权费用2000万美元，以及行使选择权后最高5亿美元的里程碑付款。", 20000000),
    ("岚石生物有权收取1,000萬美元的選擇權付款，如武田行使選擇權，另可獲得最高3億美元里程碑。", 10000000),
    # … not one an earlier agreement's buyer already paid, when the article reports the exercise and its fee
    ("益普生当时已支付2,000万美元的选择权费用。本次行权后，益普生将向岚石生物支付4,500万美元的行权费。", 45000000),
])
def test_zh_option_fee_is_the_upfront(text, upfront):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert d.upfront is not None and d.upfront.amount == upfront


@pytest.mark.parametrize("text,milestones", [
    # what the milestones depend on between the amount and the word, in the order of an English original
    ("诺华将向宁川生物支付1.85亿美元的预付款，并可能支付最高达36亿美元的基于开发、监管和商业化的里程碑付款。", 3600000000),
    ("宁川生物有资格获得最高10亿美元的基于特定开发和销售目标达成的里程碑付款。", 1000000000),
    ("安进将向宁川生物支付最多7亿美元的取决于开发和商业化进展的里程碑付款。", 700000000),
    ("吉利德将向宁川生物支付3000万美元预付款和高达9亿美元的根據實現特定里程碑的付款。", 900000000),
    ("宁川生物还有资格获得总计最高4.5亿美元的开发、监管和基于销售的里程碑付款。", 450000000),
])
def test_zh_milestones_with_what_they_depend_on_before_the_word(text, milestones):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert d.milestones is not None and d.milestones.amount == milestones
    assert all(p is None or "目标" not in p.name for p in (d.licensor, d.licensee))


@pytest.mark.parametrize("text,licensor,licensee", [
    # rights that go back to a company, told with the rights as subject: that company granted them
    ("和瑞医药宣布，其与Orvane Pharma此前签署的HR-9美国商业化协议已终止，相关权益将退还和瑞医药。", "和瑞医药", "Orvane Pharma"),
    ("和瑞醫藥宣佈，其與Orvane Pharma此前簽署的HR-9美國商業化協議已終止，相關權益將退還和瑞醫藥。", "和瑞醫藥", "Orvane Pharma"),
    ("澜石医药公告，其与Dravik Bio于2023年订立的许可协议已终止，LS-3的海外权利将于90日后归还至澜石医药。", "澜石医药", "Dravik Bio"),
    ("瀾石醫藥表示，與Dravik Bio的合作已經終止，LS-3相關權益已全部交還予瀾石醫藥。", "瀾石醫藥", "Dravik Bio"),
])
def test_zh_rights_returned_to_a_company_make_it_the_licensor(text, licensor, licensee):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert (d.licensor.name, d.licensee.name, d.status) == (licensor, licensee, "terminated")


@pytest.mark.parametrize("text,upfront,milestones,total", [
    # a takeover price paid in two parts: cash at closing (the upfront) and the rest on an approval (the milestones)
    ("鼎和医疗拟以约38亿港元的总代价收购博川生物全部已发行股份，交割时支付现金约26亿港元，余下约12亿港元将视乎博川生物的核心产品取得上市批准而支付。",
     2600000000, 1200000000, 3800000000),
    ("鼎和醫療擬以約38億港元的總代價收購博川生物全部已發行股份，交割時支付現金約26億港元，餘下約12億港元將視乎博川生物的核心產品取得上市批准而支付。",
     2600000000, 1200000000, 3800000000),
    ("康晴医药将以10亿元收购博川生物全部股权，其中6亿元于交割时支付，其余4亿元在BC-101获批上市后支付。", 600000000, 400000000, 1000000000),
    ("岳川药业以总价5亿元收购博川生物，首期支付3亿元，剩余2亿元视博川生物产品获得注册批准情况支付。", 300000000, 200000000, 500000000),
])
def test_zh_takeover_price_paid_at_closing_and_on_approval(text, upfront, milestones, total):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert (d.upfront.amount, d.milestones.amount, d.total_value.amount) == (upfront, milestones, total)


@pytest.mark.parametrize("text,licensor,licensee", [
    # an HKEX term list names each party's role in brackets, in a line of its own: the deal takes those roles
    ("董事會欣然宣佈，本公司與Halvorsen Pharma A/S訂立許可協議。\n訂約方：(1) 本公司（作為許可方）；及 (2) Halvorsen Pharma A/S"
     "（作為被許可方）\n首付款：2,500萬美元", None, "Halvorsen Pharma A/S"),
    ("许可协议的主要条款如下：\n订约方：（1）苏州澄川（作为许可方）；及（2）Arvenza Therapeutics（作为被许可方）\n首付款：6,000万美元\n"
     "里程碑付款：合计不超过11.5亿美元", "苏州澄川", "Arvenza Therapeutics"),
    ("苏州澄川（作为许可方）与Arvenza Therapeutics（作为被许可方）订立许可协议。\n首付款：6,000万美元", "苏州澄川", "Arvenza Therapeutics"),
    ("Norvale Bio（作為「被許可方」）與北辰醫藥（作為「許可方」）簽署協議，首付款1000萬美元。", "北辰醫藥", "Norvale Bio"),
])
def test_zh_roles_declared_in_brackets_after_each_party(text, licensor, licensee):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert (d.licensor and d.licensor.name, d.licensee and d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text,total", [
    # the sum an in-licensing company pays 以 … from the owner is the deal's stated value
    ("康哲药业以3000万美元从韩国Korlin Bio引进KL-33的中国权益。", 30000000),
    ("晴川医药以1.2亿元人民币自澜石生物引入LS-9在中国大陆的独家权利。", 120000000),
    ("晴川醫藥以1.2億元人民幣自瀾石生物引入LS-9在中國大陸的獨家權利。", 120000000),
])
def test_zh_sum_paid_to_in_license_from_the_owner(text, total):
    from newsextract import extract

    (d,) = extract(text, lang="zh").deals
    assert d.total_value is not None and d.total_value.amount == total
