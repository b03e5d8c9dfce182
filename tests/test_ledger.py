"""The deal ledger, on SQLite and on PostgreSQL (every test that takes ``ledger_url`` runs on both back ends)."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from newsextract.cli import main
from newsextract.ledger import DealFilter, Ledger
from newsextract.ledger import schema as S
from newsextract.ledger.store import HEAD, current_revision, head_revision

PFIZER_3SBIO = {"licensor": "3SBio", "licensee": "Pfizer", "asset": "SSGJ-707", "targets": ["PD-1", "VEGF"],
                "upfront": (1250000000, "USD", "$1.25 billion"), "deal_type": "license",
                "evidence": [{"field": "upfront", "start": 40, "end": 53, "text": "$1.25 billion", "rule": "pay.upfront"}]}


def _counts(url: str) -> dict[str, int]:
    eng = create_engine(url)
    with eng.connect() as conn:
        out = {t: conn.execute(select(func.count()).select_from(S.metadata.tables[t])).scalar()
               for t in ("articles", "mentions", "deals", "sources", "field_values", "status_history",
                         "deal_parties", "deal_targets")}
    eng.dispose()
    return out


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ linking
def test_ledger_links_one_deal_across_articles_and_scripts(ledger_url, make_record):
    with Ledger(ledger_url) as led:
        rep = led.add_records([
            make_record("en-1", PFIZER_3SBIO, published="2025-05-20"),
            make_record("zh-1", {"licensor": "三生国健", "licensee": "辉瑞", "asset": "707", "targets": ["PD-1"],
                                 "milestones": (4800000000, "USD", "最高48亿美元")}, published="2025-05-21",
                        lang="zh"),
            make_record("en-2", {"licensor": "3SBio Inc.", "licensee": "Pfizer Inc.", "deal_type": "license",
                                 "upfront": (1250000000, "USD")}, published="2025-07-24"),
        ])
        assert (rep.added, rep.mentions, rep.deals_created, rep.deals_linked) == (3, 3, 1, 2)
        [d] = led.deals()
        assert d["licensee_id"] == "pfizer" and d["licensor_id"] in ("3sbio", "sunshine_guojian")
        assert d["licensor_country"] == "CN" and d["licensee_country"] == "US"
        assert d["n_sources"] == 3 and d["asset"] == "SSGJ-707"
        assert d["upfront_amount"] == Decimal("1250000000") and d["upfront_currency"] == "USD"
        assert d["milestones_amount"] == Decimal("4800000000")
        assert d["first_seen"] == dt.date(2025, 5, 20) and d["last_seen"] == dt.date(2025, 7, 24)
        info = led.show(d["id"])
        assert [s["doc_id"] for s in info["sources"]] == ["en-1", "zh-1", "en-2"]
        assert {s["link"] for s in info["sources"][1:]} <= {"licensor, licensee, asset, target, type",
                                                            "licensor, licensee, 1 equal amount, type"}
        assert info["sources"][0]["link"] == "new"


@pytest.mark.parametrize("second,same", [
    ({"licensor": "3SBio", "licensee": "Pfizer", "asset": "SSGJ-705"}, False),  # another asset: another deal
    ({"licensor": "3SBio", "licensee": "Merck & Co.", "asset": "SSGJ-707"}, False),  # another licensee
    ({"licensor": "3SBio", "licensee": "Pfizer", "targets": ["CD3"]}, False),  # disjoint targets, no asset
    ({"licensor": "3SBio", "licensee": "Pfizer", "deal_type": "acquisition"}, False),  # buying vs licensing
    ({"licensor": "Pfizer", "licensee": "3SBio", "asset": "SSGJ-707"}, True),  # swapped roles, same asset
    ({"licensor": None, "licensee": "Pfizer", "asset": "SSGJ-707"}, True),  # one party + asset
    ({"licensor": None, "licensee": "Pfizer"}, False),  # one party, nothing else in common
    ({"licensor": "Kelun-Biotech", "licensee": "Pfizer", "asset": "SSGJ-707"}, True),  # co-licensor, same asset
    ({"licensor": "3SBio", "licensee": "Pfizer", "asset": "三生707"}, True),  # assets in two scripts: not a conflict
])
def test_ledger_linking_rules(ledger_url, make_record, second, same):
    with Ledger(ledger_url) as led:
        led.add_records([make_record("a", PFIZER_3SBIO), make_record("b", second)])
        assert len(led.deals()) == (1 if same else 2)


def test_ledger_deals_of_one_article_are_never_merged(ledger_url, make_record):
    with Ledger(ledger_url) as led:
        rep = led.add_records([make_record("a", {"licensor": "Genevant", "licensee": "Takeda"},
                                           {"licensor": "Genevant", "licensee": "Takeda"})])
        assert rep.deals_created == 2


def test_ledger_date_window_separates_old_and_new_deals(ledger_url, make_record):
    with Ledger(ledger_url) as led:
        led.add_records([make_record("a", {"licensor": "Akeso", "licensee": "Pfizer"}, published="2019-01-10"),
                         make_record("b", {"licensor": "Akeso", "licensee": "Pfizer"}, published="2025-03-01"),
                         make_record("c", {"licensor": "Akeso", "licensee": "Pfizer"}, published="2025-06-01")])
        assert sorted(d["n_sources"] for d in led.deals()) == [1, 2]


# ------------------------------------------------------------------------------------------------ provenance
def test_ledger_field_values_chosen_and_why(ledger_url, make_record):
    with Ledger(ledger_url) as led:
        led.add_records([
            make_record("a", dict(PFIZER_3SBIO, total_value=(6000000000, "USD", "$6 billion")), published="2025-05-20"),
            make_record("b", dict(PFIZER_3SBIO, total_value=(6050000000, "USD", "$6.05 billion")), published="2025-05-21"),
            make_record("c", dict(PFIZER_3SBIO, upfront=(1260000000, "USD", "$1.26 billion")), published="2025-05-22"),
            make_record("d", dict(PFIZER_3SBIO, modality="bispecific antibody"), published="2025-05-23"),
            make_record("e", dict(PFIZER_3SBIO, modality="ADC"), published="2025-05-24"),
        ])
        [d] = led.deals()
        assert d["total_value_amount"] == Decimal("6050000000")
        assert d["modality"] == "ADC"
        fields = led.show(d["id"])["fields"]
        chosen = {f: next(v for v in vs if v["chosen"]) for f, vs in fields.items()}
        assert chosen["total_value"]["reason"] == "most specific (exact amount, 3 significant digits)"
        assert chosen["upfront"]["reason"] == "most sources (4 of 5)" and chosen["upfront"]["support"] == 4
        assert chosen["modality"]["reason"] == "latest (2025-05-24)"
        assert chosen["licensee"]["reason"] == "all 5 sources agree"
        assert chosen["upfront"]["evidence"] == "$1.25 billion"
        assert sum(v["chosen"] for vs in fields.values() for v in vs) == len(fields)


def test_ledger_status_history_and_stage(ledger_url, make_record):
    with Ledger(ledger_url) as led:
        led.add_records([
            make_record("b", dict(PFIZER_3SBIO, status="signed"), published="2025-05-20"),
            make_record("a", dict(PFIZER_3SBIO, status="in_discussion"), published="2025-04-01"),
            make_record("c", dict(PFIZER_3SBIO, status="terminated"), published="2026-02-01"),
            make_record("d", dict(PFIZER_3SBIO, status="signed"), published="2025-09-01"),  # an old story retold
        ])
        [d] = led.deals()
        assert d["status"] == "terminated" and d["stage"] == "terminated"
        hist = led.show(d["id"])["history"]
        assert [(h["date"].isoformat(), h["stage"]) for h in hist] == [
            ("2025-04-01", "in talks"), ("2025-05-20", "signed"), ("2025-09-01", "signed"), ("2026-02-01", "terminated")]
        assert {h["date_source"] for h in hist} == {"published"}
    with Ledger(ledger_url) as led:
        led.add_records([make_record("o", {"licensor": "Arcus", "licensee": "Gilead", "deal_type": "option",
                                           "status": "completed", "announced": "2021-12-21"})])
        d = led.deals(DealFilter(party="Arcus"))[0]
        assert d["stage"] == "option exercised" and d["announced"] == dt.date(2021, 12, 21) and d["year"] == 2021


# ------------------------------------------------------------------------------------------------ reliability
def test_ledger_same_file_twice_changes_nothing(ledger_url, tmp_path, make_record):
    f = _write(tmp_path / "out.jsonl", [make_record(f"a{i}", dict(PFIZER_3SBIO, asset=f"X-{i % 7}")) for i in range(40)])
    with Ledger(ledger_url, batch_size=16) as led:
        first = led.add_files([f])
        before = _counts(ledger_url)
        again = led.add_files([f])
    assert (first.added, again.added, again.unchanged, again.mentions) == (40, 0, 40, 0)
    assert _counts(ledger_url) == before and before["deals"] == 7 and before["mentions"] == 40


def test_ledger_malformed_lines_are_counted_not_fatal(ledger_url, tmp_path, make_record, capsys):
    f = tmp_path / "out.jsonl"
    lines = [json.dumps(make_record("ok1", PFIZER_3SBIO)), "{not json", json.dumps(["a", "list"]),
             json.dumps({"deals": []}), json.dumps(make_record("bad", {"upfront": (-5, "USD")})), "",
             json.dumps({"doc_id": "err", "error": "E001 empty input", "deals": []}),
             json.dumps(make_record("ok2", PFIZER_3SBIO))]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["ledger", "add", str(f), "--db", ledger_url])
    err = capsys.readouterr().err
    assert code == 1
    assert "malformed: " + f"{f}:2: not JSON" in err and f"{f}:3: not a JSON object (list)" in err
    assert f"{f}:4: no doc_id string" in err and f"{f}:5: deal 0: upfront.amount" in err
    assert "4 malformed, 1 error records" in err
    c = _counts(ledger_url)
    assert c["articles"] == 3 and c["deals"] == 1 and c["mentions"] == 2
    eng = create_engine(ledger_url)
    with eng.connect() as conn:
        row = conn.execute(select(S.ingests)).one()
    eng.dispose()
    assert (row.lines, row.malformed, row.articles_added, row.error_records) == (7, 4, 3, 1)
    assert row.finished_at is not None and len(json.loads(row.problems)) == 4


def test_ledger_new_version_of_an_article_supersedes_and_deletes_nothing(ledger_url, make_record):
    with Ledger(ledger_url) as led:
        led.add_records([make_record("a", dict(PFIZER_3SBIO, upfront=(1000000000, "USD")), published="2025-05-20"),
                         make_record("b", {"licensor": "Akeso", "licensee": "Summit", "asset": "AK112"})])
        before = _counts(ledger_url)
        rep = led.add_records([make_record("a", PFIZER_3SBIO, published="2025-05-20")])  # re-extracted
        assert (rep.added, rep.revised) == (1, 1)
        after = _counts(ledger_url)
        assert all(after[t] >= before[t] for t in before) and after["articles"] == 3
        [d] = led.deals(DealFilter(party="Pfizer"))
        assert d["upfront_amount"] == Decimal("1250000000") and d["n_sources"] == 1
        values = led.show(d["id"])["fields"]["upfront"]
        assert [(v["display"].split(" (")[0], v["active"], v["chosen"]) for v in values] == [
            ("USD 1,250,000,000", True, True), ("USD 1,000,000,000", False, False)]
        assert len(led.deals()) == 2


def _ingest_cmd(db: str, path: Path, batch: int) -> list[str]:
    code = ("import sys; from newsextract.ledger import Ledger; "
            f"led = Ledger(sys.argv[1], batch_size={batch}); print(led.add_files([sys.argv[2]]).line())")
    return [sys.executable, "-c", code, db, str(path)]


def _many(make_record, n: int, start: int = 0) -> list[dict]:
    companies = ["Akeso", "Hengrui", "Hansoh", "3SBio", "Innovent", "BeiGene", "Kelun-Biotech", "CSPC"]
    buyers = ["Pfizer", "Merck & Co.", "AstraZeneca", "GSK", "Novartis", "Roche", "Sanofi", "AbbVie"]
    out = []
    for i in range(start, start + n):  # articles i and i + 64 report the same deal
        out.append(make_record(f"doc{i:05d}", {
            "licensor": companies[i % 8], "licensee": buyers[(i // 8) % 8], "asset": f"NX-{100 + i % 64}",
            "upfront": ((i % 50 + 1) * 1000000, "USD")}, published=f"2025-{1 + i % 12:02d}-01"))
    return out


def test_ledger_two_ingests_at_once_lose_and_duplicate_nothing(ledger_url, tmp_path, make_record):
    recs = _many(make_record, 600)
    a = _write(tmp_path / "a.jsonl", recs[:400])
    b = _write(tmp_path / "b.jsonl", recs[200:])  # 200 articles in both files
    Ledger(ledger_url).close()  # create the schema first, so both start on the same footing
    procs = [subprocess.Popen(_ingest_cmd(ledger_url, p, 25), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for p in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    c = _counts(ledger_url)
    assert c["articles"] == 600 and c["mentions"] == 600 and c["sources"] == 600
    # the same ledger as one ingest of everything makes
    ref = f"sqlite:///{tmp_path / 'ref.db'}"
    with Ledger(ref) as led:
        led.add_records(recs)
    assert c == _counts(ref)
    eng = create_engine(ledger_url)
    with eng.connect() as conn:
        dup = conn.execute(text("SELECT doc_id FROM articles GROUP BY doc_id HAVING count(*) > 1")).all()
        groups = sorted(r[0] for r in conn.execute(text("SELECT count(*) FROM sources GROUP BY deal_id")))
    eng.dispose()
    ref_eng = create_engine(ref)
    with ref_eng.connect() as conn:
        ref_groups = sorted(r[0] for r in conn.execute(text("SELECT count(*) FROM sources GROUP BY deal_id")))
    ref_eng.dispose()
    assert dup == [] and groups == ref_groups and len(groups) == 64


def _consistent(url: str) -> None:
    eng = create_engine(url)
    with eng.connect() as conn:
        q = lambda sql: conn.execute(text(sql)).all()  # noqa: E731
        assert q("SELECT a.id FROM articles a WHERE a.n_deals != (SELECT count(*) FROM mentions m "
                 "WHERE m.article_id = a.id AND m.kind = 'deal')") == []
        assert q("SELECT m.id FROM mentions m LEFT JOIN sources s ON s.mention_id = m.id "
                 "WHERE m.kind = 'deal' AND s.id IS NULL") == []
        assert q("SELECT d.id FROM deals d WHERE d.n_sources != (SELECT count(*) FROM sources s JOIN mentions m "
                 "ON m.id = s.mention_id WHERE s.deal_id = d.id AND m.active)") == []
        assert q("SELECT deal_id, field FROM field_values WHERE active GROUP BY deal_id, field "
                 "HAVING sum(CASE WHEN chosen THEN 1 ELSE 0 END) != 1") == []
    eng.dispose()


def test_ledger_killed_ingest_leaves_it_consistent_and_a_rerun_completes(ledger_url, tmp_path, make_record):
    recs = _many(make_record, 2000)
    f = _write(tmp_path / "big.jsonl", recs)
    Ledger(ledger_url).close()
    proc = subprocess.Popen(_ingest_cmd(ledger_url, f, 50), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    eng = create_engine(ledger_url)
    deadline = time.time() + 120
    n = 0
    while time.time() < deadline and proc.poll() is None:
        with eng.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM articles")).scalar()
        if n >= 300:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed: make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    eng.dispose()
    c = _counts(ledger_url)
    assert 300 <= c["articles"] < 2000 and c["articles"] % 50 == 0  # whole batches only
    _consistent(ledger_url)
    with Ledger(ledger_url) as led:
        rep = led.add_files([f])
    assert rep.unchanged == c["articles"] and rep.added == 2000 - c["articles"]
    _consistent(ledger_url)
    ref = f"sqlite:///{tmp_path / 'ref.db'}"
    with Ledger(ref) as led:
        led.add_records(recs)
    assert _counts(ledger_url) == _counts(ref)


# ------------------------------------------------------------------------------------------------ queries
@pytest.fixture
def filled(ledger_url, make_record):
    with Ledger(ledger_url) as led:
        led.add_records([
            make_record("a", PFIZER_3SBIO, published="2025-05-20"),
            make_record("b", {"licensor": "Hengrui", "licensee": "GSK", "asset": "HRS-9821", "targets": ["PDE3", "PDE4"],
                              "upfront": (500000000, "USD"), "total_value": (12000000000, "USD")}, published="2025-07-28"),
            make_record("c", {"licensor": "Genentech", "licensee": "Akeso", "upfront": (20000000, "USD"),
                              "deal_type": "collaboration", "status": "in_discussion"}, published="2024-02-01"),
            make_record("d", {"licensor": "Seagen", "licensee": "Pfizer", "deal_type": "acquisition",
                              "total_value": (43000000000, "USD")}, published="2023-03-13"),
            make_record("e", {"licensor": "Kelun-Biotech", "licensee": "Merck & Co.", "targets": ["TROP2"],
                              "upfront": (1000000000, "CNY")}, published="2022-05-16"),
        ])
    return ledger_url


@pytest.mark.parametrize("flt,expected", [
    (DealFilter(party="Pfizer"), ["Seagen", "3SBio"]),
    (DealFilter(party="辉瑞"), ["Seagen", "3SBio"]),
    (DealFilter(party="Roche"), ["Genentech"]),  # a group includes its subsidiaries
    (DealFilter(licensee="Pfizer", deal_type="acquisition"), ["Seagen"]),
    (DealFilter(licensor_country="CN", licensee_country="!CN"), ["Hengrui", "3SBio", "Kelun-Biotech"]),
    (DealFilter(status="in_discussion"), ["Genentech"]),
    (DealFilter(target="pd1"), ["3SBio"]),
    (DealFilter(since=dt.date(2025, 1, 1)), ["Hengrui", "3SBio"]),
    (DealFilter(until=dt.date(2023, 12, 31)), ["Seagen", "Kelun-Biotech"]),
    (DealFilter(min_upfront=Decimal("100000000")), ["3SBio", "Hengrui"]),
    (DealFilter(min_upfront=Decimal("100000000"), currency="CNY"), ["Kelun-Biotech"]),
    (DealFilter(min_total=Decimal("1e10"), order="total"), ["Seagen", "Hengrui"]),
    (DealFilter(order="upfront", limit=2), ["3SBio", "Hengrui"]),
])
def test_ledger_deals_filters(filled, flt, expected):
    short = {"sichuan kelun-biotech biopharmaceutical": "Kelun-Biotech", "jiangsu hengrui medicine": "Hengrui"}
    with Ledger(filled) as led:
        got = [short.get(d["licensor"].lower(), d["licensor"]) for d in led.deals(flt)]
    if flt.order == "recent":
        assert sorted(got) == sorted(expected)
    else:
        assert got == expected


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl"])
def test_ledger_cli_deals_formats(filled, fmt, capsys):
    assert main(["ledger", "deals", "--db", filled, "--licensor-country", "CN", "--licensee-country", "!CN",
                 "--order", "upfront", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "table":
        assert out.splitlines()[0].startswith("id  licensor (payee)") and "USD 1.25B" in out and "3 deals" in out
    elif fmt == "csv":
        rows = out.splitlines()
        assert rows[0].startswith("id,title,licensor_id,licensor,") and len(rows) == 4
        assert ",1250000000," in rows[1] and "PD-1; VEGF" in rows[1]
    else:
        rows = [json.loads(x) for x in out.splitlines()]
        assert [r["upfront_amount"] for r in rows] == [1250000000, 500000000, 1000000000]
        assert rows[0]["targets"] == ["PD-1", "VEGF"] and rows[0]["licensee_country"] == "US"


def test_ledger_cli_show_and_export(filled, tmp_path, capsys):
    with Ledger(filled) as led:
        did = led.deals(DealFilter(party="GSK"))[0]["id"]
    assert main(["ledger", "show", str(did), "--db", filled]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"deal {did}: Jiangsu Hengrui Medicine → GSK (license, signed), 1 source")
    assert "* USD 12,000,000,000" in out and "2025-07-28 (published)  signed  — b" in out
    assert main(["ledger", "show", "999", "--db", filled]) == 1
    assert main(["ledger", "export", "--db", filled, "-o", str(tmp_path / "x.jsonl")]) == 0
    rows = [json.loads(x) for x in (tmp_path / "x.jsonl").read_text().splitlines()]
    assert len(rows) == 5 and {"deal", "fields", "history", "sources"} <= set(rows[0])
    assert main(["ledger", "export", "--db", filled, "--format", "csv", "-o", str(tmp_path / "x.csv")]) == 0
    assert len((tmp_path / "x.csv").read_text().splitlines()) == 6


# ------------------------------------------------------------------------------------------------ schema
def test_ledger_schema_is_migrated_on_open(ledger_url):
    Ledger(ledger_url).close()
    eng = create_engine(ledger_url)
    with eng.connect() as conn:
        assert current_revision(conn) == head_revision() == HEAD == "0001"
        views = set(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type='view'" if ledger_url.startswith("sqlite") else
            "SELECT table_name FROM information_schema.views WHERE table_schema='public'")).scalars())
        companies = conn.execute(text("SELECT count(*) FROM companies")).scalar()
        parent = conn.execute(text("SELECT parent FROM companies WHERE id='sunshine_guojian'")).scalar()
    eng.dispose()
    assert views == {"deal_sources", "deal_overview"} and companies > 600 and parent == "3sbio"


def test_ledger_db_from_environment(tmp_path, monkeypatch, make_record, capsys):
    monkeypatch.setenv("NEWSEXTRACT_DB", str(tmp_path / "env.db"))
    f = _write(tmp_path / "o.jsonl", [make_record("a", PFIZER_3SBIO)])
    assert main(["ledger", "add", str(f)]) == 0
    assert (tmp_path / "env.db").is_file()
    assert main(["ledger", "deals", "--party", "Pfizer", "-f", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["licensee"] == "Pfizer"


def test_ledger_batch_ingests_as_it_goes(tmp_path, generated_jsonl):
    feed = generated_jsonl(12)
    db = tmp_path / "b.db"
    code = main(["batch", str(feed), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--quiet",
                 "--ledger", str(db)])
    assert code == 0
    with Ledger(db) as led:
        s = led.stats()
        deals = led.deals(DealFilter(licensee="Pfizer"))
    assert s["articles"] == 12 and s["deals"] == 12 and len(deals) == 12
    assert {d["licensee_id"] for d in deals} == {"pfizer"}


def test_ledger_keeps_approvals_and_figures_as_mentions(ledger_url, make_record):
    rec = make_record("a", PFIZER_3SBIO, approvals=[{"regulator": "NMPA", "event": "approval", "drug": "ivonescimab"}],
                      figures=[{"subject": "Akeso", "kind": "company", "metric": "revenue"},
                               {"subject": "Akeso", "kind": "company", "metric": "net_loss"}])
    with Ledger(ledger_url) as led:
        led.add_records([rec])
    eng = create_engine(ledger_url)
    with eng.connect() as conn:
        kinds = dict(conn.execute(text("SELECT kind, count(*) FROM mentions GROUP BY kind")).all())
        rec_json = conn.execute(text("SELECT record FROM mentions WHERE kind = 'approval'")).scalar()
    eng.dispose()
    assert kinds == {"deal": 1, "approval": 1, "figure": 2} and json.loads(rec_json)["drug"] == "ivonescimab"


def test_ledger_export_sqlite_copies_everything(filled, tmp_path, capsys):
    out = tmp_path / "copy.db"
    assert main(["ledger", "export", "--db", filled, "--format", "sqlite", "-o", str(out)]) == 0
    copy = f"sqlite:///{out}"
    assert _counts(copy) == _counts(filled)
    with Ledger(filled) as a, Ledger(copy) as b:
        def key(led):
            return [(d["id"], d["title"], d["upfront_amount"], d["first_seen"]) for d in led.deals()]

        assert key(a) == key(b) and len(key(a)) == 5
        did = a.deals(DealFilter(party="GSK"))[0]["id"]
        assert a.show(did)["fields"] == b.show(did)["fields"]
    assert main(["ledger", "export", "--db", filled, "--format", "sqlite", "-o", str(out)]) == 2  # exists


def test_ledger_cli_reading_a_missing_ledger_is_a_usage_error(tmp_path, capsys):
    assert main(["ledger", "deals", "--db", str(tmp_path / "nope.db")]) == 2
    assert "no ledger at" in capsys.readouterr().err and not (tmp_path / "nope.db").exists()


def test_ledger_migrations_go_down_and_up_again(ledger_url, make_record):
    from alembic import command

    from newsextract.ledger.store import _alembic_config, make_engine, write_transaction

    Ledger(ledger_url).close()
    eng = make_engine(ledger_url)
    with write_transaction(eng) as conn:
        command.downgrade(_alembic_config(conn), "base")
    with eng.connect() as conn:
        assert current_revision(conn) is None
    eng.dispose()
    with Ledger(ledger_url) as led:  # opening migrates the empty database again
        led.add_records([make_record("a", PFIZER_3SBIO)])
        assert len(led.deals()) == 1
