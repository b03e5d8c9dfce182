"""Builds the spaCy Language: blank en/zh + newsextract components, in a documented order.

Order: ``newsextract_segmenter`` (sentences, from rules) → ``newsextract_entities`` (money, companies, cues,
targets, assets … into ``doc.spans``) → ``newsextract_deals`` (assembly into ``doc._.deals``) →
``newsextract_reports`` (regulatory events and figures into ``doc._.approvals`` / ``doc._.figures``) →
``newsextract_indications`` (the diseases of those deals and events).
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .config import Config
from .patterns import save_build_cache

__all__ = ["build_pipeline"]


def build_pipeline(lang: str = "en", config: Config | None = None) -> Language:
    """A blank ``lang`` pipeline with the newsextract components."""
    config = config or Config()
    if lang == "en":  # spaCy's tokenizer with our money rules and linear-time guards, built once
        from . import tokenizer  # noqa: F401  (registers newsextract.GuardedTokenizer.v1)

        nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "newsextract.GuardedTokenizer.v1"}}})
    else:  # Chinese: one token per character, aligned with the text in linear time
        from .tokenizer import customize_tokenizer

        nlp = spacy.blank(lang)
        customize_tokenizer(nlp)
    # our own limit (Config.max_chars) replaces spaCy's 1,000,000 (which guards parser memory we do not use)
    nlp.max_length = max(nlp.max_length, config.max_chars + 1)
    opts = {"patterns_dir": config.patterns_dir}
    seg = {"max_sentence_chars": config.max_sentence_chars}
    nlp.add_pipe("newsextract_segmenter", config={**opts, **seg})
    # the Extractor reads facts, not spans: spaCy users who add the component themselves get doc.spans
    nlp.add_pipe("newsextract_entities", config={**opts, "spacy_model": config.spacy_model,
                                                 "write_spans": bool(config.extra.get("write_spans", False))})
    nlp.add_pipe("newsextract_deals", config=opts)
    nlp.add_pipe("newsextract_reports", config=opts)
    nlp.add_pipe("newsextract_indications", config=opts)
    save_build_cache()  # what the rule files compiled to, for the next process (never required)
    return nlp
