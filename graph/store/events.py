"""Reading typed relations as event records: one row per relation instance, with its event
date, its actors as resolved and curated, its article and its sentence.

:class:`EventReads` is part of :class:`graph.store.store.Store` (through
:class:`graph.store.reads.Reads`); :func:`graph.slices.events.event_records` applies a slice's
filters to its rows and gives them their final form.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Engine

from graph.core.batches import chunked
from graph.core.model import COOCCURRENCE
from graph.store import schema as t

__all__ = ["EventReads"]


class EventReads:
    """Typed relations with their event dates."""

    engine: Engine

    def event_rows(self, articles: Iterable[str] | None = None,
                   kinds: Iterable[str] = ()) -> list[dict]:
        """Every standing (not rejected) typed relation between two visible actors (of the
        given ``articles`` and ``kinds``, or all), in article then sentence order: ``article,
        article_date`` (ISO or None), ``sentence`` (its index), ``text``, ``source``,
        ``source_label``, ``source_type``, ``target``, ``target_label``, ``target_type``,
        ``kind``, ``polarity``, ``directed``, ``trigger``, ``event_date``, ``precision``,
        ``basis`` (None when the relation has no event date of its own), ``planned`` (also
        for a plan nothing dates)."""
        r, s, ar, an, ac = t.relations, t.sentences, t.articles, t.actor_names, t.actors
        sa, ta = an.alias("sa"), an.alias("ta")
        src, tgt = ac.alias("src"), ac.alias("tgt")
        q = (select(r.c.article_id, ar.c.date, r.c.sentence, s.c.text, src.c.id, src.c.label,
                    src.c.type, tgt.c.id, tgt.c.label, tgt.c.type, r.c.kind, r.c.polarity,
                    r.c.directed, r.c.trigger, r.c.event_date, r.c.event_precision,
                    r.c.event_basis, r.c.event_planned)
             .join(ar, ar.c.id == r.c.article_id)
             .join(s, (s.c.article_id == r.c.article_id) & (s.c.idx == r.c.sentence))
             .join(sa, sa.c.name_id == r.c.source_id).join(src, src.c.id == sa.c.actor_id)
             .join(ta, ta.c.name_id == r.c.target_id).join(tgt, tgt.c.id == ta.c.actor_id)
             .where(r.c.rejected.is_(None), r.c.kind != COOCCURRENCE,
                    src.c.hidden.is_(False), tgt.c.hidden.is_(False))
             .order_by(r.c.article_id, r.c.sentence, r.c.id))
        kinds = list(kinds)
        if kinds:
            q = q.where(r.c.kind.in_(kinds))
        wanted = None if articles is None else list(articles)
        out: list[dict] = []
        with self.engine.connect() as conn:
            for part in [None] if wanted is None else chunked(wanted, 900):
                sql = q if part is None else q.where(r.c.article_id.in_(part))
                out += [_record(row) for row in conn.execute(sql)]
        if wanted is not None and len(wanted) > 900:  # each block came back sorted
            out.sort(key=lambda e: (e["article"], e["sentence"]))
        return out


_FIELDS = ("article", "article_date", "sentence", "text", "source", "source_label",
           "source_type", "target", "target_label", "target_type", "kind", "polarity",
           "directed", "trigger", "event_date", "precision", "basis", "planned")


def _record(row: tuple) -> dict:
    out = dict(zip(_FIELDS, row, strict=True))
    out["article_date"] = out["article_date"].isoformat() if out["article_date"] else None
    out["directed"], out["planned"] = bool(out["directed"]), bool(out["planned"])
    return out
