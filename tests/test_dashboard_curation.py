"""Curation in the dashboard without a browser: who decided (proxy headers), checking what the
page sends, decisions on a stale view, the panels, and the decision callback over HTTP (the
request a page sends), on a real store ingested with the real model."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from curation_corpus import OTHERWISE, SPELLED, curation_db, curation_template  # noqa: F401
from served_layout import served_props
from werkzeug.datastructures import Headers

from dashboard import create_app, ids
from dashboard import curation_panels as cp
from dashboard import curation_ui as cu
from dashboard.callbacks import details_view
from dashboard.curation_callbacks import decision
from dashboard.filters import Filters
from dashboard.viewdata import ViewData
from graph.core.errors import CurationError, InvalidValue
from graph.curation.decisions import find_actor, merge, undo
from graph.slices.evidence import actor_evidence
from graph.store.store import Store

HOST = {"Host": "127.0.0.1:8050"}


@pytest.fixture
def store(curation_db):  # noqa: F811
    return Store(curation_db)


def rev(store) -> int:
    return store.revisions()["actors_rev"]


@pytest.mark.parametrize("headers,user", [
    ({"X-Forwarded-User": "ana"}, "ana"),
    (Headers([("x-remote-user", "bo")]), "bo"),  # header names are case-insensitive
    ({"Remote-User": " carl\x00\x1b[31m  x "}, "carl [31m x"),  # no control characters
    ({"X-Forwarded-User": "", "X-Auth-Request-User": "dee"}, "dee"),
    ({"X-Forwarded-User": "e" * 500}, "e" * 80),
    ({"Authorization": "Basic eDp5"}, "dashboard"),
    ({}, "dashboard"),
    (None, "dashboard"),
])
def test_user_comes_from_a_proxy_header_else_dashboard(headers, user):
    assert cu.user_from_headers(headers) == user


def test_actor_actions_are_read_from_the_panel():
    sel = {"kind": "node", "id": "riga"}
    assert cu.actor_action("rename", sel, {"rename": "Rīga"}) == cu.Action(
        "rename", {"name": "riga", "label": "Rīga"})
    assert cu.actor_action("merge", sel, {"merge": "moscow"}).args == {
        "names": ["riga"], "into": "moscow"}
    assert cu.actor_action("hide", sel, {}).args == {"name": "riga"}
    for do, fields in (("rename", {"rename": "  "}), ("merge", {}), ("split", {"split": None})):
        with pytest.raises(CurationError):  # a message on the page, not a 400
            cu.actor_action(do, sel, fields)
    with pytest.raises(CurationError, match="select an actor"):
        cu.actor_action("hide", {"kind": "edge", "a": "x", "b": "y"}, {})


@pytest.mark.parametrize("do,sel,fields", [
    ("drop", {"kind": "node", "id": "riga"}, {}),
    ("rename", {"kind": "node", "id": "riga"}, {"rename": 5}),
    ("rename", {"kind": "node", "id": "riga"}, {"rename": "x" * 301}),
    ("retype", {"kind": "node", "id": "riga"}, {"retype": "robot"}),
    ("hide", {"kind": "node", "id": ["riga"]}, {}),
])
def test_values_no_control_gives_are_invalid(do, sel, fields):
    with pytest.raises(InvalidValue):
        cu.actor_action(do, sel, fields)


def test_button_ids_round_trip_and_forged_ones_are_invalid():
    arg = cu.reject_arg("volkan-karaduman", "washington", "a4", 1, "criticise")
    assert cu.button_action(ids.action_id("reject", arg)) == cu.Action(
        "reject", {"a": "volkan-karaduman", "b": "washington", "article": "a4", "sentence": 1,
                   "kind": "criticise"})
    assert cu.button_action(ids.action_id("reject", cu.reject_arg("a", "b", "x", 0, None))
                            ).args["kind"] is None
    assert cu.button_action(ids.action_id("undo", "12")).args == {"decision": 12}
    pair = cu.suggestion_arg("kim-hyon-sok", "kim-hyon-il", "kim-hyon-sok")
    assert cu.button_action(ids.action_id("accept", pair)).args == {
        "a": "kim-hyon-sok", "b": "kim-hyon-il", "into": "kim-hyon-sok"}
    forged = [ids.action_id("drop", "1"), ids.action_id("undo", "-1"),
              ids.action_id("undo", "1" * 20), ids.action_id("accept", "c2f1293b"),
              ids.action_id("accept", pair.replace('"into": "kim-hyon-sok"', '"into": "x"')),
              ids.action_id("dismiss", cu.suggestion_arg("x", "x", "x")),
              ids.action_id("reject", "{"), ids.action_id("reject", json.dumps({"a": "x"})),
              ids.action_id("reject", arg.replace('"sentence": 1', '"sentence": "1"')),
              ids.action_id("reject", arg.replace('"sentence": 1', '"sentence": true')),
              {"act": ids.ACTION, "do": "undo", "arg": 3}, "undo", None]
    for trigger in forged:
        with pytest.raises(InvalidValue):
            cu.button_action(trigger)


@pytest.mark.slow
def test_decisions_on_a_stale_view_are_refused_then_made_on_the_fresh_one(store):
    seen = rev(store)
    first = cu.apply(store, cu.Action("merge", {"names": [OTHERWISE], "into": SPELLED}),
                     "ana", seen)
    assert first.ok and first.refresh and first.message.startswith(f"merged '{OTHERWISE}'")
    assert first.select == find_actor(store, SPELLED).id  # the page selects it
    # another session still shows the view before the merge
    stale = cu.apply(store, cu.Action("hide", {"name": "riga"}), "bo", seen)
    assert not stale.ok and stale.refresh and "changed since this view" in stale.message
    assert [h["user"] for h in store.history()] == ["ana"]
    fresh = cu.apply(store, cu.Action("hide", {"name": "riga"}), "bo", rev(store))
    assert fresh.ok and fresh.select == ""  # a hidden actor cannot stay selected
    assert [h["user"] for h in store.history()] == ["bo", "ana"]
    wrong = cu.apply(store, cu.Action("rename", {"name": "moscow", "label": "Washington"}),
                     "bo", rev(store))
    assert not wrong.ok and not wrong.refresh and "already called 'Washington'" in wrong.message


@pytest.mark.slow
def test_the_decision_callback_reads_clicks_and_checks_the_revision(store):
    sel = {"kind": "node", "id": "riga"}
    assert decision(store, ids.HIDE, None, {}, sel, rev(store), "ana") is None  # just drawn
    for clicks, base in (("1", rev(store)), (1, "7"), (1, None), (True, rev(store))):
        with pytest.raises(InvalidValue):
            decision(store, ids.HIDE, clicks, {}, sel, base, "ana")
    empty = decision(store, ids.RENAME, 1, {"rename": ""}, sel, rev(store), "ana")
    assert not empty.ok and empty.message == "type the new name first"
    done = decision(store, ids.HIDE, 1, {}, sel, rev(store), "ana")
    assert done.ok and store.history()[0]["summary"] == "hide 'Riga'"
    undone = decision(store, ids.UNDO_LAST, 1, {}, None, rev(store), "ana")
    assert undone.ok and "undid decision" in undone.message
    assert "Riga" in {r["label"] for r in store.actor_table()}


@pytest.mark.slow
def test_history_entries_and_the_decision_undo_reverts(store):
    assert cu.last_undoable(store.history()) is None
    merge(store, [OTHERWISE], SPELLED, "ana")
    cu.apply(store, cu.Action("hide", {"name": "riga"}), "bo", None)
    cu.apply(store, cu.Action("undo", {}), "bo", None)
    entries = cu.history_entries(store.history())
    assert [e["can_undo"] for e in entries] == [False, False, True]
    assert entries[1]["undone_by"] == entries[0]["id"] and entries[2]["user"] == "ana"
    assert len(entries[0]["at"]) == 16 and "T" not in entries[0]["at"]
    assert cu.last_undoable(store.history())["action"] == "merge"
    assert len(cu.history_entries(store.history(), limit=2)) == 2
    panel = str(cp.history_list(entries, curate=True))
    assert panel.count("'do': 'undo'") == 1 and "undone by #" in panel
    assert "'do': 'undo'" not in str(cp.history_list(entries, curate=False))


@pytest.mark.slow
def test_suggestions_carry_a_sentence_for_each_side(store):
    entries = cu.suggestion_entries(store, store.articles())
    pair = next(e for e in entries if {e["a_label"], e["b_label"]} == {SPELLED, OTHERWISE})
    assert pair["rule"] == "spelling" and pair["shared_neighbours"] >= 1
    assert pair["into_label"] in (SPELLED, OTHERWISE)
    for side, label in ((pair["a_id"], pair["a_label"]), (pair["b_id"], pair["b_label"])):
        got = next(s for s in pair["sentences"] if s["label"] == label)
        want = actor_evidence(store, side, limit=1)[0]
        assert (got["sentence"], got["spans"], got["date"]) == (
            want["sentence"], want["spans"], want["date"])
    cards = str(cp.suggestion_cards(entries))
    assert f"Accept: merge into {pair['into_label']}" in cards and "Dismiss" in cards
    # the card's buttons carry the pair; dismissing is what 'relgraph dismiss ID' does
    dismiss = cu.button_action(ids.action_id("dismiss", cu.suggestion_arg(
        pair["a_id"], pair["b_id"], pair["into"])))
    seen = rev(store)
    out = cu.apply(store, dismiss, "ana", seen)
    assert out.ok and not out.refresh and pair["id"] not in {e["id"] for e in cu.suggestion_entries(
        store, store.articles())}
    assert store.active_decisions(("dismiss",))[0].args["reason"] == (
        f"{pair['a_label']} / {pair['b_label']}")
    assert rev(store) == seen  # other people's views stay current
    undo(store, "ana")
    accept = cu.button_action(ids.action_id("accept", cu.suggestion_arg(
        pair["a_id"], pair["b_id"], pair["into"])))
    out = cu.apply(store, accept, "ana", rev(store))
    kept = {r["label"] for r in store.actor_table()} & {SPELLED, OTHERWISE}
    assert out.ok and kept == {pair["into_label"]}


def test_panels_render_article_and_actor_text_as_text():
    hostile = "<img src=x onerror=alert(1)>"
    cards = cp.suggestion_cards([{
        "id": "ab", "a_id": "x", "a_label": hostile, "a_type": "person", "b_id": "y",
        "b_label": "Y", "b_type": "person", "into": "x", "into_label": hostile, "rule": "spelling",
        "score": 0.5, "reason": "r", "evidence": "e", "shared_articles": 0,
        "shared_neighbours": 0, "sentences": [{"label": "Y", "sentence": hostile + " said",
                                               "spans": [[0, 3]], "title": hostile,
                                               "date": None}]}])
    texts = []

    def walk(c):  # noqa: ANN001
        if isinstance(c, str):
            texts.append(c)
        elif isinstance(c, list | tuple):
            for x in c:
                walk(x)
        elif hasattr(c, "children"):
            walk(c.children)
    walk(cards)
    assert any(hostile in t for t in texts)  # a plain string child: Dash shows it as text
    assert "dangerously_allow_html" not in str(cards)


@pytest.mark.slow
def test_link_panel_rejects_a_sentence_or_one_typed_relation(store):
    source = ViewData(store)
    f = Filters()
    sel = {"kind": "edge", "a": "volkan-karaduman", "b": "washington"}
    panel = str(details_view(source, f, sel, 40, curate=True)["body"])
    assert "reject sentence" in panel and "reject “criticise”" in panel
    assert "reject" not in str(details_view(source, f, sel, 40, curate=False)["body"])
    G = source.graph(f)
    evidence, spans = source.edge_evidence(G, "volkan-karaduman", "washington", f)
    entry = next(e for e in evidence if "criticise" in e["kinds"])
    button = cp.reject_buttons("volkan-karaduman", "washington", entry)
    kinds = {}
    for b in button.children:
        kinds[b.children] = cu.button_action(b.id)
    action = kinds["reject “criticise”"]
    assert action.args["article"] == entry["article"] == "a4"
    assert action.args["sentence"] == entry["index"] and action.args["kind"] == "criticise"
    out = cu.apply(store, action, "ana", rev(store))
    assert out.ok and "rejected 1 relation" in out.message
    G = source.graph(f)
    assert all(r["kind"] != "criticise" for r in G.edges["volkan-karaduman", "washington"][
        "relations"])


@pytest.mark.slow
def test_an_actors_head_comes_apart_from_its_body(store):
    drawer = details_view(ViewData(store), Filters(), {"kind": "node", "id": "volkan-karaduman"},
                          40)
    body, hidden, head = drawer["body"], drawer["hidden"], drawer["head"]
    assert not hidden and "Volkan Karaduman" in str(head[0]) and "H3" in str(head[0])
    assert "Evidence (" in str(body) and "H3" not in str(body)


# -- over HTTP: the request the page sends -------------------------------------------------

def decide_call(app, trigger: str | dict, values: dict) -> dict:
    """The body Dash's front end posts for the decision callback, ``trigger`` clicked."""
    output = next(k for k in app.callback_map if f"{ids.CURATION_STATUS}.children" in k)
    cb = app.callback_map[output]
    outputs = [dict(zip(("id", "property"), part.split(".", 1), strict=True))
               for part in output.strip(".").split("...")]
    inputs = []
    for i in cb["inputs"]:
        if i["id"].startswith("{"):  # the buttons drawn in panels (pattern-matching)
            drawn = [trigger] if isinstance(trigger, dict) else []
            inputs.append([{"id": t, "property": "n_clicks", "value": 1} for t in drawn])
        else:
            inputs.append({**i, "value": 1 if i["id"] == trigger else None})
    state = [{**s, "value": values.get(s["id"])} for s in cb["state"]]
    changed = (json.dumps(trigger, separators=(",", ":"), sort_keys=True)
               if isinstance(trigger, dict) else trigger) + ".n_clicks"
    return {"output": output, "outputs": outputs, "inputs": inputs, "state": state,
            "changedPropIds": [changed]}


