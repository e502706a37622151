"""Relations between actors in one parsed article.

* Co-occurrence: every pair of distinct actors named in the same sentence (undirected).
* Typed relations: a verb, phrase or event noun from the lexicon (``data/relations.toml``, under
  the CAMEO root categories of :mod:`graph.core.cameo`) whose subject is one actor and whose object
  (or the object of a listed preposition, or a participant of an event noun it governs) is
  another, read from the dependency parse: "Seoul accused Pyongyang", "Horvat's meeting with
  Lindqvist", "imposed sanctions on Niger", "welcomed the resumption of ties with Iran".

Negated triggers, and events undone by a governing verb ("refused to meet", "blocked efforts to
sanction"), give nothing.
"""

from __future__ import annotations

from itertools import combinations
from typing import Literal

from spacy.tokens import Doc, Token

from graph.core.cameo import kind_info
from graph.core.model import COOCCURRENCE, Relation
from graph.mentions.find import MentionSpan
from graph.names.builtin import country_name
from graph.relations.kinds import coded_kind, intent_head
from graph.relations.lexicon import Frame, blockers, lexicon
from graph.relations.nouns import noun_pairs, pair_up
from graph.relations.participants import (
    OBJ,
    SUBJ,
    actors_of,
    participants,
    pobjs,
    prep_objects,
    subjects_of,
)
from graph.relations.places import is_water, places
from graph.relations.readings import headline, particle, past_colon, planned, topic
from graph.relations.reported import relayed_owner
from graph.relations.voice import is_passive, to_infinitive

__all__ = ["Frame", "cooccurrences", "lexicon", "typed_relations"]

_CHAIN = ("dobj", "xcomp", "nsubjpass", "pcomp", "ccomp", "acl", "pobj", "prep", "conj")
_ENDINGS = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
            ("es", ""), ("s", ""), ("d", ""))
# "condemned Y over the deal", "clashed about the talks": the event is the topic, and the
# verb's subjects are no parties to it
# verbs whose undoing of an event is itself a rejection of its target
_REFUSALS = {"refuse", "decline"}
_NOUN_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass")
_SMALL_CLAUSE = {"help", "assist"}  # "help X V": X is the one helped


def cooccurrences(spans: list[MentionSpan]) -> list[Relation]:
    """One undirected relation per pair of distinct actors per sentence (never article-wide)."""
    by_sentence: dict[int, set[str]] = {}
    for s in spans:
        by_sentence.setdefault(s.mention.sentence, set()).add(s.mention.name)
    return [Relation(sentence=i, source=a, target=b, kind=COOCCURRENCE)
            for i, names in sorted(by_sentence.items())
            for a, b in combinations(sorted(names), 2)]


def typed_relations(doc: Doc, spans: list[MentionSpan]) -> list[Relation]:
    """Directed relations triggered by lexicon verbs, phrases and event nouns."""
    at = {i: s for s in spans for i in range(s.start, s.end)}
    lex = lexicon()
    starts = {s.start: i for i, s in enumerate(doc.sents)}
    found: list[tuple[Token, Frame, list[tuple[str, str]]]] = []
    consumed: set[int] = set()  # object nouns of phrases ("lift sanctions")
    verbs, nouns = [], []
    for token in doc:
        pos = token.pos_
        if pos in ("VERB", "AUX"):
            verbs.append(token)
        if pos in ("NOUN", "PROPN") or (pos == "VERB" and token.dep_ in _NOUN_DEPS):
            nouns.append(token)  # "held joint military drills": a noun the tagger calls a verb
    for token in verbs:
        lemma = _verb_lemma(token, lex.verbs)
        if lemma:
            for frame in lex.verbs[lemma]:
                needed = _needed(token, frame)
                if needed is False or not _objects_fit(token, frame):
                    continue
                pairs = _verb_pairs(token, frame, at, spans, needed)
                if needed is not None and needed.pos_ in ("NOUN", "PROPN") and (
                        pairs or needed.dep_ != "nsubjpass"):
                    # "the agreement between X and Y was signed": without actors on the verb,
                    # the passive subject stays an event noun with its own parties
                    consumed.add(needed.i)
                if pairs and frame.objects:  # "pledged aid": the object is no event of its own
                    consumed.update(c.i for c in token.children if c.dep_ in OBJ)
                if pairs:
                    found.append((token, frame, pairs))
                if pairs or needed is not None:
                    break  # a phrase that matched is the verb's sense, with or without actors
            else:
                read = headline(token, at, lex.verbs)
                if read is not None:  # "Reuters interviews X", parsed with no object
                    found.append((token, *read))
    for token in nouns:
        if token.i in consumed or token.i in at:
            continue
        read = headline(token, at, lex.verbs)
        if read is not None:
            found.append((token, *read))
            continue
        frames = lex.nouns.get(token.lemma_.lower()) or lex.nouns.get(token.lower_)
        for frame in frames or ():
            pairs = noun_pairs(token, frame, at, spans)
            if pairs:
                found.append((token, frame, pairs))
                break
    out: list[Relation] = []
    seen: set[tuple] = set()
    for token, frame, pairs in sorted(found, key=lambda f: f[0].i):
        if _negated(token) or topic(token) or planned(token):
            continue
        blocker = _blocker(token)
        if blocker is not None:
            if blocker.lemma_.lower() in _REFUSALS and not _negated(blocker):
                # "Serbia refused to recognise Kosovo": a rejection of X (CAMEO 12)
                for source, target in pairs:
                    key = (blocker.i, "reject", source, target)
                    if not _same(source, target) and key not in seen:
                        seen.add(key)
                        out.append(Relation(
                            sentence=starts[token.sent.start], source=source, target=target,
                            kind="reject", polarity=kind_info("reject").polarity,
                            directed=True, trigger=blocker.text))
            continue
        for source, target in pairs:
            if is_water(target):
                continue  # "deployed warships to the Red Sea": a place, no one's
            kind = coded_kind(token, frame, source, target, spans)
            key = (token.i, kind, source, target)
            # an intent is the promise, made (and dated) where the word of commitment is
            said = intent_head(token) if kind != frame.kind and kind_info(
                kind).root_code in ("03", "13") else None
            if not _same(source, target) and key not in seen:
                seen.add(key)
                out.append(Relation(
                    sentence=starts[token.sent.start], source=source, target=target,
                    kind=kind, polarity=kind_info(kind).polarity, directed=True,
                    trigger=(said or token).text))
    return out


