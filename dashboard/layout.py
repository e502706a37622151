"""The page: a header with search and menus, the graph filling the window, filters in a
collapsible drawer on the left, details in a drawer on the right (shown when something is
selected), timeline and actor table in tabs under the graph (no callbacks, no data access).

Look and sizes live in ``assets/relgraph.css``; behaviour on the graph (labels that fit,
neighbour highlight, tooltip) in ``assets/relgraph.js``.
"""

from __future__ import annotations

import dash_cytoscape as cyto
from dash import dash_table, dcc, html

from dashboard import curation_panels as cp
from dashboard import ids, pickers, selection, views_notes
from dashboard.details import article_label
from dashboard.elements import cy_layout, stylesheet
from dashboard.filters import CYTO_LAYOUTS, Filters, filters_to_controls
from dashboard.panels import briefing_menu, export_menu, upload_menu
from dashboard.theme import toggle_label
from graph.core.cameo import QUAD_CLASSES, ROOTS, kind_info
from graph.core.choices import (
    COLOR_BY,
    COLOR_LABELS,
    SIZE_BY,
    SIZE_LABELS,
    TIME_MODE_LABELS,
    TIME_MODES,
    WINDOW_SIZES,
)
from graph.core.model import ACTOR_TYPES
from graph.views import style
from graph.views.themes import css_variables


def page(articles: list[dict], actor_options: list[dict], kinds: list[str],
         uploads: bool = True, f: Filters | None = None, view: dict | None = None,
         curate: bool = False) -> html.Div:
    """The whole page for a store's articles, actors and relation kinds, showing the view
    ``f`` whose parts (elements, summary, legend, rows, timeline, query, actors revision)
    are in ``view``: the first graph arrives with the page instead of after two callback
    round trips. ``curate``: with the controls that record decisions."""
    f = f or Filters()
    view = view or {}
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.QUERY, data=view.get("query")),
        dcc.Store(id=ids.LOADED, data=view.get("query")), dcc.Store(id=ids.SELECTED),
        dcc.Store(id=ids.DATA_REV, data=0), dcc.Store(id=ids.ACTOR_OPTIONS, data=actor_options),
        dcc.Store(id=ids.EXPAND, data=list(f.expand)), dcc.Store(id=ids.EXPAND_TOGGLE),
        dcc.Store(id=ids.DROP, data=list(f.drop)), dcc.Store(id=ids.ONLY, data=list(f.only)),
        dcc.Store(id=ids.DROP_ADD),
        dcc.Store(id=ids.ACTORS_REV, data=view.get("rev")),
        dcc.Store(id=ids.VIEW_REV, data=view.get("rev")), dcc.Store(id=ids.LISTS_REV, data=0),
        html.Div(id=ids.URL_SYNC, hidden=True), html.Div(id="select-sync", hidden=True),
        dcc.Store(id=ids.TIME_SHOWN), dcc.Store(id=ids.TIME_WANT),
        html.Div(id="time-hash-sync", hidden=True),
        dcc.Download(id=ids.DOWNLOAD),
        header(actor_options, uploads, view.get("summary", ""), curate),
        html.Div([
            html.Aside(filters_panel(articles, actor_options, kinds, f), id=ids.FILTERS_PANEL,
                       className="drawer left open", **{"aria-label": "Filters"}),
            html.Main([
                cyto.Cytoscape(
                    id=ids.GRAPH, elements=view.get("elements", []), stylesheet=stylesheet(),
                    layout=cy_layout(f.layout, view.get("elements")),
                    style={"width": "100%", "height": "100%", "background": "var(--rg-bg)"},
                    minZoom=0.15, maxZoom=5, boxSelectionEnabled=True,
                    autoRefreshLayout=False),
                html.Div([html.Div(view.get("legend"), id=ids.LEGEND, className="legend"),
                          selection_bar(bool(f.drop or f.only), curate), zoom_buttons()],
                         className="foot"),
                html.Div(id="cy-tooltip", className="tooltip", hidden=True, role="tooltip"),
                cp.status_line(),
            ], id="canvas", className="canvas"),
            html.Aside([
                html.Button("×", id=ids.DETAILS_CLOSE, className="close",
                            title="Close details", **{"aria-label": "Close details"}),
                html.Div(id=ids.DETAILS_HEAD),
                *([cp.actor_tools(actor_options)] if curate else []),
                html.Div(id=ids.ACTOR_TIMELINE, className="actor-timeline", hidden=True),
                html.Div(id=ids.DETAILS),
                views_notes.notes_section(curate),
                html.Button(id=ids.MORE_EVIDENCE, className="more", hidden=True),
                html.Button(id=ids.SHOW_SELECTED, className="primary", hidden=True),
            ], id=ids.DETAILS_PANEL, className="drawer right", hidden=True,
                **{"aria-label": "Details"}),
        ], className="body"),
        dock(view.get("timeline"), curate=curate),
        dcc.Store(id=ids.THEME, storage_type="local"), html.Div(id=ids.THEME_SYNC, hidden=True),
    ], id=ids.APP, className="app", style=css_variables("light"))