@pytest.mark.slow
def test_a_decision_over_http_names_the_proxy_user_and_refuses_a_stale_view(store):
    app = create_app(store)
    client = app.server.test_client()
    seen = rev(store)
    values = {ids.SELECTED: {"kind": "node", "id": "riga"}, ids.ACTORS_REV: seen,
              ids.DATA_REV: 3}
    r = client.post("/_dash-update-component", json=decide_call(app, ids.HIDE, values),
                    headers={**HOST, "X-Forwarded-User": "ana"})
    assert r.status_code == 200 and "hid 'Riga'" in r.get_data(as_text=True)
    assert r.get_json()["response"]["data-revision"]["data"] == 4  # the view refreshes
    assert store.history()[0]["user"] == "ana"
    values[ids.SELECTED] = {"kind": "node", "id": "moscow"}
    r = client.post("/_dash-update-component", json=decide_call(app, ids.HIDE, values),
                    headers=HOST)
    body = r.get_json()["response"]
    assert r.status_code == 200 and "changed since this view" in json.dumps(body)
    assert body["data-revision"]["data"] == 4 and len(store.history()) == 1
    undo = ids.action_id("undo", str(store.history()[0]["id"]))
    r = client.post("/_dash-update-component", json=decide_call(
        app, undo, {**values, ids.ACTORS_REV: rev(store)}), headers=HOST)
    assert r.status_code == 200 and "undid decision" in r.get_data(as_text=True)
    assert store.history()[0]["user"] == "dashboard"  # no proxy header


