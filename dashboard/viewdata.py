"""The dashboard's access to the store: one :class:`ViewData` per app, caching the loaded
corpus per store revision (no module-level state, so several apps and workers can share a database).

A request reads the store's revision once (every callback of it sees one snapshot), and what a
view costs to compute (the view graph, the actor options) is kept per revision in a small
:class:`.viewcache.ViewCache`: the callbacks of one view change and people asking for the same
view share it; a write or a curation decision is a new revision, so nothing stale is served.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import replace

import networkx as nx
from flask import g, has_request_context

from dashboard.details import mention_spans
from dashboard.filters import Filters
from dashboard.tables import search_options
from dashboard.viewcache import ViewCache
from graph.slices.build import Corpus, actor_articles, build_graph
from graph.slices.evidence import actor_evidence, article_in, edge_evidence
from graph.store.store import Store
from graph.views.image import slice_caption
from graph.views.positions import VIEW_BOX, positions
from graph.views.rules import LINKS_PER_ACTOR, view_graph

__all__ = ["EXPAND_LIMIT", "LINKS_PER_ACTOR", "ViewData", "expanded", "graph_key", "picked"]

ALL = 10**9  # "no limit" for evidence queries; panels show a page of it and count the rest


def graph_key(f: Filters) -> Filters:
    """The part of a view state its graph depends on (how it is drawn left out)."""
    return replace(f, layout=Filters.layout, size_by=Filters.size_by, color_by=Filters.color_by)


#: Neighbours a double-click adds to the view (the strongest links first)
EXPAND_LIMIT = 20


def expanded(G: nx.Graph, whole: nx.Graph, actors: tuple[str, ...]) -> nx.Graph:
    """The view ``G`` with, for each of ``actors`` (in ``whole``, the slice), its
    :data:`EXPAND_LIMIT` strongest links to actors not yet in view and those actors; the
    view's own actors and links stay as they are. ``G.graph["expanded"]``: the actors
    expanded."""
    H = nx.Graph(G)
    H.graph.update(G.graph)
    done: list[str] = []
    for a in actors:
        if a not in whole:
            continue
        H.add_node(a, **whole.nodes[a])
        done.append(a)
        new = sorted(
            (v for v in whole[a] if v not in H),
            key=lambda v: (-whole.edges[a, v]["weight"], str(v)),
        )[:EXPAND_LIMIT]
        for v in new:
            H.add_node(v, **whole.nodes[v])
        for v in whole[a]:
            if v in H and not H.has_edge(a, v):
                H.add_edge(a, v, **whole.edges[a, v])
    H.graph["expanded"] = done
    return H


def picked(G: nx.Graph, drop: tuple[str, ...], only: tuple[str, ...]) -> nx.Graph:
    """``G`` without the actors ``drop`` and, if ``only``, cut to those actors (and the links
    among them)."""
    keep = [v for v in G if v not in set(drop) and (not only or v in set(only))]
    if len(keep) == G.number_of_nodes():
        return G
    H = G.subgraph(keep).copy()
    H.graph.update(G.graph)
    return H


def _size(G: nx.Graph) -> int:
    return G.number_of_nodes() + G.number_of_edges()


class ViewData:
    """What the dashboard's views read from ``store``: the corpus (reloaded only when the
    store has changed) and, per store revision, the view graphs and what else a view costs."""

    def __init__(
        self,
        store: Store,
        cache: ViewCache | None = None,
        on_load: Callable[[], None] | None = None,
    ) -> None:
        """``on_load``: called once, after the corpus is first loaded (a server settles its
        garbage collector then: :mod:`dashboard.collector`)."""
        self.store = store
        self.on_load = on_load
        self.cache = cache or ViewCache()
        #: layouts by graph, not by revision (:meth:`positions`)
        self.layouts = ViewCache(entries=48, budget=20_000)
        self._lock = threading.Lock()
        self._corpus: Corpus | None = None

    def corpus(self) -> Corpus:
        """The corpus as of now: loaded once, then refreshed with only what changed. Within
        one request, the same snapshot each time (the store's revision is read once)."""
        if has_request_context():
            seen = g.setdefault("relgraph_corpus", {})
            if id(self) not in seen:
                seen[id(self)] = self._current()
            return seen[id(self)]
        return self._current()

    def _current(self) -> Corpus:
        with self._lock:
            if self._corpus is None:
                self._corpus = Corpus.load(self.store)
                # the date ranges' index, built with the corpus rather than by the first
                # request with a date range (0.1-0.3 s at 100,000 articles); refreshes extend it
                self._corpus.event_days  # noqa: B018
                if self.on_load is not None:
                    self.on_load()
            else:
                self._corpus = self._corpus.refresh(self.store)
            return self._corpus

    def cached(
        self,
        what: Hashable,
        build: Callable[[Corpus], object],
        weight: Callable[[object], int] = lambda _: 1,
    ) -> object:
        """``build(corpus)`` computed once per store revision and ``what`` (a hashable
        naming everything else the result depends on), shared until the store changes."""
        c = self.corpus()
        return self.cache.get(
            ((c.revision, c.actors_rev, c.written), what), lambda: build(c), weight
        )

    def actor_options(self) -> list[dict]:
        """Search options of every visible actor (one store read per revision, not per
        page load: 1.3 s at 10,000 articles)."""
        return self.cached("actor options", lambda _: search_options(self.store.actor_table()), len)

    def articles(self) -> list[dict]:
        return self.corpus().articles

    def graph(self, f: Filters, evidence: bool = False) -> nx.Graph:
        """The graph a view shows (the shared view rules of :mod:`graph.views.rules`), computed once
        per store revision and view (frozen: it is shared, see :meth:`cached`); with
        ``evidence`` the whole slice with every link (what data downloads carry; not kept)."""
        if evidence:
            G = build_graph(
                self.store,
                f.slice,
                corpus=self.corpus(),
                top=f.top,
                evidence=True,
                focus=f.focus,
                depth=f.depth,
                path=f.path,
            )
            G.graph["focus"] = f.focus if f.focus in G else None
            return G
        if f.expand or f.drop or f.only:
            return self.cached(
                ("graph", graph_key(f)),
                lambda c: nx.freeze(
                    picked(
                        expanded(
                            self.graph(replace(f, expand=(), drop=(), only=())),
                            self.slice_graph(f),
                            f.expand,
                        ),
                        f.drop,
                        f.only,
                    )
                ),
                _size,
            )
        return self.cached(
            ("graph", graph_key(f)),
            lambda c: nx.freeze(
                view_graph(
                    self.store,
                    f.slice,
                    corpus=c,
                    top=f.top,
                    focus=f.focus,
                    depth=f.depth,
                    path=f.path,
                    hide_isolated=f.hide_isolated,
                )
            ),
            _size,
        )

    def positions(self, G: nx.Graph, layout: str = "preset") -> dict:
        """The fixed layout's positions of ``G`` (none for the page's own layouts), kept
        across store revisions by what they depend on (actors, mentions, links, weights): a
        decision or an upload that leaves a view's graph as it was (most merges and hides
        touch actors outside the top N) reuses its layout instead of computing it again,
        and the actors keep their places."""
        if layout != "preset":
            return {}
        key = (
            0,
            tuple(sorted((str(v), d.get("mentions", 1)) for v, d in G.nodes(data=True))),
            tuple(
                sorted(
                    (*sorted((str(u), str(v))), d.get("weight", 1))
                    for u, v, d in G.edges(data=True)
                )
            ),
        )
        return self.layouts.get(key, lambda: positions(G, "spring", *VIEW_BOX), len)

    def slice_graph(self, f: Filters) -> nx.Graph:
        """Every actor and link of the view's slice (where expanded actors' neighbours come
        from), once per store revision and slice."""
        return self.cached(
            ("slice graph", f.slice),
            lambda c: nx.freeze(build_graph(self.store, f.slice, corpus=c, evidence=False)),
            _size,
        )

    def label(self, G: nx.Graph, node: object) -> str:
        return str(G.nodes[node].get("label", node)) if node in G else str(node)

    def actor_articles(self, node: str, f: Filters) -> list[str]:
        """Ids of the view's articles that mention an actor, oldest first (view graphs carry
        no article lists: they grow with the corpus)."""
        return actor_articles(self.corpus(), node, f.slice)

    def evidence(self, G: nx.Graph, node: object, f: Filters) -> list[dict]:
        """Every sentence mentioning an actor in the slice, newest first: the actor's whole
        evidence is read once per store revision (2.7 s for the most mentioned actor of
        10,000 articles) and cut to the slice's articles and dates here (shared entries:
        not to be changed)."""
        every = self.cached(
            ("evidence", str(node)),
            lambda _: actor_evidence(self.store, str(node), None, limit=ALL),
            len,
        )
        sl = f.slice
        if not (sl.articles or sl.since or sl.until or not sl.include_undated):
            return every
        return [e for e in every if article_in({"id": e["article"], "date": e["date"]}, sl)]

    def edge_evidence(
        self, G: nx.Graph, u: object, v: object, f: Filters
    ) -> tuple[list[dict], dict]:
        """(every sentence linking two actors, spans of both actors' mentions in them)."""
        a, b = str(u), str(v)
        spans = mention_spans(self.evidence(G, a, f), self.evidence(G, b, f))
        return edge_evidence(self.store, a, b, f.slice), spans

    def caption(self, f: Filters, G: nx.Graph) -> str:
        """The briefing image's caption for this view (names its focus and path)."""
        return slice_caption(
            f.slice,
            self.view_articles(G),
            shown=G.number_of_nodes(),
            total=G.graph["total_actors"],
            focus=self.label(G, f.focus) if f.focus else None,
            depth=f.depth,
            path=[self.label(G, v) for v in G.graph.get("path") or []],
        )

    def view_articles(self, G: nx.Graph) -> list[dict]:
        wanted = set(G.graph["articles"])
        return [a for a in self.articles() if a["id"] in wanted]
