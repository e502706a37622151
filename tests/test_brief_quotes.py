"""A key relation's quoted sentence says what its verb says: a relation worded as done
("visited", some of its instances done) is not quoted from a sentence announcing the visit
("… will visit …"), even when that sentence is the newest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dated_events import dated_extraction, saved

from graph.briefing.content import build_briefing
from graph.core.model import EventDate
from graph.store.store import Store


def _store(path: Path) -> Store:
    done = dated_extraction(
        "b1",
        date(2024, 2, 10),
        [
            (
                "Farida Haddad visited Nguyen Van Long in Hanoi on 8 February 2024.",
                [
                    (
                        "Farida Haddad",
                        "Nguyen Van Long",
                        "visit",
                        EventDate("2024-02-08", "day", "explicit"),
                    )
                ],
            )
        ],
    )
    plan = dated_extraction(
        "b2",
        date(2024, 5, 1),
        [
            (
                "Farida Haddad will visit Nguyen Van Long again in June.",
                [
                    (
                        "Farida Haddad",
                        "Nguyen Van Long",
                        "visit",
                        EventDate("2024-06", "month", "relative", planned=True),
                    )
                ],
            )
        ],
    )
    return saved(Store(path), (done, plan))


def test_a_done_relation_is_quoted_from_a_sentence_that_is_no_plan(tmp_path: Path):
    b = build_briefing(_store(tmp_path / "s.db"), top=0)
    row = next(r for r in b.relations if r.kind == "visit")
    assert not row.planned and row.verb == "visited"
    assert "will visit" not in row.sentence and row.sentence.startswith("Farida Haddad visited")
    assert row.article == "b1"
