"""Download callbacks: a picture of the view (made in the browser), the view's data
(the CLI's writers), its events table (as ``relgraph events``), briefing images (drawn on the
server, as ``relgraph export``) and the briefing pack (as ``relgraph brief``)."""

from __future__ import annotations

import re
import time

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard import validate as check
from dashboard.filters import CONTROLS, Filters, filters_from_controls
from dashboard.viewdata import ViewData
from graph.briefing.content import build_briefing
from graph.briefing.pack import pack_zip
from graph.core.choices import DATA_FORMATS, EVENT_FORMATS
from graph.core.errors import EmptySliceError
from graph.slices.events import event_records
from graph.views.event_table import event_table_bytes
from graph.views.exports import to_bytes
from graph.views.image import image_bytes
from graph.views.notes import attach_notes

__all__ = ["download_payload", "events_payload", "pack_payload", "register"]


def _file_name(title: str | None) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", title or "").strip("-").lower()[:60]
    return f"relgraph-{slug or 'briefing'}"


def download_payload(data: ViewData, f: Filters, fmt: str, briefing: bool,
                     options: dict | None = None) -> tuple[str, bytes]:
    """(file name, bytes) of a download: the view's data in ``fmt``, or its briefing image
    (the view as drawn: focus and path highlighted and named in the caption; ``options``
    from :func:`dashboard.validate.briefing_options`)."""
    if briefing:
        options = dict(options or {})
        G = data.graph(f)
        arts = data.view_articles(G) if options.pop("sources", False) else None
        name = _file_name(options.get("title"))
        return (f"{name}.{fmt}",
                image_bytes(G, fmt, caption=data.caption(f, G), sources=arts,
                            size_by=f.size_by, color_by=f.color_by, **options))
    G = attach_notes(data.graph(f, evidence=True), data.store)  # a fresh graph, not the cache's
    return f"relgraph.{'zip' if fmt == 'csv' else fmt}", to_bytes(G, fmt)


def pack_payload(data: ViewData, f: Filters, title: str | None = None,
                 subtitle: str = "") -> tuple[str, bytes]:
    """(file name, bytes) of the view's briefing pack: a zip of the deck, the PDF and the
    Markdown (with its SVG), as ``relgraph brief`` writes them for the same view."""
    b = build_briefing(data.store, f.slice, top=f.top, focus=f.focus, depth=f.depth,
                       path=f.path, title=title, subtitle=subtitle, corpus=data.corpus(),
                       hide_isolated=f.hide_isolated)
    name = _file_name(title)
    return f"{name}.zip", pack_zip(b, name)


def events_payload(data: ViewData, f: Filters, fmt: str) -> tuple[str, bytes, int]:
    """(file name, bytes, number of events) of the view's slice as an events table in
    ``fmt`` (``csv`` or ``json``), the records ``relgraph events`` writes."""
    records = event_records(data.store, f.slice)
    return f"relgraph-events.{fmt}", event_table_bytes(records, fmt), len(records)


