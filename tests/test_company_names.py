"""Unknown company names: what the name shapes and contexts must not take for a company (our own sentences)."""

from __future__ import annotations

import pytest

from newsextract import extract
from newsextract.finders.companies import CompanyFinder


@pytest.fixture(scope="module")
def finder():
    return CompanyFinder("en")


def _names(finder, text):
    return {f.text for f in finder.find(text) if f.label == "org"}


@pytest.mark.parametrize("text,not_names", [
    # a legal form is no legal form when a drug code goes on from it ("GC Cell, AB-205 is …")
    ("According to Norvik Cell, AB-205 is an allogeneic NK cell therapy.", {"Norvik Cell, AB"}),
    # a regulator named after a preposition is no company
    ("Albula Pharma AG has received marketing authorisation from Swissmedic for Nivaro.", {"Swissmedic"}),
    # an adverb that opens a sentence
    ("Novartis bought Lunera Bio for $800 million at closing plus a CVR. Fully paid out, the deal is worth up to "
     "$1.7 billion.", {"Fully"}),
    # a name introduced with a drug word is a drug wherever else it is written
    ("Marlow Bio licensed the antibody-drug conjugate (ADC) Velotra to Pellam Pharma. Sales from Velotra could "
     "reach $500 million.", {"Velotra"}),
    # a person named with a title, and their surname alone
    ("Arun Mehta, Chairman of Vellore Pharma, spoke on Monday. Mehta said the deal would close soon.",
     {"Mehta", "Arun Mehta"}),
    # plural and compound abbreviations; adjective compounds; sentence adverbs
    ("Patients with TKI-resistant chronic-phase CML (CP-CML) had no other TKIs. If exercised, the option pays more.",
     {"TKIs", "CP-CML", "TKI-resistant", "If"}),
    # a description of a company named elsewhere; a place with a legal form; pathogens
    ("Gilead ends a deal with This SoCal Biotech. The Stock Exchange of Hong Kong Limited takes no responsibility. "
     "Antibodies against SARS-CoV-2 were licensed by Qilu Pharma.", {"SoCal Biotech", "Kong Limited", "SARS-CoV-2"}),
    # an owner's thing, not a company
    ("Neurocrine will use capsids from Voyager’s TRACER platform.", {"TRACER"}),
    # a place or listing descriptor leads a name but is not part of it
    ("Enhertu, co-promoted globally with UK-based AstraZeneca, grew. U.S.-listed Zai Lab signed the pact.",
     {"UK-based AstraZeneca", "U.S.-listed Zai Lab"}),
    ("Drugmaker Corrane Inc said on Monday it rejected the offer. Biotech Velmora Therapeutics agreed.",
     {"Drugmaker Corrane Inc", "Biotech Velmora Therapeutics"}),
])
def test_not_company_names(finder, text, not_names):
    assert not (_names(finder, text) & not_names)


def test_names_kept_beside_the_filters(finder):
    names = _names(finder, "Marlow Bio licensed the antibody-drug conjugate (ADC) Velotra to Pellam Pharma.")
    assert {"Marlow Bio", "Pellam Pharma"} <= {n.rstrip(".") for n in names}


@pytest.fixture(scope="module")
def zh_finder():
    return CompanyFinder("zh")


@pytest.mark.parametrize("text,name,not_name", [
    ("其中荣昌生物和艾伯维的交易首付款达到6.5亿美元。", "荣昌生物", "中荣昌生物"),
    ("尽管迈威生物近期动作频频，仍需关注其现金流。", "迈威生物", "管迈威生物"),
    ("上药信谊已收到生诺生物返还的1.1亿元首付款。", "生诺生物", "到生诺生物"),
    ("摩根大通大中华区医疗健康行业研究主管表示，交易数量或继续增长。", None, "大中华区医疗"),
    # a phrase of the clinic ("完成治疗"), a business line ("仿制药业务") and a purchase verb start no name
    ("患者已完成治疗，海康生物表示仿制药业务仍承压。", "海康生物", "完成治疗"),
    ("公司仿制药业务收入下降。", None, "仿制药业"),
    ("公司拟购买香港华泰国际医药有限公司持有的权益。", "华泰国际医药有限公司", "买香港华泰国际医药有限公司"),
    # 和 inside a name after 大/中/平/协 (大和, 协和), a conjunction elsewhere
    ("启明生物与日本大和制药株式会社签署许可协议，将权利授予大和制药。", "大和制药", "本大和制药株式会社"),
    ("恒瑞和信达生物签署协议。", "信达生物", "恒瑞和信达生物"),
])
def test_zh_names_start_after_function_words(zh_finder, text, name, not_name):
    names = _names(zh_finder, text)
    assert not_name not in names
    if name:
        assert name in names


