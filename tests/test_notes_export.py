"""Analysts' notes leave the store with the graph: in the JSON, GraphML, GEXF and CSV
exports (read back with json, networkx and csv), in the briefing deck's speaker notes (read
back with python-pptx) and in the Markdown pack, each on the actors and links it was written
on; all on a small synthetic store of invented actors."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from pptx import Presentation
from synthetic_store import synthetic_store

from graph.briefing.content import build_briefing
from graph.briefing.pages import RELATIONS_PER_PAGE
from graph.cli.main import main
from graph.store.annotations import link_target
from graph.views.rules import view_graph


@pytest.fixture(scope="module")
def noted(tmp_path_factory) -> dict:
    """A store with notes on a drawn actor (two), a drawn link (written the other way
    round) and an actor the 25-actor view leaves out."""
    path = tmp_path_factory.mktemp("notes") / "notes.db"
    store = synthetic_store(path, articles=40, actors=80)
    G = view_graph(store, top=25)
    top = max(G, key=lambda v: (G.degree(v, weight="weight"), v))
    u, v = max(G.edges, key=lambda e: (G.edges[e]["weight"], e))
    left_out = next(a["id"] for a in store.actor_table() if a["id"] not in G)
    store.add_note(top, "Chairs the harbour talks; check the May minutes.", "ana")
    store.add_note(top, "Second source confirms the chair.", "ben")
    store.add_note(link_target(v, u), "Cousins, per the Varnhold profile.", "ben")
    store.add_note(left_out, "Not in the view: must not travel.", "ana")
    return {"path": path, "store": store, "actor": top, "link": (u, v), "out": left_out,
            "labels": {n: G.nodes[n]["label"] for n in G}}


def export(noted, fmt: str, out: Path) -> Path:
    assert main(["export", "--db", str(noted["path"]), "-f", fmt, "-o", str(out)]) == 0
    return out


def test_json_carries_each_note_with_its_author_and_time(noted, tmp_path):
    data = json.loads(export(noted, "json", tmp_path / "g.json").read_text())
    nodes = {n["id"]: n for n in data["nodes"]}
    notes = nodes[noted["actor"]]["notes"]
    assert [(n["text"], n["user"]) for n in notes] == [
        ("Chairs the harbour talks; check the May minutes.", "ana"),
        ("Second source confirms the chair.", "ben")]
    assert all(n["at"][:4].isdigit() and "T" in n["at"] for n in notes)
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} == set(noted["link"]))
    assert [n["text"] for n in edge["notes"]] == ["Cousins, per the Varnhold profile."]
    assert nodes[noted["out"]]["notes"][0]["text"].startswith("Not in the view")  # whole slice
    unnoted = [n for n in data["nodes"] if n["id"] not in (noted["actor"], noted["out"])]
    assert unnoted and not any("notes" in n for n in unnoted)


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip_the_notes(noted, tmp_path, fmt, reader):
    G = reader(export(noted, fmt, tmp_path / f"g.{fmt}"))
    notes = json.loads(G.nodes[noted["actor"]]["notes"])
    assert [n["user"] for n in notes] == ["ana", "ben"]
    assert notes[0]["text"] == "Chairs the harbour talks; check the May minutes."
    u, v = noted["link"]
    link = json.loads(G.edges[u, v]["notes"])
    assert link[0]["text"] == "Cousins, per the Varnhold profile." and link[0]["user"] == "ben"


def test_csv_has_a_notes_column_in_both_tables(noted, tmp_path):
    with zipfile.ZipFile(export(noted, "csv", tmp_path / "g.zip")) as z:
        nodes = list(csv.DictReader(z.read("nodes.csv").decode().splitlines()))
        edges = list(csv.DictReader(z.read("edges.csv").decode().splitlines()))
    by_id = {n["id"]: n for n in nodes}
    assert [n["text"] for n in json.loads(by_id[noted["actor"]]["notes"])][1] == (
        "Second source confirms the chair.")
    assert sum(1 for n in nodes if n["notes"]) == 2
    noted_edges = [e for e in edges if e["notes"]]
    assert len(noted_edges) == 1 and {noted_edges[0]["source"], noted_edges[0]["target"]} == (
        set(noted["link"]))


def slide_notes(deck) -> list[str]:  # noqa: ANN001
    return [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in deck.slides]


def test_the_deck_speaker_notes_carry_the_notes_of_what_each_slide_shows(noted, tmp_path):
    stem = tmp_path / "pack"
    assert main(["brief", "--db", str(noted["path"]), "-o", str(stem), "-f", "pptx"]) == 0
    deck = Presentation(str(stem) + ".pptx")
    titles = [s.shapes[0].text_frame.text for s in deck.slides]
    notes = dict(zip(titles, slide_notes(deck), strict=True))
    labels = noted["labels"]
    actor, (u, v) = labels[noted["actor"]], noted["link"]
    graph = notes[titles[0]]
    assert graph.startswith("How this was made")  # still first
    assert f"{actor}: Chairs the harbour talks; check the May minutes. (ana, " in graph
    assert f"{actor}: Second source confirms the chair. (ben, " in graph
    assert "Cousins, per the Varnhold profile. (ben, " in graph
    assert f"{labels[u]} – {labels[v]}: Cousins" in graph or (
        f"{labels[v]} – {labels[u]}: Cousins" in graph)
    assert "Actors" in notes and "Chairs the harbour talks" in notes["Actors"]
    assert not any("must not travel" in text for text in notes.values())  # not drawn
    assert all(not notes[t] for t in titles if t.startswith("Sources"))
    # each key-relations slide: the notes on the actors and links of its rows, no others
    b = build_briefing(noted["store"])
    chunks = [b.relations[i:i + RELATIONS_PER_PAGE]
              for i in range(0, len(b.relations), RELATIONS_PER_PAGE)]
    slides = [notes[t] for t in titles if t.startswith("Key relations")]
    assert len(slides) == len(chunks) >= 1
    showing = 0
    for text, rows in zip(slides, chunks, strict=True):
        ends = {x for r in rows for x in r.ends}
        pairs = {frozenset(r.ends) for r in rows}
        assert ("Chairs the harbour talks" in text) == (noted["actor"] in ends)
        assert ("Cousins" in text) == (frozenset(noted["link"]) in pairs)
        showing += noted["actor"] in ends
    assert showing  # the most linked actor is in a key relation


def test_the_dashboard_downloads_carry_the_notes_too(noted):
    """The dashboard's data download and a selection's export write the same notes as the
    CLI's export (both were without them before)."""
    from dashboard.downloads import download_payload
    from dashboard.filters import Filters
    from dashboard.selection import selection_payload
    from dashboard.viewdata import ViewData

    data = ViewData(noted["store"])
    f = Filters(top=25)
    _, payload = download_payload(data, f, "json", briefing=False)
    nodes = {n["id"]: n for n in json.loads(payload)["nodes"]}
    assert [n["text"] for n in nodes[noted["actor"]]["notes"]] == [
        "Chairs the harbour talks; check the May minutes.", "Second source confirms the chair."]
    u, v = noted["link"]
    _, payload, _ = selection_payload(data, f, [u, v], "json")
    doc = json.loads(payload)
    (edge,) = [e for e in doc["edges"] if {e["source"], e["target"]} == {u, v}]
    assert [n["user"] for n in edge["notes"]] == ["ben"]


