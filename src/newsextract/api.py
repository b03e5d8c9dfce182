"""The library entry points: :func:`extract` and :class:`Extractor`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .config import Config
from .docdata import TEXT_KEY
from .errors import E, InputError
from .records import Extraction

__all__ = ["Extractor", "extract", "detect_lang", "Article"]

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]+")


def detect_lang(text: str) -> str:
    """'zh' when CJK characters carry the text, else 'en'.

    Counts CJK characters against Latin words (a Chinese character is about a word's worth of meaning), so
    an English article quoting a Chinese name stays English and a Chinese one with English names stays Chinese.

    >>> detect_lang("Hengrui (恒瑞医药) licensed HRS-1167 to Merck."), detect_lang("恒瑞医药与默沙东签署协议, 首付款2亿美元")
    ('en', 'zh')
    """
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk > latin * 1.5 and cjk >= 2 else "en"


def _coerce_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from .normalize.dates import parse_date

    return parse_date(str(value))


class Article(dict):
    """A document to extract from: ``text`` plus optional ``id``, ``title``, ``published``, ``lang``."""


def _doc_id(text: str, doc_id: str | None) -> str:
    return doc_id if doc_id else "sha1:" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]


class Extractor:
    """Loads the pipelines once; extracts deals from many texts.

    >>> ex = Extractor()
    >>> rec = ex.extract("Acme Bio licensed AB-101 to Pfizer for $25 million upfront.", doc_id="a1")
    >>> rec.doc_id, rec.deals[0].licensee.name, int(rec.deals[0].upfront.amount)
    ('a1', 'Pfizer', 25000000)
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = config if config is not None else Config(**options)
        if self.config.lang not in (None, "en", "zh"):
            raise InputError(E.E005.format(lang=self.config.lang))
        self._nlp: dict[str, Any] = {}

    def nlp(self, lang: str) -> Any:
        """The spaCy Language for ``lang`` (built on first use, then kept)."""
        if lang not in self._nlp:
            from .pipeline import build_pipeline

            self._nlp[lang] = build_pipeline(lang, self.config)
        return self._nlp[lang]

    def _check(self, text: Any) -> str:
        if not isinstance(text, str):
            raise InputError(E.E002.format(type=type(text).__name__))
        if not text.strip():
            raise InputError(E.E001)
        if len(text) > self.config.max_chars:
            raise InputError(E.E003.format(size=len(text), limit=self.config.max_chars))
        return text

    def extract(
        self,
        text: str,
        *,
        lang: str | None = None,
        doc_id: str | None = None,
        published: Any = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Extraction:
        """Extract every deal from one text. Raises :class:`InputError` on empty or non-text input."""
        text = self._check(text)
        lang = lang or self.config.lang or detect_lang(text)
        if lang not in ("en", "zh"):
            raise InputError(E.E005.format(lang=lang))
        pub = _coerce_date(published)
        nlp = self.nlp(lang)
        doc = nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text  # the components read it here instead of rebuilding it from the tokens
        doc._.published = pub
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        rec = self._record(doc, text, lang, doc_id, pub, title)
        if url:
            rec.url = url
        return rec

    def _record(self, doc: Any, text: str, lang: str, doc_id: str | None, pub: dt.date | None,
                title: str | None) -> Extraction:
        return Extraction(
            doc_id=_doc_id(text, doc_id),
            lang=lang,
            title=title,
            published=pub or doc._.published,
            deals=list(doc._.deals),
            approvals=list(doc._.approvals or []),
            figures=list(doc._.figures or []),
            warnings=list(doc._.warnings),
            text=text if self.config.keep_text else None,
        )

    def pipe(self, texts: Iterable[str | dict[str, Any]], *, errors: str = "raise") -> Iterator[Extraction]:
        """Extract from many texts (strings or dicts with ``text`` and optional ``id``/``title``/``published``/``lang``).

        With ``errors="record"`` a bad document yields an Extraction with ``error`` set instead of raising.
        """
        for i, item in enumerate(texts):
            if isinstance(item, dict):
                text, meta = item.get("text"), item
            else:
                text, meta = item, {}
            doc_id = meta.get("id") or meta.get("doc_id")
            try:
                yield self.extract(
                    text,  # type: ignore[arg-type]
                    lang=meta.get("lang"),
                    doc_id=doc_id,
                    published=meta.get("published"),
                    title=meta.get("title"),
                    url=meta.get("url"),
                )
            except Exception as exc:  # noqa: BLE001 - batch mode degrades per document
                if errors == "raise":
                    raise
                yield Extraction(
                    doc_id=str(doc_id or f"#{i}"),
                    lang=meta.get("lang") if meta.get("lang") in ("en", "zh") else "en",
                    error=str(exc) if isinstance(exc, InputError) else E.E030.format(reason=f"{type(exc).__name__}: {exc}"),
                )


_DEFAULT: Extractor | None = None


def extract(
    text: str,
    *,
    lang: str | None = None,
    doc_id: str | None = None,
    published: Any = None,
) -> Extraction:
    """Extract every business-development deal from ``text`` (English or Chinese).

    >>> rec = extract("Pfizer will acquire Seagen for $43 billion.")
    >>> d = rec.deals[0]
    >>> d.deal_type, d.licensee.name, d.licensor.name, int(d.total_value.amount)
    ('acquisition', 'Pfizer', 'Seagen', 43000000000)
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, lang=lang, doc_id=doc_id, published=published)
