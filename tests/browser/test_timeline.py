"""The timeline when every dated article is of one day and some are undated (as in the
project's seed articles): ticked by day, tick labels whole inside the figure, the undated
note whole and clear of the tool bar."""

from datetime import date

import pytest
from dated_events import dated_extraction
from test_app import js, open_app, wait_until
from test_moves import open_dock

from dashboard import ids
from graph.core.hashing import content_hash
from graph.store.store import Store

pytestmark = pytest.mark.browser

BOXES = f"""
var root = document.getElementById('{ids.TIMELINE}');
function box(e) {{ var r = e.getBoundingClientRect();
                   return {{x1: r.left, x2: r.right, y1: r.top, y2: r.bottom}}; }}
var svg = root.querySelector('.main-svg');
var note = root.querySelector('.annotation');
var bar = root.querySelector('.modebar');
return {{svg: box(svg),
        ticks: Array.from(root.querySelectorAll('.xtick text')).map(
            t => ({{text: t.textContent, box: box(t)}})),
        note: note && {{text: note.textContent, box: box(note)}},
        bar: bar && box(bar)}};
"""


def _meet(a: dict, b: dict) -> bool:
    return a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]


@pytest.fixture
def one_day_store(tmp_path) -> Store:
    """Three articles of 2023-09-13 and four undated ones (invented people)."""
    store = Store(tmp_path / "s.db")
    pairs = [
        ("Mara Velund", "Tovan Reik"),
        ("Ilse Brandtner", "Tovan Reik"),
        ("Mara Velund", "Ilse Brandtner"),
    ]
    items = [
        dated_extraction(
            f"d{i}",
            date(2023, 9, 13) if i < 3 else None,
            [(f"{a} met {b}.", [(a, b, "meet", None)])],
        )
        for i, (a, b) in enumerate(pairs * 3)
        if i < 7
    ]
    store.save_many([(ex, content_hash(ex.article, "test"), "test") for ex in items])
    store.resolve()
    return store


def test_the_timeline_of_one_day_reads_whole(dash_duo, one_day_store, tmp_path):
    open_app(dash_duo, one_day_store, size=(1400, 900))
    open_dock(dash_duo, "Timeline")
    dash_duo.wait_for_element(f"#{ids.TIMELINE} .xtick text")
    # hover the plot so that the tool bar shows, as it does under the pointer
    js(
        dash_duo,
        f"document.querySelector('#{ids.TIMELINE} .modebar-container')"
        ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))",
    )
    got = wait_until(
        lambda: (lambda b: b if b["note"] else None)(js(dash_duo, BOXES)), what="the undated note"
    )
    dash_duo.driver.save_screenshot(str(tmp_path / "timeline.png"))
    texts = [t["text"] for t in got["ticks"]]
    assert not any(":" in t for t in texts), texts  # days, not hours
    assert len(texts) >= 5, texts
    svg = got["svg"]
    for t in got["ticks"]:  # not cut off at the figure's bottom
        assert t["box"]["y2"] <= svg["y2"] + 0.5 and t["box"]["y1"] >= svg["y1"], t
    note = got["note"]
    assert note["text"].startswith("4 undated articles"), note
    assert svg["x1"] <= note["box"]["x1"] and note["box"]["x2"] <= svg["x2"], note
    assert note["box"]["y2"] <= svg["y2"] + 0.5, note
    if got["bar"]:
        assert not _meet(note["box"], got["bar"]), got
    for t in got["ticks"]:
        assert not _meet(note["box"], t["box"]), (note, t)
    assert dash_duo.get_logs() == []
