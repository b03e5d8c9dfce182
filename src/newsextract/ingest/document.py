"""The document type every loader returns: plain text plus what the source said about it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Document"]


@dataclass
class Document:
    """One article ready for extraction: plain ``text`` plus what the source said about it."""

    text: str
    doc_id: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None

