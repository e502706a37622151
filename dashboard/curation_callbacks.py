"""Callbacks of the curation controls: thin wrappers over :mod:`.curation_ui`.

* ``decide``: every decision button (actor tools, reject, undo, accept, dismiss, the
  selection's "Merge them") → one
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

from dashboard import curation_panels as cp
from dashboard import curation_ui as cu
from dashboard import ids, selection
from dashboard import validate as check
from dashboard.viewdata import ViewData
from graph.core.errors import CurationError, InvalidValue

__all__ = ["decision", "register"]

ACTOR_BUTTONS = {ids.RENAME: "rename", ids.RENAME_INPUT: "rename", ids.RETYPE: "retype",
                 ids.MERGE: "merge", ids.SPLIT: "split", ids.HIDE: "hide"}


def decision(store, trigger: object, clicks: object, fields: dict, selected: object,  # noqa: ANN001
             base: object, user: str) -> cu.Result | None:
    """Run the decision a click asks for (None: nothing was clicked, e.g. buttons were
    just drawn). Pure apart from the store; the callback below only formats the result."""
    if clicks is None or clicks == 0:
        return None
    check.clicks(clicks)
    base = check.revision(base)
    try:
        if isinstance(trigger, dict):
            action = cu.button_action(trigger)
        elif trigger == ids.UNDO_LAST:
            action = cu.Action("undo", {})
        elif trigger == ids.MERGE_MANY:
            action = selection.merge_action(selection.picked_ids(fields.get("picked")),
                                            fields.get("keep"))
        elif trigger in ACTOR_BUTTONS:
            action = cu.actor_action(ACTOR_BUTTONS[trigger], selected, fields)
        else:
            raise InvalidValue("unknown decision button")
    except CurationError as exc:
        return cu.Result(str(exc), ok=False, refresh=False)
    return cu.apply(store, action, user, base)


def register(app: Dash, data: ViewData, curate: bool) -> None:
    """Attach the curation callbacks (only the history when ``curate`` is false)."""
    store = data.store

    history_outputs = {"history": Output(ids.HISTORY, "children")}
    if curate:
        history_outputs |= {"undo_disabled": Output(ids.UNDO_LAST, "disabled"),
                            "undo_title": Output(ids.UNDO_LAST, "title")}

    @app.callback(output=history_outputs,
                  inputs={"actors_rev": Input(ids.ACTORS_REV, "data"),
                          "lists_rev": Input(ids.LISTS_REV, "data")})
    def history(actors_rev: object, lists_rev: object) -> dict:
        past = store.history()
        shown = cp.history_list(cu.history_entries(past), curate)
        if not curate:
            return {"history": shown}
        last = cu.last_undoable(past)
        return {"history": shown, "undo_disabled": last is None,
                "undo_title": f"Undo #{last['id']}: {last['summary']}" if last
                else "Nothing to undo"}

    if not curate:
        return

    @app.callback(
        output={"status": Output(ids.CURATION_STATUS, "children"),
                "status_hidden": Output(ids.CURATION_STATUS, "hidden"),
                "data_rev": Output(ids.DATA_REV, "data", allow_duplicate=True),
                "selected": Output(ids.SELECTED, "data", allow_duplicate=True),
                "lists_rev": Output(ids.LISTS_REV, "data")},
        inputs={"buttons": {"rename": Input(ids.RENAME, "n_clicks"),
                            "rename_enter": Input(ids.RENAME_INPUT, "n_submit"),
                            "retype": Input(ids.RETYPE, "n_clicks"),
                            "merge": Input(ids.MERGE, "n_clicks"),
                            "split": Input(ids.SPLIT, "n_clicks"),
                            "hide": Input(ids.HIDE, "n_clicks"),
                            "undo": Input(ids.UNDO_LAST, "n_clicks"),
                            "merge_many": Input(ids.MERGE_MANY, "n_clicks"),
                            "drawn": Input(ids.action_id(ALL, ALL), "n_clicks")}},
        state={"fields": {"rename": State(ids.RENAME_INPUT, "value"),
                          "retype": State(ids.RETYPE_VALUE, "value"),
                          "merge": State(ids.MERGE_INTO, "value"),
                          "split": State(ids.SPLIT_ALIAS, "value"),
                          "keep": State(ids.MERGE_KEEP, "value"),
                          "picked": State(ids.PICKED, "data")},
               "selected": State(ids.SELECTED, "data"), "base": State(ids.ACTORS_REV, "data"),
               "data_rev": State(ids.DATA_REV, "data"),
               "lists_rev": State(ids.LISTS_REV, "data")},
        prevent_initial_call=True)
    def decide(buttons: dict, fields: dict, selected: object, base: object, data_rev: object,
               lists_rev: object) -> dict:
        if not ctx.triggered:
            raise PreventUpdate
        clicks = ctx.triggered[0]["value"]
        result = decision(store, ctx.triggered_id, clicks, fields, selected, base,
                          cu.user_from_headers(request.headers))
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
        return {"status": cp.status_children(result.message, result.ok),
                "status_hidden": False,
                "data_rev": bump(data_rev) if result.refresh else no_update,
                "selected": select,
                "lists_rev": bump(lists_rev) if result.ok and not result.refresh
                else no_update}

    @app.callback(
        output={"hidden": Output(ids.ACTOR_TOOLS, "hidden"),
                "name": Output(ids.RENAME_INPUT, "value"),
                "type": Output(ids.RETYPE_VALUE, "value"),
                "split_options": Output(ids.SPLIT_ALIAS, "options"),
                "split": Output(ids.SPLIT_ALIAS, "value"),
                "merge_into": Output(ids.MERGE_INTO, "value")},
        inputs={"selected": Input(ids.SELECTED, "data"),
                "actors_rev": Input(ids.ACTORS_REV, "data")},
        state={"alias": State(ids.SPLIT_ALIAS, "value")})
    def actor_tools(selected: object, actors_rev: object, alias: object) -> dict:
        closed = {"hidden": True, "name": no_update, "type": no_update, "split_options": [],
                  "split": None, "merge_into": None}
        if not isinstance(selected, dict) or selected.get("kind") != "node" or not isinstance(
                selected.get("id"), str):
            return closed
        actor = next((a for a in store.find_actors(selected["id"]) if a.id == selected["id"]),
                     None)
        if actor is None:  # merged away or gone since: nothing to correct here
            return closed
        names = cu.split_choices(store, actor.id)
        options = [{"label": n, "value": n} for n in names]
        if ctx.triggered_id == ids.ACTORS_REV:
            # the same actor after a decision (maybe refused as stale): keep what the user
            # typed and chose, so deciding again is one click
            return {"hidden": False, "name": no_update, "type": no_update,
                    "split_options": options, "split": no_update if alias in names else None,
                    "merge_into": no_update}
        return {"hidden": False, "name": actor.label, "type": actor.type,
                "split_options": options, "split": None, "merge_into": None}

    @app.callback(Output(ids.SUGGESTIONS, "children"),
                  inputs={"tab": Input(ids.DOCK, "value"),
                          "refresh": Input(ids.SUGGEST_REFRESH, "n_clicks"),
                          "actors_rev": Input(ids.ACTORS_REV, "data"),
                          "lists_rev": Input(ids.LISTS_REV, "data")},
                  prevent_initial_call=True)
    def suggestions(tab: object, refresh: object, actors_rev: object,
                    lists_rev: object) -> list:
        if tab != "suggestions":
            raise PreventUpdate
        return cp.suggestion_cards(cu.suggestion_entries(store, data.articles()))
