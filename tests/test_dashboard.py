"""Dashboard logic without a browser: URL state, filters, elements, panels, timeline, table.

Actors are found through their ``label`` (node ids may differ from display names); the seed
story's people through :mod:`seed_cast`, from the data (no test names a real person).
"""

import io
import json
import zipfile
from datetime import date

import grimp
import pytest
from seed_cast import label, leaders, namesake, one_article_people

from dashboard.callbacks import details_view
from dashboard.details import edge_details, highlight, node_details, path_steps, plural
from dashboard.downloads import download_payload
from dashboard.elements import KEY_LABELS, elements, legend
from dashboard.filters import (
    CONTROLS,
    Filters,
    canonical,
    filters_from_controls,
    filters_from_query,
    filters_to_controls,
    filters_to_query,
)
from dashboard.layout import kind_options
from dashboard.tables import (
    PICK_LIMIT,
    actor_rows,
    dates_from_relayout,
    picker_options,
    search_options,
    summary,
    timeline_figure,
)
from dashboard.validate import briefing_options
from dashboard.viewdata import EXPAND_LIMIT, LINKS_PER_ACTOR, ViewData
from graph.core.cameo import expand_kinds, kind_info
from graph.core.errors import InvalidValue
from graph.views import style

A003 = "003_05abb57fa2a955b5"


@pytest.fixture(scope="module")
def source(seed_store):
    return ViewData(seed_store)


@pytest.fixture(scope="module")
def cast(seed_graph):
    """Labels: the leader, his counterpart, the leader's namesake (one 2023 article), a
    person of another 2023 article only."""
    lead, partner = leaders(seed_graph)
    return (label(seed_graph, lead), label(seed_graph, partner),
            label(seed_graph, namesake(seed_graph)),
            label(seed_graph, one_article_people(seed_graph, "002_0899eaed18e29f52")[1]))


def node(G, label):
    """The node id of the actor displayed as ``label``."""
    return next(v for v, d in G.nodes(data=True) if d["label"] == label)


def test_query_round_trip_and_defaults_are_empty():
    f = Filters.of(articles=("a", "b"), since="2024-01-01", undated=False, types=("person",),
                kinds=("meet",), min_weight=2, hide_isolated=True, top=20, focus="Amaya Quispe",
                depth=2, source="X", target="Y", layout="cose", size_by="degree",
                color_by="community")
    assert filters_from_query(filters_to_query(f)) == f
    assert filters_to_query(Filters()) == ""
    assert canonical("?top=20&types=person&zzz=1") == canonical("types=person&top=20")


def test_malformed_query_values_are_ignored():
    f = filters_from_query("?top=abc&depth=9&since=yesterday&types=robot&layout=<x>"
                           "&until=2024-01-02&color_by=rainbow")
    assert f == Filters.of(depth=3, until="2024-01-02")


def test_controls_round_trip():
    f = Filters.of(articles=(A003,), since="2023-09-12", min_weight=3, focus="Amaya Quispe",
                color_by="community")
    values = filters_to_controls(f)
    assert len(values) == len(CONTROLS)
    assert list(values) == list(CONTROLS)
    assert filters_from_controls(values) == f
    assert filters_from_controls(filters_to_controls(Filters())) == Filters()


@pytest.mark.parametrize("name,value", [("articles", "a"), ("since", "yesterday"),
                                        ("types", ["robot"]), ("top", "60"), ("depth", 4),
                                        ("layout", "spiral"), ("color_by", "rainbow")])
def test_impossible_control_values_are_refused(name, value):
    values = filters_to_controls(Filters())
    values[name] = value
    with pytest.raises(InvalidValue):
        filters_from_controls(values)


def test_control_values_must_name_every_control():
    values = filters_to_controls(Filters())
    del values["top"]
    with pytest.raises(InvalidValue):
        filters_from_controls(values)
    with pytest.raises(InvalidValue):
        filters_from_controls({**filters_to_controls(Filters()), "colour": "red"})


def test_the_view_state_holds_the_slice_with_its_kinds_expanded():
    f = Filters.of(since="2024-01-01", kinds=("root:01", "meet"), types=("person",))
    assert f.slice.since == date(2024, 1, 1) and f.slice.types == ("person",)
    assert f.kind_choices == ("root:01", "meet")  # as chosen: what the URL and control keep
    assert f.slice.kinds == expand_kinds(("root:01", "meet")) == ("tell", "meet")
    assert filters_from_query(filters_to_query(f)) == f


@pytest.mark.slow
def test_one_article_shrinks_the_graph_to_its_actors(source):
    whole = source.graph(Filters())
    one = source.graph(Filters.of(articles=(A003,)))
    assert 0 < one.number_of_nodes() < whole.number_of_nodes()
    assert one.graph["articles"] == [A003]
    assert all(source.actor_articles(n, Filters.of(articles=(A003,))) == [A003] for n in one)
    assert "Showing" in summary(one) and "1 article" in summary(one)
    assert "1 articles" not in summary(one)


