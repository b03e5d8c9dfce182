"""The only code that reads ``patterns/``: loads, validates and compiles the rule files.

Rule files are YAML, one per kind and language (``patterns/<lang>/<kind>.yml``), read with
``importlib.resources`` so an installed wheel works as well as a source checkout. Every regex rule has an
``id`` (carried to spans and evidence) and may carry ``examples`` it must match and ``negatives`` it must not
(checked by ``tests/test_patterns.py``). Broken files fail loudly at load time with :class:`PatternError`.

Regex rules may use macros: ``{name}`` expands to the alternation of ``lexicon: name: [...]`` in the same file
(or of the shared ``patterns/<lang>/lexicon.yml``). ``{P}`` is a masked party, ``{M}`` masked money (see
``assemble.py``). Write literal braces as ``{{`` / ``}}``.
"""

from __future__ import annotations

import functools
import pickle
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .buildcache import BUILD_CACHE, file_key
from .errors import E, PatternError
from .heads import analyze_rule, finditer_at
from .pattern_schemas import FILE_SCHEMAS, PatternFile, RuleSpec
from .triggers import also_sets, finditer_lines, finditer_near, guarded, line_literals

__all__ = ["Rule", "RuleSpec", "PatternFile", "load_file", "load_rules", "load_kind", "patterns_root", "expand_macros",
           "MASK_MACROS", "rule_sections", "RegexTable", "regex_table", "save_build_cache", "BUILD_CACHE"]

#: macros every rule file may use: masked parties / money / asset placeholders in the clause text
MASK_MACROS = {
    "P": r"«P\d+»",
    "M": r"«M\d+»",
    "U": r"«U\d*»",
    # a gap may hold amounts, conversions and companies that are objects of a preposition (never a subject)
    "GAP": r"(?:[^«»;\n]|«[MCQ]\d*»){0,60}?",
    "SGAP": r"(?:[^«»;\n]|«[MCQ]\d*»){0,25}?",
}


def rule_sections(data: dict[str, Any]) -> list[str]:
    """The sections of a pattern file that hold rules: lists of mappings that each have a pattern."""
    return [k for k, v in data.items()
            if isinstance(v, list) and v and all(isinstance(x, dict) and "pattern" in x for x in v)]


