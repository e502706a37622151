"""The dashboard in real headless Chromium (dash_duo + Selenium + Debian's chromedriver).

Actors are found on the page by their displayed ``label``; node ids are only identifiers. The
seed story's people are found from the data (:mod:`seed_cast`): no test names a real person.
Waits are explicit (conditions polled until a deadline), never fixed sleeps.
"""

import json
import time
from datetime import date

import pytest
from seed_cast import label, leaders, namesake, one_article_people
from selenium.webdriver.common.by import By

from dashboard import create_app, ids
from graph.core.choices import DEFAULT_TOP
from graph.core.model import GraphSlice
from graph.pipeline.driver import ingest
from graph.store.store import Store
from graph.views.rules import view_graph

pytestmark = pytest.mark.browser
A003 = "003_05abb57fa2a955b5"
CY = f"document.getElementById('{ids.GRAPH}')._cyreg.cy"


@pytest.fixture(scope="module")
def cast(seed_graph) -> dict[str, str]:
    """Labels of the seed story's people, by role: the leader and his counterpart (the two
    strongest persons), the leader's namesake and the weakest person of one article (both
    outside the default top 25), a person of another article only, and the leader's longest
    title ("... leader", an alias sharing no word with the name)."""
    G = seed_graph
    lead, partner = leaders(G)
    name = set(label(G, lead).split())
    titles = [a for a in G.nodes[lead]["aliases"] if not set(a.split()) & name]
    return {"lead": label(G, lead), "partner": label(G, partner),
            "namesake": label(G, namesake(G)),
            "minor": label(G, one_article_people(G, A003)[-1]),
            "far": label(G, one_article_people(G, "002_0899eaed18e29f52")[1]),
            "title": max(titles, key=len)}


def js(dash_duo, script: str):
    return dash_duo.driver.execute_script(script)


def wait_until(check, timeout: float = 15, what: str = "condition"):
    """Poll ``check`` until it returns a truthy value; fail with ``what`` after ``timeout``."""
    end, last = time.time() + timeout, None
    while time.time() < end:
        try:
            last = check()
        except Exception as exc:  # noqa: BLE001 — page still rendering
            last = exc
        if last and not isinstance(last, Exception):
            return last
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def labels_on_screen(dash_duo) -> set[str]:
    return set(js(dash_duo, f"return {CY}.nodes().map(n => n.data('label'))"))


def wait_for_labels(dash_duo, expected: set[str]) -> set[str]:
    return wait_until(lambda: labels_on_screen(dash_duo) == expected and expected,
                      what=f"{len(expected)} actors on the graph") and expected


def node_id(dash_duo, label: str) -> str:
    return js(dash_duo, f"return {CY}.nodes().filter(n => n.data('label') === "
                        f"{json.dumps(label)}).id()")


def tap(dash_duo, label: str) -> None:
    js(dash_duo, f"{CY}.nodes().filter(n => n.data('label') === {json.dumps(label)})"
                 ".emit('tap')")


def labels_settled(dash_duo) -> bool:
    """The page script placed the labels for the current zoom."""
    return js(dash_duo, f"var g = document.getElementById('{ids.GRAPH}'); return "
                        f"g.dataset.labelsZoom === String({CY}.zoom())")


def search_for(dash_duo, text: str, option_start: str) -> None:
    """Type into the actor search box and pick the option starting with ``option_start``."""
    dash_duo.find_element(f"#{ids.SEARCH}").click()
    box = wait_until(lambda: dash_duo.driver.switch_to.active_element, what="search input")
    box.send_keys(text)
    option = wait_until(lambda: next((o for o in dash_duo.driver.find_elements(
        By.CSS_SELECTOR, "[role=option]") if o.text.startswith(option_start)), None),
        what=f"option {option_start}")
    option.click()


def view_labels(store, sl=None, **kw) -> set[str]:
    G = view_graph(store, sl, top=kw.pop("top", DEFAULT_TOP), **kw)
    return {d["label"] for _, d in G.nodes(data=True)}


def open_app(dash_duo, store, query="", size=(1400, 900), **options):
    dash_duo.start_server(create_app(store, **options))
    dash_duo.driver.set_window_size(*size)
    dash_duo.driver.get(dash_duo.server_url + ("/?" + query if query else "/"))
    dash_duo.wait_for_element(f"#{ids.GRAPH}")


