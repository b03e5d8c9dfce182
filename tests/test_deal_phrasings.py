"""Phrasing families of real deal news, each a mechanism of the assembly (texts written for these tests).

Each case is an article and the deals it must give: (licensor, licensee, {money field: amount}) in order.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from newsextract import extract

#: a summary paragraph, then a flat list of bullets about the same acquisition (not one deal per bullet)
FLAT_BULLETS = """Nordvale Pharma has completed its acquisition of Brightwell Therapeutics for about $1.1 billion.

Highlights
  • Acquisition closed after 91% of Brightwell's shares were tendered.
  • The offer of $14.00 per share totalled about $1.1 billion.
  • Brightwell's kinase programs can strengthen Nordvale's oncology pipeline.
  • The acquisition fits Nordvale's strategy for growth in Europe.

Commentary

The purchase of Brightwell by Nordvale for $1.1 billion broadens the buyer's oncology reach."""

#: list headings (★ drug, target, company) with the deal under each: one deal per heading
HEADINGS = """Three recent out-licensing deals:

★ QX-101, TROP2 ADC, Qixin Bio
Partner: Merck. Qixin Bio granted Merck global rights for $60 million upfront.

★ QX-202, GLP-1 agonist, Haiyun Pharma
Partner: Novartis. Haiyun Pharma granted Novartis rights outside China for $90 million upfront."""

#: the company whose pipeline a deal strengthens is the buyer, even when named in the possessive
BENEFICIARY = ("Lumenor Bio licensed its IL-23 antibody LMN-23 to Castell Pharma for $45 million upfront. "
               "The deal is expected to bolster Castell Pharma's immunology portfolio.")

#: "paid $X to buy Y": an amount paid to buy something is its price, with no payment word beside it
PAID_TO_BUY = ("Halvard Biosciences paid $640 million to buy Corvane Therapeutics in a deal that closed in May. "
               "Separately, Ostrava Pharma spent about $90 million in cash to acquire Melby Bio. In another deal, "
               "Brenner Pharma agreed to pay up to $700 million in exchange for an ex-China license to a kinase "
               "inhibitor from Yutai Biotech.")

#: a list of deals in one sentence after a lead-in: each item shares the subject and the verb of the first
SPREE = ("Marlow Therapeutics has been on a buying spree this year, having earlier purchased gene-editing firm "
         "Kestrel Bio for $800 million, and Pellam Oncology for $350 million.")

#: later items of a list of deals share the subject; "for $X to Y" sells to Y (Y is no payee)
EXPORTS = ("Hanbit Pharma announced a technology transfer worth about $300 million for a fibrosis candidate to "
           "Velora Therapeutics in March, followed by a diabetes drug for $80 million to Ostrom Bio in May, and "
           "an eczema candidate for $95 million to Calder Health.")

#: talks over several possible transactions are one deal in the making with its potential value; a count of
#: signed deals with their sum is a statistic, no deal's total
TALKS = ("Dunmore Bio is in talks about potential transactions that could earn it up to $3 billion in total payments "
         "for several of its programs. Across the industry, Chinese companies signed nine deals valued at about $12 billion.")

#: "the Big Pharma" refers back to the big company named before it, not to the biotech the sentence was about
BIG_PHARMA = ("Qinghe Bio disclosed a licensing deal with Amgen on Monday. "
              "The Big Pharma will pay $50 million upfront for global rights to QH-12, a TL1A antibody.")

#: "paid $X for «company»": the price of buying it, with no deal word in the clause
PAID_FOR = ("Deal-making picked up in 2023: Vantor Bio paid $2.1 billion for Quellen Therapeutics, and Ashby Pharma "
            "stumped up over $600 million for gene-therapy specialist Norrin Bio.")

#: a Latin full name whose defined short name is not written in it («以下简称「NVT公司」»), and a drug defined the
#: same way (KX-21注射液 is no company)
ZH_DEFINED = ("恒瑞医药公布，公司与美国Norvane Therapeutics Inc.公司（以下简称「NVT公司」）达成协议，将其自主研发的"
              "KX-21注射液（以下简称「KX-21」）项目有偿许可给NVT公司。NVT公司将向恒瑞支付300万美元的首付款。")

#: "the latter's technology" / "the former's agent": the last or the first of the companies named before it
LATTER = ("Qilu Pharma has entered into an exclusive deal with New York-based Eyenovia Inc. to develop and "
          "commercialize formulations that use the latter’s microdosing spray technology, for $5 million upfront.")

#: a person named with a title ("Arun Mehta, Chairman") is no company where the article names them alone
PERSON = ("Arun Mehta, Chairman and Managing Director of Vellore Pharma, spoke after the board meeting. "
          "Mehta said Vellore Pharma will out-license its lead antibody VLP-12 for $100 million upfront.")

#: "the same company": the partner named before, not the subject doing business with it again
SAME_COMPANY = ("Hanul Bio signed a licensing agreement worth about $12 million with Indonesian drugmaker Sari Pharma "
                "in March for its anaemia drug HB-4. Last year Hanul Bio also out-licensed HB-17 to the same company in a "
                "deal worth $90 million.")

#: a name the article introduces with a drug word is a drug wherever it is written ("sales from Velotra")
DRUG_NAMED = ("Pellam Pharma will pay $30 million upfront for rights to the antibody-drug conjugate (ADC) Velotra from "
              "Marlow Bio. Sales from Velotra could reach $500 million, analysts said.")

#: a whole value with no payment word: its parts follow it, or a verb of what a deal could bring comes before it
WHOLE = ("Tamsin Bio is eligible to receive up to $820 million, including an upfront payment of $60 million and "
         "milestones of up to $760 million, from Orland Pharma for its TL1A antibody. Separately, Ivesta Therapeutics "
         "entered an agreement with Corrib Pharma that could bring the antibody developer as much as $2.2 billion.")

#: a period word in a clause about one agreement is no statistic ("… under this agreement … in the third quarter")
ONE_DEAL_PERIOD = ("In July, Norvane Bio entered into a license agreement with Castell Pharma. Norvane expects to "
                   "recognize an upfront payment under this agreement of $12.5 million during the third quarter.")

#: who makes a bid for a company would buy it
BID = ("In March, Ardent Biosciences also made an unsolicited bid for Corwen Therapeutics, valued at around $310 million, "
       "which Corwen's board accepted.")

#: what a deal "could generate … in royalty payments and other income" is its whole value
ROYALTY_INCOME = ("A start-up founded by an Oxford chemist, Pellis Bio, has licensed its antibody to Corran Pharma in a "
                  "deal that could generate £420 million in royalty payments and other income.")

#: two possessive deal phrases joined by "and": one deal each
TWO_POSSESSIVES = ("Notable deals include Amgen's $900 million upfront payment to Qilin Bio for a cancer drug and "
                   "Novartis's licensing deal with Tarven Therapeutics worth up to $2.1 billion.")

#: an earlier licence of another asset to another partner, named in passing, is another deal
EARLIER_OTHER_ASSET = ("Hengrui has entered into a licensing agreement with AbbVie for HR-500, a trispecific antibody, "
                       "with a total deal value of up to $900 million. It is the largest out-licensing in Hengrui's history, "
                       "following the 2022 licensing of HR-278 to Marlow Bio.")

CASES = [
    ("flat bullets", FLAT_BULLETS, [("Brightwell Therapeutics", "Nordvale Pharma", {"total_value": "1100000000"})]),
    ("headings", HEADINGS, [("Qixin Bio", "Merck", {"upfront": "60000000"}),
                            ("Haiyun Pharma", "Novartis", {"upfront": "90000000"})]),
    ("paid to buy", PAID_TO_BUY, [("Corvane Therapeutics", "Halvard Biosciences", {"total_value": "640000000"}),
                                  ("Melby Bio", "Ostrava Pharma", {"total_value": "90000000"}),
                                  ("Yutai Biotech", "Brenner Pharma", {"total_value": "700000000"})]),
    ("list after a lead-in", SPREE, [("Kestrel Bio", "Marlow Therapeutics", {"total_value": "800000000"}),
                                     ("Pellam Oncology", "Marlow Therapeutics", {"total_value": "350000000"})]),
    ("list of exports", EXPORTS, [("Hanbit Pharma", "Velora Therapeutics", {"total_value": "300000000"}),
                                  ("Hanbit Pharma", "Ostrom Bio", {"total_value": "80000000"}),
                                  ("Hanbit Pharma", "Calder Health", {"total_value": "95000000"})]),
    ("talks over transactions", TALKS, [("Dunmore Bio", None, {"total_value": "3000000000"})]),
    ("big pharma descriptor", BIG_PHARMA, [("Qinghe Bio", "Amgen", {"upfront": "50000000"})]),
    ("paid for a company", PAID_FOR, [("Quellen Therapeutics", "Vantor Bio", {"total_value": "2100000000"}),
                                      ("Norrin Bio", "Ashby Pharma", {"total_value": "600000000"})]),
    ("zh defined names", ZH_DEFINED, [("恒瑞医药", "Norvane Therapeutics Inc.", {"upfront": "3000000"})]),
    ("the latter's", LATTER, [("Eyenovia Inc.", "Qilu Pharma", {"upfront": "5000000"})]),
    ("a person is no company", PERSON, [("Vellore Pharma", None, {"upfront": "100000000"})]),
    ("the same company", SAME_COMPANY, [("Hanul Bio", "Sari Pharma", {"total_value": "12000000"}),
                                        ("Hanul Bio", "Sari Pharma", {"total_value": "90000000"})]),
    ("a drug is no company", DRUG_NAMED, [("Marlow Bio", "Pellam Pharma", {"upfront": "30000000"})]),
    ("whole value by context", WHOLE, [("Tamsin Bio", "Orland Pharma", {"total_value": "820000000",
                                                                        "upfront": "60000000"}),
                                        ("Corrib Pharma", "Ivesta Therapeutics", {"total_value": "2200000000"})]),
    ("a period in a clause about one deal", ONE_DEAL_PERIOD, [("Norvane Bio", "Castell Pharma",
                                                               {"upfront": "12500000"})]),
    ("a bid for a company", BID, [("Corwen Therapeutics", "Ardent Biosciences", {"total_value": "310000000"})]),
    ("whole value in royalties and other income", ROYALTY_INCOME, [("Pellis Bio", "Corran Pharma",
                                                                     {"total_value": "420000000"})]),
    ("two possessive deals", TWO_POSSESSIVES, [("Qilin Bio", "Amgen", {"upfront": "900000000"}),
                                               ("Tarven Therapeutics", "Novartis", {"total_value": "2100000000"})]),
    ("an earlier licence of another asset", EARLIER_OTHER_ASSET, [("Hengrui", "AbbVie", {"total_value": "900000000"}),
                                                                   ("Hengrui", "Marlow Bio", {})]),
    ("beneficiary possessive", BENEFICIARY, [("Lumenor Bio", "Castell Pharma", {"upfront": "45000000"})]),
    # two or three deals in one sentence, each with its own subject after "and" (no comma)
    ("and a new subject", "Novartis bought Regulus Therapeutics for $800 million, Eli Lilly bought Verve Therapeutics "
     "for $1 billion and Sanofi bought Vigil Neuroscience for $470 million.",
     [("Regulus Therapeutics", "Novartis", {"total_value": "800000000"}),
      ("Verve Therapeutics", "Eli Lilly", {"total_value": "1000000000"}),
      ("Vigil Neuroscience", "Sanofi", {"total_value": "470000000"})]),
    ("and a new subject after brackets", "Hengrui licensed HRS-4357 to IDEAYA ($75 million upfront) and Mabwell "
     "licensed 9MW3811 to Calico ($25 million upfront).",
     [("Hengrui", "IDEAYA", {"upfront": "75000000"}), ("Mabwell", "Calico", {"upfront": "25000000"})]),
    # a passive licence opening the sentence: "licensed by X to Y" (no list status line "licensed by Y")
    ("passive by-to opening", "Ivonescimab was licensed by Akeso to Summit for $500 million upfront, and SSGJ-707 was "
     "licensed by 3SBio to Pfizer for $1.25 billion upfront.",
     [("Akeso", "Summit", {"upfront": "500000000"}), ("3SBio", "Pfizer", {"upfront": "1250000000"})]),
    # "X's deal with Y for DRUG": X is not written as the drug's owner
    ("possessive deal with", "Merck's deal with Kelun-Biotech for SKB264 carried $175 million upfront; Elevation "
     "Oncology's deal with CSPC for SYSA1801 carried $27 million upfront.",
     [("Kelun-Biotech", "Merck", {"upfront": "175000000"}), ("CSPC", "Elevation Oncology", {"upfront": "27000000"})]),
    # a roundup heading per deal names both companies; the text under it names only the payer
    ("pair headings", "Roche / Innovent\nRoche paid $80 million upfront and up to $1 billion in milestones for "
     "IBI3009.\nBioNTech – Duality Biologics:\nBioNTech paid $170 million upfront for DB-1303.",
     [("Innovent", "Roche", {"upfront": "80000000", "milestones": "1000000000"}),
      ("Duality Biologics", "BioNTech", {"upfront": "170000000"})]),
    # deals named by their value and their two companies ("the $X A/B deal", "the $X A–B licence"), in a list, after a
    # colon, after a verb of comparison ("tops the $X A/B deal")
    ("named deals in a list", "Other recent transactions: the $2 billion Hengrui–Merck deal, the $1.3 billion "
     "Harbour BioMed–AstraZeneca pact.",
     [("Hengrui", "Merck", {"total_value": "2000000000"}), ("Harbour BioMed", "AstraZeneca", {"total_value": "1300000000"})]),
    ("named deals compared", "Pfizer's deal tops the $940 million Hansoh/Regeneron deal and the $1.05 billion "
     "Innovent/Roche deal.",
     [("Hansoh", "Regeneron", {"total_value": "940000000"}), ("Innovent", "Roche", {"total_value": "1050000000"})]),
    # deals counted out one by one after their subject: "one with X … and one with Y …"
    ("one with each", "Hengrui signed two out-licences this year: one with GSK for $500 million upfront and one with "
     "Merck for $200 million upfront.",
     [("Hengrui", "GSK", {"upfront": "500000000"}), ("Hengrui", "Merck", {"upfront": "200000000"})]),
    # a roundup's "$X total" after the amount
    ("total after the amount", "Summit Therapeutics / Akeso: ivonescimab, $500 million upfront, $5 billion total. "
     "Takeda (Innovent): $1.2B upfront, up to $11.4B total, for IBI363. GSK - efimosfermin from Boston "
     "Pharmaceuticals, $1.2B upfront, $2bn total\nNovartis — Regulus Therapeutics acquisition, $0.8B upfront, up to $1.7B total",
     [("Akeso", "Summit Therapeutics", {"upfront": "500000000", "total_value": "5000000000"}),
      ("Innovent", "Takeda", {"upfront": "1200000000", "total_value": "11400000000"}),
      ("Boston Pharmaceuticals", "GSK", {"upfront": "1200000000", "total_value": "2000000000"}),
      ("Regulus Therapeutics", "Novartis", {"upfront": "800000000", "total_value": "1700000000"})]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_deal_phrasing(name, text, expected):
    deals = extract(text).deals
    got = [(d.licensor.name if d.licensor else None, d.licensee.name if d.licensee else None) for d in deals]
    assert got == [(a, b) for a, b, _ in expected]
    for deal, (_, _, money) in zip(deals, expected, strict=True):
        for field, amount in money.items():
            value = getattr(deal, field)
            assert value is not None and value.amount == Decimal(amount), (field, value)


ZH_TWO_WAY = ("2019年3月，华岭生物曾与康拓制药达成战略合作，将其在研的代号为HL-207的PD-L1抑制剂，用于实体瘤在欧美地区的授权"
              "给予康拓制药。同时，华岭生物获得了康拓公司2款产品(瑞宁达和维康泰)在中国的独家授权。")
EN_PRODUCT_LIST = ("Castell Pharma has granted Norvane Bio exclusive rights in China to two marketed products (Relvita and "
                   "Omnaxa), the companies said on Monday.")


def test_zh_grant_across_commas_and_product_list():
    """将…授权给予X across commas; 获得了X的N款产品(A和B)的授权; 康拓公司 is 康拓制药 (one core, two designators)."""
    deals = extract(ZH_TWO_WAY).deals
    got = [(d.licensor.name, d.licensee.name, d.assets) for d in deals]
    assert got == [("华岭生物", "康拓制药", ["HL-207"]), ("康拓制药", "华岭生物", ["瑞宁达", "维康泰"])]


def test_en_product_list():
    deals = extract(EN_PRODUCT_LIST).deals
    assert [(d.licensor.name, d.licensee.name, d.assets) for d in deals] == [
        ("Castell Pharma", "Norvane Bio", ["Relvita", "Omnaxa"])]


ZH_PINYIN = ("10月9日,华岭生物發(fā)布公告,全資子公司Hualing Pharma Inc.與上市公司Kangtuo Bio, Inc.(以下簡稱Kangtuo)"
             "簽(qiān)署授權(quán)許(xǔ)可協(xié)議,將產(chǎn)品HL-207的全球權(quán)益有償許(xǔ)可給Kangtuo。Kangtuo將向"
             "华岭生物支付5000萬美元的首付(fù)款。")
ZH_OPTION_FEES = ("华岭生物宣布与阿斯利康深化合作。根据协议，阿斯利康将在未来三年内，每年向华岭生物提名研发项目，并获得这些项目的"
                  "授权许可选择权。华岭生物将有资格获得选择权费、选择权行使费及里程碑付款，总额最高达12亿美元。")


def test_zh_pinyin_annotations_are_read_past():
    """A page with pinyin after its characters (授權(quán)): read without it; evidence still indexes the original."""
    rec = extract(ZH_PINYIN)
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in rec.deals] == [
        ("华岭生物", "Kangtuo Bio, Inc.", Decimal("50000000"))]
    for ev in rec.deals[0].evidence:
        assert ZH_PINYIN[ev.start:ev.end] == ev.text
    assert "pinyin" in rec.warnings[-1]


def test_zh_subject_past_an_ascii_comma_and_option_fees():
    """'X将…，并获得…选择权' (the subject goes on past a comma); 选择权费 is money the other party receives."""
    deals = extract(ZH_OPTION_FEES).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("华岭生物", "阿斯利康")]


ZH_TW_ROUNDUP = (
    "最早的收購發生在2009年,Corvane以每股40元、合計12.6億元收購以原料藥生產為主的國際康泰,而華新群以私募方式斥資1.5億美元"
    "收購永昇52%股權;另外,百達醫學則是被高盛旗下潤豐投資以每股60元全資收購,總交易金額約48億元。\n"
    "宏遠開發治療乾癬與 類風濕關節炎的HY301,則以3.2億美元和未來上市後 的銷售分潤,授權全球皮膚醫學大廠瑞典Calmora Pharma。")


def test_zh_taiwan_roundup_of_buyers_and_licences():
    """'而X以…收購Y' (a buyer opening a clause), '收購…的X' (the company bought, described first), '被A旗下B收購' (the
    unit buys), '以$X授權全球…大廠Y' (licensed for a sum), and stray spaces after 與 / before 的 that cut no sentence."""
    deals = extract(ZH_TW_ROUNDUP).deals
    assert [(d.deal_type, d.licensor.name, d.licensee.name) for d in deals] == [
        ("acquisition", "康泰", "Corvane"), ("acquisition", "永昇", "華新群"), ("acquisition", "百達醫學", "潤豐投資"),
        ("license", "宏遠", "Calmora Pharma")]
    assert deals[-1].assets == ["HY301"] and deals[1].total_value.amount == Decimal("150000000")


@pytest.mark.parametrize("text,milestones", [
    ("Pellam licensed its ADC to Corvane for an upfront payment of $70 million and development, regulatory and "
     "commercial milestone payments potentially totaling over $1 billion.", "1000000000"),
    ("Castell was given worldwide rights to the platform by Ostrom for an initial payment of $13 million and "
     "milestones that could total $1.37 billion.", "1370000000"),
    ("Hanul licensed the antibody to Sari Pharma, giving Hanul the chance to earn up to $2.4 billion in total "
     "milestone payments.", "2400000000"),
])
def test_milestones_that_total_an_amount_are_milestones(text, milestones):
    deal = extract(text).deals[0]
    assert deal.milestones is not None and deal.milestones.amount == Decimal(milestones)
    assert deal.total_value is None or deal.total_value.amount != Decimal(milestones)


FILING_GLUE = ("On March 3 2025Innovent Biologics (Suzhou) Co. Ltd. and Norvane Therapeutics Inc. entered into an "
               "out-license agreement for IBI-3210. In return Innovent shall receive an upfront and near- term payment "
               "of US$20 million, and the total deal value was up to $310 million depending on development milestones.")


def test_filing_with_a_glued_year_a_city_unit_and_a_conditional_total():
    """A year glued to a name; 'X (Suzhou) Co. Ltd.' is X; 'A and B entered into an out-license agreement' (A licenses
    out); 'near- term'; 'the total deal value was … depending on development milestones' is a total."""
    deals = extract(FILING_GLUE).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [
        ("Innovent Biologics (Suzhou) Co. Ltd.", "Norvane Therapeutics Inc.")]
    assert deals[0].upfront.amount == Decimal("20000000") and deals[0].total_value.amount == Decimal("310000000")
    assert deals[0].milestones is None


WEAK_OWNER = ("A subcutaneous version of Norvane Bio’s blockbuster antibody-drug conjugate Enhertix could be in the works "
              "from Korea’s Hanul Pharma following a licensing deal worth up to $300 million. Under the deal, Norvane will "
              "pay Hanul $20 million upfront to develop the new formulation using its enzyme platform.")


def test_a_plain_statement_with_terms_overrides_the_owner_reading():
    """"X's drug … from Y" reads X as the licensor (a weak frame); "X will pay Y $20 million upfront" then says who
    licenses to whom, and the two are one deal."""
    deals = extract(WEAK_OWNER).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.total_value.amount) for d in deals] == [
        ("Hanul Pharma", "Norvane Bio", Decimal("20000000"), Decimal("300000000"))]


OPTION_PARTNER = ("Under the terms of the collaboration, Corrib Bio is entitled to upfront payments of CHF8 million, the "
                  "Zurich-based company said. Should Tamsin Pharma exercise a license option, development and sales-based "
                  "payments of up to CHF300 million would be added, plus tiered royalties. The two companies will advance "
                  "a CorribBio program against resistant infections.")


def test_the_partner_named_in_the_next_sentence_completes_the_deal():
    """A deal with one named party (X is entitled to $…) and, next, the other party with the other role ('Should Y
    exercise a license option'): one deal. A company's name before 'program' is no target."""
    deals = extract(OPTION_PARTNER).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.milestones.amount, d.targets) for d in deals] == [
        ("Corrib Bio", "Tamsin Pharma", Decimal("8000000"), Decimal("300000000"), [])]


NEWCO_RIGHTS = ("Last week, Suzhou-based Qilin Biotech outlicensed the global rights to its siRNA candidate QL-7141. The "
                "rights were acquired by the US investment firm Corven Capital through its NewCo Arvane Bio in a deal worth "
                "up to $800 million.")


def test_rights_acquired_by_a_newco_complete_the_out_licence():
    """'The rights were acquired by X through its NewCo Y': Y holds the licence the previous sentence gave out."""
    deals = extract(NEWCO_RIGHTS).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Qilin Biotech", "Arvane Bio", Decimal("800000000"))]


@pytest.mark.parametrize("text,licensor,licensee", [
    ("华岭生物与康拓制药宣布终止双方关于HL-207的合作。协议生效后，华岭生物重新获得HL-207的全部全球权利。此次终止不影响华岭生物"
     "此前已从康拓制药收到的2亿美元首付款。", "华岭生物", "康拓制药"),
    ("Norvane Bio and Castell Pharma ended their collaboration on NV-310. Norvane regains full global rights to the "
     "antibody and keeps the $90 million upfront payment it received from Castell.", "Norvane Bio", "Castell Pharma"),
])
def test_who_regains_the_rights_granted_them(text, licensor, licensee):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.status) for d in deals] == [(licensor, licensee, "terminated")]


def test_a_price_paid_for_a_company_is_an_acquisition_without_a_deal_word():
    """'X paid $43 billion for Y' names no deal word: the frame itself says it is an acquisition."""
    deals = extract("In 2024, Corwen Pharma paid $4.3 billion for Ardent Biosciences, and Tarven Therapeutics stumped up over "
                    "$900 million for gene-editing pioneer Lumenor Bio.").deals
    assert [(d.deal_type, d.licensor.name, d.licensee.name) for d in deals] == [
        ("acquisition", "Ardent Biosciences", "Corwen Pharma"), ("acquisition", "Lumenor Bio", "Tarven Therapeutics")]


def test_possessive_sale_to():
    """"X's sale of rights to D … to Y": X sells, Y buys (not the reverse a prior would guess)."""
    deals = extract("The deal follows Corrib Pharma’s sale of rights to Velotra outside Europe in May to Ostrom "
                    "Therapeutics for $210 million, a unit of the Hanul Group.").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Corrib Pharma", "Ostrom Therapeutics")]


def test_rights_handed_back_go_to_who_granted_them():
    deals = extract("Tarven Therapeutics hands back two gene therapy programs to Lumenor Bio, ending the licence "
                    "signed in 2021 for a $40 million upfront payment.").deals
    assert [(d.licensor.name, d.licensee.name, d.status) for d in deals] == [
        ("Lumenor Bio", "Tarven Therapeutics", "terminated")]


def test_zh_rights_returned_go_to_who_granted_them():
    deals = extract("康拓制药今日宣布，已将HL-207在中国以外的全部权利归还给华岭生物，双方于2021年签署的许可协议随之终止。").deals
    assert [(d.licensor.name, d.licensee.name, d.status) for d in deals] == [("华岭生物", "康拓制药", "terminated")]


def test_a_coordinated_subject_licenses_as_its_first_company():
    deals = extract("Qilin Biotech and Harbin Pharma have out-licensed global rights to their co-developed antibody "
                    "QH-12 to Windmere Bio for $30 million upfront.").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Qilin Biotech", "Windmere Bio")]


ZH_WRAPPED_FILING = "\n\n".join([
    "    证券代码:300999              证券简称:康拓制药",
    "    本公司及董事会全体成员保证信息披露的内容真实、准确、完整,没有虚",
    "假记载、误导性陈述或重大遗漏。",
    "    2023 年 6 月 8 日,康拓制药股份有限公司(以下简称“公司”)第三届董事",
    "会第二十次会议审议通过《关于签署技术转让合同的议案》,董事会同意公",
    "司受让华岭大学“一种多肽抗菌药物及其制备方法”中 4 条序列的全球独",
    "占许可权,并签署了《技术转让合同》,项目总金额 3,200 万元。双方将在",
    "合同约定的期限内共同推进项目的临床前研究与后续开发工作。公司将根据",
    "项目进展情况及时履行信息披露义务,敬请广大投资者注意投资风险。本",
    "次交易不构成关联交易,也不构成《上市公司重大资产重组管理办法》规",
    "定的重大资产重组,无需提交公司股东大会审议。特此公告。",
])


def test_zh_filing_wrapped_every_line_with_blank_lines_between():
    """A filing cut at a fixed width with a blank line after each line reads as sentences; '受让X的…许可权'."""
    deals = extract(ZH_WRAPPED_FILING).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("华岭大学", "康拓制药股份有限公司", Decimal("32000000"))]


ZH_PDF_LINES = "\n".join([
    "本公司與康寧醫藥股份有限公司(下稱康寧),分別針對本",
    "公司開發之抗體藥物KN-031應用於兩個適應症於中國大陸",
    "及香港,授予康寧於各該區域獨家開發權及銷售權等事宜,",
    "並分別簽署相關協議。本公司將依中國大陸開發進度,取得許",
    "可費及酬金,合計人民幣壹仟伍佰萬元,並分享藥品上市後",
    "之銷售提成費,康寧之許可費將依里程分次給付。本公司將依",
    "主管機關規定辦理相關公告事宜,並視合約執行進度適時對外",
    "說明,敬請投資人注意投資風險並審慎評估本交易之影響範圍。",
])


def test_zh_pdf_lines_that_cut_words():
    """A filing wrapped inside words (取得許|可費) reads as if unwrapped; evidence still indexes the original;
    '授予X於…獨家開發權' names the licensee without a subject; '許可費及酬金,合計…' is the whole value."""
    rec = extract(ZH_PDF_LINES)
    assert [(d.licensee.name, d.total_value.amount, d.total_value.currency) for d in rec.deals] == [
        ("康寧醫藥股份有限公司", Decimal("15000000"), "CNY")]
    for ev in rec.deals[0].evidence:
        assert ZH_PDF_LINES[ev.start:ev.end] == ev.text


def test_zh_refund_goes_back_to_the_payer():
    """'X已收到Y返还的首付款': X paid it (licensee); a name its context found once (全资子公司X) is X everywhere."""
    deals = extract("华岭生物(600001)公告,全资子公司康信药业与贵州宁诺及其子公司江苏宁诺签署的HL-842项目合作协议已终止。"
                    "根据《终止协议》,康信药业已收到宁诺生物返还的1.2亿元首付款。").deals
    assert [(d.licensee.name, d.status) for d in deals] == [("康信药业", "terminated")]
    assert deals[0].licensor.name in ("贵州宁诺", "宁诺生物", "江苏宁诺")


ROYALTY_FINANCE = ("In Q3 alone, Blackstone Life Sciences both completed a $240 million sale of its royalty interest in Marlow "
                   "Bio’s Velotra to Ostrom Royalty Partners and entered into a $500 million synthetic royalty "
                   "transaction tied to future sales of QX-210 via a development funding agreement with Merck.")


def test_one_fund_two_deals_in_one_sentence():
    """'In Q3 alone, X both completed a sale of … to Y and entered into … with Z': a period leading a clause whose
    subject is a company is no statistic; 'and entered into' starts the second deal; 'a $240 million sale of … to Y'."""
    deals = extract(ROYALTY_FINANCE).deals
    assert [(d.licensor and d.licensor.name, d.total_value.amount) for d in deals][0] == (
        "Blackstone Life Sciences", Decimal("240000000"))
    assert deals[0].licensee.name == "Ostrom Royalty Partners"
    # the second clause's subject is the first's (not carried over yet): only Merck is named there
    assert len(deals) == 2 and deals[1].total_value.amount == Decimal("500000000")
    assert "Merck" in {p.name for p in (deals[1].licensor, deals[1].licensee) if p}


def test_a_fund_pays_the_drug_company():
    """Nothing in the text says who pays: a fund funding a drug company's programme is the payer."""
    deals = extract("Blackstone Life Sciences and Merck signed a $700 million development funding agreement for "
                    "MK-2870.").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Merck", "Blackstone Life Sciences")]


