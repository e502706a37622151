"""Names on the graph never sit on one another, in real headless Chromium: the key actors
(always named) find a spot clear of the other names even when a panel leaves the canvas
short, a line or two from their node if they must (issue 25: "labels of top actors").

Boxes are read from cytoscape (model units) once the page script has placed the labels for
the current zoom. Actors are never named here. (At top 60 with the timeline open at
1400×900 the canvas is 1,130×380 px and two key names can still meet: not checked here.)"""

import pytest
from test_app import CY, js, labels_settled, open_app, view_labels, wait_for_labels, wait_until
from test_moves import key_actors, open_dock, settle, unlabelled

from dashboard import ids

pytestmark = pytest.mark.browser


def overlapping(dash_duo) -> list[list[str]]:
    """Pairs of names drawn over each other (both shown), once labels are placed."""
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    return js(dash_duo, f"""var cy = {CY};
        var shown = cy.nodes().filter(n => n.style('label') !== '' &&
            parseFloat(n.style('text-opacity')) > 0);
        var boxes = shown.map(n => [n.data('label'), n.boundingBox({{includeNodes: false,
            includeEdges: false, includeLabels: true, includeOverlays: false}})]);
        var out = [];
        for (var i = 0; i < boxes.length; i++) {{
            for (var j = i + 1; j < boxes.length; j++) {{
                var a = boxes[i][1], b = boxes[j][1];
                if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) {{
                    out.push([boxes[i][0], boxes[j][0]]);
                }}
            }}
        }}
        return out;""")


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
@pytest.mark.parametrize("top", [25, 40])
def test_names_never_overlap_with_the_timeline_or_details_open(dash_duo, seed_store, size, top):
    key = key_actors(seed_store, top=top)
    open_app(dash_duo, seed_store, f"top={top}", size=size)
    wait_for_labels(dash_duo, view_labels(seed_store, top=top))
    assert settle(lambda: overlapping(dash_duo), lambda o: not o) == []
    open_dock(dash_duo, "Timeline")  # the canvas is short and wide: crowded names
    dash_duo.wait_for_element(f"#{ids.TIMELINE} .main-svg")
    assert settle(lambda: overlapping(dash_duo), lambda o: not o) == []
    assert settle(lambda: unlabelled(dash_duo, key), lambda u: not u) == []
    js(dash_duo, f"{CY}.nodes().max(n => n.data('mentions')).ele.emit('tap')")
    dash_duo.wait_for_element(f"#{ids.DETAILS_PANEL} h3")
    assert settle(lambda: overlapping(dash_duo), lambda o: not o) == []
    assert settle(lambda: unlabelled(dash_duo, key), lambda u: not u) == []
    assert dash_duo.get_logs() == []


def split_entries(dash_duo) -> list[str]:
    """Legend entries whose mark and name are on different lines of the strip."""
    return js(dash_duo, f"""return Array.from(document.querySelectorAll(
        '#{ids.LEGEND} .item')).filter(item => {{
            var mark = item.previousElementSibling.getBoundingClientRect();
            var name = item.getBoundingClientRect();
            return Math.abs((mark.top + mark.bottom) / 2 - (name.top + name.bottom) / 2) > 6;
        }}).map(item => item.textContent);""")


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
def test_a_legend_entry_never_splits_from_its_mark(dash_duo, seed_store, size):
    """With the selection bar beside it the legend strip is narrow and wraps: between
    entries, never between a colour and its name."""
    open_app(dash_duo, seed_store, "color_by=community", size=size)
    wait_for_labels(dash_duo, view_labels(seed_store))
    js(dash_duo, f"{CY}.nodes().sort((a, b) => b.data('mentions') - a.data('mentions'))"
                 ".slice(0, 3).select()")
    dash_duo.wait_for_element(f"#{ids.SELECTION_BAR}:not([hidden])")
    assert len(dash_duo.driver.find_elements("css selector", f"#{ids.LEGEND} .item")) >= 6
    assert settle(lambda: split_entries(dash_duo), lambda s: not s) == []
