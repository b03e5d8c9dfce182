"""`newsextract show`: evidence spans highlighted in a self-contained HTML page."""

from __future__ import annotations

import re
from html import unescape

import pytest
from typer.testing import CliRunner

from newsextract.cli import app
from newsextract.quality.show import collect_spans, render_html, show_file
from newsextract.records import Deal, Evidence, Extraction, Money, Party

SEED = ("Maiwei Biotech signed an exclusive licensing agreement with Calico, receiving an upfront payment of "
        "$25 million and milestone payments of up to $571 million.")

_LABEL = re.compile(r'<span class="nx-label[^"]*" style="[^"]*" data-field="([^"]+)" data-deal="(\d+)" '
                    r'data-start="(\d+)" data-end="(\d+)"')
_TAGS = re.compile(r"<[^>]+>")


def _article_html(page: str) -> str:
    return page.split('<article class="nx-doc">', 1)[1].split("</article>", 1)[0]


def _text_of(page: str) -> str:
    """The article text back from the page: every segment, labels left out, entities decoded."""
    body = _article_html(page)
    body = re.sub(r'<span class="nx-label[^>]*>[^<]*</span>', "", body)
    return unescape(_TAGS.sub("", body))


def _labels(page: str) -> set[tuple[str, int, int, int]]:
    return {(f, int(d), int(s), int(e)) for f, d, s, e in _LABEL.findall(_article_html(page))}


def _demo_record(text: str) -> Extraction:
    def ev(field, s):
        i = text.index(s)
        return Evidence(field=field, start=i, end=i + len(s), text=s, rule=f"test.{field}")

    return Extraction(doc_id="demo", deals=[Deal(
        licensor=Party(name="Maiwei Biotech"), licensee=Party(name="Calico"),
        upfront=Money(amount=25_000_000, currency="USD", text="$25 million"),
        milestones=Money(amount=571_000_000, currency="USD", text="up to $571 million", upper_bound=True),
        evidence=[ev("licensor", "Maiwei Biotech"), ev("licensee", "Calico"), ev("upfront", "$25 million"),
                  ev("milestones", "up to $571 million"), ev("milestones", "$571 million")])])


@pytest.mark.parametrize("text", [SEED, "<script>alert('x')</script> & Co. \"quoted\"\n\n恒瑞医药 首付款2亿美元"])
def test_show_page_keeps_text_and_escapes(text):
    page = render_html(text, Extraction(doc_id="d<1>", deals=[]))
    assert _text_of(page) == text
    assert "<script>" not in page and "d&lt;1&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # self-contained


def test_show_spans_labelled_by_field():
    rec = _demo_record(SEED)
    page = render_html(SEED, rec)
    assert _text_of(page) == SEED
    assert _labels(page) == {(e.field, 1, e.start, e.end) for e in rec.deals[0].evidence}
    assert 'class="nx-deal"' in page and "Maiwei Biotech" in page and "USD 25M" in page


@pytest.mark.parametrize("spans,slots", [([(0, 5), (0, 5)], [0, 1]), ([(0, 5), (5, 9)], [0, 0]),
                                         ([(0, 9), (2, 4), (5, 7)], [0, 1, 1])])
def test_show_overlapping_spans_stack(spans, slots):
    text = "abcdefghijkl"
    ev = [Evidence(field=f"f{i}", start=s, end=e, text=text[s:e]) for i, (s, e) in enumerate(spans)]
    got, problems = collect_spans(text, Extraction(doc_id="d", deals=[Deal(evidence=ev)]))
    assert [s.slot for s in got] == slots and not problems


def test_show_bad_offsets_are_reported_not_fatal():
    rec = Extraction(doc_id="d", deals=[Deal(evidence=[Evidence(field="asset", start=2, end=4, text="zz"),
                                                       Evidence(field="asset", start=90, end=95, text="x")])])
    page = render_html("abcdef", rec)
    assert "nx-bad" in page and "outside the text" in page and _text_of(page) == "abcdef"


def test_show_engine_output(tmp_path, extractor):
    """The real engine on the seed-style sentence: every span it reports is in the page."""
    art = tmp_path / "seed.txt"
    art.write_text(SEED, encoding="utf-8")
    out = tmp_path / "seed.html"
    rec = show_file(art, out, lang="en", extractor=extractor)
    page = out.read_text(encoding="utf-8")
    assert _text_of(page) == SEED
    want = {(e.field, i + 1, e.start, e.end) for i, d in enumerate(rec.deals) for e in d.evidence
            if 0 <= e.start < e.end <= len(SEED)}
    assert _labels(page) == want
    if not rec.deals:
        pytest.skip(f"the engine finds no deal yet ({rec.error or 'no error'}); structure checked only")
    # every span the engine reports is labelled at its offsets; money spans hold the right figure
    assert want, "a deal without evidence"
    for f, _d, s, e in want:
        if f == "upfront":
            assert "25 million" in SEED[s:e]
        if f == "milestones":
            assert "571 million" in SEED[s:e]


def test_show_command_writes_html(tmp_path, corpus_dir):
    src = sorted(corpus_dir.glob("en/*.txt"))[0]
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["show", str(src), "--html", str(out)])
    assert out.is_file(), result.output
    assert _text_of(out.read_text(encoding="utf-8")) == src.read_text(encoding="utf-8")
