"""Where the ledger lives: database URLs, engines, the write lock, and schema upgrades on open.

One code path for both back ends. A path or ``sqlite:///…`` URL is a SQLite file (WAL journal, so readers never
wait for a writer); ``postgresql+psycopg://…`` is PostgreSQL. Writers serialise on a lock held for the length of
one write transaction — ``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory lock on PostgreSQL — which is
what makes two ingests at once lose and duplicate nothing.

>>> resolve_url("postgresql+psycopg://u@h/db")
'postgresql+psycopg://u@h/db'
>>> resolve_url("/tmp/deals.db")
'sqlite:////tmp/deals.db'
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

__all__ = ["HEAD", "DEFAULT_DB", "ENV_VAR", "resolve_url", "make_engine", "write_transaction", "upgrade", "head_revision",
           "current_revision", "is_sqlite"]

#: the newest migration (tests check it is Alembic's head): opening an up-to-date ledger needs no Alembic import.
HEAD = "0001"
#: the ledger used when neither ``--db`` nor ``NEWSEXTRACT_DB`` says otherwise.
DEFAULT_DB = "deals.db"
ENV_VAR = "NEWSEXTRACT_DB"
#: advisory-lock key of ledger writers on PostgreSQL ("NXLEDGER" as a number).
_PG_LOCK = 0x4E584C4544474552 & 0x7FFFFFFFFFFFFFFF
#: how long a SQLite writer waits for another (ms): a whole batch of another ingest must fit in it.
SQLITE_BUSY_MS = 600_000


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or a URL), else ``$NEWSEXTRACT_DB``, else ``deals.db``."""
    raw = os.fspath(db) if db is not None else (os.environ.get(ENV_VAR) or DEFAULT_DB)
    if "://" in raw:
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().resolve())


def is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


def make_engine(url: str, **kw: Any) -> Engine:
    """An engine with the ledger's connection settings for the URL's back end."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000}, poolclass=NullPool, **kw)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # let SQLAlchemy's begin events issue BEGIN (pysqlite's own implicit BEGIN cannot take the write lock
            # up front, and it would commit DDL behind the migration's back)
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ledger_write") else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, **kw)


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that holds the ledger's write lock until it commits or rolls back."""
    with engine.connect() as conn:
        conn = conn.execution_options(ledger_write=True)
        with conn.begin():
            if not is_sqlite(conn):
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            yield conn


def _alembic_config(conn: Connection | None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("newsextract.ledger") / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of newsextract knows."""
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    """The schema revision of the database (None for an empty one)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database's schema to ``revision`` (default: the newest), under the write lock.

    Cheap when it is already there (one query, Alembic not even imported); a ledger written by an older release
    is migrated in place.
    """
    target = HEAD if revision == "head" else revision
    with engine.connect() as conn:
        if current_revision(conn) == target:
            return
    from alembic import command

    with write_transaction(engine) as conn:
        if current_revision(conn) == target:  # another process upgraded while we waited for the lock
            return
        command.upgrade(_alembic_config(conn), revision)
