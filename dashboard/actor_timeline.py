"""An actor's own timeline for its details panel: its typed relations (as event records,
:func:`graph.slices.events.event_records`) counted per calendar window and CAMEO QuadClass
(pure; no Dash import).

Each event is filed under its event day (:func:`graph.store.aggregate.event_day`: a month or
a year known only to the month or year counts from its first day); the windows are those of
the events' own span at the default size (:mod:`graph.slices.windows`), cut to the view's
date range when it has one. Undated events are counted apart, not hidden.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date

from graph.slices.events import EventRecord
from graph.slices.windows import span_windows
from graph.store.aggregate import event_day

__all__ = ["actor_periods"]


def actor_periods(records: list[EventRecord], actor: str, since: date | None = None,
                  until: date | None = None, size: str | None = None) -> dict:
    """The events of ``actor`` (an actor id: its records as source or target) per window:
    ``{"size", "windows": [{"since", "until", "label", "quads": {quad class: n},
    "kinds": {kind: n}, "total"}], "undated", "most"}`` (``most``: the largest window
    total, what the bars are scaled to; windows without events are listed too)."""
    mine = [r for r in records if actor in (r.source_id, r.target_id)]
    dated = [(date.fromordinal(event_day(r.event_date)), r) for r in mine if r.event_date]
    days = [d for d, _ in dated]
    used, ws = span_windows(days, since, until, size)
    rows = [{"since": w.since.isoformat(), "until": w.until.isoformat(), "label": w.label,
             "quads": Counter(), "kinds": Counter(), "total": 0} for w in ws]
    starts = [w.since for w in ws]
    for day, r in dated:
        i = bisect_right(starts, day) - 1  # the last window starting on or before it
        if i < 0 or day > ws[i].until:
            continue  # outside the view's range
        rows[i]["quads"][r.quad_class] += 1
        rows[i]["kinds"][r.kind] += 1
        rows[i]["total"] += 1
    for row in rows:
        row["quads"], row["kinds"] = dict(row["quads"]), dict(row["kinds"])
    return {"size": used, "windows": rows, "undated": len(mine) - len(dated),
            "most": max((row["total"] for row in rows), default=0)}

