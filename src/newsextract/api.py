"""The library entry points: :func:`extract` and :class:`Extractor`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .config import Config
from .deadline import deadline
from .docdata import LONG_SENTENCES_KEY, TEXT_KEY
from .errors import ConfigError, E, InputError
from .normalize.dates import dateline
from .records import Extraction
from .textview import reading_view, restore

__all__ = ["Extractor", "extract", "detect_lang"]

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


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


def _coerce_date(value: Any, what: str = "published") -> dt.date | None:
    """A date from a date, datetime or string; raises :class:`ConfigError` (E043) for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        from .normalize.dates import parse_date

        got = parse_date(value[:80])
        if got is not None:
            return got
    raise ConfigError(E.E043.format(value=value), hint=f"give {what} as YYYY-MM-DD, or leave it out")


def _doc_id(text: str, doc_id: str | None) -> str:
    return doc_id if doc_id else "sha1:" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]


class Extractor:
    """Loads the pipelines once; extracts deals from many texts.

    >>> ex = Extractor()
    >>> rec = ex.extract("Acme Bio licensed AB-101 to Pfizer for $25 million upfront.", doc_id="a1")
    >>> rec.doc_id, rec.deals[0].licensee.name, int(rec.deals[0].upfront.amount)
    ('a1', 'Pfizer', 25000000)

    Options are those of :class:`~newsextract.Config` (``Extractor(lang="zh", doc_timeout=30)``, or a ``Config``);
    invalid values raise :class:`~newsextract.ConfigError`.
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        if config is not None and not isinstance(config, Config):
            raise ConfigError(E.E040.format(name="config", value=config, expected="a newsextract.Config"))
        if config is not None and options:
            raise ConfigError(E.E049.format(first="config", second=", ".join(sorted(options))),
                              hint="put the options into the Config")
        if config is None:
            try:
                config = Config(**options)
            except TypeError as exc:  # an unknown keyword
                known = ", ".join(f for f in Config.__dataclass_fields__ if f != "extra")
                raise ConfigError(E.E040.format(name="option", value=sorted(options), expected=known)) from exc
        self.config = config
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
        bad = _SURROGATE.search(text)
        if bad is not None:  # cannot be written as UTF-8, nor become evidence in a JSON record
            raise InputError(E.E006.format(code=ord(bad.group(0)), offset=bad.start()))
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
        """Extract every deal from one text.

        Raises :class:`InputError` for a text that cannot be processed (empty, not text, too long, lone
        surrogates, over ``doc_timeout``) and :class:`ConfigError` for invalid arguments (``lang``, ``published``).
        """
        if lang not in (None, "en", "zh"):
            raise ConfigError(E.E005.format(lang=lang), hint="leave lang unset to detect it")
        pub = _coerce_date(published)
        for name, value in (("doc_id", doc_id), ("title", title), ("url", url)):
            if value is not None and (not isinstance(value, str) or _SURROGATE.search(value)):
                raise ConfigError(E.E040.format(name=name, value=value, expected="a string of valid Unicode, or "
                                                                                 "None"))
        text = self._check(text)
        lang = lang or self.config.lang or detect_lang(text)
        nlp = self.nlp(lang)  # built once, on first use: not part of any document's time
        with deadline(self.config.doc_timeout):
            return self._extract(text, lang, nlp, doc_id, pub, title, url)

    def _extract(self, text: str, lang: str, nlp: Any, doc_id: str | None, pub: dt.date | None,
                 title: str | None, url: str | None) -> Extraction:
        view = reading_view(text, lang)  # pinyin after characters and breaks inside Chinese words are read past
        read = view.text if view is not None else text
        doc = nlp.make_doc(read)
        doc.user_data[TEXT_KEY] = read  # the components read it here instead of rebuilding it from the tokens
        if pub is None:  # no date from the caller or metadata: the dateline's, if the text opens with one
            pub = dateline(read, lang)
        doc._.published = pub
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        rec = self._record(doc, text, lang, doc_id, pub, title)
        if view is not None:
            restore(rec, view)
            rec.warnings.extend(view.notes)
        if url:
            rec.url = url
        return rec

    def extract_document(self, document: Any, *, doc_id: str | None = None, lang: str | None = None) -> Extraction:
        """Extract from an ingested :class:`~newsextract.ingest.Document` (what ``extract`` and ``batch`` read).

        The document's own metadata is data, not arguments: an unknown ``lang`` or a ``published`` that is not a
        date is left out with a warning on the record; the decoding's ``encoding`` and warnings are kept.
        """
        notes = list(getattr(document, "warnings", None) or [])
        doc_lang = lang or document.lang
        if doc_lang not in (None, "en", "zh"):
            notes.append(f"language {doc_lang!r} given with the document is not 'en' or 'zh': detected instead")
            doc_lang = None
        try:
            pub = _coerce_date(document.published)
        except ConfigError:
            notes.append(f"published date {document.published!r} given with the document is not a date: ignored")
            pub = None
        rec = self.extract(document.text, lang=doc_lang, doc_id=doc_id or document.doc_id, published=pub,
                           title=document.title, url=document.url)
        rec.encoding = getattr(document, "encoding", None)
        rec.warnings = notes + rec.warnings
        return rec

    def _record(self, doc: Any, text: str, lang: str, doc_id: str | None, pub: dt.date | None,
                title: str | None) -> Extraction:
        warnings = [f"a sentence of {b - a} characters (at {a}-{b}) was processed in pieces of at most "
                    f"{self.config.max_sentence_chars} characters (max_sentence_chars)"
                    for a, b in doc.user_data.get(LONG_SENTENCES_KEY, ())]
        return Extraction(
            doc_id=_doc_id(text, doc_id),
            lang=lang,
            title=title,
            published=pub or doc._.published,
            deals=list(doc._.deals),
            approvals=list(doc._.approvals or []),
            figures=list(doc._.figures or []),
            warnings=warnings + list(doc._.warnings),
            text=text if self.config.keep_text else None,
        )

    def pipe(self, texts: Iterable[str | dict[str, Any]], *, errors: str = "raise") -> Iterator[Extraction]:
        """Extract from many texts: strings, or article objects as in a JSON-lines feed (``text`` or ``html``, and
        optional ``id``/``title``/``published``/``url``/``lang``; read exactly as ``newsextract batch`` reads them).

        With ``errors="record"`` a bad document yields an Extraction with ``error`` set instead of raising;
        ``errors="raise"`` (the default) raises. Any other value raises :class:`ConfigError` at once.
        """
        if errors not in ("raise", "record"):
            raise ConfigError(E.E040.format(name="errors", value=errors, expected="'raise' or 'record'"))
        if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
            raise ConfigError(E.E040.format(name="texts", value=type(texts).__name__,
                                            expected="an iterable of strings or dicts"),
                              hint="for one text use extract(text)")
        return self._pipe(texts, errors)

    def _pipe(self, texts: Iterable[str | dict[str, Any]], errors: str) -> Iterator[Extraction]:
        from .ingest import document_from_json
        from .ingest.document import scrub

        for i, item in enumerate(texts):
            meta = item if isinstance(item, dict) else {}
            doc_id = meta.get("id") if meta.get("id") not in (None, "") else meta.get("doc_id")
            try:
                if isinstance(item, dict):  # an article object, read as batch reads a feed line
                    doc = document_from_json(item, f"item {i}")
                    yield self.extract_document(doc, doc_id=None if doc_id in (None, "") else str(doc_id))
                else:
                    yield self.extract(item)
            except Exception as exc:  # noqa: BLE001 - batch mode degrades per document
                if errors == "raise":
                    raise
                yield Extraction(
                    doc_id=scrub(str(doc_id or f"#{i}")),
                    lang=meta.get("lang") if meta.get("lang") in ("en", "zh") else "en",
                    error=str(exc) if isinstance(exc, (InputError, ConfigError)) else E.E030.format(
                        reason=f"{type(exc).__name__}: {exc}"),
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
