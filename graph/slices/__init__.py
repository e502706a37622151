"""Graphs for any slice of the corpus: the store"s aggregates as arrays (``Corpus``), the
networkx graph of a ``GraphSlice`` and the sentences behind an actor or a link.
"""

from graph.slices.build import Corpus, build_graph
from graph.slices.evidence import actor_evidence, edge_evidence

__all__ = ["Corpus", "actor_evidence", "build_graph", "edge_evidence"]
