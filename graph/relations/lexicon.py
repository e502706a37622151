"""The relation lexicon (``data/relations.toml``) as frames: which words trigger which kind,
and where a trigger's participants are found.

A trigger is a verb lemma, a phrase ("call on", "restore ties", "find guilty": a verb with a
child word), or an event noun. Frames for one lemma are tried in order — phrases first, then
verbs that need a particular object ("send aid"), then plain verbs — and the first frame whose
arguments are found wins.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from graph.core.cameo import kind_info
from graph.core.tables import load_table

__all__ = ["Frame", "Lexicon", "blockers", "combatant_nouns", "crowd_nouns", "force_nouns",
           "intent_nouns", "intent_verbs", "lexicon", "speech_nouns"]


@dataclass(frozen=True)
class Frame:
    """How one trigger word links actors."""

    kind: str
    polarity: str
    preps: tuple[str, ...]  # prepositions introducing the target
    needs: str = ""  # phrase: a child word ("on", "ties") or ":dep" the verb must have
    objects: frozenset[str] = frozenset()  # object nouns the frame needs ("aid" in "send aid")
    reverse: bool = False  # the prepositional object is the source ("buy from")
    mutual: bool = False  # conjoined subjects act on each other ("X and Y met")
    events: bool = False  # the target may be a participant of an event-noun object
    not_objects: frozenset[str] = frozenset()  # "meet a target": another sense, no relation
    verbal: str = ""  # kind to use for a verbal act ("attacked X in an interview")
    prep_target: bool = False  # "extradited X to Y": the prepositional object is the target
    clause_target: bool = False  # "demanded that Y withdraw": the clause's subject
    topic_object: bool = False  # "X and Y discussed security": the object is the topic
    place_preps: tuple[str, ...] = ()  # where the act happened, the target if none other is
    # named ("attacked a village in Cameroon": Cameroon)
    person_kind: str = ""  # kind to use when the target is a person ("expelled X": deport)
    crowd_kind: str = ""  # kind to use when the subject is a crowd ("students protested")
    force_kind: str = ""  # kind to use when armed forces act on no person ("troops killed")
    modified: tuple[tuple[str, str], ...] = ()  # (modifier, kind): "car bombing" is assault
    object_source: bool = False  # "X interviewed Y": the object is the source (Y speaks to X)
    of_under: frozenset[str] = frozenset()  # verbs under which a noun's "of" is the target


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Frame, ...]]  # verb lemma -> frames, in the order to try
    nouns: dict[str, tuple[Frame, ...]]  # event noun (lemma or word) -> frames


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon shipped as data, loaded once per process."""
    phrases: dict[str, list[Frame]] = {}
    restricted: dict[str, list[Frame]] = {}
    plain: dict[str, list[Frame]] = {}
    nouns: dict[str, list[Frame]] = {}
    for kind, spec in load_table("relations").items():
        if not isinstance(spec, dict):
            continue  # a setting such as blocked_by, not a relation kind
        polarity = kind_info(kind).polarity
        common = dict(mutual=spec.get("mutual", False), events=spec.get("events", False),
                      not_objects=frozenset(spec.get("not_objects", [])),
                      verbal=spec.get("verbal", ""),
                      place_preps=tuple(spec.get("place_preps", [])),
                      prep_target=spec.get("prep_target", False),
                      clause_target=spec.get("clause_target", False),
                      topic_object=spec.get("topic_object", False),
                      person_kind=spec.get("person_kind", ""),
                      crowd_kind=spec.get("crowd_kind", ""),
                      force_kind=spec.get("force_kind", ""),
                      modified=tuple(spec.get("modified_kinds", {}).items()),
                      of_under=frozenset(spec.get("of_under", [])))
        preps = tuple(spec.get("preps", []))
        objects = frozenset(spec.get("objects", []))
        for entry in spec.get("verbs", []):
            lemma, _, needs = entry.partition(" ")
            # a phrase's own preposition also introduces the target ("call on X", "fire at X")
            extra = (needs,) if needs.isalpha() and len(needs) <= 5 else ()
            frame = Frame(kind, polarity, preps + extra, needs=needs, **common)
            (phrases if needs else plain).setdefault(lemma, []).append(frame)
        for lemma in spec.get("object_verbs", []):
            restricted.setdefault(lemma, []).append(
                Frame(kind, polarity, tuple(spec.get("object_preps", preps)), objects=objects,
                      **common))
        patient_of = set(spec.get("patient_of", []))  # "the invasion of X": X is the target
        for lemma in dict.fromkeys(n.split()[-1] for n in spec.get("nouns", [])):
            extra = ("of",) if lemma in patient_of and "of" not in preps else ()
            nouns.setdefault(lemma, []).append(Frame(kind, polarity, preps + extra, **common))
        for lemma in spec.get("object_source", []):
            plain.setdefault(lemma, []).append(
                Frame(kind, polarity, preps, object_source=True, **common))
        back = tuple(spec.get("reverse_preps", []))
        needs = frozenset(spec.get("reverse_objects", [])) or objects
        for lemma in spec.get("reverse", []):
            # "obtained a doctorate from X": the kind's other senses hold in reverse too
            (restricted if needs else plain).setdefault(lemma, []).append(
                Frame(kind, polarity, back, objects=needs, reverse=True,
                      not_objects=common["not_objects"]))
    verbs = {lemma: tuple(phrases.get(lemma, []) + restricted.get(lemma, [])
                          + plain.get(lemma, []))
             for lemma in {*phrases, *restricted, *plain}}
    return Lexicon(verbs, {k: tuple(v) for k, v in nouns.items()})


@functools.cache
def blockers() -> frozenset[str]:
    """Verbs (and "verb particle" phrases) that undo the event they govern."""
    return frozenset(load_table("relations").get("blocked_by", []))


@functools.cache
def intent_nouns() -> frozenset[str]:
    """Nouns of intention: "an effort to V X" is no act of whoever made or blocked it."""
    return frozenset(load_table("relations").get("intent_nouns", []))


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Nouns of speech that make an act verbal ("in an interview")."""
    return frozenset(load_table("relations").get("speech_nouns", []))


@functools.cache
def intent_verbs() -> frozenset[str]:
    """Words of commitment ("offered to", "agreed to", "ready to"): an act under one is an
    intent (CAMEO 03 if cooperative, 13 if hostile), not the act itself."""
    return frozenset(load_table("relations").get("intent_verbs", []))


@functools.cache
def crowd_nouns() -> frozenset[str]:
    """Subject nouns that are a crowd ("students", "thousands"): their protest is a
    demonstration (CAMEO 14), not an official's complaint."""
    return frozenset(load_table("relations").get("crowd_nouns", []))


@functools.cache
def force_nouns() -> frozenset[str]:
    """Subject nouns that are a state's armed forces ("troops", "warplanes"): their killing
    is an act of war (CAMEO 19), not an assault (18)."""
    return frozenset(load_table("relations").get("force_nouns", []))


@functools.cache
def combatant_nouns() -> frozenset[str]:
    """Object nouns that are combatants ("gunmen", "soldiers"): armed forces killing them
    fight (CAMEO 19)."""
    return frozenset(load_table("relations").get("combatant_nouns", []))
