"""Batch runs: one ordered line per input, error records, resume after a real kill, exit codes, stdin, dask."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from newsextract.batch import (
    BatchOptions,
    Task,
    UsageError,
    discover,
    expand_inputs,
    read_done,
    run_batch,
)

LIMIT = 20_000


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsextract.cli", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_mixed_inputs_one_line_each_in_order(tmp_path, mixed_inputs, workers):
    folder, expected = mixed_inputs
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(folder)], out, BatchOptions(workers=workers, quiet=True, max_bytes=LIMIT),
                        log=io.StringIO())
    recs = _records(out)
    assert len(recs) == len(expected) == summary.written
    assert [(r["doc_id"], r["error"].split(" ", 1)[0] if r["error"] else None) for r in recs] == expected
    for r in recs:
        if r["error"]:
            assert r["deals"] == []
    by_id = {r["doc_id"]: r for r in recs}
    assert "line 2 of" in by_id["h_feed:2"]["error"]  # malformed JSON line carries its line number
    assert by_id["h_feed:4"]["title"] == "No id here"
    assert by_id["e_page"]["title"].startswith("Hengfeng Bio hands Calder")
    assert by_id["e_page"]["published"] == "2025-04-15"
    assert by_id["sub/k_gbk"]["lang"] == "zh"
    assert summary.errors == sum(1 for _, e in expected if e) and summary.exit_code == 1


def test_batch_worker_count_does_not_change_output(tmp_path, generated_jsonl):
    feed = generated_jsonl(40)
    lines = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.jsonl"
        run_batch([str(feed)], out, BatchOptions(workers=workers, quiet=True, chunk_size=3), log=io.StringIO())
        lines[workers] = out.read_text(encoding="utf-8")
    assert lines[1] == lines[2]
    assert [r["doc_id"] for r in map(json.loads, lines[2].splitlines())] == [f"g{i:05d}" for i in range(40)]


def test_batch_exception_inside_extraction_is_an_error_record(tmp_path, generated_jsonl, monkeypatch):
    from newsextract.api import Extractor

    real = Extractor.extract

    def flaky(self, text, **kw):
        if kw.get("doc_id") == "g00002":
            raise RuntimeError("boom")
        return real(self, text, **kw)

    monkeypatch.setattr(Extractor, "extract", flaky)
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(generated_jsonl(4))], out, BatchOptions(workers=1, quiet=True), log=io.StringIO())
    recs = _records(out)
    assert [r["doc_id"] for r in recs] == ["g00000", "g00001", "g00002", "g00003"]
    assert recs[2]["error"] == "E030 extraction failed: RuntimeError: boom"
    assert summary.exit_code == 1


def test_batch_doc_ids_relative_to_root_without_extension(tmp_path):
    root = tmp_path / "feed"
    (root / "2025" / "03").mkdir(parents=True)
    (root / "2025" / "03" / "story.txt").write_text("x")
    (root / ".hidden.txt").write_text("x")
    (root / "top.md").write_text("x")
    pairs = expand_inputs([str(root)])
    ids = [t.doc_id for t in discover([str(root)])]
    assert ids == ["top", "2025/03/story"] and len(pairs) == 2
    assert [t.doc_id for t in discover([str(root / "2025" / "03" / "story.txt")])] == ["story"]
    assert [t.doc_id for t in discover([str(root / "**" / "*.txt")])] == ["2025/03/story"]


def test_batch_output_inside_input_dir_is_not_read_back(tmp_path, article_text):
    (tmp_path / "a.txt").write_text(article_text(1))
    out = tmp_path / "out.jsonl"
    for resume in (False, True):
        run_batch([str(tmp_path)], out, BatchOptions(workers=1, quiet=True, resume=resume), log=io.StringIO())
        assert [r["doc_id"] for r in _records(out)] == ["a"]


def test_batch_resume_truncates_partial_line_and_never_duplicates(tmp_path, generated_jsonl):
    feed = generated_jsonl(6)
    out = tmp_path / "out.jsonl"
    run_batch([str(feed)], out, BatchOptions(workers=1, quiet=True), log=io.StringIO())
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + lines[3][:25], encoding="utf-8")  # killed mid-line
    summary = run_batch([str(feed)], out, BatchOptions(workers=1, quiet=True, resume=True), log=io.StringIO())
    assert (summary.skipped, summary.written) == (3, 3)
    assert out.read_text(encoding="utf-8") == "".join(lines)


def test_batch_repeated_ids_are_renamed_and_resumed(tmp_path, article_text):
    feed = tmp_path / "dup.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": article_text(n)}) + "\n"
                            for n, i in enumerate(["a", "b", "a", "c"])))
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"doc_id": "a", "deals": []}) + "\n")
    run_batch([str(feed)], out, BatchOptions(workers=1, quiet=True, resume=True), log=io.StringIO())
    recs = _records(out)
    assert [r["doc_id"] for r in recs] == ["a", "b", "a~2", "c"]
    assert any("occurs more than once" in w for w in recs[2]["warnings"])
    run_batch([str(feed)], out, BatchOptions(workers=1, quiet=True, resume=True), log=io.StringIO())
    assert len(_records(out)) == 4


def test_batch_resume_refuses_a_foreign_file(tmp_path, generated_jsonl):
    out = tmp_path / "out.jsonl"
    out.write_text("doc_id,deal\nx,1\n")
    with pytest.raises(UsageError, match="not a newsextract record"):
        run_batch([str(generated_jsonl(1))], out, BatchOptions(workers=1, quiet=True, resume=True))
    assert read_done(tmp_path / "missing.jsonl") == Counter()


def test_batch_csv_rows_and_rebuild_on_resume(tmp_path, generated_jsonl):
    feed = generated_jsonl(4)
    out, deals = tmp_path / "out.jsonl", tmp_path / "deals.csv"
    opts = BatchOptions(workers=1, quiet=True, csv_path=deals)
    run_batch([str(feed)], out, opts, log=io.StringIO())
    full = deals.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(full)))
    assert len(rows) == sum(len(r["deals"]) for r in _records(out)) > 0
    assert {"upfront_amount", "upfront_currency"} <= set(rows[0])
    # a run killed after the JSON line of doc 2 but before its CSV rows: the CSV is rebuilt from the JSONL
    out.write_text("".join(out.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    deals.write_text(full.splitlines(keepends=True)[0], encoding="utf-8")
    run_batch([str(feed)], out, BatchOptions(workers=1, quiet=True, csv_path=deals, resume=True), log=io.StringIO())
    assert deals.read_text(encoding="utf-8") == full


def test_batch_keep_text_evidence_indexes_stored_text(tmp_path, html_fixture_dir):
    out = tmp_path / "out.jsonl"
    page = html_fixture_dir / "en_press_release_wire.html"
    run_batch([str(page)], out, BatchOptions(workers=1, quiet=True, keep_text=True), log=io.StringIO())
    (rec,) = _records(out)
    assert rec["text"] and "More news releases" not in rec["text"]
    for deal in rec["deals"]:
        for ev in deal["evidence"]:
            assert rec["text"][ev["start"]:ev["end"]] == ev["text"]


def test_batch_stdin_jsonl(tmp_path, article_text):
    data = (json.dumps({"id": "s1", "text": article_text(1)}) + "\n" + "oops\n" +
            json.dumps({"text": article_text(2)}) + "\n").encode()
    out = tmp_path / "out.jsonl"
    summary = run_batch(["-"], out, BatchOptions(workers=1, quiet=True), stdin=io.BytesIO(data), log=io.StringIO())
    assert [r["doc_id"] for r in _records(out)] == ["s1", "stdin:2", "stdin:3"]
    assert summary.exit_code == 1


@pytest.mark.parametrize(
    "args,match",
    [
        (["nothere"], "no such file"),
        (["*.nomatch"], "E045 no input files"),
        (["-", "-"], "more than once"),
    ],
)
def test_batch_usage_errors(tmp_path, args, match):
    with pytest.raises(UsageError, match=match):
        run_batch(args, tmp_path / "o.jsonl", BatchOptions(workers=1, quiet=True))


def test_batch_cli_exit_codes_stdin_and_summary(tmp_path, article_text):
    good = (json.dumps({"id": "ok", "text": article_text(3)}) + "\n").encode()
    p = _cli("batch", "-", "-o", str(tmp_path / "a.jsonl"), "--workers", "1", stdin=good)
    assert p.returncode == 0, p.stderr
    assert b"1 written" in p.stderr and b"0 errors" in p.stderr and b"\r" not in p.stderr  # no bar: not a TTY
    p = _cli("batch", "-", "-o", str(tmp_path / "b.jsonl"), "--workers", "1", stdin=good + b"{broken\n")
    assert p.returncode == 1
    assert len(_records(tmp_path / "b.jsonl")) == 2
    for bad in (["batch", "nothere", "-o", str(tmp_path / "c.jsonl")],
                ["batch", "-", "-o", str(tmp_path / "c.jsonl"), "--engine", "spark"],
                ["batch", "-"],
                ["batch", "-", "-o", str(tmp_path / "c.jsonl"), "--workers", "0"]):
        assert _cli(*bad, stdin=good).returncode == 2, bad


def test_batch_killed_mid_run_then_resumed(tmp_path, generated_jsonl):
    """A real subprocess, a real SIGKILL part-way, then --resume: every id once, every line valid JSON."""
    n = 300
    feed = generated_jsonl(n)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsextract.cli", "batch", str(feed), "-o", str(out), "--workers", "1", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size and out.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed; make the feed longer"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    first = out.read_bytes()
    assert 20 <= first.count(b"\n") < n
    p = subprocess.run(cmd + ["--resume"], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr
    recs = _records(out)
    ids = [r["doc_id"] for r in recs]
    assert len(ids) == len(set(ids)) == n
    assert sorted(ids) == [f"g{i:05d}" for i in range(n)]
    assert all(r["error"] is None for r in recs)


def test_batch_sigterm_leaves_complete_lines(tmp_path, generated_jsonl):
    feed = generated_jsonl(200)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsextract.cli", "batch", str(feed), "-o", str(out), "--workers", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 10:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) != 0
    data = out.read_bytes()
    assert data.endswith(b"\n")
    assert all(json.loads(line)["doc_id"] for line in data.splitlines())


def test_process_task_ships_plain_data():
    from newsextract.batch import process_task

    res = process_task(Task("t1", "text", "Acme licensed AB-1 to Pfizer for $5 million upfront.", "x"),
                       {"keep_text": False, "max_bytes": LIMIT, "lang": None, "rows": True})
    assert isinstance(res.line, str) and res.line.endswith("\n") and "\n" not in res.line[:-1]
    assert json.loads(res.line)["doc_id"] == "t1"
    assert isinstance(res.rows, list)


# ------------------------------------------------------------------------------------------------ dask
def test_batch_dask_matches_local(tmp_path, generated_jsonl, mixed_inputs):
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    from newsextract.batch import extract_bag

    folder, expected = mixed_inputs
    feed = generated_jsonl(12)
    local = tmp_path / "local.jsonl"
    run_batch([str(feed), str(folder)], local, BatchOptions(workers=1, quiet=True, max_bytes=LIMIT),
              log=io.StringIO())
    want = _records(local)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        # the CLI path: --engine dask --scheduler ADDRESS
        out = tmp_path / "dask.jsonl"
        summary = run_batch([str(feed), str(folder)], out,
                            BatchOptions(engine="dask", scheduler=cluster.scheduler_address, quiet=True,
                                         max_bytes=LIMIT), log=io.StringIO())
        assert _records(out) == want and summary.written == len(want)
        # the library helper over partitioned JSONL and over a bag of article dicts
        got = extract_bag([str(feed)], max_bytes=LIMIT).compute(scheduler=client)
        assert got == want[:12]
        import dask.bag as db

        arts = [json.loads(line) for line in feed.read_text().splitlines()]
        got = extract_bag(db.from_sequence(arts, npartitions=3), max_bytes=LIMIT).compute(scheduler=client)
        assert got == want[:12]


def test_batch_worker_death_costs_only_the_killing_document(tmp_path, generated_jsonl, monkeypatch):
    """A document that kills its worker process gets E031; the rest of its chunk and the run carry on."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched extractor reaches the workers through fork")
    from newsextract.api import Extractor

    real = Extractor.extract

    def deadly(self, text, **kw):
        if kw.get("doc_id") == "g00005":
            os._exit(3)
        return real(self, text, **kw)

    monkeypatch.setattr(Extractor, "extract", deadly)
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(generated_jsonl(12))], out, BatchOptions(workers=2, quiet=True, chunk_size=4),
                        log=io.StringIO())
    recs = _records(out)
    assert [r["doc_id"] for r in recs] == [f"g{i:05d}" for i in range(12)]
    assert [r["doc_id"] for r in recs if r["error"]] == ["g00005"]
    assert recs[5]["error"].startswith("E031") and summary.errors == 1
