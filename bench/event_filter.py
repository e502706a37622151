"""Date-range filters with event dates: the dashboard's graph path on a large store, this
checkout against another (the code before a change), in the same run.

For each checkout, a worker process (that checkout's ``graph`` package on its path) builds or
reuses a store of N synthetic articles (``bench/synthetic.py`` of this checkout: typed
relations carry event dates in a wire-like mix, which code without event dates ignores),
loads the corpus once as the dashboard keeps it, and times ``build_graph`` as a view builds
it (``evidence=False``, top 60) over the same random filter states: date ranges of 1 to 300
days (most of the mix), the whole corpus, a relation kind, a few articles. The two checkouts
run alternately, twice each; each filter state keeps its best time. Reports p50/p95 in ms per
kind of filter and the ratio to the other checkout (the baseline).

``--write N`` also times the store's write path (``save_many`` and ``resolve`` of N synthetic
articles into a fresh store: what an ingest does after parsing), alternating the two
checkouts twice.

Usage: python bench/event_filter.py --before DIR [--articles 100000] [--runs 80]
           [--db-dir DIR] [--write N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def filters(runs: int, seed: int = 11) -> list[dict]:
    """The filter states, as plain values (both checkouts build their own GraphSlice)."""
    rng = random.Random(seed)
    out = []
    for _ in range(runs):
        x = rng.random()
        if x < 0.6:
            lo = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
            out.append({"what": "date range", "since": lo.isoformat(),
                        "until": (lo + timedelta(days=rng.choice([1, 7, 30, 90, 300])))
                        .isoformat()})
        elif x < 0.75:
            out.append({"what": "whole corpus"})
        elif x < 0.9:
            out.append({"what": "kind", "kinds": [rng.choice(["meet", "accuse", "visit"])]})
        else:
            out.append({"what": "articles",
                        "articles": [f"syn-{rng.randrange(1000)}" for _ in range(10)]})
    return out


WORKER = r"""
import json, sys, time
from datetime import date
sys.path.insert(0, sys.argv[1])  # this checkout's bench/ (the synthetic store)
from synthetic import synthetic_store
from graph.core.model import GraphSlice
from graph.slices.build import build_graph
from graph.slices.corpus import Corpus

store = synthetic_store(sys.argv[2], int(sys.argv[3]))
t0 = time.perf_counter()
corpus = Corpus.load(store)
load = time.perf_counter() - t0
plan = json.loads(sys.argv[4])
out = []
for f in plan * 2:  # the first pass warms caches (per-kind weights, the event index)
    sl = GraphSlice(since=date.fromisoformat(f["since"]) if "since" in f else None,
                    until=date.fromisoformat(f["until"]) if "until" in f else None,
                    kinds=tuple(f.get("kinds", ())), articles=tuple(f.get("articles", ())))
    t0 = time.perf_counter()
    G = build_graph(store, sl, corpus=corpus, top=60, evidence=False)
    out.append([f["what"], (time.perf_counter() - t0) * 1000, G.number_of_edges()])
print(json.dumps({"load_s": load, "times": out[len(plan):]}))
"""


WRITER = r"""
import sys, tempfile, os
sys.path.insert(0, sys.argv[1])
from synthetic import add_articles
from graph.store.store import Store
with tempfile.TemporaryDirectory() as d:
    print(add_articles(Store(os.path.join(d, "w.db")), 0, int(sys.argv[2])))
"""


def write_seconds(tree: Path, n: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", WRITER, str(ROOT / "bench"), str(n)], env=env,
                          capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def run(tree: Path, db: Path, n: int, plan: list[dict]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", WORKER, str(ROOT / "bench"), str(db), str(n),
                           json.dumps(plan)], env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr.strip().splitlines()[-1]}")
    for line in done.stdout.splitlines():
        if line.startswith("wrote"):
            print(f"  {tree.name}: {line}", flush=True)
    return json.loads(done.stdout.splitlines()[-1])


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", required=True, help="a checkout of the code to compare with")
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=80)
    p.add_argument("--db-dir", help="keep (and reuse) the two synthetic stores here")
    p.add_argument("--write", type=int, default=0, metavar="N",
                   help="also time writing N articles (before, after, before, after)")
    args = p.parse_args()
    trees = {"before": Path(args.before).resolve(), "after": ROOT}
    if args.write:
        took: dict[str, list[float]] = {"before": [], "after": []}
        for name in ("before", "after", "before", "after"):
            took[name].append(write_seconds(trees[name], args.write))
        b, a = min(took["before"]), min(took["after"])
        print(f"write path, {args.write:,} articles (best of 2): before {b:.1f} s "
              f"({args.write / b:,.0f}/s), after {a:.1f} s ({args.write / a:,.0f}/s), "
              f"ratio {a / b:.2f}x")
        if not args.runs:
            return
    where = Path(args.db_dir or tempfile.mkdtemp(prefix="relgraph-events-"))
    where.mkdir(parents=True, exist_ok=True)
    plan = filters(args.runs)
    started = time.perf_counter()
    results: dict[str, dict] = {}
    # before, after, before, after: each filter state's best of two, so a burst of load on a
    # shared machine falls on both sides alike
    for name in ("before", "after", "before", "after"):
        got = run(trees[name], where / f"{name}-{args.articles}.db", args.articles, plan)
        if name not in results:
            results[name] = got
            continue
        results[name]["load_s"] = min(results[name]["load_s"], got["load_s"])
        results[name]["times"] = [[w, min(t, t2), e] for (w, t, e), (_, t2, _) in zip(
            results[name]["times"], got["times"], strict=True)]
    print(f"{args.articles:,} articles, {args.runs} filter states, "
          f"{time.perf_counter() - started:.0f} s in all")
    print(f"corpus load: before {results['before']['load_s']:.1f} s, after "
          f"{results['after']['load_s']:.1f} s")
    print(f"{'filter':<14}{'n':>4}{'before p50':>12}{'p95':>8}{'after p50':>11}{'p95':>8}"
          f"{'p95 ratio':>11}")
    for what in ("date range", "whole corpus", "kind", "articles", "all"):
        row = {}
        for name in results:
            row[name] = [t for w, t, _ in results[name]["times"] if what in ("all", w)]
        if not row["before"]:
            continue
        b95, a95 = pct(row["before"], 0.95), pct(row["after"], 0.95)
        print(f"{what:<14}{len(row['before']):>4}{pct(row['before'], 0.5):>12.1f}{b95:>8.1f}"
              f"{pct(row['after'], 0.5):>11.1f}{a95:>8.1f}{a95 / b95:>10.2f}x")


if __name__ == "__main__":
    main()
