"""A view's fixed layout depends only on its graph: not on the process's string hashing
(``PYTHONHASHSEED``), so every dashboard worker, the image export and a later run draw the
same view the same way. The force layout (``graph/views/force.py``) is checked against the
pull and push it models: linked actors end nearer than unlinked ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx

from graph.views.positions import positions

ROOT = Path(__file__).resolve().parent.parent

# Three parts: the smaller two under half of the graph's actors (a subgraph view of such a
# part iterates a set of its actors, whose order follows string hashing).
SCRIPT = """
import json, sys
import networkx as nx
from graph.views.positions import positions
G = nx.Graph()
G.add_edges_from([("haruto-mizune", "lin-qiaoyu"), ("lin-qiaoyu", "tran-bao-chau"),
                  ("tran-bao-chau", "haruto-mizune"), ("tran-bao-chau", "amara-okonkwo")])
G.add_edges_from([("farid-al-nouri", "olga-semyonova"), ("olga-semyonova", "rafael-quintas"),
                  ("rafael-quintas", "priya-venkataraman"), ("farid-al-nouri", "rafael-quintas")])
G.add_edges_from([(f"bureau-{i}", f"bureau-{(i + s) % 14}") for i in range(14)
                  for s in (1, 3)])
print(json.dumps(sorted(positions(G, "spring").items())))
"""


def _laid_out(hashseed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": hashseed, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)


def test_positions_do_not_depend_on_string_hashing():
    first = _laid_out("1")
    assert len(first) == 4 + 4 + 14
    for seed in ("2", "3", "4"):
        assert _laid_out(seed) == first, seed


def test_linked_actors_end_nearer_than_unlinked_ones():
    G = nx.cycle_graph([f"actor-{i:02d}" for i in range(24)])
    pos = positions(G, "spring", 1000, 700)

    def dist(u: str, v: str) -> float:
        (x1, y1), (x2, y2) = pos[u], pos[v]
        return ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5

    nodes = sorted(G)
    linked = [dist(u, v) for u, v in G.edges]
    apart = [
        dist(u, v) for i, u in enumerate(nodes) for v in nodes[i + 1 :] if not G.has_edge(u, v)
    ]
    assert max(linked) < sorted(apart)[len(apart) // 2]
    assert positions(G, "spring", 1000, 700) == pos
