"""When the event a trigger names happened, from its own sentence: the time expression that
belongs to it, placed in time (:mod:`graph.relations.timex`) by the publication date and the
trigger's tense. :mod:`graph.relations.dating` adds what the rest of the article tells
(follow-ups, background paragraphs, "that year"); the rules of both are described there.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from graph.core.model import EventDate
from graph.relations.timex import parse, resolve

__all__ = ["article_date", "clause_verb", "event_date", "expressions", "host_of", "tense_of",
           "with_preposition"]


#: Time words spaCy's model sometimes leaves out of its entities (or labels otherwise).
_TIME_WORDS = re.compile(
    r"\b(?:(?:last|next|this)\s+(?:night|week|month|year|weekend)|yesterday|today|tomorrow|"
    r"tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|christmas(?:\s+(?:day|eve))?|"
    r"boxing\s+day|new\s+year's\s+(?:day|eve)|(?<=\bon )the\s+\d{1,2}(?:st|nd|rd|th))\b", re.I)

#: "next week", "next month": ahead of publication whatever the verb's tense ("laws expected
#: next month", with "expected" parsed as a past form), unlike "in a week" or "the next day".
_NEXT = re.compile(r"next\s", re.I)
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
#: Heads whose ``to``-infinitive is a plan: "is due to visit", "plans to meet".
_PLAN_HEADS = {"due", "set", "expect", "schedule", "plan", "intend", "aim", "hope", "prepare",
               "poise", "go", "be", "propose", "seek", "slate"}


def event_date(trigger: Token, published: date | None, anchor: date | None = None,
               year: int | None = None) -> EventDate | None:
    """The date of the event ``trigger`` (a verb or event noun) names, or ``None``.
    ``anchor`` is the day of the event told before it, which "the following day" counts from;
    ``year`` the year last written out before it, which "that year" means."""
    verb = clause_verb(trigger)
    own = tense = tense_of(verb)
    chain = _chain(verb)
    for _, ent in sorted(_candidates(trigger, verb), key=lambda c: c[0]):
        tx = parse(with_preposition(ent))
        host = host_of(ent)
        # an expression on another verb is read in that verb's tense: "the junta said on
        # Sunday it would prosecute him" is last Sunday's statement, not next Sunday's trial
        tense = tense_of(host) if host is not None and host.pos_ in ("VERB", "AUX") and (
            host not in chain) else own
        if tx is None or (tx.forward and tense == "past" and not _NEXT.match(ent.text)) or (
                tx.kind == "anchored" and anchor is None) or (
                tx.kind == "sameyear" and year is None):
            # a duration, a decade, an age; or "in a week" in a past sentence ("for the
            # second time in a week"): no point in time of this event; or "the next day"
            # with no dated event before it to count from
            continue
        got = resolve(tx, published, tense,
                      date(year, 1, 1) if tx.kind == "sameyear" and year else anchor)
        if got is None:
            return None  # relative to a date the article does not have
        day, precision, basis, forward = got
        value = _cut(day, precision)
        after = published is not None and value > _cut(published, precision)
        before = published is not None and value < _cut(published, precision)
        # a plan by the trigger's own tense ("said Monday it will visit": planned on Monday)
        planned = not before and (own == "future" or forward or (after and tense != "past"))
        return EventDate(value, precision, basis, planned)
    return article_date(published, own == "future")


def tense_of(verb: Token) -> str:
    """``"future"``, ``"past"`` or ``"present"`` for the verb a trigger depends on."""
    token = verb
    for _ in range(4):
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in auxes):
            return "future"
        if token != verb and token.lemma_.lower() in _PLAN_HEADS and _infinitive(verb):
            # "is due to visit", "plans to meet"; but "was due to meet", "planned to visit"
            # were no plans of today's
            return "past" if _past(token, auxes) else "future"
        if _past(token, auxes):
            return "past"
        if token.dep_ not in ("xcomp", "acomp", "conj", "advcl") or token.head == token:
            break
        token = token.head
    return "present"


def _infinitive(verb: Token) -> bool:
    """A bare infinitive, active ("to visit") or passive ("is to be held")."""
    return verb.tag_ == "VB" or verb.tag_ == "VBN" and any(
        a.dep_ == "auxpass" and a.tag_ == "VB" for a in verb.children)


def _past(token: Token, auxes: list[Token]) -> bool:
    """A past form: "met", "was hosted", "has met"; not "is expected" or "are set"."""
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return True
    return token.tag_ == "VBN" and not auxes and token.dep_ not in ("amod", "acl")


#: Participles after a noun that name a standing fact, not an event a date could belong to.
_STATE_PARTICIPLES = frozenset({"lead", "head", "chair", "accompany", "include"})


def article_date(published: date | None, planned: bool) -> EventDate | None:
    """The article's own date as an event's (``None`` for an undated article)."""
    if published is None:
        return None
    return EventDate(published.isoformat(), "day", "article", planned)


def clause_verb(trigger: Token) -> Token:  # used by the article-level rules as well
    """The verb of the trigger's clause: the trigger, or the verb governing an event noun
    ("held talks", "arrived for a visit")."""
    token = trigger
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            return token
        token = token.head
    return trigger


def _candidates(trigger: Token, verb: Token) -> list[tuple[tuple[int, int], Span]]:
    """``(rank, ent)`` for every time expression of the sentence that may date the trigger;
    lower ranks first (attached to the trigger, to its clause, then by distance)."""
    sent = trigger.sent
    chain = _chain(verb)
    out = []
    for ent in expressions(sent):
        host = host_of(ent)
        if host is None:
            continue
        if host in (trigger, verb):
            rank = 0
        elif host in chain or _occasion(host, chain):
            rank = 1
        elif host.pos_ in ("NOUN", "PROPN") and ent.end <= host.i:
            continue  # "the 2019 accord", "last year's deal": background of another noun
        elif _in_modifier_clause(host, trigger):
            continue  # "a plan backed in 2021", "who ... when his term ends in December"
        else:
            rank = 2
        distance = min(abs(ent.start - trigger.i), abs(ent.end - 1 - trigger.i))
        out.append(((rank, distance), ent))
    return out


#: Verbs whose subject is the event itself: "Next year's summit will take place in Rome",
#: "the 2019 talks began in Doha".
_OCCUR = frozenset({"happen", "occur", "begin", "start", "end", "open", "close", "finish",
                    "resume", "conclude", "convene"})


def _occasion(noun: Token, chain: set[Token]) -> bool:
    """Whether ``noun`` is the occasion of the trigger's clause, so that a date modifying it
    dates the event: the object of "in", "at" or "during" on a verb of the clause ("in a 2003
    interview, X compared ..."), or the subject of a verb of occurrence ("Next year's
    competition is scheduled to take place ..."). Not a noun the event is about ("violated
    the 2019 accord")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at", "during"):
        return noun.head.head in chain
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head in chain and any(
        v.lemma_ in _OCCUR or v.lemma_ == "take" and any(c.lower_ == "place" for c in v.children)
        or v.lemma_ == "hold" and any(c.dep_ == "auxpass" for c in v.children) for v in chain)


