"""spaCy components of newsextract, registered as ``newsextract_*`` factories.

A spaCy user can add them to any English pipeline::

    nlp = spacy.blank("en")            # or spacy.load("en_core_web_sm")
    nlp.add_pipe("newsextract_segmenter")   # optional when the pipeline already sets sentences
    nlp.add_pipe("newsextract_entities")
    nlp.add_pipe("newsextract_deals")
    doc = nlp(text); doc._.deals
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._.deals etc.)

__all__ = ["SegmenterComponent", "EntitiesComponent", "DealsComponent", "make_segmenter", "make_entities",
           "make_deals"]


def _lang(nlp: Language) -> str:
    return "zh" if nlp.lang == "zh" else "en"


class SegmenterComponent:
    """Sets sentence starts from ``patterns/<lang>/segments.yml`` (bullets, citations, headings, 。)."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None) -> None:
        from ..segment import get_segmenter

        self.name = name
        self.seg = get_segmenter(_lang(nlp), patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        ranges = self.seg.split(doc.text)
        doc.user_data["newsextract_sentences"] = ranges
        # sentences are served on demand through spaCy's user hook: writing every token's is_sent_start would
        # cost more than the rest of the pipeline on long articles
        doc.user_hooks["sents"] = _sentences
        return doc


def _sentences(doc: Doc) -> Any:
    for a, b in doc.user_data.get("newsextract_sentences", []):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            yield span


class EntitiesComponent:
    """Finds money, companies, payment/deal/status cues, targets, modalities, assets, territories, royalties
    and dates; keeps them for the deals component and writes spans to ``doc.spans['newsextract']``
    (each span's ``id_`` is the rule that found it, its label the kind of fact)."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None,
                 spacy_model: str | None = None, spans_key: str = "newsextract", write_spans: bool = True) -> None:
        from ..finders import Finders

        self.name = name
        self.finders = Finders(_lang(nlp), patterns_dir)
        self.spans_key = spans_key
        self.write_spans = write_spans
        self.model = None
        if spacy_model:
            import spacy

            self.model = spacy.load(spacy_model, disable=["parser", "lemmatizer"])

    def __call__(self, doc: Doc) -> Doc:
        facts = self.finders.find(doc.text)
        if self.model is not None:
            facts = self._model_orgs(doc.text, facts)
        doc._.facts = facts
        if self.write_spans:
            spans = []
            for f in facts:
                sp = doc.char_span(f.start, f.end, label=f.label, alignment_mode="expand")
                if sp is not None:
                    sp.id_ = f.rule
                    spans.append(sp)
            doc.spans[self.spans_key] = spans
        return doc

    def _model_orgs(self, text: str, facts: list[Any]) -> list[Any]:
        from ..finders import Company, Fact
        from ..normalize.names import name_key

        taken = [(f.start, f.end) for f in facts if f.label == "org"]
        extra = []
        for ent in self.model(text).ents:  # type: ignore[misc]
            if ent.label_ != "ORG":
                continue
            s, e = ent.start_char, ent.end_char
            if any(a < e and s < b for a, b in taken):
                continue
            extra.append(Fact(s, e, "org", "model", Company("x:" + name_key(ent.text)), "org.model", ent.text))
        return sorted(facts + extra, key=lambda f: (f.start, -f.end))


class DealsComponent:
    """Assembles ``doc._.deals`` (list of :class:`~newsextract.records.Deal`) from the entities' facts."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None) -> None:
        from ..assemble import Assembler
        from ..finders import Finders
        from ..segment import get_segmenter

        self.name = name
        lang = _lang(nlp)
        self.lang = lang
        self.patterns_dir = patterns_dir
        self._finders: Finders | None = None
        self.assembler = Assembler(lang, None, get_segmenter(lang, patterns_dir), patterns_dir)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts
        if facts is None:  # entities component not in the pipeline: run the finders here
            if self._finders is None:
                from ..finders import Finders

                self._finders = Finders(self.lang, self.patterns_dir)
            facts = self._finders.find(doc.text)
        if self.assembler.finders is None:
            from ..finders import Finders

            self.assembler.finders = self._finders or Finders(self.lang, self.patterns_dir)
        deals, warnings = self.assembler.run(doc.text, facts, doc._.published)
        doc._.deals = deals
        doc._.warnings = warnings
        return doc


@Language.factory("newsextract_segmenter", default_config={"patterns_dir": None})
def make_segmenter(nlp: Language, name: str, patterns_dir: str | None) -> SegmenterComponent:
    return SegmenterComponent(nlp, name, patterns_dir=patterns_dir)


@Language.factory("newsextract_entities", default_config={"patterns_dir": None, "spacy_model": None,
                                                          "spans_key": "newsextract", "write_spans": True})
def make_entities(nlp: Language, name: str, patterns_dir: str | None, spacy_model: str | None, spans_key: str,
                  write_spans: bool) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, patterns_dir=patterns_dir, spacy_model=spacy_model, spans_key=spans_key,
                             write_spans=write_spans)


@Language.factory("newsextract_deals", default_config={"patterns_dir": None})
def make_deals(nlp: Language, name: str, patterns_dir: str | None) -> DealsComponent:
    return DealsComponent(nlp, name, patterns_dir=patterns_dir)