@pytest.mark.slow
def test_top_n_link_cap_and_hide_isolated(source):
    G = source.graph(Filters.of(top=10))
    assert G.number_of_nodes() == 10 and summary(G).startswith("Showing 10 of ")
    assert G.number_of_edges() <= LINKS_PER_ACTOR * 10
    kinds = source.graph(Filters.of(kinds=("meet",), hide_isolated=True))
    assert all(kinds.degree(n) for n in kinds)


@pytest.mark.slow
def test_elements_use_the_shared_style_and_layout(source, cast):
    G = source.graph(Filters())
    els = elements(G)
    nodes = [e for e in els if "source" not in e["data"]]
    edges = [e for e in els if "source" in e["data"]]
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    lead = next(e for e in nodes if e["data"]["label"] == cast[0])  # a person
    assert lead["data"]["color"] == style.TYPE_COLORS["person"] and "position" in lead
    assert elements(G) == els  # the same slice always looks the same
    directed = [e for e in edges if "directed" in e["classes"]]
    assert directed and all(e["data"]["color"] in style.POLARITY_COLORS.values() for e in edges)
    typed = [e for e in edges if "typed" in e["classes"]]
    assert typed and all(e["data"]["verb"] for e in typed)
    assert {e["data"]["verb"] for e in typed} & {"met", "visited", "accused"}
    assert all("cooc" in e["classes"] for e in edges if e not in typed)
    assert all("position" not in e for e in elements(G, "cose") if "source" not in e["data"])
    ranks = sorted(e["data"]["rank"] for e in nodes)
    assert ranks == list(range(len(nodes))) and lead["data"]["rank"] < 3
    # the key actors (always labelled on the page): the 20 of most weight on their links
    key = {e["data"]["id"] for e in nodes if "key" in e["classes"].split()}
    weight = {str(v): G.degree(v, weight="weight") for v in G}
    assert len(key) == KEY_LABELS
    assert min(weight[v] for v in key) >= max(weight[v] for v in weight if v not in key)
    assert {e["data"]["id"] for e in nodes if e["data"]["rank"] < KEY_LABELS} == key


@pytest.mark.slow
def test_colour_by_community_and_legend_follow(source, cast):
    G = source.graph(Filters())
    by_type = {e["data"]["id"]: e["data"]["color"] for e in elements(G) if "source" not in
               e["data"]}
    by_comm = {e["data"]["id"]: e["data"]["color"] for e in elements(G, color_by="community")
               if "source" not in e["data"]}
    assert set(by_comm.values()) <= set(style.COMMUNITY_COLORS) | {style.OTHER_COLOR}
    assert by_comm != by_type and len(set(by_comm.values())) > 1
    entries = legend(G, "community")
    assert "Communities" in entries and "Actors" not in entries
    assert entries["Communities"][0][1] == style.COMMUNITY_COLORS[0]
    assert any(cast[0] in name or "Russia" in name or "North Korea" in name
               for name, _ in entries["Communities"])


@pytest.mark.slow
def test_path_is_highlighted_and_listed_as_steps(source, cast):
    start, end = cast[2:]  # two people of different articles, not linked directly
    G = source.graph(Filters.of(top=60))
    a, b = node(G, start), node(G, end)
    assert not G.has_edge(a, b)
    f = Filters.of(source=a, target=b, top=5)
    G = source.graph(f)
    els = elements(G)
    on_path = [e["data"].get("label", e["data"]["id"]) for e in els
               if "path" in e.get("classes", "")]
    assert start in on_path and end in on_path
    steps = path_steps(G, lambda u, v: source.edge_evidence(G, u, v, f))
    assert len(steps) == len(G.graph["path"]) - 1 >= 2
    assert steps[0]["from"] == start and steps[-1]["to"] == end
    assert all(s["evidence"] and any(hit for st in s["evidence"] for _, hit in st["segments"])
               for s in steps)
    drawer = details_view(source, f, None, 40)
    assert not drawer["hidden"] and f"Path {start} → {end}" in str(drawer["body"])


@pytest.mark.slow
def test_node_panel_counts_and_pages_its_evidence(source):
    f = Filters()
    G = source.graph(f)
    russia = node(G, "Russia")
    articles = {a["id"]: a for a in source.articles()}
    every = source.evidence(G, russia, f)
    d = node_details(G, russia, articles, every, shown=40)
    assert d["evidence_total"] == len(every) > 40 and len(d["evidence"]) == 40
    assert all(any(hit for _, hit in e["segments"]) for e in d["evidence"])
    assert d["relations"][0]["weight"] >= d["relations"][-1]["weight"]
    drawer = details_view(source, f, {"kind": "node", "id": russia}, 40)
    assert f"Evidence (40 of {len(every)})" in str(drawer["body"]) and not drawer["more_hidden"]
    assert drawer["more"] == f"Show {min(40, len(every) - 40)} more"
    drawer = details_view(source, f, {"kind": "node", "id": russia}, 10_000)
    assert f"Evidence ({len(every)})" in str(drawer["body"]) and drawer["more_hidden"]


