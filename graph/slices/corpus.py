"""The corpus in memory: the store's aggregates as NumPy arrays, ready to slice at scale.

Rows stay at the level the store writes them: mentions per article × name, and sentences per
article × name pair × kind. What never changes when actors do (a decision, a re-resolution) is
computed per name and per name pair (:class:`~graph.slices.per_name.Totals`); what depends on
actors is computed over names and name pairs, never over rows
(:class:`~graph.slices.per_name.Mapping`), so a decision costs one pass over the
names. After an ingest, :meth:`Corpus.refresh` appends the new articles' rows (a replaced
article's old rows are left dead) instead of reloading everything. A refreshed corpus is a new
object sharing the unchanged arrays; one in use by another request is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

import numpy as np

from graph.core.model import COOCCURRENCE
from graph.slices.arrays import EMPTY, Groups, Rows, distinct, pair_ids, positions
from graph.slices.event_days import EventDays
from graph.slices.per_name import Mapping, Totals
from graph.store.schema import ALL_KINDS
from graph.store.store import Store

__all__ = ["POLARITY", "UNDATED", "Corpus", "Groups", "Mapping", "Rows", "Totals"]

UNDATED = -1
POLARITY = ("cooperative", "hostile", "neutral")


@dataclass(frozen=True)
class Corpus:
    """Everything needed to build any slice. Article arrays are indexed in load order (see
    ``order`` for date order); ``alive`` is False for articles replaced since."""

    revision: int
    actors_rev: int
    written: int  # newest ``written`` revision loaded
    arts: list[dict]
    alive: np.ndarray
    dates: np.ndarray  # day ordinal per article, UNDATED if none
    m_article: np.ndarray
    m_name: np.ndarray
    m_text: np.ndarray
    m_count: np.ndarray
    m_start: np.ndarray  # article i's mention rows: m_start[i]:m_end[i]
    m_end: np.ndarray
    r_article: np.ndarray
    r_pair: np.ndarray  # name pair id
    r_kind: np.ndarray  # index into kinds
    r_way: np.ndarray  # 0 undirected, 1 np_a → np_b, 2 np_b → np_a
    r_polarity: np.ndarray  # index into POLARITY
    r_count: np.ndarray  # sentences
    r_cooc: np.ndarray  # on ALL_KINDS rows: sentences where the pair co-occurs
    r_start: np.ndarray
    r_end: np.ndarray
    np_a: np.ndarray  # name pair id → name ids (np_a < np_b)
    np_b: np.ndarray
    np_keys: np.ndarray  # sorted np_a * K + np_b, for finding a pair's id
    np_ids: np.ndarray  # the id of each key in np_keys
    kinds: list[str]
    # typed rows: event day (ordinal of its period's first day), 0 for the article's date
    r_day: np.ndarray = field(default_factory=lambda: EMPTY)
    ids: list[str] = field(default_factory=list)  # stable actor ids
    labels: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    mapping_: Mapping | None = None
    totals_: Totals | None = None
    kind_weights_: dict | None = None
    event_days_: EventDays | None = None
    texts: dict[int, str] = field(default_factory=dict)

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, store: Store) -> Corpus:
        """Read the store's aggregates (one query per table, streamed into arrays)."""
        revs = store.revisions()
        empty = cls(
            revs.get("revision", 0),
            revs.get("actors_rev", 0),
            0,
            [],
            np.zeros(0, bool),
            EMPTY,
            *((EMPTY,) * 6),
            *((EMPTY,) * 9),
            EMPTY,
            EMPTY,
            EMPTY,
            EMPTY,
            [ALL_KINDS],
        )
        return empty._append(store, store.graph_articles())._mapped(store)._with_texts(store)

    def refresh(self, store: Store) -> Corpus:
        """This corpus brought up to date with ``store``: itself if nothing changed; else the
        articles written since appended and, if actors changed, names mapped again."""
        revs = store.revisions()
        if revs.get("revision", 0) == self.revision:
            return self
        fresh = store.graph_articles(since_written=self.written)
        # the rows' figures survive an actors-only change (a decision, a re-resolution)
        out = (
            self._append(store, fresh)
            if fresh
            else replace(
                self,
                totals_=self.totals,
                kind_weights_=self.kind_weights,
                event_days_=self._known_event_days,
            )
        )
        if fresh or revs.get("actors_rev", 0) != self.actors_rev:
            out = out._mapped(store)
        out = replace(
            out, revision=revs.get("revision", 0), actors_rev=revs.get("actors_rev", 0)
        )._with_texts(store)
        if not fresh:  # the same articles: their date order and ids too (20 ms at 10,000)
            out.__dict__.update({k: v for k, v in self.__dict__.items() if k in _BY_ARTICLE})
        return out

    def _append(self, store: Store, fresh: list[dict]) -> Corpus:
        """The corpus with ``fresh`` articles' rows added (replacing older versions)."""
        if not fresh:
            return self
        fresh = sorted(fresh, key=lambda a: (a["date"] is None, a["date"] or "", a["id"]))
        replaced = {a["id"] for a in fresh}
        alive = self.alive & np.array([a["id"] not in replaced for a in self.arts], bool)
        first = len(self.arts)
        index = {a["seq"]: first + i for i, a in enumerate(fresh)}
        seqs = [a["seq"] for a in fresh]
        mentions = store.mention_arrays(None if not self.arts else seqs)
        pairs, kinds, polarities = store.pair_arrays(None if not self.arts else seqs)
        all_kinds = list(self.kinds) + [k for k in kinds if k not in self.kinds]
        k_map = np.array([all_kinds.index(k) for k in kinds] or [0], dtype=np.int64)
        p_map = np.array(
            [POLARITY.index(p) if p in POLARITY else 2 for p in polarities] or [2], dtype=np.int64
        )
        m_art = positions(mentions["seq"], index)
        r_art = positions(pairs["seq"], index)
        mo, ro = np.argsort(m_art, kind="stable"), np.argsort(r_art, kind="stable")
        m_art, r_art = m_art[mo], r_art[ro]
        row_pairs, np_a, np_b, np_keys, np_ids = pair_ids(
            pairs["a"][ro], pairs["b"][ro], self.np_a, self.np_b, self.np_keys, self.np_ids
        )
        n_art = first + len(fresh)
        span = np.arange(first, n_art)
        dates = np.array(
            [date.fromisoformat(a["date"]).toordinal() if a["date"] else UNDATED for a in fresh],
            dtype=np.int64,
        )

        def cat(old: np.ndarray, new: np.ndarray) -> np.ndarray:
            return np.concatenate([old, new])

        m0, r0 = len(self.m_article), len(self.r_article)
        out = replace(
            self,
            written=max(self.written, *(a["written"] for a in fresh)),
            arts=self.arts + fresh,
            alive=cat(alive, np.ones(len(fresh), bool)),
            dates=cat(self.dates, dates),
            kinds=all_kinds,
            m_article=cat(self.m_article, m_art),
            m_name=cat(self.m_name, mentions["name"][mo]),
            m_text=cat(self.m_text, mentions["text"][mo]),
            m_count=cat(self.m_count, mentions["count"][mo]),
            m_start=cat(self.m_start, m0 + np.searchsorted(m_art, span)),
            m_end=cat(self.m_end, m0 + np.searchsorted(m_art, span, side="right")),
            r_article=cat(self.r_article, r_art),
            r_pair=cat(self.r_pair, row_pairs),
            r_kind=cat(self.r_kind, k_map[pairs["kind"][ro]]),
            r_way=cat(self.r_way, pairs["way"][ro]),
            r_polarity=cat(self.r_polarity, p_map[pairs["polarity"][ro]]),
            r_count=cat(self.r_count, pairs["sentences"][ro]),
            r_cooc=cat(self.r_cooc, pairs["cooc"][ro]),
            r_day=cat(self.r_day, pairs["day"][ro]),
            r_start=cat(self.r_start, r0 + np.searchsorted(r_art, span)),
            r_end=cat(self.r_end, r0 + np.searchsorted(r_art, span, side="right")),
            np_a=np_a,
            np_b=np_b,
            np_keys=np_keys,
            np_ids=np_ids,
            totals_=None,
            kind_weights_=None,
            mapping_=None,
            event_days_=None,
        )
        known = self._known_event_days  # extended with the new rows only, not rebuilt
        return (
            out
            if known is None
            else replace(
                out,
                event_days_=known.merged(
                    EventDays.of(
                        out.r_article,
                        out.r_pair,
                        out.r_kind,
                        out.r_day,
                        out.dates,
                        out.all_kinds,
                        len(out.np_a),
                        start=r0,
                    )
                ),
            )
        )

    def _mapped(self, store: Store) -> Corpus:
        rows, by_name = store.actor_map()
        index = {aid: i for i, (aid, _, _) in enumerate(rows)}
        n = len(rows)
        top = max(
            [
                *by_name,
                int(self.m_name.max(initial=0)),
                int(self.np_a.max(initial=0)),
                int(self.np_b.max(initial=0)),
            ],
            default=0,
        )
        name_actor = np.full(top + 1, -1, dtype=np.int64)
        for name_id, aid in by_name.items():
            if aid in index:
                name_actor[name_id] = index[aid]
        mapping = Mapping.of(name_actor, self.np_a, self.np_b, n)
        return replace(
            self,
            ids=[r[0] for r in rows],
            labels=[r[1] for r in rows],
            types=[r[2] for r in rows],
            mapping_=mapping,
        )

    def _with_texts(self, store: Store) -> Corpus:
        wanted = distinct(self.m_text)
        missing = wanted[~np.isin(wanted, np.fromiter(self.texts, np.int64, len(self.texts)))]
        if not len(missing):
            return self
        return replace(self, texts={**self.texts, **store.texts(missing.tolist())})

    # -- what slices read ------------------------------------------------------------------
    @property
    def mapping(self) -> Mapping:
        assert self.mapping_ is not None
        return self.mapping_

    @cached_property
    def totals(self) -> Totals:
        """Whole-corpus figures per name and name pair (kept across actors-only refreshes)."""
        if self.totals_ is not None:
            return self.totals_
        alive_m = self.alive[self.m_article] if len(self.m_article) else EMPTY.astype(bool)
        alive_r = self.alive[self.r_article] if len(self.r_article) else EMPTY.astype(bool)
        n_names = (
            int(max(self.m_name.max(initial=0), self.np_a.max(initial=0), self.np_b.max(initial=0)))
            + 1
        )
        names, counts = self.m_name[alive_m], self.m_count[alive_m]
        days = self.dates[self.m_article[alive_m]]
        dated = days != UNDATED
        first = np.full(n_names, np.iinfo(np.int64).max, dtype=np.int64)
        last = np.full(n_names, np.iinfo(np.int64).min, dtype=np.int64)
        np.minimum.at(first, names[dated], days[dated])
        np.maximum.at(last, names[dated], days[dated])
        n_pairs = len(self.np_a)
        star = alive_r & (self.r_kind == self.all_kinds)
        typed = np.flatnonzero(alive_r & (self.r_kind != self.all_kinds))
        return Totals(
            np.bincount(names, weights=counts, minlength=n_names).astype(np.int64),
            first,
            last,
            Groups.of(names, self.m_text[alive_m], n_names),
            Groups.of(names, self.m_article[alive_m], n_names),
            np.bincount(self.r_pair[star], weights=self.r_count[star], minlength=n_pairs).astype(
                np.int64
            ),
            np.bincount(self.r_pair[star], weights=self.r_cooc[star], minlength=n_pairs).astype(
                np.int64
            ),
            Groups.of(self.r_pair[typed], typed, n_pairs, unique=False),
        )

    @cached_property
    def kind_weights(self) -> dict[int, np.ndarray]:
        """Per kind index: sentences per name pair over the whole corpus (filled lazily)."""
        return self.kind_weights_ if self.kind_weights_ is not None else {}

    def kind_weight(self, kind: int) -> np.ndarray:
        """Sentences of one kind per name pair over the whole corpus."""
        if kind not in self.kind_weights:
            typed = self.totals.typed.values  # the (alive) typed rows only
            rows = typed[self.r_kind[typed] == kind]
            self.kind_weights[kind] = np.bincount(
                self.r_pair[rows], weights=self.r_count[rows], minlength=len(self.np_a)
            ).astype(np.int64)
        return self.kind_weights[kind]

    @cached_property
    def event_days(self) -> EventDays:
        """The typed rows dated away from their article, by event day (for date ranges)."""
        return self._known_event_days or EventDays.of(
            self.r_article,
            self.r_pair,
            self.r_kind,
            self.r_day,
            self.dates,
            self.all_kinds,
            len(self.np_a),
        )

    @property
    def _known_event_days(self) -> EventDays | None:
        return self.__dict__.get("event_days", self.event_days_)

    @cached_property
    def all_kinds(self) -> int:
        """Index of the rows counting every kind (the weight rows)."""
        return self.kinds.index(ALL_KINDS)

    @cached_property
    def order(self) -> np.ndarray:
        """Alive articles in date order (undated last, then by id)."""
        alive = np.flatnonzero(self.alive)
        key = [
            (self.arts[i]["date"] is None, self.arts[i]["date"] or "", self.arts[i]["id"])
            for i in alive
        ]
        return alive[sorted(range(len(alive)), key=key.__getitem__)]

    @cached_property
    def rank(self) -> np.ndarray:
        """Each article's position in date order (replaced articles last)."""
        rank = np.full(len(self.arts), len(self.arts), dtype=np.int64)
        rank[self.order] = np.arange(len(self.order))
        return rank

    @cached_property
    def articles(self) -> list[dict]:
        """Alive articles' metadata in date order."""
        return [self.arts[i] for i in self.order]

    @cached_property
    def article_ids(self) -> np.ndarray:
        return np.array([a["id"] for a in self.arts] or [""], dtype=object)

    def in_date_order(self, articles: np.ndarray) -> list[str]:
        """Article ids in the corpus' date order."""
        return self.article_ids[articles[np.argsort(self.rank[articles], kind="stable")]].tolist()

    @property
    def relation_kinds(self) -> list[str]:
        """The relation kinds present: co-occurrence first, then the typed ones."""
        return [COOCCURRENCE, *sorted(k for k in self.kinds if k != ALL_KINDS)]

    def mention_rows(self, articles: np.ndarray) -> Rows:
        """The mention rows of the given articles (ascending article indexes)."""
        return Rows.of(self.m_start, self.m_end, articles)

    def pair_rows(self, articles: np.ndarray) -> Rows:
        """The pair rows of the given articles (ascending article indexes)."""
        return Rows.of(self.r_start, self.r_end, articles)


#: What a corpus caches from its articles alone (kept across an actors-only refresh).
_BY_ARTICLE = ("order", "rank", "articles", "article_ids", "all_kinds")
