"""Asset and modality finders: example tables (sentences written for these tests), guards, finder recall on realdev.

Rows are grouped by family: codes, INNs, brands (found by a cue), pairs (a drug named twice), Chinese names (both
scripts) and guards (look-alikes that must not become assets). Known misses are ``xfail(strict=True)``.
"""

from __future__ import annotations

import functools

import pytest

from newsextract.finders.assets import AssetFinder, ModalityFinder
from newsextract.finders.targets import TargetFinder
from newsextract.records import MODALITIES


@functools.lru_cache(maxsize=2)
def finder(lang: str) -> AssetFinder:
    return AssetFinder(lang)


@functools.lru_cache(maxsize=2)
def modality(lang: str) -> ModalityFinder:
    return ModalityFinder(lang)


@functools.lru_cache(maxsize=2)
def targets(lang: str) -> TargetFinder:
    return TargetFinder(lang)


def found(lang: str, text: str) -> list[str]:
    """Asset names, with target spans excluded as the pipeline does (CYP11A1 is a target, not a code)."""
    return list(dict.fromkeys(f.value for f in finder(lang).find(text, targets(lang).find(text))))


CODES = [
    ("en", "Pfizer licensed SSGJ-707 and HRS-1167.", ["SSGJ-707", "HRS-1167"]),
    ("en", "the ADC BL-B01D1 and 9MW3811", ["BL-B01D1", "9MW3811"]),
    ("en", "rights to NKR-2 and NBTXR-3", ["NKR-2", "NBTXR-3"]),
    ("en", "its siRNA 2-MW7141 for dyslipidaemia", ["2-MW7141"]),
    ("en", "Metsera's MET-097i and Karuna's KarXT", ["MET-097i", "KarXT"]),
    ("en", "a hyaluronidase, ALT-B4, for subcutaneous dosing", ["ALT-B4"]),
    ("en", "late-stage development of MK-2060, a Factor XI antibody", ["MK-2060"]),
    ("en", "the pact for MK-5684/ODM-208 in prostate cancer", ["MK-5684/ODM-208"]),
    ("en", "a licensing deal for ISB 2001, a trispecific", ["ISB 2001"]),
    ("en", "investigational medicine ARO-AAT", ["ARO-AAT"]),
    ("en", "the SSGJ\u2011707 programme (non-breaking hyphen)", ["SSGJ-707"]),
]

INNS = [
    ("en", "ivonescimab and sacituzumab tirumotecan", ["ivonescimab", "sacituzumab tirumotecan"]),
    ("en", "rinatabart sesutecan (Rina-S), a FRα ADC", ["rinatabart sesutecan (Rina-S)"]),
    ("en", "the S1P modulator ceralifimod and the CYP11A1 inhibitor opevesostat", ["ceralifimod", "opevesostat"]),
    ("en", "ilofotase alfa and dinutuximab beta", ["ilofotase alfa", "dinutuximab beta"]),
    ("en", "soticlestat, eplontersen and elafibranor", ["soticlestat", "eplontersen", "elafibranor"]),
    ("en", "Felzartamab could be a pipeline in a product.", ["felzartamab"]),
    ("en", "the rights to sac-TMT and iza-bren", ["sac-TMT", "iza-bren"]),
    ("en", "a Bio-Thera tocilizumab biosimilar", ["tocilizumab biosimilar"]),
    ("en", "sold its rights to a biosimilar of denosumab", ["denosumab"]),
]

BRANDS = [
    ("en", "the antifungal Cresemba® in China", ["Cresemba"]),
    ("en", "its oncology drug Datroway to treat lung cancer; Datroway sales", ["Datroway"]),
    ("en", "Invossa-K, a degenerative arthritis treatment, in Hong Kong", ["Invossa-K"]),
    ("en", "the treatment, which will be sold as Orgovyx, in 2021", ["Orgovyx"]),
    ("en", "Sales of Iqirvo rose. Iqirvo, the brand name for elafibranor, is", ["Iqirvo", "elafibranor"]),
    # a brand the rights are to (asset.rights_to); not a place
    ("en", "Halvern will take over worldwide rights to Dormivel outside Korea", ["Dormivel"]),
    ("en", "Halvern will take over worldwide rights to China and Japan", []),
]

PAIRS = [
    ("en", "rights to Tuoyi (toripalimab) in Latin America; Tuoyi sales", ["Tuoyi (toripalimab)"]),
    ("en", "navoximod (GDC-0919) and, later, navoximod alone", ["navoximod (GDC-0919)"]),
    ("en", "royalties on QARZIBA® (dinutuximab beta)", ["QARZIBA (dinutuximab beta)"]),
    ("en", "K-CAB (ingredient: tegoprazan), a reflux drug", ["K-CAB (tegoprazan)"]),
    ("en", "KarXT (xanomeline-trospium) in Greater China", ["KarXT (xanomeline-trospium)"]),
]