def test_an_amount_that_depends_on_milestones_is_a_milestone_amount():
    deal = extract("Marlow Bio will pay up to $1.3 billion for Tarven Therapeutics, with $1 billion upfront and $300 "
                   "million based on Tarven achieving certain performance milestones.").deals[0]
    assert (deal.upfront.amount, deal.milestones.amount, deal.total_value.amount) == (
        Decimal("1000000000"), Decimal("300000000"), Decimal("1300000000"))


def test_many_deals_named_after_this_deals_term_are_a_comparison():
    deals = extract("Qilin Biotech licensed QL-9821 to Castell Pharma. The deal includes an upfront payment of "
                    "USD300 million, which is large compared with Qilin's previous 12 out-licensing agreements.").deals
    assert [(d.licensor.name, d.upfront.amount) for d in deals] == [("Qilin Biotech", Decimal("300000000"))]


def test_an_ended_agreement_without_terms_is_a_deal():
    """'X announced the termination of its collaboration agreement with Y … X regains full rights to the programs':
    a terminated deal even when no amount, drug code or target is written."""
    deals = extract("Lumenor Therapeutics announced on Dec. 12 the termination of its collaboration agreement with "
                    "Biogen, effective March 8. The news means that Lumenor regains full rights to the retinal "
                    "gene therapy programs.").deals
    assert [(d.licensor.name, d.licensee.name, d.status) for d in deals] == [
        ("Lumenor Therapeutics", "Biogen", "terminated")]


def test_a_company_shaped_like_an_inn_is_no_drug():
    deals = extract("Corrib Therapeutics licensed its antibody CR-210 to Biogen for $30 million upfront. Corrib will "
                    "also receive royalties.").deals
    assert [(d.licensor.name, d.assets) for d in deals] == [("Corrib Therapeutics", ["CR-210"])]


@pytest.mark.parametrize("text", [
    "华岭生物宣布与康拓制药达成许可协议，华岭生物将向康拓制药支付2亿美元首付款。12月22日，康拓制药的母公司宁远集团也发布了"
    "关于这项合作的公告：康拓制药及华岭生物同意共同开发HL-207。",
    "Hanul Bio will pay Sari Pharma $200 million upfront under the licence. Sari Pharma's parent Norvane Holdings "
    "also announced the deal, under which Sari Pharma and Hanul Bio will co-develop SP-207.",
])
def test_a_parent_named_beside_its_unit_is_no_second_deal(text):
    deals = extract(text).deals
    assert len(deals) == 1 and deals[0].upfront.amount == Decimal("200000000")


def test_a_city_descriptor_and_a_deal_valued_as_much_as():
    deals = extract("Pfizer said it would stop discovery work in neuroscience. The New York drugmaker in March agreed to "
                    "sell an experimental drug to Lumenor Bio in a deal valued as much as $590 million, plus "
                    "royalties.").deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Pfizer", "Lumenor Bio", Decimal("590000000"))]


def test_a_parent_in_an_appositive_is_no_party():
    """'X, a wholly owned subsidiary of Y, received …': Y only says whose X is; the sentence continues the deal
    before it."""
    deals = extract("★ HB-310, TROP2, Hebei Mingda Bio\nStatus: Novartis obtained exclusive rights outside China in "
                    "April 2023. Hebei Mingda Bio, a wholly owned subsidiary of Jinyu Pharmaceutical Group, received "
                    "$40 million upfront and may earn up to $900 million in milestones.").deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("Hebei Mingda Bio", "Novartis", Decimal("40000000"))]


def test_a_deal_naming_one_party_takes_its_counterpart_from_the_article():
    """The story of a series of deals between two companies: 'In May, X licensed Z …' names only X; X's
    counterpart in every other deal of the article is the other party."""
    deals = extract("Castell Pharma has licensed seven ADC candidates from Qilin Biotech for $175 million upfront. "
                    "It is the third deal between them. In May, Castell Pharma licensed QL-264, a TROP2 ADC, paying "
                    "$47 million upfront.").deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("Qilin Biotech", "Castell Pharma", Decimal("175000000")),
        ("Qilin Biotech", "Castell Pharma", Decimal("47000000"))]


def test_a_target_the_vocabulary_knows_is_no_company():
    """'X inks FcRn deal with Y': FcRn is the drug's target, not a third company."""
    deals = extract("Norvik Bio inks $900 million FcRn deal with US-based Calder Pharma. Norvik Bio has licensed "
                    "global rights to its FcRn blocker NV-210 to Calder Pharma.").deals
    assert [(d.licensor.name, d.licensee.name, d.targets) for d in deals] == [
        ("Norvik Bio", "Calder Pharma", ["FcRn"])]


@pytest.mark.parametrize("text", [
    "Norvik Bio licensed rights to NV-210 to Shanghai-based Calder Pharma for $30 million upfront.",
    "Norvik Bio granted US-based Calder Pharma exclusive rights to NV-210 for $30 million upfront.",
    "Norvik Bio sold its rights to NV-210 to Swiss drugmaker Calder Pharma for $30 million upfront.",
])
def test_a_described_company_after_the_verb_is_the_licensee(text):
    """'to Shanghai-based Y', 'granted US-based Y', 'to Swiss drugmaker Y': the description is no gap."""
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Norvik Bio", "Calder Pharma")]


def test_a_city_that_begins_a_registered_name_is_part_of_it():
    """'Hangzhou Ruiyang Biopharma' is the full name; 'Ruiyang' later is the same company."""
    deals = extract("Norvik Bio licensed its FcRn antibody NV-210 to Hangzhou Ruiyang Biopharma Co., Ltd. for $15 "
                    "million upfront. Ruiyang will also pay up to $190 million in milestones.").deals
    assert [(d.licensor.name, d.licensee.name, d.milestones.amount) for d in deals] == [
        ("Norvik Bio", "Hangzhou Ruiyang Biopharma Co., Ltd.", Decimal("190000000"))]


def test_a_licence_to_a_new_partner_after_a_takeover_offer_is_another_deal():
    deals = extract("Coralind Therapeutics rejected a takeover proposal from Swedish drugmaker Lindvik Pharma that "
                    "valued it at about A$1.2 billion. In 2019 Coralind licensed China rights to CRL-411 to "
                    "Shanghai-based Jinhai Biopharma for $35 million upfront.").deals
    licence = [d for d in deals if d.licensee and d.licensee.name == "Jinhai Biopharma"]
    assert len(licence) == 1 and licence[0].total_value is None and licence[0].upfront.amount == Decimal("35000000")


def test_a_kind_descriptor_refers_to_the_latest_company_of_its_kind():
    """'… changes to the Sanofi collaboration minutes after disclosing a deal with Gilead. The Big Biotech has
    committed …': of two big companies in the sentence before, the one named last."""
    deals = extract("Norvik Bio shared news of changes to its Sanofi collaboration minutes after disclosing an "
                    "oncology deal with Gilead. The Big Biotech has committed $85 million in upfront payments for "
                    "an option to license NV-330.").deals
    assert [d.licensee.id for d in deals if d.upfront] == ["gilead"]


@pytest.mark.parametrize("text", [
    "We have out-licensed NV-4059, a BTK inhibitor to Castell Pharma Inc. and NV-9054, an FP/EP3 agonist to Qilin "
    "Biotech Co., Ltd. Both partners are developing the compounds.",
    "Norvik Bio out-licensed NV-4059 to Castell Pharma and NV-9054 to Qilin Biotech this week, for $20m and $15m "
    "upfront respectively; milestones were not disclosed.",
])
def test_pairs_of_asset_and_licensee_after_one_verb_are_one_deal_each(text):
    """'out-licensed A to X and B to Y': two deals, each asset with its own licensee; amounts listed after them
    with 'respectively' go to each in order."""
    deals = extract(text).deals
    assert [(d.licensee.name.split()[0], d.assets[0]) for d in deals] == [("Castell", "NV-4059"), ("Qilin", "NV-9054")]
    if "respectively" in text:
        assert [d.upfront.amount for d in deals] == [Decimal("20000000"), Decimal("15000000")]
        assert {d.licensor.name for d in deals} == {"Norvik Bio"}


@pytest.mark.parametrize("text", [
    "岱遠藥業發佈公告,宣佈與Norvik Inc.(“Norvik公司”)簽訂獨家許可協議。岱遠藥業將獨家授權Norvik公司在大中華區以外地區開發DY-101。"
    "Norvik公司將獲得DY-101在大中華區以外的獨家商業化權利。",
    "岱远药业发布公告,宣布与Norvik Inc.(“Norvik公司”)签订独家许可协议。岱远药业将独家授权Norvik公司在大中华区以外地区开发DY-101。"
    "Norvik公司将获得DY-101在大中华区以外的独家商业化权利。",
])
def test_a_latin_name_written_with_gongsi_is_that_company(text):
    """'Norvik公司' is Norvik written with 公司 (company), not Norvik followed by a reference to the article's own
    company: one deal, Norvik the licensee throughout."""
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("岱遠藥業" if "遠" in text else "岱远药业",
                                                                    "Norvik Inc.")]


def test_brought_in_under_a_licence_from_a_company():
    """'由美國X公司授權引進的平台': X is the licensor of what was brought in."""
    deals = extract("岱遠藥業開發的DY-101採用由美國Lorvane Biosciences公司授權引進的抗體平台。").deals
    assert [d.licensor.name for d in deals] == ["Lorvane Biosciences"]


def test_an_amount_before_upfront_and_milestones_of_their_own_are_two_terms():
    """'agreeing to $40 million upfront and milestone payments of up to $850 million': each amount has its own
    kind (the combined 'upfront and milestone payments' reading is for one amount); 'is returning to Y for another
    asset' hands nothing back."""
    deals = extract("Hokumi Pharma is returning to Castell Bio for another RAS asset, agreeing to $40 million upfront "
                    "and milestone payments of up to $850 million for rights outside the US to CB-218.").deals
    assert [(d.upfront.amount, d.milestones.amount, d.total_value) for d in deals] == [
        (Decimal("40000000"), Decimal("850000000"), None)]
    assert (deals[0].licensor.name, deals[0].licensee.name) != ("Hokumi Pharma", "Castell Bio")


@pytest.mark.parametrize("text", [
    "In 2023 Hanul Pharma signed two ADC licences with GSK, HN-93 (targeting B7-H3) and HN-89 (targeting B7-H4), "
    "with upfront payments of respectively $185 million and $85 million.",
    "2023年,翰诺制药与GSK签署两项ADC许可协议,HN-93(靶向B7-H3)和HN-89(靶向B7-H4)的首付款分别为1.85亿美元和8500万美元。",
])
def test_amounts_listed_respectively_go_to_each_drug(text):
    deals = extract(text).deals
    assert sorted((d.assets[0], int(d.upfront.amount), d.targets[0]) for d in deals) == [
        ("HN-89", 85000000, "B7-H4"), ("HN-93", 185000000, "B7-H3")]


def test_acquired_by_without_a_verb_to_be():
    """A note or headline drops 'was': 'Status: X acquired by Y for up to $950M' — Y buys X."""
    deals = extract("★ NB-327, PD-L1/VEGF, Norvik Bio\nStatus: Norvik Bio acquired by Castell Pharma for up to $950M; "
                    "deal closed Q1 2025.").deals
    assert [(d.licensor.name, d.licensee.name, d.deal_type) for d in deals] == [
        ("Norvik Bio", "Castell Pharma", "acquisition")]


def test_a_payment_word_across_a_comma_yields_to_the_one_after_the_amount():
    """'$110M upfront and near-term, 19.9% equity stake, up to about $5.75B in milestones': the amount is the
    milestones' (named right after it), not the equity's (named before the comma)."""
    deal = extract("Castell Therapeutics licensed HN-9531 from Hanul Pharma: $110M upfront and near-term, 19.9% "
                   "equity stake, up to about $5.75B in milestones.").deals[0]
    assert (deal.milestones.amount, deal.equity) == (Decimal("5750000000"), None)


def test_a_list_heading_of_the_same_company_opens_its_next_deal():
    """Two headings in a row name the same company: the second opens a new entry (its next deal), it does not add
    its drug to the entry before."""
    deals = extract("★ HN-20094, GLP-1/GIP, Hanul Pharma\nPartner: Regeneron (June 2025) – $80M upfront, up to $1.93B "
                    "in milestones\n\n★ HN-10535, oral GLP-1, Hanul Pharma\nPartner: Merck – $112M upfront, up to $1.9B "
                    "milestones\n").deals
    assert [(d.licensor.name, d.licensee.name, d.assets) for d in deals] == [
        ("Hanul Pharma", "Regeneron", ["HN-20094"]), ("Hanul Pharma", "Merck", ["HN-10535"])]


def test_a_drug_named_in_the_lead_clause_of_the_deal_sentence():
    """'Following data on X's drug A, the Seoul-based company has licensed the drug to Kenilworth, N.J.-based Y':
    the clause before names the drug; the descriptor is X; the place before Y is no gap."""
    deals = extract("SEOUL – Following positive phase II data on Hanul Pharmaceutical Co. Ltd.’s once-weekly GLP-1 "
                    "agonist, hanopegdutide, in NASH, the Seoul-based company has exclusively licensed the drug to "
                    "Kenilworth, N.J.-based Merck & Co. Inc. for the indication.").deals
    assert [(d.licensor.name.split()[0], d.licensee.name.split()[0], d.assets) for d in deals] == [
        ("Hanul", "Merck", ["hanopegdutide"])]


@pytest.mark.parametrize("text,want", [
    # a frame that binds both sides states a deal, with no deal word in the clause
    ("Last month Hanul Pharma transferred the manufacturing technology of HK-CAB (ingredient: tegoprazan), a reflux "
     "drug, to Eurofarma, a Brazilian pharmaceutical company. It did not disclose the size of the contract.",
     {"Hanul Pharma", "Eurofarma"}),
    # ', with Y, its U.S. affiliate, on Jan. 4': Y is the object of 'with', no new clause
    ("Norvik Cell signed a license contract for AB-205, a T-cell lymphoma treatment, with Artiva Biotherapeutics, "
     "its U.S. affiliate, on Jan. 4.", {"Norvik Cell", "Artiva Biotherapeutics"}),
])
def test_deals_stated_by_their_verb_and_object(text, want):
    deals = extract(text).deals
    assert [{d.licensor.name, d.licensee.name} for d in deals] == [want]


def test_a_deal_compared_with_others_named_by_their_parties():
    """'X's $970mn deal with Y is comparable in scale to the $940mn A/B deal and the $1.05bn C/D deal': three
    deals, each with its own value."""
    deals = extract("Norvik Bio’s US$970mn deal with Windmere is comparable in scale to the US$940mn Biolane/Acris "
                    "deal and the US$1.05bn Hanul/Aiolan Bio deal.").deals
    got = {(tuple(sorted((d.licensor.name if d.licensor else "", d.licensee.name if d.licensee else ""))),
            int(d.total_value.amount)) for d in deals}
    assert got == {(("Norvik Bio", "Windmere"), 970000000), (("Acris", "Biolane"), 940000000),
                   (("Aiolan Bio", "Hanul"), 1050000000)}


def test_found_a_buyer_for_rights_and_the_drug_of_the_lead_clause():
    """'With a readout of its trial of A ahead, X has found a buyer for Japanese rights to the product. Y is paying
    €20 million up front': X licenses A to Y."""
    deals = extract("DUBLIN – With six months to go before a readout from its phase III trial of norfotase alfa in "
                    "kidney injury, Dellmar Pharma BV has already found a buyer for Japanese rights to the product. "
                    "Kagawa Kirin Co. Ltd. is paying €20 million up front and could pay up to €225 million more in "
                    "milestones.").deals
    assert [(d.licensor.name, d.licensee.name, d.assets, int(d.upfront.amount)) for d in deals] == [
        ("Dellmar Pharma BV", "Kagawa Kirin Co. Ltd.", ["norfotase alfa"], 20000000)]


def test_a_sales_level_and_a_triggered_payment_are_no_milestone_ceiling():
    """'Norvik to receive $20M milestone from Castell as Velotra tops $200M': '$200M' is a sales level, and 'a $20
    million milestone payment' that the sales triggered is one payment, not the deal's milestone ceiling."""
    deals = extract("Norvik to receive $20M milestone from Castell Pharma as Velotra tops $200M in first full year\n\n"
                    "French biotech Norvik Bio will receive a $20 million commercial milestone payment after Castell "
                    "Pharma reported $208 million in 2025 net sales of Velotra, surpassing the $200 million threshold "
                    "set out in the companies’ 2021 licensing agreement.").deals
    assert all(d.milestones is None for d in deals)


def test_sales_commissions_in_a_range_are_tiered_royalties():
    """Machine-translated Chinese calls royalties 'sales commissions' (销售提成); a range of rates is a tiered scale."""
    deal = extract("Castell Pharma will pay Hengyu Pharmaceutical 110 million US dollars in down payment, and sales "
                   "commissions that reach a low single-digit to low double-digit ratio of annual net sales.").deals[0]
    assert deal.royalty is not None and deal.royalty.tiered


def test_a_name_a_filing_defines_after_a_company_is_that_company():
    """'X Co., Ltd. (the "Purchaser") … the Purchaser has agreed to acquire Y': every later 'Purchaser' is X."""
    deals = extract('On 18 November 2024, Lanhua Pharmaceutical (Suzhou) Co., Ltd. (the "Purchaser"), a subsidiary of '
                    'the Company, entered into an agreement pursuant to which the Purchaser has agreed to acquire 70% '
                    'of Qiantang Biologics Co., Ltd. at a total consideration of RMB1,200 million.').deals
    assert [d.licensee.name for d in deals] == ["Lanhua Pharmaceutical (Suzhou) Co., Ltd."]


def test_a_later_sentence_gives_a_party_of_the_deal_its_role():
    """'In July we entered into a licence agreement with X. Under it, X received exclusive commercialization rights
    to A …': no deal word in the second sentence, but its verb makes X the licensee of the deal just described."""
    deals = extract("In July 2019, we entered into a collaboration and license agreement with Norvik Lab (Shanghai) "
                    "Co., Ltd. Under the terms of this agreement, Norvik Lab received development and exclusive "
                    "commercialization rights to NV-0012 in mainland China. We expect to recognize an upfront payment "
                    "under this agreement of $17.5 million.").deals
    assert [(d.licensee.name if d.licensee else None, d.assets) for d in deals] == [
        ("Norvik Lab (Shanghai) Co., Ltd.", ["NV-0012"])]


#: a company bought that the article does not name, and a bid for "the company": both acquisitions, the buyer pays
UNNAMED_TARGET = ("Harwick Pharma Inc is said to be working with advisers to buy a Boston-based rare disease "
                  "developer valued at roughly $1.5 billion. Harwick is itself a target: Ostrell Plc has made an "
                  "$18 billion bid for the company.")


def _typed(text: str, money_field: str) -> list[tuple]:
    """(deal type, licensor, licensee, amount of one money field) of each deal of ``text``."""
    out = []
    for d in extract(text).deals:
        money = getattr(d, money_field)
        out.append((d.deal_type, d.licensor.name if d.licensor else None, d.licensee.name if d.licensee else None,
                    money.amount if money else None))
    return out


def test_a_company_bought_unnamed_and_a_bid_for_the_company_are_acquisitions():
    assert _typed(UNNAMED_TARGET, "total_value") == [("acquisition", None, "Harwick Pharma Inc", Decimal("1500000000")),
                   ("acquisition", "Harwick Pharma Inc", "Ostrell Plc", Decimal("18000000000"))]


#: "the Big Pharma" is the big company named before it, though a biotech stands nearer; money handed back is no term
#: and no new deal; an option to co-promote is no option deal
BIG_PHARMA_AFTER_BIOTECH = (
    "Novartis licensed global rights to Qinmei Bio's kidney candidates, paying $90 million up front, plus royalties. "
    "Qinmei keeps an exclusive option to co-promote in China. Days after announcing the Qinmei transaction, the Big "
    "Pharma also said it is paying $40 million up front for rights to Ardent Therapeutics' lupus antibody.\n\n"
    "Update: the partners have amended the deal. Qinmei returned $30 million of the upfront payment.")


def test_big_pharma_descriptor_skips_a_nearer_biotech_and_a_refund_is_no_term():
    assert _typed(BIG_PHARMA_AFTER_BIOTECH, "upfront") == [("license", "Qinmei Bio", "Novartis", Decimal("90000000")),
                   ("license", "Ardent Therapeutics", "Novartis", Decimal("40000000"))]


@pytest.mark.parametrize("text,licensor,licensee", [
    ("去年首付款最高的交易，是瀚海生物与美国诺华集团旗下的山德士就一款BTK抑制剂达成的许可协议，首付款为3亿美元。",
     "瀚海生物", "山德士"),
    ("Qinlan Bio licensed its BTK inhibitor to Novartis unit Sandoz for $300 million upfront.", "Qinlan Bio", "Sandoz"),
])
def test_a_parent_named_before_its_unit_is_no_party(text, licensor, licensee):
    deals = extract(text).deals
    assert [(d.licensor.name if d.licensor else None, d.licensee.name if d.licensee else None) for d in deals] \
        == [(licensor, licensee)]
    assert deals[0].upfront is not None and deals[0].upfront.amount == Decimal("300000000")


@pytest.mark.parametrize("text,licensor", [
    # the payment word closes the list (after the last amount) or opens it (before the first)
    ("报告期内，公司将多款产品授权给海外公司，其中一款ADC药物的首付款为5000万美元，确认来自诺华的2亿欧元和Avelo "
     "Therapeutics的8000万美元首付款作为收入。", None),
    ("Qilu Pharma received upfront payments of $200 million from Novartis and $80 million from Avelo Therapeutics.",
     "Qilu Pharma"),
    ("Qilu Pharma booked $200 million from Novartis and $80 million from Avelo Therapeutics in upfront payments.",
     "Qilu Pharma"),
])
def test_a_list_of_payers_each_with_its_amount(text, licensor):
    deals = [d for d in extract(text).deals if d.licensee is not None]
    got = [(d.licensor.name if d.licensor else None, d.licensee.name, d.upfront.amount if d.upfront else None)
           for d in deals]
    first = "诺华" if "诺华" in text else "Novartis"
    assert got == [(licensor, first, Decimal("200000000")), (licensor, "Avelo Therapeutics", Decimal("80000000"))]


