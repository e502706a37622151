"""Slide-legible briefing images, measured on the SVG the renderer drew: type sizes in points as a
13.33 in slide shows them, every drawn actor named (or numbered in the key), and no text over
another text, a node or the legend; for the seeds, a ~300-actor synthetic slice, a focus and
a path, at several page sizes. Also: the CLI draws the dashboard's default view by default."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from svg_boxes import boxes, font_sizes, overlaps, page_width
from synthetic_store import synthetic_store

from graph.cli.main import main
from graph.core.choices import DEFAULT_SIZE, DEFAULT_TOP, SIZES
from graph.core.model import GraphSlice
from graph.store.store import Store
from graph.views.captions import sources_lines, wrap
from graph.views.image import image_bytes, page_size
from graph.views.rules import view_graph
from graph.views.typography import SLIDE_INCHES, capacity, text_width, typography

pytestmark = pytest.mark.slow  # the seeds

PAGES = [("16:9", None, None), ("A4", None, None), (None, 1280, 720), (None, 1920, 1080)]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Store:
    return synthetic_store(tmp_path_factory.mktemp("syn") / "syn.db")


def points(px: float, width: float, size: str | None) -> float:
    """A size in px of an image ``width`` px wide, as points on the page it fills."""
    inches = SLIDE_INCHES.get(size or "", SLIDE_INCHES["16:9"])
    return px * inches * 72 / width


def check_slide(G: nx.Graph, svg: bytes, size: str | None) -> None:
    """The typography rules on one drawn SVG."""
    width = page_width(svg)
    drawn = boxes(svg)
    names = {str(d.get("label", v)) for v, d in G.nodes(data=True)}
    sizes = font_sizes(svg)
    assert sizes
    for text, px in sizes:
        pt = points(px, width, size)
        assert pt >= 11.95, (text, pt)  # no text under 12 pt
        if text in names:
            assert pt >= 13.95, (text, pt)  # actor names 14 pt
    title = max(px for _, px in sizes)
    assert points(title, width, size) >= 23.95
    assert overlaps(svg) == []
    # every drawn actor is named, or numbered with the key under the graph
    labels = [b.text for b in drawn if b.kind == "label"]
    left = min(b.x0 for b in drawn if b.kind == "note")  # caption, sources, key: not the
    notes = " ".join(b.text for b in drawn if b.kind == "note" and b.x0 < left + 5)  # legend
    numbered = [t for t in labels if t.isdigit()]
    named = {t for t in labels if t in names}
    key = dict(re.findall(r"(\d+) (.+?)(?: ·|$)", notes.split("Numbered actors: ", 1)[1])
               ) if numbered else {}
    assert sorted(numbered, key=int) == sorted(key, key=int)
    assert named | set(key.values()) == names, names - named - set(key.values())


@pytest.mark.parametrize(("size", "width", "height"), PAGES)
def test_seed_default_view_is_legible_at_every_size(seed_store, size, width, height):
    w, h = page_size(width, height, size)
    G = view_graph(seed_store, GraphSlice(), top=capacity(w, h, size))
    svg = image_bytes(G, "svg", size=size, width=width, height=height, subtitle="Seeds",
                      caption="5 articles · 2024-06-12 – 2024-06-18", sources=seed_store.articles())
    check_slide(G, svg, size)


@pytest.mark.parametrize("size", ["16:9", "A4"])
def test_a_300_actor_slice_is_cut_to_what_fits_and_legible(synthetic, size):
    full = view_graph(synthetic, GraphSlice())
    assert 280 <= full.graph["total_actors"] <= 340
    w, h = SIZES[size]
    G = view_graph(synthetic, GraphSlice(), top=capacity(w, h, size))
    assert len(G) == capacity(w, h, size) < 30
    check_slide(G, image_bytes(G, "svg", size=size, caption="showing some"), size)


def test_focus_and_path_views_are_legible(seed_store):
    G = view_graph(seed_store)
    people = sorted((v for v, d in G.nodes(data=True) if d["type"] == "person"),
                    key=lambda v: -G.nodes[v]["mentions"])
    hub = people[0]  # the most mentioned person, and one two or more steps away
    far = next(v for v in people if nx.has_path(G, hub, v)
               and nx.shortest_path_length(G, hub, v) >= 2)
    focus = view_graph(seed_store, GraphSlice(), top=DEFAULT_TOP, focus=hub)
    check_slide(focus, image_bytes(focus, "svg", title="Around the hub"), None)
    path = view_graph(seed_store, GraphSlice(), top=capacity(*SIZES["A4"], "A4"),
                      path=(hub, far))
    assert len(path.graph["path"]) >= 3
    check_slide(path, image_bytes(path, "svg", size="A4"), "A4")


def test_the_default_top_is_what_a_16_9_slide_holds():
    assert SIZES["16:9"] == DEFAULT_SIZE
    assert capacity(*DEFAULT_SIZE) == DEFAULT_TOP
    assert capacity(*SIZES["A4"], "A4") < DEFAULT_TOP < capacity(1920, 1200)
    t = typography(1600)
    assert 14 <= t.points(t.label) < 14.1 and 24 <= t.points(t.title) < 24.1


def test_text_widths_follow_the_glyphs():
    assert text_width("WWWW", 20) > text_width("iiii", 20) * 2
    assert text_width("東京", 20) >= 40 and text_width("Ким", 20) > text_width("Kim", 20)
    lines = wrap(["alpha beta", "gamma", "delta epsilon"], text_width("alpha beta gamma", 12),
                 12)
    assert lines == ["alpha beta gamma", "delta epsilon"]
    arts = [{"id": f"a{i}", "title": f"Report {i}", "source": "Wire", "date": "2024-01-02"}
            for i in range(40)]
    out = sources_lines(arts, 600, 20, most=2)
    assert len(out) == 2 and out[0].startswith("Sources: Report 0 (Wire, 2024-01-02);")
    assert out[-1].endswith("more") and all(text_width(x, 20) <= 600 for x in out)


def test_cli_default_draws_the_dashboards_default_view(seed_db, seed_store, tmp_path, capsys):
    from dashboard.filters import Filters
    from dashboard.viewdata import ViewData

    out = tmp_path / "default.svg"
    assert main(["export", "--db", str(seed_db), "-f", "svg", "-o", str(out)]) == 0
    said = capsys.readouterr()
    dash = ViewData(seed_store).graph(Filters())
    names = {d["label"] for _, d in dash.nodes(data=True)}
    total = dash.graph["total_actors"]
    assert len(names) == DEFAULT_TOP
    assert f"showing {DEFAULT_TOP} of {total:,} actors; --top 0 for all" in said.out
    assert "warning" not in said.err
    drawn = boxes(out.read_bytes())
    labels = {b.text for b in drawn if b.kind == "label"}
    key = " ".join(b.text for b in drawn if b.kind == "note")
    assert {n for n in names if n in labels or f" {n}" in key} == names
    check_slide(dash, out.read_bytes(), None)


def test_cli_warns_before_drawing_a_slice_too_big_to_read(seed_db, tmp_path, capsys):
    out = tmp_path / "all.svg"
    assert main(["export", "--db", str(seed_db), "-f", "svg", "-o", str(out), "--top",
                 "0"]) == 0
    said = capsys.readouterr()
    assert re.search(r"warning: \d+ actors are more than this page shows legibly \(25\)",
                     said.err)
    assert "showing" not in said.out
