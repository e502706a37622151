"""The network over time on the dashboard: the "Over time" tab under the graph.

Two modes while the tab is open. **Step through**: a slider over calendar windows of the
view's dates (week, month, quarter or year; by default the shortest size giving at most 24
steps, :mod:`graph.slices.windows`), with play and pause; the graph shows the view limited to
one window (:mod:`dashboard.frames`), every actor where the whole view has it, so links
appear, grow and fade between frames. **Compare two periods**: two windows, the links of both
coloured new, stronger, weaker, gone or unchanged (:func:`graph.views.periods.compare_view`,
the "what changed" image's own view). Closing the tab shows the whole view again.

An actor's details carry its own timeline: its events per period, by QuadClass
(:func:`timeline_bars`); a click on a period sets the view's date range to it.

The state lives in the URL's fragment (``#mode=step&size=month&at=2024-03-01``,
``#mode=compare&size=month&a=…&b=…``), written with ``history.replaceState`` (stepping adds
no history entries), so a link opens the same frame. Callbacks are thin: :func:`time_view`
computes the outputs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dash import ALL, Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids, layout
from dashboard import validate as check
from dashboard.actor_timeline import actor_periods
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
from graph.core.cameo import QUAD_CLASSES
from graph.core.choices import TIME_MODES, WINDOW_SIZES
from graph.core.model import GraphSlice
from graph.slices.build import actor_articles
from graph.slices.events import EventRecord, event_records
from graph.slices.windows import Window, span_windows, window_at
from graph.views import style
from graph.views.captions import plural
from graph.views.periods import Change, Period, compare_view

__all__ = ["actor_events", "register", "time_view", "timeline_bars"]

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


#: The bars' stacking order, bottom up: cooperation (material, verbal), neutral, conflict
QUAD_ORDER = (2, 1, 0, 3, 4)


def actor_events(data: ViewData, actor: str, f: Filters) -> list[EventRecord]:
    """The event records of the view's slice in the articles mentioning ``actor`` (whatever
    their own date: an event of the range may be reported after it)."""
    def build(c):  # noqa: ANN001, ANN202
        arts = actor_articles(c, actor, GraphSlice(articles=f.slice.articles))
        return event_records(data.store, replace(f.slice, articles=tuple(arts))) if arts else []
    return data.cached(("actor events", actor, f.slice), build, len)  # type: ignore[return-value]


def timeline_bars(t: dict) -> list:
    """An actor's timeline (:func:`dashboard.actor_timeline.actor_periods`) as bars, one per
    period, stacked by QuadClass in :data:`graph.views.style.QUAD_COLORS`; each bar a button
    setting the view's dates to its period. Empty when the actor has no typed relation."""
    total = sum(w["total"] for w in t["windows"])
    if not total and not t["undated"]:
        return []
    most = max(t["most"], 1)
    bars = []
    for w in t["windows"]:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(w["kinds"].items(),
                                                       key=lambda kv: (-kv[1], kv[0])))
        parts = [html.Span(className="tl-part", style={
            "height": f"{100 * w['quads'][q] / most:.1f}%", "background": style.QUAD_COLORS[q]})
            for q in QUAD_ORDER if w["quads"].get(q)]
        bars.append(html.Button(parts, id={"tl": ids.TIMELINE_BAR, "since": w["since"],
                                           "until": w["until"]}, className="tl-bar",
                                title=f"{w['label']}: {plural(w['total'], 'event')}"
                                      + (f" ({kinds})" if kinds else "")
                                      + " · click for these dates"))
    present = sorted({q for w in t["windows"] for q in w["quads"]}, key=QUAD_ORDER.index)
    return [
        html.H4(f"Events per {t['size']}"),
        html.Div(bars, className="tl-bars"),
        html.Div([html.Span(t["windows"][0]["label"]), html.Span(t["windows"][-1]["label"])],
                 className="tl-axis") if t["windows"] else None,
        html.Div([html.Span([html.Span(className="dot", style={
            "background": style.QUAD_COLORS[q]}), QUAD_CLASSES[q]], className="item")
            for q in present], className="tl-legend"),
        html.Div(f"{plural(total, 'event')} dated" + (
            f", {plural(t['undated'], 'undated event')} not shown" if t["undated"] else ""),
                 className="facts"),
    ]


def register(app: Dash, data: ViewData) -> None:
    """Attach the tab's callbacks and the actor timeline's to ``app``."""

    @app.callback(
        output={"children": Output(ids.ACTOR_TIMELINE, "children"),
                "hidden": Output(ids.ACTOR_TIMELINE, "hidden")},
        inputs={"selected": Input(ids.SELECTED, "data"), "query": Input(ids.QUERY, "data"),
                "actors_rev": Input(ids.ACTORS_REV, "data")},
        state={"controls": {name: State(i, p) for name, (i, p) in CONTROLS.items()}},
        prevent_initial_call=True)
    def actor_timeline(selected: object, query: object, actors_rev: object,
                       controls: dict) -> dict:
        sel = check.selection(selected)
        if not sel or sel["kind"] != "node":
            return {"children": [], "hidden": True}
        f = filters_from_controls(controls)
        actor = str(sel["id"])
        t = actor_periods(actor_events(data, actor, f), actor, f.slice.since, f.slice.until)
        bars = timeline_bars(t)
        return {"children": bars, "hidden": not bars}

    @app.callback(
        output={"start": Output(ids.DATES, "start_date", allow_duplicate=True),
                "end": Output(ids.DATES, "end_date", allow_duplicate=True)},
        inputs={"clicks": Input({"tl": ids.TIMELINE_BAR, "since": ALL, "until": ALL},
                                "n_clicks")},
        prevent_initial_call=True)
    def timeline_dates(clicks: object) -> dict:
        bar = ctx.triggered_id
        if not isinstance(bar, dict) or not (ctx.triggered and ctx.triggered[0]["value"]):
            raise PreventUpdate  # the bars were drawn, not clicked
        since, until = (check.text(bar.get(k), "period") for k in ("since", "until"))
        if not (since and until and check.day(since) and check.day(until)):
            raise PreventUpdate
        return {"start": since, "end": until}

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
                // dcc.Location takes the new address as its own (else its next push, for a
                // filter change, would put back the address it knew)
                window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
            }
            return window.dash_clientside.no_update;
        }""",
        Output("time-hash-sync", "children"), Input(ids.TIME_SHOWN, "data"),
        prevent_initial_call=True)
    app.clientside_callback(
        """function(hash, shown) {
            const nu = window.dash_clientside.no_update;
            const p = new URLSearchParams((hash || "").replace(/^#/, ""));
            const mode = p.get("mode");
            if (mode !== "step" && mode !== "compare") { return [nu, nu, nu, nu]; }
            if (shown && ["mode", "size", "at", "a", "b"].every(
                    k => (shown[k] || null) === p.get(k))) {
                return [nu, nu, nu, nu];  // the address was written from what is shown
            }
            const size = ["week", "month", "quarter", "year"].includes(p.get("size"))
                ? p.get("size") : null;
            return [{at: p.get("at"), a: p.get("a"), b: p.get("b")}, mode, size, "time"];
        }""",
        Output(ids.TIME_WANT, "data"), Output(ids.TIME_MODE, "value"),
        Output(ids.TIME_SIZE, "value"), Output(ids.DOCK, "value"), Input(ids.URL, "hash"),
        State(ids.TIME_SHOWN, "data"))