def test_default_view_reads_well_at_1400x900(dash_duo, seed_store, cast):
    open_app(dash_duo, seed_store)
    expected = view_labels(seed_store)
    wait_for_labels(dash_duo, expected)
    total = view_graph(seed_store).graph["total_actors"]
    dash_duo.wait_for_contains_text(f"#{ids.SUMMARY}", f"Showing {DEFAULT_TOP} of {total} actors")
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    box = js(dash_duo, f"var r = document.getElementById('{ids.GRAPH}')"
                       ".getBoundingClientRect(); return [r.width, r.height, "
                       "window.innerWidth, window.innerHeight]")
    assert box[0] * box[1] >= 0.6 * box[2] * box[3], box  # the graph has most of the window
    shown = js(dash_duo, f"""
        var cy = {CY};
        return cy.nodes().filter(n => n.style('label') !== '').map(n => {{
            var b = n.boundingBox({{includeNodes: false, includeEdges: false,
                                    includeLabels: true, includeOverlays: false}});
            return {{label: n.data('label'), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2,
                    px: parseFloat(n.style('font-size')) * cy.zoom()}};
        }});""")
    assert len(shown) >= 25 and cast["lead"] in {s["label"] for s in shown}
    assert min(s["px"] for s in shown) >= 11  # rendered label size, font size × zoom
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            assert not (a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"]
                        and b["y1"] < a["y2"]), f"labels overlap: {a['label']} / {b['label']}"
    # plotly.js (the bulk of the page) loads only when the timeline is opened
    assert js(dash_duo, "return typeof window.Plotly") == "undefined"
    dash_duo.find_element("#dock").find_element(By.XPATH, ".//*[text()='Timeline']").click()
    wait_until(lambda: js(dash_duo, "return typeof window.Plotly") == "object",
               what="the timeline")
    dash_duo.wait_for_element(f"#{ids.TIMELINE} .main-svg")
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_layout_holds_from_1280x720_to_1920x1080(dash_duo, seed_store, size, tmp_path):
    open_app(dash_duo, seed_store, size=size)
    wait_for_labels(dash_duo, view_labels(seed_store))
    wait_until(lambda: labels_settled(dash_duo), what="labels placed")
    ratio = js(dash_duo, f"var r = document.getElementById('{ids.GRAPH}')"
                         ".getBoundingClientRect(); return r.width * r.height / "
                         "(window.innerWidth * window.innerHeight)")
    assert ratio >= 0.55
    overflow = js(dash_duo, "return document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow  # nothing pushed off to the side
    dash_duo.driver.save_screenshot(str(tmp_path / f"dashboard-{size[0]}x{size[1]}.png"))


def test_picking_one_article_shrinks_the_graph_and_back_forward_walk_views(dash_duo,
                                                                           seed_store):
    title = next(a["title"] for a in seed_store.articles() if a["id"] == A003)
    open_app(dash_duo, seed_store)
    whole = wait_for_labels(dash_duo, view_labels(seed_store))
    dash_duo.find_element(f"#{ids.ARTICLES}").click()
    option = next(o for o in dash_duo.driver.find_elements(By.CSS_SELECTOR, "[role=option]")
                  if o.text.startswith(title[:30]))
    option.click()
    one = view_labels(seed_store, GraphSlice(articles=(A003,)))
    assert wait_for_labels(dash_duo, one) and len(one) < len(whole)
    assert f"articles={A003}" in dash_duo.driver.current_url  # the view is in the URL
    dash_duo.driver.back()
    wait_for_labels(dash_duo, whole)
    wait_until(lambda: "articles=" not in dash_duo.driver.current_url, what="URL after Back")
    dash_duo.driver.forward()
    wait_for_labels(dash_duo, one)
    assert f"articles={A003}" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_dates_come_from_the_url_and_show_as_dates(dash_duo, seed_store, cast):
    open_app(dash_duo, seed_store, "since=2024-01-01")
    recent = view_labels(seed_store, GraphSlice(since=date(2024, 1, 1)))
    got = wait_for_labels(dash_duo, recent)
    assert cast["namesake"] not in got and cast["lead"] in got  # only 2023 / in both years
    shown = dash_duo.find_element("#date-from").get_attribute("value")
    assert shown == "1 Jan 2024"  # a date a person (and a screen reader) can read


def test_click_highlights_the_neighbourhood_hover_shows_a_tooltip(dash_duo, seed_store,
                                                                  cast):
    open_app(dash_duo, seed_store, "top=60")  # the namesake is not among the default 25
    wait_for_labels(dash_duo, view_labels(seed_store, top=60))
    tap(dash_duo, cast["namesake"])
    faded = wait_until(lambda: js(dash_duo, f"""var cy = {CY};
        var n = cy.nodes().filter(n => n.data('label') === {json.dumps(cast["namesake"])});
        var near = n.closedNeighborhood();
        return [near.filter('.faded').length, cy.elements().not(near).filter('.faded').length,
                cy.elements().not(near).length];"""), what="faded elements")
    assert faded[0] == 0 and faded[1] == faded[2] > 0
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", cast["namesake"])
    js(dash_duo, f"{CY}.nodes().filter(n => n.data('label') === {json.dumps(cast['partner'])})"
                 ".emit('mouseover')")
    tip = wait_until(lambda: dash_duo.find_element("#cy-tooltip").text, what="tooltip")
    assert cast["partner"] in tip and "person" in tip and "mentions" in tip


def test_search_finds_an_alias_centres_and_selects(dash_duo, seed_store, cast):
    minor, lead = cast["minor"], cast["lead"]
    open_app(dash_duo, seed_store, "top=5")
    wait_for_labels(dash_duo, view_labels(seed_store, top=5))
    search_for(dash_duo, minor.rsplit(" ", 1)[0], minor)  # outside the top 5: focus on it
    wait_until(lambda: minor in labels_on_screen(dash_duo), what=minor)
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", minor)
    assert "focus=" in dash_duo.driver.current_url
    search_for(dash_duo, cast["title"], lead)  # an alias of a name in view
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", lead)
    centred = wait_until(lambda: js(dash_duo, f"""var cy = {CY};
        var n = cy.nodes().filter(n => n.data('label') === {json.dumps(lead)});
        var p = n.renderedPosition();
        return n.selected() && Math.abs(p.x - cy.width() / 2) < 30 &&
               Math.abs(p.y - cy.height() / 2) < 30;"""), what="the leader centred")
    assert centred


def test_table_row_selects_colour_by_community(dash_duo, seed_store, cast):
    open_app(dash_duo, seed_store, "color_by=community")
    wait_for_labels(dash_duo, view_labels(seed_store))
    dash_duo.wait_for_contains_text(f"#{ids.LEGEND}", "Communities")
    dash_duo.find_element("#dock").find_element(By.XPATH, ".//*[text()='Actor table']").click()
    cell = wait_until(lambda: next(c for c in dash_duo.driver.find_elements(
        By.CSS_SELECTOR, f"#{ids.TABLE} td") if c.text == cast["partner"]), what="table")
    cell.click()
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", cast["partner"])
    wait_until(lambda: js(dash_duo, f"return {CY}.nodes(':selected').data('label')")
               == cast["partner"], what="selection on the graph")


def test_details_follow_the_view_and_page_evidence(dash_duo, seed_store, cast):
    open_app(dash_duo, seed_store, "top=60")  # the namesake is not among the default 25
    wait_for_labels(dash_duo, view_labels(seed_store, top=60))
    tap(dash_duo, "Russia")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "Evidence (40 of ")
    total = int(dash_duo.find_element(f"#{ids.DETAILS}").text.split("Evidence (40 of ")[1]
                .split(")")[0])
    dash_duo.find_element(f"#{ids.MORE_EVIDENCE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", f"Evidence ({min(80, total)}")
    assert " 1 mentions" not in dash_duo.find_element(f"#{ids.DETAILS}").text
    tap(dash_duo, cast["namesake"])
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", cast["namesake"])
    dash_duo.driver.get(dash_duo.driver.current_url.split("?")[0] + "?since=2024-01-01")
    # a new page load starts without a selection; select, then change the filter in place
    wait_for_labels(dash_duo, view_labels(seed_store, GraphSlice(since=date(2024, 1, 1))))
    tap(dash_duo, cast["partner"])
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", cast["partner"])
    dash_duo.find_element(f"#{ids.TYPES}").find_element(
        By.XPATH, ".//*[contains(text(), 'Person')]").click()
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "not in this view")
    dash_duo.find_element(f"#{ids.SHOW_SELECTED}").click()
    wait_until(lambda: "focus=" in dash_duo.driver.current_url, what="focus in the URL")


