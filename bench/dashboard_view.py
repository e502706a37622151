"""Dashboard speed at scale: the filter path, refresh after an ingest or a decision, memory.

1. Builds (or reuses) a store of N synthetic articles through the real write path
   (``bench/synthetic.py``: names interned, aggregates written, actors resolved).
2. Times the filter callback path (filters → graph slice → cytoscape elements, summary,
   timeline, actor table) over random filter states with the corpus kept in memory as the
   dashboard does; baseline: the same path reading the store from scratch every time.
3. Times the next view after 100 new articles are written and resolved (an incremental
   refresh, not a reload), and after a curation decision (a merge), and the decision itself.
4. Reports the process's resident memory and, unless --skip-browser, the page load to first
   rendered graph in headless Chromium for the seed articles, against a bare Dash page.

Usage: python bench/dashboard_view.py [--articles 10000] [--runs 60] [--db PATH] [--skip-browser]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dash import Dash, html  # noqa: E402
from page import load_time, serve  # noqa: E402
from synthetic import KINDS, add_articles, synthetic_store  # noqa: E402
from timing import percentile  # noqa: E402

from dashboard import create_app  # noqa: E402
from dashboard.transforms import (  # noqa: E402
    Filters,
    actor_rows,
    elements,
    summary,
    timeline_figure,
)
from dashboard.viewdata import ViewData  # noqa: E402
from graph.curation.decisions import merge, undo  # noqa: E402
from graph.pipeline.driver import ingest  # noqa: E402
from graph.slices.build import build_graph  # noqa: E402
from graph.slices.corpus import Corpus  # noqa: E402
from graph.store.store import Store  # noqa: E402


def random_filters(rng: random.Random, ids: list[str]) -> Filters:
    choice = rng.random()
    if choice < 0.25:
        return Filters.of(top=rng.choice([40, 60, 100]))
    if choice < 0.5:
        lo = date(2020, 1, 1) + timedelta(days=rng.randrange(1200))
        return Filters.of(since=lo.isoformat(), until=(lo + timedelta(days=rng.randrange(30, 300)))
                       .isoformat(), top=60)
    if choice < 0.7:
        return Filters.of(articles=tuple(rng.sample(ids, rng.randint(1, 20))), top=60)
    if choice < 0.85:
        return Filters.of(types=("person",), min_weight=rng.randint(1, 5), top=60,
                       hide_isolated=True)
    return Filters.of(kinds=(rng.choice(KINDS)[0],), top=60)


def filter_path(source: ViewData, f: Filters) -> int:
    G = source.graph(f)
    els = elements(G, f.layout)
    summary(G)
    timeline_figure(source.articles(), G)
    actor_rows(G)
    return len(els)


def rss_mb() -> float:
    import psutil  # a test dependency, not one of relgraph's: only this measure needs it

    return psutil.Process().memory_info().rss / 2**20


def timed(fn) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def time_filters(store: Store, runs: int, baseline_runs: int = 3,
                 ) -> tuple[ViewData, float, list[float], list[float]]:
    """Load the corpus as a dashboard worker does, then time the filter path (ms) over
    ``runs`` random filter states with the corpus in memory, and over the first
    ``baseline_runs`` of them re-reading the store each time (the baseline). Returns the
    :class:`ViewData` (later measures reuse its corpus), the load time (s) and both timings."""
    source = ViewData(store)
    t0 = time.perf_counter()
    source.corpus()
    load = time.perf_counter() - t0
    ids = [a["id"] for a in source.articles()]
    rng = random.Random(1)
    states = [random_filters(rng, ids) for _ in range(runs)]
    filter_path(source, states[0])  # warm the corpus's derived arrays, as a first view does
    cached = [timed(lambda f=f: filter_path(source, f)) for f in states]
    uncached = [timed(lambda f=f: filter_path(ViewData(store), f))
                for f in states[:baseline_runs]]
    return source, load, cached, uncached


def bench_filters(store: Store, runs: int, first_new: int) -> None:
    source, load, cached, uncached = time_filters(store, runs)
    c = store.counts()
    print(f"store: {c['articles']:,} articles, {c['actors']:,} actors, "
          f"{c['relations']:,} relations; corpus load {load:.2f} s (once per process)")
    print(f"{'filter path (ms)':<44}{'p50':>8}{'p95':>8}{'max':>8}")
    print(f"{'re-read the store each time (baseline, 3)':<44}"
          f"{statistics.median(uncached):>8.0f}{percentile(uncached, .95):>8.0f}"
          f"{max(uncached):>8.0f}")
    print(f"{'corpus in memory (' + str(runs) + ' runs)':<44}{statistics.median(cached):>8.0f}"
          f"{percentile(cached, .95):>8.0f}{max(cached):>8.0f}")
    print(f"p95 ratio: {percentile(cached, .95) / percentile(uncached, .95):.3f} "
          f"(target p95 <= 150 ms)")

    write = add_articles(store, first_new, 100)  # the same 100 ids each run: replaced
    after_ingest = timed(lambda: filter_path(source, Filters.of(top=60)))
    view = store.actor_table()[:12]
    t0 = time.perf_counter()
    merge(store, [view[11]["id"]], view[10]["id"], "bench")
    decision = (time.perf_counter() - t0) * 1000
    after_decision = timed(lambda: filter_path(source, Filters.of(top=60)))
    undo(store, "bench")
    reload = timed(lambda: Corpus.load(store))
    print(f"{'after a change':<44}{'ms':>8}")
    print(f"{'write + resolve 100 new articles':<44}{write * 1000:>8.0f}")
    print(f"{'next view after that ingest (refresh)':<44}{after_ingest:>8.0f}  "
          f"(full reload instead: {reload:.0f} ms; target <= 2,000)")
    print(f"{'one curation decision (merge)':<44}{decision:>8.0f}")
    print(f"{'next view after the decision':<44}{after_decision:>8.0f}")
    print(f"process RSS after all of it: {rss_mb():,.0f} MB (target <= 1,536 MB)")


def bench_page_load(tmp: Path) -> None:
    """Page load to the first rendered graph (bench/page.py measures more of the page)."""
    store = Store(tmp / "seeds.db")
    ingest([ROOT / "seeds"], store, progress=False)
    expected = build_graph(store, top=60, evidence=False).number_of_nodes()
    bare = Dash(__name__)
    bare.layout = html.Div("ready", id="ready")
    results = {}
    for name, app, ready in (
            ("bare Dash page (baseline)", bare,
             "return !!document.getElementById('ready')"),
            ("relgraph dashboard, seeds", create_app(store),
             f"var g = document.getElementById('graph'); return !!(g && g._cyreg && "
             f"g._cyreg.cy.nodes().length === {expected})")):
        url, server = serve(app)
        results[name] = load_time(url, ready)
        server.shutdown()
    base = results["bare Dash page (baseline)"]
    print(f"{'page load to first rendered graph':<40}{'median s':>10}{'ratio':>8}")
    for name, value in results.items():
        print(f"{name:<40}{value:>10.2f}{value / base:>8.2f}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=60)
    p.add_argument("--db", help="reuse (or create) the synthetic store here")
    p.add_argument("--skip-browser", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "synthetic.db"
        t0 = time.perf_counter()
        store = synthetic_store(db, args.articles)
        print(f"synthetic store ready in {time.perf_counter() - t0:.1f} s")
        bench_filters(store, args.runs, args.articles)
        if not args.skip_browser:
            bench_page_load(Path(tmp))


if __name__ == "__main__":
    main()
