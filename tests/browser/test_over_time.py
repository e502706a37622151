"""The "Over time" tab in real headless Chromium: the time slider steps through months with
every actor held in place, play and pause, "compare two periods" colours, the URL fragment.

The corpus (tests/period_corpus.py) runs from February to November 2024: ten month windows.
"""

import json
import time
from datetime import date

import pytest
from period_corpus import build
from selenium.webdriver.common.by import By
from test_app import CY, js, open_app, tap, view_labels, wait_until
from test_moves import open_dock, set_control

from dashboard import ids
from graph.core.choices import DEFAULT_TOP
from graph.core.model import GraphSlice
from graph.views import style
from graph.views.periods import Period, compare_view

pytestmark = pytest.mark.browser

FEB, MAR, APR = (GraphSlice(since=date(2024, m, 1), until=date(2024, m, d),
                            include_undated=False) for m, d in ((2, 29), (3, 31), (4, 30)))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build(tmp_path_factory.mktemp("time") / "periods.db")


def labels(dash_duo) -> set[str]:
    return set(js(dash_duo, f"return {CY}.nodes().map(n => n.data('label'))"))


def by_label(dash_duo) -> dict:
    return js(dash_duo, f"var out = {{}}; {CY}.nodes().forEach(n => {{ "
                        "out[n.data('label')] = n.position(); }); return out;")


def caption(dash_duo) -> str:
    return dash_duo.find_element(f"#{ids.TIME_CAPTION}").text


def frame(dash_duo, expected: set[str], starts: str) -> dict:
    """Positions by label once the frame of ``expected`` actors is drawn and held."""
    wait_until(lambda: labels(dash_duo) == expected and caption(dash_duo).startswith(starts),
               what=f"the frame {starts}")
    wait_until(lambda: js(dash_duo, f"return {CY}.nodes('.frame').length") == len(expected),
               what="the frame's actors")
    last = {}

    def steady():
        nonlocal last
        now = by_label(dash_duo)
        same, last = now == last, now
        return same
    wait_until(steady, what="positions settled")
    return last


def test_the_slider_steps_through_months_and_no_actor_moves(dash_duo, store):
    open_app(dash_duo, store)
    whole = wait_until(lambda: by_label(dash_duo) or None, what="the view")
    open_dock(dash_duo, "Over time")
    feb = frame(dash_duo, view_labels(store, FEB), "Feb 2024 (1 of 10)")
    assert "2024-02-01 – 2024-02-29" in caption(dash_duo)
    assert feb == {k: whole[k] for k in feb}  # where the whole view has them
    set_control(dash_duo, ids.TIME_SLIDER, 1)
    mar = frame(dash_duo, view_labels(store, MAR), "Mar 2024 (2 of 10)")
    assert "Edvin Dorsan" in mar and "Edvin Dorsan" not in feb
    set_control(dash_duo, ids.TIME_SLIDER, 2)
    apr = frame(dash_duo, view_labels(store, APR), "Apr 2024 (3 of 10)")
    assert "Ilse Brandtner" in apr
    for a, b in ((feb, mar), (mar, apr), (feb, apr)):
        assert {k: a[k] for k in a if k in b} == {k: b[k] for k in a if k in b}
    assert "at=2024-04-01" in dash_duo.driver.current_url
    # another window size keeps the day: April's quarter
    set_control(dash_duo, ids.TIME_SIZE, "quarter")
    wait_until(lambda: caption(dash_duo).startswith("Q2 2024 (2 of 4)"), what="Q2")
    # closing the tab shows the whole view again, at its places
    open_dock(dash_duo, "Graph only")
    wait_until(lambda: by_label(dash_duo) == whole, what="the whole view")
    assert "#" not in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_play_steps_on_and_pause_stops(dash_duo, store):
    open_app(dash_duo, store)
    open_dock(dash_duo, "Over time")
    wait_until(lambda: caption(dash_duo).startswith("Feb 2024"), what="the first frame")
    play = dash_duo.find_element(f"#{ids.TIME_PLAY}")
    play.click()
    wait_until(lambda: play.text == "❚❚ Pause", what="playing")
    wait_until(lambda: caption(dash_duo).startswith("Apr 2024 (3 of 10)"), timeout=10,
               what="two steps on")
    play.click()
    wait_until(lambda: play.text == "▶ Play", what="paused")
    stopped = js(dash_duo, "return window.location.hash")
    time.sleep(2.5)  # two ticks' time: a paused slider stays
    assert js(dash_duo, "return window.location.hash") == stopped
    assert dash_duo.get_logs() == []


