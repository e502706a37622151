"""Build a networkx graph for any slice of the store.

:class:`~graph.slices.corpus.Corpus` holds the store's aggregates as arrays; :func:`build_graph`
sums them for the slice (whole-corpus figures per name and name pair when the slice is the
whole corpus, the slice's own rows otherwise) and creates networkx nodes and edges only for
what the slice keeps. Node keys are stable actor ids; see docs/architecture.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import networkx as nx
import numpy as np

from graph.core.cameo import QUAD_CLASSES, kind_info
from graph.core.model import COOCCURRENCE, GraphSlice
from graph.slices.corpus import POLARITY, UNDATED, Corpus, Groups, Rows
from graph.slices.event_days import NO_MOVES, Moves
from graph.slices.event_rows import add_moved, directed_relations, edge_days, moved_rows
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
    arts = np.unique(corpus.m_article[mine])
    arts = arts[slice_articles(corpus, sl or GraphSlice())[arts]]
    return _in_date_order(corpus, arts)


@dataclass
class _Slice:
    """Per actor and per actor pair figures of one slice."""

    mentions: np.ndarray  # per actor
    weights: np.ndarray  # per actor pair (0 for pairs outside the slice's filters)
    m_rows: Rows | None  # the slice's mention rows (None: the whole corpus)
    r_rows: Rows | None  # the slice's pair rows (None: the whole corpus)
    moves: Moves = NO_MOVES  # typed rows a date range drops or adds by their event date


def build_graph(store: Store, sl: GraphSlice | None = None, *, corpus: Corpus | None = None,
                top: int | None = None, evidence: bool = True, focus: str | None = None,
                depth: int = 1, path: tuple[str, str] | None = None,
                max_edges: int | None = None, lists: bool | None = None) -> nx.Graph:
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
    moves = c.event_days.moves(art_mask, eligible, sl.since, sl.until, c.r_article) if (
        sl.since or sl.until) else NO_MOVES  # the index is built by the first date range
    chosen_articles = np.flatnonzero(art_mask)
    type_ok = np.array([not sl.types or t in sl.types for t in c.types] or [True], dtype=bool)
    fig = _figures(c, sl, chosen_articles,
                   int(c.alive.sum()) == len(chosen_articles) and not moves.any, moves)
    fig.mentions[~type_ok[:n]] = 0
    weights = fig.weights
    pair_ok = type_ok[mp.pair_a] & type_ok[mp.pair_b] if n_pairs else np.zeros(0, bool)
    weights[~pair_ok | (weights < max(sl.min_weight, 1))] = 0
    live = np.flatnonzero(weights)

    strength = (np.bincount(mp.pair_a[live], weights[live], minlength=n)
                + np.bincount(mp.pair_b[live], weights[live], minlength=n))
    # A relation-kind filter asks for a view of those relations: drop actors without any.
    present = np.flatnonzero((fig.mentions > 0) & ((strength > 0) if sl.kinds else True))
    index = {aid: i for i, aid in enumerate(c.ids)}
    la, lb = mp.pair_a[live], mp.pair_b[live]
    if focus is not None:
        near = reach(la, lb, n, index[focus], depth) if focus in index else np.zeros(n, bool)
        present = present[near[present]]
    ids = np.array(c.ids, dtype=object)
    ranked = present[np.lexsort((ids[present], -fig.mentions[present], -strength[present]))] \
        if len(present) else present
    chosen = np.zeros(n, dtype=bool)
    chosen[ranked[:top] if top else ranked] = True
    route: list[str] = []
    if path and path[0] in index and path[1] in index:
        route = [c.ids[i] for i in shortest(la, lb, n, index[path[0]], index[path[1]])]
        chosen[[index[x] for x in route]] = True

    in_slice = art_mask.copy()  # with the articles giving events dated in the range
    in_slice[c.r_article[moves.added]] = True
    G: nx.Graph[str] = nx.Graph(slice=_slice_dict(sl), total_actors=len(ranked), path=route,
                 articles=c.article_ids[c.order[in_slice[c.order]]].tolist()
                 if len(c.arts) else [])
    nodes = _node_facts(c, chosen, fig, lists)
    for i in sorted(np.flatnonzero(chosen & (fig.mentions > 0)).tolist(), key=lambda i: c.ids[i]):
        G.add_node(c.ids[i], label=c.labels[i], type=c.types[i], mentions=int(fig.mentions[i]),
                   **nodes[i])
    kept = np.zeros(n_pairs, dtype=bool)
    kept[live] = True
    kept &= chosen[mp.pair_a] & chosen[mp.pair_b]
    G.graph["total_edges"] = int(kept.sum())
    if max_edges is not None and G.graph["total_edges"] > max_edges:
        idx = np.flatnonzero(kept)
        strongest = idx[np.lexsort((idx, -weights[idx]))[:max_edges]]
        on_path = np.isin(mp.pair_a * n + mp.pair_b, [
            min(index[x], index[y]) * n + max(index[x], index[y])
            for x, y in nx.utils.pairwise(route)]) & kept
        kept[:] = on_path
        kept[strongest] = True
    _add_edges(G, c, store, sl, kept, weights, fig, lists, evidence)
    G.graph["timeline"] = _timeline(c, chosen_articles, chosen, fig)
    G.graph["undated"] = int((eligible & (c.dates == UNDATED)).sum())
    G.graph["undated_included"] = bool(sl.include_undated)
    return G


def _figures(c: Corpus, sl: GraphSlice, articles: np.ndarray, whole: bool,
             moves: Moves = NO_MOVES) -> _Slice:
    """Mentions per actor and weights per actor pair for the slice; ``moves``: the typed rows
    a date range drops (event outside it) or adds (from articles outside it)."""
    mp, t = c.mapping, c.totals
    n, n_pairs = len(c.ids), len(mp.pair_a)
    kinds = [k for k, name in enumerate(c.kinds) if name in sl.kinds]
    if whole:
        named = mp.name_actor >= 0
        names = np.flatnonzero(named[:len(t.name_mentions)])
        mentions = np.bincount(mp.name_actor[names], weights=t.name_mentions[names],
                               minlength=n).astype(np.int64)
        ok = mp.pair_of >= 0
        total = np.bincount(mp.pair_of[ok], weights=t.pair_weight[ok], minlength=n_pairs)
        if not sl.kinds:
            return _Slice(mentions, total.astype(np.int64), None, None)
        chosen = sum((c.kind_weight(k)[ok] for k in kinds), np.zeros(int(ok.sum())))
        if COOCCURRENCE in sl.kinds:
            chosen = chosen + t.pair_cooc[ok]
        weight = np.bincount(mp.pair_of[ok], weights=chosen, minlength=n_pairs)
        return _Slice(mentions, np.minimum(weight, total).astype(np.int64), None, None)
    m_rows, r_rows = c.mention_rows(articles), c.pair_rows(articles)
    actor = mp.name_actor[m_rows.take(c.m_name)]
    shown = actor >= 0
    mentions = np.bincount(actor[shown], weights=m_rows.take(c.m_count)[shown],
                           minlength=n).astype(np.int64)
    pair = mp.pair_of[r_rows.take(c.r_pair)]
    kind = r_rows.take(c.r_kind)
    star = (pair >= 0) & (kind == c.all_kinds)
    total = np.bincount(pair[star], weights=r_rows.take(c.r_count)[star], minlength=n_pairs)
    if moves.any:
        mentions, total = add_moved(c, moves, mentions, total)
    if not sl.kinds:
        return _Slice(mentions, total.astype(np.int64), m_rows, r_rows, moves)
    use = (pair >= 0) & np.isin(kind, kinds)
    weight = np.bincount(pair[use], weights=r_rows.take(c.r_count)[use], minlength=n_pairs)
    for rows, sign in ((moves.dropped, -1), (moves.added, 1)):
        rows = rows[np.isin(c.r_kind[rows], kinds)]
        of = mp.pair_of[c.r_pair[rows]]
        weight += sign * np.bincount(of[of >= 0], weights=c.r_count[rows][of >= 0],
                                     minlength=n_pairs)
    if COOCCURRENCE in sl.kinds:
        weight += np.bincount(pair[star], weights=r_rows.take(c.r_cooc)[star],
                              minlength=n_pairs)
    return _Slice(mentions, np.minimum(weight, total).astype(np.int64), m_rows, r_rows, moves)


def _node_facts(c: Corpus, chosen: np.ndarray, fig: _Slice, lists: bool) -> dict[int, dict]:
    """Aliases, first/last seen, articles mentioning them (``n_articles``; and the article
    lists) of the chosen actors in the slice."""
    mp, t = c.mapping, c.totals
    actors = np.flatnonzero(chosen)
    out: dict[int, dict] = {}
    if fig.m_rows is None and not lists:  # the whole corpus: per-name figures
        names, owner = mp.names.many(actors)
        name_texts, text_name = t.name_texts.many(names[names < len(t.name_first)])
        actor_of = np.full(len(t.name_first), -1, dtype=np.int64)
        keep = names < len(t.name_first)
        actor_of[names[keep]] = owner[keep]
        by_actor = Groups.of(actor_of[text_name], name_texts, len(c.ids))
        first = np.full(len(c.ids), np.iinfo(np.int64).max)
        last = np.full(len(c.ids), np.iinfo(np.int64).min)
        np.minimum.at(first, owner[keep], t.name_first[names[keep]])
        np.maximum.at(last, owner[keep], t.name_last[names[keep]])
        named_arts, of_name = t.name_articles.many(names[keep])
        n_arts = Groups.of(actor_of[of_name], named_arts, len(c.ids))  # distinct per actor
        for i in actors.tolist():
            out[i] = {"aliases": _aliases(c, i, by_actor.get(i)),
                      "first_seen": _day(first[i]), "last_seen": _day(last[i]),
                      "n_articles": len(n_arts.get(i))}
        return out
    rows = np.arange(len(c.m_article)) if fig.m_rows is None else fig.m_rows.indices()
    actor = mp.name_actor[c.m_name[rows]]
    rows, actor = rows[(actor >= 0)], actor[actor >= 0]
    keep = chosen[actor] & c.alive[c.m_article[rows]]
    rows, actor = rows[keep], actor[keep]
    arts = Groups.of(actor, c.m_article[rows], len(c.ids))
    texts = Groups.of(actor, c.m_text[rows], len(c.ids))
    for i in actors.tolist():
        mine = arts.get(i)
        days = c.dates[mine]
        days = days[days != UNDATED]
        out[i] = {"aliases": _aliases(c, i, texts.get(i)),
                  "first_seen": _day(days.min()) if len(days) else None,
                  "last_seen": _day(days.max()) if len(days) else None,
                  "n_articles": len(mine)}
        if lists:
            out[i]["articles"] = _in_date_order(c, mine)
    return out


def _aliases(c: Corpus, i: int, texts: np.ndarray) -> list[str]:
    return sorted({c.texts.get(x, "") for x in texts.tolist()} - {c.labels[i], ""})


def _day(ordinal: int) -> str | None:
    if ordinal in (np.iinfo(np.int64).max, np.iinfo(np.int64).min, UNDATED):
        return None
    return date.fromordinal(int(ordinal)).isoformat()


def _in_date_order(c: Corpus, articles: np.ndarray) -> list[str]:
    """Article ids in the corpus' date order."""
    return c.article_ids[articles[np.argsort(c.rank[articles], kind="stable")]].tolist()


