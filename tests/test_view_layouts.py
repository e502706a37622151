"""The dashboard keeps a view's layout across store revisions when the view's graph did not
change (dashboard/viewdata.py ``ViewData.positions``): a decision about an actor outside the
view (the common case: most merges and hides touch minor actors) no longer lays the view out
again, and its actors keep their places; a decision that changes the view's graph does."""

from __future__ import annotations

import pytest
from synthetic_store import synthetic_store

import dashboard.viewdata as viewdata
from dashboard.callbacks import view_parts
from dashboard.elements import importance
from dashboard.filters import Filters
from graph.curation.decisions import hide


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
