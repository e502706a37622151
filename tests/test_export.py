"""Data exports through the CLI: node-link JSON, GraphML, GEXF, CSV; filters and tables."""

import csv
import json

import networkx as nx
import pytest

from graph.cli import main


@pytest.fixture
def cli(seed_db, capsys):
    def run(*args):
        code = main([*args, "--db", str(seed_db)])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_json_is_node_link_with_plain_lists(cli, tmp_path):
    code, out, _ = cli("export", "-f", "json", "-o", str(tmp_path / "g.json"))
    data = json.loads((tmp_path / "g.json").read_text())
    assert code == 0 and set(data) >= {"nodes", "edges"}
    kim = next(n for n in data["nodes"] if n["id"] == "kim-jong-un")
    assert kim["label"] == "Kim Jong Un"
    assert isinstance(kim["aliases"], list) and isinstance(kim["articles"], list)
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} ==
                {"kim-jong-un", "vladimir-putin"})
    assert isinstance(edge["evidence"], list) and edge["evidence"][0]["sentence"]
    assert "wrote" in out


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_open_in_networkx(cli, tmp_path, fmt, reader):
    path = tmp_path / f"g.{fmt}"
    assert cli("export", "-f", fmt, "-o", str(path))[0] == 0
    G = reader(path)
    assert G.number_of_nodes() > 20 and G.number_of_edges() > 20
    labels = {d.get("label", n) for n, d in G.nodes(data=True)}
    assert "Kim Jong Un" in labels


def test_csv_writes_nodes_and_edges_with_filters(cli, tmp_path):
    code, *_ = cli("export", "-f", "csv", "-o", str(tmp_path / "s.csv"),
                   "--since", "2024-01-01", "--type", "person", "--type", "country")
    nodes = list(csv.DictReader((tmp_path / "s.nodes.csv").open()))
    edges = list(csv.DictReader((tmp_path / "s.edges.csv").open()))
    assert code == 0 and nodes and edges
    assert {n["type"] for n in nodes} <= {"person", "country"}
    labels = {n["label"] for n in nodes}
    assert "Kim Myong Sik" not in labels and "Kim Jong Un" in labels
    assert all(int(e["weight"]) >= 1 for e in edges)


def test_unknown_article_and_bad_dates_are_usage_errors(cli, tmp_path):
    code, _, err = cli("export", "-f", "json", "-o", str(tmp_path / "x.json"),
                       "--article", "nope")
    assert code == 2 and "unknown article id(s): nope" in err
    code, _, err = cli("export", "-f", "json", "-o", str(tmp_path / "x.json"),
                       "--since", "2024-05-01", "--until", "2024-01-01")
    assert code == 2 and "--since is after --until" in err


def test_misspelt_relation_kind_is_refused_and_a_real_one_filters(cli, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        cli("export", "-f", "json", "-o", str(tmp_path / "x.json"), "--kind", "meeet")
    assert exit_.value.code == 2 and not (tmp_path / "x.json").exists()
    code, *_ = cli("export", "-f", "json", "-o", str(tmp_path / "m.json"), "--kind", "meet")
    edges = json.loads((tmp_path / "m.json").read_text())["edges"]
    assert code == 0 and edges
    assert all({r["kind"] for r in e["relations"]} == {"meet"} for e in edges)


def test_actors_and_stats_tables(cli):
    code, out, _ = cli("actors", "--top", "5")
    assert code == 0 and "Kim Jong Un" in out and len(out.strip().splitlines()) == 7
    code, out, _ = cli("stats")
    assert code == 0 and "articles" in out and " 5" in out


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    code = main(["stats", "--db", str(tmp_path / "none.db")])
    assert code == 2 and "run 'relgraph ingest PATH' first" in capsys.readouterr().err
