"""A date range counts typed relations by their event date and co-occurrences by their
article's date; undated articles are out of a range unless asked for; exports carry event
dates and the GEXF is a dynamic graph Gephi's timeline plays."""

import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pytest
from dated_events import build_store

from graph.core.model import GraphSlice
from graph.slices.build import build_graph
from graph.slices.corpus import Corpus
from graph.views.exports import to_bytes

YEAR_2023 = GraphSlice(since=date(2023, 1, 1), until=date(2023, 12, 31))
MARCH_2024 = GraphSlice(since=date(2024, 3, 1), until=date(2024, 3, 31))
APRIL_2024 = GraphSlice(since=date(2024, 4, 1), until=date(2024, 4, 30))
YEAR_2022 = GraphSlice(since=date(2022, 1, 1), until=date(2022, 12, 31))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("filter") / "ev.db")


def links(G):
    return {(u, v): (d["weight"], sorted((r["kind"], r["count"]) for r in d["relations"]))
            for u, v, d in G.edges(data=True)}


def test_an_event_dated_outside_its_article_is_in_the_range_of_its_event(store):
    G = build_graph(store, YEAR_2023)  # no article is of 2023; a2 (2024) met "last year"
    assert links(G) == {("mara-velund", "tovan-reik"): (1, [("meet", 1)])}
    assert {n: d["mentions"] for n, d in G.nodes(data=True)} == {"mara-velund": 1,
                                                                 "tovan-reik": 1}
    assert G.edges["mara-velund", "tovan-reik"]["articles"] == ["a2"]
    assert G.graph["articles"] == ["a2"]  # the article that dates an event in the range
    april = build_graph(store, APRIL_2024)  # the visit a2 (20 March) announced for April
    assert links(april) == {("ilse-brandtner", "tovan-reik"): (1, [("visit", 1)])}


def test_an_event_outside_the_range_leaves_its_article_s_co_occurrence(store):
    G = build_graph(store, MARCH_2024)  # a1 and a2 are of March 2024
    assert links(G)[("mara-velund", "tovan-reik")] == (2, [("meet", 1)])  # a2's is of 2023
    assert links(G)[("ilse-brandtner", "tovan-reik")] == (1, [])  # the visit is in April
    meet = build_graph(store, GraphSlice(since=MARCH_2024.since, until=MARCH_2024.until,
                                         kinds=("meet",)))
    assert links(meet) == {("mara-velund", "tovan-reik"): (1, [("meet", 1)])}
    visits = build_graph(store, GraphSlice(since=MARCH_2024.since, until=MARCH_2024.until,
                                           kinds=("visit",)))
    assert visits.number_of_edges() == 0


def test_undated_articles_are_out_of_a_range_unless_included(store):
    assert GraphSlice().include_undated and not YEAR_2022.include_undated
    assert GraphSlice(since=date(2022, 1, 1), include_undated=True).include_undated
    G = build_graph(store, YEAR_2022)  # a3 is undated: only its dated meeting is in 2022
    assert links(G) == {("ilse-brandtner", "tovan-reik"): (1, [("meet", 1)])}
    assert G.graph["articles"] == ["a3"] and G.graph["undated"] == 1
    assert not G.graph["undated_included"]
    both = build_graph(store, GraphSlice(since=YEAR_2022.since, until=YEAR_2022.until,
                                         include_undated=True))
    assert links(both)[("ilse-brandtner", "mara-velund")] == (1, [("criticise", 1)])
    assert both.graph["articles"] == ["a3"] and both.graph["undated_included"]
    everything = build_graph(store)
    assert "a3" in everything.graph["articles"] and everything.graph["undated"] == 1


def test_a_range_over_every_date_is_the_whole_corpus(store):
    whole = build_graph(store, GraphSlice(include_undated=True))
    wide = build_graph(store, GraphSlice(since=date(2000, 1, 1), until=date(2100, 1, 1),
                                         include_undated=True))
    assert links(wide) == links(whole)
    corpus = Corpus.load(store)
    lo, hi = corpus.event_days.bounds()
    assert (date.fromordinal(lo), date.fromordinal(hi)) == (date(2022, 6, 1), date(2024, 4, 1))


