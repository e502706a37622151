"""Dash callbacks: each reads component values, calls one function, formats the result."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dash import Dash, Input, Output, State, ctx, dcc, no_update

from graph.export import to_bytes
from graph.image import EmptySliceError, RendererMissingError
from graph.model import ACTOR_TYPES

from . import ids, layout
from .guard import InvalidInput
from .source import Source
from .transforms import (
    CYTO_LAYOUTS,
    SIZE_BY,
    Filters,
    actor_rows,
    dates_from_relayout,
    edge_details,
    elements,
    filters_from_query,
    filters_to_query,
    node_details,
    summary,
    timeline_figure,
)

#: Every filter control and the property holding its value, in one order.
CONTROLS = [(ids.ARTICLES, "value"), (ids.DATES, "value"), (ids.UNDATED, "value"),
            (ids.TYPES, "value"), (ids.KINDS, "value"), (ids.MIN_WEIGHT, "value"),
            (ids.HIDE_ISOLATED, "value"), (ids.TOP, "value"), (ids.FOCUS, "value"),
            (ids.DEPTH, "value"), (ids.SOURCE, "value"), (ids.TARGET, "value"),
            (ids.LAYOUT, "value"), (ids.SIZE_BY, "value")]
BOUNDS = [State(ids.DATES, "min"), State(ids.DATES, "max")]


def _strings(value: object, name: str, allowed: tuple[str, ...] | None = None) -> None:
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"{name} must be a list of strings")
    if allowed is not None and not set(value) <= set(allowed):
        raise InvalidInput(f"{name}: unknown value(s) {sorted(set(value) - set(allowed))}")


def _number(value: object, name: str, lo: float, hi: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
        raise InvalidInput(f"{name} must be a number from {lo} to {hi}")


def _text(value: object, name: str, allowed: tuple[str, ...] | None = None) -> None:
    if value is None:
        return
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        raise InvalidInput(f"{name} must be " + (f"one of {', '.join(allowed)}" if allowed
                                                  else "a string"))


def check_controls(values: list, lo: object, hi: object) -> None:
    """Raise :class:`InvalidInput` for values the page's controls cannot produce."""
    if not isinstance(values, list) or len(values) != len(CONTROLS):
        raise InvalidInput("wrong number of control values")
    (arts, span, undated, types, kinds, weight, isolated, top, focus, depth, src, tgt, lay,
     size_by) = values
    _number(lo, "date bound", 0, 10**7)
    _number(hi, "date bound", 0, 10**7)
    _strings(arts, "articles")
    if span is not None and not (isinstance(span, list) and len(span) == 2):
        raise InvalidInput("dates must be a [from, to] pair")
    for day in span or ():
        _number(day, "dates", 0, 10**7)
    _strings(undated, "undated", ("on",))
    _strings(types, "types", ACTOR_TYPES)
    _strings(kinds, "kinds")
    _number(weight, "min weight", 1, 10**6)
    _strings(isolated, "hide isolated", ("on",))
    _number(top, "top", 1, 2000)
    _number(depth, "depth", 1, 3)
    for value, name in ((focus, "focus"), (src, "path from"), (tgt, "path to")):
        _text(value, name)
    _text(lay, "layout", CYTO_LAYOUTS)
    _text(size_by, "size by", SIZE_BY)


def controls_to_filters(values: list, lo: int, hi: int) -> Filters:
    """Component values (in CONTROLS order) → Filters. Pure; raises :class:`InvalidInput`
    for values no control can produce (answered with 400)."""
    check_controls(values, lo, hi)
    lo, hi = lo or 0, hi or 1
    (arts, span, undated, types, kinds, weight, isolated, top, focus, depth, src, tgt, lay,
     size_by) = values
    span = span or [lo, hi]
    return Filters(
        articles=tuple(arts or ()),
        since=date.fromordinal(int(span[0])).isoformat() if span[0] > lo else None,
        until=date.fromordinal(int(span[1])).isoformat() if span[1] < hi else None,
        undated=bool(undated), types=() if set(types or ()) >= set(ACTOR_TYPES) else tuple(
            types or ()), kinds=tuple(kinds or ()), min_weight=int(weight or 1),
        hide_isolated=bool(isolated), top=int(top) if top else Filters.top, focus=focus or None,
        depth=int(depth or 1), source=src or None, target=tgt or None, layout=lay or "preset",
        size_by=size_by or "mentions")


def filters_to_controls(f: Filters, lo: int, hi: int) -> list:
    """Filters → component values (in CONTROLS order). Pure."""
    def day(text: str | None, default: int) -> int:
        return min(max(date.fromisoformat(text).toordinal(), lo), hi) if text else default
    return [list(f.articles), [day(f.since, lo), day(f.until, hi)], ["on"] if f.undated else [],
            list(f.types or ACTOR_TYPES), list(f.kinds), f.min_weight,
            ["on"] if f.hide_isolated else [], f.top, f.focus, f.depth, f.source, f.target,
            f.layout, f.size_by]


