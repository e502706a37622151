"""Build a networkx graph for any slice of the store.

:class:`~graph.slices.corpus.Corpus` holds the store's aggregates as arrays; :func:`build_graph`
sums them for the slice (whole-corpus figures per name and name pair when the slice is the
whole corpus, the slice's own rows otherwise) and creates networkx nodes and edges only for
what the slice keeps. Node keys are stable actor ids; see docs/architecture.md.

The stages live apart: the slice's figures (:mod:`graph.slices.figures`), its nodes' facts and
timeline (:mod:`graph.slices.nodes`) and its links (:mod:`graph.slices.edges`); this module
selects the articles and the actors and puts the graph together.
"""

from __future__ import annotations

from dataclasses import asdict

import networkx as nx
import numpy as np

from graph.core.model import GraphSlice
from graph.slices.arrays import distinct
from graph.slices.corpus import UNDATED, Corpus
from graph.slices.edges import add_edges
from graph.slices.event_days import NO_MOVES
from graph.slices.figures import slice_figures
from graph.slices.nodes import node_facts, timeline
from graph.slices.walks import reach, shortest
from graph.store.store import Store

__all__ = ["Corpus", "actor_articles", "build_graph", "slice_articles"]


def slice_articles(corpus: Corpus, sl: GraphSlice) -> np.ndarray:
    """Boolean mask over the corpus' articles (load order) for the slice's article and date
    filters (by article date); replaced articles are never in it."""
    return _article_masks(corpus, sl)[0]


def _article_masks(corpus: Corpus, sl: GraphSlice) -> tuple[np.ndarray, np.ndarray]:
    """(the articles the slice selects by their own date, the articles its other filters
    allow: those outside the range still give the events they date inside it)."""
    eligible = corpus.alive.copy()
    if sl.articles:
        wanted = set(sl.articles)
        eligible &= np.array([a["id"] in wanted for a in corpus.arts], dtype=bool)
    mask = eligible.copy()
    dated = corpus.dates != UNDATED
    if sl.since:
        mask &= ~dated | (corpus.dates >= sl.since.toordinal())
    if sl.until:
        mask &= ~dated | (corpus.dates <= sl.until.toordinal())
    if not sl.include_undated:
        mask &= dated
    return mask, eligible


def actor_articles(corpus: Corpus, actor: str, sl: GraphSlice | None = None) -> list[str]:
    """Ids of the slice's articles that mention ``actor``, oldest first (what a view graph,
    built without article lists, does not carry)."""
    if actor not in corpus.ids:
        return []
    i = corpus.ids.index(actor)
    mine = corpus.mapping.name_actor[corpus.m_name] == i
    arts = distinct(corpus.m_article[mine])
    arts = arts[slice_articles(corpus, sl or GraphSlice())[arts]]
    return corpus.in_date_order(arts)


