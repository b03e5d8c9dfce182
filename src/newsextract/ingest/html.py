"""HTML page → main text, title and publication date (BeautifulSoup + lxml).

News pages carry deal-looking figures from *other* articles: related-article boxes, "most read" lists, tickers,
newsletter teasers. The extractor must only see the article itself, so this module

1. reads the metadata first (title, publication date) from the whole page;
2. removes scripts and styles, hidden elements, and boilerplate containers (navigation, header/footer, asides,
   forms, cookie/newsletter/share/related/ad boxes by tag, class, id, role) -- but never a container that holds
   most of the page's paragraph text (some sites wrap the whole page in a ``<form>`` or ``div.has-sidebar``);
3. picks the main container: the semantic candidate (``[itemprop=articleBody]``, ``article``, ``main``,
   ``.article-body``-like classes) with the most paragraph text, else the parent of the most paragraph text;
4. drops link-dense blocks and "Related / Read more / 相关阅读" sections inside it;
5. writes block-aware plain text: paragraphs separated by a blank line, list items and table rows on their own
   line, inline markup (``<a>``, ``<strong>``, ``<span>``) joined without breaking the sentence.

>>> doc = extract_html("<html><head><title>Acme licenses AB-1 | Biotech Daily</title></head><body>"
...     "<nav><a href='/'>Home</a></nav><article><h1>Acme licenses AB-1</h1>"
...     "<p>Acme will pay <strong>$25 million</strong> upfront.</p></article>"
...     "<aside class='related'><a href='/x'>Beta gets $900 million</a></aside></body></html>")
>>> doc.title, doc.text
('Acme licenses AB-1', 'Acme licenses AB-1\\n\\nAcme will pay $25 million upfront.')
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..errors import E
from .decode import decode_html
from .document import Document

__all__ = ["extract_html", "find_title", "find_published"]

# ------------------------------------------------------------------------------------------------ vocabulary
_ALWAYS_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
                "button", "input", "select", "textarea", "link", "meta", "video", "audio", "picture", "img")
_ALWAYS_BOILER = {"nav", "footer", "aside", "dialog", "menu"}
_STRUCTURAL = ("nav", "header", "footer", "aside", "form", "dialog", "menu")
#: elements a class/id token match may remove (never inline ones)
_CONTAINERS = {"div", "section", "aside", "ul", "ol", "li", "dl", "table", "p", "figure", "header", "footer",
               "nav", "form", "center"}
_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu", "menubar"}


@dataclass(frozen=True)
class _Vocab:
    """The boilerplate vocabulary of ``patterns/common/html.yml``."""

    tokens: frozenset[str]  # class/id tokens of boilerplate containers (removed unless they hold most text)
    always: frozenset[str]  # ... removed whatever their size
    wrapper: frozenset[str]  # tokens that make a class name a layout wrapper, not a box
    body_class: re.Pattern[str]  # class/id of the article body: never removed
    related_heading: re.Pattern[str]  # a heading that starts a list of other stories


_VOCAB_KEYS = {"version", "kind", "boilerplate", "body_class", "related_heading"}


@functools.lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    from ..errors import PatternError
    from ..patterns import load_file

    where = "common/html.yml"
    data = load_file("common", "html")
    unknown = set(data) - _VOCAB_KEYS
    boiler = data.get("boilerplate") or {}
    if unknown or not isinstance(boiler, dict) or set(boiler) - {"tokens", "always", "wrapper"}:
        raise PatternError(E.E010.format(path=where, reason=f"unknown keys {sorted(unknown or set(boiler))}"))
    lists = {}
    for key in ("tokens", "always", "wrapper"):
        items = boiler.get(key) or []
        if not isinstance(items, list) or not all(isinstance(t, str) and t == t.lower() for t in items):
            raise PatternError(E.E010.format(path=where, reason=f"boilerplate.{key} must be a list of lower-case "
                                                                "strings"))
        lists[key] = frozenset(items)
    rx = {}
    for key in ("body_class", "related_heading"):
        try:
            rx[key] = re.compile(str(data[key]), re.I)
        except (KeyError, re.error) as exc:
            raise PatternError(E.E010.format(path=where, reason=f"{key}: {exc}")) from exc
    return _Vocab(lists["tokens"] | lists["always"], lists["always"], lists["wrapper"], rx["body_class"],
                  rx["related_heading"])


_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
          "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd",
          "hr", "address", "center", "header", "footer", "aside", "nav", "form", "fieldset", "details", "summary",
          "caption"}
_PARA = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure",
         "section", "article", "header"}
_CELL = {"td", "th"}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN_SPLIT = re.compile(r"[-_\s:./]+")
_WS = re.compile(r"[ \t\r\f\v\u00a0\u3000\u200b]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
#: a source line break next to a CJK character is not a space (Chinese has none between words or before digits)
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*|[ \t]*\n\s*(?=[{_CJK}])")
#: the string types bs4's get_text() reads in an ordinary tag
_MAIN_STRINGS = Tag.MAIN_CONTENT_STRING_TYPES
#: how much of an element's text a date check reads (_iso reads the first 80 characters)
_DATE_TEXT = 200


def _names(tag: Tag) -> list[str]:
    """The tag's class names and id."""
    vals: list[str] = []
    for attr in ("class", "id"):
        v = tag.get(attr)
        if isinstance(v, list):
            vals.extend(v)
        elif isinstance(v, str):
            vals.append(v)
    return vals


