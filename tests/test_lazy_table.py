"""The actor table is computed only while its tab is open (issue 25): a view change with the
tab closed leaves its figures (betweenness, communities) uncomputed; opening the tab, or a
view change while it is open, fills it for the view shown.

Callbacks are posted as the page posts them (bodies built from the app's own callback list),
on a real SQLite store written through the ingest's write path (invented people, no model);
the table's work is counted by wrapping the real :func:`dashboard.tables.actor_rows`.
"""

from __future__ import annotations

from datetime import date

import pytest

import dashboard.callbacks as callbacks_module
from dashboard import create_app, ids
from dashboard.filters import CONTROLS, Filters, filters_to_controls
from graph.core.model import Article, Extraction, Mention, Relation, Sentence
from graph.store.store import Store

HOST = {"Host": "127.0.0.1:8050"}
MEETINGS = [("Odila Venmark", "Teodor Kasprell"), ("Amara Okonkwo-Reyes", "Teodor Kasprell"),
            ("Hiroshi Tanabe-Wells", "Odila Venmark"), ("Farida Qassemi", "Amara Okonkwo-Reyes"),
            ("Lars Øyvindsen", "Farida Qassemi"), ("Hiroshi Tanabe-Wells", "Lars Øyvindsen")]


def meeting(n: int, a: str, b: str) -> Extraction:
    """An article in which two invented people meet (the write path an ingest takes)."""
    text = f"{a} met {b} in Northport."
    return Extraction(Article(f"meet-{n}", text, "Harbour talks", date(2023, 9, 10 + n),
                              "Test Wire"),
                      [Sentence(0, 0, len(text), text)],
                      [Mention(0, 0, len(a), a, a, "person", "PERSON"),
                       Mention(0, len(a) + 5, len(a) + 5 + len(b), b, b, "person", "PERSON")],
                      [Relation(0, *sorted((a, b)), "co-occurrence"),
                       Relation(0, a, b, "meet", "cooperative", True, "meet")])


@pytest.fixture
def app(tmp_path):
    store = Store(tmp_path / "meetings.db")
    store.save_many([(meeting(n, a, b), "x", "test") for n, (a, b) in enumerate(MEETINGS)])
    store.resolve()
    return create_app(store)


@pytest.fixture
def tables(monkeypatch) -> list[int]:
    """One entry (the number of actors) per actor table computed."""
    seen: list[int] = []
    real = callbacks_module.actor_rows

    def counting(G):
        seen.append(G.number_of_nodes())
        return real(G)
    monkeypatch.setattr(callbacks_module, "actor_rows", counting)
    return seen


def post(app, output_part: str, values: dict, changed: str):
    """Post the callback whose outputs include ``output_part`` as the page does; ``values``
    maps "id.property" to its value (missing ones are None), ``changed`` is the trigger."""
    output = next(k for k in app.callback_map
                  if output_part in [p.split("@")[0] for p in k.strip(".").split("...")])
    cb = app.callback_map[output]
    outputs = [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
               for part in output.strip(".").split("...")]

    def filled(deps: list[dict]) -> list[dict]:
        return [{**d, "value": values.get(f"{d['id']}.{d['property']}")} for d in deps]
    return app.server.test_client().post("/_dash-update-component", headers=HOST, json={
        "output": output, "outputs": outputs, "inputs": filled(cb["inputs"]),
        "state": filled(cb["state"]), "changedPropIds": [changed]})


def controls(f: Filters) -> dict:
    values = filters_to_controls(f)
    return {f"{i}.{p}": values[name] for name, (i, p) in CONTROLS.items()}


def view(app, f: Filters) -> dict:
    r = post(app, f"{ids.GRAPH}.elements", {**controls(f), f"{ids.DATA_REV}.data": 0},
             f"{CONTROLS['top'][0]}.{CONTROLS['top'][1]}")
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    return r.get_json()["response"]


def table(app, f: Filters, tab: str, changed: str = f"{ids.DOCK}.value"):
    return post(app, f"{ids.TABLE}.data", {**controls(f), f"{ids.DOCK}.value": tab,
                                          f"{ids.DATA_REV}.data": 0}, changed)


def test_a_view_change_with_the_table_closed_does_not_compute_it(app, tables):
    assert app.server.test_client().get("/", headers=HOST).status_code == 200  # the page
    f = Filters.of(top=4)
    shown = view(app, f)
    assert ids.TABLE not in shown and shown[ids.GRAPH]["elements"]
    top = f"{CONTROLS['top'][0]}.{CONTROLS['top'][1]}"
    for tab in ("none", "timeline", "time"):  # another tab open, or none: nothing to do
        assert table(app, f, tab, changed=top).status_code == 204
    assert tables == []


def test_opening_the_tab_fills_it_for_the_view_shown_and_keeps_it_open(app, tables):
    f = Filters.of(top=4)
    shown = {e["data"]["id"] for e in view(app, f)[ids.GRAPH]["elements"]
             if "source" not in e["data"]}
    r = table(app, f, "table")
    assert r.status_code == 200 and tables == [4]
    rows = r.get_json()["response"][ids.TABLE]["data"]
    assert {row["id"] for row in rows} == shown and all("betweenness" in row for row in rows)
    assert table(app, f, "table").status_code == 200 and tables == [4]  # the same view: kept
    # a view change while the tab is open: the table follows it
    wider = table(app, Filters.of(top=6), "table",
                  changed=f"{CONTROLS['top'][0]}.{CONTROLS['top'][1]}")
    assert len(wider.get_json()["response"][ids.TABLE]["data"]) == 6 and tables == [4, 6]
