"""The deal ledger: one database of deals across all articles, deduplicated, with sources, history and
provenance (SQLite by default, PostgreSQL by URL). See ``docs/ledger.md``.

>>> from newsextract.ledger import Ledger, DealFilter   # doctest: +SKIP
>>> with Ledger("deals.db") as led:                       # doctest: +SKIP
...     led.add_files(["out.jsonl"])
...     led.deals(DealFilter(licensor_country="CN", licensee_country="!CN", order="upfront"))
"""

from .core import IngestReport, Ledger
from .link import LinkOptions
from .queries import DealFilter
from .store import DEFAULT_DB, ENV_VAR, resolve_url

__all__ = ["Ledger", "IngestReport", "DealFilter", "LinkOptions", "DEFAULT_DB", "ENV_VAR", "resolve_url"]
