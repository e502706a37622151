"""Evidence behind the graph: the sentences that mention an actor or link two actors.

Read from the store for one actor or one pair (by stable actor id), so the dashboard's detail
panels never need the whole slice's evidence in memory.
"""

from __future__ import annotations

from datetime import date

from graph.core.model import COOCCURRENCE, GraphSlice
from graph.store.aggregate import event_day
from graph.store.store import Store

__all__ = ["actor_evidence", "article_in", "edge_evidence", "event_in"]


def actor_evidence(store: Store, actor: str, sl: GraphSlice | None = None,
                   limit: int | None = 50) -> list[dict]:
    """Sentences mentioning an actor in the slice, newest article first, each with the
    character ``spans`` of the actor's mentions inside the sentence (for highlighting).
    ``limit=None`` returns them all."""
    sl = sl or GraphSlice()
    rows = store.mention_sentences(actor)
    arts = {a["id"]: a for a in store.articles({r[0] for r in rows})}
    found: dict[tuple[str, int], dict] = {}
    for aid, s, start, end, s_start, text in rows:
        art = arts.get(aid)
        if art is None or not article_in(art, sl):
            continue
        entry = found.setdefault((aid, s), {
            "article": aid, "title": art["title"], "date": art["date"],
            "source": art["source"], "url": art["url"], "sentence": text, "spans": []})
        entry["spans"].append([start - s_start, end - s_start])
    ordered = sorted(found.values(), key=lambda e: (e["date"] or "", e["article"]),
                     reverse=True)
    for e in ordered:
        e["spans"].sort()
    return ordered if limit is None else ordered[:limit]


def edge_evidence(store: Store, a: str, b: str, sl: GraphSlice | None = None) -> list[dict]:
    """Every sentence linking actors ``a`` and ``b`` in the slice, oldest article first, with
    the relation kinds found in it (for the dashboard's edge panel). As in the graph, a date
    range takes a typed relation by its event date and a co-occurrence by its article's."""
    sl = sl or GraphSlice()
    rows = store.pair_sentences([(a, b)], kinds=sl.kinds, with_dates=True)
    arts = {x["id"]: x for x in store.articles({r[2] for r in rows})}
    found: dict[tuple[str, int], dict] = {}
    for _, _, aid, s, kind, text, when in rows:
        art = arts.get(aid)
        if art is None or not (article_in(art, sl) if kind == COOCCURRENCE or not when
                               else event_in(art, when, sl)):
            continue
        entry = found.setdefault((aid, s), {
            "article": aid, "title": art["title"], "date": art["date"],
            "source": art["source"], "url": art["url"], "sentence": text, "kinds": set(),
            "index": s})
        entry["kinds"].add(kind)
    out = [e for (_, _), e in sorted(found.items(), key=lambda kv: (
        kv[1]["date"] or "9999", kv[0]))]
    for e in out:
        e["kinds"] = sorted(e["kinds"])
    return out


def event_in(art: dict, when: str, sl: GraphSlice) -> bool:
    """Is an event of date ``when`` (ISO, cut to its precision) of article ``art`` in the
    slice? By its event day (:func:`graph.store.aggregate.event_day`) when the slice has a
    date range, else as its article."""
    if not (sl.since or sl.until):
        return article_in(art, sl)
    if sl.articles and art["id"] not in sl.articles:
        return False
    day = date.fromordinal(event_day(when))
    return not ((sl.since and day < sl.since) or (sl.until and day > sl.until))


def article_in(art: dict, sl: GraphSlice) -> bool:
    if sl.articles and art["id"] not in sl.articles:
        return False
    if art["date"] is None:
        return bool(sl.include_undated)
    day = date.fromisoformat(art["date"])
    return not ((sl.since and day < sl.since) or (sl.until and day > sl.until))
