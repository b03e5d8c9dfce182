"""``newsextract_deals``: assembly of the facts into ``doc._.deals``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._.deals etc.)
from ..assembly import Assembler
from ._common import doc_flat_text, doc_sentences, doc_text, lang_of

__all__ = ["DealsComponent", "make_deals"]


class DealsComponent:
    """Assembles ``doc._.deals`` (list of :class:`~newsextract.records.Deal`) from the facts that
    ``newsextract_entities`` put on the ``Doc`` (``doc._.facts``), over its sentences."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None) -> None:
        self.name = name
        self.assembler = Assembler(lang_of(nlp), patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts
        if facts is None:
            raise ValueError("newsextract_deals needs doc._.facts: add newsextract_entities before it")
        text, flat = doc_text(doc), doc_flat_text(doc)
        deals, warnings = self.assembler.run(flat, facts, doc._.published, doc_sentences(doc), raw=text)
        if flat is not text:
            for d in deals:
                for e in d.evidence:
                    e.text = text[e.start:e.end]  # evidence quotes the text as written
        doc._.deals = deals
        doc._.warnings = warnings
        return doc


@Language.factory("newsextract_deals", requires=["doc._.facts"], assigns=["doc._.deals", "doc._.warnings"],
                  default_config={"patterns_dir": None})
def make_deals(nlp: Language, name: str, patterns_dir: str | None) -> DealsComponent:
    return DealsComponent(nlp, name, patterns_dir=patterns_dir)
