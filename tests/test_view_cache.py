"""The view path under load: one view graph per (store revision, view), shared by the callbacks
of a view change (the view, its details, the actor search), rebuilt after a write or a curation
decision, and every concurrent request answered with its own view.

Callbacks are posted as the page posts them (the bodies are built from the app's own callback
list); builds are counted by wrapping the real :func:`graph.views.rules.view_graph`.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import networkx as nx
import pytest
from curation_corpus import curation_db, curation_template  # noqa: F401
from werkzeug.serving import make_server

import dashboard.viewdata as viewdata_module
from dashboard import create_app, ids
from dashboard.filters import CONTROLS, Filters, filters_to_controls
from dashboard.viewcache import ViewCache
from dashboard.viewdata import ViewData
from graph.core.model import Article, Extraction, Mention, Relation, Sentence
from graph.curation.decisions import rename
from graph.slices.evidence import actor_evidence
from graph.store.store import Store
from graph.views.rules import view_graph

HOST = {"Host": "127.0.0.1:8050"}


@pytest.fixture
def builds(monkeypatch) -> list[tuple]:
    """Every view graph the dashboard builds, as (slice, top, focus) in build order."""
    seen: list[tuple] = []

    def counting(store, sl=None, **kw):
        seen.append((sl, kw.get("top"), kw.get("focus")))
        return view_graph(store, sl, **kw)
    monkeypatch.setattr(viewdata_module, "view_graph", counting)
    return seen


@pytest.fixture
def revisions(monkeypatch) -> list[int]:
    """One entry per read of the store's revision counters."""
    calls: list[int] = []
    original = Store.revisions

    def counting(self):
        calls.append(1)
        return original(self)
    monkeypatch.setattr(Store, "revisions", counting)
    return calls


def body(app, output_part: str, values: dict) -> dict:
    """The JSON the page posts for the callback whose outputs include ``output_part``;
    ``values`` maps "id.property" to its value (missing ones are None)."""
    output = next(k for k in app.callback_map
                  if output_part in [p.split("@")[0] for p in k.strip(".").split("...")])
    cb = app.callback_map[output]
    outputs = [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
               for part in output.strip(".").split("...")]

    def filled(deps: list[dict]) -> list[dict]:
        return [{**d, "value": values.get(f"{d['id']}.{d['property']}")} for d in deps]
    first = cb["inputs"][0]
    return {"output": output, "outputs": outputs, "inputs": filled(cb["inputs"]),
            "state": filled(cb["state"]),
            "changedPropIds": [f"{first['id']}.{first['property']}"]}


def controls(f: Filters) -> dict:
    values = filters_to_controls(f)
    return {f"{i}.{p}": values[name] for name, (i, p) in CONTROLS.items()}


def post(client, app, output_part: str, values: dict) -> dict:
    r = client.post("/_dash-update-component", json=body(app, output_part, values),
                    headers=HOST)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    return r.get_json()["response"]


def view(client, app, f: Filters, data_rev: int = 0) -> dict:
    return post(client, app, f"{ids.GRAPH}.elements", {**controls(f),
                                                        f"{ids.DATA_REV}.data": data_rev})


def details(client, app, f: Filters, sel: dict, rev: int) -> dict:
    return post(client, app, f"{ids.DETAILS}.children", {
        **controls(f), f"{ids.SELECTED}.data": sel, f"{ids.ACTORS_REV}.data": rev,
        f"{ids.QUERY}.data": ""})


def nodes(response: dict) -> dict[str, str]:
    """Node id → label of a view callback's graph."""
    return {e["data"]["id"]: e["data"]["label"]
            for e in response[ids.GRAPH]["elements"] if "source" not in e["data"]}


