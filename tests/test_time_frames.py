"""The time slider's pure parts: calendar windows (graph/slices/windows.py) and the frames
drawn from window graphs (dashboard/frames.py), on hand-built dates and graphs."""

import math
from datetime import date

import networkx as nx
import pytest

from dashboard.actor_timeline import actor_periods
from dashboard.filters import Filters
from dashboard.frames import (
    NEAR,
    compare_elements,
    compare_legend,
    frame_elements,
    frame_positions,
    frames,
    view_scales,
    window_filters,
    window_slice,
)
from graph.core.errors import InvalidValue
from graph.core.model import GraphSlice
from graph.slices.events import EventRecord
from graph.slices.windows import Window, default_size, span_windows, window_at, windows
from graph.views import style
from graph.views.changes import link_changes

D = date


def test_weeks_run_monday_to_sunday_and_the_ends_are_cut_to_the_range():
    ws = windows(D(2024, 2, 7), D(2024, 2, 20), "week")  # a Wednesday .. a Tuesday
    assert [(w.since, w.until) for w in ws] == [(D(2024, 2, 7), D(2024, 2, 11)),
                                                (D(2024, 2, 12), D(2024, 2, 18)),
                                                (D(2024, 2, 19), D(2024, 2, 20))]
    assert ws[0].label == "week of 5 Feb 2024"  # the week's Monday, even when cut


def test_months_cross_a_year_boundary_and_keep_a_leap_day():
    ws = windows(D(2023, 12, 15), D(2024, 3, 2), "month")
    assert [w.label for w in ws] == ["Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024"]
    assert ws[2].until == D(2024, 2, 29)
    assert ws[1].since == D(2024, 1, 1) and ws[1].until == D(2024, 1, 31)


def test_quarters_and_years():
    q = windows(D(2023, 11, 1), D(2024, 5, 1), "quarter")
    assert [w.label for w in q] == ["Q4 2023", "Q1 2024", "Q2 2024"]
    assert q[1].until == D(2024, 3, 31)
    y = windows(D(2019, 6, 1), D(2021, 1, 1), "year")
    assert [(w.label, w.since, w.until) for w in y] == [
        ("2019", D(2019, 6, 1), D(2019, 12, 31)), ("2020", D(2020, 1, 1), D(2020, 12, 31)),
        ("2021", D(2021, 1, 1), D(2021, 1, 1))]


@pytest.mark.parametrize(("first", "last", "size"), [
    (D(2024, 1, 1), D(2024, 1, 1), "week"),
    (D(2024, 1, 3), D(2024, 3, 20), "week"),       # 12 weeks
    (D(2024, 2, 5), D(2024, 11, 21), "month"),     # 42 weeks, 10 months
    (D(2020, 1, 1), D(2024, 2, 8), "quarter"),     # 50 months, 17 quarters
    (D(1990, 1, 1), D(2024, 1, 1), "year"),        # 137 quarters
])
def test_the_default_size_is_the_shortest_with_at_most_24_steps(first, last, size):
    assert default_size(first, last) == size
    assert len(windows(first, last, size)) <= 24 or size == "year"


def test_a_slice_range_bounds_the_windows_and_open_ends_come_from_the_articles():
    days = [D(2024, 5, 3), D(2024, 2, 5), D(2024, 11, 21)]
    size, ws = span_windows(days, None, None, None)  # whole months at the articles' ends
    assert size == "month" and ws[0].since == D(2024, 2, 1) and ws[-1].until == D(2024, 11, 30)
    size, ws = span_windows(days, D(2024, 4, 10), None, "quarter")
    assert [w.label for w in ws] == ["Q2 2024", "Q3 2024", "Q4 2024"]
    assert ws[0].since == D(2024, 4, 10)
    assert span_windows([], None, None, None) == ("month", [])
    assert span_windows(days, D(2025, 1, 1), D(2024, 1, 1), "week") == ("week", [])


def test_a_window_is_found_by_its_first_day_or_a_day_inside_it():
    ws = windows(D(2024, 1, 1), D(2024, 6, 30), "month")
    assert window_at(ws, "2024-03-01") == 2
    assert window_at(ws, "2024-04-17") == 3
    assert window_at(ws, "2030-01-01") == 0 and window_at(ws, "junk") == 0
    assert window_at(ws, None) == 0 and window_at([], "2024-03-01") == 0


def test_an_unknown_size_is_one_clear_error():
    with pytest.raises(InvalidValue, match="week, month, quarter, year"):
        windows(D(2024, 1, 1), D(2024, 2, 1), "fortnight")


def test_a_window_slice_stays_within_the_slice_and_leaves_undated_articles_out():
    sl = GraphSlice(since=D(2024, 3, 10), kinds=("meet",))
    w = Window(D(2024, 3, 1), D(2024, 3, 31), "Mar 2024")
    got = window_slice(sl, w)
    assert (got.since, got.until, got.include_undated, got.kinds) == (
        D(2024, 3, 10), D(2024, 3, 31), False, ("meet",))
    f = window_filters(Filters.of(top=7), w)
    assert f.top == 7 and f.slice.since == w.since and f.slice.until == w.until


def graph(edges: list[tuple[str, str, int]], mentions: dict[str, int] | None = None):
    G = nx.Graph()
    for u, v, w in edges:
        for x in (u, v):
            G.add_node(x, label=x.upper(), type="person", mentions=(mentions or {}).get(x, 3),
                       aliases=[], first_seen=None, last_seen=None)
        G.add_edge(u, v, weight=w, polarity="neutral", kinds=["co-occurrence"], relations=[])
    return G


