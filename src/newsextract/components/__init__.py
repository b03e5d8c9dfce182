"""spaCy components of newsextract, registered as ``newsextract_*`` factories.

A spaCy user can add them to any English pipeline::

    nlp = spacy.blank("en")            # or spacy.load("en_core_web_sm")
    nlp.add_pipe("newsextract_segmenter")   # optional when the pipeline already sets sentences
    nlp.add_pipe("newsextract_entities")
    nlp.add_pipe("newsextract_deals")
    nlp.add_pipe("newsextract_reports")     # approvals and figures
    nlp.add_pipe("newsextract_indications") # the diseases of deals and approvals
    doc = nlp(text); doc._.deals, doc._.approvals, doc._.figures
"""

from __future__ import annotations

from .deals import DealsComponent, make_deals
from .entities import EntitiesComponent, make_entities
from .indications import IndicationsComponent, make_indications
from .reports import ReportsComponent, make_reports
from .segmenter import SegmenterComponent, make_segmenter

__all__ = ["SegmenterComponent", "EntitiesComponent", "DealsComponent", "ReportsComponent", "IndicationsComponent",
           "make_segmenter", "make_entities", "make_deals", "make_reports", "make_indications"]