def test_one_deal_named_among_the_top_deals_keeps_its_value():
    text = ("Among the biggest deals was Hangzhou-based Qiantang Bio’s US$4 billion contract with US-based Norvell "
            "Pharmaceuticals last March, covering two bispecific antibodies.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount if d.total_value else None) for d in deals] \
        == [("Qiantang Bio", "Norvell Pharmaceuticals", Decimal("4000000000"))]


def test_a_total_between_dashes_and_a_brand_after_sales_from():
    text = ("Halvard forked out $3 billion up-front – and potentially up to $15 billion – to Tenzan Pharma for a share "
            "of its ADCs. Tenzan expects $5 billion in sales from Orvexa by 2028. Both are partnered with Halvard.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.total_value.amount) for d in deals][:1] == \
        [("Tenzan Pharma", "Halvard", Decimal("3000000000"), Decimal("15000000000"))]
    assert all("Orvexa" not in (p.name for p in (d.licensor, d.licensee) if p) for d in deals)


def test_a_name_at_a_sentence_end_has_no_full_stop():
    deals = extract("Corvane Bio licensed its TL1A antibody to Ostrava. Ostrava paid $20 million upfront.").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Corvane Bio", "Ostrava")]
    assert [e.text for e in deals[0].evidence if e.field == "licensee"] == ["Ostrava"]


def test_talks_with_unnamed_parties_and_payments_that_could_add_up_to():
    text = ("Qilu Pharma said it was in talks with unnamed parties on licensing rights to its KRAS inhibitor. "
            "Potential payments to Qilu Pharma on the candidate could add up to US$2 billion, the company said.")
    deals = extract(text).deals
    assert [(d.status, d.licensor.name, d.licensee, d.total_value.amount if d.total_value else None)
            for d in deals] == [("in_discussion", "Qilu Pharma", None, Decimal("2000000000"))]


def test_filing_payments_upon_execution_and_upon_achieving_kinds_of_milestones():
    text = ("On March 3, 2024, we entered into an exclusive license agreement with Verano Bio for VB-12. We paid "
            "$25,000 to Verano Bio upon full execution of the license agreement, and we will pay Verano Bio up to "
            "$40 million upon the achievement of certain development and regulatory milestones and up to $60 million "
            "upon the achievement of specified net sales milestones.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.upfront.amount if d.upfront else None, d.milestones.amount if d.milestones else None)
            for d in deals] == [("Verano Bio", Decimal("25000"), Decimal("100000000"))]


def test_headline_and_body_are_one_deal_and_a_sum_over_past_deals_is_no_term():
    text = ("Velmar Bio Licenses CD19xCD3 T-Cell Engager VB-19 to Oakline Therapeutics in Deal Worth Up to $900 Million\n\n"
            "Velmar Bio today announced that it has out-licensed to Oakline Therapeutics the global rights to VB-19, a "
            "CD19xCD3 T-cell engager for lupus. Oakline will pay Velmar Bio an upfront fee of $40 million. Velmar Bio "
            "has signed three out-licensing agreements since 2022, with aggregate upfront receipts of more than "
            "$90 million.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount if d.upfront else None,
             d.total_value.amount if d.total_value else None, d.targets) for d in deals] == \
        [("Velmar Bio", "Oakline Therapeutics", Decimal("40000000"), Decimal("900000000"), ["CD19", "CD3"])]


def test_a_target_named_with_its_variant_is_the_variant():
    deals = extract("Harlan Bio licensed its KRAS G12D inhibitor HB-12 to Ostrom Pharma for $30 million upfront; "
                    "KRAS is mutated in many tumours.").deals
    assert [d.targets for d in deals] == [["KRAS G12D"]]


def test_a_title_case_drug_is_no_company_and_buying_shares_is_no_takeover():
    text = ("Corlan Therapeutics In-Licenses Global Rights to First-in-Class JAK1 Degrader CL-17 from Hubei Yuntai "
            "Biotech\n\nCorlan Therapeutics today announced an exclusive license agreement with Hubei Yuntai Biotech "
            "Co., Ltd. for CL-17. Corlan will pay Yuntai an upfront payment of $25 million and will purchase "
            "$10 million of Yuntai's shares.")
    deals = extract(text).deals
    assert [(d.deal_type, d.licensor.name, d.licensee.name, d.upfront.amount if d.upfront else None)
            for d in deals] == [("license", "Hubei Yuntai Biotech Co., Ltd.", "Corlan Therapeutics",
                                 Decimal("25000000"))]


@pytest.mark.parametrize("text,licensor,licensee", [
    # a headline names the parent, the body its wholly owned unit: one deal
    ("瀚宇医药与诺华达成12亿美元ADC合作\n\n3月2日，瀚宇医药宣布，旗下全资子公司瀚宇生物与诺华签署独家许可协议。根据协议，诺华将向瀚宇生物"
     "支付1亿美元首付款。", {"瀚宇生物", "瀚宇医药"}, "诺华"),
    # who buys what a company holds pays that company (a registered name with 国际 in it is whole)
    ("公司全资子公司润城（苏州）生物医药有限公司拟以人民币3亿元的总价款，购买香港华泰国际医药有限公司持有的HT-11的全球权益。",
     {"华泰国际医药有限公司", "香港华泰国际医药有限公司"}, "润城（苏州）生物医药有限公司"),
])
def test_zh_units_and_purchases_of_held_rights(text, licensor, licensee):
    deals = extract(text).deals
    assert len(deals) == 1
    assert deals[0].licensor.name in licensor and deals[0].licensee.name == licensee


@pytest.mark.parametrize("text,amount", [
    ("東輝生技將其眼科新藥DH-7專屬授權予江蘇恒康藥業，東輝可收取簽約金500萬美元，並依進度收取最高3,000萬美元里程碑金。", "5000000"),
    ("根据合同，川康生物将向西南医科大学支付入门费3,000万元，并分阶段支付不超过2亿元的里程碑费用。", "30000000"),
])
def test_zh_signing_and_entry_fees_are_upfront(text, amount):
    deals = extract(text).deals
    assert [d.upfront.amount if d.upfront else None for d in deals] == [Decimal(amount)]


@pytest.mark.parametrize("text,milestones,total", [
    ("Halden Bio licensed its ADC to Norvik Pharma for $100 million upfront, with milestones of up to $2.9 billion "
     "taking the total to as much as $3 billion.", "2900000000", "3000000000"),
    ("Halden Bio licensed its ADC to Norvik Pharma; later milestones could follow, bringing the deal to as much as "
     "$640 million.", None, "640000000"),
    ("Halden Bio granted Norvik Pharma an option on its ADC for an upfront fee, as well as milestone payments, "
     "together up to US$480 million.", None, "480000000"),
])
def test_totals_brought_to(text, milestones, total):
    d, = extract(text).deals
    assert (d.milestones.amount if d.milestones else None) == (Decimal(milestones) if milestones else None)
    assert d.total_value is not None and d.total_value.amount == Decimal(total)


def test_an_exercise_fee_paid_only_if_the_option_is_exercised_is_no_upfront():
    text = ("Tessaly Bio has granted Norvik Pharma an exclusive option to obtain worldwide rights to TB-41. Tessaly will "
            "receive an option payment of €20 million upon signing. If Norvik exercises the option, it will pay an "
            "exercise fee of €60 million and Tessaly will be eligible for up to €500 million in milestones.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.milestones.amount) for d in deals] == \
        [("Tessaly Bio", "Norvik Pharma", Decimal("20000000"), Decimal("500000000"))]


def test_zh_wire_summary_statements_run_together():
    # statements separated by spaces: a payment word ends at the space, and the company 牵手'd is the partner
    text = ("瀚海制药年内两度牵手诺华 12月将B7-H4抗体偶联药物HH-77的全球权益授予诺华 首付款1.2亿美元 里程碑最高9亿美元[1] "
            "- 金石生物将5款临床前ADC项目授予默沙东 默沙东支付1.5亿美元首付款 里程碑付款最高30亿美元[2]")
    deals = extract(text, lang="zh").deals
    got = [(d.licensor.name, d.licensee.name, d.upfront.amount if d.upfront else None,
            d.milestones.amount if d.milestones else None) for d in deals]
    assert got == [("瀚海制药", "诺华", Decimal("120000000"), Decimal("900000000")),
                   ("金石生物", "默沙东", Decimal("150000000"), Decimal("3000000000"))]


@pytest.mark.parametrize("text", [
    "瀚海制药先后将B7-H4 ADC HH-11与TROP2 ADC HH-12授权给诺华，前者首付款5000万美元、里程碑最高8亿美元，后者首付款1亿美元、里程碑最高12亿美元。",
    "Hanhai Pharma licensed HH-11 (B7-H4) and HH-12 (TROP2) to Novartis, the former for $50 million upfront and up to "
    "$800 million in milestones, the latter for $100 million upfront and up to $1.2 billion in milestones.",
])
def test_terms_for_the_former_and_the_latter_make_two_deals(text):
    deals = extract(text).deals
    assert [(d.asset, d.targets, d.upfront.amount, d.milestones.amount) for d in deals] == [
        ("HH-11", ["B7-H4"], Decimal("50000000"), Decimal("800000000")),
        ("HH-12", ["TROP2"], Decimal("100000000"), Decimal("1200000000"))]


def test_milestones_that_could_add_up_to_another_amount_are_milestones():
    text = ("Under the deal, Norvik Pharma will pay Corlan Bio $15 million upfront. Commercial and development "
            "milestones could add up to another $210 million for Corlan, plus royalties tied to sales.")
    d, = extract(text).deals
    assert (d.upfront.amount, d.milestones.amount, d.total_value) == (Decimal("15000000"), Decimal("210000000"), None)


def test_milestones_before_a_comma_and_the_total_after_it():
    text = ("Kestrel Bio has licensed KB-12 to Janssen Biotech. Kestrel will receive an undisclosed upfront payment, "
            "plus milestones of up to US$640 million, for a total potential deal value of US$700 million.")
    d, = extract(text).deals
    assert (d.status, d.upfront, d.milestones.amount, d.total_value.amount) == \
        ("signed", None, Decimal("640000000"), Decimal("700000000"))


def test_filing_payments_received_and_option_payments_if_exercised():
    text = ("In December 2021, the Company entered into a Research Collaboration and License Agreement with Norvik "
            "Pharma, Inc. Under the terms of the agreement, the Company received an upfront non-refundable payment and "
            "certain additional payments totaling $18.0 million in exchange for use of its technology. The Company is "
            "also eligible to receive up to an additional $22.5 million in non-refundable option payments if Norvik "
            "exercises its options. Through December 31, 2023, the Company had received milestone payments totaling "
            "$5.0 million under the agreement.")
    d, = extract(text).deals
    party = d.licensee or d.licensor  # (the filer is unnamed: the role of its partner is a prior's)
    assert (party.name, d.upfront.amount, d.total_value, d.milestones) == \
        ("Norvik Pharma, Inc.", Decimal("18000000"), None, None)


def test_zh_contract_party_labels_name_the_companies():
    text = ("一、《许可协议》的主要内容\n甲方:成都康瑞生物制药有限公司\n乙方:美国维泰生物科技有限公司\n（二）合同金额及支付\n"
            "就许可产品，甲方在本协议项下对乙方的里程碑付款的不含税总金额为980万美元，分三个阶段支付。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.milestones.amount) for d in deals] == \
        [("维泰生物科技有限公司", "成都康瑞生物制药有限公司", Decimal("9800000"))]


def test_zh_a_company_bought_unnamed():
    deals = extract("康华医药集团拟收购一间香港医药公司，基本购买价5200万港元。", lang="zh").deals
    assert [(d.deal_type, d.licensor, d.licensee.name, d.total_value.amount) for d in deals] == \
        [("acquisition", None, "康华医药", Decimal("52000000"))]


def test_a_second_drug_with_its_own_terms_after_followed_by():
    text = ("Qinhai Pharma granted Novartis exclusive rights to QH-11, a TROP2 antibody-drug conjugate, for an upfront "
            "payment of $60 million and up to $900 million in milestones, followed a month later by QH-12, a "
            "B7-H3 antibody-drug conjugate, for $40 million upfront and up to $700 million in milestones.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.targets, d.upfront.amount, d.milestones.amount)
            for d in deals] == [
        ("Qinhai Pharma", "Novartis", "QH-11", ["TROP2"], Decimal("60000000"), Decimal("900000000")),
        ("Qinhai Pharma", "Novartis", "QH-12", ["B7-H3"], Decimal("40000000"), Decimal("700000000"))]


def test_parallel_lists_of_payees_amounts_and_payers_respectively():
    text = ("Qinmu Biotech, Haiyan Pharma and Lanhe Bio received upfront payments of USD 45 million, USD 15 million and "
            "USD 90 million from Ostrava Pharma, Cairn Immunology and Halden AG respectively.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("Qinmu Biotech", "Ostrava Pharma", Decimal("45000000")),
        ("Haiyan Pharma", "Cairn Immunology", Decimal("15000000")),
        ("Lanhe Bio", "Halden AG", Decimal("90000000"))]


def test_a_sentence_about_an_earlier_deals_drug_goes_to_that_deal():
    text = ("Qinlan Pharma has licensed QL-500, a BCMA x CD3 bispecific, to AbbVie for $80 million upfront. The deal "
            "is Qinlan's second out-licensing, following the 2022 licensing of QL-278 to Almirall. QL-500 may also "
            "treat autoimmune diseases driven by B cells that express GPRC5D.")
    deals = extract(text).deals
    # (GPRC5D, which the B cells express, is no target of QL-500, whose clause names its own: BCMA x CD3)
    assert [(d.licensee.name, d.asset, d.targets) for d in deals] == [
        ("AbbVie", "QL-500", ["BCMA", "CD3"]), ("Almirall", "QL-278", [])]


def test_a_brand_divested_with_a_payment_on_completion():
    text = ("Halvern Pharma will take over worldwide rights to Dormivel outside Korea, paying Novartis $150 million "
            "upon completion of the transaction. Novartis may also receive up to $60 million in sales milestones.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.upfront.amount, d.milestones.amount) for d in deals] == [
        ("Novartis", "Halvern Pharma", "Dormivel", Decimal("150000000"), Decimal("60000000"))]


def test_a_deal_clause_of_another_relative_year_is_another_deal():
    text = ("Halden Cell signed its licensing agreement for its NK cell therapy HC-201 in March this year with Varuna "
            "Biologics Private Limited in India. Before signing this agreement, Halden Cell out-licensed two CAR-NK "
            "programs last year to Pfizer for $20 million upfront.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.upfront and d.upfront.amount) for d in deals] == [
        ("Halden Cell", "Varuna Biologics Private Limited", "HC-201", None),
        ("Halden Cell", "Pfizer", None, Decimal("20000000"))]


def test_zh_a_deal_clause_of_another_relative_year_is_another_deal():
    text = ("海岚生物今年3月与印度Varuna公司就其NK细胞疗法HL-101签署授权协议。在签署该协议之前，海岚生物去年已将两款"
            "CAR-NK项目授权给辉瑞，获得首付款2000万美元。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.upfront and d.upfront.amount) for d in deals] == [
        ("海岚生物", "Varuna", "HL-101", None), ("海岚生物", "辉瑞", None, Decimal("20000000"))]


#: a filing's detail table flattened one cell per line: the counterparty in the heading and the member lines, the
#: revenue it pays, and a bare amount under "$ in Thousands" on the line below its label
FLAT_FILING = """Collaboration and License Agreements - Norwell Therapeutics (Details)
$ in Thousands
|12 Months Ended
|
Dec. 31, 2023
USD ($)
|Norwell Therapeutics | Norwell QX-77 Agreement
|Non-refundable upfront payment
|$ 40,000
|Potential development milestone payments
|$ 210,000
|Potential sales milestone payments
|150,000
|Revenues From License Agreements | Norwell Therapeutics | Norwell QX-77 Agreement
|Revenues
|$ 40,000
"""


def test_a_flattened_filing_table_of_one_agreement():
    deals = extract(FLAT_FILING).deals
    assert [(d.licensor, d.licensee.name, d.asset, d.upfront.amount, d.milestones.amount) for d in deals] == [
        (None, "Norwell Therapeutics", "QX-77", Decimal("40000000"), Decimal("360000000"))]


def test_a_threshold_label_on_the_next_line_leaves_the_amount_above_a_payment():
    text = ("Royalty Purchase Agreements - Halcyon (Details)\n$ in Thousands\nHalcyon | Royalty Purchase Agreement\n"
            "Upfront payment $ 5,000        \nThreshold amount of cumulative royalties per product 200,000        \n")
    deals = extract(text).deals
    assert [(d.licensor.name, d.upfront.amount) for d in deals] == [("Halcyon", Decimal("5000000"))]


def test_rights_to_one_companys_drug_bought_from_another():
    text = ("Corvane Health has grown its biosimilar portfolio after acquiring the US commercial rights to "
            "Hanbit Bio’s adalimumab biosimilar from Maribel Pharma for $35 million.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Maribel Pharma", "Corvane Health", Decimal("35000000"))]


def test_a_deal_compared_with_an_earlier_purchase():
    text = ("Halvard Pharma agreed to buy Quellen Bio for $12 billion in cash. Including debt, the deal is worth "
            "$14 billion, eclipsing Novartis's $9 billion purchase of Tamberlin Labs in 2015.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Quellen Bio", "Halvard Pharma", Decimal("12000000000")),
        ("Tamberlin Labs", "Novartis", Decimal("9000000000"))]


def test_a_short_name_after_acquisition_of_is_the_company_named_in_full():
    # (a gazetteer company whose short form the gazetteer does not list)
    text = ("Verona Pharma was bought by Merck on Tuesday for $10 billion. Merck's acquisition of Verona brings in "
            "Ohtuvayre (ensifentrine), which was approved in the U.S. last June.")
    r = extract(text)
    assert [(d.licensor.name, d.licensee.name) for d in r.deals] == [("Verona Pharma", "Merck")]
    assert [(a.drug, a.company.name) for a in r.approvals] == [("ensifentrine", "Verona Pharma")]


def test_contingent_consideration_on_events_and_the_closing_of_the_same_purchase():
    text = ("On March 3, 2025, we entered into an agreement to acquire Lindqvist Biologics AB (\"Lindqvist\"). We would "
            "acquire all outstanding shares of Lindqvist for $60 million in cash at closing, and pay additional "
            "consideration based on future regulatory and commercial events, including up to $15 million if sales "
            "of its product exceed certain thresholds, for a total transaction value of up to $75 million. On March "
            "20, 2025, we completed the acquisition of Lindqvist for an aggregate amount of $60 million.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.upfront.amount, d.milestones.amount, d.total_value.amount, d.status)
            for d in deals] == [("Lindqvist Biologics AB", Decimal("60000000"), Decimal("15000000"),
                                 Decimal("75000000"), "completed")]


def test_zh_a_list_of_deals_closed_by_a_count():
    text = "首付款超过1亿美元的交易还有辉瑞以5亿美元收购海川生物，诺华与澜海制药就TROP2抗体偶联药物LN-207达成的授权等12笔交易。"
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.asset) for d in deals] == [
        ("海川生物", "辉瑞", None), ("澜海制药", "诺华", "LN-207")]


def test_a_benchmark_deal_named_with_its_drug_in_a_statistics_sentence():
    text = ("Hanul Bio's earlier agreement with Sanofi for the brain shuttle bispecific HB-301, which brought $75 million "
            "upfront, remains the benchmark for Korean platform deals.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.upfront.amount) for d in deals] == [
        ("Hanul Bio", "Sanofi", "HB-301", Decimal("75000000"))]


def test_zh_we_defined_after_the_short_name():
    text = ('海川医药(中国)有限公司(简称"海川医药"、"本公司"或"我们")今日公布业绩。2024年,我们与诺华签署了授权协议,'
            '获得1亿美元首付款。')
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("海川医药(中国)有限公司", "诺华", Decimal("100000000"))]


def test_zh_a_royalty_rate_paid_between_two_parties_is_a_deal():
    text = "根据双方的许可协议，诺华将按HL-88在中国的全部销售额向海岚生物支付30%的固定特许权使用费。"
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.royalty.min_pct, d.royalty.max_pct) for d in deals] == [
        ("海岚生物", "诺华", 30.0, 30.0)]


@pytest.mark.parametrize("text,lang,rates", [
    ("澜海制药将按许可产品年净销售额的3%—5%向海川生物支付销售提成，并支付1亿元首付款。", "zh", (3.0, 5.0)),
    # a percentage in another clause is no royalty rate
    ("Halden AG will pay Qinmu Bio $40 million upfront, and Qinmu will receive tiered royalties.\n\nQinmu's shares "
     "rose 4% on the news.", "en", (None, None)),
])
def test_royalty_rates_come_from_the_royalty_clause(text, lang, rates):
    deals = extract(text, lang=lang).deals
    assert [(d.royalty.min_pct, d.royalty.max_pct) for d in deals] == [rates]


def test_deal_kinds_named_as_models_are_no_deal():
    text = ("Pfizer will pay Qinmu Bio $300 million upfront for QM-12. Since the approval of zanubrutinib by BeiGene in "
            "2019, strategies built on licensing models, M&A models and the NewCo model have become the way Chinese "
            "drug developers reach global markets.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Qinmu Bio", "Pfizer")]


def test_deals_with_foreign_firms_are_statistics():
    text = ("Korean drug developers have won 1.7 trillion won worth of license-out deals with foreign firms in the past "
            "three months, despite accounting issues at Hanbit Biologics. In July, Qinmu Bio agreed with Corvane "
            "Therapeutics to offer a license to five antibodies for $550 million.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Qinmu Bio", "Corvane Therapeutics", Decimal("550000000"))]


def test_a_royalty_interest_bought_from_the_foundation_that_owns_it():
    text = ("Harwell Royalty Partners announced today an agreement to acquire the residual royalty interest in "
            "Vertex Pharmaceuticals' cystic fibrosis treatments owned by the Lung Health Foundation. The agreement "
            "includes an upfront payment of $300 million.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("Lung Health Foundation", "Harwell Royalty Partners", Decimal("300000000"))]
    assert {e.rule for e in deals[0].evidence if e.field in ("licensor", "licensee")} == {"role.interest_owned_by"}


def test_royalties_paid_back_to_a_funder_are_a_term_of_the_same_deal():
    text = ("Under the funding agreement, Harwick Capital will pay Qinmu Bio $100 million on signing. If the drug is "
            "approved, Qinmu Bio will make success-based payments to Harwick Capital and pay it royalties on net sales.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.royalty is not None) for d in deals] == [
        ("Qinmu Bio", "Harwick Capital", Decimal("100000000"), True)]


def test_an_institute_sells_part_of_its_royalty_on_a_drug_another_company_markets():
    text = ("Calder Royalty Partners will pay the Lisbon Institute of Molecular Oncology (LIMO) US$120 million upfront "
            "for half of the institute's royalty interest in Corvexa (tavilimab), the antibody marketed by Swiss "
            "drugmaker Hallwyl Pharma.\n\nLIMO, a research institute affiliated with the University of Lisbon, "
            "discovered the antibody and licensed it to Hallwyl in 2015. It receives a mid-single-digit royalty on "
            "net sales under that agreement.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals][:1] == [
        ("Lisbon Institute of Molecular Oncology", "Calder Royalty Partners", Decimal("120000000"))]
    assert "University of Lisbon" not in {p.name for d in deals for p in (d.licensor, d.licensee) if p}


def test_zh_a_royalty_fund_pays_a_first_tranche_and_the_raise_is_no_term():
    text = ("海岚药业股份有限公司（以下简称\"海岚\"）与杭州青禾医疗产业投资基金（有限合伙）（以下简称\"青禾基金\"）签署"
            "《研发投资与收益分成协议》。协议生效后青禾基金先行支付首期资金3,000万元。海岚将按HL-12年销售额的4%至6%向"
            "青禾基金支付销售分成。此外，海岚拟向特定对象发行股票，募集资金总额不超过5亿元。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.total_value) for d in deals] == [
        ("海岚药业股份有限公司", "杭州青禾医疗产业投资基金（有限合伙）", Decimal("30000000"), None)]


def test_a_royalty_fund_that_funds_a_launch_receives_the_royalties():
    text = ("Royalties acquisition advice provided by Harlan & Reyes\nQinmu Bio has entered into a royalty agreement "
            "with Tamsin Royalty Partners. The agreement, worth $250 million, will provide immediate funding for Qinmu "
            "Bio while sharing future royalties from the European sales of tavorimab. Once the investors receive 1.5 "
            "times their investment, no further royalty payments are required from Qinmu Bio.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Qinmu Bio", "Tamsin Royalty Partners", Decimal("250000000"))]


def test_the_first_deal_of_the_same_parties_named_with_its_own_amount():
    text = ("Building on a March deal for its lipid nanoparticle technology, Corvane Bio has signed a second agreement "
            "with Novartis. The deal includes up to $250 million in upfront and milestone payments for Corvane, "
            "adding to the first deal's similarly structured $500 million package.")
    deals = extract(text).deals
    assert sorted(d.total_value.amount for d in deals) == [Decimal("250000000"), Decimal("500000000")]
    assert {(d.licensor.name, d.licensee.name) for d in deals} == {("Corvane Bio", "Novartis")}


def test_zh_an_earlier_deal_of_the_same_parties_with_its_own_total():
    text = "海岚生物与辉瑞签署第二份授权协议，交易总额最高3亿美元。此前的授权协议总金额为5亿美元。"
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("海岚生物", "辉瑞", Decimal("300000000")), ("海岚生物", "辉瑞", Decimal("500000000"))]


def test_an_upfront_with_a_converted_amount_and_its_currency_code():
    text = ("Qinmu Bio signed a licensing deal with Pfizer worth up to $1.5 billion (¥10.8 billion CNY). The agreement "
            "includes $1.25 billion (¥9 billion CNY) in upfront payments and equity.")
    deals = extract(text).deals
    assert [(d.upfront.amount, d.upfront.currency, d.total_value.amount) for d in deals] == [
        (Decimal("1250000000"), "USD", Decimal("1500000000"))]


def test_a_kind_of_milestones_added_to_the_milestones_named_before():
    text = ("Zai Lab entered into a licensing agreement with Corvane Therapeutics for CV-301 in Greater China. Corvane "
            "will receive a $30 million upfront payment and can receive up to an additional $60 million in milestone "
            "payments. Corvane is also eligible to receive up to $40 million in sales milestones.")
    deals = extract(text).deals
    assert [(d.upfront.amount, d.milestones.amount) for d in deals] == [(Decimal("30000000"), Decimal("100000000"))]


@pytest.mark.parametrize("text,licensor,licensee", [
    ("广州瑞川药业公告称，拟以十二亿元人民币收购深圳安禾生物科技有限公司100%股权。", "深圳安禾生物科技有限公司", "广州瑞川药业"),
    ("華晉醫藥控股有限公司公佈，已完成收購捷安生物科技有限公司全部股權，總代價約12.5億港元。", "捷安生物科技有限公司",
     "華晉醫藥控股有限公司"),
])
def test_zh_a_saying_verb_and_its_comma_do_not_end_the_buyers_clause(text, licensor, licensee):
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.deal_type) for d in deals] == [(licensor, licensee, "acquisition")]


def test_zh_a_drug_heading_goes_to_the_licence_of_the_same_drug():
    text = ("海岚生物周一公布，其自主研发的FGFR2抑制剂格乐替尼（HL-085）已获批上市。\n\n公司同时披露，另一款产品已获受理。\n\n"
            "海岚同日宣布，已将格乐替尼在大中华区以外的全球权益授予美国Calyx Oncology，对方将支付首付款1亿美元。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.targets) for d in deals] == [("海岚生物", "Calyx Oncology", ["FGFR2"])]


def test_zh_talks_between_two_companies_over_a_drug_are_a_deal_in_the_making():
    text = ("一、主要交易 - 澜海制药将HL-11的全球权益授予诺华 首付款5000万美元[1] - 据知情人士透露 海岚生物正与礼来就口服小分子"
            "GLP-1激动剂HL-0218进行磋商 交易细节尚未确定[2]")
    deals = extract(text, lang="zh").deals
    assert [(sorted([d.licensor.name, d.licensee.name]), d.asset) for d in deals] == [
        (["澜海制药", "诺华"], "HL-11"), (["海岚生物", "礼来"], "HL-0218")]


def test_talks_with_a_company_over_a_drug_are_a_deal_in_the_making():
    text = ("Halden Bio is in talks with Eli Lilly over its oral GLP-1 agonist HB-0218, people familiar with the matter "
            "said. The Board has not decided.")
    deals = extract(text).deals
    assert [(sorted([d.licensor.name, d.licensee.name]), d.asset, d.status) for d in deals] == [
        (["Eli Lilly", "Halden Bio"], "HB-0218", "in_discussion")]


def test_zh_its_subsidiary_signs_for_the_company_that_announces():
    text = ("海川药业集团宣布，其附属公司已与阿斯利康就一项口服小分子研发合作签订协议，阿斯利康将支付1.1亿美元预付款，"
            "潜在总金额最高可达53.3亿美元。")
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("海川药业集团", "阿斯利康", Decimal("110000000"))]


def test_an_amount_paid_to_license_rights_is_the_deals_price():
    text = ("In a regulatory filing, Bayer disclosed that it paid $25 million to license the rights to a KRAS "
            "inhibitor from Kestrel Biosciences.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Kestrel Biosciences", "Bayer", Decimal("25000000"))]



def test_a_numbered_item_run_into_the_line_before_and_money_put_on_the_line():
    text = ("3. Licensing galore: Roche ties up with Hanbit on ADCs as Rani rounds out week with Chugai pact 4. Kite "
            "puts $1.6B on the line to pair up with China’s Pregene for another in vivo CAR-T deal.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals if d.total_value] == [
        ("Pregene", "Kite", Decimal("1600000000"))]


def test_a_fund_that_pays_for_trials_with_amounts_as_targets_are_met():
    text = ("Calder Royalty Partners will pay Qinmu Bio $60 million at signing and up to $140 million more as "
            "enrolment targets are met in two Phase 3 trials. In April, Tamsin Capital agreed to fund $400 million of "
            "Hanul Bio's Phase 3 program for its antibody HB-12 in exchange for a royalty.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront and d.upfront.amount, d.milestones and d.milestones.amount,
             d.total_value and d.total_value.amount) for d in deals] == [
        ("Qinmu Bio", "Calder Royalty Partners", Decimal("60000000"), Decimal("140000000"), None),
        ("Hanul Bio", "Tamsin Capital", None, None, Decimal("400000000"))]


def test_a_league_table_with_a_generic_name_and_a_description_column():
    text = ("Top licensing deals, Q2 2025 ($ in Millions)\nLicensor | Licensee | Asset | Modality | Upfront | Total\n"
            "Hanul Bio | Roche | tavolintide | amylin analog peptide | 900 | 3,100\n"
            "Qinmu Bio | AbbVie | QM-114 | oral Lp(a) inhibitor | 120 | 1,400\n"
            "Corvane | Novartis | platform | gene editing | 50 | 800\n")
    deals = extract(text).deals
    assert [(d.licensor.name, d.asset, d.targets) for d in deals] == [
        ("Hanul Bio", "tavolintide", ["amylin"]), ("Qinmu Bio", "QM-114", ["Lp(a)"]), ("Corvane", None, [])]


def test_a_partner_named_only_by_its_country_and_cash_at_completion():
    text = ("Qinmu Pharmaceutical agreed to acquire Lanhe Biotech for a total consideration of HK$900 million, of "
            "which HK$600 million is payable in cash at completion and the rest in new shares. Separately, Hanul Bio "
            "licensed its oral GLP-1 candidate HB-2210 to a Chinese partner in a deal worth up to 1.2 trillion won.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount, d.total_value.amount)
            for d in deals] == [
        ("Lanhe Biotech", "Qinmu Pharmaceutical", Decimal("600000000"), Decimal("900000000")),
        ("Hanul Bio", None, None, Decimal("1200000000000"))]


def test_a_later_expansion_for_an_additional_upfront_is_a_deal_of_its_own():
    text = ("Calder Therapeutics obtained tavolimab from Qinmu Bio for US$300 million upfront with the total deal up to "
            "US$2.0 billion and it later expanded its licensed territory to include Latin America for an additional "
            "$10 million upfront.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.total_value and d.total_value.amount)
            for d in deals] == [
        ("Qinmu Bio", "Calder Therapeutics", Decimal("300000000"), Decimal("2000000000")),
        ("Qinmu Bio", "Calder Therapeutics", Decimal("10000000"), None)]



def test_apostrophes_read_as_cp437_are_apostrophes():
    from newsextract.layout.segment import get_segmenter

    flat = get_segmenter("en").flatten("financed by IpsenÆs existing cash; donÆt read ÆRØ as one")
    assert flat == "financed by Ipsen’s existing cash; don’t read ÆRØ as one"
    text = "The offer for EpizymeÆs shares was completed. Ipsen paid $250 million for Epizyme."
    assert {d.licensor.name for d in extract(text).deals} == {"Epizyme"}


def test_a_company_that_modifies_a_noun_is_no_subject():
    text = "Halden Bio shrugs off Pfizer setback and receives $50 million upfront from Novartis for its KRAS inhibitor HB-301."
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Halden Bio", "Novartis")]


@pytest.mark.parametrize("text", [
    "The FDA approved Velkora (tazimod), Hanul Bio's oral S1P receptor modulator, for colitis. Velkora will be "
    "co-commercialised in the US with Ardent AG under an agreement signed in 2023.",
    "Hanul Bio's oral JAK inhibitor Velkora won approval. Velkora will be co-commercialised in the US with Ardent AG "
    "under an agreement signed in 2023.",
])
def test_the_company_whose_drug_it_is_licenses_it(text):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Hanul Bio", "Ardent AG")]


@pytest.mark.parametrize("text,targets", [
    # the patients' mutation is no target of a drug that has one
    ("AstraZeneca will pay Daiichi Sankyo $1 billion upfront for rights to DS-1062, a TROP2-directed ADC. DS-1062 "
     "offers an option for patients with EGFR-mutated NSCLC.", ["TROP2"]),
    # … unless the drug targets the mutation
    ("Qinmu Bio licensed QM-77, a small molecule targeting EGFR mutations, to Pfizer for $60 million upfront.",
     ["EGFR"]),
    # a marker the patients lack is no target at all, even of a drug that names none
    ("Norhaven Bio has licensed NH-40, an oral degrader for HR-positive/HER2-negative breast cancer, to Pfizer for "
     "$60 million upfront.", []),
    ("Kestrel Oncology licensed KO-9 for triple-negative and HER2 negative tumours to Almirall for $30 million "
     "upfront.", []),
    ("安诺生物将用于HER2阴性乳腺癌的口服药物AN-55授权给辉瑞，首付款6000万美元。", []),
])
def test_a_patients_mutation_is_no_target_of_a_drug_that_has_one(text, targets):
    assert [d.targets for d in extract(text).deals] == [targets]


_TYK2_DEAL = ("Halvard Bio has licensed HV-201, its oral TYK2 inhibitor, to Ostrava Pharma for $40 million upfront and "
              "up to $500 million in milestones. ")


@pytest.mark.parametrize("after", [
    # where the deal's own clause names its drug's target, targets named only in other sentences are not the deal's
    "Separately, Ostrava earlier this year let its option on Kimura's TIGIT antibody lapse.",
    "Last month the FDA approved Zelmora, Halvard's oral S1P receptor modulator, for colitis.",
    "Halvard's lead drug, the CDH6-directed ADC HV-100, won conditional approval in Europe in 2024.",
    "Ostrava said its APRIL inhibitor OS-88 cut proteinuria by 46% in a Phase 2 trial.",
    "HV-201 reduced hsCRP and IL-6 levels in a Phase 1 study in healthy volunteers.",
    "Ostrava plans to test HV-201 in combination with a GLP-1 agonist next year.",
    "Net product sales of Zyvetra, Halvard's MEK inhibitor, were $19 million in the quarter.",
    "Ostrava already markets an IL-23 antibody for psoriasis.",
    "Halvard also develops HV-305, a KRAS G12D inhibitor in Phase 1.",
    "The deal comes as competition in the IL-17 space intensifies.",
    "Ostrava's pipeline also includes an oral PCSK9 inhibitor and a CD19 CAR-T.",
    "The companies' separate agreement covering KX-3, an anti-TIGIT antibody, is not affected.",
])
def test_targets_of_other_sentences_are_not_the_deals_when_its_clause_names_one(after):
    assert [d.targets for d in extract(_TYK2_DEAL + after).deals] == [["TYK2"]]


@pytest.mark.parametrize("text", [
    # the target of a drug given with the deal's is not the deal's
    "Halvard Bio has licensed HV-201 to Ostrava Pharma for $40 million upfront. Ostrava will test HV-201 in "
    "combination with a PD-1 antibody in colorectal cancer.",
    "Halvard Bio has licensed HV-201 to Ostrava Pharma for $40 million upfront; HV-201 will be studied combined with "
    "Merck's PD-1 antibody.",
    "海川生物将HV-201授权给辉瑞，首付款4000万美元。辉瑞将开展HV-201联合PD-1抑制剂的临床试验。",
])
def test_a_combination_partners_target_is_not_the_deals(text):
    assert [d.targets for d in extract(text).deals] == [[]]


def test_a_target_named_only_after_the_deal_clause_is_the_deals():
    text = ("Halvard Bio has licensed HV-201 to Ostrava Pharma for $40 million upfront. HV-201 is an oral TYK2 "
            "inhibitor in Phase 2.")
    assert [d.targets for d in extract(text).deals] == [["TYK2"]]


@pytest.mark.parametrize("text", [
    # a description in apposition to the company named before it is that company, no unnamed party
    "Halden Bio, a Suzhou-based company, has licensed HB-711 to Nordvik Pharma for $35 million upfront.",
    "Halden Bio, a Suzhou-based company, said it would receive $35 million upfront from Nordvik Pharma.",
])
def test_a_description_in_apposition_is_no_unnamed_party(text):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Halden Bio", "Nordvik Pharma")]


def test_what_gives_a_company_rights_makes_it_the_licensee():
    text = ("The agreement with Arbor Cell, which could be worth up to $600 million, gives Pyxel Health exclusive "
            "global rights to the CD19 CAR-T therapy AC-19.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("Arbor Cell", "Pyxel Health", Decimal(600_000_000))]


@pytest.mark.parametrize("text", [
    # handing a company money pays it; more money tied to goals, or to follow when goals are hit, is milestones
    "Ivory Pharma will hand Tarvex Therapeutics $60 million at signing, with as much as $1.2 billion more to follow "
    "if development and commercial goals are hit.",
    "Under the pact, Tarvex Therapeutics will get $60 million upfront from Ivory Pharma and could earn up to "
    "$1.2 billion more tied to development and sales goals.",
])
def test_more_money_tied_to_goals_is_milestones(text):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.milestones.amount) for d in deals] == [
        ("Tarvex Therapeutics", "Ivory Pharma", Decimal(60_000_000), Decimal(1_200_000_000))]


@pytest.mark.parametrize("text,parties,field,amount", [
    # "paid X $15 million to license …": the price, whoever is paid
    ("Kestrel Pharma GmbH paid Ondine Life Science $15 million to license three siRNA programs.",
     ("Ondine Life Science", "Kestrel Pharma GmbH"), "total_value", 15_000_000),
    # an amount "paid upfront" is no verb of the subject's
    ("Tamra Bio struck a pact worth up to 1.06 billion dollars with Sanofi for TB-301, with 75 million dollars "
     "paid upfront.", ("Tamra Bio", "Sanofi"), "upfront", 75_000_000),
    # the subject of a technology export contract exports: the company it is signed with takes the licence
    ("Hwaseong Pharm signed a technology export contract worth KRW 650 billion with Solvane for HP-1726.",
     ("Hwaseong Pharm", "Solvane"), "total_value", 650_000_000_000),
])
def test_price_passive_payment_and_export_contract(text, parties, field, amount):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [parties]
    assert getattr(deals[0], field).amount == Decimal(amount)


