"""newsextract: pharma/biotech business-development deals from news text.

>>> from newsextract import extract
>>> rec = extract("3SBio receives a $1.25 billion upfront payment from Pfizer for its PD-1/VEGF bispecific.")
>>> d = rec.deals[0]
>>> d.licensor.name, d.licensee.name, int(d.upfront.amount), d.targets, d.modality
('3SBio', 'Pfizer', 1250000000, ['PD-1', 'VEGF'], 'bispecific antibody')
"""

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