def register(app: Dash, data: ViewData) -> None:
    """Attach the download callbacks (picture, data files, briefing image) to ``app``."""
    controls = {name: State(i, p) for name, (i, p) in CONTROLS.items()}

    # The picture of the view is made in the browser, with a title line and the legend
    # (assets/view_image.js); its data never travels to the server (a large view's PNG is
    # more than a server without uploads accepts in a request, guard.MAX_CALLBACK_BODY).
    app.clientside_callback(
        ClientsideFunction("relgraph", "exportView"), Output(ids.IMAGE_STATUS, "children"),
        Input(ids.PNG, "n_clicks"), Input(ids.SVG, "n_clicks"), prevent_initial_call=True)

    @app.callback(
        output={"download": Output(ids.DOWNLOAD, "data"),
                "status": Output(ids.IMAGE_STATUS, "children", allow_duplicate=True)},
        inputs={"buttons": {fmt: Input(ids.data_button(fmt), "n_clicks")
                            for fmt in DATA_FORMATS}},
        state={"controls": dict(controls)}, prevent_initial_call=True)
    def download_data(buttons: dict, controls: dict) -> dict:
        f = filters_from_controls(controls)
        fmt = str(ctx.triggered_id).removeprefix("download-")
        if fmt not in DATA_FORMATS:
            raise PreventUpdate
        name, payload = download_payload(data, f, fmt, briefing=False)
        return {"download": dcc.send_bytes(payload, name),
                "status": f"{name} downloaded ({_size(payload)})"}

    @app.callback(
        output={"download": Output(ids.DOWNLOAD, "data", allow_duplicate=True),
                "status": Output(ids.IMAGE_STATUS, "children", allow_duplicate=True)},
        inputs={"buttons": {fmt: Input(ids.events_button(fmt), "n_clicks")
                            for fmt in EVENT_FORMATS}},
        state={"controls": dict(controls)}, prevent_initial_call=True)
    def download_events(buttons: dict, controls: dict) -> dict:
        f = filters_from_controls(controls)
        fmt = str(ctx.triggered_id).removeprefix("download-events-")
        if fmt not in EVENT_FORMATS:
            raise PreventUpdate
        name, payload, n = events_payload(data, f, fmt)
        return {"download": dcc.send_bytes(payload, name),
                "status": f"{name} downloaded ({n:,} events, {_size(payload)})"}

    @app.callback(
        output={"download": Output(ids.DOWNLOAD, "data", allow_duplicate=True),
                "status": Output(ids.BRIEFING_STATUS, "children")},
        inputs={"clicks": Input(ids.BRIEFING, "n_clicks")},
        state={"fmt": State(ids.BRIEFING_FORMAT, "value"),
               "title": State(ids.BRIEFING_TITLE, "value"),
               "subtitle": State(ids.BRIEFING_SUBTITLE, "value"),
               "size": State(ids.BRIEFING_SIZE, "value"),
               "width": State(ids.BRIEFING_WIDTH, "value"),
               "height": State(ids.BRIEFING_HEIGHT, "value"),
               "sources": State(ids.BRIEFING_SOURCES, "value"),
               "controls": dict(controls)},
        prevent_initial_call=True,
        running=[(Output(ids.BRIEFING, "disabled"), True, False),
                 (Output(ids.BRIEFING, "children"), "Drawing…", "Download briefing")])
    def download_briefing(clicks: object, fmt: object, title: object, subtitle: object,
                          size: object, width: object, height: object, sources: object,
                          controls: dict) -> dict:
        fmt = check.image_format(fmt)
        f = filters_from_controls(controls)
        options = check.briefing_options(title, subtitle, size, width, height, sources)
        started = time.perf_counter()
        try:
            name, payload = download_payload(data, f, fmt, True, options)
        except (EmptySliceError, ValueError) as exc:
            return {"download": no_update, "status": str(exc)}
        took = time.perf_counter() - started
        return {"download": dcc.send_bytes(payload, name),
                "status": f"{fmt.upper()} ready in {took:.1f} s ({_size(payload)})"}


    @app.callback(
        output={"download": Output(ids.DOWNLOAD, "data", allow_duplicate=True),
                "status": Output(ids.BRIEFING_STATUS, "children", allow_duplicate=True)},
        inputs={"clicks": Input(ids.BRIEFING_PACK, "n_clicks")},
        state={"title": State(ids.BRIEFING_TITLE, "value"),
               "subtitle": State(ids.BRIEFING_SUBTITLE, "value"),
               "controls": dict(controls)},
        prevent_initial_call=True,
        running=[(Output(ids.BRIEFING_PACK, "disabled"), True, False),
                 (Output(ids.BRIEFING_PACK, "children"), "Writing…", "Briefing pack")])
    def download_pack(clicks: object, title: object, subtitle: object,
                      controls: dict) -> dict:
        f = filters_from_controls(controls)
        options = check.briefing_options(title, subtitle, "16:9", None, None, [])
        started = time.perf_counter()
        try:
            name, payload = pack_payload(data, f, options["title"], options["subtitle"])
        except (EmptySliceError, ValueError) as exc:
            return {"download": no_update, "status": str(exc)}
        took = time.perf_counter() - started
        return {"download": dcc.send_bytes(payload, name),
                "status": f"Pack ready in {took:.1f} s ({_size(payload)})"}


def _size(data: bytes) -> str:
    return f"{len(data) / 1024:,.0f} KB" if len(data) < 1024**2 else (
        f"{len(data) / 1024**2:,.1f} MB")
