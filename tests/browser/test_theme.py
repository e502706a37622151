"""The dark theme in real headless Chromium: the switch turns the page, the panels, the table
and the graph dark, names on the graph keep a WCAG contrast of at least 4.5 against the
canvas in both themes (computed here from the colours the browser and cytoscape report), and
the choice is remembered when the page is opened again."""

import re
from xml.etree import ElementTree

import pytest
from test_app import CY, js, open_app, wait_until

from dashboard import ids
from graph.views.themes import THEMES

pytestmark = pytest.mark.browser


def rgb(css: str) -> tuple[float, float, float]:
    """``rgb(r, g, b)`` / ``rgba(r, g, b, a)`` / ``#rrggbb`` as three 0..255 channels."""
    if css.startswith("#"):
        return tuple(int(css[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", css)[:3])
    return r, g, b


def luminance(css: str) -> float:
    """WCAG 2 relative luminance."""
    def channel(c: float) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb(css))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def background(dash_duo, selector: str) -> str:
    return js(dash_duo, f"return getComputedStyle(document.querySelector("
                        f"{selector!r})).backgroundColor")


def colours(dash_duo) -> dict:
    """What the browser shows: backgrounds of the page, the graph's canvas, the filters
    drawer and the header; the text colour of the drawer; and, from cytoscape, the colour of
    every actor's name and of its halo (outline)."""
    out = {"page": background(dash_duo, "body"), "app": background(dash_duo, ".app"),
           "canvas": background(dash_duo, f"#{ids.GRAPH}"),
           "drawer": background(dash_duo, f"#{ids.FILTERS_PANEL}"),
           "header": background(dash_duo, "header"),
           "drawer_text": js(dash_duo, f"return getComputedStyle(document.getElementById("
                                       f"'{ids.FILTERS_PANEL}')).color")}
    out["labels"] = js(dash_duo, f"return {CY}.nodes().map(n => n.style('color'))")
    out["halos"] = js(dash_duo, f"return {CY}.nodes().map(n => n.style('text-outline-color'))")
    return out


def readable(c: dict) -> None:
    assert c["labels"], "no actors on the graph"
    for label in set(c["labels"]):
        assert contrast(label, c["canvas"]) >= 4.5, (label, c["canvas"])
    for halo in set(c["halos"]):  # the halo is the canvas colour: names stay legible on links
        assert contrast(halo, c["canvas"]) < 1.2, (halo, c["canvas"])
    assert contrast(c["drawer_text"], c["drawer"]) >= 4.5


def shown_in(dash_duo, dark: bool) -> dict:
    """The colours once the canvas and the names are in the theme asked for."""
    def done():
        c = colours(dash_duo)
        if not c["labels"]:
            return None
        ground = max(luminance(c[k]) for k in ("page", "canvas")) if dark else min(
            luminance(c[k]) for k in ("page", "canvas"))
        name = luminance(c["labels"][0])
        return c if (ground < 0.05 and name > 0.5 if dark else ground > 0.8 and name < 0.1) \
            else None
    return wait_until(done, what="the dark theme" if dark else "the light theme")


def test_dark_theme_switches_everything_keeps_names_readable_and_is_remembered(dash_duo,
                                                                              seed_store):
    open_app(dash_duo, seed_store)
    light = shown_in(dash_duo, dark=False)
    assert all(luminance(light[k]) > 0.8 for k in ("page", "app", "canvas", "drawer",
                                                   "header")), light
    readable(light)
    dash_duo.find_element(f"#{ids.THEME_TOGGLE}").click()
    dark = shown_in(dash_duo, dark=True)
    assert all(luminance(dark[k]) < 0.05 for k in ("page", "app", "canvas", "drawer",
                                                   "header")), dark
    readable(dark)
    # the actor table's cells follow the theme too
    tabs = dash_duo.driver.find_elements("css selector", f"#{ids.DOCK} .tab")
    next(t for t in tabs if t.text == "Actor table").click()
    cell = wait_until(lambda: dash_duo.driver.find_elements(
        "css selector", f"#{ids.TABLE} td"), what="table rows")[0]
    assert luminance(cell.value_of_css_property("background-color")) < 0.05
    assert contrast(cell.value_of_css_property("color"),
                    cell.value_of_css_property("background-color")) >= 4.5
    # opened again: still dark; switched back: light again
    dash_duo.driver.get(dash_duo.server_url + "/")
    dash_duo.wait_for_element(f"#{ids.GRAPH}")
    readable(shown_in(dash_duo, dark=True))
    dash_duo.find_element(f"#{ids.THEME_TOGGLE}").click()
    readable(shown_in(dash_duo, dark=False))


def plot_colours(dash_duo) -> dict | None:
    """What the timeline's plotly figure shows: its ground, the colour of its tick labels and
    of its legend's text; None until it is drawn."""
    return js(dash_duo, f"""
        var svg = document.querySelector('#{ids.TIMELINE} .main-svg');
        var tick = document.querySelector('#{ids.TIMELINE} .xtick text');
        var legend = document.querySelector('#{ids.TIMELINE} .legendtext');
        if (!svg || !tick || !legend) {{ return null; }}
        return {{ground: getComputedStyle(svg).backgroundColor,
                 tick: getComputedStyle(tick).fill, legend: getComputedStyle(legend).fill}};""")


def plot_in(dash_duo, dark: bool) -> dict:
    def done():
        c = plot_colours(dash_duo)
        if not c:
            return None
        ground = luminance(c["ground"])
        return c if (ground < 0.05 if dark else ground > 0.8) else None
    return wait_until(done, what=f"the timeline {'dark' if dark else 'light'}")


def test_the_timeline_follows_the_theme_both_ways_and_when_redrawn(dash_duo, seed_store):
    open_app(dash_duo, seed_store)
    shown_in(dash_duo, dark=False)
    tabs = dash_duo.driver.find_elements("css selector", f"#{ids.DOCK} .tab")
    next(t for t in tabs if t.text == "Timeline").click()
    light = plot_in(dash_duo, dark=False)
    dash_duo.find_element(f"#{ids.THEME_TOGGLE}").click()
    dark = plot_in(dash_duo, dark=True)
    for c in (light, dark):
        assert contrast(c["tick"], c["ground"]) >= 4.5, c
        assert contrast(c["legend"], c["ground"]) >= 4.5, c
    # a new figure from the server (another view) is drawn in the theme on screen
    js(dash_duo, f"""window.dash_clientside.set_props('{ids.TOP}', {{value: 5}});""")
    wait_until(lambda: len(js(dash_duo, f"return {CY}.nodes().map(n => 1)")) == 5,
               what="the view of 5 actors")
    assert luminance(plot_in(dash_duo, dark=True)["ground"]) < 0.05
    # opened again in the dark theme: the timeline is dark from the start
    dash_duo.driver.get(dash_duo.server_url + "/")
    shown_in(dash_duo, dark=True)
    tabs = dash_duo.driver.find_elements("css selector", f"#{ids.DOCK} .tab")
    next(t for t in tabs if t.text == "Timeline").click()
    plot_in(dash_duo, dark=True)
    assert dash_duo.get_logs() == []


def test_the_view_picture_and_the_legend_are_in_the_theme_on_screen(dash_duo, seed_store):
    """The picture (Export ▸ SVG) in the dark theme: dark ground, title and legend in light
    text (the graph's names are drawn light for a dark ground); the legend strip's
    co-occurrence line is the theme's, as on the graph."""
    open_app(dash_duo, seed_store)
    shown_in(dash_duo, dark=False)
    dash_duo.find_element(f"#{ids.THEME_TOGGLE}").click()
    dark = shown_in(dash_duo, dark=True)
    svg = js(dash_duo, "return window.relgraphImage.svg()")
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    ground = root.find(f"{ns}rect").get("fill")
    assert contrast(ground, dark["canvas"]) < 1.2  # the canvas's ground
    texts = root.findall(f"{ns}text")  # the title and the legend (the graph's are nested)
    assert texts and all(contrast(t.get("fill"), ground) >= 4.5 for t in texts), [
        (t.text, t.get("fill")) for t in texts]
    for label in set(dark["labels"]):  # the names, as cytoscape draws them
        assert contrast(label, ground) >= 4.5
    cooc = js(dash_duo, f"""var item = Array.from(document.querySelectorAll(
        '#{ids.LEGEND} .item')).find(e => e.textContent === 'co-occurrence only');
        return getComputedStyle(item.previousElementSibling).backgroundColor;""")
    assert contrast(cooc, rgb_hex(THEMES["dark"]["cooc"])) < 1.05
    assert dash_duo.get_logs() == []


def rgb_hex(colour: str) -> str:
    r, g, b = rgb(colour)
    return f"rgb({r:.0f}, {g:.0f}, {b:.0f})"
