"""Integration: the five seed articles give the graph a reader of them would expect."""

from datetime import date

import pytest

from graph.core.model import GraphSlice
from graph.slices.build import build_graph
from graph.slices.evidence import actor_evidence, edge_evidence

pytestmark = pytest.mark.slow  # every test reads the ingested seed articles

KIM, PUTIN = "kim-jong-un", "vladimir-putin"  # stable actor ids
ALL = {"000_1edb5b160469c831", "001_fe40004401df7de6", "002_0899eaed18e29f52",
       "003_05abb57fa2a955b5", "004_dd396b500a9c83a3"}


def test_one_node_for_kim_jong_un_with_short_forms(seed_graph):
    kims = [n for n, d in seed_graph.nodes(data=True)
            if d["type"] == "person" and d["label"].startswith("Kim Jong")]
    assert kims == [KIM] and seed_graph.nodes[KIM]["label"] == "Kim Jong Un"
    node = seed_graph.nodes[KIM]
    assert "Kim" in node["aliases"] and "North Korean leader" in node["aliases"]
    assert set(node["articles"]) == ALL
    assert node["first_seen"] == "2023-09-11" and node["last_seen"] == "2024-06-18"


def test_kim_and_putin_linked_with_evidence_in_every_article(seed_graph):
    edge = seed_graph.edges[KIM, PUTIN]
    assert set(edge["articles"]) == ALL
    assert {e["article"] for e in edge["evidence"]} == ALL
    assert all(e["sentence"] for e in edge["evidence"])
    assert edge["weight"] == len(edge["evidence"])
    assert "meet" in edge["kinds"] and edge["polarity"] == "cooperative"
    assert any(r["kind"] == "meet" and r["source"] == KIM for r in edge["relations"])


def test_kim_myong_sik_is_a_different_person(seed_graph):
    assert seed_graph.nodes["kim-myong-sik"]["type"] == "person"
    assert "Kim Myong Sik" not in seed_graph.nodes[KIM]["aliases"]
    assert seed_graph.nodes["kim-myong-sik"]["articles"] == ["003_05abb57fa2a955b5"]


def test_no_actor_from_bylines_credits_or_aggregator_footer(seed_graph):
    labels = {d["label"].lower() for _, d in seed_graph.nodes(data=True)}
    for junk in ("kim tong-hyung", "linh", "jim heintz", "dake kang", "ng han guan",
                 "al jazeera english", "korea news service", "tallinn", "fangchuan"):
        assert junk not in labels, junk


def test_dprk_merged_into_north_korea_and_acronyms_resolved(seed_graph):
    nk = seed_graph.nodes["north-korea"]
    assert nk["type"] == "country" and "DPRK" in nk["aliases"]
    labels = {d["label"] for _, d in seed_graph.nodes(data=True)}
    assert "DPRK" not in labels and "KCNA" not in labels
    assert "KCNA" in seed_graph.nodes["korean-central-news-agency"]["aliases"]
    assert seed_graph.nodes["russia"]["type"] == "country"


def test_typed_relations_a_reader_would_find(seed_graph):
    def has(a, b, kind):
        return any(r["kind"] == kind and r["source"] == a and r["target"] == b
                   for r in seed_graph.edges[a, b]["relations"])
    assert has(KIM, "russia", "visit")
    assert has("united-states", "north-korea", "accuse")
    assert has("jo-chun-ryong", KIM, "accompany")
    assert seed_graph.edges["united-states", "north-korea"]["polarity"] == "hostile"


def test_date_filter_drops_the_2023_articles(seed_store):
    G = build_graph(seed_store, GraphSlice(since=date(2024, 1, 1)))
    assert set(G.graph["articles"]) == {"000_1edb5b160469c831", "001_fe40004401df7de6"}
    assert KIM in G and PUTIN in G
    assert "kim-myong-sik" not in G and "sergei-shoigu" not in G
    assert all(set(d["articles"]) <= set(G.graph["articles"]) for _, d in G.nodes(data=True))


