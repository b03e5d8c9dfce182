"""The record contract (``../shared/SCHEMA.md``): validation messages, lossless Decimal JSON, the JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from pydantic import ValidationError

from newsextract.records import (
    CURRENCIES,
    DEAL_TYPES,
    MODALITIES,
    STATUSES,
    Deal,
    Evidence,
    Extraction,
    Money,
    Party,
    Royalty,
)

MONEY = {"amount": "25000000", "currency": "USD", "text": "$25 million"}


def _error(model, kwargs) -> tuple[tuple, str]:
    with pytest.raises(ValidationError) as info:
        model(**kwargs)
    errs = info.value.errors()
    assert len(errs) == 1, errs
    return errs[0]["loc"], errs[0]["msg"]


@pytest.mark.parametrize(
    "kwargs,loc,message",
    [
        ({**MONEY, "amount": -1}, ("amount",), "amount must not be negative, got -1"),
        ({**MONEY, "amount": "-0.5"}, ("amount",), "amount must not be negative"),
        ({**MONEY, "amount": "NaN"}, ("amount",), "finite"),
        ({**MONEY, "amount": "Infinity"}, ("amount",), "finite"),
        ({**MONEY, "amount": "25 million"}, ("amount",), "valid decimal"),
        ({**MONEY, "currency": "XYZ"}, ("currency",), "unknown currency 'XYZ': expected an ISO 4217 code"),
        ({**MONEY, "currency": "$"}, ("currency",), "unknown currency '$'"),
        ({**MONEY, "currency": "RMB"}, ("currency",), "unknown currency 'RMB'"),  # RMB is written CNY
        ({**MONEY, "currency": "dollars"}, ("currency",), "unknown currency"),
        ({**MONEY, "scale": 1000}, ("scale",), "Extra inputs are not permitted"),
        ({"amount": 1, "currency": "USD"}, ("text",), "Field required"),
    ],
)
def test_records_money_rejects(kwargs, loc, message):
    got_loc, msg = _error(Money, kwargs)
    assert got_loc == loc
    assert message in msg


@pytest.mark.parametrize(
    "currency,code",
    [("usd", "USD"), (" cny ", "CNY"), ("Eur", "EUR"), ("JPY", "JPY"), ("hkd", "HKD"), ("KRW", "KRW"),
     ("CHF", "CHF"), ("GBP", "GBP")],
)
def test_records_money_currency_normalised(currency, code):
    assert Money(**{**MONEY, "currency": currency}).currency == code


@pytest.mark.parametrize(
    "amount,expected",
    [(0, Decimal(0)), ("5.71E+8", Decimal(571000000)), (1250000000, Decimal(1250000000)),
     ("0.175", Decimal("0.175")), (Decimal("25000000.00"), Decimal(25000000))],
)
def test_records_money_accepts(amount, expected):
    m = Money(**{**MONEY, "amount": amount})
    assert isinstance(m.amount, Decimal)
    assert m.amount == expected
    assert (m.upper_bound, m.approximate, m.lower_bound) == (False, False, False)


@pytest.mark.parametrize(
    "kwargs,loc,message",
    [
        ({"deal_type": "merger"}, ("deal_type",), "Input should be 'license', 'collaboration', 'option'"),
        ({"deal_type": "License"}, ("deal_type",), "Input should be"),
        ({"status": "pending"}, ("status",), "Input should be 'signed', 'completed', 'in_discussion' or 'terminated'"),
        ({"status": "in talks"}, ("status",), "Input should be"),
        ({"modality": "antibody"}, ("modality",), "'bispecific antibody'"),
        ({"modality": "bispecific"}, ("modality",), "Input should be"),
        ({"value": 5}, ("value",), "Extra inputs are not permitted"),
        ({"licensor": {"name": ""}}, ("licensor", "name"), "at least 1 character"),
        ({"licensor": {"name": "Pfizer", "ticker": "PFE"}}, ("licensor", "ticker"), "Extra inputs are not permitted"),
        ({"upfront": {**MONEY, "amount": -5}}, ("upfront", "amount"), "must not be negative"),
        ({"milestones": {**MONEY, "currency": "BTC"}}, ("milestones", "currency"), "unknown currency 'BTC'"),
        ({"royalty": {"tiered": True, "max_pct": 120}}, ("royalty", "max_pct"), "less than or equal to 100"),
        ({"royalty": {"min_pct": -1}}, ("royalty", "min_pct"), "greater than or equal to 0"),
        ({"evidence": [{"field": "upfront", "start": -1, "end": 3, "text": "x"}]}, ("evidence", 0, "start"),
         "greater than or equal to 0"),
        ({"announced": "yesterday"}, ("announced",), "valid date"),
    ],
)
def test_records_deal_rejects(kwargs, loc, message):
    got_loc, msg = _error(Deal, kwargs)
    assert got_loc == loc
    assert message in msg


@pytest.mark.parametrize(
    "kwargs,loc,message",
    [
        ({"doc_id": "a", "lang": "fr"}, ("lang",), "Input should be 'en' or 'zh'"),
        ({"doc_id": "a", "score": 1}, ("score",), "Extra inputs are not permitted"),
        ({"lang": "en"}, ("doc_id",), "Field required"),
        ({"doc_id": "a", "published": "not a date"}, ("published",), "valid date"),
    ],
)
def test_records_extraction_rejects(kwargs, loc, message):
    got_loc, msg = _error(Extraction, kwargs)
    assert got_loc == loc
    assert message in msg


@pytest.mark.parametrize(
    "values,vocabulary",
    [
        (DEAL_TYPES, {"license", "collaboration", "option", "acquisition", "asset_purchase", "newco", "other"}),
        (STATUSES, {"signed", "completed", "in_discussion", "terminated"}),
    ],
)
def test_records_closed_vocabularies_as_in_schema(values, vocabulary):
    assert set(values) == vocabulary


@pytest.mark.parametrize(
    "modality",
    ["monoclonal antibody", "bispecific antibody", "trispecific antibody", "ADC", "small molecule", "siRNA",
     "ASO", "mRNA", "cell therapy", "gene therapy", "peptide", "vaccine", "PROTAC/degrader", "radioligand",
     "T-cell engager"],
)
def test_records_modality_vocabulary_has_schema_terms(modality):
    assert modality in MODALITIES
    assert Deal(modality=modality).modality == modality


@pytest.mark.parametrize("code", ["USD", "CNY", "EUR", "JPY", "GBP", "CHF", "HKD", "KRW"])
def test_records_currencies_has_schema_codes(code):
    assert code in CURRENCIES


def test_records_deal_defaults_missing_is_none():
    d = Deal()
    assert (d.licensor, d.licensee, d.asset, d.upfront, d.milestones, d.total_value, d.royalty, d.announced) == (
        None, None, None, None, None, None, None, None)
    assert (d.targets, d.indications, d.evidence) == ([], [], [])


# --- Decimal JSON: a plain JSON number, no exponent, nothing lost -------------------------------------------

@pytest.mark.parametrize(
    "amount,json_number",
    [
        ("571000000", "571000000"),
        ("5.71E+8", "571000000"),
        (Decimal("5.71") * Decimal(100000000), "571000000"),
        ("1250000000.0", "1250000000"),
        ("0.175", "0.175"),
        ("38.25", "38.25"),
        ("1234567.89", "1234567.89"),
        ("5823000000.5", "5823000000.5"),
        ("1.6E+12", "1600000000000"),
        ("1E+30", "1000000000000000000000000000000"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0", "0"),
        # no float holds these exactly: they are written as plain decimal strings (documented in records.py)
        ("99999999999999.99", '"99999999999999.99"'),
        ("12345678901234567890.5", '"12345678901234567890.5"'),
    ],
)
def test_records_money_json_lossless(amount, json_number):
    m = Money(**{**MONEY, "amount": amount})
    raw = m.model_dump_json()
    assert f'"amount":{json_number},' in raw
    assert "E+" not in raw and "e+" not in raw
    back = json.loads(raw, parse_float=Decimal, parse_int=Decimal)
    assert Decimal(str(back["amount"])) == Decimal(amount)
    assert Money.model_validate_json(raw) == m


def test_records_extraction_json_round_trip():
    deal = Deal(
        deal_type="license",
        licensor=Party(name="3SBio"),
        licensee=Party(name="Pfizer"),
        targets=["PD-1", "VEGF"],
        modality="bispecific antibody",
        upfront=Money(amount="1.25E+9", currency="usd", text="$1.25 billion"),
        milestones=Money(amount="4.8E+9", currency="USD", text="up to $4.8 billion", upper_bound=True),
        royalty=Royalty(tiered=True, min_pct=None, max_pct=None, text="tiered royalties"),
        evidence=[Evidence(field="upfront", start=17, end=30, text="$1.25 billion", rule="pay.upfront")],
    )
    rec = Extraction(doc_id="a1", lang="en", published="2025-05-20", deals=[deal])
    raw = rec.model_dump_json()
    assert '"amount":1250000000,' in raw and '"amount":4800000000,' in raw
    assert Extraction.model_validate_json(raw) == rec
    assert json.loads(raw)["published"] == "2025-05-20"


# --- JSON Schema --------------------------------------------------------------------------------------------

def _schema_cli(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "newsextract.cli", "schema", *args], capture_output=True,
                         text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def _check(instance, schema: dict, root: dict, path: str = "$") -> None:
    """A small JSON Schema (draft 2020-12 subset used by pydantic) validator: enough to check real output."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _check(instance, root["$defs"][name], root, path)
    if "anyOf" in schema:
        errors = []
        for sub in schema["anyOf"]:
            try:
                return _check(instance, sub, root, path)
            except AssertionError as exc:
                errors.append(str(exc))
        raise AssertionError(f"{path}: no anyOf branch matches: {errors}")
    if "enum" in schema:
        assert instance in schema["enum"], f"{path}: {instance!r} not in {schema['enum']}"
    if "const" in schema:
        assert instance == schema["const"], path
    kinds = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
    t = schema.get("type")
    if t in kinds:
        assert isinstance(instance, kinds[t]), f"{path}: expected {t}, got {instance!r}"
    elif t == "integer":
        assert isinstance(instance, int) and not isinstance(instance, bool), f"{path}: expected integer"
    elif t == "number":
        assert isinstance(instance, (int, float)) and not isinstance(instance, bool), f"{path}: expected number"
    if t == "object":
        props = schema.get("properties", {})
        for req in schema.get("required", []):
            assert req in instance, f"{path}: missing required {req!r}"
        if schema.get("additionalProperties") is False:
            extra = set(instance) - set(props)
            assert not extra, f"{path}: extra properties {extra}"
        for k, v in instance.items():
            if k in props:
                _check(v, props[k], root, f"{path}.{k}")
    if t == "array" and "items" in schema:
        for i, item in enumerate(instance):
            _check(item, schema["items"], root, f"{path}[{i}]")
    if t == "string" and "pattern" in schema:
        import re

        assert re.search(schema["pattern"], instance), f"{path}: {instance!r} does not match {schema['pattern']}"
    if t == "string" and schema.get("format") == "date" and isinstance(instance, str):
        import datetime as dt

        dt.date.fromisoformat(instance)
    if isinstance(instance, (int, float)) and not isinstance(instance, bool):
        if "minimum" in schema:
            assert instance >= schema["minimum"], path
        if "maximum" in schema:
            assert instance <= schema["maximum"], path
    return None


