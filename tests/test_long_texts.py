"""Very long texts: cut into pieces and parts without losing a character, tasks and writes
bounded by characters, the end of a long text read, and memory that does not grow with it."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from test_ingest_stream import BENCH, _bench  # bench/ingest_memory.py, loaded

from graph.core.model import Article
from graph.extraction import chunks
from graph.extraction.chunks import cuts, parts, pieces
from graph.pipeline import driver, writer
from graph.pipeline.workers import TASK_CHARS, batches, stream_batches
from graph.store.store import Store

PARAGRAPH = ("Minister Amaya Quispe met envoy Tobias Lindqvist in Lisbon to talk about fishing. "
             "Lindqvist said Portugal and Sweden would work together on ports.\n\n")
# named only in the last paragraph: found only if the end of the text was parsed and stored
TAIL = "Senator Chiamaka Eze met Governor Ruslan Abenov in Nairobi to sign a grain accord.\n"


def _text(rng: random.Random, n: int) -> str:
    words = ["trade", "fishing", "ports", "rail", "grain", "customs"]
    return "".join(" ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
                   + rng.choice([". ", "\n", "\n\n", " "]) for _ in range(n))


def test_pieces_and_parts_cover_the_text_exactly_within_their_limit():
    rng = random.Random(3)
    for _ in range(30):
        text = _text(rng, rng.randint(1, 400))
        limit = rng.choice([40, 200, 1_000, 5_000])
        got = pieces(text, limit)
        assert "".join(p for _, p in got) == text
        assert all(len(p) <= limit for _, p in got)
        assert [o for o, _ in got] == [0, *[o + len(p) for o, p in got][:-1]]
        ends = cuts(text, limit)
        assert ends[-1] == len(text) and ends == sorted(set(ends))
        article = Article(id="book", text=text, title="A Book", origin="book.txt")
        n, it = parts(article, limit)
        out = list(it)
        assert len(out) == n and "".join(a.text for a in out) == text
        if n == 1:
            assert out == [article]
        else:
            assert [a.id for a in out] == [f"book~{k}" for k in range(1, n + 1)]
            assert out[-1].title == f"A Book (part {n} of {n})"
            assert len({a.origin for a in out}) == n
            assert out[0].origin == f"book.txt (part 1 of {n})"
            assert all(len(a.text) <= limit for a in out)


def test_a_cut_falls_on_a_paragraph_break_when_there_is_one():
    text = "a" * 60 + "\n\n" + "b" * 30 + ". " + "c" * 30
    assert pieces(text, 100)[0][1] == "a" * 60 + "\n\n"


def test_tasks_stay_within_their_characters_and_keep_the_input_order():
    rng = random.Random(5)
    sizes = [10, 2_000, TASK_CHARS // 3, TASK_CHARS, 3 * TASK_CHARS]
    articles = [Article(id=f"a{i}", text="x" * rng.choice(sizes)) for i in range(120)]
    for workers in (1, 2, 3):
        for got in (batches(articles, workers), list(stream_batches(iter(articles), workers))):
            assert [a for task in got for a in task] == articles
            assert all(len(task) == 1 or sum(len(a.text) for a in task) <= TASK_CHARS
                       for task in got)


class _Writes(Store):
    """A real store noting the characters of text in each batch it writes."""

    batches: list[int]

    def save_many(self, items):  # type: ignore[override]
        self.batches.append(sum(len(ex.article.text) for ex, _, _ in items))
        return super().save_many(items)


@pytest.mark.slow
def test_the_end_of_a_long_text_is_parsed_and_stored_in_parts(tmp_path, monkeypatch):
    # the real model, smaller parts so the test is quick: the code path is that of a book
    monkeypatch.setattr(chunks, "PART", 8_000)
    monkeypatch.setattr(writer, "WRITE_CHARS", 20_000)
    path = tmp_path / "memoir.txt"
    path.write_text(PARAGRAPH * 300 + TAIL, encoding="utf-8")
    store = _Writes(tmp_path / "long.db")
    store.batches = []
    lines: list[str] = []
    summary = driver.ingest([path], store, progress=False, on_error=lines.append)
    n = summary.new
    assert n > 5 and summary.failed == 0
    assert sorted(a["id"] for a in store.articles()) == sorted(f"memoir~{k}"
                                                               for k in range(1, n + 1))
    text = "".join(store.article_text(f"memoir~{k}") or "" for k in range(1, n + 1))
    assert text.startswith(PARAGRAPH) and text.endswith(TAIL.strip())  # the text, as read
    assert len(cuts(text, 8_000)) == n
    assert lines == [f"warning: {path}: text of {len(text):,} characters, longer than one "
                     f"article (8,000): stored as {n} articles, memoir~1 to memoir~{n}"]
    found = {name: store.find_actors(name) for name in ("Chiamaka Eze", "Ruslan Abenov")}
    assert all(found.values()), found
    eze, abenov = (refs[0].id for refs in found.values())
    assert store.pair_weight(eze, abenov) >= 1
    assert max(store.batches) <= 20_000 + 8_000  # a write holds its characters, plus one part
    again = driver.ingest([path], store, progress=False, on_error=lines.append)
    assert (again.new, again.unchanged) == (0, n)  # the parts are the same articles again


def test_a_part_that_fails_costs_only_that_part(tmp_path, monkeypatch):
    from graph.pipeline import workers

    real = workers.extract

    def extract(article, doc):  # noqa: ANN001, ANN202 — one part's extraction fails
        if "Ruslan" in article.text:
            raise ValueError("a bug in a rule")
        return real(article, doc)

    monkeypatch.setattr(workers, "extract", extract)
    monkeypatch.setattr(chunks, "PART", 1_000)
    path = tmp_path / "report.txt"
    path.write_text(PARAGRAPH * 12 + TAIL + PARAGRAPH * 12, encoding="utf-8")
    lines: list[str] = []
    summary = driver.ingest([path], Store(tmp_path / "p.db"), progress=False,
                            on_error=lines.append)
    n = summary.new + summary.failed
    assert summary.failed == 1 and summary.new == n - 1 > 1
    assert len(lines) == 2 and lines[0].startswith("warning:")
    assert lines[1].startswith(f"error: {path} (part ") and f" of {n}): extraction failed" \
        in lines[1]


@pytest.mark.slow
def test_memory_for_a_long_text_is_bounded_by_its_parts_not_its_length(tmp_path):
    bench = _bench()
    model = str(bench.ruler_model(tmp_path / "ruler"))
    path = bench.write_text(tmp_path / "long.txt", 2)
    mb = path.stat().st_size / 1e6
    proc = subprocess.run([sys.executable, str(BENCH), "--child", str(path), "--db",
                           str(tmp_path / "long.db"), "--model", model, "--part", "100000"],
                          capture_output=True, text=True, check=True, timeout=1800)
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["new"] == len(cuts(path.read_text(encoding="utf-8"), 100_000))
    assert got["failed"] == 0
    # before parts (b9d97b2) the whole extraction was held: 163 MB here, ~81 MB per MB of
    # text; now the text, the reader's copies of it and a few parts' (measured 38 MB)
    assert got["rss_mb"] - got["before_mb"] < 30 * mb, got
