"""Build a networkx graph for any slice of the store.

:class:`Corpus` loads every article's actors and relations once (per store revision) into
compact NumPy arrays; :func:`build_graph` then filters and aggregates with array operations and
creates networkx nodes and edges only for what the slice keeps. See docs/architecture.md for
the node and edge attributes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date

import networkx as nx
import numpy as np
from sqlalchemy import select, tuple_

from .model import COOCCURRENCE, GraphSlice
from .store import Store, actor_names, actors, mentions, relations, sentences

__all__ = ["Corpus", "actor_evidence", "build_graph", "slice_articles"]

UNDATED = -1


@dataclass
class Corpus:
    """Everything needed to build any slice, as arrays indexed by article and actor number."""

    revision: int
    articles: list[dict]
    dates: np.ndarray  # day ordinal per article, UNDATED if none
    labels: list[str]
    types: list[str]
    texts: list[str]  # distinct mention surface texts
    m_article: np.ndarray
    m_actor: np.ndarray
    m_text: np.ndarray
    kinds: list[str]
    r_article: np.ndarray
    r_sentence: np.ndarray
    r_a: np.ndarray  # actor pair with a < b
    r_b: np.ndarray
    r_kind: np.ndarray
    r_polarity: np.ndarray  # index into POLARITY
    r_dir: np.ndarray  # 0 undirected, 1 a→b, 2 b→a

    @classmethod
    def load(cls, store: Store) -> Corpus:
        """Read the whole store (one query per table)."""
        revision = store.revision()
        arts = store.articles()
        index = {a["id"]: i for i, a in enumerate(arts)}
        dates = np.array([date.fromisoformat(a["date"]).toordinal() if a["date"] else UNDATED
                          for a in arts], dtype=np.int64)
        with store.engine.connect() as conn:
            actor_rows = conn.execute(select(actors.c.id, actors.c.label, actors.c.type)
                                      .order_by(actors.c.id)).all()
            slot = {aid: i for i, (aid, _, _) in enumerate(actor_rows)}
            name_to = {n: slot[a] for n, a in conn.execute(
                select(actor_names.c.name, actor_names.c.actor_id))}
            texts: dict[str, int] = {}
            m_rows = [(index[a], name_to[n], texts.setdefault(t, len(texts)))
                      for a, n, t in conn.execute(select(
                          mentions.c.article_id, mentions.c.name, mentions.c.text))
                      if n in name_to and a in index]
            kinds: dict[str, int] = {COOCCURRENCE: 0}
            r_rows = []
            for a, s, src, tgt, kind, pol, directed in conn.execute(select(
                    relations.c.article_id, relations.c.sentence, relations.c.source,
                    relations.c.target, relations.c.kind, relations.c.polarity,
                    relations.c.directed)):
                x, y = name_to.get(src), name_to.get(tgt)
                if x is None or y is None or x == y or a not in index:
                    continue
                lo, hi = min(x, y), max(x, y)
                way = 0 if not directed else (1 if x == lo else 2)
                r_rows.append((index[a], s, lo, hi, kinds.setdefault(kind, len(kinds)),
                               POLARITY.index(pol) if pol in POLARITY else 2, way))
        m = np.array(m_rows, dtype=np.int64).reshape(-1, 3)
        r = np.array(r_rows, dtype=np.int64).reshape(-1, 7)
        return cls(revision, arts, dates, [r[1] for r in actor_rows],
                   [r[2] for r in actor_rows], list(texts), m[:, 0], m[:, 1], m[:, 2],
                   list(kinds), *(r[:, i] for i in range(7)))


POLARITY = ("cooperative", "hostile", "neutral")


def slice_articles(corpus: Corpus, sl: GraphSlice) -> np.ndarray:
    """Boolean mask over ``corpus.articles`` for the slice's article and date filters."""
    mask = np.ones(len(corpus.articles), dtype=bool)
    if sl.articles:
        wanted = set(sl.articles)
        mask &= np.array([a["id"] in wanted for a in corpus.articles], dtype=bool)
    dated = corpus.dates != UNDATED
    if sl.since:
        mask &= ~dated | (corpus.dates >= sl.since.toordinal())
    if sl.until:
        mask &= ~dated | (corpus.dates <= sl.until.toordinal())
    if not sl.include_undated:
        mask &= dated
    return mask