@pytest.fixture(scope="module")
def cli_schema() -> dict:
    return _schema_cli()


def test_records_schema_cli_is_json_schema(cli_schema):
    s = cli_schema
    assert s["type"] == "object" and s["title"] == "Extraction"
    assert set(s["$defs"]) >= {"Deal", "Money", "Party", "Royalty", "Evidence"}
    assert s["additionalProperties"] is False
    for name, sub in s["$defs"].items():
        assert sub["type"] == "object", name
        assert "properties" in sub, name


def test_records_schema_cli_passes_metaschema(cli_schema):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed (not a dev dependency)")
    jsonschema.Draft202012Validator.check_schema(cli_schema)


@pytest.mark.parametrize(
    "model,field",
    [("Extraction", f) for f in ("doc_id", "lang", "title", "published", "deals", "warnings", "error")]
    + [("Deal", f) for f in ("deal_type", "status", "licensor", "licensee", "asset", "targets", "modality",
                             "indications", "territory", "upfront", "near_term", "milestones", "total_value",
                             "equity", "royalty", "announced", "evidence")]
    + [("Money", f) for f in ("amount", "currency", "text", "upper_bound", "approximate")]
    + [("Party", "name")]
    + [("Royalty", f) for f in ("tiered", "min_pct", "max_pct", "text")]
    + [("Evidence", f) for f in ("field", "start", "end", "text")],
)
def test_records_schema_has_contract_fields(cli_schema, model, field):
    sub = cli_schema if model == "Extraction" else cli_schema["$defs"][model]
    assert field in sub["properties"]


