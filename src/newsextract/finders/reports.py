"""Finders for regulatory events and company / market figures: regulators, event words, drug names, metric words,
periods, changes — as :class:`~newsextract.facts.Fact` objects, per sentence.

The rules live in ``patterns/<lang>/regulators.yml``, ``approvals.yml`` and ``figures.yml``. Each file names one
cheap ``trigger`` expression; the finders run only on sentences that hold a trigger, so an article without a
regulatory or financial word costs one scan per kind. Vocabularies are compiled once per process
(:func:`report_vocab` is cached).

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

from ..errors import E, PatternError
from ..facts import Fact
from ..patterns import Rule, load_file, load_rules, lower_pattern

__all__ = ["ReportVocab", "TableColumn", "TableRow", "column_table_rows", "flat_table_rows", "norm_period",
           "report_vocab", "sentences_with", "table_columns", "table_rows"]

_PAIR_HINT = re.compile(r"[(（]|known as|sold as|marketed as")
_ENTRY_KEYS = {"id", "value", "terms", "case_sensitive", "note"}
_MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october "
                                       "november december".split(), 1)}
_SPANS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2", (1, 9): "9M",
          (1, 12): "FY"}


def _month(s: str | None) -> int | None:
    """A month number from a name, an abbreviation or digits."""
    if not s:
        return None
    s = s.strip().rstrip(".").lower()
    if s.isdigit():
        return int(s)
    return next((n for name, n in _MONTHS.items() if name.startswith(s) and len(s) >= 3), None)


_ZH_Q = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: changes said as a multiple ("doubled", 翻倍), in %
_TIMES = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0, "halved": -50.0,
          "翻倍": 100.0, "翻番": 100.0, "翻了一倍": 100.0, "翻了一番": 100.0, "减半": -50.0, "減半": -50.0}
_EACH = re.compile(r"respectively|分别|分別")
_PCT_NEXT = re.compile(r"\s*(?:[、,，和及与與]\s*|,?\s*and\s+)(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b)")
_PCT = {"en": re.compile(r"(?<![\d.])(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"),
        "zh": re.compile(r"(?<![\d.])(?P<pct>\d+(?:\.\d+)?)\s?%")}


@dataclass(frozen=True)
class _Vocab:
    """One combined regex over the terms of a vocabulary file section; group ``v<i>`` is entry ``i``."""

    regex: re.Pattern[str]
    meta: tuple[tuple[str, str | None], ...]  # (entry id, value)

    def find(self, text: str, a: int, b: int, label: str) -> list[Fact]:
        out = []
        for m in self.regex.finditer(text, a, b):
            idx = int(m.lastgroup[1:])  # type: ignore[index]
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


def norm_period(kind: str, g: dict[str, str | None], year: int | None, scope: str = "company") -> str | None:
    """A period in the record form: FY2024, H1 2025, Q3 2024, 9M 2024, 2015, 2025-05, 2020-2024.

    ``year`` fills periods the text gives without one ("the first half of the year"); a bare year is a fiscal
    year for company and product figures and a point in time for markets.

    >>> norm_period("q", {"q": "third"}, 2024), norm_period("year", {"y": "2024"}, None, "market")
    ('Q3 2024', '2024')
    >>> norm_period("fy", {"yy": "23"}, None), norm_period("range", {"y3": "2020", "y4": "25"}, None)
    ('FY2023', '2020-2025')
    """
    if kind == "rel":  # "last year", 今年: relative to the year the article was published (``year``)
        if year is None:
            return None
        rel = str(g.get("rel") or "")
        yr = year - 1 if rel in ("last", "previous", "prior", "去年", "上年", "上一年") or rel.startswith("the") else year
        return f"{yr}" if scope == "market" else f"FY{yr}"
    y = next((g[k] for k in ("y", "y2", "y3") if g.get(k)), None)
    if y is None and g.get("yy"):
        y = "20" + str(g["yy"])
    yr = int(y) if y else year
    if kind == "range":
        a = g.get("y") or g.get("y3")
        b = g.get("y2") or g.get("y4")
        if a and b:
            b = b if len(b) == 4 else a[:2] + b
            return f"{a}-{b}"
        return None
    if yr is None:
        return None
    if kind in ("fy", "year"):
        return f"{yr}" if kind == "year" and scope == "market" else f"FY{yr}"
    if kind == "h1":
        return f"H1 {yr}"
    if kind == "h2":
        return f"H2 {yr}"
    if kind == "9m":
        return f"9M {yr}"
    if kind == "q":
        q = next((g[k] for k in ("q", "q2", "q3") if g.get(k)), None) or ""
        num = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(
            q.lower(), _ZH_Q.get(q))
        return f"Q{num} {yr}" if num else None
    if kind == "ended":  # "the six months ended June 30, 2025" → H1 2025; "the year ended December 31" → FY
        mon = _month(g.get("mon")) or 12
        n = 12 if g.get("ye") else 3 if g.get("qe") else {"three": 3, "six": 6, "nine": 9, "twelve": 12}.get(
            str(g.get("n") or "").lower()) or int(str(g.get("n") or 0) or 0)
        label = {3: {3: "Q1", 6: "Q2", 9: "Q3", 12: "Q4"}.get(mon), 6: {6: "H1", 12: "H2"}.get(mon),
                 9: "9M" if mon == 9 else None, 12: "FY"}.get(n)
        if label is None:
            return None
        return f"FY{yr}" if label == "FY" else f"{label} {yr}"
    if kind == "span":  # months of one year: Jan–Mar → Q1, Jan–Jun → H1, Jan–Sep → 9M, Jan–Dec → the year
        m1 = _month(g.get("m1"))
        m2 = _month(g.get("m2"))
        label = _SPANS.get((m1, m2)) if m1 and m2 else None
        if label is None:
            return None
        return f"FY{yr}" if label == "FY" else f"{label} {yr}"
    if kind == "ym":
        mon = g.get("m") or _MONTHS.get(str(g.get("mon") or "").lower())
        if scope != "market":
            return f"FY{yr}"  # a company's or product's figure in "July 2019" is one of that year
        if mon and g.get("d"):
            return f"{yr}-{int(mon):02d}-{int(str(g['d'])):02d}"
        return f"{yr}-{int(mon):02d}" if mon else str(yr)
    return None


class ReportVocab:
    """The rules of one language for approvals and figures, compiled once."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        pd = patterns_dir
        reg = load_file(lang, "regulators", pd)
        bounded = lang == "en"
        self.agencies = _compile_vocab(reg["entries"], f"{lang}/regulators.yml", bounded)
        self.jurisdictions = _compile_vocab(reg.get("jurisdictions", []), f"{lang}/regulators.yml", bounded)
        self.countries = _compile_vocab(reg["countries"], f"{lang}/regulators.yml", bounded) \
            if reg.get("countries") else None
        if self.countries is not None:
            one = re.sub(r"\(\?P<v\d+>", "(?:", self.countries.regex.pattern)
            self.country_list = re.compile(reg.get("list_start", "") + f"(?:{one})(?:(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?:{one}))+")
        appr = load_file(lang, "approvals", pd)
        self.approval_trigger = _lowered(appr["trigger"])
        self.events = load_rules(lang, "approvals", pd)
        self.not_events = load_rules(lang, "approvals", pd, section="not_events")
        self.drugs = load_rules(lang, "approvals", pd, section="drugs")
        self.not_drugs = frozenset(appr.get("not_drugs", []) or [])
        self.not_companies = re.compile(appr["not_companies"]) if appr.get("not_companies") else None
        self.pair_rules = tuple(r for r in self.drugs if "inn" in r.regex.groupindex and "brand" in r.regex.groupindex)
        stems = appr.get("inn_stems") or []
        self.inn_shape = re.compile(r"(?<![a-z])[a-z]{3,}(?:" + "|".join(sorted(stems, key=len, reverse=True)) +
                                    r")(?![a-z])") if stems else None
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
        tables = fig.get("tables") or {}
        self.table_values = re.compile(tables["values"]) if tables.get("values") else None
        self.table_metrics = frozenset(tables.get("metrics") or [])
        self.table_flat_row = re.compile(tables["flat_row"]) if tables.get("flat_row") else None
        self.filer_page = re.compile(tables["filer_page"]) if tables.get("filer_page") else None
        self.filer_name = re.compile(tables["filer_name"]) if tables.get("filer_name") else None
        #: units headers of results tables that the money grammar does not scale by ("(€ million)", "RMB'000")
        self.table_labels = tuple((re.compile(k), str(v)) for k, v in (tables.get("labels") or {}).items())
        self.table_headers = tuple((re.compile(h["pattern"]), int(h["scale"]), str(h["id"]))
                                   for h in tables.get("headers") or [])
        self.share_context = re.compile(fig["share_context"], re.I) if fig.get("share_context") else None

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
    @staticmethod
    def _matches(rules: tuple[Rule, ...], text: str, a: int, b: int, label: str, low: str | None = None,
                 leftmost: bool = True) -> list[Fact]:
        found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
        span = (low[a:b] if low is not None and len(low) == len(text) else text[a:b].lower()) \
            if any(r.triggers for r in rules) else ""
        for order, r in enumerate(rules):
            if r.triggers and not any(t in span for t in r.triggers):
                continue  # a literal every match holds is not there (see newsextract.triggers)
            for m in r.finditer(text, low, a, b):
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

    def events_in(self, text: str, a: int, b: int, low: str | None = None) -> list[Fact]:
        """Event words that are not inside a non-event phrasing (label ``event``, kind the event)."""
        events = self._matches(self.events, text, a, b, "event", low)
        if not events:
            return []
        blocks = self._matches(self.not_events, text, a, b, "not_event", low, leftmost=False)
        return [e for e in events if not any(x.start < e.end and e.start < x.end for x in blocks)]

    def drugs_in(self, text: str, a: int, b: int) -> list[Fact]:
        """Drug names from the drug phrasings (value: ``{"name", "inn", "brand"}``)."""
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
            if brand and brand in self.not_drugs:
                brand = None
            f.value = {"name": nm, "inn": inn.strip() if inn else None, "brand": brand}
            f.start, f.end, f.text = m_start, m_end, text[m_start:m_end]
            out.append(f)
        return out

    def drug_pairs(self, text: str) -> list[tuple[str, str]]:
        """(brand, INN) pairs the text states anywhere: "ZELVORA (tafolimab)", "norvestrant, also known as NORVEXA"."""
        out = []
        spans: list[tuple[int, int]] = []
        for m in _PAIR_HINT.finditer(text):  # a pair sits around a bracket or "known as": look only there
            a, b = max(0, m.start() - 80), min(len(text), m.end() + 80)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        found = [f for a, b in spans for f in self._matches(self.pair_rules, text, a, b, "drug", leftmost=False)]
        for f in found:
            g = f.value
            if g.get("brand") and g.get("inn") and g["brand"] not in self.not_drugs:
                out.append((g["brand"].strip(), g["inn"].strip()))
        return out

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

    def metrics_in(self, text: str, a: int, b: int, low: str | None = None) -> list[Fact]:
        return self._matches(self.metrics, text, a, b, "metric", low)

    def periods_in(self, text: str, a: int, b: int, year: int | None = None, scope: str = "company",
                   low: str | None = None) -> list[Fact]:
        """Periods, value normalised (:func:`norm_period`); ``extra["explicit_year"]`` when the text gives one."""
        out = []
        for f in self._matches(self.periods, text, a, b, "period", low):
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
        for f in self._matches(self.changes, text, a, b, "change", low):
            g = f.value
            if f.kind == "times":  # "doubled", 翻倍: a multiple said in words
                word = re.sub(r"\s+", "", str(g.get("x") or "")).lower()
                if word not in _TIMES:
                    continue
                f.value = _TIMES[word]
                out.append(f)
                continue
            pct = float(g["pct"])
            sign = -1.0 if f.kind == "down" or (f.kind == "signed" and g.get("sign") in ("-", "−")) else 1.0
            f.value = sign * pct
            out.append(f)
            if _EACH.search(text, a, b):  # "降幅分别为63.52%、112.16%", "rose 12% and 15%, respectively"
                end = f.end
                while (m := _PCT_NEXT.match(text, end, b)) is not None:
                    out.append(Fact(m.start("pct"), m.end(), "change", f.kind, sign * float(m.group("pct")), f.rule,
                                    text[m.start("pct"):m.end()], dict(f.extra)))
                    end = m.end()
        return out

    def percents_in(self, text: str, a: int, b: int) -> list[Fact]:
        return [Fact(m.start(), m.end(), "percent", "", Decimal(m.group("pct")), "percent", m.group(0))
                for m in _PCT[self.lang].finditer(text, a, b)]

    def not_figures_in(self, text: str, a: int, b: int, low: str | None = None) -> list[Fact]:
        return self._matches(self.not_figures, text, a, b, "not_figure", low, leftmost=False)

    def named_in(self, rules: tuple[Rule, ...], text: str, a: int, b: int, label: str) -> list[Fact]:
        """Matches of subject phrasings with the named group ``s`` (or ``s2``) as the span."""
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


