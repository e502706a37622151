"""Data exports through the CLI: node-link JSON, GraphML, GEXF, CSV; filters and tables."""

import csv
import io
import json

import networkx as nx
import pytest
from seed_cast import label, leaders, namesake

from graph.cli.main import main


@pytest.fixture
def cli(seed_db, capsys):
    def run(*args):
        code = main([*args, "--db", str(seed_db)])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


@pytest.mark.slow
def test_json_is_node_link_with_plain_lists(cli, tmp_path, seed_graph):
    code, out, _ = cli("export", "-f", "json", "-o", str(tmp_path / "g.json"))
    data = json.loads((tmp_path / "g.json").read_text())
    assert code == 0 and set(data) >= {"nodes", "edges"}
    lead, partner = leaders(seed_graph)
    node = next(n for n in data["nodes"] if n["id"] == lead)
    assert node["label"] == label(seed_graph, lead)
    assert isinstance(node["aliases"], list) and isinstance(node["articles"], list)
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} == {lead, partner})
    assert isinstance(edge["evidence"], list) and edge["evidence"][0]["sentence"]
    assert "wrote" in out


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
@pytest.mark.slow
def test_graphml_and_gexf_open_in_networkx(cli, tmp_path, fmt, reader, seed_graph):
    path = tmp_path / f"g.{fmt}"
    assert cli("export", "-f", fmt, "-o", str(path))[0] == 0
    G = reader(path)
    assert G.number_of_nodes() > 20 and G.number_of_edges() > 20
    labels = {d.get("label", n) for n, d in G.nodes(data=True)}
    assert label(seed_graph, leaders(seed_graph)[0]) in labels


@pytest.mark.slow
def test_csv_writes_nodes_and_edges_with_filters(cli, tmp_path, seed_graph):
    code, *_ = cli("export", "-f", "csv", "-o", str(tmp_path / "s.csv"),
                   "--since", "2024-01-01", "--type", "person", "--type", "country")
    nodes = list(csv.DictReader((tmp_path / "s.nodes.csv").open()))
    edges = list(csv.DictReader((tmp_path / "s.edges.csv").open()))
    assert code == 0 and nodes and edges
    assert {n["type"] for n in nodes} <= {"person", "country"}
    labels = {n["label"] for n in nodes}
    # the namesake is named in a 2023 article only; the leader in 2024 too
    assert label(seed_graph, namesake(seed_graph)) not in labels
    assert label(seed_graph, leaders(seed_graph)[0]) in labels
    assert all(int(e["weight"]) >= 1 for e in edges)


@pytest.mark.slow
def test_unknown_article_and_bad_dates_are_usage_errors(cli, tmp_path):
    code, _, err = cli("export", "-f", "json", "-o", str(tmp_path / "x.json"),
                       "--article", "nope")
    assert code == 2 and "unknown article id(s): nope" in err
    code, _, err = cli("export", "-f", "json", "-o", str(tmp_path / "x.json"),
                       "--since", "2024-05-01", "--until", "2024-01-01")
    assert code == 2 and "--since is after --until" in err


