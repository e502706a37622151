"""The same store API on a real PostgreSQL server (set RELGRAPH_TEST_POSTGRES to its URL;
.ci/run starts one). Skipped when no server is given."""

import os
from pathlib import Path

import pytest

from graph.build import build_graph
from graph.ingest import ingest
from graph.schema import metadata
from graph.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

URL = os.environ.get("RELGRAPH_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(not URL, reason="RELGRAPH_TEST_POSTGRES not set")


@pytest.fixture(scope="module")
def pg_store():
    store = Store(URL)
    metadata.drop_all(store.engine)
    store = Store(URL)
    yield store
    metadata.drop_all(store.engine)
    store.engine.dispose()


def test_postgres_gives_the_same_graph_as_sqlite(pg_store, seed_store):
    first = ingest([SEEDS], pg_store, progress=False)
    again = ingest([SEEDS], pg_store, progress=False)
    assert first.new == 5 and again.unchanged == 5 and again.words == 0
    assert pg_store.counts() == seed_store.counts()
    assert pg_store.actor_table() == seed_store.actor_table()
    pg, lite = build_graph(pg_store), build_graph(seed_store)
    assert sorted(pg.nodes(data=True)) == sorted(lite.nodes(data=True))
    assert sorted(pg.edges) == sorted(lite.edges)
    assert pg.edges["Kim Jong Un", "Vladimir Putin"] == lite.edges["Kim Jong Un",
                                                                  "Vladimir Putin"]
