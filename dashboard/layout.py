"""Functions returning the dashboard's components (no callbacks, no data access)."""

from __future__ import annotations

from datetime import date

import dash_cytoscape as cyto
from dash import dash_table, dcc, html

from graph import style
from graph.model import ACTOR_TYPES

from . import ids
from .transforms import CYTO_LAYOUTS, SIZE_BY, Filters, legend, stylesheet

PANEL = {"background": "#f7f7f7", "padding": "10px", "borderRadius": "6px"}
LABEL = {"fontWeight": 600, "fontSize": "13px", "marginTop": "10px", "display": "block"}


def page(articles: list[dict], actor_options: list[dict], kinds: list[str]) -> html.Div:
    """The whole page for a store's articles, actors and relation kinds."""
    f = Filters()
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.QUERY),
        html.Div(id=ids.URL_SYNC, style={"display": "none"}),
        dcc.Download(id=ids.DOWNLOAD),
        html.Div([
            html.H2("relgraph", style={"margin": "0 16px 0 0", "display": "inline-block"}),
            html.Span(id=ids.SUMMARY, style={"color": "#555"}),
        ], style={"padding": "8px 16px", "borderBottom": "1px solid #ddd"}),
        html.Div([
            html.Div(filters_panel(articles, actor_options, kinds, f),
                     style={**PANEL, "width": "290px", "flex": "none", "overflowY": "auto",
                            "overflowX": "hidden",
                            "maxHeight": "calc(100vh - 80px)"}),
            html.Div([
                cyto.Cytoscape(
                    id=ids.GRAPH, elements=[], stylesheet=stylesheet(),
                    layout={"name": "preset", "fit": True, "padding": 30},
                    style={"width": "100%", "height": "560px", "background": style.BACKGROUND,
                           "border": "1px solid #ddd", "borderRadius": "6px"},
                    minZoom=0.2, maxZoom=4, wheelSensitivity=0.2),
                legend_bar(),
                export_bar(),
                dcc.Graph(id=ids.TIMELINE, config={"displaylogo": False},
                          style={"height": "190px"}),
            ], style={"flex": "1", "minWidth": "0", "margin": "0 12px"}),
            html.Div(html.Div("Click an actor or a link to see its evidence.",
                              style={"color": "#777"}),
                     id=ids.DETAILS,
                     style={**PANEL, "width": "360px", "flex": "none", "overflowY": "auto",
                            "maxHeight": "calc(100vh - 80px)", "fontSize": "13px"}),
        ], style={"display": "flex", "padding": "12px"}),
        html.Div(actor_table(), style={"padding": "0 12px 24px"}),
    ], style={"fontFamily": style.FONT_FAMILY})


