"""The actor table in real headless Chromium (issue 25): computed only while its tab is open,
it still shows the view on the graph when its tab opens after a view change, and follows a
view change while it is open.

Actors are compared with the view the store gives (by rank), never named here. Waits are
explicit (conditions polled until a deadline), never fixed sleeps.
"""

import json
import math

import pytest
from selenium.webdriver.common.by import By
from test_app import open_app, view_labels, wait_for_labels, wait_until

from dashboard import ids
from dashboard.tables import actor_rows
from graph.views.rules import view_graph

pytestmark = pytest.mark.browser
PAGE = 8  # the table's page size (dashboard/layout.py: actor_table)


def set_control(dash_duo, control: str, value) -> None:
    dash_duo.driver.execute_script(f"window.dash_clientside.set_props({json.dumps(control)}, "
                                   f"{{value: {json.dumps(value)}}})")


def open_tab(dash_duo, label: str) -> None:
    dash_duo.find_element(f"#{ids.DOCK}").find_element(
        By.XPATH, f".//*[text()='{label}']").click()


def table_shows(dash_duo) -> tuple[list[str], str]:
    """The actors on the table's first page, in order, and its number of pages."""
    cells = dash_duo.driver.find_elements(By.CSS_SELECTOR,
                                          f"#{ids.TABLE} td[data-dash-column=actor]")
    pages = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.TABLE} .last-page")
    return [c.text for c in cells], (pages[0].text if pages else "1")


def expected(store, top: int) -> tuple[list[str], str]:
    rows = actor_rows(view_graph(store, top=top))
    return [r["actor"] for r in rows[:PAGE]], str(math.ceil(len(rows) / PAGE))


def wait_for_table(dash_duo, store, top: int) -> None:
    want = expected(store, top)
    wait_until(lambda: table_shows(dash_duo) == want, what=f"the table of the top {top}")


def test_the_table_fills_when_its_tab_opens_after_a_view_change(dash_duo, seed_store):
    open_app(dash_duo, seed_store, "top=12")
    wait_for_labels(dash_duo, view_labels(seed_store, top=12))
    open_tab(dash_duo, "Actor table")  # opened on the first view
    wait_for_table(dash_duo, seed_store, 12)
    open_tab(dash_duo, "Graph only")
    set_control(dash_duo, ids.TOP, 40)  # a view change with the tab closed
    wait_for_labels(dash_duo, view_labels(seed_store, top=40))
    open_tab(dash_duo, "Actor table")
    wait_for_table(dash_duo, seed_store, 40)
    set_control(dash_duo, ids.TOP, 20)  # a view change with the tab open: it follows
    wait_for_labels(dash_duo, view_labels(seed_store, top=20))
    wait_for_table(dash_duo, seed_store, 20)
    assert expected(seed_store, 12) != expected(seed_store, 40) != expected(seed_store, 20)