def test_placed_actors_keep_their_place_and_a_new_one_goes_next_to_its_neighbours():
    base = {"a": (100.0, 100.0), "b": (300.0, 100.0), "gone": (500.0, 500.0)}
    G = graph([("a", "b", 2), ("a", "c", 1), ("b", "c", 1)])
    G.add_node("d", label="D", type="person", mentions=1)  # no placed neighbour
    pos = frame_positions(G, base)
    assert pos["a"] == base["a"] and pos["b"] == base["b"] and "gone" not in pos
    middle = (200.0, 100.0)
    assert math.dist(pos["c"], middle) == pytest.approx(NEAR)
    # outside every placed actor: on a ring around them
    assert all(math.dist(pos["d"], p) > NEAR for p in base.values())
    assert frame_positions(G, base) == pos  # deterministic


def test_frames_share_the_views_scales_so_a_width_means_one_count():
    whole = graph([("a", "b", 8), ("b", "c", 1)])
    scales = view_scales(whole)
    one = graph([("a", "b", 1), ("b", "c", 1)])
    two = graph([("a", "b", 8)])
    base = {"a": (0.0, 0.0), "b": (100.0, 0.0), "c": (50.0, 80.0)}
    ws = windows(D(2024, 1, 1), D(2024, 2, 29), "month")
    got = frames([one, two], ws, base, scales)

    def width(frame, a, b):
        return next(e["data"]["width"] for e in frame["elements"]
                    if e["data"].get("a") == a and e["data"].get("b") == b)
    assert width(got[0], "a", "b") == width(got[0], "b", "c") == style.edge_width(1, 1, 8)
    assert width(got[1], "a", "b") == style.edge_width(8, 1, 8)
    assert got[0]["weights"] == {"a\u2194b": 1, "b\u2194c": 1}
    assert got[1]["weights"] == {"a\u2194b": 8}  # the b–c link faded out
    assert got[0]["caption"].startswith("Jan 2024 (1 of 2) · 2024-01-01 – 2024-01-31")
    assert "2 links" in got[0]["caption"] and "1 link " in got[1]["caption"]
    nodes = [e for e in got[1]["elements"] if "source" not in e["data"]]
    assert all("frame" in e["classes"].split() for e in nodes)
    assert {e["data"]["id"]: (e["position"]["x"], e["position"]["y"]) for e in nodes} == {
        "a": base["a"], "b": base["b"]}


def test_compare_colours_each_link_by_how_it_changed():
    before = graph([("a", "b", 3), ("b", "c", 1), ("c", "d", 2)])
    after = graph([("a", "b", 1), ("b", "c", 4), ("a", "d", 1), ("c", "d", 2)])
    changes = link_changes(before, after)
    both = nx.compose(before, after)
    both.add_edge("b", "c", weight=4)
    els = compare_elements(both, changes, {"a": (0.0, 0.0)})
    colour = {frozenset((e["data"]["a"], e["data"]["b"])): (e["data"]["color"], e["classes"])
              for e in els if "source" in e["data"]}
    assert colour[frozenset("ab")][0] == style.CHANGE_COLORS["weaker"]
    assert colour[frozenset("bc")][0] == style.CHANGE_COLORS["stronger"]
    assert colour[frozenset("ad")][0] == style.CHANGE_COLORS["new"]
    assert colour[frozenset("cd")][0] == style.CHANGE_COLORS["unchanged"]
    assert "change-weaker" in colour[frozenset("ab")][1].split()
    assert compare_legend({"new": 1, "weaker": 2})[:2] == [
        ("new (1)", style.CHANGE_COLORS["new"]), ("stronger (0)", style.CHANGE_COLORS["stronger"])]


def test_a_frame_without_actors_has_no_elements():
    assert frame_elements(nx.Graph(), {}, None) == []
    assert view_scales(nx.Graph()) is None


def record(day: str | None, kind: str = "meet", quad: int = 1, src: str = "a",
           tgt: str = "b") -> EventRecord:
    return EventRecord(day, "day" if day and len(day) == 10 else "month" if day else None,
                       "explicit" if day else None, False, src.upper(), tgt.upper(), src,
                       tgt, "person", "person", kind, "04", "Consult", quad, "", "neutral",
                       "art", None, "A sentence.")


def test_an_actors_timeline_counts_its_events_per_window_and_quadclass():
    records = [record("2024-02-03"), record("2024-03-11"), record("2024-03-11", "criticise", 3),
               record("2024-03"), record("2024-05-02", src="c", tgt="d"),  # not a's
               record("2024-04-30", tgt="a", src="e"), record(None)]
    assert actor_periods(records, "a")["size"] == "week"  # 13 weeks: at most 24 steps
    t = actor_periods(records, "a", size="month")
    assert t["size"] == "month" and t["undated"] == 1 and t["most"] == 3
    assert [(w["label"], w["total"], w["quads"]) for w in t["windows"]] == [
        ("Feb 2024", 1, {1: 1}), ("Mar 2024", 3, {1: 2, 3: 1}), ("Apr 2024", 1, {1: 1})]
    assert t["windows"][1]["kinds"] == {"meet": 2, "criticise": 1}
    # the view's range cuts the windows and drops what lies outside it
    cut = actor_periods(records, "a", since=D(2024, 3, 5), until=D(2024, 4, 10), size="month")
    assert [(w["since"], w["total"]) for w in cut["windows"]] == [
        ("2024-03-05", 2), ("2024-04-01", 0)]  # "2024-03" counts from 1 March: outside
    assert actor_periods(records, "nobody") == {"size": "month", "windows": [], "undated": 0,
                                                "most": 0}
