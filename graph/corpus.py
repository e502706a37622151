"""The corpus in memory: the store's aggregates as NumPy arrays, ready to slice.

Rows stay at the level the store writes them (article × name, article × name pair × kind), so
they never need reloading when resolution or a decision changes which names form which actor:
:meth:`Corpus.refresh` re-maps names to actors with one array lookup, and loads only the
articles written since the last load. A refreshed corpus is a new object; one in use by
another request is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

import numpy as np

from .model import COOCCURRENCE
from .schema import ALL_KINDS
from .store import Store

__all__ = ["POLARITY", "UNDATED", "Corpus", "Groups", "Index", "MentionRows", "PairRows"]

UNDATED = -1
POLARITY = ("cooperative", "hostile", "neutral")


@dataclass(frozen=True)
class Index:
    """Rows grouped by a key: key ``k``'s rows are ``order[start[k]:start[k + 1]]``."""

    order: np.ndarray
    start: np.ndarray

    @classmethod
    def of(cls, keys: np.ndarray, n: int) -> Index:
        order = np.argsort(keys, kind="stable")
        return cls(order, np.searchsorted(keys[order], np.arange(n + 1)))

    def rows(self, keys: np.ndarray) -> np.ndarray:
        """The rows of ``keys`` (ascending keys give ascending blocks), without a pass over
        all rows."""
        first, last = self.start[keys], self.start[keys + 1]
        lens = last - first
        total = int(lens.sum())
        if not total:
            return np.zeros(0, dtype=np.int64)
        shift = np.repeat(first - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
        return self.order[shift + np.arange(total)]


@dataclass(frozen=True)
class Groups:
    """The distinct values per key, sorted: key ``k``'s are ``values[start[k]:start[k + 1]]``
    (a compressed sparse row layout)."""

    start: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, keys: np.ndarray, values: np.ndarray, n: int) -> Groups:
        width = int(values.max(initial=0)) + 1
        combined = np.unique(keys * width + values)
        return cls(np.searchsorted(combined // width, np.arange(n + 1)), combined % width)

    def get(self, key: int) -> np.ndarray:
        return self.values[self.start[key]:self.start[key + 1]]


@dataclass(frozen=True)
class MentionRows:
    """Mention rows of visible actors."""

    article: np.ndarray
    actor: np.ndarray
    text: np.ndarray
    count: np.ndarray
    by_article: Index
    by_actor: Index
    total: np.ndarray  # mentions per actor over the whole corpus


@dataclass(frozen=True)
class PairRows:
    """The pair rows a graph can use (both names resolved to different visible actors)."""

    article: np.ndarray
    kind: np.ndarray
    count: np.ndarray
    cooc: np.ndarray
    polarity: np.ndarray
    pair: np.ndarray  # index into pair_a / pair_b
    way: np.ndarray  # 0 undirected, 1 pair_a → pair_b, 2 pair_b → pair_a
    pair_a: np.ndarray  # actor index, pair_a < pair_b
    pair_b: np.ndarray
    by_article: Index
    by_pair: Index
    total: np.ndarray  # weight per pair over the whole corpus


@dataclass(frozen=True)
class Corpus:
    """Everything needed to build any slice. Article arrays are indexed by position in
    ``articles`` (sorted by date, undated last); actor arrays by position in ``ids``."""

    revision: int
    actors_rev: int
    articles: list[dict]
    dates: np.ndarray  # day ordinal per article, UNDATED if none
    ids: list[str]  # stable actor ids
    labels: list[str]
    types: list[str]
    kinds: list[str]  # relation kinds; ALL_KINDS is one of them
    # mention rows
    m_article: np.ndarray
    m_name: np.ndarray
    m_text: np.ndarray
    m_count: np.ndarray
    # pair rows
    r_article: np.ndarray
    r_a: np.ndarray  # name ids
    r_b: np.ndarray
    r_kind: np.ndarray  # index into kinds
    r_way: np.ndarray  # 0 undirected, 1 a→b, 2 b→a (for names a, b)
    r_polarity: np.ndarray  # index into POLARITY
    r_count: np.ndarray  # sentences
    r_cooc: np.ndarray  # on ALL_KINDS rows: sentences where the pair co-occurs
    name_actor: np.ndarray  # name id → actor index, -1 for names of no (visible) actor
    texts: dict[int, str] = field(default_factory=dict)  # surface text ids → text

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, store: Store) -> Corpus:
        """Read the store's aggregates (one query per table, streamed into arrays)."""
        revs = store.revisions()
        arts = store.graph_articles()
        mentions = store.mention_arrays()
        pairs, kinds, polarities = store.pair_arrays()
        seq_index = {a["seq"]: i for i, a in enumerate(arts)}
        empty = cls._empty(revs, kinds)
        corpus = replace(empty, articles=arts)
        return corpus._with_rows(mentions, pairs, kinds, polarities, seq_index)._mapped(
            store)._sorted()._with_texts(store)

    @classmethod
    def _empty(cls, revs: dict[str, int], kinds: list[str]) -> Corpus:
        z = np.zeros(0, dtype=np.int64)
        return cls(revs.get("revision", 0), revs.get("actors_rev", 0), [], z, [], [], [],
                   [ALL_KINDS], z, z, z, z, z, z, z, z, z, z, z, z, np.full(1, -1, np.int64))

    def refresh(self, store: Store) -> Corpus:
        """This corpus brought up to date with ``store``: unchanged if the store is, else new
        and changed articles loaded, and names re-mapped if actors changed."""
        revs = store.revisions()
        if revs.get("revision", 0) == self.revision:
            return self
        fresh = store.graph_articles(since_written=self._written())
        out = self
        if fresh:
            out = out._replace_articles(store, fresh)
        if fresh or revs.get("actors_rev", 0) != self.actors_rev:
            out = out._mapped(store)
        return replace(out, revision=revs.get("revision", 0),
                       actors_rev=revs.get("actors_rev", 0))._sorted()._with_texts(store)

    def _written(self) -> int:
        return max((a["written"] for a in self.articles), default=0)

    def _replace_articles(self, store: Store, fresh: list[dict]) -> Corpus:
        ids = {a["id"] for a in fresh}
        keep_art = np.array([a["id"] not in ids for a in self.articles], dtype=bool)
        keep_art = keep_art if len(keep_art) else np.zeros(0, bool)
        arts = [a for a, k in zip(self.articles, keep_art, strict=True) if k] + fresh
        new_index = np.cumsum(keep_art) - 1
        mk = keep_art[self.m_article] if len(self.m_article) else np.zeros(0, bool)
        rk = keep_art[self.r_article] if len(self.r_article) else np.zeros(0, bool)
        base = replace(
            self, articles=arts,
            m_article=new_index[self.m_article[mk]], m_name=self.m_name[mk],
            m_text=self.m_text[mk], m_count=self.m_count[mk],
            r_article=new_index[self.r_article[rk]], r_a=self.r_a[rk], r_b=self.r_b[rk],
            r_kind=self.r_kind[rk], r_way=self.r_way[rk], r_polarity=self.r_polarity[rk],
            r_count=self.r_count[rk], r_cooc=self.r_cooc[rk])
        seqs = [a["seq"] for a in fresh]
        mentions = store.mention_arrays(seqs)
        pairs, kinds, polarities = store.pair_arrays(seqs)
        offset = len(arts) - len(fresh)
        seq_index = {a["seq"]: offset + i for i, a in enumerate(fresh)}
        return base._with_rows(mentions, pairs, kinds, polarities, seq_index, append=True)

    def _with_rows(self, mentions: dict, pairs: dict, kinds: list[str], polarities: list[str],
                   seq_index: dict[int, int], append: bool = False) -> Corpus:
        all_kinds = list(self.kinds)
        for k in kinds:
            if k not in all_kinds:
                all_kinds.append(k)
        k_map = np.array([all_kinds.index(k) for k in kinds] or [0], dtype=np.int64)
        p_map = np.array([POLARITY.index(p) if p in POLARITY else 2 for p in polarities]
                         or [2], dtype=np.int64)
        to_index = np.vectorize(seq_index.__getitem__, otypes=[np.int64])

        def idx(seq: np.ndarray) -> np.ndarray:
            return to_index(seq) if len(seq) else seq

        def cat(old: np.ndarray, new: np.ndarray) -> np.ndarray:
            return np.concatenate([old, new]) if append else new

        return replace(
            self, kinds=all_kinds,
            m_article=cat(self.m_article, idx(mentions["seq"])),
            m_name=cat(self.m_name, mentions["name"]), m_text=cat(self.m_text, mentions["text"]),
            m_count=cat(self.m_count, mentions["count"]),
            r_article=cat(self.r_article, idx(pairs["seq"])), r_a=cat(self.r_a, pairs["a"]),
            r_b=cat(self.r_b, pairs["b"]), r_kind=cat(self.r_kind, k_map[pairs["kind"]]),
            r_way=cat(self.r_way, pairs["way"]),
            r_polarity=cat(self.r_polarity, p_map[pairs["polarity"]]),
            r_count=cat(self.r_count, pairs["sentences"]), r_cooc=cat(self.r_cooc, pairs["cooc"]))

    def _mapped(self, store: Store) -> Corpus:
        rows, mapping = store.actor_map()
        index = {aid: i for i, (aid, _, _) in enumerate(rows)}
        top = max([*mapping, int(self.m_name.max(initial=0)), int(self.r_a.max(initial=0)),
                   int(self.r_b.max(initial=0))], default=0)
        name_actor = np.full(top + 1, -1, dtype=np.int64)
        for name_id, aid in mapping.items():
            if aid in index:
                name_actor[name_id] = index[aid]
        return replace(self, ids=[r[0] for r in rows], labels=[r[1] for r in rows],
                       types=[r[2] for r in rows], name_actor=name_actor)

    def _sorted(self) -> Corpus:
        """Articles in date order (undated last, then by id); mention and pair rows renumbered
        and sorted by article, so an article's (or a date range's) rows are one block."""
        order = sorted(range(len(self.articles)), key=lambda i: (
            self.articles[i]["date"] is None, self.articles[i]["date"] or "",
            self.articles[i]["id"]))
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        arts = [self.articles[i] for i in order]
        dates = np.array([date.fromisoformat(a["date"]).toordinal() if a["date"] else UNDATED
                          for a in arts], dtype=np.int64)
        m_article = rank[self.m_article] if len(self.m_article) else self.m_article
        r_article = rank[self.r_article] if len(self.r_article) else self.r_article
        mo = np.argsort(m_article, kind="stable")
        ro = np.argsort(r_article, kind="stable")
        return replace(
            self, articles=arts, dates=dates, m_article=m_article[mo], m_name=self.m_name[mo],
            m_text=self.m_text[mo], m_count=self.m_count[mo], r_article=r_article[ro],
            r_a=self.r_a[ro], r_b=self.r_b[ro], r_kind=self.r_kind[ro], r_way=self.r_way[ro],
            r_polarity=self.r_polarity[ro], r_count=self.r_count[ro], r_cooc=self.r_cooc[ro])

    def _with_texts(self, store: Store) -> Corpus:
        missing = np.setdiff1d(np.unique(self.m_text), np.fromiter(self.texts, np.int64,
                                                                   len(self.texts)))
        if not len(missing):
            return self
        return replace(self, texts={**self.texts, **store.texts(missing.tolist())})

    # -- derived arrays (per corpus object, computed once) ---------------------------------
    @cached_property
    def mentions(self) -> MentionRows:
        """Mention rows of visible actors (article order), indexed by article and by actor."""
        actor = self.name_actor[self.m_name] if len(self.m_name) else self.m_name
        ok = actor >= 0
        article, actor = self.m_article[ok], actor[ok]
        n = len(self.ids)
        return MentionRows(article, actor, self.m_text[ok], self.m_count[ok],
                           Index.of(article, len(self.articles)), Index.of(actor, n),
                           np.bincount(actor, weights=self.m_count[ok], minlength=n))

    @cached_property
    def rows(self) -> PairRows:
        """Pair rows between two different visible actors (article order), with actor pair
        indexes, indexed by article and by pair."""
        x = self.name_actor[self.r_a] if len(self.r_a) else self.r_a
        y = self.name_actor[self.r_b] if len(self.r_b) else self.r_b
        ok = (x >= 0) & (y >= 0) & (x != y)
        x, y, way = x[ok], y[ok], self.r_way[ok]
        lo, hi = np.minimum(x, y), np.maximum(x, y)
        # the name pair's a is the actor pair's b: flip the direction
        way = np.where((x > y) & (way > 0), 3 - way, way)
        n = max(len(self.ids), 1)
        pairs, inverse = np.unique(lo * n + hi, return_inverse=True)
        inverse = inverse.reshape(-1)
        article, kind, count = self.r_article[ok], self.r_kind[ok], self.r_count[ok]
        star = kind == self.all_kinds
        return PairRows(article, kind, count, self.r_cooc[ok], self.r_polarity[ok], inverse,
                        way, pairs // n, pairs % n, Index.of(article, len(self.articles)),
                        Index.of(inverse, len(pairs)),
                        np.bincount(inverse[star], weights=count[star],
                                    minlength=len(pairs)).astype(np.int64))

    @cached_property
    def actor_articles(self) -> Groups:
        """Articles per actor over the whole corpus (for views of everything)."""
        m = self.mentions
        return Groups.of(m.actor, m.article, len(self.ids))

    @cached_property
    def actor_texts(self) -> Groups:
        """Surface texts per actor over the whole corpus."""
        m = self.mentions
        return Groups.of(m.actor, m.text, len(self.ids))

    @cached_property
    def pair_articles(self) -> Groups:
        """Articles per pair over the whole corpus."""
        r = self.rows
        star = r.kind == self.all_kinds
        return Groups.of(r.pair[star], r.article[star], len(r.pair_a))

    @cached_property
    def pair_kinds(self) -> Groups:
        """Kinds per pair over the whole corpus (the ``*`` kind standing for co-occurrence)."""
        r = self.rows
        use = (r.kind != self.all_kinds) | (r.cooc > 0)
        return Groups.of(r.pair[use], r.kind[use], len(r.pair_a))

    @cached_property
    def pair_typed(self) -> Groups:
        """Row numbers of typed relations per pair over the whole corpus."""
        r = self.rows
        typed = np.flatnonzero((r.way > 0) & (r.kind != self.all_kinds))
        return Groups.of(r.pair[typed], typed, len(r.pair_a))

    @cached_property
    def article_ids(self) -> np.ndarray:
        return np.array([a["id"] for a in self.articles] or [""], dtype=object)

    @cached_property
    def all_kinds(self) -> int:
        """Index of the rows counting every kind (the weight rows)."""
        return self.kinds.index(ALL_KINDS)

    @property
    def relation_kinds(self) -> list[str]:
        """The relation kinds present: co-occurrence first, then the typed ones."""
        return [COOCCURRENCE, *sorted(k for k in self.kinds if k != ALL_KINDS)]
