"""The briefing pack dates a key relation by its events, not by the article that reports it:
an article of Thursday saying two countries met "on Wednesday" shows Wednesday."""

from __future__ import annotations

import json
from pathlib import Path

from graph.briefing.content import build_briefing
from graph.pipeline.driver import ingest
from graph.store.store import Store


def test_key_relation_when_is_the_event_date(tmp_path: Path):
    src = tmp_path / "wire.jsonl"
    text = ("Brazil hosted Argentina's delegation in Brasilia on Wednesday for talks on trade. "
            "Officials said the talks went well.")
    src.write_text(json.dumps({"id": "w1", "title": "Talks", "date": "2023-09-14",
                               "text": text}) + "\n", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    summary = ingest([src], store, progress=False)
    assert summary.failed == 0, summary.errors
    b = build_briefing(store, top=0)
    typed = [r for r in b.relations if {r.source, r.target} == {"Brazil", "Argentina"}]
    assert typed, [(r.source, r.kind, r.target) for r in b.relations]
    assert typed[0].when == "2023-09-13"  # the article is of the 14th
