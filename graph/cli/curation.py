"""``relgraph`` subcommands for curation: merge, split, rename, retype, hide, unhide, reject,
history, undo, suggest, accept, dismiss, and the alias file's import/export.

Thin: open the store, call one function of :mod:`graph.curation.decisions`,
:mod:`graph.curation.suggest` or :mod:`graph.curation.aliasfile`, print what it says.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from graph.cli.commands import summary
from graph.cli.options import db_option, open_store, user_option
from graph.cli.output import write_output
from graph.core.model import ACTOR_TYPES
from graph.curation import decisions
from graph.curation.aliasfile import export_aliases, import_aliases_file
from graph.curation.suggest import accept as accept_suggestion
from graph.curation.suggest import dismiss_suggestion, suggestions
from graph.store.store import Store

__all__ = ["accept", "aliases", "dismiss", "hide", "history", "merge", "reject", "rename",
           "retype", "split", "suggest", "undo", "unhide"]


def decision_command(name: str, example: str, *, write: bool = True,
                     ) -> Callable[[Callable[..., Any]], click.Command]:
    """A curation subcommand: ``--db`` and ``--user`` added, the store opened (``write``: for
    writing, so a read-only database is one line first) and passed to the function as
    ``store``, ``--user`` resolved to ``user``; help is the summary and ``example``."""
    line = summary(name)

    def make(func: Callable[..., Any]) -> click.Command:
        @functools.wraps(func)
        def run(db: str | None, user: str | None, **kwargs: Any) -> Any:
            store = open_store(db, write=write)
            return func(store=store, user=decisions.user_name(user), **kwargs)

        return click.command(name, short_help=line,
                             help=f"{line[0].upper()}{line[1:]}.\n\nExample: {example}")(
            db_option(user_option(run)))

    return make


def _say(outcome: decisions.Outcome) -> int:
    click.echo(f"decision {outcome.decision}: {outcome.message}")
    return 0


@decision_command("merge", "relgraph merge 'Mark Felt' 'W. Mark Felt' --into 'W. Mark Felt'")
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@click.option("--into", required=True, metavar="NAME", help="the actor they join")
def merge(store: Store, user: str, names: tuple[str, ...], into: str) -> int:
    return _say(decisions.merge(store, list(names), into, user))


@decision_command("split", "relgraph split 'Baltic Shipping' --alias Baltic")
@click.argument("name", metavar="NAME")
@click.option("--alias", required=True, help="the name to split off")
def split(store: Store, user: str, name: str, alias: str) -> int:
    return _say(decisions.split(store, name, alias, user))


@decision_command("rename", "relgraph rename IEA 'International Energy Agency'")
@click.argument("name", metavar="NAME")
@click.argument("new", metavar="NEW")
def rename(store: Store, user: str, name: str, new: str) -> int:
    return _say(decisions.rename(store, name, new, user))


@decision_command("retype", "relgraph retype Maersk organisation")
@click.argument("name", metavar="NAME")
@click.argument("actor_type", metavar="TYPE", type=click.Choice(ACTOR_TYPES))
def retype(store: Store, user: str, name: str, actor_type: str) -> int:
    return _say(decisions.retype(store, name, actor_type, user))


@decision_command("hide", "relgraph hide Reuters")
@click.argument("name", metavar="NAME")
def hide(store: Store, user: str, name: str) -> int:
    return _say(decisions.hide(store, name, user))


@decision_command("unhide", "relgraph unhide Reuters")
@click.argument("name", metavar="NAME")
def unhide(store: Store, user: str, name: str) -> int:
    return _say(decisions.unhide(store, name, user))


@decision_command("reject",
                  "relgraph reject --edge Russia 'North Korea' --article a17 --sentence 4")
@click.option("--edge", nargs=2, required=True, metavar="A B",
              help="the two actors the evidence links")
@click.option("--article", required=True, metavar="ID", help="the article it is in")
@click.option("--sentence", type=int, metavar="N", help="only sentence N (from 0)")
@click.option("--kind", help="only this relation kind")
def reject(store: Store, user: str, edge: tuple[str, str], article: str, sentence: int | None,
           kind: str | None) -> int:
    return _say(decisions.reject(store, edge[0], edge[1], article, user, sentence=sentence,
                                 kind=kind))


@decision_command("history", "relgraph history", write=False)
@click.option("--json", "as_json", is_flag=True, help="JSON instead of lines")
def history(store: Store, user: str, as_json: bool) -> int:  # noqa: ARG001
    rows = store.history()
    if as_json:
        click.echo(json.dumps([{**r, "args": json.loads(r["args"])} for r in rows],
                              ensure_ascii=False, indent=1))
        return 0
    if not rows:
        click.echo("no decisions yet")
        return 0
    for r in rows:
        state = f"  (undone by {r['undone_by']})" if r["undone_by"] else ""
        click.echo(f"{r['id']:>4}  {r['at']}  {r['user']}: {r['summary']}{state}")
    return 0


@decision_command("undo", "relgraph undo 12")
@click.argument("decision", type=int, required=False, metavar="[N]")
def undo(store: Store, user: str, decision: int | None) -> int:
    return _say(decisions.undo(store, user, decision))


@decision_command("suggest", "relgraph suggest --top 20", write=False)
@click.option("--top", type=int, metavar="N", default=20, show_default=True, help="how many")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of lines")
def suggest(store: Store, user: str, top: int, as_json: bool) -> int:  # noqa: ARG001
    found = suggestions(store, top=top)
    if as_json:
        click.echo(json.dumps([s.as_dict() for s in found], ensure_ascii=False, indent=1))
        return 0
    if not found:
        click.echo("no suggestions")
        return 0
    for s in found:
        click.echo(f"{s.id:>10}  {s.score:.2f}  {s.a_label} [{s.a_type}] = {s.b_label} "
                   f"[{s.b_type}]: {s.reason}")
        if s.evidence:
            click.echo(f"{'':>12}{s.evidence}")
    return 0


@decision_command("accept", "relgraph accept 3")
@click.argument("suggestion", metavar="ID")
def accept(store: Store, user: str, suggestion: str) -> int:
    return _say(accept_suggestion(store, suggestion, user))


@decision_command("dismiss", "relgraph dismiss 3")
@click.argument("suggestion", metavar="ID")
def dismiss(store: Store, user: str, suggestion: str) -> int:
    return _say(dismiss_suggestion(store, suggestion, user))


@click.group(short_help=summary("aliases"))
def aliases() -> None:
    """Import an alias file as decisions, or export every decision as one.

    Example: relgraph aliases export -o decisions.toml
    """


@aliases.command("import")
@db_option
@click.argument("file", metavar="FILE")
@user_option
def import_(db: str | None, file: str, user: str | None) -> int:
    """Record an alias file's entries as decisions (entries already in force are skipped).

    Example: relgraph aliases import decisions.toml
    """
    store = open_store(db, write=True)
    click.echo(import_aliases_file(store, file, decisions.user_name(user)))
    return 0


@aliases.command("export")
@db_option
@click.option("--output", "-o", metavar="FILE", help="default: standard output")
def export_(db: str | None, output: str | None) -> int:
    """Write every decision in force as an alias file.

    Example: relgraph aliases export -o decisions.toml
    """
    text = export_aliases(open_store(db))
    if output:
        write_output(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(text)
    return 0
