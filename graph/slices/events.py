"""Typed relations as event records (as GDELT and PETRARCH publish them): one record per
relation instance, dated by its event date, for ``relgraph events`` and the dashboard's
events download.

A relation without an event date of its own is dated by its article (basis ``article``,
precision ``day``), or undated when the article is. A slice's date range keeps the records
whose event day (:func:`graph.store.aggregate.event_day`: the first day of the date's period)
lies in it; undated records only with ``include_undated``. Actors are the resolved, curated
ones every view shows (hidden actors left out, a relation of an actor with itself too).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from graph.core.cameo import QUAD_CLASSES, kind_info
from graph.core.model import COOCCURRENCE, GraphSlice
from graph.store.aggregate import event_day
from graph.store.store import Store

__all__ = ["EVENT_COLUMNS", "EventRecord", "event_records"]


@dataclass(frozen=True)
class EventRecord:
    """One typed relation instance. ``event_date`` is ISO cut to its ``precision`` (``day``,
    ``month``, ``year``) or None (undated); ``basis`` is ``explicit``, ``relative`` or
    ``article``; ``planned`` marks an event announced for the future."""

    event_date: str | None
    precision: str | None
    basis: str | None
    planned: bool
    source: str  # actor label
    target: str
    source_id: str
    target_id: str
    source_type: str
    target_type: str
    kind: str
    cameo_root: str  # CAMEO root code, "04"
    cameo_name: str  # its name, "Consult"
    quad_class: int  # 0 neutral, 1 verbal cooperation .. 4 material conflict
    quad_class_name: str
    polarity: str
    article: str
    article_date: str | None
    sentence: str


#: The columns of an event table, in order (CSV header, JSON keys).
EVENT_COLUMNS = tuple(f.name for f in fields(EventRecord))


def event_records(store: Store, sl: GraphSlice | None = None) -> list[EventRecord]:
    """The slice's typed relation instances, by event date (undated last), then article and
    sentence. The slice's ``articles``, ``kinds``, ``types`` and date range apply
    (``min_weight`` is a rule for links, not for single events)."""
    sl = sl or GraphSlice()
    kinds = [k for k in sl.kinds if k != COOCCURRENCE]
    if sl.kinds and not kinds:  # only co-occurrence asked for: no typed relation
        return []
    rows = store.event_rows(sl.articles or None, kinds)
    low = sl.since.toordinal() if sl.since else None
    high = sl.until.toordinal() if sl.until else None
    out: list[tuple[tuple, EventRecord]] = []
    for r in rows:
        if r["source"] == r["target"]:
            continue
        if sl.types and not (r["source_type"] in sl.types and r["target_type"] in sl.types):
            continue
        record = _record(r)
        if record.event_date is None:
            if not sl.include_undated:
                continue
            day = None
        else:
            day = event_day(record.event_date)
            if (low is not None and day < low) or (high is not None and day > high):
                continue
        out.append(((day is None, day or 0, r["article"], r["sentence"]), record))
    out.sort(key=lambda x: x[0])
    return [record for _, record in out]


def _record(r: dict) -> EventRecord:
    if r["event_date"]:
        when = (r["event_date"], r["precision"], r["basis"], r["planned"])
    elif r["article_date"]:
        when = (r["article_date"], "day", "article", r["planned"])  # a plan stays a plan
    else:
        when = (None, None, None, r["planned"])  # a plan nothing dates
    try:
        info = kind_info(r["kind"])
        cameo = (info.root_code, info.root_name, info.quad_class, QUAD_CLASSES[info.quad_class])
    except KeyError:  # a kind an older lexicon stored
        cameo = ("", "", 0, QUAD_CLASSES[0])
    return EventRecord(*when, r["source_label"], r["target_label"], r["source"], r["target"],
                       r["source_type"], r["target_type"], r["kind"], *cameo, r["polarity"],
                       r["article"], r["article_date"], r["text"])