def expressions(sent: Span) -> list[Span]:
    """The sentence's ``DATE``/``TIME`` entities, and the plainest time words the model left
    unlabelled ("last night", "yesterday", a weekday, "Boxing Day")."""
    found = sent.ents  # once: each read builds every entity of the doc again
    ents = [e for e in found if e.label_ in ("DATE", "TIME")]
    # a day of the month the model calls an ordinal ("on the 5th") is still a time word
    covered = {i for e in found if e.label_ != "ORDINAL" for i in range(e.start, e.end)}
    for m in _TIME_WORDS.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                                  alignment_mode="expand")
        if span is not None and not any(i in covered for i in range(span.start, span.end)):
            ents.append(span)
    merged: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):  # "Thursday" + "night": one expression
        if merged and merged[-1].end == ent.start:
            merged[-1] = sent.doc[merged[-1].start:ent.end]
        else:
            merged.append(ent)
    return merged


def host_of(ent: Span) -> Token | None:
    """The word a time expression modifies: a verb (through a preposition), or a noun."""
    root = ent.root
    if root.dep_ in ("pobj", "pcomp") and root.head.dep_ in ("prep", "agent"):
        head = root.head.head
    else:
        head = root.head
    if head == root:
        return None
    if head.dep_ == "prep" and head.head != head:
        head = head.head  # "earlier on Tuesday"
    if head.dep_ == "acl" and head.tag_ == "VBN" and head.lemma_ in _STATE_PARTICIPLES:
        # "met a delegation led by X on Sunday": the parser hangs the date on "led", but who
        # leads a delegation is a standing fact; the date is the meeting's
        head = head.head.head
    if head.dep_ == "ccomp" and head.head.i < ent.start and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i >= ent.end for c in head.children) and not any(
            c.dep_ == "mark" and c.i < ent.start for c in head.children):
        # "said on Sunday it would expel ...": before the reported clause (its subject, or its
        # "that"), the date is the saying's, wherever the parser hangs it
        head = head.head
    return head


def _in_modifier_clause(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is inside a clause that modifies a noun other than the trigger (a
    relative clause or a participle after a noun): its dates describe that noun, not the
    event ("talks that began on Monday" still date the talks)."""
    for _ in range(8):
        if token.dep_ in ("acl", "relcl") and token.head != trigger:
            return True
        if token.head == token or token.head == trigger:
            return False
        token = token.head
    return False


def _chain(verb: Token) -> set[Token]:
    """Verbs of the trigger's clause: those it depends on through infinitives, conjunctions
    and adverbial clauses (not reported speech), and its own infinitives."""
    chain = {verb}
    token = verb
    for _ in range(4):
        if token.dep_ not in ("xcomp", "conj", "advcl", "acomp") or token.head == token:
            break
        token = token.head
        chain.add(token)
    chain.update(c for c in verb.children if c.dep_ in ("xcomp", "conj"))
    return chain


def with_preposition(ent: Span) -> str:
    """The expression with the preposition governing it ("in two weeks", "for two years")."""
    root, text = ent.root, ent.text
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ in ("ago", "back"):
        text = f"{text} {after.text}"  # "a couple of years" + "back"
    if root.dep_ == "pobj" and root.head.i == ent.start - 1:
        return f"{root.head.text} {text}"
    return text


def _cut(day: date, precision: str) -> str:
    """``day`` as ISO text cut to ``precision``."""
    return {"day": day.isoformat(), "month": day.isoformat()[:7],
            "year": day.isoformat()[:4]}[precision]
