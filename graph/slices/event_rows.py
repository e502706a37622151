"""Event dates in a graph: the typed rows a date range moves, each typed relation's first and
last event date, and the days a link has evidence on (what a dynamic GEXF plays).

Arrays in, plain values out; :func:`graph.slices.build.build_graph` is the caller. A typed
row's event day is its own (``Corpus.r_day``) or, when it has none, its article's date; a
co-occurrence is dated by its article.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import numpy as np

from graph.slices.arrays import distinct
from graph.slices.corpus import UNDATED, Corpus
from graph.slices.event_days import Moves

__all__ = ["add_moved", "directed_relations", "edge_days", "event_days_of", "moved_rows"]

_NONE_LOW = np.iinfo(np.int64).max
_NONE_HIGH = np.iinfo(np.int64).min


def event_days_of(c: Corpus, rows: np.ndarray) -> np.ndarray:
    """The event day (ordinal) of each of the pair ``rows``: a typed row's own, else its
    article's date (``UNDATED`` when neither is known)."""
    own = c.r_day[rows]
    return np.where(own != 0, own, c.dates[c.r_article[rows]])


def add_moved(c: Corpus, moves: Moves, mentions: np.ndarray,
              total: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(mentions, total)`` with the events a date range takes from articles outside it:
    their sentences added to their link's weight (per article and pair, at most the pair's
    distinct sentences there) and one mention per sentence to each of the two actors."""
    mp = c.mapping
    star, inverse = np.unique(moves.added_star, return_inverse=True)
    sentences = np.minimum(np.bincount(inverse.reshape(-1), weights=c.r_count[moves.added]),
                           c.r_count[star])
    of = mp.pair_of[c.r_pair[star]]
    total = total + np.bincount(of[of >= 0], weights=sentences[of >= 0],
                                minlength=len(total))
    for names in (c.np_a, c.np_b):
        actor = mp.name_actor[names[c.r_pair[star]]]
        mentions = mentions + np.bincount(actor[actor >= 0], weights=sentences[actor >= 0],
                                          minlength=len(mentions)).astype(np.int64)
    return mentions, total


def moved_rows(c: Corpus, rows: np.ndarray, moves: Moves, kept: np.ndarray) -> np.ndarray:
    """The slice's pair ``rows`` without the typed rows dated outside its range, with the
    rows of other articles dated inside it (of the kept actor pairs)."""
    drop = np.zeros(len(c.r_pair), dtype=bool)
    drop[moves.dropped] = True
    of = c.mapping.pair_of[c.r_pair[moves.added]]
    added = moves.added[(of >= 0) & kept[np.maximum(of, 0)]]
    return np.concatenate([rows[~drop[rows]], added])


def directed_relations(c: Corpus, typed: np.ndarray) -> dict[int, dict]:
    """Typed relations per actor pair: (kind, way relative to the actor pair, polarity) →
    ``(sentences, first event date, last event date)`` (ISO days, None if undated). Summed
    with arrays; Python only sees the distinct combinations."""
    mp = c.mapping
    typed = typed[c.alive[c.r_article[typed]] & (c.r_way[typed] > 0)] if len(typed) else typed
    if not len(typed):
        return {}
    np_ = c.r_pair[typed]
    way = np.where(mp.flipped[np_], 3 - c.r_way[typed], c.r_way[typed])
    n_kinds = len(c.kinds)
    keys = ((mp.pair_of[np_] * n_kinds + c.r_kind[typed]) * 3 + way) * 3 + c.r_polarity[typed]
    found, inverse = np.unique(keys, return_inverse=True)
    inverse = inverse.reshape(-1)
    sums = np.bincount(inverse, weights=c.r_count[typed])
    days = event_days_of(c, typed)
    dated = days != UNDATED
    first = np.full(len(found), _NONE_LOW, dtype=np.int64)
    last = np.full(len(found), _NONE_HIGH, dtype=np.int64)
    np.minimum.at(first, inverse[dated], days[dated])
    np.maximum.at(last, inverse[dated], days[dated])
    iso = {d: _iso(d) for d in distinct(np.concatenate([first, last])).tolist()}
    rest, pol = np.divmod(found, 3)
    rest, way = np.divmod(rest, 3)
    pair, kind = np.divmod(rest, n_kinds)
    out: dict[int, dict] = {}
    for p, kd, w, pl, n, lo, hi in zip(pair.tolist(), kind.tolist(), way.tolist(), pol.tolist(),
                                       sums.astype(np.int64).tolist(), first.tolist(),
                                       last.tolist(), strict=True):
        out.setdefault(p, {})[(kd, w, pl)] = (n, iso[lo], iso[hi])
    return out


def edge_days(c: Corpus, typed: np.ndarray, cooc_rows: np.ndarray) -> dict[int, list[dict]]:
    """Per actor pair, the days it has evidence on, oldest first: ``{date, events,
    cooccurrences}`` — typed relation sentences on their event day, co-occurrence sentences on
    their article's date (undated ones left out)."""
    mp = c.mapping
    typed = typed[c.alive[c.r_article[typed]]] if len(typed) else typed
    cooc_rows = cooc_rows[c.alive[c.r_article[cooc_rows]]] if len(cooc_rows) else cooc_rows
    counts: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for column, rows, days, values in (
            (0, typed, event_days_of(c, typed), c.r_count[typed]),
            (1, cooc_rows, c.dates[c.r_article[cooc_rows]], c.r_cooc[cooc_rows])):
        of = mp.pair_of[c.r_pair[rows]]
        ok = (of >= 0) & (days != UNDATED)
        if not ok.any():
            continue
        width = np.int64(days[ok].max() + 1)
        keys, inverse = np.unique(of[ok] * width + days[ok], return_inverse=True)
        sums = np.bincount(inverse.reshape(-1), weights=values[ok])
        for key, n in zip(keys.tolist(), sums.tolist(), strict=True):
            counts[divmod(key, int(width))][column] += int(n)
    out: dict[int, list[dict]] = defaultdict(list)
    for (p, day), (events, cooc) in sorted(counts.items()):
        out[p].append({"date": date.fromordinal(day).isoformat(), "events": events,
                       "cooccurrences": cooc})
    return out


def _iso(day: int) -> str | None:
    return None if day in (_NONE_LOW, _NONE_HIGH) else date.fromordinal(day).isoformat()
