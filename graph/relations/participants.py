"""Participants of an event from the dependency parse: the actors a token stands for, who does
a verb, and what a pronoun subject refers to.

Rules of English, not of particular articles:

* a named head is the participant, not its nationality modifier ("Egyptian intelligence chief
  Abbas Kamel" is Abbas Kamel); a role or group noun without a name stands for the actor that
  owns it ("the Chadian government" → Chad, "the accounts of Starlink" → Starlink, "dozens of
  Houthi targets" → Houthis, "cars made in China" → China);
* conjuncts each take part ("Seoul and Washington"; "France, Italy and Poland");
* the object of "urge/ask/press X to V" does V (object control); a verb under "an effort/plan/
  bid to V" has no subject at all (the plan is no act);
* a pronoun subject refers to the speaker of the clause it is reported in, else to the most
  recent compatible actor in its sentence or the one before ("he"/"she": a person; "they": an
  organisation or group).
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.mentions.find import MentionSpan
from graph.names.forms import role_heads, title_words
from graph.relations.lexicon import intent_nouns, lexicon
from graph.relations.voice import PREP_CONTROL, is_passive, quoted, to_infinitive

__all__ = ["OBJ", "REPORTING", "SUBJ", "actors_of", "antecedent", "companions", "participants",
           "prep_objects", "subjects_of", "verb_above"]

SUBJ = ("nsubj", "csubj", "expl")
OBJ = ("dobj", "dative", "obj", "iobj", "oprd")
_NAMED = ("compound", "poss", "nmod")
_MODIFIERS = ("amod", "compound", "nmod", "npadvmod")  # words that cannot be antecedents
_INHERIT = ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "ccomp", "acomp")
_RELATIVE = {"who", "which", "that", "whom"}
_PERSONAL = {"he", "she"}
_PLURAL = {"they"}
# Verbs whose subject is the one a pronoun in their complement clause refers to ("X said he
# would ..."). Not "report": news outlets report what others do.
REPORTING = {"say", "tell", "add", "announce", "insist", "state", "promise", "vow", "pledge",
              "claim", "argue", "warn", "write", "declare", "confirm", "believe", "think",
              "hope", "fear", "note"}
_BACKING = {"back", "support", "sponsor", "fund", "finance", "arm", "align", "ally", "inspire",
            "backed", "supported", "sponsored", "funded", "financed", "armed", "aligned"}
_ORIGIN_VERBS = {"make", "produce", "build", "manufacture", "assemble", "grow", "own", "base"}
_EVENT_ENDINGS = ("ing", "tion", "sion", "ment", "ure")

At = dict[int, MentionSpan]


def actors_of(token: Token | None, at: At, depth: int = 0) -> list[str]:
    """Actor names a token stands for (see the module docstring), conjuncts included."""
    if token is None or depth > 4:
        return []
    names: list[str] = []
    if token.i in at:
        names.append(at[token.i].mention.name)
    elif token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        return actors_of(token.head.head, at, depth + 1)
    elif token.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        names.extend(_owners(token, at, depth))
    for child in token.children:
        if child.dep_ == "conj":
            names.extend(actors_of(child, at, depth + 1))
    return list(dict.fromkeys(names))


def _owners(token: Token, at: At, depth: int) -> list[str]:
    """The actors a common noun stands for: a named person right after a role word or in
    apposition, named modifiers, an owner in "of"/"from" (not the patient of an event noun),
    members after "including", then nationality adjectives."""
    if _is_role(token):
        # "intelligence chief Abbas Kamel", "the army chief, General X": the named person
        doc = token.doc
        for j in (token.i + 1, token.i + 2):
            if j < len(doc) and (j == token.i + 1 or doc[token.i + 1].text == ","):
                k = j + (1 if doc[j].text != "," and _is_title_word(doc[j]) else 0)
                if k < len(doc) and k in at and at[k].start in (j, k) \
                        and at[k].mention.type == "person":
                    return [at[k].mention.name]
    appositive = [at[c.i].mention.name for c in token.children
                  if c.dep_ == "appos" and c.i in at and at[c.i].mention.type == "person"]
    if appositive:
        return appositive
    for c in token.children:  # "co-founder" split, "Co" with the appositive "founder (of X)"
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i not in at and depth < 4:
            found = _owners(c, at, depth + 1)
            if found:
                return found
    named = [n for c in token.children if c.dep_ in _NAMED and c.i in at
             and not (c.dep_ != "poss" and _has_named_poss(token, at))
             for n in [at[c.i].mention.name] + [x for cc in c.conjuncts for x in
                                                 actors_of(cc, at, depth + 1)]]
    if named:
        return named
    owned = []
    event = _is_event(token)
    holder = [at[a.i].mention.name for p in token.children if p.dep_ == "prep"
              and p.lower_ == "of" and not event for o in pobjs(p) for a in o.children
              if a.dep_ == "appos" and a.i in at and at[a.i].mention.type == "person"]
    if holder:  # "the head of NATO, Li Wei, said": the name set off after the body is the head's
        return holder
    if any(c.dep_ == "amod" and c.lower_ in _FORMER for c in token.children):
        return []  # "former members of X" are no longer X's
    owner_preps = ("including",) if event else ("of", "from", "including")
    if token.lemma_.lower() in _BORDERS:
        owner_preps = (*owner_preps, "with")  # "the border with Niger" is Niger's
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in owner_preps:
            owned += [n for o in pobjs(prep) for n in actors_of(o, at, depth + 1)]
    for acl in token.children:  # "cars made in China"
        if acl.dep_ == "acl" and acl.lemma_ in _ORIGIN_VERBS:
            owned += prep_objects(acl, ("in", "by"), at, depth + 1)
        elif acl.dep_ == "acl" and acl.tag_ == "VBN":  # "a resolution drafted by France"
            owned += prep_objects(acl, ("by",), at, depth + 1)
    if owned:
        return owned
    # nationality adjectives, and compounds such as "Saudi-led", "U.S.-owned" (but a group
    # "Russian-backed" or "Iran-funded" is not its backer)
    # "Russian and Ukrainian delegations": each conjoined adjective names one
    return [at[x.i].mention.name for c in token.children if c.dep_ in ("amod", "appos")
            and c.lemma_.lower() not in _BACKING
            for x in (c, *c.conjuncts,
                      *(g for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod")))
            if x.i in at]


#: Modifiers that end the tie to an owner: "former members of X" do not act as X.
_FORMER = frozenset({"former", "ex", "onetime", "erstwhile"})
#: Nouns for a line shared with a neighbour: "the border with X" stands for X.
_BORDERS = frozenset({"border", "frontier", "boundary"})


def _is_role(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in role_heads() or word in title_words()


def _is_title_word(token: Token) -> bool:
    return token.lower_.rstrip(".") in title_words()


def _is_event(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in _BODIES:
        return False
    return lemma in lexicon().nouns or token.lower_ in lexicon().nouns or lemma.endswith(
        _EVENT_ENDINGS)


#: Nouns for a body of people that end like event nouns: "a delegation from X" is X's.
_BODIES = frozenset({"delegation", "administration", "coalition", "federation", "nation",
                     "organisation", "organization", "association", "foundation", "commission",
                     "institution", "corporation", "congregation", "population", "mission",
                     "legation", "contingent", "government", "ministry", "management"})


def _has_named_poss(token: Token, at: At) -> bool:
    """A named possessor ("Sweden's NATO bid"): the owner, beside which a named compound is
    the topic, not a second owner."""
    return any(c.dep_ == "poss" and c.i in at for c in token.children)


def pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, and of the prepositions conjoined with it ("with X and with
    Y", "by X, and by Y")."""
    out = [o for o in prep.children if o.dep_ == "pobj"]
    for c in prep.children:
        if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == prep.lower_:
            out += pobjs(c)
    return out


