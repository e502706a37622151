"""Colour by a measure (graph/views/colouring.py) on hand-built graphs: QuadClass balance,
first seen, mentions; the legend names each class by the values it holds."""

import networkx as nx
import pytest

from graph.core.choices import COLOR_BY
from graph.views import colouring, style
from graph.views.rules import node_colors


def rel(polarity: str, count: int = 1) -> dict:
    return {"kind": "k", "polarity": polarity, "count": count}


def graph() -> nx.Graph:
    G = nx.Graph()
    dates = ["2024-01-01", "2024-01-05", "2024-02-01", "2024-03-01", "2024-04-01", None]
    for i, day in enumerate(dates):
        G.add_node(f"a{i}", label=f"A{i}", type="person", mentions=10 ** i // 3 + 1,
                   first_seen=day)
    G.add_edge("a0", "a1", weight=3, relations=[rel("hostile", 3)])
    G.add_edge("a1", "a2", weight=2, relations=[rel("cooperative", 2), rel("hostile")])
    G.add_edge("a2", "a3", weight=4, relations=[rel("cooperative", 4)])
    G.add_edge("a3", "a4", weight=1, relations=[rel("neutral")])
    G.add_edge("a4", "a5", weight=1, relations=[])
    return G


def test_balance_counts_each_relations_sentences_on_both_ends():
    b = colouring.balance(graph())
    assert b["a0"] == -1 and b["a3"] == 1 and b["a4"] is None and b["a5"] is None
    assert b["a1"] == pytest.approx((2 - 4) / 6) and b["a2"] == pytest.approx((6 - 1) / 7)


def test_balance_colours_run_from_conflict_to_cooperation():
    colors, legend = node_colors(graph(), "quadclass balance")
    assert colors["a0"] == style.BALANCE_COLORS[0] and colors["a3"] == style.BALANCE_COLORS[-1]
    assert colors["a4"] == colors["a5"] == style.OTHER_COLOR
    assert legend[0] == ("mostly cooperation", style.BALANCE_COLORS[-1])
    assert legend[-1] == ("no typed relations", style.OTHER_COLOR)
    assert {c for _, c in legend} == set(colors.values())  # every colour drawn is named


def test_first_seen_runs_from_light_to_dark_and_names_its_dates():
    colors, legend = node_colors(graph(), "first seen")
    assert colors["a0"] == style.SEQUENTIAL_COLORS[0]
    assert colors["a4"] == style.SEQUENTIAL_COLORS[-1] and colors["a5"] == style.OTHER_COLOR
    assert legend[0][0] == "2024-01-01" and legend[-1] == ("undated", style.OTHER_COLOR)
    assert {c for _, c in legend} == set(colors.values())


def test_mentions_classes_hold_equal_numbers_of_values():
    G = nx.Graph()
    G.add_nodes_from((f"n{i}", {"mentions": m}) for i, m in enumerate(
        [1, 1, 2, 2, 3, 5, 8, 13, 900, 1000]))
    colors, legend = node_colors(G, "mentions")
    assert len(legend) == 5 and legend[0] == ("1 mention", style.SEQUENTIAL_COLORS[0])
    assert legend[-1] == ("900–1,000 mentions", style.SEQUENTIAL_COLORS[-1])
    assert colors["n0"] != colors["n3"] != colors["n9"]  # big counts do not squeeze the rest


def test_every_colour_choice_colours_every_actor():
    G = graph()
    for choice in COLOR_BY:
        colors, legend = node_colors(G, choice)
        assert set(colors) == set(G) and legend, choice
