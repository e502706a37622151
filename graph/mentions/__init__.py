"""Actor mentions in one parsed article: spans cleaned of titles and junk, typed, and resolved
within the article (people, short names). Pure functions over a spaCy ``Doc``.
"""

from graph.mentions.find import MentionSpan, find_mentions

__all__ = ["MentionSpan", "find_mentions"]
