"""Build a networkx graph for any slice of the store.

:class:`~graph.corpus.Corpus` holds the store's aggregates as arrays; :func:`build_graph`
filters and sums them with array operations and creates networkx nodes and edges only for what
the slice keeps. Node keys are stable actor ids; see docs/architecture.md for the attributes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict
from datetime import date
from types import SimpleNamespace

import networkx as nx
import numpy as np

from .corpus import POLARITY, UNDATED, Corpus, Groups
from .model import COOCCURRENCE, GraphSlice
from .schema import ALL_KINDS
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
    chosen_articles = np.flatnonzero(art_mask)
    whole = len(chosen_articles) == len(c.articles)
    type_ok = np.array([not sl.types or t in sl.types for t in c.types] or [True], dtype=bool)
    r, m = c.rows, c.mentions
    n_pairs = len(r.pair_a)
    pair_ok = type_ok[r.pair_a] & type_ok[r.pair_b] if n_pairs else np.zeros(0, bool)

    # The slice's rows: all of them, or its articles' blocks (rows are in article order).
    r_rows = None if whole else r.by_article.rows(chosen_articles)
    m_rows = None if whole else m.by_article.rows(chosen_articles)
    mentions_of = m.total.copy() if whole else np.bincount(
        m.actor[m_rows], weights=m.count[m_rows], minlength=n)
    mentions_of[~type_ok[:n]] = 0
    kind_ok = np.array([k in sl.kinds for k in c.kinds], dtype=bool)
    if sl.kinds:
        sub = _columns(r, r_rows)
        star = sub.kind == c.all_kinds
        use = kind_ok[sub.kind] & ~star
        if COOCCURRENCE in sl.kinds:
            use |= star & (sub.cooc > 0)
        weights = _capped(sub, use, star, max(len(c.articles), 1), c.all_kinds, n_pairs)
    elif whole:
        weights = r.total.copy()
    else:
        rows = r_rows[r.kind[r_rows] == c.all_kinds]
        weights = np.bincount(r.pair[rows], weights=r.count[rows],
                              minlength=n_pairs).astype(np.int64)
    weights[~pair_ok | (weights < max(sl.min_weight, 1))] = 0
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
    # strongest first, then most mentioned, then id (lexsort: the last key sorts first)
    ranked = present[np.lexsort((np.array(c.ids, dtype=object)[present] if len(present)
                                 else present, -mentions_of[present], -strength[present]))]
    chosen = np.zeros(n, dtype=bool)
    chosen[ranked[:top] if top else ranked] = True
    route: list[str] = []
    if path and path[0] in index and path[1] in index:
        route = [c.ids[i] for i in _shortest(la, lb, n, index[path[0]], index[path[1]])]
        chosen[[index[x] for x in route]] = True

    G = nx.Graph(slice=_slice_dict(sl), total_actors=len(ranked), path=route,
                 articles=c.article_ids[chosen_articles].tolist() if len(c.articles) else [])
    if whole:  # the whole corpus: per-actor groups computed once per corpus
        node_arts, node_texts = c.actor_articles, c.actor_texts
    else:
        rows = m_rows[chosen[m.actor[m_rows]]]
        node_arts = Groups.of(m.actor[rows], m.article[rows], n)
        node_texts = Groups.of(m.actor[rows], m.text[rows], n)
    _add_nodes(G, c, chosen, mentions_of, node_arts, node_texts)
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
    if whole and not sl.kinds:  # per-pair groups computed once per corpus
        edges = (c.pair_articles, c.pair_kinds, c.pair_typed)
    else:
        edges = _edge_groups(c, kept, r_rows, sl.kinds, kind_ok)
    _add_edges(G, c, store, sl, kept, weights, *edges, evidence)
    G.graph["timeline"] = _timeline(c, chosen_articles, chosen, node_arts)
    return G


def _edge_groups(c: Corpus, kept: np.ndarray, rows: np.ndarray | None, kinds: tuple,
                 kind_ok: np.ndarray) -> tuple[Groups, Groups, Groups]:
    """Articles, kinds and typed rows per kept pair, from the slice's rows."""
    r = c.rows
    if rows is None:
        rows = np.sort(r.by_pair.rows(np.flatnonzero(kept)))
    else:
        rows = rows[kept[r.pair[rows]]]
    star = r.kind[rows] == c.all_kinds
    chosen = kind_ok[r.kind[rows]] & ~star if kinds else ~star
    cooc = star & (r.cooc[rows] > 0) & (COOCCURRENCE in kinds or not kinds)
    used = (chosen | cooc) if kinds else star
    n_pairs = len(r.pair_a)
    of_kinds = rows[chosen | cooc]
    typed = of_kinds[(r.way[of_kinds] > 0) & (r.kind[of_kinds] != c.all_kinds)]
    return (Groups.of(r.pair[rows[used]], r.article[rows[used]], n_pairs),
            Groups.of(r.pair[of_kinds], r.kind[of_kinds], n_pairs),
            Groups.of(r.pair[typed], typed, n_pairs))


