"""``bench.py batch``: ``newsextract batch`` with 1 and 2 local workers, and the peak memory of one 1 MB text.

Each local row runs ``newsextract batch`` in a subprocess and records its wall time, the CPU time of it and its
workers, the peak RSS of each worker (psutil, polled) and how busy the machine was meanwhile *with other work*:
the CPU time every process used (``/proc/stat`` through psutil) minus the row's own, per second of wall time
("other cores"). A scaling figure (2 workers against 1) is only given when neither row shared the machine with
more than ``--max-other`` cores of other work; otherwise it is refused with the reason, since on a 2-core machine
a single busy neighbour halves what the second worker can get.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

#: the 1 MB text row: one English text of this many characters, made of corpus articles
ONE_MB = 1_000_000

_ONE_MB_RUN = """
import json, resource, sys, time
from newsextract import Extractor
text = open(sys.argv[1], encoding="utf-8").read()
ex = Extractor(lang="en", doc_timeout=None)
ex.nlp("en")
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
rec = ex.extract(text)
print(json.dumps({"chars": len(text), "seconds": round(time.perf_counter() - t0, 2), "deals": len(rec.deals),
                  "rss_before_mb": round(rss0, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def batch_feed(corpus: Path, n: int, path: Path) -> dict[str, int]:
    """``n`` corpus articles (English and Chinese, replicated in order) as JSONL with unique ids."""
    base = [(p.stem, p.read_text(encoding="utf-8")) for lang in ("en", "zh")
            for p in sorted((corpus / lang).glob("*.txt"))]
    if not base:
        raise SystemExit(f"no articles under {corpus}")
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            stem, text = base[i % len(base)]
            fh.write(json.dumps({"id": f"{i:05d}-{stem}", "text": text}, ensure_ascii=False) + "\n")
    return {"articles": n, "distinct": len(base)}


def _watch_rss(proc: Any, peaks: dict[int, float], stop: Any) -> None:
    """Poll the RSS of a process and its children (psutil) until ``stop`` is set; keep each pid's peak."""
    import psutil

    try:
        root = psutil.Process(proc.pid)
    except psutil.Error:
        return
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for p in procs:
            try:
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 2**20)
            except psutil.Error:
                pass
        stop.wait(0.2)


def busy_cpu_s() -> float | None:
    """CPU seconds every process on the machine has used so far (None without psutil)."""
    try:
        import psutil
    except ImportError:
        return None
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0) - getattr(t, "guest", 0.0) - getattr(t, "guest_nice", 0.0)


def batch_local(feed: Path, out: Path, workers: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "newsextract.cli", "batch", str(feed), "-o", str(out), "--workers", str(workers),
           "-q", "--force"]
    peaks: dict[int, float] = {}
    stop = threading.Event()
    load = os.getloadavg()[0]
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy0 = busy_cpu_s()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watcher = None
    try:
        import psutil  # noqa: F401

        watcher = threading.Thread(target=_watch_rss, args=(proc, peaks, stop), daemon=True)
        watcher.start()
    except ImportError:
        pass
    _, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    busy1 = busy_cpu_s()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the batch process and its (joined) pool workers
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    stop.set()
    if watcher:
        watcher.join()
    lines = out.read_text(encoding="utf-8").splitlines()
    row: dict[str, Any] = {"engine": "local", "workers": workers, "seconds": round(elapsed, 1),
                           "articles": len(lines), "articles_per_s": round(len(lines) / elapsed, 1),
                           "cpu_s": round(cpu, 1), "articles_per_cpu_s": round(len(lines) / cpu, 1) if cpu else None,
                           "loadavg_before": round(load, 2),
                           "exit_code": proc.returncode, "summary": (err.strip().splitlines() or [""])[-1]}
    if busy0 is not None and busy1 is not None:
        # the rest of the machine's CPU use meanwhile (this script's own polling included: a few per cent)
        row["other_cores"] = round(max(0.0, (busy1 - busy0) - cpu) / elapsed, 2)
    if peaks:
        parent = peaks.pop(proc.pid, 0.0)
        # workers=1 extracts in the batch process itself; with a pool the children are the workers
        per_worker = list(peaks.values()) or [parent]
        row["peak_rss_mb_per_worker"] = round(max(per_worker), 1)
        row["peak_rss_mb_parent"] = round(parent, 1)
    return row


def scaling(rows: list[dict[str, Any]], max_other: float) -> None:
    """Set ``speedup_vs_1`` on the local rows, or ``speedup_refused`` when the machine was busy with other work."""
    local = {r["workers"]: r for r in rows if r["engine"] == "local"}
    if 1 not in local or len(local) < 2:
        return
    busy = [f"{r['workers']} worker(s): {r['other_cores']} cores of other work" for r in local.values()
            if r.get("other_cores") is None or r["other_cores"] > max_other]
    for r in local.values():
        if busy:
            r["speedup_refused"] = "machine busy (" + "; ".join(busy) + f"; at most {max_other} allowed)"
        else:
            r["speedup_vs_1"] = round(r["articles_per_s"] / local[1]["articles_per_s"], 2)


def one_mb(corpus: Path, tmp: Path) -> dict[str, Any]:
    """Extract one English text of ``ONE_MB`` characters (corpus articles one after another) in a fresh process:
    its peak RSS and time."""
    base = [p.read_text(encoding="utf-8") for p in sorted((corpus / "en").glob("*.txt"))]
    text = ""
    while len(text) < ONE_MB:
        text += "\n\n".join(base) + "\n\n"
    path = tmp / "one_mb.txt"
    path.write_text(text[:ONE_MB], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _ONE_MB_RUN, str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def format_batch(res: dict[str, Any]) -> str:
    info = res["feed"]
    lines = [f"newsextract batch: {info['articles']} articles ({info['distinct']} distinct corpus articles, en+zh, "
             f"replicated), {res['cpus']} CPUs; wall time includes start-up and pipeline loading",
             f"{'engine':<8} {'workers':>7} {'seconds':>8} {'articles/s':>11} {'×1 worker':>10} "
             f"{'peak RSS/worker MB':>19} {'CPU s':>7} {'art/CPU s':>9} {'load before':>11} {'other cores':>11}"]
    for r in res["rows"]:
        if "skipped" in r:
            lines.append(f"{r['engine']:<8} {r['workers']:>7} skipped: {r['skipped']}")
            continue
        speed = r.get("speedup_vs_1", "refused" if "speedup_refused" in r else "")
        lines.append(f"{r['engine']:<8} {r['workers']:>7} {r['seconds']:>8} {r['articles_per_s']:>11} {speed:>10} "
                     f"{r.get('peak_rss_mb_per_worker', '?'):>19} {r['cpu_s']:>7} {r['articles_per_cpu_s']:>9} "
                     f"{r['loadavg_before']:>11} {r.get('other_cores', '?'):>11}")
    refused = next((r["speedup_refused"] for r in res["rows"] if "speedup_refused" in r), None)
    if refused:
        lines.append(f"scaling figure refused: {refused}")
    lines.append("other cores = CPU used by the rest of the machine during the row, per second (load before = "
                 "1-minute load average when the row started)")
    if "one_mb" in res:
        m = res["one_mb"]
        lines.append("1 MB text: " + (f"error: {m['error']}" if "error" in m else
                     f"{m['chars']:,} characters in {m['seconds']} s, peak RSS {m['peak_rss_mb']} MB "
                     f"(after loading {m['rss_before_mb']} MB), {m['deals']} deals"))
    lines.append(f"identical output across runs: {res['same_records']}")
    return "\n".join(lines)
