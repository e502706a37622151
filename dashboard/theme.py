"""The light/dark theme switch: a button in the header flips the theme kept in the browser
(a ``dcc.Store`` in localStorage, so the page opens in the theme last chosen); the page
takes the theme's colours as CSS variables and the graph a stylesheet in them; the plotly
timeline takes them into its figure's layout, in the browser, whenever the theme or the
figure changes (the server draws figures without a theme: they follow the one on screen).
Every colour comes from :mod:`graph.views.themes`.
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State

from dashboard import ids
from dashboard.elements import stylesheet
from graph.core.choices import THEMES
from graph.views.themes import css_variables, plot_layout

__all__ = ["PLOTS", "register", "toggle_label"]

#: The dashboard's plotly figures (``dcc.Graph`` ids): they follow the theme.
PLOTS = (ids.TIMELINE,)

# A figure in the theme: the theme's patch merged into its layout (the axis patch into each
# axis it has); the figure itself when it is in the theme already (which ends the loop of a
# callback whose output is its input).
_THEMED = """function (figure, theme) {
    var patches = %s;
    var patch = patches[theme] || patches.light;
    if (!figure || !figure.layout) { return window.dash_clientside.no_update; }
    function merge(into, more) {
        var out = Object.assign({}, into || {});
        Object.keys(more).forEach(function (k) {
            var v = more[k];
            out[k] = v && typeof v === "object" && !Array.isArray(v) ? merge(out[k], v) : v;
        });
        return out;
    }
    var layout = merge(figure.layout, patch.layout);
    Object.keys(layout).concat(["xaxis", "yaxis"]).forEach(function (k) {
        if (/^[xy]axis[0-9]*$/.test(k)) { layout[k] = merge(layout[k], patch.axis); }
    });
    if (JSON.stringify(layout) === JSON.stringify(figure.layout)) {
        return window.dash_clientside.no_update;
    }
    return Object.assign({}, figure, {layout: layout});
}"""


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

    themed = _THEMED % json.dumps({name: plot_layout(name) for name in THEMES})
    for plot in PLOTS:
        app.clientside_callback(themed, Output(plot, "figure", allow_duplicate=True),
                                Input(plot, "figure"), Input(ids.THEME, "data"),
                                prevent_initial_call="initial_duplicate")

    @app.callback(Output(ids.APP, "style"), Output(ids.GRAPH, "stylesheet"),
                  Output(ids.THEME_TOGGLE, "children"), Input(ids.THEME, "data"))
    def apply(theme: object) -> tuple[dict, list[dict], str]:
        name = theme if theme in THEMES else "light"
        return css_variables(name), stylesheet(name), toggle_label(name)
