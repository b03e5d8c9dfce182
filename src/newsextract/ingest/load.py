"""Text / HTML / JSON → plain text + metadata.

Evidence offsets index ``Document.text`` exactly: whatever cleaning happens, happens here, once.

>>> load_text(b"\\xef\\xbb\\xbfAcme licensed AB-1 to Pfizer.").text
'Acme licensed AB-1 to Pfizer.'
>>> document_from_json({"id": 7, "text": "Acme ...", "published": "2025-03-04"}).doc_id
'7'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import E, InputError
from .decode import decode
from .document import Document, scrub

__all__ = ["TEXT_SUFFIXES", "HTML_SUFFIXES", "load_text", "load_path", "document_from_json", "html_to_document",
           "looks_html"]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


# ------------------------------------------------------------------------------------------------ documents
def html_to_document(html: str | bytes, doc_id: str | None = None, name: str = "<html>") -> Document:
    """Main text, title and publication date of an HTML page (see :mod:`newsextract.ingest.html`)."""
    from .html import extract_html

    return extract_html(html, doc_id=doc_id, name=name)


def looks_html(text: str) -> bool:
    """True for text that is an HTML page rather than an article that mentions a tag.

    >>> looks_html("<!DOCTYPE html><html><body><p>x</p></body></html>"), looks_html("Use <b> for bold.")
    (True, False)
    """
    head = text[:2000].lstrip().lower()
    return (head.startswith(("<!doctype html", "<html", "<?xml")) and "<" in head[1:]) or (
        "<body" in head and "</" in text[-5000:])


def load_text(data: bytes | str, name: str = "<text>", doc_id: str | None = None) -> Document:
    """Bytes or str of a plain-text or HTML article (HTML is recognised by its start)."""
    decoded = None
    if isinstance(data, bytes):
        head = data[:2000].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
            return html_to_document(data, doc_id=doc_id, name=name)
        decoded = decode(data, name)
        text = decoded.text
    else:
        text = data
    if looks_html(text):
        doc = html_to_document(text, doc_id=doc_id, name=name)
    else:
        doc = Document(text=text, doc_id=doc_id)
    if decoded is not None:
        doc.encoding, doc.warnings = decoded.encoding, list(decoded.warnings)
    return doc


def document_from_json(obj: Any, name: str = "<json>") -> Document:
    """An article object: ``id``, ``text`` or ``html``, optional ``title``, ``published``, ``url``, ``lang``.

    Fields given in the object win over what the HTML says (a feed's title/date are the editor's).
    """
    if not isinstance(obj, dict):
        raise InputError(E.E022.format(path=name, type=type(obj).__name__))
    doc_id = scrub(str(obj["id"])) if obj.get("id") not in (None, "") else None
    if isinstance(obj.get("text"), str):
        doc = Document(text=obj["text"], doc_id=doc_id)
    elif isinstance(obj.get("html"), str):
        doc = html_to_document(obj["html"], doc_id=doc_id, name=name)
    else:
        raise InputError(E.E023.format(path=name))
    for key in ("title", "published", "url", "lang"):
        val = obj.get(key)
        if val not in (None, ""):
            setattr(doc, key, scrub(str(val)))
    return doc


def load_path(path: Path, doc_id: str | None = None) -> Document:
    """One article file: .txt/.md, .html/.htm, or .json (one article object)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(E.E021.format(path=path, reason=exc.strerror or exc)) from exc
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        decoded = decode(data, str(path))
        try:
            obj = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            raise InputError(E.E020.format(line=exc.lineno, path=path, reason=exc.msg)) from exc
        doc = document_from_json(obj, str(path))
        doc.doc_id = doc.doc_id or doc_id
        # an article object's text is Unicode already: the file's encoding is not the article's (as for JSON
        # lines), but a guess in reading the file is worth a warning
        doc.warnings = list(decoded.warnings) + doc.warnings
        return doc
    if suffix in HTML_SUFFIXES:
        return html_to_document(data, doc_id=doc_id, name=str(path))
    return load_text(data, name=str(path), doc_id=doc_id)
