"""The Dash application factory."""

from __future__ import annotations

import os
import webbrowser
from collections.abc import Iterable
from urllib.parse import urlparse

import dash_cytoscape as cyto
from dash import Dash
from flask import Flask, has_request_context, request

from graph.store import Store

from . import callbacks, downloads, guard, layout, uploads
from .filters import filters_from_query
from .guard import LOOPBACK, allowed_hosts
from .source import Source
from .tables import search_options

cyto.load_extra_layouts()  # fcose/cola layouts and SVG export; registers components only


def create_app(store: Store, allowed_hosts: Iterable[str] | None = None,
               read_only: bool = False) -> Dash:
    """A Dash app reading ``store``; each page load reflects the store's current data.

    ``allowed_hosts``: Host header values served (see :func:`dashboard.guard.allowed_hosts`);
    default: the loopback names on any port. ``read_only``: no "Add articles" (uploads).
    """
    app = Dash(__name__, title="relgraph", update_title=None,
               suppress_callback_exceptions=False)
    app.server.config["MAX_CONTENT_LENGTH"] = 2 * uploads.MAX_TOTAL_BYTES  # base64 + JSON
    source = Source(store)

    def page():
        # The page's own URL (the layout is fetched by the page, which sends it as Referer):
        # the first graph comes with the layout, not after two callback round trips.
        referrer = request.referrer if has_request_context() else None  # Dash calls it once
        f = filters_from_query(urlparse(referrer or "").query)          # outside a request

        return layout.page(source.articles(), search_options(store.actor_table()),
                           source.corpus().relation_kinds, uploads=not read_only, f=f,
                           view=callbacks.view_parts(source, f))

    app.layout = page
    callbacks.register(app, source)
    downloads.register(app, source)
    if not read_only:
        uploads.register(app, source, uploads.Uploads(store))
    guard.install(app.server, LOOPBACK if allowed_hosts is None else allowed_hosts,
                  app.callback_map)
    return app


def server(db: str | None = None, allow_hosts: Iterable[str] = (),
           read_only: bool | None = None) -> Flask:
    """The Flask (WSGI) server for a database: ``gunicorn 'dashboard:server("x.db")'``.

    Serves the loopback names, ``allow_hosts`` and the comma-separated names in
    ``$RELGRAPH_ALLOW_HOSTS`` (the names a reverse proxy passes on as ``Host``). Read-only
    (no uploads) unless ``read_only=False`` or ``$RELGRAPH_UPLOADS=1``: a shared deployment
    decides to accept articles from its users.
    """
    from graph.render import warm_up

    extra = [h for h in os.environ.get("RELGRAPH_ALLOW_HOSTS", "").split(",") if h.strip()]
    if read_only is None:
        read_only = os.environ.get("RELGRAPH_UPLOADS", "") not in ("1", "true", "yes")
    warm_up()  # the briefing renderer's browser starts now, not on the first click
    return create_app(Store(db), allowed_hosts=[*LOOPBACK, *allow_hosts, *extra],
                      read_only=read_only).server


def serve(store: Store, host: str = "127.0.0.1", port: int = 8050,
          open_browser: bool = False, allow_hosts: Iterable[str] = (),
          read_only: bool = False) -> None:
    """Run the app locally (debug always off), serving only the names it was bound for."""
    from graph.render import warm_up

    app = create_app(store, allowed_hosts=allowed_hosts(host, port, allow_hosts),
                     read_only=read_only)
    warm_up()
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print(f"relgraph dashboard on {url} (Ctrl+C to stop)")
    if open_browser:
        webbrowser.open(url)
    app.run(host=host, port=port, debug=False)
