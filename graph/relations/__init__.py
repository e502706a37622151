"""Relations in one parsed article: co-occurrence and typed, directed, CAMEO-coded events from
the lexicon and the dependency parse, each with its evidence sentence; typed relations dated
from their sentence's time expressions (:mod:`graph.relations.dating`).
"""

from graph.relations.dating import date_relations
from graph.relations.find import cooccurrences, typed_relations

__all__ = ["cooccurrences", "date_relations", "typed_relations"]
