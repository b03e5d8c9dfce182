"""The ``newsextract`` command line.

Output formats run in process through typer's ``CliRunner`` (fast); exit codes and error messages run as a user
runs them, in a subprocess of ``python -m newsextract.cli``, so that a traceback on stderr would be seen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PFIZER_SEAGEN = "Pfizer will acquire Seagen for $43 billion.\n"
SSBIO = "3SBio receives a $1.25 billion upfront payment from Pfizer for its PD-1/VEGF bispecific.\n"
HTML = ("<html><head><title>Pfizer buys Seagen</title></head><body><nav>Home | News</nav>"
        "<p>Pfizer will acquire Seagen for $43 billion.</p></body></html>")


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(*args: str, stdin: str | None = None) -> Result:
    """In process, through typer's CliRunner."""
    from typer.testing import CliRunner

    from newsextract.cli import app

    res = CliRunner().invoke(app, list(args), input=stdin)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    return Result(res.exit_code, res.stdout, res.stderr)


def run_process(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """As a user runs it: a fresh interpreter, real exit code, real stderr."""
    return subprocess.run([sys.executable, "-m", "newsextract.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=180)


@pytest.fixture
def article(tmp_path: Path):
    def write(name: str, content: str | bytes) -> Path:
        p = tmp_path / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    return write


def _seagen(rec: dict) -> None:
    assert rec["lang"] == "en" and rec["error"] is None
    (d,) = rec["deals"]
    assert (d["deal_type"], d["licensor"]["name"], d["licensee"]["name"]) == ("acquisition", "Seagen", "Pfizer")
    assert d["total_value"]["amount"] == 43000000000 and d["total_value"]["currency"] == "USD"


def test_cli_extract_json(article):
    out = run_process("extract", str(article("a.txt", PFIZER_SEAGEN)))
    assert out.returncode == 0, out.stderr
    _seagen(json.loads(out.stdout))
    assert '"amount": 43000000000' in out.stdout  # a plain number, no exponent


@pytest.mark.parametrize("flag", [["--format", "json"], ["-f", "json"], []])
def test_cli_extract_json_flags(article, flag):
    out = run("extract", str(article("a.txt", PFIZER_SEAGEN)), *flag)
    assert out.returncode == 0, out.stderr
    _seagen(json.loads(out.stdout))


def test_cli_extract_jsonl(article):
    out = run("extract", str(article("a.txt", PFIZER_SEAGEN)), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    _seagen(json.loads(lines[0]))


def test_cli_extract_table(article):
    out = run("extract", str(article("a.txt", PFIZER_SEAGEN)), "--format", "table")
    assert out.returncode == 0, out.stderr
    header, rule, *rows = out.stdout.strip().splitlines()
    for col in ("type", "licensor", "licensee", "upfront", "total"):
        assert col in header
    assert set(rule.replace(" ", "")) == {"-"}
    assert len(rows) == 1
    assert "acquisition" in rows[0] and "Seagen" in rows[0] and "Pfizer" in rows[0]
    assert "43" in rows[0]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_extract_stdin(fmt):
    out = run("extract", "-", "--format", fmt, stdin=SSBIO)
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    (d,) = rec["deals"]
    assert (d["licensor"]["name"], d["licensee"]["name"]) == ("3SBio", "Pfizer")
    assert d["upfront"]["amount"] == 1250000000
    assert d["targets"] == ["PD-1", "VEGF"]


def test_cli_extract_html_file(article):
    out = run("extract", str(article("a.html", HTML)), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    assert rec["title"] == "Pfizer buys Seagen"
    _seagen(rec)


def test_cli_extract_keep_text_offsets(article):
    out = run("extract", str(article("a.txt", SSBIO)), "--keep-text", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    text = rec["text"]
    for e in rec["deals"][0]["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"]


def test_cli_extract_published_option(article):
    out = run("extract", str(article("a.txt", PFIZER_SEAGEN)), "--published", "2025-05-20")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["published"] == "2025-05-20"


@pytest.mark.parametrize(
    "content,message",
    [
        ("", "E001 empty input"),
        ("   \n\n\t ", "E001 empty input"),
    ],
)
def test_cli_extract_empty_file(article, content, message):
    out = run_process("extract", str(article("empty.txt", content)))
    assert out.returncode == 1
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert out.stdout == ""


def test_cli_extract_empty_stdin():
    out = run_process("extract", "-", stdin="")
    assert out.returncode == 1
    assert "E001 empty input" in out.stderr and "Traceback" not in out.stderr


def test_cli_extract_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    out = run_process("extract", str(missing))
    assert out.returncode == 2
    assert "no such file" in out.stderr and "nope.txt" in out.stderr
    assert "Traceback" not in out.stderr and "E030" not in out.stderr
    assert out.stdout == ""


def test_cli_extract_directory_is_not_a_file(tmp_path):
    out = run_process("extract", str(tmp_path))
    assert out.returncode == 2
    assert "E044" in out.stderr and "is a directory" in out.stderr and "hint: " in out.stderr
    assert "Traceback" not in out.stderr and "E030" not in out.stderr


def test_cli_extract_unknown_format(article):
    out = run_process("extract", str(article("a.txt", PFIZER_SEAGEN)), "--format", "xml")
    assert out.returncode == 2
    assert "E040 invalid --format: 'xml'" in out.stderr and "Traceback" not in out.stderr


def test_cli_extract_no_argument():
    out = run("extract")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def test_cli_schema():
    out = run("schema")
    assert out.returncode == 0, out.stderr
    s = json.loads(out.stdout)
    assert s["title"] == "Extraction"
    deal = s["$defs"]["Deal"]["properties"]
    for f in ("deal_type", "status", "licensor", "licensee", "upfront", "milestones", "total_value", "evidence"):
        assert f in deal


def test_cli_schema_unknown_record():
    out = run_process("schema", "--record", "Nope")
    assert out.returncode == 2
    assert "E040 invalid --record: 'Nope'" in out.stderr and "Traceback" not in out.stderr


def test_cli_help_lists_commands():
    out = run("--help")
    assert out.returncode == 0
    for cmd in ("extract", "schema"):
        assert cmd in out.stdout


def test_cli_console_script_beside_python(article):
    script = Path(sys.executable).with_name("newsextract")
    if not script.exists():
        pytest.skip("no newsextract console script next to this interpreter")
    out = subprocess.run([str(script), "extract", str(article("a.txt", PFIZER_SEAGEN)), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    _seagen(json.loads(out.stdout))
