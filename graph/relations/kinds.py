"""Which kind a found act is coded as, beyond its trigger's frame: CAMEO's codebook codes the
same verb under different roots by what surrounds it.

* a verbal act: "attacked the governor in an interview" is criticism (root 11), not an assault;
* an act under a word of commitment: "offered to mediate between X and Y", "ready to meet X",
  "pledged to support X" express an intent to cooperate (root 03); "vowed to punish X" is a
  threat (root 13) — the act itself is not done yet;
* a person as target: expelling a named person is coerce (174), expelling a country's
  diplomats, its ambassador included, is reducing relations (166);
* a crowd as subject: "students protested against X" is a demonstration (root 14), a
  government's protest an official complaint (root 11);
* armed forces acting on combatants: "Russian troops killed Ukrainian soldiers" is
  conventional military force (root 19, "all uses of conventional force and acts of war
  typically by organized armed groups"), not an assault (18, unconventional violence);
  "soldiers wounded three villagers" or a named person killed stays an assault;
* a modifier: a car or suicide bombing is an assault (183), not a military attack.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.core.cameo import kind_info
from graph.mentions.find import MentionSpan
from graph.relations.lexicon import (
    Frame,
    combatant_nouns,
    crowd_nouns,
    force_nouns,
    intent_verbs,
    speech_nouns,
)
from graph.relations.participants import SUBJ, pobjs

__all__ = ["coded_kind", "intent_head"]

_SPEECH_VERBS = {"say", "call", "accuse", "tell", "write", "argue", "claim", "describe"}
#: Verbs of commitment whose "that" clause is the act promised, not yet done.
_PROMISES = frozenset({"promise", "pledge", "vow", "undertake", "guarantee"})
#: Kinds an intent is coded as, by the QuadClass of the act intended.
_INTENT = {1: "intend", 2: "intend", 3: "threaten", 4: "threaten"}


def coded_kind(trigger: Token, frame: Frame, source: str, target: str,
               spans: list[MentionSpan]) -> str:
    """The kind of the act ``trigger`` names between ``source`` and ``target``."""
    types = {s.mention.name: s.mention.type for s in spans}
    kind = _verbal(trigger, frame, types.get(source), types.get(target))
    if frame.person_kind and types.get(target) == "person" and not _diplomat(trigger):
        kind = frame.person_kind
    if frame.crowd_kind and _crowd_subject(trigger):
        kind = frame.crowd_kind
    if frame.force_kind and types.get(target) != "person" and _war(trigger):
        kind = frame.force_kind
    if frame.modified:  # "a car bombing", "suicide attacks": CAMEO 183, an assault
        words = {c.lower_ for c in trigger.children if c.dep_ in ("compound", "amod")}
        kind = next((k for word, k in frame.modified if word in words), kind)
    if intent_head(trigger) is not None:
        quad = kind_info(kind).quad_class
        kind = _INTENT.get(quad, kind) if kind_info(kind).root_code not in ("03", "13") else kind
    return kind


def intent_head(trigger: Token) -> Token | None:
    """The word of commitment an act depends on ("offered to help X": "offered"; "expressed
    readiness to meet X": "readiness"; "promised that Y would help X": "promised"), or
    ``None``. Through infinitives (and a conjoined second one) and the "that" clause of a
    promise."""
    token = trigger
    for _ in range(3):
        if token.dep_ == "conj":
            token = token.head
            continue
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in _PROMISES:
            return token.head  # "promised that Turkey would help rebuild Syria"
        if token.dep_ not in ("xcomp", "acl") or token.head.i == token.i:
            return None
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return None
        head = token.head
        if head.lemma_.lower() in intent_verbs() or head.lower_ in intent_verbs():
            return head
        return None
    return None


def _verbal(trigger: Token, frame: Frame, source_type: str | None,
            target_type: str | None) -> str:
    """``frame.verbal`` for an act that is speech: a person acting on a person or an
    organisation ("Duda attacked the governor"), or a speech cue ("saying", "in an
    interview"); else the frame's kind."""
    if not frame.verbal:
        return frame.kind
    if source_type == "person" and target_type in ("person", "organisation"):
        return frame.verbal
    for c in trigger.children:
        if c.dep_ == "advcl" and c.lemma_ in _SPEECH_VERBS:
            return frame.verbal
        for p in [c, *(g for g in c.children if c.dep_ == "advcl")]:
            if p.dep_ == "prep" and any(o.lemma_.lower() in speech_nouns() for o in pobjs(p)):
                return frame.verbal
    return frame.kind


#: Words for a country's envoys: expelling one reduces relations (CAMEO 166), not coercion.
_DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "consul", "attache", "attaché",
                        "emissary", "charge", "chargé", "representative", "ambassadors",
                        "envoys", "diplomats", "consuls"})


def _diplomat(verb: Token) -> bool:
    """The verb's object is an envoy ("expelled the French ambassador, X", "ordered envoy X
    to leave")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            words = {c.lemma_.lower(), *(g.lemma_.lower() for g in c.children
                                         if g.dep_ in ("compound", "appos", "amod"))}
            if words & _DIPLOMATS:
                return True
    return False


def _crowd_subject(verb: Token) -> bool:
    """The verb's subject is a crowd noun ("activists", "thousands of Kenyans")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ]
    if not subjects:
        return False
    head = subjects[-1]
    return head.lower_ in crowd_nouns() or head.lemma_.lower() in crowd_nouns()


def _war(verb: Token) -> bool:
    """Armed forces act on combatants: "Israeli troops killed two gunmen", "five soldiers were
    killed by Russian warplanes"."""
    doers = [c for c in verb.children if c.dep_ in SUBJ]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]
    done = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(doers and done) and _is(doers[-1], force_nouns()) and _is(
        done[0], combatant_nouns())


def _is(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words
