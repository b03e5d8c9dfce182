"""The company registry built from the gazetteer files (newsextract.registry)."""

from __future__ import annotations

import pytest
import yaml

from newsextract.errors import PatternError
from newsextract.records import Party
from newsextract.registry import KINDS, Registry, get_registry, party_key


@pytest.mark.parametrize("name,cid", [
    ("恒瑞医药", "hengrui"), ("江蘇恆瑞醫藥股份有限公司", "hengrui"), ("Jiangsu Hengrui Pharmaceuticals Co., Ltd.", "hengrui"),
    ("Hengrui Medicine", "hengrui"), ("三生制药", "3sbio"), ("3SBio Inc.", "3sbio"), ("三生国健", "sunshine_guojian"),
    ("Merck, Sharp & Dohme Inc. (MSD)", "merck"), ("默沙东", "merck"), ("Merck Healthcare", "merck_kgaa"),
    ("百济神州瑞士", "beigene"), ("BeiGene Switzerland GmbH", "beigene"), ("西雅图基因", "seagen"),
    ("上海翰森生物醫藥科技有限公司", "hansoh"), ("the Pfizer", "pfizer"), ("中科院上海药物所", "simm"),
])
def test_registry_lookup_both_scripts(name, cid):
    assert get_registry().lookup(name).id == cid


@pytest.mark.parametrize("name", ["Acme Therapeutics", "华12生物", "Genevant", ""])
def test_registry_lookup_unknown(name):
    assert get_registry().lookup(name) is None


def test_registry_joins_en_and_zh_with_parents_and_kinds():
    reg = get_registry()
    c = reg.get("3sbio")
    assert (c.name, c.name_zh, c.country, c.kind) == ("3SBio", "三生制药", "CN", "pharma")
    assert "三生製藥" in c.aliases_zh and "3SBio Inc." in c.aliases
    assert reg.get("genentech").parent == "roche" and reg.root("genentech") == "roche" and reg.root("roche") == "roche"
    assert reg.get("simm").kind == "academic"
    assert {c.kind for c in reg} <= set(KINDS) and len(reg) > 600
    assert all(c.parent is None or c.parent in reg.companies for c in reg)


def test_registry_party_id_canonical_country():
    reg = get_registry()
    assert reg.resolve(Party(name="辉瑞")) == Party(id="pfizer", name="辉瑞", canonical="Pfizer", country="US")
    assert reg.resolve(Party(name="Acme Bio")) == Party(name="Acme Bio")
    assert party_key(Party(name="Acme Bio, Inc."), reg) == "x:acme" and party_key(None, reg) is None


def _write(tmp_path, en, zh=()):
    for lang, entries in (("en", en), ("zh", zh)):
        (tmp_path / lang).mkdir(exist_ok=True)
        (tmp_path / lang / "companies.yml").write_text(yaml.safe_dump({"version": 1, "kind": "companies",
                                                                       "entries": list(entries)}), encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("entry,message", [
    ({"id": "a", "name": "A", "colour": "red"}, "unknown keys"),
    ({"id": "a", "name": "A", "kind": "startup"}, "kind 'startup'"),
    ({"id": "a", "name": "A", "country": "China"}, "ISO 3166"),
    ({"id": "a", "name": "A", "parent": "nobody"}, "unknown parent"),
    ({"name": "A"}, "needs 'id' and 'name'"),
])
def test_registry_broken_entries_fail_loudly(tmp_path, entry, message):
    with pytest.raises(PatternError, match=message):
        Registry(_write(tmp_path, [entry]))


def test_registry_parent_cycle_fails_loudly(tmp_path):
    with pytest.raises(PatternError, match="parent cycle"):
        Registry(_write(tmp_path, [{"id": "a", "name": "A", "parent": "b"}, {"id": "b", "name": "B", "parent": "a"}]))


def test_assembled_party_carries_registry_id(extractor):
    rec = extractor.extract("Maiwei Biotech licensed its IL-11 antibody to Calico, receiving $25 million upfront.")
    d = rec.deals[0]
    assert (d.licensor.id, d.licensor.country, d.licensee.id) == ("mabwell", "CN", "calico")


# -- the grown gazetteer (issue 8): names of every region, units under their groups, common words kept out ----------
@pytest.mark.parametrize("name,cid", [
    ("石药集团巨石生物制药有限公司", "megalith"), ("CSPC Megalith Biopharmaceutical", "megalith"), ("成都先导", "hitgen"),
    ("HitGen Inc.", "hitgen"), ("智擎生技", "pharmaengine"), ("財團法人國家衛生研究院", "nhri"), ("香港中文大學", "cuhk"),
    ("invoX Pharma", "invox"), ("F-star Therapeutics, Inc.", "f_star"), ("Human Immunology Biosciences", "hi_bio"),
    ("Royalty Pharma plc", "royalty_pharma"), ("HealthCare Royalty Partners", "hcr"), ("Sanofi Pasteur", "sanofi_pasteur"),
    ("赛诺菲巴斯德", "sanofi_pasteur"), ("Glaxo Wellcome", "gsk"), ("Onconic Therapeutics", "onconic"),
    ("Fujifilm Toyama Chemical", "fujifilm_toyama"), ("Karolinska Institutet", "karolinska"), ("泽井制药", "sawai"),
    ("澤井製藥", "sawai"), ("The University of Texas MD Anderson Cancer Center", "md_anderson"),
])
def test_registry_grown_gazetteer(name, cid):
    assert get_registry().lookup(name).id == cid


def test_registry_grown_gazetteer_parents_kinds_countries():
    reg = get_registry()
    assert reg.root("f_star") == "sino_biopharm" and reg.root("megalith") == "cspc" and reg.root("yeda") == "weizmann"
    assert reg.root("actelion") == "jnj" and reg.root("turning_point") == "bms" and reg.root("viiv") == "gsk"
    assert (reg.get("royalty_pharma").kind, reg.get("ra_capital").kind) == ("fund", "investor")
    assert (reg.get("nykode").country, reg.get("pharmaengine").country, reg.get("ck_life").country) == ("NO", "TW", "HK")
    assert reg.get("tsinghua").kind == "academic" and len(reg) > 1400


@pytest.mark.parametrize("text", [
    "The Milestone and the Ligand: a Catalyst, an Intercept, a Recursion, a Relation, a Quell, the Momenta.",
    "Principia, Imago, Alder, Longboard, Capstan, Cubist, Protomer, Trillium, Taro, Strides, Hummingbird, Oneness.",
    "ALK fusions, R-CHOP and CHOP, AAA, PKU, SPARC, HLB values, GV-971, Neogene, Isomorphic, Canaan.",
    "平台大幅扩展，布局高端疫苗，民生工程，打太极，千金难买，先通过审批，珠海横琴软银欣创。",
])
def test_gazetteer_keeps_common_words_out(text):
    """Short forms that are English words, targets, regimens or Chinese words are not company names."""
    from newsextract.normalize.names import get_gazetteer
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
    assert [(text[s:e], ent.id) for s, e, ent in get_gazetteer(lang).find(text)] == []


def test_gazetteer_finds_names_written_with_one_capital():
    """A one-word name with capitals inside is found written with its first capital only (as some wires do)."""
    from newsextract.normalize.names import get_gazetteer
    text = "Glaxosmithkline and Beigene signed; GlaxoSmithKline and BeiGene agreed."
    got = [(text[s:e], ent.id) for s, e, ent in get_gazetteer("en").find(text)]
    assert [i for _, i in got] == ["gsk", "beigene", "gsk", "beigene"]
