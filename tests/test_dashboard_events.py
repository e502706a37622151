"""The dashboard's side of event dates: the events table download (the callback called
directly, as Dash's decorator leaves it), the "include undated in the range" checkbox and
the timeline's undated count."""

from datetime import date

import pandas as pd
import pytest
from dash import Dash
from dated_events import build_store

from dashboard import downloads, ids
from dashboard.filters import (
    CONTROLS,
    Filters,
    filters_from_controls,
    filters_from_query,
    filters_to_controls,
    filters_to_query,
)
from dashboard.tables import timeline_figure
from dashboard.viewdata import ViewData
from graph.slices.events import EVENT_COLUMNS


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    return ViewData(build_store(tmp_path_factory.mktemp("dash") / "ev.db"))


def controls(**values):
    out = filters_to_controls(Filters.of())
    out.update(values)
    return {name: out[name] for name in CONTROLS}


def test_events_download_is_the_views_slice_as_relgraph_events_writes_it(source, tmp_path):
    name, data, n = downloads.events_payload(
        source, Filters.of(since="2023-01-01", until="2023-12-31"), "csv")
    assert name == "relgraph-events.csv" and n == 1
    (tmp_path / name).write_bytes(data)
    frame = pd.read_csv(tmp_path / name, dtype=str)
    assert tuple(frame.columns) == EVENT_COLUMNS
    assert frame[["event_date", "article", "kind"]].values.tolist() == [["2023", "a2", "meet"]]
    name, data, n = downloads.events_payload(source, Filters.of(), "json")
    assert name.endswith(".json") and n == 7 and len(pd.read_json(
        pd.io.common.StringIO(data.decode()))) == 7


def test_the_events_buttons_download_through_the_callback(source):
    app = Dash(__name__)
    downloads.register(app, source)
    key, callback = next((k, c) for k, c in app.callback_map.items()
                         if ids.events_button("csv") in str(c.get("inputs")))
    assert f"{ids.DOWNLOAD}.data" in key
    fn = callback["callback"].__wrapped__
    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    context_value.set(AttributeDict(triggered_inputs=[
        {"prop_id": f"{ids.events_button('json')}.n_clicks", "value": 1}]))
    out = fn({"csv": None, "json": 1}, controls(since="2024-04-01", until="2024-04-30"))
    assert out["download"]["filename"] == "relgraph-events.json"
    assert "1 events" in out["status"]


def test_undated_articles_are_left_out_of_a_range_unless_ticked():
    ranged = filters_from_controls(controls(since="2024-01-01", until="2024-12-31",
                                            undated=[]))
    assert ranged.slice.include_undated is False
    ticked = filters_from_controls(controls(since="2024-01-01", until="2024-12-31",
                                            undated=["on"]))
    assert ticked.slice.include_undated is True
    assert filters_from_query(filters_to_query(ticked)) == ticked
    assert filters_to_controls(ticked)["undated"] == ["on"]
    whole = filters_from_controls(controls(undated=[]))  # no range: undated articles kept
    assert whole.slice.include_undated is True and filters_to_query(whole) == ""
    assert Filters.of(since=date(2024, 1, 1)).slice.include_undated is False


def test_the_timeline_counts_undated_articles(source):
    ranged = source.graph(Filters.of(since="2024-01-01", until="2024-12-31"))
    note = timeline_figure(source.articles(), ranged)["layout"]["annotations"]
    assert note and note[0]["text"] == "1 undated article (left out: outside any date range)"
    whole = timeline_figure(source.articles(), source.graph(Filters.of()))
    assert whole["layout"]["annotations"][0]["text"].startswith("1 undated article (in the")
