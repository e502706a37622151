"""Download callbacks: a picture of the view (cytoscape, in the browser), the view's data
(the CLI's writers) and briefing images (drawn on the server, as ``relgraph export``)."""

from __future__ import annotations

import re
import time

from dash import Dash, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from graph.views.exports import to_bytes
from graph.views.image import SIZES, EmptySliceError, RendererMissingError

from . import ids
from .filters import CONTROLS, Filters, controls_to_filters
from .guard import InvalidInput
from .source import Source

__all__ = ["briefing_options", "download_payload", "register"]


def briefing_options(title: object, subtitle: object, size: object, width: object,
                     height: object, sources: object) -> dict:
    """Checked briefing options (raises :class:`InvalidInput` for values no control gives)."""
    for value, name in ((title, "title"), (subtitle, "subtitle")):
        if value is not None and (not isinstance(value, str) or len(value) > 300):
            raise InvalidInput(f"{name} must be text of at most 300 characters")
    if size not in (*SIZES, "custom"):
        raise InvalidInput(f"size must be one of {', '.join(SIZES)} or custom")
    out = {"title": (title or "").strip() or None, "subtitle": (subtitle or "").strip(),
           "sources": bool(sources)}
    if size == "custom":
        for value, name in ((width, "width"), (height, "height")):
            if isinstance(value, bool) or not isinstance(value, int | float) or not (
                    200 <= value <= 10000):
                raise InvalidInput(f"{name} must be a number of pixels from 200 to 10000")
        out.update(width=int(width), height=int(height))
    else:
        out["size"] = size
    return out


def _file_name(title: str | None) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", title or "").strip("-").lower()[:60]
    return f"relgraph-{slug or 'briefing'}"


def download_payload(source: Source, f: Filters, fmt: str, briefing: bool,
                     options: dict | None = None) -> tuple[str, bytes]:
    """(file name, bytes) of a download: the view's data in ``fmt``, or its briefing image
    (the view as drawn: focus and path highlighted and named in the caption)."""
    if briefing:
        from graph.views.image import image_bytes

        options = dict(options or {})
        G = source.graph(f)
        arts = source.view_articles(G) if options.pop("sources", False) else None
        name = _file_name(options.get("title"))
        return (f"{name}.{fmt}",
                image_bytes(G, fmt, caption=source.caption(f, G), sources=arts,
                            size_by=f.size_by, color_by=f.color_by, **options))
    G = source.graph(f, evidence=True)
    return f"relgraph.{'zip' if fmt == 'csv' else fmt}", to_bytes(G, fmt)


def register(app: Dash, source: Source) -> None:
    controls_state = [State(i, p) for i, p in CONTROLS]

    @app.callback(Output(ids.GRAPH, "generateImage"), Output(ids.IMAGE_STATUS, "children"),
                  Input(ids.PNG, "n_clicks"), Input(ids.SVG, "n_clicks"),
                  prevent_initial_call=True)
    def export_view(_png, _svg):
        kind = "svg" if ctx.triggered_id == ids.SVG else "png"
        return ({"type": kind, "action": "download" if kind == "svg" else "both",
                 "filename": "relgraph-view",
                 "options": {"bg": "#ffffff", "full": True, "scale": 2}},
                "SVG downloaded" if kind == "svg" else "Preparing PNG…")

    # In the browser: the PNG's data never travels to the server (a large view's PNG is
    # more than a server without uploads accepts in a request, guard.MAX_CALLBACK_BODY).
    app.clientside_callback(
        """function(data) {
            if (typeof data !== "string" || !data) { return window.dash_clientside.no_update; }
            const kb = Math.max(1, Math.floor(data.length * 3 / 4 / 1024));
            return "PNG saved (" + kb.toLocaleString("en-US") + " KB)";
        }""",
        Output(ids.IMAGE_STATUS, "children", allow_duplicate=True),
        Input(ids.GRAPH, "imageData"), prevent_initial_call=True)

    @app.callback(Output(ids.DOWNLOAD, "data"),
                  Output(ids.IMAGE_STATUS, "children", allow_duplicate=True),
                  *[Input(ids.data_button(fmt), "n_clicks") for fmt in ids.DATA_BUTTONS],
                  *controls_state, prevent_initial_call=True)
    def download_data(*args):
        f = controls_to_filters(list(args[len(ids.DATA_BUTTONS):]))
        fmt = str(ctx.triggered_id).removeprefix("download-")
        if fmt not in ids.DATA_BUTTONS:
            raise PreventUpdate
        name, data = download_payload(source, f, fmt, briefing=False)
        return dcc.send_bytes(data, name), f"{name} downloaded ({_size(data)})"

    @app.callback(Output(ids.DOWNLOAD, "data", allow_duplicate=True),
                  Output(ids.BRIEFING_STATUS, "children"),
                  Input(ids.BRIEFING, "n_clicks"), State(ids.BRIEFING_FORMAT, "value"),
                  State(ids.BRIEFING_TITLE, "value"), State(ids.BRIEFING_SUBTITLE, "value"),
                  State(ids.BRIEFING_SIZE, "value"), State(ids.BRIEFING_WIDTH, "value"),
                  State(ids.BRIEFING_HEIGHT, "value"), State(ids.BRIEFING_SOURCES, "value"),
                  *controls_state, prevent_initial_call=True,
                  running=[(Output(ids.BRIEFING, "disabled"), True, False),
                           (Output(ids.BRIEFING, "children"), "Drawing…",
                            "Download briefing")])
    def download_briefing(_n, fmt, title, subtitle, size, width, height, sources, *values):
        if fmt not in ("png", "svg", "pdf"):
            raise InvalidInput("format must be png, svg or pdf")
        f = controls_to_filters(list(values))
        options = briefing_options(title, subtitle, size, width, height, sources)
        started = time.perf_counter()
        try:
            name, data = download_payload(source, f, fmt, True, options)
        except (EmptySliceError, RendererMissingError, ValueError) as exc:
            return no_update, str(exc)
        took = time.perf_counter() - started
        return dcc.send_bytes(data, name), (f"{fmt.upper()} ready in {took:.1f} s "
                                            f"({_size(data)})")


def _size(data: bytes) -> str:
    return f"{len(data) / 1024:,.0f} KB" if len(data) < 1024**2 else (
        f"{len(data) / 1024**2:,.1f} MB")
