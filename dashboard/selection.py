"""What to do with several selected actors beyond showing or hiding them: **merge them into
one** (a curation decision, as a single merge is) and **export them** (the actors and the
links among them, in the formats of the Export menu, by the same writers).

The page's script keeps the selected ids in ``ids.PICKED`` (shift-click, shift-drag a box).
Pure functions here (checked values in, plain data out) and thin callbacks over them:

* ``keep_choices``: the merge chooser lists the selected actors, most mentioned first, and
  keeps the most mentioned one's name by default;
* ``merge_action``: the chosen one and the others → the curation ``merge`` the actor panel
  makes (one decision; ``↶ Undo`` reverts it whole). The decision itself runs in
  :mod:`dashboard.curation_callbacks` with every other decision (status line, refresh, the
  mental map keeping every actor's place);
* ``selection_graph`` / ``selection_payload``: the export's slice graph (with evidence, as
  the full data download) cut to the selection.
"""

from __future__ import annotations

import networkx as nx
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.curation_ui import Action
from dashboard.filters import CONTROLS, MAX_PICKED, Filters, filters_from_controls
from dashboard.viewdata import ViewData
from graph.core.choices import DATA_FORMATS
from graph.core.errors import CurationError, InvalidValue
from graph.slices.build import build_graph
from graph.views.exports import to_bytes
from graph.views.notes import attach_notes

__all__ = ["bulk_tools", "keep_choices", "merge_action", "picked_ids", "register",
           "selection_graph", "selection_payload"]


def picked_ids(value: object) -> list[str]:
    """The selected actors the page sends: distinct ids (strings), at most
    :data:`~dashboard.filters.MAX_PICKED`; None is none."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_PICKED or not all(
            isinstance(v, str) and 0 < len(v) <= 300 for v in value):
        raise InvalidValue(f"the selection must be a list of at most {MAX_PICKED:,} actor ids")
    return list(dict.fromkeys(value))


def _fmt_label(d: dict) -> str:
    m = int(d.get("mentions", 0))
    return f"{d.get('label')} ({d.get('type')}, {m:,} mention{'s' if m != 1 else ''})"


def keep_choices(G: nx.Graph, picked: list[str]) -> tuple[list[dict], str | None]:
    """(options, default) of "keep the name of": the selected actors in the view ``G``,
    most mentioned first (then by name), each named with its type and mentions; the default
    is the most mentioned."""
    here = sorted((v for v in picked if v in G),
                  key=lambda v: (-int(G.nodes[v].get("mentions", 0)),
                                 str(G.nodes[v].get("label", v)).lower(), v))
    options = [{"label": _fmt_label(G.nodes[v]), "value": v} for v in here]
    return options, (here[0] if here else None)


def merge_action(picked: list[str], keep: object) -> Action:
    """The decision merging the selected actors into ``keep`` (one of them): the curation
    ``merge`` of the others into it. A :class:`CurationError` (a message for the status
    line) when fewer than two are selected or no name is chosen."""
    if len(picked) < 2:
        raise CurationError("select two or more actors to merge them")
    if keep is None or keep == "":
        raise CurationError("choose the name to keep first")
    if not isinstance(keep, str) or keep not in picked:
        raise InvalidValue("the name kept must be one of the selected actors")
    return Action("merge", {"names": [v for v in picked if v != keep], "into": keep})


def selection_graph(data: ViewData, f: Filters, picked: list[str]) -> nx.Graph:
    """The selected actors and every link among them in the view's slice, with the
    attributes and evidence of the full data download (:meth:`ViewData.graph` with
    ``evidence``); an actor outside that graph but in the slice (an expanded neighbour
    beyond the top N) is taken from the whole slice; an id in neither is left out."""
    G = data.graph(f, evidence=True)
    if (set(picked) - set(G)) & set(data.slice_graph(f)):
        G = build_graph(data.store, f.slice, corpus=data.corpus(), evidence=True)
    H = G.subgraph([v for v in picked if v in G]).copy()
    H.graph.update(G.graph)
    H.graph["total_actors"] = H.number_of_nodes()
    H.graph["total_edges"] = H.number_of_edges()
    H.graph["path"] = [v for v in G.graph.get("path") or [] if v in H]
    H.graph.pop("timeline", None)  # the slice's counts per day, not the selection's
    return H


def selection_payload(data: ViewData, f: Filters, picked: list[str],
                      fmt: str) -> tuple[str, bytes, nx.Graph]:
    """(file name, bytes, graph) of the selection exported as ``fmt`` (one of
    :data:`~graph.core.choices.DATA_FORMATS`; ``csv`` is the zip of nodes and edges)."""
    if fmt not in DATA_FORMATS:
        raise InvalidValue(f"format must be one of {', '.join(DATA_FORMATS)}")
    if not picked:
        raise CurationError("select the actors to export first")
    H = attach_notes(selection_graph(data, f, picked), data.store)
    return f"relgraph-selection.{'zip' if fmt == 'csv' else fmt}", to_bytes(H, fmt), H


def export_button(fmt: str) -> str:
    return f"select-export-{fmt}"


def bulk_tools(curate: bool) -> list:
    """The selection bar's "Export these" and (``curate``) "Merge into one" menus, opening
    upwards, and the store of the selected ids the page's script keeps."""
    export = html.Details([
        html.Summary("Export these"),
        html.Div([html.Div("The selected actors and the links among them", className="label"),
                  *[html.Button(fmt.upper() if fmt != "graphml" else "GraphML",
                                id=export_button(fmt)) for fmt in DATA_FORMATS],
                  html.Div(id=ids.PICKED_STATUS, className="status",
                           **{"aria-live": "polite"})], className="menu-body")],
        className="menu up", id="select-export")
    merge = [html.Details([
        html.Summary("Merge into one"),
        html.Div([html.Label("Keep the name of", htmlFor=ids.MERGE_KEEP, className="label"),
                  dcc.Dropdown(id=ids.MERGE_KEEP, options=[], clearable=False),
                  html.Button("Merge them", id=ids.MERGE_MANY, className="primary",
                              title="The other selected actors become part of this one "
                                    "(↶ Undo reverts it)")],
                 className="menu-body")], className="menu up", id="select-merge")
             ] if curate else []
    return [dcc.Store(id=ids.PICKED, data=[]), export, *merge]


