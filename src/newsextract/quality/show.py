"""See what was extracted: the article with every evidence span highlighted and labelled by field
(displaCy-style, overlapping spans stacked as underlines), the deal records as a table beside it.

The page is self-contained (inline CSS, no scripts, no external resources) and every piece of text from the
article or the records is HTML-escaped.

>>> from newsextract.records import Deal, Evidence, Extraction, Party
>>> rec = Extraction(doc_id="d", deals=[Deal(licensee=Party(name="Calico"),
...     evidence=[Evidence(field="licensee", start=4, end=10, text="Calico")])])
>>> html = render_html("<b> Calico pays", rec)
>>> '&lt;b&gt;' in html, 'data-field="licensee"' in html, '<b>' in html
(True, True, False)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from ..records import DEAL_MONEY_FIELDS, Deal, Extraction, Money

__all__ = ["FIELD_COLOURS", "Span", "collect_spans", "render_html", "colour_for"]

#: one colour per field (pale enough for black text; the underline uses the same colour).
FIELD_COLOURS: dict[str, str] = {
    "licensor": "#7aecec",
    "licensee": "#bfeeb7",
    "asset": "#feca74",
    "targets": "#ff9561",
    "target": "#ff9561",
    "modality": "#aa9cfc",
    "indications": "#c887fb",
    "territory": "#9cc9cc",
    "upfront": "#ffeb80",
    "near_term": "#f0d0ff",
    "milestones": "#a0c4ff",
    "total_value": "#ff8197",
    "equity": "#bdb2ff",
    "royalty": "#c5e1a5",
    "announced": "#d1c4e9",
    "deal_type": "#b0bec5",
    "status": "#cfd8dc",
    # approvals and figures (their evidence fields are shown as "approval.drug", "figure.value" …)
    "approval.event": "#ffab91",
    "approval.regulator": "#80cbc4",
    "approval.drug": "#ffcc80",
    "approval.company": "#a5d6a7",
    "figure.value": "#fff176",
    "figure.metric": "#b39ddb",
    "figure.subject": "#90caf9",
    "figure.period": "#bcaaa4",
    "figure.change_pct": "#f48fb1",
}
_FALLBACK = ("#ddd6fe", "#fde68a", "#a7f3d0", "#fecaca", "#bae6fd", "#fbcfe8")


def colour_for(field: str) -> str:
    """The colour of a field; unknown fields get a stable colour from a small palette.

    >>> colour_for("upfront"), colour_for("something_new") == colour_for("something_new")
    ('#ffeb80', True)
    """
    if field in FIELD_COLOURS:
        return FIELD_COLOURS[field]
    return _FALLBACK[int(hashlib.md5(field.encode()).hexdigest(), 16) % len(_FALLBACK)]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    field: str
    deal: int
    rule: str | None
    text: str
    ok: bool  # the evidence text equals the document text at its offsets
    slot: int = 0
    group: str = ""  # "" for deals, "A" for approvals, "F" for figures


def collect_spans(text: str, rec: Extraction) -> tuple[list[Span], list[str]]:
    """Evidence spans of every deal, each with a stacking slot so overlapping spans do not hide each other.

    Spans outside the text or empty are left out and reported as problems.

    >>> from newsextract.records import Deal, Evidence, Extraction
    >>> ev = [Evidence(field="total_value", start=0, end=9, text="$1.2B all"), Evidence(field="upfront", start=4, end=9, text="B all"),
    ...       Evidence(field="asset", start=50, end=60, text="x")]
    >>> spans, problems = collect_spans("$1.2B all in", Extraction(doc_id="d", deals=[Deal(evidence=ev)]))
    >>> [(s.field, s.slot) for s in spans], problems
    ([('total_value', 0), ('upfront', 1)], ['deal 1 asset: offsets 50-60 outside the text (12 characters)'])
    """
    raw: list[Span] = []
    problems: list[str] = []
    owners: list[tuple[str, str, int, Any]] = [("", "deal", i, d) for i, d in enumerate(rec.deals)]
    owners += [("A", "approval", i, a) for i, a in enumerate(rec.approvals)]
    owners += [("F", "figure", i, f) for i, f in enumerate(rec.figures)]
    for group, what, di, d in owners:
        for e in d.evidence:
            field = e.field if not group else f"{what}.{e.field}"
            if not (0 <= e.start < e.end <= len(text)):
                problems.append(f"{what} {di + 1} {e.field}: offsets {e.start}-{e.end} outside the text ({len(text)} characters)")
                continue
            ok = text[e.start:e.end] == e.text
            if not ok:
                problems.append(f"{what} {di + 1} {e.field}: text at {e.start}-{e.end} is {text[e.start:e.end]!r}, evidence says {e.text!r}")
            raw.append(Span(e.start, e.end, field, di, e.rule, e.text, ok, 0, group))
    raw.sort(key=lambda s: (s.start, -s.end, s.deal, s.field))
    slot_end: list[int] = []  # per slot: end offset of the last span in it
    out = []
    for s in raw:
        for i, end in enumerate(slot_end):
            if end <= s.start:
                slot_end[i] = s.end
                slot = i
                break
        else:
            slot_end.append(s.end)
            slot = len(slot_end) - 1
        out.append(Span(s.start, s.end, s.field, s.deal, s.rule, s.text, s.ok, slot, s.group))
    return out, problems


_CSS = """
* { box-sizing: border-box; }
body { margin: 0; font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif;
       color: #222; background: #fafafa; }
header { padding: 12px 20px; background: #263238; color: #eceff1; }
header h1 { font-size: 18px; margin: 0 0 4px 0; font-weight: 600; }
header .meta { font-size: 13px; color: #b0bec5; }
.nx-main { display: flex; gap: 20px; padding: 16px 20px; align-items: flex-start; }
.nx-doc { flex: 1 1 58%; min-width: 0; background: #fff; border: 1px solid #e0e0e0; border-radius: 6px;
          padding: 18px 22px; font-size: 16px; white-space: pre-wrap; overflow-wrap: anywhere; }
.nx-side { flex: 1 1 42%; min-width: 0; position: sticky; top: 10px; max-height: calc(100vh - 20px); overflow: auto; }
.nx-span { border-bottom: 3px solid var(--c); }
.nx-seg.nx-on { background: color-mix(in srgb, var(--c0) 35%, transparent); }
.nx-label { display: inline-block; font-size: 10px; line-height: 1.3; font-weight: 700; text-transform: uppercase;
            letter-spacing: .02em; padding: 0 4px; margin: 0 2px 0 1px; border-radius: 3px; background: var(--c);
            color: #222; vertical-align: 0.45em; white-space: nowrap; }
.nx-label.nx-bad { outline: 2px dashed #d32f2f; }
.nx-deal { background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; margin-bottom: 14px; }
.nx-deal h2 { font-size: 15px; margin: 0; padding: 8px 12px; background: #eceff1; border-radius: 6px 6px 0 0; }
.nx-deal table { border-collapse: collapse; width: 100%; font-size: 13px; }
.nx-deal td, .nx-deal th { text-align: left; padding: 4px 10px; border-top: 1px solid #f0f0f0; vertical-align: top; }
.nx-deal th { width: 24%; font-weight: 600; white-space: nowrap; }
.nx-deal th i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; background: var(--c); }
.nx-deal td.nx-ev { color: #607d8b; font-size: 12px; width: 30%; }
.nx-note { background: #fff8e1; border: 1px solid #ffe082; border-radius: 6px; padding: 8px 12px; font-size: 13px; margin-bottom: 14px; }
.nx-note.nx-err { background: #ffebee; border-color: #ef9a9a; }
.nx-note ul { margin: 4px 0 0 18px; padding: 0; }
.nx-legend { font-size: 12px; margin-bottom: 12px; }
.nx-legend .nx-label { vertical-align: 0; }
"""


def _money(m: Money) -> str:
    from ..output import fmt_money

    return f"{fmt_money(m)} <span style='color:#888'>({escape(m.text)})</span>"


def _value_html(name: str, v: Any) -> str | None:
    if v is None or v == [] or v == "":
        return None
    if name in ("licensor", "licensee"):
        extra = f" <span style='color:#888'>[{escape(v.canonical)}]</span>" if v.canonical and v.canonical != v.name else ""
        return escape(v.name) + extra
    if isinstance(v, Money):
        return _money(v)
    if name == "royalty":
        bits = ["tiered" if v.tiered else "mentioned"]
        if v.min_pct is not None or v.max_pct is not None:
            bits.append(f"{v.min_pct if v.min_pct is not None else '?'}–{v.max_pct if v.max_pct is not None else '?'} %")
        if v.text:
            bits.append(f"<span style='color:#888'>({escape(v.text)})</span>")
        return escape(bits[0]) + (" " + " ".join(bits[1:]) if len(bits) > 1 else "")
    if isinstance(v, list):
        return escape(", ".join(str(x) for x in v))
    if isinstance(v, dt.date):
        return escape(v.isoformat())
    return escape(str(v))


_TABLE_FIELDS = ("deal_type", "status", "licensor", "licensee", "asset", "assets", "targets", "modality", "indications",
                 "territory", *DEAL_MONEY_FIELDS, "royalty", "announced")


#: scored fields (EVAL.md): shown even when empty, so a miss is visible
_ALWAYS = ("licensor", "licensee", "asset", "targets", "upfront", "milestones", "total_value", "royalty")


def _deal_table(i: int, d: Deal) -> str:
    ev_by_field: dict[str, list[str]] = {}
    for e in d.evidence:
        key = "targets" if e.field == "target" else e.field
        ev_by_field.setdefault(key, []).append(f"{e.start}–{e.end}" + (f" · {escape(e.rule)}" if e.rule else ""))
    rows = []
    for f in _TABLE_FIELDS:
        val = _value_html(f, getattr(d, f, None))
        if val is None:
            if f not in _ALWAYS:
                continue
            val = '<span style="color:#bbb">—</span>'  # a scored field left empty: show the gap
        ev = "<br>".join(ev_by_field.get(f, []))
        rows.append(f'<tr><th style="--c:{colour_for(f)}"><i></i>{escape(f)}</th><td>{val}</td><td class="nx-ev">{ev}</td></tr>')
    a = escape(d.licensor.name) if d.licensor else "?"
    b = escape(d.licensee.name) if d.licensee else "?"
    return (f'<section class="nx-deal" data-deal="{i + 1}"><h2>Deal {i + 1}: {escape(d.deal_type)} · {a} → {b}</h2>'
            f'<table>{"".join(rows)}</table></section>')


def _kind_table(group: str, i: int, r: Any) -> str:
    """An approval (group "A") or a figure ("F") as a small table, fields coloured like their spans."""
    from ..output import approval_summary, figure_summary, fmt_value

    what = "approval" if group == "A" else "figure"
    fields = ("regulator", "event", "designation", "drug", "brand", "code", "company", "indication", "date") \
        if group == "A" else ("subject", "kind", "metric", "value", "period", "change_pct")
    rows = []
    for f in fields:
        v = getattr(r, f if f != "subject" else "subject_name", None)
        if v is None or v == "":
            continue
        if f == "company":
            v = v.name
        elif f == "value":
            v = fmt_value(v)
        ev = "<br>".join(f"{e.start}–{e.end}" + (f" · {escape(e.rule)}" if e.rule else "")
                         for e in r.evidence if e.field == f)
        rows.append(f'<tr><th style="--c:{colour_for(what + "." + f)}"><i></i>{escape(f)}</th><td>{escape(str(v))}</td>'
                    f'<td class="nx-ev">{ev}</td></tr>')
    head = approval_summary(r) if group == "A" else figure_summary(r)
    return (f'<section class="nx-deal" data-{what}="{i + 1}"><h2>{what.capitalize()} {group}{i + 1}: {escape(head)}</h2>'
            f'<table>{"".join(rows)}</table></section>')


def _render_text(text: str, spans: list[Span], multi: bool) -> str:
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for s in sorted(starts.get(a, []), key=lambda s: s.slot):
            label = (f"{s.deal + 1}·{s.field}" if multi else s.field) if not s.group else \
                f"{s.group}{s.deal + 1}·{s.field.split('.', 1)[1]}"
            title = f"deal {s.deal + 1} {s.field} {s.start}-{s.end}" + (f" rule {s.rule}" if s.rule else "") + (
                "" if s.ok else " (evidence text differs from the document)")
            cls = "nx-label" + ("" if s.ok else " nx-bad")
            parts.append(f'<span class="{cls}" style="--c:{colour_for(s.field)}" data-field="{escape(s.field)}" '
                         f'data-deal="{s.deal + 1}" data-start="{s.start}" data-end="{s.end}" '
                         f'title="{escape(title)}">{escape(label)}</span>')
        active = sorted((s for s in spans if s.start <= a and s.end >= b), key=lambda s: s.slot)
        seg = escape(text[a:b])
        for s in reversed(active):  # innermost = lowest slot; each underline sits lower by its slot
            seg = (f'<span class="nx-span" data-field="{escape(s.field)}" '
                   f'style="--c:{colour_for(s.field)};padding-bottom:{1 + 5 * s.slot}px">{seg}</span>')
        if active:
            parts.append(f'<span class="nx-seg nx-on" style="--c0:{colour_for(active[0].field)}" '
                         f'data-s="{a}" data-e="{b}">{seg}</span>')
        else:
            parts.append(f'<span class="nx-seg" data-s="{a}" data-e="{b}">{seg}</span>')
    return "".join(parts)


def render_html(text: str, rec: Extraction, *, title: str | None = None) -> str:
    """The whole page for one article and its extraction record."""
    spans, problems = collect_spans(text, rec)
    depth = 1 + max((s.slot for s in spans), default=0)
    head = escape(title or rec.title or rec.doc_id)
    meta = [f"id {escape(rec.doc_id)}", f"lang {escape(rec.lang)}", f"{len(rec.deals)} deal(s)",
            f"{len(rec.approvals)} approval(s)", f"{len(rec.figures)} figure(s)", f"{len(spans)} evidence span(s)"]
    if rec.published:
        meta.append(f"published {rec.published.isoformat()}")
    side = []
    if rec.error:
        side.append(f'<div class="nx-note nx-err"><b>error</b>: {escape(rec.error)}</div>')
    if rec.warnings or problems:
        items = "".join(f"<li>{escape(w)}</li>" for w in list(rec.warnings) + problems)
        side.append(f'<div class="nx-note"><b>warnings</b><ul>{items}</ul></div>')
    fields_seen = sorted({s.field for s in spans})
    if fields_seen:
        side.append('<div class="nx-legend">' + " ".join(
            f'<span class="nx-label" style="--c:{colour_for(f)}">{escape(f)}</span>' for f in fields_seen) + "</div>")
    if not rec.deals and not rec.error:
        side.append('<div class="nx-note">no deals found</div>')
    side.extend(_deal_table(i, d) for i, d in enumerate(rec.deals))
    side.extend(_kind_table("A", i, a) for i, a in enumerate(rec.approvals))
    side.extend(_kind_table("F", i, f) for i, f in enumerate(rec.figures))
    line_height = 1.75 + 0.2 * (depth - 1)
    return (
        "<!DOCTYPE html>\n<html lang=\"" + escape(rec.lang) + "\"><head><meta charset=\"utf-8\">"
        f"<title>{head} · newsextract</title><style>{_CSS}.nx-doc {{ line-height: {line_height:.2f}; }}</style></head>"
        f"<body><header><h1>{head}</h1><div class=\"meta\">{' · '.join(meta)}</div></header>"
        f"<div class=\"nx-main\"><article class=\"nx-doc\">{_render_text(text, spans, len(rec.deals) > 1)}</article>"
        f"<aside class=\"nx-side\">{''.join(side)}</aside></div></body></html>\n"
    )


def show_file(path: str | Path, out: str | Path, *, lang: str | None = None, extractor: Any = None) -> Extraction:
    """Extract one article file (gold beside it gives lang/published/title) and write its HTML page."""
    from ..ingest import load_path
    from .snapshots import extract_article

    p = Path(path)
    text = load_path(p).text  # any encoding, HTML reduced to its article text (InputError when unreadable)
    meta: dict[str, Any] = {}
    gold = p.with_name(p.name[: -len(p.suffix)] + ".gold.json")
    if gold.is_file():
        import json

        meta = json.loads(gold.read_text(encoding="utf-8"))
    if extractor is None:
        from ..api import Extractor

        extractor = Extractor()
    from ..api import detect_lang

    rec = extract_article(extractor, text, lang=lang or meta.get("lang") or detect_lang(text), doc_id=p.stem,
                          published=meta.get("published"), title=meta.get("title"))
    Path(out).write_text(render_html(text, rec, title=meta.get("title")), encoding="utf-8")
    return rec
