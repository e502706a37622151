"""The network over time on the dashboard: the "Over time" tab under the graph.

Two modes while the tab is open. **Step through**: a slider over calendar windows of the
view's dates (week, month, quarter or year; by default the shortest size giving at most 24
steps, :mod:`graph.slices.windows`), with play and pause; the graph shows the view limited to
one window (:mod:`dashboard.frames`), every actor where the whole view has it, so links
appear, grow and fade between frames. **Compare two periods**: two windows, the links of both
coloured new, stronger, weaker, gone or unchanged (:func:`graph.views.periods.compare_view`,
the "what changed" image's own view). Closing the tab shows the whole view again.

The state lives in the URL's fragment (``#mode=step&size=month&at=2024-03-01``,
``#mode=compare&size=month&a=…&b=…``), written with ``history.replaceState`` (stepping adds
no history entries), so a link opens the same frame. Callbacks are thin: :func:`time_view`
computes the outputs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids, layout
from dashboard import validate as check
from dashboard.callbacks import view_parts
from dashboard.elements import legend
from dashboard.filters import CONTROLS, Filters, filters_from_controls
from dashboard.frames import (
    compare_elements,
    compare_legend,
    frame_caption,
    frame_elements,
    view_positions,
    view_scales,
    window_filters,
)
from dashboard.viewdata import ViewData, graph_key
from graph.core.choices import TIME_MODES, WINDOW_SIZES
from graph.slices.windows import Window, span_windows, window_at
from graph.views.periods import Change, Period, compare_view

__all__ = ["register", "time_view"]

TAB = "time"  # the dock's tab value (dashboard/layout.py: time_panel)
MARKS = 8  # labelled marks on the slider at most


def _marks(ws: list[Window]) -> dict[int, str]:
    every = max(1, -(-len(ws) // MARKS))
    return {i: w.label.replace("week of ", "") for i, w in enumerate(ws) if i % every == 0}


def _options(ws: list[Window]) -> list[dict]:
    return [{"label": w.label, "value": w.key} for w in ws]


def time_view(data: ViewData, f: Filters, tab: object, mode: object, size: object,
              at: object, a: object, b: object, shown: object, want: object) -> dict:
    """The outputs of the tab's callback (by name) for the view ``f``: the graph's
    ``elements`` and ``legend``, the ``caption``, the slider (``max``, ``marks``, ``value``),
    the periods (``options`` and ``options_b``, ``a``, ``b``) and ``shown`` (the time state
    drawn, None: the whole view). ``shown``: the state drawn before (the window kept when the
    size changes); ``want``: the state a link asked for (used when the tab opens)."""
    last = shown if isinstance(shown, dict) else None
    if tab != TAB:
        if last is None:
            raise PreventUpdate  # another tab: the graph already shows the whole view
        parts = view_parts(data, f)
        return {"elements": parts["elements"], "legend": parts["legend"], "caption": "",
                "max": no_update, "marks": no_update, "value": no_update,
                "options": no_update, "options_b": no_update, "a": no_update, "b": no_update,
                "shown": None}
    mode = check.choice(mode, "time mode", TIME_MODES) or "step"
    size = check.choice(size, "window size", WINDOW_SIZES)
    asked = want if isinstance(want, dict) and last is None else {}
    days = data.cached("article days", lambda c: sorted(
        {date.fromisoformat(x["date"]) for x in c.articles if x["date"]}))
    used, ws = span_windows(days, f.slice.since, f.slice.until, size)  # type: ignore[arg-type]
    if not ws:
        raise PreventUpdate  # no dated article: nothing to step through
    index = int(check.number(at, "window", 0, 10**6) or 0)
    if asked.get("at"):
        index = window_at(ws, check.text(asked["at"], "window"))
    elif last and last.get("size") != used and last.get("at"):
        index = window_at(ws, last["at"])  # another size: the window holding the same day
    index = min(index, len(ws) - 1)
    keys = [w.key for w in ws]
    pick_a = check.text(asked.get("a") or a, "first period")
    pick_b = check.text(asked.get("b") or b, "second period")
    ia = keys.index(pick_a) if pick_a in keys else window_at(ws, pick_a) if pick_a else 0
    ib = keys.index(pick_b) if pick_b in keys else window_at(ws, pick_b) if pick_b else (
        len(ws) - 1)
    parts = view_parts(data, f)
    base = view_positions(parts["elements"])
    options = _options(ws)
    out = {"max": len(ws) - 1, "marks": _marks(ws), "value": index, "options": options,
           "options_b": options, "a": keys[ia], "b": keys[ib]}
    if mode == "step":
        G = data.graph(window_filters(f, ws[index]))
        scales = data.cached(("view scales", graph_key(f), f.size_by),
                             lambda _: view_scales(data.graph(f), f.size_by))
        return {**out, "elements": frame_elements(G, base, scales, f.size_by, f.color_by),
                "legend": no_update if last and last.get("mode") == "step" else parts["legend"],
                "caption": frame_caption(ws[index], index, len(ws), G),
                "shown": {"mode": "step", "size": used, "at": keys[index]}}
    first, second = (Period(ws[i].label, ws[i].since, ws[i].until) for i in (ia, ib))
    c: Change = data.cached(("compare", graph_key(f), first, second), lambda corpus: compare_view(
        data.store, replace(f.slice, since=None, until=None), first, second, f.top,
        corpus=corpus))  # type: ignore[assignment]
    entries = legend(c.graph, f.color_by, f.size_by)
    entries["Links"] = compare_legend(c.counts)
    return {**out, "elements": compare_elements(c.graph, c.changes, base, f.size_by, f.color_by),
            "legend": layout.legend_items(entries), "caption": c.caption,
            "shown": {"mode": "compare", "size": used, "a": keys[ia], "b": keys[ib]}}


def register(app: Dash, data: ViewData) -> None:
    """Attach the tab's callbacks to ``app``."""

    @app.callback(
        output={"elements": Output(ids.GRAPH, "elements", allow_duplicate=True),
                "legend": Output(ids.LEGEND, "children", allow_duplicate=True),
                "caption": Output(ids.TIME_CAPTION, "children"),
                "max": Output(ids.TIME_SLIDER, "max"), "marks": Output(ids.TIME_SLIDER, "marks"),
                "value": Output(ids.TIME_SLIDER, "value"),
                "options": Output(ids.TIME_A, "options"),
                "options_b": Output(ids.TIME_B, "options"), "a": Output(ids.TIME_A, "value"),
                "b": Output(ids.TIME_B, "value"), "shown": Output(ids.TIME_SHOWN, "data")},
        inputs={"tab": Input(ids.DOCK, "value"), "mode": Input(ids.TIME_MODE, "value"),
                "size": Input(ids.TIME_SIZE, "value"), "at": Input(ids.TIME_SLIDER, "value"),
                "a": Input(ids.TIME_A, "value"), "b": Input(ids.TIME_B, "value"),
                "query": Input(ids.QUERY, "data")},
        state={"controls": {name: State(i, p) for name, (i, p) in CONTROLS.items()},
               "shown": State(ids.TIME_SHOWN, "data"), "want": State(ids.TIME_WANT, "data")},
        prevent_initial_call=True)
    def over_time(tab: object, mode: object, size: object, at: object, a: object, b: object,
                  query: object, controls: dict, shown: object, want: object) -> dict:
        return time_view(data, filters_from_controls(controls), tab, mode, size, at, a, b,
                         shown, want)

    app.clientside_callback(
        """function(mode) { return [mode === "compare", mode !== "compare"]; }""",
        Output("time-step", "hidden"), Output("time-compare", "hidden"),
        Input(ids.TIME_MODE, "value"))

    # Play / pause: the interval steps the slider in the browser (each step asks the server
    # for one frame); it stops at the last window, and a play from there starts over.
    app.clientside_callback(
        """function(n, disabled, value, max) {
            const play = disabled !== false;
            const out = [!play, play ? "❚❚ Pause" : "▶ Play"];
            out.push(play && value >= max ? 0 : window.dash_clientside.no_update);
            return out;
        }""",
        Output(ids.TIME_TICK, "disabled"), Output(ids.TIME_PLAY, "children"),
        Output(ids.TIME_SLIDER, "value", allow_duplicate=True),
        Input(ids.TIME_PLAY, "n_clicks"), State(ids.TIME_TICK, "disabled"),
        State(ids.TIME_SLIDER, "value"), State(ids.TIME_SLIDER, "max"),
        prevent_initial_call=True)
    app.clientside_callback(
        """function(n, value, max, tab, mode) {
            const nu = window.dash_clientside.no_update;
            if (tab !== "time" || mode !== "step" || (value || 0) >= max) {
                return [nu, true, "▶ Play"];
            }
            const next = (value || 0) + 1;
            return next >= max ? [next, true, "▶ Play"] : [next, nu, nu];
        }""",
        Output(ids.TIME_SLIDER, "value", allow_duplicate=True),
        Output(ids.TIME_TICK, "disabled", allow_duplicate=True),
        Output(ids.TIME_PLAY, "children", allow_duplicate=True),
        Input(ids.TIME_TICK, "n_intervals"), State(ids.TIME_SLIDER, "value"),
        State(ids.TIME_SLIDER, "max"),
        State(ids.DOCK, "value"), State(ids.TIME_MODE, "value"), prevent_initial_call=True)

    # The URL's fragment: written as the state changes (replaced, not pushed), read on load.
    app.clientside_callback(
        """function(shown) {
            const keep = window.location.pathname + window.location.search;
            const hash = shown ? "#" + new URLSearchParams(
                Object.entries(shown).filter(kv => kv[1])).toString() : "";
            if (hash !== window.location.hash) {
                window.history.replaceState(null, "", keep + hash);
            }
            return window.dash_clientside.no_update;
        }""",
        Output("time-hash-sync", "children"), Input(ids.TIME_SHOWN, "data"),
        prevent_initial_call=True)
    app.clientside_callback(
        """function(hash) {
            const nu = window.dash_clientside.no_update;
            const p = new URLSearchParams((hash || "").replace(/^#/, ""));
            const mode = p.get("mode");
            if (mode !== "step" && mode !== "compare") { return [nu, nu, nu, nu]; }
            const size = ["week", "month", "quarter", "year"].includes(p.get("size"))
                ? p.get("size") : null;
            return [{at: p.get("at"), a: p.get("a"), b: p.get("b")}, mode, size, "time"];
        }""",
        Output(ids.TIME_WANT, "data"), Output(ids.TIME_MODE, "value"),
        Output(ids.TIME_SIZE, "value"), Output(ids.DOCK, "value"), Input(ids.URL, "hash"))
