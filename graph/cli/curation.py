"""``relgraph`` subcommands for curation: merge, split, rename, retype, hide, unhide, reject,
history, undo, suggest, accept, dismiss, and the alias file's import/export.

Thin: parse, call one function of :mod:`graph.curation.decisions` / :mod:`graph.curation.suggest`,
print."""

from __future__ import annotations

import argparse
import json
import sys

from graph.core.model import ACTOR_TYPES

__all__ = ["add_curation_commands"]


def add_curation_commands(sub, db, store_of) -> None:  # noqa: ANN001
    """Register the curation subcommands; ``db`` adds the --db option, ``store_of(args,
    write=...)`` opens the store of parsed arguments (``write``: one line, before any work,
    if the database can only be read)."""

    def command(name: str, help_: str, example: str, func,  # noqa: ANN001
                write: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=f"{help_[0].upper()}{help_[1:]}. "
                                                          f"Example: {example}")
        db(p)
        p.add_argument("--user", help="who decides (default: $RELGRAPH_USER or the OS user)")
        p.set_defaults(func=lambda args: func(args, store_of(args, write=write)))
        return p

    p = command("merge", "merge actors into another (they become one actor)",
                "relgraph merge 'Mark Felt' 'W. Mark Felt' --into 'W. Mark Felt'", _merge)
    p.add_argument("names", nargs="+", metavar="NAME", help="any name, alias or id")
    p.add_argument("--into", required=True, metavar="NAME", help="the actor they join")
    p = command("split", "make one of an actor's names an actor of its own",
                "relgraph split 'Baltic Shipping' --alias Baltic", _split)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--alias", required=True, help="the name to split off")
    p = command("rename", "give an actor a new label (its id stays)",
                "relgraph rename IEA 'International Energy Agency'", _rename)
    p.add_argument("name", metavar="NAME")
    p.add_argument("new", metavar="NEW")
    p = command("retype", "change an actor's type", "relgraph retype Maersk organisation",
                _retype)
    p.add_argument("name", metavar="NAME")
    p.add_argument("type", choices=ACTOR_TYPES)
    p = command("hide", "hide an actor from graphs and exports", "relgraph hide Reuters",
                _hide)
    p.add_argument("name", metavar="NAME")
    p = command("unhide", "show a hidden actor again", "relgraph unhide Reuters", _unhide)
    p.add_argument("name", metavar="NAME")
    p = command("reject", "mark the evidence linking two actors in an article as wrong",
                "relgraph reject --edge Russia 'North Korea' --article a17 --sentence 4",
                _reject)
    p.add_argument("--edge", nargs=2, required=True, metavar=("A", "B"))
    p.add_argument("--article", required=True, metavar="ID")
    p.add_argument("--sentence", type=int, metavar="N", help="only sentence N (from 0)")
    p.add_argument("--kind", help="only this relation kind")
    p = command("history", "list curation decisions, newest first", "relgraph history",
                _history, write=False)
    p.add_argument("--json", action="store_true")
    p = command("undo", "revert the last decision (or decision N)", "relgraph undo 12",
                _undo)
    p.add_argument("decision", nargs="?", type=int, metavar="N")
    p = command("suggest", "list likely duplicate actors to merge, most likely first",
                "relgraph suggest --top 20", _suggest, write=False)
    p.add_argument("--top", type=int, default=20, help="how many (default 20)")
    p.add_argument("--json", action="store_true")
    p = command("accept", "merge a suggested pair (ids from 'relgraph suggest')",
                "relgraph accept 3", _accept)
    p.add_argument("suggestion", metavar="ID", help="suggestion id")
    p = command("dismiss", "never suggest a pair again", "relgraph dismiss 3", _dismiss)
    p.add_argument("suggestion", metavar="ID", help="suggestion id")

    p = sub.add_parser("aliases", help="import or export decisions as an alias file (TOML)",
                       description="Import an alias file as decisions, or export every "
                                   "decision as one. Example: relgraph aliases export -o "
                                   "decisions.toml")
    verbs = p.add_subparsers(metavar="ACTION")
    q = verbs.add_parser("import", help="record an alias file's entries as decisions")
    db(q)
    q.add_argument("file", metavar="FILE")
    q.add_argument("--user")
    q.set_defaults(func=lambda args: _aliases_import(args, store_of(args, write=True)))
    q = verbs.add_parser("export", help="write every decision in force as an alias file")
    db(q)
    q.add_argument("--output", "-o", metavar="FILE", help="default: standard output")
    q.set_defaults(func=lambda args: _aliases_export(args, store_of(args)))
    p.set_defaults(func=lambda _args: p.print_help() or 2)


def _who(args: argparse.Namespace) -> str:
    from graph.curation.decisions import user_name

    return user_name(getattr(args, "user", None))


def _say(outcome) -> int:  # noqa: ANN001
    print(f"decision {outcome.decision}: {outcome.message}")
    return 0


def _merge(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import merge

    return _say(merge(store, args.names, args.into, _who(args)))


def _split(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import split

    return _say(split(store, args.name, args.alias, _who(args)))


def _rename(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import rename

    return _say(rename(store, args.name, args.new, _who(args)))


def _retype(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import retype

    return _say(retype(store, args.name, args.type, _who(args)))


def _hide(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import hide

    return _say(hide(store, args.name, _who(args)))


def _unhide(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import unhide

    return _say(unhide(store, args.name, _who(args)))


def _reject(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import reject

    return _say(reject(store, args.edge[0], args.edge[1], args.article, _who(args),
                       sentence=args.sentence, kind=args.kind))


def _undo(args, store) -> int:  # noqa: ANN001
    from graph.curation.decisions import undo

    return _say(undo(store, _who(args), args.decision))


def _history(args, store) -> int:  # noqa: ANN001
    rows = store.history()
    if args.json:
        print(json.dumps([{**r, "args": json.loads(r["args"])} for r in rows],
                         ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("no decisions yet")
        return 0
    for r in rows:
        state = f"  (undone by {r['undone_by']})" if r["undone_by"] else ""
        print(f"{r['id']:>4}  {r['at']}  {r['user']}: {r['summary']}{state}")
    return 0


def _suggest(args, store) -> int:  # noqa: ANN001
    from graph.curation.suggest import suggestions

    found = suggestions(store, top=args.top)
    if args.json:
        print(json.dumps([s.as_dict() for s in found], ensure_ascii=False, indent=1))
        return 0
    if not found:
        print("no suggestions")
        return 0
    for s in found:
        print(f"{s.id:>10}  {s.score:.2f}  {s.a_label} [{s.a_type}] = {s.b_label} "
              f"[{s.b_type}]: {s.reason}")
        if s.evidence:
            print(f"{'':>12}{s.evidence}")
    return 0


def _accept(args, store) -> int:  # noqa: ANN001
    from graph.curation.suggest import accept

    return _say(accept(store, args.suggestion, _who(args)))


def _dismiss(args, store) -> int:  # noqa: ANN001
    from graph.curation.suggest import dismiss_suggestion

    return _say(dismiss_suggestion(store, args.suggestion, _who(args)))


def _aliases_import(args, store) -> int:  # noqa: ANN001
    from graph.curation.aliasfile import import_aliases_file

    print(import_aliases_file(store, args.file, _who(args)))
    return 0


def _aliases_export(args, store) -> int:  # noqa: ANN001
    from pathlib import Path

    from graph.curation.aliasfile import export_aliases

    text = export_aliases(store)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
