"""The moves an analyst makes all day, in real headless Chromium (issue 25): search and pick
on Enter, clearing a path, labels of the key actors, panels and refit, keyboard.

Actors are chosen from the seed store's data (by rank, by structure), never named here.
Waits are explicit (conditions polled until a deadline), never fixed sleeps.
"""

import base64
import json
import math
import sqlite3
import struct
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from test_app import CY, js, labels_settled, open_app, view_labels, wait_for_labels, wait_until

from dashboard import ids
from dashboard.elements import elements
from dashboard.filters import Filters
from dashboard.viewdata import ViewData
from graph.core.model import GraphSlice
from graph.store.store import Store
from graph.views import style
from graph.views.rules import view_graph

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def _text(row: dict) -> str:
    """What the search box matches a query against: the name, every alias and the id."""
    return " ".join([row["label"], *sorted(row["aliases"]), str(row["id"])]).lower()


def _matches(row: dict, query: str) -> bool:
    return all(token in _text(row) for token in query.lower().split())


def type_and_enter(dash_duo, dropdown: str, text: str) -> None:
    """Open a dropdown, type ``text`` into its search box and press Enter."""
    dash_duo.find_element(f"#{dropdown}").click()
    box = wait_until(lambda: dash_duo.driver.find_element(
        By.CSS_SELECTOR, ".dash-dropdown-search"), what="search input")
    box.send_keys(text)
    wait_until(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, "[role=option]"),
               what=f"options for {text!r}")
    box.send_keys(Keys.ENTER)


def centred(dash_duo, label: str) -> bool:
    return js(dash_duo, f"""var cy = {CY};
        var n = cy.nodes().filter(n => n.data('label') === {json.dumps(label)});
        if (n.empty() || !n.selected()) {{ return false; }}
        var p = n.renderedPosition();
        return Math.abs(p.x - cy.width() / 2) < 30 && Math.abs(p.y - cy.height() / 2) < 30;""")


def test_enter_picks_the_exact_name_then_the_most_important_and_centres_it(dash_duo,
                                                                          seed_store):
    table = seed_store.actor_table()  # most mentioned first
    alphabetical = sorted(table, key=lambda r: r["label"].lower())
    # names whose first alphabetical match is another actor (what Enter used to pick)
    exact = [r for r in table if next(o for o in alphabetical
                                      if _matches(o, r["label"]))["id"] != r["id"]]
    assert exact, "the seeds hold a name inside another actor's name"
    open_app(dash_duo, seed_store)
    wait_for_labels(dash_duo, view_labels(seed_store))
    for row in exact[:2]:
        type_and_enter(dash_duo, ids.SEARCH, row["label"])
        dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", row["label"])
        assert dash_duo.find_element(f"#{ids.DETAILS_PANEL} h3").text == row["label"]
        wait_until(lambda r=row: centred(dash_duo, r["label"]),
                   what=f"{row['label']} selected and centred")
    # no exact match: the most mentioned actor that matches
    words = {w for r in table for w in r["label"].lower().split() if len(w) > 3}
    query, best = next((w, next(r for r in table if _matches(r, w))) for w in sorted(words)
                       if not any(w in {a.lower() for a in r["aliases"] | {r["label"]}}
                                  for r in table)
                       and next(r for r in alphabetical if _matches(r, w))
                       is not next(r for r in table if _matches(r, w)))
    type_and_enter(dash_duo, ids.FOCUS, query)
    wait_until(lambda: f"focus={best['id']}".replace(" ", "+") in dash_duo.driver.current_url,
               what=f"focus on {best['label']} for {query!r}")


def settle(read, done, timeout: float = 5):
    """``read()`` polled until ``done`` says it is as expected or ``timeout`` passed: the
    last value, for the assertion to show."""
    end = time.time() + timeout
    value = read()
    while not done(value) and time.time() < end:
        time.sleep(0.1)
        value = read()
    return value


def faded_after_settling(dash_duo) -> list:
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    return js(dash_duo, f"""var cy = {CY};
        return [cy.elements('.faded').length, cy.elements('.path').length,
                cy.nodes().filter(n => n.style('label') !== '').length];""")


