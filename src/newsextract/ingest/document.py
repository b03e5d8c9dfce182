"""The document type every loader returns: plain text plus what the source said about it."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    encoding: str | None = None  # how the bytes were decoded (None: the input was text)
    warnings: list[str] = field(default_factory=list)  # what reading the input noticed (a guessed encoding …)

