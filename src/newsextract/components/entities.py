"""``newsextract_entities``: money, companies, cues, targets, assets … as facts and ``doc.spans``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._.deals etc.)
from ..facts import Company, Fact
from ..finders import Finders
from ..normalize.names import name_key
from ._common import doc_flat_text, doc_sentences, doc_text, lang_of

__all__ = ["EntitiesComponent", "make_entities"]


class EntitiesComponent:
    """Finds money, companies, payment/deal/status cues, targets, modalities, assets, territories, royalties
    and dates; keeps them for the deals component and writes spans to ``doc.spans['newsextract']``
    (each span's ``id_`` is the rule that found it, its label the kind of fact)."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None,
                 spacy_model: str | None = None, spans_key: str = "newsextract", write_spans: bool = True) -> None:
        self.name = name
        self.finders = Finders(lang_of(nlp), patterns_dir)
        self.spans_key = spans_key
        self.write_spans = write_spans
        self.model: Language | None = None
        if spacy_model:
            import spacy

            self.model = spacy.load(spacy_model, disable=["parser", "lemmatizer"])

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        flat = doc_flat_text(doc)
        facts = self.finders.find(flat, doc_sentences(doc))
        if flat is not text:
            for f in facts:
                f.text = text[f.start:f.end]  # evidence quotes the text as written
        if self.model is not None:
            facts = self._model_orgs(self.model, text, facts)
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

    def _model_orgs(self, model: Language, text: str, facts: list[Fact]) -> list[Fact]:
        taken = [(f.start, f.end) for f in facts if f.label == "org"]
        extra = []
        for ent in model(text).ents:
            if ent.label_ != "ORG":
                continue
            s, e = ent.start_char, ent.end_char
            if any(a < e and s < b for a, b in taken):
                continue
            extra.append(Fact(s, e, "org", "model", Company("x:" + name_key(ent.text)), "org.model", ent.text))
        return sorted(facts + extra, key=lambda f: (f.start, -f.end))


@Language.factory("newsextract_entities", assigns=["doc._.facts", "doc.spans"], default_config={"patterns_dir": None, "spacy_model": None,
                                                          "spans_key": "newsextract", "write_spans": True})
def make_entities(nlp: Language, name: str, patterns_dir: str | None, spacy_model: str | None, spans_key: str,
                  write_spans: bool) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, patterns_dir=patterns_dir, spacy_model=spacy_model, spans_key=spans_key,
                             write_spans=write_spans)
