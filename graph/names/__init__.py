"""What a name is: normal forms and keys, the built-in alias table, naming variants, and actor
types by evidence. Used by mentions, resolution and curation; knows nothing of documents.
"""

from graph.names.forms import loose_key, name_key

__all__ = ["loose_key", "name_key"]
