"""The two fingerprints of an article's content, defined once: the store keys stories by
:func:`text_hash` (the same text read from two links is one story) and skips re-extraction by
:func:`content_hash`."""

from __future__ import annotations

import hashlib
import json

from graph.core.model import Article

__all__ = ["content_hash", "text_hash"]


def text_hash(text: str) -> str:
    """SHA-256 of an article's text (hex): equal for the same text, whatever its source.

    >>> text_hash("Alpha met Beta.") == text_hash("Alpha met Beta.")
    True
    >>> len(text_hash(""))
    64
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(article: Article, extractor: str) -> str:
    """Fingerprint of everything that affects an article's extraction (text, metadata, model
    and extractor version): equal hashes mean re-ingesting can be skipped."""
    payload = json.dumps([article.text, article.title, article.source, article.url,
                          article.author, str(article.date), extractor], ensure_ascii=False)
    return text_hash(payload)
