"""Suggested merges: pairs of actors that are probably one, with the evidence to judge them.

Computed from the store without NLP: the naming patterns of :mod:`graph.names.variants` over every
name of every visible actor (spelling and transliteration variants, middle initials,
descriptors, acronyms, short forms), then scored with what the corpus says about the pair
(same type, shared co-occurrence neighbours, shared articles). Pairs an analyst dismissed, or
split apart, never come back. Each suggestion has a stable id (a hash of the two actor ids),
so ``relgraph accept ID`` / ``relgraph dismiss ID`` work from a list printed earlier.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

from graph.curation.decisions import CurationError, Outcome, anchor_key, dismiss, merge
from graph.names.forms import name_key
from graph.names.variants import NameEntry, candidates
from graph.store.store import Store

__all__ = ["Suggestion", "accept", "dismiss_suggestion", "suggestions"]


@dataclass(frozen=True)
class Suggestion:
    """Two actors that may be one; ``into`` is the one to keep (the fuller name)."""

    id: str
    a_id: str
    a_label: str
    a_type: str
    b_id: str
    b_label: str
    b_type: str
    into: str
    rule: str
    score: float
    reason: str
    shared_articles: int
    shared_neighbours: int
    evidence: str

    def as_dict(self) -> dict:
        return asdict(self)


def suggestion_id(a: str, b: str) -> str:
    """Stable id of the pair of actor ids ``a``, ``b`` (order does not matter)."""
    return hashlib.sha1("\0".join(sorted((a, b))).encode()).hexdigest()[:8]


def suggestions(store: Store, top: int | None = 20) -> list[Suggestion]:
    """The most likely merges, best first (``top=None``: all of them)."""
    table = store.actor_table()
    actors = {r["id"]: r for r in table}
    owner: dict[str, str] = {}
    items: dict[str, NameEntry] = {}
    for r in sorted(table, key=lambda r: -r["mentions"]):
        for name in sorted(r["names"] | {r["label"]}):
            key = name_key(name)
            if key and key not in owner:
                owner[key] = r["id"]
                items[key] = NameEntry(key, name, r["type"], r["mentions"])
    blocked = _blocked(store)
    neighbours = store.actor_neighbours()
    best: dict[tuple[str, str], Suggestion] = {}
    for c in candidates(items.values()):
        a, b = owner[c.short], owner[c.long]
        if a == b or frozenset((anchor_key(a), anchor_key(b))) in blocked:
            continue
        x, y = actors[a], actors[b]
        shared = len(x["articles"] & y["articles"])
        common = len(neighbours.get(a, set()) & neighbours.get(b, set()))
        score = c.score + (0.05 if x["type"] == y["type"] else -0.15) + min(0.1, 0.02 * common)
        into = owner[c.into]
        pair = (min(a, b), max(a, b))
        if pair in best and best[pair].score >= score:
            continue
        best[pair] = Suggestion(
            suggestion_id(a, b), a, x["label"], x["type"], b, y["label"], y["type"], into,
            c.rule, round(min(score, 1.0), 3), c.reason, shared, common,
            f"{x['mentions']} / {y['mentions']} mentions; {shared} shared article"
            f"{'s' if shared != 1 else ''}; {common} shared neighbour"
            f"{'s' if common != 1 else ''}")
    ranked = sorted(best.values(), key=lambda s: (-s.score, -(actors[s.a_id]["mentions"]
                                                             + actors[s.b_id]["mentions"]),
                                                  s.id))
    return ranked if top is None else ranked[:top]


def _blocked(store: Store) -> set[frozenset[str]]:
    """Anchor-key pairs never to suggest: dismissed, or split apart by the analyst."""
    out = set()
    for d in store.active_decisions(("dismiss", "split")):
        if d.action == "dismiss":
            out.add(frozenset((d.args["a"], d.args["b"])))
        else:
            out.add(frozenset((d.args["alias"], d.args["from"])))
    return out


def _find(store: Store, sid: str) -> Suggestion:
    for s in suggestions(store, top=None):
        if s.id == sid:
            return s
    raise CurationError(f"no suggestion {sid!r} (run 'relgraph suggest'; it may have been "
                        "accepted or dismissed already)")


def accept(store: Store, sid: str, user: str, base: int | None = None) -> Outcome:
    """Merge the pair of suggestion ``sid`` into its fuller name."""
    s = _find(store, sid)
    other = s.b_id if s.into == s.a_id else s.a_id
    return merge(store, [other], s.into, user, base)


def dismiss_suggestion(store: Store, sid: str, user: str) -> Outcome:
    """Never suggest the pair of ``sid`` again."""
    s = _find(store, sid)
    return dismiss(store, anchor_key(s.a_id), anchor_key(s.b_id), user,
                   reason=f"{s.a_label} / {s.b_label}")
