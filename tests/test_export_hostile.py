"""Every data writer produces a file its own format's reader parses, whatever the strings
hold (issue 9): control characters, lone surrogates, XML specials, very long text; CSV cells
never start a spreadsheet formula."""

import csv
import io
import json
import zipfile

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.views.exports import to_bytes, write_graph

# Python's csv reader refuses fields over 128 KiB unless told; the long-string case needs more.
csv.field_size_limit(10_000_000)

HOSTILE = [
    "Ryom\x01Chol\x08Hun\x0e\x1f",  # C0 controls XML cannot hold
    "lone \ud800 surrogate \udfff",  # not encodable as UTF-8
    "CDATA end ]]> and <b>tag</b> & &amp; \"quotes\" 'single'",
    "x" * 200_000,  # very long
    "tab\tnew\nline\rcr",
    "\ufffe\uffff nonchars",
]
FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+1+2", "-3+4", "@SUM(A1)",
            "\tstarts with tab", "\rstarts with cr"]


def graph_with(names: list[str]) -> nx.Graph:
    G = nx.Graph(slice={"articles": ["a\x02"]}, articles=["a\x02"], path=[])
    for name in names:
        G.add_node(name, label=name, type="person", aliases=[name, "=alias"], articles=["a\x02"],
                   mentions=2, first_seen="2024-01-01", last_seen=None)
    for u, v in zip(names, names[1:], strict=False):
        G.add_edge(u, v, weight=1, articles=["a\x02"], kinds=["meet"], polarity="neutral",
                   relations=[{"kind": "meet", "source": u, "target": v, "count": 1,
                               "polarity": "neutral"}], directed=True, source=u, target=v,
                   evidence=[{"article": "a\x02", "sentence": f"{u} met {v}", "kinds": ["meet"]}])
    return G


def parse(fmt: str, data: bytes) -> tuple[list[str], int]:
    """(node labels, edge count) read back with the format's own reader."""
    if fmt == "json":
        d = json.loads(data.decode("utf-8"))
        return [n["label"] for n in d["nodes"]], len(d["edges"])
    if fmt in ("graphml", "gexf"):
        H = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
        return [d["label"] for _, d in H.nodes(data=True)], H.number_of_edges()
    z = zipfile.ZipFile(io.BytesIO(data))
    nodes = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode("utf-8"), newline="")))
    edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode("utf-8"), newline="")))
    return [n["label"] for n in nodes], len(edges)


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "csv"])
def test_hostile_strings_parse_back(fmt):
    G = graph_with(HOSTILE)
    labels, n_edges = parse(fmt, to_bytes(G, fmt))
    assert len(labels) == len(HOSTILE) and n_edges == len(HOSTILE) - 1
    text = " ".join(labels)
    assert "CDATA end ]]> and <b>tag</b> & &amp; \"quotes\" 'single'" in text  # kept as text
    assert "x" * 200_000 in text
    ryom = next(label for label in labels if label.startswith("Ryom"))
    assert "".join(c for c in ryom if c.isalpha()) == "RyomCholHun"  # controls gone or escaped


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_ids_that_clean_to_the_same_text_stay_distinct(fmt):
    G = graph_with(["A\x01", "A\x02", "B"])
    labels, n_edges = parse(fmt, to_bytes(G, fmt))
    assert len(labels) == 3 and n_edges == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(st.characters(codec=None, exclude_categories=()), max_size=30),
                min_size=2, max_size=5, unique=True))
def test_any_text_gives_readable_files(names):
    G = graph_with(names)
    for fmt in ("json", "graphml", "gexf", "csv"):
        labels, n_edges = parse(fmt, to_bytes(G, fmt))
        assert len(labels) == len(names) and n_edges == len(names) - 1, fmt


def test_csv_cells_never_start_a_formula(tmp_path):
    G = graph_with(FORMULAS)
    write_graph(G, "csv", tmp_path / "out.csv")
    for table in ("nodes", "edges"):
        with (tmp_path / f"out.{table}.csv").open(newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    with (tmp_path / "out.nodes.csv").open(newline="", encoding="utf-8") as fh:
        labels = [r["label"] for r in csv.DictReader(fh)]
    assert labels == ["'" + f for f in FORMULAS]  # the text is kept, shown as text


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_other_formats_keep_formula_like_text(fmt):
    labels, _ = parse(fmt, to_bytes(graph_with(FORMULAS[:4]), fmt))
    assert sorted(labels) == sorted(FORMULAS[:4])
