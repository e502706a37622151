"""Dashboard logic without a browser: URL state, filters, elements, panels, timeline, table."""

from datetime import date

import pytest

from dashboard.callbacks import CONTROLS, controls_to_filters, filters_to_controls
from dashboard.source import Source
from dashboard.transforms import (
    Filters,
    actor_rows,
    dates_from_relayout,
    edge_details,
    elements,
    filters_from_query,
    filters_to_query,
    highlight,
    node_details,
    search_options,
    summary,
    timeline_figure,
)
from graph import style

LO, HI = date(2023, 9, 11).toordinal(), date(2024, 6, 18).toordinal()
A003 = "003_05abb57fa2a955b5"


@pytest.fixture(scope="module")
def source(seed_store):
    return Source(seed_store)


def test_query_round_trip_and_defaults_are_empty():
    f = Filters(articles=("a", "b"), since="2024-01-01", undated=False, types=("person",),
                kinds=("meet",), min_weight=2, hide_isolated=True, top=20, focus="Kim Jong Un",
                depth=2, source="X", target="Y", layout="cose", size_by="degree")
    assert filters_from_query(filters_to_query(f)) == f
    assert filters_to_query(Filters()) == ""


def test_malformed_query_values_are_ignored():
    f = filters_from_query("?top=abc&depth=9&since=yesterday&types=robot&layout=<x>"
                           "&until=2024-01-02")
    assert f == Filters(depth=3, until="2024-01-02")


def test_controls_round_trip():
    f = Filters(articles=(A003,), since="2023-09-12", min_weight=3, focus="Kim Jong Un")
    values = filters_to_controls(f, LO, HI)
    assert len(values) == len(CONTROLS)
    assert controls_to_filters(values, LO, HI) == f
    full = filters_to_controls(Filters(), LO, HI)
    assert full[1] == [LO, HI] and controls_to_filters(full, LO, HI) == Filters()


def test_one_article_shrinks_the_graph_to_its_actors(source):
    whole = source.graph(Filters())
    one = source.graph(Filters(articles=(A003,)))
    assert 0 < one.number_of_nodes() < whole.number_of_nodes()
    assert one.graph["articles"] == [A003]
    assert all(source.actor_articles(n, Filters(articles=(A003,))) == [A003] for n in one)
    assert "Showing" in summary(one) and "1 article" in summary(one)


def test_top_n_and_hide_isolated(source):
    G = source.graph(Filters(top=10))
    assert G.number_of_nodes() == 10 and summary(G).startswith("Showing 10 of ")
    kinds = source.graph(Filters(kinds=("meet",), hide_isolated=True))
    assert all(kinds.degree(n) for n in kinds)


def test_elements_use_the_shared_style_and_layout(source):
    G = source.graph(Filters())
    els = elements(G)
    nodes = [e for e in els if "source" not in e["data"]]
    edges = [e for e in els if "source" in e["data"]]
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    kim = next(e for e in nodes if e["data"]["id"] == "kim-jong-un")
    assert kim["data"]["color"] == style.TYPE_COLORS["person"] and "position" in kim
    assert elements(G) == els  # the same slice always looks the same
    directed = [e for e in edges if "directed" in e["classes"]]
    assert directed and all(e["data"]["color"] in style.POLARITY_COLORS.values() for e in edges)
    assert all("position" not in e for e in elements(G, "cose") if "source" not in e["data"])


def test_path_is_highlighted(source):
    G = source.graph(Filters(source="kim-myong-sik", target="jon-finer", top=5))
    els = elements(G)
    on_path = [e["data"]["id"] for e in els if "path" in e.get("classes", "")]
    assert "kim-myong-sik" in on_path and "jon-finer" in on_path
    assert any("\u2194" in i for i in on_path)


