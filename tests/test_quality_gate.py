"""The quality gate: scores on the corpus must not drop below the floors pinned in eval_baseline.json.

When the corpus (texts or gold) changes, the floors no longer describe it: refresh them on purpose with
``python -m newsextract.gate --update`` (add ``--allow-lower`` only when a drop is intended), review the diff of
``tests/eval_baseline.json`` and commit it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsextract.quality.gate import check, corpus_hash, load_baseline, scores_from_report

BASELINE_PATH = Path(__file__).with_name("eval_baseline.json")
BASELINE = load_baseline(BASELINE_PATH) or {}
GROUPS = sorted((s, lang) for s, langs in BASELINE.get("floors", {}).items() for lang in langs if s != "realdev")
REALDEV = sorted(lang for lang in BASELINE.get("floors", {}).get("realdev", {}))


def test_quality_gate_baseline_exists():
    assert BASELINE, f"no baseline at {BASELINE_PATH}: create it with python -m newsextract.gate --update"


def test_quality_gate_corpus_hash_unchanged(corpus_dir):
    got = corpus_hash(corpus_dir)
    assert got == BASELINE.get("corpus_hash"), (
        "the corpus (texts or gold) changed since the floors were measured: refresh the baseline on purpose "
        "with `python -m newsextract.gate --update` and review tests/eval_baseline.json"
    )


@pytest.mark.parametrize("split,lang", GROUPS, ids=[f"{s}-{lang}" for s, lang in GROUPS])
def test_quality_gate_scores_above_floors(split, lang, corpus_report):
    scores = scores_from_report(corpus_report)
    res = check(scores, {"floors": {split: {lang: BASELINE["floors"][split][lang]}}})
    assert not res.failures, "scores dropped below their floors:\n" + "\n".join(str(f) for f in res.failures)


@pytest.mark.parametrize("lang", REALDEV)
def test_quality_gate_realdev_above_floors(lang, realdev_report):
    """Real published text (../shared/realdev, outside the repository; skipped where absent): deals, approvals
    and figures must not lose accuracy silently."""
    scores = scores_from_report(realdev_report, split="realdev")
    res = check(scores, {"floors": {"realdev": {lang: BASELINE["floors"]["realdev"][lang]}}})
    assert not res.failures, "realdev scores dropped below their floors:\n" + "\n".join(str(f) for f in res.failures)
