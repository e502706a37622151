"""Extraction of an article whose entity spans a test chooses (for the tests of
graph/mentions/known.py: headline, nested and relabelled mentions)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.core.model import Article, Extraction
from graph.extraction.article import extract


def forced_doc(nlp, text: str, ents=None) -> Doc:  # noqa: ANN001
    """``text`` parsed by the real pipeline; with ``ents`` (``[(words, label)]`` in text order)
    the model's entity spans are replaced by those."""
    doc = nlp(text)
    if ents is not None:
        spans, at = [], 0
        for words, label in ents:
            start = text.find(words, at)
            assert start >= 0, f"{words!r} not in {text!r} after {at}"
            span = doc.char_span(start, start + len(words), label=label, alignment_mode="expand")
            spans.append(Span(doc, span.start, span.end, label=label))
            at = start + len(words)
        doc.ents = spans
    return doc


def extracted(nlp, text: str, title: str = "", ents=None) -> Extraction:  # noqa: ANN001
    """The extraction of an article with ``text`` and ``title``."""
    article = Article(id="t", text=text, title=title)
    return extract(article, forced_doc(nlp, text, ents))
