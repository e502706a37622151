"""Evidence that two articles speak of one person: the actors they name besides.

A name used alone ("Okafor") in one article and a full name ("Chidi Okafor") in another are
one person only if something ties the articles together. Resolution asks the store
(:mod:`graph.store.cooccurrence`) two things about the articles using some name keys: which
other keys they use, and whether they use one of a few given keys; here, whether two keys'
articles share an actor, as resolved so far."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable
from typing import Protocol

from graph.core.tables import load_table
from graph.names.forms import title_words
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

    def words_before(self, keys: Collection[str]) -> Iterable[str]:
        """The words written right before the mentions of ``keys``, lower case."""
        ...

    def article_names(self, keys: Collection[str]) -> Iterable[Collection[str]]:
        """For each article that uses one of ``keys``, the name keys it uses."""
        ...


@functools.cache
def offices() -> frozenset[str]:
    """Titles and roles that name an office or a trade ("president", "coach", "ambassador"),
    not the courtesy titles and modifiers anyone may carry ("Mr", "Dr", "former")."""
    table = load_table("titles")
    courtesy = {
        *table["title_modifiers"],
        *table["male_honorifics"],
        *table["female_honorifics"],
        *_COURTESY,
    }
    return (title_words() | frozenset(table["descriptors"])) - courtesy


#: Titles of no particular office.
_COURTESY = frozenset(
    {
        "dr",
        "prof",
        "professor",
        "official",
        "officer",
        "head",
        "chief",
        "comrade",
        "comrades",
        "dear",
        "father",
        "rev",
        "reverend",
    }
)


#: Articles of a full name compared for :func:`shared_evidence`'s public figure.
_STORIES = 40


#: Kinds of actors whose presence in two articles ties them to one story: countries and
#: places are named in articles on every subject.
_TIES = frozenset({"person", "organisation"})


def shared_evidence(
    groups: UnionFind, kind_of: dict, builtin: set[str], cooccur: Cooccurrence | None
) -> Callable[[str, str], bool]:
    """``shares(a, b)``: do the articles that use name key ``a`` and those that use ``b``
    (or a name of their actors so far) name one other actor, a person or an organisation as
    resolved so far, or write one office in front of them ("President Okafor" / "President
    Chidi Okafor", :func:`offices`), or is ``b`` a public figure the corpus names in
    unrelated stories (then a lone surname may be theirs)? The built-in table's actors (the
    United Nations, the European Union, named in articles on any subject) do not count.
    Always true without ``cooccur`` (no articles known). Asked of ``a``, a lone name in few
    articles: its articles' actors are listed, and the store only asked whether ``b``'s
    articles name one of them."""
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
        if ties and cooccur.meets(groups.members[groups.find(b)], ties):
            return True
        office = set(cooccur.words_before(side)) & offices()
        if office & set(cooccur.words_before(groups.members[groups.find(b)])):
            return True
        return known_across(b)

    def known_across(b: str) -> bool:
        """Is ``b`` a public figure, named in two articles that have no other actor in
        common (a head of state in a story on a coup and in one on an earthquake)? Not a
        name of one story only, however many articles tell it."""
        own = groups.find(b)
        stories = []
        for names in cooccur.article_names(groups.members[own]):
            roots = {
                groups.find(n) for n in names if kind_of.get(n) in _TIES and n in groups.parent
            }
            roots = {r for r in roots - {own} if groups.anchor[r][1] not in builtin}
            if roots:
                stories.append(roots)
            if len(stories) >= _STORIES:
                break
        return any(not (x & y) for i, x in enumerate(stories) for y in stories[i + 1 :])

    return shares
