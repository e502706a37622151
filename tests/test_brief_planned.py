"""A briefing words each key relation as what the articles say: an event announced for the
future as planned ("will visit", not "visited"), and a span of event dates at each date's own
precision ("2023 – 2024-03-13", not "2023-01-01 – 2024-03-13")."""

from __future__ import annotations

from pathlib import Path

from dated_events import build_store

from graph.briefing.content import build_briefing, planned_label
from graph.briefing.pages import pages


def _row(b, source: str, kind: str, target: str):
    found = [r for r in b.relations if (r.source, r.kind, r.target) == (source, kind, target)]
    assert found, [(r.source, r.kind, r.target) for r in b.relations]
    return found[0]


def test_planned_event_is_briefed_as_planned(tmp_path: Path):
    b = build_briefing(build_store(tmp_path / "s.db"), top=0)
    visit = _row(b, "Tovan Reik", "visit", "Ilse Brandtner")
    assert visit.planned and visit.verb == "will visit"
    met = _row(b, "Mara Velund", "meet", "Tovan Reik")
    assert not met.planned and met.verb == "met"
    text = "\n".join(cell for p in pages(b) for row in p.rows for cell in row)
    assert "will visit" in text and "visited" not in text


def test_event_span_keeps_each_dates_precision(tmp_path: Path):
    b = build_briefing(build_store(tmp_path / "s.db"), top=0)
    # met last year (2023, year) and on 2024-03-13 (day)
    assert _row(b, "Mara Velund", "meet", "Tovan Reik").when == "2023 – 2024-03-13"
    assert _row(b, "Tovan Reik", "visit", "Ilse Brandtner").when == "2024-04"


def test_planned_label():
    assert planned_label("visit") == "will visit"
    assert planned_label("provide_aid") == "will provide aid"
    assert planned_label("co-occurrence") == ""
