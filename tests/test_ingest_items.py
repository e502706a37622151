"""The ingest driver fed with items already being read (``ingest_items``): what the dashboard's
uploads use with ``read_bytes``. The same plan, bounds and messages as ``ingest`` of paths, a
real SQLite store and the real spaCy model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.core.model import Article
from graph.pipeline.driver import ingest, ingest_items
from graph.readers.articles import InputError, Item, read_bytes
from graph.store.store import Store

pytestmark = pytest.mark.slow

BOX = "".join(
    f"From desk{i}@example.org Mon Jan  1 00:00:00 2024\nFrom: Desk {i} <d{i}@example.org>\n"
    f"Subject: Talks, round {i}\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n"
    f"Message-ID: <m{i}@example.org>\n\nMinister Ilse Varga met envoy Tomas Brandt in Oslo on "
    f"round {i}.\n\n" for i in range(6)).encode()


def test_items_from_bytes_are_stored_as_the_same_file_read_from_disk(tmp_path):
    (tmp_path / "box.mbox").write_bytes(BOX)
    on_disk, from_bytes = Store(tmp_path / "d.db"), Store(tmp_path / "b.db")
    a = ingest([tmp_path / "box.mbox"], on_disk, progress=False)
    errors: list[str] = []
    b = ingest_items(read_bytes("box.mbox", BOX), from_bytes, progress=False,
                     on_error=errors.append)
    assert (a.new, a.failed, a.read) == (b.new, b.failed, b.read) == (6, 0, 6)
    assert errors == [] and on_disk.counts() == from_bytes.counts()
    disk, uploaded = on_disk.article_states(), from_bytes.article_states()
    assert sorted(disk) == sorted(uploaded)
    assert {s.origin for s in uploaded.values()} == {f"box.mbox:{1 + 8 * i}" for i in range(6)}
    assert {s.origin for s in disk.values()} == {f"{tmp_path}/box.mbox:{1 + 8 * i}"
                                                 for i in range(6)}


def test_errors_and_bounds_are_those_of_ingest(tmp_path):
    store = Store(tmp_path / "e.db")
    closed: list[bool] = []

    def items() -> Iterator[Item]:
        try:
            yield InputError("feed.xml", "not a feed")
            yield from read_bytes("box.mbox", BOX)
        finally:
            closed.append(True)  # a reader left part-way releases what it holds

    errors: list[str] = []
    summary = ingest_items(items(), store, progress=False, limit=2, on_error=errors.append)
    assert (summary.new, summary.read, summary.failed, summary.stopped) == (2, 2, 1, "limit")
    assert summary.not_read == "box.mbox:17" and closed == [True]
    assert errors == ["error: feed.xml: not a feed"]
    # any iterable will do; stop() ends the run before the next article
    article = Article(id="x", text="Ilse Varga met Tomas Brandt in Oslo.", origin="pasted")
    stopped = ingest_items([article], store, progress=False, stop=lambda: True)
    assert (stopped.stopped, stopped.new, stopped.not_read) == ("stop", 0, "pasted")
    assert store.counts()["articles"] == 2
