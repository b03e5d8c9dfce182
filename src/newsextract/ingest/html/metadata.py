"""A page's metadata: its title and publication date (meta tags, JSON-LD, headings, ``<time>``, visible labels)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Tag

from .measure import ShortTexts
from .tags import WS, attr_text, tokens

__all__ = ["find_title", "find_published"]


@dataclass(frozen=True)
class _MetaVocab:
    """The metadata words and regexes of ``patterns/common/html.yml``."""

    title_tokens: frozenset[str]  # class/id tokens of a headline element
    date_tokens: frozenset[str]  # ... of a date element
    visible_date: re.Pattern[str]  # a visible date label and its date (group 1)
    date_in_text: re.Pattern[str]  # a date in an element's text
    marked_time: re.Pattern[str]  # the class/id of a <time> that marks the publication date


@functools.lru_cache(maxsize=1)
def _meta_vocab() -> _MetaVocab:
    from ...patterns import load_file, regex_table

    meta = load_file("common", "html").get("metadata") or {}
    rx = regex_table("common", "html")
    return _MetaVocab(frozenset(meta.get("title_tokens") or ()), frozenset(meta.get("date_tokens") or ()),
                      rx["html.visible_date"], rx["html.date_in_text"], rx["html.marked_time"])

#: how much of an element's text a date check reads (_iso reads the first 80 characters)
_DATE_TEXT = 200
_TITLE_META = (("property", "og:title"), ("name", "twitter:title"), ("name", "title"), ("name", "headline"),
               ("itemprop", "headline"))
_DATE_META = (
    ("property", "article:published_time"), ("property", "og:article:published_time"),
    ("property", "og:published_time"), ("name", "article:published_time"), ("itemprop", "datePublished"),
    ("name", "pubdate"), ("name", "publishdate"), ("name", "publish-date"), ("name", "publish_date"),
    ("name", "publication_date"), ("name", "parsely-pub-date"), ("name", "sailthru.date"),
    ("name", "dc.date.issued"), ("name", "dcterms.issued"), ("name", "dc.date"), ("name", "dcterms.created"),
    ("name", "citation_publication_date"), ("name", "article.published"), ("name", "datepublished"),
    ("name", "date"), ("name", "og:release_date"), ("name", "publishedtime"), ("name", "pubtime"),
)
_TITLE_SEP = re.compile(r"(\s+(?:\||-|–|—|·|»)\s+|\s*::\s*|_|\s*｜\s*)")


def _meta(soup: BeautifulSoup, attr: str, value: str, metas: list[Tag] | None = None) -> str | None:
    """The content of the first ``<meta attr=value>`` (value matched without case); ``metas`` are the page's
    meta tags when the caller has them (one scan of the page for every name asked would be 28 scans)."""
    rx = re.compile(rf"^{re.escape(value)}$", re.I)
    for m in soup.find_all("meta") if metas is None else metas:
        have = m.get(attr)
        if not (isinstance(have, str) and rx.search(have)
                or isinstance(have, list) and (any(rx.search(v) for v in have) or rx.search(" ".join(have)))):
            continue
        content = m.get("content")
        if isinstance(content, str) and content.strip():
            return content.strip()
    return None


def _jsonld_items(soup: BeautifulSoup) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for n in node:
                walk(n)
        elif isinstance(node, dict):
            items.append(node)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(node.get(key), (list, dict)):
                    walk(node[key])

    for s in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        raw = s.string or s.get_text() or ""
        try:
            walk(json.loads(raw.strip().rstrip(";")))
        except (json.JSONDecodeError, ValueError):
            continue
    return items


_ARTICLE_TYPES = re.compile(r"article|posting|report|release|blog", re.I)


def _jsonld_article(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Article-typed JSON-LD objects first (a page also has WebSite/Organization/BreadcrumbList objects)."""

    def is_article(it: dict[str, Any]) -> bool:
        t = it.get("@type")
        types = t if isinstance(t, list) else [t]
        return any(isinstance(x, str) and _ARTICLE_TYPES.search(x) for x in types)

    return [it for it in items if is_article(it)] + [it for it in items if not is_article(it)]


