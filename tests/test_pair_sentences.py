"""The sentences of a few actor pairs (a briefing's key relations) read through their names'
pairs (graph/store/evidence_reads.py) are the very rows the general read gives: with merged actors
(several names each), both directions, kind and article filters, and pairs with no
relation."""

from __future__ import annotations

import pytest
from synthetic_store import synthetic_store

import graph.store.evidence_reads as evidence_reads
from graph.core.model import GraphSlice
from graph.curation.decisions import merge
from graph.slices.build import build_graph
from graph.store.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = synthetic_store(tmp_path_factory.mktemp("pairs") / "pairs.db", articles=60,
                            actors=80)
    G = build_graph(store, GraphSlice(), top=10, evidence=False)
    ranked = sorted(G, key=lambda v: (-G.degree(v, weight="weight"), v))
    merge(store, [G.nodes[ranked[4]]["label"]], G.nodes[ranked[0]]["label"], "tester")
    return store


def general(store: Store, monkeypatch, *args, **kwargs) -> list[tuple]:
    with monkeypatch.context() as m:
        m.setattr(evidence_reads, "FEW_PAIRS", 0)
        return store.pair_sentences(*args, **kwargs)


def test_few_pairs_read_the_same_rows(store, monkeypatch):
    G = build_graph(store, GraphSlice(), top=12, evidence=False)
    edges = sorted(G.edges(), key=lambda e: -G.edges[e]["weight"])
    merged = max(G, key=lambda v: len(store.actor_names(v)))
    assert len(store.actor_names(merged)) >= 2  # a merge: several names
    some = [(v, u) for u, v in edges[:4]] + [e for e in edges if merged in e][:2]
    lonely = [(u, v) for u in G for v in G if u < v and not G.has_edge(u, v)][:1]
    for pairs, kwargs in ((some, {}), (some, {"kinds": ["meet", "accuse"]}),
                          (some, {"articles": G.graph["articles"][:20]}),
                          (some, {"with_dates": True}), (lonely, {})):
        fast = store.pair_sentences(pairs, **kwargs)
        assert fast == general(store, monkeypatch, pairs, **kwargs)
    assert store.pair_sentences(some)  # rows to compare
    assert store.pair_sentences(lonely) == []
