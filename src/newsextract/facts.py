"""The shared fact types: what a finder found where (:class:`Fact`) and who a company mention is (:class:`Company`).

Finders produce them, assembly consumes them; both import this module and nothing imports back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Fact", "Company"]


@dataclass
class Company:
    """A company mention's identity: the gazetteer entry, or the name's key when it is not in the gazetteer."""

    key: str
    canonical: str | None = None
    country: str | None = None
    kind: str | None = None


@dataclass
class Fact:
    start: int
    end: int
    label: str  # money | org | ref | unnamed | pay | deal | status | backref | aggregate | target | modality | asset | territory | royalty | date
    kind: str = ""
    value: Any = None
    rule: str = ""
    text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
