"""The library API: ``extract()``, ``Extractor``, the spaCy components and the tokenizer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from importlib.metadata import entry_points

import pytest
import spacy

import newsextract
from newsextract import ConfigError, Extraction, Extractor, InputError, detect_lang, extract
from newsextract.pipeline import build_pipeline

PFIZER_SEAGEN = "Pfizer will acquire Seagen for $43 billion."
SSBIO = "3SBio receives a $1.25 billion upfront payment from Pfizer for its PD-1/VEGF bispecific."
HENGRUI = ("Hengrui licensed HRS-1167 to Merck for $200 million upfront and up to $1.77 billion in milestones, "
           "plus tiered royalties.")
AKESO = ("Akeso granted Summit Therapeutics exclusive rights to ivonescimab outside China in exchange for an "
         "upfront payment of $500 million.")
NEGATIVE = "The FDA approved Keytruda for a new indication on Monday."

#: text -> expected single deal: (deal_type, licensor, licensee, {money field: (amount, upper_bound)}, extra)
CASES = [
    (PFIZER_SEAGEN, "acquisition", "Seagen", "Pfizer", {"total_value": ("43000000000", False)}, {}),
    (SSBIO, "license", "3SBio", "Pfizer", {"upfront": ("1250000000", False)},
     {"targets": ["PD-1", "VEGF"], "modality": "bispecific antibody"}),
    (HENGRUI, "license", "Hengrui", "Merck",
     {"upfront": ("200000000", False), "milestones": ("1770000000", True)}, {"asset": "HRS-1167"}),
    (AKESO, "license", "Akeso", "Summit Therapeutics", {"upfront": ("500000000", False)},
     {"asset": "ivonescimab", "territory": "outside China"}),
]
MONEY_FIELDS = ("upfront", "near_term", "milestones", "total_value", "equity")


@pytest.mark.parametrize("text,deal_type,licensor,licensee,money,extra", CASES)
def test_api_extract_deal_values(text, deal_type, licensor, licensee, money, extra):
    rec = extract(text)
    assert isinstance(rec, Extraction)
    assert rec.lang == "en" and rec.error is None
    assert len(rec.deals) == 1
    d = rec.deals[0]
    assert (d.deal_type, d.status) == (deal_type, "signed")
    assert (d.licensor.name, d.licensee.name) == (licensor, licensee)
    for f in MONEY_FIELDS:
        m = getattr(d, f)
        if f in money:
            amount, upper = money[f]
            assert (m.amount, m.currency, m.upper_bound) == (Decimal(amount), "USD", upper)
            assert m.text in text
        else:
            assert m is None, f
    for k, v in extra.items():
        assert getattr(d, k) == v


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_api_extract_evidence_offsets_index_text(text):
    rec = extract(text)
    ev = [e for d in rec.deals for e in d.evidence]
    assert ev
    for e in ev:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        assert e.rule, f"evidence for {e.field} has no rule id"


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_api_extract_every_filled_field_has_evidence(text):
    d = extract(text).deals[0]
    fields = {e.field for e in d.evidence}
    for f in ("licensor", "licensee", "asset", "modality", "territory", "royalty", *MONEY_FIELDS):
        if getattr(d, f) is not None:
            assert f in fields, f
    if d.targets:
        assert "targets" in fields


def test_api_extract_money_evidence_is_money_text():
    d = extract(HENGRUI).deals[0]
    ev = {e.field: e for e in d.evidence}
    assert ev["upfront"].text == d.upfront.text == "$200 million"
    assert d.milestones.text.endswith("$1.77 billion")


@pytest.mark.parametrize("text", [NEGATIVE, "Merck reported revenue of $15.8 billion for the quarter.",
                                  "The global ADC market is expected to reach $30 billion by 2030."])
def test_api_extract_negatives_have_no_deal(text):
    rec = extract(text)
    assert rec.deals == [] and rec.error is None


@pytest.mark.parametrize(
    "kwargs,attr,expected",
    [
        ({"doc_id": "abc"}, "doc_id", "abc"),
        ({"published": "2025-05-20"}, "published", "2025-05-20"),
        ({"lang": "en"}, "lang", "en"),
    ],
)
def test_api_extract_keywords(kwargs, attr, expected):
    rec = extract(PFIZER_SEAGEN, **kwargs)
    assert str(getattr(rec, attr)) == expected


def test_api_extract_doc_id_from_content_hash():
    a, b, c = extract(PFIZER_SEAGEN), extract(PFIZER_SEAGEN), extract(SSBIO)
    assert a.doc_id == b.doc_id != c.doc_id
    assert a.doc_id


@pytest.mark.parametrize(
    "bad,message",
    [
        ("", "E001 empty input"),
        ("   \n\t  ", "E001 empty input"),
        (None, "E002 input is not text: expected str, got NoneType"),
        (123, "expected str, got int"),
        (b"Pfizer will acquire Seagen", "expected str, got bytes"),
        (["Pfizer"], "expected str, got list"),
    ],
)
def test_api_extract_bad_input_raises_input_error(bad, message):
    with pytest.raises(InputError) as info:
        extract(bad)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)  # callers catching ValueError still catch it


def test_api_extract_unknown_lang():
    with pytest.raises(ConfigError, match="E005 unknown language 'fr'"):
        extract(PFIZER_SEAGEN, lang="fr")


def test_api_extractor_too_long():
    with pytest.raises(InputError, match="E003 document too long"):
        Extractor(max_chars=20).extract(PFIZER_SEAGEN)


def test_api_extractor_pipe_records_errors_in_order(extractor):
    items = [PFIZER_SEAGEN, "", {"id": "d3", "text": SSBIO}, 42, {"id": "d5"}, {"id": "d6", "text": NEGATIVE}]
    recs = list(extractor.pipe(items, errors="record"))
    assert len(recs) == len(items)
    assert [r.error is None for r in recs] == [True, False, True, False, False, True]
    assert [len(r.deals) for r in recs] == [1, 0, 1, 0, 0, 0]
    assert recs[0].deals[0].licensor.name == "Seagen"
    assert recs[2].doc_id == "d3" and recs[2].deals[0].licensor.name == "3SBio"
    assert "E001" in recs[1].error
    assert "E002" in recs[3].error
    assert recs[4].doc_id == "d5" and "E023" in recs[4].error  # an article object without text, as batch reads it
    assert recs[5].doc_id == "d6"


def test_api_extractor_pipe_raises_by_default(extractor):
    it = extractor.pipe([PFIZER_SEAGEN, ""])
    assert next(it).deals
    with pytest.raises(InputError, match="E001"):
        next(it)


def test_api_extractor_pipe_same_as_extract(extractor):
    texts = [c[0] for c in CASES]
    piped = list(extractor.pipe(texts))
    single = [extractor.extract(t) for t in texts]
    assert [p.model_dump() for p in piped] == [s.model_dump() for s in single]


def test_api_extractor_keep_text():
    rec = Extractor(keep_text=True).extract(SSBIO)
    assert rec.text == SSBIO
    assert extract(SSBIO).text is None


# --- spaCy components ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def user_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsextract_entities")
    nlp.add_pipe("newsextract_deals")
    return nlp


def test_api_spacy_components_on_blank_pipeline(user_nlp):
    doc = user_nlp(SSBIO)
    assert len(doc._.deals) == 1
    d = doc._.deals[0]
    assert (d.licensor.name, d.licensee.name, d.upfront.amount) == ("3SBio", "Pfizer", Decimal(1250000000))
    assert d.targets == ["PD-1", "VEGF"]


def test_api_spacy_components_same_deals_as_extract(user_nlp):
    for text in (c[0] for c in CASES):
        assert [d.model_dump() for d in user_nlp(text)._.deals] == [d.model_dump() for d in extract(text).deals]


@pytest.mark.parametrize(
    "text,label,span_text,rule",
    [
        (SSBIO, "money", "$1.25 billion", "money"),
        (SSBIO, "org", "3SBio", "org.gazetteer"),
        (SSBIO, "org", "Pfizer", "org.gazetteer"),
        (SSBIO, "target", "PD-1", "target.vocab"),
        (SSBIO, "modality", "bispecific", "mod.bispecific"),
        (SSBIO, "pay", "upfront payment", "pay.upfront"),
    ],
)
def test_api_spacy_spans_carry_rule_ids(user_nlp, text, label, span_text, rule):
    doc = user_nlp(text)
    spans = doc.spans["newsextract"]
    assert all(sp.id_ for sp in spans), [(sp.text, sp.label_) for sp in spans if not sp.id_]
    got = {(sp.label_, sp.text): sp.id_ for sp in spans}
    assert got.get((label, span_text)) == rule


def test_api_spacy_factories_entry_points():
    names = {e.name for e in entry_points(group="spacy_factories")}
    assert {"newsextract_segmenter", "newsextract_entities", "newsextract_deals"} <= names


def test_api_build_pipeline_order():
    nlp = build_pipeline("en")
    assert nlp.pipe_names == ["newsextract_segmenter", "newsextract_entities", "newsextract_deals",
                              "newsextract_reports", "newsextract_indications"]
    assert nlp.lang == "en"


@pytest.fixture(scope="module")
def en_tokenizer():
    return build_pipeline("en").tokenizer


@pytest.mark.parametrize(
    "text,tokens",
    [
        ("$1.25bn", ["$", "1.25", "bn"]),
        ("RMB5.8", ["RMB", "5.8"]),
        ("RMB5.8 billion", ["RMB", "5.8", "billion"]),
        ("US$1.25 billion", ["US$", "1.25", "billion"]),
        ("HK$1.2bn", ["HK$", "1.2", "bn"]),
        ("USD80 million", ["USD", "80", "million"]),
        ("$100m+", ["$", "100", "m", "+"]),
        ("~$3.3B", ["~", "$", "3.3", "B"]),
        ("$25M upfront", ["$", "25", "M", "upfront"]),
    ],
)
def test_api_tokenizer_splits_money(en_tokenizer, text, tokens):
    assert [t.text for t in en_tokenizer(text)] == tokens


@pytest.mark.parametrize("text,plain", [("$1.25bn", ["$", "1.25bn"]), ("RMB5.8", ["RMB5.8"])])
def test_api_tokenizer_plain_spacy_gap(text, plain):
    # the gap the custom tokenizer closes: spaCy's default keeps the scale or the currency on the number
    assert [t.text for t in spacy.blank("en")(text)] == plain


@pytest.mark.parametrize(
    "text,lang",
    [
        (PFIZER_SEAGEN, "en"),
        ("Hengrui (恒瑞医药) licensed HRS-1167 to Merck.", "en"),
        ("恒瑞医药与默沙东签署协议，首付款2亿美元", "zh"),
        ("三生制药(3SBio)宣布与辉瑞(Pfizer)达成PD-1/VEGF双抗授权协议，首付款12.5亿美元。", "zh"),
        ("12.5億美元", "zh"),
        ("$25 million", "en"),
        ("中", "en"),  # a single CJK character is not enough
    ],
)
def test_api_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_api_public_names():
    assert {"extract", "Extractor", "Extraction", "Deal", "Money", "Party", "Royalty", "Evidence",
            "InputError"} <= set(newsextract.__all__)
    for name in newsextract.__all__:
        assert hasattr(newsextract, name)


def test_api_config_extra_write_spans_puts_facts_on_the_doc():
    """``Config.extra`` carries component options without a field of their own: ``write_spans`` adds the facts to
    ``doc.spans`` (off by default)."""
    from newsextract.config import Config

    text = "Pfizer will pay Hengrui $100 million upfront."
    assert "newsextract" not in build_pipeline("en")(text).spans
    doc = build_pipeline("en", Config(extra={"write_spans": True}))(text)
    assert {"org", "money"} <= {sp.label_ for sp in doc.spans["newsextract"]}


def test_a_plain_text_takes_its_publication_date_from_its_dateline():
    from newsextract import extract
    from newsextract.normalize.dates import dateline
    text = ("Halvora bets on a TIGIT antibody\n\nBy Staff Reporter | March 4, 2026\n\nHalvora Therapeutics paid Brightwell "
            "Bio $35 million upfront for BW-12, the companies said Tuesday. Halvora's drug Tremzio generated $1.1 "
            "billion in sales last year.")
    r = extract(text)
    assert r.published == dt.date(2026, 3, 4)
    assert [d.announced for d in r.deals] == [dt.date(2026, 3, 3)]
    assert [f.period for f in r.figures] == ["FY2025"]  # "last year" of a 2026 article
    # the caller's date wins; a period's end is no dateline; Chinese dates too
    assert extract(text, published="2026-05-01").published == dt.date(2026, 5, 1)
    assert dateline("Details - USD ($)\n$ in Millions | 12 Months Ended Dec. 31, 2024\nX") is None
    assert dateline("2026年3月4日，某公司宣布") == dt.date(2026, 3, 4)
    assert dateline("No date in this text. March 4, 2026 is far below.", head=10) is None
