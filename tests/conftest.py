"""Shared fixtures (all fixtures live here, as in spaCy's test suite)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
REALDEV = ROOT.parent / "shared" / "realdev"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not any(CORPUS.glob("*/*.gold.json")):
        pytest.skip("no corpus gold files")
    return CORPUS


@pytest.fixture(scope="session")
def realdev_dir() -> Path:
    """The real-text dev set beside the repository; tests using it skip when it is absent."""
    if not REALDEV.is_dir():
        pytest.skip("../shared/realdev not available")
    return REALDEV


@pytest.fixture(scope="session")
def extractor():
    from newsextract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def corpus_report(corpus_dir, extractor):
    """The evaluation of the whole corpus with the current engine (computed once per session)."""
    from newsextract.quality.evaluate import evaluate

    return evaluate(corpus_dir, extractor=extractor)


@pytest.fixture
def gold_as_extraction():
    """Turns a GoldArticle into the Extraction a perfect extractor would return."""
    from decimal import Decimal

    from newsextract.quality.evaluate import FIELDS, MONEY_FIELDS
    from newsextract.records import Deal, Extraction, Money, Party, Royalty

    def convert(gold, *, include_optional: bool = False):
        deals = []
        for gd in list(gold.deals) + (list(gold.optional_deals) if include_optional else []):
            v = gd.values
            kw = {}
            for f in ("licensor", "licensee"):
                kw[f] = Party(name=v[f]) if v[f] else None
            for f in MONEY_FIELDS:
                m = v[f]
                # model_construct: gold may use a currency the records do not list yet (THB)
                kw[f] = Money.model_construct(amount=Decimal(str(m["amount"])), currency=str(m["currency"]).upper(),
                                              text="x") if m else None
            kw["asset"] = v["asset"]
            kw["targets"] = list(v["targets"])
            kw["royalty"] = Royalty(tiered=v["royalty"] == "tiered") if v["royalty"] else None
            assert set(kw) == set(FIELDS)
            deals.append(Deal(**kw))
        return Extraction(doc_id=gold.id, lang=gold.lang if gold.lang in ("en", "zh") else "en", deals=deals)

    return convert


# ------------------------------------------------------------------------------------------------ batch / ingest
HTML_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


@pytest.fixture(scope="session")
def html_fixture_dir() -> Path:
    """tests/fixtures/html: pages with boilerplate traps, each with <name>.json expectations."""
    return HTML_FIXTURES


def _article(i: int) -> str:
    return (f"Company{i} Biotherapeutics licensed CB-{i:04d}, a PD-1 monoclonal antibody, to Pfizer. "
            f"Pfizer will pay ${10 + i % 90} million upfront and up to ${200 + i} million in milestones. "
            "The deal covers all territories outside Greater China. " * 2)


@pytest.fixture(scope="session")
def article_text():
    """article_text(i): a short generated deal article (deterministic)."""
    return _article


@pytest.fixture
def generated_jsonl(tmp_path):
    """generated_jsonl(n, name="feed.jsonl"): a JSONL file of n generated articles with ids g00000…"""

    def make(n: int, name: str = "feed.jsonl") -> Path:
        import json

        path = tmp_path / name
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"id": f"g{i:05d}", "text": _article(i)}) + "\n")
        return path

    return make


@pytest.fixture
def mixed_inputs(tmp_path, html_fixture_dir):
    """A folder of good and broken inputs; returns (folder, expected [(doc_id, error code or None)] in order)."""
    import json
    import shutil

    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a_good.txt").write_text(_article(1), encoding="utf-8")
    (d / "b_empty.txt").write_text("  \n\t ", encoding="utf-8")
    (d / "c_binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x00\x00" * 50)
    (d / "d_big.txt").write_text("x" * 30_000, encoding="utf-8")  # over the tests' 20 kB limit
    (d / "e_page.html").write_bytes((html_fixture_dir / "en_tradepress_related.html").read_bytes())
    (d / "f_article.json").write_text(json.dumps({"id": "json-7", "text": _article(7)}), encoding="utf-8")
    (d / "g_broken.json").write_text('{"id": "x", "text": ', encoding="utf-8")
    (d / "h_feed.jsonl").write_text(
        "\n".join([
            json.dumps({"id": "L1", "text": _article(11)}),
            "{not json",
            "",
            json.dumps({"text": _article(12), "title": "No id here"}),
            json.dumps(["a", "list"]),
            json.dumps({"id": "L6", "title": "no text"}),
            json.dumps({"id": "L7", "html": "<html><body><article><p>" + _article(13) + "</p></article></body></html>"}),
        ]) + "\n", encoding="utf-8")
    (d / "i_notes.md").write_text("# Notes\n\n" + _article(2), encoding="utf-8")
    (d / "j_dangling.txt").symlink_to(d / "does-not-exist.txt")
    shutil.copy(html_fixture_dir / "zh_gbk_portal.html", d / "sub" / "k_gbk.html")
    (d / "sub" / "ignored.pdf").write_bytes(b"%PDF-1.4")
    expected = [
        ("a_good", None), ("b_empty", "E001"), ("c_binary", "E004"), ("d_big", "E024"), ("e_page", None),
        ("json-7", None), ("g_broken", "E020"),
        ("L1", None), ("h_feed:2", "E020"), ("h_feed:4", None), ("h_feed:5", "E022"), ("L6", "E023"),
        ("L7", None),
        ("i_notes", None), ("j_dangling", "E021"), ("sub/k_gbk", None),
    ]
    return d, expected


@pytest.fixture(scope="session")
def realdev_report(realdev_dir, extractor):
    """The evaluation of ../shared/realdev (skips where it is absent)."""
    from newsextract.quality.evaluate import evaluate

    return evaluate(realdev_dir, extractor=extractor)


# ------------------------------------------------------------------------------------------------ ledger
# The ledger tests run once per back end. PostgreSQL is a real server started for the session (tests/pg_server.py);
# where none can start the PostgreSQL half skips with the reason, except under NEWSEXTRACT_REQUIRE_PG=1 (set by
# .ci/run), where it fails: CI must not skip it.
@pytest.fixture(scope="session")
def pg_server_url():
    """URL of the session's PostgreSQL server (its ``postgres`` database)."""
    import os

    from sqlalchemy import create_engine, text

    from newsextract.ledger import Ledger
    from pg_server import Unavailable, start

    try:
        url, stop = start()
    except Unavailable as exc:
        if os.environ.get("NEWSEXTRACT_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required here (NEWSEXTRACT_REQUIRE_PG=1) but cannot start: {exc}")
        pytest.skip(f"no PostgreSQL server can start here: {exc}")
    # an empty ledger to copy: CREATE DATABASE … TEMPLATE is much faster than migrating each test's database
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS ledger_template"))
        conn.execute(text("CREATE DATABASE ledger_template"))
    admin.dispose()
    Ledger(_pg_database(url, "ledger_template")).close()
    yield url
    stop()


