"""``newsextract_segmenter``: sentence starts from rules (bullets, citations, headings, 。)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401  (declares Doc._.deals etc.)
from ..config import MAX_SENTENCE_CHARS
from ..docdata import FLAT_KEY, LONG_SENTENCES_KEY, SENTENCES_KEY
from ..layout.segment import get_segmenter
from ._common import doc_text, lang_of

__all__ = ["SegmenterComponent", "make_segmenter"]


class SegmenterComponent:
    """Sets the sentences of a ``Doc`` from ``patterns/<lang>/segments.yml`` (bullets, citations, headings, 。).

    The (start, end) character ranges go to ``doc.user_data["newsextract_sentences"]`` (what later components
    read) and ``doc.sents`` serves them as spans; line breaks that wrap a sentence are no boundaries, and the text
    with them as spaces goes to ``doc.user_data["newsextract_flat"]``. A sentence longer than
    ``max_sentence_chars`` is served in pieces; the cut ones go to ``doc.user_data["newsextract_long_sentences"]``
    (the Extractor turns them into a warning on the record).
    """

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None,
                 max_sentence_chars: int = MAX_SENTENCE_CHARS) -> None:
        self.name = name
        self.seg = get_segmenter(lang_of(nlp), patterns_dir, max_sentence_chars)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        soft = self.seg.soft_breaks(text)
        doc.user_data[SENTENCES_KEY], doc.user_data[LONG_SENTENCES_KEY] = self.seg.sentences(text, soft)
        doc.user_data[FLAT_KEY] = self.seg.flatten(text, soft)
        # sentences are served on demand through spaCy's user hook: writing every token's is_sent_start would
        # cost more than the rest of the pipeline on long articles
        doc.user_hooks["sents"] = _sentences
        return doc


def _sentences(doc: Doc) -> Iterator[Span]:
    for a, b in doc.user_data.get(SENTENCES_KEY, []):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            yield span


@Language.factory("newsextract_segmenter", assigns=["doc.sents"],
                  default_config={"patterns_dir": None, "max_sentence_chars": MAX_SENTENCE_CHARS})
def make_segmenter(nlp: Language, name: str, patterns_dir: str | None, max_sentence_chars: int) -> SegmenterComponent:
    return SegmenterComponent(nlp, name, patterns_dir=patterns_dir, max_sentence_chars=max_sentence_chars)
