"""Actor pickers: the search box, focus, path ends and "merge into" choose one actor by any
of its names.

A picker lists the most important actors (:func:`dashboard.tables.picker_options`); what is
typed is ranked on the page from every actor (``ids.ACTOR_OPTIONS``, most important first):
an exact name or alias first, then the most important match, and Enter takes the first
(``assets/pickers.js``: no server round trip per key, and the
dropdown indexes a page of options, not every actor). Dash's own search would list matches
alphabetically and Enter would take "DPRK-Russia" for "Russia".
"""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, dcc

from dashboard import ids
from dashboard.tables import picker_options

__all__ = ["PICKERS", "actor_picker", "register"]

#: Every actor picker on a page that curates (``MERGE_INTO`` is absent from read-only pages).
PICKERS = (ids.SEARCH, ids.FOCUS, ids.SOURCE, ids.TARGET, ids.MERGE_INTO)


def actor_picker(id_: str, actor_options: list[dict], value: str | None = None,
                 **props: Any) -> dcc.Dropdown:
    """A dropdown choosing one actor (node id) among ``actor_options``, holding ``value``."""
    return dcc.Dropdown(id=id_, options=picker_options(actor_options, value), value=value,
                        clearable=True, search_order="original", **props)


def register(app: Dash, curate: bool = False) -> None:
    """Rank each picker's options on the page as its query, its value or the actors change."""
    for picker in PICKERS if curate else PICKERS[:-1]:
        app.clientside_callback(
            ClientsideFunction("relgraph", "pick"), Output(picker, "options"),
            Input(picker, "search_value"), Input(ids.ACTOR_OPTIONS, "data"),
            Input(picker, "value"), prevent_initial_call=True)
