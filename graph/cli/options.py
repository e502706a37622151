"""Options several commands share, as decorators (sqlite-utils' pattern): ``--db``, ``--user``,
dates, and the slice filters that become one :class:`~graph.core.model.GraphSlice`.

Also the one way a command opens its store (:func:`open_store`), so that a command that writes
refuses a read-only database in one line before it starts any work.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import click

from graph.core.cameo import QUAD_CLASSES, ROOTS, expand_kinds
from graph.core.errors import ReadOnlyError, UsageError
from graph.core.model import ACTOR_TYPES, GraphSlice
from graph.names.forms import relation_kinds
from graph.store.store import Store

__all__ = ["DATE", "QUADS", "SectionOption", "SectionedCommand", "db_option", "open_store",
           "slice_filters", "slice_from", "user_option"]

F = TypeVar("F", bound=Callable[..., Any])

#: QuadClass names as ``--quad`` takes them (``verbal-conflict``).
QUADS = tuple(name.replace(" ", "-") for name in QUAD_CLASSES.values())


class IsoDate(click.ParamType):
    """A calendar date written YYYY-MM-DD."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:  # noqa: ARG002
        return "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"bad date {value!r} (use YYYY-MM-DD)", param, ctx)


DATE = IsoDate()


class SectionOption(click.Option):
    """An option listed under its own heading in ``--help`` (``section="Slice filters"``)."""

    def __init__(self, *args: Any, section: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section = section


class SectionedCommand(click.Command):
    """A command whose ``--help`` lists options under their sections' headings (as argparse's
    argument groups did), the others under "Options"."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record:
                sections.setdefault(getattr(param, "section", None) or "Options",
                                    []).append(record)
        for heading, rows in sections.items():
            if rows:
                with formatter.section(heading):
                    formatter.write_dl(rows)

db_option = click.option(
    "--db", metavar="DB",
    help="database file or SQLAlchemy URL (default: $RELGRAPH_DB or relgraph.db)")
user_option = click.option(
    "--user", help="who decides (default: $RELGRAPH_USER or the OS user)")


def open_store(db: str | None, *, create: bool = False, write: bool = False) -> Store:
    """The store ``--db`` names. ``create``: a missing database is made (else it is one line
    saying to ingest first). ``write``: the command changes the store, so a database this
    process can only read is one line (exit 1) before any work starts."""
    store = Store(db, create=create)
    if write and store.read_only:
        raise ReadOnlyError(f"'{_command_name()}' needs write access to "
                            f"{store.engine.url.database} ({store.read_only}); stats, actors, "
                            "articles, export and serve --read-only can read it")
    return store


def _command_name() -> str:
    """The running command as typed after ``relgraph`` (``hide``, ``aliases import``)."""
    ctx = click.get_current_context()
    return ctx.command_path.partition(" ")[2] or ctx.command_path


def slice_filters(func: F) -> F:
    """Add the slice filter options to a command, which receives them as one
    ``graph_slice: GraphSlice`` (built by :func:`slice_from`) plus ``top`` (the N strongest
    actors: a view rule, not part of the slice)."""

    @functools.wraps(func)
    def command(*args: Any, articles: Sequence[str], since: date | None, until: date | None,
                include_undated: bool | None, types: Sequence[str], kinds: Sequence[str],
                roots: Sequence[str], quads: Sequence[str], min_weight: int,
                **kwargs: Any) -> Any:
        graph_slice = slice_from(articles=articles, since=since, until=until,
                                 include_undated=include_undated, types=types, kinds=kinds,
                                 roots=roots, quads=quads, min_weight=min_weight)
        return func(*args, graph_slice=graph_slice, **kwargs)

    kinds = relation_kinds()
    option = functools.partial(click.option, cls=SectionOption, section="Slice filters")
    options = [
        option("--article", "articles", multiple=True, metavar="ID",
                     help="only these articles (repeatable)"),
        option("--since", type=DATE,
               help="from this date: the event date of a typed relation, the article's date "
                    "for co-occurrence and mentions"),
        option("--until", type=DATE, help="up to this date (the same dates as --since)"),
        option("--include-undated/--no-undated", "include_undated", default=None,
               help="keep or leave out undated articles and relations (default: left out "
                    "when --since or --until is given, kept otherwise)"),
        option("--type", "types", multiple=True, type=click.Choice(ACTOR_TYPES),
                     help="only these actor types (repeatable)"),
        option("--kind", "kinds", multiple=True, metavar="KIND",
                     type=click.Choice(kinds),
                     help="only these relation kinds (repeatable): " + ", ".join(kinds)),
        option("--root", "roots", multiple=True, metavar="CODE",
                     type=click.Choice(sorted(ROOTS)),
                     help="only relations under these CAMEO root categories (repeatable): "
                          "01 .. 20"),
        option("--quad", "quads", multiple=True, metavar="CLASS",
                     type=click.Choice(QUADS),
                     help="only relations of these QuadClasses (repeatable): "
                          + ", ".join(QUADS)),
        option("--min-weight", type=int, default=1, metavar="N", show_default=True,
                     help="drop weaker edges"),
        option("--top", type=int, metavar="N",
               help="keep the N strongest actors (images: as many as the page shows "
                    "legibly unless given; 0 for all)"),
    ]
    for add in reversed(options):
        command = add(command)
    return command  # type: ignore[return-value]


def slice_from(*, articles: Sequence[str] = (), since: date | None = None,
               until: date | None = None, include_undated: bool | None = None,
               types: Sequence[str] = (), kinds: Sequence[str] = (), roots: Sequence[str] = (),
               quads: Sequence[str] = (), min_weight: int = 1) -> GraphSlice:
    """The slice the filter options describe: ``roots`` (CAMEO root codes) and ``quads``
    (QuadClass names, ``verbal-conflict``) stand for every relation kind under them, expanded
    by :func:`graph.core.cameo.expand_kinds` and added to ``kinds``."""
    if since and until and since > until:
        raise UsageError("--since is after --until")
    categories = [f"root:{code}" for code in roots] + [f"quad:{name}" for name in quads]
    expanded = expand_kinds([*kinds, *categories])
    if categories and not expanded:
        raise UsageError("no relation kind is under those CAMEO categories")
    return GraphSlice(articles=tuple(articles), since=since, until=until,
                      include_undated=include_undated, types=tuple(types), kinds=expanded,
                      min_weight=min_weight)
