"""The per-article extraction step: the spaCy model, ``extract(article, doc)`` (mentions and
relations into one ``Extraction``), long-text chunks and the extractor fingerprint.
"""

from graph.extraction.article import extract, extract_article
from graph.extraction.fingerprint import extractor_version

__all__ = ["extract", "extract_article", "extractor_version"]
