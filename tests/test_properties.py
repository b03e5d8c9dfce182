"""Property tests (Hypothesis): whatever comes in, only the project's errors come out, evidence indexes the text,
every record matches the JSON Schema, and extract / pipe / batch agree.

The ``ci`` profile (tests/conftest.py) is derandomised: the same few thousand cases on every run, well under a
minute. ``HYPOTHESIS_PROFILE=deep pytest tests/test_properties.py`` searches ten times as many, at random.
"""

from __future__ import annotations

import io
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract import Extractor, NewsExtractError
from newsextract.batch import Task, process_task
from newsextract.batch.discover import jsonl_tasks
from newsextract.ingest import load_text
from newsextract.output import to_jsonl_line
from newsextract.records import Extraction

jsonschema = pytest.importorskip("jsonschema")

#: the deep profile searches ten times as many cases per test
SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "deep" else 1
SETTINGS = {"keep_text": True, "max_bytes": 200_000, "lang": None, "rows": True, "doc_timeout": None}

# pieces of real deal prose (both languages) so that random texts reach assembly, not only the tokenizer
PHRASES = [
    "Acme Bio licensed AB-101 to Pfizer", " for $25 million upfront", " and up to $1.2 billion in milestones",
    ", plus tiered royalties", ". ", "; ", "\n", "3SBio receives a $1.25 billion upfront payment from Pfizer",
    " for its PD-1/VEGF bispecific", "Pfizer will acquire Seagen for $43 billion", "[1] ", " - ", "★ ",
    "恒瑞医药与默沙东签署独家许可协议", "，默沙东将支付2亿美元首付款", "及最高17亿美元的里程碑付款", "。", "（以下简称“恒瑞”）",
    "up to", " US$", "RMB315 million ($44 million)", "(in thousands)", "  1,000  2,000\n", "<b>", "&amp;",
    "\ud800", "\udfff", "\U0001f600", "\u200b", "\x00", "((((((((((((((((((((((((((((((((((", "1" * 40,
]
UNICODE = st.text(st.characters(exclude_categories=()), max_size=300)  # every category, lone surrogates too
PROSE = st.lists(st.one_of(st.sampled_from(PHRASES), UNICODE.map(lambda s: s[:20])), max_size=25).map("".join)
TEXT = st.one_of(UNICODE, PROSE)


@pytest.fixture(scope="module")
def ex():
    return Extractor(keep_text=True)


VALIDATOR = jsonschema.Draft202012Validator(Extraction.model_json_schema(mode="serialization"))


def _check_record(rec: Extraction, text: str) -> None:
    for deal in rec.deals:
        for e in deal.evidence:
            assert 0 <= e.start <= e.end <= len(text), (e, len(text))
            assert text[e.start:e.end] == e.text, e
    line = to_jsonl_line(rec)
    line.encode("utf-8")  # writable as UTF-8 (no lone surrogate anywhere in the record)
    VALIDATOR.validate(json.loads(line))


def _extract(ex, text: str) -> Extraction | None:
    try:
        return ex.extract(text)
    except NewsExtractError:
        return None


@settings(max_examples=1200 * SCALE)
@given(text=TEXT)
def test_properties_any_text_only_project_errors(ex, text):
    rec = _extract(ex, text)
    if rec is not None:
        _check_record(rec, text)
        assert rec.text == text


# ------------------------------------------------------------------------------------------------ HTML
TAGS = ["div", "p", "span", "a", "h2", "strong", "section", "article", "ul", "li", "time", "aside", "nav", "table",
        "tr", "td", "br", "pre", "main", "script", "style", "header", "footer"]
CLASSES = ["", "related", "ad", "sidebar", "article-body", "title", "date", "has-sidebar", "share", "content"]


def _element(children):
    return st.tuples(st.sampled_from(TAGS), st.sampled_from(CLASSES), st.lists(children, max_size=4)).map(
        lambda t: f'<{t[0]} class="{t[1]}">' + "".join(t[2]) + f"</{t[0]}>")


NODES = st.recursive(st.one_of(PROSE.map(lambda s: s[:80]), st.sampled_from(["<!-- c -->", "&lt;", "<br>"])),
                     _element, max_leaves=30)