@pytest.mark.parametrize("text,parties", [
    # a passive acquisition by a company with hyphenated descriptions before its name
    ("Basel-based Tellmar Bio was acquired by Belgian specialty-pharma group Orvane Pharma for EUR 210 million in "
     "cash.", ("Tellmar Bio", "Orvane Pharma")),
    # rights handed back, the licensor named far after the verb, behind a description
    ("Corvel Pharma has handed back worldwide rights to QT-44, a dual-vector AAV gene therapy for retinitis "
     "pigmentosa, to Leeds-based Hartfell Genetics, ending a deal under which it paid $30 million upfront.",
     ("Hartfell Genetics", "Corvel Pharma")),
    # a licence noun is no licensing verb; rights reverting to a company go back to their licensor
    ("Brandis Biotech said that Molsen Pharma had terminated their 2021 licence for BB-5, an siRNA, with worldwide "
     "rights reverting to the German company; Molsen had paid EUR 20 million upfront.",
     ("Brandis Biotech", "Molsen Pharma")),
    # a passive licence to a company behind a description
    ("Greater China rights to QX-17 were licensed to Shanghai-based Tianpeng Pharmaceutical by Orlan Bio in 2023 "
     "for $8 million upfront.", ("Orlan Bio", "Tianpeng Pharmaceutical")),
])
def test_passives_handbacks_and_reverting_rights(text, parties):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [parties]


def test_no_royalties_are_payable_is_no_royalty():
    text = ("Oster Pharma will pay Lindqvist Bio $90 million upfront for LB-220. No royalties are payable under the "
            "agreement.")
    assert [d.royalty for d in extract(text).deals] == [None]


def test_a_company_the_main_verb_leaves_without_a_role_takes_one_from_its_aside():
    # ("that" after a saying verb is a conjunction, not a demonstrative before a description)
    text = ("Orbel Pharma said that Tarrow Pharmaceuticals, which licensed rights to QX-1 in 2019 for $20 million "
            "upfront, will keep selling the drug in the US.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Orbel Pharma", "Tarrow Pharmaceuticals")]


@pytest.mark.parametrize("text,lang", [
    ("Harvel Pharmaceutical said it was not in talks to buy any company, rejecting a newspaper report that it had "
     "approached Tokyo-listed Minato Bio about a $900 million acquisition.", "en"),
    ("Orsan Bio denied media reports that Pfizer would acquire it for about $5 billion.", "en"),
    ("针对市场流传的“辉瑞拟以约50亿美元收购清源生物”一事，清源生物发布澄清公告称，公司未与辉瑞进行过任何洽谈，相关传闻不实。", "zh"),
])
def test_a_deal_the_article_denies_is_no_deal(text, lang):
    assert extract(text, lang=lang).deals == []


#: a pipe table whose asset cells describe the asset in brackets and whose amounts are ceilings or sums of parts,
#: with notes under it about its rows
TABLE_NOTES = """All figures in US$ millions.

| Licensor | Licensee | Asset (target, modality) | Upfront ($M) | Milestones ($M) | Total ($M) |
|---|---|---|---|---|---|
| Dalmore Bio | Ferrant Pharma | DB-330 (PD-L1 x 4-1BB bispecific) | 35 | up to 880 | n.d. |
| Quillan Therapeutics | Osk Biopharma | QT-5160 (KRAS G12D inhibitor) | 45 | up to 320 dev./reg. + up to 510 sales | n.d. |

Notes
- The Dalmore upfront includes a $10 million equity purchase by Ferrant at a premium.
"""


def test_table_cells_with_descriptions_ceilings_and_parts_and_notes_about_rows():
    deals = extract(TABLE_NOTES).deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.targets, d.milestones.amount, d.milestones.upper_bound)
            for d in deals] == [
        ("Dalmore Bio", "Ferrant Pharma", "DB-330", ["PD-L1", "4-1BB"], Decimal(880_000_000), True),
        ("Quillan Therapeutics", "Osk Biopharma", "QT-5160", ["KRAS G12D"], Decimal(830_000_000), True)]


@pytest.mark.parametrize("text,parties,money", [
    # the payer named behind a nationality and a legal form the name ends in
    ("Kobe-based Sorami Biosciences received a ¥1.2 billion upfront payment from Norwegian company Havbris AS for "
     "European rights to SB-07.", ("Sorami Biosciences", "Havbris AS"), {"upfront": 1_200_000_000}),
    # the price of an option, and "from" naming the licensor of what the option is on
    ("Tellmark Therapeutics ponied up $8 million for an option to license a KRAS G12D degrader from Nara-based "
     "Kinsei Biotech.", ("Kinsei Biotech", "Tellmark Therapeutics"), {"upfront": 8_000_000}),
    # a headline: who bags an asset for an amount pays it
    ("Hakata Pharma bags Korean antibody for $40M upfront", (None, "Hakata Pharma"), {"upfront": 40_000_000}),
    # a part of the milestones pegged to sales levels is summed; "could eventually reach" names the whole
    ("Ulsan-based Daeyang Bio has licensed DY-217 to Hakata Pharma in a pact that could eventually reach $600 "
     "million. Daeyang Bio is eligible for up to $150 million in development and regulatory milestones and a further "
     "$410 million pegged to annual sales thresholds.", ("Daeyang Bio", "Hakata Pharma"),
     {"milestones": 560_000_000, "total_value": 600_000_000}),
])
def test_descriptions_options_headlines_and_sales_level_parts(text, parties, money):
    deals = extract(text).deals
    assert [(d.licensor and d.licensor.name, d.licensee and d.licensee.name) for d in deals] == [parties]
    assert {k: getattr(deals[0], k).amount for k in money} == {k: Decimal(v) for k, v in money.items()}


def test_rights_handed_back_to_the_originator_named_in_apposition():
    text = ("Marsden Pharma confirmed it had handed back European rights to an older asthma antibody, MRV-77, to its "
            "originator, Belgian biotech Inflara, ending a 2020 licence that carried a EUR 15m upfront payment.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Inflara", "Marsden Pharma")]


#: list entries whose status lines have no subject; a company's origin before its name is no NewCo deal
STATUS_LINES = """★ YH-35324, IgE fusion protein, Hanseong Corporation
Status: Global rights acquired by Sobi for $60M upfront, up to $1.02bn in total deal value.

★ PRX-19, CD3 T-cell engager, Prothena spin-out Dovira (Dublin)
Status: Acquired by Ipsen. Equity value €210 million; up to €90 million contingent on FDA approval."""


def test_status_lines_acquired_by_and_spin_out_origins():
    deals = extract(STATUS_LINES).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Hanseong Corporation", "Sobi"),
                                                                  ("Dovira", "Ipsen")]
    assert (deals[1].total_value.amount, deals[1].milestones.amount) == (Decimal(210_000_000), Decimal(90_000_000))


@pytest.mark.parametrize("text,parties,money", [
    # a headline's lower bound and the body's exact total are one deal, with the exact total
    ("AbbVie lands Kestrel's trispecific in $1.9B-plus pact\n\nAbbVie will pay Kestrel Bio $700M upfront, and Kestrel "
     "Bio can collect up to $1.225B in milestones, which puts the deal at up to $1.925B.", ("Kestrel Bio", "AbbVie"),
     {"total_value": 1_925_000_000, "upfront": 700_000_000}),
    # the funder of a programme pays; the owner of the drug is paid
    ("Ashvale Capital will provide up to $300 million to fund the Phase 3 programme of FZ-120, an antibody owned by "
     "Italian drugmaker Fenzi Farmaceutici. In return Ashvale Capital is entitled to milestone payments and a "
     "royalty.", ("Fenzi Farmaceutici", "Ashvale Capital"), {"total_value": 300_000_000}),
    # "valuing the deal at", and milestones that "could add up to"
    ("Orsan Pharma will buy Lantis Biologics for €180 million in cash at closing plus up to €120 million in contingent "
     "value rights, valuing the deal at up to €300 million.", ("Lantis Biologics", "Orsan Pharma"),
     {"total_value": 300_000_000}),
    ("Astra Pharma in-licenses KV-12 from Evertide, paying $50m at signing; development and commercial milestones "
     "could add up to $1.34bn.", ("Evertide", "Astra Pharma"), {"milestones": 1_340_000_000}),
])
def test_totals_named_by_verbs_and_funders(text, parties, money):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [parties]
    assert {k: getattr(deals[0], k).amount for k in money} == {k: Decimal(v) for k, v in money.items()}


@pytest.mark.parametrize("text", [
    # income that includes a milestone received, and revenue that "accounted for" an amount, are no deal terms
    "Licensing and collaboration income of CHF 38.9 million, which includes a CHF 25 million milestone received from a "
    "partner on EU approval of ravolutide.",
    "Of that, collaboration and royalty revenue — mostly from its partnerships with Bayer on the factor XIa program "
    "and with Bristol Myers Squibb in oncology — accounted for ¥8.2 billion.",
    # a competitor's drug named in passing, in a sentence of statistics, is no deal
    "The shuttle field is crowded — Roche's trontinemab is the name everyone cites — and one brokerage reckons "
    "brain-shuttle licensing deals signed since 2022 add up to $14 billion in headline value.",
])
def test_income_received_and_competitors_drugs_are_no_deals(text):
    assert [(d.milestones, d.total_value, d.upfront) for d in extract(text).deals
            if d.milestones or d.total_value or d.upfront] == []
    if "Roche" in text:
        assert extract(text).deals == []


def test_two_partners_of_a_third_after_with_are_no_deal_between_them():
    # (and a known company's short name at the head of a drug code is no company: "AZ-303")
    text = ("Arcticzen Therapeutics still points to its existing collaboration with Sumitomo Pharma in Japan and a "
            "research partnership with the University of Bergen as evidence that its platform has outside support; "
            "neither involved new payments in the quarter. The company said the EMA had validated its marketing "
            "application for AZ-303 in Pompe disease in September.")
    assert extract(text).deals == []


def test_the_payer_named_before_the_money_received():
    text = ("Aoba Seiyaku Acquires Japanese Rights to XL-2207 from Chengdu Xilong Biomedicine\n\nUnder the terms, Xilong "
            "will receive from Aoba an upfront payment of JPY 3.2 billion and is eligible for milestones of up to JPY "
            "4.5 billion.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("Chengdu Xilong Biomedicine", "Aoba Seiyaku", Decimal(3_200_000_000))]


def test_a_clause_continues_the_deal_named_last_and_place_possessives_describe():
    text = ("Rhenova Biotech said Alvarez Pharma had terminated their 2022 licence for RNV-5, with worldwide rights "
            "reverting to the German company. Alvarez had paid €20 million upfront. On the same day, Rhenova out-"
            "licensed RNV-5 in Korea to Korea's Jinwoo Pharmaceutical, which pays KRW 25 billion upfront; Rhenova "
            "will also receive royalties in the low double digits.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.royalty is not None) for d in deals] == [
        ("Rhenova Biotech", "Alvarez Pharma", False), ("Rhenova Biotech", "Jinwoo Pharmaceutical", True)]


@pytest.mark.parametrize("text,targets", [
    # a target named with its variant in the same deal is the variant ("IL-17" beside "IL-17A")
    ("Zenara Bio granted Halcyon Therapeutics an option on ZB-1707, an oral inhibitor of IL-17A, for $15 million "
     "upfront. Oral agents that match injectable IL-17 antibodies would change the field, Halcyon said.", ["IL-17A"]),
])
def test_target_variants(text, targets):
    assert [d.targets for d in extract(text).deals] == [targets]


def test_another_unnamed_developer_is_another_counterparty():
    text = ("Boehringer Ingelheim will pay Qilu Bio $80 million upfront for QB-11, an IL-11 antibody. In January "
            "Boehringer paid an undisclosed sum for rights to a TSLP bispecific from another Chinese developer.")
    deals = extract(text).deals
    assert deals[0].targets == ["IL-11"]


#: newsletter entries: a heading naming the drug, its target and the company (or who handed it back), then the body
NEWSLETTER = """★ FH-412 | oral JAK1 inhibitor | Formosa Helix
Bought outright by Seoul's Hyeon Pharmaceutical, which pays $12 million now and up to $95 million later on development and sales events.

★ KG-77 | anti-TSLP monoclonal antibody | handed back by Kaigen Pharma
The Osaka company has returned all rights to Valtrix Biotherapeutics, ending the 2022 licence for which it paid $15 million upfront."""


def test_newsletter_headings_name_the_company_and_the_drug_and_money_now_and_later():
    deals = extract(NEWSLETTER).deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.targets) for d in deals] == [
        ("Formosa Helix", "Hyeon Pharmaceutical", "FH-412", ["JAK1"]),
        ("Valtrix Biotherapeutics", "Kaigen Pharma", "KG-77", ["TSLP"])]
    assert (deals[0].upfront.amount, deals[0].milestones.amount) == (Decimal(12_000_000), Decimal(95_000_000))


@pytest.mark.parametrize("text", [
    "Analysts at one US bank wrote that AbbVie, Novartis or Vertex could each justify paying between $4 billion and "
    "$5 billion for Halvard Bio, citing its late-stage programme HB-402.",
    "Tamsin Bio had become an obvious target for larger drugmakers; potential suitors include Pfizer, which could "
    "pay $3 billion for the company, one broker said.",
])
def test_buyers_an_analyst_imagines_are_no_deal(text):
    assert extract(text).deals == []


def test_a_patients_marker_written_mutant_or_positive_is_no_target():
    text = ("Hansol Bio will receive $50 million upfront from Jazz Pharmaceuticals for HS-330, a HER3-directed ADC for "
            "EGFR-mutant non-small cell lung cancer.")
    assert [d.targets for d in extract(text).deals] == [["HER3"]]


@pytest.mark.parametrize("text,parties,field,amount", [
    # the price of a minority stake is equity, and whoever buys into a company pays it
    ("Maple Ridge Pharma bought 12% of Dutch biotech Quorumix for €18M and signed a research collaboration.",
     ("Quorumix", "Maple Ridge Pharma"), "equity", 18_000_000),
    ("Milan's Ferrox Therapeutics sold a 9.9% stake to Zentiva-backed fund Arcadia Health Ventures for €18 million.",
     ("Ferrox Therapeutics", "Arcadia Health Ventures"), "equity", 18_000_000),
    # a majority stake is bought: its price is the total
    ("HK-listed Kaiyuan Healthcare Holdings will acquire a 51% stake in Meiqi Biotech, a maker of ophthalmic generics, "
     "for HK$468 million in cash.", ("Meiqi Biotech", "Kaiyuan Healthcare Holdings"), "total_value", 468_000_000),
])
def test_stakes_and_funds(text, parties, field, amount):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [parties]
    assert getattr(deals[0], field).amount == Decimal(amount)


@pytest.mark.parametrize("text,parties,money", [
    # a term sheet "with Taiwan's X to in-license …": the subject takes the licence
    ("Mitsuwa Pharma said on Sept. 9 that it had signed a non-binding term sheet with Taiwan's Formosa Genomix to "
     "in-license FG-203, an oral TYK2 inhibitor, in Japan.", ("Formosa Genomix", "Mitsuwa Pharma"), {}),
    # what "was paid when the transaction closed" is the upfront of the price
    ("The RSV program of Sendai start-up Miyagi Antibody Works has been acquired by Daito Seiyaku for up to ¥4.8 "
     "billion. Of that, ¥1.2 billion was paid when the transaction closed on Sept. 10.",
     ("Miyagi Antibody Works", "Daito Seiyaku"), {"upfront": 1_200_000_000}),
])
def test_term_sheets_with_possessive_places_and_money_paid_at_close(text, parties, money):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [parties]
    assert {k: getattr(deals[0], k).amount for k in money} == {k: Decimal(v) for k, v in money.items()}


def test_milestone_income_booked_from_a_partner_is_no_deal_term():
    text = ("Revenue included JPY 3,000 million in milestone income from US partner Quarry Bio, received on the start "
            "of a Phase 3 trial.")
    assert [d.milestones for d in extract(text).deals if d.milestones] == []


def test_a_designation_granted_to_a_companys_drug_is_no_licence_nor_a_heading():
    text = ("The FDA also granted Fast Track designation to Aoba Therapeutics's second candidate, AOB-305. In research "
            "news, Kyoto University and Sakura Pharmaceutical said they had begun a three-year research collaboration "
            "to identify new targets in kidney fibrosis.")
    deals = extract(text).deals
    assert all("Aoba" not in ((d.licensor and d.licensor.name) or "") + ((d.licensee and d.licensee.name) or "")
               for d in deals)
    assert all(d.asset != "AOB-305" for d in deals)


def test_a_denial_of_something_else_keeps_the_deal():
    text = ("Tellis Pharma returned rights to CV-10 to Corvane Biopharma, ending a deal under which it had paid $50 "
            "million upfront; Tellis denied that the decision was linked to safety.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Corvane Biopharma", "Tellis Pharma")]


def test_a_protein_called_an_attractive_target_keeps_the_deal():
    text = ("Orvane Pharma will pay Tellis Bio $30 million upfront for TB-7, an antibody against TL1A, which the "
            "companies call an attractive target in inflammatory bowel disease.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Tellis Bio", "Orvane Pharma")]


@pytest.mark.parametrize("text,field,amount", [
    ("Corvane Bio paid Hanul Pharma $20 million for the Greater China rights to HP-11.", "upfront", "20000000"),
    ("Corvane Bio paid $15 million to Hanul Pharma for an exclusive license to HP-11 in Korea.", "upfront", "15000000"),
    ("Corvane Bio will pay Hanul Pharma up to $900 million for worldwide rights to HP-11.", "total_value", "900000000"),
])
def test_a_price_paid_for_rights_or_a_licence(text, field, amount):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Hanul Pharma", "Corvane Bio")]
    assert getattr(deals[0], field).amount == Decimal(amount)


@pytest.mark.parametrize("text", [
    "Exercise of the option by Orvane Pharma triggers a $50 million payment to Tellis Bio.",
    "By exercising the option, Orvane Pharma will pay Tellis Bio $50 million.",
    "Orvane Pharma exercised its option on TB-7, which brings a $50 million payment to Tellis Bio.",
])
def test_an_amount_at_a_reported_option_exercise_is_its_fee(text):
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront and d.upfront.amount) for d in deals] == [
        ("Tellis Bio", "Orvane Pharma", Decimal("50000000"))]


def test_a_right_to_opt_in_later_has_no_fee_paid_now():
    text = ("Orvane Pharma will pay Tellis Bio $40 million upfront and gets the right to opt in to later programs upon "
            "payment of $20 million per program.")
    deals = extract(text).deals
    assert [(d.upfront and d.upfront.amount) for d in deals] == [Decimal("40000000")]


def test_a_person_after_a_lower_case_title_is_no_party_and_a_milestone_paid_by_a_partner_is_history():
    text = ("Velmora Bio's half-year revenue rose 20%. On the call, chief financial officer Hanna Lindqvist said most "
            "of it came from a single ¥1.5 billion milestone paid by Orvane Pharma after the first patient was dosed "
            "with VB-12, which Orvane licensed from Velmora Bio in 2021.")
    deals = extract(text).deals
    assert [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.milestones) for d in deals] == [
        ("Velmora Bio", "Orvane Pharma", None)]


@pytest.mark.parametrize("title", ["chief financial officer", "head of business development", "managing director"])
def test_a_person_after_a_lower_case_title_is_no_party(title):
    text = f"On the call, {title} Hanna Lindqvist said Orvane Pharma will pay $20 million upfront for rights to VB-12."
    assert [(d.licensor, d.licensee.name) for d in extract(text).deals] == [(None, "Orvane Pharma")]


def test_a_deal_its_party_values_in_a_relative_clause():
    text = ("Hanul Bio has licensed its shuttle platform to Orvane Pharma, in a deal the American drugmaker values at up "
            "to $1.2 billion. Hanul Bio will receive $40 million upfront.")
    deals = extract(text).deals
    assert [(d.upfront.amount, d.total_value.amount) for d in deals] == [(Decimal("40000000"), Decimal("1200000000"))]


def test_many_agreements_with_disclosed_terms_are_a_statistic():
    text = ("Korean drug developers signed 18 out-licensing agreements with disclosed terms in 2025, with a combined "
            "headline value of $9.2 billion, according to Seoul consultancy Daebak Life Science Partners.")
    assert extract(text).deals == []


def test_the_proceeds_of_a_share_purchase_are_equity_not_the_total():
    text = ("Under the licence, Orvane Pharma pays Hanul Bio $20 million upfront and agreed to purchase 1,000,000 shares "
            "of Hanul's common stock at $5.00 per share, for aggregate proceeds of approximately $5.0 million.")
    (deal,) = extract(text).deals
    assert (deal.upfront.amount, deal.equity.amount, deal.total_value) == (Decimal("20000000"), Decimal("5000000"), None)


FORM = """Daebak Bio Co., Ltd. / Conclusion of Technology Transfer Contract

1. Contract name: Licence-out of DB-310, an oral ALK inhibitor
2. Contract content: The company grants the counterparty exclusive worldwide rights to develop and sell DB-310
3. Counterparty: Norrland Therapeutics AB (Sweden)
4. Contract amount
 - Total contract amount: USD 410,000,000
 - Upfront payment (non-refundable): USD 15,000,000 (KRW 20,800,000,000)
 - Milestones: USD 395,000,000"""


def test_a_disclosure_forms_counterparty_line_and_bracketed_qualifiers():
    (deal,) = extract(FORM).deals
    assert (deal.licensor.name, deal.licensee.name) == ("Daebak Bio Co., Ltd.", "Norrland Therapeutics AB")
    assert (deal.upfront.amount, deal.total_value.amount) == (Decimal("15000000"), Decimal("410000000"))


def test_a_disclosure_forms_licensor_and_licensee_lines():
    text = ("Daebak Bio / Licence agreement\n1. Licensor: Daebak Bio Co., Ltd.\n2. Licensee: Norrland Therapeutics AB\n"
            "3. Upfront payment: USD 15,000,000\n")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        ("Daebak Bio Co., Ltd.", "Norrland Therapeutics AB")]


def test_a_place_the_article_writes_as_x_based_is_no_company():
    text = ("Orvane Pharma buys Lyon antibody spin-out Tellis Bio for up to €300 million\n\n"
            "Lyon-based Tellis Bio SAS has been acquired by Orvane Pharma for €120 million upfront and up to €180 million "
            "in milestones.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Tellis Bio SAS", "Orvane Pharma")]


def test_proceeds_is_no_company_and_a_market_that_could_reach_an_amount_is_no_deal():
    text = ("Tellis Bio raised $60 million in a Series B round. Proceeds will fund trials of TB-7. The company holds an "
            "exclusive licence from Orvane University to its platform. Analysts estimate the market for oral peptides "
            "could reach $12 billion by 2030.")
    deals = extract(text).deals
    names = {(d.licensor and d.licensor.name, d.licensee and d.licensee.name) for d in deals}
    assert all("Proceeds" not in str(n) for n in names)
    assert all(d.total_value is None for d in deals)


def test_a_drug_referred_back_to_by_it_is_the_next_sentences_deal():
    text = ("Ashgrove Royalty will pay Velmora Bio $50 million for part of its royalty on Velnox. Velnox, known in "
            "development as VB-220, is an oral JAK1 inhibitor. Velmora Bio licensed it outside India to Orvane Pharma "
            "in 2021 for $15 million upfront and up to $300 million in milestones.")
    deals = extract(text).deals
    licence = [d for d in deals if d.licensee and d.licensee.name == "Orvane Pharma"]
    assert [(d.licensor.name, d.milestones.amount, d.targets, d.asset) for d in licence] == [
        ("Velmora Bio", Decimal("300000000"), ["JAK1"], "VB-220")]


@pytest.mark.parametrize("text", [
    'Tellis Bio said it was "not in discussions with any party" about licensing TB-7 to Orvane Pharma for $200 million.',
    "Tellis Bio is in talks with Orvane Pharma about licensing TB-7, a JAK1 inhibitor, but there is no term sheet and "
    "nothing to announce.",
    "Tellis Bio has held talks with Orvane Pharma on partnering TB-7, a JAK1 inhibitor, outside the US, but no agreement "
    "or term sheet exists.",
])
def test_talks_the_company_denies_or_plays_down_are_no_deal(text):
    assert extract(text).deals == []


def test_a_relative_clause_on_the_subject_with_an_earlier_deal_is_that_deal():
    text = ("Hanul Bio, which licensed HB-1 to Sanofi in 2022 for $20 million upfront, on Tuesday granted Orvane Pharma "
            "rights to HB-2 for $45 million upfront.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.asset, d.upfront.amount) for d in deals] == [
        ("Hanul Bio", "Sanofi", "HB-1", Decimal("20000000")), ("Hanul Bio", "Orvane Pharma", "HB-2", Decimal("45000000"))]


def test_a_closing_relative_clause_on_a_previous_deal_is_another_deal():
    text = ("Tellis Bio will get $35 million upfront from Orvane Pharma, which previously licensed TB-3 from Tellis in a "
            "$400 million deal.")
    deals = extract(text).deals
    assert [(d.upfront and d.upfront.amount, d.total_value and d.total_value.amount, d.asset) for d in deals] == [
        (Decimal("35000000"), None, None), (None, Decimal("400000000"), "TB-3")]


@pytest.mark.parametrize("text,upfront,milestones", [
    ("Tellis Bio stands to receive up to $500 million on top of the $10 million upfront from Orvane Pharma.",
     "10000000", "500000000"),
    ("Tellis Bio is eligible for $10 million upfront from Orvane Pharma and could receive as much as $500 million later.",
     "10000000", "500000000"),
    ("Orvane Pharma pays Tellis Bio $10 million upfront, with $500 million more on the table.", "10000000", "500000000"),
    ("Orvane Pharma will pay Tellis Bio $10 million for the option and, if exercised, a further $40 million.",
     "10000000", None),
    ("Tellis Bio granted Orvane Pharma an exclusive option to license TB-7 for $10 million.", "10000000", None),
])
def test_what_is_paid_beyond_the_upfront_and_the_price_of_an_option(text, upfront, milestones):
    (deal,) = extract(text).deals
    assert deal.upfront is not None and deal.upfront.amount == Decimal(upfront)
    assert (deal.milestones and deal.milestones.amount) == (milestones and Decimal(milestones))


def test_an_option_on_a_drug_granted_is_a_deal_word():
    text = "Chugai granted Roche an option on the antibody; Roche paid $10 million for the option."
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Chugai", "Roche", Decimal("10000000"))]


@pytest.mark.parametrize("text,field,amount", [
    ("Orvane Pharma will buy Tellis Bio for $12.50 a share in cash, valuing the company at about $850 million.",
     "total_value", "850000000"),
    ("Orvane Pharma completed its tender offer for Tellis Bio, paying $1.1 billion in cash.", "total_value",
     "1100000000"),
    ("Orvane Pharma is acquiring Tellis Bio, including its lead asset TB-7, for $400 million upfront.", "upfront",
     "400000000"),
    ("Royalty Pharma paid Tellis Bio $250 million for a share of future royalties on TB-7 sales.", "total_value",
     "250000000"),
])
def test_takeover_and_royalty_purchase_prices(text, field, amount):
    (deal,) = extract(text).deals
    assert deal.licensor.name == "Tellis Bio" and getattr(deal, field).amount == Decimal(amount)


def test_a_market_value_after_a_share_move_is_no_deal_value():
    text = ("Tellis Bio licensed TB-7 to Orvane Pharma for $20 million upfront. Its shares gained 4% to $47.80 on "
            "Thursday, valuing the company at roughly $1.1 billion.")
    assert [d.total_value for d in extract(text).deals] == [None]


def test_a_bullet_head_naming_two_companies_gives_its_terms_their_deal():
    text = "• Novartis–Hanul Bio: HB-7 rights outside Korea; $30M upfront; up to $500M in milestones; tiered royalties"
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.milestones.amount) for d in deals] == [
        ("Hanul Bio", "Novartis", Decimal("30000000"), Decimal("500000000"))]


def test_a_role_in_brackets_after_the_name():
    text = "Novartis (licensor) and Tellis Bio (licensee) signed a deal for NV-7 worth $500 million."
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Novartis", "Tellis Bio")]


@pytest.mark.parametrize("text,name", [
    ("Under the Norrvik Agreement, the Company received an upfront payment of $25.0 million and is eligible to receive "
     "up to $410.0 million in milestones.", "Norrvik"),
    ("We are obligated to pay Hanul aggregate milestone payments of up to $75.5 million and tiered royalties.", "Hanul"),
])
def test_a_filings_counterparty_named_by_its_agreement_or_as_payee(text, name):
    deals = extract(text).deals
    assert len(deals) == 1 and name in {deals[0].licensor and deals[0].licensor.name,
                                        deals[0].licensee and deals[0].licensee.name}


def test_licensor_and_licensee_as_defined_terms_are_no_companies():
    text = "Pursuant to the License Agreement, Licensee shall pay to Licensor a one-time fee of $10,000,000."
    assert all(d.licensor is None and d.licensee is None for d in extract(text).deals)


@pytest.mark.parametrize("text,field", [
    ("Rights to TB-7 were sold by Tellis Bio to Orvane Pharma for $40 million.", "total_value"),
    ("A $20 million upfront payment will be made by Orvane Pharma to Tellis Bio.", "upfront"),
    ("Tellis Bio gets $20 million from Orvane Pharma for European rights to TB-7.", "upfront"),
])
def test_passive_sales_payments_made_by_and_amounts_got_for_rights(text, field):
    (deal,) = extract(text).deals
    assert (deal.licensor.name, deal.licensee.name) == ("Tellis Bio", "Orvane Pharma")
    assert getattr(deal, field) is not None


def test_an_agreement_under_which_the_other_party_obtains_rights_is_a_deal():
    text = ("Tellis Bio has entered into an agreement with Orvane Pharma under which Orvane obtains rights to TB-7 in "
            "Japan; Tellis will receive JPY 1.5 billion upfront.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Tellis Bio", "Orvane Pharma")]


def test_money_a_company_will_receive_from_another_is_no_rights_from_it():
    text = "Under the deal, the $20 million upfront that Tellis Bio will receive from Orvane Pharma covers rights to TB-7."
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Tellis Bio", "Orvane Pharma")]


def test_who_makes_an_equity_investment_in_whom_beside_a_licence():
    text = ("Orvane Pharma will make an equity investment of $25 million in Tellis Bio as part of the licence, which "
            "carries $15 million upfront.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Tellis Bio", "Orvane Pharma")]


