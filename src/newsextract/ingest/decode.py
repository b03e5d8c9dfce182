"""Bytes → str: BOMs, strict UTF-8, declared charsets, detection — never a silent wrong reading."""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable

from ..errors import E, InputError

__all__ = ["decode_bytes", "decode_html_bytes", "sniff_charset"]

# ------------------------------------------------------------------------------------------------ bytes
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: labels pages declare -> the codec that decodes every page so labelled (GBK/GB2312 pages use GB18030 chars)
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
            "big5": "big5hkscs", "x-sjis": "shift_jis", "iso-8859-1": "cp1252", "latin1": "cp1252",
            "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
_SINGLE_BYTE = {"cp1252", "iso-8859-15", "windows-1252", "iso-8859-2", "cp1250", "koi8-r", "cp1251"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENC = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_MULTIBYTE = re.compile(r"^(gb|big5|euc|shift|sjis|cp9[345]|iso-?2022|utf|hz|johab|uhc|ks_?c)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _plausible(text: str) -> bool:
    """Decoded text that is mostly controls or replacement characters is binary, not an article."""
    if not text:
        return True
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) <= max(2, len(sample) // 100)


def decode_bytes(data: bytes, name: str = "<bytes>", declared: str | None = None) -> str:
    """Decode an article's bytes: BOM, then UTF-8, then a ``declared`` charset, then detection.

    Raises :class:`InputError` (E004) for binary data (NUL bytes without a UTF-16/32 BOM, mostly control
    characters) and for bytes no candidate encoding decodes.

    >>> decode_bytes("首付款2亿美元".encode("gbk"), declared="gb2312")
    '首付款2亿美元'
    >>> decode_bytes(b"\\x00\\x01\\x02binary\\x00")
    Traceback (most recent call last):
    ...
    newsextract.errors.InputError: E004 undecodable bytes in <bytes>: binary data (NUL bytes)
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(E.E004.format(path=name, reason=f"invalid {enc}: {exc.reason}")) from exc
    if b"\x00" in data[:100_000]:
        raise InputError(E.E004.format(path=name, reason="binary data (NUL bytes)"))
    declared_codec = _codec(declared)
    attempts: list[str] = []
    # strict UTF-8 first: a page labelled latin-1 that decodes as UTF-8 is UTF-8 (the common mislabel); a
    # declared multi-byte charset (GBK, Big5, Shift-JIS) wins over UTF-8 only when UTF-8 fails anyway
    attempts.append("utf-8")
    if declared_codec and declared_codec != "utf-8":
        attempts.append(declared_codec)
    text = _first_plausible(data, attempts)
    if text is not None:
        return text
    from bs4.dammit import UnicodeDammit

    # detection (charset_normalizer / chardet when installed), then CJK encodings, then Windows-1252
    log = logging.getLogger("bs4.dammit")
    level = log.level
    log.setLevel(logging.ERROR)  # its "replaced with REPLACEMENT CHARACTER" notice: we refuse such guesses
    try:
        dammit = UnicodeDammit(data, [], is_html=False)
    finally:
        log.setLevel(level)
    guess = dammit.unicode_markup
    usable = (guess is not None and not dammit.contains_replacement_characters
              and dammit.original_encoding not in (None, "ascii") and _plausible(guess))
    # detectors are good at multi-byte CJK encodings and poor at telling single-byte code pages apart
    # (cp1252 text comes back as cp775 or cp1250): trust them for CJK, else prefer Windows-1252
    if usable and _MULTIBYTE.match(str(dammit.original_encoding)):
        return guess  # type: ignore[return-value]
    try:
        text = data.decode("cp1252")
        if _plausible(text):
            return text
    except UnicodeDecodeError:
        pass
    if usable:
        return guess  # type: ignore[return-value]
    text = _first_plausible(data, ("gb18030", "big5hkscs", "shift_jis"))
    if text is not None:
        return text
    raise InputError(E.E004.format(path=name, reason="no encoding decodes these bytes (not UTF-8, not a "
                                                      "declared or detected charset)"))


def _first_plausible(data: bytes, encodings: Iterable[str]) -> str | None:
    """The first decoding of ``data`` that works and looks like text, or None."""
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    return None


def sniff_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>``, http-equiv, XML prolog).

    >>> sniff_charset(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">')
    'GBK'
    """
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENC.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def decode_html_bytes(data: bytes, name: str = "<html>") -> str:
    """Decode an HTML page: BOM, strict UTF-8, the declared ``<meta charset>``, then detection."""
    return decode_bytes(data, name, declared=sniff_charset(data))


