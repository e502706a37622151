"""``relgraph actors``, ``articles`` and ``stats``: tables of what the store holds, and
:func:`article_rows` (the article listing, for anyone needing article ids)."""

from __future__ import annotations

import json
from datetime import date

import click

from graph.cli.commands import summary
from graph.cli.options import DATE, db_option, open_store
from graph.cli.output import clip, print_table
from graph.core.errors import UsageError
from graph.core.model import ACTOR_TYPES
from graph.store.store import Store

__all__ = ["actors", "article_rows", "articles", "stats"]


def article_rows(store: Store, since: date | None = None,
                 until: date | None = None) -> list[dict]:
    """Every article (by date, undated last) with ``id, date, source, title, words, actors``
    (distinct actors mentioned). ``since``/``until`` keep dated articles in that range."""
    actors = store.article_actor_counts()
    out = []
    for a in store.articles():
        day = date.fromisoformat(a["date"]) if a["date"] else None
        if day is None:
            if since or until:
                continue
        elif (since and day < since) or (until and day > until):
            continue
        out.append({"id": a["id"], "date": a["date"], "source": a["source"] or "",
                    "title": a["title"] or "", "words": int(a["words"] or 0),
                    "actors": actors.get(a["id"], 0)})
    return out


@click.command(short_help=summary("actors"))
@db_option
@click.option("--top", type=int, metavar="N", default=30, show_default=True,
              help="how many (0 = all)")
@click.option("--type", "types", multiple=True, type=click.Choice(ACTOR_TYPES),
              help="only these actor types (repeatable)")
@click.option("--hidden", is_flag=True, help="list the hidden actors instead")
def actors(db: str | None, top: int, types: tuple[str, ...], hidden: bool) -> int:
    """List resolved actors, most mentioned first.

    Example: relgraph actors --top 20
    """
    rows = open_store(db).actor_table(hidden=hidden)
    if types:
        rows = [r for r in rows if r["type"] in types]
    if top:
        rows = rows[:top]
    print_table(["actor", "id", "type", "mentions", "articles", "first seen", "last seen",
                 "also called"],
                [[r["label"], r["id"], r["type"], r["mentions"], len(r["articles"]),
                  r["first_seen"] or "", r["last_seen"] or "",
                  clip(", ".join(sorted(r["aliases"] - {r["label"]})), 50)] for r in rows],
                numeric=["mentions", "articles"])
    return 0


@click.command(short_help=summary("articles"))
@db_option
@click.option("--since", type=DATE, help="from this date")
@click.option("--until", type=DATE, help="up to this date")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table")
def articles(db: str | None, since: date | None, until: date | None, as_json: bool) -> int:
    """List stored articles: id (for --article), date, source, title, words and actors.

    Example: relgraph articles --since 2024-01-01
    """
    if since and until and since > until:
        raise UsageError("--since is after --until")
    rows = article_rows(open_store(db), since, until)
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return 0
    print_table(["id", "date", "source", "title", "words", "actors"],
                [[r["id"], r["date"] or "undated", clip(r["source"], 24), clip(r["title"], 60),
                  f"{r['words']:,}", r["actors"]] for r in rows],
                numeric=["words", "actors"])
    return 0


@click.command(short_help=summary("stats"))
@db_option
def stats(db: str | None) -> int:
    """Summarise the store: counts of articles, words, mentions, actors, relations and
    decisions, and the date range.

    Example: relgraph stats
    """
    store = open_store(db)
    c = store.counts()
    first, last = store.date_range()
    print_table(["", "count"],
                [["articles", c["articles"]], ["undated articles", c["undated"]],
                 ["words", c["words"]], ["sentences", c["sentences"]],
                 ["mentions", c["mentions"]], ["actors", c["actors"]],
                 ["relations", c["relations"]], ["typed relations", c["typed_relations"]],
                 ["hidden actors", c["hidden_actors"]],
                 ["decisions in force", c["decisions"]],
                 ["first date", first or ""], ["last date", last or ""]],
                numeric=["count"])
    return 0