def test_an_analysts_hypothetical_licence_is_no_deal():
    text = "Analysts at Jefferies said Tellis Bio could command an upfront payment of $200 million if it licensed TB-7."
    assert extract(text).deals == []


def test_a_company_seeking_a_partner_is_in_talks_at_most():
    text = "Tellis Bio is seeking a partner for TB-7 and hopes to sign a deal worth more than $1 billion by year end."
    assert [d.status for d in extract(text).deals] == ["in_discussion"]


def test_the_original_deal_of_a_year_is_its_own_record():
    text = ("Orvane Pharma has expanded its collaboration with Tellis Bio, adding TB-9 for $15 million upfront; the "
            "original 2022 deal for TB-7 carried $40 million upfront.")
    deals = extract(text).deals
    assert sorted((d.asset, d.upfront.amount) for d in deals) == [("TB-7", Decimal("40000000")),
                                                                   ("TB-9", Decimal("15000000"))]


CAPS_FILING = """ARKLOW PHARMACEUTICALS, INC.
Annual Report

In March 2025, we entered into an option agreement with Institut Pasteur relating to anti-tau nanobodies. We paid a
non-refundable option fee of €1.5 million. In November 2025, we exercised the option and paid an exercise fee of €3.0
million; Institut Pasteur is eligible for up to €48.0 million in development and sales milestones. We recognized €0.8
million of the option fee as expense in 2025."""


def test_a_capitals_filer_line_the_option_exercise_fee_and_recognized_amounts():
    deals = extract(CAPS_FILING).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Institut Pasteur", "ARKLOW PHARMACEUTICALS, INC")]
    assert deals[0].milestones.amount == Decimal("48000000")
    assert deals[0].upfront.amount in (Decimal("1500000"), Decimal("3000000"))


def test_an_option_fee_beside_a_conditional_exercise_fee_is_one_deal_still_signed():
    text = ("Sanofi paid us a non-refundable option fee of $40 million for an exclusive option to license CRV-207. If "
            "Sanofi exercises the option, it will pay an option exercise fee of $150 million. If Sanofi does not "
            "exercise its option, all rights remain with us.\n\nOption fee received: $40 million\nOption exercise fee: "
            "$150 million")
    deals = extract(text).deals
    assert [(d.licensee.name, d.status) for d in deals] == [("Sanofi", "signed")]


def test_defined_consideration_terms_and_a_defined_vendor():
    text = ("Kestrel Pharmaceutical (Suzhou) Co., Ltd. (the \"Purchaser\") entered into an equity transfer agreement with "
            "Ningbo Ruilin Investment Partnership (the \"Vendor\") to acquire 70% of Lakeview Biologics Co., Ltd. (the "
            "\"Target Company\").\n\n(i) RMB500 million (the \"Initial Consideration\") shall be payable to the Vendor; "
            "and\n(ii) up to RMB200 million (the \"Contingent Consideration\") shall be payable in instalments.")
    (deal,) = extract(text).deals
    assert (deal.upfront.amount, deal.milestones.amount) == (Decimal("500000000"), Decimal("200000000"))
    assert deal.licensor is None or deal.licensor.name != "Vendor"


XBRL_LABEL_FIRST = """License Agreement with Kaneda Seiyaku (Details) - USD ($)
$ in Millions | 1 Months Ended Apr. 30, 2024

Norvane Bio, Inc.
License Agreement [Line Items]
Upfront payment | $ 20.0 |
Regulatory milestones, Maximum | 100.0 |
Sales-based milestones, Maximum | 250.0 |
Royalty rate, Minimum | 8.00% |
Royalty rate, Maximum | 15.00% |

Narrative: In April 2024, Norvane Bio, Inc. granted Kaneda Seiyaku Co., Ltd. an exclusive license to NV-3 in Japan."""


def test_an_xbrl_table_with_labels_first_and_pipe_cells():
    (deal,) = extract(XBRL_LABEL_FIRST).deals
    assert (deal.upfront.amount, deal.milestones.amount) == (Decimal("20000000"), Decimal("350000000"))
    assert deal.royalty is not None and deal.royalty.tiered and (deal.royalty.min_pct, deal.royalty.max_pct) == (8, 15)


NOTE_IN_EUR_THOUSANDS = """ALPENGLOW THERAPEUTICS AG
NOTES TO THE CONSOLIDATED FINANCIAL STATEMENTS
(in EUR thousands, unless otherwise stated)

Sakura license. In November 2023 the Company granted Sakura Life Pharma Co., Ltd. an exclusive license to ALP-9 in
Japan. Sakura paid an upfront fee of 20,000 in December 2023 and the Company may receive development and commercial
milestones of up to an aggregate of 180,000."""


def test_bare_amounts_in_a_notes_prose_under_a_currency_thousands_header():
    (deal,) = extract(NOTE_IN_EUR_THOUSANDS).deals
    assert (deal.upfront.amount, deal.upfront.currency) == (Decimal("20000000"), "EUR")
    assert deal.milestones.amount == Decimal("180000000")


SUMMED_AGAIN = """NORVANE BIO, INC.
Collaboration Agreements - Pfizer Collaboration (Details) - USD ($)
$ in Millions

Upfront payment received                                      $ 650
Maximum
Regulatory milestone payments                                 $ 400
Commercial milestone payments                                 1,000

In July 2021, we entered into a collaboration agreement with Pfizer Inc. for NV-471. We received $650 million upfront
and are eligible for up to $1.4 billion in regulatory and commercial milestones."""


def test_a_milestone_part_that_sums_the_others_is_their_total():
    (deal,) = extract(SUMMED_AGAIN).deals
    assert deal.milestones.amount == Decimal("1400000000")


def test_earn_out_payments_are_no_earning_verb():
    text = ("Harlow Pharma will acquire Kestrel Biologics for up to $300 million. Under the agreement, Harlow will pay "
            "$200 million in cash at completion and up to $100 million in earn-out payments.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("Kestrel Biologics", "Harlow Pharma", Decimal("200000000"))]


def test_a_deal_told_only_as_anothers_background_without_terms_is_dropped():
    text = ("Harlow Pharma has agreed to acquire HP-7 from Kestrel Bio for $1.2 billion upfront. Harlow Pharma will "
            "also assume liabilities tied to Kestrel Bio's prior in-licensing of the FGF21 molecule from Novartis.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee.name) for d in deals] == [("Kestrel Bio", "Harlow Pharma")]


def test_another_drug_with_its_own_upfront_is_another_deal_of_the_same_parties():
    text = ("In May, Orvane Pharma licensed TB-264 from Tellis Bio, paying $47 million upfront and promising as much as "
            "$1.3 billion in milestones. Two months later it took rights to TB-315, a Claudin 18.2 ADC, for $35 "
            "million upfront and up to $901 million in milestones.")
    deals = extract(text).deals
    assert [(d.asset, d.upfront.amount) for d in deals] == [("TB-264", Decimal("47000000")),
                                                            ("TB-315", Decimal("35000000"))]


@pytest.mark.parametrize("text", [
    # something that is no company passes BY the buyer FROM the owner
    "Worldwide rights to BX-44, an oral KRAS inhibitor, were acquired by Strathmore Oncology from Baixin Pharma for "
    "$60 million upfront.",
    "The antibody had been in-licensed by Strathmore Oncology from Baixin Pharma for $60 million upfront in 2024.",
    "Rights to BX-44 outside China were picked up by Strathmore Oncology from Baixin Pharma for $60 million upfront.",
])
def test_passive_bought_by_the_buyer_from_the_owner(text):
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Baixin Pharma", "Strathmore Oncology", Decimal("60000000"))]


@pytest.mark.parametrize("text,milestones", [
    # a sentence that opens on the deal's terms: they are the terms of the statement after the comma
    ("For $60 million upfront, Strathmore Oncology gains BX-44 from Baixin Pharma.", None),
    ("For $60 million upfront and up to $500 million in milestones, Baixin Pharma has licensed BX-44 to Strathmore "
     "Oncology.", Decimal("500000000")),
    ("In return for $60 million upfront, Baixin Pharma has licensed BX-44 to Strathmore Oncology.", None),
    ("In exchange for an upfront payment of $60 million, Baixin Pharma has licensed BX-44 to Strathmore Oncology.",
     None),
])
def test_terms_fronted_before_the_statement(text, milestones):
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.milestones and d.milestones.amount)
            for d in extract(text).deals] == [
        ("Baixin Pharma", "Strathmore Oncology", Decimal("60000000"), milestones)]


def test_the_payee_as_passive_subject_grants_its_own_deal():
    # "X was paid … by Y": X is the licensor, so the clause is not the earlier deal of a company with an unnamed partner
    text = ("Tianhe Biologics received an $85 million upfront payment from an undisclosed global partner for TH-1027. "
            "Separately Linqi Biotech was paid a combined $45 million in upfront and near-term payments by Nordic "
            "Metabolics for ex-China rights to LQ-0316.")
    deals = extract(text).deals
    assert [(d.licensor.name, d.licensee and d.licensee.name, d.asset) for d in deals] == [
        ("Tianhe Biologics", None, "TH-1027"), ("Linqi Biotech", "Nordic Metabolics", "LQ-0316")]


@pytest.mark.parametrize("text,total", [
    # a buyer's price for the whole company, after the price per share
    ("Genmab will acquire Merus for $97 per share in an all-cash tender offer, valuing Merus at roughly $8 billion.",
     Decimal("8000000000")),
    ("AstraZeneca agreed to acquire Harlow Bio for $107 per share in cash. The deal values the London-based company at "
     "approximately $10 billion.", Decimal("10000000000")),
    ("Novartis bought Tourmaline Bio for $48 per share, about $1.4 billion.", Decimal("1400000000")),
    ("Pfizer will acquire Halden Bio for $41.00 per share in cash, an aggregate of about $3.2 billion, a 79% premium "
     "to the prior closing price.", Decimal("3200000000")),
    ("Kerrow Pharma agreed to buy Hallam plc in a deal that values Hallam at £1.1 billion.", Decimal("1100000000")),
])
def test_the_price_of_the_whole_company_after_the_price_per_share(text, total):
    assert [(d.deal_type, d.total_value.amount) for d in extract(text).deals] == [("acquisition", total)]


def test_a_short_name_after_a_generic_first_word_is_the_company():
    text = ("Italian drugmaker Farmaceutici Averna S.p.A. has agreed to acquire Oncorys SA for €18.50 per share in cash, "
            "valuing the French biotech at approximately €540 million. Averna will fund the deal from cash.")
    # (one deal, not one per spelling; the displayed name ends without the abbreviation's last full stop)
    assert [(d.licensor.name, d.licensee.name.rstrip(".")) for d in extract(text).deals] == [
        ("Oncorys SA", "Farmaceutici Averna S.p.A")]


@pytest.mark.parametrize("text,seller,buyer", [
    # a company bought by another is a deal even when only the price of a share is given (which is no term)
    ("AstraZeneca agreed to acquire Harlow Bio for $107 per American Depositary Share in cash.", "Harlow Bio",
     "AstraZeneca"),
    ("Kerrow Pharma will acquire Hallam Biosciences for 480 pence per share in cash.", "Hallam Biosciences",
     "Kerrow Pharma"),
])
def test_an_acquisition_priced_per_share_only_is_a_deal(text, seller, buyer):
    assert [(d.deal_type, d.licensor.name, d.licensee.name, d.total_value) for d in extract(text).deals] == [
        ("acquisition", seller, buyer, None)]


_HV = "Halvard Bio licensed HV-201 to Ostrava Pharma for $40 million upfront"


@pytest.mark.parametrize("text", [
    # milestone ceilings in unseen wordings: kinds listed without a comma, hyphenated kinds, contingent payments that
    # "add up to" or "reach", biobucks, option exercise and milestone payments together
    "Takeda's licence of HV-201 from Halvard Bio included $40 million upfront and up to $500 million in additional "
    "regulatory, development and commercial sales milestone payments.",
    _HV + " plus up to $500 million in development-, regulatory- and sales-related payments.",
    _HV + "; contingent payments could add up to $500 million.",
    _HV + ", while downstream payments could reach $500 million.",
    _HV + "; the biobucks could reach $500 million.",
    "Halvard Bio will receive $40 million upfront from Ostrava Pharma for HV-201 and could earn up to $500 million in "
    "option exercise and milestone payments.",
])
def test_milestone_ceilings_in_unseen_wordings(text):
    assert [(d.upfront.amount, d.milestones and d.milestones.amount, d.total_value) for d in extract(text).deals] == [
        (Decimal("40000000"), Decimal("500000000"), None)]


@pytest.mark.parametrize("text", [
    # upfront payments in unseen wordings, and "from X" after the drug the fee pays for
    "Halvard Bio licensed HV-201 to Ostrava Pharma, with $40 million payable within 30 days of the effective date.",
    "Halvard Bio licensed HV-201 to Ostrava Pharma for a non-refundable, non-creditable payment of $40 million.",
    "Ostrava Pharma agreed to an initial fee of $40 million for HV-201 from Halvard Bio.",
])
def test_upfront_payments_in_unseen_wordings(text):
    assert [(d.licensor.name, d.licensee.name, d.upfront and d.upfront.amount) for d in extract(text).deals] == [
        ("Halvard Bio", "Ostrava Pharma", Decimal("40000000"))]


def test_a_descriptor_of_one_country_is_not_a_company_whose_legal_form_is_of_another():
    # "the Boston-based biotech" is not "Lenzburg Pharma AG", named first in the sentence before
    text = ("Lenzburg Pharma AG has licensed CT-14 from Cairnhill Therapeutics. The Basel company will pay the "
            "Boston-based biotech $150 million upfront.")
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Cairnhill Therapeutics", "Lenzburg Pharma AG", Decimal("150000000"))]


def test_from_after_the_drug_a_price_is_for_names_its_owner():
    text = ("Lenzburg Pharma has taken a licence for $1.1 billion to CT-14, a long-acting amylin analogue from "
            "Cairnhill Therapeutics.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        ("Cairnhill Therapeutics", "Lenzburg Pharma")]


@pytest.mark.parametrize("text,upfront,milestones", [
    # the price of an option, received "to acquire the option"
    ("Under the option agreement, Halvard Bio is set to receive 40 million USD from Ostrava Pharma to acquire the "
     "option to license HV-201.", Decimal("40000000"), None),
    # a sum that waits on how the drug fares is a milestone ceiling …
    ("Ostrava Pharma paid Halvard Bio $10 million upfront for rights to HV-201. A further $450 million depends on the "
     "program's progress.", Decimal("10000000"), Decimal("450000000")),
    ("Ostrava Pharma paid Halvard Bio $10 million upfront for rights to HV-201, with another $450 million riding on "
     "clinical progress.", Decimal("10000000"), Decimal("450000000")),
    # … but not a total that depends on milestones
    ("Ostrava Pharma paid Halvard Bio $10 million upfront for rights to HV-201; the total deal value was up to $450 "
     "million depending on development milestones.", Decimal("10000000"), None),
])
def test_option_price_and_sums_that_depend_on_progress(text, upfront, milestones):
    assert [(d.upfront.amount, d.milestones and d.milestones.amount) for d in extract(text).deals] == [
        (upfront, milestones)]


def test_a_sum_received_so_far_is_no_term():
    text = ("Halvard Bio licensed HV-201 to Ostrava Pharma in 2023 for $800 million upfront. Halvard has now received a "
            "total of $1.05 billion in payments from Ostrava.")
    assert [(d.upfront.amount, d.total_value) for d in extract(text).deals] == [(Decimal("800000000"), None)]


@pytest.mark.parametrize("tail", [
    # milestone ceilings paid when the drug gets somewhere, in wordings the rules had not seen
    " Halvard is also entitled to receive aggregate payments of up to $500 million upon the occurrence of specified "
    "events.",
    " In addition, Ostrava will make payments of up to $500 million upon achievement of certain development, "
    "regulatory and commercial events.",
    " Halvard may receive up to $500 million as development and commercialization progress.",
    " Halvard could also get $500 million should the drug succeed.",
    " Ostrava agreed to pay milestones worth as much as $500 million.",
    " The milestone package is worth up to $500 million.",
    " Ostrava will also pay up to $500 million in R&D and sales milestones.",
])
def test_milestones_paid_when_the_drug_gets_somewhere(tail):
    text = "Halvard Bio licensed HV-201 to Ostrava Pharma for $40 million upfront." + tail
    assert [(d.upfront.amount, d.milestones and d.milestones.amount, d.total_value) for d in extract(text).deals] == [
        (Decimal("40000000"), Decimal("500000000"), None)]


@pytest.mark.parametrize("text,total", [
    # "X's $540 million HV-201 licence to Y": the licence goes to Y, Y does not receive the money
    ("Halvard Bio's $540 million HV-201 licence to Ostrava Pharma includes $40 million upfront.", None),
    ("Halvard Bio licensed HV-201 to Ostrava Pharma for $40 million upfront, with the potential to reach $540 "
     "million.", Decimal("540000000")),
])
def test_licence_to_after_an_amount_and_a_potential_total(text, total):
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.total_value and d.total_value.amount)
            for d in extract(text).deals] == [("Halvard Bio", "Ostrava Pharma", Decimal("40000000"), total)]


@pytest.mark.parametrize("text", [
    # the owner hands its drug over: "signed over … to", "farmed out … to", "partnered <drug> with"
    "Halvard Bio signed over HV-201 to Ostrava Pharma for $40 million upfront.",
    "Halvard Bio has farmed out HV-201 to Ostrava Pharma for $40 million upfront.",
    "Halvard Bio has partnered HV-201 with Ostrava Pharma for $40 million upfront.",
])
def test_the_owner_hands_its_drug_over(text):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Halvard Bio", "Ostrava Pharma")]


@pytest.mark.parametrize("text", [
    # talks that ended with no deal, and a buyer's price an analyst imagines, are no deal
    "Halvard Bio ended talks with Ostrava Pharma over HV-201 without reaching a deal.",
    "Halvard Bio walked away from negotiations with Ostrava Pharma over HV-201.",
    "Ostrava Pharma could pay as much as $500 million if it decides to license HV-201, analysts at Kestrel Securities "
    "estimated.",
])
def test_failed_talks_and_imagined_deals_are_no_deal(text):
    assert extract(text).deals == []


def test_shares_bought_and_a_loan_provided_are_no_second_licence():
    # "subscribe for newly issued X shares worth $15 million" is equity; "provide X with a loan" grants no rights
    text = ("Larkspur Therapeutics has licensed KL-2210 from Kunlun Biosciences. Under the agreement, Larkspur will pay "
            "Kunlun $20 million upfront. Larkspur will also subscribe for newly issued Kunlun shares worth $15 million "
            "and provide Kunlun with a three-year convertible loan of $25 million.")
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount, d.equity and d.equity.amount, d.total_value)
            for d in extract(text).deals] == [
        ("Kunlun Biosciences", "Larkspur Therapeutics", Decimal("20000000"), Decimal("15000000"), None)]


def test_a_drug_under_a_separate_agreement_is_a_deal_of_its_own():
    text = ("Hokuyo Pharmaceutical will pay Quillon Bio $40 million upfront for rights outside the US to QB-218, an oral "
            "KRAS G12D inhibitor. The Sapporo-based drugmaker is also taking an option on QB-330, a preclinical "
            "molecule aimed at KRAS G12V, under a separate agreement signed the same day.")
    assert [(d.licensee.name, d.asset, d.targets, d.upfront and d.upfront.amount) for d in extract(text).deals] == [
        ("Hokuyo Pharmaceutical", "QB-218", ["KRAS G12D"], Decimal("40000000")),
        ("Hokuyo Pharmaceutical", "QB-330", ["KRAS G12V"], None)]


def test_a_descriptor_of_a_city_prefers_the_company_whose_legal_form_fits():
    # "Kagami Pharmaceutical Co." may be Japanese, "Nuvigen Therapeutics" has no legal form: "the Osaka-based
    # drugmaker" is Kagami, who pays
    text = ("Nuvigen Therapeutics will receive $15 million upfront from Kagami Pharmaceutical Co. for rights in Japan "
            "to NVG-217, the Seoul-based biotech said on Tuesday. The Osaka-based drugmaker has also agreed to pay up "
            "to $62 million in development and regulatory milestones.")
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Nuvigen Therapeutics", "Kagami Pharmaceutical Co.", Decimal("15000000"))]


@pytest.mark.parametrize("text,milestones", [
    # "more" after a kind of milestones named before it in the sentence: the two add up …
    ("Ostrava Pharma licensed HV-201 from Halvard Bio for $15 million upfront and agreed to pay up to $62 million in "
     "development and regulatory milestones and up to $148 million more tied to annual sales.", Decimal("210000000")),
    # … "more" after the upfront alone is the whole ceiling
    ("Ostrava Pharma licensed HV-201 from Halvard Bio for $15 million upfront and up to $148 million more.",
     Decimal("148000000")),
])
def test_more_milestones_after_a_kind_named_before_add_up(text, milestones):
    assert [d.milestones.amount for d in extract(text).deals] == [milestones]


@pytest.mark.parametrize("text,total", [
    # a total in a clause that opens the sentence before its parties ("Under the agreement, valued at …, X gains …")
    ("Under the agreement, valued at up to $620 million, Halvora Therapeutics gains global rights to Brightwell "
     "Bio's BW-12.", Decimal("620000000")),
    # the whole amount a party pays for a drug, its parts after it
    ("Halvora Therapeutics will pay Brightwell Bio up to $540 million for BW-12, including $40 million upfront.",
     Decimal("540000000")),
    # 'for an aggregate of', 'tops out at'
    ("Brightwell Bio licensed BW-12 to Halvora Therapeutics for $35 million upfront and up to $585 million in "
     "milestones, for an aggregate of up to $620 million.", Decimal("620000000")),
    ("Halvora Therapeutics is paying $35 million upfront to Brightwell Bio for BW-12, and the overall package tops out "
     "at $620 million.", Decimal("620000000")),
    # a price 'a share' and the whole price after it
    ("Halvora Therapeutics said it would buy Brightwell Bio for $14 a share, or about $700 million.",
     Decimal("700000000")),
])
def test_total_value_phrasings(text, total):
    assert [d.total_value and d.total_value.amount for d in extract(text).deals] == [total]


@pytest.mark.parametrize("text", [
    # 'with another' adds a sum the verb before the first amount does not pay now
    "Halvora Therapeutics will pay Brightwell Bio $35 million upfront, with another $585 million tied to development "
    "and commercial goals, for BW-12.",
    # '$585 million plus': or more
    "Halvora Therapeutics paid Brightwell Bio $35 million upfront for BW-12; another $585 million plus depends on "
    "progress.",
])
def test_another_sum_tied_to_goals_is_the_milestones(text):
    assert [(d.upfront.amount, d.milestones and d.milestones.amount) for d in extract(text).deals] == [
        (Decimal("35000000"), Decimal("585000000"))]


def test_a_milestone_paid_beside_the_upfront_is_history():
    text = ("Halvora Therapeutics paid $35 million upfront and a $20 million milestone tied to development goals to "
            "Brightwell Bio for BW-12.")
    assert [(d.upfront.amount, d.milestones) for d in extract(text).deals] == [(Decimal("35000000"), None)]


@pytest.mark.parametrize("text", [
    # a descriptor of a country neither company is known to be of: the party whose role the clause gives it
    "Brightwell Bio is licensing BW-12 to Halvora Therapeutics; the US company is paying $35 million upfront.",
    "Halvora Therapeutics is licensing BW-12 from Brightwell Bio. The Chinese biotech gets $35 million upfront.",
    # a short name in brackets made of the first word's letters
    "Halvora Therapeutics (HLV) has entered into an exclusive licence agreement under which Brightwell Bio grants HLV "
    "rights to BW-12; HLV will pay $35 million upfront.",
    # the other side named in the sentence's second clause, with no deal word of its own
    "Brightwell Bio will receive $35 million upfront, and Halvora Therapeutics will receive the rights to BW-12.",
])
def test_roles_from_descriptors_short_names_and_a_second_clause(text):
    assert [(d.licensor.name, d.licensee.name, d.asset, d.upfront.amount) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics", "BW-12", Decimal("35000000"))]


@pytest.mark.parametrize("text,asset,targets", [
    # the target of a drug the deal's is compared with is not the deal's
    ("Halvora Therapeutics paid Brightwell Bio $35 million upfront for rights to BW-12, which is being tested against "
     "Keytruda, a PD-1 inhibitor.", "BW-12", []),
    ("Halvora Therapeutics paid Brightwell Bio $35 million upfront for rights to BW-12, a TIGIT antibody that beat an "
     "approved PD-1 antibody in mice.", "BW-12", ["TIGIT"]),
    # … but an antibody 'against' a target is aimed at it
    ("Halvora Therapeutics paid Brightwell Bio $35 million upfront for rights to BW-12, an antibody against PD-1.",
     "BW-12", ["PD-1"]),
    # IL-23p19 is the IL-23 target; an INN ending in -mig is a drug
    ("Brightwell Bio licensed BW-12, an IL-23p19 antibody, to Halvora Therapeutics for $35 million upfront.", "BW-12",
     ["IL-23"]),
    ("Halvora Therapeutics paid Brightwell Bio $35 million upfront for rights to zanitamig, a CD3xCD19 T-cell engager.",
     "zanitamig", ["CD3", "CD19"]),
])
def test_assets_and_targets_of_the_deals_drug(text, asset, targets):
    assert [(d.asset, d.targets) for d in extract(text).deals] == [(asset, targets)]


def test_a_listed_company_defined_with_its_group_is_the_announcer():
    # Hong Kong announcements define the issuer '(the "Company", together with its subsidiaries, the "Group")'
    text = ('The board of directors (the "Board") of Brightwell Bio Holdings Limited (the "Company", together with its '
            'subsidiaries, the "Group") is pleased to announce that on 8 July 2025, the Company entered into an '
            'exclusive license agreement with Halvora Therapeutics, Inc. ("Halvora"), pursuant to which the Company '
            'has granted Halvora an exclusive license to BW-12. Halvora shall pay to the Company a non-refundable '
            'upfront payment of US$35 million.')
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Brightwell Bio Holdings Limited", "Halvora Therapeutics, Inc.", Decimal("35000000"))]


@pytest.mark.parametrize("text,asset,targets", [
    # a relative clause on a company names its own drugs, not the deal's
    ("Halvora Therapeutics, which sells the PD-L1 antibody Imfinzor, licensed BW-12, a TIGIT antibody, from "
     "Brightwell Bio for $35 million upfront.", "BW-12", ["TIGIT"]),
    ("Brightwell Bio, whose lead drug is a FGFR2b antibody, licensed BW-12, a GPRC5D CAR-T, to Halvora Therapeutics "
     "for $35 million upfront.", "BW-12", ["GPRC5D"]),
    # a deal clause naming no target: the sentence about the deal's drug says which, not one on the parties' others
    ("Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront. Halvora already markets a PD-1 "
     "antibody and an EGFR inhibitor and wants a KRAS drug to pair with them. BW-12 targets KRAS G12D.", "BW-12",
     ["KRAS G12D"]),
])
def test_targets_of_the_parties_other_drugs_are_not_the_deals(text, asset, targets):
    assert [(d.asset, d.targets) for d in extract(text).deals] == [(asset, targets)]


@pytest.mark.parametrize("text,targets", [
    # what the drug's target acts on is no target of the drug
    ("Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront. BW-12 blocks TSLP, a cytokine "
     "that sits upstream of IL-4, IL-5 and IL-13 signalling.", ["TSLP"]),
    # targets the text says the deal leaves out
    ("Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront. Brightwell's platform has also "
     "produced ADCs against TROP2 and B7-H3, which are not part of the deal.", []),
])
def test_targets_acted_on_or_left_out_are_not_the_deals(text, targets):
    assert [d.targets for d in extract(text).deals] == [targets]


def test_a_preposition_in_the_heading_before_makes_no_object_of_the_next_sentences_subject():
    # "Deals of the week" ends without a full stop: its "of" is not before the company that opens the next sentence
    text = ("Deals of the week\n"
            "Halvora Therapeutics paid Brightwell Bio $35 million upfront for BW-12, a TIGIT antibody [1]. Kestrel "
            "Pharma, meanwhile, took global rights to Orlin Bio's OB-7 for $60 million upfront [2].")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics"), ("Orlin Bio", "Kestrel Pharma")]


@pytest.mark.parametrize("text", [
    "Brightwell Bio licensed BW-12 to Halvora Therapeutics for $35 million upfront plus as much as $585 million in "
    "back-end payments.",
    # 'on offer' is no takeover offer
    "Brightwell Bio licensed BW-12 to Halvora Therapeutics for $35 million upfront. Another $585 million is on offer in "
    "milestones.",
    # a sum earned if the drug reaches goals, or payable on events
    "Brightwell Bio licensed BW-12 to Halvora Therapeutics for $35 million upfront, and stands to earn up to $585 "
    "million if BW-12 reaches certain goals.",
    "Brightwell Bio licensed BW-12 to Halvora Therapeutics for $35 million upfront, with a further $585 million payable "
    "on certain events.",
])
def test_milestone_ceilings_in_other_words(text):
    assert [(d.upfront.amount, d.milestones and d.milestones.amount, d.total_value) for d in extract(text).deals] == [
        (Decimal("35000000"), Decimal("585000000"), None)]


@pytest.mark.parametrize("text", [
    "Brightwell Bio, which counts Kestrel Pharma as its largest shareholder, licensed BW-12 to Halvora Therapeutics "
    "for $35 million upfront.",
    "Brightwell Bio, whose partner Kestrel Pharma sells its drugs in Japan, licensed BW-12 to Halvora Therapeutics for "
    "$35 million upfront.",
])
def test_a_company_inside_a_relative_clause_is_not_the_subject_of_the_main_verb(text):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics")]


def test_it_as_the_subject_of_a_deal_verb_is_the_company_the_text_is_about():
    text = ("It has been a busy month for Brightwell Bio. On March 3 it licensed BW-12 to Halvora Therapeutics for $35 "
            "million upfront. On March 17 it sold its rights to BW-9 to Meridia Pharma for $12 million.")
    assert [(d.licensor.name, d.licensee.name, d.asset) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics", "BW-12"), ("Brightwell Bio", "Meridia Pharma", "BW-9")]


def test_it_receiving_money_is_the_company_the_text_is_about():
    text = ("Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront. Brightwell Bio has other "
            "partners too. Under a 2022 agreement, it received $5 million upfront from Kestrel Pharma to develop "
            "antibodies against undisclosed targets.")
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics", Decimal("35000000")),
        ("Brightwell Bio", "Kestrel Pharma", Decimal("5000000"))]


def test_a_condition_before_the_subject_stays_with_its_clause():
    text = ("Brightwell Bio licensed BW-12 to Halvora Therapeutics for $35 million upfront. Upon reaching development, "
            "regulatory, and sales milestones, it will receive $585 million in milestone payments.")
    assert [(d.upfront.amount, d.milestones and d.milestones.amount) for d in extract(text).deals] == [
        (Decimal("35000000"), Decimal("585000000"))]


@pytest.mark.parametrize("text", [
    "Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront and will also buy $10 million of "
    "Brightwell stock.",
    "Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront; it will also invest $10 million "
    "in Brightwell shares.",
    "Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront. Halvora will also purchase 2 "
    "million newly issued Brightwell shares for $10 million.",
])
def test_money_for_a_partys_shares_is_equity(text):
    assert [(d.upfront.amount, d.equity and d.equity.amount, d.total_value) for d in extract(text).deals] == [
        (Decimal("35000000"), Decimal("10000000"), None)]


def test_a_company_offering_its_own_shares_invests_in_no_deal():
    text = ("Halvora Therapeutics licensed BW-12 from Brightwell Bio for $35 million upfront. Separately, Halvora "
            "announced a public offering of $175 million of its common stock.")
    assert [d.equity for d in extract(text).deals] == [None]


def test_a_case_sensitive_part_of_a_case_insensitive_rule_has_no_lower_cased_fast_form():
    from newsextract.patterns import _compile
    rx, fast = _compile(r"\bof (?-i:[A-Z]\w+) stock", re.IGNORECASE, "t", "t")
    assert fast is None and rx.search("of brightwell stock") is None


@pytest.mark.parametrize("text", [
    "Halvora Therapeutics licensed BW-12 from Brightwell Bio. Halvora will pay the company $35 million upfront.",
    "Halvora Therapeutics licensed BW-12 from Brightwell Bio. Halvora will pay the Chinese biotech $35 million upfront.",
])
def test_a_descriptor_the_sentences_only_company_pays_is_the_other_one(text):
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics", Decimal("35000000"))]


@pytest.mark.parametrize("text,licensor", [
    ("Halvora Therapeutics licensed BW-12 from Korean drug developer Daehan Bio for $35 million upfront.",
     "Daehan Bio"),
    ("Halvora Therapeutics licensed BW-12 from the Peking University spin-out Yanyuan Therapeutics for $35 million "
     "upfront.", "Yanyuan Therapeutics"),
])
def test_the_source_named_with_describing_words_after_from(text, licensor):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [(licensor, "Halvora Therapeutics")]


@pytest.mark.parametrize("text", [
    "Halvora Therapeutics licensed BW-12 from Brightwell Bio in 2021. Halvora has paid $2.0 million in milestones to "
    "date.",
    "Brightwell Bio licensed BW-12 to Halvora Therapeutics in 2021. Brightwell's 2025 revenue of $90 million included "
    "$40 million in milestone payments from Halvora.",
])
def test_milestones_already_paid_are_no_ceiling(text):
    assert [d.milestones for d in extract(text).deals] == [None]


@pytest.mark.parametrize("text", [
    "Morven Bio licensed BW-12 to Halvora Therapeutics in 2023. Morven Bio is now valued at about $2 billion.",
    "Morven Bio licensed BW-12 to Halvora Therapeutics in 2023. A $300 million Series C round last week valued the "
    "company at $2 billion.",
])
def test_a_companys_valuation_is_no_deal_value(text):
    assert [d.total_value for d in extract(text).deals] == [None]


def test_a_takeover_that_values_the_company_keeps_its_value():
    text = "Halvora Therapeutics will acquire Morven Bio in a deal that values the company at $2 billion."
    assert [d.total_value.amount for d in extract(text).deals] == [Decimal("2000000000")]


@pytest.mark.parametrize("text,expected", [
    # research funding is none of the record's amounts
    ("Halvora Therapeutics will fund up to $20 million of research at Brightwell Bio over three years under the "
     "collaboration, plus $35 million upfront.", (Decimal("35000000"), None, None)),
    ("Brightwell Bio will receive $35 million upfront and research funding of up to $20 million from Halvora "
     "Therapeutics.", (Decimal("35000000"), None, None)),
    # a fee paid on the option's exercise is no term of the option as signed
    ("Halvora Therapeutics paid Brightwell Bio $10 million for an exclusive option to license BW-12, and would pay $50 "
     "million more on exercise.", (Decimal("10000000"), None, None)),
])
def test_research_funding_and_a_fee_on_exercise_are_no_terms(text, expected):
    assert [(d.upfront and d.upfront.amount, d.milestones, d.total_value) for d in extract(text).deals] == [expected]


def test_cd16a_written_with_a_capital_a():
    text = "Brightwell Bio licensed BW-12, a CD16A engager, to Halvora Therapeutics for $35 million upfront."
    assert [d.targets for d in extract(text).deals] == [["CD16a"]]


def test_it_after_a_descriptor_subject_is_that_company():
    text = ("Halvora Therapeutics is paying Brightwell Bio $35 million upfront for BW-12. Last year the Boston company "
            "paid Kestrel Pharma $50 million upfront for KP-3, and in 2024 it licensed an oral GLP-1 agonist from "
            "Jiangbei Pharma for $12 million upfront.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics"), ("Kestrel Pharma", "Halvora Therapeutics"),
        ("Jiangbei Pharma", "Halvora Therapeutics")]