def selection_bar(picked: bool = False, curate: bool = False) -> html.Div:
    """What to do with several selected actors (shift-click, or shift-drag a box): show only
    them, hide them from the view, export them, merge them into one (``curate``); and "Show
    all again" while some are hidden or only some shown (the page's script shows the bar and
    acts on its show and hide buttons; :mod:`dashboard.selection` on the others)."""
    return html.Div([
        html.Div([html.Span(id="selection-count", className="count"),
                  html.Button("Show only these", id="select-only"),
                  html.Button("Hide these", id="select-hide"),
                  *selection.bulk_tools(curate)],
                 id=ids.SELECTION_BAR, hidden=True, className="selection"),
        html.Button("Show all again", id=ids.SHOW_ALL, hidden=not picked),
    ], className="selection-tools")


def zoom_buttons() -> html.Div:
    """Zoom out, zoom in and fit, beside the legend (the page's script acts on them, no
    server round trip; the keys -, + and f do the same)."""
    return html.Div([
        html.Button("−", id=ids.ZOOM_OUT, title="Zoom out (−)", **{"aria-label": "Zoom out"}),
        html.Button("+", id=ids.ZOOM_IN, title="Zoom in (+)", **{"aria-label": "Zoom in"}),
        html.Button("Fit", id=ids.ZOOM_FIT, title="Fit the graph in the window (f)"),
    ], className="zoom")


def header(actor_options: list[dict], uploads: bool, summary_text: str = "",
           curate: bool = False) -> html.Header:
    return html.Header([
        html.Button("☰ Filters", id=ids.FILTERS_TOGGLE, className="toggle", n_clicks=0,
                    title="Show or hide the filters"),
        html.H1("relgraph"),
        pickers.actor_picker(ids.SEARCH, actor_options, placeholder="Find an actor (any name)…",
                     className="search", optionHeight=32),
        html.Span(summary_text, id=ids.SUMMARY, className="summary",
                  **{"aria-live": "polite"}),
        html.Div([*([cp.undo_button()] if curate else []), cp.history_menu(),
                  views_notes.views_menu(curate), export_menu(),
                  briefing_menu(), *([upload_menu()] if uploads else []),
                  html.Button(toggle_label("light"), id=ids.THEME_TOGGLE, n_clicks=0,
                              title="Light or dark theme")],
                 className="menus"),
    ])


def dock(timeline: dict | None = None, rows: list | None = None,
         curate: bool = False) -> dcc.Tabs:
    """Timeline, actor table (and suggested merges) under the graph: tabs, closed by default
    ("Graph only"), so plotly.js loads only when the timeline is opened and suggestions are
    computed only when their tab is."""
    tab = {"padding": "5px 14px", "lineHeight": "18px"}
    on = {**tab, "borderTop": "3px solid var(--rg-accent)"}
    return dcc.Tabs(id=ids.DOCK, value="none", className="dock", content_className="dock-content",
                    parent_className="dock-tabs", children=[
        dcc.Tab(label="Graph only", value="none", style=tab, selected_style=on),
        dcc.Tab(label="Timeline", value="timeline", style=tab, selected_style=on,
                children=dcc.Graph(id=ids.TIMELINE, config={"displaylogo": False},
                                   className="timeline", **({"figure": timeline}
                                                            if timeline else {}))),
        dcc.Tab(label="Over time", value="time", style=tab, selected_style=on,
                children=time_panel()),
        dcc.Tab(label="Actor table", value="table", style=tab, selected_style=on,
                children=actor_table(rows or [])),
        *([dcc.Tab(label="Suggested merges", value="suggestions", style=tab,
                   selected_style=on, children=cp.suggestions_tab())] if curate else []),
    ])