@dataclass
class Rule:
    """One regex rule with its id, label and pattern (compiled on first use: ``regex``, ``fast``)."""

    id: str
    label: str
    pattern: str
    flags: int
    examples: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)
    priority: int = 0
    attrs: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    #: the same rule lower-cased, without IGNORECASE (``fast``: run it on text.lower()); None: no such form
    fast_pattern: str | None = None
    #: lower-cased literals one of which every match contains (None: no such set); see :mod:`newsextract.triggers`
    triggers: frozenset[str] | None = None
    #: with triggers: how far from one of them a match can read (None: unbounded); see :func:`newsextract.triggers.reach`
    reach: int | None = None
    #: a case-sensitive rule without reach whose matches stay on one line: its literals as written and how far past
    #: a line a match reads (:func:`newsextract.triggers.line_literals`): it runs only on the lines that hold one
    lines: tuple[re.Pattern[str], int] | None = None
    #: a rule without reach whose every match starts with one of these (lower-cased) literals
    #: (:func:`newsextract.heads.analyze_rule`): it is tried only where one of them is
    heads: frozenset[str] | None = None
    #: with triggers: other sets of lower-cased literals one of each of which every match contains
    #: (:func:`newsextract.triggers.also_sets`): a text without one of them needs no run of the rule
    also: tuple[frozenset[str], ...] = ()
    #: the fast form (else the regex) behind a lookahead for the characters a match can start with
    #: (:func:`newsextract.triggers.guarded`), what ``finditer`` and ``scan`` run: the same matches; None: as it is
    guarded: str | None = None
    _regex: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _fast: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _scanner: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern, self.flags)
        return self._regex

    @property
    def fast(self) -> re.Pattern[str] | None:
        if self._fast is None and self.fast_pattern is not None:
            self._fast = re.compile(self.fast_pattern)
        return self._fast

    def _scan_rx(self, fast: bool) -> re.Pattern[str] | None:
        """What ``finditer`` runs for the fast form (``fast``) or the regex: :attr:`guarded` compiled, when it
        stands for that form (else None: the form itself)."""
        if self.guarded is None or fast != (self.fast_pattern is not None):
            return None
        if self._scanner is None:
            self._scanner = re.compile(self.guarded, 0 if fast else self.flags)
        return self._scanner

    @property
    def index_literals(self) -> frozenset[str] | None:
        """The literals whose sorted offsets :meth:`scan` takes as ``starts``: the heads, else the triggers."""
        return self.heads if self.heads is not None else self.triggers

    @property
    def index_also(self) -> tuple[frozenset[str], ...]:
        """The literal sets beside :attr:`index_literals` one string of each of which every match holds (for the
        ``also`` of a :class:`~newsextract.triggers.TriggerIndex`): :attr:`also`, and the triggers of a rule
        indexed by its heads."""
        if self.heads is not None and self.triggers and self.triggers != self.heads:
            return (self.triggers, *self.also)
        return self.also

    def finditer(self, text: str, lowered: str | None = None, pos: int = 0, endpos: int | None = None) -> Any:
        """Matches in ``text[pos:endpos]``; pass ``lowered = text.lower()`` (same length) to use the fast form."""
        end = len(text) if endpos is None else endpos
        # (the guarded form, when there is one, is all that is compiled: ``fast``/``regex`` only when asked for)
        if self.fast_pattern is not None and lowered is not None and len(lowered) == len(text):
            return (self._scan_rx(True) or self.fast).finditer(lowered, pos, end)
        return (self._scan_rx(False) or self.regex).finditer(text, pos, end)

    def scan(self, text: str, lowered: str | None, starts: Sequence[int] | None, pos: int = 0,
             endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``finditer`` over ``text[pos:endpos]``, or, given ``starts`` (the sorted offsets of this rule's
        ``index_literals``, from a :class:`~newsextract.triggers.TriggerIndex`), only around those: the same
        matches, fewer positions tried (:func:`~newsextract.triggers.finditer_near`; with heads only at them,
        :func:`~newsextract.heads.finditer_at`). No starts, no matches."""
        fast = self.fast_pattern is not None and lowered is not None and len(lowered) == len(text)
        on = lowered if fast else text
        if not fast and starts is not None and self.heads is None and self.reach is None and self.lines is not None:
            return finditer_lines(self._scan_rx(False) or self.regex, text, *self.lines, pos, endpos) \
                if starts else iter(())
        if starts is not None and self.heads is not None:  # tried at its heads only: the form ``finditer`` runs (the
            # guarded one finds the same matches at a start), so that one rule compiles one form
            return finditer_at(self._scan_rx(fast) or (self.fast if fast else self.regex), on, starts, pos, endpos)
        return finditer_near(self._scan_rx(fast) or (self.fast if fast else self.regex), on,
                             starts, self.reach, pos, endpos)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text)


def lower_pattern(src: str) -> str:
    r"""A regex source lower-cased outside escapes (``\S``, ``\W``, ``\B``, ``\D`` keep their meaning).

    Case-insensitive matching in Python's ``re`` is several times slower than matching a lower-cased pattern
    against lower-cased text, and our rules run on every article.

    >>> print(lower_pattern(r"\bIPO\S+[A-Z](?P<Name>x)"))
    \bipo\S+[a-z](?P<Name>x)
    """
    out, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch == "\\" and i + 1 < len(src):
            out.append(src[i:i + 2])
            i += 2
            continue
        if src.startswith("(?P<", i):
            j = src.index(">", i)
            out.append(src[i:j + 1])
            i = j + 1
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


def patterns_root(patterns_dir: str | None = None) -> Any:
    """The folder of rule files: ``patterns_dir`` when given, else the packaged ``newsextract/patterns``."""
    if patterns_dir:
        return Path(patterns_dir)
    return resources.files("newsextract") / "patterns"


@functools.lru_cache(maxsize=128)
def _read_yaml(root: str, lang: str, name: str) -> dict[str, Any]:
    base = patterns_root(root or None)
    path = base / lang / f"{name}.yml"
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (FileNotFoundError, OSError, UnicodeDecodeError) as exc:
        raise PatternError(E.E010.format(path=f"{lang}/{name}.yml", reason=f"cannot read: {exc}")) from exc
    key = ("yaml", lang, name, file_key(raw))
    cached = BUILD_CACHE.get(key)
    if cached is not None:
        return pickle.loads(cached)  # type: ignore[no-any-return]
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise PatternError(E.E010.format(path=f"{lang}/{name}.yml", reason=f"invalid YAML: {exc}")) from exc
    if not isinstance(data, dict):
        raise PatternError(E.E010.format(path=f"{lang}/{name}.yml", reason="top level must be a mapping"))
    try:
        FILE_SCHEMAS.get(str(data.get("kind")), PatternFile).model_validate(data)
    except ValidationError as exc:
        raise PatternError(E.E010.format(path=f"{lang}/{name}.yml", reason=_first_error(exc))) from exc
    BUILD_CACHE.put(key, pickle.dumps(data))  # as read: what callers may do to it later is not kept
    return data


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}"


def load_file(lang: str, name: str, patterns_dir: str | None = None) -> dict[str, Any]:
    """The parsed YAML of ``patterns/<lang>/<name>.yml``."""
    return _read_yaml(patterns_dir or "", lang, name)


def has_file(lang: str, name: str, patterns_dir: str | None = None) -> bool:
    base = patterns_root(patterns_dir)
    return (base / lang / f"{name}.yml").is_file()


def _alternation(items: list[str]) -> str:
    # longest first so that "upfront payment" wins over "upfront"
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


def expand_macros(pattern: str, lexicon: dict[str, list[str]], where: str) -> str:
    """Replace ``{name}`` by the lexicon alternation (or a mask macro); ``{{``/``}}`` are literal braces.

    >>> expand_macros("{PAY} to {P}", {"PAY": ["pay", "pays"]}, "x")
    '(?:pays|pay) to «P\\\\d+»'
    """

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in MASK_MACROS:
            return MASK_MACROS[name]
        if name in lexicon:
            return _alternation(lexicon[name])
        if re.fullmatch(r"\d+(,\d*)?", name):  # a regex quantifier such as {0,3}
            return m.group(0)
        raise PatternError(E.E010.format(path=where, reason=f"unknown macro {{{name}}}"))

    out = re.sub(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*|\d+(?:,\d*)?)\}(?!\})", sub, pattern)
    return out.replace("{{", "{").replace("}}", "}")


def _lexicon(lang: str, data: dict[str, Any], patterns_dir: str | None, where: str) -> dict[str, list[str]]:
    lex: dict[str, list[str]] = {}
    if has_file(lang, "lexicon", patterns_dir):
        shared = load_file(lang, "lexicon", patterns_dir).get("lexicon", {})
        lex.update(shared)
    lex.update(data.get("lexicon", {}) or {})
    for k, v in lex.items():
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
            raise PatternError(E.E010.format(path=where, reason=f"lexicon {k!r} must be a list of strings"))
    # lexicon entries may use other lexicon macros (one level deep is enough for our files)
    return {k: [expand_macros(s, {kk: vv for kk, vv in lex.items() if kk != k}, where) for s in v]
            for k, v in lex.items()}


def compile_rule(raw: dict[str, Any], lexicon: dict[str, list[str]], where: str, default_label: str = "") -> Rule:
    if not isinstance(raw, dict):
        raise PatternError(E.E010.format(path=where, reason=f"rule must be a mapping, got {raw!r}"))
    if "id" not in raw or "pattern" not in raw:
        raise PatternError(E.E010.format(path=where, reason=f"rule needs 'id' and 'pattern': {raw!r}"))
    try:
        RuleSpec.model_validate(raw)
    except ValidationError as exc:
        unknown = sorted(str(e["loc"][0]) for e in exc.errors() if e["type"] == "extra_forbidden")
        reason = f"rule {raw.get('id')!r} has unknown keys {unknown}" if unknown else \
            f"rule {raw.get('id')!r}: {_first_error(exc)}"
        raise PatternError(E.E010.format(path=where, reason=reason)) from exc
    flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
    src = expand_macros(str(raw["pattern"]), lexicon, where)
    built = BUILD_CACHE.get(("rule", src, flags))
    rx = fast = None
    if built is None:  # compiled now: a broken pattern fails at load time
        rx, fast = _compile(src, flags, str(raw["id"]), where)
        built = _analyze(rx, fast)
        BUILD_CACHE.put(("rule", src, flags), built)
    fast_src, triggers, reach, heads, lines, also, guard = built
    attrs = {k: v for k, v in raw.items() if k not in {"id", "label", "pattern", "examples", "negatives", "priority"}}
    return Rule(
        id=str(raw["id"]), label=str(raw.get("label", default_label)), pattern=src, flags=flags, fast_pattern=fast_src,
        triggers=triggers, reach=reach, heads=heads, lines=(re.compile(lines[0], lines[1]), lines[2]) if lines else None,
        also=also, guarded=guard,
        examples=list(raw.get("examples", []) or []), negatives=list(raw.get("negatives", []) or []),
        priority=int(raw.get("priority", 0)), attrs=attrs, source=where, _regex=rx, _fast=fast)


def _compile(src: str, flags: int, rule_id: str, where: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """A rule's regex and, for a case-insensitive one, its lower-cased form (None when that does not compile)."""
    try:
        rx = re.compile(src, flags)
    except re.error as exc:
        raise PatternError(E.E010.format(path=where, reason=f"rule {rule_id!r}: bad regex: {exc}")) from exc
    fast = None
    if flags & re.IGNORECASE and "(?-i" not in src:  # (a case-sensitive part would match lower case in the fast form)
        try:
            fast = re.compile(lower_pattern(src))
        except re.error:
            fast = None
    return rx, fast


def _analyze(rx: re.Pattern[str], fast: re.Pattern[str] | None) -> tuple[Any, ...]:
    """What the build cache keeps of a rule: its fast form's source, trigger literals, reach, heads and line
    literals (as source, flags and tail), and its other required literal sets."""
    used = fast or rx
    triggers, reach, heads = analyze_rule(used.pattern, used.flags)
    lines = line_literals(rx.pattern, rx.flags) if fast is None and triggers and reach is None else None
    # (a case-insensitive regex run on the text itself may match characters whose lower-case form is no letter of
    # a literal: no other sets for it)
    also = also_sets(used.pattern, used.flags, triggers) if not used.flags & re.IGNORECASE else ()
    return (fast.pattern if fast is not None else None, triggers, reach, heads,
            (lines[0].pattern, lines[0].flags, lines[1]) if lines else None, also, guarded(used.pattern, used.flags))


def save_build_cache() -> bool:
    """Keep what loading the rule files computed for the next process (see :mod:`newsextract.buildcache`)."""
    return BUILD_CACHE.save()


@functools.lru_cache(maxsize=128)
def _load_rules(lang: str, name: str, patterns_dir: str, section: str) -> tuple[Rule, ...]:
    data = load_file(lang, name, patterns_dir or None)
    where = f"{lang}/{name}.yml"
    lex = _lexicon(lang, data, patterns_dir or None, where)
    raws = data.get(section, []) or []
    rules = tuple(compile_rule(r, lex, where, default_label=str(data.get("kind", name))) for r in raws)
    ids = [r.id for r in rules]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise PatternError(E.E010.format(path=where, reason=f"duplicate rule ids {sorted(dup)}"))
    return rules


def load_rules(lang: str, name: str, patterns_dir: str | None = None, section: str = "rules") -> tuple[Rule, ...]:
    """Compiled rules of one file section, in file order."""
    return _load_rules(lang, name, patterns_dir or "", section)


def load_kind(lang: str, name: str, patterns_dir: str | None = None) -> dict[str, Any]:
    """Raw data of a vocabulary file (money, companies, targets …)."""
    return load_file(lang, name, patterns_dir)


def lexicon(lang: str, name: str, patterns_dir: str | None = None) -> dict[str, list[str]]:
    data = load_file(lang, name, patterns_dir)
    return _lexicon(lang, data, patterns_dir, f"{lang}/{name}.yml")


class RegexTable(Mapping[str, "re.Pattern[str]"]):
    """The compiled rules of one section by id, for code that uses each rule on its own (one phrasing or word class
    each) rather than trying a list of rules in order. A missing id fails loudly with :class:`PatternError`."""

    def __init__(self, rules: tuple[Rule, ...], where: str) -> None:
        self.rules = {r.id: r for r in rules}
        self.where = where

    def __getitem__(self, rule_id: str) -> re.Pattern[str]:
        try:
            return self.rules[rule_id].regex  # (compiled on first use)
        except KeyError:
            raise PatternError(E.E010.format(path=self.where, reason=f"no rule {rule_id!r}")) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def source(self, rule_id: str) -> str:
        """The regex source of a rule (macros expanded), for code that builds a larger expression from it."""
        return self[rule_id].pattern


def regex_table(lang: str, name: str, patterns_dir: str | None = None, section: str = "regexes") -> RegexTable:
    """The rules of ``patterns/<lang>/<name>.yml`` section ``section`` by id (see :class:`RegexTable`)."""
    return RegexTable(load_rules(lang, name, patterns_dir, section), f"{lang}/{name}.yml ({section})")
