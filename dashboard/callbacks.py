"""Dash callbacks of the view: filters ↔ URL (with history), graph, selection and details.

Each callback names its inputs, state and outputs (Dash's flexible callback signatures:
``inputs={...}``, ``output={...}``, the filter controls as one ``controls`` group keyed as
:data:`dashboard.filters.CONTROLS`), checks the values (:mod:`dashboard.validate`), calls
pure functions (:mod:`dashboard.filters`, :mod:`dashboard.elements`, :mod:`dashboard.details`,
:mod:`dashboard.tables`) through :class:`dashboard.viewdata.ViewData` and returns its outputs
by name. Downloads, curation and uploads have their own modules.
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids, layout, panels, pickers
from dashboard import validate as check
from dashboard.details import edge_details, node_details, path_steps
from dashboard.elements import cy_layout, elements, legend
from dashboard.filters import (
    CONTROLS,
    Filters,
    canonical,
    filters_from_controls,
    filters_from_query,
    filters_to_controls,
    filters_to_query,
)
from dashboard.tables import actor_rows, dates_from_relayout, summary, timeline_figure
from dashboard.viewdata import ViewData, graph_key
from graph.core.errors import InvalidValue
from graph.slices.corpus import Corpus

__all__ = ["TABLE_TAB", "details_view", "options_for", "register", "table_rows", "view_parts"]

TABLE_TAB = "table"  # the dock's tab value of the actor table (dashboard/layout.py: dock)

URL_SYNC_JS = """function(query, loaded) {
    // The view's query goes into the URL: a new history entry for a change made on the page,
    // a replaced one when the view came from the URL itself (a link, Back or Forward).
    const search = query ? "?" + query : "";
    if (search === window.location.search) { return window.dash_clientside.no_update; }
    // a saved view's link (view=, dashboard/views_notes.py) keeps its name in the address
    var here = new URLSearchParams(window.location.search);
    if (query === loaded && here.has("view")) {
        here.delete("view");
        if (here.toString() === (query || "")) { return window.dash_clientside.no_update; }
    }
    if (query === loaded) {
        window.history.replaceState(null, "", window.location.pathname + search);
    }
    return search;  // dcc.Location pushes it when it differs from the address bar
}"""


def _controls(kind: type[Input] | type[State]) -> dict:
    """The filter controls as a named group of ``kind`` dependencies (see CONTROLS)."""
    return {name: kind(i, p) for name, (i, p) in CONTROLS.items()}


def register(app: Dash, data: ViewData, curate: bool = False) -> None:
    """Attach the view's callbacks to ``app``, reading through ``data``; with ``curate`` the
    details carry the curation controls (see :mod:`dashboard.curation_callbacks`)."""

    @app.callback(
        output={"controls": {name: Output(i, p, allow_duplicate=True)
                             for name, (i, p) in CONTROLS.items()},
                "loaded": Output(ids.LOADED, "data")},
        inputs={"search": Input(ids.URL, "search"), "reset": Input(ids.RESET, "n_clicks")},
        state={"current": State(ids.QUERY, "data")},
        prevent_initial_call="initial_duplicate")
    def load_filters(search: object, reset: object, current: object) -> dict:
        if ctx.triggered_id == ids.RESET:
            return {"controls": filters_to_controls(Filters()), "loaded": no_update}
        wanted = canonical(check.text(search, "search") or "")
        if current is not None and wanted == current:
            raise PreventUpdate  # the URL was written from this very view
        return {"controls": filters_to_controls(filters_from_query(search or "")),
                "loaded": wanted}

    @app.callback(
        output={"elements": Output(ids.GRAPH, "elements"), "layout": Output(ids.GRAPH, "layout"),
                "summary": Output(ids.SUMMARY, "children"),
                "timeline": Output(ids.TIMELINE, "figure"),
                "query": Output(ids.QUERY, "data"), "legend": Output(ids.LEGEND, "children"),
                "rev": Output(ids.VIEW_REV, "data")},
        inputs={"controls": _controls(Input), "data_rev": Input(ids.DATA_REV, "data")},
        prevent_initial_call=True)
    def update_view(controls: dict, data_rev: object) -> dict:
        # Not run on page load with default values: load_filters sets the controls from the
        # URL first, which triggers this once with the view the link asks for. Also run when
        # a decision or an upload changed the store (data_rev).
        f = filters_from_controls(controls)
        parts = view_parts(data, f)
        return {**parts, "layout": cy_layout(f.layout, parts["elements"])}

    @app.callback(output={"rows": Output(ids.TABLE, "data")},
                  inputs={"tab": Input(ids.DOCK, "value"), "controls": _controls(Input),
                          "data_rev": Input(ids.DATA_REV, "data")},
                  prevent_initial_call=True)
    def update_table(tab: object, controls: dict, data_rev: object) -> dict:
        # The actor table's figures (betweenness, communities) only while its tab is open,
        # and when it opens: a closed tab keeps the rows of an older view, never shown.
        if tab != TABLE_TAB:
            raise PreventUpdate
        return {"rows": table_rows(data, filters_from_controls(controls))}

    # The view's actors revision goes on to ACTORS_REV only when it changed: details, tools,
    # history and suggestions follow that, and need not run again for a filter change.
    app.clientside_callback(
        """function(rev, current) { return rev === current ? window.dash_clientside.no_update
                                                           : rev; }""",
        Output(ids.ACTORS_REV, "data"), Input(ids.VIEW_REV, "data"),
        State(ids.ACTORS_REV, "data"), prevent_initial_call=True)

    # A double-click on an actor (assets/relgraph.js) expands it, or collapses it again:
    # the view's list of expanded actors, a filter like any other (URL, history).
    app.clientside_callback(
        """function(toggle, current) {
            if (!toggle || !toggle.id) { return window.dash_clientside.no_update; }
            const list = (current || []).slice();
            const at = list.indexOf(toggle.id);
            if (at >= 0) { list.splice(at, 1); } else { list.push(toggle.id); }
            return list;
        }""",
        Output(ids.EXPAND, "data"), Input(ids.EXPAND_TOGGLE, "data"), State(ids.EXPAND, "data"),
        prevent_initial_call=True)

    # Several actors selected: "Hide these" adds them to the view's hidden actors,
    # "Show all again" undoes that and "Show only these" (assets/relgraph.js)
    app.clientside_callback(
        """function(add, current) {
            if (!add || !add.ids) { return window.dash_clientside.no_update; }
            return Array.from(new Set((current || []).concat(add.ids)));
        }""",
        Output(ids.DROP, "data"), Input(ids.DROP_ADD, "data"), State(ids.DROP, "data"),
        prevent_initial_call=True)
    app.clientside_callback(
        """function(n) { return n ? [[], []] : window.dash_clientside.no_update; }""",
        Output(ids.DROP, "data", allow_duplicate=True),
        Output(ids.ONLY, "data", allow_duplicate=True), Input(ids.SHOW_ALL, "n_clicks"),
        prevent_initial_call=True)
    app.clientside_callback(
        """function(drop, only) { return !((drop || []).length || (only || []).length); }""",
        Output(ids.SHOW_ALL, "hidden"), Input(ids.DROP, "data"), Input(ids.ONLY, "data"),
        prevent_initial_call=True)

    app.clientside_callback(URL_SYNC_JS, Output(ids.URL, "search"), Input(ids.QUERY, "data"),
                            State(ids.LOADED, "data"), prevent_initial_call=True)

    @app.callback(
        output={"start": Output(ids.DATES, "start_date", allow_duplicate=True),
                "end": Output(ids.DATES, "end_date", allow_duplicate=True)},
        inputs={"relayout": Input(ids.TIMELINE, "relayoutData")}, prevent_initial_call=True)
    def timeline_to_dates(relayout: object) -> dict:
        picked = dates_from_relayout(relayout if isinstance(relayout, dict) else None)
        if picked is None:
            raise PreventUpdate
        return {"start": picked[0], "end": picked[1]}

    app.clientside_callback(
        """function(n, cls) { return n ? (cls.includes(" open") ? cls.replace(" open", "")
                                            : cls + " open") : cls; }""",
        Output(ids.FILTERS_PANEL, "className"), Input(ids.FILTERS_TOGGLE, "n_clicks"),
        State(ids.FILTERS_PANEL, "className"), prevent_initial_call=True)

    @app.callback(
        output={"selected": Output(ids.SELECTED, "data"),
                "more": Output(ids.MORE_EVIDENCE, "n_clicks")},
        inputs={"node": Input(ids.GRAPH, "tapNodeData"), "edge": Input(ids.GRAPH, "tapEdgeData"),
                "cell": Input(ids.TABLE, "active_cell"),
                "close": Input(ids.DETAILS_CLOSE, "n_clicks")},
        prevent_initial_call=True)
    def select(node: object, edge: object, cell: object, close: object) -> dict:
        prop = ctx.triggered[0]["prop_id"] if ctx.triggered else ""
        if prop.endswith("tapNodeData") and isinstance(node, dict):
            sel = {"kind": "node", "id": node.get("id"), "label": node.get("label")}
        elif prop.endswith("tapEdgeData") and isinstance(edge, dict):
            sel = {"kind": "edge", "a": edge.get("a"), "b": edge.get("b")}
        elif prop.endswith("active_cell") and isinstance(cell, dict):
            sel = {"kind": "node", "id": cell.get("row_id"), "centre": True}
        elif prop.startswith(ids.DETAILS_CLOSE):
            return {"selected": None, "more": 0}
        else:
            raise PreventUpdate
        return {"selected": check.selection(sel), "more": 0}

    @app.callback(
        output={"selected": Output(ids.SELECTED, "data", allow_duplicate=True),
                "focus": Output(ids.FOCUS, "value", allow_duplicate=True),
                "search": Output(ids.SEARCH, "value"),
                "more": Output(ids.MORE_EVIDENCE, "n_clicks", allow_duplicate=True)},
        inputs={"value": Input(ids.SEARCH, "value")}, state={"controls": _controls(State)},
        prevent_initial_call=True)
    def search(value: object, controls: dict) -> dict:
        if not value:
            raise PreventUpdate
        if not isinstance(value, str):
            raise InvalidValue("search must be an actor id")
        G = data.graph(filters_from_controls(controls))
        # An actor outside the view: focus on it, so it comes into view with its neighbours.
        return {"selected": {"kind": "node", "id": value, "centre": True},
                "focus": no_update if value in G else value, "search": None, "more": 0}

    app.clientside_callback(
        """function(sel) { if (window.relgraph) { if (sel) { window.relgraph.want(sel); }
                           else { window.relgraph.clear(); } } return ""; }""",
        Output("select-sync", "children"), Input(ids.SELECTED, "data"))

    @app.callback(Output(ids.FOCUS, "value", allow_duplicate=True),
                  inputs={"clicks": Input(ids.SHOW_SELECTED, "n_clicks")},
                  state={"selected": State(ids.SELECTED, "data")}, prevent_initial_call=True)
    def focus_on_selected(clicks: object, selected: object) -> str:
        sel = check.selection(selected)
        if not clicks or not sel or sel["kind"] != "node":
            raise PreventUpdate
        return sel["id"]

    @app.callback(
        output={"body": Output(ids.DETAILS, "children"),
                "hidden": Output(ids.DETAILS_PANEL, "hidden"),
                "more_hidden": Output(ids.MORE_EVIDENCE, "hidden"),
                "more": Output(ids.MORE_EVIDENCE, "children"),
                "focus_hidden": Output(ids.SHOW_SELECTED, "hidden"),
                "focus": Output(ids.SHOW_SELECTED, "children"),
                "head": Output(ids.DETAILS_HEAD, "children")},
        inputs={"selected": Input(ids.SELECTED, "data"), "query": Input(ids.QUERY, "data"),
                "more": Input(ids.MORE_EVIDENCE, "n_clicks"),
                "actors_rev": Input(ids.ACTORS_REV, "data")},
        state={"controls": _controls(State)})
    def show_details(selected: object, query: object, more: object, actors_rev: object,
                     controls: dict) -> dict:
        sel = check.selection(selected)
        f = filters_from_controls(controls)
        shown = panels.PAGE * (1 + min(check.clicks(more) or 0, 10_000))
        # the same panel for the same view and selection (a layout change, a second page)
        return data.cached(("details", graph_key(f), json.dumps(sel, sort_keys=True), shown,
                            curate), lambda _: details_view(data, f, sel, shown, curate))

    options = {"articles": Output(ids.ARTICLES, "options"),
               "actors": Output(ids.ACTOR_OPTIONS, "data"),
               "kinds": Output(ids.KINDS, "options"),
               "first_day": Output(ids.DATES, "min_date_allowed"),
               "last_day": Output(ids.DATES, "max_date_allowed")}

    @app.callback(output=options, inputs={"data_rev": Input(ids.DATA_REV, "data")},
                  prevent_initial_call=True)
    def refresh_options(data_rev: object) -> dict:
        # An upload or a decision changed the store: every list of articles, actors and kinds
        # (the actor pickers rank from the new list on the page)
        return options_for(data)

    pickers.register(app, curate)


def view_parts(data: ViewData, f: Filters) -> dict:
    """Everything the page shows for the view ``f`` (graph elements, summary, legend,
    timeline; the actor table is :func:`table_rows`, computed only while its tab is open),
    its canonical query and ``rev``: the actors revision it was built on,
    which decisions made from it are checked against (read first: the view can only be
    newer, never older). Computed once per store revision and view, and shared: callers must
    not change it."""
    def build(c: Corpus) -> dict:
        rev = c.actors_rev
        G = data.graph(f)
        return {"rev": rev, "elements": elements(G, f.layout, f.size_by, f.color_by,
                                               pos=data.positions(G, f.layout)),
                "summary": summary(G),
                "timeline": timeline_figure(c.articles, G),
                "query": filters_to_query(f),
                "legend": layout.legend_items(legend(G, f.color_by, f.size_by))}

    return data.cached(("view", f), build, lambda v: len(v["elements"]))


def table_rows(data: ViewData, f: Filters) -> list[dict]:
    """The actor table of the view ``f`` (betweenness and communities: the costly part of a
    view), once per store revision and view; asked for only while the table's tab is open."""
    return data.cached(("table", f), lambda _: actor_rows(data.graph(f)), len)