def test_compare_two_periods_colours_links_by_change_and_a_link_reopens_it(dash_duo, store):
    open_app(dash_duo, store, "#mode=compare&a=2024-02-01&b=2024-10-01")
    wait_until(lambda: "Feb 2024 → Oct 2024" in caption(dash_duo), what="the comparison")

    def link_colours() -> dict:
        return js(dash_duo, f"""var out = {{}}; {CY}.edges().forEach(e => {{
            out[[e.source().data('label'), e.target().data('label')].sort().join(' + ')] =
                [e.data('change'), e.style('line-color'), e.style('line-style')]; }});
            return out;""")
    got = wait_until(lambda: link_colours() or None, what="the links")

    def rgb(hex_colour: str) -> str:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return f"rgb({r},{g},{b})"
    velund_reik = got["Mara Velund + Tovan Reik"]
    assert velund_reik[0] == "gone" and velund_reik[2] == "dotted"  # not in October
    assert velund_reik[1].replace(" ", "") == rgb(style.CHANGE_COLORS["gone"])
    new = got["Ilse Brandtner + Jonas Okafor"]
    assert new[0] == "new" and new[1].replace(" ", "") == rgb(style.CHANGE_COLORS["new"])
    legend = dash_duo.find_element(f"#{ids.LEGEND}").text
    counts = compare_view(store, GraphSlice(), Period("Feb", FEB.since, FEB.until),
                          Period("Oct", date(2024, 10, 1), date(2024, 10, 31)),
                          DEFAULT_TOP).counts
    assert counts["gone"] and counts["new"]
    assert all(f"{change} ({n})" in legend for change, n in counts.items())
    # the second period moved to April: Brandtner–Reik was there, Brandtner–Okafor new
    set_control(dash_duo, ids.TIME_B, "2024-04-01")
    wait_until(lambda: "Feb 2024 → Apr 2024" in caption(dash_duo), what="the new comparison")
    apr = compare_view(store, GraphSlice(), Period("Feb", FEB.since, FEB.until),
                       Period("Apr", APR.since, APR.until), DEFAULT_TOP)
    label = {v: d["label"] for v, d in apr.graph.nodes(data=True)}
    wanted = {" + ".join(sorted(label[v] for v in pair)): change
              for pair, change in apr.changes.items()}
    assert wanted["Ilse Brandtner + Tovan Reik"] == "new"
    wait_until(lambda: {k: v[0] for k, v in link_colours().items()} == wanted,
               what="every link classed as the server's link_changes")
    assert json.loads(js(dash_duo, "return JSON.stringify(window.location.hash)")) == (
        "#mode=compare&size=month&a=2024-02-01&b=2024-04-01")
    assert dash_duo.get_logs() == []


def test_an_actors_timeline_shows_its_events_per_month_and_a_click_sets_the_dates(dash_duo,
                                                                                  store):
    open_app(dash_duo, store)
    wait_until(lambda: "Mara Velund" in labels(dash_duo), what="the view")
    tap(dash_duo, "Mara Velund")
    bars = wait_until(lambda: dash_duo.driver.find_elements(
        By.CSS_SELECTOR, f"#{ids.ACTOR_TIMELINE} .tl-bar") or None, what="the timeline")
    box = dash_duo.find_element(f"#{ids.ACTOR_TIMELINE}")
    assert "Events per month" in box.text
    # met Reik on 3 Feb, 11 Mar, 18 Apr and 13 Aug; criticised Dorsan on 11 Mar
    titles = [b.get_attribute("title") for b in bars]
    assert [t.split(":")[0] for t in titles] == ["Feb 2024", "Mar 2024", "Apr 2024",
                                                 "May 2024", "Jun 2024", "Jul 2024",
                                                 "Aug 2024"]
    assert titles[1].startswith("Mar 2024: 2 events (criticise 1, meet 1)")
    assert titles[3].startswith("May 2024: 0 events")
    colours = [p.value_of_css_property("background-color").replace(" ", "")
               for p in bars[1].find_elements(By.CSS_SELECTOR, ".tl-part")]
    want = [style.QUAD_COLORS[q] for q in (1, 3)]  # verbal cooperation under verbal conflict
    assert colours == [f"rgba({int(c[1:3], 16)},{int(c[3:5], 16)},{int(c[5:7], 16)},1)"
                       for c in want]
    assert "verbal cooperation" in box.text and "verbal conflict" in box.text
    counted = sum(int(t.split(": ")[1].split(" ")[0]) for t in titles)
    assert f"{counted} events dated" in box.text
    bars[1].click()
    wait_until(lambda: "since=2024-03-01&until=2024-03-31" in dash_duo.driver.current_url,
               what="March as the view's dates")
    assert dash_duo.get_logs() == []


def test_a_filter_changed_after_a_step_keeps_both_in_the_address(dash_duo, store):
    # the fragment is replaced behind dcc.Location's back: its next push (the filter's
    # query) put back the address it knew, losing the filter (fixed: it is told)
    open_app(dash_duo, store, "#mode=step&size=month&at=2024-03-01")
    wait_until(lambda: caption(dash_duo).startswith("Mar 2024"), what="March")
    set_control(dash_duo, ids.TIME_SLIDER, 3)
    wait_until(lambda: dash_duo.driver.current_url.endswith("at=2024-05-01"), what="May")
    set_control(dash_duo, ids.TOP, 3)
    wait_until(lambda: "?top=3#mode=step&size=month&at=2024-05-01"
               in dash_duo.driver.current_url, what="the filter and the frame in the URL")
    assert caption(dash_duo).startswith("May 2024 (4 of 10)")
    assert dash_duo.get_logs() == []