def _path_query(seed_store) -> str:
    G = view_graph(seed_store)
    lengths = dict(nx.all_pairs_shortest_path_length(G))
    u, v = next((u, v) for u in sorted(G) for v in sorted(G) if lengths[u].get(v) == 3)
    return f"source={u}&target={v}".replace(" ", "+")


@pytest.mark.parametrize("clear", ["reset", "cross", "back"])
def test_a_cleared_path_leaves_nothing_faded(dash_duo, seed_store, clear):
    query = _path_query(seed_store)
    if clear == "back":  # the path view comes back from history, then is cleared
        open_app(dash_duo, seed_store, query)
        wait_until(lambda: js(dash_duo, f"return {CY}.elements('.path').length"), what="path")
        dash_duo.driver.get(dash_duo.server_url + "/?top=40")
        wait_for_labels(dash_duo, view_labels(seed_store, top=40))
        dash_duo.driver.back()
    else:
        open_app(dash_duo, seed_store, query)
    wait_until(lambda: js(dash_duo, f"return {CY}.elements('.path.faded').length === 0 && "
                                    f"{CY}.elements('.faded').length > 0"),
               what="the path over a faded rest")
    if clear == "cross":
        dash_duo.find_element(f"#{ids.SOURCE} .dash-dropdown-clear").click()
    else:
        dash_duo.find_element(f"#{ids.RESET}").click()
    wait_until(lambda: "source=" not in dash_duo.driver.current_url, what="path cleared")
    wait_for_labels(dash_duo, view_labels(seed_store))
    # an element left faded stays faded: wait a while, then look at what is left
    faded, path, labelled = settle(lambda: faded_after_settling(dash_duo),
                                   lambda r: r[:2] == [0, 0])
    assert (faded, path) == (0, 0) and labelled > 10