@pytest.mark.slow
def test_details_say_when_the_selection_left_the_view(source, cast):
    name = cast[2]  # named in a 2023 article only
    G = source.graph(Filters(top=60))
    gone = node(G, name)
    f = Filters.of(since="2024-01-01")
    assert gone not in source.graph(f)
    drawer = details_view(source, f, {"kind": "node", "id": gone, "label": name}, 40)
    assert not drawer["hidden"] and "not in this view" in str(drawer["body"])
    assert not drawer["focus_hidden"] and drawer["focus"] == f"Focus on {name}"


@pytest.mark.slow
def test_edge_panel_highlights_both_actors(source, cast):
    f = Filters()
    G = source.graph(f)
    lead, partner = node(G, cast[0]), node(G, cast[1])
    evidence, spans = source.edge_evidence(G, lead, partner, f)
    d = edge_details(G, lead, partner, evidence, spans)
    assert d["weight"] == d["evidence_total"] == len(evidence) and d["evidence"][0]["title"]
    assert any(r["kind"] == "meet" for r in d["relations"])
    marked = [{t for t, hit in e["segments"] if hit} for e in d["evidence"]]
    def names(t: str, who: str) -> bool:  # a marked segment naming ``who`` (or part of it)
        return bool(set(t.split()) & set(who.split()))
    both = [m for m in marked if any(names(t, cast[0]) for t in m)
            and any(names(t, cast[1]) for t in m)]
    assert len(both) >= len(marked) // 2


def test_plurals():
    assert plural(1, "mention") == "1 mention" and plural(2, "mention") == "2 mentions"
    assert plural(1204, "article") == "1,204 articles"


def test_highlight_segments():
    assert highlight("Ada met Borin.", [[8, 13], [0, 3]]) == [
        ("Ada", True), (" met ", False), ("Borin", True), (".", False)]
    assert highlight("abc", [[1, 99]]) == [("a", False), ("bc", True)]


@pytest.mark.slow
def test_timeline_counts_articles_per_day(source):
    G = source.graph(Filters.of(since="2024-01-01"))
    fig = timeline_figure(source.articles(), G)
    bars = fig["data"][0]
    assert bars["x"] == ["2024-06-12", "2024-06-18"] and bars["y"] == [1, 1]


def test_timeline_selection_sets_dates():
    assert dates_from_relayout({"xaxis.range[0]": "2024-01-01 00:00", "xaxis.range[1]":
                                "2024-06-30"}) == ("2024-01-01", "2024-06-30")
    assert dates_from_relayout({"xaxis.autorange": True}) == (None, None)
    assert dates_from_relayout({"dragmode": "pan"}) is None


@pytest.mark.slow
def test_actor_table_rows(source, cast):
    G = source.graph(Filters())
    rows = actor_rows(G)
    lead = next(r for r in rows if r["actor"] == cast[0])
    assert lead["id"] == str(node(G, cast[0]))
    assert lead["degree"] > 10 and lead["betweenness"] > 0 and lead["community"] >= 1
    assert rows[0]["weighted_degree"] >= rows[-1]["weighted_degree"]


@pytest.mark.slow
def test_search_options_find_actors_by_alias(seed_store, seed_graph, cast):
    options = search_options(seed_store.actor_table())
    lead = next(o for o in options if o["label"].startswith(cast[0]))
    aliases = seed_graph.nodes[leaders(seed_graph)[0]]["aliases"]
    titles = [a for a in aliases if not set(a.split()) & set(cast[0].split())]  # "... leader"
    assert titles and all(t in lead["search"] for t in titles)
    mentions = {r["id"]: r["mentions"] for r in seed_store.actor_table()}
    counts = [mentions[o["value"]] for o in options]
    assert counts == sorted(counts, reverse=True)  # most important first


def test_a_picker_lists_the_first_actors_and_keeps_its_value():
    options = [{"label": f"A{i}", "value": f"a{i}", "search": f"A{i}"} for i in range(120)]
    assert picker_options(options) == options[:PICK_LIMIT]
    assert picker_options(options, "a3") == options[:PICK_LIMIT]
    assert picker_options(options, "a99") == [*options[:PICK_LIMIT], options[99]]
    assert picker_options(options, "gone") == options[:PICK_LIMIT]


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "csv"])
@pytest.mark.slow
def test_data_download_is_the_views_slice(source, fmt, cast):
    name, data = download_payload(source, Filters.of(articles=(A003,)), fmt, briefing=False)
    assert name == f"relgraph.{'zip' if fmt == 'csv' else fmt}"
    if fmt == "json":
        nodes = json.loads(data)["nodes"]
        assert nodes and all(n["articles"] == [A003] for n in nodes)
    elif fmt == "csv":
        assert set(zipfile.ZipFile(io.BytesIO(data)).namelist()) == {"nodes.csv", "edges.csv"}
    else:
        assert cast[2].encode() in data  # named in that article


