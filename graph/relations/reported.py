"""Reported acts done to the speaker: "Colombia said Venezuela had expelled its ambassador"
(Venezuela expelled Colombia's envoy), "Ana Souza claims the company imprisoned her" (the
company imprisoned Ana Souza), "X told Y he would help him" (Y is helped).
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.relations.participants import REPORTING, SUBJ, At, actors_of

__all__ = ["relayed_owner"]

_PERSONAL_OBJECTS = {"him", "her"}


def relayed_owner(verb: Token, direct: list[Token], at: At) -> list[str]:
    """The speaker, when a reported act's object is the speaker's own ("Colombia said Venezuela
    had expelled its ambassador": Venezuela expelled Colombia's envoy) or the speaker ("Ana
    Souza claims the company imprisoned her")."""
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in REPORTING:
        return []
    speakers = [n for c in verb.head.children if c.dep_ in SUBJ for n in actors_of(c, at)]
    persons = {s.mention.name for s in at.values() if s.mention.type == "person"}
    if any(c.lower_ in _PERSONAL_OBJECTS for c in direct):
        # "Ana Souza claims that the company imprisoned her": the speaker, if a person; "X
        # told Y he would help him": the one told
        told = [
            n for c in verb.head.children if c.dep_ in ("dobj", "dative") for n in actors_of(c, at)
        ]
        return [n for n in told or speakers if n in persons][:1]
    if not any(
        g.dep_ == "poss" and g.lower_ in ("its", "their") for c in direct for g in c.children
    ):
        return []
    return speakers
