"""Where a violent act happened, as its target when it names no other: "Boko Haram attacked a
village in Cameroon" (Cameroon), as an event coder codes the location's country; a body of
water is no one's ("attacked a ship in the Red Sea").
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.relations.lexicon import intent_nouns, lexicon, speech_nouns
from graph.relations.participants import OBJ, At, pobjs, prep_objects

__all__ = ["is_water", "places"]


def places(
    token: Token,
    holders: list[Token],
    place_preps: tuple[str, ...],
    target_preps: tuple[str, ...],
    at: At,
    extra: tuple[Token, ...] = (),
) -> list[str]:
    """Countries and places where a violent act happened, when it names no other target: "Boko
    Haram attacked a village in Cameroon", "killed six soldiers in Somalia", "Israeli strikes in
    Lebanon" (as an event coder codes the location's country as the target)."""

    words = intent_nouns() | speech_nouns() | lexicon().nouns.keys()
    if any(h.lemma_.lower() in words or h.lower_ in words for h in holders if h.dep_ in OBJ):
        return []  # "attacked the plan in Brussels" is no act on Brussels
    holders = [*holders, *extra]
    # "an attack on energy facilities in X": through the target's preposition too
    holders += [
        o
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in target_preps
        for o in pobjs(p)
    ]
    names = prep_objects(token, place_preps, at)
    for holder in holders:
        names += prep_objects(holder, place_preps, at)
    kinds = {s.mention.name: s.mention.type for s in at.values()}
    return [
        n for n in dict.fromkeys(names) if kinds.get(n) in ("country", "place") and not is_water(n)
    ]  # "a ship in the Red Sea": no one's


#: Last words of bodies of water: an act there is on no country ("attacked a ship in the Red
#: Sea" has no place target).
_WATERS = frozenset(
    {
        "sea",
        "ocean",
        "gulf",
        "strait",
        "straits",
        "bay",
        "canal",
        "river",
        "lake",
        "channel",
        "sound",
        "waters",
    }
)


def is_water(name: str) -> bool:
    """A body of water ("the Red Sea", "Strait of Hormuz"): no one an act is done to."""
    words = name.lower().split()
    return bool(words) and (
        words[-1] in _WATERS or (len(words) > 2 and words[1] == "of" and words[0] in _WATERS)
    )