def _name_tokens(name: str) -> set[str]:
    return {t.lower() for t in _TOKEN_SPLIT.split(_CAMEL.sub("-", name)) if t}


def _tokens(tag: Tag) -> set[str]:
    out: set[str] = set()
    for v in _names(tag):
        out |= _name_tokens(v)
    return out


def _attr_text(tag: Tag) -> str:
    parts = []
    for attr in ("class", "id"):
        v = tag.get(attr)
        parts.extend(v if isinstance(v, list) else [v] if isinstance(v, str) else [])
    return " ".join(parts)


# ------------------------------------------------------------------------------------------------ metadata
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
_VISIBLE_DATE = re.compile(
    r"(?:发布时间|发布日期|发表时间|时间|日期|Published(?: on)?|Posted(?: on)?|Release date|Date)\s*[:：]?\s*"
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})",
    re.I,
)
_TITLE_TOKENS = {"title", "headline", "newstitle", "articletitle", "ttl", "hd1", "biaoti"}
_DATE_TOKENS = {"time", "date", "pubtime", "pubdate", "publish", "published", "posted", "timestamp", "dateline"}
_DATE_IN_TEXT = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}", re.I)
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
    raw = _WS.sub(" ", raw).strip()
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
            return _clean_title(got) if value != "og:title" else _WS.sub(" ", got).strip()
    for it in _jsonld_article(_jsonld_items(soup)):
        h = it.get("headline") or (it.get("name") if _ARTICLE_TYPES.search(str(it.get("@type", ""))) else None)
        if isinstance(h, str) and h.strip():
            return _WS.sub(" ", h).strip()
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return _WS.sub(" ", h1.get_text(" ", strip=True))
    short: _ShortTexts | None = None
    for h in soup.find_all(["h2", "h3", "div", "span"]):
        if not _tokens(h) & _TITLE_TOKENS:
            continue
        short = short or _ShortTexts(soup, 300)
        glued = short.get(h, "")
        if glued is not None and 8 <= len(glued) <= 300:
            return _WS.sub(" ", short.get(h) or "")
    if soup.title and soup.title.get_text(strip=True):
        return _clean_title(soup.title.get_text())
    return None


