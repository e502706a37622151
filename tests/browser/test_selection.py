"""Acting on a selection and saved views that keep positions, in real headless Chromium
(issue 25): shift-click actors, merge them into one (a curation decision; Undo reverts it),
export them (the downloaded file parsed: exactly the selected actors), and a saved view
opened in other browser sessions with every actor where it was saved.

Actors are chosen from the seed store's data (by mentions, by structure), never named here.
Waits are explicit (conditions polled until a deadline), never fixed sleeps.
"""

import csv
import io
import json
import sqlite3
import time
import zipfile
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from test_app import CY, js, labels_settled, open_app, view_labels, wait_for_labels, wait_until
from test_moves import ids_on_screen, second_browser

from dashboard import ids
from graph.store.store import Store
from graph.views.rules import view_graph

pytestmark = pytest.mark.browser


@pytest.fixture()
def shared_store(tmp_path, seed_db) -> Store:
    """A copy of the seed store: these tests write decisions and views to it."""
    db = tmp_path / "shared.db"
    with sqlite3.connect(seed_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    return Store(db)


def positions(driver) -> dict[str, tuple[float, float]]:
    """Every actor's position as cytoscape has it (model units)."""
    return {k: tuple(v) for k, v in driver.execute_script(
        f"var o = {{}}; {CY}.nodes().forEach(n => {{ var p = n.position(); "
        "o[n.id()] = [p.x, p.y]; }); return o;").items()}


def same_places(a: dict, b: dict, tolerance: float = 1.0) -> list[str]:
    """The actors of both whose positions differ by more than ``tolerance`` (model units)."""
    return [k for k in set(a) & set(b)
            if abs(a[k][0] - b[k][0]) > tolerance or abs(a[k][1] - b[k][1]) > tolerance]


def rendered(dash_duo, actor: str) -> list[float]:
    return js(dash_duo, f"var p = {CY}.getElementById({json.dumps(actor)}).renderedPosition();"
                        " return [Math.round(p.x), Math.round(p.y)];")


def shift_click(dash_duo, actor: str) -> None:
    """A real shift-click on an actor, where cytoscape draws it once the canvas is still (the
    first click opens the details, and the graph is fitted to the narrower canvas)."""
    last: list = []
    wait_until(lambda: last == (last.__setitem__(slice(None), rendered(dash_duo, actor))
                                or last) and labels_settled(dash_duo) or (
                                    time.sleep(0.3) or False), what="the canvas still")
    canvas = dash_duo.find_element(f"#{ids.GRAPH}")
    x, y = rendered(dash_duo, actor)
    w, h = canvas.size["width"], canvas.size["height"]
    (ActionChains(dash_duo.driver).key_down(Keys.SHIFT)
     .move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).click()
     .key_up(Keys.SHIFT).perform())
    wait_until(lambda: js(dash_duo, f"return {CY}.getElementById({json.dumps(actor)})"
                                    ".selected()"), what=f"{actor} selected")
    label = js(dash_duo, f"return {CY}.getElementById({json.dumps(actor)}).data('label')")
    dash_duo.wait_for_text_to_equal(f"#{ids.DETAILS_HEAD} h3", label)  # the drawer is open


def settled(dash_duo, query: str, store: Store, top: int) -> None:
    open_app(dash_duo, store, query)
    wait_for_labels(dash_duo, view_labels(store, top=top))
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")


def three_linked(G) -> list[str]:
    """A well-linked actor and its two best-linked neighbours in the view ``G``."""
    hub = max(G, key=lambda v: (G.degree(v), v))
    return sorted(G[hub], key=lambda v: (-G.degree(v), v))[:2] + [hub]


