"""Event dates in the store: written with each typed relation, read back as event records,
counted by event day in the pair aggregates; an older store is upgraded in place."""

import sqlite3

from dated_events import build_store

from graph.slices.build import build_graph
from graph.store.aggregate import event_day
from graph.store.store import Store


def test_event_dates_round_trip_through_the_store(tmp_path):
    store = build_store(tmp_path / "ev.db")
    rows = {(r["article"], r["kind"], r["source"], r["target"]): r for r in store.event_rows()}
    met = rows[("a1", "meet", "mara-velund", "tovan-reik")]
    assert (met["event_date"], met["precision"], met["basis"], met["planned"]) == (
        "2024-03-13", "day", "relative", False)
    assert met["article_date"] == "2024-03-14" and met["text"].startswith("Mara Velund met")
    assert met["source_label"] == "Mara Velund" and met["target_type"] == "person"
    visit = rows[("a2", "visit", "tovan-reik", "ilse-brandtner")]
    assert (visit["event_date"], visit["precision"], visit["planned"]) == ("2024-04", "month",
                                                                          True)
    undated = rows[("a1", "criticise", "mara-velund", "northwind-council")]
    assert (undated["event_date"], undated["precision"], undated["basis"]) == (None, None, None)
    assert all(r["kind"] != "co-occurrence" for r in rows.values())
    assert len(rows) == 7
    assert {r["article"] for r in store.event_rows(["a3"], kinds=["meet"])} == {"a3"}


def test_pair_aggregates_are_split_by_event_day(tmp_path):
    store = build_store(tmp_path / "ev.db")
    con = sqlite3.connect(tmp_path / "ev.db")
    days = {(aid, kind): day for aid, kind, day in con.execute(
        "SELECT article_id, kind, day FROM pair_stats WHERE kind != '*'")}
    assert days[("a1", "meet")] == event_day("2024-03-13")
    assert days[("a2", "meet")] == event_day("2023") and days[("a1", "criticise")] == 0
    assert set(con.execute("SELECT day FROM pair_stats WHERE kind = '*'")) == {(0,)}
    store.engine.dispose()


def test_a_rejection_keeps_the_event_days_of_the_other_relations(tmp_path):
    from graph.curation.decisions import reject

    store = build_store(tmp_path / "ev.db")
    reject(store, "Tovan Reik", "Ilse Brandtner", "a2", "test")
    con = sqlite3.connect(tmp_path / "ev.db")
    assert dict(con.execute("SELECT kind, day FROM pair_stats WHERE article_id = 'a2' "
                            "AND kind != '*'")) == {"meet": event_day("2023")}
    assert [r["event_date"] for r in store.event_rows(["a2"])] == ["2023"]


def test_a_schema_2_store_is_upgraded_and_its_relations_dated_by_their_article(tmp_path):
    db = tmp_path / "old.db"
    build_store(db).engine.dispose()
    con = sqlite3.connect(db)  # take the store back to schema 2
    for column in ("event_date", "event_precision", "event_basis", "event_planned"):
        con.execute(f"ALTER TABLE relations DROP COLUMN {column}")
    con.execute("ALTER TABLE pair_stats DROP COLUMN day")
    con.execute("DROP TABLE saved_views")  # schema 4's tables
    con.execute("DROP TABLE notes")
    con.execute("DELETE FROM migrations WHERE version >= 3")
    con.commit()
    con.close()
    store = Store(db)
    assert len(store.messages) == 4 and "schema 3" in store.messages[0]
    assert "schema 4" in store.messages[1] and "schema 5" in store.messages[2]
    assert "schema 6" in store.messages[3]
    assert {r["event_date"] for r in store.event_rows()} == {None}
    assert build_graph(store).edges["mara-velund", "tovan-reik"]["weight"] == 2
    assert Store(db).messages == []  # upgraded once
