"""The analyst's corrections from the browser, as plain data (no Dash import).

A click becomes an :class:`Action` (checked here: values no control can produce raise
:class:`~graph.core.errors.InvalidValue`, answered with 400), :func:`apply` runs it through
:mod:`graph.curation.decisions` / :mod:`graph.curation.suggest` with the actors revision the
view on screen was built on, and returns a :class:`Result`: the one line to show, and whether
the view must refresh. A decision made on a view the graph has left since (another user, an
ingest) is refused by the store (``StaleViewError``); the page then shows the message and
refreshes. A database that cannot take the decision (locked, unreachable) is the store's
one-line ``StoreError``, shown the same way.

Who decided is a label in the history only: the name a reverse proxy passes on in one of
:data:`USER_HEADERS`, else ``"dashboard"``. It is never used to allow or refuse anything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.validate import MAX_TEXT
from graph.core.errors import CurationError, InvalidValue, StaleViewError, StoreError
from graph.core.model import ACTOR_TYPES
from graph.curation import decisions as curation
from graph.curation import suggest
from graph.curation.decisions import anchor_key
from graph.names.forms import name_key
from graph.slices.evidence import actor_evidence
from graph.store.store import Store

__all__ = ["ACTOR_ACTIONS", "BUTTON_ACTIONS", "USER_HEADERS", "Action", "Result",
           "actor_action", "apply", "button_action", "history_entries", "last_undoable",
           "reject_arg", "split_choices", "suggestion_arg", "suggestion_entries",
           "user_from_headers"]

#: Request headers naming the user, as set by common authenticating proxies (Apache and
#: nginx ``auth_request`` setups, oauth2-proxy, Authelia); the first one present wins.
USER_HEADERS = ("X-Forwarded-User", "X-Remote-User", "Remote-User", "X-Auth-Request-User")
DEFAULT_USER = "dashboard"
ACTOR_ACTIONS = ("rename", "retype", "merge", "split", "hide")
BUTTON_ACTIONS = ("reject", "undo", "accept", "dismiss")


def user_from_headers(headers: Mapping[str, str] | None) -> str:
    """The name for the history: the first of :data:`USER_HEADERS` the request carries
    (control characters dropped, at most 80 characters), else ``"dashboard"``."""
    for name in USER_HEADERS:
        value = (headers or {}).get(name) if headers is not None else None
        if isinstance(value, str):
            value = " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", value).split())[:80]
            if value:
                return value
    return DEFAULT_USER


@dataclass(frozen=True)
class Action:
    """One decision asked for from the page; ``args`` are the curation function's."""

    do: str
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    """What a decision did: the line to show; ``ok`` if it was recorded; ``refresh`` if the
    view must be rebuilt (recorded, or refused as stale); ``select`` the actor to select
    afterwards (``""``: clear the selection; None: keep it)."""

    message: str
    ok: bool
    refresh: bool
    select: str | None = None