def _verb_lemma(token: Token, verbs: dict) -> str | None:
    """The lexicon lemma of a verb, also when the lemmatizer slips ("fined" → "fin")."""
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return lemma
    word = token.lower_
    for ending, add in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[:-len(ending)] + add
            if base in verbs:
                return base
    return None


def _same(a: str, b: str) -> bool:
    """One actor under two names in the article ("Chad" and "Chadian")."""

    return a == b or (country_name(a) is not None and country_name(a) == country_name(b))


def _needed(verb: Token, frame: Frame) -> Token | None | Literal[False]:
    """The child a phrase frame needs (``False`` if missing), ``None`` for plain frames."""
    if not frame.needs:
        return None
    if frame.needs.startswith(":"):
        dep = frame.needs[1:]
        return next((c for c in verb.children if c.dep_ == dep), False)
    word = frame.needs
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") or c.dep_ == "conj":
            continue
        if c.lower_ == word or c.lemma_.lower() == word:
            return c
        if c.dep_ in ("prep", "agent", "xcomp", "acomp", "oprd", "dobj"):
            # "spoke by phone", "take X to court", "sent rescue teams", "found X guilty"
            for g in c.children:
                if g.dep_ in ("pobj", "dobj", "compound", "amod") and (
                        g.lower_ == word or g.lemma_.lower() == word):
                    return g
    return False


#: Prepositions that name what an amount is of: "tons of aid", "50 million euros in aid".
_AMOUNT_OF = ("of", "in")