def _clean_title(raw: str) -> str:
    """Drop trailing site and section names: 'Headline - Deals | Site' -> 'Headline'.

    At most two trailing segments go, each short (a site or channel name), and only while what remains still
    reads as a headline (12+ characters); a headline with a dash in it ('Pfizer - Seagen deal') stays whole.
    """
    raw = WS.sub(" ", raw).strip()
    pieces = _TITLE_SEP.split(raw)  # [text, sep, text, sep, ...]
    for _ in range(2):
        if len(pieces) < 3:
            break
        tail = pieces[-1].strip()
        head = "".join(pieces[:-2]).strip()
        if len(tail) > 40 or len(head) < 12 or len(tail) >= len(head):
            break
        pieces = pieces[:-2]
    return "".join(pieces).strip()


def find_title(soup: BeautifulSoup) -> str | None:
    """og:title / twitter:title / JSON-LD headline / first <h1> / <title> without the site name."""
    metas = soup.find_all("meta")
    for attr, value in _TITLE_META:
        got = _meta(soup, attr, value, metas)
        if got:
            return _clean_title(got) if value != "og:title" else WS.sub(" ", got).strip()
    for it in _jsonld_article(_jsonld_items(soup)):
        h = it.get("headline") or (it.get("name") if _ARTICLE_TYPES.search(str(it.get("@type", ""))) else None)
        if isinstance(h, str) and h.strip():
            return WS.sub(" ", h).strip()
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return WS.sub(" ", h1.get_text(" ", strip=True))
    short: ShortTexts | None = None
    for h in soup.find_all(["h2", "h3", "div", "span"]):
        if not tokens(h) & _meta_vocab().title_tokens:
            continue
        short = short or ShortTexts(soup, 300)
        glued = short.get(h, "")
        if glued is not None and 8 <= len(glued) <= 300:
            return WS.sub(" ", short.get(h) or "")
    if soup.title and soup.title.get_text(strip=True):
        return _clean_title(soup.title.get_text())
    return None


def _iso(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value, or None when it does not read as a date."""
    if not value:
        return None
    from ...normalize.dates import parse_date

    value = value.strip()
    m = re.match(r"^(\d{4})(\d{2})(\d{2})(?:T|$)", value)  # 20250304 / 20250304T0800
    if m:
        value = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.match(r"^(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})", value)
    if m:
        value = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    try:
        d = parse_date(value[:80])
    except Exception:  # noqa: BLE001 - a strange metadata value is "no date", not a failure
        return None
    return d.isoformat() if d else None


def find_published(soup: BeautifulSoup, cleaned: BeautifulSoup | None = None) -> str | None:
    """Publication date (ISO): meta tags, JSON-LD ``datePublished``, ``itemprop``, then ``<time>``, then a label.

    Modification dates (``article:modified_time``, ``dateModified``) are never used. ``<time>`` elements and
    visible "Published:"/"发布时间：" labels are looked up in ``cleaned`` (the page without related-article
    boxes) when given: a related story's ``<time>`` must not become this article's date.
    """
    return published_from_metadata(soup) or published_from_page(cleaned if cleaned is not None else soup)


def published_from_metadata(soup: BeautifulSoup) -> str | None:
    metas = soup.find_all("meta")
    for attr, value in _DATE_META:
        got = _iso(_meta(soup, attr, value, metas))
        if got:
            return got
    for it in _jsonld_article(_jsonld_items(soup)):
        for key in ("datePublished", "dateCreated"):
            got = _iso(str(it[key])) if it.get(key) else None
            if got:
                return got
    start: ShortTexts | None = None
    for el in soup.find_all(attrs={"itemprop": re.compile(r"^datePublished$", re.I)}):
        start = start or ShortTexts(soup, _DATE_TEXT, prefix=True)
        got = _iso(el.get("datetime") or el.get("content") or start.get(el))
        if got:
            return got
    return None


def published_from_page(scope: BeautifulSoup) -> str | None:
    times = scope.find_all("time")
    start = ShortTexts(scope, _DATE_TEXT, prefix=True)
    vocab = _meta_vocab()
    marked = [t for t in times if t.has_attr("pubdate") or vocab.marked_time.search(attr_text(t))]
    for t in marked + times:
        got = _iso(t.get("datetime") or start.get(t))
        if got:
            return got
    short = ShortTexts(scope, 80)
    for el in scope.find_all(True):
        if el.name in ("time", "html", "body") or not (tokens(el) & vocab.date_tokens):
            continue
        text = short.get(el)
        if text is not None and 6 <= len(text) <= 80:
            m = vocab.date_in_text.search(text)
            got = _iso(m.group(0)) if m else None
            if got:
                return got
    body = scope.body or scope
    m = vocab.visible_date.search(body.get_text(" ", strip=True)[:5000])
    return _iso(m.group(1)) if m else None
