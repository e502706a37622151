"""Who is who in the seed store, read from the data, so that tests name no real person.

The seed articles are about two leaders meeting; the tests on them need a few roles (the
two leaders, a lesser person who shares the first leader's family name, people named in one
article only). Each role is found by what makes it that role (weighted degree, articles,
name shape), from the graph :func:`graph.slices.build.build_graph` makes of the store, so a
test still fails if extraction stops finding it.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["label", "leaders", "namesake", "one_article_people", "people"]


def people(G: nx.Graph) -> list[str]:
    """Person actors, strongest (weighted degree) first, ties by id."""
    return sorted((n for n, d in G.nodes(data=True) if d["type"] == "person"),
                  key=lambda n: (-G.degree(n, weight="weight"), n))


def leaders(G: nx.Graph) -> tuple[str, str]:
    """The two people the seed story is about: the two strongest persons."""
    first, second = people(G)[:2]
    return first, second


def namesake(G: nx.Graph) -> str:
    """The strongest other person whose name has as many words as the first leader's and
    the same first word (a family name written first): a different person, never merged."""
    lead = G.nodes[leaders(G)[0]]["label"].split()
    return next(p for p in people(G)[2:] if len(words := G.nodes[p]["label"].split())
                == len(lead) and words[0] == lead[0])


def one_article_people(G: nx.Graph, article: str) -> list[str]:
    """People named in ``article`` and in no other, strongest first."""
    return [p for p in people(G) if G.nodes[p]["articles"] == [article]]


def label(G: nx.Graph, actor: str) -> str:
    return G.nodes[actor]["label"]
