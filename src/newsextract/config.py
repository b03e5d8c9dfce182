"""One frozen options object for the whole pipeline, and the limits every entry point shares.

The limits are defined here once and used by the library (:class:`Config`), the command line (option defaults)
and batch runs (:class:`~newsextract.batch.BatchOptions`):

- :data:`MAX_CHARS` -- the longest text the extractor takes (characters; longer: E003);
- :data:`MAX_BYTES` -- the largest input file or JSON line, and extracted text, read by ``extract`` and
  ``batch`` (bytes; larger: E024);
- :data:`MAX_SENTENCE_CHARS` -- a sentence longer than this is processed in pieces (a warning on the record);
- :data:`DOC_TIMEOUT` -- seconds one document may take in ``extract`` and ``batch`` (longer: E032 error record).

>>> Config(max_sentence_chars=500).max_sentence_chars
500
>>> Config(lang="fr")
Traceback (most recent call last):
...
newsextract.errors.ConfigError: E005 unknown language 'fr': expected 'en' or 'zh'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError, E

__all__ = ["Config", "MAX_CHARS", "MAX_BYTES", "MAX_SENTENCE_CHARS", "DOC_TIMEOUT", "check_positive"]

#: characters of text the extractor takes at most (spaCy's own limit is raised to match)
MAX_CHARS = 2_000_000
#: bytes of one input (file, JSON line, extracted text) in ``extract`` and ``batch``
MAX_BYTES = 2_000_000
#: characters of one sentence; a longer "sentence" (no stop in sight) is processed in pieces this long
MAX_SENTENCE_CHARS = 2_000
#: seconds one document may take in ``extract`` and ``batch`` (the library has no limit unless given one)
DOC_TIMEOUT = 60.0


def check_positive(name: str, value: Any, *, integer: bool = True, optional: bool = False) -> None:
    """Raise :class:`ConfigError` unless ``value`` is a positive number (an int when ``integer``)."""
    if value is None and optional:
        return
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or not value > 0:
        expected = "a positive integer" if integer else "a positive number of seconds"
        raise ConfigError(E.E040.format(name=name, value=value, expected=expected + (" or None" if optional else "")),
                          hint=f"give {name} a number greater than 0")


@dataclass(frozen=True)
class Config:
    """Options of an :class:`~newsextract.Extractor`.

    Attributes:
        lang: force "en" or "zh"; None detects per document.
        keep_text: store the plain text the evidence offsets index in ``Extraction.text``.
        max_chars: documents longer than this raise E003 (an error record in batch runs).
        max_sentence_chars: sentences longer than this are processed in pieces of at most this many characters,
            with a warning on the record (a text with no sentence stop would otherwise be one huge sentence).
        doc_timeout: seconds one document may take; longer raises E032 (None: no limit).
        spacy_model: name of an installed statistical spaCy pipeline used to add ORG candidates (optional).
        patterns_dir: read rules from this folder instead of the packaged ``patterns/`` (for rule development).
        extra: options of the spaCy components that have no field here (not part of equality or hashing). One
            today: ``{"write_spans": True}`` makes the entities component also write every fact as a span to
            ``doc.spans["newsextract"]`` (id: the rule, label: the kind of fact), for looking at the facts in
            spaCy tools; off by default, as the records do not need it.

    Invalid values raise :class:`~newsextract.errors.ConfigError`.
    """

    lang: str | None = None
    keep_text: bool = False
    max_chars: int = MAX_CHARS
    max_sentence_chars: int = MAX_SENTENCE_CHARS
    doc_timeout: float | None = None
    spacy_model: str | None = None
    patterns_dir: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.lang not in (None, "en", "zh"):
            raise ConfigError(E.E005.format(lang=self.lang), hint="leave lang unset to detect it per document")
        if not isinstance(self.keep_text, bool):
            raise ConfigError(E.E040.format(name="keep_text", value=self.keep_text, expected="True or False"))
        check_positive("max_chars", self.max_chars)
        check_positive("max_sentence_chars", self.max_sentence_chars)
        check_positive("doc_timeout", self.doc_timeout, integer=False, optional=True)
        for name in ("spacy_model", "patterns_dir"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise ConfigError(E.E040.format(name=name, value=value, expected="a string or None"))
        if not isinstance(self.extra, dict):
            raise ConfigError(E.E040.format(name="extra", value=self.extra, expected="a dict"))