@pytest.mark.parametrize(
    "field,values",
    [("deal_type", set(DEAL_TYPES)), ("status", set(STATUSES))],
)
def test_records_schema_closed_vocabularies(cli_schema, field, values):
    prop = cli_schema["$defs"]["Deal"]["properties"][field]
    assert set(prop["enum"]) == values


@pytest.mark.parametrize("record", ["Deal", "Money"])
def test_records_schema_cli_single_record(record):
    s = _schema_cli("--record", record)
    assert s["title"] == record


def test_records_schema_validates_real_output(cli_schema, extractor):
    rec = extractor.extract(
        "Hengrui licensed HRS-1167 to Merck for $200 million upfront and up to $1.77 billion in milestones, "
        "plus tiered royalties.", doc_id="h1", published="2025-03-01")
    assert rec.deals, "the sentence should give a deal"
    _check(json.loads(rec.model_dump_json()), cli_schema, cli_schema)


@pytest.mark.parametrize(
    "instance",
    [
        {"doc_id": "a", "lang": "fr", "deals": []},
        {"doc_id": "a", "deals": [{"deal_type": "merger"}]},
        {"doc_id": "a", "deals": [{"upfront": {"amount": "x", "currency": "USD", "text": "x"}}]},
        {"doc_id": "a", "bogus": 1},
    ],
)
def test_records_schema_rejects_bad_instances(cli_schema, instance):
    with pytest.raises(AssertionError):
        _check(instance, cli_schema, cli_schema)
