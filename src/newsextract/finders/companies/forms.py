"""Later mentions of a company the article names: its names written again elsewhere (with and without the
designator and legal form), and the short names a filing defines for it (以下简称…)."""

from __future__ import annotations

import bisect
import re

import ahocorasick

from ..._spans import DisjointSpans, SpanIndex
from ...facts import Company, Fact
from ...normalize.names import display_name
from .unknown import NameCleaner
from .zh import ZhNames

__all__ = ["propagate", "defined_short_names"]

_MAX_SHORT_NAMES = 64


def _word_char(text: str, i: int, extra: str) -> bool:
    """True when ``text[i]`` continues a word (a letter, digit, underscore or one of ``extra``)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_" or text[i] in extra)


def propagate(text: str, orgs: list[Fact], money_spans: list[tuple[int, int]], names: NameCleaner) -> list[Fact]:
    """Every other place the article writes a company it names somewhere: its names as found, and each
    without its designator and legal form. ("Pellmont Pharma signed …", later "Northcove's fund will pay
    Pellmont" — the rules that find unknown names fire on the first, not the second.) A context rule's unknown name
    that is such a short form takes the full name's company (set on its fact)."""
    forms: dict[str, Company] = {}
    shorts: dict[str, Company] = {}  # the forms that are another form's short form
    lower_words: set[str] | None = None
    for f in orgs:
        name = display_name(f.text).rstrip(".")
        short = names.name_tail.sub("", name).strip() if names.name_tail is not None else name
        variants = [name, short]
        first, _, rest = name.partition(" ")
        if first in names.name_places and rest:  # "Shenzhen Meiqi Biotech" is "Meiqi Biotech", "Meiqi" too
            variants += [rest, short.partition(" ")[2]]
        for form in variants:
            words = form.split()
            if len(form) < 3 or not words or all(w.strip(",.") in names.name_stop for w in words):
                continue
            if len(words) == 1 and form != name:
                if lower_words is None:
                    lower_words = set(re.findall(r"(?<![A-Za-z])[a-z][a-z-]+", text))
                if form.lower() in lower_words or form in names.name_stop:
                    continue  # a common word ("Vision", "Point") is no name on its own
            forms.setdefault(form, f.value)
            if form != name:
                shorts.setdefault(form, f.value)
    # an unknown name a context rule found that is the short form of a company named in full ("Merck's acquisition
    # of Verona" beside "Verona Pharma") is that company
    for f in orgs:
        if f.kind == "context" and isinstance(f.value, Company) and f.value.key.startswith("x:"):
            other = shorts.get(display_name(f.text).rstrip("."))
            if other is not None and other.key != f.value.key:
                f.value = other
    if not forms:
        return []
    taken = SpanIndex([(f.start, f.end) for f in orgs] + list(money_spans))
    claimed = DisjointSpans()  # what this pass adds never overlaps itself
    # every occurrence of every form in one pass over the text (a scan per form was quadratic in the names)
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    hits: list[tuple[int, int, str]] = []
    for end, form in automaton.iter(text):
        i, j = end + 1 - len(form), end + 1
        if not _word_char(text, i - 1, "&-") and not _word_char(text, j, "-"):
            hits.append((i, j, form))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))  # longest first, as an alternation would match
    added: list[Fact] = []
    for s, e, form in hits:
        if taken.overlaps(s, e) or claimed.overlaps(s, e):
            continue
        if s > 0 and text[s - 1] in "\"“「" and text[e:e + 1] in ("\"", "”", "」"):
            continue  # '("Brightwater")': the short name being defined, not another mention
        claimed.add(s, e)
        added.append(Fact(s, e, "org", "propagated", forms[form], "org.propagated", form))
    return added


_BRACKET_ACRONYM = re.compile(r"\(\s*([A-Z]{2,8})\s*\)")
_CAPITALISED = re.compile(r"[A-Z][\w&'’.-]*")


def _acronym(define: str, name: str) -> list[str]:
    """The acronym in brackets after a name, when it is the name's initials ("Melbourne Institute of Cellular
    Medicine (MICM)") or letters of its first word in order ("Halvora Therapeutics (HLV)"); nothing else in bare
    brackets is a name ("(NYSE)", "(FDA)")."""
    m = _BRACKET_ACRONYM.fullmatch(define)
    if m is None:
        return []
    initials = "".join(w[0] for w in _CAPITALISED.findall(name))
    short = m.group(1)
    if short == initials:
        return [short]
    # … or letters of the name's first word, in order, from its first ("Halvora Therapeutics (HLV)")
    first = next(iter(_CAPITALISED.findall(name)), "").upper()
    if len(short) >= 3 and first[:1] == short[0] and _in_order(short[1:], first[1:]):
        return [short]
    return []