@pytest.mark.slow
def test_a_decision_on_a_database_that_cannot_take_it_is_one_line_not_a_500(curation_db):  # noqa: F811
    store = Store(curation_db)
    app = create_app(store)
    client = app.server.test_client()
    client.get("/", headers=HOST)  # the page was served
    values = {ids.SELECTED: {"kind": "node", "id": "riga"}, ids.ACTORS_REV: rev(store),
              ids.DATA_REV: 3}
    store.engine.dispose()  # the file is damaged (or replaced) under the running server
    for suffix in ("-wal", "-shm"):
        Path(f"{curation_db}{suffix}").unlink(missing_ok=True)
    Path(curation_db).write_bytes(b"this is not a database" * 400)
    r = client.post("/_dash-update-component", json=decide_call(app, ids.HIDE, values),
                    headers=HOST)
    body = r.get_json()["response"]
    status = body[ids.CURATION_STATUS]["children"]["props"]
    assert r.status_code == 200 and status["className"] == "error"
    assert str(curation_db) in status["children"] and "\n" not in status["children"]
    assert ids.DATA_REV not in body  # nothing was decided: the view stays


@pytest.mark.slow
def test_a_dismissal_over_http_refreshes_the_lists_not_the_view(store):
    app = create_app(store)
    client = app.server.test_client()
    pair = next(e for e in cu.suggestion_entries(store, store.articles())
                if {e["a_label"], e["b_label"]} == {SPELLED, OTHERWISE})
    button = ids.action_id("dismiss", cu.suggestion_arg(pair["a_id"], pair["b_id"],
                                                        pair["into"]))
    r = client.post("/_dash-update-component", json=decide_call(
        app, button, {ids.ACTORS_REV: rev(store), ids.DATA_REV: 2, ids.LISTS_REV: 5}),
        headers={**HOST, "Remote-User": "ana"})
    body = r.get_json()["response"]
    assert r.status_code == 200 and "will not be suggested again" in json.dumps(body)
    assert body[ids.LISTS_REV]["data"] == 6 and ids.DATA_REV not in body
    assert store.history()[0]["action"] == "dismiss" and store.history()[0]["user"] == "ana"