PLAY_MS = 1200  # one frame per this many ms while the time slider plays


def time_panel() -> html.Div:
    """The "Over time" tab (callbacks in :mod:`dashboard.over_time`): the mode, then the
    slider (window size, play/pause) or the two periods, and the caption of what the graph
    shows (its time state is kept outside the tab, in :func:`page`)."""
    return html.Div([
        html.Div([
            dcc.RadioItems(id=ids.TIME_MODE, value="step", inline=True, className="time-mode",
                           options=[{"label": " " + TIME_MODE_LABELS[m], "value": m}
                                    for m in TIME_MODES]),
            dcc.Dropdown(id=ids.TIME_SIZE, clearable=True, placeholder="window: automatic",
                         className="time-size", searchable=False,
                         options=[{"label": f"by {s}", "value": s} for s in WINDOW_SIZES]),
        ], className="time-row"),
        html.Div([
            html.Button("▶ Play", id=ids.TIME_PLAY, n_clicks=0, className="time-play",
                        title="Step through the windows (again: pause)"),
            html.Div(dcc.Slider(id=ids.TIME_SLIDER, min=0, max=0, step=1, value=0,
                                marks={}, included=False, allow_direct_input=False),
                     className="time-slider"),
            dcc.Interval(id=ids.TIME_TICK, interval=PLAY_MS, disabled=True),
        ], id="time-step", className="time-row"),
        html.Div([
            html.Span("from", className="label"),
            dcc.Dropdown(id=ids.TIME_A, clearable=False, className="time-period"),
            html.Span("to", className="label"),
            dcc.Dropdown(id=ids.TIME_B, clearable=False, className="time-period"),
        ], id="time-compare", className="time-row", hidden=True),
        html.Div(id=ids.TIME_CAPTION, className="time-caption", **{"aria-live": "polite"}),
    ], className="over-time")


def _label(text: str, for_id: str | None = None) -> html.Label:
    return html.Label(text, htmlFor=for_id, className="label")


def filters_panel(articles: list[dict], actor_options: list[dict], kinds: list[str],
                  f: Filters) -> list:
    days = sorted({a["date"] for a in articles if a["date"]})
    v = filters_to_controls(f)
    return [
        _label("Articles", ids.ARTICLES),
        dcc.Dropdown(id=ids.ARTICLES, multi=True, placeholder="All articles",
                     options=article_options(articles), value=v["articles"],
                     optionHeight=48),
        _label("Dates"),
        html.Div("typed relations by event date, co-occurrence by article date",
                 className="cite"),
        dcc.DatePickerRange(id=ids.DATES, min_date_allowed=days[0] if days else None,
                            max_date_allowed=days[-1] if days else None,
                            initial_visible_month=days[-1] if days else None,
                            start_date_placeholder_text="from", end_date_placeholder_text="to",
                            display_format="D MMM YYYY", clearable=True,
                            number_of_months_shown=1, disabled=not days,
                            start_date=v["since"], end_date=v["until"],
                            start_date_id="date-from", end_date_id="date-until"),
        dcc.Checklist(id=ids.UNDATED, options=[{"label": " include undated articles in the "
                                                         "range", "value": "on"}],
                      value=v["undated"]),
        _label("Actor types"),
        dcc.Checklist(id=ids.TYPES, value=v["types"], inline=True, className="types",
                      options=[{"label": html.Span(f" {style.TYPE_LABELS[t]}"), "value": t}
                               for t in ACTOR_TYPES]),
        _label("Relation kinds", ids.KINDS),
        dcc.Dropdown(id=ids.KINDS, multi=True, placeholder="All kinds",
                     options=kind_options(kinds), value=v["kinds"]),
        _label("Minimum link weight (sentences)"),
        dcc.Slider(id=ids.MIN_WEIGHT, min=1, max=10, step=1, value=v["min_weight"],
                   marks={i: str(i) for i in (1, 2, 3, 5, 10)}),
        dcc.Checklist(id=ids.HIDE_ISOLATED, value=v["hide_isolated"],
                      options=[{"label": " hide actors without links", "value": "on"}]),
        _label("Show the top N actors", ids.TOP),
        dcc.Input(id=ids.TOP, type="number", min=1, max=2000, step=1, value=v["top"],
                  debounce=True, className="number"),
        _label("Focus on an actor", ids.FOCUS),
        pickers.actor_picker(ids.FOCUS, actor_options, v["focus"], placeholder="Any name…"),
        dcc.RadioItems(id=ids.DEPTH, options=[{"label": f" {d} step{'s' if d > 1 else ''}",
                                               "value": d} for d in (1, 2, 3)],
                       value=v["depth"], inline=True, className="depth"),
        _label("Path between two actors"),
        pickers.actor_picker(ids.SOURCE, actor_options, v["source"], placeholder="From…"),
        pickers.actor_picker(ids.TARGET, actor_options, v["target"], placeholder="To…"),
        _label("Colour shows", ids.COLOR_BY),
        dcc.Dropdown(id=ids.COLOR_BY, clearable=False, value=v["color_by"],
                     options=[{"label": COLOR_LABELS[c], "value": c} for c in COLOR_BY]),
        _label("Node size shows", ids.SIZE_BY),
        dcc.Dropdown(id=ids.SIZE_BY, clearable=False, value=v["size_by"],
                     options=[{"label": SIZE_LABELS[n], "value": n} for n in SIZE_BY]),
        _label("Layout", ids.LAYOUT),
        dcc.Dropdown(id=ids.LAYOUT, clearable=False, value=v["layout"],
                     options=[{"label": "fixed (as in briefings)" if n == "preset" else n,
                               "value": n} for n in CYTO_LAYOUTS]),
        html.Button("Reset filters", id=ids.RESET, n_clicks=0, className="reset"),
    ]




