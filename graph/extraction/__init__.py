"""The per-article extraction step: the spaCy model, ``extract(article, doc)`` (mentions and
relations into one ``Extraction``), long-text chunks and the extractor fingerprint.

The names below load on first use (PEP 562): ``extract`` imports spaCy (about half a second),
which the fingerprint, checked on every ingest, must not pay for (re-ingesting an unchanged
corpus stays cheap).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["extract", "extract_article", "extractor_version"]

_HOMES = {"extract": "article", "extract_article": "article", "extractor_version": "fingerprint"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"graph.extraction.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'graph.extraction' has no attribute {name!r}")
