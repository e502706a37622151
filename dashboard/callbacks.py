"""Dash callbacks of the view: filters ↔ URL (with history), graph, selection and details.

Each reads component values, calls pure functions (:mod:`.filters`, :mod:`.elements`,
:mod:`.details`, :mod:`.tables`) through :class:`.source.Source`, and formats the result.
Downloads and uploads have their own modules.
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from graph.slices.corpus import Corpus

from . import ids, layout, panels
from .details import edge_details, node_details, path_steps
from .elements import elements, legend
from .filters import (
    CONTROLS,
    Filters,
    canonical,
    controls_to_filters,
    filters_from_query,
    filters_to_controls,
    filters_to_query,
)
from .guard import InvalidInput
from .source import Source, graph_key
from .tables import actor_rows, dates_from_relayout, summary, timeline_figure

__all__ = ["CONTROLS", "register"]

URL_SYNC_JS = """function(query, loaded) {
    // The view's query goes into the URL: a new history entry for a change made on the page,
    // a replaced one when the view came from the URL itself (a link, Back or Forward).
    const search = query ? "?" + query : "";
    if (search === window.location.search) { return window.dash_clientside.no_update; }
    if (query === loaded) {
        window.history.replaceState(null, "", window.location.pathname + search);
    }
    return search;  // dcc.Location pushes it when it differs from the address bar
}"""


def _selection(value: object) -> dict | None:
    """A selection sent by the page, checked (it names node ids as strings)."""
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("kind") not in ("node", "edge") or not all(
            isinstance(value.get(k), str) for k in (("id",) if value["kind"] == "node"
                                                    else ("a", "b"))):
        raise InvalidInput("selection must name a node or an edge")
    return value


def register(app: Dash, source: Source, curate: bool = False) -> None:
    """Attach the view's callbacks to ``app``, reading data through ``source``; with
    ``curate`` the details carry the curation controls (see :mod:`.curation_callbacks`)."""
    controls_in = [Input(i, p) for i, p in CONTROLS]
    controls_state = [State(i, p) for i, p in CONTROLS]
    n = len(CONTROLS)

    @app.callback([Output(i, p, allow_duplicate=True) for i, p in CONTROLS],
                  Output(ids.LOADED, "data"), Input(ids.URL, "search"),
                  Input(ids.RESET, "n_clicks"), State(ids.QUERY, "data"),
                  prevent_initial_call="initial_duplicate")
    def load_filters(search, _reset, current):
        if ctx.triggered_id == ids.RESET:
            return [*filters_to_controls(Filters()), no_update]
        if not isinstance(search, str | None):
            raise InvalidInput("search must be a string")
        wanted = canonical(search or "")
        if current is not None and wanted == current:
            raise PreventUpdate  # the URL was written from this very view
        return [*filters_to_controls(filters_from_query(search or "")), wanted]

    @app.callback(Output(ids.GRAPH, "elements"), Output(ids.GRAPH, "layout"),
                  Output(ids.SUMMARY, "children"), Output(ids.TIMELINE, "figure"),
                  Output(ids.TABLE, "data"), Output(ids.QUERY, "data"),
                  Output(ids.LEGEND, "children"), Output(ids.VIEW_REV, "data"),
                  *controls_in, Input(ids.DATA_REV, "data"), prevent_initial_call=True)
    def update_view(*args):
        # Not run on page load with default values: load_filters sets the controls from the
        # URL first, which triggers this once with the view the link asks for. Also run when
        # a decision or an upload changed the store (DATA_REV).
        f = controls_to_filters(list(args[:n]))
        v = view_parts(source, f)
        return (v["elements"], {"name": f.layout, "fit": True, "padding": 24,
                                "animate": False},
                v["summary"], v["timeline"], v["rows"], v["query"], v["legend"], v["rev"])

    # The view's actors revision goes on to ACTORS_REV only when it changed: details, tools,
    # history and suggestions follow that, and need not run again for a filter change.
    app.clientside_callback(
        """function(rev, current) { return rev === current ? window.dash_clientside.no_update
                                                           : rev; }""",
        Output(ids.ACTORS_REV, "data"), Input(ids.VIEW_REV, "data"),
        State(ids.ACTORS_REV, "data"), prevent_initial_call=True)

    app.clientside_callback(URL_SYNC_JS, Output(ids.URL, "search"), Input(ids.QUERY, "data"),
                            State(ids.LOADED, "data"), prevent_initial_call=True)

    @app.callback(Output(ids.DATES, "start_date", allow_duplicate=True),
                  Output(ids.DATES, "end_date", allow_duplicate=True),
                  Input(ids.TIMELINE, "relayoutData"), prevent_initial_call=True)
    def timeline_to_dates(relayout):
        picked = dates_from_relayout(relayout if isinstance(relayout, dict) else None)
        if picked is None:
            raise PreventUpdate
        return picked

    app.clientside_callback(
        """function(n, cls) { return n ? (cls.includes(" open") ? cls.replace(" open", "")
                                            : cls + " open") : cls; }""",
        Output(ids.FILTERS_PANEL, "className"), Input(ids.FILTERS_TOGGLE, "n_clicks"),
        State(ids.FILTERS_PANEL, "className"), prevent_initial_call=True)

    @app.callback(Output(ids.SELECTED, "data"), Output(ids.MORE_EVIDENCE, "n_clicks"),
                  Input(ids.GRAPH, "tapNodeData"), Input(ids.GRAPH, "tapEdgeData"),
                  Input(ids.TABLE, "active_cell"), Input(ids.DETAILS_CLOSE, "n_clicks"),
                  prevent_initial_call=True)
    def select(node, edge, cell, _close):
        prop = ctx.triggered[0]["prop_id"] if ctx.triggered else ""
        if prop.endswith("tapNodeData") and isinstance(node, dict):
            return _selection({"kind": "node", "id": node.get("id"),
                               "label": node.get("label")}), 0
        if prop.endswith("tapEdgeData") and isinstance(edge, dict):
            return _selection({"kind": "edge", "a": edge.get("a"), "b": edge.get("b")}), 0
        if prop.endswith("active_cell") and isinstance(cell, dict):
            return _selection({"kind": "node", "id": cell.get("row_id"), "centre": True}), 0
        if prop.startswith(ids.DETAILS_CLOSE):
            return None, 0
        raise PreventUpdate

    @app.callback(Output(ids.SELECTED, "data", allow_duplicate=True),
                  Output(ids.FOCUS, "value", allow_duplicate=True),
                  Output(ids.SEARCH, "value"), Output(ids.MORE_EVIDENCE, "n_clicks",
                                                      allow_duplicate=True),
                  Input(ids.SEARCH, "value"), *controls_state, prevent_initial_call=True)
    def search(value, *values):
        if not value:
            raise PreventUpdate
        if not isinstance(value, str):
            raise InvalidInput("search must be an actor id")
        G = source.graph(controls_to_filters(list(values)))
        # An actor outside the view: focus on it, so it comes into view with its neighbours.
        return ({"kind": "node", "id": value, "centre": True}, no_update if value in G
                else value, None, 0)

    app.clientside_callback(
        """function(sel) { if (window.relgraph) { if (sel) { window.relgraph.want(sel); }
                           else { window.relgraph.clear(); } } return ""; }""",
        Output("select-sync", "children"), Input(ids.SELECTED, "data"))

    @app.callback(Output(ids.FOCUS, "value", allow_duplicate=True),
                  Input(ids.SHOW_SELECTED, "n_clicks"), State(ids.SELECTED, "data"),
                  prevent_initial_call=True)
    def focus_on_selected(clicks, sel):
        sel = _selection(sel)
        if not clicks or not sel or sel["kind"] != "node":
            raise PreventUpdate
        return sel["id"]

    @app.callback(Output(ids.DETAILS, "children"), Output(ids.DETAILS_PANEL, "hidden"),
                  Output(ids.MORE_EVIDENCE, "hidden"), Output(ids.MORE_EVIDENCE, "children"),
                  Output(ids.SHOW_SELECTED, "hidden"), Output(ids.SHOW_SELECTED, "children"),
                  Output(ids.DETAILS_HEAD, "children"),
                  Input(ids.SELECTED, "data"), Input(ids.QUERY, "data"),
                  Input(ids.MORE_EVIDENCE, "n_clicks"), Input(ids.ACTORS_REV, "data"),
                  *controls_state)
    def show_details(sel, _query, more, _rev, *values):
        sel = _selection(sel)
        f = controls_to_filters(list(values))
        if not isinstance(more, int | None):
            raise InvalidInput("n_clicks must be a number")
        shown = panels.PAGE * (1 + min(more or 0, 10_000))
        # the same panel for the same view and selection (a layout change, a second page)
        return source.cached(("details", graph_key(f), json.dumps(sel, sort_keys=True), shown,
                              curate), lambda _: details_view(source, f, sel, shown, curate))

    option_outputs = [Output(ids.ARTICLES, "options"), Output(ids.FOCUS, "options"),
                      Output(ids.SOURCE, "options"), Output(ids.TARGET, "options"),
                      Output(ids.SEARCH, "options"), Output(ids.KINDS, "options"),
                      Output(ids.DATES, "min_date_allowed"),
                      Output(ids.DATES, "max_date_allowed")]

    @app.callback(*option_outputs, *([Output(ids.MERGE_INTO, "options")] if curate else []),
                  Input(ids.DATA_REV, "data"), prevent_initial_call=True)
    def refresh_options(_rev):
        # An upload or a decision changed the store: every list of articles, actors and kinds
        out = options_for(source)
        return (*out, out[1]) if curate else out


def view_parts(source: Source, f: Filters) -> dict:
    """Everything the page shows for the view ``f`` (graph, summary, legend, table, timeline),
    its canonical query and ``rev``: the actors revision it was built on, which decisions made
    from it are checked against (read first: the view can only be newer, never older).
    Computed once per store revision and view, and shared: callers must not change it."""
    def build(c: Corpus) -> dict:
        rev = c.actors_rev
        G = source.graph(f)
        return {"rev": rev, "elements": elements(G, f.layout, f.size_by, f.color_by),
                "summary": summary(G),
                "timeline": timeline_figure(c.articles, G), "rows": actor_rows(G),
                "query": filters_to_query(f),
                "legend": layout.legend_items(legend(G, f.color_by, f.size_by))}

    return source.cached(("view", f), build, lambda v: len(v["elements"]) + len(v["rows"]))


def details_view(source: Source, f: Filters, sel: dict | None, shown: int,
                 curate: bool = False) -> tuple:
    """(panel children, panel hidden, more hidden, more text, focus-button hidden, its text,
    head children) for the selection (or the path) in the view ``f``; says so when it left
    the view. An actor's name and facts are the head (its curation tools follow them);
    ``curate`` adds reject buttons to a link's evidence."""
    nothing = ([], True, True, "", True, "", [])
    if sel is None and not f.path:
        return nothing
    G = source.graph(f)
    if sel is None:
        steps = path_steps(G, lambda u, v: source.edge_evidence(G, u, v, f))
        ends = (source.label(G, f.source), source.label(G, f.target))
        return panels.path_panel(steps, ends), False, True, "", True, "", []
    if sel["kind"] == "node":
        node = sel["id"]
        if node not in G:
            name = sel.get("label") or str(node)
            return (panels.left_view_panel(name), False, True, "", False,
                    f"Focus on {name}", [])
        articles = source.cached("articles by id",
                                 lambda c: {a["id"]: a for a in c.articles})
        d = node_details(G, node, articles, source.evidence(G, node, f), shown=shown,
                         in_articles=source.actor_articles(node, f))
        more = panels.more_label(d)
        return (panels.node_body(d), False, more is None, more or "", True, "",
                panels.node_head(d))
    u, v = sel["a"], sel["b"]
    if not G.has_edge(u, v):
        names = f"{source.label(G, u)} — {source.label(G, v)}"
        return panels.left_view_panel(names), False, True, "", True, "", []
    evidence, spans = source.edge_evidence(G, u, v, f)
    d = edge_details(G, u, v, evidence, spans, shown=shown)
    more = panels.more_label(d)
    return panels.edge_panel(d, curate), False, more is None, more or "", True, "", []


def options_for(source: Source) -> tuple:
    """Options of every control that lists the store's articles, actors or kinds (once per
    store revision)."""
    def build(c: Corpus) -> tuple:
        arts = c.articles
        actors = source.actor_options()
        days = sorted(a["date"] for a in arts if a["date"])
        return (layout.article_options(arts), actors, actors, actors, actors,
                layout.kind_options(c.relation_kinds), days[0] if days else None,
                days[-1] if days else None)

    return source.cached("options", build)