def test_merge_a_selection_into_the_most_mentioned_keeping_places_then_undo(dash_duo,
                                                                          shared_store):
    store = shared_store
    G = view_graph(store, top=20)
    picked = sorted(G, key=lambda v: (-G.nodes[v]["mentions"], v))[2:5]
    kept = picked[0]  # the most mentioned of the three
    assert G.nodes[kept]["mentions"] > G.nodes[picked[1]]["mentions"]
    settled(dash_duo, "top=20", store, 20)
    for actor in picked:
        shift_click(dash_duo, actor)
    dash_duo.wait_for_text_to_equal("#selection-count", "3 selected:")
    dash_duo.find_element("#select-merge summary").click()
    # the chooser lists the three, the most mentioned kept by default
    dash_duo.wait_for_contains_text(f"#{ids.MERGE_KEEP}", G.nodes[kept]["label"])
    dash_duo.wait_for_text_to_equal(f"#{ids.MERGE_MANY}", "Merge 2 into it")
    before = positions(dash_duo.driver)
    dash_duo.find_element(f"#{ids.MERGE_MANY}").click()
    dash_duo.wait_for_contains_text(f"#{ids.CURATION_STATUS}",
                                    f"into '{G.nodes[kept]['label']}'")
    wait_until(lambda: kept in ids_on_screen(dash_duo)
               and not set(picked[1:]) & ids_on_screen(dash_duo), what="the two merged away")
    # recorded as a single merge is: one decision in the history, undone by Undo
    last = store.history()[0]
    assert last["action"] == "merge" and last["undone_by"] is None
    assert sorted(json.loads(last["args"])["ids"]) == sorted(picked[1:]), last
    assert [a.id for a in store.find_actors(picked[1])] == [kept]
    # the mental map: every actor still on screen stays where it was
    after = wait_until(lambda: (lambda p: not same_places(before, p) and p)(
        positions(dash_duo.driver)), what="every actor in its place")
    assert set(before) - set(after) == set(picked[1:])
    dash_duo.find_element(f"#{ids.UNDO_LAST}").click()
    dash_duo.wait_for_contains_text(f"#{ids.CURATION_STATUS}", f"undid decision {last['id']}")
    wait_until(lambda: set(picked) <= ids_on_screen(dash_duo), what="the three back")
    assert dash_duo.get_logs() == []


def test_export_the_selection_holds_exactly_the_selected_actors(dash_duo, seed_store):
    G = view_graph(seed_store, top=20)
    picked = three_linked(G)
    settled(dash_duo, "top=20", seed_store, 20)
    for actor in picked:
        shift_click(dash_duo, actor)
    dash_duo.wait_for_text_to_equal("#selection-count", "3 selected:")
    dash_duo.find_element("#select-export summary").click()
    folder = Path(dash_duo.download_path)
    dash_duo.find_element("#select-export-csv").click()
    dash_duo.wait_for_contains_text(f"#{ids.PICKED_STATUS}", "relgraph-selection.zip: 3 actors")
    got = wait_until(lambda: next(folder.glob("relgraph-selection*.zip"), None),
                     what="the CSV zip")
    with zipfile.ZipFile(wait_until(lambda: zipfile.is_zipfile(got) and got,
                                    what="the whole zip")) as z:
        nodes = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode("utf-8"))))
        edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode("utf-8"))))
    assert sorted(r["id"] for r in nodes) == sorted(picked)
    assert edges and all({r["source"], r["target"]} <= set(picked) for r in edges)
    assert {frozenset((r["source"], r["target"])) for r in edges} >= {
        frozenset(e) for e in G.subgraph(picked).edges}
    dash_duo.find_element("#select-export-json").click()
    doc = wait_until(lambda: json.loads(next(folder.glob("relgraph-selection*.json"))
                                        .read_text("utf-8")), what="the JSON")
    assert sorted(n["id"] for n in doc["nodes"]) == sorted(picked)
    assert dash_duo.get_logs() == []


def test_a_saved_view_keeps_its_positions_for_other_sessions(dash_duo, shared_store):
    store = shared_store
    settled(dash_duo, "top=20", store, 20)
    a = dash_duo.driver
    # drag one actor by hand: a saved view keeps the drawing as it is on screen
    canvas = dash_duo.find_element(f"#{ids.GRAPH}")
    actor = js(dash_duo, f"return {CY}.nodes().max(n => n.degree()).ele.id()")
    x, y = js(dash_duo, f"var p = {CY}.getElementById({json.dumps(actor)}).renderedPosition();"
                        " return [p.x, p.y];")
    w, h = canvas.size["width"], canvas.size["height"]
    moved = positions(a)[actor]
    (ActionChains(a).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2))
     .click_and_hold().move_by_offset(15, 10).move_by_offset(25, 30).release().perform())
    wait_until(lambda: positions(a)[actor] != moved, what="the actor dragged")
    a.find_element(By.ID, ids.VIEWS_OPEN).click()
    a.find_element(By.ID, ids.VIEW_NAME).send_keys("Drawn by hand")
    saved = positions(a)
    a.find_element(By.ID, ids.VIEW_SAVE).click()
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_STATUS}",
                                    "saved 'Drawn by hand' with where its 20 actors are")
    kept = store.view_positions("Drawn by hand")
    assert kept is not None and not same_places(saved, kept, 0.01) and set(kept) == set(saved)
    # a second session opens it from the Views menu, a third from the link itself: every
    # actor exactly where it was saved (the server's layout would put the dragged one back)
    b = second_browser()
    try:
        b.get(dash_duo.server_url + "/?top=15")
        wait_until(lambda: len(b.execute_script(f"return {CY}.nodes().map(n => 1)")) == 15,
                   what="another view first")
        b.find_element(By.ID, ids.VIEWS_OPEN).click()
        wait_until(lambda: b.find_element(By.LINK_TEXT, "Drawn by hand").click() or True,
                   what="the saved view listed and opened")
        wait_until(lambda: set(positions(b)) == set(saved) and not same_places(
            saved, positions(b)), what="the saved positions in the second session")
        assert "view=Drawn+by+hand" in b.current_url and "top=20" in b.current_url
    finally:
        b.quit()
    c = second_browser()
    try:
        c.get(dash_duo.server_url + "/?top=20&view=" + quote_plus("Drawn by hand"))
        wait_until(lambda: set(positions(c)) == set(saved) and not same_places(
            saved, positions(c)), what="the saved positions from the link")
        c.execute_script(f"{CY}.fit()")  # the viewport moves, the drawing does not
        assert not same_places(saved, positions(c))
    finally:
        c.quit()
    assert dash_duo.get_logs() == []


