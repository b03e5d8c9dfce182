"""Hostile input and faults (issue 11): limits, decoding that never guesses silently, boilerplate that never feeds
facts, a per-document time limit, workers that die with their parent, unique doc_ids, refused overwrites."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsextract import Config, ConfigError, DocTimeoutError, Extractor, InputError
from newsextract.batch import BatchOptions, UsageError, run_batch
from newsextract.ingest import decode, decode_html, load_path, load_text

DEAL_EN = "Acme Bio licensed AB-101 to Pfizer for $25 million upfront and up to $500 million in milestones."
DEAL_ZH = "恒瑞医药与默沙东签署独家许可协议，默沙东将支付2亿美元首付款，以及最高17.7亿美元的里程碑付款。"


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------------------------------------ limits
def test_hostile_text_over_a_million_characters_is_processed():
    # spaCy's own limit (1,000,000) gave a raw ValueError [E088]; ours is Config.max_chars (2,000,000)
    rec = Extractor().extract(DEAL_EN + " " + "x" * 1_000_001)
    assert rec.error is None and rec.deals


def test_hostile_text_over_max_chars_is_e003():
    with pytest.raises(InputError, match="^E003"):
        Extractor(max_chars=100).extract(DEAL_EN * 2)


@pytest.mark.parametrize("text,offset", [("\ud800", 0), (DEAL_EN + "\udfff", len(DEAL_EN)), ("a\udc80b", 1)])
def test_hostile_lone_surrogate_is_e006(text, offset):
    with pytest.raises(InputError, match=f"^E006 .* at offset {offset}"):
        Extractor().extract(text)


def test_hostile_long_sentence_in_pieces_with_a_warning():
    text = "Beta said " + "that it would consider offers, " * 10 + DEAL_EN
    rec = Extractor(max_sentence_chars=120, keep_text=True).extract(text)
    assert any("processed in pieces" in w for w in rec.warnings)
    for d in rec.deals:
        for e in d.evidence:
            assert text[e.start:e.end] == e.text


def test_hostile_doc_timeout_in_the_api(monkeypatch):
    ex = Extractor(doc_timeout=0.3)
    monkeypatch.setattr(Extractor, "_extract", lambda self, *a: time.sleep(30))
    t0 = time.monotonic()
    with pytest.raises(DocTimeoutError, match="^E032"):
        ex.extract(DEAL_EN)
    assert time.monotonic() - t0 < 5


def test_hostile_doc_timeout_in_threads():
    """Outside the main thread one watchdog thread raises E032 in the thread whose block is due (a later, shorter
    limit wakes it early); blocks that end in time leave nothing pending."""
    import threading

    from newsextract.deadline import deadline

    out: dict[str, object] = {}

    def slow(name: str, seconds: float, limit: float) -> None:
        t0 = time.monotonic()
        try:
            with deadline(limit):
                while time.monotonic() - t0 < seconds:
                    time.sleep(0.01)
            out[name] = "done"
        except DocTimeoutError as exc:
            out[name] = (str(exc)[:4], round(time.monotonic() - t0, 1))

    def many() -> None:
        for _ in range(300):
            with deadline(30):
                pass
        time.sleep(0.3)  # (a pending error would land here)
        out["many"] = "done"

    threads = [threading.Thread(target=slow, args=("long", 30, 2)), threading.Thread(target=many),
               threading.Thread(target=slow, args=("short", 30, 0.5)), threading.Thread(target=slow, args=("ok", 0.2, 5))]
    for t in threads:
        t.start()
        time.sleep(0.05)
    threads[1].join(10), threads[2].join(10), threads[3].join(10)
    assert out == {"many": "done", "short": ("E032", 0.5), "ok": "done"}
    threads[0].join(10)
    assert out["long"] == ("E032", 2.0)


@pytest.mark.parametrize("options,match", [
    ({"lang": "fr"}, "E005"),
    ({"max_chars": 0}, "E040 invalid max_chars"),
    ({"max_sentence_chars": -5}, "E040 invalid max_sentence_chars"),
    ({"doc_timeout": -1}, "E040 invalid doc_timeout"),
    ({"doc_timeout": "60"}, "E040 invalid doc_timeout"),
    ({"keep_text": "yes"}, "E040 invalid keep_text"),
    ({"colour": "red"}, "E040 invalid option"),
])
def test_hostile_invalid_api_options_raise_config_error(options, match):
    with pytest.raises(ConfigError, match=match):
        Extractor(**options)


def test_hostile_invalid_api_arguments_raise_config_error(extractor):
    with pytest.raises(ConfigError, match="E049"):
        Extractor(Config(), lang="en")
    with pytest.raises(ConfigError, match="E040 invalid errors: 'bogus'"):
        extractor.pipe([DEAL_EN], errors="bogus")
    with pytest.raises(ConfigError, match="E040 invalid texts"):
        extractor.pipe(DEAL_EN)
    with pytest.raises(ConfigError, match="E043 not a date: 'notadate'"):
        extractor.extract(DEAL_EN, published="notadate")
    with pytest.raises(ConfigError, match="E040 invalid doc_id"):
        extractor.extract(DEAL_EN, doc_id=7)
    assert issubclass(ConfigError, ValueError)


# ------------------------------------------------------------------------------------------------ decoding
def test_hostile_gbk_cut_short_is_read_as_chinese_with_warnings(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(("2025年3月4日，" + DEAL_ZH).encode("gbk")[:-1])  # the last character cut in half
    doc = load_path(path)
    assert doc.text.startswith("2025年3月4日") and doc.encoding == "gb18030"
    assert any("incomplete gb18030 character" in w for w in doc.warnings)
    assert any("a guess" in w for w in doc.warnings)
    rec = Extractor().extract_document(doc)
    assert rec.lang == "zh" and rec.deals and rec.encoding == "gb18030"
    assert any("a guess" in w for w in rec.warnings)


def test_hostile_declared_gb2312_page_cut_short():
    page = ('<html><head><meta charset="gb2312"><title>授权</title></head><body><p>' + DEAL_ZH * 3 +
            "</p></body></html>").encode("gbk")
    dec = decode_html(page[:-20] + "里程".encode("gbk")[:-1])
    assert dec.encoding == "gb18030" and not dec.guessed and "默沙东" in dec.text
    assert dec.warnings == ["the last 1 byte(s) are an incomplete gb18030 character: dropped"]


def test_hostile_declared_gb2312_page_with_a_stray_byte_in_utf8(tmp_path):
    body = ("<p>" + DEAL_ZH).encode("utf-8") + b"\xff" + (DEAL_ZH * 2 + "</p>").encode("utf-8")  # one stray byte
    page = b'<html><head><meta charset="gb2312"></head><body>' + body + b"</body></html>"
    as_html = decode_html(page)
    as_text = decode(page)
    assert as_html.encoding == as_text.encoding == "utf-8" and as_html.text == as_text.text
    assert as_html.warnings == ["1 byte sequence(s) invalid in utf-8 replaced by U+FFFD"]
    (tmp_path / "p.html").write_bytes(page)
    (tmp_path / "p.txt").write_bytes(page)
    assert load_path(tmp_path / "p.html").text == load_path(tmp_path / "p.txt").text != ""


def test_hostile_multibyte_that_does_not_decode_is_e004_never_latin1():
    data = DEAL_ZH.encode("gbk") + b"\xff\xff" * 20 + DEAL_ZH.encode("gbk")
    with pytest.raises(InputError, match="^E004"):
        decode(data)


def test_hostile_undeclared_cp1252_is_a_flagged_guess():
    dec = decode("Zürich – “€50 million” for Acme".encode("cp1252"))
    assert dec.text == "Zürich – “€50 million” for Acme" and dec.encoding == "cp1252" and dec.guessed
    assert dec.warnings == ["encoding not declared and not UTF-8: read as cp1252 (a guess)"]


def test_hostile_utf8_and_declared_charsets_are_not_guesses():
    assert decode(DEAL_ZH.encode()).warnings == []
    assert decode(DEAL_ZH.encode("gbk"), declared="gbk").warnings == []


# ------------------------------------------------------------------------------------------------ boilerplate
@pytest.mark.parametrize("box", ['<div class="advertisement sponsored">', '<div id="sidebar">',
                                 '<section class="promo">', '<div class="related-posts">',
                                 '<ul class="recommended"><li>'])
def test_hostile_boilerplate_never_feeds_facts(box, extractor):
    closing = "</li></ul>" if box.startswith("<ul") else "</" + box[1:box.index(" ")] + ">"
    page = ("<html><body><article><p>Gamma Bio shares rose.</p></article>" + box +
            "<p>" + DEAL_EN + " " + DEAL_EN.replace("Acme", "Delta") + "</p>" + closing + "</body></html>")
    doc = load_text(page.encode())
    assert "Pfizer" not in doc.text
    assert extractor.extract_document(doc).deals == []


def test_hostile_layout_wrappers_are_not_boilerplate():
    page = '<html><body><div class="has-sidebar"><p>' + DEAL_EN + "</p></div></body></html>"
    assert "Pfizer" in load_text(page.encode()).text


# ------------------------------------------------------------------------------------------------ batch faults
def _slow_first(monkeypatch, block_alarm: bool = False) -> None:
    """Document g00000 hangs (in Python, or in 'C code' that ignores SIGALRM when ``block_alarm``)."""
    real = Extractor.extract_document

    def slow(self, doc, **kw):
        if kw.get("doc_id") == "g00000":
            if block_alarm:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(self, doc, **kw)

    monkeypatch.setattr(Extractor, "extract_document", slow)


@pytest.mark.parametrize("workers", [1, 2])
def test_hostile_stuck_first_document_does_not_hold_the_batch(tmp_path, generated_jsonl, monkeypatch, workers):
    import multiprocessing

    if workers > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched extractor reaches the workers through fork")
    _slow_first(monkeypatch)
    out = tmp_path / "out.jsonl"
    t0 = time.monotonic()
    summary = run_batch([str(generated_jsonl(6))], out,
                        BatchOptions(workers=workers, quiet=True, doc_timeout=1.0, chunk_size=2), log=io.StringIO())
    assert time.monotonic() - t0 < 30
    recs = _records(out)
    assert [r["doc_id"] for r in recs] == [f"g{i:05d}" for i in range(6)]
    assert recs[0]["error"].startswith("E032") and all(r["error"] is None for r in recs[1:])
    assert summary.exit_code == 1


def test_hostile_document_stuck_in_c_code_is_stopped_by_the_watch(tmp_path, generated_jsonl, monkeypatch):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork" or not hasattr(signal, "pthread_sigmask"):
        pytest.skip("needs fork and pthread_sigmask")
    _slow_first(monkeypatch, block_alarm=True)  # SIGALRM cannot reach it: only the watch thread can
    out = tmp_path / "out.jsonl"
    run_batch([str(generated_jsonl(5))], out,
              BatchOptions(workers=2, quiet=True, doc_timeout=1.0, chunk_size=2), log=io.StringIO())
    recs = _records(out)
    assert [r["doc_id"] for r in recs] == [f"g{i:05d}" for i in range(5)]
    assert recs[0]["error"].startswith("E032") and "worker process was stopped" in recs[0]["error"]
    assert all(r["error"] is None for r in recs[1:])


_SLOW_CLI = textwrap.dedent("""
    import sys, time
    from newsextract.api import Extractor
    real = Extractor.extract_document
    def slow(self, doc, **kw):
        time.sleep(float(sys.argv[1]) if kw.get("doc_id") != "g00000" else 600)
        return real(self, doc, **kw)
    Extractor.extract_document = slow
    from newsextract.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def test_hostile_cli_doc_timeout(tmp_path, generated_jsonl):
    out = tmp_path / "out.jsonl"
    p = subprocess.run([sys.executable, "-c", _SLOW_CLI, "0", "batch", str(generated_jsonl(3)), "-o", str(out),
                        "--workers", "1", "--doc-timeout", "1"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 1, p.stderr
    recs = _records(out)
    assert recs[0]["error"].startswith("E032 document took longer than 1 s") and recs[1]["error"] is None


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            kids.append(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's bookkeeping is left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_hostile_batch_killed_with_sigkill_leaves_no_worker(tmp_path, generated_jsonl):
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_CLI.replace('!= "g00000"', '!= "none"'), "0.2", "batch",
                             str(generated_jsonl(200)), "-o", str(out), "--workers", "2", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the workers did not start"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    gone_by = time.monotonic() + 10
    while time.monotonic() < gone_by and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


# ------------------------------------------------------------------------------------------------ ids, outputs
def test_hostile_doc_ids_unique_per_run(tmp_path):
    d = tmp_path / "a"
    d.mkdir()
    (d / "x.txt").write_text(DEAL_EN, encoding="utf-8")
    (d / "x.html").write_text(f"<html><body><p>{DEAL_EN}</p></body></html>", encoding="utf-8")
    (d / "y.txt").write_text(DEAL_EN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch([str(d)], out, BatchOptions(workers=1, quiet=True), log=io.StringIO())
    assert [r["doc_id"] for r in _records(out)] == ["x.html", "x.txt", "y"]


def test_hostile_existing_output_refused_unless_resume_or_force(tmp_path):
    (tmp_path / "a.txt").write_text(DEAL_EN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"doc_id": "old", "deals": []}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="E042") as info:
        run_batch([str(tmp_path / "a.txt")], out, BatchOptions(workers=1, quiet=True))
    assert "--force" in info.value.hint and out.read_text().startswith('{"doc_id": "old"')
    run_batch([str(tmp_path / "a.txt")], out, BatchOptions(workers=1, quiet=True, force=True), log=io.StringIO())
    assert [r["doc_id"] for r in _records(out)] == ["a"]
