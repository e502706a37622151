"""A small store of articles whose typed relations carry event dates, written through the
store's normal write path (the extraction's ``Relation.when``), for the event-date tests.

Invented people only. Article dates and event dates differ on purpose: a meeting "last year"
in a 2024 article, a visit planned for next month, a relation with no date of its own.
"""

from __future__ import annotations

from datetime import date

from graph.core.hashing import content_hash
from graph.core.model import Article, EventDate, Extraction, Mention, Relation, Sentence
from graph.store.store import Store

TYPES = {"Mara Velund": "person", "Tovan Reik": "person", "Ilse Brandtner": "person",
         "Northwind Council": "organisation"}


def dated_extraction(aid: str, day: date | None,
                     sentences: list[tuple[str, list[tuple]]]) -> Extraction:
    """One article: each sentence with its relations ``(source, target, kind, when)``; a
    co-occurrence row is added for every pair, as extraction does."""
    text, parts, mentions, relations, pos = "", [], [], [], 0
    for i, (sentence, rels) in enumerate(sentences):
        parts.append(Sentence(i, pos, pos + len(sentence), sentence))
        named = []
        for src, tgt, _kind, _when in rels:
            for name in (src, tgt):
                if name not in named:
                    named.append(name)
        for name in named:
            at = sentence.find(name)
            mentions.append(Mention(i, pos + max(at, 0), pos + max(at, 0) + len(name), name,
                                    name, TYPES.get(name, "person"), "PERSON"))
        for src, tgt, kind, when in rels:
            relations.append(Relation(i, src, tgt, "co-occurrence"))
            relations.append(Relation(i, src, tgt, kind, "cooperative" if kind in (
                "meet", "visit", "praise") else "hostile", True, kind, when))
        text += sentence + " "
        pos += len(sentence) + 1
    art = Article(id=aid, text=text.strip(), title=f"Report {aid}", date=day,
                  source="Test Wire")
    return Extraction(art, parts, mentions, relations)


def build_store(path) -> Store:
    """Four articles:

    * ``a1`` (2024-03-14): Velund met Reik on Wednesday 2024-03-13 (relative, day); Velund
      criticised the Northwind Council, no date of its own (the article's);
    * ``a2`` (2024-03-20): Velund met Reik "last year" (2023, year precision, relative); Reik
      will visit Brandtner next month (2024-04, planned);
    * ``a3`` (undated): Brandtner met Reik on 2022-06-01 (explicit); Brandtner criticised
      Velund (no date: the article is undated, so the relation is too);
    * ``a4`` (2024-05-02): Reik praised Brandtner, no date of its own.
    """
    store = Store(path)
    items = [
        dated_extraction("a1", date(2024, 3, 14), [
            ("Mara Velund met Tovan Reik on Wednesday.",
             [("Mara Velund", "Tovan Reik", "meet",
               EventDate("2024-03-13", "day", "relative"))]),
            ("Mara Velund criticised the Northwind Council.",
             [("Mara Velund", "Northwind Council", "criticise", None)])]),
        dated_extraction("a2", date(2024, 3, 20), [
            ("Mara Velund met Tovan Reik last year.",
             [("Mara Velund", "Tovan Reik", "meet", EventDate("2023", "year", "relative"))]),
            ("Tovan Reik will visit Ilse Brandtner next month.",
             [("Tovan Reik", "Ilse Brandtner", "visit",
               EventDate("2024-04", "month", "relative", planned=True))])]),
        dated_extraction("a3", None, [
            ("Ilse Brandtner met Tovan Reik on 1 June 2022.",
             [("Ilse Brandtner", "Tovan Reik", "meet",
               EventDate("2022-06-01", "day", "explicit"))]),
            ("Ilse Brandtner criticised Mara Velund.",
             [("Ilse Brandtner", "Mara Velund", "criticise", None)])]),
        dated_extraction("a4", date(2024, 5, 2), [
            ("Tovan Reik praised Ilse Brandtner.",
             [("Tovan Reik", "Ilse Brandtner", "praise", None)])]),
    ]
    return saved(store, items)


def saved(store: Store, extractions) -> Store:
    """``store`` with ``extractions`` written through the normal write path and resolved."""
    store.save_many([(ex, content_hash(ex.article, "test"), "test") for ex in extractions])
    store.resolve()
    return store
