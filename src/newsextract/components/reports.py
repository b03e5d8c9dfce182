"""``newsextract_reports``: regulatory events and company / market figures into ``doc._.approvals`` / ``doc._.figures``.

Runs after ``newsextract_deals``: it reads the entities' facts (``doc._.facts``), the sentences and the deals (whose
amounts are never figures). The rules run only on sentences that hold an event or a metric word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._.approvals etc.)
from ._common import doc_flat_text, doc_sentences, doc_text, lang_of

if TYPE_CHECKING:
    from ..finders import Finders

__all__ = ["ReportsComponent", "make_reports"]


class ReportsComponent:
    """Assembles ``doc._.approvals`` (:class:`~newsextract.records.Approval`) and ``doc._.figures``
    (:class:`~newsextract.records.Figure`)."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None, approvals: bool = True,
                 figures: bool = True) -> None:
        from ..finders.reports import report_vocab

        self.name = name
        self.lang = lang_of(nlp)
        self.patterns_dir = patterns_dir
        self.vocab = report_vocab(self.lang, patterns_dir)
        self.approvals = approvals
        self.figures = figures
        self._finders: Finders | None = None

    def __call__(self, doc: Doc) -> Doc:
        from ..assembly.approvals import assemble_approvals
        from ..assembly.figures import assemble_figures

        raw = doc_text(doc)
        text = doc_flat_text(doc)  # line breaks inside sentences as spaces; same offsets as the raw text
        facts = doc._.facts
        if facts is None:  # the entities component is not in the pipeline: run the finders here
            if self._finders is None:
                from ..finders import Finders

                self._finders = Finders(self.lang, self.patterns_dir)
            facts = self._finders.find(text)
            doc._.facts = facts
        sentences = doc_sentences(doc)
        if sentences is None:
            from ..layout.segment import get_segmenter

            sentences = get_segmenter(self.lang, self.patterns_dir).split(text)
        approvals = assemble_approvals(text, self.lang, self.vocab, sentences, facts, doc._.deals) if self.approvals else []
        figures = assemble_figures(text, self.lang, self.vocab, sentences, facts, doc._.deals,
                                   raw_text=raw, published=doc._.published) if self.figures else []
        if text is not raw:  # evidence quotes the text as written
            for rec in [*approvals, *figures]:
                for e in rec.evidence:
                    e.text = raw[e.start:e.end]
        doc._.approvals = approvals
        doc._.figures = figures
        return doc


@Language.factory("newsextract_reports", default_config={"patterns_dir": None, "approvals": True, "figures": True},
                  assigns=["doc._.approvals", "doc._.figures"])
def make_reports(nlp: Language, name: str, patterns_dir: str | None, approvals: bool,
                 figures: bool) -> ReportsComponent:
    return ReportsComponent(nlp, name, patterns_dir=patterns_dir, approvals=approvals, figures=figures)
