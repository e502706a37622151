"""The dashboard's access to the store: one object per app, caching the loaded corpus per
store revision (no module-level state, so several apps and workers can share a database)."""

from __future__ import annotations

import threading

import networkx as nx

from graph.build import Corpus, actor_articles, build_graph
from graph.evidence import actor_evidence, edge_evidence
from graph.store import Store

from .transforms import Filters, to_slice, view_graph

#: The view shows at most this many links per shown actor, strongest first: denser views are
#: unreadable hairballs (data downloads always carry every link of the slice).
LINKS_PER_ACTOR = 5


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
        """The graph a view shows: slice, focus, path, top N, hidden isolates."""
        path = (f.source, f.target) if f.source and f.target else None
        G = build_graph(self.store, to_slice(f), corpus=self.corpus(), top=f.top,
                        evidence=evidence, focus=f.focus, depth=f.depth, path=path,
                        max_edges=None if evidence else LINKS_PER_ACTOR * f.top)
        G.graph["focus"] = f.focus
        return view_graph(G, f)

    def actor_articles(self, actor: str, f: Filters) -> list[str]:
        """Ids of the view's articles that mention an actor, oldest first."""
        return actor_articles(self.corpus(), actor, to_slice(f))

    def evidence(self, name: str, f: Filters, limit: int = 40) -> list[dict]:
        return actor_evidence(self.store, name, to_slice(f), limit=limit)

    def edge_evidence(self, a: str, b: str, f: Filters) -> list[dict]:
        return edge_evidence(self.store, a, b, to_slice(f))

    def caption(self, f: Filters, G: nx.Graph) -> str:
        """The briefing image's caption for this view."""
        from graph.image import slice_caption

        articles = [a for a in self.articles() if a["id"] in set(G.graph["articles"])]
        return slice_caption(to_slice(f), articles, shown=G.number_of_nodes(),
                             total=G.graph["total_actors"])
