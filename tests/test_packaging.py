"""Packaging: the rule files travel with the package and are read through ``importlib.resources``.

A wheel is built from a copy of the source (so the build leaves nothing in the repository), installed with
``pip install --no-deps --target`` into a temporary folder and imported from there by a fresh interpreter whose
working directory is outside the repository; the runtime dependencies (spaCy, pydantic …) come from this
environment. The editable install of the development environment is checked in process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib import resources
from importlib.metadata import distribution
from pathlib import Path

import pytest

import newsextract
from newsextract.patterns import load_file, patterns_root

SRC = Path(newsextract.__file__).resolve().parent

PROBE = r"""
import json, sys
import newsextract
from newsextract import extract
from newsextract.patterns import load_file, patterns_root
import spacy

rec = extract("3SBio receives a $1.25 billion upfront payment from Pfizer for its PD-1/VEGF bispecific.")
d = rec.deals[0]
nlp = spacy.blank("en")
nlp.add_pipe("newsextract_entities")
nlp.add_pipe("newsextract_deals")
doc = nlp("Pfizer will acquire Seagen for $43 billion.")
print(json.dumps({
    "file": newsextract.__file__,
    "root": str(patterns_root()),
    "money_keys": sorted(load_file("en", "money")),
    "deal": [d.licensor.name, d.licensee.name, int(d.upfront.amount), d.targets],
    "spacy_deal": [doc._.deals[0].deal_type, doc._.deals[0].licensee.name, int(doc._.deals[0].total_value.amount)],
}))
"""


def _pattern_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory) -> tuple[Path, Path]:
    """(wheel file, folder the wheel was installed into)."""
    base = tmp_path_factory.mktemp("pkg")
    src = base / "src-copy"
    repo = SRC.parents[1]
    if not (repo / "pyproject.toml").is_file():
        pytest.skip("not running from a source checkout")
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (repo / name).is_file():
            shutil.copy2(repo / name, src / name)
    shutil.copytree(SRC, src / "src" / "newsextract", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    wheels = base / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(wheels)],
                           capture_output=True, text=True, timeout=600, cwd=base)
    assert build.returncode == 0, build.stdout + build.stderr
    (whl,) = wheels.glob("newsextract-*.whl")
    target = base / "site"
    inst = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                           str(whl)], capture_output=True, text=True, timeout=600, cwd=base)
    assert inst.returncode == 0, inst.stdout + inst.stderr
    return whl, target


def test_packaging_wheel_contains_every_pattern_file(wheel_install):
    whl, _ = wheel_install
    names = set(zipfile.ZipFile(whl).namelist())
    expected = {f"newsextract/patterns/{p}" for p in _pattern_files(SRC / "patterns")}
    assert expected, "no pattern files in the source tree"
    assert expected <= names, sorted(expected - names)
    assert "newsextract/py.typed" in names


def test_packaging_wheel_declares_entry_points(wheel_install):
    _, target = wheel_install
    (ep,) = target.glob("newsextract-*.dist-info/entry_points.txt")
    text = ep.read_text()
    assert "[console_scripts]" in text and "newsextract = newsextract.cli:main" in text
    assert "[spacy_factories]" in text
    for name in ("newsextract_segmenter", "newsextract_entities", "newsextract_deals"):
        assert name in text


def test_packaging_installed_wheel_reads_patterns_and_extracts(wheel_install, tmp_path):
    _, target = wheel_install
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(target)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.pop("PYTHONSAFEPATH", None)
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                         env=env)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert Path(got["file"]).resolve().is_relative_to(target.resolve()), got["file"]
    assert Path(got["root"]).resolve().is_relative_to(target.resolve()), got["root"]
    assert {"prefix_currencies", "suffix_currencies", "scales", "qualifiers"} <= set(got["money_keys"])
    assert got["deal"] == ["3SBio", "Pfizer", 1250000000, ["PD-1", "VEGF"]]
    assert got["spacy_deal"] == ["acquisition", "Pfizer", 43000000000]


def test_packaging_patterns_root_is_importlib_resources():
    root = patterns_root()
    assert str(root) == str(resources.files("newsextract") / "patterns")
    assert root.joinpath("en", "money.yml").is_file()
    assert Path(str(root)).resolve() == (SRC / "patterns").resolve()


def test_packaging_editable_install_reads_packaged_patterns():
    try:
        direct = json.loads(distribution("newsextract").read_text("direct_url.json") or "{}")
    except Exception:  # noqa: BLE001 - not installed through pip at all
        direct = {}
    if not direct.get("dir_info", {}).get("editable"):
        pytest.skip("newsextract is not an editable install here")
    assert SRC == Path(newsextract.__file__).resolve().parent
    data = load_file("en", "money")
    assert data["kind"] == "money"
    assert "USD" in data["prefix_currencies"]


@pytest.mark.parametrize("lang,name", [("en", "money"), ("en", "companies"), ("en", "roles"), ("zh", "money")])
def test_packaging_load_file_packaged(lang, name):
    assert isinstance(load_file(lang, name), dict)


def test_packaging_patterns_dir_override(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "money.yml").write_text("kind: money\nversion: 99\n", encoding="utf-8")
    assert load_file("en", "money", str(tmp_path))["version"] == 99
    assert load_file("en", "money")["version"] != 99
