"""Per-name totals (graph/store/totals.py): kept by every write of aggregates equal to what a
pass over the rows counts (new articles, an article replaced by a re-ingest or ``--replace``,
an article emptied, a rejection and its undo, an upgrade from schema 5), and the top view read
from them is the corpus path's view after each of those writes, with merged and hidden
actors."""

from __future__ import annotations

import random
from dataclasses import replace

import networkx as nx
import pytest
from sqlalchemy import text
from synthetic_store import cast, extraction, synthetic_store

from graph.core.model import GraphSlice
from graph.curation.decisions import hide, merge, reject, undo
from graph.slices.build import build_graph
from graph.slices.top_view import top_view
from graph.store import totals
from graph.store.schema import SCHEMA_VERSION
from graph.store.store import Store
from graph.views.rules import LINKS_PER_ACTOR


def assert_kept(store: Store) -> None:
    with store.engine.connect() as conn:
        kept, counted = totals.recount(conn)
    assert kept and kept == counted


def assert_same_view(store: Store, top: int) -> None:
    fast = top_view(store, top, LINKS_PER_ACTOR * top)
    slow = build_graph(store, GraphSlice(), top=top, evidence=False,
                       max_edges=LINKS_PER_ACTOR * top)
    assert list(fast.nodes(data=True)) == list(slow.nodes(data=True))
    assert sorted(map(sorted, fast.edges())) == sorted(map(sorted, slow.edges()))
    for u, v, d in slow.edges(data=True):
        assert fast.edges[u, v] == d, (u, v)
    assert fast.graph == slow.graph


def top_labels(G: nx.Graph, n: int) -> list[str]:
    ranked = sorted(G, key=lambda v: (-G.degree(v, weight="weight"), v))
    return [G.nodes[v]["label"] for v in ranked[:n]]


@pytest.fixture
def store(tmp_path) -> Store:
    return synthetic_store(tmp_path / "totals.db", articles=80, actors=120)


def test_totals_follow_new_replaced_and_emptied_articles(store):
    assert_kept(store)
    people = cast(120)
    rng = random.Random(99)
    # a re-ingest: the same ids with other text (other actors, other links) ...
    again = [extraction(i, people, rng) for i in (3, 5, 8)]
    # ... and an article emptied of every actor (what deleting its extraction leaves)
    empty = replace(extraction(11, people, rng), mentions=[], relations=[])
    store.save_many([(ex, f"again-{ex.article.id}", "synthetic") for ex in [*again, empty]])
    store.resolve()
    assert_kept(store)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM mention_stats WHERE article_id = "
                                 "'syn-11'")).scalar() == 0
    # a batch naming one article twice: the last one wins, and is counted once
    twice = [extraction(20, people, rng), extraction(20, people, rng)]
    store.save_many([(ex, "twice", "synthetic") for ex in twice])
    assert_kept(store)
    assert_same_view(store, 12)


def test_totals_follow_a_rejection_and_its_undo(store):
    G = build_graph(store, GraphSlice(), top=6, evidence=False)
    u, v = max(G.edges(data=True), key=lambda e: e[2]["weight"])[:2]
    a, b = G.nodes[u]["label"], G.nodes[v]["label"]
    article = next(aid for aid in G.graph["articles"] if any(
        {r["source_actor"], r["target_actor"]} == {u, v} for r in store.relation_rows(aid)))
    reject(store, a, b, article, "tester")
    assert_kept(store)
    assert_same_view(store, 10)
    undo(store, "tester")
    assert_kept(store)
    assert_same_view(store, 10)


@pytest.mark.parametrize("top", [8, 25])
def test_curated_view_from_totals_after_replace_is_the_corpus_view(store, top):
    labels = top_labels(build_graph(store, GraphSlice(), top=12, evidence=False), 12)
    merge(store, [labels[3], labels[7]], labels[1], "tester")
    hide(store, labels[5], "tester")
    assert_same_view(store, top)
    people = cast(120)
    rng = random.Random(5)
    store.save_many([(extraction(i, people, rng), f"re-{i}", "synthetic") for i in (0, 1, 2)])
    store.resolve()
    assert_kept(store)
    assert_same_view(store, top)
    G = top_view(store, top, LINKS_PER_ACTOR * top)
    assert labels[5] not in {d["label"] for _, d in G.nodes(data=True)}


def test_a_schema_5_store_gains_totals_counted_from_its_rows(store, tmp_path):
    before = top_view(store, 10, LINKS_PER_ACTOR * 10)
    with store.engine.begin() as conn:  # back to schema 5, as relgraph wrote it
        conn.execute(text("DROP TABLE name_totals"))
        conn.execute(text("DELETE FROM migrations WHERE version = 6"))
    store.engine.dispose()
    again = Store(store.url)
    assert any("schema 6" in m for m in again.messages)
    assert_kept(again)
    assert nx.utils.graphs_equal(top_view(again, 10, LINKS_PER_ACTOR * 10), before)
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT max(version) FROM migrations")).scalar() == (
            SCHEMA_VERSION)
    assert Store(store.url).messages == []  # upgraded once
