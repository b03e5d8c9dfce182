"""Per-article score changes between the committed rules and the working tree (for rule writers).

    python scripts/eval_diff.py [--split dev] [--lang en] [--base HEAD]

Scores the corpus with the rules of ``--base`` (checked out into a temporary folder) and with the working tree,
and lists every article whose TP/FP/FN changed. Only ever run it on the dev split while tuning rules.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def scores(src: Path, split: str, lang: str) -> dict[str, tuple[int, int, int]]:
    code = f"""
import json, sys
sys.path.insert(0, {str(src / 'src')!r})
from newsextract.quality.evaluate import evaluate
rep = evaluate({str(ROOT / 'corpus')!r}, split={split!r}, lang={lang!r})
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
    ap.add_argument("--split", default="dev")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--base", default="HEAD")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", tmp, a.base], check=True,
                       capture_output=True)
        try:
            old = scores(Path(tmp), a.split, a.lang)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", tmp], capture_output=True)
    new = scores(ROOT, a.split, a.lang)
    for k in sorted(set(old) | set(new)):
        if old.get(k) != new.get(k):
            print(f"{k:10} TP/FP/FN {old.get(k)} -> {new.get(k)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
