"""The dashboard keeps a view's layout across store revisions when the view's graph did not
change (dashboard/viewdata.py ``ViewData.positions``): a decision about an actor outside the
view (the common case: most merges and hides touch minor actors) no longer lays the view out
again, and its actors keep their places; a decision that changes the view's graph does.
The corpus refreshed after decisions is the one a fresh load gives."""

from __future__ import annotations

import numpy as np
import pytest
from synthetic_store import synthetic_store

import dashboard.viewdata as viewdata
from dashboard.callbacks import view_parts
from dashboard.elements import importance
from dashboard.filters import Filters
from graph.curation.decisions import hide, merge
from graph.slices.corpus import Corpus


@pytest.fixture()
def counted(monkeypatch):
    """Every layout computed by the dashboard's views, counted."""
    calls: list[int] = []
    real = viewdata.positions

    def counting(G, *args, **kw):
        calls.append(len(G))
        return real(G, *args, **kw)
    monkeypatch.setattr(viewdata, "positions", counting)
    return calls


def places(parts: dict) -> dict:
    return {e["data"]["id"]: (e["position"]["x"], e["position"]["y"])
            for e in parts["elements"] if "position" in e}


def test_a_decision_outside_the_view_keeps_its_layout_one_inside_lays_it_out(tmp_path,
                                                                              counted):
    store = synthetic_store(tmp_path / "layouts.db", articles=120)
    data = viewdata.ViewData(store)
    f = Filters.of(top=15)
    before = view_parts(data, f)
    assert len(counted) == 1
    G = data.graph(f)
    whole = data.slice_graph(Filters())
    outside = next(v for v in reversed(importance(whole)) if v not in G)
    hide(store, whole.nodes[outside]["label"], "tester")
    after = view_parts(data, f)
    assert after is not before  # a new revision: the view was built again ...
    assert len(counted) == 1  # ... without laying it out again
    assert places(after) == places(before)
    inside = importance(G)[0]
    hide(store, G.nodes[inside]["label"], "tester")
    changed = view_parts(data, f)
    assert len(counted) == 2
    assert inside not in places(changed)
    # another layout than the fixed one is the page's own: nothing computed
    view_parts(data, Filters.of(top=15, layout="cose"))
    assert len(counted) == 2


def test_a_corpus_refreshed_after_decisions_maps_as_a_loaded_one(tmp_path):
    """After a merge and a hide, the refreshed corpus (names mapped again with one sort, the
    articles' date order kept) equals a corpus loaded from scratch."""
    store = synthetic_store(tmp_path / "refresh.db", articles=120)
    old = Corpus.load(store)
    order = old.order
    table = store.actor_table()
    merge(store, [table[30]["id"]], table[2]["id"], "tester")
    hide(store, table[5]["id"], "tester")
    fresh, loaded = old.refresh(store), Corpus.load(store)
    assert fresh.order is order  # the same articles: not sorted again
    assert fresh.ids == loaded.ids and fresh.actors_rev == loaded.actors_rev
    a, b = fresh.mapping, loaded.mapping
    for name in ("name_actor", "pair_of", "flipped", "pair_a", "pair_b"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    for name in ("names", "name_pairs"):
        assert np.array_equal(getattr(a, name).start, getattr(b, name).start), name
        assert np.array_equal(getattr(a, name).values, getattr(b, name).values), name
    assert np.array_equal(fresh.order, loaded.order)
    assert fresh.articles == loaded.articles