def kind_options(kinds: list[str]) -> list[dict]:
    """Options of the relation-kind filter: the four QuadClasses, the CAMEO root categories
    present, then each kind with its root (a category stands for all its kinds)."""
    def root(kind: str) -> str | None:
        try:
            return kind_info(kind).root_code
        except KeyError:
            return None
    present = sorted({r for r in map(root, kinds) if r})
    quads = [{"label": f"all {name} (QuadClass)", "value": "quad:" + name.replace(" ", "-")}
             for q, name in QUAD_CLASSES.items() if q]
    roots = [{"label": f"all of {code} {ROOTS[code]} (CAMEO)", "value": f"root:{code}"}
             for code in present]
    return quads + roots + [{"label": f"{k} · {root(k)} {ROOTS[root(k)]}" if root(k) else k,
                             "value": k} for k in kinds]


def article_options(articles: list[dict]) -> list[dict]:
    return [{"label": article_label(a), "value": a["id"]} for a in articles]


def legend_items(entries: dict[str, list[tuple[str, str]]]) -> list:
    """The legend over the graph's corner: colours of actors (or communities) and links."""
    rows = []
    for title, items in entries.items():
        if title == "Size":
            rows.append(html.Div(items[0][0], className="legend-note"))
            continue
        row = [html.B(f"{title}: ")]
        for label, colour in items:
            shape = "dot" if title != "Links" else "line"
            # a mark and its name in one piece: a narrow strip wraps between entries only
            row.append(html.Span([html.Span(className=shape, style={"background": colour}),
                                  html.Span(label, className="item")], className="entry"))
        rows.append(html.Div(row))
    return rows


def actor_table(rows: list) -> dash_table.DataTable:
    columns = [("actor", "Actor"), ("type", "Type"), ("mentions", "Mentions"),
               ("degree", "Links"), ("weighted_degree", "Weighted degree"),
               ("betweenness", "Betweenness"), ("community", "Community")]
    return dash_table.DataTable(
        id=ids.TABLE, columns=[{"id": c, "name": n} for c, n in columns], data=rows,
        sort_action="native", filter_action="native", page_size=8,
        style_table={"overflowY": "auto", "height": "100%"},
        style_cell={"fontFamily": style.FONT_FAMILY, "fontSize": "13px", "textAlign": "left",
                    "cursor": "pointer", "backgroundColor": "var(--rg-control)",
                    "color": "var(--rg-text)", "border": "1px solid var(--rg-border)"},
        style_header={"fontWeight": 600, "backgroundColor": "var(--rg-surface)"},
        style_filter={"backgroundColor": "var(--rg-control)"},
        tooltip_delay=300, cell_selectable=True)

