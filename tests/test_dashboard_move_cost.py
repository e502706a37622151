"""What a dashboard move costs apart from the work it needs (issue 25): a merge reads its
effect from the resolution instead of counting every table of the store twice, and a server
settles its garbage collector once the corpus is loaded (``dashboard.collector``), not a
test's app."""

from __future__ import annotations

import gc

import pytest
from synthetic_store import synthetic_store

import dashboard.app as app_module
from dashboard import collector
from dashboard.viewdata import ViewData
from graph.curation.decisions import hide, merge
from graph.store.store import Store


def test_a_merge_says_how_many_actors_fewer_without_counting_the_store(tmp_path, monkeypatch):
    store = synthetic_store(tmp_path / "merge.db", articles=80)
    table = store.actor_table()
    before = store.counts()["actors"]

    def counted(self):  # noqa: ANN001, ANN202
        raise AssertionError("a merge counted every table of the store")

    monkeypatch.setattr(Store, "counts", counted)
    out = merge(store, [table[20]["id"], table[21]["id"]], table[1]["id"], "tester")
    monkeypatch.undo()
    after = store.counts()["actors"]
    assert before - after == 2
    assert out.message.endswith(": 2 actors fewer"), out.message
    out = merge(store, [table[22]["id"]], table[1]["id"], "tester")
    assert out.message.endswith(": 1 actor fewer") and store.counts()["actors"] == after - 1


def test_the_corpus_loaded_first_calls_on_load_once(tmp_path):
    store = synthetic_store(tmp_path / "load.db", articles=40)
    calls: list[int] = []
    data = ViewData(store, on_load=lambda: calls.append(len(gc.get_objects()) > 0))
    data.corpus()
    assert calls == [True]
    hide(store, store.actor_table()[3]["id"], "tester")  # a new revision: refreshed, not loaded
    data.corpus()
    data.corpus()
    assert calls == [True]


def test_settle_keeps_what_is_alive_out_of_collections():
    try:
        kept = [[i] for i in range(1000)]  # containers the collector tracks
        collector.settle()
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("entry", ["server", "create_app"])
def test_a_server_settles_its_collector_an_app_for_tests_does_not(tmp_path, monkeypatch, entry):
    made: list[object] = []
    real = app_module.ViewData

    def recording(store, cache=None, on_load=None):  # noqa: ANN001, ANN202
        made.append(on_load)
        return real(store, cache, on_load)

    monkeypatch.setattr(app_module, "ViewData", recording)
    db = tmp_path / "app.db"
    if entry == "server":
        app_module.server(str(db))
        assert made == [collector.settle]
    else:
        app_module.create_app(Store(db))
        assert made == [None]
