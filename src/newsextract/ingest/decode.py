"""Bytes → str: BOMs, strict UTF-8, declared charsets, flagged guesses — never a silent wrong reading."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..errors import E, InputError

__all__ = ["Decoded", "decode", "decode_bytes", "decode_html", "decode_html_bytes", "sniff_charset"]

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
_CJK_CHAR = re.compile(r"[\u2000-\u206f\u3000-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
#: multi-byte encodings tried when nothing is declared (GBK/GB2312 text is read as GB18030, its superset)
_CJK_CODECS = ("gb18030", "big5hkscs", "shift_jis", "euc_kr")
#: stray bytes a UTF-8 or declared reading may replace (with a warning) before it is rejected
_MAX_REPAIRS = 8



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


@dataclass
class Decoded:
    """Text decoded from bytes, how, and what was not clean about it.

    ``guessed`` is True when the encoding was neither a BOM, nor UTF-8, nor the one the input declared; every
    guess and every repair (an incomplete last character dropped, invalid bytes replaced) is in ``warnings``.
    """

    text: str
    encoding: str
    guessed: bool = False
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str = "<bytes>", declared: str | None = None) -> Decoded:
    """Decode an article's bytes; never a silent guess.

    Order: a BOM; strict UTF-8; the ``declared`` charset; then a guess among the CJK multi-byte encodings (a
    detector's ranking first) and Windows-1252 -- Windows-1252 only for text that is mostly ASCII, so that
    Chinese bytes that fail to decode are never read as Latin-1 (``2025Äê3ÔÂ``). UTF-8 or a declared charset
    that decodes all but an incomplete last character, or all but a few stray bytes, is kept, with a warning.
    Raises :class:`InputError` (E004) for binary data and for bytes no candidate decodes.

    >>> d = decode(("2025年3月首付款2亿美元").encode("gbk")[:-1])
    >>> d.text, d.encoding, d.guessed
    ('2025年3月首付款2亿美', 'gb18030', True)
    >>> d.warnings
    ['the last 1 byte(s) are an incomplete gb18030 character: dropped', 'encoding not declared and not UTF-8: read as gb18030 (a guess)']
    >>> decode("首付款2亿美元".encode() + b"\\xff" + "，里程碑付款".encode() * 4, declared="gb2312").warnings
    ['1 byte sequence(s) invalid in utf-8 replaced by U+FFFD']
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), codecs.lookup(enc).name)
            except UnicodeDecodeError as exc:
                raise InputError(E.E004.format(path=name, reason=f"invalid {enc}: {exc.reason}")) from exc
    if b"\x00" in data[:100_000]:
        raise InputError(E.E004.format(path=name, reason="binary data (NUL bytes)"))
    declared_codec = _codec(declared)
    # strict UTF-8 first: a page labelled latin-1 that decodes as UTF-8 is UTF-8 (the common mislabel); a
    # declared multi-byte charset (GBK, Big5, Shift-JIS) wins over UTF-8 only when UTF-8 fails anyway
    got = _read(data, "utf-8", repair=True)
    if got is not None:
        return got
    if declared_codec and declared_codec != "utf-8":
        got = _read(data, declared_codec, repair=True)
        if got is not None and (declared_codec in _SINGLE_BYTE or _looks_cjk(got.text)):
            return got
    got = _guess(data)
    if got is not None:
        return got
    raise InputError(E.E004.format(path=name, reason="no encoding decodes these bytes (not UTF-8, not a "
                                                      "declared or detected charset)"))


def decode_bytes(data: bytes, name: str = "<bytes>", declared: str | None = None) -> str:
    """The text of :func:`decode` (BOM, UTF-8, the declared charset, then a flagged guess).

    >>> decode_bytes("首付款2亿美元".encode("gbk"), declared="gb2312")
    '首付款2亿美元'
    >>> decode_bytes(b"\\x00\\x01\\x02binary\\x00")
    Traceback (most recent call last):
    ...
    newsextract.errors.InputError: E004 undecodable bytes in <bytes>: binary data (NUL bytes)
    """
    return decode(data, name, declared).text


