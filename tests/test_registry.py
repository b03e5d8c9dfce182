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
