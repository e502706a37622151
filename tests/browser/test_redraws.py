"""A move on a large view in real headless Chromium (issue 25): cytoscape draws the new view
once, placed, fitted and labelled (it drew a top-300 view about five times: dash-cytoscape's
patch, its layout refresh 0.1 s later, its round trip of every element back to Dash, the
page's refit and its labels, each working out the links' geometry again). A new view with
one of cytoscape's own layouts is still laid out, and a new view with the fixed one is still
fitted into the canvas. Actors are never named here."""

import sys
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from test_app import CY, js, open_app, wait_until
from test_moves import outside, settle

from dashboard import ids

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

# every drawing of the graph (cytoscape's "render" event) and every element moved, counted
COUNT = f"""var cy = {CY};
if (!cy._counts) {{ cy._counts = {{draw: 0, moved: 0}};
  cy.on('render', function () {{ cy._counts.draw += 1; }});
  cy.on('position', function () {{ cy._counts.moved += 1; }}); }}
return Object.assign({{}}, cy._counts);"""


@pytest.fixture(scope="module")
def crowd(tmp_path_factory):
    """300 synthetic articles over a cast of invented names (bench/synthetic.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import named_cast, synthetic_store  # noqa: PLC0415 (bench/ is no package)

    return synthetic_store(tmp_path_factory.mktemp("crowd") / "crowd.db", 300, named_cast())


def actors(dash_duo) -> int:
    return js(dash_duo, f"return {CY}.nodes().length")


def enter_top(dash_duo, top: int) -> None:
    # typed over the old number (emptying the box first would ask for a view of its own)
    box = dash_duo.find_element(f"#{ids.TOP}")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(str(top), Keys.ENTER)
    wait_until(lambda: actors(dash_duo) == top, timeout=60, what=f"{top} actors")


def quiet_counts(dash_duo, before: dict) -> dict:
    """Drawings and moved elements since ``before``, once nothing has changed for 0.6 s (the
    page's and dash-cytoscape's timers: 0.1 s and under)."""
    last, still = None, time.time()
    while time.time() - still < 0.6:
        now = js(dash_duo, COUNT)
        if now != last:
            last, still = now, time.time()
        time.sleep(0.1)
    return {k: last[k] - before[k] for k in before}


def test_a_large_move_is_drawn_once_and_nothing_moves_after(dash_duo, crowd):
    open_app(dash_duo, crowd, "top=200")
    wait_until(lambda: actors(dash_duo) == 200, timeout=60, what="200 actors")
    time.sleep(1)
    before = js(dash_duo, COUNT)
    enter_top(dash_duo, 300)
    got = quiet_counts(dash_duo, before)
    # one drawing of the new view (cytoscape may add one more as it caches the labels'
    # textures: no element changes in it); 300 actors placed by the page at most twice each
    # (the patch puts them where the server's layout has them, the mental map where they
    # were), never again by a refit or a round trip afterwards
    assert got["draw"] <= 2, got
    assert got["moved"] <= 2 * 300, got
    assert settle(lambda: outside(dash_duo), lambda o: o["outside"] == [])["outside"] == []
    assert dash_duo.get_logs() == []


def test_a_new_view_is_fitted_after_zooming_in(dash_duo, crowd):
    open_app(dash_duo, crowd, "top=200")
    wait_until(lambda: actors(dash_duo) == 200, timeout=60, what="200 actors")
    # zoomed in on one corner: most of the view is off the canvas
    js(dash_duo, f"var cy = {CY}; cy.zoom(3); cy.pan({{x: 0, y: 0}});")
    enter_top(dash_duo, 260)
    assert settle(lambda: outside(dash_duo), lambda o: o["outside"] == [])["outside"] == []


def test_cytoscapes_own_layout_lays_out_each_new_view(dash_duo, crowd):
    open_app(dash_duo, crowd, "top=40&layout=circle")
    wait_until(lambda: actors(dash_duo) == 40, timeout=60, what="40 actors")
    enter_top(dash_duo, 60)

    def radii() -> list[float]:
        # a circle layout puts every actor at one distance from the middle
        return js(
            dash_duo,
            f"""var cy = {CY}; var ns = cy.nodes(), k = ns.length;
            var cx = 0, cy_ = 0;
            ns.forEach(n => {{ cx += n.position('x') / k; cy_ += n.position('y') / k; }});
            return ns.map(n => Math.hypot(n.position('x') - cx, n.position('y') - cy_));""",
        )

    got = settle(radii, lambda r: max(r) - min(r) < 0.02 * max(r))
    assert len(got) == 60 and max(got) - min(got) < 0.02 * max(got), (min(got), max(got))
    assert settle(lambda: outside(dash_duo), lambda o: o["outside"] == [])["outside"] == []
