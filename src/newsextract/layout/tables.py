"""Deal tables: pipe- or tab-separated rows under a header naming licensor/licensee/upfront … columns.

A row becomes one deal; bare numbers take the unit of the header ("$ in millions", "Upfront ($M)").
Vocabulary in ``patterns/<lang>/tables.yml``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..normalize.money import find_money
from ..normalize.money.tables import scale_headers
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
#: a column header that makes its amounts ceilings ("Maximum remaining milestones", "Up to ($M)", "最高里程碑")
_MAX_HEAD = re.compile(r"\b(?:max(?:imum)?|up to)\b|最高|至多|最多|不超过|不超過", re.I)
#: a ceiling before a bare number in a cell ("up to 880", "≤ 142")
_CEILING = re.compile(r"\s*(?:up to|as much as|max(?:imum)?\.?|≤|<=?|最高|至多|最多|不超过|不超過)\s*", re.I)
#: an approximation before a bare number in a cell ("约900", "~120"), dropped
_ABOUT = re.compile(r"\s*(?:about|approx(?:imately|\.)?|~|约|約|近)\s*", re.I)
#: the parts of a cell that adds them ("up to 320 dev./reg. + up to 510 sales")
_PLUS = re.compile(r"\s\+\s")
#: a word after a part's number that names its kind ("320 dev./reg.", "510 sales")
_PART_NOTE = re.compile(r"(?<=\d)\s+(?:[a-z][\w./-]*\s*){1,3}$", re.I)


#: the longest line a flattened table's cell may be, and the most columns it may have
_FLAT_CELL_MAX = 60
_FLAT_MAX_COLS = 12
#: how many title lines may stand right above a flattened table's header, and note lines right under its last row
_FLAT_LEAD = 2
_FLAT_TAIL = 2
#: "not disclosed" written with dots ("n.d.", "N.A.")
_ND = re.compile(r"n\.?\s?/?\s?[ad]\.?", re.I)
#: a cell ending in a full stop that is an abbreviation, not a sentence's end ("Co., Ltd.", "Inc.")
_ABBREV_END = re.compile(r"\b(?:Ltd|Inc|Co|Corp|Pharm|S\.A|N\.V|plc|L\.P|LLC|Bio)\.$", re.I)


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
        # (a Chinese table may use the full-width bar: 恒瑞医药｜默沙东｜首付款2亿美元)
        sep = next((c for c in ("|", "\uff5c", "\t") if line.count(c) >= 2), None)
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
        if not self.ok:
            return [], []
        lines, pos = [], 0
        for ln in text.split("\n"):
            lines.append((pos, ln))
            pos += len(ln) + 1
        deals: list[Deal] = []
        ranges: list[tuple[int, int]] = []
        if "|" not in text and "\t" not in text and "\uff5c" not in text:
            self._flat_tables(text, lines, deals, ranges)
            return deals, ranges
        i = 0
        while i < len(lines):
            start, ln = lines[i]
            cells = self._cells(ln, start)
            if not cells:
                i += 1
                continue
            cols = self._header(cells)
            # a header names a party column and at least one more: a row of a pipeline table with one cell that holds
            # a column word ("ARV-5 | GLP-1/GIP | Phase 3 | Partner: Hansoh") is data, no header
            if len(cols) < 2 or not ({"licensor", "licensee"} & set(cols.values())):
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
        self._flat_tables(text, lines, deals, ranges)
        return deals, ranges

    def _flat_tables(self, text: str, lines: list[tuple[int, str]], deals: list[Deal],
                     ranges: list[tuple[int, int]]) -> None:
        """Tables flattened to one cell per line (a filing's table pasted as text): a block of short lines, the
        header's cells one under another ("Partner" / "Product candidate" / "Upfront payment" …), then the rows'
        cells the same way, a currency sign sometimes on a line of its own ("$" / "12,000"). The number of columns
        is the one that cuts the block into whole rows whose columns each hold one kind of cell."""
        i, n = 0, len(lines)
        while i < n:
            cells, j = self._flat_block(lines, i)
            got = self._flat_split(cells) if len(cells) >= 6 else None
            if got is None:
                i = max(i + 1, j)
                continue
            header, rows = got
            cols = self._header(header)
            # (the lines above it, its title lines and its header)
            above = " ".join(prev for _, prev in lines[max(0, i - 3):i]) + " " + " ".join(
                c[2] for c in cells if c[0] <= header[-1][0])
            table_scale = self._unit(above)
            if table_scale is None:
                # a filing note's units header further up ("(in thousands, except share amounts)")
                heads = [h for h in scale_headers(text, self.lang) if h[1] <= header[0][0]]
                table_scale = heads[-1][2] if heads else None
            self._above = above
            for row in rows:
                d = self._row(text, row, cols, header, table_scale)
                if d is not None:
                    status = self._status(row, cols)
                    if status is not None:
                        d.status = status  # type: ignore[assignment]
                    deals.append(d)
            ranges.append((header[0][0], rows[-1][-1][1]))
            i = j

    def _flat_block(self, lines: list[tuple[int, str]], i: int) -> tuple[list[tuple[int, int, str]], int]:
        """The cells of the run of short lines from line ``i`` (a lone currency sign joins the cell under it), and
        the line after the run."""
        out: list[tuple[int, int, str]] = []
        pending: tuple[int, str] | None = None
        j = i
        while j < len(lines):
            start, ln = lines[j]
            t = ln.strip()
            if not t or len(t) > _FLAT_CELL_MAX or (t[-1] in ".:;。：；" and not _ABBREV_END.search(t) and not self._nd(t)) \
                    or self._cells(ln, start):
                break
            a = start + len(ln) - len(ln.lstrip())
            if pending is None and any(rx.match(t) for rx, _ in self.money.prefix_rx):
                pending = (a, t)
            elif pending is not None:
                out.append((pending[0], a + len(t), pending[1] + t))
                pending = None
            else:
                out.append((a, a + len(t), t))
            j += 1
        return out, j

    def _kind(self, cell: str) -> str:
        """A cell's kind: "nd" (not disclosed), "num" (an amount or a number) or "text"."""
        clean = self.rx["table.cell_note"].sub("", cell).strip().rstrip("*")
        if self._nd(clean):
            return "nd"
        c = _CEILING.sub("", clean, count=1)
        c = _ABOUT.sub("", c, count=1) if _ABOUT.match(c) else c
        if self.bare_number.match(c) or find_money(c, self.lang):
            return "num"
        return "text"

    def _nd(self, cell: str) -> bool:
        """A cell that says "not disclosed" ("n.d.", "N/A", "—", "未披露")."""
        return cell.lower() in self.nd or _ND.fullmatch(cell) is not None

    def _flat_split(self, cells: list[tuple[int, int, str]]
                    ) -> tuple[list[tuple[int, int, str]], list[list[tuple[int, int, str]]]] | None:
        """The header and the rows of a flattened table, or None when the cells are not one. A title line or two
        may stand above the header, and a line or two (a source note) under the last row."""
        head = self._header(cells[:_FLAT_MAX_COLS + _FLAT_LEAD])
        if len(head) < 3 or not ({"licensor", "licensee"} & set(head.values())):
            return None
        kinds = [self._kind(t) for _, _, t in cells]
        for tail in range(_FLAT_TAIL + 1):
            for lead in range(_FLAT_LEAD + 1):
                body = cells[lead:len(cells) - tail]
                if tail and any(k != "text" for k in kinds[len(cells) - tail:]):
                    continue
                got = self._flat_width(body, kinds[lead:len(cells) - tail])
                if got is not None:
                    return body[:got], [body[r:r + got] for r in range(got, len(body), got)]
        return None

    def _flat_width(self, cells: list[tuple[int, int, str]], kinds: list[str]) -> int | None:
        """The column count that cuts ``cells`` into a header and whole rows whose columns each hold one kind of
        cell (amounts under the money columns, names under the party columns)."""
        for width in range(3, min(_FLAT_MAX_COLS, len(cells) // 2) + 1):
            if len(cells) % width or any(k != "text" for k in kinds[:width]):
                continue
            cols = self._header(cells[:width])
            if len(cols) < 3 or not ({"licensor", "licensee"} & set(cols.values())):
                continue
            if not any(c in DEAL_MONEY_FIELDS for c in cols.values()):
                continue
            ok = True
            for k in range(width):
                seen = {kinds[r] for r in range(width + k, len(cells), width)} - {"nd"}
                if len(seen) > 1 or (cols.get(k) in DEAL_MONEY_FIELDS and seen == {"text"}) or \
                        (cols.get(k) in ("licensor", "licensee") and seen != {"text"}):
                    ok = False
                    break
            if ok:
                return width
        return None

    def _status(self, row: list[tuple[int, int, str]], cols: dict[int, str]) -> str | None:
        """A row's status from its status cell ("Terminated", "Closed"), None for any other."""
        for k, col in cols.items():
            if col == "status" and k < len(row):
                t = row[k][2]
                if self.rx["table.status_ended"].search(t):
                    return "terminated"
                if self.rx["table.status_closed"].search(t):
                    return "completed"
        return None

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
        # a table of acquisitions: its party columns name a buyer or what was bought ("Acquirer", "被收购方")
        bought = any(col in ("licensor", "licensee") and k < len(header)
                     and self.rx["table.acquisition_column"].search(header[k][2]) for k, col in cols.items())
        return Deal(deal_type="acquisition" if bought else "license", status="signed", evidence=ev,
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
            return amt, m.currency, bool(m.upper_bound) or _MAX_HEAD.search(head) is not None
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
        return Decimal(n.group("num").replace(",", "")) * scale, cur, ceiling or _MAX_HEAD.search(head) is not None
