"""A relation-kind filter on a slice other than the whole corpus (a date range) keeps the
links of the chosen kinds even when none of its typed kinds occur in the slice: before the
fix, co-occurrence alone (or with a kind absent from the range) over a date range raised
(NumPy's bincount of no rows is an integer array, and the co-occurrence weights were added to
it in place)."""

from datetime import date

import pytest
from dated_events import build_store

from graph.core.model import COOCCURRENCE, GraphSlice
from graph.slices.build import build_graph

SINCE, UNTIL = date(2024, 3, 1), date(2024, 3, 31)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("kinds") / "ev.db")


def weights(G):
    return {(u, v): d["weight"] for u, v, d in G.edges(data=True)}


def test_co_occurrence_alone_over_a_date_range_keeps_the_co_occurring_links(store):
    every = build_graph(store, GraphSlice(since=SINCE, until=UNTIL))
    cooc = build_graph(store, GraphSlice(since=SINCE, until=UNTIL, kinds=(COOCCURRENCE,)))
    expected = {e for e, d in every.edges.items() if COOCCURRENCE in d["kinds"]}
    assert expected  # the range has co-occurring actors
    assert set(weights(cooc)) == expected
    assert all(d["kinds"] == [COOCCURRENCE] for *_, d in cooc.edges(data=True))
    assert all(0 < w <= weights(every)[e] for e, w in weights(cooc).items())


def test_a_kind_absent_from_the_range_adds_nothing_to_co_occurrence(store):
    every = build_graph(store, GraphSlice(since=SINCE, until=UNTIL))
    kinds = {r["kind"] for *_, d in every.edges(data=True) for r in d["relations"]}
    absent = next(k for k in ("sign", "threaten", "aid", "boycott") if k not in kinds)
    alone = build_graph(store, GraphSlice(since=SINCE, until=UNTIL, kinds=(COOCCURRENCE,)))
    both = build_graph(store, GraphSlice(since=SINCE, until=UNTIL,
                                         kinds=(COOCCURRENCE, absent)))
    assert weights(both) == weights(alone) and weights(alone)