@dataclass
class TableRow:
    """One row of a results table: its label, the metric the label names, the current value and the change."""

    label: Fact
    metric: Fact
    start: int
    end: int
    amount: Decimal
    change: float | None
    change_span: tuple[int, int] | None


def table_rows(vocab: ReportVocab, text: str, header_end: int, max_lines: int = 40) -> list[TableRow]:
    """The rows under a units header whose label names a metric ("营业总收入 11,996,406 7,251,228 65.4";
    "Net sales" on one line and "$ 832.1 $ 885.2 (6 )" on the next). Amounts are as written (not scaled)."""
    if vocab.table_values is None:
        return []
    out: list[TableRow] = []
    pos = header_end
    lines: list[tuple[int, int]] = []
    while pos < len(text) and len(lines) < max_lines:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    pending: tuple[int, int] | None = None
    for a, b in lines:
        m = None
        for k in range(a, b):  # the values start after the label
            if text[k].isdigit() or text[k] in "$-(":
                if k == a or text[k - 1].isspace():
                    m = vocab.table_values.match(text, k, b)
                    if m:
                        break
        if m is None:
            pending = (a, b) if not any(ch.isdigit() for ch in text[a:b]) else None
            continue
        la, lb = (a, m.start()) if text[a:m.start()].strip() else (pending or (a, a))
        if pending and la == a and lb > a:  # a label broken over two lines ("Net profit attributable to … of the\n
            la = pending[0]                 # listed company  312,875,604.18 …")
        pending = None
        metrics = [f for f in vocab.metrics_in(text, la, lb) if f.kind in vocab.table_metrics or f.kind == "other"]
        if not metrics or metrics[-1].kind not in vocab.table_metrics or _PER_SHARE.search(text, la, lb):
            continue
        cur = m.group("cur")
        chg = m.group("chg")
        change = None
        if chg:
            num = float(re.sub(r"[^\d.]", "", chg))
            change = -num if chg.strip().startswith(("(", "-")) else num
        label = Fact(la, lb, "label", "", None, "table.row", text[la:lb].strip())
        out.append(TableRow(label, metrics[-1], m.start("cur"), m.end("cur"), Decimal(cur.replace(",", "")),
                            change, (m.start("chg"), m.end("chg")) if chg else None))
    return out


