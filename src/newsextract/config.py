"""One frozen options object for the whole pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Config"]


@dataclass(frozen=True)
class Config:
    """Options of an :class:`~newsextract.Extractor`.

    Attributes:
        lang: force "en" or "zh"; None detects per document.
        keep_text: store the plain text the evidence offsets index in ``Extraction.text``.
        max_chars: documents longer than this give an error record (default 2,000,000 characters).
        spacy_model: name of an installed statistical spaCy pipeline used to add ORG candidates (optional).
        patterns_dir: read rules from this folder instead of the packaged ``patterns/`` (for rule development).
    """

    lang: str | None = None
    keep_text: bool = False
    max_chars: int = 2_000_000
    spacy_model: str | None = None
    patterns_dir: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
