"""Text that reports no deal, or fewer deals than its deal words suggest (texts written for these tests).

Each negative must give no deal record; each positive near-miss the deal it states, so that a filter for the
negatives does not kill real deals.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsextract import extract


def _deals(text: str) -> list:
    return extract(text, lang="en").deals


#: a deal the company only says it might do, has not done, or others foresee (status.not_done, status.foreseen)
NOT_DONE = [
    "Delmont Pharma said it remains open to licensing its TROP2 ADC outside China but has no plans to sell the asset. "
    "The company will run its own phase 3 trial.",
    "Wetherby Pharma said it had no plans to license its PD-1/VEGF bispecific WP-9 and would instead build its own "
    "sales force in the US.",
    "Vernham Bio's stock soared 60% after the company said its CD3xBCMA T-cell engager VB-5 shrank tumours in 80% of "
    "patients. The company has not partnered the drug.",
    "Analysts at Cowen expect Seaforth Bio to sign a licensing deal for its IL-23 antibody within a year, which they "
    "say could bring an upfront payment of about $100 million.",
    "Alcott Bio is among the companies that BioNova could target for acquisition, analysts said, citing its KRAS "
    "pipeline.",
    "Norland Bio denied a Bloomberg report that it was in talks to be acquired by Amgen.",
    "Jiangsu Hengrui said the rumor that it is negotiating with Pfizer on the transfer of its PD-1 product is not true, "
    "and the company has not planned any major asset restructuring.",
    "Thackeray Bio said the FDA cleared its investigational new drug application for TB-1120, an oral small-molecule "
    "GLP-1 receptor agonist. Its chief executive said the company intends to keep global rights through phase 2 and "
    "would consider partnering afterwards. 'We are not in a hurry to sign a deal,' he said.",
    "Quorn Bio's chief executive said a partner for QB-12 could pay $100 million upfront, based on recent comparable "
    "deals.",
    "Cartwright Bio reported a third-quarter net loss of $21.7 million. Revenue was $5.3 million, all of it royalties "
    "on sales of Voxara by its licensee Daiichi Sankyo. The company expects phase 2 data for its IL-4R antibody CB-44 "
    "in mid-2026 and is evaluating options to partner the program.",
]


@pytest.mark.parametrize("text", NOT_DONE)
def test_a_deal_not_done_is_no_record(text: str) -> None:
    assert _deals(text) == []


def test_a_deal_done_after_saying_it_would_not_be_is_kept() -> None:
    deals = _deals("Wetherby Pharma licensed its PD-1/VEGF bispecific WP-9 to Summit Pharma for $500 million upfront, "
                   "after saying last year it had no plans to partner the drug.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name, d.asset) == ("Wetherby Pharma", "Summit Pharma", "WP-9")
    assert d.upfront is not None and d.upfront.amount == Decimal("500000000")


def test_a_confirmed_talk_is_kept() -> None:
    deals = _deals("Norland Bio confirmed it is in talks to be acquired by Amgen for about $2 billion.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name, d.status) == ("Norland Bio", "Amgen", "in_discussion")
    assert d.total_value is not None and d.total_value.amount == Decimal("2000000000")


def test_an_option_the_buyer_would_not_exercise_is_terminated() -> None:
    deals = _deals("Ashdown Pharma said it would not exercise its option to license the Claudin18.2 ADC from Binhai "
                   "Bio; Binhai is now seeking a new partner.")
    assert [d.status for d in deals] == ["terminated"]


#: money that is no business-development deal: loans, grants, government contracts, damages, supply agreements
#: (status.not_bd vetoes a deal of generic deal words only and no deal payment)
NOT_BD = [
    "Solenne Bio entered into a credit agreement with Oxford Finance providing for up to $75 million in term loans. "
    "The company will use the funds to support the launch of its approved drug.",
    "Halvern Pharma secured a $150 million term loan facility from Hercules Capital. The first tranche of $50 million "
    "was drawn at closing, with additional tranches available upon achievement of clinical milestones.",
    "A jury ordered Alder Biotech to pay $320 million in damages to Fenwick Pharma for infringing patents covering its "
    "PD-1 antibody. Alder Biotech said it would appeal the verdict.",
    "Oxley Pharma won a $50 million contract from the Department of Defense to supply nerve agent antidotes.",
    "The Gates Foundation will provide up to $30 million in grant funding to Ulverston Bio to advance its "
    "tuberculosis drug UB-12 through phase 2.",
    "Rowan Bio signed a manufacturing supply agreement with Lonza for commercial production of its antibody RB-40.",
    "Fairhaven Pharma will spend $2 billion on a new plant in Cork to produce its obesity drugs. The plant is expected "
    "to start production in 2028. Fairhaven also signed an agreement with the Irish government for grants worth EUR 40 "
    "million.",
]


@pytest.mark.parametrize("text", NOT_BD)
def test_money_of_no_deal_is_no_record(text: str) -> None:
    assert _deals(text) == []


@pytest.mark.parametrize(("text", "licensor", "licensee", "upfront"), [
    ("Alder Biotech agreed to pay Fenwick Pharma $50 million upfront for a licence to its PD-1 antibody patents, "
     "settling their litigation; Fenwick will receive royalties on sales.", "Fenwick Pharma", "Alder Biotech", 50),
    ("Alder Biotech settled its patent dispute with Fenwick Pharma and agreed to pay $50 million upfront for a licence "
     "to the FP-2 patents.", "Fenwick Pharma", "Alder Biotech", 50),
    ("Rowan Bio signed a license and supply agreement with Lonza Pharma, which gains rights to RB-40 in Japan for "
     "$12 million upfront.", "Rowan Bio", "Lonza Pharma", 12),
])
def test_a_licence_beside_a_settlement_or_supply_is_kept(text: str, licensor: str, licensee: str,
                                                          upfront: int) -> None:
    deals = _deals(text)
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)
    assert d.upfront is not None and d.upfront.amount == Decimal(upfront * 1_000_000)


def test_a_background_licence_from_a_company_named_after_its_province_keeps_its_roles() -> None:
    """A partnered drug's news tells its licence as background; its roles must be right for it to match the
    optional background deal of a gold (the source licenses, though the name finder left the place out)."""
    deals = _deals("Corrin Therapeutics presented updated phase 1 data for CRN-301, the KRAS G12C inhibitor it licensed "
                   "from Jiangsu Hengtai in 2021, at the ASCO annual meeting.")
    assert len(deals) == 1
    assert "Hengtai" in deals[0].licensor.name
    assert deals[0].licensee.name == "Corrin Therapeutics"


@pytest.mark.parametrize("text", [
    "Thackeray Bio intends to keep Chinese rights to TB-1120. It licensed the rest of the world to Novo Nordisk for "
    "$50 million upfront.",
    "Thackeray Bio, which had said it would consider partnering TB-1120 after phase 2, licensed the drug to Novo "
    "Nordisk for $50 million upfront.",
])
def test_a_deal_told_beside_words_that_rule_one_out_is_kept(text: str) -> None:
    deals = _deals(text)
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name) == ("Thackeray Bio", "Novo Nordisk")
    assert d.upfront is not None and d.upfront.amount == Decimal("50000000")


@pytest.mark.parametrize("text", [
    "Hallam Pharmaceutical reported licensing income of RMB 1.2 billion. Hallam said it had cash and short-term "
    "investments of RMB 7.8 billion.",
    "Hallam Pharmaceutical, which licenses its drugs to partners, had cash and short-term investments of RMB 7.8 "
    "billion at the end of June.",
])
def test_a_balance_sheet_line_is_no_near_term_payment(text: str) -> None:
    """'short-term investments' is a balance-sheet line, not a short-term (near-term) payment of a deal."""
    assert _deals(text) == []


def test_near_term_payments_stay_near_term() -> None:
    deals = _deals("Hallam Pharmaceutical licensed HP-12 to Vireo Bio for $40 million upfront. Vireo will also make "
                   "near-term milestone payments of $10 million.")
    assert len(deals) == 1 and deals[0].near_term is not None and deals[0].near_term.amount == Decimal("10000000")


#: a lawsuit, a settled dispute, a stake bought on the market, a building bought: no deal whatever deal words it holds
#: (status.not_bd_strong)
NOT_BD_STRONG = [
    "Gillingham Pharma is suing its former licensee Hawick Bio for $100 million, alleging Hawick failed to use "
    "diligent efforts to develop GH-2.",
    "Cromer Pharma paid $30 million to settle a dispute with Dunmow Bio over milestone payments owed under their 2018 "
    "licence for the TNF antibody CD-40.",
    "Ulverston Bio settled its patent dispute with Kelso Pharma, receiving a one-time payment of $25 million.",
    "Kelso Pharma settles lawsuit with Ulverston Bio for $25 million.",
    "Garston Pharma acquired a 10% stake in listed peer Hythe Bio on the open market for $45 million, according to a "
    "regulatory filing. Garston called it a financial investment.",
    "Harrow Bio bought a 200,000-square-foot manufacturing facility in Ohio from a contract manufacturer for $38 "
    "million.",
    "Nairn Bio signed a memorandum of understanding with Olney Hospital to collaborate on real-world studies of its "
    "PD-1 antibody NB-1.",
    "Pitlochry Pharma partnered with CVS Health to expand access to its GLP-1 drug Pitvia through a pharmacy savings "
    "program.",
]


@pytest.mark.parametrize("text", NOT_BD_STRONG)
def test_a_lawsuit_or_a_purchase_of_no_deal_is_no_record(text: str) -> None:
    assert _deals(text) == []


@pytest.mark.parametrize(("text", "licensor", "licensee", "field", "amount"), [
    ("Kestrel Bio licensed its PD-1 patents to Lowick Pharma for $50 million upfront, ending a lawsuit between the two.",
     "Kestrel Bio", "Lowick Pharma", "upfront", 50),
    ("Kestrel Bio ended its lawsuit against Lowick Pharma. Lowick will pay $50 million upfront for a licence to "
     "Kestrel's PD-1 patents.", "Kestrel Bio", "Lowick Pharma", "upfront", 50),
    ("Garston Pharma licensed GP-5 to Hythe Bio for $20 million upfront. Hythe also acquired a 5% stake in Garston on "
     "the open market.", "Garston Pharma", "Hythe Bio", "upfront", 20),
    ("Harrow Bio agreed to acquire Lisle Therapeutics and its manufacturing plant in Ohio for $380 million in cash.",
     "Lisle Therapeutics", "Harrow Bio", "total_value", 380),
])
def test_a_deal_beside_a_lawsuit_or_a_stake_is_kept(text: str, licensor: str, licensee: str, field: str,
                                                    amount: int) -> None:
    deals = _deals(text)
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)
    assert getattr(d, field) is not None and getattr(d, field).amount == Decimal(amount * 1_000_000)


def test_a_rejected_takeover_proposal_is_talks_and_an_agreement_not_renewed_ends() -> None:
    deals = _deals("Rainham Bio said its board rejected an unsolicited $2.5 billion takeover proposal from Selsdon "
                   "Pharma as undervaluing the company.")
    assert [(d.licensor.name, d.licensee.name, d.status) for d in deals] == [
        ("Rainham Bio", "Selsdon Pharma", "in_discussion")]
    deals = _deals("Tadley Pharma said it would not renew its co-promotion agreement with Upminster Bio for the "
                   "diabetes drug Glycora when it expires in 2026.")
    assert [d.status for d in deals] == ["terminated"]


def test_two_partners_of_a_third_named_after_one_preposition_are_no_deal() -> None:
    text = ("Revenue for the six months ended 30 June 2025 was £48.6 million, including collaboration income of £22.1 "
            "million from AstraZeneca and Bayer. No new partnership agreements were signed in the period; the Group "
            "continues to seek a partner for WP-12.")
    assert _deals(text) == []


def test_rights_returned_with_a_territory_word_end_the_licence() -> None:
    deals = _deals("Ulverton Bio said on Thursday that Daewoong Pharmaceutical had decided to return the Asian rights to "
                   "UB-9, a DPP1 inhibitor, effective in six months. Ulverton said it would retain the $15 million "
                   "upfront it received when the licence was signed in 2022.")
    assert [d.status for d in deals] == ["terminated"]


@pytest.mark.parametrize("text", [
    "Hengrui alone has signed out-licensing deals worth more than $12 billion since 2023, with upfront payments of "
    "about $600 million.",
    "Big pharma paid an average upfront of $72 million for Chinese ADCs in 2024, up from $41 million in 2023, according "
    "to Jefferies.",
    "Kelun-Biotech has received more than $1 billion in upfront and milestone payments from Merck since their first "
    "deal in 2022.",
    "Deal value for China out-licensing fell 20% in October. Hengrui, Kelun and Duality each signed one agreement, but "
    "none disclosed upfront payments above $100 million.",
])
def test_a_sum_over_deals_or_years_is_no_deal(text: str) -> None:
    assert _deals(text) == []


def test_a_combined_figure_of_one_deal_is_kept() -> None:
    deals = _deals("Duocheng Biotech will get a combined $65 million in upfront and near-term payments from Ferrand "
                   "Pharma for DC-303, a B7-H4 ADC.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name) == ("Duocheng Biotech", "Ferrand Pharma")
    assert d.upfront is not None and d.upfront.amount == Decimal("65000000")


@pytest.mark.parametrize("text", [
    "Under the terms of the existing agreement, AbbVie pays Arden Bio royalties in the low double digits on net sales "
    "of Arvix.",
    "Baxley Pharma pays Cold Spring Bio a 5% royalty on sales of Kelvo, which generated $1.2 billion last year.",
    "Xylem Bio receives tiered royalties of 10% to 15% from Novartis on sales of Zarvio, which reached $800 million in "
    "2024.",
])
def test_an_old_licence_s_royalty_alone_is_no_deal(text: str) -> None:
    assert _deals(text) == []


def test_a_royalty_of_a_licence_told_as_one_is_kept() -> None:
    deals = _deals("Arden Bio granted AbbVie an exclusive licence to Arvix; AbbVie will pay Arden Bio tiered royalties "
                   "in the low double digits on net sales.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name) == ("Arden Bio", "AbbVie")
    assert d.royalty is not None and d.royalty.tiered


#: rights a company holds are no deal (records._owned_rights; status.not_done)
OWNED_RIGHTS = [
    "Ainsley Bio retains full global commercial rights to AB-12, its TYK2 inhibitor, and plans to launch it itself in "
    "the US.",
    "Bramley Pharma holds worldwide rights to BP-4, an IL-23 antibody discovered in-house, and has no partner for the "
    "program.",
    "Ingle Bio has exclusive rights to develop and commercialize IB-33 in China under its own patents; the company is "
    "funded through 2027.",
    "Elland Bio's wholly-owned PD-1/VEGF bispecific EB-5 has not been licensed and remains available for partnering in "
    "all territories.",
    "Hurst Pharma's strategy is to keep US rights and license ex-US rights for its assets.",
]


@pytest.mark.parametrize("text", OWNED_RIGHTS)
def test_rights_a_company_holds_are_no_deal(text: str) -> None:
    assert _deals(text) == []


def test_rights_granted_are_a_deal_though_the_licensee_then_holds_them() -> None:
    deals = _deals("Ainsley Bio granted Corvel Pharma exclusive global rights to AB-12 for $30 million upfront. Corvel "
                   "now holds worldwide rights to the drug.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name, d.asset) == ("Ainsley Bio", "Corvel Pharma", "AB-12")
    assert d.upfront is not None and d.upfront.amount == Decimal("30000000")


@pytest.mark.parametrize("text", [
    "Kirby Pharma abandoned its plan to buy a stake in Lund Bio after Chinese regulators failed to approve the "
    "investment in time.",
    "Yeovil Bio's stock fell 30% after Zane Pharma said it would not pursue an acquisition of the company.",
])
def test_a_plan_dropped_is_no_deal(text: str) -> None:
    assert _deals(text) == []


def test_a_deal_done_after_a_plan_dropped_is_kept() -> None:
    deals = _deals("Zane Pharma, which had said in March it would not pursue an acquisition, agreed to buy Yeovil Bio "
                   "for $900 million in cash.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name) == ("Yeovil Bio", "Zane Pharma")
    assert d.total_value is not None and d.total_value.amount == Decimal("900000000")


def test_an_option_that_expired_unexercised_is_terminated() -> None:
    deals = _deals("Radford Bio said its option agreement with Sterling Pharma expired unexercised at the end of June; "
                   "Radford now holds all rights to RB-14.")
    assert [d.status for d in deals] == ["terminated"]


def test_the_amounts_of_a_loan_are_no_deal_s_terms() -> None:
    text = ("Aspen Vale Therapeutics in-licensed AV-520 from the University of Leeds.\n\nAspen Vale also entered into a "
            "term loan facility of up to $50 million with Crestline Lending, of which $15 million was drawn at "
            "closing.")
    deals = _deals(text)
    assert all(d.upfront is None and d.total_value is None for d in deals)
    assert all("Crestline" not in (p.name if p else "") for d in deals for p in (d.licensor, d.licensee))


#: the generic deal words in their other senses (deal.generic)
OTHER_SENSES = [
    "Tarporley Pharma's IL-23 antibody TP-5 is a big deal for patients, said Merck's former head of immunology, who "
    "now advises the company.",
    "Usk Bio uses a contract manufacturer, Lonza, to make its ADC UB-7, and relies on a contract research "
    "organization, IQVIA, for its trials.",
    "Yately Pharma's stock was struck by a sell-off after AstraZeneca reported better data for a competing TROP2 ADC.",
    "Zennor Bio sealed its place in the obesity race with phase 2 data for its GLP-1 agonist ZB-1, outperforming Novo "
    "Nordisk's semaglutide.",
]


@pytest.mark.parametrize("text", OTHER_SENSES)
def test_deal_words_in_other_senses_are_no_deal(text: str) -> None:
    assert _deals(text) == []


#: a drug the company calls its own before a background deal about another drug or told apart (Linker._apart)
OWN_DRUG_APART = [
    ("Kelford Therapeutics said its wholly owned HER3 ADC KT-3 will start a phase 2 trial. The company partnered an "
     "unrelated antibody with Sanofi in 2021 for $25 million upfront.", "KT-3", "HER3"),
    ("Pinner Bio discovered and owns PB-9, a PD-1/VEGF bispecific now in phase 2. Pinner's earlier deal with Bayer, "
     "for a different molecule, brought $40 million upfront in 2022.", "PB-9", "PD-1"),
    ("Ruddington Pharma reported phase 1 data for RP-14, its own EGFR inhibitor. Separately, Ruddington has a "
     "research collaboration with Takeda, signed in 2020, on antibody discovery.", "RP-14", "EGFR"),
]


@pytest.mark.parametrize(("text", "drug", "target"), OWN_DRUG_APART)
def test_own_drug_heads_no_deal_about_another(text: str, drug: str, target: str) -> None:
    for d in _deals(text):
        assert d.asset != drug
        assert target not in d.targets


def test_own_drug_still_heads_its_own_deal() -> None:
    deals = _deals("Kelford Therapeutics said its wholly owned HER3 ADC KT-3 will start a phase 2 trial. Kelford "
                   "licensed KT-3 to Sanofi for $25 million upfront.")
    assert [d.asset for d in deals] == ["KT-3"]
    assert deals[0].targets == ["HER3"]


#: an earlier in-licensing told as background, from a Chinese company whose city the name finder leaves out: the
#: rights-from frame reads past the city (roles.yml PLACE_IN_NAME), so the background deal's roles are not reversed
BACKGROUND_FROM_CITY = [
    "Ashwell Bio reported phase 2 data for AB-301, a KRAS G12C inhibitor. The company licensed AB-301 from Hangzhou "
    "Qiyun in 2022, for $15 million.",
    "Ashwell Bio reported phase 2 data for AB-301. The company last licensed a drug, AB-301 itself, from Suzhou Qiyun "
    "in 2022, for $15 million.",
]


@pytest.mark.parametrize("text", BACKGROUND_FROM_CITY)
def test_background_in_licensing_from_a_city_keeps_its_roles(text: str) -> None:
    deals = _deals(text)
    assert len(deals) == 1
    assert deals[0].licensee is not None and deals[0].licensee.name == "Ashwell Bio"
    assert deals[0].licensor is not None and "Qiyun" in deals[0].licensor.name


#: an agreement or option that expired is over (status.terminated), with or without 'unexercised' right after it
EXPIRED = [
    "Tilford Therapeutics said its lead PD-L1 antibody TF-44 met its primary endpoint. The option agreement with "
    "Brackley Bio covering TF-44 expired last year without being exercised.",
    "Tilford Therapeutics said TF-44 met its primary endpoint. Its licence agreement with Brackley Bio expired in "
    "March.",
]


@pytest.mark.parametrize("text", EXPIRED)
def test_an_expired_agreement_is_terminated(text: str) -> None:
    assert all(d.status == "terminated" for d in _deals(text))


#: a count of drugs handed to partners in the plural, or amounts summed over years, are no deal's terms
#: (deal_cues agg.many_assets, agg.summed 'over the past … years')
MANY_ASSETS = [
    "Korean biotechs have licensed 14 molecules to Western companies this year, worth up to $20 billion in potential "
    "milestones.",
    "Feltham Bio has licensed three ADCs to global partners and received upfront payments totalling $210 million.",
    "Feltham Bio has out-licensed seven assets over the past four years, for total upfront payments of $500 million.",
    "Over the past three years, Luye has out-licensed six assets to US and European partners for combined upfront "
    "payments of $350 million.",
]


@pytest.mark.parametrize("text", MANY_ASSETS)
def test_sums_over_many_assets_are_no_deal_terms(text: str) -> None:
    deals = _deals(text)
    assert all(d.upfront is None and d.milestones is None and d.total_value is None for d in deals)


def test_two_drugs_to_one_partner_keep_their_terms() -> None:
    deals = _deals("Feltham Bio licensed two ADCs to Pfizer for a combined $65 million upfront.")
    assert len(deals) == 1 and deals[0].upfront is not None and deals[0].upfront.amount == Decimal("65000000")


def test_own_drug_after_a_deal_adds_nothing_to_it() -> None:
    # a clause with no company on the company's own drug (Linker._continues, own_drug) does not continue the deal
    deals = _deals("Wistow Bio's revenue rose on a $10 million milestone it earned from partner Astellas for WB-7. Net "
                   "sales of Zentra, its own JAK inhibitor, were $22 million.")
    assert all("JAK" not in d.targets for d in deals)


#: a payment word whose amounts are no term (a milestone paid or due, revenue booked) reports money under an existing
#: deal: no deal rests on it alone (Mention.paid, records.py), though it may tell that deal's sides
PAID_UNDER_A_DEAL = [
    "Kellaway Bio earned a $30 million milestone from partner Eli Lilly when the first patient was dosed in the "
    "phase 3 trial of KB-5.",
    "Dunmore Pharma received a $20 million milestone payment from Bayer in the second quarter, triggered by the "
    "acceptance of the marketing application for DP-7.",
    "Ferrand Bio booked a $10 million development milestone from its partner GSK upon IND clearance of FB-3.",
    "Revenue included a $25 million milestone payment from partner Astellas related to the approval of zolbetuximab "
    "in Europe.",
    "During the quarter, Hatherleigh Bio was paid $8 million by Otsuka upon achievement of a clinical milestone for "
    "HB-55.",
    "Kellaway Bio recognized $15 million in milestone revenue from Novartis after the start of a phase 2 study of "
    "KB-88.",
]


@pytest.mark.parametrize("text", PAID_UNDER_A_DEAL)
def test_a_payment_under_an_existing_deal_is_no_deal(text: str) -> None:
    assert _deals(text) == []


@pytest.mark.parametrize("text", [
    "Dunmore Pharma will get a $10 million upfront payment from GSK and up to $200 million in milestone payments "
    "for DP-3.",
    "Kellaway Bio is eligible for up to $1 billion in milestones from Novartis under a new licence for KB-88.",
])
def test_new_deal_told_in_payment_words_stays(text: str) -> None:
    deals = _deals(text)
    assert len(deals) == 1 and deals[0].licensee is not None and deals[0].milestones is not None


#: a hospital, a clinic or pharmacy chain, a distributor or an office building bought or sold, or a stake in one, is
#: no drug deal (status.not_drug_asset)
NOT_DRUG_ASSET = [
    "Ferrand Bio bought a 30% stake in a hospital chain in Zhejiang for RMB 500 million.",
    "Dunmore Pharma agreed to acquire a 51% interest in a chain of private clinics in Sichuan for RMB 300 million.",
    "Kellaway Bio bought a 20% stake in a medical device distributor in Guangdong for $30 million.",
]


@pytest.mark.parametrize("text", NOT_DRUG_ASSET)
def test_a_stake_in_a_hospital_or_distributor_is_no_deal(text: str) -> None:
    assert _deals(text) == []


def test_a_stake_in_a_biotech_with_an_option_stays() -> None:
    deals = _deals("Ferrand Bio bought a 20% stake in Kellaway Bio for $30 million and gained an option on KB-22.")
    assert len(deals) == 1 and deals[0].equity is not None and deals[0].equity.amount == Decimal("30000000")


#: a list item that calls a drug other than the deal's the company's own gives the deal none of its targets
#: (records._own_items, clauses own_item)
OWN_ITEM = [
    ("Ferrand Bio's pipeline includes FB-10, a TROP2 ADC partnered with Merck, and FB-22, an in-house GLP-1 agonist.",
     "TROP2", "GLP-1"),
    ("Among the programs shown were KB-3, a PD-1/VEGF bispecific licensed to Summit Therapeutics, and KB-9, its own "
     "CDH6 ADC.", "VEGF", "CDH6"),
    ("Dunmore Pharma said DP-40, the CD3xCD20 T-cell engager it out-licensed to Roche in 2021, entered a pivotal trial, "
     "while its wholly owned B7-H3 ADC DP-41 started phase 1.", "CD20", "B7-H3"),
]


@pytest.mark.parametrize(("text", "kept", "dropped"), OWN_ITEM)
def test_own_list_item_gives_no_target(text: str, kept: str, dropped: str) -> None:
    deals = _deals(text)
    assert all(dropped not in d.targets for d in deals) and any(kept in d.targets for d in deals)


def test_own_drug_licensed_keeps_its_target() -> None:
    deals = _deals("Under the deal, Merck gains rights to FB-10, a wholly owned TROP2 ADC of Ferrand Bio, for $100 "
                   "million upfront.")
    assert len(deals) == 1 and deals[0].targets == ["TROP2"]


#: one milestone payment expected under an existing deal, with the event it waits for ('if', 'upon', 'should'), is a
#: payment due, not a deal's ceiling (payments ceiling_words_one) — and so no deal
EXPECTED_MILESTONE = [
    "Ferrand Bio expects to receive a $50 million milestone payment from Novartis if the FDA approves FB-3 next year.",
    "Kellaway Bio could receive a $25 million milestone from Takeda upon the start of a phase 3 trial of KB-7.",
    "Dunmore Pharma will receive a $40 million milestone payment from Bayer should the EMA approve DP-2.",
]


@pytest.mark.parametrize("text", EXPECTED_MILESTONE)
def test_one_expected_milestone_is_no_deal(text: str) -> None:
    assert _deals(text) == []


def test_a_new_licence_keeps_its_one_milestone() -> None:
    deals = _deals("Novartis licensed FB-3 from Ferrand Bio and could pay a $50 million milestone upon approval.")
    assert len(deals) == 1 and deals[0].milestones is not None and deals[0].milestones.amount == Decimal("50000000")


@pytest.mark.parametrize("text", [
    "Ferrand Bio signed a lease for a 50,000-square-foot laboratory in Cambridge, Massachusetts, for $12 million a year.",
    "Kellaway Bio subleased part of its Boston office to a startup for $3 million a year.",
])
def test_a_lease_is_no_deal(text: str) -> None:
    # status.not_bd: a lease or rent, with only generic deal words and no deal payment
    assert _deals(text) == []


def test_a_cash_balance_is_no_milestone() -> None:
    # payments nondeal.cash_balance: the balance a period ended with is no term, whatever payment word follows
    deals = _deals("Ferrand Bio ended the quarter with $1.2 billion in cash, boosted by a $75 million milestone payment "
                   "from Takeda triggered by the approval of FB-11 in Japan.")
    assert deals == []


@pytest.mark.parametrize("text", [
    "Corvanta Pharma's chief executive said the company would look to license assets from China, where it sees "
    "valuations at $50 million to $100 million upfront.",
    "Analysts expect upfront payments of between $80 million and $150 million for such licences from Velbright Bio.",
])
def test_a_range_of_amounts_is_no_deal_term(text):
    from newsextract import extract

    assert [(d.upfront, d.total_value) for d in extract(text).deals if d.upfront or d.total_value] == []


@pytest.mark.parametrize("text", [
    "Novo Nordisk cut its growth forecast to 8%-11% as demand for Wegovy in the US slowed. The global obesity drug "
    "market could be worth $150 billion by the early 2030s, analysts estimate.",
    "AstraZeneca has six ADCs in trials. The ADC market is now worth about $10 billion, and it wants a share of it.",
    "Eli Lilly leads in obesity. Analysts said the US market for GLP-1 drugs will be worth $100 billion in 2030.",
])
def test_what_a_market_is_worth_is_no_deal(text):
    from newsextract import extract

    assert extract(text).deals == []


def test_a_licence_for_a_market_keeps_its_worth():
    from newsextract import extract

    (deal,) = extract("Corvanta Pharma licensed VB-12 to Velbright Bio. The licence for the Chinese market is worth up "
                      "to $300 million.").deals
    assert deal.total_value.amount == 300_000_000


#: what a drug or a company would be worth to a partner or a buyer, as an analyst sees it (status.valuation): no deal
VALUED_NOT_DONE = [
    "Mizuho lifted its price target on Pellham Bio, calling its IL-23 antibody PB-3 an attractive partnering candidate "
    "that could draw $400 million upfront.",
    "An out-licensing deal for Corvane's TROP2 ADC could be worth up to $1.8 billion in total, Guggenheim analysts "
    "estimated.",
    "Stifel said the oral GLP-1 drug is worth at least $2 billion to a prospective buyer.",
    "A takeover of Lindell Therapeutics by a large drugmaker would probably value it at $7 billion, the analysts wrote.",
]


@pytest.mark.parametrize("text", VALUED_NOT_DONE)
def test_a_deal_an_analyst_values_is_no_record(text: str) -> None:
    assert _deals(text) == []


def test_a_deal_an_analyst_comments_on_is_kept() -> None:
    deals = _deals("Corvane licensed its TROP2 ADC CV-21 to Bayer in a deal that could be worth up to $1.8 billion, "
                   "which Guggenheim analysts called a fair price.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name, d.asset) == ("Corvane", "Bayer", "CV-21")
    assert d.total_value is not None and d.total_value.amount == Decimal("1800000000")


#: services bought for money (trials run, drug made or filled) and patent settlements: no business-development deal
SERVICES_AND_SETTLEMENTS = [
    "Syneos Health will conduct the phase 3 studies of Pellham Bio's IL-23 antibody under a contract worth about "
    "$140 million.",
    "Samsung Biologics will manufacture commercial supplies of Lindell's bispecific under a seven-year agreement valued "
    "at up to $420 million.",
    "Medpace will provide clinical trial services to Corvane in an agreement valued at $60 million.",
    "Pellham Bio agreed to pay Regeneron $70 million and a 3% royalty on US sales to settle patent litigation over its "
    "VEGF trap.",
]


@pytest.mark.parametrize("text", SERVICES_AND_SETTLEMENTS)
def test_a_service_contract_or_a_settlement_is_no_record(text: str) -> None:
    assert _deals(text) == []


def test_a_licence_granted_under_a_settlement_is_kept() -> None:
    deals = _deals("Under the settlement, Pellham Bio granted Regeneron an exclusive license to PB-9 for $30 million "
                   "upfront and royalties.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name, d.asset) == ("Pellham Bio", "Regeneron", "PB-9")
    assert d.upfront is not None and d.upfront.amount == Decimal("30000000")


def test_payments_received_so_far_are_no_total() -> None:
    deals = _deals("Lindell said Astellas paid a $10 million milestone under their 2019 collaboration on LT-4, "
                   "bringing the total payments received under the agreement to $155 million.")
    assert all(d.total_value is None for d in deals)


#: partners of the reporting company named apart, or in a list, or only in a pipeline row: no deal between them
PARTNERS_OF_A_THIRD = [
    "Portfolio review: partner Ipsen started a phase 2 trial of LT-3; the company's alliance with Bayer on the KRAS "
    "G12D inhibitor LT-8 moved into the clinic.",
    "CD3 bispecifics are crowded, with Amgen, Roche and Regeneron each selling a PD-1 combination after deals with "
    "smaller developers.",
]


@pytest.mark.parametrize("text", PARTNERS_OF_A_THIRD)
def test_partners_of_a_third_are_no_deal_between_them(text: str) -> None:
    assert [(d.licensor and d.licensor.name, d.licensee and d.licensee.name) for d in _deals(text)
            if d.licensor is not None and d.licensee is not None] == []


def test_a_pipeline_row_with_a_partner_cell_is_no_table_header() -> None:
    deals = _deals("Lindell's pipeline:\nLT-3 | IL-23 | Phase 2 | Partner: Ipsen (Europe)\nLT-8 | KRAS G12D | Phase 1 | "
                   "Alliance with Bayer\nLT-9 | FcRn | Preclinical | Wholly owned")
    names = {p.name for d in deals for p in (d.licensor, d.licensee) if p is not None}
    assert not names & {"Alliance with Bayer", "Wholly owned"}


def test_a_contraction_is_no_company() -> None:
    deals = _deals("\"We've had a great year with our Novartis alliance on the IL-17 program,\" said chief executive "
                   "Ana Ruiz.")
    assert all(d.licensor is None or d.licensor.name != "We've" for d in deals)


def test_two_companies_one_sentence_names_together_are_kept() -> None:
    deals = _deals("Hengrui and Merck signed a licence agreement for HRS-5, an oral PCSK9 inhibitor.")
    assert [(d.licensor.name, d.licensee.name, d.asset) for d in deals] == [("Hengrui", "Merck", "HRS-5")]


def test_a_deal_table_with_a_header_is_kept() -> None:
    deals = _deals("Recent deals\nAsset | Target | Licensor | Licensee | Upfront ($m)\nHRS-5 | PCSK9 | Hengrui | Merck | 200")
    assert [(d.licensor.name, d.licensee.name, d.asset) for d in deals] == [("Hengrui", "Merck", "HRS-5")]


@pytest.mark.parametrize("text", [
    # a drug co-developed by two companies, in a clause on its approval or data: background, no deal
    "瀚海药业与诺华合作开发的HX-205获FDA批准上市，这是双方合作以来的首个获批产品。",
    "由瀚海藥業與諾華共同開發的HX-205近日獲NMPA批准。",
    "瀚海药业与诺华联合开发的HX-205三期临床达到主要终点。",
])
def test_zh_codeveloped_drug_in_an_approval_or_readout_is_no_deal(text):
    from newsextract import extract

    assert extract(text, lang="zh").deals == []


def test_zh_codeveloped_drug_keeps_the_licence_told_with_money():
    from newsextract import extract

    text = "瀚海药业与诺华合作开发的HX-205获FDA批准上市。2023年，瀚海药业将HX-205的海外权益授权给诺华，获得1亿美元首付款。"
    d = extract(text, lang="zh").deals[0]
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == ("瀚海药业", "诺华", 100_000_000)


#: talks shopped to several parties no text names, talks that came to nothing, and a company that has no partner
#: (status.talks_many, status.talks_failed, status.not_done)
TALKS_NO_DEAL = [
    "Farrowby Bio told analysts it was in discussions with multiple parties about a potential licensing deal for its "
    "TL1A antibody FB-220, but no terms have been agreed.",
    "Its chairman said the company is in talks with several multinationals about its oral GLP-1 agonist and its "
    "PD-L1/TGF-beta bispecific.",
    "Reuters reported that Merck had held talks to buy Seagen for about $40 billion, but no deal materialised.",
    "Pfizer and Metsera held talks last spring; the discussions never led to a deal.",
    "Tarrant Bio presented phase 2 data for TB-12 and said it has no partner for the drug yet; it has no need to "
    "partner it but would listen to offers.",
    "Henlius said serplulimab, which it has licensed to several overseas partners, grew sales by 20% in the quarter.",
]


@pytest.mark.parametrize("text", TALKS_NO_DEAL)
def test_talks_that_name_no_partner_or_came_to_nothing_are_no_record(text: str) -> None:
    assert _deals(text) == []


def test_a_deal_after_talks_with_several_parties_is_kept() -> None:
    (d,) = _deals("Calder Bio said it is in discussions with several multinationals, and on Friday licensed CB-310, "
                  "its DLL3 ADC, to AbbVie for $70 million upfront.")
    assert (d.licensor.name, d.licensee.name, d.asset) == ("Calder Bio", "AbbVie", "CB-310")
    assert d.upfront.amount == Decimal("70000000")
    (d,) = _deals("Merck held talks with Seagen for months and on Monday agreed to acquire it for $40 billion.")
    assert d.status == "signed" and d.total_value.amount == Decimal("40000000000")


#: an investor's share sale or stake and a manufacturing contract are no deal (status.not_bd_strong, status.not_bd)
INVESTORS_AND_MAKERS = [
    "Novo Holdings sold 5% of its shares in Catalent in a placement worth $800 million, a filing showed.",
    "Baker Bros raised its stake in BeiGene to 11% after buying 2 million shares for $300 million.",
    "Elliott Investment Management has taken a stake worth more than $1 billion in BioMarin Pharmaceutical and wants "
    "the board to explore a sale, people familiar with the matter said.",
    "GSK sold 300 million shares in Haleon for about GBP 1 billion, cutting its holding to 4%.",
    "Samsung Biologics signed a $1.2 billion contract with a US pharma company to manufacture an antibody at its "
    "Songdo plant.",
]


@pytest.mark.parametrize("text", INVESTORS_AND_MAKERS)
def test_an_investors_shares_or_a_manufacturing_contract_are_no_record(text: str) -> None:
    assert _deals(text) == []


def test_a_stake_bought_beside_a_licence_and_a_licence_beside_a_maker_are_kept() -> None:
    (d,) = _deals("Pfizer bought a 5% stake in BioNTech for $113 million and agreed to co-develop its mRNA flu "
                  "vaccine, paying $72 million upfront.")
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == ("BioNTech", "Pfizer", Decimal("72000000"))
    deals = _deals("Samsung Biologics signed a contract to manufacture the antibody for Kestrel Bio, which separately "
                   "licensed the drug to Roche for $80 million upfront.")
    assert [(d.licensor.name, d.licensee.name, d.upfront.amount) for d in deals] == [
        ("Kestrel Bio", "Roche", Decimal("80000000"))]


@pytest.mark.parametrize("text", [
    # a plural payment word that sums to an amount in a clause about many deals: a sum over them, no deal's upfront
    "Chinese biotechs signed 94 out-licensing deals worth a combined $32 billion in the first half, with upfront "
    "payments totaling $1.6 billion, according to Kelmarsh Analytics.",
    "Korean drug developers closed 18 licensing deals in 2025, with upfront payments of more than $900 million, "
    "Kelmarsh Analytics data show.",
])
def test_summed_upfront_payments_of_many_deals_are_no_deal(text: str) -> None:
    assert _deals(text) == []


def test_one_deals_upfront_payments_totaling_stay_its_upfront() -> None:
    (d,) = _deals("Halvard Bio will pay Melby Bio upfront payments totaling $40 million for HB-12.")
    assert d.upfront is not None and d.upfront.amount == Decimal("40000000")


@pytest.mark.parametrize("text", [
    # a milestone that drove a revenue line is a payment received, no deal's ceiling
    "Collaboration revenue rose to $45 million, driven by a $30 million milestone from Ashdown Pharma.",
    "Revenue rose 20%, boosted by the $30 million milestone payment Halvard Bio received from Ashdown Pharma.",
    "Revenue climbed to $61 million, due mainly to a $25 million milestone from Ashdown Pharma.",
])
def test_a_milestone_that_drove_revenue_is_no_deal(text: str) -> None:
    assert _deals(text) == []


@pytest.mark.parametrize("text", [
    # a person tapped to lead, and a bank tapped for a bond sale, are no partners
    "Corlander Pharma tapped Jane Okafor to lead its research unit, which has a budget of $200 million a year.",
    "Corlander Pharma tapped Morgan Stanley for a $300 million convertible bond sale.",
])
def test_tapped_for_a_job_or_a_financing_is_no_deal(text: str) -> None:
    assert extract(text, lang="en").deals == []


@pytest.mark.parametrize("text", [
    # a supply or manufacturing deal / pact, a distribution agreement and a research pact with a university are no
    # business-development deals (status.yml status.not_bd)
    "Tarrow Biologics inked a supply deal with Catalent for clinical batches of TB-210.",
    "Tarrow Biologics and Lonza agreed a ten-year manufacturing pact for TB-210's drug substance.",
    "Tarrow Biologics signed a distribution agreement with DKSH to sell Vexora in Thailand and Vietnam.",
    "Tarrow Biologics signed a research agreement with the University of Edinburgh to study TB-210 in lupus.",
])
def test_supply_distribution_and_academic_pacts_are_no_deals(text: str) -> None:
    assert extract(text, lang="en").deals == []


def test_a_licence_beside_a_supply_agreement_stays() -> None:
    deals = extract("Tarrow Biologics licensed TB-210 to Merck for $20 million upfront and signed a supply agreement "
                    "with Lonza for its drug substance.", lang="en").deals
    assert [(d.licensor and d.licensor.name, d.licensee and d.licensee.name, d.upfront and d.upfront.amount)
            for d in deals] == [("Tarrow Biologics", "Merck", Decimal(20000000))]