def _objects_fit(verb: Token, frame: Frame) -> bool:
    if not frame.objects and not frame.not_objects:
        return True
    direct = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "npadvmod")]
    if any(c.lemma_.lower() in frame.not_objects or c.lower_ in frame.not_objects
           for c in direct):
        return False
    if not frame.objects:
        return True
    for c in direct:
        words = {c.lemma_.lower(), c.lower_}
        words |= {g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod")}
        words |= {o.lemma_.lower() for p in c.children
                  if p.dep_ == "prep" and p.lower_ in _AMOUNT_OF for o in pobjs(p)}
        if words & frame.objects:
            return True
    return False


def _negated(trigger: Token) -> bool:
    return any(c.dep_ == "neg" for c in trigger.children)


def _for_clause(token: Token) -> bool:
    """A "for X to V" clause ("called for Russia to release X")."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for"
                                         for c in token.children)


def _blocked(trigger: Token) -> bool:
    """True if the event is undone by a verb governing it, directly or through infinitives,
    objects and event nouns ("rejected talks with X", "refused to meet X", "blocked efforts to
    tighten sanctions on X"), or by a negated verb it depends on ("did not agree to meet")."""
    return _blocker(trigger) is not None


def _blocker(trigger: Token) -> Token | None:
    """The verb undoing the event (see :func:`_blocked`), or ``None``."""
    token = trigger
    for _ in range(5):
        head = token.head
        if head.i == token.i or token.dep_ not in _CHAIN and not _for_clause(
                token) and not to_infinitive(token):
            return None
        if token.dep_ != "conj":
            lemma = head.lemma_.lower()
            particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
            if token.dep_ == "prep":  # "called for sanctions on X"
                particles.append(token.lower_)
            elif _for_clause(token):  # "called for Russia to release X"
                particles.append("for")
            elif token.dep_ == "xcomp" or to_infinitive(token):  # "called on X to free Y"
                particles += [c.lower_ for c in head.children if c.dep_ == "prep"]
            if lemma in blockers() or any(f"{lemma} {p}" in blockers() for p in particles):
                return head
            if token.dep_ == "xcomp" and _negated(head):
                return head
        token = head
    return None


def _verb_pairs(verb: Token, frame: Frame, at: dict[int, MentionSpan],
                spans: list[MentionSpan], needed: Token | None) -> list[tuple[str, str]]:
    pairs = _frame_pairs(verb, frame, at, spans, needed)
    return [(t, s) for s, t in pairs] if frame.object_source else pairs


def _frame_pairs(verb: Token, frame: Frame, at: dict[int, MentionSpan],
                 spans: list[MentionSpan], needed: Token | None) -> list[tuple[str, str]]:
    if not frame.needs and any(c.dep_ == "oprd" or particle(verb, c) for c in verb.children):
        # "called the judge a dictator" is naming, "called off the visit" another verb: a
        # plain frame never reads a particle verb or a naming construction
        return []
    passive = [n for c in verb.children if c.dep_ == "nsubjpass" and c != needed
               for n in actors_of(c, at)]
    if not passive and verb.dep_ == "acl" and is_passive(verb):
        # "X, a scholar interviewed by Y": the noun the participle modifies is done to
        noun, agents = verb.head, prep_objects(verb, ("by",), at)
        passive = [n for n in actors_of(noun, at) + (
            actors_of(noun.head, at) if noun.dep_ == "appos" else []) if n not in agents]
    if passive and not frame.reverse:
        return pair_up(prep_objects(verb, ("by",), at), passive, frame)
    subjects = subjects_of(verb, at, spans)
    if not subjects:
        return []
    direct = [c for c in verb.children if c.dep_ in OBJ and c != needed
              and not past_colon(verb, c)]
    if not direct and verb.lemma_.lower() in _SMALL_CLAUSE:
        # "helped Syria rebuild", parsed as a clause "Syria rebuild": Syria is the object;
        # "help rebuild Syria": the object of the act helped
        clauses = [x for x in verb.children if x.dep_ in ("ccomp", "xcomp")]
        direct = [c for x in clauses for c in x.children if c.dep_ == "nsubj"] or [
            c for x in clauses for c in x.children if c.dep_ == "dobj"]
    if needed is not None and needed.dep_ == "prep":
        # "left Beijing for Washington": the phrase's preposition names the target
        return pair_up(subjects, [n for o in pobjs(needed) for n in actors_of(o, at)], frame)
    if frame.reverse:
        sources = prep_objects(verb, frame.preps, at)
        sources += [n for c in direct for n in prep_objects(c, frame.preps, at)]
        if not sources:  # "bought Boeing jets": the name modifying the object sells
            sources = [n for c in direct if c.i not in at for n in actors_of(c, at)]
        return [(s, t) for s in dict.fromkeys(sources) for t in subjects]
    targets = prep_objects(verb, frame.preps, at) if frame.prep_target else []
    targets = targets or [n for c in direct for n in actors_of(c, at)]
    if not frame.prep_target:
        # "invited X to Cairo": beside an actor object, a place after the preposition is where
        kinds = {s.mention.name: s.mention.type for s in spans}
        named = {n for p in verb.children if p.dep_ == "prep" for o in pobjs(p) if o.i in at
                 for n in actors_of(o, at)}
        # beside an actor object, only a name after the preposition ("supported X for the
        # Senate election": no act on the Senate) and no place
        targets += [n for n in prep_objects(verb, frame.preps, at)
                    if not (targets and (kinds.get(n) == "place" or n not in named))]
    for holder in ([needed] if needed is not None else []) + direct:
        targets += prep_objects(holder, frame.preps, at)
        if frame.objects:  # "gave 50 million euros in assistance to X"
            targets += [n for p in holder.children if p.dep_ == "prep" and p.lower_ in _AMOUNT_OF
                        for o in pobjs(p) for n in prep_objects(o, frame.preps, at)]
    if not targets and frame.events:  # "condemned an attack by X", "warned of talks with X"
        inner = direct + [o for p in verb.children if p.dep_ == "prep" and p.lower_ in
                          frame.preps for o in pobjs(p)]
        targets = [n for c in inner for n in participants(c, at)]
        # "threatened to attack X": the threat is against X (the attack is undone by it)
        targets = targets or [n for x in verb.children if x.dep_ == "xcomp" and x.tag_ == "VB"
                              for c in x.children if c.dep_ in OBJ for n in actors_of(c, at)]
    if not targets and frame.clause_target:  # "demanded that Y withdraw its forces"
        targets = [n for x in verb.children if x.dep_ == "ccomp"
                   for c in x.children if c.dep_ in SUBJ for n in actors_of(c, at)]
    if not targets and direct:
        targets = relayed_owner(verb, direct, at)
    if not targets and frame.place_preps:
        targets = places(verb, direct, frame.place_preps, frame.preps, at,
                         (needed,) if needed is not None else ())
    if not targets and direct and not frame.topic_object:
        return []  # conjoined subjects with a non-actor object do nothing to each other
    return pair_up(subjects, targets, frame)
