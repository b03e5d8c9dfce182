"""newsextract: pharma/biotech business-development deals from news text.

>>> from newsextract import extract
>>> rec = extract("3SBio receives a $1.25 billion upfront payment from Pfizer for its PD-1/VEGF bispecific.")
>>> d = rec.deals[0]
>>> d.licensor.name, d.licensee.name, int(d.upfront.amount), d.targets, d.modality
('3SBio', 'Pfizer', 1250000000, ['PD-1', 'VEGF'], 'bispecific antibody')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import Extractor, detect_lang, extract
    from .config import Config
    from .errors import ConfigError, DocTimeoutError, InputError, NewsExtractError, PatternError
    from .records import Deal, Evidence, Extraction, Money, Party, Royalty

__all__ = [
    "extract",
    "Extractor",
    "Config",
    "detect_lang",
    "Extraction",
    "Deal",
    "Party",
    "Money",
    "Royalty",
    "Evidence",
    "NewsExtractError",
    "InputError",
    "ConfigError",
    "DocTimeoutError",
    "PatternError",
]
__version__ = "0.1.0"

#: where each name of the API lives: imported on first use, so that ``import newsextract.cli`` (or any submodule)
#: does not import the whole library before it needs it
_LAZY = {
    **dict.fromkeys(("Extractor", "detect_lang", "extract"), ".api"),
    "Config": ".config",
    **dict.fromkeys(("ConfigError", "DocTimeoutError", "InputError", "NewsExtractError", "PatternError"), ".errors"),
    **dict.fromkeys(("Deal", "Evidence", "Extraction", "Money", "Party", "Royalty"), ".records"),
}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(where, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
