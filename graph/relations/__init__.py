"""Relations in one parsed article: co-occurrence and typed, directed, CAMEO-coded events from
the lexicon and the dependency parse, each with its evidence sentence.
"""

from graph.relations.find import cooccurrences, typed_relations

__all__ = ["cooccurrences", "typed_relations"]
