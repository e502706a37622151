"""Evidence that two articles speak of one person: the actors they name besides.

A name used alone ("Okafor") in one article and a full name ("Chidi Okafor") in another are
one person only if something ties the articles together. Resolution asks the store
(:mod:`graph.store.cooccurrence`) two things about the articles using some name keys: which
other keys they use, and whether they use one of a few given keys; here, whether two keys'
articles share an actor, as resolved so far."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Protocol

from graph.resolution.unionfind import UnionFind

__all__ = ["Cooccurrence", "shared_evidence"]


class Cooccurrence(Protocol):
    """What the articles using name keys name besides (the store answers it)."""

    def neighbours(self, keys: Collection[str]) -> Iterable[str]:
        """Every name key used in an article that uses one of ``keys``."""
        ...

    def meets(self, keys: Collection[str], others: Collection[str]) -> bool:
        """Does one article use a key of ``keys`` and a key of ``others``?"""
        ...


#: Kinds of actors whose presence in two articles ties them to one story: countries and
#: places are named in articles on every subject.
_TIES = frozenset({"person", "organisation"})


def shared_evidence(
    groups: UnionFind, kind_of: dict, builtin: set[str], cooccur: Cooccurrence | None
) -> Callable[[str, str], bool]:
    """``shares(a, b)``: do the articles that use name key ``a`` and those that use ``b``
    (or a name of their actors so far) name one other actor, a person or an organisation as
    resolved so far? The built-in table's actors (the United Nations, the European Union,
    named in articles on any subject) do not count. Always true without ``cooccur`` (no
    articles known). Asked of ``a``, a lone name in few articles: its articles' actors are
    listed, and the store only asked whether ``b``'s articles name one of them."""
    if cooccur is None:
        return lambda a, b: True

    def shares(a: str, b: str) -> bool:
        mine = {groups.find(a), groups.find(b)}
        side = groups.members[groups.find(a)]
        roots = {
            groups.find(n)
            for n in cooccur.neighbours(side)
            if kind_of.get(n) in _TIES and n in groups.parent
        }
        ties = [
            k for r in roots - mine if groups.anchor[r][1] not in builtin for k in groups.members[r]
        ]
        return bool(ties) and cooccur.meets(groups.members[groups.find(b)], ties)

    return shares
