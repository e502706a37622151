"""Dashboard speed: the server-side filter path at 10,000 articles, and page load in Chromium.

1. Builds a store of N synthetic articles (Extractions written straight to the store: a
   Zipf-like cast of 3,000 actors, 20 sentences per article, typed relations on some) unless
   the database already exists.
2. Times the filter callback path (filters → graph slice → cytoscape elements, summary,
   timeline, actor table) over random filter states, with the corpus cached per store revision
   as the dashboard does; baseline: the same path re-reading the store every time.
3. Times page load to first rendered graph in headless Chromium for the seed articles, against
   a baseline of a bare Dash page on the same server.

Usage: python bench/dashboard.py [--articles 10000] [--runs 60] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.source import Source  # noqa: E402
from dashboard.transforms import (  # noqa: E402
    Filters,
    actor_rows,
    elements,
    summary,
    timeline_figure,
)
from graph.build import build_graph  # noqa: E402
from graph.ingest import ingest, reresolve  # noqa: E402
from graph.model import Article, Extraction, Mention, Relation, Sentence  # noqa: E402
from graph.store import Store  # noqa: E402

KINDS = [("meet", "cooperative"), ("visit", "neutral"), ("accuse", "hostile"),
         ("supply", "cooperative"), ("criticise", "hostile")]


def synthetic_store(path: Path, n: int) -> Store:
    store = Store(path)
    if store.counts()["articles"] >= n:
        return store
    rng = random.Random(7)
    cast = ([(f"Person {i}", "person") for i in range(2000)]
            + [(f"Org {i}", "organisation") for i in range(700)]
            + [(f"Country {i}", "place") for i in range(300)])
    weights = [1 / (i + 1) ** 0.9 for i in range(len(cast))]
    start = date(2020, 1, 1)
    for i in range(n):
        people = list({c for c in rng.choices(cast, weights, k=12)})
        sents, ments, rels = [], [], []
        for j in range(20):
            text = f"Sentence {j} of synthetic article {i}."
            sents.append(Sentence(j, j * 60, j * 60 + len(text), text))
            here = rng.sample(people, min(3, len(people)))
            for name, kind in here:
                ments.append(Mention(j, j * 60, j * 60 + 8, name, name, kind, "PERSON"))
            for x in range(len(here)):
                for y in range(x + 1, len(here)):
                    a, b = sorted((here[x][0], here[y][0]))
                    rels.append(Relation(j, a, b, "co-occurrence"))
            if len(here) > 1 and rng.random() < 0.3:
                kind, pol = rng.choice(KINDS)
                rels.append(Relation(j, here[0][0], here[1][0], kind, pol, True, kind))
        day = start + timedelta(days=rng.randrange(1500)) if rng.random() > 0.05 else None
        art = Article(f"syn-{i}", "word " * 400, f"Synthetic article {i}", day, "Bench Wire")
        store.save(Extraction(art, sents, ments, rels), f"syn-{i}")
    reresolve(store)
    return store


def random_filters(rng: random.Random, ids: list[str]) -> Filters:
    choice = rng.random()
    if choice < 0.25:
        return Filters(top=rng.choice([40, 60, 100]))
    if choice < 0.5:
        lo = date(2020, 1, 1) + timedelta(days=rng.randrange(1200))
        return Filters(since=lo.isoformat(), until=(lo + timedelta(days=rng.randrange(30, 300)))
                       .isoformat(), top=60)
    if choice < 0.7:
        return Filters(articles=tuple(rng.sample(ids, rng.randint(1, 20))), top=60)
    if choice < 0.85:
        return Filters(types=("person",), min_weight=rng.randint(1, 5), top=60,
                       hide_isolated=True)
    return Filters(kinds=(rng.choice(KINDS)[0],), top=60)


def filter_path(source: Source, f: Filters) -> int:
    G = source.graph(f)
    els = elements(G, f.layout)
    summary(G)
    timeline_figure(source.articles(), G)
    actor_rows(G)
    return len(els)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def bench_filters(store: Store, runs: int) -> None:
    source = Source(store)
    t0 = time.perf_counter()
    source.corpus()
    load = time.perf_counter() - t0
    ids = [a["id"] for a in source.articles()]
    rng = random.Random(1)
    states = [random_filters(rng, ids) for _ in range(runs)]
    filter_path(source, states[0])  # warm the corpus's derived indexes
    cached = []
    for f in states:
        t0 = time.perf_counter()
        filter_path(source, f)
        cached.append((time.perf_counter() - t0) * 1000)
    uncached = []
    for f in states[:5]:
        t0 = time.perf_counter()
        filter_path(Source(store), f)
        uncached.append((time.perf_counter() - t0) * 1000)
    c = store.counts()
    print(f"store: {c['articles']:,} articles, {c['actors']:,} actors, "
          f"{c['relations']:,} relations; corpus load {load:.2f} s (once per store revision)")
    print(f"{'filter path (ms)':<40}{'p50':>8}{'p95':>8}{'max':>8}")
    print(f"{'uncached: re-read store (baseline, 5 runs)':<40}"
          f"{statistics.median(uncached):>8.0f}{percentile(uncached, .95):>8.0f}"
          f"{max(uncached):>8.0f}")
    print(f"{'cached corpus (' + str(runs) + ' runs)':<40}{statistics.median(cached):>8.0f}"
          f"{percentile(cached, .95):>8.0f}{max(cached):>8.0f}")
    print(f"p95 ratio cached/uncached: {percentile(cached, .95) / percentile(uncached, .95):.3f}"
          f"  (target p95 <= 150 ms)")


def bench_page_load(tmp: Path) -> None:
    from dash import Dash, html
    from selenium import webdriver
    from werkzeug.serving import make_server

    from dashboard import create_app

    store = Store(tmp / "seeds.db")
    ingest([ROOT / "seeds"], store, progress=False)
    expected = build_graph(store, top=60, evidence=False).number_of_nodes()
    bare = Dash(__name__)
    bare.layout = html.Div("ready", id="ready")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver")  # Debian's driver; no download attempts
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1400,1000"):
        opts.add_argument(flag)
    results = {}
    for name, app, ready in (
            ("bare Dash page (baseline)", bare,
             "return !!document.getElementById('ready')"),
            ("relgraph dashboard, seeds", create_app(store),
             f"var g = document.getElementById('graph'); return !!(g && g._cyreg && "
             f"g._cyreg.cy.nodes().length === {expected})")):
        server = make_server("127.0.0.1", 0, app.server, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/"
        times = []
        for _ in range(5):
            driver = webdriver.Chrome(options=opts, service=service)
            try:
                t0 = time.perf_counter()
                driver.get(url)
                while not driver.execute_script(ready):
                    if time.perf_counter() - t0 > 30:
                        raise RuntimeError(f"{name}: not rendered after 30 s")
                    time.sleep(0.01)
                times.append(time.perf_counter() - t0)
            finally:
                driver.quit()
        server.shutdown()
        results[name] = statistics.median(times)
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
        bench_filters(store, args.runs)
        if not args.skip_browser:
            bench_page_load(Path(tmp))


if __name__ == "__main__":
    main()
