"""Shared by the tests that run on a real PostgreSQL server (RELGRAPH_TEST_POSTGRES)."""

from sqlalchemy import text

from graph.store.schema import metadata
from graph.store.store import Store


def wipe(url: str) -> None:
    """Drop every relgraph table (and the migrations record) so a test starts from nothing."""
    store = Store(url)
    metadata.drop_all(store.engine)
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS migrations"))
    store.engine.dispose()