def test_a_partnership_told_only_in_the_company_boilerplate_is_no_deal():
    text = ("Brightwell Bio today announced that it has granted Halvora Therapeutics an exclusive license to BW-12, an "
            "anti-TIGIT antibody. Brightwell will receive an upfront payment of US$35 million.\n\n"
            "About BW-12\nBW-12 is a humanized IgG1 antibody targeting TIGIT.\n\n"
            "About Brightwell Bio\nBrightwell Bio is a biotechnology company headquartered in Suzhou. Its pipeline "
            "includes BW-7, a CD47 antibody, and BW-14, a claudin 18.2 ADC partnered with Kestrel Pharma in 2024.")
    assert [(d.licensor.name, d.licensee.name, d.asset, d.targets) for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics", "BW-12", ["TIGIT"])]


def test_a_machine_translated_announcement():
    # 'issued an announcement' names the article's own company ('the company' later is it); 'in addition to the
    # sales royalty' adds no milestones to the total before it
    text = ("On the evening of March 3, Brightwell Bio issued an announcement that the company and Halvora Therapeutics "
            "signed an exclusive license agreement. According to the agreement, Halvora will pay the company a first "
            "payment of 35 million US dollars, and the milestone payment is not more than 585 million US dollars, the "
            "total amount of the transaction is up to 620 million US dollars, in addition to the sales royalty.\n"
            "It is reported that BW-12 is a TIGIT monoclonal antibody independently developed by the company.")
    assert [(d.licensor.name, d.licensee.name, d.milestones.amount, d.total_value.amount, d.targets)
            for d in extract(text).deals] == [
        ("Brightwell Bio", "Halvora Therapeutics", Decimal("585000000"), Decimal("620000000"), ["TIGIT"])]


@pytest.mark.parametrize("text,total", [
    # the whole price before a share price is the total …
    ("Tolland Pharma agreed to buy Pexley Bio for $2.3 billion, or $24 per share.", Decimal("2300000000")),
    # … a share price alone is none
    ("Tolland Pharma agreed to buy Pexley Bio for $24.50 a share in cash.", None),
])
def test_a_takeover_price_before_its_share_price(text, total):
    assert [d.total_value and d.total_value.amount for d in extract(text).deals] == [total]


def test_a_group_and_its_subsidiary_are_one_side():
    # the gazetteer knows Simcere Zaiming as Simcere's unit: the headline naming the group and the body naming the
    # unit tell one deal
    text = ("AbbVie pays Simcere $30 million upfront for myeloma antibody\n\n"
            "AbbVie has taken an option to license SIM0500, a GPRC5D x BCMA x CD3 antibody, from Simcere Zaiming. "
            "Simcere Zaiming could earn up to $1.05 billion more in option fees and milestones.")
    assert [(d.deal_type, d.licensee.name, d.asset, d.upfront.amount, d.milestones.amount)
            for d in extract(text).deals] == [
        ("option", "AbbVie", "SIM0500", Decimal("30000000"), Decimal("1050000000"))]


def test_words_that_end_like_an_inn_are_no_drug():
    # 'cholesterol' ends in the stem -terol, 'registrant' in -strant: no asset
    text = ("Novartis bought The Medicines Company for $9.7 billion in 2020, gaining the cholesterol drug Leqvio.")
    assert [d.asset for d in extract(text).deals] == ["Leqvio"]


def test_the_registrant_is_the_filer():
    text = "The registrant licensed HV-201 to Brightwell Pharma for $50 million upfront."
    assert [(d.licensor and d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        (None, "Brightwell Pharma")]


@pytest.mark.parametrize("lead", ["Hong Kong-listed", "New York-based", "South San Francisco-based"])
def test_a_place_of_several_words_before_based_or_listed_is_no_part_of_the_name(lead):
    text = f"Boehringer will pay {lead} Ocumension Therapeutics $50 million upfront for OT-702."
    assert [d.licensor.name for d in extract(text).deals] == ["Ocumension Therapeutics"]


@pytest.mark.parametrize("text", [
    "Ocumension licensed OT-702 to Boehringer. The total potential value of the deal exceeds $1 billion, counting "
    "development, regulatory and sales milestones.",
    "Ocumension licensed OT-702 to Boehringer for $1 billion, inclusive of milestones.",
])
def test_milestones_counted_in_a_total_after_it_are_no_cue_of_its_kind(text):
    assert [(d.milestones, d.total_value.amount) for d in extract(text).deals] == [(None, Decimal("1000000000"))]


def test_a_price_of_another_deal_of_the_same_buyer_is_another_deal():
    # the talks name no target; the buyer's earlier takeover, at another price, is a deal of its own
    text = ("Halvora Pharma is in advanced talks to acquire a Shanghai-based developer of antibody drugs for as much as "
            "$2 billion, people familiar with the matter said. Halvora Pharma last year agreed to buy Brightwell Bio for "
            "$9.5 billion.")
    assert sorted((d.status, d.licensor and d.licensor.name, int(d.total_value.amount))
                  for d in extract(text).deals) == [
        ("in_discussion", None, 2000000000), ("signed", "Brightwell Bio", 9500000000)]


@pytest.mark.parametrize("text", [
    "Verdane, a Boston biotech, licensed BW-12 to Kestrel Pharma for $20 million upfront.",
    "Verdane previously licensed BW-12 to Kestrel Pharma for $20 million upfront.",
    "Verdane last year licensed BW-12 to Kestrel Pharma for $20 million upfront.",
])
def test_a_one_word_name_before_an_appositive_or_adverb_and_a_deal_verb(text):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Verdane", "Kestrel Pharma")]


def test_a_country_said_right_after_a_name_steers_a_descriptor():
    # Kuhnil Pharm is Korean by its own appositive: 'the Dutch biotech' that pays is the other company
    text = ("Kuhnil Pharm, a South Korean drugmaker, has agreed a licence for KH-6611 with Kestrel Pharma. The Dutch "
            "biotech will pay $30 million upfront.")
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Kuhnil Pharm", "Kestrel Pharma")]


def test_a_note_on_a_table_row_drug_naming_one_party_fills_the_row():
    text = ("Licensor | Licensee | Asset | Upfront (USD mn)\n"
            "Kuhnil Pharm | Solvari Bio | KH-6611 | 30\n\n"
            "Kuhnil, a Seoul mid-cap, out-licensed KH-6611 in all territories except Korea; the Dutch biotech also "
            "bought KRW 10 billion of Kuhnil shares.")
    assert [(d.licensor.name, d.licensee.name, d.asset, d.equity and int(d.equity.amount))
            for d in extract(text).deals] == [("Kuhnil Pharm", "Solvari Bio", "KH-6611", 10000000000)]


@pytest.mark.parametrize("text", [
    "Shares of Verdane rose after it licensed BW-12 to Kestrel Pharma for $20 million upfront.",
    "Shares in Verdane jumped 30% after the company licensed BW-12 to Kestrel Pharma for $20 million upfront.",
])
def test_a_name_after_shares_of(text):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Verdane", "Kestrel Pharma")]


@pytest.mark.parametrize("text", [
    "Verdane's BW-12 was licensed to Kestrel Pharma for $20 million upfront.",
    "The deal gives Verdane $20 million upfront from Kestrel Pharma for BW-12.",
    "Verdane stands to receive $20 million upfront from Kestrel Pharma for BW-12.",
    "Verdane is set to get $20 million upfront from Kestrel Pharma for BW-12.",
    "Verdane on Monday licensed BW-12 to Kestrel Pharma for $20 million upfront.",
    "Verdane, based in Boston, licensed BW-12 to Kestrel Pharma for $20 million upfront.",
    "Verdane (NASDAQ: VRDN) licensed BW-12 to Kestrel Pharma for $20 million upfront.",
    "Verdane Chief Executive Ann Lee said Kestrel Pharma would pay $20 million upfront for BW-12.",
])
def test_one_word_names_in_the_contexts_news_gives_them(text):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Verdane", "Kestrel Pharma")]


@pytest.mark.parametrize("text", [
    "Under its deal with Verdane Bio, Kestrel Pharma gets BW-12 for $20 million upfront.",
    "Under the pact with Kestrel Pharma, Verdane Bio hands over rights to BW-12 for $20 million upfront.",
    "BW-12 goes to Kestrel Pharma in a deal that pays Verdane Bio $20 million upfront.",
    "Kestrel Pharma plunked down $20 million upfront to get BW-12 from Verdane Bio.",
    "Verdane Bio is offloading BW-12 to Kestrel Pharma for $20 million upfront.",
])
def test_roles_in_news_wordings(text):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Verdane Bio", "Kestrel Pharma")]


@pytest.mark.parametrize("text,upfront,milestones,total", [
    ("Verdane Bio licensed BW-12 to Kestrel Pharma for an initial $20 million and as much as $480 million more in "
     "milestone payments.", 20, 480, None),
    ("Verdane Bio licensed BW-12 to Kestrel Pharma for $20 million upfront plus up to $480 million tied to clinical, "
     "regulatory and sales goals.", 20, 480, None),
    ("Verdane Bio licensed BW-12 to Kestrel Pharma for $20 million upfront and $480 million in success payments.",
     20, 480, None),
    # the rest of a whole is no milestone sum, however its purpose is told after it
    ("Kestrel Pharma will pay Verdane Bio $150 million upfront, with the rest of the up to $1.1 billion tied to "
     "development, regulatory and sales goals.", 150, None, 1100),
])
def test_payment_words_of_news(text, upfront, milestones, total):
    def mn(m):
        return m and int(m.amount) // 1_000_000
    assert [(mn(d.upfront), mn(d.milestones), mn(d.total_value)) for d in extract(text).deals] == [
        (upfront, milestones, total)]


def test_a_headline_round_figure_and_the_body_exact_one_are_one_deal():
    # 'up to $1 billion' in the headline and 'as much as $1.03 billion' in the body: one total, the exact one; a
    # background deal after ', and earlier this year' is a clause of its own
    text = ("Ipsen grabs Chinese ADC in deal worth up to $1 billion\n\n"
            "Ipsen has licensed rights outside Greater China to FS-1502, a HER2 ADC, from Foreseen Biotechnology.\n\n"
            "The French drugmaker said the deal could be worth as much as $1.03 billion.\n\n"
            "In 2023 it bought Albireo Pharma for $952 million, and earlier this year it acquired rights to a TGF-beta "
            "program from Marengo Therapeutics.")
    deals = extract(text).deals
    assert [(d.licensor.name, int(d.total_value.amount), d.targets) for d in deals if d.total_value] == [
        ("Foreseen Biotechnology", 1030000000, ["HER2"]), ("Albireo Pharma", 952000000, [])]


@pytest.mark.parametrize("text,upfront,equity", [
    ("Kestrel Pharma paid Verdane Bio $15 million for an option to license BW-12, with $200 million due if it "
     "exercises the option.", 15, None),
    ("Kestrel Pharma will invest $50 million in Verdane Bio as part of a licensing deal for BW-12 that includes "
     "$30 million upfront.", 30, 50),
])
def test_an_option_fee_before_its_exercise_price_and_money_invested_in_a_party(text, upfront, equity):
    def mn(m):
        return m and int(m.amount) // 1_000_000
    assert [(mn(d.upfront), mn(d.equity)) for d in extract(text).deals] == [(upfront, equity)]


def test_money_invested_in_a_country_or_a_trial_is_no_deal():
    assert extract("Kestrel Pharma will invest $2 billion in US manufacturing.").deals == []


#: a filing's table of its partners flattened to one cell per line, "$" on a line of its own, under an "(in
#: thousands)" note header; the prose under it names the filer's side and the royalties
FLAT_PARTNER_TABLE = """KESTREL BIO, INC.
Notes to Financial Statements
(in thousands)

7. Collaboration and License Agreements

The table below lists our out-licensing agreements.

Licensee
Program
Upfront fee
Maximum milestones
Status
Daiwa Pharma Co., Ltd.
KB-12
$
8,000
$
90,000
Active
Nordvik AB
KB-30
$
3,000
—
Terminated

Under the Daiwa agreement we are entitled to tiered royalties in the mid-single digits on net sales of KB-12. Under all
of our agreements we may receive up to an aggregate of $190,000 in milestones.
"""


def test_a_table_flattened_one_cell_per_line_in_a_filing():
    deals = extract(FLAT_PARTNER_TABLE).deals
    assert [(d.licensor and d.licensor.name, d.licensee.name, d.asset, d.status, d.upfront.amount,
             d.milestones and (d.milestones.amount, d.milestones.upper_bound), d.royalty is not None)
            for d in deals] == [
        ("KESTREL BIO, INC", "Daiwa Pharma Co., Ltd.", "KB-12", "signed", Decimal(8_000_000),
         (Decimal(90_000_000), True), True),
        ("KESTREL BIO, INC", "Nordvik AB", "KB-30", "terminated", Decimal(3_000_000), None, False)]


@pytest.mark.parametrize("text,expected", [
    # a league table: licensor and licensee columns, "n.d." for a term not disclosed, units in the title
    ("Biggest licences of the quarter (US$ millions)\n\nLicensor\nLicensee\nAsset\nUpfront\nMilestones\nTotal\n"
     "Hengrui Pharma\nGSK\nHRS-9821\n500\nup to 11,500\n12,000\n3SBio\nPfizer\nSSGJ-707\n1,250\n4,800\n6,050\n"
     "Harbour BioMed\nAstraZeneca\nHBM7020\n175\nn.d.\n4,575\n\nSource: the companies.",
     [("license", "Hengrui Pharma", "GSK", "HRS-9821", 500, 12_000), ("license", "3SBio", "Pfizer", "SSGJ-707", 1_250, 6_050),
      ("license", "Harbour BioMed", "AstraZeneca", "HBM7020", 175, 4_575)]),
    # a title and a units line right above the header, a source line right under the last row
    ("Notable deals this month\nAmounts in US$ millions\nLicensor\nLicensee\nAsset\nUpfront\nTotal\nHengrui Pharma\nGSK\n"
     "HRS-9821\n500\n12,000\nAkeso\nSummit Therapeutics\nivonescimab\n500\n5,000\nSource: company releases",
     [("license", "Hengrui Pharma", "GSK", "HRS-9821", 500, 12_000), ("license", "Akeso", "Summit Therapeutics", "ivonescimab", 500, 5_000)]),
    # a table of acquisitions: its party columns say so
    ("Takeovers so far this year ($ in billions)\n\nAcquirer\nAcquired company\nDeal value\nMerck & Co.\nVerona Pharma\n"
     "10.0\nSanofi\nBlueprint Medicines\n9.5\n",
     [("acquisition", "Verona Pharma", "Merck & Co.", None, None, 10_000), ("acquisition", "Blueprint Medicines", "Sanofi", None, None, 9_500)]),
])
def test_flattened_deal_tables(text, expected):
    deals = extract(text).deals
    assert [(d.deal_type, d.licensor.name, d.licensee.name, d.asset, d.upfront and int(d.upfront.amount / 1_000_000),
             int(d.total_value.amount / 1_000_000)) for d in deals] == expected


@pytest.mark.parametrize("text,licensor,licensee", [
    # a filing that never names itself: "the Company" / "we" takes the role its verb gives (its name stays null), so
    # the counterparty takes the other one — paying makes the counterparty the licensor …
    ("In March 2022, the Company entered into a license agreement with Novartis AG for NVS-31, under which the "
     "Company paid an upfront fee of $6.0 million and may pay milestones of up to $80.0 million.", "Novartis AG", None),
    ("In March 2022, we entered into a license agreement with Pfizer Inc. for PF-31, paying an upfront fee of $6.0 "
     "million.", "Pfizer Inc.", None),
    ("In connection with the license agreement with Novartis AG, we made a one-time, non-refundable upfront payment "
     "of $6.0 million in 2022.", "Novartis AG", None),
    # … receiving makes it the licensee
    ("In March 2022, the Company entered into a license agreement with Halvora Therapeutics for HT-31. The Company "
     "received an upfront payment of $6.0 million and is eligible for milestones of up to $80.0 million.",
     None, "Halvora Therapeutics"),
])
def test_the_unnamed_filer_takes_the_role_of_its_verb(text, licensor, licensee):
    assert [(d.licensor and d.licensor.name, d.licensee and d.licensee.name) for d in extract(text).deals] == [
        (licensor, licensee)]


def test_the_unnamed_filer_speaking_of_its_business_is_no_side_of_a_deal():
    # "we are also concentrating on out-licensing": no deal's licensor, so Brightwell (the drug's developer) keeps it
    text = ("In addition, we entered into a license agreement with Brightwell Bio to develop BW-12, a cell therapy "
            "under development by Brightwell Bio, in Japan. At the same time, we are also concentrating on "
            "out-licensing activities to bring drugs created in-house to patients worldwide.")
    assert [(d.licensor and d.licensor.name, d.licensee) for d in extract(text).deals] == [("Brightwell Bio", None)]


@pytest.mark.parametrize("text", [
    # payments counted after a verb of payments made are history, however far the verb …
    "Under the agreement, Halvora Therapeutics paid Brightwell Bio an upfront fee of $20.0 million and two milestone "
    "payments of $7.0 million. Halvora also agreed to pay additional development, regulatory and commercial milestone "
    "payments of up to an aggregate of $173.0 million.",
    # … one payment of several ("each") is no ceiling, nor a part of one …
    "Halvora Therapeutics paid Brightwell Bio an upfront fee of $20.0 million. Halvora may pay two sales milestone "
    "payments of $7.0 million each, and development, regulatory and commercial milestones of up to $173.0 million.",
    # … and "accrued for a milestone payment" is one payment, made
    "Halvora Therapeutics paid Brightwell Bio an upfront fee of $20.0 million, and accrued for a milestone payment of "
    "$5.0 million. Halvora also agreed to pay additional development, regulatory and commercial milestone payments up "
    "to an aggregate of $173.0 million.",
])
def test_milestones_paid_or_counted_are_no_ceiling(text):
    assert [(d.upfront.amount, d.milestones and d.milestones.amount) for d in extract(text).deals] == [
        (Decimal("20000000"), Decimal("173000000"))]


@pytest.mark.parametrize("text,total", [
    # a sum of payments the filer has received is history, not the deal's total …
    ("The Company entered into a license agreement with Halvora Therapeutics in 2021. As of December 31, 2024, the "
     "Company had received upfront and milestone payments totaling $120.0 million under the agreement, and remains "
     "eligible for up to $500.0 million in milestones.", None),
    # … one it may receive is the total
    ("The Company entered into a license agreement with Halvora Therapeutics in 2021. The Company has received an "
     "upfront payment and is eligible for upfront and milestone payments totaling up to $500.0 million.",
     Decimal("500000000")),
])
def test_payments_received_to_date_are_no_total(text, total):
    assert [d.total_value and d.total_value.amount for d in extract(text).deals] == [total]


def test_the_filer_named_on_the_cover_of_a_form():
    # "(Exact name of registrant …)" under a name on an 8-K cover makes it the filer: "the Company" is it
    text = ("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nCURRENT REPORT\nHalvora Therapeutics, Inc.\n"
            "(Exact name of registrant as specified in its charter)\n\nItem 1.01 Entry into a Material Definitive "
            "Agreement.\nOn May 4, 2025, the Company entered into a license agreement with Gilead Sciences, Inc. "
            "(\"Gilead\"). Gilead will pay the Company $40.0 million upfront.")
    assert [(d.licensor and d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        ("Halvora Therapeutics, Inc.", "Gilead Sciences, Inc.")]


@pytest.mark.parametrize("text,expected", [
    # a licence, an option or a purchase whose terms go untold is a deal between the two companies its frame binds …
    ("Corvanta Pharma has licensed a cardiovascular antibody from Velbright Bio, the companies said, without disclosing "
     "terms.", [("license", "Velbright Bio", "Corvanta Pharma")]),
    ("Corvanta Pharma secured an exclusive option on Velbright Bio's antibody for an undisclosed sum.",
     [("option", "Velbright Bio", "Corvanta Pharma")]),
    # … but not one told in a relative clause, as the background of other news
    ("Corvanta Pharma, which licensed the antibody from Velbright Bio in 2019, reported new data at a congress.", []),
])
def test_a_deal_with_untold_terms_between_two_bound_companies(text, expected):
    assert [(d.deal_type, d.licensor.name, d.licensee.name) for d in extract(text).deals] == expected


@pytest.mark.parametrize("text,upfront,milestones,total", [
    # what is still to follow, on the back end, or what a party may pick up beyond the upfront is the milestones …
    ("Corvanta Pharma struck a licensing pact with Velbright Bio for VB-301, paying $50 million upfront with up to "
     "$1.3 billion in biobucks to follow.", 50, 1300, None),
    ("Corvanta Pharma will pay Velbright Bio $50 million upfront for VB-301, with up to $1.3 billion on the back end.",
     50, 1300, None),
    ("Under the pact, Velbright Bio gets $50 million in cash now from Corvanta Pharma and could pick up another "
     "$1.3 billion.", 50, 1300, None),
    ("Corvanta Pharma pays Velbright Bio $50 million at signing; Velbright may earn a further $300 million.",
     50, 300, None),
    # … while a deal of biobucks is the whole value
    ("Velbright Bio inked a deal with Corvanta Pharma worth $1.35 billion in biobucks for VB-301.", None, None, 1350),
])
def test_later_money_beyond_the_upfront(text, upfront, milestones, total):
    def m(x):
        return x and x.amount / 1_000_000
    assert [(m(d.upfront), m(d.milestones), m(d.total_value)) for d in extract(text).deals] == [
        (upfront, milestones, total)]


@pytest.mark.parametrize("text,upfront", [
    # a sum paid or handed over for a drug, a code or a pair of candidates is paid now: the upfront …
    ("Corvanta Pharma handed Velbright Bio $53 million for VB-301.", 53),
    ("Corvanta Pharma paid $160 million for a pair of siRNA drugs from Velbright Bio.", 160),
    ("Corvanta Pharma gave Velbright Bio $15 million for its bispecific antibody.", 15),
])
def test_a_sum_paid_for_a_drug_is_the_upfront(text, upfront):
    assert [d.upfront and d.upfront.amount / 1_000_000 for d in extract(text).deals] == [upfront]


def test_a_sum_paid_for_a_company_described_by_its_drugs_is_its_price():
    # … but "for ADC pioneer X" buys the company: the price is the whole value
    deals = extract("Corvanta Pharma stumped up over $10 billion for ADC pioneer Velbright Bio.").deals
    assert [(d.deal_type, d.upfront, d.total_value and d.total_value.amount) for d in deals] == [
        ("acquisition", None, Decimal("10000000000"))]


def test_a_filer_dating_its_own_payment_by_quarter_reports_one_deal():
    # "in the second quarter of 2022" sums nothing when the filer is the clause's subject: the upfront is the deal's
    text = ("Pursuant to the Velbright Agreement, the Company paid an upfront fee of $47.0 million in the second quarter "
            "of 2022 and may pay up to $1.36 billion in milestone payments.")
    assert [(d.licensor.name, d.upfront.amount, d.milestones.amount) for d in extract(text).deals] == [
        ("Velbright", Decimal("47000000"), Decimal("1360000000"))]


@pytest.mark.parametrize("text,upfront,milestones,total", [
    # cash consideration set against contingent money is paid now: the upfront …
    ("Corvanta Pharma acquired VB-301 from Velbright Bio for cash consideration of $25.0 million, plus contingent "
     "payments of up to $180.0 million.", 25, 180, None),
    # … and alone, it is the price
    ("Corvanta Pharma acquired VB-301 from Velbright Bio for cash consideration of $25.0 million.", None, None, 25),
])
def test_cash_consideration_with_and_without_contingent_money(text, upfront, milestones, total):
    def m(x):
        return x and x.amount / 1_000_000
    assert [(m(d.upfront), m(d.milestones), m(d.total_value)) for d in extract(text).deals] == [
        (upfront, milestones, total)]


def test_a_lead_in_before_a_colon_is_no_part_of_the_first_pair():
    # "Other notable deals:" counts deals; the pair after its colon is the first deal of the list, not a statistic
    text = ("Other notable deals: Corvanta/Velbright Bio (Greater China rights, $10M upfront); Lindmor Pharma/Vexa "
            "Therapeutics (VX-12, $80M upfront).")
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals] == [
        ("Corvanta", "Velbright Bio", Decimal("10000000")), ("Lindmor Pharma", "Vexa Therapeutics", Decimal("80000000"))]


@pytest.mark.parametrize("text", [
    # a drug sent, passed, flipped or shipped off to a company goes from the subject to it …
    "Corvanta Pharma sent VB-301 to Velbright Bio for $120M upfront.",
    "Corvanta Pharma passed VB-301 to Velbright Bio for $120M upfront.",
    "Corvanta Pharma flipped VB-301 to Velbright Bio for $120M upfront.",
    "Corvanta Pharma shipped global rights to VB-301 off to Velbright Bio for $120M upfront.",
    # … and money wired or sent to a company goes from the subject to it
    "Velbright Bio wired Corvanta Pharma $120M upfront for VB-301.",
    "Velbright Bio sent $120M upfront to Corvanta Pharma for VB-301.",
])
def test_drugs_and_money_sent_from_one_company_to_another(text):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [("Corvanta Pharma", "Velbright Bio")]


@pytest.mark.parametrize("text,expected", [
    # a speech tag inside the clause gives the speaker no role …
    ("Corvanta Pharma is licensing a psoriasis pill from Velbright Bio for up to $900 million. The deal includes a "
     "$120 million upfront payment, Corvanta said, and gives Corvanta rights outside greater China.",
     [("Velbright Bio", "Corvanta Pharma", 120, 900)]),
    ("Japan's Takeda is licensing a psoriasis pill from Velbright Bio for up to ¥100 billion. The deal includes a ¥12 "
     "billion upfront payment, the Japanese company said, and gives Takeda rights outside greater China.",
     [("Velbright Bio", "Takeda", 12000, 100000)]),
    # … nor does a company named only to describe the next one
    ("Roche is paying $50 million upfront to license an obesity drug from Zealand Pharma's Chinese rival, Velbright "
     "Bio. Velbright could receive up to $700 million more in milestones.",
     [("Velbright Bio", "Roche", 50, None)]),
])
def test_speakers_and_describing_companies_take_no_role(text, expected):
    got = [(d.licensor.name, d.licensee.name, d.upfront.amount / 1_000_000, d.total_value and d.total_value.amount / 1_000_000)
           for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text,upfront,milestones,total", [
    # the most one company agrees to pay another, with no payment word, is the deal's whole value …
    ("Corvanta Pharma agreed to pay Velbright Bio up to $500 million to develop an obesity antibody.", None, None, 500),
    ("Corvanta Pharma could owe 3V Bio as much as $4.8 billion.", None, None, 4800),
    # … and after an upfront just told, what may come beyond it is the milestones
    ("Corvanta Pharma paid Velbright Bio a $20 million upfront fee. In addition, Corvanta is obligated to pay Velbright "
     "Bio up to $144.0 million.", 20, 144, None),
])
def test_a_ceiling_paid_with_no_payment_word(text, upfront, milestones, total):
    def m(x):
        return x and x.amount / 1_000_000
    assert [(m(d.upfront), m(d.milestones), m(d.total_value)) for d in extract(text).deals] == [
        (upfront, milestones, total)]


@pytest.mark.parametrize("text", [
    "Corvanta Pharma granted Velbright Bio Greater China rights to VB-301.",
    "Corvanta Pharma and Velbright Bio signed a deal under which Velbright Bio gains Greater China rights to VB-301.",
])
def test_rights_given_with_no_licence_word_are_a_licence(text):
    assert [(d.deal_type, d.licensor.name, d.licensee.name) for d in extract(text).deals] == [
        ("license", "Corvanta Pharma", "Velbright Bio")]


@pytest.mark.parametrize("text", [
    "Corvanta Pharma completed its tender offer for all shares of Velbright Bio at $62.50 per share in cash, "
    "amounting to approximately $4.1 billion.",
    "Corvanta Pharma will buy Velbright Bio for $62.50 per share, which amounts to about $4.1 billion.",
    "Corvanta Pharma will buy Velbright Bio for $62.50 per share in cash, for a total of about $4.1 billion.",
])
def test_the_sum_after_a_price_per_share_is_the_total(text):
    assert [d.total_value and d.total_value.amount for d in extract(text).deals] == [Decimal("4100000000")]


def test_a_whole_value_equal_to_the_upfront_of_a_deal_with_milestones_is_the_upfront_read_twice():
    text = ("Ashgrove will pay Auroveda $135 million upfront and up to $40 million more if sales pass agreed thresholds, "
            "the fund said, in a deal to buy part of a royalty for $135 million.")
    assert [(d.upfront.amount, d.milestones.amount, d.total_value) for d in extract(text).deals] == [
        (Decimal("135000000"), Decimal("40000000"), None)]


@pytest.mark.parametrize("text,expected", [
    # a milestone payment an event triggers is one payment, made or due: no deal's ceiling …
    ("Corvexa Biosciences said its partner Halden Therapeutics has dosed the first patient in a Phase 1 trial of "
     "CVX-311, triggering a $10 million milestone payment to Corvexa.", []),
    # … and beside a deal's terms, it is no part of them
    ("Halden Therapeutics will pay Corvexa Biosciences $50 million upfront for CVX-311; dosing the first patient "
     "triggers a $10 million milestone payment, and further milestones could reach $900 million.", [(50, 900)]),
])
def test_a_milestone_payment_an_event_triggers_is_no_ceiling(text, expected):
    assert [(d.upfront.amount / 1_000_000, d.milestones.amount / 1_000_000) for d in extract(text).deals] == expected


@pytest.mark.parametrize("text,expected", [
    # two lists of companies and 'respectively': each place in the lists is one deal …
    ("Corvanta Pharma and Lindmor Bio licensed CV-12 and LB-7 to Velbright Therapeutics and Halden Pharma, "
     "respectively, for $500 million and $80 million upfront.",
     [("Corvanta Pharma", "Velbright Therapeutics", "CV-12", 500), ("Lindmor Bio", "Halden Pharma", "LB-7", 80)]),
    ("Velbright Therapeutics and Halden Pharma paid Corvanta Pharma and Lindmor Bio $47 million and $1.25 billion "
     "upfront, respectively.",
     [("Corvanta Pharma", "Velbright Therapeutics", None, 47), ("Lindmor Bio", "Halden Pharma", None, 1250)]),
    # … and one company on one side of every deal takes part in each
    ("Corvanta Pharma licensed CV-12 and CV-31 to Velbright Therapeutics and Halden Pharma for $500 million and "
     "$200 million upfront, respectively.",
     [("Corvanta Pharma", "Velbright Therapeutics", "CV-12", 500), ("Corvanta Pharma", "Halden Pharma", "CV-31", 200)]),
])
def test_respectively_pairs_two_lists_of_companies(text, expected):
    got = [(d.licensor.name, d.licensee.name, d.asset, d.upfront.amount / 1_000_000) for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text", [
    "Velbright Bio shareholders will receive $14.50 per share under the merger agreement with Corvanta Pharma; the "
    "deal has an equity value of $1.1 billion.",
    "Corvanta Pharma and Velbright Bio agreed to merge in a deal valued at $1.1 billion.",
])
def test_a_merger_is_an_acquisition(text):
    assert [(d.deal_type, d.total_value.amount) for d in extract(text).deals] == [("acquisition", Decimal("1100000000"))]


