"""Boilerplate: what of a page is not the article (navigation, related-story boxes, ads, link lists), and which
container holds the article."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, Tag

from ...errors import E
from .measure import Measures, ShortTexts
from .tags import (
    ALWAYS_BOILER,
    ALWAYS_DROP,
    CONTAINERS,
    ROLES,
    STRUCTURAL,
    attr_text,
    decomposed,
    name_tokens,
    names,
    tokens,
)


@dataclass(frozen=True)
class _Vocab:
    """The boilerplate vocabulary of ``patterns/common/html.yml``."""

    tokens: frozenset[str]  # class/id tokens of boilerplate containers (removed unless they hold most text)
    always: frozenset[str]  # ... removed whatever their size
    wrapper: frozenset[str]  # tokens that make a class name a layout wrapper, not a box
    author: frozenset[str]  # tokens of an author's container ...
    author_box: frozenset[str]  # ... that is a box about the author when it also has one of these
    body_class: re.Pattern[str]  # class/id of the article body: never removed
    related_heading: re.Pattern[str]  # a heading that starts a list of other stories


_VOCAB_KEYS = {"version", "kind", "boilerplate", "body_class", "related_heading", "metadata", "regexes"}
_BOILER_KEYS = ("tokens", "always", "wrapper", "author", "author_box")


@functools.lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    from ...errors import PatternError
    from ...patterns import load_file

    where = "common/html.yml"
    data = load_file("common", "html")
    unknown = set(data) - _VOCAB_KEYS
    boiler = data.get("boilerplate") or {}
    if unknown or not isinstance(boiler, dict) or set(boiler) - set(_BOILER_KEYS):
        raise PatternError(E.E010.format(path=where, reason=f"unknown keys {sorted(unknown or set(boiler))}"))
    lists = {}
    for key in _BOILER_KEYS:
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
    return _Vocab(lists["tokens"] | lists["always"], lists["always"], lists["wrapper"], lists["author"],
                  lists["author_box"], rx["body_class"], rx["related_heading"])


def _hidden(tag: Tag) -> bool:
    style = tag.get("style")
    if isinstance(style, str) and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style, re.I):
        return True
    return tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true"


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in STRUCTURAL:
        return True
    role = tag.get("role")
    if isinstance(role, str) and role.lower() in ROLES:
        return True
    if _hidden(tag):
        return True
    if tag.name not in CONTAINERS:
        return False  # an inline <span class="ticker"> inside a sentence is part of the sentence
    toks = tokens(tag)
    vocab = _vocab()
    if not toks or vocab.body_class.search(attr_text(tag)):
        return False
    if toks & vocab.author and toks & vocab.author_box:
        return True  # "about the author" boxes cite the author's other stories and their figures
    return bool(toks & vocab.tokens)


def _always_boilerplate(tag: Tag) -> bool:
    """An ad, sponsored, sidebar, related or recommended box by one of its own names (not a layout wrapper such
    as ``has-sidebar``): removed whatever share of the page it holds."""
    vocab = _vocab()
    for name in names(tag):
        toks = name_tokens(name)
        if toks & vocab.always and not toks & vocab.wrapper:
            return True
    return False


def clean(soup: BeautifulSoup) -> None:
    """Remove scripts, comments and boilerplate containers in place (keeping the bulk of the article)."""
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in soup.find_all(ALWAYS_DROP):
        tag.decompose()
    m = Measures(soup)
    total = m.para_text_len(soup) or 1
    for tag in list(soup.find_all(True)):
        if decomposed(tag) or tag.name in ("html", "body", "head"):
            continue
        if not _is_boilerplate(tag):
            continue
        # nav/footer/aside and hidden elements always go; other containers only when they do not hold most of
        # the page's text (ASP.NET pages wrap everything in a <form>, themes use div.has-sidebar wrappers)
        if (tag.name in ALWAYS_BOILER or _hidden(tag) or m.para_text_len(tag) < 0.5 * total
                or tag.name in CONTAINERS and _always_boilerplate(tag)):
            tag.decompose()


def _candidates(soup: BeautifulSoup) -> list[Tag]:
    found: list[Tag] = []
    found += soup.find_all(attrs={"itemprop": re.compile(r"^articleBody$", re.I)})
    body_class = _vocab().body_class
    found += [t for t in soup.find_all(["div", "section", "td"]) if body_class.search(attr_text(t))]
    found += soup.find_all(["article", "main"])
    found += soup.find_all(attrs={"role": "main"})
    return found


def main_container(soup: BeautifulSoup) -> Tag:
    body = soup.body or soup
    m = Measures(soup)
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


def prune_main(root: Tag) -> None:
    """Inside the article: related-story headings with their lists, link-dense lists and blocks."""
    m = Measures(root)
    short = ShortTexts(root, 40)
    related = _vocab().related_heading
    for h in root.find_all(["h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "div"]):
        if decomposed(h):
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
    m = Measures(root)  # the tree changed above
    for tag in root.find_all(["ul", "ol", "div", "section", "p", "table", "dl"]):
        if decomposed(tag) or tag is root:
            continue
        if m.link_density(tag) > 0.6 and m.nlink[id(tag)] >= (1 if tag.name == "p" else 2):
            tag.decompose()
