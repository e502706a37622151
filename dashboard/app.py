"""The Dash application factory."""

from __future__ import annotations

import webbrowser

import dash_cytoscape as cyto
from dash import Dash
from flask import Flask

from graph.store import Store

from . import callbacks, layout
from .source import Source
from .transforms import search_options

cyto.load_extra_layouts()  # fcose/cola layouts and SVG export; registers components only


def create_app(store: Store) -> Dash:
    """A Dash app reading ``store``; each page load reflects the store's current data."""
    app = Dash(__name__, title="relgraph", update_title=None,
               suppress_callback_exceptions=False)
    source = Source(store)

    def page():
        table = store.actor_table()
        kinds = source.corpus().relation_kinds
        return layout.page(source.articles(), search_options(table), kinds)

    app.layout = page
    callbacks.register(app, source)
    return app


def server(db: str | None = None) -> Flask:
    """The Flask (WSGI) server for a database: ``gunicorn 'dashboard:server("x.db")'``."""
    return create_app(Store(db)).server


def serve(store: Store, host: str = "127.0.0.1", port: int = 8050,
          open_browser: bool = False) -> None:
    """Run the app locally (debug always off)."""
    app = create_app(store)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print(f"relgraph dashboard on {url} (Ctrl+C to stop)")
    if open_browser:
        webbrowser.open(url)
    app.run(host=host, port=port, debug=False)
