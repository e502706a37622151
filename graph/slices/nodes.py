"""What a slice's graph says about its actors: aliases, first and last seen and articles per
node, and the per-day timeline of the slice's articles and the shown actors' mentions.

Stages of :func:`graph.slices.build.build_graph`, after
:func:`graph.slices.figures.slice_figures`.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from graph.slices.arrays import Groups, distinct
from graph.slices.corpus import UNDATED, Corpus
from graph.slices.figures import SliceFigures

__all__ = ["node_facts", "timeline"]


def node_facts(c: Corpus, chosen: np.ndarray, fig: SliceFigures, lists: bool) -> dict[int, dict]:
    """Aliases, first/last seen, articles mentioning them (``n_articles``; and the article
    lists) of the chosen actors in the slice."""
    mp, t = c.mapping, c.totals
    actors = np.flatnonzero(chosen)
    out: dict[int, dict] = {}
    if fig.m_rows is None and not lists:  # the whole corpus: per-name figures
        names, owner = mp.names.many(actors)
        name_texts, text_name = t.name_texts.many(names[names < len(t.name_first)])
        actor_of = np.full(len(t.name_first), -1, dtype=np.int64)
        keep = names < len(t.name_first)
        actor_of[names[keep]] = owner[keep]
        by_actor = Groups.of(actor_of[text_name], name_texts, len(c.ids))
        first = np.full(len(c.ids), np.iinfo(np.int64).max)
        last = np.full(len(c.ids), np.iinfo(np.int64).min)
        np.minimum.at(first, owner[keep], t.name_first[names[keep]])
        np.maximum.at(last, owner[keep], t.name_last[names[keep]])
        n_arts = _distinct_articles(t.name_articles, names[keep], owner[keep], len(c.ids))
        for i in actors.tolist():
            out[i] = {
                "aliases": _aliases(c, i, by_actor.get(i)),
                "first_seen": _day(first[i]),
                "last_seen": _day(last[i]),
                "n_articles": int(n_arts[i]),
            }
        return out
    rows = np.arange(len(c.m_article)) if fig.m_rows is None else fig.m_rows.indices()
    actor = mp.name_actor[c.m_name[rows]]
    rows, actor = rows[(actor >= 0)], actor[actor >= 0]
    keep = chosen[actor] & c.alive[c.m_article[rows]]
    rows, actor = rows[keep], actor[keep]
    arts = Groups.of(actor, c.m_article[rows], len(c.ids))
    texts = Groups.of(actor, c.m_text[rows], len(c.ids))
    for i in actors.tolist():
        mine = arts.get(i)
        days = c.dates[mine]
        days = days[days != UNDATED]
        out[i] = {
            "aliases": _aliases(c, i, texts.get(i)),
            "first_seen": _day(days.min()) if len(days) else None,
            "last_seen": _day(days.max()) if len(days) else None,
            "n_articles": len(mine),
        }
        if lists:
            out[i]["articles"] = c.in_date_order(mine)
    return out


def _distinct_articles(
    name_articles: Groups, names: np.ndarray, owner: np.ndarray, n: int
) -> np.ndarray:
    """Distinct articles per actor (``owner[k]`` owns name ``names[k]``). A name's articles
    are already distinct, so an actor with one name counts its name's; only the articles of
    actors with several names are merged (at 100,000 articles, merging every shown actor's
    articles was half the whole-corpus view's time)."""
    counts = np.bincount(owner, weights=np.diff(name_articles.start)[names], minlength=n).astype(
        np.int64
    )
    several = np.bincount(owner, minlength=n)[owner] > 1
    if several.any():
        values, of_name = name_articles.many(names[several])
        actor_of = np.zeros(int(names.max()) + 1, dtype=np.int64)
        actor_of[names[several]] = owner[several]
        merged = Groups.of(actor_of[of_name], values, n)
        actors = distinct(owner[several])
        counts[actors] = np.diff(merged.start)[actors]
    return counts


def _aliases(c: Corpus, i: int, texts: np.ndarray) -> list[str]:
    return sorted({c.texts.get(x, "") for x in texts.tolist()} - {c.labels[i], ""})


def _day(ordinal: int) -> str | None:
    if ordinal in (np.iinfo(np.int64).max, np.iinfo(np.int64).min, UNDATED):
        return None
    return date.fromordinal(int(ordinal)).isoformat()


def timeline(c: Corpus, articles: np.ndarray, chosen: np.ndarray, fig: SliceFigures) -> list[dict]:
    """Per day: the slice's articles and how many of the shown actors each day's articles
    mention (an actor counted once per article and name)."""
    mp = c.mapping
    days = c.dates[articles]
    if fig.m_rows is None:  # the whole corpus: the shown actors' names' articles
        names = mp.names.many(np.flatnonzero(chosen))[0]
        names = names[names < len(c.totals.name_first)]
        mentioned = c.totals.name_articles.many(names)[0]
    else:
        rows = fig.m_rows.indices()
        actor = mp.name_actor[c.m_name[rows]]
        hit = rows[(actor >= 0) & chosen[np.maximum(actor, 0)]]
        mentioned = distinct(c.m_name[hit] * max(len(c.arts), 1) + c.m_article[hit]) % max(
            len(c.arts), 1
        )
    m_days = c.dates[mentioned]
    out_days, n_articles = np.unique(days[days != UNDATED], return_counts=True)
    found = dict(zip(*np.unique(m_days[m_days != UNDATED], return_counts=True), strict=True))
    return [
        {
            "date": date.fromordinal(int(d)).isoformat(),
            "articles": int(k),
            "mentions": int(found.get(d, 0)),
        }
        for d, k in zip(out_days, n_articles, strict=True)
    ]
