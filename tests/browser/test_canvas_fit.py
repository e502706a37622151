"""The fixed layout fitted to the canvas's shape (issue 25): the server lays a view out in a
square, so on a short canvas (the timeline open under the graph) it filled less than half of
it. A view that starts a new drawing (mostly new actors: assets/mental_map.js) is stretched
along one axis to the canvas's shape, at most twice; the key actors keep their names and no
two names overlap. Actors are chosen by rank, never named here."""

import sys
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from test_app import CY, js, open_app, wait_until
from test_moves import key_actors, open_dock, settle, unlabelled

from dashboard import ids

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def crowd(tmp_path_factory):
    """300 synthetic articles over a cast of invented names (bench/synthetic.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import named_cast, synthetic_store  # noqa: PLC0415 (bench/ is no package)

    return synthetic_store(tmp_path_factory.mktemp("crowd") / "crowd.db", 300, named_cast())


def fill(dash_duo) -> float:
    """The share of the canvas the actors span (their rendered bounding box)."""
    return js(
        dash_duo,
        f"""var cy = {CY}; var b = cy.nodes().renderedBoundingBox({{includeLabels: false}});
        return Math.min(b.w, cy.width()) * Math.min(b.h, cy.height()) /
               (cy.width() * cy.height());""",
    )


def overlapping_names(dash_duo) -> list:
    """Pairs of actors whose names, as drawn, overlap."""
    return js(
        dash_duo,
        f"""var cy = {CY}; var shown = cy.nodes().filter(n => n.style('label') !== '' &&
            parseFloat(n.style('text-opacity')) > 0);
        var boxes = shown.map(n => [n.data('label'), n.boundingBox({{includeNodes: false,
            includeEdges: false, includeLabels: true, includeOverlays: false}})]);
        var out = [];
        for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {{
            var a = boxes[i][1], b = boxes[j][1];
            if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) {{
                out.push([boxes[i][0], boxes[j][0]]); }} }}
        return out;""",
    )


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
def test_a_new_view_fills_the_short_canvas_under_the_timeline(dash_duo, crowd, size):
    open_app(dash_duo, crowd, "top=40", size=size)
    wait_until(lambda: js(dash_duo, f"return {CY}.nodes().length") == 40, what="40 actors")
    open_dock(dash_duo, "Timeline")
    dash_duo.wait_for_element(f"#{ids.TIMELINE} .main-svg")
    wide = js(dash_duo, f"return {CY}.width() / {CY}.height()")
    assert wide > 1.8, wide  # a short canvas
    # a new analyst's tab (no drawing kept: assets/mental_map.js), then a view: a new
    # drawing, on the short canvas
    js(dash_duo, "window.relgraphMap.forget()")
    box = dash_duo.find_element(f"#{ids.TOP}")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("60", Keys.ENTER)
    wait_until(lambda: js(dash_duo, f"return {CY}.nodes().length") == 60, what="60 actors")
    got = settle(lambda: fill(dash_duo), lambda f: f >= 0.6, timeout=10)
    assert got >= 0.6, got
    key = key_actors(crowd, top=60)
    assert settle(lambda: unlabelled(dash_duo, key), lambda u: not u) == []
    assert overlapping_names(dash_duo) == []
