"""Readings around a trigger word that the parse gets wrong or that are no act: a headline's
verb the tagger reads as a noun ("Reuters interviews X"), an act inside a topic ("policies
regarding X travelling to Y") or one an effort is made towards ("efforts towards a summit"),
an object read past a colon, and a particle far from its verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.core.model import MentionSpan
from graph.relations.lexicon import Frame, intent_nouns
from graph.relations.participants import OBJ

__all__ = ["headline", "particle", "past_colon", "planned", "topic"]


def headline(
    token: Token, at: dict[int, MentionSpan], verbs: dict
) -> tuple[Frame, list[tuple[str, str]]] | None:
    """A headline's verb the tagger reads as a plural noun: "Reuters interviews Ana Lima",
    "Kenya sanctions Uganda" — a lexicon verb in "-s" right after an actor that opens the
    sentence (or follows a colon), and before actors named with only role words between
    ("interviews economist Ana Lima and Li Wei"). The frame is the verb's plain one."""
    if token.tag_ not in ("NNS", "VBZ") or not token.is_lower or token.i == 0:
        return None
    lemma = next((token.lower_[:-n] for n in (1, 2) if token.lower_[:-n] in verbs), None)
    frame = next(
        (f for f in verbs.get(lemma, ()) if not f.needs and not f.objects and not f.reverse), None
    )
    left = at.get(token.i - 1)
    if frame is None or left is None or left.end != token.i:
        return None
    doc = token.doc
    if left.start != token.sent.start and doc[left.start - 1].text not in (":", "—", "–"):
        return None
    targets: list[str] = []
    j = token.i + 1
    while j < min(len(doc), token.i + 9):
        span = at.get(j)
        if span is not None:
            after = doc[span.end] if span.end < len(doc) else None
            if after is None or after.pos_ not in ("NOUN", "PROPN") or after.i in at:
                targets.append(span.mention.name)  # not "Israeli" in "Israeli writer X"
            j = span.end
        elif doc[j].pos_ in ("ADJ", "NOUN", "CCONJ") and doc[j].is_lower:
            j += 1
        else:
            break
    pairs = [(left.mention.name, t) for t in dict.fromkeys(targets) if t != left.mention.name]
    if frame.object_source:
        pairs = [(t, s) for s, t in pairs]
    return (frame, pairs) if pairs else None


#: Words after which a noun is a topic: "policies regarding Muslims travelling to X".
_TOPICS = {"regarding", "about", "concerning", "toward", "towards", "over"}


def planned(trigger: Token) -> bool:
    """An event noun that is what an effort or plan is for ("efforts towards a new summit
    between X and Y", "plans for talks with X"): it has not happened."""
    head = trigger.head
    return (
        trigger.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ != "of"
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in intent_nouns()
    )


def topic(trigger: Token) -> bool:
    """An act described as what people of a kind do, inside a topic ("policies regarding
    migrants travelling to X", "fears about firms selling arms to Y"): no act that happened."""
    noun = trigger.head
    if trigger.tag_ != "VBG":
        return False
    if trigger.dep_ == "pcomp":  # "regarding Rohingya travelling to X" read as a clause
        return noun.lower_ in _TOPICS
    return trigger.dep_ == "acl" and noun.dep_ in ("pobj", "dobj") and noun.head.lower_ in _TOPICS


def past_colon(verb: Token, child: Token) -> bool:
    """A colon or semicolon between a verb and a child read as its object: a misparse of
    what follows the clause ("defended the record: "The minister and I are ...")."""
    lo, hi = sorted((verb.i, child.i))
    return any(t.text in (":", ";") for t in verb.doc[lo + 1 : hi])


def particle(verb: Token, child: Token) -> bool:
    """A particle of ``verb``: right after it or after its object ("called off the visit",
    "called the visit off"); an "out" far after ("contacted X over housing out at sea") is a
    misparse of an adverb."""
    if child.dep_ != "prt":
        return False
    ends = {verb.i} | {c.i for c in verb.children if c.dep_ in OBJ}
    return child.i - 1 in ends
