"""Mentions found in a text whose entity spans a test chooses: one helper for the tests of
span repair, name resolution and typing (they used to carry four copies of it)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.mentions.find import find_mentions


def forced_doc(nlp, text: str, ents=None) -> Doc:  # noqa: ANN001
    """``text`` parsed by the real pipeline; with ``ents`` (``[(words, label)]``, in text order)
    the model's entity spans are replaced by those, so a test can put the span the model would
    produce in front of a rule."""
    doc = nlp(text)
    if ents is not None:
        spans, at = [], 0
        for words, label in ents:
            start = text.find(words, at)
            assert start >= 0, f"{words!r} not in {text!r} after {at}"
            span = doc.char_span(start, start + len(words), label=label,
                                 alignment_mode="expand")
            spans.append(Span(doc, span.start, span.end, label=label))
            at = start + len(words)
        doc.ents = spans
    return doc


def mentions_with(nlp, text: str, ents=None) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """``(text, name, type)`` of every mention ``find_mentions`` gives for ``text`` (the entity
    spans forced by :func:`forced_doc`)."""
    found, _ = find_mentions(forced_doc(nlp, text, ents))
    return [(s.mention.text, s.mention.name, s.mention.type) for s in found]
