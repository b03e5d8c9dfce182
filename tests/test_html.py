"""HTML main text, title and date on tests/fixtures/html (pages with boilerplate traps)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsextract.ingest.html import extract_html, to_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
PAGES = sorted(p.stem for p in FIXTURES.glob("*.html"))
_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _case(html_fixture_dir: Path, name: str):
    expected = json.loads((html_fixture_dir / f"{name}.json").read_text(encoding="utf-8"))
    return expected, extract_html((html_fixture_dir / f"{name}.html").read_bytes())


def test_html_fixture_set_is_complete(html_fixture_dir):
    assert len(PAGES) >= 15
    assert any(p.startswith("zh_") for p in PAGES)
    for name in PAGES:
        assert (html_fixture_dir / f"{name}.json").is_file(), name


@pytest.mark.parametrize("name", PAGES)
def test_html_main_text_keeps_article(html_fixture_dir, name):
    expected, doc = _case(html_fixture_dir, name)
    text = _norm(doc.text)
    assert [s for s in expected["must_contain"] if _norm(s) not in text] == []


@pytest.mark.parametrize("name", PAGES)
def test_html_main_text_drops_boilerplate(html_fixture_dir, name):
    expected, doc = _case(html_fixture_dir, name)
    text = _norm(doc.text)
    assert [s for s in expected["must_not_contain"] if _norm(s) in text] == []


@pytest.mark.parametrize("name", PAGES)
def test_html_title_and_published(html_fixture_dir, name):
    expected, doc = _case(html_fixture_dir, name)
    assert (doc.title, doc.published) == (expected["title"], expected["published"])


@pytest.mark.parametrize(
    "html,expected",
    [
        ("<p>Acme pays <strong>$25\n million</strong> <a href='#'>upfront</a>.</p>", "Acme pays $25 million upfront."),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("<div>Line one<br>line two</div>", "Line one\nline two"),
        ("<ul><li>Upfront: $5M</li><li>Milestones: $50M</li></ul>", "Upfront: $5M\nMilestones: $50M"),
        ("<table><tr><th>Payment</th><th>Amount</th></tr><tr><td>Upfront</td><td>$5M</td></tr></table>",
         "Payment | Amount\nUpfront | $5M"),
        ("<p>首付款\n2亿美元，里程碑\n付款</p>", "首付款2亿美元，里程碑付款"),
        ("<p>Acme &amp; Co.&nbsp;pays</p>", "Acme & Co. pays"),
    ],
)
def test_html_to_text_block_aware(html, expected):
    from bs4 import BeautifulSoup

    assert to_text(BeautifulSoup(html, "lxml").body) == expected


@pytest.mark.parametrize(
    "head,expected",
    [
        ('<meta property="article:published_time" content="2025-03-04T23:30:00-05:00">', "2025-03-04"),
        ('<meta name="pubdate" content="20250304">', "2025-03-04"),
        ('<script type="application/ld+json">[{"@type":"Organization","foundingDate":"2001-01-01"},'
         '{"@type":"NewsArticle","datePublished":"2025-03-04"}]</script>', "2025-03-04"),
        ('<meta property="article:modified_time" content="2025-05-01">', None),
        ('<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2025-05-01"}</script>', None),
        ('<script type="application/ld+json">{broken json</script>', None),
    ],
)
def test_html_published_sources(head, expected):
    doc = extract_html(f"<html><head>{head}</head><body><p>Acme licensed AB-1 to Pfizer.</p></body></html>")
    assert doc.published == expected


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Acme licenses AB-1 to Pfizer | Biotech Daily", "Acme licenses AB-1 to Pfizer"),
        ("Acme licenses AB-1 to Pfizer - Deals - Biotech Daily", "Acme licenses AB-1 to Pfizer"),
        ("恒瑞医药授权HRS-1167_医药频道_新财网", "恒瑞医药授权HRS-1167"),
        ("Acme licenses AB-1 to Pfizer", "Acme licenses AB-1 to Pfizer"),
    ],
)
def test_html_title_without_site_name(title, expected):
    doc = extract_html(f"<html><head><title>{title}</title></head><body><p>Text of the story.</p></body></html>")
    assert doc.title == expected


def test_html_page_without_body_text_is_empty_not_boilerplate():
    doc = extract_html("<html><body><nav><a href='/'>Home</a></nav><footer>© 2025, $5 billion club</footer>"
                       "</body></html>")
    assert doc.text == ""
