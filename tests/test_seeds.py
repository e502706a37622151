"""Integration: the five seed articles give the graph a reader of them would expect.

The people are found from the data (:mod:`seed_cast`: the two leaders are the strongest
persons, and so on), so no test names a real person."""

import re
from datetime import date
from pathlib import Path

import pytest
from seed_cast import label, leaders, namesake, one_article_people

from graph.core.model import GraphSlice
from graph.slices.build import build_graph
from graph.slices.evidence import actor_evidence, edge_evidence

pytestmark = pytest.mark.slow  # every test reads the ingested seed articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
A002, A003 = "002_0899eaed18e29f52", "003_05abb57fa2a955b5"
ALL = {"000_1edb5b160469c831", "001_fe40004401df7de6", "002_0899eaed18e29f52",
       "003_05abb57fa2a955b5", "004_dd396b500a9c83a3"}


@pytest.fixture(scope="module")
def cast(seed_graph):
    """Actor ids: the leader, his counterpart, the leader's namesake, a person of one
    article of 2023 only."""
    lead, partner = leaders(seed_graph)
    return lead, partner, namesake(seed_graph), one_article_people(seed_graph, A002)[0]


def test_one_node_for_the_leader_with_short_forms(seed_graph, cast):
    lead = cast[0]
    name = label(seed_graph, lead).split()
    assert len(name) == 3  # a full name: family name and a two-part given name
    same = [n for n, d in seed_graph.nodes(data=True)
            if d["type"] == "person" and d["label"].split()[:2] == name[:2]]
    assert same == [lead]
    node = seed_graph.nodes[lead]
    assert name[0] in node["aliases"]  # the family name alone
    titles = [a for a in node["aliases"] if not set(a.split()) & set(name)]
    assert any(t.endswith(" leader") and len(t.split()) == 3 for t in titles), node["aliases"]
    assert set(node["articles"]) == ALL
    assert node["first_seen"] == "2023-09-11" and node["last_seen"] == "2024-06-18"


def test_the_leaders_linked_with_evidence_in_every_article(seed_graph, cast):
    lead, partner, *_ = cast
    edge = seed_graph.edges[lead, partner]
    assert set(edge["articles"]) == ALL
    assert {e["article"] for e in edge["evidence"]} == ALL
    assert all(e["sentence"] for e in edge["evidence"])
    assert edge["weight"] == len(edge["evidence"])
    assert "meet" in edge["kinds"] and edge["polarity"] == "cooperative"
    assert any(r["kind"] == "meet" and r["source"] == lead for r in edge["relations"])


def test_a_namesake_of_the_leader_is_a_different_person(seed_graph, cast):
    lead, _, other, _ = cast
    assert seed_graph.nodes[other]["type"] == "person"
    assert label(seed_graph, other) not in seed_graph.nodes[lead]["aliases"]
    assert seed_graph.nodes[other]["articles"] == [A003]


#: Bylines, contributor and picture credits, embedded posts' credits, an aggregator's footer.
CREDITS = re.compile(r"^By (?P<byline>[^(\n]+)|writers (?P<writers>.+?) contributed"
                     r"|^Image: (?P<image>.+)$|^— (?P<embed>[^(\n]+)"
                     r"|^(?P<footer>\w+) is an automatic aggregator", re.M | re.I)


def test_no_actor_from_bylines_credits_or_aggregator_footer(seed_graph):
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted(SEEDS.glob("*.md"))]
    credited = {piece.strip() for text in texts for m in CREDITS.finditer(text)
                for piece in re.split(r",| in | and | via |/", next(g for g in m.groups() if g))}
    # names (people, places, agencies) the seeds give only in those lines
    junk = {n for n in credited if n and sum(t.count(n) for t in texts) == 1}
    assert len(junk) >= 10, junk  # the credit lines were found
    labels = {d["label"].lower() for _, d in seed_graph.nodes(data=True)}
    assert not junk & labels


def test_dprk_merged_into_north_korea_and_acronyms_resolved(seed_graph):
    nk = seed_graph.nodes["north-korea"]
    assert nk["type"] == "country" and "DPRK" in nk["aliases"]
    labels = {d["label"] for _, d in seed_graph.nodes(data=True)}
    assert "DPRK" not in labels and "KCNA" not in labels
    assert "KCNA" in seed_graph.nodes["korean-central-news-agency"]["aliases"]
    assert seed_graph.nodes["russia"]["type"] == "country"


