"""The Dash application factory."""

from __future__ import annotations

import os
import sys
import time
import webbrowser
from collections.abc import Iterable
from urllib.parse import urlparse

import dash_cytoscape as cyto
from dash import Dash
from flask import Flask, has_request_context, request
from waitress import create_server

from dashboard import (
    callbacks,
    collector,
    curation_callbacks,
    downloads,
    guard,
    layout,
    over_time,
    selection,
    theme,
    uploads,
    views_notes,
)
from dashboard.filters import filters_from_query
from dashboard.guard import LOOPBACK, allowed_hosts
from dashboard.viewdata import ViewData
from graph.store.store import Store

cyto.load_extra_layouts()  # fcose/cola layouts and SVG export; registers components only


def create_app(
    store: Store,
    allowed_hosts: Iterable[str] | None = None,
    read_only: bool = False,
    uploads_on: bool | None = None,
    settle: bool = False,
) -> Dash:
    """A Dash app reading ``store``; each page load reflects the store's current data.

    ``allowed_hosts``: Host header values served (see :func:`dashboard.guard.allowed_hosts`);
    default: the loopback names on any port. ``read_only``: nothing on the page writes to
    the store: no curation controls (their callbacks do not exist) and no uploads.
    ``uploads_on``: "Add articles" (default: unless read-only). ``settle``: once the corpus
    is loaded, keep what is alive then out of the garbage collector's work (a server process:
    :mod:`dashboard.collector`).
    """
    curate = not read_only
    uploads_on = curate if uploads_on is None else uploads_on and curate
    app = Dash(__name__, title="relgraph", update_title=None, suppress_callback_exceptions=False)
    # request bodies: an upload (base64 in JSON) with uploads on, else a callback call
    app.server.config["MAX_CONTENT_LENGTH"] = (
        2 * uploads.MAX_TOTAL_BYTES if uploads_on else guard.MAX_CALLBACK_BODY
    )
    data = ViewData(store, on_load=collector.settle if settle else None)

    def page():
        # The page's own URL (the layout is fetched by the page, which sends it as Referer):
        # the first graph comes with the layout, not after two callback round trips.
        referrer = request.referrer if has_request_context() else None  # Dash calls it once
        f = filters_from_query(urlparse(referrer or "").query)  # outside a request

        return layout.page(
            data.articles(),
            data.actor_options(),
            data.corpus().relation_kinds,
            uploads=uploads_on,
            f=f,
            view=callbacks.view_parts(data, f),
            curate=curate,
        )

    app.layout = page
    callbacks.register(app, data, curate)
    curation_callbacks.register(app, data, curate)
    downloads.register(app, data)
    over_time.register(app, data)
    views_notes.register(app, data, curate)
    selection.register(app, data, curate)
    theme.register(app)
    if uploads_on:
        uploads.register(app, data, uploads.Uploads(store))
    guard.install(
        app.server, LOOPBACK if allowed_hosts is None else allowed_hosts, app.callback_map
    )
    return app


def server(
    db: str | None = None,
    allow_hosts: Iterable[str] = (),
    read_only: bool | None = None,
    uploads_on: bool | None = None,
) -> Flask:
    """The Flask (WSGI) server for a database: ``gunicorn 'dashboard:server("x.db")'``.

    Serves the loopback names, ``allow_hosts`` and the comma-separated names in
    ``$RELGRAPH_ALLOW_HOSTS`` (the names a reverse proxy passes on as ``Host``). Curation
    is on (decisions are checked against each view's revision, so any number of worker
    processes is safe) unless ``read_only`` or ``$RELGRAPH_READ_ONLY=1``. Uploads are off
    unless ``uploads_on`` or ``$RELGRAPH_UPLOADS=1`` (their jobs live in one process): a
    shared deployment decides to accept articles from its users.
    """
    extra = [h for h in os.environ.get("RELGRAPH_ALLOW_HOSTS", "").split(",") if h.strip()]
    if read_only is None:
        read_only = _env_flag("RELGRAPH_READ_ONLY")
    if uploads_on is None:
        uploads_on = _env_flag("RELGRAPH_UPLOADS")
    return create_app(
        Store(db),
        allowed_hosts=[*LOOPBACK, *allow_hosts, *extra],
        read_only=read_only,
        uploads_on=uploads_on,
        settle=True,
    ).server


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def serve(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 8050,
    open_browser: bool = False,
    allow_hosts: Iterable[str] = (),
    read_only: bool = False,
    threads: int = 8,
    access_log: bool = False,
) -> None:
    """Run the app with waitress, a production WSGI server: one process (upload jobs live in
    it) answering ``threads`` requests at once, debug always off, serving only the names it
    was bound for. No access log unless ``access_log`` (one line per request on stderr).
    Returns when interrupted (Ctrl+C)."""
    app = create_app(
        store,
        allowed_hosts=allowed_hosts(host, port, allow_hosts),
        read_only=read_only,
        settle=True,
    )
    wsgi = _logged(app.server) if access_log else app.server
    # create_server binds now (a port in use is an OSError here); waitress.serve() would also
    # configure the root logger and print its own "Serving on" line
    # waitress stops reading a body past the app's own limit (else it spools up to 1 GB to a
    # temporary file before the app can answer 413)
    server = create_server(
        wsgi,
        host=host,
        port=port,
        threads=threads,
        ident="relgraph",
        max_request_body_size=app.server.config["MAX_CONTENT_LENGTH"],
    )
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print(f"relgraph dashboard on {url} (Ctrl+C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    server.run()  # ends on KeyboardInterrupt after closing the socket and the threads


def _logged(wsgi):  # noqa: ANN001, ANN202
    """``wsgi`` writing one line per request to stderr (client, time, request line, status)
    in the common log format. Hand-written: waitress has no access log, and paste's
    TransLogger would be a dependency for these few lines."""

    def app(environ, start_response):  # noqa: ANN001, ANN202
        status = ["-"]

        def start(code, headers, exc_info=None):  # noqa: ANN001, ANN202
            status[0] = code.split(" ", 1)[0]
            return start_response(code, headers, exc_info)

        try:
            return wsgi(environ, start)
        finally:
            query = environ.get("QUERY_STRING")
            target = environ.get("PATH_INFO", "") + (f"?{query}" if query else "")
            # a decoded path may hold newlines or quotes: escaped, a request is one line
            target = "".join(
                c if c.isprintable() and c != '"' else f"\\x{ord(c):02x}" for c in target
            )
            print(
                f"{environ.get('REMOTE_ADDR', '-')} - - "
                f"[{time.strftime('%d/%b/%Y:%H:%M:%S %z')}] "
                f'"{environ.get("REQUEST_METHOD")} {target} '
                f'{environ.get("SERVER_PROTOCOL")}" {status[0]}',
                file=sys.stderr,
                flush=True,
            )

    return app
