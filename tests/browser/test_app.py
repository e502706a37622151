"""The dashboard in real headless Chromium (dash_duo + Selenium + Debian's chromedriver)."""

import json
import time

import pytest
from selenium.webdriver.common.by import By

from dashboard import create_app, ids
from graph.build import build_graph
from graph.ingest import ingest
from graph.model import GraphSlice
from graph.store import Store

pytestmark = pytest.mark.browser
A003 = "003_05abb57fa2a955b5"


def nodes_on_screen(dash_duo) -> set[str]:
    js = f"return document.getElementById('{ids.GRAPH}')._cyreg.cy.nodes().map(n => n.id())"
    return set(dash_duo.driver.execute_script(js))


def wait_for_nodes(dash_duo, expected: set[str], timeout: float = 10) -> set[str]:
    end, got = time.time() + timeout, set()
    while time.time() < end:
        try:
            got = nodes_on_screen(dash_duo)
        except Exception:  # noqa: BLE001 — graph not mounted yet
            got = set()
        if got == expected:
            return got
        time.sleep(0.2)
    return got


def tap(dash_duo, node_id: str) -> None:
    dash_duo.driver.execute_script(
        f"document.getElementById('{ids.GRAPH}')._cyreg.cy.getElementById("
        f"{json.dumps(node_id)}).emit('tap')")


def open_app(dash_duo, store, query=""):
    dash_duo.start_server(create_app(store))
    if query:
        dash_duo.driver.get(dash_duo.server_url + "/?" + query)
    dash_duo.wait_for_element(f"#{ids.GRAPH}")


def test_page_loads_with_the_seed_graph_and_no_console_errors(dash_duo, seed_store):
    open_app(dash_duo, seed_store)
    expected = set(build_graph(seed_store, top=60, evidence=False))
    assert wait_for_nodes(dash_duo, expected) == expected
    total = build_graph(seed_store, evidence=False).number_of_nodes()
    assert total > 60  # the seed graph is larger than the default view
    dash_duo.wait_for_contains_text(f"#{ids.SUMMARY}", f"Showing 60 of {total} actors")
    assert dash_duo.get_logs() == []


def test_picking_one_article_shrinks_the_graph(dash_duo, seed_store):
    open_app(dash_duo, seed_store)
    whole = set(build_graph(seed_store, top=60, evidence=False))
    assert wait_for_nodes(dash_duo, whole) == whole
    dash_duo.find_element(f"#{ids.ARTICLES}").click()
    option = next(o for o in dash_duo.driver.find_elements(By.CSS_SELECTOR, "[role=option]")
                  if o.text.startswith("North Korea's Kim Jong Un arrives"))
    option.click()
    one = set(build_graph(seed_store, GraphSlice(articles=(A003,)), top=60, evidence=False))
    assert wait_for_nodes(dash_duo, one) == one and len(one) < len(whole)
    assert f"articles={A003}" in dash_duo.driver.current_url  # the view is in the URL
    assert dash_duo.get_logs() == []


def test_date_range_from_the_url_drops_2023_actors(dash_duo, seed_store):
    open_app(dash_duo, seed_store, "since=2024-01-01")
    recent = set(build_graph(seed_store, GraphSlice(since=__import__("datetime").date(
        2024, 1, 1)), top=60, evidence=False))
    got = wait_for_nodes(dash_duo, recent)
    assert got == recent and "kim-myong-sik" not in got and "sergei-shoigu" not in got
    assert "kim-jong-un" in got


def test_briefing_of_an_empty_view_explains_itself(dash_duo, seed_store):
    open_app(dash_duo, seed_store, "min_weight=1000&hide_isolated=1")
    dash_duo.find_element(f"#{ids.BRIEFING}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMAGE_STATUS}", "nothing to draw")
    assert dash_duo.get_logs() == []


def test_clicking_kim_shows_evidence_and_png_export_works(dash_duo, seed_store):
    open_app(dash_duo, seed_store)
    assert "kim-jong-un" in wait_for_nodes(dash_duo, set(build_graph(
        seed_store, top=60, evidence=False)))
    tap(dash_duo, "kim-jong-un")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "Evidence (")
    marks = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAILS} mark")
    assert marks and {m.text for m in marks} <= {"Kim", "Kim Jong Un", "North Korean leader",
                                                 "Korean leader"}
    dash_duo.driver.execute_script(
        f"var cy = document.getElementById('{ids.GRAPH}')._cyreg.cy;"
        "cy.getElementById('kim-jong-un').edgesWith(cy.getElementById('vladimir-putin'))"
        ".emit('tap')")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "Kim Jong Un — Vladimir Putin")
    assert "meet" in dash_duo.find_element(f"#{ids.DETAILS}").text
    dash_duo.find_element(f"#{ids.PNG}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMAGE_STATUS}", "PNG saved")
    size = int(dash_duo.find_element(f"#{ids.IMAGE_STATUS}").text.split("(")[1].split()[0])
    assert size > 5
    assert dash_duo.get_logs() == []


def test_article_text_is_rendered_as_text_never_as_html(dash_duo, tmp_path):
    (tmp_path / "evil.txt").write_text(
        "Olaf Scholz met Emmanuel Macron in Paris <script>window.__pwned = 1</script> "
        "<img src=x onerror=\"window.__pwned = 2\"> on Monday.")
    store = Store(tmp_path / "evil.db")
    ingest([tmp_path / "evil.txt"], store, progress=False)
    open_app(dash_duo, store)
    wait_for_nodes(dash_duo, set(build_graph(store, top=60, evidence=False)))
    tap(dash_duo, "olaf-scholz")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "<script>window.__pwned = 1</script>")
    assert dash_duo.driver.execute_script("return window.__pwned === undefined")
    assert not dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAILS} script, "
                                                              f"#{ids.DETAILS} img")
