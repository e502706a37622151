"""Evidence behind the graph: the sentences that mention an actor or link two actors.

Read straight from the store for one actor or one pair, so the dashboard's detail panels never
need the whole slice's evidence in memory.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from .model import GraphSlice
from .store import Store, actor_names, actors, mentions, relations, sentences

__all__ = ["actor_evidence", "article_in", "edge_evidence"]


def actor_evidence(store: Store, label: str, sl: GraphSlice | None = None,
                   limit: int = 50) -> list[dict]:
    """Sentences mentioning an actor in the slice, newest article first, each with the
    character ``spans`` of the actor's mentions inside the sentence (for highlighting)."""
    sl = sl or GraphSlice()
    arts = {a["id"]: a for a in store.articles()}
    q = (select(mentions.c.article_id, mentions.c.sentence, mentions.c.start, mentions.c.end,
                sentences.c.start, sentences.c.text)
         .join(actor_names, actor_names.c.name == mentions.c.name)
         .join(actors, actors.c.id == actor_names.c.actor_id)
         .join(sentences, (sentences.c.article_id == mentions.c.article_id)
               & (sentences.c.idx == mentions.c.sentence))
         .where(actors.c.label == label))
    found: dict[tuple[str, int], dict] = {}
    with store.engine.connect() as conn:
        for aid, s, start, end, s_start, text in conn.execute(q):
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
    return ordered[:limit]


def edge_evidence(store: Store, a: str, b: str, sl: GraphSlice | None = None) -> list[dict]:
    """Every sentence linking actors ``a`` and ``b`` in the slice, oldest article first, with
    the relation kinds found in it (for the dashboard's edge panel)."""
    sl = sl or GraphSlice()
    arts = {x["id"]: x for x in store.articles()}
    src, tgt = actor_names.alias("src"), actor_names.alias("tgt")
    asrc, atgt = actors.alias("asrc"), actors.alias("atgt")
    q = (select(relations.c.article_id, relations.c.sentence, relations.c.kind,
                sentences.c.text)
         .join(src, src.c.name == relations.c.source).join(asrc, asrc.c.id == src.c.actor_id)
         .join(tgt, tgt.c.name == relations.c.target).join(atgt, atgt.c.id == tgt.c.actor_id)
         .join(sentences, (sentences.c.article_id == relations.c.article_id)
               & (sentences.c.idx == relations.c.sentence))
         .where(((asrc.c.label == a) & (atgt.c.label == b))
                | ((asrc.c.label == b) & (atgt.c.label == a))))
    if sl.kinds:
        q = q.where(relations.c.kind.in_(sl.kinds))
    found: dict[tuple[str, int], dict] = {}
    with store.engine.connect() as conn:
        for aid, s, kind, text in conn.execute(q):
            art = arts.get(aid)
            if art is None or not article_in(art, sl):
                continue
            entry = found.setdefault((aid, s), {
                "article": aid, "title": art["title"], "date": art["date"],
                "source": art["source"], "url": art["url"], "sentence": text, "kinds": set()})
            entry["kinds"].add(kind)
    out = [e for (_, _), e in sorted(found.items(), key=lambda kv: (
        kv[1]["date"] or "9999", kv[0]))]
    for e in out:
        e["kinds"] = sorted(e["kinds"])
    return out


def article_in(art: dict, sl: GraphSlice) -> bool:
    if sl.articles and art["id"] not in sl.articles:
        return False
    if art["date"] is None:
        return sl.include_undated
    day = date.fromisoformat(art["date"])
    return not ((sl.since and day < sl.since) or (sl.until and day > sl.until))
