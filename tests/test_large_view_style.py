"""Large views are drawn the cheap way (issue 25): more than ``LARGE_VIEW`` actors and every
link carries the class ``bulk``, which the stylesheet draws as haystack lines (no control
points), straight lines for directed relations (they keep their arrow), with verbs only on a
clicked actor's links. Small views keep their look. The names are invented."""

import networkx as nx
import pytest

from dashboard.elements import LARGE_VIEW, elements, stylesheet

NAMES = [
    "Kim Min-jun",
    "Nguyen Thi Lan",
    "Omar Haddad",
    "Olga Petrova",
    "Chen Wei",
    "Lucia Ferreira",
    "Chidi Okafor",
    "Priya Raman",
    "Tom Hartley",
    "Ana Souza",
]


def star_graph(n: int) -> nx.Graph:
    """``n`` actors in a ring, every third link a typed directed relation."""
    G = nx.Graph()
    for i in range(n):
        G.add_node(i, label=f"{NAMES[i % len(NAMES)]} {i}", type="person", mentions=i + 1)
    for i in range(n):
        u, v = i, (i + 1) % n
        typed = i % 3 == 0
        G.add_edge(
            u,
            v,
            weight=1 + i % 4,
            polarity="neutral",
            kinds=["met"] if typed else [],
            relations=[{"kind": "meet", "count": 1}] if typed else [],
            directed=typed,
            source=u,
            target=v,
        )
    return G


def links(G: nx.Graph) -> list[dict]:
    pos = {v: (float(v), float(v % 7)) for v in G}
    return [e for e in elements(G, pos=pos) if "source" in e["data"]]


@pytest.mark.parametrize("n", [25, 60, LARGE_VIEW])
def test_small_views_keep_their_links(n):
    assert all("bulk" not in e["classes"].split() for e in links(star_graph(n)))


def test_a_large_view_draws_every_link_the_cheap_way():
    edges = links(star_graph(LARGE_VIEW + 1))
    assert edges and all("bulk" in e["classes"].split() for e in edges)
    # direction and verbs are still in the data
    assert any("directed" in e["classes"].split() and e["data"]["verb"] for e in edges)


def rules(theme: str = "light") -> dict[str, dict]:
    return {r["selector"]: r["style"] for r in stylesheet(theme)}


def order(selector: str) -> int:
    return [r["selector"] for r in stylesheet()].index(selector)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_bulk_links_have_no_control_points_and_directed_ones_keep_their_arrow(theme):
    r = rules(theme)
    assert r["edge"]["curve-style"] == "bezier"  # small views as before
    assert r["edge.bulk"]["curve-style"] == "haystack" and r["edge.bulk"]["label"] == ""
    # haystack draws no arrows: directed links are straight lines, the arrow still set
    assert r["edge.bulk.directed"]["curve-style"] == "straight"
    assert "target-arrow-shape" not in r["edge.bulk.directed"]
    assert "target-arrow-shape" not in r["edge.bulk"]
    assert r["edge.directed"]["target-arrow-shape"] == "triangle"
    # later rules win: bulk after the typed and directed rules, the clicked links' verbs last
    assert order("edge.typed") < order("edge.bulk") < order("edge.bulk.directed")
    assert order("edge.directed") < order("edge.bulk.directed")
    assert order("edge.bulk") < order("edge.highlight") < order("edge.typed.bulk.highlight")
    assert r["edge.typed.bulk.highlight"]["label"] == "data(verb)"
