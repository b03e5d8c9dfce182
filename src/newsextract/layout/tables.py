"""Deal tables: pipe- or tab-separated rows under a header naming licensor/licensee/upfront … columns.

A row becomes one deal; bare numbers take the unit of the header ("$ in millions", "Upfront ($M)").
Vocabulary in ``patterns/<lang>/tables.yml``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..normalize.money import find_money
from ..normalize.money.vocab import money_vocab
from ..normalize.names import display_name
from ..patterns import has_file, load_file, regex_table
from ..records import DEAL_MONEY_FIELDS, Deal, Evidence, Money, Party

__all__ = ["TableReader"]

#: a bare number in a cell, maybe after a currency (``prefix_currencies`` of money.yml)
_NUM = r"^\s*(?P<pre>{pre})?\s*(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*\*?\s*$"



#: a table cell that is one lower-case generic name ("petrelintide", "ivonescimab")
_INN_CELL = re.compile(r"[a-z][a-z-]{3,}(?:mab|tide|ib|cept|cel|vec|tecan|dotin|stat|siran|rsen|prazan|gliflozin|vir|tug|fusp"
                       r"|kinra|strant|gepant|ximod|imod)(?: (?:alfa|beta|pegol|vedotin|deruxtecan|govitecan))?")

#: an asset cell with a description in brackets after it ("HB-330 (PD-L1 x 4-1BB bispecific)")
_DESCRIBED = re.compile(r"(\S[^()（）]*?)\s*[(（]([^()（）]+)[)）]")
#: a ceiling before a bare number in a cell ("up to 880", "≤ 142")
_CEILING = re.compile(r"\s*(?:up to|as much as|max(?:imum)?\.?|≤|<=?|最高|至多|最多|不超过|不超過)\s*", re.I)
#: an approximation before a bare number in a cell ("约900", "~120"), dropped
_ABOUT = re.compile(r"\s*(?:about|approx(?:imately|\.)?|~|约|約|近)\s*", re.I)
#: the parts of a cell that adds them ("up to 320 dev./reg. + up to 510 sales")
_PLUS = re.compile(r"\s\+\s")
#: a word after a part's number that names its kind ("320 dev./reg.", "510 sales")
_PART_NOTE = re.compile(r"(?<=\d)\s+(?:[a-z][\w./-]*\s*){1,3}$", re.I)


class TableReader:
    def __init__(self, lang: str, patterns_dir: str | None = None, targets: Any = None) -> None:
        self.lang = lang
        self.ok = has_file(lang, "tables", patterns_dir)
        if not self.ok:
            return
        data = load_file(lang, "tables", patterns_dir)
        self.columns = [(col, re.compile(r"\b(?:" + "|".join(words) + r")", re.I))
                        for col, words in data["columns"].items()]
        self.units = [(int(k), re.compile("|".join(v), re.I)) for k, v in data["units"].items()]
        self.skip = [re.compile(p, re.I) for p in data.get("skip_rows", [])]
        self.nd = {s.lower() for s in data.get("not_disclosed", [])}
        self.unnamed = [re.compile(p, re.I) for p in data.get("unnamed_party", [])]
        self.targets = targets
        self.rx = regex_table(lang, "tables", patterns_dir)
        self.money = money_vocab(lang, patterns_dir)
        prefixes = sorted((p for p, _ in self.money.prefix), key=len, reverse=True)
        self.bare_number = re.compile(_NUM.format(pre="|".join(prefixes)))
        self._above = ""  # the lines above the table being read, with its header

    def _cells(self, line: str, start: int) -> list[tuple[int, int, str]] | None:
        sep = "|" if line.count("|") >= 2 else ("\t" if line.count("\t") >= 2 else None)
        if sep is None:
            return None
        out, pos = [], 0
        for part in line.split(sep):
            a = pos + len(part) - len(part.lstrip())
            b = pos + len(part.rstrip())
            out.append((start + a, start + b, part.strip()))
            pos += len(part) + 1
        if line.strip().startswith(sep):
            out = out[1:]
        if line.strip().endswith(sep):
            out = out[:-1]
        return out

    def read(self, text: str) -> tuple[list[Deal], list[tuple[int, int]]]:
        """Deals from every table in ``text`` and the character ranges the tables cover."""
        if not self.ok or ("|" not in text and "\t" not in text):
            return [], []
        lines, pos = [], 0
        for ln in text.split("\n"):
            lines.append((pos, ln))
            pos += len(ln) + 1
        deals: list[Deal] = []
        ranges: list[tuple[int, int]] = []
        i = 0
        while i < len(lines):
            start, ln = lines[i]
            cells = self._cells(ln, start)
            if not cells:
                i += 1
                continue
            cols = self._header(cells)
            if not cols or not ({"licensor", "licensee"} & set(cols.values())):
                i += 1
                continue
            above = " ".join(prev for _, prev in lines[max(0, i - 3):i]) + " " + ln
            table_scale = self._unit(above)
            self._above = above
            j = i + 1
            while j < len(lines):
                s2, l2 = lines[j]
                c2 = self._cells(l2, s2)
                if not c2:
                    break
                if not any(rx.search(l2) for rx in self.skip):
                    d = self._row(text, c2, cols, cells, table_scale)
                    if d is not None:
                        deals.append(d)
                j += 1
            ranges.append((start, lines[j - 1][0] + len(lines[j - 1][1])))
            i = j
        return deals, ranges

    def _header(self, cells: list[tuple[int, int, str]]) -> dict[int, str]:
        cols: dict[int, str] = {}
        for k, (_, _, t) in enumerate(cells):
            for col, rx in self.columns:
                if rx.search(t) and col not in cols.values():
                    cols[k] = col
                    break
        return cols

    def _unit(self, s: str) -> int | None:
        for scale, rx in self.units:
            if rx.search(s):
                return scale
        return None

    def _row(self, text: str, cells: list[tuple[int, int, str]], cols: dict[int, str],
             header: list[tuple[int, int, str]], table_scale: int | None) -> Deal | None:
        fields: dict[str, Any] = {}
        ev: list[Evidence] = []
        for k, col in cols.items():
            if k >= len(cells):
                continue
            a, b, t = cells[k]
            clean = self.rx["table.cell_note"].sub("", t).strip().rstrip("*")
            if clean.lower() in self.nd:
                continue
            if col in ("licensor", "licensee"):
                if any(rx.search(clean) for rx in self.unnamed):
                    continue
                fields[col] = Party(name=display_name(clean))
                ev.append(Evidence(field=col, start=a, end=a + len(clean), text=text[a:a + len(clean)], rule="table.party"))
            elif col == "asset":
                # a code or brand ("GUB014295"), or a lower-case generic name ("petrelintide"); what follows it in
                # brackets describes it ("HB-330 (PD-L1 x 4-1BB bispecific)": its targets when no column names them)
                described = _DESCRIBED.fullmatch(clean)
                if described is not None:
                    clean = described.group(1)
                    if "targets" not in cols.values() and self.targets is not None:
                        found = [f.value for f in self.targets.find(described.group(2))]
                        if found:
                            fields["targets"] = list(dict.fromkeys([*fields.get("targets", []), *found]))
                            ev.append(Evidence(field="targets", start=a, end=b, text=t, rule="table.targets"))
                if (re.search(r"[A-Z0-9]", clean) or _INN_CELL.fullmatch(clean)) and len(clean) < 40:
                    fields["asset"] = clean
                    ev.append(Evidence(field="asset", start=a, end=a + len(clean), text=text[a:a + len(clean)], rule="table.asset"))
            elif col == "targets":
                if self.targets is not None:
                    found = [f.value for f in self.targets.find(clean)]
                    if found:
                        fields["targets"] = list(dict.fromkeys(found))
                        ev.append(Evidence(field="targets", start=a, end=b, text=t, rule="table.targets"))
            elif col in DEAL_MONEY_FIELDS:
                m = self._money(t, header[k][2] if k < len(header) else "", table_scale)
                if m is not None:
                    fields[col] = Money(amount=m[0], currency=m[1], text=t, upper_bound=m[2])
                    ev.append(Evidence(field=col, start=a, end=b, text=t, rule="table.money"))
        if "targets" not in cols.values() and self.targets is not None:
            # no target column: the targets a description or modality cell names ("oral Lp(a) inhibitor")
            for k, (a, b, t) in enumerate(cells):
                if k in cols:
                    continue
                found = [f.value for f in self.targets.find(t)]
                if found:
                    fields["targets"] = list(dict.fromkeys([*fields.get("targets", []), *found]))
                    ev.append(Evidence(field="targets", start=a, end=b, text=t, rule="table.targets"))
        if not (fields.get("licensor") or fields.get("licensee")):
            return None
        if not any(k in fields for k in (*DEAL_MONEY_FIELDS, "asset", "targets")):
            return None
        return Deal(deal_type="license", status="signed", evidence=ev,
                    assets=[fields["asset"]] if "asset" in fields else [], **fields)

    def _money(self, cell: str, head: str, table_scale: int | None) -> tuple[Decimal, str, bool] | None:
        """A cell's amount, its currency and whether it is a ceiling ("up to 880"); the parts of a cell that adds
        them ("up to 320 dev./reg. + up to 510 sales") are summed."""
        found = [m for m in find_money(cell, self.lang) if not m.conversion]
        if found:
            m = found[0]
            amt = m.amount
            if not m.scaled:
                amt *= self._unit(head) or table_scale or 1
            return amt, m.currency, bool(m.upper_bound)
        parts = [p for p in _PLUS.split(cell) if p.strip()]
        if len(parts) > 1:
            read = [self._money(p, head, table_scale) for p in parts]
            if all(r is not None for r in read) and len({r[1] for r in read if r}) == 1:
                return sum((r[0] for r in read if r), Decimal(0)), read[0][1], any(r[2] for r in read if r)  # type: ignore[index]
            return None
        q = _CEILING.match(cell)
        ceiling = q is not None
        if q is not None:
            cell = cell[q.end():]
        cell = _PART_NOTE.sub("", cell)
        cell = _ABOUT.sub("", cell, count=1) if _ABOUT.match(cell) else cell
        n = self.bare_number.match(cell)
        if not n:
            return None
        scale = self._unit(head) or table_scale
        if scale is None:
            return None
        pre = n.group("pre")
        # the currency the header cell names, else the one the units line above the table names ("金额单位：百万美元")
        cur = (pre and self.money.currency(pre, self.money.prefix_rx)) or self.money.table_currency(
            head if any(rx.search(head) for _, rx in self.money.table_currencies) else self._above)
        return Decimal(n.group("num").replace(",", "")) * scale, cur, ceiling
