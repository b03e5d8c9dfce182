"""The command line imports spaCy without spaCy's own command line (newsextract._spacy_import)."""

from __future__ import annotations

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


def test_cli_installs_it() -> None:
    code = "import sys, newsextract.cli, newsextract._spacy_import as s; print(s._FINDER in sys.meta_path)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True", out.stderr