def _iso(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value, or None when it does not read as a date."""
    if not value:
        return None
    from ..normalize.dates import parse_date

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
    return _published_from_metadata(soup) or _published_from_page(cleaned if cleaned is not None else soup)


def _published_from_metadata(soup: BeautifulSoup) -> str | None:
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
    start: _ShortTexts | None = None
    for el in soup.find_all(attrs={"itemprop": re.compile(r"^datePublished$", re.I)}):
        start = start or _ShortTexts(soup, _DATE_TEXT, prefix=True)
        got = _iso(el.get("datetime") or el.get("content") or start.get(el))
        if got:
            return got
    return None


def _published_from_page(scope: BeautifulSoup) -> str | None:
    times = scope.find_all("time")
    start = _ShortTexts(scope, _DATE_TEXT, prefix=True)
    marked = [t for t in times if t.has_attr("pubdate") or re.search(r"publish|posted|date", _attr_text(t), re.I)]
    for t in marked + times:
        got = _iso(t.get("datetime") or start.get(t))
        if got:
            return got
    short = _ShortTexts(scope, 80)
    for el in scope.find_all(True):
        if el.name in ("time", "html", "body") or not (_tokens(el) & _DATE_TOKENS):
            continue
        text = short.get(el)
        if text is not None and 6 <= len(text) <= 80:
            m = _DATE_IN_TEXT.search(text)
            got = _iso(m.group(0)) if m else None
            if got:
                return got
    body = scope.body or scope
    m = _VISIBLE_DATE.search(body.get_text(" ", strip=True)[:5000])
    return _iso(m.group(1)) if m else None


# ------------------------------------------------------------------------------------------------ cleaning
class _Measures:
    """Text lengths of every tag under a root, from one bottom-up pass.

    Asking bs4 for ``tag.get_text()`` or ``tag.find_all("p")`` walks the tag's whole subtree; doing it for every
    tag of a page made deeply nested pages quadratic (10,000 nested ``<div>``: 22 s). Values are those the bs4
    calls give: ``text`` = ``len(_WS.sub("", tag.get_text()))``, ``para`` = the same summed over the ``<p>``
    below the tag, ``link`` over the ``<a>`` below it, ``nlink`` = ``len(tag.find_all("a"))``. A pass is valid
    until the tree changes; callers that remove tags while they walk in document order only ever ask about
    tags whose subtree is still intact (a removed tag's subtree is skipped, earlier tags are done).
    """

    def __init__(self, root: Tag) -> None:
        self.text: dict[int, int] = {}
        self.para: dict[int, int] = {}
        self.link: dict[int, int] = {}
        self.nlink: dict[int, int] = {}
        for tag in reversed(_preorder(root)):  # children before their parents
            text = para = link = nlink = 0
            for child in tag.contents:
                if isinstance(child, Tag):
                    k = id(child)
                    ct = self.text[k]
                    text += ct
                    para += self.para[k] + (ct if child.name == "p" else 0)
                    link += self.link[k] + (ct if child.name == "a" else 0)
                    nlink += self.nlink[k] + (child.name == "a")
                elif type(child) in _MAIN_STRINGS:
                    text += len(_WS.sub("", child))
            k = id(tag)
            self.text[k], self.para[k], self.link[k], self.nlink[k] = text, para, link, nlink

    def text_len(self, tag: Tag) -> int:
        if id(tag) not in self.text or tag.interesting_string_types not in (None, _MAIN_STRINGS):
            return len(_WS.sub("", tag.get_text()))
        return self.text[id(tag)]

    def para_text_len(self, tag: Tag) -> int:
        """Characters inside <p> under ``tag`` (half its text when it has no paragraphs)."""
        n = self.para[id(tag)] + (self.text_len(tag) if tag.name == "p" else 0)
        if n == 0:
            n = self.text_len(tag) // 2
        return n

    def own_text_len(self, tag: Tag) -> int:
        """Text directly in ``tag`` (strings and inline children), not in its block children."""
        n = 0
        for child in tag.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                n += len(_WS.sub("", str(child)))
            elif isinstance(child, Tag) and child.name not in _BLOCK:
                n += self.text_len(child)
        return n

    def link_density(self, tag: Tag) -> float:
        total = self.text_len(tag)
        if total == 0:
            return 0.0
        return self.link[id(tag)] / total


class _ShortTexts:
    """``tag.get_text(sep, strip=True)`` of every tag under a root whose text is at most ``cap`` non-space
    characters (None for longer ones), from one bottom-up pass: a check such as "a heading of at most 40
    characters" asked of every tag must not walk every tag's subtree.

    With ``prefix=True`` a longer text is cut after the string that passes ``cap`` instead of None (for checks
    that read only the start of a text, such as a date).
    """

    def __init__(self, root: Tag, cap: int, prefix: bool = False) -> None:
        # per tag: its stripped strings with their non-space counts, and the total (None: over the cap)
        self.parts: dict[int, tuple[list[tuple[str, int]], int] | None] = {}
        for tag in reversed(_preorder(root)):
            parts: list[tuple[str, int]] = []
            size = 0
            over = False
            for child in tag.contents:
                if isinstance(child, Tag):
                    sub = self.parts[id(child)]
                    if sub is None:
                        over = True
                        break
                    add, add_size = sub
                elif type(child) in _MAIN_STRINGS:
                    stripped = child.strip()
                    if not stripped:
                        continue
                    add = [(stripped, sum(1 for ch in stripped if not ch.isspace()))]
                    add_size = add[0][1]
                else:
                    continue
                if size + add_size <= cap:
                    parts.extend(add)
                    size += add_size
                    continue
                over = True
                if prefix:  # keep the start: pieces up to the first that passes the cap
                    for piece in add:
                        parts.append(piece)
                        size += piece[1]
                        if size > cap:
                            break
                break
            self.parts[id(tag)] = None if over and not prefix else (parts, size)

    def get(self, tag: Tag, sep: str = " ") -> str | None:
        if id(tag) not in self.parts or tag.interesting_string_types not in (None, _MAIN_STRINGS):
            return tag.get_text(sep, strip=True)
        got = self.parts[id(tag)]
        return None if got is None else sep.join(piece for piece, _ in got[0])


def _preorder(root: Tag) -> list[Tag]:
    """Every tag under ``root`` (and ``root``) in document order, without recursion (pages nest deeply)."""
    out: list[Tag] = []
    stack = [root]
    while stack:
        tag = stack.pop()
        out.append(tag)
        stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return out


def _decomposed(tag: Tag) -> bool:
    # bs4's ``tag.decomposed`` looks up ``_decomposed`` through ``Tag.__getattr__``, which on a live tag means
    # ``tag.find("_decomposed")``: a search of the whole subtree, for every tag asked
    return bool(tag.__dict__.get("_decomposed", False))


def _hidden(tag: Tag) -> bool:
    style = tag.get("style")
    if isinstance(style, str) and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style, re.I):
        return True
    return tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true"


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in _STRUCTURAL:
        return True
    role = tag.get("role")
    if isinstance(role, str) and role.lower() in _ROLES:
        return True
    if _hidden(tag):
        return True
    if tag.name not in _CONTAINERS:
        return False  # an inline <span class="ticker"> inside a sentence is part of the sentence
    toks = _tokens(tag)
    vocab = _vocab()
    if not toks or vocab.body_class.search(_attr_text(tag)):
        return False
    if "author" in toks and toks & {"box", "bio", "card", "about", "profile", "info"}:
        return True  # "about the author" boxes cite the author's other stories and their figures
    return bool(toks & vocab.tokens)


def _always_boilerplate(tag: Tag) -> bool:
    """An ad, sponsored, sidebar, related or recommended box by one of its own names (not a layout wrapper such
    as ``has-sidebar``): removed whatever share of the page it holds."""
    vocab = _vocab()
    for name in _names(tag):
        toks = _name_tokens(name)
        if toks & vocab.always and not toks & vocab.wrapper:
            return True
    return False


def _clean(soup: BeautifulSoup) -> None:
    """Remove scripts, comments and boilerplate containers in place (keeping the bulk of the article)."""
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in soup.find_all(_ALWAYS_DROP):
        tag.decompose()
    m = _Measures(soup)
    total = m.para_text_len(soup) or 1
    for tag in list(soup.find_all(True)):
        if _decomposed(tag) or tag.name in ("html", "body", "head"):
            continue
        if not _is_boilerplate(tag):
            continue
        # nav/footer/aside and hidden elements always go; other containers only when they do not hold most of
        # the page's text (ASP.NET pages wrap everything in a <form>, themes use div.has-sidebar wrappers)
        if (tag.name in _ALWAYS_BOILER or _hidden(tag) or m.para_text_len(tag) < 0.5 * total
                or tag.name in _CONTAINERS and _always_boilerplate(tag)):
            tag.decompose()


def _candidates(soup: BeautifulSoup) -> list[Tag]:
    found: list[Tag] = []
    found += soup.find_all(attrs={"itemprop": re.compile(r"^articleBody$", re.I)})
    body_class = _vocab().body_class
    found += [t for t in soup.find_all(["div", "section", "td"]) if body_class.search(_attr_text(t))]
    found += soup.find_all(["article", "main"])
    found += soup.find_all(attrs={"role": "main"})
    return found


def _main_container(soup: BeautifulSoup) -> Tag:
    body = soup.body or soup
    m = _Measures(soup)
    total = m.para_text_len(body)
    cands = _candidates(soup)
    best: Tag | None = None
    if cands:
        scored = [(m.para_text_len(c), -i, c) for i, c in enumerate(cands)]
        score, _, best = max(scored, key=lambda x: (x[0], x[1]))
        if score < 0.25 * total:
            best = None  # a small <article> card while the story is elsewhere
    if best is None:
        # readability-lite: the element whose text blocks (<p>, or <div>s of text with <br>s) carry the most
        weights: dict[int, tuple[int, Tag]] = {}
        for block in body.find_all(["p", "div", "section", "td", "pre", "blockquote"]):
            n = m.own_text_len(block)
            if n < 25 or m.link_density(block) > 0.5:
                continue
            for parent, share in ((block.parent, 1.0), (block.parent.parent if block.parent else None, 0.5)):
                if isinstance(parent, Tag):
                    w, _ = weights.get(id(parent), (0, parent))
                    weights[id(parent)] = (w + int(n * share), parent)
        if weights:
            score, best = max(weights.values(), key=lambda x: x[0])
            # one <section>/<div> per paragraph (WeChat, CMS blocks): climb while siblings carry text too
            while best.parent is not None and best.parent is not body and best.parent.name != "[document]":
                siblings = sum(weights.get(id(c), (0, None))[0] for c in best.parent.find_all(True, recursive=False)
                               if c is not best)
                if siblings < 0.3 * score:
                    break
                best = best.parent
                score += siblings
    return best if best is not None else body


def _prune_main(root: Tag) -> None:
    """Inside the article: related-story headings with their lists, link-dense lists and blocks."""
    m = _Measures(root)
    short = _ShortTexts(root, 40)
    related = _vocab().related_heading
    for h in root.find_all(["h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "div"]):
        if _decomposed(h):
            continue
        text = short.get(h)
        if text is not None and len(text) <= 40 and related.match(text):
            holder: Tag = h
            if h.name in ("strong", "b") and h.parent is not None and h.parent.name in ("p", "div"):
                holder = h.parent
            nxt = holder.find_next_sibling()
            if nxt is not None and nxt.name in ("ul", "ol", "div", "section", "p") and m.link_density(nxt) > 0.3:
                nxt.decompose()
            if holder is not root:
                holder.decompose()
    m = _Measures(root)  # the tree changed above
    for tag in root.find_all(["ul", "ol", "div", "section", "p", "table", "dl"]):
        if _decomposed(tag) or tag is root:
            continue
        if m.link_density(tag) > 0.6 and m.nlink[id(tag)] >= (1 if tag.name == "p" else 2):
            tag.decompose()


# ------------------------------------------------------------------------------------------------ text
def _norm_inline(s: str) -> str:
    s = _CJK_BREAK.sub("", s)
    s = s.replace("\n", " ")
    return _WS.sub(" ", s)


def to_text(root: Tag) -> str:
    """Block-aware plain text of ``root``: paragraphs split by a blank line, inline markup kept in the sentence."""
    out: list[str] = []

    def brk(n: int) -> None:
        # n = 1: new line, n = 2: new paragraph
        tail = "".join(out[-2:]) if out else "\n\n"
        have = len(tail) - len(tail.rstrip("\n"))
        if out and have < n:
            out.append("\n" * (n - have))

    # a walk with an explicit stack: pages nest deeper than Python's recursion limit
    stack: list[tuple[Any, bool] | int] = [(root, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, int):  # the break after a block's children
            brk(item)
            continue
        node, pre = item
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            s = str(node)
            out.append(s if pre else _norm_inline(s))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "br":
            brk(1)
            continue
        if name in _CELL:
            out.append("\t")
            stack.extend((child, pre) for child in reversed(node.contents))
            continue
        if name in _BLOCK:
            n = 2 if name in _PARA else 1
            brk(n)
            stack.append(n)
        stack.extend((child, pre or name == "pre") for child in reversed(node.contents))
    text = "".join(out)
    lines = [ln.strip(" \t") for ln in text.split("\n")]
    lines = [re.sub(r"\t+", " | ", ln) if "\t" in ln else ln for ln in lines]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# ------------------------------------------------------------------------------------------------ entry point
def extract_html(html: str | bytes, doc_id: str | None = None, name: str = "<html>") -> Document:
    """Main text, title and publication date of an HTML page (bytes are decoded with charset detection)."""
    decoded = None
    if isinstance(html, bytes):
        decoded = decode_html(html, name)
        html = decoded.text
    soup = BeautifulSoup(html, "lxml")
    # metadata first, on the intact page (JSON-LD lives in <script>, meta tags in <head>)
    title = find_title(soup)
    published = _published_from_metadata(soup)
    _clean(soup)
    root = _main_container(soup)
    _prune_main(root)
    if published is None:
        published = _published_from_page(soup)
    # <html lang> is not trusted: many Chinese sites ship an English template default; the text decides
    doc = Document(text=to_text(root), doc_id=doc_id, title=title, published=published)
    if decoded is not None:
        doc.encoding, doc.warnings = decoded.encoding, list(decoded.warnings)
    return doc
