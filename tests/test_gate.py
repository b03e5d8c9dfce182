"""The quality gate itself, on synthetic scores."""

from __future__ import annotations

import json

import pytest

from newsextract.quality import gate
from newsextract.quality.gate import GateError, check, corpus_hash, floor_for, make_baseline, update_baseline


@pytest.mark.parametrize("score,margin,floor", [(0.9, 0.02, 0.88), (0.8765, 0.02, 0.85), (0.015, 0.02, 0.0),
                                                (1.0, 0.0, 1.0), (0.7, 0.05, 0.65)])
def test_gate_floor_rounds_down(score, margin, floor):
    assert floor_for(score, margin) == floor


def _scores(**metrics):
    return {"test": {"en": dict(metrics)}}


@pytest.mark.parametrize(
    "scores,failing",
    [
        (_scores(asset=0.80, micro=0.5), []),
        (_scores(asset=0.78, micro=0.48), []),  # exactly at the floor
        (_scores(asset=0.77, micro=0.5), ["asset"]),
        (_scores(asset=0.1, micro=0.1), ["asset", "micro"]),
        (_scores(micro=0.5), ["asset"]),  # a pinned metric without a score fails
        (_scores(asset=None, micro=0.5), ["asset"]),
    ],
)
def test_gate_check_floors(scores, failing):
    base = make_baseline(_scores(asset=0.80, micro=0.50), "sha256:a")
    res = check(scores, base, "sha256:a")
    assert [f.metric for f in res.failures] == failing
    assert res.ok is (not failing)


@pytest.mark.parametrize("chash,changed", [("sha256:a", False), ("sha256:b", True), (None, False)])
def test_gate_check_corpus_hash(chash, changed):
    base = make_baseline(_scores(asset=0.8), "sha256:a")
    assert check(_scores(asset=0.8), base, chash).hash_changed is changed


@pytest.mark.parametrize(
    "new,allow,expected",
    [
        (_scores(asset=0.95, micro=0.6), False, {"asset": 0.93, "micro": 0.58}),  # floors go up
        (_scores(asset=0.79, micro=0.5), False, {"asset": 0.78, "micro": 0.48}),  # margin shrinks: floor kept
        (_scores(asset=0.70, micro=0.5), True, {"asset": 0.68, "micro": 0.48}),  # lowered on purpose
        (_scores(asset=0.70, micro=0.5), False, GateError),
        (_scores(micro=0.5), False, GateError),  # dropping a pinned metric is lowering
        (_scores(micro=0.5), True, {"micro": 0.48}),
        (_scores(asset=0.9, micro=0.5, royalty=0.4), False, {"asset": 0.88, "micro": 0.48, "royalty": 0.38}),
    ],
)
def test_gate_update_refuses_to_lower(new, allow, expected):
    old = make_baseline(_scores(asset=0.80, micro=0.50), "sha256:a")
    if expected is GateError:
        with pytest.raises(GateError, match="refusing to lower"):
            update_baseline(new, "sha256:b", old, allow_lower=allow)
        return
    got = update_baseline(new, "sha256:b", old, allow_lower=allow)
    assert got["floors"]["test"]["en"] == expected
    assert got["corpus_hash"] == "sha256:b" and got["scores"] == new


@pytest.mark.parametrize("edit", ["text", "gold", "new_file", "snapshot"])
def test_gate_corpus_hash_tracks_texts_and_gold(tmp_path, edit):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "en-001.txt").write_text("a")
    (tmp_path / "en" / "en-001.gold.json").write_text("{}")
    before = corpus_hash(tmp_path)
    if edit == "text":
        (tmp_path / "en" / "en-001.txt").write_text("b")
    elif edit == "gold":
        (tmp_path / "en" / "en-001.gold.json").write_text('{"deals": []}')
    elif edit == "new_file":
        (tmp_path / "en" / "en-002.txt").write_text("a")
    else:  # snapshots are output, not corpus: they must not change the hash
        (tmp_path / "snapshots" / "en").mkdir(parents=True)
        (tmp_path / "snapshots" / "en" / "en-001.json").write_text("{}")
    assert (corpus_hash(tmp_path) != before) is (edit != "snapshot")


@pytest.mark.parametrize("scores_now,args,code", [
    (_scores(asset=0.9), ["--update"], 0),
    (_scores(asset=0.5), ["--update"], 1),
    (_scores(asset=0.5), ["--update", "--allow-lower"], 0),
    (_scores(asset=0.9), [], 0),
    (_scores(asset=0.5), [], 1),
])
def test_gate_main(tmp_path, monkeypatch, capsys, scores_now, args, code):
    path = tmp_path / "baseline.json"
    gate.save_baseline(make_baseline(_scores(asset=0.8), "sha256:a"), path)
    monkeypatch.setattr(gate, "measure", lambda corpus, extractor=None, realdev=None: (scores_now, "sha256:a"))
    assert gate.main(["--baseline", str(path), *args]) == code
    saved = json.loads(path.read_text())
    if code == 0 and "--update" in args:
        assert saved["scores"] == scores_now
    else:
        assert saved["floors"]["test"]["en"]["asset"] == 0.78  # untouched


def test_gate_realdev_floors_checked_only_where_measured():
    from newsextract.quality.gate import check, update_baseline

    base = {"floors": {"realdev": {"en": {"approvals": 0.8}}, "test": {"en": {"micro": 0.5}}}}
    assert check({"test": {"en": {"micro": 0.6}}}, base).ok  # realdev absent: skipped
    assert not check({"test": {"en": {"micro": 0.6}}, "realdev": {"en": {"approvals": 0.7}}}, base).ok
    new = update_baseline({"test": {"en": {"micro": 0.6}}}, "h", base)
    assert new["floors"]["realdev"] == {"en": {"approvals": 0.8}}  # kept when measured without the set
