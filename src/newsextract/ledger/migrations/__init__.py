"""Alembic migrations of the ledger, shipped inside the package (``alembic.ini`` is not needed: see ``store.py``)."""
