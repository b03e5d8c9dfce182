"""``newsextract_segmenter``: sentence starts from rules (bullets, citations, headings, 。)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._.deals etc.)
from ._common import lang_of

__all__ = ["SegmenterComponent", "make_segmenter"]


class SegmenterComponent:
    """Sets sentence starts from ``patterns/<lang>/segments.yml`` (bullets, citations, headings, 。)."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None) -> None:
        from ..layout.segment import get_segmenter

        self.name = name
        self.seg = get_segmenter(lang_of(nlp), patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        ranges = self.seg.split(text)
        doc.user_data["newsextract_sentences"] = ranges
        doc.user_data["newsextract_text"] = text  # later components read it here (Doc.text re-joins every token)
        # sentences are served on demand through spaCy's user hook: writing every token's is_sent_start would
        # cost more than the rest of the pipeline on long articles
        doc.user_hooks["sents"] = _sentences
        return doc


def _sentences(doc: Doc) -> Any:
    for a, b in doc.user_data.get("newsextract_sentences", []):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            yield span


@Language.factory("newsextract_segmenter", default_config={"patterns_dir": None})
def make_segmenter(nlp: Language, name: str, patterns_dir: str | None) -> SegmenterComponent:
    return SegmenterComponent(nlp, name, patterns_dir=patterns_dir)