def prep_objects(token: Token, preps: tuple[str, ...], at: At, depth: int = 0) -> list[str]:
    """Actors in prepositional phrases under ``token`` introduced by one of ``preps``; not the
    subject of an absolute phrase ("held talks in Athens, with Germany mediating")."""
    return [n for p in token.children if p.dep_ in ("prep", "agent", "dative")
            and p.lower_ in preps for o in pobjs(p) + _range_end(p) if not _absolute(o, at)
            for n in actors_of(o, at, depth)]


def _range_end(prep: Token) -> list[Token]:
    """The far end of "ranging from X to Y": Y is named as much as X."""
    doc = prep.doc
    if prep.lower_ != "from" or prep.i == 0 or doc[prep.i - 1].lower_ not in (
            "ranging", "range", "ranged", "varying"):
        return []
    return [o for p in (*prep.children, *prep.head.children) if p.dep_ == "prep"
            and p.lower_ == "to" and p.i > prep.i for o in pobjs(p)]


def _absolute(token: Token, at: At) -> bool:
    """An absolute phrase the parser reads as a noun ("with Qatar mediating": "mediating" a
    noun with the compound "Qatar"): a lower-case -ing word without determiner whose named
    modifier is an actor. Its actor is an onlooker or a go-between, not a partner."""
    return (token.is_lower and token.lower_.endswith("ing")
            and not any(c.dep_ == "det" for c in token.children)
            and any(c.dep_ == "compound" and c.i in at for c in token.children))


