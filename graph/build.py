"""Build a networkx graph for any slice of the store.

:class:`~graph.corpus.Corpus` holds the store's aggregates as arrays; :func:`build_graph`
filters and sums them with array operations and creates networkx nodes and edges only for what
the slice keeps. Node keys are stable actor ids; see docs/architecture.md for the attributes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict
from datetime import date

import networkx as nx
import numpy as np

from .corpus import POLARITY, UNDATED, Corpus
from .model import GraphSlice
from .store import Store

__all__ = ["Corpus", "build_graph", "slice_articles"]


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
    ``G.graph["total_actors"]`` says how many the slice had. ``focus`` (an actor id) limits the
    graph to its neighbourhood within ``depth`` steps; ``path`` (two actor ids) finds a
    shortest path (``G.graph["path"]``, always kept). ``max_edges`` keeps only the strongest
    links among the chosen actors (path links always kept; ``G.graph["total_edges"]`` counts
    them all). ``corpus`` is refreshed from the store if needed (only what changed is read).
    ``evidence=False`` skips reading sentence texts.
    """
    sl = sl or GraphSlice()
    c = corpus.refresh(store) if corpus is not None else Corpus.load(store)
    n = len(c.ids)
    art_mask = slice_articles(c, sl)
    type_ok = np.array([not sl.types or t in sl.types for t in c.types] + [False], dtype=bool)

    # mentions: m_actor is -1 for hidden or unresolved names, which type_ok[-1] drops
    mm = art_mask[c.m_article] & type_ok[c.m_actor] if len(c.m_actor) else np.zeros(0, bool)
    mentions_of = np.bincount(c.m_actor[mm], weights=c.m_count[mm], minlength=n)

    r = c.rows
    n_pairs = len(r.pair_a)
    rm = art_mask[r.article] & (type_ok[r.pair_a] & type_ok[r.pair_b])[r.pair]
    star = r.kind == c.all_kinds
    if sl.kinds:
        kind_ok = np.array([k in sl.kinds for k in c.kinds], dtype=bool)
        use = rm & kind_ok[r.kind] & ~star
        weights = _capped(r, use, rm & star, max(len(c.articles), 1))
    else:
        use = rm & star
        weights = np.bincount(r.pair[use], weights=r.count[use], minlength=n_pairs)
    weights = weights.astype(np.int64)
    weights[weights < max(sl.min_weight, 1)] = 0
    live = np.flatnonzero(weights)

    strength = (np.bincount(r.pair_a[live], weights[live], minlength=n)
                + np.bincount(r.pair_b[live], weights[live], minlength=n))
    # A relation-kind filter asks for a view of those relations: drop actors without any.
    present = np.flatnonzero((mentions_of > 0) & ((strength > 0) if sl.kinds else True))
    index = {aid: i for i, aid in enumerate(c.ids)}
    la, lb = r.pair_a[live], r.pair_b[live]
    if focus is not None:
        reach = _reach(la, lb, n, index[focus], depth) if focus in index else np.zeros(n, bool)
        present = present[reach[present]]
    order = sorted(present.tolist(), key=lambda i: (-strength[i], -mentions_of[i], c.ids[i]))
    chosen = np.zeros(n, dtype=bool)
    chosen[order[:top] if top else order] = True
    route: list[str] = []
    if path and path[0] in index and path[1] in index:
        route = [c.ids[i] for i in _shortest(la, lb, n, index[path[0]], index[path[1]])]
        chosen[[index[x] for x in route]] = True

    G = nx.Graph(slice=_slice_dict(sl), total_actors=len(order), path=route,
                 articles=[c.articles[i]["id"] for i in np.flatnonzero(art_mask)])
    _add_nodes(G, c, chosen, mm, mentions_of)
    kept = np.zeros(n_pairs, dtype=bool)
    kept[live] = True
    kept &= chosen[r.pair_a] & chosen[r.pair_b]
    G.graph["total_edges"] = int(kept.sum())
    if max_edges is not None and G.graph["total_edges"] > max_edges:
        idx = np.flatnonzero(kept)
        strongest = idx[np.lexsort((idx, -weights[idx]))[:max_edges]]
        on_path = np.isin(r.pair_a * n + r.pair_b, [
            min(index[x], index[y]) * n + max(index[x], index[y])
            for x, y in nx.utils.pairwise(route)]) & kept
        kept[:] = on_path
        kept[strongest] = True
    of_kinds = rm & kept[r.pair] & ~star & (kind_ok[r.kind] if sl.kinds else True)
    _add_edges(G, c, store, sl, kept, weights, np.flatnonzero(use & kept[r.pair]),
               np.flatnonzero(of_kinds), evidence)
    return G