def filters_panel(articles: list[dict], actor_options: list[dict], kinds: list[str],
                  f: Filters) -> list:
    days = sorted({a["date"] for a in articles if a["date"]})
    lo = date.fromisoformat(days[0]).toordinal() if days else 0
    hi = date.fromisoformat(days[-1]).toordinal() if days else 1
    marks = {date.fromisoformat(d).toordinal(): {"label": date.fromisoformat(d).strftime(
        "%b %Y"), "style": {"whiteSpace": "nowrap"}} for d in (days[:1] + days[-1:])}
    return [
        html.Label("Articles", style=LABEL),
        dcc.Dropdown(id=ids.ARTICLES, multi=True, placeholder="All articles",
                     options=[{"label": article_label(a), "value": a["id"]} for a in articles],
                     value=list(f.articles), optionHeight=48),
        html.Label("Dates", style=LABEL),
        html.Div(dcc.RangeSlider(id=ids.DATES, min=lo, max=hi, step=1, value=[lo, hi],
                                 marks=marks, allowCross=False, disabled=not days),
                 style={"padding": "0 18px"}),
        dcc.Checklist(id=ids.UNDATED, options=[{"label": " include undated", "value": "on"}],
                      value=["on"]),
        html.Label("Actor types", style=LABEL),
        dcc.Checklist(id=ids.TYPES, value=list(ACTOR_TYPES), inline=True,
                      options=[{"label": html.Span(f" {style.TYPE_LABELS[t]}",
                                                   style={"color": style.type_color(t),
                                                          "marginRight": "8px"}),
                                "value": t} for t in ACTOR_TYPES]),
        html.Label("Relation kinds", style=LABEL),
        dcc.Dropdown(id=ids.KINDS, multi=True, placeholder="All kinds",
                     options=[{"label": k, "value": k} for k in kinds], value=[]),
        html.Label("Minimum link weight", style=LABEL),
        dcc.Slider(id=ids.MIN_WEIGHT, min=1, max=10, step=1, value=f.min_weight,
                   marks={i: str(i) for i in (1, 2, 3, 5, 10)}),
        dcc.Checklist(id=ids.HIDE_ISOLATED, value=[],
                      options=[{"label": " hide isolated actors", "value": "on"}]),
        html.Label("Show the top N actors", style=LABEL),
        dcc.Input(id=ids.TOP, type="number", min=1, max=2000, step=1, value=f.top,
                  debounce=True, style={"width": "80px"}),
        html.Label("Focus on an actor", style=LABEL),
        dcc.Dropdown(id=ids.FOCUS, options=actor_options, placeholder="Search any name…",
                     clearable=True),
        dcc.RadioItems(id=ids.DEPTH, options=[{"label": f" {d} step{'s' if d > 1 else ''}",
                                               "value": d} for d in (1, 2, 3)],
                       value=f.depth, inline=True, inputStyle={"marginLeft": "8px"}),
        html.Label("Path between two actors", style=LABEL),
        dcc.Dropdown(id=ids.SOURCE, options=actor_options, placeholder="From…"),
        dcc.Dropdown(id=ids.TARGET, options=actor_options, placeholder="To…"),
        html.Label("Layout", style=LABEL),
        dcc.Dropdown(id=ids.LAYOUT, clearable=False, value=f.layout,
                     options=[{"label": "fixed (as in exports)" if n == "preset" else n,
                               "value": n} for n in CYTO_LAYOUTS]),
        html.Label("Node size shows", style=LABEL),
        dcc.Dropdown(id=ids.SIZE_BY, clearable=False, value=f.size_by,
                     options=[{"label": n, "value": n} for n in SIZE_BY]),
        html.Button("Reset filters", id=ids.RESET, n_clicks=0, style={"marginTop": "14px"}),
    ]


def article_label(a: dict) -> str:
    bits = [a["date"] or "undated", a["source"]] if a["source"] else [a["date"] or "undated"]
    return f"{a['title'] or a['id']} — {' · '.join(bits)}"


def legend_bar() -> html.Div:
    items = []
    for title, entries in legend().items():
        items.append(html.B(f"{title}: ", style={"marginLeft": "10px"}))
        for label, colour in entries:
            dot = {"display": "inline-block", "width": "12px", "height": "12px",
                   "background": colour, "margin": "0 4px 0 8px", "verticalAlign": "middle",
                   "borderRadius": "50%" if title == "Actors" else "2px"}
            items += [html.Span(style=dot), html.Span(label)]
    items.append(html.Span("  → directed relation", style={"marginLeft": "10px",
                                                            "color": "#555"}))
    return html.Div(items, style={"fontSize": "12px", "padding": "6px 0"})


