#!/usr/bin/env python
"""Score HTML main-text extraction on tests/fixtures/html: newsextract's BeautifulSoup extractor vs trafilatura.

    python scripts/html_compare.py            # table
    python scripts/html_compare.py --json     # machine-readable
    python scripts/html_compare.py -v         # list every miss
    python scripts/html_compare.py --dir tests/fixtures/html_holdout   # pages written after tuning

Each fixture ``<name>.html`` has ``<name>.json``: ``title``, ``published`` (ISO date or null), ``must_contain``
(snippets of the article that must be in the text, whitespace-normalised) and ``must_not_contain`` (boilerplate:
other articles' figures, cookie/newsletter text, navigation). A page scores 1 when every check passes.

Both systems get the page bytes. trafilatura (optional extra ``html``) runs with its defaults for news
(``extract(..., include_tables=True, favor_precision=False)``) and ``extract_metadata`` for title/date;
newsextract runs :func:`newsextract.ingest.html.extract_html`. Timings are per page, median of 3 runs.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "html"
_WS = re.compile(r"\s+")


def norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def run_newsextract(data: bytes) -> dict[str, Any]:
    from newsextract.ingest.html import extract_html

    doc = extract_html(data)
    return {"text": doc.text, "title": doc.title, "published": doc.published}


def run_trafilatura(data: bytes) -> dict[str, Any]:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    from newsextract.ingest import decode_html_bytes

    html = decode_html_bytes(data)  # the same decoding for both: this compares main-text extraction
    text = trafilatura.extract(html, include_tables=True, include_comments=False, deduplicate=False) or ""
    meta = extract_metadata(html)
    return {"text": text, "title": meta.title if meta else None,
            "published": (meta.date[:10] if meta and meta.date else None)}


def score(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    text = norm(got["text"])
    missing = [s for s in expected["must_contain"] if norm(s) not in text]
    leaked = [s for s in expected["must_not_contain"] if norm(s) in text]
    return {
        "contain": len(expected["must_contain"]) - len(missing), "contain_total": len(expected["must_contain"]),
        "clean": len(expected["must_not_contain"]) - len(leaked), "clean_total": len(expected["must_not_contain"]),
        "title": got["title"] == expected["title"], "published": got["published"] == expected["published"],
        "missing": missing, "leaked": leaked, "got_title": got["title"], "got_published": got["published"],
    }


def evaluate(systems: dict[str, Any], folder: Path = FIXTURES) -> dict[str, Any]:
    pages = sorted(folder.glob("*.html"))
    out: dict[str, Any] = {"pages": len(pages), "systems": {}}
    for name, fn in systems.items():
        per: dict[str, Any] = {}
        times = []
        for page in pages:
            expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
            data = page.read_bytes()
            runs = []
            for _ in range(3):
                t0 = time.perf_counter()
                got = fn(data)
                runs.append(time.perf_counter() - t0)
            times.append(statistics.median(runs))
            per[page.stem] = score(expected, got)
        tot = {k: sum(p[k] for p in per.values()) for k in ("contain", "contain_total", "clean", "clean_total")}
        out["systems"][name] = {
            "must_contain": f"{tot['contain']}/{tot['contain_total']}",
            "must_not_contain": f"{tot['clean']}/{tot['clean_total']}",
            "title": sum(p["title"] for p in per.values()),
            "published": sum(p["published"] for p in per.values()),
            "pages_all_ok": sum(not p["missing"] and not p["leaked"] and p["title"] and p["published"]
                                for p in per.values()),
            "ms_per_page": round(1000 * statistics.mean(times), 2),
            "per_page": per,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--dir", type=Path, default=FIXTURES, help="folder of <name>.html + <name>.json pages")
    args = ap.parse_args(argv)
    systems: dict[str, Any] = {"newsextract (BeautifulSoup)": run_newsextract}
    try:
        import trafilatura  # noqa: F401

        systems["trafilatura " + __import__("trafilatura").__version__] = run_trafilatura
    except ImportError:
        print("trafilatura not installed (pip install 'newsextract[html]'): comparing nothing", file=sys.stderr)
    res = evaluate(systems, args.dir)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return 0
    print(f"{res['pages']} fixture pages ({args.dir})")
    print(f"{'system':<30} {'must-contain':>12} {'must-not':>9} {'title':>6} {'date':>5} {'pages ok':>8} {'ms/page':>8}")
    for name, r in res["systems"].items():
        print(f"{name:<30} {r['must_contain']:>12} {r['must_not_contain']:>9} {r['title']:>6} {r['published']:>5} "
              f"{r['pages_all_ok']:>8} {r['ms_per_page']:>8}")
        if args.verbose:
            for page, p in r["per_page"].items():
                probs = []
                if p["missing"]:
                    probs.append(f"missing {p['missing']}")
                if p["leaked"]:
                    probs.append(f"leaked {p['leaked']}")
                if not p["title"]:
                    probs.append(f"title {p['got_title']!r}")
                if not p["published"]:
                    probs.append(f"date {p['got_published']!r}")
                if probs:
                    print(f"    {page}: " + "; ".join(probs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