def build_graph(store: Store, sl: GraphSlice | None = None, *, corpus: Corpus | None = None,
                top: int | None = None, evidence: bool = True) -> nx.Graph:
    """The actor graph of a slice. ``top`` keeps the N actors with the highest weighted degree
    (then mentions); ``G.graph["total_actors"]`` says how many the slice had before that."""
    sl = sl or GraphSlice()
    c = corpus if corpus is not None and corpus.revision == store.revision() else (
        Corpus.load(store))
    art_mask = slice_articles(c, sl)
    type_ok = np.array([not sl.types or t in sl.types for t in c.types] or [True], dtype=bool)
    kind_ok = np.array([not sl.kinds or k in sl.kinds for k in c.kinds], dtype=bool)

    mm = art_mask[c.m_article] & type_ok[c.m_actor] if len(c.m_actor) else np.zeros(0, bool)
    rm = (art_mask[c.r_article] & type_ok[c.r_a] & type_ok[c.r_b] & kind_ok[c.r_kind]
          if len(c.r_a) else np.zeros(0, bool))
    n_actors = len(c.labels)
    mentions_of = np.bincount(c.m_actor[mm], minlength=n_actors)

    # weight = distinct (article, sentence) per actor pair
    ra, rb, rart, rsent = c.r_a[rm], c.r_b[rm], c.r_article[rm], c.r_sentence[rm]
    pair = ra * n_actors + rb
    uniq = np.unique(np.stack([pair, rart, rsent]), axis=1) if len(pair) else np.zeros((3, 0),
                                                                                       np.int64)
    pairs, weights = np.unique(uniq[0], return_counts=True)
    keep = weights >= max(sl.min_weight, 1)
    pairs, weights = pairs[keep], weights[keep]

    present = np.flatnonzero(mentions_of)
    strength = np.zeros(n_actors, dtype=np.int64)
    np.add.at(strength, pairs // n_actors, weights)
    np.add.at(strength, pairs % n_actors, weights)
    order = sorted(present.tolist(), key=lambda i: (-strength[i], -mentions_of[i], c.labels[i]))
    total = len(order)
    chosen = set(order[:top] if top else order)

    G = nx.Graph(slice=_slice_dict(sl), total_actors=total,
                 articles=[c.articles[i]["id"] for i in np.flatnonzero(art_mask)])
    _add_nodes(G, c, chosen, mm)
    edge_ok = np.array([(p // n_actors) in chosen and (p % n_actors) in chosen for p in pairs],
                       dtype=bool)
    _add_edges(G, c, store, pairs[edge_ok] if len(pairs) else pairs,
               rm, n_actors, evidence)
    return G


def _slice_dict(sl: GraphSlice) -> dict:
    d = asdict(sl)
    for k in ("since", "until"):
        d[k] = d[k].isoformat() if d[k] else None
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def _add_nodes(G: nx.Graph, c: Corpus, chosen: set[int], mm: np.ndarray) -> None:
    arts: dict[int, set[int]] = defaultdict(set)
    aliases: dict[int, Counter] = defaultdict(Counter)
    counts: Counter[int] = Counter()
    for a, actor, t in zip(c.m_article[mm].tolist(), c.m_actor[mm].tolist(),
                           c.m_text[mm].tolist(), strict=True):
        if actor in chosen:
            arts[actor].add(a)
            aliases[actor][t] += 1
            counts[actor] += 1
    for actor in sorted(chosen, key=lambda i: c.labels[i]):
        days = [int(c.dates[a]) for a in arts[actor] if c.dates[a] != UNDATED]
        G.add_node(
            c.labels[actor], label=c.labels[actor], type=c.types[actor],
            aliases=sorted({c.texts[t] for t in aliases[actor]} - {c.labels[actor]}),
            articles=sorted(c.articles[a]["id"] for a in arts[actor]),
            mentions=counts[actor],
            first_seen=date.fromordinal(min(days)).isoformat() if days else None,
            last_seen=date.fromordinal(max(days)).isoformat() if days else None,
        )


def _add_edges(G: nx.Graph, c: Corpus, store: Store, pairs: np.ndarray, rm: np.ndarray,
               n: int, evidence: bool) -> None:
    if not len(pairs):
        return
    idx = np.flatnonzero(rm)
    key = c.r_a[idx] * n + c.r_b[idx]
    idx = idx[np.isin(key, pairs)]
    rows: dict[int, list[int]] = defaultdict(list)
    for i, k in zip(idx.tolist(), (c.r_a[idx] * n + c.r_b[idx]).tolist(), strict=True):
        rows[k].append(i)
    texts = _sentence_texts(store, c, idx) if evidence else {}
    for k in sorted(rows, key=lambda k: (c.labels[k // n], c.labels[k % n])):
        a, b = c.labels[k // n], c.labels[k % n]
        sents: dict[tuple[int, int], set[str]] = defaultdict(set)
        typed: Counter[tuple[str, str, str, str]] = Counter()
        for i in rows[k]:
            art, s, kind = int(c.r_article[i]), int(c.r_sentence[i]), c.kinds[c.r_kind[i]]
            sents[(art, s)].add(kind)
            way = int(c.r_dir[i])
            if way:
                src, tgt = (a, b) if way == 1 else (b, a)
                typed[(kind, src, tgt, POLARITY[c.r_polarity[i]])] += 1
        relations_ = [{"kind": kd, "source": s, "target": t, "count": n_, "polarity": p}
                      for (kd, s, t, p), n_ in sorted(typed.items())]
        polarity = _polarity(typed)
        ways = {(r["source"], r["target"]) for r in relations_}
        src, tgt = next(iter(ways)) if len(ways) == 1 else (a, b)
        G.add_edge(
            a, b, weight=len(sents),
            articles=sorted({c.articles[art]["id"] for art, _ in sents}),
            kinds=sorted({kd for ks in sents.values() for kd in ks}),
            relations=relations_, polarity=polarity, directed=len(ways) == 1,
            source=src, target=tgt,
            evidence=[{"article": c.articles[art]["id"], "sentence": texts.get((art, s), ""),
                       "kinds": sorted(ks)} for (art, s), ks in sorted(sents.items())]
            if evidence else [],
        )


def _polarity(typed: Counter) -> str:
    votes: Counter[str] = Counter()
    for (_, _, _, pol), n in typed.items():
        votes[pol] += n
    if not votes:
        return "neutral"
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return "neutral"
    return ranked[0][0]


def _sentence_texts(store: Store, c: Corpus, idx: np.ndarray) -> dict[tuple[int, int], str]:
    wanted = sorted({(int(a), int(s)) for a, s in zip(c.r_article[idx], c.r_sentence[idx],
                                                      strict=True)})
    out: dict[tuple[int, int], str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 400):
            chunk = wanted[i:i + 400]
            keys = [(c.articles[a]["id"], s) for a, s in chunk]
            back = {k: ch for k, ch in zip(keys, chunk, strict=True)}
            q = select(sentences.c.article_id, sentences.c.idx, sentences.c.text).where(
                tuple_(sentences.c.article_id, sentences.c.idx).in_(keys))
            for aid, s, text in conn.execute(q):
                out[back[(aid, s)]] = text
    return out


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
            if art is None or not _article_in(art, sl):
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


def _article_in(art: dict, sl: GraphSlice) -> bool:
    if sl.articles and art["id"] not in sl.articles:
        return False
    if art["date"] is None:
        return sl.include_undated
    day = date.fromisoformat(art["date"])
    return not ((sl.since and day < sl.since) or (sl.until and day > sl.until))