def test_path_is_listed_as_steps_with_evidence(dash_duo, seed_store, cast):
    G = view_graph(seed_store)
    ids_ = {d["label"]: v for v, d in G.nodes(data=True)}
    start, end = cast["namesake"], cast["far"]  # of two articles, not linked directly
    query = f"source={ids_[start]}&target={ids_[end]}"
    open_app(dash_duo, seed_store, query.replace(" ", "+"))
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", f"Path {start} → {end}")
    steps = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAILS} .step")
    assert len(steps) >= 2
    for step in steps:
        assert step.find_elements(By.CSS_SELECTOR, "mark")  # evidence with both actors marked
    faded = wait_until(lambda: js(dash_duo, f"""var cy = {CY}; var p = cy.elements('.path');
        return p.nonempty() && [p.filter('.faded').length,
                                cy.elements().not(p).filter('.faded').length,
                                cy.elements().not(p).length];"""), what="path over a faded rest")
    assert faded[0] == 0 and faded[1] == faded[2] > 0


def tap_link(dash_duo, a: str, b: str) -> None:
    """Tap the link between the actors labelled ``a`` and ``b``."""
    js(dash_duo, f"var cy = {CY}; var k = cy.nodes().filter(n => n.data('label') === "
                 f"{json.dumps(a)}); var p = cy.nodes().filter(n => n.data('label') === "
                 f"{json.dumps(b)}); k.edgesWith(p).emit('tap');")


