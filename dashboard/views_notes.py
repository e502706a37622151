"""Saved views and notes on the page: the "Views" menu (name the view on screen; every view
saved on this database, each a link) and the notes under an actor's or a link's details
(who wrote what, when; add one). Kept in the store (:mod:`graph.store.annotations`), so
everyone on the same database sees them: the list is read when the menu opens, the notes
when something is selected.

A saved view keeps where each actor was drawn, in any layout: "Save" first takes the
positions from the graph on the page (``assets/mental_map.js``: what the page shows, dragged
actors included), then the server stores them with the view's query. Its link carries
``view=<name>``, which no filter reads: opening it (a second session, another analyst) sends
the stored positions to the page, which draws every actor saved there exactly where it was
and an actor new since then next to its neighbours (in one of cytoscape's layouts, cose or
cola, over what the layout drew).
"""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlencode

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask import request

from dashboard import ids
from dashboard import validate as check
from dashboard.curation_ui import user_from_headers
from dashboard.viewdata import ViewData
from graph.core.errors import CurationError, InvalidValue
from graph.store.annotations import MAX_PLACED, link_target
from graph.store.store import Store

__all__ = ["notes_section", "places", "register", "snapshot_positions", "view_href",
           "view_name", "views_menu"]


def views_menu(curate: bool) -> html.Details:
    """The "Views" menu: with ``curate``, a name and "Save this view"; then every saved view."""
    save = [html.Div([dcc.Input(id=ids.VIEW_NAME, type="text", maxLength=120,
                                placeholder="Name this view", debounce=False),
                      html.Button("Save this view", id=ids.VIEW_SAVE)], className="row"),
            html.Div(id=ids.VIEW_STATUS, className="status"),
            dcc.Store(id=ids.VIEW_SNAPSHOT)] if curate else []
    return html.Details([html.Summary("Views", id=ids.VIEWS_OPEN),
                         html.Div([*save, html.Div(id=ids.VIEWS_LIST, className="views"),
                                   dcc.Store(id=ids.VIEW_PLACES),
                                   html.Div(id="view-places-sync", hidden=True)],
                                  className="menu-body")],
                        className="menu", id="views-menu")


def notes_section(curate: bool) -> html.Div:
    """Notes under the details: the selection's notes, and (``curate``) a box to add one."""
    add = [dcc.Textarea(id=ids.NOTE_TEXT, maxLength=4000, className="note-text",
                        placeholder="A note for everyone on this database"),
           html.Button("Add note", id=ids.NOTE_ADD)] if curate else []
    return html.Div([html.H4("Notes"), html.Div(id=ids.NOTES_LIST), *add],
                    id=ids.NOTES, hidden=True, className="notes")


def view_links(views: list[dict]) -> list:
    """Each saved view as a link to it, with who saved it and when."""
    if not views:
        return [html.P("No saved views yet.", className="facts")]
    return [html.Div([dcc.Link(v["name"], href=view_href(v)),
                      html.Span(f" · {v['user']} · {v['at'][:16].replace('T', ' ')}",
                                className="cite")]) for v in views]


def view_href(view: dict) -> str:
    """The link to a saved view: its query, and ``view=<name>`` when it keeps positions."""
    query = "&".join(q for q in (view["query"], urlencode({"view": view["name"]})
                                 if view.get("placed") else "") if q)
    return f"/?{query}" if query else "/"


def view_name(search: object) -> str | None:
    """The saved view a page's URL query names (``view=``), if any."""
    if not isinstance(search, str):
        return None
    got = parse_qs(search.lstrip("?")).get("view")
    return got[0] if got else None


def snapshot_positions(value: object) -> dict[str, tuple[float, float]] | None:
    """The positions the page sends with "Save" (``{"positions": {id: [x, y]}}``), checked:
    at most :data:`~graph.store.annotations.MAX_PLACED` actors, finite numbers; None: the
    page has none (an empty graph)."""
    if not isinstance(value, dict) or not isinstance(value.get("positions"), dict | None):
        raise InvalidValue("a view's snapshot must hold its positions")
    got = value.get("positions") or {}
    if len(got) > MAX_PLACED:
        raise InvalidValue(f"a view keeps the positions of at most {MAX_PLACED:,} actors")
    out = {}
    for actor, xy in got.items():
        if not (isinstance(actor, str) and isinstance(xy, list) and len(xy) == 2 and all(
                isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c)
                for c in xy)):
            raise InvalidValue("a position is an actor id and two finite numbers")
        out[actor] = (float(xy[0]), float(xy[1]))
    return out or None


