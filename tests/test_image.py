"""Briefing images: every format valid, labels as real text, caption, size/DPI, empty slice."""

import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pytest
from period_corpus import build
from PIL import Image
from pypdf import PdfReader
from seed_cast import label, leaders, namesake, one_article_people

from graph.cli.main import main
from graph.core.cameo import kind_info
from graph.core.model import GraphSlice
from graph.slices.build import build_graph
from graph.views import style
from graph.views.image import EmptySliceError, figure, image_bytes, slice_caption

pytestmark = pytest.mark.slow  # the seeds


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return [t for e in root.iter() if e.tag.endswith("}text")
            for t in ["".join(e.itertext())] if t]


def test_png_has_requested_size_and_dpi(seed_graph):
    data = image_bytes(seed_graph, "png", width=800, height=500, dpi=192)
    img = Image.open(io.BytesIO(data))
    assert img.size == (1600, 1000)  # CSS px × dpi/96
    assert round(img.info["dpi"][0]) == 192
    a4 = Image.open(io.BytesIO(image_bytes(seed_graph, "png", size="A4", dpi=150)))
    assert a4.size == (1754, 1240)  # A4 landscape at 150 dpi


def test_svg_is_vector_with_labels_as_text(seed_graph):
    texts = svg_texts(image_bytes(seed_graph, "svg", title="Seed graph", caption="five seeds"))
    lead, partner = (label(seed_graph, a) for a in leaders(seed_graph))
    for expected in (lead, partner, "Seed graph", "five seeds", "Person",
                     "Hostile relation", "Co-occurrence only", "Node size: mentions",
                     "Link width: sentences"):
        assert expected in texts
    assert any(t.startswith("generated ") and t.endswith(" by relgraph") for t in texts)