def _add_edges(G: nx.Graph, c: Corpus, store: Store, sl: GraphSlice, kept: np.ndarray,
               weights: np.ndarray, fig: _Slice, lists: bool, evidence: bool) -> None:
    mp, t = c.mapping, c.totals
    pairs = np.flatnonzero(kept)
    rows = None
    if fig.r_rows is not None:
        of = mp.pair_of[fig.r_rows.take(c.r_pair)]
        rows = fig.r_rows.indices()[(of >= 0) & kept[np.maximum(of, 0)]]
        if fig.moves.any:
            rows = moved_rows(c, rows, fig.moves, kept)
    elif lists or evidence or sl.kinds:  # the whole corpus, row by row
        rows = _rows_of_name_pairs(c, mp.name_pairs.many(pairs)[0])
    if rows is None:  # the whole corpus from per-name-pair figures
        name_pairs = mp.name_pairs.many(pairs)[0]
        typed = t.typed.many(name_pairs)[0]
        cooc = name_pairs[t.pair_cooc[name_pairs] > 0]
        counted = cooc_rows = None
    else:
        rows = rows[c.alive[c.r_article[rows]]]
        kind = c.r_kind[rows]
        star = kind == c.all_kinds
        chosen = np.isin(kind, [k for k, x in enumerate(c.kinds) if x in sl.kinds]) if (
            sl.kinds) else ~star
        typed = rows[chosen]
        with_cooc = star & (c.r_cooc[rows] > 0) & (not sl.kinds or COOCCURRENCE in sl.kinds)
        cooc = c.r_pair[rows[with_cooc]]
        # a date range's events from other articles count as typed rows do
        added = np.isin(rows, fig.moves.added) if fig.moves.any else False
        counted = rows[(chosen | with_cooc) if sl.kinds else (star | added)]
        cooc_rows = rows[with_cooc]
    kinds_of = Groups.of(mp.pair_of[c.r_pair[typed]] if len(typed) else typed,
                         c.r_kind[typed], len(mp.pair_a))
    has_cooc = np.zeros(len(mp.pair_a), dtype=bool)
    has_cooc[mp.pair_of[cooc]] = True
    directed = directed_relations(c, typed)
    days = edge_days(c, typed, cooc_rows) if lists and cooc_rows is not None else {}
    arts = None if counted is None else Groups.of(
        mp.pair_of[c.r_pair[counted]], c.r_article[counted], len(mp.pair_a))
    found = _evidence(store, c, sl, pairs, arts) if evidence else {}
    for p in sorted(pairs.tolist(), key=lambda p: (c.ids[mp.pair_a[p]], c.ids[mp.pair_b[p]])):
        a, b = c.ids[mp.pair_a[p]], c.ids[mp.pair_b[p]]
        relations_ = sorted(
            ({"kind": c.kinds[kd], "source": a if way == 1 else b,
              "target": b if way == 1 else a, "count": n, "polarity": POLARITY[pol],
              **_cameo(c.kinds[kd]), "first": first, "last": last}
             for (kd, way, pol), (n, first, last) in directed.get(p, {}).items()),
            key=lambda x: (x["kind"], x["source"], x["target"], x["polarity"]))
        firsts = [x["first"] for x in relations_ if x["first"]]
        lasts = [x["last"] for x in relations_ if x["last"]]
        ways = {(x["source"], x["target"]) for x in relations_}
        src, tgt = next(iter(ways)) if len(ways) == 1 else (a, b)
        kinds = {c.kinds[k] for k in kinds_of.get(p).tolist()} | (
            {COOCCURRENCE} if has_cooc[p] else set())
        attrs = {"weight": int(weights[p]), "kinds": sorted(kinds), "relations": relations_,
                 "polarity": _polarity(relations_), "directed": len(ways) == 1,
                 "source": src, "target": tgt, "first_event": min(firsts, default=None),
                 "last_event": max(lasts, default=None)}
        if lists:
            assert arts is not None  # lists: the rows were read, so counted is set
            attrs["articles"] = _in_date_order(c, arts.get(p))
            attrs["dates"] = days.get(p, [])
        if evidence:
            attrs["evidence"] = found.get((a, b), [])
        G.add_edge(a, b, **attrs)


