"""Ingest: files, bytes, HTML pages and feed objects → :class:`Document` (plain text + metadata).

Evidence offsets index ``Document.text`` exactly: whatever cleaning happens, happens here, once.
``decode`` turns bytes into text, ``html`` finds a page's article text, ``load`` dispatches by source.
"""

from __future__ import annotations

from .decode import Decoded, decode, decode_bytes, decode_html, decode_html_bytes, sniff_charset
from .document import Document
from .load import (
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    document_from_json,
    html_to_document,
    load_path,
    load_text,
    looks_html,
)

__all__ = [
    "Document",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "load_text",
    "load_path",
    "document_from_json",
    "html_to_document",
    "looks_html",
    "Decoded",
    "decode",
    "decode_bytes",
    "decode_html",
    "decode_html_bytes",
    "sniff_charset",
]
