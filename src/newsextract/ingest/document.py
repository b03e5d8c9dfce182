"""The document type every loader returns: plain text plus what the source said about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Document", "scrub"]

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def scrub(value: str) -> str:
    r"""A metadata string (id, title, url …) with lone surrogates written as ``\udXXX`` escapes: a JSON feed may
    hold them (``"\ud800"``), and a record with one cannot be written as UTF-8.

    >>> scrub("a\ud800b"), scrub("ok")
    ('a\\ud800b', 'ok')
    """
    if _SURROGATE.search(value) is None:
        return value
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


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