def _in_order(letters: str, word: str) -> bool:
    """Every letter of ``letters`` occurs in ``word`` after the one before it."""
    it = iter(word)
    return all(c in it for c in letters)


def defined_short_names(text: str, orgs: list[Fact], facts: list[Fact], self_rx: re.Pattern[str] | None,
                        zh: ZhNames | None) -> list[Fact]:
    """Names a filing defines right after a company (defines rules labelled ``short``):
    ``科伦博泰…公司（以下简称“科伦博泰”或“许可人”）`` makes every later 科伦博泰 and 许可人 that company."""
    shorts: list[tuple[str, Company]] = []
    by_end = sorted((o.end, i) for i, o in enumerate(orgs))
    by_start = sorted((o.start, i) for i, o in enumerate(orgs))
    for d in facts:
        if d.label == "define" and d.kind == "label" and isinstance(d.value, dict) and d.value.get("name"):
            # a label before a company ("甲方：四川泸州步长生物制药有限公司"): the label names that company
            k = bisect.bisect_left(by_start, (d.end, -1))
            nxt = orgs[by_start[k][1]] if k < len(by_start) else None
            if nxt is not None and nxt.start - d.end <= 4 and isinstance(nxt.value, Company):
                shorts.append((d.value["name"], nxt.value))
            continue
        if d.label != "define" or d.kind != "short":
            continue
        # the org that ends right before the definition (the last one in text order, as a scan would find)
        lo = bisect.bisect_left(by_end, (d.start - 2, -1))
        hi = bisect.bisect_right(by_end, (d.start, len(orgs)))
        prev = orgs[max(i for _, i in by_end[lo:hi])] if hi > lo else None
        if prev is None or not isinstance(prev.value, Company):
            continue
        # (a party label in brackets, unquoted: X公司（甲方）)
        label = [d.value["name"]] if isinstance(d.value, dict) and d.value.get("name") else []
        for name in re.findall(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", d.text) or label or _acronym(d.text, prev.text):
            if self_rx is not None and self_rx.fullmatch(name):
                continue
            if zh is not None and name in zh.stop and name not in zh.labels:
                continue  # （以下简称“协议”）: the agreement, not a company
            shorts.append((name, prev.value))
    if not shorts:
        return []
    defined = {name: comp for name, comp in shorts}
    for f in facts:  # a defined name the finders took for a company of its own ("the Purchaser has agreed") is it
        if zh is None and f.label == "org" and f.text in defined and getattr(f.value, "key", "").startswith("x:"):
            f.value, f.rule = defined[f.text], "org.defined_short"
    spans = [(f.start, f.end) for f in facts if f.label in ("org", "ref", "unnamed")]
    refs = {(f.start, f.end) for f in facts if f.label == "ref"}
    # a reference inside the defined name (公司 of HLB-LS公司) is part of it, not in the way: what is in the way
    # is any other span that overlaps it, or a reference that crosses one of its ends
    taken = SpanIndex(sp for sp in spans if sp not in refs)
    crossing = SpanIndex(sp for sp in spans if sp in refs)
    claimed = DisjointSpans()
    added: list[Fact] = []
    seen: set[str] = set()
    for name, comp in sorted(shorts, key=lambda x: -len(x[0])):  # 被许可人 before 许可人
        if name in seen:
            continue  # a name defined again finds nothing new: its first definition claimed every occurrence
        seen.add(name)
        if len(seen) > _MAX_SHORT_NAMES:
            break  # each name is one scan of the text: a filing defines a handful, not thousands
        for m in re.finditer(re.escape(name), text):
            ms, me = m.start(), m.end()
            if taken.overlaps(ms, me) or crossing.overlaps(ms, ms) or crossing.overlaps(me, me) \
                    or claimed.overlaps(ms, me):
                continue
            claimed.add(m.start(), m.end())
            added.append(Fact(m.start(), m.end(), "org", "defined", comp, "org.defined_short", name))
    if added:
        inside = SpanIndex((f.start, f.end) for f in added)
        facts[:] = [f for f in facts if not (f.label == "ref" and inside.contains(f.start, f.end))]
    return added