def test_an_actor_new_since_the_view_was_saved_goes_next_to_its_neighbours(dash_duo,
                                                                          shared_store):
    store = shared_store
    G = view_graph(store, top=20)
    settled(dash_duo, "top=20", store, 20)
    drawn = positions(dash_duo.driver)
    # a view saved before one of the actors existed, drawn somewhere else entirely: the
    # positions of all the others, moved far from the server's layout
    new = max((v for v in G if G.degree(v) >= 2), key=lambda v: (G.degree(v), v))
    older = {k: (x + 5000.0, y - 3000.0) for k, (x, y) in drawn.items() if k != new}
    store.save_view("Before the new actor", "top=20", "ana", older)
    b = second_browser()
    try:
        b.get(dash_duo.server_url + "/?top=20&view=" + quote_plus("Before the new actor"))
        got = wait_until(lambda: (lambda p: set(p) == set(drawn) and not same_places(older, p)
                                  and p)(positions(b)), what="the saved positions")
        near = [got[v] for v in G[new]]
        centre = (sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near))
        widest = b.execute_script(f"return {CY}.nodes().max(n => n.outerWidth()).value")
        away = ((got[new][0] - centre[0]) ** 2 + (got[new][1] - centre[1]) ** 2) ** 0.5
        # next to its neighbours (one step from their middle), not where the server's layout
        # (5,000 units away) would put it
        assert away <= 30 + 0.5 * widest + 1, (away, widest)
    finally:
        b.quit()


@pytest.mark.parametrize("layout", ["cose", "circle"])
def test_a_saved_view_keeps_its_positions_in_any_layout(dash_duo, shared_store, layout):
    """Saved in one of cytoscape's layouts, with an actor dragged: another session opening
    the link sees every actor where it was saved, not where the layout would put it."""
    store = shared_store
    settled(dash_duo, f"top=20&layout={layout}", store, 20)
    a = dash_duo.driver
    wait_until(lambda: not js(dash_duo, f"return {CY}.nodes().some(n => n.animated())"),
               what="the layout done")
    canvas = dash_duo.find_element(f"#{ids.GRAPH}")
    actor = js(dash_duo, f"return {CY}.nodes().max(n => n.degree()).ele.id()")
    x, y = rendered(dash_duo, actor)
    w, h = canvas.size["width"], canvas.size["height"]
    before = positions(a)[actor]
    (ActionChains(a).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2))
     .click_and_hold().move_by_offset(15, 10).move_by_offset(40, 45).release().perform())
    wait_until(lambda: positions(a)[actor] != before, what="the actor dragged")
    a.find_element(By.ID, ids.VIEWS_OPEN).click()
    a.find_element(By.ID, ids.VIEW_NAME).send_keys(f"By hand in {layout}")
    saved = positions(a)
    a.find_element(By.ID, ids.VIEW_SAVE).click()
    dash_duo.wait_for_contains_text(f"#{ids.VIEW_STATUS}",
                                    f"saved 'By hand in {layout}' with where its 20 actors are")
    kept = store.view_positions(f"By hand in {layout}")
    assert kept is not None and set(kept) == set(saved) and not same_places(saved, kept, 0.01)
    b = second_browser()
    try:
        b.get(dash_duo.server_url + f"/?top=20&layout={layout}&view="
              + quote_plus(f"By hand in {layout}"))
        wait_until(lambda: set(positions(b)) == set(saved) and not same_places(
            saved, positions(b)), what="the saved positions in the second session")
        assert f"layout={layout}" in b.current_url
    finally:
        b.quit()
    assert dash_duo.get_logs() == []
