"""The page's curation controls (none of them on a read-only page): the actor tools in the
details drawer, reject buttons under a link's evidence, the undo button and history menu in
the header, the suggested merges tab, and the status line saying what the last decision did.

Buttons drawn inside panels (reject, undo N, accept, dismiss) have pattern-matching ids
(``ids.action_id``) read by one callback; article and actor text is passed as text.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.curation_ui import reject_arg, suggestion_arg
from dashboard.details import highlight
from dashboard.pickers import actor_picker
from graph.core.model import ACTOR_TYPES
from graph.views import style

__all__ = ["actor_tools", "history_list", "history_menu", "reject_buttons", "status_line",
           "suggestion_cards", "suggestions_tab", "undo_button"]


def _row(*children, cls: str = "tool-row") -> html.Div:
    return html.Div(list(children), className=cls)


def _grow(component) -> html.Div:  # noqa: ANN001
    return html.Div(component, className="grow")


def actor_tools(actor_options: list[dict]) -> html.Details:
    """Rename, change type, merge into (a search over every actor), split a name off, hide:
    filled in for the selected actor by a callback; hidden until an actor is selected."""
    return html.Details([
        html.Summary("Correct this actor"),
        _row(dcc.Input(id=ids.RENAME_INPUT, type="text", maxLength=200, debounce=False,
                       placeholder="New name", className="grow"),
             html.Button("Rename", id=ids.RENAME)),
        _row(_grow(dcc.Dropdown(id=ids.RETYPE_VALUE, clearable=False,
                                options=[{"label": style.TYPE_LABELS[t], "value": t}
                                         for t in ACTOR_TYPES])),
             html.Button("Change type", id=ids.RETYPE)),
        _row(_grow(actor_picker(ids.MERGE_INTO, actor_options,
                                placeholder="Merge into… (any name)", optionHeight=32)),
             html.Button("Merge", id=ids.MERGE,
                         title="This actor becomes part of the one chosen")),
        _row(_grow(dcc.Dropdown(id=ids.SPLIT_ALIAS, options=[],
                                placeholder="Split a name off…")),
             html.Button("Split", id=ids.SPLIT,
                         title="The chosen name becomes an actor of its own")),
        _row(html.Button("Hide actor", id=ids.HIDE,
                         title="Leave it out of graphs, tables and exports (undo brings it "
                               "back)")),
    ], id=ids.ACTOR_TOOLS, className="tools", open=True, hidden=True)


def status_line() -> html.Div:
    """What the last decision did (or why it was refused), over the graph."""
    return html.Div(id=ids.CURATION_STATUS, className="curation-status", role="status",
                    hidden=True, **{"aria-live": "polite"})


def status_children(message: str, ok: bool) -> html.Span:
    return html.Span(message, className="ok" if ok else "error")


def undo_button() -> html.Button:
    return html.Button("↶ Undo", id=ids.UNDO_LAST, disabled=True, className="undo",
                       title="Nothing to undo")


def history_menu() -> html.Details:
    return html.Details([html.Summary("History"),
                        html.Div(html.Div(id=ids.HISTORY), className="menu-body history")],
                       className="menu", id=ids.HISTORY_MENU)


def history_list(entries: list[dict], curate: bool) -> list:
    """The recent decisions, newest first, each with who and when; an "undo" button on the
    ones in force (when decisions can be made here)."""
    if not entries:
        return [html.P("No decisions yet: corrections made here or with the relgraph "
                       "commands are listed here.", className="facts")]
    items = []
    for e in entries:
        done = e["undone_by"] is not None
        line = [html.Span(f"#{e['id']} ", className="num"),
                html.Span(e["summary"], className="undone" if done else ""),
                html.Div(f"{e['user']} · {e['at']} UTC" + (
                    f" · undone by #{e['undone_by']}" if done else ""), className="cite")]
        if curate and e["can_undo"]:
            line.insert(0, html.Button("undo", id=ids.action_id("undo", str(e["id"])),
                                       className="mini right",
                                       title=f"Undo decision {e['id']}"))
        items.append(html.Li(line))
    return [html.Div("Recent decisions", className="label"), html.Ul(items)]


def reject_buttons(a: str, b: str, e: dict) -> html.Div:
    """Under an evidence sentence of the link ``a``—``b``: reject everything linking them in
    it, or one typed relation found in it."""
    buttons = [html.Button("reject sentence", className="mini",
                           id=ids.action_id("reject", reject_arg(a, b, e["article"],
                                                                 e["index"], None)),
                           title="This sentence does not link these actors")]
    for kind in e.get("kinds", ()):
        if kind != "co-occurrence":
            buttons.append(html.Button(
                f"reject “{kind}”", className="mini",
                id=ids.action_id("reject", reject_arg(a, b, e["article"], e["index"], kind)),
                title=f"This sentence does not say {kind}"))
    return html.Div(buttons, className="reject")


def suggestions_tab() -> list:
    return [html.Div([html.Button("Refresh", id=ids.SUGGEST_REFRESH, className="mini"),
                      html.Span(" Likely duplicates, most likely first: accept merges the "
                                "pair, dismiss never suggests it again.", className="facts")],
                     className="suggest-head"),
            dcc.Loading(html.Div(id=ids.SUGGESTIONS, className="suggestions"),
                        type="dot", delay_show=300)]


def suggestion_cards(entries: list[dict]) -> list:
    """One card per suggested pair: names, types, rule, score, reason, evidence, and the
    two buttons."""
    if not entries:
        return [html.P("No suggested merges.", className="facts")]
    cards = []
    for s in entries:
        pair = suggestion_arg(s["a_id"], s["b_id"], s["into"])
        sentences = [html.Div([html.Div([html.Mark(t) if hit else t for t, hit in highlight(
                                   x["sentence"], x["spans"])]),
                               html.Div(f"{x['title']} · {x['date'] or 'undated'}",
                                        className="cite")], className="sentence")
                     for x in s["sentences"]]
        cards.append(html.Div([
            html.Div([html.B(s["a_label"]), f" ({s['a_type']}) ⇄ ", html.B(s["b_label"]),
                      f" ({s['b_type']})"], className="pair"),
            html.Div(f"score {s['score']:.2f} · {s['rule']} · {s['reason']}", className="facts"),
            html.Div(("same type" if s["a_type"] == s["b_type"] else "different types")
                     + f" · {s['evidence']}", className="facts"),
            *sentences,
            html.Div([html.Button(f"Accept: merge into {s['into_label']}",
                                  id=ids.action_id("accept", pair), className="mini"),
                      html.Button("Dismiss", id=ids.action_id("dismiss", pair),
                                  className="mini")], className="reject"),
        ], className="suggestion", **{"data-pair": s["id"]}))
    return cards
