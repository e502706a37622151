"""Shared fixtures: the real spaCy pipeline and a real SQLite store with the seeds ingested."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.extraction.nlp import load
from graph.mentions.find import find_mentions
from graph.pipeline.driver import ingest
from graph.relations.find import typed_relations
from graph.slices.build import build_graph
from graph.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Browser tests use Debian's chromium and chromedriver; keep Selenium from looking online for
# drivers (this machine has no network but the package registries).
os.environ.setdefault("SE_OFFLINE", "true")


@pytest.fixture(scope="session")
def nlp():
    return load()


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """Path of a SQLite database holding the five seed articles (built once per session)."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = ingest([SEEDS], Store(path), progress=False)
    assert summary.new == 5 and summary.failed == 0, summary.errors
    return path


@pytest.fixture(scope="session")
def seed_store(seed_db) -> Store:
    return Store(seed_db)


@pytest.fixture(scope="session")
def seed_graph(seed_store):
    return build_graph(seed_store)


@pytest.fixture
def found(nlp):
    """The typed relations of a text as ``(source, kind, target)`` (the relation tests' check;
    a test file may define its own ``found`` with more in it)."""

    def run(text):
        doc = nlp(text)
        spans, _ = find_mentions(doc)
        return {(r.source, r.kind, r.target) for r in typed_relations(doc, spans)}

    return run
