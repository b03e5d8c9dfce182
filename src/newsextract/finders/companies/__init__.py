"""Company mentions: the gazetteer, name shapes, names in context, unnamed partners, self-references,
descriptors and names a filing defines (以下简称…).

``finder`` runs the steps in order; ``unknown`` trims and filters names the gazetteer does not know and resolves
overlapping candidates; ``forms`` finds the later mentions of a named company; ``zh`` holds what Chinese names
need besides their regexes (no word edges).
"""

from __future__ import annotations

from .finder import CompanyFinder

__all__ = ["CompanyFinder"]
