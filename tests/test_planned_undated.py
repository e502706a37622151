"""A plan in an undated article stays a plan: "X will visit Y" with no date anywhere was stored
as not planned (no event date, so the flag was dropped with it) and briefed as "visited"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.briefing.content import build_briefing
from graph.pipeline.driver import ingest
from graph.store.store import Store

pytestmark = pytest.mark.slow  # parses its articles with the spaCy model


def _store(tmp_path: Path, date: str | None) -> Store:
    src = tmp_path / "wire.jsonl"
    text = ("Chile's president will visit Peru to discuss a new trade pact. "
            "Argentina hosted Uruguay's foreign minister for talks on the river.")
    record = {"id": "w1", "title": "Visits", "text": text}
    if date:
        record["date"] = date
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    summary = ingest([src], store, progress=False)
    assert summary.failed == 0, summary.errors
    return store


@pytest.mark.parametrize("date", [None, "2023-09-14"])
def test_a_plan_is_stored_and_briefed_as_a_plan_with_or_without_a_date(tmp_path, date):
    store = _store(tmp_path, date)
    rows = {(e["source_label"], e["kind"], e["target_label"]): e for e in store.event_rows()}
    visit = rows.get(("Chile", "visit", "Peru"))
    assert visit is not None, sorted(rows)
    assert visit["planned"] is True
    hosted = [e for k, e in rows.items() if k[0] == "Argentina" and k[2] == "Uruguay"]
    assert hosted and not any(e["planned"] for e in hosted)
    b = build_briefing(store, top=0)
    verbs = {(r.source, r.target): r.verb for r in b.relations}
    assert verbs[("Chile", "Peru")] == "will visit", verbs


def test_the_events_table_keeps_a_plan_dated_by_its_article(tmp_path):
    """A plan with no event date of its own (a store written before event dating, or a row
    whose date was cleared) is listed at its article's date, and still as a plan: the events
    table (and `relgraph events`) dropped the flag there."""
    import sqlite3

    from graph.slices.events import event_records

    store = _store(tmp_path, "2023-09-14")
    with sqlite3.connect(tmp_path / "s.db") as db:  # as a store from before event dating
        db.execute("UPDATE relations SET event_date = NULL, event_precision = NULL, "
                   "event_basis = NULL")
    records = event_records(store)
    visit = [r for r in records if (r.source, r.kind, r.target) == ("Chile", "visit", "Peru")]
    assert visit and all(r.planned and r.basis == "article" for r in visit), visit
    assert not any(r.planned for r in records if r.source == "Argentina")