def test_article_filter_keeps_only_that_articles_actors(seed_store):
    G = build_graph(seed_store, GraphSlice(articles=("003_05abb57fa2a955b5",)))
    assert "kim-myong-sik" in G and "sergei-shoigu" not in G
    assert all(d["articles"] == ["003_05abb57fa2a955b5"] for _, d in G.nodes(data=True))


def test_type_kind_and_weight_filters(seed_store, seed_graph):
    people = build_graph(seed_store, GraphSlice(types=("person",)))
    assert {d["type"] for _, d in people.nodes(data=True)} == {"person"}
    meets = build_graph(seed_store, GraphSlice(kinds=("meet",)))
    assert meets.number_of_edges() and all(d["kinds"] == ["meet"]
                                           for *_, d in meets.edges(data=True))
    strong = build_graph(seed_store, GraphSlice(min_weight=3))
    assert 0 < strong.number_of_edges() < seed_graph.number_of_edges()
    assert min(d["weight"] for *_, d in strong.edges(data=True)) >= 3


def test_top_n_keeps_the_strongest_actors(seed_store, seed_graph):
    G = build_graph(seed_store, top=5)
    assert G.number_of_nodes() == 5 and G.graph["total_actors"] == seed_graph.number_of_nodes()
    assert KIM in G and PUTIN in G


def test_actor_evidence_has_highlight_spans(seed_store):
    ev = actor_evidence(seed_store, KIM, GraphSlice(articles=("001_fe40004401df7de6",)))
    assert ev and all(e["article"] == "001_fe40004401df7de6" for e in ev)
    for e in ev:
        for start, end in e["spans"]:
            assert e["sentence"][start:end] in ("Kim", "Kim Jong Un", "leader")


def test_kind_filter_keeps_only_actors_in_those_relations(seed_store):
    G = build_graph(seed_store, GraphSlice(kinds=("accuse", "criticise")))
    assert G.number_of_nodes() and all(G.degree(n) for n in G)
    assert all(d["polarity"] == "hostile" for *_, d in G.edges(data=True))


def test_focus_neighbourhood_and_depth(seed_store, seed_graph):
    one = build_graph(seed_store, focus="kim-myong-sik", depth=1)
    assert "kim-myong-sik" in one and set(one) == {"kim-myong-sik",
                                                    *seed_graph.neighbors("kim-myong-sik")}
    two = build_graph(seed_store, focus="kim-myong-sik", depth=2)
    assert set(one) < set(two)


def test_shortest_path_is_kept_even_outside_top_n(seed_store, seed_graph):
    import networkx as nx

    G = build_graph(seed_store, top=3, path=("kim-myong-sik", "jon-finer"))
    route = G.graph["path"]
    assert route[0] == "kim-myong-sik" and route[-1] == "jon-finer"
    assert len(route) == len(nx.shortest_path(seed_graph, "kim-myong-sik", "jon-finer"))
    assert all(n in G for n in route)
    assert all(G.has_edge(u, v) for u, v in nx.utils.pairwise(route))


def test_edge_evidence_matches_the_graph(seed_store, seed_graph):
    ev = edge_evidence(seed_store, PUTIN, KIM)
    edge = seed_graph.edges[KIM, PUTIN]
    assert [(e["article"], e["sentence"]) for e in ev] == [
        (e["article"], e["sentence"]) for e in edge["evidence"]]
    only_2024 = edge_evidence(seed_store, KIM, PUTIN, GraphSlice(since=date(2024, 1, 1)))
    assert {e["article"] for e in only_2024} == {"000_1edb5b160469c831",
                                                  "001_fe40004401df7de6"}


def test_max_edges_keeps_the_strongest_links_and_the_path(seed_store, seed_graph):
    G = build_graph(seed_store, max_edges=10, path=("kim-myong-sik", "jon-finer"))
    assert G.graph["total_edges"] == seed_graph.number_of_edges()
    route = G.graph["path"]
    path_links = {frozenset(p) for p in zip(route, route[1:], strict=False)}
    others = [d["weight"] for u, v, d in G.edges(data=True) if frozenset((u, v))
              not in path_links]
    assert len(others) <= 10 and all(G.has_edge(*p) for p in path_links)
    strongest = sorted((d["weight"] for *_, d in seed_graph.edges(data=True)), reverse=True)
    assert min(others) >= strongest[9]