def _columns(r, rows: np.ndarray | None) -> SimpleNamespace:  # noqa: ANN001
    """The slice's pair-row columns (views of the whole arrays when it is the whole)."""
    return SimpleNamespace(**{name: getattr(r, name) if rows is None else getattr(r, name)[rows]
                              for name in ("pair", "article", "kind", "count", "cooc")})


def _timeline(c: Corpus, articles: np.ndarray, chosen: np.ndarray,
              arts: Groups) -> list[dict]:
    """Per day: the slice's articles and how many of the shown actors each day's articles
    mention (an actor counted once per article)."""
    days = c.dates[articles]
    shown = np.flatnonzero(chosen)
    mentioned = np.concatenate([arts.get(i) for i in shown]) if len(shown) else articles[:0]
    out_days, n_articles = np.unique(days[days != UNDATED], return_counts=True)
    m_days = c.dates[mentioned]
    found = dict(zip(*np.unique(m_days[m_days != UNDATED], return_counts=True), strict=True))
    return [{"date": date.fromordinal(int(d)).isoformat(), "articles": int(k),
             "mentions": int(found.get(d, 0))} for d, k in zip(out_days, n_articles,
                                                                strict=True)]


def _capped(sub: SimpleNamespace, use: np.ndarray, star: np.ndarray, width: int, all_kinds: int,
            n_pairs: int) -> np.ndarray:
    """Weights with a kind filter: per pair and article, the chosen kinds' sentences, at most
    the pair's distinct sentences there (the aggregates count sentences per kind, not which
    sentence had which kind, so two kinds in one sentence count once only when the cap says
    so)."""
    k_use = sub.pair[use] * width + sub.article[use]
    k_all = sub.pair[star] * width + sub.article[star]
    keys, inverse = np.unique(np.concatenate([k_use, k_all]), return_inverse=True)
    inverse = inverse.reshape(-1)
    # ``*`` rows among the used ones stand for co-occurrence
    counts = np.where(sub.kind[use] == all_kinds, sub.cooc[use], sub.count[use])
    sums = np.bincount(inverse[:len(k_use)], weights=counts, minlength=len(keys))
    caps = np.bincount(inverse[len(k_use):], weights=sub.count[star], minlength=len(keys))
    return np.bincount(keys // width, weights=np.minimum(sums, caps),
                       minlength=n_pairs).astype(np.int64)


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


def _add_nodes(G: nx.Graph, c: Corpus, chosen: np.ndarray, mentions_of: np.ndarray,
               arts: Groups, texts: Groups) -> None:
    for i in sorted(np.flatnonzero(chosen & (mentions_of > 0)).tolist(), key=lambda i: c.ids[i]):
        mine = arts.get(i)
        days = c.dates[mine]
        days = days[days != UNDATED]
        G.add_node(
            c.ids[i], label=c.labels[i], type=c.types[i],
            aliases=sorted({c.texts.get(t, "") for t in texts.get(i).tolist()}
                           - {c.labels[i], ""}),
            articles=c.article_ids[mine].tolist(),  # chronological (articles are date-ordered)
            mentions=int(mentions_of[i]),
            first_seen=date.fromordinal(int(days.min())).isoformat() if len(days) else None,
            last_seen=date.fromordinal(int(days.max())).isoformat() if len(days) else None,
        )


def _add_edges(G: nx.Graph, c: Corpus, store: Store, sl: GraphSlice, kept: np.ndarray,
               weights: np.ndarray, arts: Groups, kinds: Groups, typed: Groups,
               evidence: bool) -> None:
    r = c.rows
    names = [COOCCURRENCE if k == ALL_KINDS else k for k in c.kinds]
    pairs = sorted(np.flatnonzero(kept).tolist(), key=lambda p: (c.ids[r.pair_a[p]],
                                                                c.ids[r.pair_b[p]]))
    found = _evidence(store, c, sl, {p: arts.get(p) for p in pairs}) if evidence else {}
    for p in pairs:
        a, b = c.ids[r.pair_a[p]], c.ids[r.pair_b[p]]
        directed: Counter = Counter()
        rows = typed.get(p)
        for kd, way, pol, n in zip(r.kind[rows].tolist(), r.way[rows].tolist(),
                                   r.polarity[rows].tolist(), r.count[rows].tolist(),
                                   strict=True):
            directed[(kd, way, pol)] += n
        relations_ = sorted(
            ({"kind": c.kinds[kd], "source": a if way == 1 else b,
              "target": b if way == 1 else a, "count": n, "polarity": POLARITY[pol]}
             for (kd, way, pol), n in directed.items()),
            key=lambda x: (x["kind"], x["source"], x["target"], x["polarity"]))
        ways = {(x["source"], x["target"]) for x in relations_}
        src, tgt = next(iter(ways)) if len(ways) == 1 else (a, b)
        G.add_edge(
            a, b, weight=int(weights[p]), articles=c.article_ids[arts.get(p)].tolist(),
            kinds=sorted({names[k] for k in kinds.get(p).tolist()}),
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