def register(app: Dash, data: ViewData, curate: bool) -> None:
    """The export callback and (``curate``) the merge chooser's options; the merge itself is
    a decision button of :mod:`dashboard.curation_callbacks`."""
    controls = {name: State(i, p) for name, (i, p) in CONTROLS.items()}

    @app.callback(
        output={"download": Output(ids.DOWNLOAD, "data", allow_duplicate=True),
                "status": Output(ids.PICKED_STATUS, "children")},
        inputs={"buttons": {fmt: Input(export_button(fmt), "n_clicks")
                            for fmt in DATA_FORMATS}},
        state={"picked": State(ids.PICKED, "data"), "controls": controls},
        prevent_initial_call=True)
    def export_selection(buttons: dict, picked: object, controls: dict) -> dict:
        fmt = str(ctx.triggered_id).removeprefix("select-export-")
        if fmt not in DATA_FORMATS or not ctx.triggered[0]["value"]:
            raise PreventUpdate
        f = filters_from_controls(controls)
        try:
            name, payload, H = selection_payload(data, f, picked_ids(picked), fmt)
        except CurationError as exc:
            return {"download": no_update, "status": str(exc)}
        n, m = H.number_of_nodes(), H.number_of_edges()
        return {"download": dcc.send_bytes(payload, name),
                "status": f"{name}: {n:,} actor{'s' if n != 1 else ''}, "
                          f"{m:,} link{'s' if m != 1 else ''}"}

    if not curate:
        return

    @app.callback(
        output={"options": Output(ids.MERGE_KEEP, "options"),
                "value": Output(ids.MERGE_KEEP, "value"),
                "button": Output(ids.MERGE_MANY, "children")},
        inputs={"picked": Input(ids.PICKED, "data")}, state={"controls": controls},
        prevent_initial_call=True)
    def keep_options(picked: object, controls: dict) -> dict:
        wanted = picked_ids(picked)
        if len(wanted) < 2:
            raise PreventUpdate
        options, default = keep_choices(data.graph(filters_from_controls(controls)), wanted)
        return {"options": options, "value": default,
                "button": f"Merge {len(options) - 1:,} into it"}