def test_link_evidence_marks_both_actors(dash_duo, seed_store, cast):
    lead, partner = cast["lead"], cast["partner"]
    open_app(dash_duo, seed_store)
    wait_for_labels(dash_duo, view_labels(seed_store))
    tap_link(dash_duo, lead, partner)
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", f"{lead} — {partner}")
    marks = [m.text for m in dash_duo.driver.find_elements(By.CSS_SELECTOR,
                                                           f"#{ids.DETAILS} mark")]
    assert any(set(m.split()) & set(partner.split()) for m in marks)
    assert any(set(m.split()) & set(lead.split()) for m in marks)


def test_briefing_from_the_page_draws_the_focus(dash_duo, seed_store, cast):
    from pypdf import PdfReader

    G = view_graph(seed_store)
    lead = next(v for v, d in G.nodes(data=True) if d["label"] == cast["lead"])
    open_app(dash_duo, seed_store, f"focus={lead}".replace(" ", "+"))
    wait_until(lambda: cast["lead"] in labels_on_screen(dash_duo), what="focus view")
    dash_duo.find_element("#briefing-menu summary").click()
    dash_duo.find_element(f"#{ids.BRIEFING_TITLE}").send_keys("The leader's circle")
    dash_duo.find_element(f"#{ids.BRIEFING_FORMAT}").find_element(
        By.XPATH, ".//*[contains(text(), 'PDF')]").click()
    dash_duo.find_element(f"#{ids.BRIEFING}").click()
    dash_duo.wait_for_contains_text(f"#{ids.BRIEFING_STATUS}", "PDF ready in", timeout=60)
    path = wait_until(lambda: next(iter(__import__("pathlib").Path(
        dash_duo.download_path).glob("*.pdf")), None), what="the PDF download")
    reader = PdfReader(str(path))
    text = " ".join(reader.pages[0].extract_text().split())
    assert reader.metadata.title == "The leader's circle"
    assert f"focus: {cast['lead']}" in text


def test_briefing_of_an_empty_view_explains_itself(dash_duo, seed_store):
    open_app(dash_duo, seed_store, "min_weight=1000&hide_isolated=1")
    dash_duo.find_element("#briefing-menu summary").click()
    dash_duo.find_element(f"#{ids.BRIEFING}").click()
    dash_duo.wait_for_contains_text(f"#{ids.BRIEFING_STATUS}", "nothing to draw")
    assert dash_duo.get_logs() == []


def test_view_export_status_follows_the_last_export(dash_duo, seed_store):
    open_app(dash_duo, seed_store)
    wait_for_labels(dash_duo, view_labels(seed_store))
    dash_duo.find_element("#export-menu summary").click()
    dash_duo.find_element(f"#{ids.PNG}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMAGE_STATUS}", "PNG saved")
    dash_duo.find_element(f"#{ids.SVG}").click()
    dash_duo.wait_for_contains_text(f"#{ids.IMAGE_STATUS}", "SVG downloaded")


