"""Saved views and notes in the store (schema 4), on SQLite and, with RELGRAPH_TEST_POSTGRES,
on PostgreSQL; an older store gains the two tables without losing anything."""

import os

import pytest
from pg_helpers import wipe
from sqlalchemy import text

from graph.core.errors import CurationError
from graph.store.annotations import link_target
from graph.store.schema import SCHEMA_VERSION
from graph.store.store import Store

URL = os.environ.get("RELGRAPH_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield Store(tmp_path / "notes.db")
        return
    if not URL:
        pytest.skip("RELGRAPH_TEST_POSTGRES not set")
    wipe(URL)
    s = Store(URL)
    yield s
    s.engine.dispose()
    wipe(URL)


def test_a_saved_view_is_listed_newest_first_and_a_name_saved_again_is_replaced(store):
    rev = store.revision()
    store.save_view("Harbour talks", "top=20", "ana")
    store.save_view("  Northern   front ", "since=2024-01-01", "ben")
    store.save_view("Harbour talks", "top=30&color_by=community", "ben")
    views = store.saved_views()
    assert [(v["name"], v["query"], v["user"]) for v in views] == [
        ("Harbour talks", "top=30&color_by=community", "ben"),
        ("Northern front", "since=2024-01-01", "ben")]
    assert store.revision() == rev  # nothing a view shows changed: no view recomputed
    for bad in ("", "   ", "x" * 121):
        with pytest.raises(CurationError):
            store.save_view(bad, "top=5", "ana")


def test_notes_on_an_actor_and_a_link_with_who_and_when(store):
    store.add_note("odila-venmark", "Met the envoy twice in May.", "ana")
    store.add_note(link_target("teodor-kasprell", "odila-venmark"), "  Cousins.  ", "ben")
    store.add_note("odila-venmark", "Denied it on 3 June.", "ben")
    mine = store.notes("odila-venmark")
    assert [(n["text"], n["user"]) for n in mine] == [("Met the envoy twice in May.", "ana"),
                                                      ("Denied it on 3 June.", "ben")]
    assert all(n["at"].endswith("+00:00") for n in mine)
    assert [n["text"] for n in store.notes(link_target("odila-venmark", "teodor-kasprell"))] == [
        "Cousins."]
    with pytest.raises(CurationError):
        store.add_note("odila-venmark", " ", "ana")


def test_a_schema_3_store_gains_views_and_notes_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    store = Store(path)
    store.add_note("kept-actor", "before the upgrade?", "ana")
    with store.engine.begin() as conn:  # back to schema 3, as relgraph wrote it
        conn.execute(text("DROP TABLE saved_views"))
        conn.execute(text("DROP TABLE notes"))
        conn.execute(text("DELETE FROM migrations WHERE version = 4"))
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('marker', 'kept') "))
    store.engine.dispose()
    again = Store(path)
    again.save_view("After", "top=5", "ana")
    assert [v["name"] for v in again.saved_views()] == ["After"]
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'marker'")).scalar() == (
            "kept")
        assert conn.execute(text("SELECT max(version) FROM migrations")).scalar() == (
            SCHEMA_VERSION)