def test_relations_and_links_carry_their_first_and_last_event_dates(store):
    G = build_graph(store)
    edge = G.edges["mara-velund", "tovan-reik"]
    assert [(r["kind"], r["first"], r["last"]) for r in edge["relations"]] == [
        ("meet", "2023-01-01", "2024-03-13")]  # "last year": the first day of 2023
    assert (edge["first_event"], edge["last_event"]) == ("2023-01-01", "2024-03-13")
    assert [d["date"] for d in edge["dates"]] == ["2023-01-01", "2024-03-13", "2024-03-14",
                                                  "2024-03-20"]
    undated = G.edges["ilse-brandtner", "mara-velund"]  # a3 has no date at all
    assert undated["first_event"] is None and undated["dates"] == []


def test_json_and_graphml_exports_carry_event_dates(store):
    G = build_graph(store, evidence=True)
    data = json.loads(to_bytes(G, "json"))
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} == {
        "mara-velund", "tovan-reik"})
    assert (edge["first_event"], edge["last_event"]) == ("2023-01-01", "2024-03-13")
    assert edge["relations"][0]["first"] == "2023-01-01"
    H = nx.read_graphml(io.BytesIO(to_bytes(G, "graphml")))
    assert H.edges["mara-velund", "tovan-reik"]["last_event"] == "2024-03-13"


def test_gexf_is_a_dynamic_graph_with_a_spell_per_day(store):
    data = to_bytes(build_graph(store, evidence=True), "gexf")
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph = ET.fromstring(data).find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    H = nx.read_gexf(io.BytesIO(data))
    edge = H.edges["mara-velund", "tovan-reik"]
    assert edge["spells"] == [("2023-01-01", "2023-01-01"), ("2024-03-13", "2024-03-13"),
                              ("2024-03-14", "2024-03-14"), ("2024-03-20", "2024-03-20")]
    velund = H.nodes["mara-velund"]
    assert (velund["start"], velund["end"]) == ("2023-01-01", "2024-03-20")
    assert "spells" not in H.edges["ilse-brandtner", "mara-velund"]  # undated: always on


def test_a_links_evidence_follows_the_range_as_its_weight_does(store):
    from graph.slices.evidence import edge_evidence

    def sentences(sl):
        return [(e["article"], e["kinds"]) for e in edge_evidence(
            store, "mara-velund", "tovan-reik", sl)]

    assert sentences(YEAR_2023) == [("a2", ["meet"])]  # a2's meeting "last year"
    assert sentences(MARCH_2024) == [("a1", ["co-occurrence", "meet"]),
                                     ("a2", ["co-occurrence"])]
    assert len(sentences(GraphSlice())) == 2


def test_a_refreshed_corpus_moves_the_same_events_as_a_loaded_one(tmp_path):
    from dated_events import dated_extraction

    from graph.core.hashing import content_hash
    from graph.core.model import EventDate

    store = build_store(tmp_path / "ev.db")
    corpus = Corpus.load(store)
    assert corpus.event_days.bounds()  # built before the change, then extended
    changed = [  # a2 again, its 2023 meeting now of 2021; a5 (2024-06) met in April 2024
        dated_extraction("a2", date(2024, 3, 20), [
            ("Mara Velund met Tovan Reik in 2021.",
             [("Mara Velund", "Tovan Reik", "meet", EventDate("2021", "year", "explicit"))])]),
        dated_extraction("a5", date(2024, 6, 3), [
            ("Mara Velund met Ilse Brandtner in April.",
             [("Mara Velund", "Ilse Brandtner", "meet",
               EventDate("2024-04", "month", "relative"))])])]
    store.save_many([(ex, content_hash(ex.article, "t"), "t") for ex in changed])
    store.resolve()
    fresh = corpus.refresh(store)
    assert fresh.event_days_ is not None  # extended, not rebuilt
    for sl in (YEAR_2023, APRIL_2024, GraphSlice(since=date(2021, 1, 1),
                                                 until=date(2021, 12, 31))):
        assert links(build_graph(store, sl, corpus=fresh)) == links(build_graph(store, sl))
    assert links(build_graph(store, YEAR_2023, corpus=fresh)) == {}  # a2's 2023 event gone
    assert ("ilse-brandtner", "mara-velund") in links(build_graph(store, APRIL_2024,
                                                                  corpus=fresh))