def participants(noun: Token, at: At, depth: int = 0) -> list[str]:
    """Participants of an event noun that is itself an argument: its agent ("an attack by X"),
    else its partners ("ties with X", "talks between X and Y"), looking through "of" into a
    nested event ("the resumption of ties with X")."""
    if depth > 2:
        return []
    # "calls from Cambodia", "an offer from X": a request's "from" names who made it
    agents = ("by", "from") if noun.lemma_.lower() in intent_nouns() else ("by",)
    for preps in (agents, ("with", "between")):
        found = prep_objects(noun, preps, at)
        if found:
            return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found = [n for o in pobjs(prep) for n in participants(o, at, depth + 1)]
            if found:
                return found
    return []


def verb_above(token: Token) -> Token:
    """The nearest verb governing ``token`` (or the root if none). Walks ``token.ancestors``,
    which ends at the root by construction: spaCy hands out a new ``Token`` object on every
    access, so a loop testing ``head is not token`` never stops at the root."""
    last = token
    for last in token.ancestors:
        if last.pos_ in ("VERB", "AUX"):
            return last
    return last


def subjects_of(verb: Token, at: At, spans: list[MentionSpan], depth: int = 0) -> list[str]:
    """Who does ``verb``: its subject, or inherited from the clause it depends on."""
    if depth > 4:
        return []
    subjects = [c for c in verb.children if c.dep_ in SUBJ]
    if subjects:
        first = subjects[0]
        if first.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return actors_of(verb.head, at)
        if first.lower_ in _PERSONAL | _PLURAL:
            return antecedent(first, at, spans)
        if first.lower_ == "it":  # "Israel said it had killed X": a reporting country only
            return _reporting_speaker(first, at, spans)
        # Two subjects are a misparse of one long noun phrase ("The ... Organization (NATO)
        # Secretary General Mark Rutte welcomed"): the last one is the head.
        names = actors_of(subjects[-1], at) or actors_of(first, at)
        return list(dict.fromkeys(names + companions(subjects[-1], at))) if names else names
    for child in verb.children:
        if child.dep_ == "agent":  # passive: "was greeted by X"
            # "signed by X, ..., and by Y": the second "by" may hang on the verb
            agents = [child, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "ADP"
                               and c.lower_ == "by")]
            return list(dict.fromkeys(n for a in agents for g in pobjs(a)
                                      for n in actors_of(g, at)))
        if child.dep_ == "prep" and child.lower_ == "according":
            # "According to Xinhua, China and Russia signed ...", parsed as one list: the
            # names after the source are the subjects, never the source
            names = [n for to in child.children if to.lower_ == "to" for o in pobjs(to)
                     for c in o.children if c.dep_ == "conj" for n in actors_of(c, at)]
            if names:
                return names
    head = verb.head
    if is_passive(verb):
        # "the places that would be given X", "was kept and then transferred to Y": the one
        # the act is done to is no doer of it, and the clause above names no other; but a
        # clause under it is done by that one ("X, who was accused of pressuring Y")
        return _patients(verb, at, spans) if depth else []
    if head.i == verb.i or (verb.dep_ == "conj" and verb.lower_.endswith("ed")
                            and is_passive(head)):
        return []  # "was held and then transferred to X", tagged a past tense: still passive
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for", "from"):
        # "accusing Pyongyang (since last year) of shipping weapons": the accused ships;
        # "thanked Horvat for sending troops": the one thanked sent them.
        governor = verb_above(head)
        objects = [n for c in governor.children if c.dep_ in OBJ for n in actors_of(c, at)]
        return objects or subjects_of(governor, at, spans, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        # "met X before travelling to Y": the one who met travels
        return subjects_of(verb_above(head), at, spans, depth + 1)
    if (verb.dep_ == "conj" and verb.tag_ == "VBD" and head.dep_ == "ccomp"
            and head.tag_ in ("VB", "VBN", "VBG") and head.head.tag_ == "VBD"):
        # "X said the vote would calm markets and defended Y": a past tense cannot be
        # conjoined with "calm"; it is conjoined with "said", so X defended Y
        return subjects_of(head.head, at, spans, depth + 1)
    if verb.dep_ in _INHERIT:
        raised = [c for c in head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "xcomp" and raised:  # "X is expected to visit Y": X visits
            if raised[0].lower_ in _PERSONAL | _PLURAL:
                return antecedent(raised[0], at, spans)
            return actors_of(raised[0], at)
        controller = [c for c in head.children if c.dep_ in ("dobj", "dative")
                      and verb.dep_ == "xcomp"] or [
            o for p in head.children if p.dep_ == "prep" and f"{head.lemma_.lower()} "
            f"{p.lower_}" in PREP_CONTROL for o in pobjs(p)]
        if controller and (verb.dep_ == "xcomp" or to_infinitive(verb)):
            return actors_of(controller[0], at)  # "urged X to visit Y": X would visit
        if head.pos_ in ("NOUN", "PROPN"):
            if verb.dep_ == "acl" and head.lemma_.lower() in intent_nouns():
                return []  # "blocked efforts to sanction X": the plan is no act
            return actors_of(head, at) or subjects_of(head.head, at, spans, depth + 1)
        return subjects_of(head, at, spans, depth + 1)
    if verb.dep_ in ("pobj", "dobj", "attr"):
        return subjects_of(head.head if head.dep_ == "prep" else head, at, spans, depth + 1)
    return []


def _patients(verb: Token, at: At, spans: list[MentionSpan]) -> list[str]:
    """The passive subject of ``verb`` as actors ("who" its antecedent, "he" resolved)."""
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lower_ in _PERSONAL | _PLURAL:
                return antecedent(c, at, spans)
            return actors_of(c, at)
    return []


def companions(token: Token, at: At) -> list[str]:
    """Actors acting together with ``token``: "X, along with Y, ...", "X, together with Y",
    "X, alongside Y" (a plain "with" is left alone: "X, with Y's backing")."""
    out: list[str] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        word = prep.lower_
        if word == "along":
            out += [n for p in prep.children if p.dep_ == "prep" and p.lower_ == "with"
                    for o in pobjs(p) for n in actors_of(o, at)]
        elif word == "alongside" or (word == "with" and any(
                c.dep_ == "advmod" and c.lower_ in ("together", "along") for c in prep.children)):
            out += [n for o in pobjs(prep) for n in actors_of(o, at)]
    return out


def _reporting_speaker(pronoun: Token, at: At, spans: list[MentionSpan]) -> list[str]:
    """The country, organisation or group that says "it" did something ("Israel said it had
    ..."); ``[]`` outside reported speech."""
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING:
        return []
    types = {s.mention.name: s.mention.type for s in spans}
    speaker = [c for c in clause.head.children if c.dep_ in SUBJ]
    names = actors_of(speaker[0], at) if speaker else []
    return [n for n in names[:1] if types.get(n) in ("country", "organisation", "group")]


def antecedent(pronoun: Token, at: At, spans: list[MentionSpan]) -> list[str]:
    """The actor a subject pronoun refers to, or ``[]`` when it cannot be told."""
    want_person = pronoun.lower_ in _PERSONAL
    kinds: dict[str, set[str]] = {}
    for s in spans:
        kinds.setdefault(s.mention.name, set()).add(s.mention.type)
    clause = pronoun.head
    if clause.dep_ == "ccomp" and clause.head.lemma_ == "report":
        return []  # "Kyodo and Yonhap reported that they might meet": not the outlets
    if quoted(pronoun):
        return []  # "X wrote, "... unless he returned"": a third person in a quotation is
        # not the one quoted (who would say "I"), and who it is cannot be told from here
    if clause.dep_ == "ccomp" and clause.head.lemma_ in REPORTING:
        # "X said he would ...", "X, who told Y he would ...": the speaker, if compatible; a
        # speaker that is no actor ("residents said they ...") leaves it unresolved.
        speaker = [c for c in clause.head.children if c.dep_ in SUBJ]
        if speaker and speaker[0].lower_ not in _PERSONAL | _PLURAL:
            names = actors_of(speaker[0], at)
            fit = [n for n in names if _compatible(kinds.get(n, set()), want_person)]
            return fit[:1] if want_person else fit
    sent = pronoun.sent
    doc = pronoun.doc
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    for lo, hi in ((sent.start, pronoun.i), (previous.start, previous.end) if previous else
                   (0, 0)):
        found = [s for s in spans if lo <= s.start < hi
                 and _compatible(kinds[s.mention.name], want_person)
                 and doc[s.end - 1].dep_ not in _MODIFIERS]
        if found and lo != sent.start:
            # the previous sentence's subject first ("X contacted Y's friends. He travelled
            # to ...": X), else its most recent actor
            subject = [f for f in found if doc[f.end - 1].dep_ in ("nsubj", "nsubjpass")
                       and doc[f.end - 1].head.dep_ == "ROOT"]
            return [(subject or found)[-1].mention.name]
        if found:
            return [found[-1].mention.name]  # the most recent
    return []


def _compatible(kinds: set[str], person: bool) -> bool:
    """Whether an actor with these mention types can be "he"/"she" (``person``) or "they"."""
    if person:
        return "person" in kinds
    return bool(kinds & {"organisation", "group"}) and "person" not in kinds
