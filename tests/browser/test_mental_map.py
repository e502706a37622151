"""The mental map when a view grows (issue 25: "expand in place", "keep positions across
view changes"), in real headless Chromium: a view that keeps the actors on screen (an actor
expanded, a larger top N) leaves every one of them where it was, however many actors join,
and the new ones spread around their neighbours; collapsing brings back the same drawing.

Actors are chosen from the seed store's data (by structure), never named here. Waits are
explicit (conditions polled until a deadline), never fixed sleeps."""

import json

import pytest
from test_app import CY, js, open_app
from test_moves import new_view, set_control

from dashboard import ids
from dashboard.filters import Filters
from dashboard.viewdata import ViewData

pytestmark = pytest.mark.browser


def moved(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before if abs(before[k]["x"] - after[k]["x"]) > 0.5
                  or abs(before[k]["y"] - after[k]["y"]) > 0.5)


def test_expanding_more_actors_than_the_view_holds_moves_none_of_them(dash_duo, seed_store):
    data, f = ViewData(seed_store), Filters.of(top=5)
    base, whole = data.graph(f), data.slice_graph(f)
    # an actor whose expansion at least doubles the view: "mostly new actors"
    grown = {v: data.graph(Filters.of(top=5, expand=(v,))) for v in sorted(base)}
    actor = max(grown, key=lambda v: (len(grown[v]), v))
    G = grown[actor]
    assert len(G) >= 2 * len(base), (len(G), len(base))
    assert set(whole[actor]) - set(base)
    open_app(dash_duo, seed_store, "top=5")
    # the test server's first page, the default view, was this tab's too: its drawing holds
    # every actor the expansion adds; forget it (a new analyst's tab)
    js(dash_duo, "window.sessionStorage.clear()")
    dash_duo.driver.refresh()
    dash_duo.wait_for_element(f"#{ids.GRAPH}")
    before = new_view(dash_duo, len(base), base.number_of_edges())
    js(dash_duo, f"{CY}.getElementById({json.dumps(actor)}).emit('dbltap')")
    after = new_view(dash_duo, len(G), G.number_of_edges())
    assert moved(before, after) == []
    # the new actors are spread out, not piled on one spot
    new = [after[v] for v in map(str, G) if v not in before]
    spots = {(round(p["x"] / 20), round(p["y"] / 20)) for p in new}
    assert len(spots) >= 0.8 * len(new), (len(spots), len(new))
    js(dash_duo, f"{CY}.getElementById({json.dumps(actor)}).emit('dbltap')")
    assert moved(before, new_view(dash_duo, len(base), base.number_of_edges())) == []
    # a larger top N keeps the actors on screen where they are too
    set_control(dash_duo, ids.TOP, 25)
    larger = data.graph(Filters.of(top=25))
    assert moved(before, new_view(dash_duo, len(larger), larger.number_of_edges())) == []
    assert dash_duo.get_logs() == []