def details_view(data: ViewData, f: Filters, sel: dict | None, shown: int,
                 curate: bool = False) -> dict:
    """The details drawer for the selection (or the path) in the view ``f``, by the names of
    the ``show_details`` outputs: ``body``, ``hidden`` (the drawer), ``more_hidden`` and
    ``more`` (the "show more" button), ``focus_hidden`` and ``focus`` (the "focus on it"
    button), ``head``. Says so when the selection left the view. An actor's name and facts
    are the head (its curation tools follow them); ``curate`` adds reject buttons to a
    link's evidence."""
    def drawer(body: list, head: list | None = None, more: str | None = None,
               focus: str | None = None) -> dict:
        return {"body": body, "hidden": False, "more_hidden": more is None,
                "more": more or "", "focus_hidden": focus is None, "focus": focus or "",
                "head": head or []}

    if sel is None and not f.path:
        return {**drawer([]), "hidden": True}
    G = data.graph(f)
    if sel is None:
        steps = path_steps(G, lambda u, v: data.edge_evidence(G, u, v, f))
        ends = (data.label(G, f.source), data.label(G, f.target))
        return drawer(panels.path_panel(steps, ends))
    if sel["kind"] == "node":
        node = sel["id"]
        if node not in G:
            name = sel.get("label") or str(node)
            return drawer(panels.left_view_panel(name), focus=f"Focus on {name}")
        articles = data.cached("articles by id", lambda c: {a["id"]: a for a in c.articles})
        d = node_details(G, node, articles, data.evidence(G, node, f), shown=shown,
                         in_articles=data.actor_articles(node, f))
        return drawer(panels.node_body(d), panels.node_head(d), panels.more_label(d))
    u, v = sel["a"], sel["b"]
    if not G.has_edge(u, v):
        return drawer(panels.left_view_panel(f"{data.label(G, u)} — {data.label(G, v)}"))
    evidence, spans = data.edge_evidence(G, u, v, f)
    d = edge_details(G, u, v, evidence, spans, shown=shown)
    return drawer(panels.edge_panel(d, curate), more=panels.more_label(d))


def options_for(data: ViewData) -> dict:
    """Options of every control that lists the store's articles, actors or kinds, by the
    names of the ``refresh_options`` outputs (once per store revision)."""
    def build(c: Corpus) -> dict:
        arts = c.articles
        days = sorted(a["date"] for a in arts if a["date"])
        return {"articles": layout.article_options(arts), "actors": data.actor_options(),
                "kinds": layout.kind_options(c.relation_kinds),
                "first_day": days[0] if days else None, "last_day": days[-1] if days else None}

    return data.cached("options", build)
