"""Rows of the store's per-article tables, built from an extraction (pure: no SQL here).

:meth:`graph.store.store.Store.save_many` collects them for a whole batch of articles and writes
each
table with one statement.
"""

from __future__ import annotations

from graph.core.model import EventDate, Extraction
from graph.store import schema as t
from graph.store.aggregate import event_day, mention_rows, pair_rows

__all__ = ["PER_ARTICLE", "article_table_rows", "event_columns", "pair_stat_rows"]


#: Tables whose rows belong to one article (replaced with it).
PER_ARTICLE = (t.sentences, t.mentions, t.relations, t.acronyms, t.mention_stats, t.pair_stats)


def article_table_rows(rows: dict, ex: Extraction, ids: dict[str, int],
                 rejected: dict[tuple, int]) -> None:
    """Add the rows of one extraction to ``rows`` (table → list of row dicts)."""
    aid = ex.article.id
    rows[t.sentences] += [{"article_id": aid, "idx": s.index, "start": s.start, "end": s.end,
                           "text": s.text} for s in ex.sentences]
    rows[t.mentions] += [
        {"article_id": aid, "sentence": m.sentence, "start": m.start, "end": m.end,
         "text": m.text, "name_id": ids[m.name], "type": m.type, "label": m.label,
         "evidence": m.type_evidence} for m in ex.mentions]
    rows[t.mention_stats] += [
        {"article_id": aid, "name_id": n, "text_id": x, "type": k, "evidence": ev, "count": c}
        for n, x, k, ev, c in mention_rows((ids[m.name], ids[m.text], m.type, m.type_evidence)
                                           for m in ex.mentions)]
    text_of = {s.index: s.text for s in ex.sentences}
    relations = [{"article_id": aid, "sentence": r.sentence, "source_id": ids[r.source],
                  "target_id": ids[r.target], "kind": r.kind, "polarity": r.polarity,
                  "directed": r.directed, "trigger": r.trigger,
                  "rejected": rejected.get((text_of.get(r.sentence, ""), r.source, r.target,
                                            r.kind)),
                  **event_columns(r.when, r.planned)}
                 for r in ex.relations]
    rows[t.relations] += relations
    rows[t.pair_stats] += pair_stat_rows(aid, relations)
    rows[t.acronyms] += [{"article_id": aid, "short": s, "full": f}
                         for s, f in dict(ex.aliases).items()]


def event_columns(when: EventDate | None, planned: bool = False) -> dict:
    """The ``relations`` columns holding a relation's event date (NULLs: the article's);
    ``planned`` keeps a plan that nothing dates (an undated article's "will visit")."""
    if when is None:
        return {"event_date": None, "event_precision": None, "event_basis": None,
                "event_planned": bool(planned)}
    return {"event_date": when.value, "event_precision": when.precision,
            "event_basis": when.basis, "event_planned": bool(when.planned)}


def pair_stat_rows(aid: str, relations: list[dict]) -> list[dict]:
    """Per-pair aggregates of one article's relation rows (rejected ones left out)."""
    stats = pair_rows((r["sentence"], r["source_id"], r["target_id"], r["kind"],
                       r["polarity"], r["directed"], event_day(r.get("event_date")))
                      for r in relations if not r["rejected"])
    return [{"article_id": aid, "a_id": p.a, "b_id": p.b, "kind": p.kind, "way": p.way,
             "polarity": p.polarity, "sentences": p.sentences, "cooc": p.cooc, "day": p.day}
            for p in stats]
