"""The date range and "include undated articles in the range" in real headless Chromium."""

from datetime import date

import pytest
from dated_events import build_store
from test_app import open_app, view_labels, wait_for_labels, wait_until

from dashboard import ids
from graph.core.model import GraphSlice

pytestmark = pytest.mark.browser


def test_undated_articles_join_a_range_only_when_ticked(dash_duo, tmp_path):
    store = build_store(tmp_path / "ev.db")
    open_app(dash_duo, store, "since=2024-04-01&until=2024-04-30")
    april = GraphSlice(since=date(2024, 4, 1), until=date(2024, 4, 30))
    # no article is of April: the visit announced on 20 March for April is
    assert wait_for_labels(dash_duo, view_labels(store, april)) == {"Tovan Reik",
                                                                    "Ilse Brandtner"}
    box = dash_duo.find_element(f"#{ids.UNDATED} input")
    assert not box.is_selected()
    box.click()
    ticked = GraphSlice(since=april.since, until=april.until, include_undated=True)
    assert "Mara Velund" in wait_for_labels(dash_duo, view_labels(store, ticked))
    wait_until(lambda: "undated=1" in dash_duo.driver.current_url, what="the URL")
    assert dash_duo.get_logs() == []
