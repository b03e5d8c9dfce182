"""Hostile-input benchmark (issue 11): the time of each pathological input family at two sizes, in its own process.

Every family runs at ``--small`` and at four times that size; the script prints the seconds, the seconds per
100 KB at the larger size and the growth ratio (4x the input should cost about 4x the time: linear). The one-long-
sentence family also runs at 1 MB (the issue asks for under 10 s). Times are wall-clock on this machine, one core;
read them as ratios first.

    python scripts/bench_hostile.py              # every family, 25 KB and 100 KB, and the 1 MB sentence
    python scripts/bench_hostile.py --only parens,digits --small 50000
    python scripts/bench_hostile.py --json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

#: family → (language, unit repeated to the size, how the text is read: "text" or "html")
FAMILIES: dict[str, tuple[str, str, str]] = {
    "parens": ("en", "(", "text"),
    "digits": ("en", "1234567890", "text"),
    "citations": ("en", "[1]", "text"),
    "zh-numerals": ("zh", "一二三", "text"),
    "zh-amounts": ("zh", "1万美元", "text"),
    "zh-deal-run": ("zh", "恒瑞医药将HRS-1167的全球权益授予默沙东，默沙东支付首付款2亿美元。", "text"),
    "upfront-and": ("en", "$5 million upfront and ", "text"),
    "long-sentence": ("en", "Acme Bio licensed AB-101 to Pfizer for $5 million upfront, and ", "text"),
    "nested-div": ("en", "<div>", "html"),
}


def _build(unit: str, size: int, kind: str) -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    if kind == "html":
        return "<html><body>" + unit * n + "Acme Bio licensed AB-101 to Pfizer." + "</div>" * n + "</body></html>"
    return unit * n


def _row(family: str, size: int) -> dict[str, object]:
    """Runs in a child process: one document of one family and size, through the whole extractor."""
    from newsextract import Extractor
    from newsextract.ingest.load import html_to_document

    lang, unit, kind = FAMILIES[family]
    text = _build(unit, size, kind)
    ex = Extractor(lang=lang, max_chars=max(2_000_000, len(text) + 1))
    ex.extract("Warm-up: Acme Bio licensed AB-101 to Pfizer for $5 million upfront.", lang=lang)
    t0 = time.perf_counter()
    if kind == "html":
        doc = html_to_document(text, doc_id=family)
        rec = ex.extract(doc.text or "empty", lang=lang)
    else:
        rec = ex.extract(text, lang=lang)
    dt = time.perf_counter() - t0
    return {"family": family, "bytes": len(text.encode("utf-8")), "seconds": round(dt, 3), "deals": len(rec.deals),
            "warnings": len(rec.warnings)}


def _child(family: str, size: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, __file__, "_row", family, str(size)], capture_output=True, text=True,
                         check=False, timeout=600)
    if out.returncode != 0:
        return {"family": family, "bytes": size, "seconds": None, "error": out.stderr.strip().splitlines()[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", nargs="?", default="run", choices=["run", "_row"], help=argparse.SUPPRESS)
    ap.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    ap.add_argument("--only", default="", help="comma-separated families (default: all)")
    ap.add_argument("--small", type=int, default=25_000, help="the smaller size in bytes (the larger is 4x)")
    ap.add_argument("--sentence-mb", type=float, default=1.0, help="size of the single long sentence row (MB)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.mode == "_row":
        print(json.dumps(_row(a.args[0], int(a.args[1]))))
        return 0
    families = [f for f in (a.only.split(",") if a.only else FAMILIES) if f]
    rows = []
    for fam in families:
        small, large = _child(fam, a.small), _child(fam, 4 * a.small)
        ratio = (large["seconds"] / small["seconds"]) if small.get("seconds") and large.get("seconds") else None
        per100 = (large["seconds"] / (large["bytes"] / 100_000)) if large.get("seconds") else None  # type: ignore[operator]
        rows.append({"family": fam, "small": small, "large": large, "x4_time_ratio": ratio, "s_per_100KB": per100})
    if "long-sentence" in families and a.sentence_mb:
        big = _child("long-sentence", int(a.sentence_mb * 1_000_000))
        rows.append({"family": "long-sentence (1 MB)", "large": big, "s_per_100KB": None, "x4_time_ratio": None})
    if a.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'family':22} {'small s':>9} {'large s':>9} {'x4 ratio':>9} {'s/100KB':>9}")
    for r in rows:
        sm = r.get("small", {}) or {}
        lg = r["large"]
        print(f"{r['family']:22} {sm.get('seconds', '') if sm else '':>9} {lg.get('seconds')!s:>9} "
              f"{'' if r['x4_time_ratio'] is None else round(r['x4_time_ratio'], 2):>9} "
              f"{'' if r['s_per_100KB'] is None else round(r['s_per_100KB'], 3):>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