def places(store: Store, search: object) -> dict | None:
    """What the page needs to draw the saved view its URL names where it was saved:
    ``{"name", "positions": {id: [x, y]}}``; None when the URL names none, or a view without
    positions."""
    name = view_name(search)
    found = store.view_positions(name) if name else None
    if not found:
        return None
    return {"name": name, "positions": {k: [x, y] for k, (x, y) in found.items()}}


def note_items(notes: list[dict]) -> list:
    if not notes:
        return [html.P("No notes yet.", className="facts")]
    return [html.Div([html.Div(n["text"], className="note"),
                      html.Div(f"{n['user']} · {n['at'][:16].replace('T', ' ')}",
                               className="cite")]) for n in notes]


def target_of(sel: dict | None) -> str | None:
    """What a selection's notes are about: an actor id, or a link's two ids."""
    if not sel:
        return None
    if sel["kind"] == "node":
        return str(sel["id"])
    return link_target(str(sel["a"]), str(sel["b"]))


def register(app: Dash, data: ViewData, curate: bool) -> None:
    """The callbacks of the views menu and of the notes (saving and adding with ``curate``)."""
    store = data.store
    views_in = {"opened": Input(ids.VIEWS_OPEN, "n_clicks")}
    views_out = {"list": Output(ids.VIEWS_LIST, "children")}
    views_state: dict = {}
    if curate:
        views_in["save"] = Input(ids.VIEW_SNAPSHOT, "data")
        views_out |= {"status": Output(ids.VIEW_STATUS, "children"),
                      "name": Output(ids.VIEW_NAME, "value")}
        views_state = {"name": State(ids.VIEW_NAME, "value"), "query": State(ids.QUERY, "data")}
        # "Save" takes the positions on the page first (assets/mental_map.js), then saves
        app.clientside_callback(
            """function(n) { return n ? {positions: window.relgraphMap ?
                                         window.relgraphMap.snapshot() : null, n: n}
                                      : window.dash_clientside.no_update; }""",
            Output(ids.VIEW_SNAPSHOT, "data"), Input(ids.VIEW_SAVE, "n_clicks"),
            prevent_initial_call=True)

    @app.callback(output=views_out, inputs=views_in, state=views_state)
    def saved_views(opened: object, save: object = None, name: object = None,
                    query: object = None) -> dict:
        out: dict = {}
        if curate:
            out = {"status": "", "name": no_update}
            if ctx.triggered_id == ids.VIEW_SNAPSHOT and save:
                try:
                    wanted = check.text(name, "view name") or ""
                    placed = snapshot_positions(save)
                    row = store.save_view(wanted, check.text(query, "view") or "",
                                          user_from_headers(request.headers), placed)
                    where = f" with where its {len(placed):,} actors are" if placed else ""
                    out = {"status": f"saved '{row['name']}'{where}", "name": ""}
                except (CurationError, InvalidValue) as exc:
                    out = {"status": html.Span(str(exc), className="error"),
                           "name": no_update}
        return {**out, "list": view_links(store.saved_views())}

    @app.callback(Output(ids.VIEW_PLACES, "data"), Input(ids.URL, "search"))
    def view_places(search: object) -> dict:
        found = places(store, check.text(search, "search"))
        if found is None:
            raise PreventUpdate
        return found

    # the page draws the saved view where it was saved (assets/mental_map.js)
    app.clientside_callback(
        """function(p) { if (p && p.positions && window.relgraphMap) {
                             window.relgraphMap.adopt(p.positions); }
                         return ""; }""",
        Output("view-places-sync", "children"), Input(ids.VIEW_PLACES, "data"),
        prevent_initial_call=True)

    notes_in = {"selected": Input(ids.SELECTED, "data")}
    notes_out = {"list": Output(ids.NOTES_LIST, "children"),
                 "hidden": Output(ids.NOTES, "hidden")}
    notes_state: dict = {}
    if curate:
        notes_in["add"] = Input(ids.NOTE_ADD, "n_clicks")
        notes_out["text"] = Output(ids.NOTE_TEXT, "value")
        notes_state = {"text": State(ids.NOTE_TEXT, "value")}

    @app.callback(output=notes_out, inputs=notes_in, state=notes_state)
    def notes(selected: object, add: object = None, text: object = None) -> dict:
        target = target_of(check.selection(selected))
        if target is None:
            return {"list": [], "hidden": True, **({"text": no_update} if curate else {})}
        out: dict = {}
        if curate:
            out["text"] = no_update
            if ctx.triggered_id == ids.NOTE_ADD and add:
                wanted = check.text(text, "note") or ""
                if not wanted.strip():
                    raise PreventUpdate
                try:
                    store.add_note(target, wanted, user_from_headers(request.headers))
                    out["text"] = ""
                except CurationError:
                    raise PreventUpdate from None
        return {**out, "list": note_items(store.notes(target)), "hidden": False}
