"""The table of ``relgraph`` subcommands, and the click group that imports a command's module
only when that command runs.

A command's module imports what it needs at module level (the store and SQLAlchemy, networkx,
the readers: most of a second together), so ``relgraph --help`` lists the commands from this
table without importing any of them, as click's "lazily loading subcommands" pattern does.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import click

from graph.core.imports import frozen_imports

__all__ = ["COMMANDS", "Entry", "LazyGroup", "summary"]


@dataclass(frozen=True)
class Entry:
    """Where a subcommand is defined and the one line ``relgraph --help`` shows for it."""

    target: str  # "module:attribute"
    summary: str


#: Every subcommand in the order ``relgraph --help`` lists them.
COMMANDS: dict[str, Entry] = {
    "ingest": Entry("graph.cli.ingest:ingest", "read articles and extract actors and relations"),
    "export": Entry("graph.cli.export:export", "write the graph (or a slice) as data or an image"),
    "brief": Entry("graph.cli.brief:brief", "write a briefing pack (PowerPoint, PDF, Markdown)"),
    "events": Entry("graph.cli.events:events",
                    "list typed relations as dated events (table, CSV or JSON)"),
    "actors": Entry("graph.cli.listing:actors", "list actors by mentions"),
    "articles": Entry("graph.cli.listing:articles", "list articles with their ids"),
    "stats": Entry("graph.cli.listing:stats", "counts of articles, actors and relations"),
    "serve": Entry("graph.cli.serve:serve", "explore the graph in the browser"),
    "merge": Entry("graph.cli.curation:merge",
                   "merge actors into another (they become one actor)"),
    "split": Entry("graph.cli.curation:split", "make one of an actor's names an actor of its own"),
    "rename": Entry("graph.cli.curation:rename", "give an actor a new label (its id stays)"),
    "retype": Entry("graph.cli.curation:retype", "change an actor's type"),
    "hide": Entry("graph.cli.curation:hide", "hide an actor from graphs and exports"),
    "unhide": Entry("graph.cli.curation:unhide", "show a hidden actor again"),
    "reject": Entry("graph.cli.curation:reject",
                    "mark the evidence linking two actors in an article as wrong"),
    "history": Entry("graph.cli.curation:history", "list curation decisions, newest first"),
    "undo": Entry("graph.cli.curation:undo", "revert the last decision (or decision N)"),
    "suggest": Entry("graph.cli.curation:suggest",
                     "list likely duplicate actors to merge, most likely first"),
    "accept": Entry("graph.cli.curation:accept",
                    "merge a suggested pair (ids from 'relgraph suggest')"),
    "dismiss": Entry("graph.cli.curation:dismiss", "never suggest a pair again"),
    "aliases": Entry("graph.cli.curation:aliases",
                     "import or export decisions as an alias file (TOML)"),
}


def summary(name: str) -> str:
    """The one-line help of subcommand ``name`` (its ``short_help``)."""
    return COMMANDS[name].summary


class LazyGroup(click.Group):
    """A group whose subcommands are named in a table and imported when first used."""

    def __init__(self, *args: Any, lazy: Mapping[str, Entry], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy, *(n for n in super().list_commands(ctx) if n not in self.lazy)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            self.add_command(self._load(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def _load(self, name: str) -> click.Command:
        module, _, attribute = self.lazy[name].target.partition(":")
        # the command's libraries (the store's SQLAlchemy, networkx) kept out of collections
        with frozen_imports(module):
            command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command) or command.name != name:
            raise TypeError(f"{self.lazy[name].target} is not the click command {name!r}")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the table: listing them imports none."""
        rows = [(name, entry.summary) for name, entry in self.lazy.items()]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