@pytest.fixture(scope="module")
def wide_store(tmp_path_factory):
    """300 synthetic articles over a cast of invented names (bench/synthetic.py): 1,245
    actors, so a view of the top 150 is crowded."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import named_cast, synthetic_store  # noqa: PLC0415 (bench/ is no package)

    return synthetic_store(tmp_path_factory.mktemp("wide") / "wide.db", 300, named_cast())


def key_actors(store, **kw) -> set[str]:
    """Labels of the 20 most important actors of a view: weighted degree, then mentions."""
    G = view_graph(store, top=kw.pop("top", 60), **kw)
    order = sorted(G, key=lambda v: (-G.degree(v, weight="weight"),
                                     -G.nodes[v].get("mentions", 0), str(v)))
    return {G.nodes[v]["label"] for v in order[:20]}


def unlabelled(dash_duo, wanted: set[str]) -> list[str]:
    """Which of ``wanted`` show no label (once the labels are placed for this zoom)."""
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    return js(dash_duo, f"""var cy = {CY}; var wanted = {json.dumps(sorted(wanted))};
        return cy.nodes().filter(n => wanted.includes(n.data('label')) &&
            (n.style('label') === '' || parseFloat(n.style('text-opacity')) === 0))
            .map(n => n.data('label'));""")


def open_dock(dash_duo, tab: str) -> None:
    dash_duo.find_element("#dock").find_element(By.XPATH, f".//*[text()='{tab}']").click()


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
def test_the_key_actors_are_always_labelled(dash_duo, wide_store, size):
    for top in (60, 150):
        key = key_actors(wide_store, top=top)
        open_app(dash_duo, wide_store, f"top={top}", size=size)
        wait_until(lambda t=top: len(js(dash_duo, f"return {CY}.nodes().map(n => 1)")) == t,
                   what=f"{top} actors")
        assert settle(lambda k=key: unlabelled(dash_duo, k), lambda u: not u) == []
        open_dock(dash_duo, "Timeline")  # the canvas shrinks: labels placed again
        dash_duo.wait_for_element(f"#{ids.TIMELINE} .main-svg")
        assert settle(lambda k=key: unlabelled(dash_duo, k), lambda u: not u) == []
        # details open: the key actors outside the selection's neighbourhood stay named
        lesser = js(dash_duo, f"var n = {CY}.nodes().max(n => n.data('rank')).ele; "
                              "n.emit('tap'); return n.data('label');")
        dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", lesser)
        assert settle(lambda k=key: unlabelled(dash_duo, k), lambda u: not u) == []
    # a hidden label is one hover away
    hidden = js(dash_duo, f"var n = {CY}.nodes('.nolabel').not('.faded')[0] || "
                          f"{CY}.nodes('.nolabel')[0]; n.emit('mouseover'); "
                          "return n.style('label');")
    assert hidden


def outside(dash_duo) -> dict:
    """Actors not wholly inside the canvas, and actors under the legend (page pixels)."""
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    return js(dash_duo, f"""var cy = {CY};
        var box = cy.container().getBoundingClientRect();
        var legend = document.getElementById('{ids.LEGEND}').getBoundingClientRect();
        var out = [], under = [];
        cy.nodes().forEach(n => {{
            var b = n.renderedBoundingBox({{includeLabels: false}});
            if (b.x1 < -1 || b.y1 < -1 || b.x2 > box.width + 1 || b.y2 > box.height + 1) {{
                out.push(n.data('label'));
            }}
            var x1 = box.left + b.x1, x2 = box.left + b.x2;
            var y1 = box.top + b.y1, y2 = box.top + b.y2;
            if (legend.width && x1 < legend.right && legend.left < x2 && y1 < legend.bottom
                && legend.top < y2) {{ under.push(n.data('label')); }}
        }});
        return {{outside: out, under_legend: under}};""")


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
def test_every_panel_change_refits_and_the_legend_covers_no_actor(dash_duo, seed_store, size):
    open_app(dash_duo, seed_store, size=size)
    wait_for_labels(dash_duo, view_labels(seed_store))
    clear = {"outside": [], "under_legend": []}
    assert settle(lambda: outside(dash_duo), lambda o: o == clear) == clear
    # details open (an actor far from the centre selected), then the timeline, then closed
    js(dash_duo, f"""var cy = {CY}; var c = cy.extent();
        cy.nodes().max(n => Math.abs(n.position('x') - (c.x1 + c.x2) / 2)).ele.emit('tap');""")
    dash_duo.wait_for_element(f"#{ids.DETAILS_PANEL} h3")
    assert settle(lambda: outside(dash_duo), lambda o: o == clear) == clear
    open_dock(dash_duo, "Timeline")
    dash_duo.wait_for_element(f"#{ids.TIMELINE} .main-svg")
    assert settle(lambda: outside(dash_duo), lambda o: o == clear) == clear
    dash_duo.find_element(f"#{ids.DETAILS_CLOSE}").click()
    wait_until(lambda: not dash_duo.find_element(f"#{ids.DETAILS_PANEL}").is_displayed(),
               what="details closed")
    assert settle(lambda: outside(dash_duo), lambda o: o == clear) == clear
    dash_duo.find_element(f"#{ids.FILTERS_TOGGLE}").click()  # the filters drawer closes
    assert settle(lambda: outside(dash_duo), lambda o: o == clear) == clear


def test_a_links_header_counts_the_sentences_it_lists(dash_duo, seed_store):
    data, f = ViewData(seed_store), Filters()
    G = data.graph(f)
    # a link one of whose actors is named twice in a sentence (its weight counts it twice)
    u, v = next((u, v) for u, v, d in G.edges(data=True)
                if d["weight"] != len(data.edge_evidence(G, u, v, f)[0]))
    listed = len(data.edge_evidence(G, u, v, f)[0])
    open_app(dash_duo, seed_store)
    wait_for_labels(dash_duo, view_labels(seed_store))
    js(dash_duo, f"{CY}.getElementById({json.dumps(str(u))}).edgesWith("
                 f"{CY}.getElementById({json.dumps(str(v))})).emit('tap')")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "Evidence (")
    facts = dash_duo.find_element(f"#{ids.DETAILS} .facts").text
    shown = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAILS} .sentence")
    assert facts.startswith(f"{listed} sentence") and len(shown) == listed, facts


def press(dash_duo, key: str) -> None:
    """A key pressed on the page (not in a field)."""
    ActionChains(dash_duo.driver).send_keys(key).perform()


def zoom(dash_duo) -> float:
    return js(dash_duo, f"return {CY}.zoom()")


def test_keys_and_zoom_buttons(dash_duo, seed_store):
    open_app(dash_duo, seed_store)
    wait_for_labels(dash_duo, view_labels(seed_store))
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    fitted = zoom(dash_duo)
    dash_duo.find_element(f"#{ids.ZOOM_IN}").click()
    wait_until(lambda: zoom(dash_duo) > fitted * 1.2, what="zoomed in by the button")
    press(dash_duo, "+")
    wait_until(lambda: zoom(dash_duo) > fitted * 1.5, what="zoomed in by +")
    press(dash_duo, "-")
    wait_until(lambda: zoom(dash_duo) < fitted * 1.3, what="zoomed out by -")
    press(dash_duo, "f")
    wait_until(lambda: abs(zoom(dash_duo) / fitted - 1) < 0.1, what="fitted by f")
    dash_duo.find_element(f"#{ids.ZOOM_OUT}").click()
    wait_until(lambda: zoom(dash_duo) < fitted * 0.9, what="zoomed out by the button")
    dash_duo.find_element(f"#{ids.ZOOM_FIT}").click()
    wait_until(lambda: abs(zoom(dash_duo) / fitted - 1) < 0.1, what="fitted by the button")
    # Esc: the details close, nothing stays selected or faded
    js(dash_duo, f"{CY}.nodes().max(n => n.degree()).ele.emit('tap')")
    dash_duo.wait_for_element(f"#{ids.DETAILS_PANEL} h3")
    wait_until(lambda: js(dash_duo, f"return {CY}.elements('.faded').length"), what="faded")
    dash_duo.find_element("#export-menu summary").click()
    press(dash_duo, Keys.ESCAPE)
    wait_until(lambda: not dash_duo.find_element(f"#{ids.DETAILS_PANEL}").is_displayed(),
               what="details closed by Esc")
    assert js(dash_duo, f"return [{CY}.elements('.faded').length, "
                        f"{CY}.elements(':selected').length, "
                        "document.querySelector('#export-menu').open]") == [0, 0, False]
    # / opens the search, ready to type
    press(dash_duo, "/")
    wait_until(lambda: "dash-dropdown-search" in (dash_duo.driver.switch_to.active_element
                                                  .get_attribute("class") or ""),
               what="the search box focused")
    assert dash_duo.get_logs() == []


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_view_picture_carries_a_title_line_and_the_legend(dash_duo, seed_store):
    open_app(dash_duo, seed_store, "color_by=community")
    wait_for_labels(dash_duo, view_labels(seed_store))
    dash_duo.wait_for_contains_text(f"#{ids.LEGEND}", "Communities")
    summary = dash_duo.find_element(f"#{ids.SUMMARY}").text
    legend = [e.text for e in dash_duo.driver.find_elements(By.CSS_SELECTOR,
                                                            f"#{ids.LEGEND} .item")]
    dash_duo.find_element("#export-menu summary").click()
    dash_duo.find_element(f"#{ids.SVG}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMAGE_STATUS}", "SVG downloaded")
    folder = Path(dash_duo.download_path)
    svg = wait_until(lambda: next(folder.glob("relgraph-view*.svg"), None), what="the SVG")
    root = ElementTree.fromstring(svg.read_bytes())
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0].startswith(f"relgraph · {summary}")  # the title line, first
    assert set(legend) <= set(texts) and "Communities: " in texts  # the legend, every entry
    assert root.find("{http://www.w3.org/2000/svg}svg") is not None  # the graph between
    # the PNG: the graph as cytoscape draws it, with the two bands around it
    inner = base64.b64decode(js(dash_duo, f"return {CY}.png({{full: true, scale: 2, "
                                          "output: 'base64uri'}).split(',')[1]"))
    dash_duo.find_element(f"#{ids.PNG}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMAGE_STATUS}", "PNG saved")
    png = wait_until(lambda: next(folder.glob("relgraph-view*.png"), None), what="the PNG")
    (w, h), (iw, ih) = _png_size(png.read_bytes()), _png_size(inner)
    assert w >= iw and h >= ih + 2 * 28 * 2, ((w, h), (iw, ih))
    assert dash_duo.get_logs() == []


def positions(dash_duo) -> dict:
    return js(dash_duo, f"var out = {{}}; {CY}.nodes().forEach(n => {{ "
                        "out[n.id()] = n.position(); }); return out;")


def set_control(dash_duo, control: str, value) -> None:
    js(dash_duo, f"window.dash_clientside.set_props({json.dumps(control)}, "
                 f"{{value: {json.dumps(value)}}})")


def new_view(dash_duo, nodes: int, edges: int) -> dict:
    """Positions once a view of ``nodes`` actors and ``edges`` links is drawn and settled."""
    wait_until(lambda: js(dash_duo, f"return [{CY}.nodes().length, {CY}.edges().length]")
               == [nodes, edges], what=f"a view of {nodes} actors and {edges} links")
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    return settle(lambda: positions(dash_duo), lambda p: p == positions(dash_duo), 1)


def test_actors_keep_their_places_across_views_and_where_they_were_dragged(dash_duo,
                                                                           seed_store):
    # every actor of the store (how many: read from it, whatever the seeds give), then the
    # 40 most important of them
    every = len(seed_store.actor_table())
    whole, thin = (view_graph(seed_store, GraphSlice(min_weight=w), top=every) for w in (1, 2))
    assert len(whole) == every > 40
    assert set(whole) == set(thin) and whole.number_of_edges() != thin.number_of_edges()
    server = [{e["data"]["id"]: e["position"] for e in elements(G) if "position" in e}
              for G in (whole, thin)]
    assert server[0] != server[1]  # the server lays the two views out differently
    few = view_graph(seed_store, top=40)
    open_app(dash_duo, seed_store, "top=40")
    # (the test server's first page, the default view, was this tab's too: forget it)
    js(dash_duo, "window.sessionStorage.clear()")
    dash_duo.driver.refresh()
    dash_duo.wait_for_element(f"#{ids.GRAPH}")
    before = new_view(dash_duo, 40, few.number_of_edges())
    set_control(dash_duo, ids.TOP, every)  # every - 40 new actors
    after = new_view(dash_duo, every, whole.number_of_edges())
    assert {k: after[k] for k in before} == before  # the 40 stay where they were
    size = js(dash_duo, f"return {CY}.nodes().max(n => n.outerWidth()).value")
    step = 30 + size / 2  # assets/mental_map.js: a new actor's distance from its neighbours
    for v in set(whole) - set(few):  # a new actor next to its neighbours already placed
        near = [after[str(u)] for u in whole[v] if str(u) in before]
        if near:
            cx, cy = (sum(p[a] for p in near) / len(near) for a in ("x", "y"))
            # a step away, or a ring or two farther when new actors took the nearer spots
            assert math.dist((cx, cy), (after[str(v)]["x"], after[str(v)]["y"])) <= (
                3 * step + 1)
    new = [(after[str(v)]["x"], after[str(v)]["y"]) for v in set(whole) - set(few)]
    assert len({(round(x), round(y)) for x, y in new}) == len(new)  # never on one spot
    # a filter keeping the same actors with other links: nobody moves
    set_control(dash_duo, ids.MIN_WEIGHT, 2)
    assert new_view(dash_duo, every, thin.number_of_edges()) == after
    # a dragged actor stays where it was put
    moved = js(dash_duo, f"""var n = {CY}.nodes().max(n => n.degree()).ele;
        n.position({{x: n.position('x') + 150, y: n.position('y') - 90}});
        n.emit('dragfree'); return [n.id(), n.position()];""")
    set_control(dash_duo, ids.MIN_WEIGHT, 1)
    again = new_view(dash_duo, every, whole.number_of_edges())
    assert again[moved[0]] == moved[1]
    assert {k: v for k, v in again.items() if k != moved[0]} == {
        k: v for k, v in after.items() if k != moved[0]}


def test_colour_by_a_measure_recolours_the_graph_and_names_its_classes(dash_duo, seed_store):
    open_app(dash_duo, seed_store)
    wait_for_labels(dash_duo, view_labels(seed_store))
    for choice, title, palette in (
            ("quadclass balance", "Cooperation vs conflict", style.BALANCE_COLORS),
            ("first seen", "First seen", style.SEQUENTIAL_COLORS),
            ("mentions", "Mentioned", style.SEQUENTIAL_COLORS)):
        set_control(dash_duo, ids.COLOR_BY, choice)
        dash_duo.wait_for_contains_text(f"#{ids.LEGEND}", title)
        wait_until(lambda c=choice: f"color_by={c.replace(' ', '+')}"
                   in dash_duo.driver.current_url, what=f"{choice} in the URL")
        colours = set(js(dash_duo, f"return {CY}.nodes().map(n => n.data('color'))"))
        assert colours <= {*palette, style.OTHER_COLOR} and len(colours) >= 3, colours
        swatches = {e.value_of_css_property("background-color") for e in
                    dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.LEGEND} .dot")}
        assert len(swatches) == len(colours)  # a legend entry for every colour drawn
    assert dash_duo.get_logs() == []


def test_double_click_expands_an_actor_in_place_and_again_collapses_it(dash_duo, seed_store):
    data, f = ViewData(seed_store), Filters.of(top=10)
    base, whole = data.graph(f), data.slice_graph(f)
    actor = max(sorted(base), key=lambda v: len(set(whole[v]) - set(base)))
    grown = data.graph(Filters.of(top=10, expand=(actor,)))
    open_app(dash_duo, seed_store, "top=10")
    # (the test server's first page, the default view, was this tab's too: its drawing
    # holds the actors the expansion adds; forget it)
    js(dash_duo, "window.sessionStorage.clear()")
    dash_duo.driver.refresh()
    dash_duo.wait_for_element(f"#{ids.GRAPH}")
    before = new_view(dash_duo, 10, base.number_of_edges())
    js(dash_duo, f"{CY}.getElementById({json.dumps(actor)}).emit('dbltap')")
    after = new_view(dash_duo, grown.number_of_nodes(), grown.number_of_edges())
    assert f"expand={actor}" in dash_duo.driver.current_url
    assert {k: after[k] for k in before} == before  # the view stays as it was, around them
    assert js(dash_duo, f"return {CY}.getElementById({json.dumps(actor)})"
                        ".hasClass('expanded')")
    js(dash_duo, f"{CY}.getElementById({json.dumps(actor)}).emit('dbltap')")
    assert new_view(dash_duo, 10, base.number_of_edges()) == before
    assert "expand=" not in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def ids_on_screen(dash_duo) -> set[str]:
    return set(js(dash_duo, f"return {CY}.nodes().map(n => n.id())"))


def test_select_many_then_hide_them_or_show_only_them(dash_duo, seed_store):
    open_app(dash_duo, seed_store, "top=20")
    wait_for_labels(dash_duo, view_labels(seed_store, top=20))
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    every = ids_on_screen(dash_duo)
    # shift-drag a box over the whole canvas: every actor selected
    canvas = dash_duo.find_element(f"#{ids.GRAPH}")
    w, h = canvas.size["width"], canvas.size["height"]
    (ActionChains(dash_duo.driver).key_down(Keys.SHIFT)
     .move_to_element_with_offset(canvas, -w // 2 + 3, -h // 2 + 3).click_and_hold()
     .move_by_offset(w - 6, h - 6).release().key_up(Keys.SHIFT).perform())
    dash_duo.wait_for_text_to_equal("#selection-count", "20 selected:")
    # shift-click: one more out, then three
    js(dash_duo, f"{CY}.nodes().unselect()")
    picked = js(dash_duo, f"var n = {CY}.nodes().sort((a, b) => a.data('rank') - "
                          "b.data('rank')).slice(0, 3); n.select(); return n.map(e => e.id());")
    dash_duo.wait_for_text_to_equal("#selection-count", "3 selected:")
    dash_duo.find_element("#select-hide").click()
    wait_until(lambda: ids_on_screen(dash_duo) == every - set(picked), what="3 hidden")
    assert "drop=" in dash_duo.driver.current_url
    dash_duo.find_element(f"#{ids.SHOW_ALL}").click()
    wait_until(lambda: ids_on_screen(dash_duo) == every, what="all shown again")
    js(dash_duo, f"{CY}.nodes().filter(n => {json.dumps(picked)}.includes(n.id())).select()")
    dash_duo.wait_for_text_to_equal("#selection-count", "3 selected:")
    dash_duo.find_element("#select-only").click()
    wait_until(lambda: ids_on_screen(dash_duo) == set(picked), what="only the 3")
    assert "only=" in dash_duo.driver.current_url
    dash_duo.driver.back()  # a step in the history like any filter
    wait_until(lambda: ids_on_screen(dash_duo) == every, what="Back: all again")
    assert dash_duo.get_logs() == []


def second_browser():
    """Another headless Chromium (another analyst on the same database)."""
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options)


def test_a_saved_view_and_a_note_are_there_for_a_second_session(dash_duo, tmp_path, seed_db):
    db = tmp_path / "shared.db"
    with sqlite3.connect(seed_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # a copy: views and notes are written to it
    store = Store(db)
    G = view_graph(store)
    actor = max(G, key=lambda v: G.degree(v, weight="weight"))
    label = G.nodes[actor]["label"]
    open_app(dash_duo, store, "top=25&color_by=community")
    wait_for_labels(dash_duo, view_labels(store, top=25))
    a = dash_duo.driver
    a.find_element(By.ID, ids.VIEWS_OPEN).click()
    a.find_element(By.ID, ids.VIEW_NAME).send_keys("Top 25 by community")
    a.find_element(By.ID, ids.VIEW_SAVE).click()
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_STATUS}", "saved 'Top 25 by community'")
    js(dash_duo, f"{CY}.getElementById({json.dumps(actor)}).emit('tap')")
    dash_duo.wait_for_contains_text(f"#{ids.NOTES}", "No notes yet")
    a.find_element(By.ID, ids.NOTE_TEXT).send_keys("Chairs the talks <b>again</b>.")
    a.find_element(By.ID, ids.NOTE_ADD).click()
    dash_duo.wait_for_contains_text(f"#{ids.NOTES_LIST}", "Chairs the talks <b>again</b>.")
    b = second_browser()
    try:
        b.get(dash_duo.server_url)
        wait_until(lambda: b.find_element(By.ID, ids.GRAPH), what="the second page")
        b.find_element(By.ID, ids.VIEWS_OPEN).click()
        # found and clicked in one step: the menu's list can re-render between a find and a
        # click (a stale element, seen once in CI), and then the next poll finds it again
        wait_until(lambda: b.find_element(By.LINK_TEXT, "Top 25 by community").click() or True,
                   what="the saved view listed and opened")
        wait_until(lambda: len(b.execute_script(f"return {CY}.nodes().map(n => 1)")) == 25,
                   what="the saved view in the second session")
        assert "color_by=community" in b.current_url
        wait_until(lambda: "Communities" in b.find_element(By.ID, ids.LEGEND).text,
                   what="its colours")
        b.execute_script(f"{CY}.getElementById({json.dumps(actor)}).emit('tap')")
        wait_until(lambda: "Chairs the talks <b>again</b>." in b.find_element(
            By.ID, ids.NOTES_LIST).text, what="the note in the second session")
        assert label in b.find_element(By.ID, ids.DETAILS_PANEL).text
    finally:
        b.quit()
    assert [n["text"] for n in store.notes(actor)] == ["Chairs the talks <b>again</b>."]
