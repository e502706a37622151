"""Streaming ingest: a large JSON Lines file is read from disk line by line (the same items as a
whole read), the map stage takes tasks from an iterator in order with the same task sizes as
from a list, and the driver reads its input only a window ahead of what it has written; peak
RSS does not grow with the number of articles (child processes, a real file, a real store)."""

from __future__ import annotations

import gc
import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.core.model import Article
from graph.pipeline import driver, plan
from graph.pipeline.workers import (
    CHUNK,
    IN_FLIGHT,
    batches,
    extract_batch,
    stream_batches,
)
from graph.readers.articles import InputWarning, read_file
from graph.readers.base import ReadOptions, Source
from graph.readers.tabular import STREAM_BYTES, read_jsonl, stream_jsonl
from graph.store.store import Store

BENCH = Path(__file__).resolve().parent.parent / "bench" / "ingest_memory.py"


def records(n: int) -> list[str]:
    lines = []
    for i in range(n):
        if i == 5:
            lines.append('{"text": "broken')  # malformed: one error, the rest is read
        elif i == 9:
            lines.append('{"title": "no text here"}')
        else:
            date = "16/08/2024" if i == 3 else "05/06/2024"  # day first: the file says so
            lines.append(json.dumps({"id": f"r{i}", "date": date, "text":
                                     f"Envoy Maren Holm met Oskar Dahl in Porto, round {i}. "
                                     + "Talks went on. " * 40}))
        if i == 7:
            lines.append("")  # blank lines are skipped, line numbers still count
    return lines


def test_a_large_json_lines_file_streams_the_same_items_as_a_whole_read(tmp_path):
    path = tmp_path / "big.jsonl"
    body = "\r\n".join(records(2_000)) + "\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode())  # a UTF-8 byte-order mark, CRLF lines
    assert path.stat().st_size > STREAM_BYTES
    streamed = stream_jsonl(path, "big.jsonl")
    assert streamed is not None
    got = list(streamed)
    whole = list(read_jsonl(Source(path.read_bytes(), "big.jsonl", "big"), ReadOptions()))
    assert got == whole and len(got) == 2_000
    assert [str(e) for e in got if not isinstance(e, Article)] == [
        "big.jsonl:6: malformed JSON line (Invalid control character at)",  # the \r
        "big.jsonl:11: missing article text"]
    dated = [a for a in got if isinstance(a, Article) and a.id == "r4"]
    assert dated[0].date.isoformat() == "2024-06-05"  # order from a line far from this one
    # read_file goes through the stream and adds where the ids came from
    assert [a.location for a in read_file(path) if isinstance(a, Article)][:1] == [
        str(path.resolve())]


def test_a_large_file_that_is_not_utf8_is_read_whole_with_its_note(tmp_path):
    path = tmp_path / "legacy.jsonl"
    text = "\n".join(records(2_000)).replace("Porto", "Düsseldorf")
    path.write_bytes(text.encode("cp1252"))
    assert path.stat().st_size > STREAM_BYTES and stream_jsonl(path, "x") is None
    items = list(read_file(path))
    assert isinstance(items[0], InputWarning) and "cp1252" in str(items[0])
    assert sum(isinstance(a, Article) for a in items) == 1_998


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_tasks_from_an_iterator_are_those_from_a_list(workers):
    for n in (0, 1, 7, 8, 9, 16, 17, 40, 41, 100, 333):
        items = list(range(n))
        assert list(stream_batches(iter(items), workers)) == batches(items, workers), n


class CountingStore(Store):
    """A real store that notes, at each batch it writes, how far the input had been read."""

    pulled = written = 0
    at_writes: list[tuple[int, int]]  # (articles read, articles written before this batch)

    def save_many(self, items):  # type: ignore[override]
        self.at_writes.append((self.pulled, self.written))
        self.written += len(items)
        return super().save_many(items)


@pytest.mark.slow
def test_ingest_reads_its_input_only_a_window_ahead_of_the_writer(tmp_path):
    store = CountingStore(tmp_path / "s.db")
    store.at_writes = []
    n = 3 * plan.WINDOW

    def articles() -> Iterator[Article]:
        for i in range(n):
            store.pulled += 1
            yield Article(id=f"w{i}", text=f"Ilse Varga met Tomas Brandt in Oslo, round {i}.",
                          origin=f"gen:{i}")

    summary = driver.ingest_items(articles(), store, progress=False, jobs=1)
    assert (summary.new, summary.read, summary.failed) == (n, n, 0)
    assert store.counts()["articles"] == n
    first_read, _ = store.at_writes[0]
    assert first_read <= plan.WINDOW  # the first batch is written before the second window
    ahead = max(read - written for read, written in store.at_writes)
    assert ahead <= plan.WINDOW + (IN_FLIGHT + 2) * CHUNK, store.at_writes


def _bench():
    spec = importlib.util.spec_from_file_location("bench_ingest_memory", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_no_parsed_doc_outlives_its_extraction():
    # A functools.cache keyed by spans (graph.mentions.span_words.musical_work) kept every Doc
    # it had seen alive: memory grew by a whole parse (with the model's tensors) per article.
    from spacy.tokens import Doc  # spaCy only for this test's type check

    articles = [Article(id=f"d{i}", text=f"Minister Ilse Varga met the Seventh Symphony and "
                        f"envoy Tomas Brandt in Oslo on day {i}.", origin=f"d{i}")
                for i in range(30)]
    extract_batch(articles[:2], None)  # the model loaded, the tables read
    gc.collect()
    before = sum(isinstance(o, Doc) for o in gc.get_objects())
    extract_batch(articles, None)
    gc.collect()
    assert sum(isinstance(o, Doc) for o in gc.get_objects()) == before


@pytest.mark.slow
def test_peak_memory_does_not_grow_with_the_number_of_articles(tmp_path):
    bench = _bench()
    model = str(bench.ruler_model(tmp_path / "ruler"))
    peaks = {}
    for n in (300, 2_400):
        path = bench.write_jsonl(tmp_path / f"a{n}.jsonl", n)
        proc = subprocess.run([sys.executable, str(BENCH), "--child", str(path), "--db",
                               str(tmp_path / f"a{n}.db"), "--model", model],
                              capture_output=True, text=True, check=True, timeout=900)
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        assert got["new"] == n and got["failed"] == 0
        peaks[n] = got["rss_mb"]
    # 8x the articles (and 8x the file): the peak grows by a few MB at most (caches filling,
    # SQLite's page cache); before the Doc leak was fixed, 500 → 4,000 articles grew 64 MB
    assert peaks[2_400] - peaks[300] < 20, peaks