def test_briefing_options_are_checked():
    assert briefing_options("T", "", "A4", None, None, ["on"]) == {
        "title": "T", "subtitle": "", "sources": True, "size": "A4"}
    assert briefing_options(None, None, "custom", 800, 600, [])["width"] == 800
    for bad in [("T", "", "A5", None, None, []), ("T", "", "custom", 50, 600, []),
                (5, "", "A4", None, None, [])]:
        with pytest.raises(InvalidValue):
            briefing_options(*bad)


@pytest.mark.slow
def test_briefing_download_draws_the_focus_and_names_it(source, cast):
    from pypdf import PdfReader

    G = source.graph(Filters())
    lead = node(G, cast[0])
    options = briefing_options("The leader's circle", "seed articles", "A4", None, None,
                               ["on"])
    name, data = download_payload(source, Filters.of(since="2024-01-01", focus=lead), "pdf",
                                  briefing=True, options=options)
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(reader.pages[0].extract_text().split())
    assert name == "relgraph-the-leader-s-circle.pdf"
    assert reader.metadata.title == "The leader's circle"
    assert f"focus: {cast[0]}" in text and "2 articles" in text and "Sources:" in text


@pytest.mark.slow
def test_size_by_a_chosen_centrality(source):
    G = source.graph(Filters())
    by_degree = {e["data"]["id"]: e["data"]["size"] for e in elements(G, size_by="degree")
                 if "source" not in e["data"]}
    biggest = max(by_degree, key=by_degree.get)
    assert G.degree(biggest) == max(d for _, d in G.degree())
    assert by_degree != {e["data"]["id"]: e["data"]["size"] for e in elements(G)
                         if "source" not in e["data"]}


@pytest.mark.slow
def test_kind_filter_offers_cameo_categories_that_stand_for_their_kinds(source):
    options = kind_options(source.corpus().relation_kinds)
    values = [o["value"] for o in options]
    assert "quad:verbal-conflict" in values and f"root:{kind_info('meet').root_code}" in values
    assert any(o["label"].startswith("meet · ") for o in options)
    hostile = expand_kinds(("quad:verbal-conflict", "quad:material-conflict"))
    assert "accuse" in hostile and "meet" not in hostile
    G = source.graph(Filters.of(kinds=("quad:verbal-conflict", "quad:material-conflict")))
    assert G.number_of_edges() and all(d["polarity"] == "hostile"
                                       for *_, d in G.edges(data=True))


PURE = ["dashboard.filters", "dashboard.validate", "dashboard.details", "dashboard.elements",
        "dashboard.tables", "dashboard.curation_ui", "dashboard.viewcache",
        "dashboard.transforms", "dashboard.ids"]


def test_the_pure_view_modules_import_no_web_framework_and_not_the_guard():
    graph = grimp.build_graph("dashboard", "graph", include_external_packages=True)
    for module in PURE:
        used = graph.find_upstream_modules(module)
        assert not used & {"flask", "werkzeug", "dash", "dashboard.guard"}, module


@pytest.mark.slow
def test_expanding_an_actor_adds_its_strongest_new_neighbours_and_keeps_the_view(source):
    f = Filters.of(top=5)
    base = source.graph(f)
    whole = source.slice_graph(f)
    actor = max(base, key=lambda v: len(set(whole[v]) - set(base)))
    G = source.graph(Filters.of(top=5, expand=(actor, "no-such-actor")))
    new = set(G) - set(base)
    assert len(new) == min(EXPAND_LIMIT, len(set(whole[actor]) - set(base))) > 0
    assert all(G.has_edge(actor, v) for v in new) and G.graph["expanded"] == [actor]
    assert set(base.edges) <= {tuple(e) for e in G.edges} | {e[::-1] for e in G.edges}
    weakest = min(whole.edges[actor, v]["weight"] for v in new)
    left = set(whole[actor]) - set(G)
    assert all(whole.edges[actor, v]["weight"] <= weakest for v in left)
    # in the URL and back
    back = filters_from_query(filters_to_query(Filters.of(expand=("a", "b"))))
    assert back.expand == ("a", "b")
    nodes = [e for e in elements(G) if "source" not in e["data"]]
    assert [e["data"]["id"] for e in nodes if "expanded" in e["classes"].split()] == [actor]