@pytest.mark.parametrize("change", ["base", "button", "pattern-keys", "pattern-fixed"])
@pytest.mark.slow
def test_forged_decision_requests_are_400(store, change):
    app = create_app(store)
    client = app.server.test_client()
    values = {ids.SELECTED: {"kind": "node", "id": "riga"}, ids.ACTORS_REV: rev(store)}
    trigger = ids.action_id("undo", "1")
    if change == "base":
        body = decide_call(app, ids.HIDE, {**values, ids.ACTORS_REV: "latest"})
    elif change == "button":
        body = decide_call(app, ids.action_id("undo", "all"), values)
    else:
        body = decide_call(app, trigger, values)
        forged = ({"act": ids.ACTION, "do": "undo"} if change == "pattern-keys"
                  else {**trigger, "act": "other"})
        body["inputs"][-1] = [{"id": forged, "property": "n_clicks", "value": 1}]
    r = client.post("/_dash-update-component", json=body, headers=HOST)
    assert r.status_code == 400 and store.history() == []


@pytest.mark.slow
def test_read_only_has_no_decisions_at_all(store):
    writable = create_app(store)
    app = create_app(store, read_only=True)
    assert not any(ids.CURATION_STATUS in k for k in app.callback_map)
    client = app.server.test_client()
    body = decide_call(writable, ids.HIDE, {ids.SELECTED: {"kind": "node", "id": "riga"},
                                            ids.ACTORS_REV: rev(store)})
    r = client.post("/_dash-update-component", json=body, headers=HOST)
    assert r.status_code == 400 and store.history() == []
    page = client.get("/_dash-layout", headers=HOST).get_data(as_text=True)
    for gone in (ids.ACTOR_TOOLS, ids.UNDO_LAST, ids.SUGGESTIONS, ids.RENAME_INPUT):
        assert f'"{gone}"' not in page
    assert f'"{ids.HISTORY}"' in page  # the history is still shown, without undo buttons
    assert f'"{ids.ACTOR_TOOLS}"' in writable.server.test_client().get(
        "/_dash-layout", headers=HOST).get_data(as_text=True)