def _read(data: bytes, enc: str, *, repair: bool) -> Decoded | None:
    """``data`` in ``enc``: strictly; or, with ``repair``, all but an incomplete last character, or all but a
    few stray bytes among many good multi-byte characters (each repair is a warning). None when it does not
    decode (or does not look like text)."""
    try:
        text = data.decode(enc)
        return Decoded(text, enc) if _plausible(text) else None
    except UnicodeDecodeError:
        if not repair:
            return None
    dec = codecs.getincrementaldecoder(enc)("strict")
    try:
        text = dec.decode(data, final=False)
    except UnicodeDecodeError:
        text = None
    if text is not None:
        pending = dec.getstate()[0]
        if 0 < len(pending) <= 3 and _plausible(text):
            return Decoded(text, enc, warnings=[f"the last {len(pending)} byte(s) are an incomplete {enc} "
                                                "character: dropped"])
        return None
    if enc in _SINGLE_BYTE:
        return None
    text = data.decode(enc, errors="replace")
    bad = text.count("\ufffd") - (data.count("\ufffd".encode(enc, "ignore")) if enc == "utf-8" else 0)
    good = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if 0 < bad <= _MAX_REPAIRS and good >= 10 * bad and _plausible(text.replace("\ufffd", "")):
        return Decoded(text, enc, warnings=[f"{bad} byte sequence(s) invalid in {enc} replaced by U+FFFD"])
    return None


def _guess(data: bytes) -> Decoded | None:
    """A flagged guess, or None.

    Bytes that look multi-byte (most bytes >= 0x80 stand next to another one, as in GBK, Big5, Shift-JIS) are
    read with a CJK encoding whose reading is CJK text, or not at all: never as Latin-1. Other text (isolated
    accented letters and curly quotes among ASCII) is read as Windows-1252, else as a detector's single-byte
    answer.
    """
    sample = data[:200_000]
    high = sum(1 for b in sample if b > 0x7F)
    paired = sum(1 for a, b in zip(sample, sample[1:], strict=False) if a > 0x7F and b > 0x7F)
    if high and paired >= 0.5 * high:
        # detectors misjudge short texts (3 characters of GBK come back as Big5): trust them on longer ones
        ranked = (_detected(data, multibyte=True) if len(data) >= 1000 else []) + list(_CJK_CODECS)
        for enc in dict.fromkeys(ranked):
            got = _read(data, enc, repair=True)
            if got is not None and _looks_cjk(got.text):
                return _flagged(got)
        return None
    for enc in dict.fromkeys(["cp1252", *_detected(data, multibyte=False)]):
        got = _read(data, enc, repair=False)
        if got is not None:
            return _flagged(got)
    return None


def _flagged(got: Decoded) -> Decoded:
    got.guessed = True
    got.warnings.append(f"encoding not declared and not UTF-8: read as {got.encoding} (a guess)")
    return got


def _detected(data: bytes, *, multibyte: bool) -> list[str]:
    """The encodings a detector ranks for ``data``, best first: its multi-byte answers, or its single-byte ones
    (detectors tell CJK encodings apart well and single-byte code pages badly: cp1252 comes back as cp775)."""
    try:
        import charset_normalizer
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    out = []
    for match in charset_normalizer.from_bytes(data[:200_000]):
        enc = _codec(match.encoding)
        if not enc or enc.startswith("utf") or enc in out:
            continue
        if bool(_MULTIBYTE.match(enc)) == multibyte:
            out.append(enc)
    return out


def _looks_cjk(text: str) -> bool:
    """Most non-ASCII characters are CJK ideographs, kana, hangul or full-width forms (a wrong multi-byte
    reading of Latin text gives scattered symbols and rare characters instead)."""
    sample = text[:100_000]
    non_ascii = [ch for ch in sample if ord(ch) > 0x7F]
    if not non_ascii:
        return True
    cjk = sum(1 for ch in non_ascii if _CJK_CHAR.match(ch))
    return cjk >= 0.8 * len(non_ascii)


def sniff_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>``, http-equiv, XML prolog).

    >>> sniff_charset(b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">')
    'GBK'
    """
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENC.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def decode_html(data: bytes, name: str = "<html>") -> Decoded:
    """Decode an HTML page: BOM, strict UTF-8, the declared ``<meta charset>``, then a flagged guess."""
    return decode(data, name, declared=sniff_charset(data))


def decode_html_bytes(data: bytes, name: str = "<html>") -> str:
    """The text of :func:`decode_html`."""
    return decode_html(data, name).text


