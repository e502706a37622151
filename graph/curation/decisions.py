"""The analyst's corrections: merge, split, rename, retype, hide, reject, undo.

Each is a row in the store's ``decisions`` table (what, when, by whom) applied by every later
resolution, so no ingest, rule change or model change can undo it. Decisions name actors by
their stable anchor keys (the id without hyphens) and name keys, which stay meaningful as the
corpus grows. Every function here validates its input, records one decision and returns an
:class:`Outcome` saying what changed; the CLI and the dashboard are thin layers over them.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from graph.core.errors import CurationError
from graph.core.model import ACTOR_TYPES
from graph.curation.aliasfile import import_aliases_file
from graph.names.forms import name_key
from graph.store.reads import ActorRef
from graph.store.store import Store

__all__ = [
    "CurationError",
    "Outcome",
    "find_actor",
    "hide",
    "merge",
    "reject",
    "rename",
    "retype",
    "split",
    "undo",
    "unhide",
    "user_name",
]


@dataclass(frozen=True)
class Outcome:
    """A recorded decision and what it changed, in words."""

    decision: int
    message: str


def user_name(explicit: str | None = None) -> str:
    """Who decides: ``--user``, else ``$RELGRAPH_USER``, else the OS user."""
    if explicit:
        return explicit
    if os.environ.get("RELGRAPH_USER"):
        return os.environ["RELGRAPH_USER"]
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def anchor_key(actor_id: str) -> str:
    """The anchor name key an actor id is made from (ids are keys with hyphens)."""
    return " ".join(actor_id.split("-"))


def find_actor(store: Store, name: str, *, hidden: bool | None = None) -> ActorRef:
    """The one actor ``name`` means (id, label, any name or surface form); a clear error
    listing the candidates when there are several, or none."""
    found = store.find_actors(name)
    if hidden is not None:
        found = [a for a in found if a.hidden == hidden] or found
    if not found:
        raise CurationError(f"no actor is called {name!r} (see 'relgraph actors')")
    if len(found) > 1:
        listed = "; ".join(f"{a.label} [{a.id}, {a.type}]" for a in found[:8])
        raise CurationError(
            f"{name!r} is ambiguous: it names {len(found)} actors: {listed}; use the id in brackets"
        )
    return found[0]


def merge(store: Store, names: list[str], into: str, user: str, base: int | None = None) -> Outcome:
    """Merge the actors called ``names`` into the actor called ``into`` (which keeps its type
    unless a retype says otherwise)."""
    target = find_actor(store, into)
    sources = [find_actor(store, n) for n in names]
    sources = [s for s in {s.id: s for s in sources}.values() if s.id != target.id]
    if not sources:
        raise CurationError("nothing to merge: the names all mean the actor merged into")
    keys = sorted(
        {name_key(n) for s in sources for n in store.actor_names(s.id)}
        | {anchor_key(s.id) for s in sources}
    )
    args = {
        "keys": keys,
        "into": anchor_key(target.id),
        "into_type": target.type,
        "into_label": target.label,
        "into_name": _name_for(store, target),
        "ids": [s.id for s in sources],
        "into_id": target.id,
        "names": sorted(n for s in sources for n in store.actor_names(s.id)),
    }
    labels = ", ".join(repr(s.label) for s in sources)
    did, change = store.decide("merge", args, f"merge {labels} into {target.label!r}", user, base)
    # What the resolution changed says how many actors fewer: counting the store's actors
    # before and after (Store.counts counts every table) cost 0.1 s of CPU per merge.
    fewer = change.removed - change.added
    return Outcome(
        did,
        f"merged {labels} into {target.label!r} ({target.type}): "
        f"{fewer:,} actor{'s' if fewer != 1 else ''} fewer",
    )


def split(store: Store, name: str, alias: str, user: str, base: int | None = None) -> Outcome:
    """Make ``alias`` (one of the actor's names) an actor of its own, kept apart for good."""
    actor = find_actor(store, name)
    names = store.actor_names(actor.id)
    key = name_key(alias)
    mine = [n for n in names if name_key(n) == key]
    if not mine:
        raise CurationError(
            f"{alias!r} is not one of the names of {actor.label!r}; its names "
            f"are: {', '.join(names)}"
        )
    if key == anchor_key(actor.id):
        raise CurationError(
            f"{alias!r} is the main name of {actor.label!r}: split its other "
            "names off, or rename it"
        )
    args = {"alias": key, "from": anchor_key(actor.id), "id": actor.id, "name": mine[0]}
    did, _ = store.decide("split", args, f"split {mine[0]!r} off {actor.label!r}", user, base)
    new = store.find_actors(mine[0])
    return Outcome(
        did,
        f"split {mine[0]!r} off {actor.label!r}: now its own actor {new[0].label!r} [{new[0].id}]"
        if new
        else f"split {mine[0]!r} off {actor.label!r}",
    )


def rename(store: Store, name: str, label: str, user: str, base: int | None = None) -> Outcome:
    """Give an actor a new label (its id stays)."""
    actor = find_actor(store, name)
    label = " ".join(label.split())
    if not label:
        raise CurationError("the new name is empty")
    clash = [a for a in store.find_actors(label) if a.label == label and a.id != actor.id]
    if clash:
        raise CurationError(
            f"another actor is already called {label!r} [{clash[0].id}]; "
            "merge them instead, or choose another name"
        )
    args = {"key": anchor_key(actor.id), "label": label, "id": actor.id, "old": actor.label}
    did, _ = store.decide("rename", args, f"rename {actor.label!r} to {label!r}", user, base)
    return Outcome(did, f"renamed {actor.label!r} to {label!r} [{actor.id}]")


def retype(store: Store, name: str, kind: str, user: str, base: int | None = None) -> Outcome:
    """Change an actor's type."""
    if kind not in ACTOR_TYPES:
        raise CurationError(f"unknown type {kind!r}; choose one of {', '.join(ACTOR_TYPES)}")
    actor = find_actor(store, name)
    if kind == actor.type:
        raise CurationError(f"{actor.label!r} is already {_a(kind)}: nothing to change")
    args = {"key": anchor_key(actor.id), "type": kind, "id": actor.id, "old": actor.type}
    did, _ = store.decide(
        "retype", args, f"retype {actor.label!r} from {actor.type} to {kind}", user, base
    )
    return Outcome(did, f"{actor.label!r} is now {_a(kind)} (was {actor.type})")


def _a(kind: str) -> str:
    """``kind`` with its indefinite article ("an organisation", "a person")."""
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def hide(store: Store, name: str, user: str, base: int | None = None) -> Outcome:
    """Hide an actor from graphs, tables and exports (``unhide`` brings it back)."""
    actor = find_actor(store, name, hidden=False)
    if actor.hidden:
        raise CurationError(f"{actor.label!r} is already hidden")
    args = {"key": anchor_key(actor.id), "id": actor.id, "label": actor.label}
    did, _ = store.decide("hide", args, f"hide {actor.label!r}", user, base)
    return Outcome(did, f"hid {actor.label!r} [{actor.id}]")


def unhide(store: Store, name: str, user: str, base: int | None = None) -> Outcome:
    actor = find_actor(store, name, hidden=True)
    if not actor.hidden:
        raise CurationError(f"{actor.label!r} is not hidden")
    args = {"key": anchor_key(actor.id), "id": actor.id, "label": actor.label}
    did, _ = store.decide("unhide", args, f"unhide {actor.label!r}", user, base)
    return Outcome(did, f"{actor.label!r} is shown again")


def reject(
    store: Store,
    a: str,
    b: str,
    article: str,
    user: str,
    sentence: int | None = None,
    kind: str | None = None,
    base: int | None = None,
) -> Outcome:
    """Mark the evidence linking two actors in an article (one sentence, one relation kind,
    or all of it) as wrong: the link's weight and kinds drop accordingly."""
    x, y = find_actor(store, a), find_actor(store, b)
    rows = [
        r
        for r in store.relation_rows(article, sentence)
        if {r["source_actor"], r["target_actor"]} == {x.id, y.id}
        and (kind is None or r["kind"] == kind)
    ]
    if not rows:
        where = f"sentence {sentence} of {article}" if sentence is not None else article
        raise CurationError(
            f"nothing links {x.label!r} and {y.label!r} in {where}"
            + (f" as {kind!r}" if kind else "")
        )
    before = store.pair_weight(x.id, y.id)
    args = {
        "article": article,
        "a": x.id,
        "b": y.id,
        "sentence": sentence,
        "kind": kind,
        "rows": sorted({(r["text"], r["source"], r["target"], r["kind"]) for r in rows}),
    }
    what = f"{kind} " if kind else ""
    did, _ = store.decide(
        "reject",
        args,
        f"reject {what}evidence {x.label!r} — {y.label!r} in "
        f"{article}" + (f" sentence {sentence}" if sentence is not None else ""),
        user,
        base,
    )
    after = store.pair_weight(x.id, y.id)
    return Outcome(
        did,
        f"rejected {len(rows)} relation{'s' if len(rows) != 1 else ''} between "
        f"{x.label!r} and {y.label!r}: link weight {before} → {after}",
    )


def undo(store: Store, user: str, decision: int | None = None, base: int | None = None) -> Outcome:
    """Revert the last decision in force (or decision ``decision``)."""
    live = [h for h in store.history() if h["undone_by"] is None and h["action"] != "undo"]
    target: dict | None
    if decision is None:
        if not live:
            raise CurationError("there is no decision to undo")
        target = live[0]
    else:
        target = next((h for h in store.history() if h["id"] == decision), None)
        if target is None or target["action"] == "undo":
            raise CurationError(f"there is no decision {decision} to undo (see 'relgraph history')")
        if target["undone_by"] is not None:
            raise CurationError(
                f"decision {decision} was already undone (by {target['undone_by']})"
            )
    did, _ = store.decide(
        "undo", {"decision": target["id"]}, f"undo {target['id']}: {target['summary']}", user, base
    )
    return Outcome(did, f"undid decision {target['id']}: {target['summary']}")


def dismiss(store: Store, a_key: str, b_key: str, user: str, reason: str = "") -> Outcome:
    """Never suggest merging these two names again."""
    pair = sorted((a_key, b_key))
    did, _ = store.decide(
        "dismiss",
        {"a": pair[0], "b": pair[1], "reason": reason},
        f"dismiss suggestion {pair[0]!r} / {pair[1]!r}",
        user,
    )
    return Outcome(did, f"dismissed: {pair[0]!r} and {pair[1]!r} will not be suggested again")


def _name_for(store: Store, actor: ActorRef) -> str:
    """A name of the actor whose key is its anchor (for alias-file export)."""
    key = anchor_key(actor.id)
    return next((n for n in store.actor_names(actor.id) if name_key(n) == key), actor.label)


def import_aliases_once(store: Store, path: str | Path) -> str | None:
    """Import an alias file as decisions if it is new or changed since its last import."""

    return import_aliases_file(store, path, user_name(), only_if_changed=True)
