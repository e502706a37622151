"""Size by any attribute in real headless Chromium: choosing what node size shows in the
filters makes another actor the largest on the graph (the one the shared sizing module says,
computed here from the view's graph), and the legend says what size shows."""

from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from test_app import CY, js, open_app, wait_until

from dashboard import ids
from dashboard.filters import Filters, filters_from_query
from dashboard.viewdata import ViewData
from graph.core.choices import SIZE_BY
from graph.views.sizing import SIZE_NAMES, measure

pytestmark = pytest.mark.browser


def unique_largest(G, size_by: str):
    values = measure(G, size_by)
    top = max(values.values())
    best = [v for v, x in values.items() if x == top]
    return best[0] if len(best) == 1 else None


def largest_on_screen(dash_duo) -> str:
    return js(dash_duo, f"""var cy = {CY}; var best = null;
        cy.nodes().forEach(n => {{ if (!best || n.data('size') > best.data('size')) best = n; }});
        return best && best.id();""")


def choose(dash_duo, dropdown: str, text: str) -> None:
    dash_duo.find_element(f"#{dropdown}").click()
    box = wait_until(lambda: dash_duo.driver.find_element(By.CSS_SELECTOR,
                                                          ".dash-dropdown-search"),
                     what="search input")
    box.send_keys(text)
    wait_until(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, "[role=option]"),
               what=f"options for {text!r}")
    box.send_keys(Keys.ENTER)


def test_the_largest_actor_follows_what_size_shows(dash_duo, seed_store):
    G = ViewData(seed_store).graph(Filters())
    largest = {s: unique_largest(G, s) for s in SIZE_BY}
    first = "mentions"
    assert largest[first]
    other = next(s for s in SIZE_BY if largest[s] and largest[s] != largest[first])
    open_app(dash_duo, seed_store)
    wait_until(lambda: largest_on_screen(dash_duo) == str(largest[first]),
               what=f"{largest[first]} largest by {first}")
    choose(dash_duo, ids.SIZE_BY, SIZE_NAMES[other])  # the menu lists the labels
    wait_until(lambda: largest_on_screen(dash_duo) == str(largest[other]),
               what=f"{largest[other]} largest by {other}")
    dash_duo.wait_for_contains_text(f"#{ids.LEGEND}", f"node size: {SIZE_NAMES[other]}")
    wait_until(lambda: filters_from_query(urlparse(dash_duo.driver.current_url).query)
               .size_by == other, what="the choice in the URL")
