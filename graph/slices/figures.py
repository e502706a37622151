"""A slice's figures: mentions per actor and weight per actor pair, the first stage of
:func:`graph.slices.build.build_graph`.

The whole corpus sums the per-name and per-name-pair totals
(:class:`~graph.slices.per_name.Totals`); any other slice sums its own rows, with the typed rows
a date range moves by their event date.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graph.core.model import COOCCURRENCE, GraphSlice
from graph.slices.arrays import Rows
from graph.slices.corpus import Corpus
from graph.slices.event_days import NO_MOVES, Moves
from graph.slices.event_rows import add_moved

__all__ = ["SliceFigures", "slice_figures"]


@dataclass
class SliceFigures:
    """Per actor and per actor pair figures of one slice."""

    mentions: np.ndarray  # per actor
    weights: np.ndarray  # per actor pair (0 for pairs outside the slice's filters)
    m_rows: Rows | None  # the slice's mention rows (None: the whole corpus)
    r_rows: Rows | None  # the slice's pair rows (None: the whole corpus)
    moves: Moves = NO_MOVES  # typed rows a date range drops or adds by their event date


def slice_figures(
    c: Corpus, sl: GraphSlice, articles: np.ndarray, whole: bool, moves: Moves = NO_MOVES
) -> SliceFigures:
    """Mentions per actor and weights per actor pair for the slice; ``moves``: the typed rows
    a date range drops (event outside it) or adds (from articles outside it)."""
    mp, t = c.mapping, c.totals
    n, n_pairs = len(c.ids), len(mp.pair_a)
    kinds = [k for k, name in enumerate(c.kinds) if name in sl.kinds]
    if whole:
        named = mp.name_actor >= 0
        names = np.flatnonzero(named[: len(t.name_mentions)])
        mentions = np.bincount(
            mp.name_actor[names], weights=t.name_mentions[names], minlength=n
        ).astype(np.int64)
        ok = mp.pair_of >= 0
        total = np.bincount(mp.pair_of[ok], weights=t.pair_weight[ok], minlength=n_pairs)
        if not sl.kinds:
            return SliceFigures(mentions, total.astype(np.int64), None, None)
        chosen = sum((c.kind_weight(k)[ok] for k in kinds), np.zeros(int(ok.sum())))
        if COOCCURRENCE in sl.kinds:
            chosen = chosen + t.pair_cooc[ok]
        weight = np.bincount(mp.pair_of[ok], weights=chosen, minlength=n_pairs)
        return SliceFigures(mentions, np.minimum(weight, total).astype(np.int64), None, None)
    m_rows, r_rows = c.mention_rows(articles), c.pair_rows(articles)
    actor = mp.name_actor[m_rows.take(c.m_name)]
    shown = actor >= 0
    mentions = np.bincount(actor[shown], weights=m_rows.take(c.m_count)[shown], minlength=n).astype(
        np.int64
    )
    pair = mp.pair_of[r_rows.take(c.r_pair)]
    kind = r_rows.take(c.r_kind)
    star = (pair >= 0) & (kind == c.all_kinds)
    total = np.bincount(pair[star], weights=r_rows.take(c.r_count)[star], minlength=n_pairs)
    if moves.any:
        mentions, total = add_moved(c, moves, mentions, total)
    if not sl.kinds:
        return SliceFigures(mentions, total.astype(np.int64), m_rows, r_rows, moves)
    use = (pair >= 0) & np.isin(kind, kinds)
    # float: np.bincount of no rows is an int array even with weights, and sentences are
    # added to it in place below (a kind filter with none of its typed kinds in the slice)
    weight = np.bincount(pair[use], weights=r_rows.take(c.r_count)[use], minlength=n_pairs)
    weight = weight.astype(np.float64)
    for rows, sign in ((moves.dropped, -1), (moves.added, 1)):
        rows = rows[np.isin(c.r_kind[rows], kinds)]
        of = mp.pair_of[c.r_pair[rows]]
        weight += sign * np.bincount(
            of[of >= 0], weights=c.r_count[rows][of >= 0], minlength=n_pairs
        )
    if COOCCURRENCE in sl.kinds:
        weight += np.bincount(pair[star], weights=r_rows.take(c.r_cooc)[star], minlength=n_pairs)
    return SliceFigures(mentions, np.minimum(weight, total).astype(np.int64), m_rows, r_rows, moves)
