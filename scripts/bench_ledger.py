"""Ledger benchmark: ingest generated records of N articles into SQLite, then time ``ledger deals --party X``.

    python scripts/bench_ledger.py                  # 100,000 articles (about 1.5 deals each)
    python scripts/bench_ledger.py -n 20000 --keep /tmp/bench.db

The records look like batch output: 1-3 deals per article with parties (registry companies and unknown ones, in
English or Chinese), asset codes, targets, money with its text, status, dates and evidence; about a third of the
deal mentions re-report an earlier deal (same parties and asset, other figures or status), so linking works.
Reports articles/s of the ingest (records read from a JSONL file, as ``ledger add`` does), and for the query the
median of 20 in-process runs plus one ``newsextract ledger deals`` process (which adds interpreter start-up).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = ["PD-1", "PD-L1", "VEGF", "HER2", "TROP2", "Claudin18.2", "GLP-1", "IL-11", "KRAS G12D", "CD3", "BCMA",
           "EGFR", "HER3", "B7-H3", "TSLP", "IL-4R", "CD19", "GPRC5D", "Lp(a)", "PARP1"]
MODALITIES = ["monoclonal antibody", "bispecific antibody", "ADC", "small molecule", "siRNA", "cell therapy", None]
TYPES = ["license"] * 6 + ["collaboration", "option", "acquisition", "newco"]


def companies() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(licensors, licensees) as (English name, Chinese name or English): registry companies plus made-up ones."""
    from newsextract.registry import get_registry

    reg = get_registry()
    cn = [(c.name, c.name_zh or c.name) for c in reg if c.country in ("CN", "HK", "TW")]
    west = [(c.name, c.name_zh or c.name) for c in reg if c.country not in ("CN", "HK", "TW", None)]
    cn += [(f"Sino{i} Biotherapeutics", f"华{i}生物") for i in range(1500)]
    west += [(f"Atlantic{i} Therapeutics", f"Atlantic{i} Therapeutics") for i in range(500)]
    return cn, west


def money(rng: random.Random, lo: int, hi: int) -> dict:
    amount = rng.randrange(lo, hi) * 1_000_000
    return {"amount": amount, "currency": "USD", "text": f"${amount / 1e6:,.0f} million", "upper_bound": False,
            "approximate": False, "lower_bound": False}


def generate(n: int, path: Path, seed: int = 7) -> int:
    rng = random.Random(seed)
    cn, west = companies()
    earlier: list[dict] = []
    deals_total = 0
    t0 = time.perf_counter()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            lang = "zh" if rng.random() < 0.3 else "en"
            day = 1 + (i * 3650) // n  # ten years of news
            published = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))
            deals = []
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
                if earlier and rng.random() < 0.35:
                    base = dict(rng.choice(earlier[-5000:]))  # a re-report of a recent deal
                    base["status"] = rng.choice(["signed", "signed", "completed", "terminated"])
                    if rng.random() < 0.5:
                        base["total_value"] = money(rng, 100, 9000)
                else:
                    lic, lee = rng.choice(cn), rng.choice(west)
                    targets = rng.sample(TARGETS, rng.choice((0, 1, 1, 2)))
                    base = {"deal_type": rng.choice(TYPES), "status": "signed",
                            "licensor": {"name": lic[1] if lang == "zh" else lic[0]},
                            "licensee": {"name": lee[1] if lang == "zh" else lee[0]},
                            "asset": f"{lic[0][:3].upper()}-{rng.randrange(100, 9999)}", "assets": [], "targets": targets,
                            "modality": rng.choice(MODALITIES), "indications": [], "territory": "outside Greater China",
                            "upfront": money(rng, 5, 1500), "near_term": None, "milestones": money(rng, 100, 8000),
                            "total_value": None, "equity": None,
                            "royalty": {"tiered": True, "min_pct": None, "max_pct": None, "text": "tiered royalties"},
                            "announced": None}
                    earlier.append(base)
                deal = dict(base)
                deal["evidence"] = [{"field": f, "start": 10 * k, "end": 10 * k + 8, "text": str(deal[f])[:40],
                                     "rule": f"bench.{f}"} for k, f in enumerate(
                                         ("licensor", "licensee", "asset", "upfront", "milestones")) if deal.get(f)]
                deals.append(deal)
            deals_total += len(deals)
            rec = {"doc_id": f"bench-{i:06d}", "lang": lang, "title": f"Deal news {i}", "url": None,
                   "published": published, "deals": deals, "warnings": [], "error": None, "text": None}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"generated {n:,} articles, {deals_total:,} deal mentions in {time.perf_counter() - t0:.1f}s -> {path} "
          f"({path.stat().st_size / 1e6:.0f} MB)")
    return deals_total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=100_000, help="articles (default 100,000)")
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--keep", type=Path, help="write the ledger here (default: a temporary file)")
    ap.add_argument("--party", default="Pfizer")
    args = ap.parse_args()

    from newsextract.ledger import DealFilter, Ledger

    tmp = Path(tempfile.mkdtemp(prefix="nxbench"))
    records = tmp / "records.jsonl"
    generate(args.n, records)
    db = args.keep or tmp / "ledger.db"
    if db.exists():
        sys.exit(f"{db} exists; give a new file")
    t0, c0 = time.perf_counter(), time.process_time()
    with Ledger(db, batch_size=args.batch_size) as led:
        rep = led.add_files([records])
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        s = led.stats()
        print(rep.line())
        print(f"ingest: {args.n:,} articles in {secs:.1f}s = {args.n / secs:,.0f} articles/s "
              f"({rep.mentions / secs:,.0f} deal mentions/s); {s['deals']:,} deals, {s['field_values']:,} field values; "
              f"file {db.stat().st_size / 1e6:.0f} MB")
        print(f"ingest CPU time {cpu:.1f}s = {args.n / cpu:,.0f} articles per CPU-second; load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores (other work slows wall time)")
        times = []
        for _ in range(20):
            q0 = time.perf_counter()
            rows = led.deals(DealFilter(party=args.party))
            times.append((time.perf_counter() - q0) * 1000)
        print(f"query deals --party {args.party}: {len(rows):,} deals, median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms (in process, 20 runs)")
        times = []
        for name in ("Atlantic7 Therapeutics", "华12生物"):
            q0 = time.perf_counter()
            rows = led.deals(DealFilter(party=name))
            times.append((time.perf_counter() - q0) * 1000)
            print(f"query deals --party {name}: {len(rows):,} deals in {times[-1]:.1f} ms")
    q0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "newsextract.cli", "ledger", "deals", "--db", str(db), "--party",
                          args.party, "--format", "csv"], capture_output=True, text=True, check=True)
    print(f"newsextract ledger deals --party {args.party} as a process: {(time.perf_counter() - q0) * 1000:.0f} ms "
          f"wall ({len(out.stdout.splitlines()) - 1:,} rows; includes interpreter start-up and imports)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
