"""Coded error messages, in one place (as spaCy's ``errors.py``)."""

from __future__ import annotations

__all__ = ["E", "NewsExtractError", "PatternError", "InputError"]


class E:
    E001 = "E001 empty input: the document has no text to extract from"
    E002 = "E002 input is not text: expected str, got {type}"
    E003 = "E003 document too long: {size} characters, limit is {limit} (set max_chars to change it)"
    E004 = "E004 undecodable bytes in {path}: {reason}"
    E005 = "E005 unknown language {lang!r}: expected 'en' or 'zh'"
    E010 = "E010 pattern file {path}: {reason}"
    E011 = "E011 pattern {rule!r} in {path} does not match its own example {example!r}"
    E012 = "E012 pattern {rule!r} in {path} matches its negative example {example!r}"
    E020 = "E020 malformed JSON on line {line} of {path}: {reason}"
    E021 = "E021 cannot read {path}: {reason}"
    E022 = "E022 {path}: expected a JSON object with 'text' or 'html', got {type}"
    E023 = "E023 {path}: the article object has no 'text' or 'html' string"
    E024 = "E024 input too large: {path} is {size} bytes, limit is {limit} (set --max-bytes to change it)"
    E030 = "E030 extraction failed: {reason}"
    E031 = "E031 worker process died while extracting this document ({reason})"


class NewsExtractError(Exception):
    """Base class of the errors newsextract raises on purpose."""


class PatternError(NewsExtractError, ValueError):
    """A rule file is broken: raised at load time, never at run time."""


class InputError(NewsExtractError, ValueError):
    """The input cannot be processed (empty, not text, too long, undecodable)."""
