"""Size by any attribute (graph/views/sizing.py): each choice's measure on a constructed
view, the shared square-root scale, and the article counts the slices give their actors
(checked against the articles listed for each actor, on the whole corpus and on a date
range)."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.core.choices import SIZE_BY
from graph.core.model import GraphSlice
from graph.slices.build import Corpus, actor_articles, build_graph
from graph.views import style
from graph.views.rules import node_measure
from graph.views.sizing import SIZE_NAMES, measure, sizes


def view() -> nx.Graph:
    """A star around Halvorsen (hub) plus a pair far from it; invented names."""
    G = nx.Graph()
    facts = {"hub": (5, 2, "2021-03-01"), "a": (40, 9, "2020-01-01"),
             "b": (2, 1, "2022-06-30"), "c": (3, 1, None), "d": (1, 1, "2020-01-11"),
             "e": (1, 1, "2020-01-02")}
    for v, (mentions, n_articles, first) in facts.items():
        G.add_node(v, label=v.title(), mentions=mentions, n_articles=n_articles,
                   first_seen=first)
    meet = [{"kind": "meet", "count": 3, "polarity": "cooperative"}]
    G.add_edge("hub", "a", weight=1, relations=[])
    G.add_edge("hub", "b", weight=4, relations=meet)
    G.add_edge("hub", "c", weight=2, relations=[{"kind": "accuse", "count": 2,
                                                 "polarity": "hostile"}])
    G.add_edge("d", "e", weight=9, relations=meet)
    return G


def largest(values: dict) -> str:
    return max(values, key=lambda v: (values[v], v))


@pytest.mark.parametrize(("size_by", "expected"), [
    ("mentions", "a"), ("degree", "hub"), ("weighted degree", "e"), ("articles", "a"),
    ("betweenness", "hub"), ("first seen", "b")])
def test_each_choice_makes_its_own_actor_the_largest(size_by, expected):
    G = view()
    got = sizes(G, size_by)
    assert largest(got) == expected
    assert got[expected] == style.NODE_SIZE[1]


def test_events_count_the_typed_relations_on_an_actors_links():
    got = measure(view(), "events")
    assert got == {"hub": 5, "a": 0, "b": 3, "c": 2, "d": 3, "e": 3}


def test_recency_counts_days_from_the_earliest_first_sighting_and_undated_is_oldest():
    got = measure(view(), "first seen")
    assert got["a"] == 0 and got["e"] == 1 and got["d"] == 10
    assert got["c"] == 0  # undated: as small as the earliest


def test_scale_is_square_root_between_the_views_ends_or_given_ones():
    G = nx.Graph()
    for v, m in (("x", 1), ("y", 25), ("z", 100)):
        G.add_node(v, mentions=m)
    got = sizes(G, "mentions")
    lo, hi = style.NODE_SIZE
    assert got["x"] == lo and got["z"] == hi
    # sqrt(25) is 4/9 of the way from sqrt(1) to sqrt(100)
    assert got["y"] == pytest.approx(lo + (hi - lo) * 4 / 9, abs=0.1)
    shared = sizes(G, "mentions", scales=(1, 400))  # a frame of the time slider
    assert shared["z"] < hi and shared["x"] == lo
    same = nx.Graph()
    same.add_nodes_from([("p", {"mentions": 3}), ("q", {"mentions": 3})])
    assert set(sizes(same, "mentions").values()) == {(lo + hi) / 2}


def test_every_choice_has_a_name_and_a_measure_for_every_actor():
    G = view()
    for size_by in SIZE_BY:
        assert size_by in SIZE_NAMES
        assert set(node_measure(G, size_by)) == set(G)
    assert sizes(nx.Graph(), "betweenness") == {}


@pytest.mark.parametrize("dated", [False, True])
def test_article_counts_are_the_articles_that_mention_each_actor(seed_store, dated):
    corpus = Corpus.load(seed_store)
    days = sorted(a["date"] for a in corpus.articles if a["date"])
    sl = GraphSlice(since=date.fromisoformat(days[len(days) // 2])) if dated else GraphSlice()
    G = build_graph(seed_store, sl, corpus=corpus, top=30)
    assert len(G)
    for v, d in G.nodes(data=True):
        assert d["n_articles"] == len(actor_articles(corpus, v, sl)), v
    assert max(d["n_articles"] for _, d in G.nodes(data=True)) > 1