def register(app: Dash, source: Source) -> None:
    """Attach every callback to ``app``, reading data through ``source``."""
    controls_in = [Input(i, p) for i, p in CONTROLS]
    controls_state = [State(i, p) for i, p in CONTROLS]

    @app.callback([Output(i, p, allow_duplicate=True) for i, p in CONTROLS],
                  Input(ids.URL, "search"), Input(ids.RESET, "n_clicks"), *BOUNDS,
                  prevent_initial_call="initial_duplicate")
    def load_filters(search, _reset, lo, hi):
        f = Filters() if ctx.triggered_id == ids.RESET else filters_from_query(search or "")
        return filters_to_controls(f, lo, hi)

    @app.callback(Output(ids.GRAPH, "elements"), Output(ids.GRAPH, "layout"),
                  Output(ids.SUMMARY, "children"), Output(ids.TIMELINE, "figure"),
                  Output(ids.TABLE, "data"), Output(ids.QUERY, "data"),
                  *controls_in, *BOUNDS, prevent_initial_call=True)
    def update_view(*args):
        # Not run on page load with default values: load_filters sets the controls from the
        # URL first, which triggers this once with the view the link asks for.
        f = controls_to_filters(list(args[:len(CONTROLS)]), *args[len(CONTROLS):])
        G = source.graph(f)
        return (elements(G, f.layout, f.size_by), {"name": f.layout, "fit": True, "padding": 30,
                                       "animate": False},
                summary(G), timeline_figure(source.articles(), G), actor_rows(G),
                filters_to_query(f))

    app.clientside_callback(
        """function(query) {
            const url = window.location.pathname + (query ? "?" + query : "");
            if (url !== window.location.pathname + window.location.search) {
                window.history.replaceState(null, "", url);
            }
            return "";
        }""",
        Output(ids.URL_SYNC, "children"), Input(ids.QUERY, "data"))

    @app.callback(Output(ids.DATES, "value", allow_duplicate=True),
                  Input(ids.TIMELINE, "relayoutData"), *BOUNDS, prevent_initial_call=True)
    def timeline_to_dates(relayout, lo, hi):
        picked = dates_from_relayout(relayout)
        if picked is None:
            return no_update
        since, until = picked
        f = replace(Filters(), since=since, until=until)
        return filters_to_controls(f, lo, hi)[1]

    @app.callback(Output(ids.DETAILS, "children"), Input(ids.GRAPH, "tapNodeData"),
                  Input(ids.GRAPH, "tapEdgeData"), *controls_state, *BOUNDS,
                  prevent_initial_call=True)
    def show_details(node, edge, *args):
        f = controls_to_filters(list(args[:len(CONTROLS)]), *args[len(CONTROLS):])
        G = source.graph(f)
        articles = {a["id"]: a for a in source.articles()}
        if ctx.triggered_id == ids.GRAPH and "tapEdgeData" in ctx.triggered[0]["prop_id"]:
            if not edge or not G.has_edge(edge["source"], edge["target"]):
                return no_update
            return layout.edge_panel(edge_details(
                G, edge["source"], edge["target"],
                source.edge_evidence(edge["source"], edge["target"], f)))
        if not node or node["id"] not in G:
            return no_update
        return layout.node_panel(node_details(G, node["id"], articles,
                                              source.evidence(node["id"], f)))

    @app.callback(Output(ids.GRAPH, "generateImage"), Input(ids.PNG, "n_clicks"),
                  Input(ids.SVG, "n_clicks"), prevent_initial_call=True)
    def export_view(_png, _svg):
        kind = "svg" if ctx.triggered_id == ids.SVG else "png"
        return {"type": kind, "action": "download" if kind == "svg" else "both",
                "filename": "relgraph-view",
                "options": {"bg": "#ffffff", "full": True, "scale": 2}}

    @app.callback(Output(ids.IMAGE_STATUS, "children"), Input(ids.GRAPH, "imageData"),
                  prevent_initial_call=True)
    def image_ready(data):
        return f"PNG saved ({len(data or '') * 3 // 4 // 1024} KB)" if data else ""

    @app.callback(Output(ids.DOWNLOAD, "data"),
                  Output(ids.IMAGE_STATUS, "children", allow_duplicate=True),
                  *[Input(ids.data_button(fmt), "n_clicks") for fmt in ids.DATA_BUTTONS],
                  Input(ids.BRIEFING, "n_clicks"), State(ids.BRIEFING_FORMAT, "value"),
                  *controls_state, *BOUNDS, prevent_initial_call=True)
    def download(*args):
        n = len(ids.DATA_BUTTONS) + 2
        fmt_image, values = args[n - 1], list(args[n:n + len(CONTROLS)])
        f = controls_to_filters(values, *args[n + len(CONTROLS):])
        briefing = ctx.triggered_id == ids.BRIEFING
        fmt = fmt_image if briefing else ctx.triggered_id.removeprefix("download-")
        try:
            name, data = download_payload(source, f, fmt, briefing)
        except (EmptySliceError, RendererMissingError) as exc:
            return no_update, str(exc)
        return dcc.send_bytes(data, name), ""


def download_payload(source: Source, f: Filters, fmt: str, briefing: bool) -> tuple[str, bytes]:
    """(file name, bytes) of a download: the view's data in ``fmt``, or its briefing image."""
    if briefing:
        from graph.image import image_bytes

        G = source.graph(f)
        return (f"relgraph-briefing.{fmt}",
                image_bytes(G, fmt, caption=source.caption(f, G), title="relgraph briefing"))
    G = source.graph(f, evidence=True)
    return f"relgraph.{'zip' if fmt == 'csv' else fmt}", to_bytes(G, fmt)
