"""Analysts' notes on a graph's actors and links (kept in the store, :mod:`graph.store.
annotations`), put on the graph for what is written from it: data exports carry them as an
attribute, briefing packs in their speaker notes."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.store.annotations import link_target
from graph.store.store import Store

__all__ = ["attach_notes", "note_lines"]


def attach_notes(G: nx.Graph, store: Store) -> nx.Graph:
    """``G`` with the store's notes on its actors and links as a ``notes`` attribute (a list
    of ``{"text", "user", "at"}``, oldest first) on each one that has any; returns ``G``.

    A link's notes are those on its pair of actors (:func:`~graph.store.annotations.
    link_target`), whichever way round the link was noted."""
    links = {link_target(str(u), str(v)): (u, v) for u, v in G.edges}
    found = store.notes_on([*map(str, G.nodes), *links])
    for target, notes in found.items():
        if target in links:
            G.edges[links[target]]["notes"] = notes
        elif target in G:
            G.nodes[target]["notes"] = notes
    return G


def note_lines(G: nx.Graph, actors: Iterable[object] = (),
               links: Iterable[tuple[object, object]] = ()) -> list[str]:
    """One line per note on the given actors and links of ``G`` (as :func:`attach_notes`
    put them), actors first, each once: ``Name: text (user, day)``, ``A – B: text (user,
    day)`` for a link."""

    def label(v: object) -> str:
        return str(G.nodes[v].get("label", v))

    out: list[str] = []
    seen: set = set()
    for v in actors:
        if v in G and v not in seen:
            seen.add(v)
            out += [_line(label(v), n) for n in G.nodes[v].get("notes", ())]
    for u, v in links:
        key = frozenset((u, v))
        if G.has_edge(u, v) and key not in seen:
            seen.add(key)
            out += [_line(f"{label(u)} – {label(v)}", n) for n in G.edges[u, v].get("notes", ())]
    return out


def _line(who: str, note: dict) -> str:
    return f"{who}: {' '.join(str(note['text']).split())} ({note['user']}, {note['at'][:10]})"
