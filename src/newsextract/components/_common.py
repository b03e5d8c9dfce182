"""What every newsextract component shares."""

from __future__ import annotations

from spacy.language import Language

__all__ = ["lang_of"]


def lang_of(nlp: Language) -> str:
    """The rule language for a pipeline: "zh" for Chinese pipelines, else "en"."""
    return "zh" if nlp.lang == "zh" else "en"
