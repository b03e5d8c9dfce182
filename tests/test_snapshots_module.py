"""Snapshots: canonical form, readable diffs, `newsextract check` exit codes and --update."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from newsextract.cli import app
from newsextract.quality.snapshots import canonical, check_corpus, diff, dumps, snapshot_path
from newsextract.records import Deal, Evidence, Extraction, Money, Party


def _rec(**deal):
    return Extraction(doc_id="en-900", deals=[Deal(**deal)] if deal else [])


@pytest.mark.parametrize(
    "rec",
    [_rec(), _rec(licensor=Party(name="恒瑞医药"), upfront=Money(amount=Decimal("5.71E+8"), currency="USD", text="5.71亿美元")),
     Extraction(doc_id="x", text="the text", error="E030 boom")],
)
def test_golden_canonical_is_stable(rec):
    text = dumps(canonical(rec))
    assert text == dumps(json.loads(text))  # sorted keys, round-trips byte for byte
    assert text.endswith("}\n") and "text\": \"the text" not in text
    assert "E+" not in text


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (_rec(upfront=Money(amount=25, currency="USD", text="$25")), _rec(upfront=Money(amount=30, currency="USD", text="$30")),
         ['en-900 deal 0 upfront.amount: 25 → 30', 'en-900 deal 0 upfront.text: "$25" → "$30"']),
        (_rec(licensor=Party(name="A")), _rec(), ["en-900 deal 0 removed: license signed A -> ?"]),
        (_rec(), _rec(licensee=Party(name="B")), ["en-900 deal 0 added: license signed ? -> B"]),
        (_rec(evidence=[Evidence(field="asset", start=1, end=3, text="ab")]), _rec(evidence=[]),
         ["en-900 deal 0 evidence removed: asset@1-3 'ab'"]),
        (_rec(), _rec(), []),
    ],
)
def test_golden_diff_lines(old, new, expected):
    assert diff(canonical(old), canonical(new), "en-900") == expected


class _Stub:
    """Extractor stand-in: one deal per article whose licensor is ``name``."""

    def __init__(self, name):
        self.name = name

    def pipe(self, items, errors="raise"):
        for it in items:
            yield Extraction(doc_id=it["id"], lang=it["lang"], deals=[Deal(licensor=Party(name=self.name))])


@pytest.fixture
def tiny_corpus(tmp_path):
    for lang, i in (("en", "en-001"), ("zh", "zh-001")):
        d = tmp_path / lang
        d.mkdir()
        (d / f"{i}.txt").write_text("text", encoding="utf-8")
        (d / f"{i}.gold.json").write_text(json.dumps({"id": i, "lang": lang, "split": "dev", "deals": []}))
    return tmp_path


@pytest.mark.parametrize("ids", [None, ["zh-001"]])
def test_golden_check_missing_update_changed(tiny_corpus, ids):
    res = check_corpus(tiny_corpus, ids, extractor=_Stub("A"))
    assert not res.ok and len(res.missing) == (1 if ids else 2)
    res = check_corpus(tiny_corpus, ids, update=True, extractor=_Stub("A"))
    assert sorted(res.updated) == sorted(ids or ["en-001", "zh-001"])
    assert snapshot_path(tiny_corpus / "snapshots", "zh", "zh-001").is_file()
    assert check_corpus(tiny_corpus, ids, extractor=_Stub("A")).ok
    res = check_corpus(tiny_corpus, ids, extractor=_Stub("B"))
    assert not res.ok
    assert res.changed["zh-001"] == ['zh-001 deal 0 licensor.name: "A" → "B"']


def test_golden_check_unknown_id(tiny_corpus):
    with pytest.raises(FileNotFoundError):
        check_corpus(tiny_corpus, ["en-999"], extractor=_Stub("A"))


@pytest.mark.parametrize("args,code", [(["--update"], 0), ([], 0), (["en-404"], 2)])
def test_golden_check_command_exit_codes(tiny_corpus, args, code):
    snaps = tiny_corpus / "snapshots"
    if args == []:  # a changed snapshot -> exit 1
        snaps.joinpath("en").mkdir(parents=True)
        snaps.joinpath("en", "en-001.json").write_text("{}\n")
        code = 1
    result = CliRunner().invoke(app, ["check", str(tiny_corpus), *args])
    assert result.exit_code == code, result.output