def test_a_price_paid_for_a_company_with_its_per_share_price_between():
    deals = extract("Corvanta Pharma will pay $1.1 billion in cash, or $14.50 a share, for Velbright Bio.").deals
    assert [(d.deal_type, d.licensor.name, d.licensee.name, d.total_value.amount) for d in deals] == [
        ("acquisition", "Velbright Bio", "Corvanta Pharma", Decimal("1100000000"))]


def test_later_list_items_share_the_payment_word_after_the_first_amount():
    text = ("The biggest deals of the year included Corvanta Pharma's $588 million upfront to Velbright Bio for VB-12, "
            "Halden Therapeutics's $185 million to Lindmor Bio, and Orwell Pharma's $500 million to Velbright Bio.")
    got = [(d.licensor.name, d.licensee.name, d.upfront and d.upfront.amount / 1_000_000) for d in extract(text).deals]
    assert got == [("Velbright Bio", "Corvanta Pharma", 588), ("Lindmor Bio", "Halden Therapeutics", 185),
                   ("Velbright Bio", "Orwell Pharma", 500)]


def test_pairs_with_bracketed_terms_joined_by_and_are_list_items():
    text = ("Last year's largest licences were Corvanta/Velbright Bio ($200 million upfront), Halden/Lindmor Bio "
            "($160 million) and Orwell/Tavira Bio ($100 million).")
    got = [(d.licensor.name, d.licensee.name, d.upfront and d.upfront.amount / 1_000_000) for d in extract(text).deals]
    assert got == [("Corvanta", "Velbright Bio", 200), ("Halden", "Lindmor Bio", 160), ("Orwell", "Tavira Bio", 100)]


def test_a_deal_talked_of_then_its_other_side_in_the_same_sentence():
    text = "The tie-up gives Corvanta Pharma rights to VB-12 in Japan; Velbright Bio gets $30 million now."
    got = [(d.licensor.name, d.licensee.name, d.asset, d.upfront.amount) for d in extract(text).deals]
    assert got == [("Velbright Bio", "Corvanta Pharma", "VB-12", Decimal("30000000"))]


@pytest.mark.parametrize("text,asset", [
    ("Corvanta Pharma has struck a deal to acquire Velbright Bio's VB-12 for $30 million upfront, plus up to $270 "
     "million in milestones.", "VB-12"),
    ("Corvanta Pharma bought Velbright Bio's lead antibody for $80 million.", None),
])
def test_a_drug_bought_from_its_owner_is_an_asset_purchase(text, asset):
    assert [(d.deal_type, d.licensor.name, d.licensee.name, d.asset) for d in extract(text).deals] == [
        ("asset_purchase", "Velbright Bio", "Corvanta Pharma", asset)]


@pytest.mark.parametrize("text,expected", [
    # a drug exported to or with a partner is licensed out (Korean trade press's word) …
    ("Lindmor Abxis also exported LM 106, its immunotherapy candidate, with Velbright Pharm, a Russian pharmaceutical "
     "company.", [("license", "Lindmor Abxis", "Velbright Pharm", "LM 106")]),
    ("Corvanta Pharma exported CV-106, its immunotherapy candidate, to Velbright Bio for $20 million upfront.",
     [("license", "Corvanta Pharma", "Velbright Bio", "CV-106")]),
    # … goods exported are no deal
    ("Corvanta Pharma exports most of its generics to Europe and Velbright Pharm.", []),
])
def test_a_drug_exported_to_a_partner_is_licensed_out(text, expected):
    assert [(d.deal_type, d.licensor.name, d.licensee.name, d.asset) for d in extract(text).deals] == expected


@pytest.mark.parametrize("text,licensor", [
    # a city the vocabulary knows tells the descriptor's country: the Chinese licensor, not the US buyer named last
    ("Corvanta Pharma will pay 4Sight Bio $90 million upfront for rights to FS-12. The Shenyang-based drugmaker could "
     "collect up to $700 million more in milestones.", "4Sight Bio"),
    # a country word is a whole word: 'the Indianapolis drugmaker' is no Indian company
    ("Eli Lilly licensed FS-12 from Verdane Bio of Hyderabad for $40 million upfront. The Indianapolis drugmaker will "
     "also pay up to $600 million in milestones.", "Verdane Bio"),
])
def test_a_descriptor_of_a_city_resolves_by_its_country(text, licensor):
    deals = extract(text).deals
    assert [(d.licensor.name, d.milestones and d.milestones.amount / 1_000_000) for d in deals] == [(licensor, 700 if
            "Shenyang" in text else 600)]


def test_shares_of_a_company_whose_name_begins_with_a_digit_are_equity():
    text = ("Corvanta Pharma will pay 4Sight Bio $90 million upfront for rights to FS-12 and will also buy $25 million "
            "of 4Sight Bio shares.")
    (deal,) = extract(text).deals
    assert (deal.upfront.amount, deal.equity.amount, deal.milestones) == (Decimal("90000000"), Decimal("25000000"), None)


@pytest.mark.parametrize("text,licensor", [
    # a registered name with its city in brackets and more words before the legal form is one name
    ("Corvanta Pharma licensed VB-12 from Velbright (Suzhou) Biotech Co., Ltd. for $20 million upfront.",
     "Velbright (Suzhou) Biotech Co., Ltd."),
    ("Lindmor (Hangzhou) Biomedical Technology Co., Ltd. licensed VB-12 to Corvanta Pharma for $20 million upfront.",
     "Lindmor (Hangzhou) Biomedical Technology Co., Ltd."),
])
def test_a_registered_name_with_its_city_in_brackets_is_one_name(text, licensor):
    assert [(d.licensor.name, d.licensee.name) for d in extract(text).deals] == [(licensor, "Corvanta Pharma")]


@pytest.mark.parametrize("text,expected", [
    # a clause that moves to another time with a sum of its own is the same parties' other deal, not a second upfront
    ("Lindmor Bio has licensed LB-571 to Corvanta Pharma for $37.5 million upfront. In 2022, Corvanta paid $47 million "
     "upfront for rights to LB-264, and later that year agreed to pay $175 million for seven preclinical ADCs.",
     [("LB-571", 37.5), ("LB-264", 47), (None, 175)]),
    ("Corvanta Pharma bought VB-12 from Lindmor Bio for $20 million in 2021, and in 2023 paid $50 million for rights "
     "to VB-30.", [("VB-12", None), ("VB-30", 50)]),
])
def test_a_clause_of_another_time_with_its_own_sum_is_another_deal(text, expected):
    got = [(d.asset, d.upfront and float(d.upfront.amount) / 1e6) for d in extract(text).deals]
    assert got == expected
    assert {(d.licensor.name, d.licensee.name) for d in extract(text).deals} <= {
        ("Lindmor Bio", "Corvanta Pharma"), ("Lindmor Bio", "Corvanta")}


def test_a_later_clause_with_its_own_verb_shares_only_the_subject():
    # the second clause's verb names its own partner: the first clause's object is no party of that deal
    text = ("Corvanta Pharma licensed VB-12 from Velbright Bio for $20 million upfront, and last year signed a deal "
            "with Lindmor Bio worth $300 million.")
    got = [{d.licensor.name, d.licensee.name} for d in extract(text).deals]
    assert got == [{"Velbright Bio", "Corvanta Pharma"}, {"Corvanta Pharma", "Lindmor Bio"}]


def test_a_share_of_a_company_is_no_royalty_rate():
    text = ("Lindmor Bio licensed three programmes to Corvanta Pharma for $110 million upfront, a 19.9% stake in "
            "Corvanta and tiered royalties.")
    (deal,) = extract(text).deals
    assert (deal.royalty.tiered, deal.royalty.min_pct, deal.royalty.max_pct) == (True, None, None)


@pytest.mark.parametrize("text", [
    "Lindmor Bio received RMB 250 million in milestone payments from Corvanta Pharma during the period.",
    "Lindmor Bio got $35 million in milestone payments from Corvanta Pharma, which it booked as collaboration revenue.",
])
def test_milestones_received_in_a_reporting_period_are_history(text):
    assert [d.milestones for d in extract(text).deals if d.milestones] == []


def test_a_sum_of_a_quarter_is_no_deal_term():
    text = ("Lindmor Bio granted Corvanta Pharma rights to LB-5346 for a $200 million upfront payment. Separately, "
            "Novartis agreed to acquire Regor Therapeutics' CDK inhibitor portfolio. In total, upfront payments in the "
            "quarter reached $1.6 billion, according to one tally.")
    got = [(d.licensee.name, d.upfront and d.upfront.amount / 1_000_000) for d in extract(text).deals]
    assert got == [("Corvanta Pharma", 200), ("Novartis", None)]


@pytest.mark.parametrize("text", [
    "Corvanta Pharma licensed VB-12 to Velbright Bio for tiered royalties. Velbright's sales rose 13% in the quarter.",
    "Corvanta Pharma licensed VB-12 to Velbright Bio for tiered royalties. Velbright's shares were up 12% on Monday.",
    "Corvanta Pharma licensed VB-12 to Velbright Bio for tiered royalties, and its revenue showed a 23% increase.",
])
def test_a_change_in_percent_is_no_royalty_rate(text):
    (deal,) = extract(text).deals
    assert (deal.royalty.min_pct, deal.royalty.max_pct) == (None, None)


@pytest.mark.parametrize("text,expected", [
    # a merger agreement told by its structure: the company that survives as another's wholly owned subsidiary is
    # bought, by a filer named on its cover …
    ("Item 1.01 Entry into a Material Definitive Agreement. On March 2, 2026, Velbright Therapeutics, Inc. (the "
     "\"Company\") entered into an Agreement and Plan of Merger with Corvanta Pharma Inc. (\"Parent\") and Lark "
     "Merger Sub Inc., pursuant to which Merger Sub will merge with and into the Company, with the Company surviving as "
     "a wholly owned subsidiary of Parent.", [("acquisition", "Velbright Therapeutics, Inc.", "Corvanta Pharma Inc.")]),
    ("Under the merger agreement, Merger Sub will be merged with and into Velbright Bio, and Velbright Bio will become "
     "an indirect wholly-owned subsidiary of Corvanta Pharma.", [("acquisition", "Velbright Bio", "Corvanta Pharma")]),
    # … or by a filer that never names itself (its side null)
    ("On March 2, 2026, we entered into the Merger Agreement with Corvanta Pharma and Merger Sub, providing for the "
     "merger of Merger Sub with and into the Company, with the Company continuing as a wholly owned subsidiary of "
     "Corvanta Pharma.", [("acquisition", None, "Corvanta Pharma")]),
    # a subsidiary described as such is no merger
    ("Lindmor Bio, a wholly owned subsidiary of Halden Holdings, licensed LM-12 to Corvanta Pharma for $20 million "
     "upfront.", [("license", "Lindmor Bio", "Corvanta Pharma")]),
])
def test_a_merger_agreement_whose_surviving_company_becomes_a_subsidiary(text, expected):
    got = [(d.deal_type, d.licensor and d.licensor.name, d.licensee and d.licensee.name) for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("On May 1, 2026, the Company, Corvanta Pharma AG and Velbright Bio, Inc. entered into a collaboration and license "
     "agreement (the \"Corvanta Agreement\"). Under the Corvanta Agreement, the Company received an upfront payment of "
     "$40.0 million.", [(None, "Corvanta Pharma AG", 40000000)]),
    ("In June 2025, the Company entered into an Option and License Agreement with Velbright Bio, Inc. and Halden "
     "Pharma AG (the \"Velbright Agreement\"). During 2025, the Company received an upfront non-refundable payment of "
     "$15.0 million under the Velbright Agreement.", [(None, "Velbright Bio, Inc.", 15000000)]),
])
def test_an_unnamed_filer_paid_by_two_partners_makes_them_the_other_side(text, expected):
    got = [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount)
           for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # revenue told for two years: the later amount of the list is revenue too, not the agreement's total
    ("Corvanta Pharma licensed VB-12 to Halden Bio for an upfront payment of $30.0 million. During the years ended "
     "December 31, 2025 and 2024, Corvanta recognized revenue of $12.3 million and $8.1 million, respectively, under "
     "the Halden agreement.", [(30000000, None)]),
    ("Corvanta Pharma licensed VB-12 to Halden Bio for an upfront payment of $30.0 million. License revenue was $9.4 "
     "million, $6.2 million and $2.5 million, respectively, for 2025, 2024 and 2023 under the Halden agreement.",
     [(30000000, None)]),
])
def test_a_respectively_list_of_revenue_gives_no_total(text, expected):
    assert [(d.upfront and d.upfront.amount, d.total_value) for d in extract(text).deals] == expected


@pytest.mark.parametrize("text,expected", [
    # a report's heading names its filer: the filer's name, then the report's title, on the first line
    ("Velbright Biopharmaceutical Co., Ltd. Annual Report 2025\nDuring the year, the Group entered into a licence "
     "agreement with Corvanta Pharma LLC, pursuant to which the Group granted Corvanta an exclusive licence to VB-264 "
     "outside Greater China. The Group received an upfront payment of US$47 million.",
     [("Velbright Biopharmaceutical Co., Ltd.", "Corvanta Pharma LLC", 47000000)]),
    ("Halden Therapeutics, Inc. PROSPECTUS SUMMARY\nWe have entered into an exclusive license agreement with Lindmor "
     "Pharmaceuticals Co., Ltd. (\"Lindmor\"), pursuant to which we obtained rights to LM-1780 outside Greater China. "
     "We paid Lindmor an upfront fee of $25.0 million.",
     [("Lindmor Pharmaceuticals Co., Ltd.", "Halden Therapeutics, Inc.", 25000000)]),
])
def test_a_report_heading_names_the_filer(text, expected):
    got = [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount)
           for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # a name after purchase / snap up / take over is the company bought, as after acquire and buy; the second clause of a
    # gapped pair ("…, and Y for $1 billion") is bought by the same buyer
    ("Lilly purchased Scorpion for $2.5 billion, and SiteOne for $1 billion.",
     [("acquisition", "Scorpion", "Lilly", 2500000000), ("acquisition", "SiteOne", "Lilly", 1000000000)]),
    ("Halden will purchase Kumquat for $2.5 billion.", [("acquisition", "Kumquat", "Halden", 2500000000)]),
    ("Halden snapped up Kumquat for $2.5 billion.", [("acquisition", "Kumquat", "Halden", 2500000000)]),
    ("Halden took over Kumquat for $2.5 billion.", [("acquisition", "Kumquat", "Halden", 2500000000)]),
    # … but not a drug bought from its owner, nor bills
    ("Pfizer acquired Vextra from Halcyon for $200 million.", [("acquisition", "Halcyon", "Pfizer", 200000000)]),
    ("The company bought Treasury bills worth $2 billion.", []),
])
def test_a_company_bought_after_purchase_verbs(text, expected):
    got = [(d.deal_type, d.licensor and d.licensor.name, d.licensee and d.licensee.name,
            d.total_value and d.total_value.amount) for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text,licensor", [
    # the owner before a drug's INN or kind word is a company the gazetteer need not hold
    ("Roche licensed Zealand's petrelintide for $1.65 billion upfront.", "Zealand"),
    ("Roche gained rights to Kestrel's petrelintide for $50 million upfront.", "Kestrel"),
    ("Biogen took an option on Neomorph's degraders, paying $50 million upfront.", "Neomorph"),
    ("Novo licensed Kestrel's oral GLP-1 agonists for $50 million upfront.", "Kestrel"),
])
def test_the_owner_before_a_drug_inn_or_kind_is_the_licensor(text, licensor):
    d = extract(text).deals[0]
    assert (d.licensor and d.licensor.name, d.upfront.amount > 0) == (licensor, True)


@pytest.mark.parametrize("text", [
    # a takeover, buyout or tender offer is of a company: the deal is an acquisition with no 'acquire X' frame
    "Pfizer paid Halden $4.9 billion upfront in its takeover.",
    "Halden received $1.2 billion from Pfizer in the buyout.",
    "Pfizer will pay Halden $1.2 billion in cash under the tender offer.",
])
def test_a_takeover_word_makes_an_acquisition(text):
    assert [d.deal_type for d in extract(text).deals] == ["acquisition"]


@pytest.mark.parametrize("text,licensee", [
    # a backer of several words before a name ("Tang Capital-backed Kalaris") is no part of it
    ("Tang Capital-backed Kalaris licensed a retinal drug from Qilu for $20 million upfront.", "Kalaris"),
    ("Bain Capital Life Sciences-backed Kalaris Bio licensed a retinal drug from Qilu for $20 million upfront.",
     "Kalaris Bio"),
])
def test_a_backer_of_several_words_is_no_part_of_the_name(text, licensee):
    d = extract(text).deals[0]
    assert (d.licensor.name, d.licensee.name) == ("Qilu", licensee)


@pytest.mark.parametrize("text,asset", [
    # an amount paid for a drug named by its INN is paid for its rights, as for a code or a kind word
    ("Zenas paid InnoCare $100 million for orelabrutinib.", "orelabrutinib"),
    ("Zenas paid InnoCare $100 million for orelabrutinib, and Avenzo took a CDK2 inhibitor from Allorion.",
     "orelabrutinib"),
])
def test_an_amount_paid_for_a_drug_named_by_its_inn(text, asset):
    d = extract(text).deals[0]
    assert (d.licensor.name, d.licensee.name, d.asset, d.upfront.amount) == ("InnoCare", "Zenas", asset, 100000000)


@pytest.mark.parametrize("text", [
    # a later item of a list that names both its own companies is its own deal: it shares no subject with the first
    "Ollin gave Innovent $20 million for an eye antibody, while Kailera's deal with Hengrui carried $110 million upfront.",
    "Not every deal was large: Ollin gave Innovent $20 million for an eye antibody, while Kailera's deal with Hengrui "
    "carried $110 million upfront plus equity.",
])
def test_a_list_item_that_names_both_its_companies_is_its_own_deal(text):
    got = [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in extract(text).deals]
    assert got == [("Innovent", "Ollin", 20000000), ("Hengrui", "Kailera", 110000000)]


@pytest.mark.parametrize("text,expected", [
    # a clause that names both companies before ", with X paying «M»" names the deal's other side
    ("Bristol Myers Squibb and BioNTech will share a PD-L1xVEGF bispecific, with BMS paying $1.5 billion upfront.",
     ("BioNTech", "Bristol Myers Squibb", 1500000000)),
    ("Kestrel and Halden will co-develop HX-12, with Kestrel paying $50 million upfront.",
     ("Halden", "Kestrel", 50000000)),
])
def test_both_companies_named_before_a_with_clause_that_pays(text, expected):
    d = extract(text).deals[0]
    assert (d.licensor and d.licensor.name, d.licensee.name, d.upfront.amount) == expected


@pytest.mark.parametrize("text", [
    # the subject of a passive takeover is the company bought, gazetteer or not
    "Halden, which is being acquired by Novartis for $1.2 billion, makes eye drugs.",
    "Halden is being acquired by Novartis for $1.2 billion.",
    "Halden was bought by Novartis for $1.2 billion.",
    "Halden, which agreed to be acquired by Novartis for $1.2 billion, makes eye drugs.",
])
def test_the_subject_of_a_passive_takeover_is_the_company_bought(text):
    got = [(d.deal_type, d.licensor and d.licensor.name, d.licensee.name, d.total_value.amount) for d in extract(text).deals]
    assert got == [("acquisition", "Halden", "Novartis", 1200000000)]


@pytest.mark.parametrize("text,expected", [
    # a clause of the same sentence that gives the one other party its role completes the deal begun before it
    ("The licence gives Cirrus $50 million upfront; Halden gains rights to CX-11 in the US.",
     ("Cirrus", "Halden", "CX-11", 50000000)),
])
def test_the_same_sentence_names_the_other_side_of_a_party_with_no_role(text, expected):
    d = extract(text).deals[0]
    assert (d.licensor.name, d.licensee and d.licensee.name, d.asset, d.upfront.amount) == expected


@pytest.mark.parametrize("text,expected", [
    # the owner of a payment or a bid named before it: who pays, and whom it goes to or is for
    ("Halden's $50 million upfront to Cirrus buys it rights to CX-11 outside Greater China.",
     ("license", "Cirrus", "Halden", "CX-11")),
    ("Halden's $1.2 billion offer for Cirrus was accepted.", ("acquisition", "Cirrus", "Halden", None)),
    ("Halden's $1.2 billion all-cash takeover of Cirrus closed in May.", ("acquisition", "Cirrus", "Halden", None)),
])
def test_the_owner_of_a_payment_or_bid_named_before_it(text, expected):
    d = extract(text).deals[0]
    assert (d.deal_type, d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.asset) == expected


@pytest.mark.parametrize("text,expected", [
    # a role in brackets after each party ("as the Licensor"): each bracket names its own party's side, also when the
    # filer is only "the Company" and the two are written as a pair
    ("DISCLOSEABLE TRANSACTION\nOn 12 May 2025, the Company (as the Licensor) and Marlow Biosciences Inc. (as the "
     "Licensee) entered into the Licence Agreement in respect of TQ-418. The Licensee shall pay an upfront payment of "
     "US$35 million.", [(None, "Marlow Biosciences Inc.", 35000000)]),
    ("On 12 May 2025, the Company (as purchaser) and Marlow Biosciences Inc. (as vendor) entered into the Agreement "
     "for TQ-418, with an upfront payment of US$35 million.", [("Marlow Biosciences Inc.", None, 35000000)]),
    ("Tessaly Pharma Ltd (as licensee) and Marlow Biosciences Inc. (as licensor) signed the Licence Agreement for "
     "TQ-418, with an upfront payment of US$35 million.", [("Marlow Biosciences Inc.", "Tessaly Pharma Ltd", 35000000)]),
])
def test_a_role_in_brackets_after_each_party_is_its_own(text, expected):
    got = [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount)
           for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # a merger agreement's vehicle ("Merger Sub") acts for its parent, the buyer; the filer defined with its own short
    # name first ('("Corvexa" or the "Company")') is the company bought; a tender offer for all of a company's shares
    # buys the company (its shares are no stake)
    ("On March 4, 2025, Quenby Therapeutics, Inc. (\"Quenby\" or the \"Company\") entered into an Agreement and Plan of "
     "Merger with Ardmore Pharma plc (\"Parent\") and Birch Merger Sub, Inc., a wholly owned subsidiary of Parent "
     "(\"Merger Sub\"). Merger Sub will commence a tender offer to acquire all outstanding shares of the Company's "
     "common stock at $9.40 per share in cash, for a total equity value of approximately $640 million.",
     [("Quenby Therapeutics, Inc.", "Ardmore Pharma plc", 640000000)]),
    ("Quenby Therapeutics, Inc. (the \"Company\") entered into a merger agreement with Ardmore Pharma plc (\"Parent\") "
     "and Birch Merger Sub, Inc. (\"Merger Sub\"). Merger Sub will acquire all outstanding shares of the Company for "
     "approximately $640 million in cash.", [("Quenby Therapeutics, Inc.", "Ardmore Pharma plc", 640000000)]),
    ("Birch Acquisition Corp., a direct wholly owned subsidiary of Ardmore Pharma plc, launched a tender offer for all "
     "of the issued and outstanding shares of Quenby Therapeutics, Inc. for about $640 million.",
     [("Quenby Therapeutics, Inc.", "Ardmore Pharma plc", 640000000)]),
])
def test_a_merger_vehicle_acts_for_its_parent(text, expected):
    got = [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.total_value and d.total_value.amount)
           for d in extract(text).deals]
    assert got == expected


@pytest.mark.parametrize("text", [
    # milestones "in aggregate" of up to an amount (an announcement's Consideration paragraph) are milestones
    "Consideration: Marlow Biosciences Inc. shall pay to Tessaly Pharma Ltd (i) an upfront payment of US$35 million; "
    "and (ii) development and sales milestone payments in aggregate of up to US$480 million.",
    "Marlow will pay Tessaly an upfront payment of US$35 million and milestone payments in the aggregate amount of up "
    "to US$480 million.",
])
def test_milestones_in_aggregate_are_milestones(text):
    got = [(d.upfront and d.upfront.amount, d.milestones and d.milestones.amount, d.total_value)
           for d in extract(text).deals]
    assert got == [(35000000, 480000000, None)]


@pytest.mark.parametrize("text", [
    # a list of amounts whose 'respectively' comes later in the clause, after the periods it pairs them with: all of
    # them are revenue, none the agreement's total
    "Corvanta Pharma licensed VB-12 to Halden Bio for an upfront payment of $30.0 million. We recognized revenue of "
    "$12.3 million and $8.1 million under the Halden agreement for the years ended December 31, 2025 and 2024, "
    "respectively.",
    "Corvanta Pharma licensed VB-12 to Halden Bio for an upfront payment of $30.0 million. Corvanta recognized license "
    "revenue of $12.3 million and $8.1 million in 2025 and 2024, respectively, under the Halden agreement.",
])
def test_a_respectively_after_the_periods_gives_no_total(text):
    assert [(d.upfront and d.upfront.amount, d.total_value) for d in extract(text).deals] == [(30000000, None)]