def export_bar() -> html.Div:
    button = {"marginRight": "6px"}
    return html.Div([
        html.B("Export view: "),
        html.Button("PNG", id=ids.PNG, style=button),
        html.Button("SVG", id=ids.SVG, style=button),
        html.B(" Data: ", style={"marginLeft": "8px"}),
        *[html.Button(fmt.upper() if fmt != "graphml" else "GraphML",
                      id=ids.data_button(fmt), style=button) for fmt in ids.DATA_BUTTONS],
        html.B(" Briefing image: ", style={"marginLeft": "8px"}),
        dcc.Dropdown(id=ids.BRIEFING_FORMAT, value="png", clearable=False,
                     options=[{"label": "PNG", "value": "png"}, {"label": "PDF", "value": "pdf"}],
                     style={"width": "80px", "display": "inline-block",
                            "verticalAlign": "middle"}),
        html.Button("Download", id=ids.BRIEFING, style={**button, "marginLeft": "6px"}),
        html.Span(id=ids.IMAGE_STATUS, style={"marginLeft": "10px", "color": "#555"}),
    ], style={"fontSize": "12px", "padding": "4px 0"})


def actor_table() -> dash_table.DataTable:
    columns = [("actor", "Actor"), ("type", "Type"), ("mentions", "Mentions"),
               ("degree", "Degree"), ("weighted_degree", "Weighted degree"),
               ("betweenness", "Betweenness"), ("community", "Community")]
    return dash_table.DataTable(
        id=ids.TABLE, columns=[{"id": c, "name": n} for c, n in columns], data=[],
        sort_action="native", filter_action="native", page_size=15,
        style_cell={"fontFamily": style.FONT_FAMILY, "fontSize": "13px", "textAlign": "left"},
        style_header={"fontWeight": 600})


def node_panel(d: dict) -> list:
    """The details panel for an actor (all article text as plain text)."""
    out = [html.H3(d["name"], style={"marginTop": 0}),
           html.Div(f"{d['type']} · {d['mentions']} mentions · first seen "
                    f"{d['first_seen'] or 'undated'} · last seen {d['last_seen'] or 'undated'}")]
    if d["aliases"]:
        out.append(html.Div(["Also called: ", ", ".join(d["aliases"])]))
    out.append(html.H4("Articles"))
    out.append(html.Ul([html.Li(_article_link(a)) for a in d["articles"]]))
    if d["relations"]:
        out.append(html.H4("Strongest links"))
        out.append(html.Ul([html.Li(f"{r['actor']} — weight {r['weight']}, {r['polarity']}"
                                    f" ({', '.join(r['kinds'])})") for r in d["relations"]]))
    out.append(html.H4(f"Evidence ({len(d['evidence'])})"))
    out.append(html.Div([_evidence(e, [html.Mark(t) if hit else t
                                       for t, hit in e["segments"]])
                         for e in d["evidence"]], className="evidence"))
    return out


def edge_panel(d: dict) -> list:
    u, v = d["pair"]
    rels = [html.Li(f"{r['source']} → {r['target']}: {r['kind']} ×{r['count']} "
                    f"({r['polarity']})") for r in d["relations"]]
    return [html.H3(f"{u} — {v}", style={"marginTop": 0}),
            html.Div(f"weight {d['weight']} · {d['polarity']} · {', '.join(d['kinds'])}"),
            html.H4("Typed relations"), html.Ul(rels or [html.Li("co-occurrence only")]),
            html.H4(f"Evidence ({len(d['evidence'])})"),
            html.Div([_evidence(e, [e["sentence"]]) for e in d["evidence"]],
                     className="evidence")]


def _evidence(e: dict, sentence: list) -> html.Div:
    return html.Div([
        html.Div(sentence, style={"marginBottom": "2px"}),
        html.Div(f"{e['title'] or e['article']} · {e['date'] or 'undated'}"
                 + (f" · {', '.join(e['kinds'])}" if e.get("kinds") else ""),
                 style={"color": "#777", "fontSize": "11px"}),
    ], style={"borderLeft": "3px solid #ccc", "padding": "2px 8px", "margin": "6px 0"})


def _article_link(a: dict):
    text = article_label(a)
    return html.A(text, href=a["url"], target="_blank", rel="noopener noreferrer") if (
        a.get("url", "").startswith(("http://", "https://"))) else text
