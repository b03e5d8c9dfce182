"""The house rules of the layout: the import layers of pyproject.toml hold, and no module imports itself back."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(importlib.util.find_spec("grimp") is None,
                                reason="import-linter (dev extra) is not installed")


def _graph():  # noqa: ANN202 - grimp's ImportGraph
    import grimp

    return grimp.build_graph("newsextract", exclude_type_checking_imports=True)


def test_layers_contract_kept():
    import subprocess
    import sys

    cli = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    res = subprocess.run([sys.executable, "-c", cli, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stdout + res.stderr


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    g = _graph()
    # a package's __init__ re-exporting its modules is no cycle: count imports between modules only
    edges = {m: {i for i in g.find_modules_directly_imported_by(m)
                 if not (m.startswith(i + ".") or i.startswith(m + "."))} for m in g.modules}
    assert _cycles(edges) == []
