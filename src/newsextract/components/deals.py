"""``newsextract_deals``: assembly of the facts into ``doc._.deals``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._.deals etc.)
from ..config import MAX_SENTENCE_CHARS
from ._common import doc_text, lang_of

__all__ = ["DealsComponent", "make_deals"]


class DealsComponent:
    """Assembles ``doc._.deals`` (list of :class:`~newsextract.records.Deal`) from the entities' facts."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None,
                 max_sentence_chars: int = MAX_SENTENCE_CHARS) -> None:
        from ..assembly import Assembler
        from ..finders import Finders
        from ..layout.segment import get_segmenter

        self.name = name
        lang = lang_of(nlp)
        self.lang = lang
        self.patterns_dir = patterns_dir
        self._finders: Finders | None = None
        self.assembler = Assembler(lang, None, get_segmenter(lang, patterns_dir, max_sentence_chars),
                                   patterns_dir)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts
        if facts is None:  # entities component not in the pipeline: run the finders here
            if self._finders is None:
                from ..finders import Finders

                self._finders = Finders(self.lang, self.patterns_dir)
            facts = self._finders.find(doc_text(doc))
        if self.assembler.finders is None:
            from ..finders import Finders

            self.assembler.finders = self._finders or Finders(self.lang, self.patterns_dir)
        deals, warnings = self.assembler.run(doc_text(doc), facts, doc._.published)
        doc._.deals = deals
        doc._.warnings = warnings
        return doc


@Language.factory("newsextract_deals", default_config={"patterns_dir": None,
                                                       "max_sentence_chars": MAX_SENTENCE_CHARS})
def make_deals(nlp: Language, name: str, patterns_dir: str | None, max_sentence_chars: int) -> DealsComponent:
    return DealsComponent(nlp, name, patterns_dir=patterns_dir, max_sentence_chars=max_sentence_chars)