def test_zh_known_name_right_before_a_date(zh_finder):
    """A Chinese name runs into a date with no space (百利天恒2025年12月收到): still the known company."""
    facts = [f for f in zh_finder.find("其中,百利天恒2025年12月收到由百时美施贵宝支付的2.5亿美元里程碑付款。") if f.label == "org"]
    assert [(f.text, f.value.key) for f in facts][:1] == [("百利天恒", "biokin")]


@pytest.mark.parametrize("text", [
    "今年台灣生技業包括逸康生技、亞祥-KY、景河、台微達等陸續傳出授權佳績。其中景河旗下的新藥授權給恒翼生醫,總授權額度為2,400萬美元。"
    "逸康與Accord簽約。亞祥-KY也宣布授權。",
    "今年台湾生技业包括逸康生技、亚祥-KY、景河、台微达等陆续传出授权佳绩。其中景河旗下的新药授权给恒翼生医,总授权额度为2,400万美元。"
    "逸康与Accord签约。亚祥-KY也宣布授权。",
])
def test_names_listed_with_companies_are_companies(text):
    """In '包括逸康生技、亞祥-KY、景河、台微達等', most items are names the article gives companies: the others (景河, 台微達)
    are companies too, also where the article writes them again."""
    deals = extract(text, lang="zh").deals
    assert [(d.licensor.name, d.licensee.name) for d in deals if d.total_value] == [("景河", "恒翼生醫" if "醫" in text else "恒翼生医")]


def test_a_headline_verb_between_two_names_makes_two_names(finder):
    names = _names(finder, "Ostermark NeuroSciences Grants Pellingham Therapeutics Rights to Alpha-Synuclein Antibody "
                           "as Corlan Pharma Partners With Veyra Therapeutics")
    assert {"Pellingham Therapeutics", "Veyra Therapeutics"} <= names
    assert not any("Grants" in n or "Partners" in n for n in names)


def test_a_plural_possessive_after_a_cue_ends_the_name(finder):
    names = _names(finder, "Korean drug developers ended the year with deals led by Torvald Biologics' HER3 antibody "
                           "agreement.")
    assert "Torvald Biologics" in names and not any("HER3" in n for n in names)


@pytest.mark.parametrize("text,name", [
    # designators this session added: a neuroscience company, a foundation, an institute named with 'of'
    ("Shares of Calder Neuroscience rose 40% on the news.", "Calder Neuroscience"),
    ("The Lung Health Foundation sold part of its royalty.", "Lung Health Foundation"),
    ("The Lisbon Institute of Molecular Oncology discovered the antibody.", "Lisbon Institute of Molecular Oncology"),
])
def test_names_ending_in_new_designators(finder, text, name):
    assert name in _names(finder, text)


@pytest.mark.parametrize("text,bad", [
    ("Helvion Pharma to Acquire ETH Zurich Spin-Out NeuroSyn to Expand Neuropsychiatry Pipeline", "Neuropsychiatry Pipeline"),
    ("The drug is in a Phase 2 trial for Parkinson's disease, Lantern Bio said.", "Parkinson"),
])
def test_headline_phrases_and_disease_eponyms_are_no_companies(text, bad):
    from newsextract.finders.companies.finder import CompanyFinder
    names = {f.text for f in CompanyFinder("en").find(text) if f.label == "org"}
    assert not any(bad in n for n in names)


@pytest.mark.parametrize("text,bad", [
    ("Vireon Pharma AG said VRN-88 cut proteinuria in patients with IgA nephropathy.", "IgA"),
    ("Brantis Bio tests its drug in patients with Hodgkin lymphoma.", "Hodgkin"),
])
def test_a_name_that_heads_a_disease_is_no_company(text, bad):
    from newsextract.finders.companies.finder import CompanyFinder
    assert bad not in {f.text for f in CompanyFinder("en").find(text) if f.label == "org"}


def test_a_stock_index_is_no_company():
    from newsextract.finders.companies.finder import CompanyFinder
    text = "Shares of Mahavir Lifesciences closed 3.1% lower, against a flat Nifty Pharma index."
    assert "Nifty Pharma" not in {f.text for f in CompanyFinder("en").find(text) if f.label == "org"}


