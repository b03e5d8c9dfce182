"""The command line imports spaCy without spaCy's own command line (newsextract._spacy_import)."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import sys
from newsextract import _spacy_import
_spacy_import.install()
import spacy
assert "spacy.cli" not in sys.modules and "spacy.cli.info" not in sys.modules, "spacy.cli was imported"
assert type(spacy.__loader__).__module__ != "newsextract._spacy_import"
nlp = spacy.blank("en")
assert [t.text for t in nlp("a b")] == ["a", "b"]
assert isinstance(spacy.info(silent=True), dict)  # the real one, imported on use
import spacy.cli.info
from spacy.cli.info import info_installed_model_url  # the real module, not the stand-in
assert sys.modules["spacy.cli.info"].__file__.endswith("info.py")
print("ok")
"""


def test_spacy_without_its_cli() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_cli_command_imports_spacy_without_its_cli(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Acme Bio licensed AB-101 to Pfizer for $25 million upfront.", encoding="utf-8")
    code = ("import sys, contextlib, io, re\n"
            "from newsextract.cli import main\n"
            "original = re._compiler.compile\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    rc = main(['extract', {str(article)!r}])\n"
            "assert rc == 0 and 'Pfizer' in out.getvalue()\n"
            "assert re._compiler.compile is original  # (the regex cache is on for the command only)\n"
            "print('spacy' in sys.modules, 'spacy.cli' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "NEWSEXTRACT_CACHE_DIR": str(tmp_path / "cache")})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "False"]
