"""Evidence that two articles speak of one person: the actors they name besides.

A name used alone ("Okafor") in one article and a full name ("Chidi Okafor") in another are
one person only if something ties the articles together; resolution receives the names
each article names beside a name key from the store (:mod:`graph.store.cooccurrence`) and
asks here whether two keys' articles share an actor."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.resolution.unionfind import UnionFind

__all__ = ["shared_evidence"]


#: Kinds of actors whose presence in two articles ties them to one story: countries and
#: places are named in articles on every subject.
_TIES = frozenset({"person", "organisation"})


def shared_evidence(
    groups: UnionFind,
    kind_of: dict,
    builtin: set[str],
    neighbours: Callable[[str], Iterable[str]] | None,
) -> Callable[[str, str], bool]:
    """``shares(a, b)``: do the articles that use name key ``a`` and those that use ``b``
    name one other actor, a person or an organisation as resolved so far (the built-in
    table's, the United Nations or the European Union, named in articles on any subject, do
    not count)? Always true without ``neighbours`` (no articles known)."""
    if neighbours is None:
        return lambda a, b: True
    tied: dict[str, set[str]] = {}

    def beside(key: str) -> set[str]:
        if key not in tied:
            tied[key] = {
                n for n in neighbours(key) if kind_of.get(n) in _TIES and n in groups.parent
            }
        roots = {groups.find(n) for n in tied[key]}
        return {r for r in roots if groups.anchor[r][1] not in builtin}

    def shares(a: str, b: str) -> bool:
        return bool((beside(a) & beside(b)) - {groups.find(a), groups.find(b)})

    return shares
