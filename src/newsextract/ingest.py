"""Text / HTML / JSON → plain text + metadata.

Evidence offsets index ``Document.text`` exactly: whatever cleaning happens, happens here, once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import E, InputError

__all__ = ["Document", "load_text", "load_path", "html_to_document", "decode_bytes"]


@dataclass
class Document:
    text: str
    doc_id: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """UTF-8 (with or without BOM), else the encoding BeautifulSoup's UnicodeDammit detects."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from bs4.dammit import UnicodeDammit

        dammit = UnicodeDammit(data, ["utf-8", "gb18030", "big5", "cp1252"])
        if dammit.unicode_markup is None:
            raise InputError(E.E004.format(path=name, reason=str(exc))) from exc
        return dammit.unicode_markup


def html_to_document(html: str | bytes, doc_id: str | None = None) -> Document:
    """Main text, title and publication date of an HTML page."""
    from .htmltext import extract_html

    return extract_html(html, doc_id=doc_id)


def _looks_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or ("<body" in head and "</" in head)


def load_text(data: bytes | str, name: str = "<text>", doc_id: str | None = None) -> Document:
    """Bytes or str of a plain-text or HTML article."""
    text = decode_bytes(data, name) if isinstance(data, bytes) else data
    if _looks_html(text):
        return html_to_document(text, doc_id=doc_id)
    return Document(text=text, doc_id=doc_id)


def document_from_json(obj: Any, name: str = "<json>") -> Document:
    """An article object: ``id``, ``text`` or ``html``, optional ``title``, ``published``, ``url``, ``lang``."""
    if not isinstance(obj, dict):
        raise InputError(f"E022 {name}: expected a JSON object with 'text' or 'html', got {type(obj).__name__}")
    doc_id = str(obj["id"]) if obj.get("id") is not None else None
    if isinstance(obj.get("text"), str):
        doc = Document(text=obj["text"], doc_id=doc_id)
    elif isinstance(obj.get("html"), str):
        doc = html_to_document(obj["html"], doc_id=doc_id)
    else:
        raise InputError(f"E023 {name}: the article object has no 'text' or 'html' string")
    doc.title = obj.get("title") or doc.title
    doc.published = obj.get("published") or doc.published
    doc.url = obj.get("url") or doc.url
    doc.lang = obj.get("lang") or doc.lang
    return doc


def load_path(path: Path, doc_id: str | None = None) -> Document:
    """One article file: .txt/.md, .html/.htm, or .json (one article object)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(E.E021.format(path=path, reason=exc.strerror or exc)) from exc
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            obj = json.loads(decode_bytes(data, str(path)))
        except json.JSONDecodeError as exc:
            raise InputError(E.E020.format(line=exc.lineno, path=path, reason=exc.msg)) from exc
        doc = document_from_json(obj, str(path))
        doc.doc_id = doc.doc_id or doc_id
        return doc
    text = decode_bytes(data, str(path))
    if suffix in (".html", ".htm") or _looks_html(text):
        return html_to_document(data if suffix in (".html", ".htm") else text, doc_id=doc_id)
    return Document(text=text, doc_id=doc_id)