@pytest.mark.slow
def test_wsgi_server_curates_unless_read_only(store, monkeypatch):
    from dashboard import server

    monkeypatch.delenv("RELGRAPH_READ_ONLY", raising=False)
    monkeypatch.delenv("RELGRAPH_UPLOADS", raising=False)

    def has(flask_app, what: str) -> bool:
        return f'"{what}"' in flask_app.test_client().get("/_dash-layout", headers=HOST
                                                           ).get_data(as_text=True)
    default = server(store.url)
    assert has(default, ids.ACTOR_TOOLS) and not has(default, ids.UPLOAD)
    monkeypatch.setenv("RELGRAPH_READ_ONLY", "1")
    assert not has(server(store.url), ids.ACTOR_TOOLS)
    monkeypatch.setenv("RELGRAPH_READ_ONLY", "0")
    monkeypatch.setenv("RELGRAPH_UPLOADS", "1")
    both = server(store.url)
    assert has(both, ids.ACTOR_TOOLS) and has(both, ids.UPLOAD)


# -- a team: gunicorn with two worker processes on one database -----------------------------

@pytest.fixture(params=["sqlite", "postgresql"])
def team_db(request, curation_db):  # noqa: F811
    if request.param == "sqlite":
        return str(curation_db)
    url = os.environ.get("RELGRAPH_TEST_POSTGRES")
    if not url:
        pytest.skip("RELGRAPH_TEST_POSTGRES not set")
    from curation_corpus import TEXTS
    from pg_helpers import wipe

    from graph.pipeline.driver import ingest

    wipe(url)
    src = curation_db.parent / "articles"
    src.mkdir()
    for name, body in TEXTS.items():
        (src / name).write_text(body)
    assert ingest([src], Store(url), progress=False).failed == 0
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_revision(url: str) -> int:
    """The actors revision the page a worker serves was built on."""
    return served_props(url, ids.ACTORS_REV)["data"]