_YEAR_CELL = re.compile(r"(?:19|20)\d\d")
#: a row of per-share amounts ("Net loss per share, basic and diluted", 每股收益) is never a figure
_PER_SHARE = re.compile(r"(?i)per\s+(?:share|ADS)|每股")
_CELL = re.compile(r"(?<![\w.,])(?:\(\s*-?\$?\s?\d[\d,]*(?:\.\d+)?\s*\)|[+\-−]?\$?\s?\d[\d,]*(?:\.\d+)?%?|[—–](?=\s|$))")
_GROUPS = re.compile(r"(?i)\b(?:(?P<n>three|six|nine|twelve|3|6|9|12)\s+months|(?P<fy>years?|fiscal\s+years?)|(?P<q>quarters?))"
                     r"\s+ended\b")
_MONTH_NAME = re.compile(r"(?i)\b(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
                         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
                         r"(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\b")


@dataclass
class TableColumn:
    """One numeric column of a results table: its period and whether it is the current one of its group."""

    period: str | None
    current: bool


def table_columns(vocab: ReportVocab, text: str, header_start: int, header_end: int,
                  max_lines: int = 14) -> tuple[list[TableColumn], int] | None:
    """The columns a results table's heading names ("Three Months Ended … Nine Months Ended / September 30, / 2025
    2024 2025 2024"; "H1 2025  H1 2024  % change"; "For the year ended 31 December / 2024 2023"), and where its
    rows start; None when the heading names fewer than two periods. The current column of each group is the one of
    the latest year."""
    ls = text.rfind("\n", 0, header_start) + 1
    pos, lines = ls, []
    while pos < len(text) and len(lines) < max_lines:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        lines.append((max(pos, header_end) if pos <= header_end < end else pos, end))
        pos = end + 1
    best: list[Fact] = []
    block_end = header_end
    plain: int | None = None
    groups: list[tuple[str, int | None]] = []
    months: list[int] = []
    for a, b in lines:
        cells = [m for m in _CELL.finditer(text, a, b) if not _YEAR_CELL.fullmatch(m.group(0).strip())]
        label = text[a:cells[0].start()] if cells else ""
        if cells and (len(cells) >= 2 and not label.strip() or label.strip() and any(
                f.kind in vocab.table_metrics for f in vocab.metrics_in(text, a, cells[0].start() + 1))):
            if not label.strip() and plain is not None:
                block_end = plain  # the first row's label stands on a line of its own before its numbers
            break  # the first row
        if text[a:b].strip():
            plain = a - 1 if not cells and not vocab.periods_in(text, a, b) else None
        block_end = b
        for g in _GROUPS.finditer(text, a, b):
            kind = "fy" if g.group("fy") else "q" if g.group("q") else {"three": 3, "3": 3, "six": 6, "6": 6,
                                                                         "nine": 9, "9": 9, "twelve": 12,
                                                                         "12": 12}[g.group("n").lower()]
            groups.append((str(kind), None))
        months += [_month(m.group("m") or m.group("m2")) or 0 for m in _MONTH_NAME.finditer(text, a, b)]
        found = [p for p in vocab.periods_in(text, a, b) if p.extra.get("explicit_year") and p.kind != "range"]
        if len(found) >= 2 and len(found) >= len(best):
            best = found
    if len(best) < 2:
        return None
    n = len(best)
    per = n // len(groups) if groups and n % len(groups) == 0 else n
    cols: list[TableColumn] = []
    for i, p in enumerate(best):
        yr = _year_of_fact(p)
        period = p.value
        if p.kind == "year" and groups and per:
            kind = groups[min(i // per, len(groups) - 1)][0]
            month = months[min(i // per, len(months) - 1)] if months else 12
            span = {"3": {3: "Q1", 6: "Q2", 9: "Q3", 12: "Q4"}.get(month), "6": "H1" if month == 6 else "H2"
                    if month == 12 else None, "9": "9M" if month == 9 else None, "12": "FY", "fy": "FY"}.get(kind)
            period = None if span is None or yr is None else (f"FY{yr}" if span == "FY" else f"{span} {yr}")
        cols.append(TableColumn(period, False))
    for g in range(0, n, per or n):
        chunk = list(range(g, min(n, g + (per or n))))
        years = [(_year_of_fact(best[i]) or 0, i) for i in chunk]
        cols[max(years)[1]].current = True
    return cols, block_end


def _year_of_fact(p: Fact) -> int | None:
    m = re.search(r"(?:19|20)\d\d", str(p.value or ""))
    return int(m.group(0)) if m else None


def column_table_rows(vocab: ReportVocab, text: str, cols: list[TableColumn], start: int,
                      max_lines: int = 40) -> list[tuple[TableRow, str | None]]:
    """The rows of a table whose columns :func:`table_columns` read: each row's current cells, with their periods.
    A label broken over lines joins the next line; "(33,957)" is negative; "—" is an empty cell."""
    out: list[tuple[TableRow, str | None]] = []
    pos, n, pending, blank = start, 0, None, 0
    while pos < len(text) and n < max_lines:
        nl = text.find("\n", pos)
        b = len(text) if nl < 0 else nl
        a, pos, n = pos, b + 1, n + 1
        if not text[a:b].strip():
            blank += 1
            if blank >= 2 and out:
                break
            continue
        blank = 0
        cells = list(_CELL.finditer(text, a, b))
        if not cells or len(text[a:b].strip()) > 160:
            pending = (a, b) if not cells and len(text[a:b].strip()) <= 80 else None
            continue
        la, lb = a, cells[0].start()
        alias = next((k for rx, k in vocab.table_labels if rx.fullmatch(text[la:lb].strip())), None)
        if pending is not None and alias is None and not vocab.metrics_in(text, la, lb):
            la = pending[0]
        pending = None
        metrics = [f for f in vocab.metrics_in(text, la, lb + 1) if f.start < lb]
        if alias is not None:  # "Research and development" alone under "Operating expenses:"
            metrics = [Fact(la, lb, "metric", alias, None, "table.label", text[la:lb].strip())]
        if not metrics or metrics[-1].kind not in vocab.table_metrics or not text[la:lb].strip() or \
                _PER_SHARE.search(text, la, lb):
            continue
        pct = [c for c in cells if c.group(0).endswith("%")]
        change = None
        span = None
        if pct and pct[-1].group(0)[0] in "+-−":
            change = float(re.sub(r"[^\d.]", "", pct[-1].group(0)))
            change = -change if pct[-1].group(0)[0] in "-−" else change
            span = (pct[-1].start(), pct[-1].end())
        vals = [c for c in cells if not c.group(0).endswith("%")]
        if change is None and len(vals) > len(cols):  # "$ 832.1 $ 885.2 (6 )": the cell after the columns
            extra = vals[len(cols)].group(0)
            if extra not in ("—", "–"):
                change = float(re.sub(r"[^\d.]", "", extra) or "nan")
                change = -change if extra.strip().startswith(("(", "-", "−")) else change
                span = (vals[len(cols)].start(), vals[len(cols)].end())
        label = Fact(la, lb, "label", "", None, "table.column_row", text[la:lb].strip())
        for i, col in enumerate(cols):
            if not col.current or i >= len(vals) or vals[i].group(0) in ("—", "–"):
                continue
            raw = vals[i].group(0)
            neg = raw.strip().startswith(("(", "-", "−"))
            num = Decimal(re.sub(r"[^\d.]", "", raw) or "0")
            out.append((TableRow(label, metrics[-1], vals[i].start(), vals[i].end(), -num if neg else num,
                                 change if i == 0 else None, span if i == 0 else None), col.period))
    return out


def flat_table_rows(vocab: ReportVocab, text: str, header_end: int, max_chars: int = 2000) -> list[TableRow]:
    """The rows of a results table flattened onto the header's own line ("In millions of CHF … Group sales 12,414
    11,833 100 100 +4 +5 Pharmaceuticals Division 9,800 …"): a label, then its numbers; the first number is the
    current value, the first signed one the change."""
    if vocab.table_flat_row is None:
        return []
    nl = text.find("\n", header_end)
    end = min(len(text) if nl < 0 else nl, header_end + max_chars)
    out: list[TableRow] = []
    for m in vocab.table_flat_row.finditer(text, header_end, end):
        la, lb = m.start("label"), m.end("label")
        # (a metric word may look at the numbers after it: "Division 9,800")
        metrics = [f for f in vocab.metrics_in(text, la, min(end, lb + 16)) if f.kind in vocab.table_metrics
                   and f.start < lb]
        if not metrics:
            continue
        nums = [(n.start(), n.end(), n.group(0)) for n in re.finditer(r"\S+", text[m.start("nums"):m.end("nums")])]
        first = nums[0][2]
        if first[0] in "+-−" or first.endswith("%") or all(_YEAR_CELL.fullmatch(t) for _, _, t in nums):
            continue  # a change, a share, or the header's row of years
        base = m.start("nums")
        chg = next(((base + a, base + b, t) for a, b, t in nums[1:] if t[0] in "+-−"), None)
        change = None
        if chg is not None:
            num = float(re.sub(r"[^\d.]", "", chg[2]) or "nan")
            change = -num if chg[2][0] in "-−" else num
        label = Fact(la, lb, "label", "", None, "table.flat_row", text[la:lb].strip())
        out.append(TableRow(label, metrics[-1], base + nums[0][0], base + nums[0][1],
                            Decimal(first.replace(",", "").strip("()")), change,
                            (chg[0], chg[1]) if chg is not None else None))
    return out


@functools.lru_cache(maxsize=8)
def report_vocab(lang: str, patterns_dir: str | None = None) -> ReportVocab:
    """The compiled rules of one language (built once per process)."""
    return ReportVocab(lang, patterns_dir)


def sentences_with(trigger: re.Pattern[str], text: str, sentences: list[tuple[int, int]],
                   low: str | None = None) -> list[int]:
    """Indices of the sentences that hold a match of ``trigger`` (one scan of the lower-cased text)."""
    if low is None or len(low) != len(text):
        low = text.lower()
    hits = [m.start() for m in trigger.finditer(low)]
    if not hits:
        return []
    out, j = [], 0
    for i, (a, b) in enumerate(sentences):
        while j < len(hits) and hits[j] < a:
            j += 1
        if j < len(hits) and hits[j] < b:
            out.append(i)
    return out
