"""``newsextract ledger serve``: the ledger in Datasette (optional extra ``newsextract[datasette]``).

Datasette reads SQLite files. The metadata written here makes the ledger useful at once: readable table and
column labels, facets (countries, type, stage, year, targets), canned queries (Chinese out-licensing by upfront,
the deals of a company, this week's new deals), and deals linked to their sources (``sources``, ``field_values``
and ``status_history`` point at ``deals`` by foreign key, so a deal's page lists them, and ``deals.title`` labels
those links).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["metadata", "write_metadata", "serve", "DatasetteMissing"]


class DatasetteMissing(RuntimeError):
    pass


_DEAL_COLUMNS = {
    "licensor": "grants the rights, sells or is acquired: the payee", "licensee": "acquires or buys: the payer",
    "stage": "latest: in talks, signed, completed, option exercised, terminated",
    "n_sources": "articles reporting the deal",
}

_QUERIES = {
    "chinese_out_licensing": {
        "title": "Chinese out-licensing by upfront",
        "description": "Licensor in mainland China, licensee elsewhere; largest upfront first (USD amounts first).",
        "sql": "SELECT id, title, licensor, licensee, licensee_country, deal_type, stage, upfront_amount, "
               "upfront_currency, total_value_amount, total_value_currency, year, n_sources FROM deals "
               "WHERE licensor_country = 'CN' AND licensee_country IS NOT NULL AND licensee_country != 'CN' "
               "AND n_sources > 0 ORDER BY upfront_amount IS NULL, upfront_currency != 'USD', upfront_amount DESC",
    },
    "deals_of_a_company": {
        "title": "Deals of a company",
        "description": "Any side; the name as written, the registry name or a registry id (e.g. Pfizer, 辉瑞, pfizer).",
        "sql": "SELECT d.id, d.title, d.deal_type, d.stage, d.upfront_amount, d.upfront_currency, "
               "d.total_value_amount, d.total_value_currency, d.year, d.n_sources FROM deals d "
               "WHERE d.n_sources > 0 AND d.id IN (SELECT p.deal_id FROM deal_parties p "
               "LEFT JOIN company_aliases c ON c.company_id = p.company_key "
               "WHERE p.company_key = :company OR p.root_key = :company OR c.alias = :company "
               "OR p.name LIKE '%' || :company || '%') ORDER BY coalesce(d.announced, d.first_seen) DESC",
    },
    "new_this_week": {
        "title": "This week's new deals",
        "description": "Deals first recorded in the ledger in the last 7 days.",
        "sql": "SELECT id, title, deal_type, stage, upfront_amount, upfront_currency, total_value_amount, "
               "total_value_currency, first_seen, n_sources, created_at FROM deals "
               "WHERE created_at >= datetime('now', '-7 days') AND n_sources > 0 ORDER BY created_at DESC",
    },
}


def metadata(db_name: str = "deals") -> dict[str, Any]:
    """Datasette metadata for a ledger file whose stem is ``db_name``."""
    tables = {
        "deals": {
            "title": "Deals (merged across articles)",
            "description": "One row per deal; the chosen value of each field (see field_values for every value "
                           "and why it was chosen), the latest stage, and how many articles report it.",
            "label_column": "title",
            "sort_desc": "n_sources",
            "facets": ["licensor_country", "licensee_country", "deal_type", "status", "stage", "year",
                       {"array": "targets"}],
            "columns": _DEAL_COLUMNS,
        },
        "deal_sources": {"title": "Sources of each deal", "facets": ["lang", "link"], "sort_desc": "published",
                         "description": "Which article reported which deal, and why its mention joined the deal."},
        "deal_overview": {"title": "Deals at a glance (merged across articles)", "label_column": "title",
                          "sort_desc": "n_sources", "columns": _DEAL_COLUMNS,
                          "facets": ["licensor_country", "licensee_country", "deal_type", "stage", "year",
                                     {"array": "targets"}]},
        "field_values": {"title": "Field values with provenance", "facets": ["field", "chosen", "reason"],
                         "label_column": "display",
                         "description": "Every value of every field, which article said it (quote and offsets), "
                                        "whether it is the chosen one and why."},
        "status_history": {"title": "Status history", "facets": ["stage", "date_source"], "sort": "date"},
        "sources": {"title": "Sources (deal ↔ mention)", "facets": ["link"]},
        "articles": {"title": "Articles", "label_column": "doc_id", "facets": ["lang"], "sort_desc": "published"},
        "mentions": {"title": "Mentions (per-article records)", "facets": ["kind", "active"]},
        "companies": {"title": "Company registry", "label_column": "name", "facets": ["country", "kind"]},
        "company_aliases": {"title": "Company names in both scripts"},
        "deal_parties": {"title": "Parties of each deal", "facets": ["role"]},
        "deal_targets": {"title": "Targets of each deal", "facets": ["target"]},
        "ingests": {"title": "Ingests", "sort_desc": "started_at"},
        "ledger_state": {"hidden": True},
        "alembic_version": {"hidden": True},
    }
    return {
        "title": "newsextract deal ledger",
        "description": "Business-development deals from pharma/biotech news, merged across articles, with sources, "
                       "every value's provenance and each deal's status history.",
        "databases": {db_name: {"tables": tables, "queries": _QUERIES}},
    }


def write_metadata(path: str | Path, db_name: str = "deals") -> Path:
    path = Path(path)
    path.write_text(json.dumps(metadata(db_name), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def serve(url: str, *, host: str = "127.0.0.1", port: int = 8001, extra: list[str] | None = None) -> int:
    """Run Datasette on the ledger's SQLite file (until interrupted); returns its exit code."""
    if not url.startswith("sqlite:///"):
        raise DatasetteMissing("Datasette browses SQLite files: copy the ledger first "
                               "(newsextract ledger export --format sqlite -o copy.db)")
    try:
        import datasette  # noqa: F401
    except ImportError as exc:
        raise DatasetteMissing("Datasette is not installed: pip install 'newsextract[datasette]'") from exc
    db = Path(url[len("sqlite:///"):])
    meta = write_metadata(db.with_suffix(".datasette.json"), db.stem)
    cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(meta), "--host", host,
           "--port", str(port), "--setting", "facet_time_limit_ms", "1000", *(extra or [])]
    if os.name == "posix":  # become Datasette: signals (Ctrl-C, SIGTERM) reach the server itself
        sys.stdout.flush()
        os.execv(sys.executable, cmd)
    try:  # pragma: no cover - Windows
        return subprocess.call(cmd)
    except KeyboardInterrupt:  # pragma: no cover
        return 0
