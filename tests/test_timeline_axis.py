"""The timeline's axis when the slice's articles fall on one day or a few: an axis of days
(not of hours), room under it for two-line day ticks, and the undated note away from the
plot's tool bar (top right)."""

from __future__ import annotations

from datetime import date

import networkx as nx

from dashboard.tables import MIN_DAYS, timeline_figure


def _graph(days: dict[str, int], undated: int = 0) -> nx.Graph:
    G = nx.Graph()
    G.graph.update(
        timeline=[{"date": d, "articles": n, "mentions": 3 * n} for d, n in sorted(days.items())],
        undated=undated,
        undated_included=True,
    )
    return G


def _span(axis: dict) -> int:
    lo, hi = (date.fromisoformat(x[:10]) for x in axis["autorangeoptions"]["include"])
    return (hi - lo).days


def test_one_day_gets_an_axis_of_days():
    axis = timeline_figure([], _graph({"2023-09-13": 1}, undated=4))["layout"]["xaxis"]
    assert _span(axis) >= MIN_DAYS - 1 and axis["dtick"] == 86_400_000
    lo, hi = axis["autorangeoptions"]["include"]
    assert lo < "2023-09-13" < hi  # the day in the middle
    assert "range" not in axis  # still autorange: a double click resets to it


def test_a_long_span_keeps_plotlys_own_ticks():
    axis = timeline_figure([], _graph({"2023-01-02": 1, "2023-09-13": 2}))["layout"]["xaxis"]
    assert axis == {"type": "date"}


def test_undated_note_is_under_the_axis_with_room_for_it():
    layout = timeline_figure([], _graph({"2023-09-13": 1}, undated=4))["layout"]
    note = layout["annotations"][0]
    assert note["text"].startswith("4 undated articles")
    assert note["y"] <= 0 and note["yanchor"] == "top" and note["xanchor"] == "left"
    assert layout["margin"]["b"] >= -note["yshift"] + 14  # a line of 11 px text fits
    plain = timeline_figure([], _graph({"2023-09-13": 1}))["layout"]
    assert plain["annotations"] == [] and plain["margin"]["b"] >= 40  # two-line ticks fit