def build_graph(
    store: Store,
    sl: GraphSlice | None = None,
    *,
    corpus: Corpus | None = None,
    top: int | None = None,
    evidence: bool = True,
    focus: str | None = None,
    depth: int = 1,
    path: tuple[str, str] | None = None,
    max_edges: int | None = None,
    lists: bool | None = None,
) -> nx.Graph:
    """The actor graph of a slice.

    ``top`` keeps the N actors with the highest weighted degree (then mentions);
    ``G.graph["total_actors"]`` says how many the slice had. ``focus`` (an actor id) limits the
    graph to its neighbourhood within ``depth`` steps; ``path`` (two actor ids) finds a
    shortest path (``G.graph["path"]``, always kept). ``max_edges`` keeps only the strongest
    links among the chosen actors (path links always kept; ``G.graph["total_edges"]`` counts
    them all). ``corpus``: the snapshot to build from, used as given (a caller holding one
    refreshes it with :meth:`Corpus.refresh`, which reads only what changed); default: loaded now.
    ``evidence=False`` skips reading sentence texts; ``lists`` (default: as ``evidence``)
    gives nodes and edges the list of their ``articles`` (views leave it out: it is the one
    part whose size grows with the corpus).
    """
    sl = sl or GraphSlice()
    lists = evidence if lists is None else lists
    c = corpus if corpus is not None else Corpus.load(store)
    mp = c.mapping
    n, n_pairs = len(c.ids), len(mp.pair_a)
    art_mask, eligible = _article_masks(c, sl)
    moves = (
        c.event_days.moves(art_mask, eligible, sl.since, sl.until, c.r_article)
        if (sl.since or sl.until)
        else NO_MOVES
    )  # the index is built by the first date range
    chosen_articles = np.flatnonzero(art_mask)
    type_ok = np.array([not sl.types or t in sl.types for t in c.types] or [True], dtype=bool)
    fig = slice_figures(
        c, sl, chosen_articles, int(c.alive.sum()) == len(chosen_articles) and not moves.any, moves
    )
    fig.mentions[~type_ok[:n]] = 0
    weights = fig.weights
    pair_ok = type_ok[mp.pair_a] & type_ok[mp.pair_b] if n_pairs else np.zeros(0, bool)
    weights[~pair_ok | (weights < max(sl.min_weight, 1))] = 0
    live = np.flatnonzero(weights)

    strength = np.bincount(mp.pair_a[live], weights[live], minlength=n) + np.bincount(
        mp.pair_b[live], weights[live], minlength=n
    )
    # A relation-kind filter asks for a view of those relations: drop actors without any.
    present = np.flatnonzero((fig.mentions > 0) & ((strength > 0) if sl.kinds else True))
    index = {aid: i for i, aid in enumerate(c.ids)}
    la, lb = mp.pair_a[live], mp.pair_b[live]
    if focus is not None:
        near = reach(la, lb, n, index[focus], depth) if focus in index else np.zeros(n, bool)
        present = present[near[present]]
    ids = np.array(c.ids, dtype=object)
    ranked = (
        present[np.lexsort((ids[present], -fig.mentions[present], -strength[present]))]
        if len(present)
        else present
    )
    chosen = np.zeros(n, dtype=bool)
    chosen[ranked[:top] if top else ranked] = True
    route: list[str] = []
    if path and path[0] in index and path[1] in index:
        route = [c.ids[i] for i in shortest(la, lb, n, index[path[0]], index[path[1]])]
        chosen[[index[x] for x in route]] = True

    in_slice = art_mask.copy()  # with the articles giving events dated in the range
    in_slice[c.r_article[moves.added]] = True
    G: nx.Graph[str] = nx.Graph(
        slice=_slice_dict(sl),
        total_actors=len(ranked),
        path=route,
        articles=c.article_ids[c.order[in_slice[c.order]]].tolist() if len(c.arts) else [],
    )
    nodes = node_facts(c, chosen, fig, lists)
    for i in sorted(np.flatnonzero(chosen & (fig.mentions > 0)).tolist(), key=lambda i: c.ids[i]):
        G.add_node(
            c.ids[i], label=c.labels[i], type=c.types[i], mentions=int(fig.mentions[i]), **nodes[i]
        )
    kept = np.zeros(n_pairs, dtype=bool)
    kept[live] = True
    kept &= chosen[mp.pair_a] & chosen[mp.pair_b]
    G.graph["total_edges"] = int(kept.sum())
    if max_edges is not None and G.graph["total_edges"] > max_edges:
        idx = np.flatnonzero(kept)
        strongest = idx[np.lexsort((idx, -weights[idx]))[:max_edges]]
        on_path = (
            np.isin(
                mp.pair_a * n + mp.pair_b,
                [
                    min(index[x], index[y]) * n + max(index[x], index[y])
                    for x, y in nx.utils.pairwise(route)
                ],
            )
            & kept
        )
        kept[:] = on_path
        kept[strongest] = True
    add_edges(G, c, store, sl, kept, weights, fig, lists, evidence)
    G.graph["timeline"] = timeline(c, chosen_articles, chosen, fig)
    G.graph["undated"] = int((eligible & (c.dates == UNDATED)).sum())
    G.graph["undated_included"] = bool(sl.include_undated)
    return G


def _slice_dict(sl: GraphSlice) -> dict:
    d = asdict(sl)
    for k in ("since", "until"):
        d[k] = d[k].isoformat() if d[k] else None
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}