def _cameo(kind: str) -> dict:
    """A typed kind's place in CAMEO: root code and name, QuadClass (empty if unknown, e.g.
    a kind stored by an older lexicon)."""

    try:
        info = kind_info(kind)
    except KeyError:
        return {}
    return {"cameo": info.root_code, "cameo_name": info.root_name,
            "quad_class": QUAD_CLASSES[info.quad_class]}


def _rows_of_name_pairs(c: Corpus, name_pairs: np.ndarray) -> np.ndarray:
    """Pair rows of the given name pairs (one pass over the rows; used by exports and kind
    filters of the whole corpus)."""
    wanted = np.zeros(len(c.np_a), dtype=bool)
    wanted[name_pairs] = True
    return np.flatnonzero(wanted[c.r_pair])


def _timeline(c: Corpus, articles: np.ndarray, chosen: np.ndarray, fig: _Slice) -> list[dict]:
    """Per day: the slice's articles and how many of the shown actors each day's articles
    mention (an actor counted once per article and name)."""
    mp = c.mapping
    days = c.dates[articles]
    if fig.m_rows is None:  # the whole corpus: the shown actors' names' articles
        names = mp.names.many(np.flatnonzero(chosen))[0]
        names = names[names < len(c.totals.name_first)]
        mentioned = c.totals.name_articles.many(names)[0]
    else:
        rows = fig.m_rows.indices()
        actor = mp.name_actor[c.m_name[rows]]
        hit = rows[(actor >= 0) & chosen[np.maximum(actor, 0)]]
        mentioned = np.unique(c.m_name[hit] * max(len(c.arts), 1) + c.m_article[hit]) % max(
            len(c.arts), 1)
    m_days = c.dates[mentioned]
    out_days, n_articles = np.unique(days[days != UNDATED], return_counts=True)
    found = dict(zip(*np.unique(m_days[m_days != UNDATED], return_counts=True), strict=True))
    return [{"date": date.fromordinal(int(d)).isoformat(), "articles": int(k),
             "mentions": int(found.get(d, 0))} for d, k in zip(out_days, n_articles,
                                                                strict=True)]


def _evidence(store: Store, c: Corpus, sl: GraphSlice, pairs: np.ndarray,
              arts: Groups | None) -> dict[tuple[str, str], list[dict]]:
    """Supporting sentences per kept edge, in article (date) order then sentence order."""
    mp = c.mapping
    wanted = {c.arts[i]["id"] for p in pairs.tolist() for i in arts.get(p).tolist()} if arts \
        else None
    ids = [(c.ids[mp.pair_a[p]], c.ids[mp.pair_b[p]]) for p in pairs.tolist()]
    position = {a["id"]: i for i, a in enumerate(c.articles)}
    grouped: dict[tuple[str, str], dict[tuple[str, int], dict]] = {}
    for x, y, aid, sent, kind, text in store.pair_sentences(ids, None, sl.kinds):
        if wanted is not None and aid not in wanted:
            continue
        entry = grouped.setdefault((min(x, y), max(x, y)), {}).setdefault(
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
