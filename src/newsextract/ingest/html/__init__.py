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

from bs4 import BeautifulSoup

from ..decode import decode_html
from ..document import Document
from .boilerplate import clean, main_container, prune_main
from .metadata import find_published, find_title, published_from_metadata, published_from_page
from .text import to_text

__all__ = ["extract_html", "find_title", "find_published", "to_text"]


def extract_html(html: str | bytes, doc_id: str | None = None, name: str = "<html>") -> Document:
    """Main text, title and publication date of an HTML page (bytes are decoded with charset detection)."""
    decoded = None
    if isinstance(html, bytes):
        decoded = decode_html(html, name)
        html = decoded.text
    soup = BeautifulSoup(html, "lxml")
    # metadata first, on the intact page (JSON-LD lives in <script>, meta tags in <head>)
    title = find_title(soup)
    published = published_from_metadata(soup)
    clean(soup)
    root = main_container(soup)
    prune_main(root)
    if published is None:
        published = published_from_page(soup)
    # <html lang> is not trusted: many Chinese sites ship an English template default; the text decides
    doc = Document(text=to_text(root), doc_id=doc_id, title=title, published=published)
    if decoded is not None:
        doc.encoding, doc.warnings = decoded.encoding, list(decoded.warnings)
    return doc
