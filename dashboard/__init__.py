"""The relgraph dashboard: explore a store's relationship graph in the browser.

``create_app(store)`` builds a Dash app (no module-level state); ``server(db)`` gives the
Flask server for WSGI (``gunicorn 'dashboard:server("relgraph.db")'``); ``serve(store)``
runs it locally for ``relgraph serve``.
"""

from __future__ import annotations

from dashboard.app import create_app, serve, server

__all__ = ["create_app", "serve", "server"]
