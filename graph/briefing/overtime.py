"""The network over time in a briefing pack: with ``relgraph brief --periods``, a small
multiples page (one panel per period, actors at the same places) and, for exactly two
periods, a "what changed" page, drawn by :mod:`graph.views.periods` at the graph page's
picture size and type rules, untitled (the slide sets its title)."""

from __future__ import annotations

from graph.briefing.pack import PICTURE_PX
from graph.core.choices import DEFAULT_TOP
from graph.core.model import GraphSlice
from graph.slices.corpus import Corpus
from graph.store.store import Store
from graph.views.periods import (
    compare_figure,
    compare_view,
    parse_periods,
    per_panel,
    period_graphs,
    periods_figure,
)

__all__ = ["over_time"]


def over_time(store: Store, sl: GraphSlice, spec: str,
              corpus: Corpus | None = None) -> list[tuple[str, dict]]:
    """The pages' (title, figure): "Over time: 2024-01 – 2024-06 | 2024-07 – 2024-12",
    then, for two periods, "What changed: 2024-01 – 2024-06 → 2024-07 – 2024-12"
    (``corpus``: the snapshot the pack already read, so the store is read once)."""
    periods = parse_periods(spec)
    w, h = PICTURE_PX
    corpus = corpus or Corpus.load(store)
    graphs = period_graphs(store, sl, periods, per_panel(w, h, None, len(periods)), corpus)
    out = [("Over time: " + " | ".join(p.shown for p in periods),
            periods_figure(graphs, periods, width=w, height=h, titled=False))]
    if len(periods) == 2:
        first, second = periods
        change = compare_view(store, sl, first, second, DEFAULT_TOP, corpus)
        out.append((f"What changed: {first.shown} → {second.shown}",
                    compare_figure(change, width=w, height=h, titled=False)))
    return out
