"""Callbacks of the curation controls: thin wrappers over :mod:`.curation_ui`.

* ``decide``: every decision button (actor tools, reject, undo, accept, dismiss) → one
  decision with the actors revision of the view on screen as its base → the status line, and
  a bump of the data revision, on which graph, timeline, table, details and every actor list
  refresh. A decision refused as stale refreshes the view the same way. A dismissal leaves
  the graph (and so every view) as it was: it bumps only the lists' revision (history,
  suggestions).
* ``actor_tools``: fills the tools in for the selected actor.
* ``history``: the recent decisions and the undo button's state (on every new revision).
* ``suggestions``: computed only while their tab is open (they cost a second or two on a
  large store), again after each decision.

Only ``history`` is registered on a read-only page; the others do not exist there, so a
request naming them is refused (400) before any code runs.
"""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate
from flask import request

from graph.curation.decisions import CurationError

from . import curation_panels as cp
from . import curation_ui as cu
from . import ids
from .guard import InvalidInput
from .source import Source

__all__ = ["register"]

ACTOR_BUTTONS = {ids.RENAME: "rename", ids.RENAME_INPUT: "rename", ids.RETYPE: "retype",
                 ids.MERGE: "merge", ids.SPLIT: "split", ids.HIDE: "hide"}


def _revision(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput("the view's revision must be a number")
    return value


def decision(store, trigger: object, clicks: object, fields: dict, selected: object,  # noqa: ANN001
             base: object, user: str) -> cu.Result | None:
    """Run the decision a click asks for (None: nothing was clicked, e.g. buttons were
    just drawn). Pure apart from the store; the callback below only formats the result."""
    if clicks is None or clicks == 0:
        return None
    if isinstance(clicks, bool) or not isinstance(clicks, int):
        raise InvalidInput("n_clicks must be a number")
    base = _revision(base)
    try:
        if isinstance(trigger, dict):
            action = cu.button_action(trigger)
        elif trigger == ids.UNDO_LAST:
            action = cu.Action("undo", {})
        elif trigger in ACTOR_BUTTONS:
            action = cu.actor_action(ACTOR_BUTTONS[trigger], selected, fields)
        else:
            raise InvalidInput("unknown decision button")
    except CurationError as exc:
        return cu.Result(str(exc), ok=False, refresh=False)
    return cu.apply(store, action, user, base)


def register(app: Dash, source: Source, curate: bool) -> None:
    """Attach the curation callbacks (only the history when ``curate`` is false)."""
    store = source.store

    history_outputs = [Output(ids.HISTORY, "children")]
    if curate:
        history_outputs += [Output(ids.UNDO_LAST, "disabled"), Output(ids.UNDO_LAST, "title")]

    @app.callback(*history_outputs, Input(ids.ACTORS_REV, "data"),
                  Input(ids.LISTS_REV, "data"))
    def history(_rev, _lists):
        past = store.history()
        shown = cp.history_list(cu.history_entries(past), curate)
        if not curate:
            return shown
        last = cu.last_undoable(past)
        return (shown, last is None,
                f"Undo #{last['id']}: {last['summary']}" if last else "Nothing to undo")

    if not curate:
        return

    @app.callback(Output(ids.CURATION_STATUS, "children"),
                  Output(ids.CURATION_STATUS, "hidden"),
                  Output(ids.DATA_REV, "data", allow_duplicate=True),
                  Output(ids.SELECTED, "data", allow_duplicate=True),
                  Output(ids.LISTS_REV, "data"),
                  Input(ids.RENAME, "n_clicks"), Input(ids.RENAME_INPUT, "n_submit"),
                  Input(ids.RETYPE, "n_clicks"), Input(ids.MERGE, "n_clicks"),
                  Input(ids.SPLIT, "n_clicks"), Input(ids.HIDE, "n_clicks"),
                  Input(ids.UNDO_LAST, "n_clicks"),
                  Input(ids.action_id(ALL, ALL), "n_clicks"),
                  State(ids.RENAME_INPUT, "value"), State(ids.RETYPE_VALUE, "value"),
                  State(ids.MERGE_INTO, "value"), State(ids.SPLIT_ALIAS, "value"),
                  State(ids.SELECTED, "data"), State(ids.ACTORS_REV, "data"),
                  State(ids.DATA_REV, "data"), State(ids.LISTS_REV, "data"),
                  prevent_initial_call=True)
    def decide(*args):
        label, kind, into, alias, selected, base, data_rev, lists_rev = args[-8:]
        if not ctx.triggered:
            raise PreventUpdate
        clicks = ctx.triggered[0]["value"]
        result = decision(store, ctx.triggered_id, clicks,
                          {"rename": label, "retype": kind, "merge": into, "split": alias},
                          selected, base, cu.user_from_headers(request.headers))
        if result is None:
            raise PreventUpdate
        select = no_update
        if result.select == "":
            select = None
        elif result.select:
            select = {"kind": "node", "id": result.select, "centre": True}
        def bump(n: object) -> int:
            return (n if isinstance(n, int) else 0) + 1
        # a decision that leaves views current (a dismissal) still changes the lists
        lists = bump(lists_rev) if result.ok and not result.refresh else no_update
        return (cp.status_children(result.message, result.ok), False,
                bump(data_rev) if result.refresh else no_update, select, lists)

    @app.callback(Output(ids.ACTOR_TOOLS, "hidden"), Output(ids.RENAME_INPUT, "value"),
                  Output(ids.RETYPE_VALUE, "value"), Output(ids.SPLIT_ALIAS, "options"),
                  Output(ids.SPLIT_ALIAS, "value"), Output(ids.MERGE_INTO, "value"),
                  Input(ids.SELECTED, "data"), Input(ids.ACTORS_REV, "data"),
                  State(ids.SPLIT_ALIAS, "value"))
    def actor_tools(sel, _rev, alias):
        if not isinstance(sel, dict) or sel.get("kind") != "node" or not isinstance(
                sel.get("id"), str):
            return True, no_update, no_update, [], None, None
        actor = next((a for a in store.find_actors(sel["id"]) if a.id == sel["id"]), None)
        if actor is None:  # merged away or gone since: nothing to correct here
            return True, no_update, no_update, [], None, None
        names = cu.split_choices(store, actor.id)
        options = [{"label": n, "value": n} for n in names]
        if ctx.triggered_id == ids.ACTORS_REV:
            # the same actor after a decision (maybe refused as stale): keep what the user
            # typed and chose, so deciding again is one click
            return (False, no_update, no_update, options,
                    no_update if alias in names else None, no_update)
        return False, actor.label, actor.type, options, None, None

    @app.callback(Output(ids.SUGGESTIONS, "children"), Input(ids.DOCK, "value"),
                  Input(ids.SUGGEST_REFRESH, "n_clicks"), Input(ids.ACTORS_REV, "data"),
                  Input(ids.LISTS_REV, "data"), prevent_initial_call=True)
    def suggestions(tab, _refresh, _rev, _lists):
        if tab != "suggestions":
            raise PreventUpdate
        return cp.suggestion_cards(cu.suggestion_entries(store, source.articles()))
