"""Tokenizer adjustments so money and codes split where the text means them to, in linear time on any text.

spaCy's English tokenizer keeps ``$1.25bn`` and ``RMB5.8`` as one token; we split the currency and the scale off
(``$`` ``1.25`` ``bn``; ``RMB`` ``5.8``) so spans align with what the money reader finds.

spaCy strips a word's prefixes and suffixes one character at a time, and each step searches the whole rest of the
word for a suffix: a "word" of 12,500 ``(`` took 14 s, and the time grows with the square of its length. Two
guards keep it linear, and change nothing on ordinary text:

- the suffix search looks at the last 64 characters of a word only (every suffix rule is shorter, except a run
  of dots, which is then split into pieces of at most 64);
- a run of 32 or more punctuation marks (no letter, digit or space) is not given to spaCy at all: each stretch
  of one repeated mark becomes one token (``((((`` → ``((((``; ``([{`` → ``(`` ``[`` ``{``);
- a "word" longer than 1,000 characters (no real word, URL or code is) goes to spaCy in pieces of 1,000.

Neither guard moves a character: the Doc's text is the input text, so character offsets stay exact.

Chinese is one token per character; spaCy aligns those with the text in quadratic time, :class:`CharTokenizer` in
linear time (same tokens and spaces).

>>> import spacy
>>> nlp = spacy.blank("en"); customize_tokenizer(nlp)
>>> [t.text for t in nlp("Pfizer pays $1.25bn upfront")]
['Pfizer', 'pays', '$', '1.25', 'bn', 'upfront']
>>> doc = nlp("x " + "(" * 40 + "[[ y")
>>> [t.text for t in doc], doc.text == "x " + "(" * 40 + "[[ y"
(['x', '((((((((((((((((((((((((((((((((((((((((', '[[', 'y'], True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

__all__ = ["customize_tokenizer", "create_tokenizer", "GuardedTokenizer", "CharTokenizer", "char_words_and_spaces", "SUFFIX_WINDOW", "PUNCT_RUN", "MAX_WORD"]

_PREFIXES = [r"US\$", r"HK\$", r"NT\$", r"S\$", r"A\$", r"C\$", r"RMB(?=\d)", r"USD(?=\d)", r"EUR(?=\d)",
             r"CNY(?=\d)", r"JPY(?=\d)", r"GBP(?=\d)", r"CHF(?=\d)", r"KRW(?=\d)", r"~", r"★"]
_SUFFIXES = [r"(?<=\d)(?:bn|mn|mln|bln|m|b|B|M|MM|k|K|tn)", r"(?<=\d[bmkMBK])\+", r"(?<=\d)\+"]
_INFIXES = [r"(?<=[a-z\d])/(?=[A-Z\d])", r"(?<=\])(?=\[)", r"(?<=[A-Za-z])(?=\[\d)"]

#: how far from a word's end a suffix may start
SUFFIX_WINDOW = 64
#: punctuation runs at least this long are tokenized by us, not by spaCy
PUNCT_RUN = 32
#: longer runs of non-space characters go to spaCy in pieces of this many characters
MAX_WORD = 1000
_PUNCT_RUN = re.compile(rf"(?<![^\w\s])[^\w\s]{{{PUNCT_RUN},}}")
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD + 1},}}")
_SAME_MARK = re.compile(r"(.)\1*", re.S)


class _TailSearch:
    """``pattern.search`` restricted to the end of the string (what a suffix rule can match).

    ``__self__`` is the compiled pattern, as on a bound ``pattern.search``, so that spaCy can serialise it.
    """

    def __init__(self, pattern: re.Pattern[str], window: int = SUFFIX_WINDOW) -> None:
        self.__self__ = pattern
        self.window = window

    def __call__(self, string: str) -> re.Match[str] | None:
        return self.__self__.search(string, max(0, len(string) - self.window))


class GuardedTokenizer:
    """spaCy's tokenizer, except on long runs of punctuation marks (see the module docstring).

    Everything else (``vocab``, ``to_disk`` …) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        # both guards need a run of PUNCT_RUN or more characters without white space: most texts have none, and
        # str.split finds that faster than the regexes would
        if max(map(len, text.split()), default=0) < PUNCT_RUN or (
                _PUNCT_RUN.search(text) is None and _LONG_WORD.search(text) is None):
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _LONG_WORD.finditer(text):
            self._add(text[pos:m.start()], words, spaces)
            run = m.group(0)
            for i in range(0, len(run), MAX_WORD):
                self._add(run[i:i + MAX_WORD], words, spaces)
            pos = _space_after(text, m.end(), spaces)
        self._add(text[pos:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def _add(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        """Tokens of ``piece``: punctuation runs by us, the rest by spaCy."""
        pos = 0
        for m in _PUNCT_RUN.finditer(piece):
            self._spacy(piece[pos:m.start()], words, spaces)
            for mark in _SAME_MARK.finditer(m.group(0)):
                words.append(mark.group(0))
                spaces.append(False)
            pos = _space_after(piece, m.end(), spaces)
        self._spacy(piece[pos:], words, spaces)

    def _spacy(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        if not piece:
            return
        for tok in self.tokenizer(piece):
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))


def _space_after(text: str, pos: int, spaces: list[bool]) -> int:
    """The space after a run we cut belongs to its last token, as spaCy would have it."""
    if spaces and text.startswith(" ", pos):
        spaces[-1] = True
        return pos + 1
    return pos


def customize_tokenizer(nlp: Language) -> None:
    """Add the money/citation rules and the linear-time guards to ``nlp.tokenizer`` (English); for Chinese, align
    the characters with the text in linear time (:class:`CharTokenizer`)."""
    if nlp.lang == "zh":
        if getattr(nlp.tokenizer, "segmenter", None) == "char":
            nlp.tokenizer = CharTokenizer(nlp.tokenizer)
        return
    if nlp.lang != "en":
        return
    tok = nlp.tokenizer
    nlp.tokenizer = _guarded(nlp, tok.rules, tok.token_match, tok.url_match, tok.faster_heuristics)


class CharTokenizer:
    """spaCy's Chinese character segmentation (``segmenter: char``) in linear time: the same tokens and spaces.

    spaCy aligns the characters with the text by searching a copy of the rest of the text for each one
    (``spacy.util.get_words_and_spaces``): quadratic, 0.7 s for 160 KB. Here the search starts at the offset
    instead. Everything else (``vocab``, ``to_disk`` …) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        words, spaces = char_words_and_spaces(text)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)


def char_words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    r"""``spacy.util.get_words_and_spaces(list(text), text)``, in linear time.

    >>> char_words_and_spaces("恒瑞 医药\n\n2025")
    (['恒', '瑞', '医', '药', '\n\n', '2', '0', '2', '5'], [False, True, False, False, False, False, False, False, False])
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos, n = 0, len(text)
    for i, ch in enumerate(text):
        if i < pos or ch.isspace():
            continue
        if i > pos:  # the white space before this character, as one token
            words.append(text[pos:i])
            spaces.append(False)
        words.append(ch)
        spaces.append(False)
        pos = i + 1
        if pos < n and text[pos] == " ":
            spaces[-1] = True
            pos += 1
    if pos < n:
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


@registry.tokenizers("newsextract.GuardedTokenizer.v1")
def create_tokenizer() -> Callable[[Language], GuardedTokenizer]:
    """spaCy's default tokenizer with the rules and guards of :func:`customize_tokenizer`, for
    ``spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "newsextract.GuardedTokenizer.v1"}}})``:
    the tokenizer is built once (``customize_tokenizer`` replaces the one ``spacy.blank`` built, ~0.1 s)."""

    def factory(nlp: Language) -> GuardedTokenizer:
        d = nlp.Defaults
        return _guarded(nlp, d.tokenizer_exceptions, d.token_match, d.url_match, True)

    return factory


def _guarded(nlp: Language, rules: Any, token_match: Any, url_match: Any, faster_heuristics: bool) -> GuardedTokenizer:
    prefixes = list(nlp.Defaults.prefixes or []) + _PREFIXES
    suffixes = list(nlp.Defaults.suffixes or []) + _SUFFIXES
    infixes = list(nlp.Defaults.infixes or []) + _INFIXES
    # one tokenizer with every rule: assigning them one by one reloads every special case each time (~0.1 s)
    return GuardedTokenizer(Tokenizer(
        nlp.vocab, rules=rules, prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=_TailSearch(compile_suffix_regex(suffixes)), infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=token_match, url_match=url_match, faster_heuristics=faster_heuristics))
