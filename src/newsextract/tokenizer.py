"""Tokenizer adjustments so money and codes split where the text means them to.

spaCy's English tokenizer keeps ``$1.25bn`` and ``RMB5.8`` as one token; we split the currency and the scale off
(``$`` ``1.25`` ``bn``; ``RMB`` ``5.8``) so spans align with what the money reader finds.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_PREFIXES = [r"US\$", r"HK\$", r"NT\$", r"S\$", r"A\$", r"C\$", r"RMB(?=\d)", r"USD(?=\d)", r"EUR(?=\d)",
             r"CNY(?=\d)", r"JPY(?=\d)", r"GBP(?=\d)", r"CHF(?=\d)", r"KRW(?=\d)", r"~", r"★"]
_SUFFIXES = [r"(?<=\d)(?:bn|mn|mln|bln|m|b|B|M|MM|k|K|tn)", r"(?<=\d[bmkMBK])\+", r"(?<=\d)\+"]
_INFIXES = [r"(?<=[a-z\d])/(?=[A-Z\d])", r"(?<=\])(?=\[)", r"(?<=[A-Za-z])(?=\[\d)"]


def customize_tokenizer(nlp: Language) -> None:
    """Add the money/citation rules to ``nlp.tokenizer`` (English only; Chinese uses characters)."""
    if nlp.lang != "en":
        return
    tok = nlp.tokenizer
    prefixes = list(nlp.Defaults.prefixes or []) + _PREFIXES
    suffixes = list(nlp.Defaults.suffixes or []) + _SUFFIXES
    infixes = list(nlp.Defaults.infixes or []) + _INFIXES
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    tok.infix_finditer = compile_infix_regex(infixes).finditer
