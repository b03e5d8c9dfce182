"""Quality gate: pinned per-field F1 floors and a hash of the corpus, kept in ``tests/eval_baseline.json``.

The test suite (``tests/test_quality_gate.py``) fails when a score drops below its floor, and when the corpus
(texts + gold) no longer has the hash the floors were measured on: then the baseline must be refreshed on
purpose. Refreshing never lowers a floor unless told to::

    python -m newsextract.gate                       # check: print scores against floors, exit 1 on a drop
    python -m newsextract.gate --update              # re-measure, raise floors, refuse to lower any
    python -m newsextract.gate --update --allow-lower

Floors are per split (dev, test, and ``realdev`` for the real-text dev set beside the repository), per language,
per metric (the eight scored deal fields, ``micro`` and ``deals``; approvals and figures per field, micro and
items where the gold is labelled for them), set to the measured F1 minus a margin (default 0.02), rounded down
to two decimals. Realdev floors are checked only where ``../shared/realdev`` is present.

>>> base = make_baseline({"test": {"en": {"asset": 0.8}}}, "sha256:x")
>>> base["floors"]
{'test': {'en': {'asset': 0.78}}}
>>> check({"test": {"en": {"asset": 0.7}}}, base).failures
[Failure(split='test', lang='en', metric='asset', score=0.7, floor=0.78)]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "GateError",
    "Failure",
    "GateResult",
    "corpus_hash",
    "scores_from_report",
    "measure",
    "floor_for",
    "make_baseline",
    "update_baseline",
    "check",
    "load_baseline",
    "save_baseline",
    "main",
]

DEFAULT_MARGIN = 0.02
DEFAULT_CORPUS = "corpus"
DEFAULT_BASELINE = "tests/eval_baseline.json"
#: the real-text dev set (not in the repository): pinned as its own split, checked only where it is present
DEFAULT_REALDEV = "../shared/realdev"
REALDEV_SPLIT = "realdev"
SPLITS = ("dev", "test")

Scores = dict[str, dict[str, dict[str, float | None]]]


class GateError(Exception):
    """Refused: updating would lower a floor (or drop a metric) without ``allow_lower``."""


@dataclass(frozen=True)
class Failure:
    split: str
    lang: str
    metric: str
    score: float | None
    floor: float

    def __str__(self) -> str:
        got = "no score" if self.score is None else f"{self.score:.4f}"
        return f"{self.split}/{self.lang}/{self.metric}: {got} < floor {self.floor:.2f}"


@dataclass
class GateResult:
    failures: list[Failure] = field(default_factory=list)
    hash_changed: bool = False
    expected_hash: str | None = None
    actual_hash: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failures and not self.hash_changed


# ------------------------------------------------------------------------------------------------ measuring
def _corpus_files(root: Path) -> list[Path]:
    files = [p for p in root.rglob("*") if p.is_file() and "snapshots" not in p.relative_to(root).parts
             and (p.name.endswith(".gold.json") or p.suffix == ".txt")]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def corpus_hash(root: str | Path) -> str:
    """SHA-256 over every article text and gold file under ``root`` (paths and bytes; snapshots excluded).

    Line endings are normalised so a checkout on Windows hashes the same.
    """
    root = Path(root)
    h = hashlib.sha256()
    for p in _corpus_files(root):
        h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(p.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return "sha256:" + h.hexdigest()


def scores_from_report(report: Any, split: str | None = None) -> Scores:
    """``{split: {lang: {metric: F1}}}`` from an :class:`~newsextract.evaluate.Report` (metrics: the deal fields,
    ``micro``, ``deals``; and where the gold is labelled for them ``approvals.<field>``, ``approvals.micro``,
    ``approvals`` and the same for figures). ``split`` puts every article in one group (realdev has no splits)."""
    from .evaluate import FIELDS, summarize, summarize_kind
    from .reports import KIND_FIELDS, KINDS

    groups: dict[tuple[str, str], list[Any]] = {}
    for r in report.articles:
        groups.setdefault((split or str(r.split or "-"), r.lang), []).append(r)
    out: Scores = {}
    for (sp, lang), results in sorted(groups.items()):
        s = summarize(results)
        metrics = {f: s["fields"][f]["f1"] for f in FIELDS}
        metrics["micro"] = s["micro"]["f1"]
        metrics["deals"] = s["deals"]["f1"]
        for kind in KINDS:
            if not any(kind in r.kinds for r in results):
                continue
            k = summarize_kind(results, kind)
            for f in KIND_FIELDS[kind]:
                metrics[f"{kind}.{f}"] = k["fields"][f]["f1"]
            metrics[f"{kind}.micro"] = k["micro"]["f1"]
            metrics[kind] = k["items"]["f1"]
        out.setdefault(sp, {})[lang] = metrics
    return out


def measure(corpus: str | Path = DEFAULT_CORPUS, extractor: Any = None,
            realdev: str | Path | None = None) -> tuple[Scores, str]:
    """Run the evaluation over the corpus: (scores per split and language, corpus hash). With ``realdev`` (the
    real-text dev set beside the repository) its scores are added as the split ``realdev``."""
    from .evaluate import evaluate

    report = evaluate(corpus, extractor=extractor)
    scores = scores_from_report(report)
    if realdev is not None and Path(realdev).is_dir():
        scores.update(scores_from_report(evaluate(realdev, extractor=extractor), split=REALDEV_SPLIT))
    return scores, corpus_hash(corpus)


# ------------------------------------------------------------------------------------------------ floors
def floor_for(score: float, margin: float = DEFAULT_MARGIN) -> float:
    """The floor for a measured score: ``score - margin`` rounded *down* to two decimals, never below 0.

    >>> floor_for(0.8765), floor_for(0.80), floor_for(0.01), floor_for(1.0, margin=0)
    (0.85, 0.78, 0.0, 1.0)
    """
    # round first so binary noise (0.78 = 0.77999...) does not cost a whole hundredth
    return max(0.0, math.floor(round((score - margin) * 100, 6)) / 100)


def _iter_metrics(tree: Scores) -> list[tuple[str, str, str, Any]]:
    return [(s, lang, m, v) for s, langs in sorted(tree.items()) for lang, ms in sorted(langs.items())
            for m, v in sorted(ms.items())]


def make_baseline(scores: Scores, chash: str, margin: float = DEFAULT_MARGIN) -> dict[str, Any]:
    """A fresh baseline: floors from scores (metrics without a score are not pinned)."""
    floors: dict[str, Any] = {}
    for split, lang, metric, v in _iter_metrics(scores):
        if v is not None:
            floors.setdefault(split, {}).setdefault(lang, {})[metric] = floor_for(v, margin)
    return {
        "about": "Quality gate floors (F1 per split/lang/metric) and the corpus hash they were measured on. "
                 "Refresh on purpose: python -m newsextract.gate --update [--allow-lower]",
        "corpus_hash": chash,
        "margin": margin,
        "floors": floors,
        "scores": scores,
    }


def update_baseline(scores: Scores, chash: str, old: dict[str, Any] | None, *, allow_lower: bool = False,
                    margin: float = DEFAULT_MARGIN) -> dict[str, Any]:
    """A new baseline from current scores; raises :class:`GateError` rather than lower a floor.

    A floor whose new value would be lower is kept as it was when the current score still meets it (nothing
    was lost, the margin just shrank); when the score is below it, the update is refused unless
    ``allow_lower``. A pinned metric that no longer has a score is also a lowering.

    >>> old = make_baseline({"dev": {"en": {"asset": 0.80, "royalty": 0.5}}}, "h1")
    >>> update_baseline({"dev": {"en": {"asset": 0.90, "royalty": 0.49}}}, "h2", old)["floors"]
    {'dev': {'en': {'asset': 0.88, 'royalty': 0.48}}}
    >>> update_baseline({"dev": {"en": {"asset": 0.70, "royalty": 0.5}}}, "h2", old)
    Traceback (most recent call last):
    ...
    newsextract.quality.gate.GateError: refusing to lower 1 floor(s) (use --allow-lower): dev/en/asset: 0.7000 < floor 0.78
    >>> update_baseline({"dev": {"en": {"asset": 0.70, "royalty": 0.5}}}, "h2", old, allow_lower=True)["floors"]
    {'dev': {'en': {'asset': 0.68, 'royalty': 0.48}}}
    """
    new = make_baseline(scores, chash, margin)
    if not old:
        return new
    lowered: list[Failure] = []
    for split, lang, metric, old_floor in _iter_metrics(old.get("floors", {})):
        if split == REALDEV_SPLIT and split not in scores:  # measured without the realdev set: keep its floors
            new["floors"].setdefault(split, {}).setdefault(lang, {})[metric] = old_floor
            continue
        score = scores.get(split, {}).get(lang, {}).get(metric)
        new_langs = new["floors"].setdefault(split, {}).setdefault(lang, {})
        if score is None:
            if not allow_lower:
                lowered.append(Failure(split, lang, metric, None, old_floor))
            continue
        if new_langs[metric] < old_floor:
            if score >= old_floor:
                new_langs[metric] = old_floor
            elif not allow_lower:
                lowered.append(Failure(split, lang, metric, score, old_floor))
    if lowered:
        raise GateError(f"refusing to lower {len(lowered)} floor(s) (use --allow-lower): "
                        + "; ".join(str(f) for f in lowered))
    return new


def check(scores: Scores, baseline: dict[str, Any], chash: str | None = None) -> GateResult:
    """Compare scores with the floors (and the corpus hash, when given). Floors of the realdev split are checked
    only when the scores have that split (the set lives outside the repository)."""
    res = GateResult(expected_hash=baseline.get("corpus_hash"), actual_hash=chash)
    if chash is not None and chash != baseline.get("corpus_hash"):
        res.hash_changed = True
    for split, lang, metric, floor in _iter_metrics(baseline.get("floors", {})):
        if split == REALDEV_SPLIT and split not in scores:
            continue
        score = scores.get(split, {}).get(lang, {}).get(metric)
        if score is None or score + 1e-9 < floor:
            res.failures.append(Failure(split, lang, metric, score, floor))
    return res


def load_baseline(path: str | Path) -> dict[str, Any] | None:
    p = Path(path)
    return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else None


def save_baseline(baseline: dict[str, Any], path: str | Path) -> None:
    Path(path).write_text(json.dumps(baseline, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def format_scores(scores: Scores, baseline: dict[str, Any] | None) -> str:
    """One line per split/lang/metric: score, floor and whether it holds."""
    floors = (baseline or {}).get("floors", {})
    lines = [f"{'split':<5} {'lang':<4} {'metric':<12} {'F1':>7} {'floor':>6}  status", "-" * 46]
    for split, lang, metric, v in _iter_metrics(scores):
        fl = floors.get(split, {}).get(lang, {}).get(metric)
        status = "" if fl is None else ("ok" if v is not None and v + 1e-9 >= fl else "BELOW")
        lines.append(f"{split:<5} {lang:<4} {metric:<12} {'-' if v is None else f'{v:.4f}':>7} "
                     f"{'' if fl is None else f'{fl:.2f}':>6}  {status}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ CLI
def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsextract.gate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="corpus folder (default: corpus)")
    ap.add_argument("--baseline", default=DEFAULT_BASELINE, help="baseline file (default: tests/eval_baseline.json)")
    ap.add_argument("--update", action="store_true", help="re-measure and write the baseline")
    ap.add_argument("--allow-lower", action="store_true", help="with --update: allow floors to go down")
    ap.add_argument("--realdev", default=DEFAULT_REALDEV,
                    help="real-text dev set, pinned as the split 'realdev' (skipped when absent; default ../shared/realdev)")
    ap.add_argument("--margin", type=float, default=None, help="floor = score - margin (default: as in baseline, else 0.02)")
    args = ap.parse_args(argv)

    old = load_baseline(args.baseline)
    scores, chash = measure(args.corpus, realdev=args.realdev)
    if args.update:
        margin = args.margin if args.margin is not None else float((old or {}).get("margin", DEFAULT_MARGIN))
        try:
            new = update_baseline(scores, chash, old, allow_lower=args.allow_lower, margin=margin)
        except GateError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        save_baseline(new, args.baseline)
        print(format_scores(scores, new))
        print(f"baseline written to {args.baseline} (corpus {chash[:19]}…)")
        return 0
    if old is None:
        print(f"error: no baseline at {args.baseline}; create it with --update", file=sys.stderr)
        return 2
    res = check(scores, old, chash)
    print(format_scores(scores, old))
    if res.hash_changed:
        print(f"corpus changed since the baseline ({res.expected_hash} -> {chash}): refresh it on purpose "
              "with python -m newsextract.gate --update", file=sys.stderr)
    for f in res.failures:
        print(f"BELOW FLOOR {f}", file=sys.stderr)
    return 0 if res.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