def test_upload_ingests_in_the_background_with_progress(dash_duo, tmp_path, seed_db):
    import sqlite3

    db = tmp_path / "upload.db"
    with sqlite3.connect(seed_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # a consistent copy (the seed store may keep a write-ahead log)
    store = Store(db)
    good = tmp_path / "summit.txt"
    good.write_text("Olaf Kessler met Etienne Lavergne in Paris on Monday. Kessler thanked "
                    "Lavergne for his support.")
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"id": "x", "text": "fine"}\n{not json\n')
    open_app(dash_duo, store)
    wait_for_labels(dash_duo, view_labels(store))
    dash_duo.find_element("#upload-menu summary").click()
    upload = dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]")
    upload.send_keys(f"{good}\n{bad}")
    wait_until(lambda: dash_duo.find_element(f"#{ids.UPLOAD_PROGRESS}").is_displayed(),
               what="progress bar")
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_STATUS}", "new", timeout=90)
    status = dash_duo.find_element(f"#{ids.UPLOAD_STATUS}").text
    assert "broken.jsonl:2" in status and "upload-" not in status  # the user's file name
    prog = dash_duo.find_element(f"#{ids.UPLOAD_PROGRESS}")
    assert prog.get_attribute("value") == prog.get_attribute("max") == "2"
    search_for(dash_duo, "Olaf Kessler", "Olaf Kessler")
    wait_until(lambda: "Olaf Kessler" in labels_on_screen(dash_duo), timeout=20,
               what="the new actor on the graph")


def test_a_long_upload_can_be_cancelled_and_keeps_what_it_added(dash_duo, tmp_path):
    store = Store(tmp_path / "cancel.db")
    box = tmp_path / "wire.mbox"
    box.write_text("".join(
        f"From desk{i}@example.org Mon Jan  1 00:00:00 2024\nFrom: Desk <d@example.org>\n"
        f"Subject: Round {i}\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nMinister Ilse Varga "
        f"met envoy Tomas Brandt in Oslo on round {i}.\n\n" for i in range(3000)))
    open_app(dash_duo, store)
    dash_duo.find_element("#upload-menu summary").click()
    cancel = dash_duo.find_element(f"#{ids.UPLOAD_CANCEL}")
    assert not cancel.is_displayed()
    dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]").send_keys(str(box))
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_STATUS}", "Adding 1 of 1", timeout=30)
    wait_until(lambda: store.counts()["articles"] > 0, timeout=90, what="a first batch")
    wait_until(cancel.is_displayed, what="the cancel button")
    cancel.click()
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_STATUS}", "cancelled after", timeout=30)
    status = dash_duo.find_element(f"#{ids.UPLOAD_STATUS}").text
    stored = store.counts()["articles"]
    assert 0 < stored < 3000 and f"{stored:,} new" in status
    assert "wire.mbox" in status or "left out" in status
    assert not cancel.is_displayed()


def test_read_only_has_no_upload_and_no_curation(dash_duo, seed_store, cast):
    open_app(dash_duo, seed_store, "top=60", read_only=True)  # the namesake: not in 25
    wait_for_labels(dash_duo, view_labels(seed_store, top=60))
    tap(dash_duo, cast["namesake"])
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3", cast["namesake"])
    tap_link(dash_duo, cast["lead"], cast["partner"])
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS_PANEL} h3",
                                    f"{cast['lead']} — {cast['partner']}")
    # (a script, not find_elements: that waits out the implicit wait for each absent one)
    gone = ("upload-menu", ids.ACTOR_TOOLS, ids.UNDO_LAST, ids.SUGGESTIONS)
    assert js(dash_duo, f"return {json.dumps(gone)}.every(i => !document.getElementById(i)) "
                        f"&& !document.querySelector('#{ids.DETAILS} .reject')")
    assert dash_duo.get_logs() == []


def test_article_text_is_rendered_as_text_never_as_html(dash_duo, tmp_path):
    (tmp_path / "evil.txt").write_text(
        "Olaf Kessler met Etienne Lavergne in Paris <script>window.__pwned = 1</script> "
        "<img src=x onerror=\"window.__pwned = 2\"> on Monday.")
    store = Store(tmp_path / "evil.db")
    ingest([tmp_path / "evil.txt"], store, progress=False)
    open_app(dash_duo, store)
    wait_for_labels(dash_duo, view_labels(store))
    tap(dash_duo, "Olaf Kessler")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "<script>window.__pwned = 1</script>")
    js(dash_duo, f"{CY}.nodes().filter(n => n.data('label') === 'Olaf Kessler')"
                 ".emit('mouseover')")
    wait_until(lambda: dash_duo.find_element("#cy-tooltip").text, what="tooltip")
    assert js(dash_duo, "return window.__pwned === undefined")
    assert not dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAILS} script, "
                                                              f"#{ids.DETAILS} img")

