"""The whole corpus' top-N view read by SQL for its actors alone (graph/slices/top_view.py)
is the very graph the corpus path builds (graph/slices/build.py): same actors, links and
every attribute, on the seeds and on constructed stores with merged and hidden actors, typed
relations both ways, event dates and undated articles. The views the fast path does not
cover still go through the corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest
from synthetic_store import synthetic_store

from graph.core.model import GraphSlice
from graph.curation.decisions import find_actor, hide, merge
from graph.slices.build import build_graph
from graph.slices.top_view import covers, top_view
from graph.store.store import Store
from graph.views.rules import LINKS_PER_ACTOR, view_graph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
# the bench's synthetic store: event dates, both directions, undated articles
from synthetic import synthetic_store as dated_store  # type: ignore[import-not-found]  # noqa: E402,I001


def corpus_view(store: Store, top: int) -> nx.Graph:
    return build_graph(store, GraphSlice(), top=top, evidence=False,
                       max_edges=LINKS_PER_ACTOR * top)


def assert_same(fast: nx.Graph, slow: nx.Graph) -> None:
    assert list(fast.nodes(data=True)) == list(slow.nodes(data=True))
    assert sorted(map(sorted, fast.edges())) == sorted(map(sorted, slow.edges()))
    for u, v, d in slow.edges(data=True):
        assert fast.edges[u, v] == d, (u, v)
    assert fast.graph == slow.graph


@pytest.fixture(scope="module")
def curated(tmp_path_factory) -> tuple[Store, str]:
    """The synthetic test store with two actors merged into a third and one hidden (and the
    hidden one's label)."""
    store = synthetic_store(tmp_path_factory.mktemp("top") / "top.db", articles=120)
    G = corpus_view(store, 12)
    ranked = sorted(G, key=lambda v: (-G.degree(v, weight="weight"), v))
    labels = [G.nodes[v]["label"] for v in ranked]
    merge(store, [labels[3], labels[7]], labels[1], "tester")
    hide(store, labels[5], "tester")
    return store, labels[5]


@pytest.mark.parametrize("top", [5, 25, 60])
def test_the_seeds_top_view_is_the_corpus_view(seed_store, top):
    assert_same(top_view(seed_store, top, LINKS_PER_ACTOR * top), corpus_view(seed_store, top))


@pytest.mark.slow
@pytest.mark.parametrize("top", [10, 25])
def test_merged_and_hidden_actors_read_the_same(curated, top):
    store, hidden = curated
    fast = top_view(store, top, LINKS_PER_ACTOR * top)
    assert_same(fast, corpus_view(store, top))
    assert find_actor(store, hidden, hidden=True).id not in fast
    assert hidden not in {d["label"] for _, d in fast.nodes(data=True)}
    assert any(len(d["aliases"]) >= 2 for _, d in fast.nodes(data=True))  # a merge's names


@pytest.mark.slow
def test_event_dates_directions_and_undated_articles_read_the_same(tmp_path):
    store = dated_store(tmp_path / "dated.db", 300)
    slow = corpus_view(store, 25)
    assert slow.graph["undated"] > 0
    assert any(r["first"] != r["last"] for *_, d in slow.edges(data=True)
               for r in d["relations"])  # events over several days
    assert any(not d["directed"] for *_, d in slow.edges(data=True))  # both ways
    assert_same(top_view(store, 25, LINKS_PER_ACTOR * 25), slow)


def test_view_graph_takes_the_fast_path_only_where_it_covers(seed_store, monkeypatch):
    import graph.views.rules as rules  # the module whose call is counted

    calls: list[tuple] = []
    real = rules.top_view

    def counted(*args: object) -> nx.Graph:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(rules, "top_view", counted)
    G = view_graph(seed_store, GraphSlice(), top=25)
    assert len(calls) == 1 and G.graph["focus"] is None
    some = next(iter(G))
    for kwargs in ({"top": None}, {"top": 25, "focus": some},
                   {"top": 25, "path": (some, some)}, {"top": 25, "evidence": True}):
        view_graph(seed_store, GraphSlice(), **kwargs)
    for sl in (GraphSlice(types=("person",)), GraphSlice(kinds=("meet",)),
               GraphSlice(min_weight=2), GraphSlice(include_undated=False)):
        assert not covers(sl, 25)
        view_graph(seed_store, sl, top=25)
    assert len(calls) == 1