PAGES = st.tuples(st.sampled_from(["", '<meta charset="gbk">', '<meta property="og:title" content="T">',
                                   '<meta name="pubdate" content="2025-03-04">']),
                  st.lists(NODES, max_size=5), st.sampled_from(["utf-8", "gbk", "utf-16", "bad"])).map(
    lambda t: (f"<html><head>{t[0]}<title>x</title></head><body>" + "".join(t[1]) + "</body></html>", t[2]))


def _encode(page: str, how: str) -> bytes:
    if how == "bad":
        return page.encode("utf-8", "surrogatepass")[:-3] + b"\xff\xfe\x80"
    return page.encode(how, "surrogatepass" if how.startswith("utf") else "replace")


@settings(max_examples=500 * SCALE)
@given(page=PAGES)
def test_properties_any_html_only_project_errors(ex, page):
    html, how = page
    try:
        doc = load_text(_encode(html, how))
        rec = ex.extract_document(doc)
    except NewsExtractError:
        return
    _check_record(rec, doc.text)


# ------------------------------------------------------------------------------------------------ JSONL
LINES = st.lists(st.one_of(
    st.binary(max_size=60),
    st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(
        st.sampled_from(["id", "text", "html", "title", "published", "lang", "url", "x"]),
        st.one_of(st.none(), st.integers(), TEXT, st.lists(st.integers(), max_size=2)), max_size=5)),
    st.builds(lambda t: json.dumps({"id": "d", "text": t}, ensure_ascii=False).encode("utf-8", "surrogatepass"),
              TEXT),
), max_size=6)


@settings(max_examples=400 * SCALE)
@given(lines=LINES)
def test_properties_any_jsonl_gives_one_valid_record_per_line(lines):
    raw = [line.replace(b"\n", b" ") + b"\n" for line in lines]
    tasks = list(jsonl_tasks(io.BytesIO(b"".join(raw)), "feed", "feed.jsonl", SETTINGS["max_bytes"]))
    assert len(tasks) == sum(1 for line in raw if line.strip())
    for task in tasks:
        res = process_task(task, SETTINGS)  # never raises: a bad line is an error record
        res.line.encode("utf-8")  # what LineWriter does: a lone surrogate anywhere would crash the run
        rec = Extraction.model_validate_json(res.line)
        VALIDATOR.validate(json.loads(res.line))
        if rec.error is None and rec.text is not None:
            _check_record(rec, rec.text)
        else:
            assert rec.error is None or rec.error[:1] == "E" and rec.deals == []


# ------------------------------------------------------------------------------------------------ agreement
ARTICLES = PROSE.filter(lambda s: bool(s.strip()))


def _same(a: Extraction, b: Extraction) -> None:
    da, db = a.model_dump(mode="json"), b.model_dump(mode="json")
    for d in (da, db):
        d.pop("doc_id")
    assert da == db


@settings(max_examples=250 * SCALE)
@given(text=ARTICLES)
def test_properties_extract_pipe_and_batch_agree(ex, text):
    try:
        one = ex.extract(text, doc_id="a")
    except NewsExtractError as exc:
        (rec,) = ex.pipe([{"id": "a", "text": text}], errors="record")
        assert rec.error == str(exc)
        return
    (piped,) = ex.pipe([{"id": "a", "text": text}])
    batched = Extraction.model_validate_json(process_task(Task("a", "obj", {"id": "a", "text": text}, "x"),
                                                          SETTINGS).line)
    _same(one, piped)
    _same(one, batched)


@pytest.mark.parametrize("text", [
    "Acme Bio licensed AB-101 to Pfizer for $25 million upfront and up to $1.2 billion in milestones.",
    "恒瑞医药与默沙东签署独家许可协议，默沙东将支付2亿美元首付款及最高17亿美元的里程碑付款。",
    "Pfizer will acquire Seagen for $43 billion. " * 50,
])
def test_properties_cli_extract_agrees_with_batch(tmp_path, text):
    from typer.testing import CliRunner

    from newsextract.cli import app

    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl", "--keep-text"])
    assert res.exit_code == 0, res.output
    cli = Extraction.model_validate_json(res.stdout)
    batched = Extraction.model_validate_json(process_task(Task("a", "file", str(path), str(path)), SETTINGS).line)
    _same(cli, batched)