def _text(value: object, what: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT or (required and not value.strip()):
        raise InvalidValue(f"{what} must be text of 1 to {MAX_TEXT} characters")
    return value


def actor_action(do: object, selected: object, fields: Mapping[str, object]) -> Action:
    """The action of an actor-panel button: ``do`` one of :data:`ACTOR_ACTIONS` on the
    selected actor, with the panel's field values (``rename``, ``retype``, ``merge``,
    ``split``). An empty field is a :class:`CurationError` (a message, not a 400)."""
    if do not in ACTOR_ACTIONS:
        raise InvalidValue(f"unknown action {do!r}")
    if not isinstance(selected, dict) or selected.get("kind") != "node":
        raise CurationError("select an actor first")
    actor = _text(selected.get("id"), "the selected actor")
    value = fields.get(do)
    if do == "hide":
        return Action("hide", {"name": actor})
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CurationError({"rename": "type the new name first",
                             "retype": "choose a type first",
                             "merge": "choose the actor to merge into first",
                             "split": "choose the name to split off first"}[do])
    value = _text(value, do)
    if do == "rename":
        return Action("rename", {"name": actor, "label": value})
    if do == "retype":
        if value not in ACTOR_TYPES:
            raise InvalidValue(f"type must be one of {', '.join(ACTOR_TYPES)}")
        return Action("retype", {"name": actor, "kind": value})
    if do == "merge":
        return Action("merge", {"names": [actor], "into": value})
    return Action("split", {"name": actor, "alias": value})


def button_action(trigger: object) -> Action:
    """The action of a button drawn inside a panel (its id, see ``ids.action_id``)."""
    if not isinstance(trigger, dict) or trigger.get("do") not in BUTTON_ACTIONS or (
            not isinstance(trigger.get("arg"), str)):
        raise InvalidValue("malformed action button")
    do, arg = trigger["do"], trigger["arg"]
    if do in ("accept", "dismiss"):
        pair = _json(arg, {"a", "b", "into"})
        for key in ("a", "b", "into"):
            _text(pair[key], key)
        if pair["into"] not in (pair["a"], pair["b"]) or pair["a"] == pair["b"]:
            raise InvalidValue("a suggestion joins two actors into one of them")
        return Action(do, pair)
    if do == "undo":
        if not arg.isdigit() or len(arg) > 12:
            raise InvalidValue("a decision is a number")
        return Action("undo", {"decision": int(arg)})
    r = _json(arg, {"a", "b", "article", "sentence", "kind"})
    for key in ("a", "b", "article"):
        _text(r[key], key)
    if not isinstance(r["sentence"], int) or isinstance(r["sentence"], bool) or r[
            "sentence"] < 0:
        raise InvalidValue("sentence must be a number")
    kind = _text(r["kind"], "kind", required=False) or None
    return Action("reject", {"a": r["a"], "b": r["b"], "article": r["article"],
                             "sentence": r["sentence"], "kind": kind})


def _json(arg: str, keys: set[str]) -> dict:
    try:
        value = json.loads(arg)
    except ValueError:
        raise InvalidValue("malformed action button") from None
    if not isinstance(value, dict) or set(value) != keys:
        raise InvalidValue("malformed action button")
    return value


def suggestion_arg(a: str, b: str, into: str) -> str:
    """The ``arg`` of a suggestion's accept and dismiss buttons: the pair and the one kept."""
    return json.dumps({"a": a, "b": b, "into": into}, ensure_ascii=False, sort_keys=True)


def reject_arg(a: str, b: str, article: str, sentence: int, kind: str | None) -> str:
    """The ``arg`` of a reject button (what :func:`button_action` reads back)."""
    return json.dumps({"a": a, "b": b, "article": article, "sentence": sentence,
                       "kind": kind or ""}, ensure_ascii=False, sort_keys=True)


def apply(store: Store, action: Action, user: str, base: int | None) -> Result:
    """Record ``action`` as ``user`` on the view built at actors revision ``base``."""
    a = action.args
    try:
        # A suggestion's buttons carry its pair: graph.curation.suggest.accept / dismiss_suggestion
        # find the pair by recomputing every suggestion (1 s of the 1.4 s an accept took on a
        # 10,000-article store). Same decisions; a pair changed since is refused as stale.
        if action.do == "dismiss":
            x, y = curation.find_actor(store, a["a"]), curation.find_actor(store, a["b"])
            out = curation.dismiss(store, anchor_key(x.id), anchor_key(y.id), user,
                                   reason=f"{x.label} / {y.label}")
        elif action.do == "accept":
            other = a["b"] if a["into"] == a["a"] else a["a"]
            out = curation.merge(store, [other], a["into"], user, base)
        elif action.do == "merge":
            out = curation.merge(store, a["names"], a["into"], user, base)
        elif action.do == "undo":
            out = curation.undo(store, user, a.get("decision"), base)
        else:
            out = getattr(curation, action.do)(store, **a, user=user, base=base)
    except StaleViewError as exc:
        return Result(str(exc), ok=False, refresh=True)
    except (CurationError, StoreError) as exc:  # e.g. the database is locked: one line
        return Result(str(exc), ok=False, refresh=False)
    if action.do == "dismiss":  # only the suggestions change: views stay current
        return Result(out.message, ok=True, refresh=False)
    select = None
    if action.do == "merge":
        select = curation.find_actor(store, a["into"]).id
    elif action.do == "hide":
        select = ""
    return Result(out.message, ok=True, refresh=True, select=select)


def split_choices(store: Store, actor_id: str) -> list[str]:
    """The names that can be split off an actor: all its names but its main one."""
    main = anchor_key(actor_id)
    return [n for n in store.actor_names(actor_id) if name_key(n) != main]


def history_entries(history: list[dict], limit: int = 10) -> list[dict]:
    """The newest ``limit`` decisions for the page: id, summary, who, when (minutes), what
    undid it, and whether it can be undone (in force and not an undo itself)."""
    return [{"id": h["id"], "summary": h["summary"], "user": h["user"],
             "at": (h["at"] or "")[:16].replace("T", " "), "undone_by": h["undone_by"],
             "can_undo": h["undone_by"] is None and h["action"] != "undo"}
            for h in history[:limit]]


def last_undoable(history: list[dict]) -> dict | None:
    """The decision "Undo" reverts: the newest one in force (as ``relgraph undo``)."""
    return next((h for h in history if h["undone_by"] is None and h["action"] != "undo"),
                None)


def suggestion_entries(store: Store, articles: list[dict], top: int = 20) -> list[dict]:
    """Suggested merges, best first, each with a sentence mentioning either side (from the
    newest article mentioning it). ``articles``: the store's articles (unused: kept for the
    callers' signature)."""
    out = []
    for s in suggest.suggestions(store, top=top):
        sentences = []
        for actor, label in ((s.a_id, s.a_label), (s.b_id, s.b_label)):
            for e in actor_evidence(store, actor, limit=1):
                sentences.append({"label": label, "sentence": e["sentence"],
                                  "spans": e["spans"], "title": e["title"] or e["article"],
                                  "date": e["date"]})
        into = s.a_label if s.into == s.a_id else s.b_label
        out.append({**s.as_dict(), "into_label": into, "sentences": sentences})
    return out
