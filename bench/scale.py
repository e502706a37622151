"""A store at scale (100,000 articles every day, 1,000,000 as the target), built once into a
cache folder, then measured.

Build: the synthetic articles of ``bench/synthetic.py`` (3,000-actor cast, 20 sentences, ~66
relations each) written through the real write path (``Store.save_many``, one transaction per
batch) into ``CACHE/scale-N.db`` (SQLite) or the PostgreSQL database of ``--pg URL`` (default
``$RELGRAPH_TEST_POSTGRES`` when ``--pg`` is given without a value), then ``Store.resolve``.
Resumable: a build that is killed continues from the articles already stored (each batch is
a transaction; articles are numbered, so the next run writes the next ones), and resolution
runs whenever names were written since the last one.

Measures, with a baseline from the same run beside each:

* filter path p50 / p95 (the dashboard's filter states of ``bench/dashboard_view.py``, corpus
  in memory as a dashboard worker keeps it) against the same path re-reading the store;
* loading the corpus (once per worker process);
* the next view after 1,000 new articles are written and resolved (incremental refresh)
  against a full reload;
* the worker's RSS after all of it, against the process before loading the corpus;
* ``relgraph stats`` as a whole command against ``relgraph --help`` (process start-up);
* store size per article.

Usage: python bench/scale.py [--articles 100000] [--cache DIR] [--pg [URL]] [--build-only]
       [--runs 60] [--baseline-runs 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard_view import filter_path, rss_mb, time_filters, timed  # noqa: E402
from synthetic import article  # noqa: E402
from timing import percentile  # noqa: E402

from dashboard.transforms import Filters  # noqa: E402
from graph.slices.corpus import Corpus  # noqa: E402
from graph.store.store import Store  # noqa: E402

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "relgraph-bench"
BATCH = 500  # articles per write transaction
NEW = 1_000  # articles written before "the next view"


def build(store: Store, n: int) -> None:
    """Write synthetic articles until the store holds ``n`` (resuming), then resolve."""
    have = store.counts()["articles"]
    started, done = time.perf_counter(), 0
    for first in range(have, n, BATCH):
        items = [article(i) for i in range(first, min(first + BATCH, n))]
        store.save_many([(ex, f"syn-{ex.article.id}", "synthetic") for ex in items])
        done += len(items)
        if done % (20 * BATCH) == 0 or first + BATCH >= n:
            rate = done / (time.perf_counter() - started)
            print(f"built {first + len(items):,} / {n:,} articles ({rate:,.0f} articles/s; "
                  f"{(n - first - len(items)) / rate / 60:,.0f} min to go)", flush=True)
    if store.needs_resolution():
        t0 = time.perf_counter()
        store.resolve()
        print(f"resolved in {time.perf_counter() - t0:.1f} s", flush=True)


def command(args: list[str], db: str) -> float:
    """Seconds of one whole ``relgraph`` command (best of three)."""
    exe = [sys.executable, "-m", "graph.cli", *args] + (["--db", db] if db else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(exe, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t0)
    return min(times)


def measure(store: Store, db: str, n: int, runs: int, baseline_runs: int) -> None:
    before = rss_mb()
    source, load, cached, uncached = time_filters(store, runs, baseline_runs)
    t0 = time.perf_counter()
    for first in range(n, n + NEW, BATCH):  # the same ids each run: replaced, not added
        items = [article(i, seed=11) for i in range(first, first + BATCH)]
        store.save_many([(ex, f"new-{ex.article.id}", "synthetic") for ex in items])
    store.resolve()
    write = time.perf_counter() - t0
    after = timed(lambda: filter_path(source, Filters.of(top=60))) / 1000
    reload = timed(lambda: Corpus.load(store)) / 1000
    rss = rss_mb()
    stats = command(["stats"], db)
    start_up = command(["--help"], "")
    size = store.size_bytes()
    articles = store.counts()["articles"]
    print(f"\n{articles:,} articles ({'PostgreSQL' if db.startswith('postgres') else 'SQLite'})")
    print(f"{'measure':<46}{'value':>12}  baseline (same run)")
    print(f"{'filter path p50 / p95, corpus in memory':<46}"
          f"{statistics.median(cached):>5.0f} / {percentile(cached, .95):.0f} ms  "
          f"re-reading the store: {statistics.median(uncached):,.0f} / "
          f"{percentile(uncached, .95):,.0f} ms ({baseline_runs} states)")
    print(f"{'loading the corpus':<46}{load:>10.2f} s")
    print(f"{'write and resolve 1,000 new articles':<46}{write:>10.2f} s")
    print(f"{'next view after that ingest':<46}{after:>10.2f} s  full reload: {reload:.2f} s")
    print(f"{'worker RSS after all of it':<46}{rss:>9,.0f} MB  before the corpus: "
          f"{before:,.0f} MB")
    print(f"{'relgraph stats (whole command)':<46}{stats:>10.2f} s  relgraph --help: "
          f"{start_up:.2f} s")
    print(f"{'store size per article':<46}{size / articles / 1024:>9.1f} KB  "
          f"({size / 2**30:.2f} GiB)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--cache", type=Path, default=CACHE)
    p.add_argument("--pg", nargs="?", const=os.environ.get("RELGRAPH_TEST_POSTGRES", ""),
                   help="a PostgreSQL URL (default $RELGRAPH_TEST_POSTGRES)")
    p.add_argument("--build-only", action="store_true")
    p.add_argument("--runs", type=int, default=60)
    p.add_argument("--baseline-runs", type=int, default=2)
    args = p.parse_args()
    if args.pg == "":
        p.error("--pg needs a URL or $RELGRAPH_TEST_POSTGRES")
    args.cache.mkdir(parents=True, exist_ok=True)
    db = args.pg or str(args.cache / f"scale-{args.articles}.db")
    store = Store(db)
    build(store, args.articles)
    if not args.build_only:
        measure(store, db, args.articles, args.runs, args.baseline_runs)


if __name__ == "__main__":
    main()