def post(url: str, body: dict, user: str) -> dict:
    req = urllib.request.Request(url + "_dash-update-component", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json",
                                          "X-Forwarded-User": user}, method="POST")
    return json.loads(urllib.request.urlopen(req, timeout=60).read())["response"]


@pytest.mark.slow
def test_gunicorn_workers_refuse_a_stale_decision_and_keep_both(team_db):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b",
                             f"127.0.0.1:{port}", f"dashboard:server({team_db!r})"],
                            cwd=Path(__file__).resolve().parent.parent,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline, seen = time.time() + 90, None
        while seen is None and time.time() < deadline:
            try:
                seen = page_revision(url)
            except OSError:
                time.sleep(0.3)
        app = create_app(Store(team_db))  # the same callbacks the workers serve
        hide = decide_call(app, ids.HIDE, {ids.SELECTED: {"kind": "node", "id": "riga"},
                                           ids.ACTORS_REV: seen})
        assert "hid 'Riga'" in json.dumps(post(url, hide, "ana"))
        # another session, still on the view before: refused by whichever worker answers
        rename = decide_call(app, ids.RENAME, {ids.SELECTED: {"kind": "node", "id": "moscow"},
                                               ids.RENAME_INPUT: "Moskva", ids.ACTORS_REV: seen})
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda _: json.dumps(post(url, rename, "bo")), range(4)))
        assert all("changed since this view" in a for a in answers)
        fresh = page_revision(url)
        assert fresh > seen
        rename = decide_call(app, ids.RENAME, {ids.SELECTED: {"kind": "node", "id": "moscow"},
                                               ids.RENAME_INPUT: "Moskva",
                                               ids.ACTORS_REV: fresh})
        assert "renamed 'Moscow' to 'Moskva'" in json.dumps(post(url, rename, "bo"))
    finally:
        proc.terminate()
        err = proc.communicate(timeout=30)[1]
    assert [(h["action"], h["user"]) for h in Store(team_db).history()] == [
        ("rename", "bo"), ("hide", "ana")]
    assert "Traceback" not in err
