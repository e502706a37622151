"""The default view of the whole corpus (its top N actors, their strongest links) built from
what the store reads for those actors alone (:class:`graph.store.view_reads.ViewReads`),
without loading the corpus.

It gives the same graph as :func:`graph.slices.build.build_graph` for the same view (a test
compares them); it covers the whole corpus only (:func:`covers`), with no focus or path and
without evidence or article lists. Any other slice goes through the corpus: a date range,
article list, type or kind filter or a minimum weight, a focus or a path, every actor
(``top`` 0), and data exports.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import networkx as nx

from graph.core.model import COOCCURRENCE, GraphSlice
from graph.slices.build import _slice_dict
from graph.slices.edges import _cameo, _polarity
from graph.store.schema import ALL_KINDS
from graph.store.store import Store

__all__ = ["covers", "top_view"]

_WAYS = ("", "forward", "backward")


def covers(sl: GraphSlice | None, top: int | None, focus: str | None = None,
           path: tuple[str, str] | None = None) -> bool:
    """Whether :func:`top_view` builds this view: the whole corpus, a top N, no focus or
    path."""
    sl = sl or GraphSlice()
    return bool(top) and focus is None and path is None and sl == GraphSlice()


def top_view(store: Store, top: int, max_edges: int | None = None) -> nx.Graph:
    """The whole corpus' ``top`` actors by weighted degree (then mentions, then id) and,
    among them, at most ``max_edges`` links (strongest first, ties by the actors' ids), as
    :func:`~graph.slices.build.build_graph` builds them with ``evidence=False``."""
    ranked = sorted(store.actor_strengths(), key=lambda r: (-r[4], -r[3], r[0]))
    chosen = {r[0]: r for r in ranked[:top]}
    names = store.actor_name_ids(chosen)
    arts = store.article_dates()  # ids and dates: titles are read for what is listed
    day = {a["id"]: a["date"] for a in arts}
    rows = store.name_pair_rows(names, day)
    G: nx.Graph = nx.Graph(slice=_slice_dict(GraphSlice()), total_actors=len(ranked), path=[],
                           articles=[a["id"] for a in arts])
    texts, mentioned = store.name_mentions(names)
    _nodes(G, chosen, names, mentioned, texts, day)
    weights, kinds, relations = _links(rows, names)
    G.graph["total_edges"] = len(weights)
    kept = sorted(weights, key=lambda p: (-weights[p], p))
    for a, b in sorted(kept[:max_edges] if max_edges is not None else kept):
        rel = sorted(({"kind": kind, "source": a if way == 1 else b,
                       "target": b if way == 1 else a, "count": n, "polarity": pol,
                       **_cameo(kind), "first": first, "last": last}
                      for (kind, way, pol), (n, first, last) in relations[(a, b)].items()),
                     key=lambda x: (x["kind"], x["source"], x["target"], x["polarity"]))
        firsts = [x["first"] for x in rel if x["first"]]
        lasts = [x["last"] for x in rel if x["last"]]
        ways = {(x["source"], x["target"]) for x in rel}
        src, tgt = next(iter(ways)) if len(ways) == 1 else (a, b)
        G.add_edge(a, b, weight=weights[(a, b)], kinds=sorted(kinds[(a, b)]), relations=rel,
                   polarity=_polarity(rel), directed=len(ways) == 1, source=src, target=tgt,
                   first_event=min(firsts, default=None), last_event=max(lasts, default=None))
    G.graph["timeline"] = _timeline(arts, mentioned, day)
    G.graph["undated"] = sum(1 for a in arts if a["date"] is None)
    G.graph["undated_included"] = True
    return G


def _nodes(G: nx.Graph, chosen: dict[str, tuple], names: dict[int, str],
           arts: dict[int, set[str]], texts: dict[int, list[str]], day: dict[str, str | None]
           ) -> None:
    """The chosen actors with their mentions, other names, first and last dates and how
    many articles mention them (``arts``: name → the articles mentioning it; ``day``:
    article → its date)."""
    mine: dict[str, list[int]] = defaultdict(list)
    for name, actor in names.items():
        mine[actor].append(name)
    for aid in sorted(chosen):
        _, label, kind, mentions, _ = chosen[aid]
        own = mine[aid]
        seen = set().union(*(arts.get(n, ()) for n in own))
        dated = [d for d in (day.get(a) for a in seen) if d]  # .get: written since
        G.add_node(aid, label=label, type=kind, mentions=mentions,
                   aliases=sorted({x for n in own for x in texts.get(n, ())} - {label, ""}),
                   first_seen=min(dated, default=None), last_seen=max(dated, default=None),
                   n_articles=len(seen))


def _links(rows: list[tuple], names: dict[int, str]) -> tuple[dict, dict, dict]:
    """Per pair of actors ``(a, b)`` (``a < b``): its weight, its kinds and its directed typed
    relations ``(kind, way, polarity) → (sentences, first, last)`` (way 1: a → b)."""
    weights: dict[tuple[str, str], int] = defaultdict(int)
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    relations: dict[tuple[str, str], dict] = defaultdict(dict)
    for na, nb, kind, way, pol, n, cooc, first, last in rows:
        x, y = names[na], names[nb]
        if x == y:
            continue
        pair = (min(x, y), max(x, y))
        if kind == ALL_KINDS:
            weights[pair] += n
            if cooc:
                kinds[pair].add(COOCCURRENCE)
            continue
        kinds[pair].add(kind)
        if not way:
            continue
        way = way if x < y else 3 - way  # relative to the actor pair, not the name pair
        old = relations[pair].get((kind, way, pol))
        if old is not None:
            n += old[0]
            first = min(filter(None, (first, old[1])), default=None)
            last = max(filter(None, (last, old[2])), default=None)
        relations[pair][(kind, way, pol)] = (n, first, last)
    return dict(weights), kinds, relations


def _timeline(arts: list[dict], mentioned: dict[int, set[str]], day: dict[str, str | None]
              ) -> list[dict]:
    """Per day with articles: how many, and how many of the shown actors' names they
    mention (a name counted once per article)."""
    per_day: dict[str, int] = defaultdict(int)
    for a in arts:
        if a["date"]:
            per_day[a["date"]] += 1
    names_on: dict[str, int] = defaultdict(int)
    for articles in mentioned.values():
        for aid in articles:
            when = day.get(aid)  # None: undated, or an article written since the dates
            if when:
                names_on[when] += 1
    return [{"date": d, "articles": n, "mentions": names_on.get(d, 0)}
            for d, n in sorted(per_day.items(), key=lambda kv: date.fromisoformat(kv[0]))]
