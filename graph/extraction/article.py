"""The per-article extraction step: a pure function of the article and its parsed ``Doc``.

No I/O and no shared state, so a batch runner (local processes today, Dask workers later) can
map it over articles and hand the results to the store.

The article's title is not parsed (readers keep it apart from the text): it adds mentions of
the actors the text names, as a headline sentence before the text, and names inside longer
organisation names add mentions of the actors the article names on their own
(:mod:`graph.mentions.known`). Neither takes part in relations.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from graph.core.model import Article, Extraction, Sentence
from graph.extraction.partial import parse
from graph.mentions.find import find_mentions
from graph.mentions.known import KnownNames, nested_mentions, title_mentions
from graph.mentions.span_words import descriptors
from graph.names.actor_types import _places, given_name
from graph.relations.dating import date_relations
from graph.relations.find import cooccurrences, typed_relations
from graph.relations.lexicon import lexicon

__all__ = ["extract", "extract_article", "preload_tables"]


def extract(article: Article, doc: Doc) -> Extraction:
    """Mentions, sentences and relations of one article from its parsed text."""
    spans, acronyms = find_mentions(doc)
    sentences = []
    for i, sent in enumerate(doc.sents):
        text = sent.text
        lead = len(text) - len(text.lstrip())
        sentences.append(Sentence(index=i, start=sent.start_char + lead,
                                  end=sent.start_char + len(text.rstrip()), text=text.strip()))
    known = KnownNames(spans, acronyms)
    heading, in_title, renamed = title_mentions(article.title, article.text, known)
    if renamed:  # "Berglund" in the text, "Tomas Berglund" in the headline
        spans = [replace(s, mention=replace(s.mention, name=renamed.get(s.mention.name,
                                                                        s.mention.name)))
                 for s in spans]
    typed = date_relations(doc, typed_relations(doc, spans), article.date)
    relations = cooccurrences(spans) + typed
    mentions = sorted([s.mention for s in spans] + nested_mentions(doc, spans, known),
                      key=lambda m: m.start)
    return Extraction(article=article, sentences=([heading] if heading else []) + sentences,
                      mentions=in_title + mentions, relations=relations, aliases=acronyms)


def extract_article(article: Article, nlp: Language) -> Extraction:
    """Parse (as ingest does: :func:`graph.extraction.partial.parse`) and extract one article
    (convenience for tests and single documents)."""
    return extract(article, next(parse(nlp, [article.text])))


def preload_tables() -> None:
    """Load the tables extraction reads (relation lexicon, GeoNames gazetteer, given names,
    titles) now rather than on the first article: about half a second once per process. A
    batch runner can call it before forking worker processes, which then share the tables."""

    lexicon()
    _places()
    descriptors()
    given_name("a")
