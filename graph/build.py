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
from functools import cached_property

import networkx as nx
import numpy as np
from sqlalchemy import select, tuple_

from .model import COOCCURRENCE, GraphSlice
from .store import Store, actor_names, actors, mentions, relations, sentences

__all__ = ["Corpus", "build_graph", "slice_articles"]

UNDATED = -1


@dataclass
class Corpus:
    """Everything needed to build any slice, as arrays indexed by article, actor and pair.

    Besides the raw rows it keeps "first occurrence" masks (e.g. the first row of each
    (pair, article, sentence)), so a slice's weights are ``bincount``s rather than sorts.
    """

    revision: int
    articles: list[dict]
    dates: np.ndarray  # day ordinal per article, UNDATED if none
    labels: list[str]
    types: list[str]
    texts: list[str]  # distinct mention surface texts
    kinds: list[str]
    m_article: np.ndarray
    m_actor: np.ndarray
    m_text: np.ndarray
    r_article: np.ndarray
    r_sentence: np.ndarray
    r_pair: np.ndarray  # index into pair_a / pair_b
    r_kind: np.ndarray
    r_polarity: np.ndarray  # index into POLARITY
    r_dir: np.ndarray  # 0 undirected, 1 a→b, 2 b→a
    pair_a: np.ndarray  # actor index, pair_a < pair_b
    pair_b: np.ndarray

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
        n = max(len(actor_rows), 1)
        pairs, r_pair = np.unique(r[:, 2] * n + r[:, 3], return_inverse=True)
        return cls(revision, arts, dates, [x[1] for x in actor_rows],
                   [x[2] for x in actor_rows], list(texts), list(kinds),
                   m[:, 0], m[:, 1], m[:, 2], r[:, 0], r[:, 1], r_pair.reshape(-1), r[:, 4],
                   r[:, 5], r[:, 6], pairs // n, pairs % n)

    @cached_property
    def n_articles(self) -> int:
        return max(len(self.articles), 1)

    @cached_property
    def article_ids(self) -> np.ndarray:
        return np.array([a["id"] for a in self.articles] or [""], dtype=object)

    @cached_property
    def max_sentence(self) -> int:
        return int(self.r_sentence.max()) + 1 if len(self.r_sentence) else 1

    @cached_property
    def first_sentence(self) -> np.ndarray:
        """Rows that are the first of their (pair, article, sentence)."""
        return _first((self.r_pair * self.n_articles + self.r_article) * self.max_sentence
                      + self.r_sentence)

    @cached_property
    def first_pair_article(self) -> np.ndarray:
        return _first(self.r_pair * self.n_articles + self.r_article)

    @cached_property
    def first_pair_kind(self) -> np.ndarray:
        return _first((self.r_pair * len(self.kinds) + self.r_kind) * self.n_articles
                      + self.r_article)

    @cached_property
    def first_actor_article(self) -> np.ndarray:
        return _first(self.m_actor * self.n_articles + self.m_article)

    @cached_property
    def first_actor_text(self) -> np.ndarray:
        return _first((self.m_actor * max(len(self.texts), 1) + self.m_text) * self.n_articles
                      + self.m_article)


def _first(keys: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(keys), dtype=bool)
    if len(keys):
        mask[np.unique(keys, return_index=True)[1]] = True
    return mask


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
                top: int | None = None, evidence: bool = True, focus: str | None = None,
                depth: int = 1, path: tuple[str, str] | None = None,
                max_edges: int | None = None) -> nx.Graph:
    """The actor graph of a slice.

    ``top`` keeps the N actors with the highest weighted degree (then mentions);
    ``G.graph["total_actors"]`` says how many the slice had. ``focus`` limits the graph to an
    actor's neighbourhood within ``depth`` steps; ``path`` finds a shortest path between two
    actors (``G.graph["path"]``, always kept in the graph). ``max_edges`` keeps only the
    strongest links among the chosen actors (path links always kept; ``G.graph["total_edges"]``
    counts them all). ``corpus`` reuses a loaded
    :class:`Corpus` when it is still current. ``evidence=False`` skips reading sentence texts.
    """
    sl = sl or GraphSlice()
    c = corpus if corpus is not None and corpus.revision == store.revision() else (
        Corpus.load(store))
    n, n_pairs = len(c.labels), len(c.pair_a)
    art_mask = slice_articles(c, sl)
    type_ok = np.array([not sl.types or t in sl.types for t in c.types] or [True], dtype=bool)
    kind_ok = np.array([not sl.kinds or k in sl.kinds for k in c.kinds], dtype=bool)

    every_article, every_type = bool(art_mask.all()), bool(type_ok.all())
    mm = _rows(len(c.m_actor), None if every_article else art_mask[c.m_article],
               None if every_type else type_ok[c.m_actor])
    mentions_of = np.bincount(c.m_actor[mm], minlength=n)
    pair_ok = None if every_type else (type_ok[c.pair_a] & type_ok[c.pair_b])[c.r_pair]
    rm = _rows(len(c.r_pair), None if every_article else art_mask[c.r_article], pair_ok)
    if sl.kinds:
        rm &= kind_ok[c.r_kind]
        rows = np.flatnonzero(rm)
        keys = np.unique((c.r_pair[rows] * c.n_articles + c.r_article[rows]) * c.max_sentence
                         + c.r_sentence[rows])
        weights = np.bincount(keys // (c.n_articles * c.max_sentence), minlength=n_pairs)
    else:  # without a kind filter, each (pair, article, sentence) is in or out as a whole
        weights = np.bincount(c.r_pair[rm & c.first_sentence], minlength=n_pairs)
    weights[weights < max(sl.min_weight, 1)] = 0
    live = np.flatnonzero(weights)

    strength = (np.bincount(c.pair_a[live], weights[live], minlength=n)
                + np.bincount(c.pair_b[live], weights[live], minlength=n))
    # A relation-kind filter asks for a view of those relations: drop actors without any.
    present = np.flatnonzero((mentions_of > 0) & ((strength > 0) if sl.kinds else True))
    index = {label: i for i, label in enumerate(c.labels)}
    la, lb = c.pair_a[live], c.pair_b[live]
    if focus is not None:
        reach = _reach(la, lb, n, index[focus], depth) if focus in index else np.zeros(n, bool)
        present = present[reach[present]]
    order = sorted(present.tolist(), key=lambda i: (-strength[i], -mentions_of[i], c.labels[i]))
    chosen = np.zeros(n, dtype=bool)
    chosen[order[:top] if top else order] = True
    route: list[str] = []
    if path and path[0] in index and path[1] in index:
        route = [c.labels[i] for i in _shortest(la, lb, n, index[path[0]], index[path[1]])]
        chosen[[index[label] for label in route]] = True

    G = nx.Graph(slice=_slice_dict(sl), total_actors=len(order), path=route,
                 articles=[c.articles[i]["id"] for i in np.flatnonzero(art_mask)])
    _add_nodes(G, c, chosen, mm)
    kept = np.zeros(n_pairs, dtype=bool)
    kept[live] = True
    kept &= chosen[c.pair_a] & chosen[c.pair_b]
    G.graph["total_edges"] = int(kept.sum())
    if max_edges is not None and G.graph["total_edges"] > max_edges:
        idx = np.flatnonzero(kept)
        # strongest first; ties broken by pair index so the cut is deterministic
        strongest = idx[np.lexsort((idx, -weights[idx]))[:max_edges]]
        on_path = kept & np.isin(c.pair_a * n + c.pair_b, [
            min(index[x], index[y]) * n + max(index[x], index[y])
            for x, y in nx.utils.pairwise(route)])
        kept[:] = on_path
        kept[strongest] = True
    _add_edges(G, c, store, rm & kept[c.r_pair], weights, evidence, exact=bool(sl.kinds))
    return G


def _rows(size: int, *masks: np.ndarray | None) -> np.ndarray:
    """AND of the given row masks; ``None`` means "every row" (skips a full-length gather)."""
    out = np.ones(size, dtype=bool)
    for m in masks:
        if m is not None:
            out &= m
    return out


def _reach(la: np.ndarray, lb: np.ndarray, n: int, start: int, depth: int) -> np.ndarray:
    """Actors within ``depth`` steps of ``start`` over the pairs (la[i], lb[i])."""
    reach = np.zeros(n, dtype=bool)
    reach[start] = True
    for _ in range(max(depth, 0)):
        grown = reach.copy()
        grown[lb[reach[la]]] = True
        grown[la[reach[lb]]] = True
        if (grown == reach).all():
            break
        reach = grown
    return reach


def _shortest(la: np.ndarray, lb: np.ndarray, n: int, a: int, b: int) -> list[int]:
    """An unweighted shortest path from ``a`` to ``b`` (breadth-first, on arrays); [] if none."""
    parent = np.full(n, -1, dtype=np.int64)
    parent[a] = a
    frontier = np.zeros(n, dtype=bool)
    frontier[a] = True
    while frontier.any() and parent[b] < 0:
        nxt = np.zeros(n, dtype=bool)
        for src, dst in ((la, lb), (lb, la)):
            hit = frontier[src] & (parent[dst] < 0)
            parent[dst[hit]] = src[hit]
            nxt[dst[hit]] = True
        frontier = nxt
    if parent[b] < 0:
        return []
    route = [b]
    while route[-1] != a:
        route.append(int(parent[route[-1]]))
    return route[::-1]


def _by(keys: np.ndarray, values: np.ndarray) -> dict[int, np.ndarray]:
    """Group ``values`` by ``keys`` (both 1-D); each group's values come out sorted."""
    if not len(keys):
        return {}
    order = np.lexsort((values, keys))
    keys, values = keys[order], values[order]
    starts = np.concatenate(([0], np.flatnonzero(np.diff(keys)) + 1))
    ends = np.concatenate((starts[1:], [len(keys)]))
    return {k: values[a:b] for k, a, b in zip(keys[starts].tolist(), starts.tolist(),
                                              ends.tolist(), strict=True)}


def _add_nodes(G: nx.Graph, c: Corpus, chosen: np.ndarray, mm: np.ndarray) -> None:
    counts = np.bincount(c.m_actor[mm], minlength=len(c.labels))
    sel = mm & chosen[c.m_actor]
    arts = _by(c.m_actor[sel & c.first_actor_article], c.m_article[sel & c.first_actor_article])
    texts = _by(c.m_actor[sel & c.first_actor_text], c.m_text[sel & c.first_actor_text])
    none = np.zeros(0, dtype=np.int64)
    for i in sorted(np.flatnonzero(chosen & (counts > 0)).tolist(), key=lambda i: c.labels[i]):
        mine = arts.get(i, none)
        days = c.dates[mine]
        days = days[days != UNDATED]
        G.add_node(
            c.labels[i], label=c.labels[i], type=c.types[i],
            aliases=sorted({c.texts[t] for t in texts.get(i, none).tolist()} - {c.labels[i]}),
            articles=c.article_ids[mine].tolist(),  # chronological (articles are date-ordered)
            mentions=int(counts[i]),
            first_seen=date.fromordinal(int(days.min())).isoformat() if len(days) else None,
            last_seen=date.fromordinal(int(days.max())).isoformat() if len(days) else None,
        )


def _add_edges(G: nx.Graph, c: Corpus, store: Store, rm: np.ndarray, weights: np.ndarray,
               evidence: bool, exact: bool) -> None:
    """Edges for the rows in ``rm`` (already limited to kept pairs)."""
    if exact:  # a kind filter can drop a group's first row: find firsts among kept rows
        first = np.zeros(len(rm), dtype=bool)
        rows = np.flatnonzero(rm)
        first[rows[_first(c.r_pair[rows] * c.n_articles + c.r_article[rows])]] = True
    else:
        first = c.first_pair_article
    arts = _by(c.r_pair[rm & first], c.r_article[rm & first])
    kinds = _by(c.r_pair[rm & c.first_pair_kind], c.r_kind[rm & c.first_pair_kind])
    typed_rows = np.flatnonzero(rm & (c.r_dir > 0))
    typed: dict[int, Counter] = defaultdict(Counter)
    for p, kd, way, pol in zip(c.r_pair[typed_rows].tolist(), c.r_kind[typed_rows].tolist(),
                               c.r_dir[typed_rows].tolist(), c.r_polarity[typed_rows].tolist(),
                               strict=True):
        typed[p][(kd, way, pol)] += 1
    sents: dict[int, dict[tuple[int, int], set[str]]] = {}
    texts: dict[tuple[int, int], str] = {}
    if evidence:
        rows = np.flatnonzero(rm)
        for p, a, s, kd in zip(c.r_pair[rows].tolist(), c.r_article[rows].tolist(),
                               c.r_sentence[rows].tolist(), c.r_kind[rows].tolist(),
                               strict=True):
            sents.setdefault(p, {}).setdefault((a, s), set()).add(c.kinds[kd])
        texts = _sentence_texts(store, c, c.r_article[rows], c.r_sentence[rows])
    for p in sorted(arts, key=lambda p: (c.labels[c.pair_a[p]], c.labels[c.pair_b[p]])):
        a, b = c.labels[c.pair_a[p]], c.labels[c.pair_b[p]]
        relations_ = sorted(
            ({"kind": c.kinds[kd], "source": a if way == 1 else b,
              "target": b if way == 1 else a, "count": count, "polarity": POLARITY[pol]}
             for (kd, way, pol), count in typed[p].items()) if p in typed else (),
            key=lambda r: (r["kind"], r["source"], r["target"], r["polarity"]))
        ways = {(r["source"], r["target"]) for r in relations_}
        src, tgt = next(iter(ways)) if len(ways) == 1 else (a, b)
        G.add_edge(
            a, b, weight=int(weights[p]),
            articles=c.article_ids[arts[p]].tolist(),
            kinds=sorted({c.kinds[k] for k in kinds[p].tolist()}),
            relations=relations_, polarity=_polarity(relations_), directed=len(ways) == 1,
            source=src, target=tgt,
            evidence=[{"article": c.articles[x]["id"], "sentence": texts.get((x, s), ""),
                       "kinds": sorted(ks)} for (x, s), ks in sorted(sents.get(p, {}).items())],
        )


def _slice_dict(sl: GraphSlice) -> dict:
    d = asdict(sl)
    for k in ("since", "until"):
        d[k] = d[k].isoformat() if d[k] else None
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def _polarity(relations_: list[dict]) -> str:
    """Majority polarity of the typed relations on an edge; neutral if none or a tie."""
    votes = dict.fromkeys(POLARITY, 0)
    for r in relations_:
        votes[r["polarity"]] += r["count"]
    best = max(votes.values())
    winners = [p for p, v in votes.items() if v == best]
    return winners[0] if best and len(winners) == 1 else "neutral"


def _sentence_texts(store: Store, c: Corpus, art: np.ndarray,
                    sent: np.ndarray) -> dict[tuple[int, int], str]:
    wanted = np.unique(art * c.max_sentence + sent).tolist()
    keys = [(c.articles[k // c.max_sentence]["id"], k % c.max_sentence) for k in wanted]
    back = dict(zip(keys, [(k // c.max_sentence, k % c.max_sentence) for k in wanted],
                    strict=True))
    out: dict[tuple[int, int], str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(keys), 400):
            q = select(sentences.c.article_id, sentences.c.idx, sentences.c.text).where(
                tuple_(sentences.c.article_id, sentences.c.idx).in_(keys[i:i + 400]))
            for aid, s, text in conn.execute(q):
                out[back[(aid, s)]] = text
    return out
