"""Finders for regulatory events and company / market figures: regulators, event words, drug names, metric words,
periods, changes — as :class:`~newsextract.facts.Fact` objects, per sentence.

The rules live in ``patterns/<lang>/regulators.yml``, ``approvals.yml`` and ``figures.yml``. Each file names one
cheap ``trigger`` expression; the finders run only on sentences that hold a trigger, so an article without a
regulatory or financial word costs one scan per kind. Vocabularies are compiled once per process
(:func:`report_vocab` is cached). Results tables are read in :mod:`.report_tables`, periods put in their record form
in :mod:`newsextract.normalize.periods` (both re-exported here).

>>> v = report_vocab("en")
>>> [(f.label, f.kind, f.value) for f in v.regulators_in("approved by the U.S. Food and Drug Administration", 0, 49)]
[('regulator', 'FDA', 'FDA')]
>>> [(f.kind, f.value) for f in v.periods_in("in the first half of 2025", 0, 25)]
[('h1', 'H1 2025')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import ahocorasick

from .._spans import SpanIndex
from ..errors import E, PatternError
from ..facts import Fact
from ..normalize.money.vocab import money_vocab
from ..normalize.periods import norm_period
from ..patterns import Rule, load_file, load_rules, lower_pattern, regex_table
from ..triggers import START, TriggerIndex, analyze, near, required_literals
from .report_tables import (
    TableColumn,
    TableRow,
    column_table_rows,
    flat_table_rows,
    table_columns,
    table_rows,
)

__all__ = ["ReportVocab", "TableColumn", "TableRow", "column_table_rows", "flat_table_rows", "norm_period",
           "report_vocab", "sentences_with", "table_columns", "table_rows"]

_ENTRY_KEYS = {"id", "value", "terms", "case_sensitive", "note"}


@dataclass(frozen=True)
class _Vocab:
    """One combined regex over the terms of a vocabulary file section; group ``v<i>`` is entry ``i``."""

    regex: re.Pattern[str]
    meta: tuple[tuple[str, str | None], ...]  # (entry id, value)

    def find(self, text: str, a: int, b: int, label: str) -> list[Fact]:
        out = []
        for m in self.regex.finditer(text, a, b):
            idx = int(m.lastgroup[1:])  # type: ignore[index]  # every branch of the regex is a named group
            rid, value = self.meta[idx]
            out.append(Fact(m.start(), m.end(), label, value or m.group(0), value or m.group(0), rid, m.group(0)))
        return out


def _compile_vocab(entries: list[dict[str, Any]], where: str, bounded: bool) -> _Vocab:
    parts, meta = [], []
    for i, e in enumerate(entries):
        unknown = set(e) - _ENTRY_KEYS
        if unknown or "id" not in e or not e.get("terms"):
            raise PatternError(E.E010.format(path=where, reason=f"bad entry {e!r} (keys id, value, terms)"))
        terms = sorted(e["terms"], key=len, reverse=True)
        body = "|".join(terms)
        body = body if e.get("case_sensitive") else f"(?i:{body})"
        parts.append(f"(?P<v{i}>{body})")
        meta.append((str(e["id"]), e.get("value")))
    left, right = (r"(?<![\w-])", r"(?![\w])") if bounded else ("", "")
    try:
        rx = re.compile(left + "(?:" + "|".join(parts) + ")" + right)
    except re.error as exc:
        raise PatternError(E.E010.format(path=where, reason=f"bad term: {exc}")) from exc
    return _Vocab(rx, tuple(meta))


def _lowered(src: str) -> re.Pattern[str]:
    """A trigger expression for lower-cased text (case-insensitive matching is several times slower)."""
    return re.compile(lower_pattern(src))


class ReportVocab:
    """The rules of one language for approvals and figures, compiled once."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        #: id of a rule group → (the group, its trigger index); the group is kept so that its id stays its own
        self._trigger_indexes: dict[int, tuple[tuple[Rule, ...], _GroupIndex]] = {}
        #: ``named_in`` answers for one text (kept by identity; replaced whole when another text comes)
        self._named_memo: tuple[str, dict[tuple[int, int, int, str], list[Fact]]] | None = None
        #: ``drug_pairs`` and ``drug_codes`` of the last text (one reference: replaced whole)
        self._pairs_memo: tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]] = (None, [], [])
        self._load_regulators(lang, patterns_dir)
        self._load_approvals(lang, patterns_dir)
        self._load_figures(lang, patterns_dir)
        self._load_tables(lang, patterns_dir)

    def _load_regulators(self, lang: str, pd: str | None) -> None:
        reg = load_file(lang, "regulators", pd)
        bounded = lang == "en"
        self.agencies = _compile_vocab(reg["entries"], f"{lang}/regulators.yml", bounded)
        self.jurisdictions = _compile_vocab(reg.get("jurisdictions", []), f"{lang}/regulators.yml", bounded)
        self.countries = _compile_vocab(reg["countries"], f"{lang}/regulators.yml", bounded) \
            if reg.get("countries") else None
        if self.countries is not None:
            one = re.sub(r"\(\?P<v\d+>", "(?:", self.countries.regex.pattern)
            join = regex_table(lang, "regulators", pd).source("reg.list_join")
            self.country_list = re.compile(reg.get("list_start", "") + f"(?:{one})(?:(?:{join})(?:{one}))+")

    def _load_approvals(self, lang: str, pd: str | None) -> None:
        appr = load_file(lang, "approvals", pd)
        self.approval_trigger = _lowered(appr["trigger"])
        self.events = load_rules(lang, "approvals", pd)
        self.not_events = load_rules(lang, "approvals", pd, section="not_events")
        self.drugs = load_rules(lang, "approvals", pd, section="drugs")
        self.not_drugs = frozenset(appr.get("not_drugs", []) or [])
        self.not_companies = re.compile(appr["not_companies"]) if appr.get("not_companies") else None
        self.pair_rules = tuple(r for r in self.drugs if "inn" in r.regex.groupindex and "brand" in r.regex.groupindex)
        #: phrasings that give a drug's name with its development code ("Tykvera, known in development as AVB-1103")
        self.code_rules = tuple(r for r in self.drugs if "code" in r.regex.groupindex and "brand" in r.regex.groupindex)
        stems = appr.get("inn_stems") or []
        self.inn_shape = re.compile(r"(?<![a-z])[a-z]{3,}(?:" + "|".join(sorted(stems, key=len, reverse=True)) +
                                    r")(?![a-z])") if stems else None
        #: the regexes the approvals code uses one by one (``regexes`` of approvals.yml)
        self.appr_rx = regex_table(lang, "approvals", pd)

    def _load_figures(self, lang: str, pd: str | None) -> None:
        fig = load_file(lang, "figures", pd)
        self.figure_trigger = _lowered(fig["trigger"])
        self.metrics = load_rules(lang, "figures", pd, section="metrics")
        self.periods = load_rules(lang, "figures", pd, section="periods")
        self.changes = load_rules(lang, "figures", pd, section="changes")
        self.not_figures = load_rules(lang, "figures", pd, section="not_figures")
        self.markets = load_rules(lang, "figures", pd, section="markets")
        self.products = load_rules(lang, "figures", pd, section="products")
        self.counts = load_rules(lang, "figures", pd, section="counts")
        self.count_subject = re.compile(fig["count_subject"]) if fig.get("count_subject") else None
        self.company_anaphor = re.compile(fig["company_anaphor"]) if fig.get("company_anaphor") else None
        self.product_anaphor = re.compile(fig["product_anaphor"]) if fig.get("product_anaphor") else None
        self.own_ticker = re.compile(fig["own_ticker"]) if fig.get("own_ticker") else None
        self.not_products = re.compile(f"(?:{fig['not_products']})") if fig.get("not_products") else None
        self.not_after = re.compile(fig["not_after"], re.I) if fig.get("not_after") else None
        self.share_context = re.compile(fig["share_context"], re.I) if fig.get("share_context") else None
        #: changes said as a multiple ("doubled", 翻倍), in %
        self.multiples = {str(k): float(v) for k, v in (fig.get("multiples") or {}).items()}
        #: changes said as a fraction ("fell by a third"), in % (the sign is the rule's)
        self.fractions = {str(k): float(v) for k, v in (fig.get("fractions") or {}).items()}
        #: the regexes the figures code uses one by one (``regexes`` of figures.yml)
        self.fig_rx = regex_table(lang, "figures", pd)
        #: a bare year that dates one agreement ("a 2020 licence", "the 2023 research agreement"): no period
        self.dated_deal = (self.fig_rx["fig.dated_deal_before"], self.fig_rx["fig.dated_deal_after"]) \
            if "fig.dated_deal_after" in self.fig_rx.rules else None

    def _load_tables(self, lang: str, pd: str | None) -> None:
        tables = load_file(lang, "figures", pd).get("tables") or {}
        self.table_values = re.compile(tables["values"]) if tables.get("values") else None
        self.table_metrics = frozenset(tables.get("metrics") or [])
        #: the rules of other metrics whose rows are figures too (net profit after deducting non-recurring items)
        self.table_rules = frozenset(tables.get("rules") or [])
        self.table_flat_row = re.compile(tables["flat_row"]) if tables.get("flat_row") else None
        #: a heading that names a table's second column the same period a year before (本报告期 上年同期)
        self.table_prior_column = re.compile(tables["prior_column"]) if tables.get("prior_column") else None
        self.filer_page = re.compile(tables["filer_page"]) if tables.get("filer_page") else None
        self.filer_name = re.compile(tables["filer_name"]) if tables.get("filer_name") else None
        #: a filing headed by its issuer's name alone on the first line (zh: "杭州普济医药科技股份有限公司" over its title)
        self.filer_head = re.compile(tables["filer_head"]) if tables.get("filer_head") else None
        #: units headers of results tables that the money grammar does not scale by ("(€ million)", "RMB'000")
        self.table_labels = tuple((re.compile(k), str(v)) for k, v in (tables.get("labels") or {}).items())
        self.table_headers = tuple((re.compile(h["pattern"]), int(h["scale"]), str(h["id"]))
                                   for h in tables.get("headers") or [])
        #: (the literals one of which each of them holds: a text without any is not scanned for it)
        self.table_header_literals = tuple(required_literals(rx.pattern, rx.flags) for rx, _, _ in self.table_headers)
        #: the money vocabulary: the currency a table's units header names (``MoneyVocab.table_currency``)
        self.money = money_vocab(lang, pd)

    # -- regulators ------------------------------------------------------------------------------------------
    def regulators_in(self, text: str, a: int, b: int) -> list[Fact]:
        """Agencies named in ``text[a:b]`` (label ``regulator``, kind and value the acronym)."""
        out = self.agencies.find(text, a, b, "regulator")
        for f in out:
            f.kind = str(f.value)
        return out

    def jurisdictions_in(self, text: str, a: int, b: int) -> list[Fact]:
        """Jurisdictions that stand for a regulator ("in the US" → FDA), label ``jurisdiction``."""
        out = self.jurisdictions.find(text, a, b, "jurisdiction")
        if self.countries is not None:
            for m in self.country_list.finditer(text, a, b):
                out.extend(self.countries.find(text, m.start(), m.end(), "jurisdiction"))
        for f in out:
            f.kind = str(f.value)
        return out

    # -- rules -----------------------------------------------------------------------------------------------
    def _index(self, rules: tuple[Rule, ...]) -> _GroupIndex:
        index = self._trigger_indexes.get(id(rules))
        if index is None:
            index = self._trigger_indexes[id(rules)] = (rules, _GroupIndex(rules))
        return index[1]

    def _matches(self, rules: tuple[Rule, ...], text: str, a: int, b: int, label: str, low: str | None = None,
                 leftmost: bool = True) -> list[Fact]:
        found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
        span = low[a:b] if low is not None and len(low) == len(text) else text[a:b].lower()
        index = self._index(rules)
        # the rules that can match in the span: those whose trigger literals it holds and those without triggers;
        # each is tried only where its literals are (``Rule.scan``: the same matches as ``finditer`` on the span)
        can, at = index.hits(span, a)
        exact: bool | None = None  # (asked once, when a rule is to run only at its literals)
        for order in sorted(can | index.always if index.always else can):
            r = rules[order]
            # tried only at its head literals when there are few of them for the span (a rule tried at each of many
            # costs more than one scan of a short span): the same matches
            starts = at.get(order, _NONE) if order in index.headed else None
            if starts is not None and len(starts) * _PER_START <= b - a:
                if exact is None:
                    exact = len(span) == b - a and index.clean(text, a, b, span)
                if exact:
                    matches: Any = r.scan(text, low, sorted(starts), a, b)
                else:
                    matches = r.finditer(text, low, a, b)
            else:
                matches = r.finditer(text, low, a, b)
            for m in matches:
                if m.end() > m.start():
                    found.append((m.start(), order, m.end(), r, m))
        found.sort(key=lambda x: (x[0], x[1]))
        out, end = [], -1
        for st, _, en, r, m in found:
            if leftmost and st < end:
                continue
            end = max(end, en)
            groups = {k: text[m.start(k):m.end(k)] if m.start(k) >= 0 else None for k in m.re.groupindex}
            out.append(Fact(st, en, label, r.label, groups, r.id, text[st:en], dict(r.attrs)))
        return out

    def events_in(self, text: str, a: int, b: int, low: str | None = None,
                  blocked: list[tuple[int, int]] | None = None) -> list[Fact]:
        """Event words that are not inside a non-event phrasing (label ``event``, kind the event); ``blocked``, when
        given, gets the spans of the non-event phrasings."""
        events = self._matches(self.events, text, a, b, "event", low)
        if not events:
            return []
        spans = [(x.start, x.end) for x in self._matches(self.not_events, text, a, b, "not_event", low, leftmost=False)]
        if blocked is not None:
            blocked.extend(spans)
        blocks = SpanIndex(spans)
        return [e for e in events if not blocks.overlaps(e.start, e.end)]

    def drugs_in(self, text: str, a: int, b: int) -> list[Fact]:
        """Drug names from the drug phrasings (value: ``{"name", "inn", "brand", "owner"}``; owner: the span of the
        company the phrasing names as the drug's, or None)."""
        out = []
        for f in self._matches(self.drugs, text, a, b, "drug", leftmost=False):
            g = f.value
            inn, brand = g.get("inn"), g.get("brand")
            name = g.get("name") or g.get("name2")
            key = ("name" if g.get("name") else "name2") if name else ("inn" if inn else "brand")
            m_start, m_end = self._group_span(text, f, key)
            nm = (name or inn or brand or "").strip()
            if not nm or nm in self.not_drugs or nm.upper() in self.not_drugs:
                continue
            if brand and inn and not name and abbreviates(inn, brand):
                continue  # "oral hereditary angioedema (HAE)": a term and its abbreviation, no brand and INN
            if brand and brand in self.not_drugs:
                brand = None
            owner = None  # "approved Kestrel Pharm's norvexitan": the company the phrasing names the drug's
            own = g.get("owner") or g.get("owner2")
            if own:
                i = text.find(own, f.start, m_start)
                owner = (i, i + len(own)) if i >= 0 else None
            if inn and not name:
                nm = self._pair_inn(inn)
            f.value = {"name": nm, "inn": self._pair_inn(inn) if inn else None, "brand": brand, "owner": owner}
            f.start, f.end, f.text = m_start, m_end, text[m_start:m_end]
            out.append(f)
        return out

    def drug_pairs(self, text: str) -> list[tuple[str, str]]:
        """(brand, INN) pairs the text states anywhere: "ZELVORA (tafolimab)", "norvestrant, also known as NORVEXA".
        (The approvals of an article ask twice: the answer for the last text is kept.)"""
        return list(self._pairs(text)[1])

    def drug_codes(self, text: str) -> list[tuple[str, str]]:
        """(name, code) pairs the text states anywhere: "Tykvera, known in development as AVB-1103"."""
        return list(self._pairs(text)[2])

    def _pairs(self, text: str) -> tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]]:
        memo = self._pairs_memo
        if memo[0] is not text:
            memo = self._pairs_memo = (text, *self._drug_pairs(text))
        return memo

    def _drug_pairs(self, text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        out = []
        codes: list[tuple[str, str]] = []
        spans: list[tuple[int, int]] = []
        for m in self.appr_rx["drug.pair_hint"].finditer(text):  # a pair sits around a bracket or "known as": look only there
            a, b = max(0, m.start() - 80), min(len(text), m.end() + 80)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        found = [f for a, b in spans for f in self._matches(self.pair_rules, text, a, b, "drug", leftmost=False)]
        for f in found:
            g = f.value
            if g.get("brand") and g.get("inn") and g["brand"] not in self.not_drugs and \
                    not abbreviates(g["inn"], g["brand"]):
                out.append((g["brand"].strip(), self._pair_inn(g["inn"])))
        if self.code_rules:
            for f in (f for a, b in spans for f in self._matches(self.code_rules, text, a, b, "drug", leftmost=False)):
                if f.value.get("brand") and f.value.get("code") and f.value["brand"] not in self.not_drugs:
                    codes.append((f.value["brand"].strip(), f.value["code"].strip()))
        return out, codes

    def _pair_inn(self, inn: str) -> str:
        """The INN of a brand/code ↔ INN pair without the words a Chinese name may have run into ("公司贝伐珠单抗")."""
        return self.appr_rx["appr.zh_pair_lead"].sub("", inn.strip()) or inn.strip()

    def is_inn(self, name: str) -> bool:
        """Whether a name has the shape of an INN ("Olverembatinib" at the start of a sentence is one)."""
        return self.inn_shape is not None and len(name) >= 7 and self.inn_shape.fullmatch(name.lower()) is not None

    def inns_in(self, text: str, a: int, b: int, low: str | None) -> list[Fact]:
        """Words of INN shape in any case ("FDA Approves Tirzepatide"); value the lower-cased INN."""
        if self.inn_shape is None or low is None:
            return []
        return [Fact(m.start(), m.end(), "drug", "inn", m.group(0), "drug.inn_stem", text[m.start():m.end()])
                for m in self.inn_shape.finditer(low, a, b) if m.end() - m.start() >= 7]

    def _group_span(self, text: str, f: Fact, key: str) -> tuple[int, int]:
        val = f.value.get(key) or ""
        i = text.find(val, f.start, f.end)
        return (i, i + len(val)) if i >= 0 else (f.start, f.end)

    def table_metric(self, f: Fact) -> bool:
        """Whether a table row whose label names the metric ``f`` reports a figure (``tables.metrics`` of
        figures.yml, and the other metrics of ``tables.rules``)."""
        return f.kind in self.table_metrics or f.rule in self.table_rules

    def metrics_in(self, text: str, a: int, b: int, low: str | None = None) -> list[Fact]:
        return self._matches(self.metrics, text, a, b, "metric", low)

    def periods_in(self, text: str, a: int, b: int, year: int | None = None, scope: str = "company",
                   low: str | None = None) -> list[Fact]:
        """Periods, value normalised (:func:`norm_period`); ``extra["explicit_year"]`` when the text gives one."""
        out: list[Fact] = []
        join = self.fig_rx.rules.get("fig.period_join")
        for f in self._matches(self.periods, text, a, b, "period", low):
            if f.kind == "year" and self.dated_deal is not None and self.dated_deal[1].match(text, f.end, b) and \
                    self.dated_deal[0].search(text, max(a, f.start - 12), f.start):
                continue  # ("ending a 2020 licence that carried …": the year of one agreement)
            prev = out[-1] if out else None
            if f.kind == "year" and prev is not None and prev.kind in _PART_KINDS and \
                    prev.extra.get("explicit_year") and join is not None and \
                    join.regex.fullmatch(text, prev.end, f.start):
                # "the six months ended June 30, 2025 and 2024", "the third quarters of 2025 and 2024": the year
                # after a period of part of a year, joined to it, is the same part of that year
                f.kind = prev.kind
                f.value = {**prev.extra["groups"], "y": f.value.get("y"), "y2": None, "y3": None, "yy": None}
            g = f.value
            f.extra["groups"] = g
            f.extra["explicit_year"] = any(g.get(k) for k in ("y", "y2", "y3", "yy"))
            f.value = norm_period(f.kind, g, year, scope)
            out.append(f)
            if g.get("n2"):  # "the three and six months ended June 30, 2025": the second period, same words
                g2 = {**g, "n": g["n2"], "n2": None}
                out.append(Fact(f.start, f.end, "period", f.kind, norm_period(f.kind, g2, year, scope), f.rule,
                                f.text, {**f.extra, "groups": g2, "second": True}))
        return out

    def changes_in(self, text: str, a: int, b: int, low: str | None = None) -> list[Fact]:
        """Year-on-year changes in % (value: float, negative for a decline)."""
        out = []
        respectively: bool | None = None  # (asked once per sentence)
        seq_after = self.fig_rx.rules.get("fig.sequential_after")
        seq_before = self.fig_rx.rules.get("fig.sequential_before")
        for f in self._matches(self.changes, text, a, b, "change", low):
            g = f.value
            if seq_after is not None and seq_after.regex.match(text, f.end) or \
                    seq_before is not None and seq_before.regex.search(text, max(a, f.start - 6), f.start):
                continue  # ("up 8% sequentially", 环比增长10%: against the quarter before, no year-on-year change)
            if f.kind == "times":  # "doubled", 翻倍: a multiple said in words
                word = re.sub(r"\s+", "", str(g.get("x") or "")).lower()
                if word not in self.multiples:
                    continue
                f.value = self.multiples[word]
                out.append(f)
                continue
            if g.get("frac"):  # "fell by a third": a fraction said in words
                word = re.sub(r"[\s-]+", "", str(g["frac"])).lower()
                if word not in self.fractions:
                    continue
                pct = self.fractions[word]
            else:
                pct = float(g["pct"])
            sign = -1.0 if f.kind == "down" or (f.kind == "signed" and g.get("sign") in ("-", "−")) else 1.0
            f.value = sign * pct
            out.append(f)
            if respectively is None:
                respectively = self.fig_rx["fig.respectively"].search(text, a, b) is not None
            if respectively:  # "降幅分别为63.52%、112.16%", "rose 12% and 15%, respectively"
                end = f.end
                while (m := self.fig_rx["fig.pct_next"].match(text, end, b)) is not None:
                    out.append(Fact(m.start("pct"), m.end(), "change", f.kind, sign * float(m.group("pct")), f.rule,
                                    text[m.start("pct"):m.end()], dict(f.extra)))
                    end = m.end()
        return out

    def percents_in(self, text: str, a: int, b: int) -> list[Fact]:
        return [Fact(m.start(), m.end(), "percent", "", Decimal(m.group("pct")), "percent", m.group(0))
                for m in self.fig_rx["fig.percent"].finditer(text, a, b)]

    def not_figures_in(self, text: str, a: int, b: int, low: str | None = None) -> list[Fact]:
        return self._matches(self.not_figures, text, a, b, "not_figure", low, leftmost=False)

    def named_in(self, rules: tuple[Rule, ...], text: str, a: int, b: int, label: str) -> list[Fact]:
        """Matches of subject phrasings with the named group ``s`` (or ``s2``) as the span. The figures of a sentence
        ask about the same span again and again: the answers for the last text are kept (read them, never change
        them)."""
        memo = self._named_memo
        if memo is None or memo[0] is not text:
            memo = self._named_memo = (text, {})
        key = (id(rules), a, b, label)
        if key not in memo[1]:
            memo[1][key] = self._named_in(rules, text, a, b, label)
        return list(memo[1][key])

    def _named_in(self, rules: tuple[Rule, ...], text: str, a: int, b: int, label: str) -> list[Fact]:
        out = []
        for f in self._matches(rules, text, a, b, label, leftmost=False):
            key = "s" if f.value.get("s") else "s2"
            if not f.value.get(key):
                continue
            s, e = self._group_span(text, f, key)
            val = text[s:e].strip()
            f.start, f.end, f.text, f.value = s, s + len(val), val, val
            out.append(f)
        return out


#: the kinds of period that are part of a year (a year joined after one is the same part of that year)
_PART_KINDS = frozenset({"h1", "h2", "q", "9m", "ended", "span"})

#: a rule runs only at its literals when the span has at least this many characters per literal (else on the span)
_PER_START = 10


_NONE: list[int] = []  # (read only)


class _GroupIndex:
    """The trigger literals of one rule group (:mod:`newsextract.triggers`) and the head literals of its rules that
    have them (:mod:`newsextract.heads`, what ``Rule.scan`` takes the offsets of) in one automaton."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.always = frozenset(i for i, r in enumerate(rules) if not r.triggers)
        #: (its ``exact``: for which lower-cased texts the trigger and head literals speak)
        self.literals = TriggerIndex((i, (r.triggers | (r.heads or frozenset())) if r.triggers else None)
                                     for i, r in enumerate(rules))
        #: the rules tried at their heads (one that may start where the text starts runs on its spans)
        self.headed = frozenset(i for i, r in enumerate(rules) if r.triggers and r.heads and START not in r.heads)
        by_lit: dict[str, tuple[set[int], set[int]]] = {}
        for i, r in enumerate(rules):
            if not r.triggers:
                continue
            for lit in r.triggers:
                by_lit.setdefault(lit, (set(), set()))[0].add(i)
            for lit in r.heads if i in self.headed else ():
                by_lit.setdefault(lit, (set(), set()))[1].add(i)
        self.automaton = ahocorasick.Automaton()
        for lit, (present, placed) in by_lit.items():
            self.automaton.add_word(lit, (len(lit), frozenset(present), tuple(sorted(placed))))
        self.empty = not by_lit
        if not self.empty:
            self.automaton.make_automaton()
        #: the last text asked about and whether it holds none of the characters ``exact`` is about (one reference:
        #: replaced whole)
        self._clean: tuple[str | None, bool] = (None, False)

    def clean(self, text: str, a: int, b: int, span: str) -> bool:
        """``TriggerIndex.exact`` for ``text[a:b]`` and its lower-cased ``span`` (same length): asked of the whole
        text once (the last text is kept), of the span only when the text holds a character it is about."""
        memo = self._clean
        if memo[0] is not text:
            memo = self._clean = (text, self.literals.exact(text, text))
        return memo[1] or self.literals.exact(text[a:b], span)

    def hits(self, span: str, offset: int) -> tuple[set[int], dict[int, list[int]]]:
        """The rules with triggers that can match in ``span`` (lower-cased), and where their index literals are
        (``offset`` added, unsorted; a rule without any there is missing)."""
        can: set[int] = set()
        at: dict[int, list[int]] = {}
        if not self.empty:
            for end, (n, present, placed) in self.automaton.iter(span):
                can |= present
                for i in placed:
                    at.setdefault(i, []).append(end - n + 1 + offset)
        return can, at


@functools.lru_cache(maxsize=8)
def abbreviates(words: str, acronym: str) -> bool:
    """Whether an all-capitals word in brackets after a phrase of several words is the phrase's abbreviation
    ("human medicines committee (CHMP)", "Bruton's tyrosine kinase (BTK)"): at least two of its letters, and at
    least half of them, are the first letters of the phrase's words. (A brand after its INN is no initialism of it.)

    >>> abbreviates("oral hereditary angioedema", "HAE"), abbreviates("trastuzumab deruxtecan", "ENHERTU")
    (True, False)
    """
    acronym = acronym.strip()
    parts = words.lower().replace("-", " ").split()
    if len(parts) < 2 or not 2 <= len(acronym) <= 6 or not acronym.isupper():
        return False
    initials = {p[0] for p in parts}
    letters = [c.lower() for c in acronym if c.isalpha()]
    hits = sum(c in initials for c in letters)
    return hits >= 2 and 2 * hits >= len(letters)


def report_vocab(lang: str, patterns_dir: str | None = None) -> ReportVocab:
    """The compiled rules of one language (built once per process)."""
    return ReportVocab(lang, patterns_dir)


def sentences_with(trigger: re.Pattern[str], text: str, sentences: list[tuple[int, int]],
                   low: str | None = None) -> list[int]:
    """Indices of the sentences that hold a match of ``trigger`` (one scan of the lower-cased text)."""
    if low is None or len(low) != len(text):
        low = text.lower()
    hits = _trigger_starts(trigger, low)
    if not hits:
        return []
    out, j = [], 0
    for i, (a, b) in enumerate(sentences):
        while j < len(hits) and hits[j] < a:
            j += 1
        if j < len(hits) and hits[j] < b:
            out.append(i)
    return out


@functools.lru_cache(maxsize=16)
def _trigger_index(trigger: re.Pattern[str]) -> tuple[TriggerIndex, int] | None:
    """The literals of a trigger expression in one automaton, and how far from them a match reads (None: the
    expression has no such literals, or no bound)."""
    lits, width = analyze(trigger.pattern, trigger.flags, with_reach=True)
    return (TriggerIndex([(0, lits)]), width) if lits and width is not None else None


def _trigger_starts(trigger: re.Pattern[str], low: str) -> list[int]:
    """Where the matches of ``trigger`` in the lower-cased text start: the expression runs only around its
    literals, found by one automaton scan (a big alternation tries every branch at every position)."""
    index = _trigger_index(trigger)
    if index is None:
        return [m.start() for m in trigger.finditer(low)]
    near_lits = index[0].hits(low).get(0)
    if not near_lits:
        return []
    return [m.start() for a, b in near(near_lits, index[1], len(low)) for m in trigger.finditer(low, a, b)]