def test_typed_relations_a_reader_would_find(seed_graph, cast):
    def has(a, b, kind):
        return seed_graph.has_edge(a, b) and any(
            r["kind"] == kind and r["source"] == a and r["target"] == b
            for r in seed_graph.edges[a, b]["relations"])
    lead = cast[0]
    assert has(lead, "russia", "visit")
    assert has("united-states", "north-korea", "accuse")
    # an official who travels with the leader
    assert any(has(p, lead, "accompany") for p in seed_graph
               if seed_graph.nodes[p]["type"] == "person")
    assert seed_graph.edges["united-states", "north-korea"]["polarity"] == "hostile"


def test_date_filter_drops_the_2023_articles(seed_store, cast):
    lead, partner, other, minor = cast
    G = build_graph(seed_store, GraphSlice(since=date(2024, 1, 1)))
    assert set(G.graph["articles"]) == {"000_1edb5b160469c831", "001_fe40004401df7de6"}
    assert lead in G and partner in G
    assert other not in G and minor not in G
    assert all(set(d["articles"]) <= set(G.graph["articles"]) for _, d in G.nodes(data=True))


def test_article_filter_keeps_only_that_articles_actors(seed_store, cast):
    *_, other, minor = cast
    G = build_graph(seed_store, GraphSlice(articles=("003_05abb57fa2a955b5",)))
    assert other in G and minor not in G
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


def test_top_n_keeps_the_strongest_actors(seed_store, seed_graph, cast):
    G = build_graph(seed_store, top=5)
    assert G.number_of_nodes() == 5 and G.graph["total_actors"] == seed_graph.number_of_nodes()
    assert cast[0] in G and cast[1] in G


def test_actor_evidence_has_highlight_spans(seed_store, seed_graph, cast):
    lead = cast[0]
    ev = actor_evidence(seed_store, lead, GraphSlice(articles=("001_fe40004401df7de6",)))
    assert ev and all(e["article"] == "001_fe40004401df7de6" for e in ev)
    # the leader's full name, family name, or the head noun of a title ("... leader")
    name = label(seed_graph, lead)
    marks = {name, name.split()[0], *(a.split()[-1] for a in seed_graph.nodes[lead]["aliases"]
                                      if not set(a.split()) & set(name.split()))}
    assert len(marks) == 3, marks
    for e in ev:
        for start, end in e["spans"]:
            assert e["sentence"][start:end] in marks


def test_kind_filter_keeps_only_actors_in_those_relations(seed_store):
    G = build_graph(seed_store, GraphSlice(kinds=("accuse", "criticise")))
    assert G.number_of_nodes() and all(G.degree(n) for n in G)
    assert all(d["polarity"] == "hostile" for *_, d in G.edges(data=True))


def test_focus_neighbourhood_and_depth(seed_store, seed_graph, cast):
    other = cast[2]
    one = build_graph(seed_store, focus=other, depth=1)
    assert other in one and set(one) == {other, *seed_graph.neighbors(other)}
    two = build_graph(seed_store, focus=other, depth=2)
    assert set(one) < set(two)


def test_shortest_path_is_kept_even_outside_top_n(seed_store, seed_graph, cast):
    import networkx as nx

    *_, start, end = cast
    assert not seed_graph.has_edge(start, end)
    G = build_graph(seed_store, top=3, path=(start, end))
    route = G.graph["path"]
    assert route[0] == start and route[-1] == end
    assert len(route) == len(nx.shortest_path(seed_graph, start, end))
    assert all(n in G for n in route)
    assert all(G.has_edge(u, v) for u, v in nx.utils.pairwise(route))


def test_edge_evidence_matches_the_graph(seed_store, seed_graph, cast):
    lead, partner, *_ = cast
    ev = edge_evidence(seed_store, partner, lead)
    edge = seed_graph.edges[lead, partner]
    assert [(e["article"], e["sentence"]) for e in ev] == [
        (e["article"], e["sentence"]) for e in edge["evidence"]]
    only_2024 = edge_evidence(seed_store, lead, partner, GraphSlice(since=date(2024, 1, 1)))
    assert {e["article"] for e in only_2024} == {"000_1edb5b160469c831",
                                                  "001_fe40004401df7de6"}


def test_max_edges_keeps_the_strongest_links_and_the_path(seed_store, seed_graph, cast):
    G = build_graph(seed_store, max_edges=10, path=(cast[2], cast[3]))
    assert G.graph["total_edges"] == seed_graph.number_of_edges()
    route = G.graph["path"]
    path_links = {frozenset(p) for p in zip(route, route[1:], strict=False)}
    others = [d["weight"] for u, v, d in G.edges(data=True) if frozenset((u, v))
              not in path_links]
    assert len(others) <= 10 and all(G.has_edge(*p) for p in path_links)
    strongest = sorted((d["weight"] for *_, d in seed_graph.edges(data=True)), reverse=True)
    assert min(others) >= strongest[9]