def _capped(r, use: np.ndarray, total: np.ndarray, width: int) -> np.ndarray:  # noqa: ANN001
    """Weights with a kind filter: per pair and article, the chosen kinds' sentences, at most
    the pair's distinct sentences there (the aggregates count sentences per kind, not which
    sentence had which kind, so two kinds in one sentence count once only when the cap says
    so)."""
    k_use = r.pair[use] * width + r.article[use]
    k_all = r.pair[total] * width + r.article[total]
    keys, inverse = np.unique(np.concatenate([k_use, k_all]), return_inverse=True)
    inverse = inverse.reshape(-1)
    sums = np.bincount(inverse[:len(k_use)], weights=r.count[use], minlength=len(keys))
    caps = np.bincount(inverse[len(k_use):], weights=r.count[total], minlength=len(keys))
    return np.bincount(keys // width, weights=np.minimum(sums, caps),
                       minlength=len(r.pair_a))


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
    """Group ``values`` by ``keys`` (both 1-D); each group's values come out sorted, unique."""
    if not len(keys):
        return {}
    order = np.lexsort((values, keys))
    keys, values = keys[order], values[order]
    starts = np.concatenate(([0], np.flatnonzero(np.diff(keys)) + 1))
    ends = np.concatenate((starts[1:], [len(keys)]))
    return {k: np.unique(values[a:b]) for k, a, b in zip(keys[starts].tolist(),
                                                         starts.tolist(), ends.tolist(),
                                                         strict=True)}


def _add_nodes(G: nx.Graph, c: Corpus, chosen: np.ndarray, mm: np.ndarray,
               mentions_of: np.ndarray) -> None:
    sel = np.flatnonzero(mm & chosen[c.m_actor]) if len(mm) else np.zeros(0, np.int64)
    arts = _by(c.m_actor[sel], c.m_article[sel])
    texts = _by(c.m_actor[sel], c.m_text[sel])
    none = np.zeros(0, dtype=np.int64)
    for i in sorted(np.flatnonzero(chosen & (mentions_of > 0)).tolist(), key=lambda i: c.ids[i]):
        mine = arts.get(i, none)
        days = c.dates[mine]
        days = days[days != UNDATED]
        G.add_node(
            c.ids[i], label=c.labels[i], type=c.types[i],
            aliases=sorted({c.texts.get(t, "") for t in texts.get(i, none).tolist()}
                           - {c.labels[i], ""}),
            articles=c.article_ids[mine].tolist(),  # chronological (articles are date-ordered)
            mentions=int(mentions_of[i]),
            first_seen=date.fromordinal(int(days.min())).isoformat() if len(days) else None,
            last_seen=date.fromordinal(int(days.max())).isoformat() if len(days) else None,
        )


def _add_edges(G: nx.Graph, c: Corpus, store: Store, sl: GraphSlice, kept: np.ndarray,
               weights: np.ndarray, rows: np.ndarray, of_kinds: np.ndarray,
               evidence: bool) -> None:
    r = c.rows
    arts = _by(r.pair[rows], r.article[rows])
    kinds = _by(r.pair[of_kinds], r.kind[of_kinds])
    typed = of_kinds[r.way[of_kinds] > 0]
    directed: dict[int, Counter] = defaultdict(Counter)
    for p, kd, way, pol, n in zip(r.pair[typed].tolist(), r.kind[typed].tolist(),
                                  r.way[typed].tolist(), r.polarity[typed].tolist(),
                                  r.count[typed].tolist(), strict=True):
        directed[p][(kd, way, pol)] += n
    found = _evidence(store, c, sl, arts) if evidence else {}
    none = np.zeros(0, dtype=np.int64)
    for p in sorted(np.flatnonzero(kept).tolist(), key=lambda p: (c.ids[r.pair_a[p]],
                                                                 c.ids[r.pair_b[p]])):
        a, b = c.ids[r.pair_a[p]], c.ids[r.pair_b[p]]
        relations_ = sorted(
            ({"kind": c.kinds[kd], "source": a if way == 1 else b,
              "target": b if way == 1 else a, "count": n, "polarity": POLARITY[pol]}
             for (kd, way, pol), n in directed[p].items()),
            key=lambda x: (x["kind"], x["source"], x["target"], x["polarity"]))
        ways = {(x["source"], x["target"]) for x in relations_}
        src, tgt = next(iter(ways)) if len(ways) == 1 else (a, b)
        G.add_edge(
            a, b, weight=int(weights[p]), articles=c.article_ids[arts.get(p, none)].tolist(),
            kinds=sorted({c.kinds[k] for k in kinds.get(p, none).tolist()}),
            relations=relations_, polarity=_polarity(relations_), directed=len(ways) == 1,
            source=src, target=tgt, evidence=found.get((a, b), []),
        )


def _evidence(store: Store, c: Corpus, sl: GraphSlice,
              arts: dict[int, np.ndarray]) -> dict[tuple[str, str], list[dict]]:
    """Supporting sentences per kept edge, in article (date) order then sentence order."""
    r = c.rows
    pairs = [(c.ids[r.pair_a[p]], c.ids[r.pair_b[p]]) for p in arts]
    wanted = {c.articles[i]["id"] for v in arts.values() for i in v.tolist()}
    position = {a["id"]: i for i, a in enumerate(c.articles)}
    grouped: dict[tuple[str, str], dict[tuple[str, int], dict]] = defaultdict(dict)
    for x, y, aid, sent, kind, text in store.pair_sentences(pairs, None, sl.kinds):
        if aid in wanted:
            entry = grouped[(min(x, y), max(x, y))].setdefault(
                (aid, sent), {"article": aid, "sentence": text, "kinds": set()})
            entry["kinds"].add(kind)
    return {key: [{**e, "kinds": sorted(e["kinds"])} for _, e in sorted(
        found.items(), key=lambda kv: (position.get(kv[0][0], 0), kv[0][1]))]
        for key, found in grouped.items()}


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
