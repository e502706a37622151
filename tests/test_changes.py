""""What changed" between two periods (``relgraph export --compare``): links classed new,
stronger, weaker, gone or unchanged, by a pure function and on a store ingested with the
real pipeline; the image colours them and its legend counts them."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from period_corpus import build
from svg_boxes import font_sizes, overlaps, page_width

from graph.cli.main import main
from graph.core.choices import LINK_CHANGES
from graph.core.model import GraphSlice
from graph.slices.build import build_graph
from graph.store.store import Store
from graph.views import style
from graph.views.changes import change_counts, link_changes
from graph.views.periods import parse_periods

HALVES = "2024-01:2024-06,2024-07:2024-12"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("changes") / "c.db"
    build(path)
    return path


def _graph(*edges: tuple[str, str, int]) -> nx.Graph:
    G: nx.Graph = nx.Graph()
    G.add_weighted_edges_from(edges)
    return G


def test_each_change_class_from_two_graphs():
    before = _graph(("a", "b", 3), ("a", "c", 1), ("b", "c", 2), ("c", "d", 4))
    after = _graph(("b", "a", 1), ("a", "c", 5), ("b", "c", 2), ("d", "e", 1))
    got = link_changes(before, after)
    assert got == {frozenset("ab"): "weaker", frozenset("ac"): "stronger",
                   frozenset("bc"): "unchanged", frozenset("cd"): "gone",
                   frozenset("de"): "new"}
    assert change_counts(got) == {"new": 1, "stronger": 1, "weaker": 1, "gone": 1,
                                  "unchanged": 1}
    assert list(change_counts({})) == list(LINK_CHANGES)
    assert link_changes(after, before)[frozenset("de")] == "gone"  # the other way round


def test_change_classes_on_an_ingested_store(db):
    store = Store(db)
    first, second = parse_periods(HALVES)
    before, after = (build_graph(store, GraphSlice(since=p.since, until=p.until))
                     for p in (first, second))
    label = {**{v: d["label"] for v, d in before.nodes(data=True)},
             **{v: d["label"] for v, d in after.nodes(data=True)}}
    named = {frozenset(label[v] for v in pair): change
             for pair, change in link_changes(before, after).items()}
    assert named[frozenset(("Mara Velund", "Tovan Reik"))] == "weaker"  # two reports → one
    assert named[frozenset(("Mara Velund", "Edvin Dorsan"))] == "gone"
    assert named[frozenset(("Ilse Brandtner", "Tovan Reik"))] == "gone"
    assert named[frozenset(("Ilse Brandtner", "Jonas Okafor"))] == "new"
    assert named[frozenset(("Tovan Reik", "Edvin Dorsan"))] == "new"


def test_cli_draws_what_changed_with_a_legend_per_class(db, tmp_path, capsys):
    out = tmp_path / "changed.svg"
    assert main(["export", "--db", str(db), "-f", "svg", "--compare", HALVES,
                 "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "links 4 new, 0 stronger, 1 weaker, 5 gone, 0 unchanged" in said
    svg = out.read_bytes()
    texts = [t for t, _ in font_sizes(svg)]
    for entry in ("New link (4)", "Stronger link (0)", "Weaker link (1)", "Gone link (5)",
                  "Unchanged link (0)"):
        assert texts.count(entry) == 1, entry
    caption = " ".join(texts)
    assert "2024-01 – 2024-06 → 2024-07 – 2024-12 · 4 new · 0 stronger · 1 weaker · " \
           "5 gone · 0 unchanged · 10 links in all" in caption
    assert "relgraph: what changed" in texts
    text = svg.decode()
    for change in ("new", "weaker", "gone"):  # drawn in the plot, not only in the legend
        assert text.count(f"stroke: {style.CHANGE_COLORS[change].lower()}") >= 2, change
    width = page_width(svg)
    for t, px in font_sizes(svg):
        assert px * 13.333 * 72 / width >= 11.95, t
    assert overlaps(svg) == []


@pytest.mark.parametrize(("args", "says"), [
    (["--compare", "2024"], "--compare needs 2 periods separated by commas (got 1)"),
    (["--compare", "2022,2023,2024"], "--compare needs 2 periods"),
    (["--compare", "2024-01:2023-01,2024"], "bad period '2024-01:2023-01': it ends before"),
    (["--compare", HALVES, "--periods", HALVES], "the other of --periods/--compare"),
    (["--compare", HALVES, "--until", "2024-05-01"], "leave out --since/--until"),
])
def test_bad_compare_is_one_clear_line(db, tmp_path, capsys, args, says):
    out = tmp_path / "x.png"
    assert main(["export", "--db", str(db), "-f", "png", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and says in err, err
    assert not out.exists()
