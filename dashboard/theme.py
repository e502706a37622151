"""The light/dark theme switch: a button in the header flips the theme kept in the browser
(a ``dcc.Store`` in localStorage, so the page opens in the theme last chosen); the page
takes the theme's colours as CSS variables and the graph a stylesheet in them. Every colour
comes from :mod:`graph.views.themes`.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State

from dashboard import ids
from dashboard.elements import stylesheet
from graph.core.choices import THEMES
from graph.views.themes import css_variables

__all__ = ["register", "toggle_label"]


def toggle_label(theme: str | None) -> str:
    """The switch's text: the theme it turns on."""
    return "☾ Dark" if (theme or "light") == "light" else "☀ Light"


def register(app: Dash) -> None:
    @app.callback(Output(ids.THEME, "data"), Input(ids.THEME_TOGGLE, "n_clicks"),
                  State(ids.THEME, "data"), prevent_initial_call=True)
    def flip(_: object, theme: object) -> str:
        return "dark" if theme != "dark" else "light"

    # the colours on the document's root too: menus and pickers drawn outside the page's
    # element (in a portal) read them there
    app.clientside_callback(
        """function (vars) {
            var root = document.documentElement;
            Object.keys(vars || {}).forEach(function (k) { root.style.setProperty(k, vars[k]); });
            return "";
        }""", Output(ids.THEME_SYNC, "children"), Input(ids.APP, "style"))

    @app.callback(Output(ids.APP, "style"), Output(ids.GRAPH, "stylesheet"),
                  Output(ids.THEME_TOGGLE, "children"), Input(ids.THEME, "data"))
    def apply(theme: object) -> tuple[dict, list[dict], str]:
        name = theme if theme in THEMES else "light"
        return css_variables(name), stylesheet(name), toggle_label(name)