@pytest.mark.slow
def test_details_and_search_reuse_the_graph_the_view_just_built(seed_store, builds, revisions):
    app = create_app(seed_store)
    client = app.server.test_client()
    f = Filters.of(since="2023-09-11", top=40)
    client.get("/", headers=HOST)  # the page (the default view) loads the corpus
    builds.clear()
    revisions.clear()
    shown = view(client, app, f)
    assert len(builds) == 1 and builds[0][1] == 40  # built once, for this view
    assert len(revisions) == 1  # one snapshot of the store per request (was 4 reads)
    rev = shown[ids.VIEW_REV]["data"]
    node = max(nodes(shown), key=lambda n: next(
        e["data"]["mentions"] for e in shown[ids.GRAPH]["elements"] if e["data"]["id"] == n))
    panel = details(client, app, f, {"kind": "node", "id": node}, rev)
    assert nodes(shown)[node] in json.dumps(panel[ids.DETAILS_HEAD])
    assert len(revisions) == 2
    found = post(client, app, f"{ids.SEARCH}.value",
                 {**controls(f), f"{ids.SEARCH}.value": node})
    assert found[ids.SELECTED]["data"]["id"] == node
    assert len(revisions) == 3
    assert len(builds) == 1  # the details and the search built no graph of their own
    builds.clear()
    # how the view is drawn is not part of the graph's key; what it shows is
    view(client, app, Filters.of(since="2023-09-11", top=40, layout="cose",
                              color_by="community"))
    assert builds == []
    view(client, app, Filters.of(since="2023-09-11", top=20))
    assert len(builds) == 1


@pytest.mark.slow
def test_the_same_view_is_not_computed_again_for_a_second_page(seed_store, builds):
    app = create_app(seed_store)
    first, second = app.server.test_client(), app.server.test_client()
    f = Filters.of(types=("person",))
    first.get("/", headers=HOST)  # the page (and the default view it carries)
    builds.clear()
    a, b = view(first, app, f), view(second, app, f)
    assert a == b and len(builds) == 1
    G = ViewData(seed_store).graph(f)
    assert nx.is_frozen(G)  # shared between requests: nothing may change it
    with pytest.raises(nx.NetworkXError):
        G.add_node("changed by one request")


def invented(article_id: str, a: str, b: str) -> Extraction:
    """An article in which two invented people meet (the write path an ingest takes)."""
    text = f"{a} met {b} in Northport."
    return Extraction(Article(article_id, text, "Harbour talks", date(2023, 9, 12), "Test Wire"),
                      [Sentence(0, 0, len(text), text)],
                      [Mention(0, 0, len(a), a, a, "person", "PERSON"),
                       Mention(0, len(a) + 5, len(a) + 5 + len(b), b, b, "person", "PERSON")],
                      [Relation(0, *sorted((a, b)), "co-occurrence"),
                       Relation(0, a, b, "meet", "cooperative", True, "meet")])


@pytest.mark.slow
def test_a_write_and_a_decision_are_new_revisions_so_the_view_is_rebuilt(curation_db,  # noqa: F811
                                                                          builds):
    store = Store(curation_db)
    app = create_app(store)
    client = app.server.test_client()
    f = Filters.of(top=200)
    client.get("/", headers=HOST)  # the page (and the default view it carries)
    builds.clear()
    before = nodes(view(client, app, f))
    assert len(view(client, app, f)[ids.GRAPH]["elements"]) and len(builds) == 1
    store.save_many([(invented("harbour-1", "Odila Venmark", "Teodor Kasprell"), "x", "test")])
    store.resolve()
    after_write = nodes(view(client, app, f))
    assert len(builds) == 2
    assert {"Odila Venmark", "Teodor Kasprell"} <= set(after_write.values()) - set(
        before.values())
    node = next(n for n, label in after_write.items() if label == "Odila Venmark")
    rename(store, node, "Odila Venmark-Ros", "test")
    after_decision = nodes(view(client, app, f))
    assert len(builds) == 3 and after_decision[node] == "Odila Venmark-Ros"
    # the search options follow the decision too (cached per revision as well)
    options = post(client, app, f"{ids.ACTOR_OPTIONS}.data", {f"{ids.DATA_REV}.data": 1})
    assert any(o["label"].startswith("Odila Venmark-Ros")
               for o in options[ids.ACTOR_OPTIONS]["data"])