def _pg_database(url: str, name: str) -> str:
    head, _, query = url.partition("?")
    return head.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    """A fresh, empty ledger database URL: a SQLite file, or a new database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'deals.db'}"
    import uuid

    from sqlalchemy import create_engine, text

    base = request.getfixturevalue("pg_server_url")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE ledger_template"))
    admin.dispose()
    return _pg_database(base, name)


@pytest.fixture
def make_record():
    """make_record(doc_id, *deals, published=None, lang="en"): an Extraction JSON dict; a deal is a dict of
    Deal fields where parties may be plain names and money a (amount, currency[, text]) tuple."""

    def money(v):
        if v is None or isinstance(v, dict):
            return v
        amount, cur, *text = v
        return {"amount": amount, "currency": cur, "text": text[0] if text else f"{cur} {amount}"}

    def deal(d):
        out = dict(d)
        for role in ("licensor", "licensee"):
            if isinstance(out.get(role), str):
                out[role] = {"name": out[role]}
        for f in ("upfront", "near_term", "milestones", "total_value", "equity"):
            if f in out:
                out[f] = money(out[f])
        return out

    def make(doc_id, *deals, published=None, lang="en", **extra):
        return {"doc_id": doc_id, "lang": lang, "published": published, "deals": [deal(d) for d in deals], **extra}

    return make


# ------------------------------------------------------------------------------------------------ hypothesis
try:
    import os

    from hypothesis import HealthCheck, settings

    # "ci": derandomised (the same cases on every run, so a failure is reproducible and make test stays under a
    # minute for the property tests); "deep": ten times the examples, random, for a search by hand
    _common = {"deadline": None, "database": None,
               "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]}
    settings.register_profile("ci", derandomize=True, **_common)
    settings.register_profile("deep", **_common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover - hypothesis is in the dev extra
    pass
