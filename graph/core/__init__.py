"""The shared vocabulary every stage speaks: the dataclasses passed between stages, the one
error family, the CAMEO kinds, and each list of choices defined once.
"""

from graph.core.model import (
    ACTOR_TYPES,
    Article,
    Extraction,
    GraphSlice,
    Mention,
    Relation,
    Sentence,
)

__all__ = ["ACTOR_TYPES", "Article", "Extraction", "GraphSlice", "Mention", "Relation", "Sentence"]