@pytest.mark.slow
def test_concurrent_different_views_each_get_their_own_answer(seed_store, builds):
    app = create_app(seed_store)
    wanted = [Filters.of(top=n) for n in (5, 10, 20, 30)] + [
        Filters.of(types=("person",)), Filters.of(types=("country",)),
        Filters.of(since="2023-09-12"), Filters.of(kinds=("co-occurrence",), top=15)]
    fresh = ViewData(seed_store)
    expected = {f: sorted(map(str, view_graph(
        seed_store, f.slice, corpus=fresh.corpus(), top=f.top,
        focus=f.focus, depth=f.depth, path=f.path, hide_isolated=f.hide_isolated)))
        for f in wanted}
    assert len({tuple(v) for v in expected.values()}) == len(wanted)  # all different
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/_dash-update-component"
    start = threading.Barrier(len(wanted) * 3)

    def ask(f: Filters) -> tuple[Filters, list[str]]:
        data = json.dumps(body(app, f"{ids.GRAPH}.elements", {
            **controls(f), f"{ids.DATA_REV}.data": 0})).encode()
        start.wait()
        request = urllib.request.Request(url, data=data, headers={
            "Content-Type": "application/json"})
        answer = json.loads(urllib.request.urlopen(request, timeout=60).read())
        return f, sorted(nodes(answer["response"]))
    try:
        builds.clear()
        with ThreadPoolExecutor(len(wanted) * 3) as pool:
            answers = list(pool.map(ask, wanted * 3))
    finally:
        server.shutdown()
    for f, shown in answers:
        assert shown == expected[f], f
    assert len(builds) == len(wanted)  # each view once, however many asked at the same time


@pytest.mark.slow
def test_an_actors_evidence_is_read_once_and_cut_to_each_slice(seed_store, monkeypatch):
    reads = []
    original = Store.mention_sentences

    def counting(self, actor):
        reads.append(actor)
        return original(self, actor)
    monkeypatch.setattr(Store, "mention_sentences", counting)
    source = ViewData(seed_store)
    G = source.graph(Filters())
    actor = max(G, key=lambda n: G.nodes[n]["mentions"])
    days = sorted({e["date"] for e in actor_evidence(seed_store, actor, limit=None)
                   if e["date"]})
    assert len(days) > 1  # the slices below differ
    slices = [Filters(), Filters.of(since=days[-1]), Filters.of(until=days[0], undated=False),
              Filters.of(articles=(actor_evidence(seed_store, actor, limit=1)[0]["article"],))]
    reads.clear()
    for f in slices:
        assert source.evidence(G, actor, f) == actor_evidence(
            seed_store, actor, f.slice, limit=None), f
    assert reads.count(actor) == len(slices) + 1  # the direct reads above and one
    assert len({len(source.evidence(G, actor, f)) for f in slices}) > 1


def test_cache_is_bounded_least_recently_used_first():
    cache = ViewCache(entries=3, budget=10)
    for k in "abc":
        cache.get((1, k), lambda k=k: k)
    cache.get((1, "a"), lambda: "again")  # a is now the most recently used
    cache.get((1, "d"), lambda: "d")
    assert len(cache) == 3 and cache.get((1, "b"), lambda: "rebuilt") == "rebuilt"
    assert cache.get((1, "a"), lambda: "again") == "a"
    cache.get((1, "big"), lambda: "x" * 8, len)  # 8 of the budget of 10
    assert len(cache) <= 3 and cache.get((1, "big"), lambda: "y", len) == "x" * 8
    cache.get((1, "huge"), lambda: "z" * 11, len)  # over the budget alone: not kept
    assert cache.get((1, "huge"), lambda: "new", len) == "new"


def test_a_newer_revision_drops_older_entries_and_failures_are_not_kept():
    cache = ViewCache()
    cache.get((1, "view"), lambda: "old")
    cache.get((2, "view"), lambda: "new")
    assert len(cache) == 1
    assert cache.get((1, "late"), lambda: "built from revision 1") == "built from revision 1"
    assert len(cache) == 1  # an answer for a superseded revision is not kept

    def fail():
        raise ValueError("no such view")
    with pytest.raises(ValueError):
        cache.get((2, "bad"), fail)
    assert cache.get((2, "bad"), lambda: "fine") == "fine"


def test_one_key_asked_by_many_threads_at_once_is_built_once():
    cache = ViewCache()
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return object()
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: cache.get((1, "v"), slow), range(8)))
    assert len(calls) == 1 and all(g is got[0] for g in got)
