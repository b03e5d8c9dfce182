"""Output snapshots: the full current output per corpus article, stored as canonical JSON and compared.

A snapshot is *not* gold. Gold (``<id>.gold.json``) is hand-made and only ever scored; a snapshot
(``corpus/snapshots/<lang>/<id>.json``) is whatever the extractor produced when it was last accepted, and is
regenerated with ``newsextract check --update`` (or ``pytest --force-regen``) and reviewed as a diff.

The canonical form is stable: sorted keys, two-space indent, UTF-8, one trailing newline, and no
run-dependent values (the document text and input encoding are dropped, ``doc_id`` is the corpus id).

>>> from newsextract.records import Deal, Extraction, Party
>>> old = canonical(Extraction(doc_id="en-1", deals=[Deal(licensor=Party(name="A"))]))
>>> new = canonical(Extraction(doc_id="en-1", deals=[Deal(licensor=Party(name="B")), Deal()]))
>>> for line in diff(old, new, "en-1"):
...     print(line)
en-1 deal 0 licensor.name: "A" → "B"
en-1 deal 1 added: license signed ? -> ?
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Extraction

__all__ = [
    "canonical",
    "dumps",
    "snapshot_path",
    "diff",
    "CheckResult",
    "check_corpus",
    "DEFAULT_SNAPSHOTS",
]

#: snapshot folder name under the corpus root.
DEFAULT_SNAPSHOTS = "snapshots"
#: values that depend on the run or on how the input was read, not on the text; dropped from snapshots.
_RUN_DEPENDENT = ("text", "encoding")


def canonical(rec: Extraction) -> dict[str, Any]:
    """The record as plain JSON data, without run-dependent values."""
    data = rec.model_dump(mode="json")
    for k in _RUN_DEPENDENT:
        data.pop(k, None)
    return data


def dumps(data: Any) -> str:
    """Canonical JSON text: sorted keys, indent 2, non-ASCII kept, one trailing newline.

    >>> dumps({"b": 1, "a": ["亿"]})
    '{\\n  "a": [\\n    "亿"\\n  ],\\n  "b": 1\\n}\\n'
    """
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def snapshot_path(snapshots: str | Path, lang: str, doc_id: str) -> Path:
    """``<snapshots>/<lang>/<id>.json``."""
    return Path(snapshots) / lang / f"{doc_id}.json"


def _short(v: Any, n: int = 120) -> str:
    s = json.dumps(v, sort_keys=True, ensure_ascii=False)
    return s if len(s) <= n else s[: n - 1] + "…"


def _deal_label(d: dict[str, Any]) -> str:
    def name(p: Any) -> str:
        return p.get("name", "?") if isinstance(p, dict) else "?"

    return f"{d.get('deal_type')} {d.get('status')} {name(d.get('licensor'))} -> {name(d.get('licensee'))}"


def _evidence_key(e: dict[str, Any]) -> str:
    return f"{e.get('field')}@{e.get('start')}-{e.get('end')} {e.get('text')!r}" + (
        f" [{e['rule']}]" if e.get("rule") else ""
    )


def _leaf_diffs(a: Any, b: Any, path: str) -> list[tuple[str, Any, Any]]:
    """Differences between two values, descending into dicts present on both sides."""
    if a == b:
        return []
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            out.extend(_leaf_diffs(a.get(k), b.get(k), f"{path}.{k}"))
        return out
    return [(path, a, b)]


def diff(expected: dict[str, Any], got: dict[str, Any], article: str) -> list[str]:
    """Readable differences between two canonical records: one line per (article, deal, field).

    Evidence lists are compared as sets of spans, so only spans that appeared or vanished are shown.

    >>> diff({"deals": [], "warnings": []}, {"deals": [], "warnings": ["w"]}, "zh-1")
    ['zh-1 warnings: [] → ["w"]']
    """
    lines: list[str] = []
    for k in sorted(set(expected) | set(got)):
        if k in ("deals", "approvals", "figures"):
            continue
        if expected.get(k) != got.get(k):
            lines.append(f"{article} {k}: {_short(expected.get(k))} → {_short(got.get(k))}")
    for kind in ("approvals", "figures"):
        lines.extend(_kind_diff(expected.get(kind) or [], got.get(kind) or [], article, kind))
    ed, gd = expected.get("deals") or [], got.get("deals") or []
    for i in range(max(len(ed), len(gd))):
        if i >= len(gd):
            lines.append(f"{article} deal {i} removed: {_deal_label(ed[i])}")
            continue
        if i >= len(ed):
            lines.append(f"{article} deal {i} added: {_deal_label(gd[i])}")
            continue
        a, b = ed[i], gd[i]
        for k in sorted(set(a) | set(b)):
            if a.get(k) == b.get(k):
                continue
            if k == "evidence":
                ea = {_evidence_key(e) for e in a.get(k) or []}
                eb = {_evidence_key(e) for e in b.get(k) or []}
                for e in sorted(ea - eb):
                    lines.append(f"{article} deal {i} evidence removed: {e}")
                for e in sorted(eb - ea):
                    lines.append(f"{article} deal {i} evidence added: {e}")
                if ea == eb:
                    lines.append(f"{article} deal {i} evidence: order changed")
                continue
            for path, x, y in _leaf_diffs(a.get(k), b.get(k), k):
                lines.append(f"{article} deal {i} {path}: {_short(x)} → {_short(y)}")
    return lines


def _kind_label(kind: str, r: dict[str, Any]) -> str:
    if kind == "approvals":
        return f"{r.get('regulator') or '?'} {r.get('event')} {r.get('drug') or '?'}"
    v = r.get("value") or {}
    subject = r.get("subject")
    name = subject.get("name") if isinstance(subject, dict) else subject
    return f"{name} {r.get('metric')} {v.get('amount')} {v.get('currency') or v.get('unit') or ''} {r.get('period') or ''}".rstrip()


def _kind_diff(old: list[dict[str, Any]], new: list[dict[str, Any]], article: str, kind: str) -> list[str]:
    """Approvals / figures that appeared, vanished or changed (compared by their summary line, evidence aside)."""
    strip = [{k: v for k, v in r.items() if k != "evidence"} for r in old]
    strip_new = [{k: v for k, v in r.items() if k != "evidence"} for r in new]
    out = []
    what = kind[:-1]
    for r in strip:
        if r not in strip_new:
            out.append(f"{article} {what} removed: {_kind_label(kind, r)}")
    for r in strip_new:
        if r not in strip:
            out.append(f"{article} {what} added: {_kind_label(kind, r)}")
    if not out and old != new:
        out.append(f"{article} {kind}: evidence changed")
    return out


@dataclass
class CheckResult:
    """What ``newsextract check`` found."""

    checked: int = 0
    unchanged: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.changed and not self.missing

    def report(self) -> str:
        lines: list[str] = []
        for art, dl in self.changed.items():
            lines.extend(dl or [f"{art}: formatting changed"])
        for art in self.missing:
            lines.append(f"{art}: no snapshot (run with --update to create it)")
        for art in self.updated:
            lines.append(f"{art}: snapshot written")
        summary = f"{self.checked} articles: {len(self.unchanged)} unchanged, {len(self.changed)} changed, " \
                  f"{len(self.missing)} without snapshot"
        if self.updated:
            summary += f", {len(self.updated)} snapshots written"
        lines.append(summary)
        return "\n".join(lines)


def extract_article(extractor: Any, text: str, *, lang: str, doc_id: str, published: Any = None,
                    title: str | None = None) -> Extraction:
    """One article through the extractor; a failure becomes an error record, as in batch mode."""
    return next(iter(extractor.pipe(
        [{"id": doc_id, "text": text, "lang": lang, "published": published, "title": title}], errors="record"
    )))


def check_corpus(corpus: str | Path, ids: Iterable[str] | None = None, *, update: bool = False,
                 snapshots: str | Path | None = None, extractor: Any = None) -> CheckResult:
    """Extract every (or every named) corpus article and compare with its snapshot.

    With ``update=True`` the snapshots of the checked articles are rewritten (only when they differ), and
    the differences found are still reported.
    """
    from .evaluate import iter_gold

    corpus = Path(corpus)
    snap_root = Path(snapshots) if snapshots else (corpus if corpus.is_dir() else corpus.parent) / DEFAULT_SNAPSHOTS
    wanted = list(ids) if ids else None
    golds = list(iter_gold(corpus, ids=wanted))
    if wanted:
        unknown = sorted(set(wanted) - {g.id for g in golds})
        if unknown:
            raise FileNotFoundError(f"no corpus article with id {', '.join(unknown)} under {corpus}")
    if extractor is None:
        from ..api import Extractor

        extractor = Extractor()
    res = CheckResult()
    for g in golds:
        res.checked += 1
        rec = extract_article(extractor, g.text(), lang=g.lang, doc_id=g.id, published=g.published, title=g.title)
        got = canonical(rec)
        text = dumps(got)
        path = snapshot_path(snap_root, g.lang, g.id)
        if not path.is_file():
            res.missing.append(g.id)
        else:
            old_text = path.read_text(encoding="utf-8")
            if old_text == text:
                res.unchanged.append(g.id)
                continue
            res.changed[g.id] = diff(json.loads(old_text), got, g.id)
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            res.updated.append(g.id)
    return res
