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


def test_python_dash_m_newsextract_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "newsextract", "--help"], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0 and "extract" in out.stdout


def test_cli_console_script_beside_python(article):
    script = Path(sys.executable).with_name("newsextract")
    if not script.exists():
        pytest.skip("no newsextract console script next to this interpreter")
    out = subprocess.run([str(script), "extract", str(article("a.txt", PFIZER_SEAGEN)), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    _seagen(json.loads(out.stdout))


# ------------------------------------------------------------------------------------------------ error contract
def _usage_cases(tmp: Path) -> list[tuple[list[str], str]]:
    """(arguments, the code the usage error must carry), for every command."""
    article = tmp / "a.txt"
    article.write_text(PFIZER_SEAGEN, encoding="utf-8")
    (tmp / "empty").mkdir()
    existing = tmp / "existing.jsonl"
    existing.write_text('{"doc_id": "x", "deals": []}\n', encoding="utf-8")
    foreign = tmp / "foreign.jsonl"
    foreign.write_text("doc_id,deal\nx,1\n", encoding="utf-8")
    out = str(tmp / "out.jsonl")
    a = str(article)
    return [
        (["extract", str(tmp / "nope.txt")], "E041"),
        (["extract", str(tmp)], "E044"),
        (["extract", a, "--lang", "fr"], "E005"),
        (["extract", a, "--format", "xml"], "E040"),
        (["extract", a, "--published", "notadate"], "E043"),
        (["extract", a, "--max-bytes", "0"], "E040"),
        (["extract", a, "--doc-timeout", "-1"], "E040"),
        (["extract", "--keep-text", "true", a], "E048"),  # a flag takes no value: "true" is the file, a extra
        (["extract"], "E048"),
        (["extract", a, "--bogus"], "E048"),
        (["batch", str(tmp / "nope"), "-o", out], "E041"),
        (["batch", str(tmp / "empty"), "-o", out], "E045"),
        (["batch", str(tmp / "nomatch*"), "-o", out], "E045"),
        (["batch", a, "-o", out, "--lang", "fr"], "E005"),
        (["batch", a, "-o", out, "--workers", "0"], "E040"),
        (["batch", a, "-o", out, "--workers", "two"], "E048"),
        (["batch", a, "-o", out, "--engine", "spark"], "E040"),
        (["batch", a, "-o", out, "--doc-timeout", "-5"], "E040"),
        (["batch", a], "E048"),
        (["batch", a, "-o", str(existing)], "E042"),
        (["batch", a, "-o", out, "--resume", "--force"], "E049"),
        (["batch", a, "-o", out, "--scheduler", "tcp://x:8786"], "E049"),
        (["batch", a, "-o", str(tmp)], "E044"),
        (["batch", a, "-o", str(tmp / "no" / "such" / "o.jsonl")], "E047"),
        (["batch", a, "-o", str(foreign), "--resume"], "E046"),
        (["table", str(tmp / "nope.jsonl")], "E041"),
        (["table", str(tmp)], "E044"),
        (["table", str(foreign)], "E046"),
        (["eval", str(tmp / "nope")], "E041"),
        (["eval", str(tmp), "--split", "train"], "E040"),
        (["eval", str(tmp), "--lang", "fr"], "E005"),
        (["eval", str(tmp / "empty")], "E045"),
        (["check", str(tmp / "nope")], "E041"),
        (["check", str(tmp / "empty")], "E045"),
        (["show", str(tmp / "nope.txt")], "E041"),
        (["show", a, "--html", str(tmp / "no" / "such" / "x.html")], "E047"),
        (["show", a, "--lang", "fr"], "E005"),
        (["schema", "--record", "Nope"], "E040"),
        (["frobnicate"], "E048"),
    ]


def test_cli_every_usage_error_exits_2_with_code_and_hint(tmp_path, capsys):
    from newsextract.cli import main

    for args, code in _usage_cases(tmp_path):
        rc = main(args)
        err = capsys.readouterr().err
        assert rc == 2, (args, rc, err)
        first, *rest = err.strip().splitlines()
        assert first.startswith(f"error: {code} "), (args, err)
        assert any(line.startswith("hint: ") for line in rest), (args, err)
        assert "Traceback" not in err


@pytest.mark.parametrize("args,code", [(["extract", "/no/such/file.txt"], "E041"),
                                       (["show", "x", "--html", "/no/such/dir/x.html"], "E041")])
def test_cli_usage_error_as_a_user_sees_it(args, code):
    out = run_process(*args)
    assert out.returncode == 2 and out.stderr.startswith(f"error: {code} ") and "hint: " in out.stderr
    assert "Traceback" not in out.stderr


def test_cli_show_html_into_a_missing_folder_is_e047(article):
    out = run_process("show", str(article("a.txt", PFIZER_SEAGEN)), "--html", "/no/such/dir/x.html")
    assert out.returncode == 2 and out.stderr.startswith("error: E047 ") and "Traceback" not in out.stderr


def test_cli_document_failures_exit_1(article, capsys):
    from newsextract.cli import main

    assert main(["extract", str(article("big.txt", PFIZER_SEAGEN)), "--max-bytes", "10"]) == 1
    assert capsys.readouterr().err.startswith("error: E024 ")
    assert main(["extract", str(article("bin.txt", b"\x00\x01\x02" * 10))]) == 1
    assert capsys.readouterr().err.startswith("error: E004 ")


def test_cli_version(capsys):
    from newsextract import __version__
    from newsextract.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newsextract {__version__}"


@pytest.mark.parametrize("command,flags", [("extract", ["--keep-text / --no-keep-text"]),
                                           ("batch", ["--keep-text / --no-keep-text", "--resume / --no-resume",
                                                      "--force / --no-force"]),
                                           ("eval", ["--json / --no-json", "--errors / --no-errors"]),
                                           ("check", ["--update / --no-update"])])
def test_cli_boolean_flags_come_in_pairs(command, flags):
    out = run(command, "--help")
    assert out.returncode == 0
    for flag in flags:
        assert flag in out.stdout
    assert "<bool>" not in out.stdout


def test_cli_keep_text_pair(article):
    path = str(article("a.txt", SSBIO))
    for flag, kept in (("--keep-text", True), ("--no-keep-text", False)):
        out = run("extract", path, flag, "--format", "jsonl")
        assert out.returncode == 0 and (json.loads(out.stdout)["text"] is not None) == kept


def test_cli_batch_refuses_to_overwrite_unless_force_or_resume(tmp_path, article):
    path = str(article("a.txt", PFIZER_SEAGEN))
    out = tmp_path / "out.jsonl"
    out.write_text('{"doc_id": "old", "deals": []}\n', encoding="utf-8")
    assert run("batch", path, "-o", str(out), "-w", "1").returncode == 2
    assert out.read_text(encoding="utf-8").startswith('{"doc_id": "old"')
    assert run("batch", path, "-o", str(out), "-w", "1", "--resume").returncode == 0
    assert [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["old", "a"]
    assert run("batch", path, "-o", str(out), "-w", "1", "--force").returncode == 0
    assert [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a"]


def test_cli_gc_pause_is_undone():
    """``newsextract extract`` starts with the garbage collector off (newsextract._gcpause) and turns it on again;
    ``main([...])`` inside another program never touches it."""
    import gc

    from newsextract import _gcpause

    assert gc.isenabled()
    _gcpause.resume()  # (not paused: nothing)
    assert gc.isenabled()
    _gcpause.pause()
    try:
        assert not gc.isenabled()
    finally:
        _gcpause.resume(freeze=False)
    assert gc.isenabled()
    code = ("import gc, sys; from newsextract.cli import main; from newsextract import _gcpause; "
            "sys.argv = ['newsextract', 'extract', sys.argv[1]]; rc = main(); "
            "print(rc, gc.isenabled(), gc.get_freeze_count() > 0)")
    out = subprocess.run([sys.executable, "-c", code, "-"], input=PFIZER_SEAGEN, capture_output=True, text=True,
                         timeout=180)
    assert out.stdout.strip().splitlines()[-1] == "0 True True", out.stderr