@pytest.mark.parametrize("text,names", [
    # investor words end a fund's name, but not a phrase of finance
    ("Venture Capital Funding Soars as Harbourline Royalty Partners pays Nuvela Bio.",
     {"Harbourline Royalty Partners", "Nuvela Bio"}),
    ("The company had Working Capital of $20 million; Hedge Fund managers bought shares.", set()),
])
def test_investor_words_end_fund_names_not_finance_phrases(text, names):
    from newsextract.finders.companies.finder import CompanyFinder
    assert {f.text for f in CompanyFinder("en").find(text) if f.label == "org"} == names


def test_a_name_after_a_deal_word_stops_before_its_possessive_drug_code():
    # "acquire Velbright Bio's VB-12": the company is "Velbright Bio", not "Velbright Bio's VB-12" …
    from newsextract import extract
    deals = extract("Corvanta Pharma will acquire Velbright Bio's VB-12 programme for $45 million upfront.").deals
    assert [(d.licensor and d.licensor.name, d.asset) for d in deals] == [("Velbright Bio", "VB-12")]
    # … while a possessive before a name stays inside it ("to Mexico's Laboratorios Ferrán")
    deals = extract("Corvanta Pharma sold Latin American rights to an older drug to Mexico's Laboratorios Ferrán for "
                    "$6 million.").deals
    assert [d.licensee and d.licensee.name for d in deals] == ["Laboratorios Ferrán"]


@pytest.mark.parametrize("text,name", [
    ("Corvanta Pharma licensed VB-12 to Bain-backed Velbright Bio for $20 million upfront.", "Velbright Bio"),
    ("AbbVie has ended its collaboration with Alphabet-backed Calico Life Sciences, Calico said.", "Calico Life Sciences"),
])
def test_a_backer_before_a_name_is_no_part_of_it(text, name):
    assert name in {p.name for d in extract(text).deals for p in (d.licensor, d.licensee) if p}


@pytest.mark.parametrize("text,person", [
    ("Velbright Bio signed a licence with Corvanta Pharma. Dr. Lee said the deal was worth $30 million.", "Lee"),
    ("The Company entered into a sale and purchase agreement with Mr. Wang to acquire 60% of Velbright Bio for $30 "
     "million.", "Wang"),
])
def test_a_surname_after_an_honorific_is_a_person(text, person):
    assert person not in {p.name for d in extract(text).deals for p in (d.licensor, d.licensee) if p}


@pytest.mark.parametrize("text,name", [
    # a currency code between a payee and its amount is no part of the name (known or not)
    ("Corvanta Pharma will pay Velbright Bio USD 80 million upfront for VB-12.", "Velbright Bio"),
    ("Corvanta Pharma will pay Velbright Bio JPY 12 billion upfront for VB-12.", "Velbright Bio"),
    ("Corvanta Pharma will pay Novartis SEK 800 million upfront for VB-12.", "Novartis"),
    ("Corvanta Pharma will pay Hengrui RMB 80 million upfront for HR-12.", "Hengrui"),
])
def test_a_currency_code_after_a_payee_is_no_part_of_its_name(text, name):
    (d,) = extract(text, lang="en").deals
    assert (d.licensor.name, d.licensee.name) == (name, "Corvanta Pharma")


@pytest.mark.parametrize("text,licensor,licensee", [
    # title-case headlines: a headline verb phrase between two names splits them ('To Buy', 'Snaps Up')
    ("Corvanta Pharma To Buy Velbright Bio For $1.2 Billion", "Velbright Bio", "Corvanta Pharma"),
    ("Corvanta Pharma Snaps Up Velbright Bio For $470M", "Velbright Bio", "Corvanta Pharma"),
    ("Corvanta Pharma To Acquire Velbright Bio In $1.2B Deal", "Velbright Bio", "Corvanta Pharma"),
])
def test_a_title_case_headline_verb_splits_two_names(text, licensor, licensee):
    (d,) = extract(text, lang="en").deals
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)


@pytest.mark.parametrize("text", [
    # a name after an amount in a title-case headline ('$1.2B Deal With X', '$700M Pact With X') is read from the
    # word after the amount on, without the deal words
    "Corvanta Pharma Walks Away From $1.2B Deal With Velbright Bio",
    "Corvanta Pharma Inks $700M Pact With Velbright Bio For Trispecific T-Cell Engager",
])
def test_a_name_after_an_amount_in_a_title_case_headline(text):
    (d,) = extract(text, lang="en").deals
    assert {d.licensor.name, d.licensee.name} == {"Velbright Bio", "Corvanta Pharma"}
