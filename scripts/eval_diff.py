"""Per-article score changes between the committed rules and the working tree (for rule writers).

    python scripts/eval_diff.py [--split dev] [--lang en] [--base HEAD]
    python scripts/eval_diff.py --corpus ../shared/realdev --split '' [--lang zh]

Scores a gold folder with the rules of ``--base`` (checked out into a temporary folder) and with the working tree,
and lists every article whose TP/FP/FN changed. On the own corpus, only ever run it on the dev split while tuning.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def scores(src: Path, corpus: Path, split: str | None, lang: str | None) -> dict[str, tuple[int, int, int]]:
    code = f"""
import json, sys
sys.path.insert(0, {str(src / 'src')!r})
from newsextract.quality.evaluate import evaluate
rep = evaluate({str(corpus)!r}, split={split!r}, lang={lang!r})
out = {{}}
for r in rep.articles:
    tp = sum(c.tp for c in r.counts.values()); fp = sum(c.fp for c in r.counts.values()); fn = sum(c.fn for c in r.counts.values())
    out[r.id] = (tp, fp, fn)
print(json.dumps(out))
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--split", default="dev", help="dev | test | '' (all articles, for realdev)")
    ap.add_argument("--lang", default=None, help="en | zh (default: both)")
    ap.add_argument("--base", default="HEAD")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", tmp, a.base], check=True,
                       capture_output=True)
        try:
            old = scores(Path(tmp), Path(a.corpus).resolve(), a.split or None, a.lang)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", tmp], capture_output=True)
    new = scores(ROOT, Path(a.corpus).resolve(), a.split or None, a.lang)
    delta = 0
    for k in sorted(set(old) | set(new)):
        if old.get(k) != new.get(k):
            o, n = old.get(k) or (0, 0, 0), new.get(k) or (0, 0, 0)
            d = (n[0] - o[0]) - ((n[1] + n[2]) - (o[1] + o[2])) / 2
            delta += d
            print(f"{k:12} TP/FP/FN {tuple(o)} -> {tuple(n)}  {'+' if d > 0 else ('-' if d < 0 else '=')}")
    print(f"net (TP gained minus half the FP+FN added): {delta:+.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
