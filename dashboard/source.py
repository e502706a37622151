"""The dashboard's access to the store: one object per app, caching the loaded corpus per
store revision (no module-level state, so several apps and workers can share a database)."""

from __future__ import annotations

import threading

import networkx as nx

from graph.build import Corpus, actor_articles, build_graph
from graph.evidence import actor_evidence, edge_evidence
from graph.store import Store
from graph.view import LINKS_PER_ACTOR, view_graph

from .details import mention_spans
from .filters import Filters, to_slice

__all__ = ["LINKS_PER_ACTOR", "Source"]

ALL = 10**9  # "no limit" for evidence queries; panels show a page of it and count the rest


class Source:
    """Reads slices from ``store``; reloads the corpus only when the store has changed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._corpus: Corpus | None = None

    def corpus(self) -> Corpus:
        """The corpus as of now: loaded once, then refreshed with only what changed."""
        with self._lock:
            self._corpus = (Corpus.load(self.store) if self._corpus is None
                            else self._corpus.refresh(self.store))
            return self._corpus

    def articles(self) -> list[dict]:
        return self.corpus().articles

    def graph(self, f: Filters, evidence: bool = False) -> nx.Graph:
        """The graph a view shows (the shared view rules of :mod:`graph.view`); with
        ``evidence`` the whole slice with every link (what data downloads carry)."""
        if evidence:
            G = build_graph(self.store, to_slice(f), corpus=self.corpus(), top=f.top,
                            evidence=True, focus=f.focus, depth=f.depth, path=f.path)
            G.graph["focus"] = f.focus if f.focus in G else None
            return G
        return view_graph(self.store, to_slice(f), corpus=self.corpus(), top=f.top,
                          focus=f.focus, depth=f.depth, path=f.path,
                          hide_isolated=f.hide_isolated)

    def label(self, G: nx.Graph, node: object) -> str:
        return str(G.nodes[node].get("label", node)) if node in G else str(node)

    def actor_articles(self, node: str, f: Filters) -> list[str]:
        """Ids of the view's articles that mention an actor, oldest first (view graphs carry
        no article lists: they grow with the corpus)."""
        return actor_articles(self.corpus(), node, to_slice(f))

    def evidence(self, G: nx.Graph, node: object, f: Filters) -> list[dict]:
        """Every sentence mentioning an actor in the slice, newest first."""
        return actor_evidence(self.store, str(node), to_slice(f), limit=ALL)

    def edge_evidence(self, G: nx.Graph, u: object, v: object,
                      f: Filters) -> tuple[list[dict], dict]:
        """(every sentence linking two actors, spans of both actors' mentions in them)."""
        a, b = str(u), str(v)
        sl = to_slice(f)
        spans = mention_spans(actor_evidence(self.store, a, sl, limit=ALL),
                              actor_evidence(self.store, b, sl, limit=ALL))
        return edge_evidence(self.store, a, b, sl), spans

    def caption(self, f: Filters, G: nx.Graph) -> str:
        """The briefing image's caption for this view (names its focus and path)."""
        from graph.image import slice_caption

        return slice_caption(to_slice(f), self.view_articles(G), shown=G.number_of_nodes(),
                             total=G.graph["total_actors"],
                             focus=self.label(G, f.focus) if f.focus else None,
                             depth=f.depth,
                             path=[self.label(G, v) for v in G.graph.get("path") or []])

    def view_articles(self, G: nx.Graph) -> list[dict]:
        wanted = set(G.graph["articles"])
        return [a for a in self.articles() if a["id"] in wanted]
