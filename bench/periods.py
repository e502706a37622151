"""The network over time: what small multiples (2, 4, 6 periods) and a "what changed" image
cost against the single briefing image of the same store, in the same run and process.

Each step is timed from the store to the figure (the views read, positions, names, legend)
and then rendered once as SVG with the renderer already warm; the ratio is against the
single image's same step. The periods split the store's article dates evenly.

Usage: python bench/periods.py [--db PATH] [--articles N] [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_store  # noqa: E402

from graph.core.choices import DEFAULT_SIZE, DEFAULT_TOP  # noqa: E402
from graph.core.model import GraphSlice  # noqa: E402
from graph.views.image import figure, figure_bytes  # noqa: E402
from graph.views.periods import (  # noqa: E402
    compare_figure,
    compare_view,
    parse_periods,
    per_panel,
    period_graphs,
    periods_figure,
)
from graph.views.rules import view_graph  # noqa: E402


def median(times: list[float]) -> float:
    return sorted(times)[len(times) // 2]


def timed(step: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - t0)
    return median(times), result


def split(first: date, last: date, n: int) -> str:
    """``n`` periods of whole days covering first … last, as --periods takes them."""
    span = (last - first).days + 1
    edges = [first.toordinal() + span * k // n for k in range(n + 1)]
    return ",".join(f"{date.fromordinal(a)}:{date.fromordinal(b - 1)}"
                    for a, b in zip(edges, edges[1:], strict=False))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default="/tmp/relgraph-bench/synthetic-2000.db")
    p.add_argument("--articles", type=int, default=2_000)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    store = synthetic_store(Path(args.db), args.articles)
    days = sorted(a["date"] for a in store.articles() if a.get("date"))
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    w, h = DEFAULT_SIZE
    sl = GraphSlice()
    rows: list[tuple[str, float, float]] = []

    def single() -> dict:
        return figure(view_graph(store, sl, top=DEFAULT_TOP), width=w, height=h)

    def multiples(n: int) -> Callable[[], dict]:
        periods = parse_periods(split(first, last, n))

        def step() -> dict:
            graphs = period_graphs(store, sl, periods, per_panel(w, h, None, n))
            return periods_figure(graphs, periods, width=w, height=h)
        return step

    def changed() -> dict:
        a, b = parse_periods(split(first, last, 2))
        return compare_figure(compare_view(store, sl, a, b, DEFAULT_TOP), width=w, height=h)

    steps = [("single image (baseline)", single), ("small multiples, 2 periods", multiples(2)),
             ("small multiples, 4 periods", multiples(4)),
             ("small multiples, 6 periods", multiples(6)), ("what changed, 2 halves", changed)]
    figure_bytes(single(), "svg")  # fonts and caches loaded before any timing
    for name, step in steps:
        build, fig = timed(step, args.runs)
        render, _ = timed(lambda f=fig: figure_bytes(f, "svg"), args.runs)
        rows.append((name, build, render))
    print(f"store: {len(days):,} dated articles, {first} – {last}")
    base_b, base_r = rows[0][1], rows[0][2]
    print(f"{'median of ' + str(args.runs):<30}{'figure s':>10}{'ratio':>7}{'svg s':>8}"
          f"{'ratio':>7}")
    for name, build, render in rows:
        print(f"{name:<30}{build:>10.2f}{build / base_b:>7.2f}{render:>8.2f}"
              f"{render / base_r:>7.2f}")


if __name__ == "__main__":
    main()