CHINESE = [
    ("zh", "将依沃西单抗授权给", ["依沃西单抗"]),
    ("zh", "公司贝伐珠单抗的海外权益", ["贝伐珠单抗"]),
    ("zh", "抗腫瘤藥品馬來酸吡咯替尼片项目", ["馬來酸吡咯替尼片"]),
    ("zh", "西達基奧侖賽与普克魯胺和塞利尼索", ["西達基奧侖賽", "普克魯胺", "塞利尼索"]),
    ("zh", "BAT2506(戈利木单抗)的权益", ["BAT2506(戈利木单抗)"]),
    ("zh", "HBM9378/SKB378在大中华区以外", ["HBM9378/SKB378"]),
    ("zh", "（商品名：沃瑞沙®）", ["沃瑞沙"]),
    ("zh", "许可产品707项目", ["707项目"]),
    ("zh", "引进HS-20094在", ["HS-20094"]),
    ("zh", "上海药物所的NLRP3抑制剂SIMM-2306相关专利", ["SIMM-2306"]),
]

GUARDS = [
    ("en", "In FY2023, KEYNOTE-189 and NCT01234567 reported; T790M and G12C mutations", []),
    ("en", "Hengrui (SH600276) and Akeso (9926.HK)", []),
    ("en", "patients previously treated with trastuzumab deruxtecan", []),
    ("en", "compared with docetaxel in the trial", []),
    ("en", "peptides, nucleotides, a concept and a thermostat", []),
    ("en", "Ironwood ended the deal after an evaluation of its franchise, Ironwood said", []),
    ("en", "the deal with Windward, a candidate-focused biotech; Windward has raised $200 million", []),
    ("en", "chronic-phase CML (CP-CML)", []),
    ("zh", "既往接受過曲妥珠單抗的患者", []),
    ("zh", "公司2025年项目", []),
]


@pytest.mark.parametrize("lang,text,want", CODES + INNS + BRANDS + PAIRS + CHINESE + GUARDS)
def test_assets_found(lang, text, want):
    assert found(lang, text) == want


KNOWN_MISSES = [
    # a Chinese brand without 商品名 or a mark
    ("zh", "抗癌藥沃瑞沙已在內地上市", ["沃瑞沙"]),
]


@pytest.mark.parametrize("lang,text,want", [pytest.param(*r, marks=pytest.mark.xfail(strict=True)) for r in KNOWN_MISSES])
def test_assets_known_misses(lang, text, want):
    assert found(lang, text) == want


def test_assets_offsets_point_at_the_text():
    text = "rights to Tuoyi (toripalimab) and SSGJ\u2011707; 依沃西單抗"
    for f in finder("zh").find(text) + finder("en").find(text):
        assert text[f.start:f.end] == f.text


def test_assets_names_of_a_pair():
    f = finder("en").find("rights to Tuoyi (toripalimab) in Mexico")[0]
    assert f.extra["names"] == ["Tuoyi (toripalimab)", "Tuoyi", "toripalimab"]


@pytest.mark.parametrize(
    "lang,text,want",
    [
        ("en", "a bispecific antibody-drug conjugate and an siRNA", ["bispecific ADC", "siRNA"]),
        ("en", "an anti-PD-1 antibody; CAR T-cell therapy; T-cell engagers", ["monoclonal antibody", "cell therapy", "T-cell engager"]),
        ("en", "a radiopharmaceutical and a molecular glue degrader", ["radioligand", "PROTAC/degrader"]),
        ("en", "an antisense oligonucleotide, a nanobody and an mRNA vaccine", ["ASO", "monoclonal antibody", "mRNA"]),
        ("en", "an oral small molecule and a non-ADC payload", ["small molecule"]),
        ("zh", "双抗ADC药物和PD-1单抗", ["bispecific ADC", "monoclonal antibody"]),
        ("zh", "小干擾RNA與T細胞銜接器、放射性核素偶联药物", ["siRNA", "T-cell engager", "radioligand"]),
        ("zh", "CAR-T细胞疗法与溶瘤病毒", ["cell therapy"]),
    ],
)
def test_assets_modality_found(lang, text, want):
    assert list(dict.fromkeys(f.value for f in modality(lang).find(text))) == want


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assets_modality_values_are_the_schema_vocabulary(lang):
    assert {v for v, _, _ in modality(lang).meta.values()} <= set(MODALITIES)


def test_assets_finder_recall_on_realdev(realdev_dir):
    """Gold assets of realdev should be found somewhere in their article (assembly then picks the deal's)."""
    from newsextract.quality.equality import same_asset
    from newsextract.quality.gold import iter_gold

    total = missed = 0
    for g in iter_gold(realdev_dir):
        names = [f.value for f in finder(g.lang).find(g.text())]
        for d in g.deals:
            if not d.values.get("asset") or None in d.accept.get("asset", []):
                continue
            total += 1
            missed += not any(same_asset(c, n) for c in d.candidates("asset") if c for n in names)
    assert total > 80
    assert missed / total <= 0.12, f"{missed} of {total} gold assets not found"