def md_sections(text: str) -> dict[str, str]:
    """The Markdown pack's sections by heading (the graph's: its ``# `` title)."""
    out: dict[str, str] = {}
    head = ""
    for line in text.splitlines():
        if line.startswith("# ") or line.startswith("## "):
            head = line.split(" ", 1)[1]
            out[head] = ""
        elif head:
            out[head] += line + "\n"
    return out


def test_the_markdown_pack_carries_the_notes_of_what_each_section_shows(noted, tmp_path):
    stem = tmp_path / "pack"
    assert main(["brief", "--db", str(noted["path"]), "-o", str(stem), "-f", "md"]) == 0
    text = Path(str(stem) + ".md").read_text("utf-8")
    sections = md_sections(text)
    titles = list(sections)
    labels = noted["labels"]
    actor, (u, v) = labels[noted["actor"]], noted["link"]
    graph = sections[titles[0]]
    assert "**Analysts' notes**" in graph
    assert f"- {actor}: Chairs the harbour talks; check the May minutes. (ana, " in graph
    assert f"- {actor}: Second source confirms the chair. (ben, " in graph
    assert (f"- {labels[u]} – {labels[v]}: Cousins" in graph
            or f"- {labels[v]} – {labels[u]}: Cousins" in graph)
    assert "Chairs the harbour talks" in sections["Actors"]
    assert "must not travel" not in text  # not drawn
    assert not any("Analysts' notes" in sections[t] for t in titles if t.startswith("Sources"))
    b = build_briefing(noted["store"])
    chunks = [b.relations[i:i + RELATIONS_PER_PAGE]
              for i in range(0, len(b.relations), RELATIONS_PER_PAGE)]
    parts = [sections[t] for t in titles if t.startswith("Key relations")]
    assert len(parts) == len(chunks) >= 1
    for part, rows in zip(parts, chunks, strict=True):
        ends = {x for r in rows for x in r.ends}
        pairs = {frozenset(r.ends) for r in rows}
        assert ("Chairs the harbour talks" in part) == (noted["actor"] in ends)
        assert ("Cousins" in part) == (frozenset(noted["link"]) in pairs)


def test_a_note_in_the_markdown_pack_is_plain_text(tmp_path):
    """Nothing in a note becomes Markdown or HTML: no tag, no emphasis, no link, no table."""
    path = tmp_path / "hostile.db"
    store = synthetic_store(path, articles=20, actors=30)
    G = view_graph(store, top=25)
    top = max(G, key=lambda v: (G.degree(v, weight="weight"), v))
    store.add_note(top, "See <b>this</b> | *not bold* [link](x)", "cy")
    stem = tmp_path / "pack"
    assert main(["brief", "--db", str(path), "-o", str(stem), "-f", "md"]) == 0
    graph = next(iter(md_sections(Path(str(stem) + ".md").read_text("utf-8")).values()))
    assert r"See &lt;b&gt;this&lt;/b&gt; \| \*not bold\* \[link\](x) (cy, " in graph
