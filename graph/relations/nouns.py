"""Parties of event nouns: "X's meeting with Y", "talks between X and Y", "the visit of X to
Y", "the sanctions imposed by X on Y", "X made a visit to Y", "Israeli strikes in Lebanon".

The source is a possessor, a "by" agent or a named modifier, else the subject of the light verb
governing the noun ("held talks with", "launched two days of drills around Taiwan"); the target
is the object of one of the kind's prepositions, on the noun or on that verb, else the place
of a violent act. An event noun that is only the topic of another trigger ("the AU supported
the talks"), or whose parties a go-between brokered ("mediated talks between X and Y"), gives
no pair of its own.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from graph.mentions.find import MentionSpan
from graph.relations.lexicon import Frame, lexicon
from graph.relations.participants import actors_of, pobjs, prep_objects, subjects_of
from graph.relations.places import places

__all__ = ["governor_of", "noun_pairs", "pair_up"]

_TOPIC_PREPS = {"over", "about", "regarding", "concerning", "despite", "amid"}


def pair_up(sources: list[str], targets: list[str], frame: Frame) -> list[tuple[str, str]]:
    """Every source with every target; without targets, every pair of the sources of a mutual
    kind ("Sweden, Finland and Denmark signed a pact": three pairs, not two)."""
    if not targets and frame.mutual and len(sources) >= 2:
        return list(combinations(dict.fromkeys(sources), 2))
    return [(s, t) for s in dict.fromkeys(sources) for t in dict.fromkeys(targets)]


def noun_pairs(noun: Token, frame: Frame, at: dict[int, MentionSpan],
                spans: list[MentionSpan]) -> list[tuple[str, str]]:
    if frame.reverse or frame.objects:
        return []
    between = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
               for o in pobjs(p)]
    if not between and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        # "Fighting broke out between X and Y", "talks took place between X and Y"
        between = [o for p in noun.head.children if p.dep_ == "prep"
                   and p.lower_ == "between" for o in pobjs(p)]
    sources = [n for c in noun.children if c.dep_ == "poss" for n in actors_of(c, at)]
    sources = sources or prep_objects(noun, ("by",), at)
    if between and _brokered(noun, frame):
        return []
    if between:
        names = list(dict.fromkeys(n for o in between for n in actors_of(o, at)))
        if not frame.mutual and sources:  # "Egypt's mediation between X and Y": Egypt on each
            return pair_up(sources, names, frame)
        return list(combinations(names, 2))
    targets = prep_objects(noun, frame.preps, at)
    if not targets and noun.dep_ == "dobj" and noun.head.lemma_.lower() in frame.of_under:
        targets = prep_objects(noun, ("of",), at)  # "voiced support of X"
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            # "the sanctions imposed by Canada on Iran": the participle's agent and target
            sources = sources or prep_objects(acl, ("by",), at)
            targets = targets or prep_objects(acl, frame.preps, at)
    if not sources and targets and "of" not in frame.preps:
        # "the visit of X to Y": "of" names the one who acts when the target is named apart
        sources = [n for n in prep_objects(noun, ("of",), at) if n not in targets]
    modifiers = [n for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                 for n in actors_of(c, at)]
    if not sources and not targets and len(modifiers) >= 2:
        return list(combinations(dict.fromkeys(modifiers), 2))  # "the Horvat-Lindqvist summit"
    if not targets and frame.place_preps and not (
            noun.dep_ == "pobj" and governor_of(noun).lemma_.lower() in lexicon().verbs):
        # "Israeli strikes in Lebanon", "a bombing by X in Somalia" (but "killed X in an
        # airstrike in Lebanon" is one act, on X)
        agents = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in
                  ("by", *frame.preps) for o in pobjs(p)]  # "an attack on facilities in X"
        if noun.dep_ == "nsubj" and noun.head.i != noun.i:
            agents.append(noun.head)  # "Russian shelling wounded five civilians in Ukraine"
        targets = places(noun, agents, frame.place_preps, frame.preps, at)
    if not sources and targets and modifiers:
        sources = modifiers  # "Israeli strikes on Gaza", "U.S. sanctions on Iran"
    head = noun.head
    governor = governor_of(noun)
    inviters = prep_objects(noun, ("of",), at) if head.lower_ in ("at", "upon") else []
    if inviters and governor.pos_ in ("VERB", "AUX"):
        # "X returned to China at the invitation of Y": Y invited X
        return pair_up(inviters, subjects_of(governor, at, spans), frame)
    if head.lower_ == "under" and governor.pos_ in ("VERB", "AUX"):
        # "X is under investigation by Y": the subject is the target
        return pair_up(sources, subjects_of(governor, at, spans), frame)
    if (not sources and noun.dep_ in ("dobj", "attr", "pobj", "nsubj", "nsubjpass")
            and head.i != noun.i and governor.pos_ in ("VERB", "AUX")
            and head.lower_ not in _TOPIC_PREPS
            and not (noun.dep_ in ("dobj", "nsubjpass", "attr") and head.i == governor.i
                     and _other_trigger(governor, frame, noun))):
        # "X made a visit to Y", "X held talks with Y", "X arrived for a meeting with Y"; the
        # target may hang on the governing verb ("launched strikes Monday on Y")
        if _whose(noun, governor, at):
            return []  # "X met Y during his visit": his may be Y's, not the subject's
        sources = subjects_of(governor, at, spans)
        targets = targets or prep_objects(governor, frame.preps, at)
        if not targets and frame.place_preps and noun.dep_ == "dobj":
            # "X carried out airstrikes in Y": where the governed act happened
            targets = places(governor, [], frame.place_preps, frame.preps, at)
    return pair_up(sources, targets, frame)


def _whose(noun: Token, governor: Token, at: dict[int, MentionSpan]) -> bool:
    """An event noun owned by a pronoun ("his visit") under a verb that names a partner the
    pronoun could stand for besides its subject ("X met Y during his visit"; not "travelled to
    China on his first trip"): the owner may be either."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is None:
        return False
    person = owner.lower_ in ("his", "her")  # "his" can only be a person's
    return any(o.i in at and (at[o.i].mention.type == "person") == person
               for c in governor.children if c.dep_ in ("dobj", "dative", "prep")
               for o in (c, *pobjs(c)) if o.i != noun.i)


def governor_of(noun: Token) -> Token:
    """The word governing an event noun, through prepositions and quantity nouns ("launched
    two days of drills")."""
    token = noun
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return head
        if head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
            if token.head.lower_ == "of" and _quantity(head):
                token = head  # "two days of drills", "dozens of strikes": keep climbing
                continue
        return head
    return token.head


_QUANTITIES = {"dozen", "dozens", "hundreds", "thousands", "series", "wave", "round", "spate",
               "string", "number", "couple", "lot", "lots", "set", "day", "week", "month",
               "year", "hour", "night", "weeks", "days", "months", "years"}


def _quantity(token: Token) -> bool:
    """A measure word: "two days (of)", "dozens (of)", "a series (of)"."""
    return (token.pos_ == "NUM" or token.lemma_.lower() in _QUANTITIES
            or any(c.dep_ == "nummod" for c in token.children))


def _other_trigger(verb: Token, frame: Frame, noun: Token | None = None) -> bool:
    """True if ``verb`` is a lexicon trigger of another kind: then the event noun is the object
    of an attitude ("the AU supported the talks"), and the verb's subject is no participant.
    Not a frame for which the noun is another sense ("gave an interview": no supply)."""
    frames = lexicon().verbs.get(verb.lemma_.lower(), ())
    words = {noun.lemma_.lower(), noun.lower_} if noun is not None else set()
    return any(f.kind != frame.kind and not f.objects and not f.needs
               and not words & f.not_objects for f in frames)


def _brokered(noun: Token, frame: Frame) -> bool:
    """An event noun under a verb of go-betweens ("mediated talks between X and Y", "brokered
    a ceasefire between X and Y"): the verb's act is the event, coded on the go-between."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.i == noun.i:
        return False
    frames = lexicon().verbs.get(noun.head.lemma_.lower(), ())
    return any(f.kind != frame.kind and "between" in f.preps and not f.mutual for f in frames)
