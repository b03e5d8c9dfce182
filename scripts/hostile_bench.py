#!/usr/bin/env python
"""Hostile-input benchmark: how extraction time grows on pathological texts (issue 11).

    python scripts/hostile_bench.py                         # every case at 25, 50, 100, 200 KB
    python scripts/hostile_bench.py --cases paren,digits --sizes 12.5,25,50 --timeout 120
    python scripts/hostile_bench.py --cases long_sentence --sizes 250,500,1000   # the 1 MB single sentence
    python scripts/hostile_bench.py --json

Every (case, size) runs in its own fresh process: the pipeline is loaded and warmed on a short text of the same
language first, then one call is timed -- ``Extractor.extract(text)`` for text cases, ``load_text(bytes)`` +
``extract`` for HTML cases (HTML cases are sized by their bytes). A run that takes longer than ``--timeout`` is
killed and shown as ``>T``; larger sizes of that case are skipped.

Columns: seconds, seconds per 100 KB, and the growth ratio (time at this size / time at the previous size).
Doubling the input of a linear case doubles its time (ratio ~2); a quadratic case shows ~4. The verdict is
``linear`` when every ratio per doubling is below 3 and the time per 100 KB stays under 2 s (10 s for a 1 MB
single sentence), ``handed over`` for the cases whose cause is in ``assembly/`` (fixed there, see the note).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ZH_DEAL = ("江苏恒瑞医药股份有限公司与默沙东签署独家许可协议，将其PD-1/VEGF双抗的全球权益授予默沙东，"
            "默沙东将支付2亿美元首付款及最高17亿美元的里程碑付款，另加销售提成。")
_EN_CLAUSE = "Acme Bio licensed AB-101 to Pfizer for $25 million upfront and up to $500 million in milestones; "


@dataclass(frozen=True)
class Case:
    name: str
    lang: str
    unit: str  # the repeated piece (or the whole construction for builders)
    where: str  # where the time went before the fix
    html: bool = False
    assembly: bool = False  # cause inside assembly/: handed over to the assembly rewrite
    build: Callable[[int], str] | None = None

    def text(self, nbytes: int) -> str:
        if self.build is not None:
            return self.build(nbytes)
        reps = max(1, nbytes // len(self.unit.encode("utf-8")))
        return self.unit * reps


def _nested_divs(nbytes: int) -> str:
    n = max(1, nbytes // len(b"<div></div>"))
    return ("<html><body>" + "<div>" * n + "<p>Acme Bio licensed AB-101 to Pfizer for $25 million upfront.</p>"
            + "</div>" * n + "</body></html>")


def _classed_divs(nbytes: int) -> str:
    unit = '<div class="ad sponsored">'
    n = max(1, nbytes // (len(unit) + 6))
    return ("<html><body>" + unit * n + "<p>Acme Bio licensed AB-101 to Pfizer for $25 million upfront.</p>"
            + "</div>" * n + "</body></html>")


def _sibling_paras(nbytes: int) -> str:
    unit = "<div><p>Acme Bio licensed AB-101 to Pfizer for $25 million upfront.</p><a href='/x'>more</a></div>\n"
    return "<html><body><article>" + unit * max(1, nbytes // len(unit)) + "</article></body></html>"


CASES: dict[str, Case] = {c.name: c for c in [
    Case("paren", "en", "(", "spaCy tokenizer prefix loop on one 'word' + the name-shape rules"),
    Case("digits", "en", "1234567890", "find_royalty (roy.rates: \\d+ retried at every digit)"),
    Case("cite", "en", "[1]", "segment.boundaries (seg.terminal/seg.citation: (?:\\[\\d+\\])* retried per position)"),
    Case("zh_numerals", "zh", "一二三", "money regex: [一二三…]+ retried at every numeral"),
    Case("zh_money", "zh", "1万美元", "finders._windows / _combined: pay rules over merged windows"),
    Case("zh_deal", "zh", _ZH_DEAL, "finders._combined (deal/pay cues) on a text with no line break"),
    Case("zh_clauses", "zh", _ZH_DEAL.replace("。", "，"), "one Chinese sentence of clauses"),
    Case("upfront_and", "en", "$5 million upfront and ", "assembly: gap_text re.sub per (cue, amount) pair",
         assembly=True),
    Case("long_sentence", "en", _EN_CLAUSE, "assembly: _clauses → _mask.to_text walks every mark per cut",
         assembly=True),
    Case("words", "en", "the company said that it would consider the offer and ", "baseline: ordinary words"),
    Case("dots", "en", ".", "tokenizer / segmenter on a run of one punctuation mark"),
    Case("letters", "en", "a", "one 100 KB word"),
    Case("dollars", "en", "$", "money prefix on a run of currency signs"),
    Case("inc", "en", "Acme Inc. ", "abbreviation look-back of the segmenter, name shapes"),
    Case("nested_div", "en", "", "html._clean / _main_container on 10,000 nested <div>", html=True,
         build=_nested_divs),
    Case("classed_div", "en", "", "boilerplate removal on nested div.ad containers", html=True,
         build=_classed_divs),
    Case("many_paras", "en", "", "HTML main-text choice over many sibling blocks", html=True,
         build=_sibling_paras),
]}


# ------------------------------------------------------------------------------------------------ one run
def run_one(name: str, kb: float) -> dict[str, float]:
    """Build the case, warm the pipeline, time one extraction (in this process)."""
    from newsextract import Extractor
    from newsextract.ingest import load_text

    case = CASES[name]
    text = case.text(int(kb * 1024))
    ex = Extractor()
    warm = "Acme Bio licensed AB-101 to Pfizer." if case.lang == "en" else "恒瑞医药与默沙东签署协议。"
    ex.extract(warm, lang=case.lang)
    t0 = time.perf_counter()
    if case.html:
        doc = load_text(text.encode("utf-8"))
        ex.extract(doc.text, lang=case.lang)
    else:
        ex.extract(text, lang=case.lang)
    return {"seconds": time.perf_counter() - t0, "bytes": len(text.encode("utf-8"))}


def measure(name: str, kb: float, timeout: float) -> dict[str, float] | None:
    """One run in a fresh process; None when it timed out."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", name, str(kb)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{name} at {kb} KB failed:\n{exc.stderr}") from exc
    return json.loads(out.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------------ report
def verdict(case: Case, rows: list[dict]) -> str:
    times = [r["seconds"] for r in rows]
    if any(t is None for t in times):
        status = "TIMEOUT"
    else:
        ratios = [r["ratio"] for r in rows if r.get("ratio") is not None]
        per100 = max(r["per100"] for r in rows)
        big = max(r["kb"] for r in rows)
        limit = 10.0 * 100 / 1024 if big >= 1000 else 2.0  # 1 MB single sentence: 10 s for the whole
        noisy = max(times) < 0.2  # below ~0.2 s the ratio is mostly noise
        linear = noisy or all(r < 3.0 for r in ratios)
        status = "linear" if linear and per100 <= limit else "SUPERLINEAR" if not linear else "SLOW"
    if case.assembly and status != "linear":
        status += " (handed over: assembly)"
    return status


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    ap.add_argument("--sizes", default="25,50,100,200", help="sizes in KB, comma-separated, ascending")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per run before it is killed")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--one", nargs=2, metavar=("CASE", "KB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], float(args.one[1]))))
        return 0
    names = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [n for n in names if n not in CASES]
    if unknown:
        ap.error(f"unknown case(s) {unknown}; known: {', '.join(CASES)}")
    sizes = [float(s) for s in args.sizes.split(",")]
    results = {}
    if not args.json:
        print(f"{'case':<14}{'KB':>8}{'seconds':>10}{'s/100KB':>10}{'growth':>8}  verdict / where")
    for name in names:
        case = CASES[name]
        rows: list[dict] = []
        prev = None
        for kb in sizes:
            got = measure(name, kb, args.timeout)
            if got is None:
                rows.append({"kb": kb, "seconds": None, "per100": None, "ratio": None})
                if not args.json:
                    print(f"{name:<14}{kb:>8g}{'>' + format(args.timeout, 'g'):>10}{'':>10}{'':>8}")
                break
            secs = got["seconds"]
            real_kb = got["bytes"] / 1024
            per100 = secs * 100 / real_kb
            ratio = secs / prev if prev and prev > 0 else None
            rows.append({"kb": kb, "seconds": secs, "per100": per100, "ratio": ratio})
            if not args.json:
                print(f"{name:<14}{kb:>8g}{secs:>10.3f}{per100:>10.3f}"
                      f"{(format(ratio, '.2f') if ratio else ''):>8}")
            prev = secs
        results[name] = {"rows": rows, "verdict": verdict(case, rows), "where": case.where}
        if not args.json:
            print(f"{'':<14}-> {results[name]['verdict']}   [{case.where}]")
    if args.json:
        print(json.dumps(results, indent=2))
    bad = [n for n, r in results.items() if not r["verdict"].startswith("linear") and not CASES[n].assembly]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
