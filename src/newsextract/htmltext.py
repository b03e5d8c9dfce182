"""HTML page → main text, title, publication date (BeautifulSoup)."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from .ingest import Document

_DROP = ["script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg", "template"]
_BLOCK = re.compile(r"\n{3,}")


def extract_html(html: str | bytes, doc_id: str | None = None) -> Document:
    soup = BeautifulSoup(html, "lxml")
    title = None
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content"):
        title = og["content"].strip()
    elif soup.title and soup.title.string:
        title = soup.title.string.strip()
    published = None
    for attrs in ({"property": "article:published_time"}, {"name": "pubdate"}, {"name": "date"},
                  {"itemprop": "datePublished"}):
        m = soup.find("meta", attrs=attrs)
        if m and m.get("content"):
            published = m["content"].strip()
            break
    if published is None:
        for s in soup.find_all("script", attrs={"type": "application/ld+json"}):
            try:
                data = json.loads(s.string or "")
            except (json.JSONDecodeError, TypeError):
                continue
            items = data if isinstance(data, list) else [data]
            for it in items:
                if isinstance(it, dict) and it.get("datePublished"):
                    published = str(it["datePublished"])
                    break
            if published:
                break
    if published is None:
        t = soup.find("time", attrs={"datetime": True})
        if t:
            published = t["datetime"]
    for tag in soup(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    text = root.get_text("\n", strip=True)
    text = _BLOCK.sub("\n\n", text)
    return Document(text=text, doc_id=doc_id, title=title, published=published)