@pytest.mark.parametrize("text,expected", [
    # a filing's counterparty known only by its initials, after 'agreement … with', written more than once: a company
    ("In June 2023, the Company entered into a license and option agreement (the \"TQ-9 Agreement\") with HMR to "
     "obtain rights outside Japan to TQ-9 for psoriasis; HMR kept its rights in Japan. Under the TQ-9 Agreement, the "
     "Company paid $6.0 million at signing and may pay up to $72.0 million in regulatory and sales milestones.",
     [("HMR", None, 6000000, 72000000)]),
    ("We entered into a license agreement with BNK in 2022 for TQ-9, and we paid BNK an upfront fee of $4.0 million.",
     [("BNK", None, 4000000, None)]),
])
def test_a_counterparty_known_by_its_initials(text, expected):
    got = [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount,
            d.milestones and d.milestones.amount) for d in extract(text).deals]
    assert got == expected


def test_an_acronym_named_once_after_with_is_no_company():
    # an agency or a code named once after 'agreement with' stays no party
    assert extract("The agreement with FDA on the trial design was reached in May.").deals == []
    assert extract("We reached an agreement with SPA on the protocol.").deals == []


@pytest.mark.parametrize("text", [
    # the filer licenses out 'our rights' (a sublicence, an assignment): 'our' is no other party between the verb and
    # the taker
    "In 2024, we sublicensed our rights to TQ-7 in Korea to Marlow Biosciences Inc. for an upfront fee of $9.0 million.",
    "In 2024, we assigned our worldwide rights to TQ-7 to Marlow Biosciences Inc. for $9.0 million upfront.",
])
def test_the_filer_licensing_out_our_rights_is_the_licensor(text):
    got = [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount)
           for d in extract(text).deals]
    assert got == [(None, "Marlow Biosciences Inc.", 9000000)]


@pytest.mark.parametrize("text", [
    "At the J.P. Morgan Healthcare Conference, Tarrow Bio said it had licensed its TSHR antibody TB-7535 to Kailera "
    "for $100 million upfront.",
    "Speaking at the JPMorgan Healthcare Conference in San Francisco, Tarrow Bio said it licensed TB-7535 to Kailera "
    "for $100 million upfront.",
])
def test_a_conference_is_no_company(text: str) -> None:
    # a name before 'Conference', 'Congress', 'Symposium' is a meeting's (names.yml not_name_after)
    from newsextract import extract
    (d,) = extract(text, lang="en").deals
    assert (d.licensor.name, d.licensee.name, d.asset) == ("Tarrow Bio", "Kailera", "TB-7535")


@pytest.mark.parametrize("text", [
    "Halden Therapeutics made a $1.2 billion bid for Cirrus Bio on Monday.",
    "Halden Therapeutics has submitted a $1.2 billion all-cash offer for Cirrus Bio, people familiar said.",
    "Last week Halden Therapeutics tabled a $1.2 billion takeover bid for Cirrus Bio.",
])
def test_a_bid_with_its_amount_is_an_acquisition_in_discussion(text: str) -> None:
    # the bidder would buy the company bid for; an offer made is not yet a signed deal (roles.yml role.bid_for,
    # status.yml in_discussion), with the bid's amount between the verb and 'bid'
    (d,) = extract(text).deals
    assert (d.deal_type, d.status, d.licensor.name, d.licensee.name, d.total_value.amount) == (
        "acquisition", "in_discussion", "Cirrus Bio", "Halden Therapeutics", 1200000000)


@pytest.mark.parametrize("text", [
    "Cirrus Bio makes an oral GLP-1 pill. Merck agreed to buy the company for $3 billion in cash.",
    "Cirrus Bio makes an oral GLP-1 pill. Merck will acquire the biotech for $3 billion.",
    "Cirrus Bio, a Boston startup, makes an oral GLP-1 pill. Merck snapped up the Boston biotech for $3 billion.",
])
def test_a_descriptor_bought_is_not_the_buyer(text: str) -> None:
    # a descriptor after buy / acquire / snap up is their object: the company named before, not its own sentence's
    # subject (names.yml object_reference_before)
    (d,) = extract(text).deals
    assert (d.deal_type, d.licensor.name, d.licensee.name) == ("acquisition", "Cirrus Bio", "Merck")


@pytest.mark.parametrize("text", [
    "Bayer licensed a KRAS G12D inhibitor from Kumquat Biosciences for up to $1.3 billion, and Novartis paid Argo "
    "Biopharma $160 million upfront for siRNA rights.",
    "Bayer licensed a KRAS G12D inhibitor from Kumquat Biosciences for up to $1.3 billion, while Novartis handed Argo "
    "Biopharma $160 million in upfront cash for siRNA rights.",
])
def test_a_payment_word_of_a_later_statement_is_its_own(text: str) -> None:
    # a list's closing payment word goes to the items before only when the last item is no statement of its own
    # ('… and «P» paid «P» «M» upfront'): the first deal keeps its total
    got = [(d.licensee.name, d.upfront and d.upfront.amount, d.total_value and d.total_value.amount)
           for d in extract(text).deals]
    assert got == [("Bayer", None, 1300000000), ("Novartis", 160000000, None)]


@pytest.mark.parametrize("text", [
    "Pfizer walked away from its licensing pact with Kodiak, returning the rights to the ADC it had licensed for $25 "
    "million upfront in 2023.",
    "Pfizer is handing back the rights to the ADC it licensed from Kodiak in 2023 for $25 million upfront.",
])
def test_rights_returned_to_a_drug_the_returner_licensed(text: str) -> None:
    # 'to the ADC it had licensed': the company after 'to …' is the subject of a relative clause, not whom the
    # rights go back to (roles.yml role.hands_back)
    (d,) = extract(text).deals
    assert (d.status, d.licensor.name, d.licensee.name) == ("terminated", "Kodiak", "Pfizer")


@pytest.mark.parametrize("text", [
    "For the rights, Braveheart is on the hook for $75 million upfront, with Hengrui in line for up to $1 billion more.",
    "Braveheart's upfront to Hengrui comes to $75 million.",
    "The $75 million upfront that Braveheart is paying Hengrui is the biggest this quarter.",
    "Braveheart forked out $75 million upfront to secure rights to HRS-1893 from Hengrui.",
])
def test_a_new_name_before_a_paying_verb_or_its_own_upfront(text: str) -> None:
    # a name the gazetteer lacks, known as a company by what it does ('is paying', 'forked out', 'is on the hook')
    # or owns ('Braveheart's upfront to …'): names.yml context_before_verb, context_possessive_money
    (d,) = extract(text).deals
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == ("Hengrui", "Braveheart", 75000000)


@pytest.mark.parametrize("text,buyer", [
    ("Under the agreement, a subsidiary of Jazz Pharmaceuticals will commence a tender offer to acquire all "
     "outstanding shares of Chimerix for $8.55 per share, or approximately $935 million.", "Jazz Pharmaceuticals"),
    ("Under the agreement, a subsidiary of Halden will commence a tender offer to acquire all outstanding shares of "
     "Chimerix for $8.55 per share, or approximately $935 million.", "Halden"),
])
def test_a_subsidiary_of_the_buyer_opens_the_tender_offer(text: str, buyer: str) -> None:
    # 'a subsidiary of X' opening a clause: X is the clause's subject (clauses.yml object_before), and no parent in an
    # appositive on a company named before (roles.yml parent_before wants that company before the comma)
    (d,) = extract(text).deals
    assert (d.deal_type, d.licensor.name, d.licensee.name, d.total_value.amount) == (
        "acquisition", "Chimerix", buyer, 935000000)


def test_a_parent_in_an_appositive_is_still_no_party() -> None:
    (d,) = extract("Cirrus Bio, a subsidiary of Halden Group, received $20 million upfront from Kestrel Pharma.").deals
    assert (d.licensor.name, d.licensee.name) == ("Cirrus Bio", "Kestrel Pharma")


@pytest.mark.parametrize("text,total", [
    ("Halden Bio agreed to acquire Cirrus Therapeutics for $20.00 per share in cash, a total equity value of about "
     "$1.5 billion. Net of Cirrus's cash, the transaction represents an enterprise value of roughly $1.1 billion.",
     1500000000),
    ("Halden Bio agreed to acquire Cirrus Therapeutics for a total enterprise value of about $1.1 billion.", 1100000000),
])
def test_an_enterprise_value_is_the_total_only_when_no_other_is_stated(text: str, total: int) -> None:
    # an enterprise value beside an equity value is another measure of the same price (payments.yml
    # pay.enterprise_value, kind total_alt): one deal, whose total is the other one
    (d,) = extract(text).deals
    assert (d.deal_type, d.licensor.name, d.licensee.name, d.total_value.amount) == (
        "acquisition", "Cirrus Therapeutics", "Halden Bio", total)


@pytest.mark.parametrize("text,want", [
    ("In consideration for the license, we paid Halden a one-time fee of $5.0 million in January 2025, and we are "
     "obligated to pay up to an aggregate of $95.0 million upon the achievement of specified milestones.",
     ("Halden", None, 5000000, 95000000)),
    ("Kestrel agreed to pay Verdane up to $95 million in milestones for HP-201.", ("Verdane", "Kestrel", None, 95000000)),
])
def test_the_company_a_payment_verb_pays(text: str, want: tuple) -> None:
    # a name the gazetteer lacks, right after pay / paid / owes and before what it is paid (names.yml context_payee)
    (d,) = extract(text).deals
    assert (d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount,
            d.milestones and d.milestones.amount) == want


def _parties_and_money(text: str) -> list[tuple]:
    return [(d.licensor and d.licensor.name, d.licensee and d.licensee.name,
             (d.upfront or d.total_value) and (d.upfront or d.total_value).amount) for d in extract(text, lang="en").deals]


@pytest.mark.parametrize("text,expected", [
    # a second deal joined by 'after' / 'before' / 'weeks after' with no comma, told with its own amount: a clause of
    # its own (not when what follows 'after' has no amount: "… five weeks after the US drugmaker agreed to buy it")
    ("Halvard Bio bought Corvane Therapeutics for $2.1 billion after Ostrava Pharma acquired Melby Bio for $900 million.",
     [("Corvane Therapeutics", "Halvard Bio", 2100000000), ("Melby Bio", "Ostrava Pharma", 900000000)]),
    ("Ostrava Pharma licensed OP-12 from Melby Bio for $40 million upfront weeks after Halvard Bio paid Corvane "
     "Therapeutics $25 million upfront for CV-7.",
     [("Melby Bio", "Ostrava Pharma", 40000000), ("Corvane Therapeutics", "Halvard Bio", 25000000)]),
    # 'it' right after a company and its speech verb is that company ("Halvard said it would buy …")
    ("Ostrava Pharma agreed to acquire Melby Bio for $3 billion, a month after Halvard Bio said it would buy Corvane "
     "Therapeutics for $1.2 billion.",
     [("Melby Bio", "Ostrava Pharma", 3000000000), ("Corvane Therapeutics", "Halvard Bio", 1200000000)]),
    # a report of another company's plans after 'while' ("while Reuters reported that …"): another clause, no
    # party of the deal told first
    ("Tarrow Bio licensed a TL1A antibody from Yutai Biotech for $50 million upfront, while a newspaper reported that "
     "Brenner Pharma is weighing a takeover of Tarrow Bio.", [("Yutai Biotech", "Tarrow Bio", 50000000)]),
    # two possessive deals joined by 'and' after an object company: two clauses, two deals
    ("The deal follows Halvard Bio's $1.1 billion acquisition of Corvane Therapeutics and Ostrava Pharma's $640 "
     "million takeover of Melby Bio.",
     [("Corvane Therapeutics", "Halvard Bio", 1100000000), ("Melby Bio", "Ostrava Pharma", 640000000)]),
])
def test_two_deals_of_one_sentence_after_a_time_word_or_and(text, expected):
    assert _parties_and_money(text) == expected

def test_deal_activity_of_a_year_is_a_statistic():
    # the value of a field's deal-making in a year ("gene-therapy M&A activity") is no term of the deal before it
    text = ("Spring was busy too, with Halvard Bio's $2 billion cash deal for Melby Bio and Brenner Pharma's "
            "licensing deal with Yutai Biotech for a TROP2 ADC in April. Overall, the value of gene-therapy M&A "
            "activity hit $12 billion in total last year.")
    assert [(d.licensor.name, d.total_value and d.total_value.amount) for d in extract(text, lang="en").deals] == [
        ("Melby Bio", 2000000000), ("Yutai Biotech", None)]

@pytest.mark.parametrize("text,expected", [
    # "X's $M licence from Y": X takes the licence, Y grants it, and the amount names the deal (its total)
    ("The pact comes after Halvard Bio's $588 million licence from Yutai Biotech and Ostrava Pharma's $500 million "
     "deal with Yutai Biotech.",
     [("Yutai Biotech", "Halvard Bio", 588000000), ("Yutai Biotech", "Ostrava Pharma", 500000000)]),
])
def test_a_possessive_licence_from_names_its_sides_and_total(text, expected):
    assert _parties_and_money(text) == expected

@pytest.mark.parametrize("text", [
    # an earlier takeover of the buyer's, told in passing before the deal being told, takes no role from it
    "Halvard Bio followed its buyout of Melby Bio with a bigger offer for Corvane Therapeutics at $9.20 a share in "
    "cash, which values the target at roughly $2.6 billion.",
    "Halvard Bio followed up on its purchase of Melby Bio with an agreement to acquire Corvane Therapeutics for about "
    "$2.6 billion.",
    "Fresh off its acquisition of Melby Bio, Halvard Bio is buying Corvane Therapeutics for $2.6 billion.",
    # … and so does one in a relative clause on the buyer, with no amount
    "Halvard Bio, which acquired Melby Bio last year, has agreed to buy Corvane Therapeutics for $2.6 billion.",
])
def test_an_earlier_takeover_in_passing_is_not_the_deal(text):
    assert _parties_and_money(text) == [("Corvane Therapeutics", "Halvard Bio", 2600000000)]


@pytest.mark.parametrize("text", [
    # a deal struck 'for' a company (not for its drug) buys it: the subject pays
    "Halvard Bio struck a $2 billion cash deal for Melby Bio.",
    "Halvard Bio struck a deal for Melby Bio worth $2 billion.",
    "Halvard Bio has agreed a $2 billion deal for Boston-based Melby Bio.",
])
def test_a_deal_struck_for_a_company_buys_it(text):
    (d,) = extract(text, lang="en").deals
    assert (d.deal_type, d.licensor.name, d.licensee.name, d.total_value.amount) == (
        "acquisition", "Melby Bio", "Halvard Bio", 2000000000)


@pytest.mark.parametrize("text,expected", [
    # the same parties' earlier deal, named with its own terms after the new one: two records, each with its terms
    ("Ostrava Pharma will pay Melby Bio $120 million upfront for two bispecifics; the two had signed a $30 million "
     "deal for MB-204 in 2022.", [("Melby Bio", "Ostrava Pharma", 120000000), ("Melby Bio", "Ostrava Pharma", 30000000)]),
    ("Ostrava Pharma licensed a second program from Melby Bio for $45 million upfront, building on the 2023 "
     "collaboration that paid Melby $15 million upfront.",
     [("Melby Bio", "Ostrava Pharma", 45000000), ("Melby Bio", "Ostrava Pharma", 15000000)]),
])
def test_the_same_parties_earlier_deal_with_its_own_terms(text, expected):
    assert _parties_and_money(text) == expected


def test_a_time_word_before_a_clause_that_refers_back_is_no_cut():
    # "after Y paid it $M": 'it' is the company before 'after', so the clause is not cut there
    (d,) = extract("Melby Bio shares rose after Halvard Bio paid it $50 million upfront for MB-12.", lang="en").deals
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == ("Melby Bio", "Halvard Bio", 50000000)


@pytest.mark.parametrize("text,licensor", [
    ("Servier has acquired the European rights to AL-5 for $20 million upfront, Allist Pharmaceuticals announced.",
     "Allist Pharmaceuticals"),
    ("Servier has acquired the European rights to AL-5 for $20 million upfront, Allist Pharmaceuticals announced on "
     "Monday.", "Allist Pharmaceuticals"),
    ("Servier has acquired the European rights to AL-5 for $20 million upfront, Allist says.", "Allist"),
])
def test_a_speech_tag_that_ends_the_sentence_is_no_clause_of_its_own(text: str, licensor: str) -> None:
    # ', X announced.' / ', X says.' closing the sentence: X stays in the deal's clause (clauses.yml split), as after
    # ', X said.', and the frame gives it the other side
    (d,) = extract(text).deals
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == (licensor, "Servier", 20000000)


@pytest.mark.parametrize("text", [
    # an amount a verb of paying or getting pays with no payment word, joined to a ceiling: the upfront
    "Halvard Bio will pay $55 million, plus up to $755 million in milestones, to Melby Bio for MB-336.",
    "Halvard Bio will pay Melby Bio $55 million in cash and stock and up to $755 million in milestones for MB-336.",
    "Melby Bio gets $55 million from Halvard Bio, and could receive up to $755 million more, for MB-336.",
    "Halvard Bio paid $55 million and up to $755 million in milestones to license MB-336 from Melby Bio.",
    # … and paid in cash and equity, named before the payment word
    "Melby Bio gets $55 million in cash and equity upfront from Halvard Bio for MB-336, with up to $755 million in "
    "milestones to follow.",
])
def test_an_amount_paid_now_beside_a_ceiling_is_the_upfront(text: str) -> None:
    (d,) = extract(text, lang="en").deals
    assert (d.licensor.name, d.licensee.name, d.upfront.amount, d.milestones.amount) == (
        "Melby Bio", "Halvard Bio", 55000000, 755000000)


def test_an_amount_received_in_an_earlier_year_is_no_upfront() -> None:
    # a year between the amount and the ceiling: a payment of its own time, not the one paid now
    (d,) = extract("Melby Bio received $55 million in 2023 and up to $755 million for MB-336 from Halvard Bio.",
                   lang="en").deals
    assert d.upfront is None


@pytest.mark.parametrize("text,upfront,milestones,total", [
    # paid 'immediately' is paid now; what comes 'if the drug hits … goals' is the milestones
    ("Under the pact, Halvard Bio will hand Melby Bio $65 million immediately for MB-12 and as much as $1.1 billion "
     "if the drug hits development and sales goals.", 65000000, 1100000000, None),
    ("Halvard Bio pays Melby Bio $20 million upfront for MB-12, and up to $300 million when the program reaches "
     "certain milestones.", 20000000, 300000000, None),
    # 'biobucks' after an upfront of the same sentence are the milestones; alone, the deal's whole value
    ("Melby Bio will pocket $45 million upfront from Halvard Bio for MB-12 and up to $620 million in biobucks.",
     45000000, 620000000, None),
    ("Halvard Bio pays Melby Bio $1.2B upfront, offers $10B-plus in biobucks for MB-12", 1200000000, 10000000000, None),
    ("Halvard Bio signed a $620 million biobucks deal with Melby Bio for MB-12.", None, None, 620000000),
])
def test_money_paid_now_and_on_goals_in_plain_words(text: str, upfront: int | None, milestones: int | None,
                                                    total: int | None) -> None:
    (d,) = extract(text, lang="en").deals
    amount = lambda m: m.amount if m is not None else None  # noqa: E731
    assert (d.licensor.name, d.licensee.name, amount(d.upfront), amount(d.milestones), amount(d.total_value)) == (
        "Melby Bio", "Halvard Bio", upfront, milestones, total)


@pytest.mark.parametrize("text,expected", [
    # a name that starts in lower case and goes on with a capital ("iTeos", "uniQure"), with or without a designator
    ("iMerva licensed its antibody ZX-11 to Rowan Therapeutics for $20 million upfront.",
     [("iMerva", "Rowan Therapeutics", 20000000)]),
    ("Astellas will pay eKalon Bio $20 million upfront for rights to ZX-11.", [("eKalon Bio", "Astellas", 20000000)]),
    # digits with a lower-case bio word, initials before a lower-case bio word ("89bio", "2seventy bio", "SK bioscience")
    ("Rowan Therapeutics in-licensed ZX-11 from 47bio for $20 million upfront.",
     [("47bio", "Rowan Therapeutics", 20000000)]),
    ("2nine bio licensed ZX-11 to Rowan Therapeutics for $20 million upfront.",
     [("2nine bio", "Rowan Therapeutics", 20000000)]),
    ("SR bioscience licensed a vaccine candidate, SRV-3, to Lucerna Biologics for $5 million upfront.",
     [("SR bioscience", "Lucerna Biologics", 5000000)]),
    # a legal form written with full stops ('Pvt. Ltd.', 'Pte. Ltd.', 'S.p.A.') ends no sentence
    ("Astellas will pay Tarnow S.p.A. $20 million upfront for rights to ZX-11.",
     [("Tarnow S.p.A", "Astellas", 20000000)]),
    ("Pradeep Lifesciences Pvt. Ltd. licensed PL-3 to Norrland Pharma for $3 million upfront.",
     [("Pradeep Lifesciences Pvt. Ltd.", "Norrland Pharma", 3000000)]),
    ("Arkwright Pte. Ltd. agreed to acquire Lantern Oncology for $300 million.",
     [("Lantern Oncology", "Arkwright Pte. Ltd.", 300000000)]),
])
def test_company_names_of_unusual_shape(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'its partner' / 'its licensee' opening a sentence: the other side of the deal the sentence before told
    ("Velmora Bio signed a licence with Torvik Pharma. Its partner will pay $12 million upfront.",
     [("Velmora Bio", "Torvik Pharma", 12000000)]),
    ("Torvik Pharma signed a licence with Velmora Bio. Its partner will receive $12 million upfront.",
     [("Velmora Bio", "Torvik Pharma", 12000000)]),
    ("Velmora Bio has a deal with Torvik Pharma. Under the deal, its partner gets rights to VB-2 and Velmora receives "
     "$12 million upfront.", [("Velmora Bio", "Torvik Pharma", 12000000)]),
    # … and a name in apposition after it is the party itself
    ("Arvada Therapeutics said its partner, Hanmir Pharmaceutical, will pay $14 million upfront for Korean rights to "
     "AV-2.", [("Arvada Therapeutics", "Hanmir Pharmaceutical", 14000000)]),
])
def test_its_partner_is_the_other_side(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a one-word name the gazetteer lacks before a verb of winning rights, in-licensing, pocketing or teaming up
    # (names.yml context_before_verb): the clause subject, with its role
    ("Pilmora won rights to GV-3 in Europe from Gervano Bio for $40 million upfront.",
     [("Gervano Bio", "Pilmora", 40000000)]),
    ("Pilmora bagged an exclusive licence to GV-3 from Gervano Bio for $40 million upfront.",
     [("Gervano Bio", "Pilmora", 40000000)]),
    ("Pilmora in-licenses GV-3 from Gervano Bio for $40 million upfront.", [("Gervano Bio", "Pilmora", 40000000)]),
    ("Gervano sells GV-3 rights to Pilmora Therapeutics for $40 million upfront.",
     [("Gervano", "Pilmora Therapeutics", 40000000)]),
    ("Gervano pockets $40 million upfront from Pilmora Therapeutics for GV-3.",
     [("Gervano", "Pilmora Therapeutics", 40000000)]),
    ("Gervano teamed up with Pilmora Therapeutics, which will pay $40 million upfront for GV-3.",
     [("Gervano", "Pilmora Therapeutics", 40000000)]),
])
def test_a_one_word_subject_before_a_verb_of_winning_or_selling_rights(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected


@pytest.mark.parametrize("text", [
    "Zelvora won approval in Japan last year and sold 2 million packs.",
    "Zelvora took two years to reach the market; Halden Bio makes it.",
])
def test_a_drug_that_wins_approval_or_sells_packs_is_no_company(text: str) -> None:
    assert extract(text, lang="en").deals == []


@pytest.mark.parametrize("text,expected", [
    # 'a unit / an arm / a division of X' opening a clause makes X its subject (not an object after 'of')
    ("A unit of Pilmora Therapeutics will pay Gervano $40 million upfront for GV-3.",
     [("Gervano", "Pilmora Therapeutics", 40000000)]),
    ("Under the deal, a division of Pilmora Therapeutics will acquire Gervano Bio for $400 million.",
     [("Gervano Bio", "Pilmora Therapeutics", 400000000)]),
])
def test_a_unit_of_a_company_is_its_clause_subject(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected


@pytest.mark.parametrize("text,expected", [
    # rights got, then an amount paid: the subject takes the licence and pays (role.receive no longer reads 'gets'
    # through the rights to the amount)
    ("Dorvane Pharma and Qinhe Biopharma have signed an agreement on QH-3. Dorvane gets rights outside China and will "
     "pay $60 million upfront.", [("Qinhe Biopharma", "Dorvane Pharma", 60000000)]),
    ("Dorvane Pharma and Qinhe Biopharma have signed an agreement on QH-3. Dorvane obtains an exclusive licence and "
     "pays $60 million upfront.", [("Qinhe Biopharma", "Dorvane Pharma", 60000000)]),
    ("Halvern and Ostrow Bio signed a licence for HV-7. Under it, Halvern obtained exclusive rights to HV-7 in Japan "
     "and paid an upfront fee of $10 million.", [("Ostrow Bio", "Halvern", 10000000)]),
    # … but a licence or option fee received is money
    ("Qinhe Biopharma and Dorvane Pharma signed a deal for QH-3. Qinhe will receive an option fee of $5 million from "
     "Dorvane.", [("Qinhe Biopharma", "Dorvane Pharma", 5000000)]),
])
def test_rights_got_before_an_amount_paid(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the side that takes over, assumes or will lead a drug's development or sale is the licensee (and 'takes over
    # development' buys no company): roles.yml role.takes_over_development, deal_cues.yml deal.acquire_company
    ("Under the deal, Gervano Bio gets $40 million upfront while Pilmora Therapeutics takes over global development of "
     "GV-3.", [("Gervano Bio", "Pilmora Therapeutics", 40000000)]),
    ("Gervano Bio will receive $40 million upfront, while Pilmora Therapeutics will lead global development of GV-3.",
     [("Gervano Bio", "Pilmora Therapeutics", 40000000)]),
])
def test_the_side_that_takes_over_development_is_the_licensee(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected
    assert extract(text, lang="en").deals[0].deal_type == "license"


@pytest.mark.parametrize("text,expected", [
    # a list item that names its company and drug before an aside and its amounts after it: the item begins where
    # the company is named, not at the aside ("…, and X licensed A, which targets B, to Y for «M»")
    ("Brennick Bio was bought by Tallow Pharma for $520 million, and Ostmark Genomics licensed OG-31, which silences "
     "ANGPTL3, to Pirrow Therapeutics for $22 million upfront.",
     [("Brennick Bio", "Tallow Pharma", 520000000), ("Ostmark Genomics", "Pirrow Therapeutics", 22000000)]),
    ("Tallow Pharma paid $520 million for Brennick Bio, while Ostmark Genomics sold OG-31, its lead antisense drug, "
     "to Pirrow Therapeutics for $22 million.",
     [("Brennick Bio", "Tallow Pharma", 520000000), ("Ostmark Genomics", "Pirrow Therapeutics", 22000000)]),
    ("Tallow Pharma acquired Brennick Bio for $520 million, and Pirrow Therapeutics licensed OG-31, which silences "
     "ANGPTL3, from Ostmark Genomics for $22 million upfront.",
     [("Brennick Bio", "Tallow Pharma", 520000000), ("Ostmark Genomics", "Pirrow Therapeutics", 22000000)]),
])
def test_a_list_item_begins_where_its_company_is_named(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the one a company taps, enlists or turns to for its platform is paid (roles.yml role.enlists), and
    # ', agreeing to pay …' belongs to the clause subject (role.participle_paying), not the company named nearest
    ("Corlander Pharma tapped Mirefield Bio for its RNA-editing platform, agreeing to pay $30 million upfront.",
     [("Mirefield Bio", "Corlander Pharma", 30000000)]),
    ("Corlander Pharma has enlisted Mirefield Bio in a $30 million upfront deal to find RNA-editing drugs.",
     [("Mirefield Bio", "Corlander Pharma", 30000000)]),
    ("Corlander Pharma licensed MB-8 from Mirefield Bio, agreeing to make a $30 million upfront payment.",
     [("Mirefield Bio", "Corlander Pharma", 30000000)]),
    # a one-word company the gazetteer lacks after 'tapped … for its' is a company (names.yml name.context_tapped)
    ("Corlander Pharma tapped Quillon for its antibody discovery engine, paying $30 million upfront.",
     [("Quillon", "Corlander Pharma", 30000000)]),
])
def test_the_company_tapped_or_enlisted_is_paid(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected


def _kinds(text: str) -> list[tuple]:
    return [(d.deal_type, d.licensor and d.licensor.name, d.licensee and d.licensee.name,
             d.upfront and d.upfront.amount, d.total_value and d.total_value.amount)
            for d in extract(text, lang="en").deals]


@pytest.mark.parametrize("text,expected", [
    # an option a company takes, buys or acquires on a drug for a price is an option deal and its price is paid now
    # (deal_cues.yml deal.option_taken; 'bought an option' is no takeover: deal.acquire_company, role.acquires)
    ("Marrow Bio took an option on Tessin Pharma's IL-33 antibody TP-4 for $12 million.",
     [("option", "Tessin Pharma", "Marrow Bio", 12000000, None)]),
    ("Marrow Bio bought an exclusive option on TP-4 from Tessin Pharma for $12 million.",
     [("option", "Tessin Pharma", "Marrow Bio", 12000000, None)]),
    # an amount handed to a named partner to co-develop a drug is paid now (payments.yml price_codevelop_after)
    ("Marrow Bio gave Tessin Pharma $12 million to co-develop TP-4.",
     [("collaboration", "Tessin Pharma", "Marrow Bio", 12000000, None)]),
    ("Marrow Bio handed over $12 million to Tessin Pharma to co-develop TP-4.",
     [("collaboration", "Tessin Pharma", "Marrow Bio", 12000000, None)]),
])
def test_an_option_taken_and_money_handed_to_co_develop_are_paid_now(text: str, expected: list) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize("text", [
    # money spent, or paid by each side, to co-develop is no upfront
    "Marrow Bio spent $12 million to co-develop TP-4 with Tessin Pharma last year.",
    "Marrow Bio and Tessin Pharma will each pay $12 million to co-develop TP-4.",
])
def test_money_spent_to_co_develop_is_no_upfront(text: str) -> None:
    assert all(d.upfront is None for d in extract(text, lang="en").deals)


@pytest.mark.parametrize("text,expected", [
    # a name written all in lower case after a word for a company and before its verb is a company
    # (names.yml name.context_lower_after_descriptor; unknown.py no longer drops it as a lower-case word of the text)
    ("Cambridge start-up solvera said it licensed SV-9 to Astellas for $18 million upfront.",
     [("solvera", "Astellas", 18000000)]),
    ("Danish biotech morvik has sold its royalty on Tressa to Xenia Royalty for $70 million.",
     [("morvik", "Xenia Royalty", 70000000)]),
    # … not an adverb after a company word with an article before it
    ("The start-up also said it licensed SV-9 to Astellas for $18 million upfront.",
     [(None, "Astellas", 18000000)]),
])
def test_a_lower_case_name_after_a_company_word(text: str, expected: list) -> None:
    assert _parties_and_money(text) == expected