@pytest.mark.slow
def test_misspelt_relation_kind_is_refused_and_a_real_one_filters(cli, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        cli("export", "-f", "json", "-o", str(tmp_path / "x.json"), "--kind", "meeet")
    assert exit_.value.code == 2 and not (tmp_path / "x.json").exists()
    code, *_ = cli("export", "-f", "json", "-o", str(tmp_path / "m.json"), "--kind", "meet")
    edges = json.loads((tmp_path / "m.json").read_text())["edges"]
    assert code == 0 and edges
    assert all({r["kind"] for r in e["relations"]} == {"meet"} for e in edges)


@pytest.mark.slow
def test_actors_and_stats_tables(cli, seed_graph):
    code, out, _ = cli("actors", "--top", "5")
    assert code == 0 and len(out.strip().splitlines()) == 7
    assert label(seed_graph, leaders(seed_graph)[0]) in out
    code, out, _ = cli("stats")
    assert code == 0 and "articles" in out and " 5" in out


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    code = main(["stats", "--db", str(tmp_path / "none.db")])
    assert code == 2 and "run 'relgraph ingest PATH' first" in capsys.readouterr().err


@pytest.mark.slow
def test_articles_lists_ids_dates_and_counts(cli, seed_store):
    from graph.core.model import GraphSlice
    from graph.slices.build import build_graph

    code, out, _ = cli("articles")
    lines = out.strip().splitlines()
    assert code == 0 and lines[0].split()[:2] == ["id", "date"] and len(lines) == 2 + 5
    code, out, _ = cli("articles", "--json")
    rows = [json.loads(line) for line in out.strip().splitlines()]
    assert [r["id"] for r in rows] == [a["id"] for a in seed_store.articles()]
    for r in rows:
        G = build_graph(seed_store, GraphSlice(articles=(r["id"],)), evidence=False)
        assert r["actors"] == G.number_of_nodes() and r["words"] > 100 and r["title"]
    code, out, _ = cli("articles", "--json", "--since", "2024-01-01", "--until", "2024-06-12")
    assert [json.loads(line)["date"] for line in out.strip().splitlines()] == ["2024-06-12"]
    code, _, err = cli("articles", "--since", "2024-05-01", "--until", "2024-01-01")
    assert code == 2 and "--since is after --until" in err


def directed_pairs(G) -> set[tuple[str, str]]:
    return {(d["source"], d["target"]) for *_, d in G.edges(data=True) if d["directed"]}


@pytest.mark.slow
def test_one_naming_of_pair_and_direction_in_every_format(seed_graph, tmp_path):
    import zipfile

    from graph.views.exports import to_bytes

    want = directed_pairs(seed_graph)
    assert len(want) > 5
    data = json.loads(to_bytes(seed_graph, "json"))
    got_json = {(e["source"], e["target"]) for e in data["edges"] if e["directed"]}
    z = zipfile.ZipFile(io.BytesIO(to_bytes(seed_graph, "csv")))
    rows = csv.DictReader(io.StringIO(z.read("edges.csv").decode(), newline=""))
    got_csv = {(r["source"], r["target"]) for r in rows if r["directed"] == "True"}
    got = {}
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{fmt}"
        path.write_bytes(to_bytes(seed_graph, fmt))
        H = reader(path)
        # the file's own edge order: source first (networkx keeps it in the edge's data
        # only for directed graphs, so read the XML)
        import xml.etree.ElementTree as ET

        root = ET.parse(path).getroot()
        got[fmt] = set()
        for e in root.iter():
            if e.tag.endswith("}edge") and e.get("source") is not None:
                attrs = H.edges[e.get("source"), e.get("target")]
                if str(attrs.get("directed")) in ("True", "true"):
                    got[fmt].add((e.get("source"), e.get("target")))
        assert "from_actor" not in path.read_text()
    assert got_json == got_csv == got["graphml"] == got["gexf"] == want


@pytest.mark.slow
def test_gexf_and_graphml_open_styled(seed_graph, tmp_path):
    import xml.etree.ElementTree as ET

    from graph.views import style
    from graph.views.exports import to_bytes

    path = tmp_path / "g.gexf"
    path.write_bytes(to_bytes(seed_graph, "gexf"))
    H = nx.read_gexf(path)
    lead = label(seed_graph, leaders(seed_graph)[0])  # a person
    node = next(d for _, d in H.nodes(data=True) if d["label"] == lead)
    r, g, b = (int(style.TYPE_COLORS["person"][i:i + 2], 16) for i in (1, 3, 5))
    assert node["viz"]["color"] == {"r": r, "g": g, "b": b, "a": 1.0}
    top = max(H.nodes(data=True), key=lambda nd: int(nd[1]["mentions"]))[1]
    assert top["viz"]["size"] == max(d["viz"]["size"] for _, d in H.nodes(data=True))
    assert all({"x", "y"} <= set(d["viz"]["position"]) for _, d in H.nodes(data=True))
    thick = [e for e in ET.parse(path).getroot().iter() if e.tag.endswith("}thickness")]
    assert len(thick) == H.number_of_edges()  # networkx does not read link viz back
    gml = to_bytes(seed_graph, "graphml")
    root = ET.fromstring(gml)
    y = "{http://www.yworks.com/xml/graphml}"
    fills = {e.get("color") for e in root.iter(f"{y}Fill")}
    assert style.TYPE_COLORS["person"] in fills and style.TYPE_COLORS["country"] in fills
    arrows = [e.get("target") for e in root.iter(f"{y}Arrows")]
    assert arrows.count("standard") == len(directed_pairs(seed_graph))
    G = nx.read_graphml(io.BytesIO(gml))
    node = next(d for _, d in G.nodes(data=True) if d["label"] == lead)
    assert node["color"] == style.TYPE_COLORS["person"] and float(node["x"]) > 0


@pytest.mark.slow
def test_export_never_imports_spacy(seed_db, tmp_path):
    """Start-up time of `relgraph export`: the NLP stack is for ingest only."""
    import subprocess
    import sys

    code = ("import sys; from graph.cli.main import main; "
            f"main(['export', '--db', {str(seed_db)!r}, '-f', 'json', '-o', "
            f"{str(tmp_path / 'g.json')!r}]); print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('spacy', 'thinc', 'plotly', 'dash')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_relations_carry_cameo_and_export_filters_by_root_and_quadclass(cli, tmp_path,
                                                                         seed_graph):
    from graph.core.cameo import kind_info

    meet = next(r for *_, d in seed_graph.edges(data=True) for r in d["relations"]
                if r["kind"] == "meet")
    assert meet["cameo"] == kind_info("meet").root_code and meet["quad_class"]
    code, *_ = cli("export", "-f", "json", "-o", str(tmp_path / "c.json"), "--quad",
                   "verbal-conflict", "--quad", "material-conflict")
    data = json.loads((tmp_path / "c.json").read_text())
    assert code == 0 and data["edges"]
    assert all(r["quad_class"] in ("verbal conflict", "material conflict")
               for e in data["edges"] for r in e["relations"])
    root = meet["cameo"]
    code, *_ = cli("export", "-f", "json", "-o", str(tmp_path / "r.json"), "--root", root)
    kinds = {r["kind"] for e in json.loads((tmp_path / "r.json").read_text())["edges"]
             for r in e["relations"]}
    assert code == 0 and "meet" in kinds and all(kind_info(k).root_code == root for k in kinds)


@pytest.mark.slow
def test_each_command_imports_only_what_it_draws_or_writes(tmp_path):
    """Start-up time of `relgraph export` and `relgraph brief` (issue 24: an image within a
    second): a data export never loads matplotlib; an image or a pack without --focus/--path
    loads neither the curation code nor pydantic."""
    import subprocess
    import sys

    from synthetic_store import synthetic_store

    db = tmp_path / "syn.db"
    synthetic_store(db, articles=20, actors=40)
    heavy = ("matplotlib", "pydantic", "graph.curation")
    code = ("import sys; from graph.cli.main import main\n"
            "def loaded(*args):\n"
            "    assert main(list(args)) == 0\n"
            f"    print(sorted(h for h in {heavy!r} if h in sys.modules))\n"
            f"loaded('export', '--db', {str(db)!r}, '-f', 'json', '-o', "
            f"{str(tmp_path / 'g.json')!r})\n"
            f"loaded('export', '--db', {str(db)!r}, '-f', 'png', '-o', "
            f"{str(tmp_path / 'g.png')!r})\n"
            f"loaded('brief', '--db', {str(db)!r}, '-o', {str(tmp_path / 'pack')!r})\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    printed = [line for line in run.stdout.splitlines() if line.startswith("[")]
    assert printed == ["[]", "['matplotlib']", "['matplotlib']"]
