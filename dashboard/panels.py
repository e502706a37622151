"""Menus (export, briefing, add articles) and the details panels for an actor, a link and a
path. Article text is always passed as text (Dash escapes it), never as HTML.

Each details panel is a list of sections (header, facts, lists, evidence); an actor's head
and body are separate so the curation tools (``curation_panels``) sit between them, and a
link's evidence sentences carry reject buttons when decisions can be made.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.curation_panels import reject_buttons
from dashboard.details import article_label, plural
from graph.core.choices import DATA_FORMATS, EVENT_FORMATS, IMAGE_FORMATS, SIZES

PAGE = 40  # evidence sentences per "show more"


def _menu(label: str, body: list, menu_id: str) -> html.Details:
    return html.Details([html.Summary(label), html.Div(body, className="menu-body")],
                        className="menu", id=menu_id)


def export_menu() -> html.Details:
    return _menu("Export", [
        html.Div("Picture of the view (as on screen)", className="label"),
        html.Button("PNG", id=ids.PNG), html.Button("SVG", id=ids.SVG),
        html.Div("Data of the view's slice", className="label"),
        *[html.Button(fmt.upper() if fmt != "graphml" else "GraphML",
                      id=ids.data_button(fmt)) for fmt in DATA_FORMATS],
        html.Div("Events of the view's slice (one row per typed relation)", className="label"),
        *[html.Button(fmt.upper(), id=ids.events_button(fmt)) for fmt in EVENT_FORMATS],
        html.Div(id=ids.IMAGE_STATUS, className="status", **{"aria-live": "polite"}),
    ], "export-menu")


def briefing_menu() -> html.Details:
    sizes = [{"label": "16:9 slide", "value": "16:9"}, {"label": "A4 landscape",
                                                         "value": "A4"},
             {"label": "custom", "value": "custom"}]
    return _menu("Briefing image", [
        html.Label("Title", htmlFor=ids.BRIEFING_TITLE, className="label"),
        dcc.Input(id=ids.BRIEFING_TITLE, type="text", placeholder="relgraph: actor network",
                  maxLength=200, className="wide"),
        html.Label("Subtitle", htmlFor=ids.BRIEFING_SUBTITLE, className="label"),
        dcc.Input(id=ids.BRIEFING_SUBTITLE, type="text", maxLength=300, className="wide"),
        html.Div("Format", className="label"),
        dcc.RadioItems(id=ids.BRIEFING_FORMAT, value="png", inline=True,
                       options=[{"label": f" {x.upper()}", "value": x}
                                for x in IMAGE_FORMATS]),
        html.Div("Size", className="label"),
        dcc.RadioItems(id=ids.BRIEFING_SIZE, value="16:9", inline=True, options=sizes),
        html.Div([dcc.Input(id=ids.BRIEFING_WIDTH, type="number", min=200, max=10000,
                            value=SIZES["16:9"][0], className="number"), " × ",
                  dcc.Input(id=ids.BRIEFING_HEIGHT, type="number", min=200, max=10000,
                            value=SIZES["16:9"][1], className="number"), " px"],
                 className="custom-size"),
        dcc.Checklist(id=ids.BRIEFING_SOURCES, value=[], options=[
            {"label": " list the articles under the caption", "value": "on"}]),
        html.Button("Download briefing", id=ids.BRIEFING, className="primary"),
        html.Button("Briefing pack", id=ids.BRIEFING_PACK, title="the view as slides: "
                    "PowerPoint, PDF and Markdown in one zip (as 'relgraph brief')"),
        html.Div(id=ids.BRIEFING_STATUS, className="status", **{"aria-live": "polite"}),
    ], "briefing-menu")


def upload_menu() -> html.Details:
    return _menu("Add articles", [
        dcc.Upload(id=ids.UPLOAD, multiple=True, className="upload",
                   children=html.Div(["Drop files here or ", html.A("choose files"),
                                      html.Br(), html.Small(
                                          ".txt .md .html .jsonl .json .csv and every "
                                          "format 'relgraph ingest' reads")])),
        html.Div("…or paste an article", className="label"),
        dcc.Input(id=ids.PASTE_TITLE, type="text", placeholder="Title", className="wide"),
        html.Div([dcc.Input(id=ids.PASTE_DATE, type="text", placeholder="Date (YYYY-MM-DD)"),
                  dcc.Input(id=ids.PASTE_SOURCE, type="text", placeholder="Source")],
                 className="row"),
        dcc.Textarea(id=ids.PASTE_TEXT, placeholder="Article text", className="wide text"),
        html.Button("Add pasted article", id=ids.PASTE_ADD, className="primary"),
        html.Div("…or add links (web pages, feeds, PDFs), one per line", className="label"),
        dcc.Textarea(id=ids.LINKS, placeholder="https://…", className="wide"),
        html.Button("Add links", id=ids.LINKS_ADD, className="primary"),
        dcc.Store(id=ids.UPLOAD_JOB),
        dcc.Interval(id=ids.UPLOAD_POLL, interval=500, disabled=True),
        html.Progress(id=ids.UPLOAD_PROGRESS, value="0", max="1", hidden=True),
        html.Button("Cancel", id=ids.UPLOAD_CANCEL, hidden=True,
                    title="Stop this upload; what it added so far stays"),
        html.Div(id=ids.UPLOAD_STATUS, className="status", **{"aria-live": "polite"}),
    ], "upload-menu")


def node_panel(d: dict) -> list:
    """The details panel for an actor."""
    return node_head(d) + node_body(d)


def node_head(d: dict) -> list:
    """An actor's name and facts (the curation tools go between head and body)."""
    out = [html.H3(d["name"]),
           html.Div(f"{d['type']} · {plural(d['mentions'], 'mention')} · "
                    f"{plural(len(d['articles']), 'article')} · first seen "
                    f"{d['first_seen'] or 'undated'} · last seen {d['last_seen'] or 'undated'}",
                    className="facts")]
    if d["aliases"]:
        out.append(html.Div(["Also called: ", ", ".join(d["aliases"])], className="facts"))
    return out


