"""What every newsextract component shares: the rule language of a pipeline, the document's text and its
sentences as character ranges, read from the ``Doc`` once and kept in ``doc.user_data``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..docdata import FLAT_KEY, SENTENCES_KEY, TEXT_KEY

__all__ = ["lang_of", "doc_text", "doc_flat_text", "doc_sentences"]



def lang_of(nlp: Language) -> str:
    """The rule language for a pipeline: "zh" for Chinese pipelines, else "en"."""
    return "zh" if nlp.lang == "zh" else "en"


def doc_text(doc: Doc) -> str:
    """The document's text, built from the tokens once per document."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def doc_sentences(doc: Doc) -> list[tuple[int, int]] | None:
    """Sentence ranges set by ``newsextract_segmenter``, else those of another component that set sentence
    starts (a parser, a sentencizer); None when nothing has."""
    ranges = doc.user_data.get(SENTENCES_KEY)
    if ranges is not None:
        return ranges
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return None


def doc_flat_text(doc: Doc) -> str:
    """The text with wrapping line breaks as spaces (set by ``newsextract_segmenter``; else the text itself)."""
    flat = doc.user_data.get(FLAT_KEY)
    return flat if flat is not None else doc_text(doc)