def test_pdf_has_one_page_and_searchable_text(seed_graph):
    reader = PdfReader(io.BytesIO(image_bytes(seed_graph, "pdf", size="A4")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 596  # A4 in pt
    text = reader.pages[0].extract_text()
    assert label(seed_graph, leaders(seed_graph)[0]) in text and "Russia" in text


def test_labels_none_and_top(seed_graph):
    lead, partner = (label(seed_graph, a) for a in leaders(seed_graph))
    minor = label(seed_graph, namesake(seed_graph))  # far outside the top
    none = svg_texts(image_bytes(seed_graph, "svg", labels="none"))
    assert minor not in none and lead not in none
    labelled = [a["text"] for a in figure(seed_graph, labels="all")["layout"]["annotations"]]
    assert {lead, minor, partner} <= set(labelled)


def test_top_limits_the_actors_drawn(seed_graph):
    fig = figure(seed_graph, top=5)
    drawn = [x for trace in fig["data"] if trace["mode"] == "markers" and trace.get("hovertext")
             for x in trace["hovertext"]]
    assert len(drawn) == 5 and label(seed_graph, leaders(seed_graph)[0]) in drawn


def test_empty_slice_is_a_clear_error(seed_store, capsys, seed_db, tmp_path):
    G = build_graph(seed_store, GraphSlice(since=date(2030, 1, 1)))
    with pytest.raises(EmptySliceError, match="no actors"):
        image_bytes(G, "png")
    code = main(["export", "--db", str(seed_db), "-f", "png", "-o", str(tmp_path / "x.png"),
                 "--since", "2030-01-01"])
    assert code == 2 and "nothing to draw" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_cli_caption_reflects_filters(seed_db, tmp_path):
    out = tmp_path / "brief.svg"
    code = main(["export", "--db", str(seed_db), "-f", "svg", "-o", str(out), "--since",
                 "2024-01-01", "--type", "person", "--type", "country", "--top", "6",
                 "--title", "Summit <b>watch</b>"])
    texts = svg_texts(out.read_bytes())
    caption = next(t for t in texts if t.startswith("2 articles"))
    assert code == 0 and "2024-06-12 – 2024-06-18" in caption
    assert "types: person, country" in caption and "from 2024-01-01" in caption
    assert "Summit <b>watch</b>" in texts  # titles are text, never markup


def test_caption_lists_titles_of_a_few_articles():
    sl = GraphSlice(articles=("a",), kinds=("meet",), min_weight=2)
    arts = [{"id": "a", "title": "Leaders meet", "date": "2024-01-02", "source": ""}]
    assert slice_caption(sl, arts, shown=5, total=9) == (
        "Leaders meet · 2024-01-02 · relations: meet · min weight 2 · showing 5 of 9 actors")
    assert slice_caption(sl, arts, focus="A", depth=2, path=["A", "B"]).startswith(
        "path: A → B · focus: A (2 steps) · Leaders meet")


def test_directed_edges_get_arrowheads():
    G = nx.Graph()
    for n, t in (("A", "person"), ("B", "country"), ("C", "organisation")):
        G.add_node(n, label=n, type=t, mentions=3, aliases=[], articles=[])
    G.add_edge("A", "B", weight=2, polarity="hostile", directed=True, source="A", target="B",
               kinds=["accuse"], relations=[])
    G.add_edge("B", "C", weight=1, polarity="neutral", directed=False, source="B", target="C",
               kinds=["co-occurrence"], relations=[])
    heads = [t for t in figure(G)["data"] if t["mode"] == "markers" and t["marker"].get(
        "symbol") == "triangle-up"]
    assert len(heads) == 1 and len(heads[0]["x"]) == 1


def test_size_and_width_are_exclusive(seed_db, tmp_path, capsys):
    code = main(["export", "--db", str(seed_db), "-f", "png", "-o", str(tmp_path / "x.png"),
                 "--size", "A4", "--width", "900"])
    assert code == 2 and "either --size or --width/--height" in capsys.readouterr().err


def test_images_need_no_browser(seed_db, tmp_path):
    """Images are drawn in process (matplotlib): no Chromium found, none started, and the
    image modules never import a browser driver."""
    env = {**os.environ, "BROWSER_PATH": str(tmp_path / "no-chromium"), "PATH": "/nonexistent"}
    for fmt in ("png", "svg", "pdf"):
        out = tmp_path / f"x.{fmt}"
        run = subprocess.run(
            [sys.executable, "-c", "import sys; from graph.cli.main import main; "
             "code = main(); assert not [m for m in sys.modules if m.split('.')[0] in "
             "('kaleido', 'choreographer', 'plotly')], 'a browser driver was imported'; "
             "sys.exit(code)",
             "export", "--db", str(seed_db), "-f", fmt, "-o", str(out)],
            env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert out.stat().st_size > 1000 and run.stderr == ""


@pytest.fixture(scope="module")
def invented_graph(tmp_path_factory):
    """The graph of a few invented articles (tests/period_corpus.py): a handful of actors with
    meetings, a criticism and praise, small enough that every link has room for its verb."""
    return build_graph(build(tmp_path_factory.mktemp("invented") / "periods.db"))


def test_typed_relations_carry_their_verb(invented_graph):
    """Typed relations are drawn with their verb, the strongest link's first (verbs that would
    touch a name or a node are left out); read from the graph, never from one seed layout."""
    G = invented_graph
    typed = sorted(((d["weight"], style.kind_label(d["relations"][0]["kind"])) for *_, d in
                    G.edges(data=True) if d.get("relations")), reverse=True)
    verbs = {verb for _, verb in typed}
    assert len(verbs) >= 2, typed  # the articles give more than one kind of relation
    drawn = [a["text"] for a in figure(G, labels="top")["layout"]["annotations"]
             if a.get("textangle") is not None]
    assert typed[0][1] in drawn and len(drawn) >= 2, (typed, drawn)
    assert {verb for text in drawn for verb in text.split(", ")} <= verbs, (typed, drawn)
    texts = svg_texts(image_bytes(G, "svg", labels="top"))
    assert sorted(t for t in texts if t in drawn) == sorted(drawn)  # real text in the SVG
    G = nx.Graph()
    for n, t in (("A", "person"), ("B", "country")):
        G.add_node(n, label=n, type=t, mentions=3, aliases=[], articles=[])
    G.add_edge("A", "B", weight=2, polarity="hostile", directed=True, source="A", target="B",
               kinds=["accuse"], relations=[{"kind": "accuse", "source": "A", "target": "B",
                                             "count": 2, "polarity": "hostile"}])
    verbs = [a["text"] for a in figure(G, width=900, height=600)["layout"]["annotations"]
             if a.get("textangle") is not None]
    assert verbs == ["accused"]


def test_cli_draws_the_dashboards_view(seed_db, seed_store, tmp_path, capsys):
    from dashboard.filters import Filters
    from dashboard.viewdata import ViewData

    out = tmp_path / "top.svg"
    assert main(["export", "--db", str(seed_db), "-f", "svg", "-o", str(out), "--top",
                 "40", "--sources", "--subtitle", "Seed articles"]) == 0
    shown = capsys.readouterr().out
    G = ViewData(seed_store).graph(Filters(top=40))
    assert f"40 actors, {G.number_of_edges()} edges" in shown
    assert G.number_of_edges() <= 5 * 40
    texts = svg_texts(out.read_bytes())
    assert "Seed articles" in texts
    assert any(t.startswith("Sources: ") for t in texts)
    assert any("The Moscow Times" in t for t in texts)


def test_cli_focus_and_path_are_highlighted_and_named(seed_db, seed_graph, tmp_path):
    out = tmp_path / "focus.pdf"
    lead = label(seed_graph, leaders(seed_graph)[0])
    start = label(seed_graph, namesake(seed_graph))
    end = label(seed_graph, one_article_people(seed_graph, "002_0899eaed18e29f52")[0])
    assert main(["export", "--db", str(seed_db), "-f", "pdf", "-o", str(out), "--focus",
                 lead, "--path", start, end, "--title", "Around the leader"]) == 0
    reader = PdfReader(str(out))
    text = " ".join(reader.pages[0].extract_text().split())
    assert reader.metadata.title == "Around the leader"
    assert f"focus: {lead}" in text and f"path: {start} →" in text
    code = main(["export", "--db", str(seed_db), "-f", "png", "-o", str(out), "--focus",
                 "Nobody Atall"])
    assert code == 2


def _parts_graph(sizes: list[int]) -> nx.Graph:
    """An invented graph of disconnected parts of these sizes: each part a ring with a hub
    linked to all of it (two nodes: one link), actors named by part and place."""
    G: nx.Graph = nx.Graph()
    for p, n in enumerate(sizes):
        nodes = [f"part{p}-{i}" for i in range(n)]
        for v in nodes:
            G.add_node(v, label=v, type="person", mentions=1 + (v == nodes[0]) * 4)
        G.add_edges_from((nodes[0], v) for v in nodes[1:])
        G.add_edges_from(zip(nodes[1:], nodes[2:] + nodes[1:2], strict=True) if n > 3 else ())
    return G


def _box(pos: dict, nodes) -> tuple[float, float, float, float]:
    xs, ys = [pos[v][0] for v in nodes], [pos[v][1] for v in nodes]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("sizes", [[13, 2, 2, 2, 1, 1], [12, 2, 2, 2, 1, 1],
                                   [20, 6, 3, 2, 1, 1, 1], [9, 8, 2]])
def test_disconnected_parts_fill_the_frame(sizes):
    """A graph of several parts (a persons-only slice often is). Laid out together, the small
    parts drift to the edges and the main part shrinks into a corner (share 0.07 before
    packing); packed, the main part takes a good share of the frame, the parts keep apart
    and together they reach across the frame."""
    from graph.views.positions import positions

    G = _parts_graph(sizes)
    parts = sorted(nx.connected_components(G), key=len, reverse=True)
    assert [len(p) for p in parts] == sorted(sizes, reverse=True)
    pos = positions(G, "spring", 1600, 900)
    x0, y0, x1, y1 = _box(pos, parts[0])
    share = (x1 - x0) * (y1 - y0) / (1600 * 900)
    assert share >= 0.2, share
    boxes = [_box(pos, p) for p in parts]
    for i, a in enumerate(boxes):  # no part's box reaches into another's
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    assert max(xs) - min(xs) > 0.8 * 1600 and max(ys) - min(ys) > 0.8 * 900


def test_the_legend_names_the_relation_types_drawn_with_their_cameo_roots(seed_graph):
    from graph.views.legend import cameo_entries

    entries = cameo_entries(["meet", "accuse", "no-such-kind"])
    assert [e[0].split(" — ")[0] for e in entries] == ["meet", "accuse"]
    names = {t.get("name") for t in figure(seed_graph)["data"]}
    # the seed graph's most frequent kinds (which ones depends on the relation rules), each
    # named with its own root
    shown = [n for n in names if n and " — " in n]
    assert len(shown) >= 3
    for name in shown:
        kind, root = name.split(" — ")
        assert root == f"{kind_info(kind).root_code} {kind_info(kind).root_name}"


def test_names_in_other_scripts_are_drawn_as_text(tmp_path):
    """A name outside Latin-1 (an invented Cyrillic one) is real text in the PDF and the SVG
    (the font's fallbacks supply its glyphs), not boxes or question marks."""
    G: nx.Graph = nx.Graph()
    G.add_node("a", label="Ольга Вересова", type="person", mentions=4)
    G.add_node("b", label="Zoë Ångmar", type="person", mentions=2)
    G.add_edge("a", "b", weight=3)
    caption = "path: Ольга Вересова → Zoë Ångmar"
    pdf = PdfReader(io.BytesIO(image_bytes(G, "pdf", caption=caption))).pages[0].extract_text()
    assert "Ольга Вересова" in pdf and "Zoë Ångmar" in pdf and "→ Zoë" in pdf
    texts = svg_texts(image_bytes(G, "svg", caption=caption))
    assert "Ольга Вересова" in texts and caption in texts
