"""The tags of a page: which names are blocks, containers or boilerplate by kind, a tag's class/id tokens, and a
walk of the tree without recursion (pages nest deeper than Python's recursion limit)."""

from __future__ import annotations

import re

from bs4 import Tag

ALWAYS_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
               "button", "input", "select", "textarea", "link", "meta", "video", "audio", "picture", "img")
ALWAYS_BOILER = {"nav", "footer", "aside", "dialog", "menu"}
STRUCTURAL = ("nav", "header", "footer", "aside", "form", "dialog", "menu")
#: elements a class/id token match may remove (never inline ones)
CONTAINERS = {"div", "section", "aside", "ul", "ol", "li", "dl", "table", "p", "figure", "header", "footer",
              "nav", "form", "center"}
ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu", "menubar"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
         "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd",
         "hr", "address", "center", "header", "footer", "aside", "nav", "form", "fieldset", "details", "summary",
         "caption"}
PARA = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure",
        "section", "article", "header"}
CELL = {"td", "th"}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN_SPLIT = re.compile(r"[-_\s:./]+")
WS = re.compile(r"[ \t\r\f\v\u00a0\u3000\u200b]+")
#: the string types bs4's get_text() reads in an ordinary tag
MAIN_STRINGS = Tag.MAIN_CONTENT_STRING_TYPES


def names(tag: Tag) -> list[str]:
    """The tag's class names and id."""
    vals: list[str] = []
    for attr in ("class", "id"):
        v = tag.get(attr)
        if isinstance(v, list):
            vals.extend(v)
        elif isinstance(v, str):
            vals.append(v)
    return vals


def name_tokens(name: str) -> set[str]:
    return {t.lower() for t in _TOKEN_SPLIT.split(_CAMEL.sub("-", name)) if t}


def tokens(tag: Tag) -> set[str]:
    out: set[str] = set()
    for v in names(tag):
        out |= name_tokens(v)
    return out


def attr_text(tag: Tag) -> str:
    parts = []
    for attr in ("class", "id"):
        v = tag.get(attr)
        parts.extend(v if isinstance(v, list) else [v] if isinstance(v, str) else [])
    return " ".join(parts)



def preorder(root: Tag) -> list[Tag]:
    """Every tag under ``root`` (and ``root``) in document order, without recursion (pages nest deeply)."""
    out: list[Tag] = []
    stack = [root]
    while stack:
        tag = stack.pop()
        out.append(tag)
        stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return out


def decomposed(tag: Tag) -> bool:
    # bs4's ``tag.decomposed`` looks up ``_decomposed`` through ``Tag.__getattr__``, which on a live tag means
    # ``tag.find("_decomposed")``: a search of the whole subtree, for every tag asked
    return bool(tag.__dict__.get("_decomposed", False))
