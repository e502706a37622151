"""When each typed relation happened: the time expression of its trigger, placed in time.

For a typed relation this finds its trigger in the parsed sentence, picks the time expression
that belongs to it (:mod:`graph.relations.event_time`, the sentence-level rules), and resolves
it (:mod:`graph.relations.timex`) against the article's publication date and the trigger's tense:

* candidates are spaCy's ``DATE``/``TIME`` entities of the sentence (already in the parse; no
  second pass over the text), each read with the preposition governing it ("on Tuesday",
  "since 2019", "for two years" is a duration and dates nothing). A date that modifies another
  noun ("violated the 2019 accord"), or stands in a clause modifying one ("a plan Oxfam had
  backed in 2021"), is background to that noun, not the event's date, unless the noun is the
  event's occasion ("in a 2003 interview, X compared ...") or the subject of a verb of
  occurrence ("next year's summit will take place ..."); a forward expression in a past
  sentence ("for the second time in a week") is a window, not a date, but "next month" counts
  from publication whatever the tense; adjacent entities join ("Thursday" + "night");
* the expression attached in the dependency tree to the trigger (as an adverbial of the verb,
  or a modifier of an event noun: "last year's summit") wins; else one attached to a verb of the
  trigger's own clause chain ("agreed on Tuesday to send troops", "held talks on Monday");
  else the nearest in the sentence ("Ada Venn met Oren Hale, the agency said on Wednesday");
* tense: ``future`` when the trigger (or a verb it depends on) has *will*/*shall*/*would*, or
  is the infinitive of "due to", "set to", "expected to", "plans to", "is to", "going to";
  ``past`` for past forms and perfects; ``present`` otherwise. Weekdays and year-less dates
  take the nearest day on the tense's side of the publication date;
* "the following day", "the previous day", "two days later" count from the last event
  dated to the day before it in the article (without one they date nothing);
* a sentence without an expression, in the simple past, whose acting actor (the source) took
  part in a typed relation dated a few sentences before, follows on from that event and takes
  its date ("X met Y on Tuesday. ... Y thanked Z for ..."): wire copy tells an event in a dated
  lede and its details after. Not for a third party reacting, a perfect, a plan, or what
  follows a journey (a visit spans days);
* "that year", "in March of that year" take the year last written out before them; a
  simple-past event without an expression in a background paragraph (one whose time
  expression nearest before it writes out an earlier year on a simple past verb: "The two
  fought a border war in 2019. X expelled Y's envoy.") takes that year; "since 2019" bounds a
  state and makes no background, a new paragraph or a later expression ends one;
* otherwise the relation gets the article's date (basis ``"article"``); an
  undated article gives ``None`` then, and for anything relative to it. ``planned`` is set
  for future tense, forward expressions ("next week") and dates after publication.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from graph.core.model import EventDate, Relation
from graph.names.builtin import country_name
from graph.relations.event_time import (
    article_date,
    clause_verb,
    event_date,
    expressions,
    host_of,
    tense_of,
    with_preposition,
)
from graph.relations.timex import parse

__all__ = ["date_relations", "event_date", "tense_of"]


def date_relations(doc: Doc, relations: list[Relation],
                   published: date | None) -> list[Relation]:
    """``relations`` with ``when`` set on every typed one (co-occurrence stays undated)."""
    sents = list(doc.sents) if relations else []
    out = []
    dated: list[Relation] = []  # typed relations dated by an expression, in text order
    anchor: date | None = None  # the day of the last event dated to the day
    lede_journey = any(r.directed and r.sentence == 0 and r.kind in _SPANNING for r in relations)
    for rel in relations:
        if not rel.directed or not rel.trigger or rel.sentence >= len(sents):
            out.append(rel)
            continue
        trigger = _trigger(sents[rel.sentence], rel.trigger)
        if trigger is None:
            when = article_date(published, False)
        else:
            year = _last_year(sents, rel.sentence, trigger.i) if _SAME_YEAR.search(
                sents[rel.sentence].text) else None
            when = event_date(trigger, published, anchor, year)
            if when is not None and when.basis == "article" and _simple_past(trigger):
                when = _background(trigger, sents, rel.sentence, published) or (
                    _follow_up(rel, dated)) or (
                    None if lede_journey else _from_lede(rel, sents, published)) or when
        # the plan is kept when nothing dates it ("X will visit Y" in an undated article)
        planned = when.planned if when is not None else trigger is not None and (
            tense_of(clause_verb(trigger)) == "future")
        rel = replace(rel, when=when, planned=planned)
        if when is not None and when.basis != "article":
            dated.append(rel)
            if when.precision == "day":
                anchor = date.fromisoformat(when.value)
        out.append(rel)
    return out


#: Sentences that may say "that year" (the year written before them), found by their text.
_SAME_YEAR = re.compile(r"\b(?:that|the same) year\b", re.I)


def _written_year(ent: Span) -> tuple[int, bool] | None:
    """``(year, simple past)`` when the time expression ``ent`` writes a year out ("in 2019",
    "March 2023", "on 1 May 2020") as a point in time (not "since 2019"); ``simple past`` when
    it dates a simple past verb ("fought a war in 2019", not "has supplied ... in 2019")."""
    text = with_preposition(ent)
    tx = parse(text)
    if tx is None or not tx.year or text.lower().startswith(_NOT_A_TIME):
        return None
    host = host_of(ent)
    return tx.year, host is not None and host.pos_ in ("VERB", "AUX") and _simple_past(host)


def _last_year(sents: list[Span], index: int, before: int) -> int | None:
    """The year last written out before token ``before`` (in sentence ``index`` or earlier)."""
    for sent in reversed(sents[:index + 1]):
        for ent in reversed(expressions(sent)):
            if ent.start < before and (got := _written_year(ent)):
                return got[0]
    return None


#: Prepositions whose year bounds a state instead of dating an event.
_NOT_A_TIME = ("since", "until", "till", "by", "before", "after", "from", "between")


def _background(trigger: Token, sents: list[Span], index: int,
                published: date | None) -> EventDate | None:
    """The year of a background paragraph, for a simple-past event of it without a date of its
    own: the paragraph's time expression nearest before the trigger writes out a year before
    publication on a simple past verb ("The two countries fought a border war in 2019. Kenya
    expelled Uganda's ambassador ..."). A later expression in between ("on Tuesday") ends the
    background; so does the start of a new paragraph."""
    if published is None:
        return None
    first = _paragraph_start(sents, index)
    last = next((e for sent in reversed(sents[first:index + 1])
                 for e in reversed(expressions(sent)) if e.start < trigger.i), None)
    if last is None:
        return None
    got = _written_year(last)
    return EventDate(str(got[0]), "year", "explicit") if got and got[1] and (
        got[0] < published.year) else None


def _paragraph_start(sents: list[Span], index: int) -> int:
    """The index of the first sentence of the paragraph sentence ``index`` is in: the text
    between two sentences of one paragraph holds no line break."""
    doc = sents[index].doc
    while index > 0:
        before = [t for t in sents[index - 1] if not t.is_space]
        after = next((t for t in sents[index] if not t.is_space), None)
        if not before or after is None or any(
                "\n" in t.text_with_ws for t in doc[before[-1].i:after.i]):
            break
        index -= 1
    return index


#: How many sentences back a follow-up looks for the dated event it continues.
_FOLLOW_UP_WINDOW = 3
#: Kinds that span days: what an actor does after travelling ("On Sunday, Venn travelled to
#: Russia ... Venn and Hale had a handshake") happened later in the journey, not that day.
_SPANNING = frozenset({"visit"})


def _simple_past(trigger: Token) -> bool:
    """Whether the trigger's clause is in the simple past ("thanked", "warned"), which tells
    on from a dated event; not a perfect ("has accused": a state up to now), a present or a
    plan."""
    verb = clause_verb(trigger)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" and not auxes or (
        verb.tag_ == "VBN" and any(a.lower_ in ("was", "were") for a in auxes))


def _follow_up(rel: Relation, dated: list[Relation]) -> EventDate | None:
    """The date of the event ``rel`` follows on from, when its own sentence has none: the
    nearest typed relation dated in the few sentences before whose actors include this one's
    source: the same actor acting on ("X met Y on Sunday. Y warned Z ..."). A third party
    reacting ("The African Union called on X ...") is not dated by it, nor is anything by a
    plan or a journey."""
    for prev in reversed(dated):
        if rel.sentence - prev.sentence > _FOLLOW_UP_WINDOW:
            return None
        if (prev.sentence == rel.sentence or prev.when is None or prev.when.planned
                or prev.kind in _SPANNING):
            continue
        if _surname(rel.source) in (_surname(prev.source), _surname(prev.target)):
            return prev.when
    return None


def _from_lede(rel: Relation, sents: list[Span], published: date | None) -> EventDate | None:
    """The date of the article's first sentence (its main verb, past, dated by an expression)
    for a follow-up a few sentences after it whose acting actor the lede names but no typed
    relation of the lede holds ("Canada expelled a diplomat on Monday after Prime Minister X
    said ... X told Parliament that ..."). Not after a lede about a journey (a visit spans
    days) or a plan."""
    if not 0 < rel.sentence <= _FOLLOW_UP_WINDOW:
        return None
    lede = sents[0]
    verb = next((c for c in lede.root.children if c.dep_ == "ccomp"), lede.root)
    # "X will do Y on Sunday, officials said": the event is the reported one
    if verb.pos_ != "VERB" or tense_of(verb) != "past" or (
            _surname(rel.source) not in lede.text):
        return None
    when = event_date(verb, published)
    if when is None or when.basis == "article" or when.planned:
        return None
    return when


def _surname(name: str) -> str:
    """An actor's name as a follow-up sentence may write it, before corpus-wide resolution
    joins them: its country ("Russian" → "Russia"), else its last word ("Abdel Sisi-Fahmy",
    then "Sisi-Fahmy")."""
    return country_name(name) or (name.rsplit(None, 1)[-1] if name.strip() else name)


def _trigger(sent: Span, word: str) -> Token | None:
    """The trigger token of a relation in its sentence (verbs first when a word repeats)."""
    hits = [t for t in sent if t.text == word]
    if len(hits) > 1:
        hits.sort(key=lambda t: t.pos_ not in ("VERB", "AUX"))
    return hits[0] if hits else None
