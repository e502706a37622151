"""The store owns all persistent state and all SQL: articles, extractions, aggregates, actors
and decisions in SQLite or PostgreSQL, behind the typed methods of ``Store``.
"""

from graph.store.engine import DEFAULT_DB, ReadOnlyError, StoreError, database_url
from graph.store.store import StaleViewError, Store

__all__ = ["DEFAULT_DB", "ReadOnlyError", "StaleViewError", "Store", "StoreError", "database_url"]
