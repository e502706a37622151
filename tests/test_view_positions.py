"""Positions kept with saved views (schema 5): stored and read back through the store's typed
methods, replaced with the view, refused when they are not numbers; a schema 4 store gains
the column and keeps its saved views (they open without positions)."""

import math

import pytest
from sqlalchemy import text

from graph.core.errors import CurationError
from graph.store.schema import SCHEMA_VERSION
from graph.store.store import Store


def test_a_saved_view_keeps_its_positions_and_a_new_save_replaces_them(tmp_path):
    store = Store(tmp_path / "views.db")
    placed = {"odila-venmark": (12.345, -80.0), "teodor-kasprell": (-301.5, 44.444),
              "harbour-authority": (0, 0)}
    store.save_view("Harbour talks", "top=20", "ana", placed)
    again = Store(tmp_path / "views.db")  # another process on the same database
    got = again.view_positions("Harbour talks")
    assert got is not None and set(got) == set(placed)
    for actor, (x, y) in placed.items():
        assert math.isclose(got[actor][0], x, abs_tol=0.005)
        assert math.isclose(got[actor][1], y, abs_tol=0.005)
    assert again.view_positions("  Harbour   talks ") == got  # names as save_view keeps them
    store.save_view("Harbour talks", "top=30", "ben", {"odila-venmark": (1.0, 2.0)})
    assert again.view_positions("Harbour talks") == {"odila-venmark": (1.0, 2.0)}
    store.save_view("Harbour talks", "top=30", "ben")  # saved again without: none kept
    assert again.view_positions("Harbour talks") is None
    assert again.view_positions("No such view") is None
    assert [v["name"] for v in again.saved_views()] == ["Harbour talks"]


@pytest.mark.parametrize("bad", [{"a": (math.nan, 1.0)}, {"a": (1.0, math.inf)},
                                 {f"a{i}": (1.0, 1.0) for i in range(5001)}])
def test_positions_that_are_not_finite_or_too_many_are_refused(tmp_path, bad):
    store = Store(tmp_path / "views.db")
    with pytest.raises(CurationError):
        store.save_view("Broken", "top=5", "ana", bad)
    assert store.saved_views() == []


def test_a_schema_4_store_gains_positions_and_keeps_its_saved_views(tmp_path):
    path = tmp_path / "old.db"
    store = Store(path)
    with store.engine.begin() as conn:  # back to schema 4, as relgraph wrote it
        conn.execute(text("ALTER TABLE saved_views DROP COLUMN positions"))
        conn.execute(text("DELETE FROM migrations WHERE version = 5"))
        conn.execute(text("INSERT INTO saved_views (name, query, user, at) VALUES "
                          "('Before', 'top=7', 'ana', '2026-12-01T10:00:00+00:00')"))
    store.engine.dispose()
    again = Store(path)
    assert any("schema 5" in m for m in again.messages)
    assert [(v["name"], v["query"]) for v in again.saved_views()] == [("Before", "top=7")]
    assert again.view_positions("Before") is None  # saved before: opens laid out as before
    again.save_view("After", "top=5", "ana", {"odila-venmark": (3.0, 4.0)})
    assert again.view_positions("After") == {"odila-venmark": (3.0, 4.0)}
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT max(version) FROM migrations")).scalar() == (
            SCHEMA_VERSION)
    assert Store(path).messages == []  # upgraded once


def test_the_list_of_views_says_which_keep_positions(tmp_path):
    store = Store(tmp_path / "views.db")
    store.save_view("Placed", "top=5", "ana", {"odila-venmark": (3.0, 4.0)})
    store.save_view("Bare", "top=6", "ana")
    assert [(v["name"], v["placed"]) for v in store.saved_views()] == [("Bare", False),
                                                                      ("Placed", True)]
