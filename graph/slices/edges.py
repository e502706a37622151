"""The links of a slice's graph: weight, kinds, typed relations with their CAMEO place and
polarity, articles and dates, and the sentences behind each kept actor pair.

The last stage of :func:`graph.slices.build.build_graph`; :mod:`graph.slices.top_view` shares
:func:`_cameo` and :func:`_polarity` so both paths describe a link alike.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from graph.core.cameo import QUAD_CLASSES, kind_info
from graph.core.model import COOCCURRENCE, GraphSlice
from graph.slices.arrays import Groups
from graph.slices.corpus import POLARITY, Corpus
from graph.slices.event_rows import directed_relations, edge_days, moved_rows
from graph.slices.figures import SliceFigures
from graph.store.store import Store

__all__ = ["add_edges"]


def add_edges(
    G: nx.Graph,
    c: Corpus,
    store: Store,
    sl: GraphSlice,
    kept: np.ndarray,
    weights: np.ndarray,
    fig: SliceFigures,
    lists: bool,
    evidence: bool,
) -> None:
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
        chosen = (
            np.isin(kind, [k for k, x in enumerate(c.kinds) if x in sl.kinds])
            if (sl.kinds)
            else ~star
        )
        typed = rows[chosen]
        with_cooc = star & (c.r_cooc[rows] > 0) & (not sl.kinds or COOCCURRENCE in sl.kinds)
        cooc = c.r_pair[rows[with_cooc]]
        # a date range's events from other articles count as typed rows do
        added = np.isin(rows, fig.moves.added) if fig.moves.any else False
        counted = rows[(chosen | with_cooc) if sl.kinds else (star | added)]
        cooc_rows = rows[with_cooc]
    kinds_of = Groups.of(
        mp.pair_of[c.r_pair[typed]] if len(typed) else typed, c.r_kind[typed], len(mp.pair_a)
    )
    has_cooc = np.zeros(len(mp.pair_a), dtype=bool)
    has_cooc[mp.pair_of[cooc]] = True
    directed = directed_relations(c, typed)
    days = edge_days(c, typed, cooc_rows) if lists and cooc_rows is not None else {}
    arts = (  # the articles behind each link: what lists and evidence read
        None
        if counted is None or not (lists or evidence)
        else Groups.of(mp.pair_of[c.r_pair[counted]], c.r_article[counted], len(mp.pair_a))
    )
    found = _evidence(store, c, sl, pairs, arts) if evidence else {}
    for p in sorted(pairs.tolist(), key=lambda p: (c.ids[mp.pair_a[p]], c.ids[mp.pair_b[p]])):
        a, b = c.ids[mp.pair_a[p]], c.ids[mp.pair_b[p]]
        relations_ = sorted(
            (
                {
                    "kind": c.kinds[kd],
                    "source": a if way == 1 else b,
                    "target": b if way == 1 else a,
                    "count": n,
                    "polarity": POLARITY[pol],
                    **_cameo(c.kinds[kd]),
                    "first": first,
                    "last": last,
                }
                for (kd, way, pol), (n, first, last) in directed.get(p, {}).items()
            ),
            key=lambda x: (x["kind"], x["source"], x["target"], x["polarity"]),
        )
        firsts = [x["first"] for x in relations_ if x["first"]]
        lasts = [x["last"] for x in relations_ if x["last"]]
        ways = {(x["source"], x["target"]) for x in relations_}
        src, tgt = next(iter(ways)) if len(ways) == 1 else (a, b)
        kinds = {c.kinds[k] for k in kinds_of.get(p).tolist()} | (
            {COOCCURRENCE} if has_cooc[p] else set()
        )
        attrs = {
            "weight": int(weights[p]),
            "kinds": sorted(kinds),
            "relations": relations_,
            "polarity": _polarity(relations_),
            "directed": len(ways) == 1,
            "source": src,
            "target": tgt,
            "first_event": min(firsts, default=None),
            "last_event": max(lasts, default=None),
        }
        if lists:
            assert arts is not None  # lists: the rows were read, so counted is set
            attrs["articles"] = c.in_date_order(arts.get(p))
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
    return {
        "cameo": info.root_code,
        "cameo_name": info.root_name,
        "quad_class": QUAD_CLASSES[info.quad_class],
    }


def _rows_of_name_pairs(c: Corpus, name_pairs: np.ndarray) -> np.ndarray:
    """Pair rows of the given name pairs (one pass over the rows; used by exports and kind
    filters of the whole corpus)."""
    wanted = np.zeros(len(c.np_a), dtype=bool)
    wanted[name_pairs] = True
    return np.flatnonzero(wanted[c.r_pair])


def _evidence(
    store: Store, c: Corpus, sl: GraphSlice, pairs: np.ndarray, arts: Groups | None
) -> dict[tuple[str, str], list[dict]]:
    """Supporting sentences per kept edge, in article (date) order then sentence order."""
    mp = c.mapping
    wanted = (
        {c.arts[i]["id"] for p in pairs.tolist() for i in arts.get(p).tolist()} if arts else None
    )
    ids = [(c.ids[mp.pair_a[p]], c.ids[mp.pair_b[p]]) for p in pairs.tolist()]
    position = {a["id"]: i for i, a in enumerate(c.articles)}
    grouped: dict[tuple[str, str], dict[tuple[str, int], dict]] = {}
    for x, y, aid, sent, kind, text in store.pair_sentences(ids, None, sl.kinds):
        if wanted is not None and aid not in wanted:
            continue
        entry = grouped.setdefault((min(x, y), max(x, y)), {}).setdefault(
            (aid, sent), {"article": aid, "sentence": text, "kinds": set()}
        )
        entry["kinds"].add(kind)
    return {
        key: [
            {**e, "kinds": sorted(e["kinds"])}
            for _, e in sorted(found.items(), key=lambda kv: (position.get(kv[0][0], 0), kv[0][1]))
        ]
        for key, found in grouped.items()
    }


def _polarity(relations_: list[dict]) -> str:
    """Majority polarity of the typed relations on an edge; neutral if none or a tie."""
    votes = dict.fromkeys(POLARITY, 0)
    for r in relations_:
        votes[r["polarity"]] += r["count"]
    best = max(votes.values())
    winners = [p for p, v in votes.items() if v == best]
    return winners[0] if best and len(winners) == 1 else "neutral"
