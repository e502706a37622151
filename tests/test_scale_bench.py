"""``bench/scale.py``'s build: resumable (a killed build continues where it stopped and ends
with the same store as one uninterrupted build), and the store reads it and ingest use
(articles' states for some ids, stale ids, size on disk) on a real SQLite store."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from graph.store.store import Store

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _scale():
    sys.path.insert(0, str(BENCH))  # scale.py imports its sibling bench modules
    spec = importlib.util.spec_from_file_location("bench_scale", BENCH / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_stopped_build_resumes_to_the_same_store(tmp_path):
    scale = _scale()
    whole, resumed = Store(tmp_path / "w.db"), Store(tmp_path / "r.db")
    scale.build(whole, 240)
    scale.build(resumed, 100)  # as if killed after its first batches
    assert resumed.counts()["articles"] == 100 and not resumed.needs_resolution()
    scale.build(resumed, 240)
    assert whole.counts() == resumed.counts()
    assert whole.article_states() == resumed.article_states()
    assert whole.actor_table() == resumed.actor_table()
    size = resumed.size_bytes()
    assert size > 240 * 1024  # pages of a store holding 240 articles
    scale.build(resumed, 240)  # nothing left to do: nothing written
    assert resumed.size_bytes() == size and resumed.counts() == whole.counts()


@pytest.mark.slow  # the seed store is ingested
def test_states_of_some_articles_and_stale_ids(seed_store):
    states = seed_store.article_states()
    some = sorted(states)[:2]
    assert seed_store.article_states(some) == {i: states[i] for i in some}
    assert seed_store.article_states([]) == {}
    extractor = next(iter(states.values())).extractor
    assert seed_store.stale_ids(extractor) == []
    assert seed_store.stale_ids("another extractor") == sorted(states)
