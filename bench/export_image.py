"""Briefing-image speed: the seed graph and a 500-actor graph in PNG, SVG and PDF.

Baseline, in the same run: plotly's plain ``to_image`` of the same figure in a fresh process
(kaleido starts a browser per image). relgraph draws in process with matplotlib
(``graph/views/draw.py``) and needs no browser; kaleido is no longer a dependency, so the baseline
runs only where it is installed (``pip install kaleido``) and is skipped, and said so, elsewhere.

Whole command: ``relgraph export -f png`` from start-up to written file (median of 3), with
``--before PATH`` also another checkout's command (e.g. main) in the same run; baseline: the
interpreter starting and exiting (``python -c pass``).

Usage: python bench/export_image.py [--before /work/main] [--whole-only]
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from graph.core.model import ACTOR_TYPES, POLARITIES  # noqa: E402
from graph.pipeline.driver import ingest  # noqa: E402
from graph.slices.build import build_graph  # noqa: E402
from graph.store.store import Store  # noqa: E402
from graph.views.image import figure, image_bytes  # noqa: E402


def big_graph(n: int = 500) -> nx.Graph:
    """A scale-free graph with the contract's attributes (what a large slice looks like)."""
    rng = random.Random(3)
    base = nx.powerlaw_cluster_graph(n, 3, 0.3, seed=3)
    G = nx.Graph()
    for v in base:
        G.add_node(f"Actor {v}", label=f"Actor {v}", type=rng.choice(ACTOR_TYPES),
                   mentions=1 + base.degree(v) * rng.randint(1, 4), aliases=[], articles=[])
    for u, v in base.edges:
        directed = rng.random() < 0.2
        G.add_edge(f"Actor {u}", f"Actor {v}", weight=rng.randint(1, 12),
                   polarity=rng.choice(POLARITIES), directed=directed, source=f"Actor {u}",
                   target=f"Actor {v}", kinds=["co-occurrence"], relations=[])
    return G


BASELINE = """
import sys, time, pickle, plotly.io as pio
fig = pickle.load(open(sys.argv[1], "rb"))
t = time.perf_counter()
pio.to_image(fig, format=sys.argv[2], width=1600, height=1000)
print(time.perf_counter() - t)
"""


def plotly_baseline(fig_path: Path, fmt: str) -> float | None:
    """Seconds plotly's ``to_image`` takes for the pickled figure, or None without kaleido or
    when plotly rejects the figure (relgraph's figure dict is no longer plotly's alone)."""
    if importlib.util.find_spec("kaleido") is None:
        return None
    out = subprocess.run([sys.executable, "-c", BASELINE, str(fig_path), fmt],
                         capture_output=True, text=True)
    if out.returncode:  # the figure dict carries settings only relgraph's drawing reads
        return None
    return float(out.stdout.strip().splitlines()[-1])


def whole_command(db: Path, out: Path, checkout: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from graph.cli.main import main; "
                        "sys.exit(main())", "export", "--db", str(db), "-f", "png", "-o",
                        str(out)], cwd=checkout, env={"PYTHONPATH": str(checkout),
                                                       "PATH": "/usr/bin:/bin"},
                       check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def bench_whole(tmp: Path, before: str | None) -> None:
    db = tmp / "whole.db"
    ingest([ROOT / "seeds"], Store(db), progress=False)
    t0 = time.perf_counter()
    for _ in range(3):
        subprocess.run([sys.executable, "-c", "pass"], check=True)
    start = (time.perf_counter() - t0) / 3
    rows = [("python -c pass (baseline)", start)]
    if before:
        rows.append((f"relgraph export -f png, {before} (before)",
                     whole_command(db, tmp / "before.png", Path(before))))
    rows.append(("relgraph export -f png, this checkout", whole_command(db, tmp / "a.png",
                                                                         ROOT)))
    print(f"{'whole command (seeds, png)':<52}{'median s':>9}")
    for name, value in rows:
        print(f"{name:<52}{value:>9.2f}")


def main() -> None:
    import argparse
    import pickle

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", help="another checkout whose CLI to time in this run")
    p.add_argument("--whole-only", action="store_true", help="only the whole-command timing")
    args = p.parse_args()
    if args.whole_only:
        with tempfile.TemporaryDirectory() as tmp:
            bench_whole(Path(tmp), args.before)
        return

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "seeds.db")
        ingest([ROOT / "seeds"], store, progress=False)
        graphs = {"seed graph": build_graph(store, evidence=False), "500 actors": big_graph()}
        print(f"{'graph':<12}{'format':<8}{'baseline s':>11}{'first s':>9}{'warm s':>8}"
              f"{'warm/baseline':>15}")
        first = True
        for name, G in graphs.items():
            fig_path = Path(tmp) / "fig.pkl"
            fig_path.write_bytes(pickle.dumps(figure(G)))
            for fmt in ("png", "svg", "pdf"):
                baseline = plotly_baseline(fig_path, fmt)
                t0 = time.perf_counter()
                image_bytes(G, fmt)
                cold = time.perf_counter() - t0
                warm = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    image_bytes(G, fmt)
                    warm.append(time.perf_counter() - t0)
                best = sorted(warm)[1]
                label = f"{cold:.2f}" + ("*" if first else "")
                ratio = f"{best / baseline:.2f}" if baseline else "-"
                shown = f"{baseline:.2f}" if baseline else "-"
                print(f"{name:<12}{fmt:<8}{shown:>11}{label:>9}{best:>8.2f}{ratio:>15}")
                first = False
        print("* the first drawing in the process (matplotlib's fonts loaded)")
        if importlib.util.find_spec("kaleido") is None:
            print("baseline skipped: kaleido is not installed (pip install kaleido)")
        else:
            print("baseline '-': plotly rejects the figure (it has settings only relgraph reads)")
        bench_whole(Path(tmp), args.before)


if __name__ == "__main__":
    main()
