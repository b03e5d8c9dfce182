"""`newsextract ledger serve`: Datasette over a ledger, driven over HTTP on the loopback interface."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from newsextract.ledger import Ledger


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 - loopback only
        return r.status, r.read().decode("utf-8")


@pytest.fixture
def served(tmp_path, make_record):
    pytest.importorskip("datasette", reason="the datasette extra is not installed")
    db = tmp_path / "deals.db"
    with Ledger(db) as led:
        led.add_records([
            make_record("en-1", {"licensor": "3SBio", "licensee": "Pfizer", "asset": "SSGJ-707", "targets": ["PD-1", "VEGF"],
                                 "upfront": (1250000000, "USD")}, published="2025-05-20", title="3SBio licenses to Pfizer"),
            make_record("zh-1", {"licensor": "三生国健", "licensee": "辉瑞", "asset": "SSGJ-707"}, lang="zh",
                        published="2025-05-19"),
            make_record("en-2", {"licensor": "Hengrui", "licensee": "GSK", "asset": "HRS-9821",
                                 "upfront": (500000000, "USD")}, published="2025-07-28"),
            make_record("en-3", {"licensor": "Seagen", "licensee": "Pfizer", "deal_type": "acquisition",
                                 "total_value": (43000000000, "USD")}, published="2023-03-13"),
        ])
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsextract.cli", "ledger", "serve", "--db", str(db), "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/deals"
    deadline = time.time() + 60
    while True:
        try:
            _get(base + ".json")
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail(f"datasette did not start: {proc.communicate()[0][-2000:]}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


def test_ledger_serve_deals_with_facets_labels_and_links(served):
    status, body = _get(served + "/deals.json?_shape=objects")
    data = json.loads(body)
    assert status == 200
    titles = sorted(r["title"] for r in data["rows"])
    assert titles == ["3SBio → Pfizer: SSGJ-707", "Jiangsu Hengrui Medicine → GSK: HRS-9821", "Seagen → Pfizer"]
    facets = data["facet_results"]
    facets = facets.get("results", facets)  # the shape differs between Datasette releases
    assert {"licensor_country", "licensee_country", "deal_type", "stage", "year", "targets"} <= set(facets)
    [sid] = [r["id"] for r in data["rows"] if r["asset"] == "SSGJ-707"]
    _, page = _get(f"{served}/deals/{sid}")
    assert "Deals (merged across articles)" in page or "deals" in page
    assert f'href="/deals/sources?deal_id={sid}"' in page and "from deal_id in sources" in page
    assert f'href="/deals/field_values?deal_id={sid}"' in page and f'href="/deals/status_history?deal_id={sid}"' in page
    _, body = _get(f"{served}/deal_sources.json?deal_id={sid}&_sort=published&_shape=array")
    assert [r["doc_id"] for r in json.loads(body)] == ["zh-1", "en-1"]


def test_ledger_serve_canned_queries(served):
    _, body = _get(served + "/chinese_out_licensing.json?_shape=array")
    assert [(r["licensor"], r["upfront_amount"]) for r in json.loads(body)] == [
        ("3SBio", 1250000000), ("Jiangsu Hengrui Medicine", 500000000)]
    _, body = _get(served + "/deals_of_a_company.json?_shape=array&company=" + urllib.request.quote("辉瑞"))
    assert sorted(r["title"] for r in json.loads(body)) == ["3SBio → Pfizer: SSGJ-707", "Seagen → Pfizer"]
    _, body = _get(served + "/new_this_week.json?_shape=array")
    assert len(json.loads(body)) == 3
    _, page = _get(served)
    assert "Chinese out-licensing by upfront" in page and "This week" in page