def node_body(d: dict) -> list:
    """An actor's articles, strongest links and evidence."""
    out = [html.H4("Articles")]
    out.append(html.Ul([html.Li(_article_link(a)) for a in d["articles"]]))
    if d["relations"]:
        out.append(html.H4("Strongest links"))
        out.append(html.Ul([html.Li(f"{r['actor']} — {plural(r['weight'], 'sentence')}, "
                                    f"{r['polarity']} ({', '.join(r['kinds'])})")
                            for r in d["relations"]]))
    out += _evidence_section(d, lambda e: [html.Mark(t) if hit else t
                                           for t, hit in e["segments"]])
    return out


def edge_panel(d: dict, curate: bool = False) -> list:
    """The details panel for a link: typed relations, then evidence with both actors'
    mentions highlighted; with ``curate``, each sentence can be rejected (all of it, or one
    typed relation in it)."""
    u, v = d["pair"]
    # the sentences listed below, counted once each (a link's weight counts a sentence once
    # per pair of the two actors' names in it)
    out = [html.H3(f"{u} — {v}"),
           html.Div(f"{plural(d['evidence_total'], 'sentence')} · {d['polarity']} · "
                    f"{', '.join(d['kinds'])}", className="facts")]
    out += _relations(d["relations"])
    extra = None
    if curate:
        a, b = (str(x) for x in d["ids"])
        extra = lambda e: reject_buttons(a, b, e)  # noqa: E731
    out += _evidence_section(d, lambda e: [html.Mark(t) if hit else t
                                           for t, hit in e["segments"]], extra)
    return out


def path_panel(steps: list[dict], ends: tuple[str, str]) -> list:
    """A path as numbered steps, each with its typed relations and evidence."""
    if not steps:
        return [html.H3(f"Path {ends[0]} → {ends[1]}"),
                html.P("No path links these actors in this view's slice.")]
    out = [html.H3(f"Path {steps[0]['from']} → {steps[-1]['to']}"),
           html.Div(plural(len(steps), "step"), className="facts")]
    for s in steps:
        out.append(html.Section([
            html.H4(f"{s['step']}. {s['from']} — {s['to']}"),
            html.Div(f"{plural(s['weight'], 'sentence')} · {s['polarity']}",
                     className="facts"),
            *_relations(s["relations"]),
            *[_evidence(e, [html.Mark(t) if hit else t for t, hit in e["segments"]])
              for e in s["evidence"]],
            *([html.Div(f"{len(s['evidence'])} of {s['evidence_total']} sentences shown; "
                        "click the link for all", className="facts")]
              if s["evidence_total"] > len(s["evidence"]) else []),
        ], className="step"))
    return out


def left_view_panel(name: str) -> list:
    """The selection is no longer in the view (the filters changed)."""
    return [html.H3(name),
            html.P(f"{name} is not in this view: the filters changed. Focus on it to see its "
                   "neighbourhood in this slice.")]


def _relations(relations: list[dict]) -> list:
    """A link's typed relations, or a plain line saying it has none (its two actors are only
    named in the same sentences)."""
    if not relations:
        return [html.H4("Typed relations"),
                html.P("None: only named together in the same sentences.", className="facts")]
    return [html.H4("Typed relations"),
            html.Ul([html.Li(f"{r['source']} → {r['target']}: {r['kind']} ×{r['count']} "
                             f"({r['polarity']})") for r in relations])]


def _evidence_section(d: dict, render, extra=None) -> list:  # noqa: ANN001
    shown, total = len(d["evidence"]), d["evidence_total"]
    title = f"Evidence ({shown} of {total})" if shown < total else f"Evidence ({total})"
    return [html.H4(title), html.Div([_evidence(e, render(e), extra(e) if extra else None)
                                      for e in d["evidence"]], className="evidence")]


def more_label(d: dict) -> str | None:
    """Text of the "show more" button under a panel's evidence, None when all is shown."""
    shown, total = len(d.get("evidence", ())), d.get("evidence_total", 0)
    return f"Show {min(PAGE, total - shown)} more" if shown < total else None


def _evidence(e: dict, sentence: list, extra=None) -> html.Div:  # noqa: ANN001
    return html.Div([
        html.Div(sentence),
        html.Div(f"{e['title'] or e['article']} · {e['date'] or 'undated'}"
                 + (f" · {', '.join(e['kinds'])}" if e.get("kinds") else ""), className="cite"),
        *([extra] if extra is not None else []),
    ], className="sentence")


def _article_link(a: dict):  # noqa: ANN202
    text = article_label(a)
    return html.A(text, href=a["url"], target="_blank", rel="noopener noreferrer") if (
        (a.get("url") or "").startswith(("http://", "https://"))) else text
