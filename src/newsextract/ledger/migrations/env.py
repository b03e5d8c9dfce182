"""Alembic environment: runs on the connection the ledger hands over (``config.attributes["connection"]``),
inside the transaction that holds the ledger's write lock, so two processes opening a new ledger at once
cannot both create it."""

from __future__ import annotations

from alembic import context

from newsextract.ledger.schema import metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # pragma: no cover - the ledger always passes its connection
        raise RuntimeError("newsextract ledger migrations run through newsextract.ledger.store.upgrade()")
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                      transactional_ddl=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):  # only inside an alembic run (not when a test collector imports this file)
    run()
