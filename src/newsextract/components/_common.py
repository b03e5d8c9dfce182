"""What every newsextract component shares."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["lang_of", "doc_text"]

#: where the components keep the Doc's text (spaCy rebuilds ``doc.text`` from every token on each access)
TEXT_KEY = "newsextract_text"


def lang_of(nlp: Language) -> str:
    """The rule language for a pipeline: "zh" for Chinese pipelines, else "en"."""
    return "zh" if nlp.lang == "zh" else "en"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data`` (a Chinese Doc has a token per character:
    rebuilding its text three times cost more than finding its facts)."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):  # a Doc's text never changes (retokenizing keeps it)
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text
