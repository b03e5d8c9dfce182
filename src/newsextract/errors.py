"""Coded error messages, in one place (as spaCy's ``errors.py``), and the exceptions that carry them.

Everything newsextract raises on purpose is a :class:`NewsExtractError`:

- :class:`InputError` -- a document cannot be processed (empty, not text, too long, undecodable, too slow);
  batch runs turn it into an error record and go on;
- :class:`ConfigError` -- an invalid argument or option (``Extractor(lang="fr")``, ``pipe(errors="bogus")``);
- :class:`UsageError` -- bad command-line usage (the CLI prints ``error: E0xx …`` and a hint, exit code 2);
- :class:`PatternError` -- a broken rule file, raised at load time.
"""

from __future__ import annotations

__all__ = ["E", "NewsExtractError", "PatternError", "InputError", "ConfigError", "UsageError", "DocTimeoutError"]


class E:
    # documents (error records in batch runs)
    E001 = "E001 empty input: the document has no text to extract from"
    E002 = "E002 input is not text: expected str, got {type}"
    E003 = "E003 document too long: {size} characters, limit is {limit} (set max_chars to change it)"
    E004 = "E004 undecodable bytes in {path}: {reason}"
    E005 = "E005 unknown language {lang!r}: expected 'en' or 'zh'"
    E006 = ("E006 text is not valid Unicode: lone surrogate U+{code:04X} at offset {offset} (decode the bytes "
            "with an error handler, or pass the bytes to newsextract)")
    # rule files
    E010 = "E010 pattern file {path}: {reason}"
    E011 = "E011 pattern {rule!r} in {path} does not match its own example {example!r}"
    E012 = "E012 pattern {rule!r} in {path} matches its negative example {example!r}"
    # batch inputs
    E020 = "E020 malformed JSON on line {line} of {path}: {reason}"
    E021 = "E021 cannot read {path}: {reason}"
    E022 = "E022 {path}: expected a JSON object with 'text' or 'html', got {type}"
    E023 = "E023 {path}: the article object has no 'text' or 'html' string"
    E024 = "E024 input too large: {path} is {size} bytes, limit is {limit} (set --max-bytes to change it)"
    # extraction
    E030 = "E030 extraction failed: {reason}"
    E031 = "E031 worker process died while extracting this document ({reason})"
    E032 = "E032 document took longer than {seconds:g} s (set --doc-timeout / doc_timeout to change the limit)"
    # arguments, options and command-line usage (exit code 2)
    E040 = "E040 invalid {name}: {value!r} (expected {expected})"
    E041 = "E041 no such file or directory: {path}"
    E042 = "E042 {path} already exists and would be overwritten"
    E043 = "E043 not a date: {value!r} (expected YYYY-MM-DD)"
    E044 = "E044 {path} is a directory, not a file"
    E045 = "E045 no input files in {spec}"
    E046 = "E046 {path} line {line} is not a newsextract record ({reason})"
    E047 = "E047 cannot write {path}: {reason}"
    E048 = "E048 {message}"
    E049 = "E049 {first} and {second} cannot be used together"


class NewsExtractError(Exception):
    """Base class of the errors newsextract raises on purpose."""


class PatternError(NewsExtractError, ValueError):
    """A rule file is broken: raised at load time, never at run time."""


class InputError(NewsExtractError, ValueError):
    """The input cannot be processed (empty, not text, too long, undecodable)."""


class DocTimeoutError(InputError):
    """A document took longer than the configured ``doc_timeout`` (E032)."""


class ConfigError(NewsExtractError, ValueError):
    """An invalid argument or option value; ``hint`` says what to do instead."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class UsageError(ConfigError):
    """Bad command-line usage: the CLI prints ``error: <message>`` and the hint, and exits with code 2."""