def test_node_panel_data_has_highlighted_evidence(source):
    f = Filters()
    G = source.graph(f)
    articles = {a["id"]: a for a in source.articles()}
    d = node_details(G, "kim-jong-un", articles, source.evidence("kim-jong-un", f),
                     source.actor_articles("kim-jong-un", f))
    assert d["mentions"] == G.nodes["kim-jong-un"]["mentions"] and d["articles"]
    assert d["evidence"] and all(any(hit for _, hit in e["segments"]) for e in d["evidence"])
    assert d["relations"][0]["weight"] >= d["relations"][-1]["weight"]


def test_edge_panel_data(source):
    G = source.graph(Filters())
    d = edge_details(G, "kim-jong-un", "vladimir-putin",
                     source.edge_evidence("kim-jong-un", "vladimir-putin", Filters()))
    assert d["weight"] == len(d["evidence"]) and d["evidence"][0]["title"]
    assert any(r["kind"] == "meet" for r in d["relations"])


def test_highlight_segments():
    assert highlight("Kim met Putin.", [[8, 13], [0, 3]]) == [
        ("Kim", True), (" met ", False), ("Putin", True), (".", False)]
    assert highlight("abc", [[1, 99]]) == [("a", False), ("bc", True)]


def test_timeline_counts_articles_per_day(source):
    G = source.graph(Filters(since="2024-01-01"))
    fig = timeline_figure(source.articles(), G)
    bars = fig["data"][0]
    assert bars["x"] == ["2024-06-12", "2024-06-18"] and bars["y"] == [1, 1]


def test_timeline_selection_sets_dates():
    assert dates_from_relayout({"xaxis.range[0]": "2024-01-01 00:00", "xaxis.range[1]":
                                "2024-06-30"}) == ("2024-01-01", "2024-06-30")
    assert dates_from_relayout({"xaxis.autorange": True}) == (None, None)
    assert dates_from_relayout({"dragmode": "pan"}) is None


def test_actor_table_rows(source):
    rows = actor_rows(source.graph(Filters()))
    kim = next(r for r in rows if r["id"] == "kim-jong-un")
    assert kim["actor"] == "Kim Jong Un"
    assert kim["degree"] > 10 and kim["betweenness"] > 0 and kim["community"] >= 1
    assert rows[0]["weighted_degree"] >= rows[-1]["weighted_degree"]


def test_search_options_find_actors_by_alias(seed_store):
    options = search_options(seed_store.actor_table())
    kim = next(o for o in options if o["value"] == "kim-jong-un")
    assert "North Korean leader" in kim["search"] and "Kim" in kim["label"]


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "csv"])
def test_data_download_is_the_views_slice(source, fmt):
    import io
    import json
    import zipfile

    from dashboard.callbacks import download_payload

    name, data = download_payload(source, Filters(articles=(A003,)), fmt, briefing=False)
    assert name == f"relgraph.{'zip' if fmt == 'csv' else fmt}"
    if fmt == "json":
        nodes = json.loads(data)["nodes"]
        assert nodes and all(n["articles"] == [A003] for n in nodes)
    elif fmt == "csv":
        assert set(zipfile.ZipFile(io.BytesIO(data)).namelist()) == {"nodes.csv", "edges.csv"}
    else:
        assert b"Kim Myong Sik" in data


@pytest.mark.browser  # kaleido drives Chromium
def test_briefing_download_has_caption_of_the_view(source):
    from dashboard.callbacks import download_payload

    name, data = download_payload(source, Filters(since="2024-01-01"), "pdf", briefing=True)
    import io

    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert name == "relgraph-briefing.pdf" and "2 articles" in text and "Kim Jong Un" in text


def test_size_by_a_chosen_centrality(source):
    G = source.graph(Filters())
    by_degree = {e["data"]["id"]: e["data"]["size"] for e in elements(G, size_by="degree")
                 if "source" not in e["data"]}
    biggest = max(by_degree, key=by_degree.get)
    assert G.degree(biggest) == max(d for _, d in G.degree())
    assert by_degree != {e["data"]["id"]: e["data"]["size"] for e in elements(G)
                         if "source" not in e["data"]}
