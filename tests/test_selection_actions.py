"""The pure parts of the selection's bulk actions (dashboard/selection.py) and of positions in
saved views (dashboard/views_notes.py): the name a merge keeps by default, the decision it
makes, what the page may send, the export of exactly the selected actors (seed store), and
the link to a saved view that brings its positions back. Names are invented."""

import csv
import io
import json
import math
import zipfile
from xml.etree import ElementTree

import networkx as nx
import pytest

from dashboard.filters import Filters
from dashboard.selection import keep_choices, merge_action, picked_ids, selection_payload
from dashboard.viewdata import ViewData
from dashboard.views_notes import places, snapshot_positions, view_href, view_name
from graph.core.errors import CurationError, InvalidValue
from graph.store.store import Store


def _view() -> nx.Graph:
    G = nx.Graph()
    for actor, label, kind, m in (("odila-venmark", "Odila Venmark", "person", 4),
                                  ("venmark", "Venmark", "person", 9),
                                  ("harbour-board", "Harbour Board", "organisation", 9),
                                  ("teodor-kasprell", "Teodor Kasprell", "person", 1)):
        G.add_node(actor, label=label, type=kind, mentions=m)
    return G


def test_the_name_kept_by_default_is_the_most_mentioned_of_the_selection():
    options, default = keep_choices(_view(), ["odila-venmark", "venmark", "teodor-kasprell",
                                              "gone-since"])
    assert default == "venmark"
    assert [o["value"] for o in options] == ["venmark", "odila-venmark", "teodor-kasprell"]
    assert options[2]["label"] == "Teodor Kasprell (person, 1 mention)"
    # a tie on mentions: by name, so the page and a second session agree
    options, default = keep_choices(_view(), ["venmark", "harbour-board"])
    assert default == "harbour-board" and options[1]["label"] == "Venmark (person, 9 mentions)"
    assert keep_choices(_view(), []) == ([], None)


def test_a_bulk_merge_is_the_curation_merge_of_the_others_into_the_one_kept():
    action = merge_action(["odila-venmark", "venmark", "teodor-kasprell"], "venmark")
    assert action.do == "merge"
    assert action.args == {"names": ["odila-venmark", "teodor-kasprell"], "into": "venmark"}
    with pytest.raises(CurationError, match="two or more"):
        merge_action(["venmark"], "venmark")
    with pytest.raises(CurationError, match="choose"):
        merge_action(["venmark", "odila-venmark"], None)
    with pytest.raises(InvalidValue):  # no control of the page offers it
        merge_action(["venmark", "odila-venmark"], "harbour-board")


@pytest.mark.parametrize("bad", ["venmark", [1, 2], [""], ["x" * 301], ["a"] * 2001])
def test_a_selection_no_page_can_send_is_refused(bad):
    with pytest.raises(InvalidValue):
        picked_ids(bad)


def test_a_selection_keeps_its_order_without_repeats():
    assert picked_ids(None) == []
    assert picked_ids(["b", "a", "b"]) == ["b", "a"]


def test_positions_sent_with_save_are_checked():
    assert snapshot_positions({"positions": {"a": [1, 2.5]}, "n": 1}) == {"a": (1.0, 2.5)}
    assert snapshot_positions({"positions": None, "n": 1}) is None  # another layout
    for bad in ("x", {"positions": {"a": [1]}}, {"positions": {"a": [1, math.inf]}},
                {"positions": {"a": [True, 2]}}, {"positions": {"a": "1,2"}},
                {"positions": [[1, 2]]}):
        with pytest.raises(InvalidValue):
            snapshot_positions(bad)


def test_a_saved_views_link_names_it_only_when_it_keeps_positions(tmp_path):
    assert view_href({"name": "Harbour talks", "query": "top=20", "placed": True}) == (
        "/?top=20&view=Harbour+talks")
    assert view_href({"name": "Harbour talks", "query": "", "placed": True}) == (
        "/?view=Harbour+talks")
    assert view_href({"name": "Harbour talks", "query": "top=20", "placed": False}) == (
        "/?top=20")
    assert view_href({"name": "All", "query": "", "placed": False}) == "/"
    assert view_name("?top=20&view=Harbour+talks") == "Harbour talks"
    assert view_name("?top=20") is None and view_name(None) is None
    store = Store(tmp_path / "views.db")
    store.save_view("Harbour talks", "top=20", "ana", {"venmark": (1.5, -2.0)})
    store.save_view("Bare", "top=20", "ana")
    assert places(store, "?top=20&view=Harbour+talks") == {
        "name": "Harbour talks", "positions": {"venmark": [1.5, -2.0]}}
    assert places(store, "?view=Bare") is None and places(store, "?view=Nothing") is None
    assert places(store, "?top=20") is None


@pytest.mark.slow
def test_the_export_of_a_selection_holds_exactly_it_and_the_links_among_it(seed_store):
    data = ViewData(seed_store)
    f = Filters(top=25)
    G = data.graph(f)
    # three actors of the view, linked to one another where the slice links them
    hub = max(G, key=lambda v: (G.degree(v), v))
    picked = sorted(G[hub], key=lambda v: (-G.degree(v), v))[:2] + [hub]
    whole = data.graph(f, evidence=True)
    among = {frozenset(e) for e in whole.subgraph(picked).edges}
    assert among, "the hub links to the actors picked"
    name, payload, _ = selection_payload(data, f, picked, "csv")
    assert name == "relgraph-selection.zip"
    with zipfile.ZipFile(io.BytesIO(payload)) as z:
        nodes = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode("utf-8"))))
        edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode("utf-8"))))
    assert sorted(r["id"] for r in nodes) == sorted(picked)
    assert {frozenset((r["source"], r["target"])) for r in edges} == among
    assert all(r["evidence"] for r in edges)  # as the full export: with its sentences
    _, payload, _ = selection_payload(data, f, picked, "json")
    doc = json.loads(payload)
    assert sorted(n["id"] for n in doc["nodes"]) == sorted(picked)
    assert {frozenset((e["source"], e["target"])) for e in doc["edges"]} == among
    _, payload, _ = selection_payload(data, f, picked, "graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ElementTree.fromstring(payload)
    assert sorted(n.get("id") for n in root.iter(f"{{{ns['g']}}}node")) == sorted(picked)
    # an expanded neighbour beyond the top N comes from the whole slice; an unknown id
    # is left out
    outside = next(v for v in data.slice_graph(f) if v not in whole)
    _, payload, H = selection_payload(data, f, [*picked, outside, "no-such-actor"], "json")
    assert sorted(H) == sorted([*picked, outside])
    assert sorted(n["id"] for n in json.loads(payload)["nodes"]) == sorted(H)
    with pytest.raises(CurationError):
        selection_payload(data, f, [], "csv")
    with pytest.raises(InvalidValue):
        selection_payload(data, f, picked, "xlsx")


def test_a_read_only_page_exports_a_selection_but_cannot_merge_one(tmp_path):
    from dashboard import ids
    from dashboard.app import create_app

    def outputs(app) -> str:
        return " ".join(app.callback_map)

    store = Store(tmp_path / "empty.db")
    writable, read_only = create_app(store), create_app(store, read_only=True)
    assert "picked-status.children" in outputs(writable) and ids.MERGE_KEEP in outputs(
        writable)
    assert "picked-status.children" in outputs(read_only)
    assert ids.MERGE_KEEP not in outputs(read_only)
    assert f"'{ids.MERGE_MANY}'" in str(writable.layout())  # the page as served
    assert f"'{ids.MERGE_MANY}'" not in str(read_only.layout())
    assert f"'{ids.PICKED}'" in str(read_only.layout())
