"""Extraction of an article whose entity spans a test chooses (for the tests of
graph/mentions/known.py: headline, nested and relabelled mentions)."""

from __future__ import annotations

from forced_mentions import forced_doc

from graph.core.model import Article, Extraction
from graph.extraction.article import extract


def extracted(nlp, text: str, title: str = "", ents=None) -> Extraction:  # noqa: ANN001
    """The extraction of an article with ``text`` and ``title``."""
    article = Article(id="t", text=text, title=title)
    return extract(article, forced_doc(nlp, text, ents))
