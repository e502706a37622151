"""Relations between actors in one parsed article.

* Co-occurrence: every pair of distinct actors named in the same sentence (undirected).
* Typed relations: a verb or event noun from the lexicon (``data/relations.toml``) whose
  subject is one actor and whose object (or the object of a listed preposition) is another,
  read from the dependency parse ("Seoul accused Pyongyang", "Putin's meeting with Kim").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Doc, Token

from .actors import MentionSpan
from .model import COOCCURRENCE, Relation
from .names import load_table

__all__ = ["Frame", "cooccurrences", "lexicon", "typed_relations"]

_SUBJ = ("nsubj", "csubj", "expl")
_OBJ = ("dobj", "dative", "obj", "iobj", "oprd")
_MODIFIER = ("compound", "amod", "poss", "nmod", "appos")
_INHERIT = ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "ccomp")
_RELATIVE = {"who", "which", "that", "whom"}
_PERSONAL = {"he", "she"}
_REPORTING = {"say", "tell", "add", "announce", "insist", "state", "promise", "vow", "pledge"}


@dataclass(frozen=True)
class Frame:
    """How one trigger word links actors: its kind, polarity and argument prepositions."""

    kind: str
    polarity: str
    preps: tuple[str, ...]
    reverse: bool = False  # the prepositional object is the source ("buy from")
    mutual: bool = False  # conjoined subjects act on each other ("X and Y met")
    not_objects: frozenset[str] = frozenset()  # "meet a target": another sense, no relation


@functools.cache
def lexicon() -> tuple[dict[str, list[Frame]], dict[str, list[Frame]]]:
    """``(verbs, nouns)``: lemma → frames, from the relation table shipped as data."""
    verbs: dict[str, list[Frame]] = {}
    nouns: dict[str, list[Frame]] = {}
    for kind, spec in load_table("relations").items():
        if not isinstance(spec, dict):
            continue  # a setting such as blocked_by, not a relation kind
        polarity = spec.get("polarity", "neutral")
        frame = Frame(kind, polarity, tuple(spec.get("preps", [])),
                      mutual=spec.get("mutual", False),
                      not_objects=frozenset(spec.get("not_objects", [])))
        for lemma in spec.get("verbs", []):
            verbs.setdefault(lemma, []).append(frame)
        for lemma in spec.get("nouns", []):
            nouns.setdefault(lemma, []).append(frame)
        back = Frame(kind, polarity, tuple(spec.get("reverse_preps", [])), reverse=True)
        for lemma in spec.get("reverse", []):
            verbs.setdefault(lemma, []).append(back)
    return verbs, nouns


def cooccurrences(spans: list[MentionSpan]) -> list[Relation]:
    """One undirected relation per pair of distinct actors per sentence (never article-wide)."""
    by_sentence: dict[int, set[str]] = {}
    for s in spans:
        by_sentence.setdefault(s.mention.sentence, set()).add(s.mention.name)
    return [Relation(sentence=i, source=a, target=b, kind=COOCCURRENCE)
            for i, names in sorted(by_sentence.items())
            for a, b in combinations(sorted(names), 2)]


def typed_relations(doc: Doc, spans: list[MentionSpan]) -> list[Relation]:
    """Directed relations triggered by lexicon verbs and event nouns."""
    at = {i: s for s in spans for i in range(s.start, s.end)}
    verbs, nouns = lexicon()
    starts = {s.start: i for i, s in enumerate(doc.sents)}
    out: list[Relation] = []
    seen: set[tuple] = set()
    for token in doc:
        if any(c.dep_ == "neg" for c in token.children):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in verbs:
            frames, pairs_of = verbs[lemma], _verb_pairs
        elif token.pos_ in ("NOUN", "PROPN") and (lemma in nouns or token.lower_ in nouns):
            frames, pairs_of = nouns.get(lemma) or nouns[token.lower_], _noun_pairs
        else:
            continue
        if _blocked(token):
            continue
        for frame in frames:
            pairs = pairs_of(token, frame, at)
            for source, target in pairs:
                key = (token.i, frame.kind, source, target)
                if source != target and key not in seen:
                    seen.add(key)
                    out.append(Relation(
                        sentence=starts[token.sent.start], source=source, target=target,
                        kind=frame.kind, polarity=frame.polarity, directed=True,
                        trigger=token.text))
            if pairs:
                break  # the first frame whose arguments fit wins
    return out


@functools.cache
def _blockers() -> frozenset[str]:
    return frozenset(load_table("relations").get("blocked_by", []))


def _blocked(trigger: Token) -> bool:
    """True if the event is governed by a verb that undoes it ("rejected talks with X",
    "refused to meet X", "called off the visit")."""
    head = trigger.head
    if head.i == trigger.i or trigger.dep_ not in ("dobj", "xcomp", "nsubjpass", "pcomp", "ccomp"):
        return False
    lemma = head.lemma_.lower()
    particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
    return lemma in _blockers() or any(f"{lemma} {p}" in _blockers() for p in particles)


def _actors(token: Token | None, at: dict[int, MentionSpan], depth: int = 0) -> list[str]:
    """Actor names a token stands for: the mention it is part of, else mentions modifying it
    ("Russian officials" → Russia), plus conjuncts ("Seoul and Washington")."""
    if token is None or depth > 3:
        return []
    names: list[str] = []
    # "Brazil's foreign minister, Mauro Vieira, ...": the person named in apposition is the
    # actor, not the country modifying the role noun.
    appositive = [at[c.i].mention.name for c in token.children
                  if c.dep_ == "appos" and c.i in at and token.i not in at
                  and at[c.i].mention.type == "person"]
    if token.i in at:
        names.append(at[token.i].mention.name)
    elif appositive:
        names.extend(appositive)
    else:
        for child in token.children:
            if child.dep_ in _MODIFIER and child.i in at:
                names.append(at[child.i].mention.name)
                names.extend(n for c in child.conjuncts for n in _actors(c, at, depth + 1))
    for child in token.children:
        if child.dep_ == "conj":
            names.extend(_actors(child, at, depth + 1))
    return list(dict.fromkeys(names))


def _subjects(verb: Token, at: dict[int, MentionSpan], depth: int = 0) -> list[str]:
    """Who does ``verb``: its subject, or inherited from the clause it depends on."""
    if depth > 3:
        return []
    subjects = [c for c in verb.children if c.dep_ in _SUBJ]
    if subjects:
        if subjects[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
            return _actors(verb.head, at)
        if (subjects[0].lower_ in _PERSONAL and verb.dep_ == "ccomp"
                and verb.head.lemma_ in _REPORTING):
            # "Lula said he would visit Shanghai": he is the one who said it, if a person.
            speakers = _subjects(verb.head, at, depth + 1)
            return [n for n in speakers if _is_person(n, at)][:1]
        # Two subjects are a misparse of one long noun phrase ("The ... Organization (NATO)
        # Secretary General Mark Rutte welcomed"): the last one is the head.
        return _actors(subjects[-1], at) or _actors(subjects[0], at)
    for child in verb.children:
        if child.dep_ == "agent":  # passive: "was greeted by X"
            return [n for g in child.children if g.dep_ == "pobj" for n in _actors(g, at)]
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        # "accusing Pyongyang (since last year) of shipping weapons": the accused ships.
        governor = _verb_above(head)
        objects = [n for c in governor.children if c.dep_ in _OBJ for n in _actors(c, at)]
        return objects or _subjects(governor, at, depth + 1)
    if verb.dep_ in _INHERIT and head.i != verb.i:
        raised = [c for c in head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "xcomp" and raised:
            return _actors(raised[0], at)  # "X is expected to visit Y": X visits
        if head.pos_ in ("NOUN", "PROPN"):
            return _actors(head, at) or _subjects(head.head, at, depth + 1)
        return _subjects(head, at, depth + 1)
    if verb.dep_ in ("pobj", "dobj", "attr") and head.i != verb.i:
        return _subjects(head.head if head.dep_ == "prep" else head, at, depth + 1)
    return []


def _verb_above(token: Token) -> Token:
    """The nearest verb governing ``token`` (or the root if none). Walks ``token.ancestors``,
    which ends at the root by construction: spaCy hands out a new ``Token`` object on every
    access, so a loop testing ``head is not token`` never stops at the root."""
    last = token
    for last in token.ancestors:
        if last.pos_ in ("VERB", "AUX"):
            return last
    return last


def _is_person(name: str, at: dict[int, MentionSpan]) -> bool:
    return any(s.mention.name == name and s.mention.type == "person" for s in at.values())


def _prep_objects(token: Token, preps: tuple[str, ...], at: dict[int, MentionSpan]) -> list[str]:
    return [n for p in token.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj" for n in _actors(o, at)]


def _verb_pairs(verb: Token, frame: Frame, at: dict[int, MentionSpan]) -> list[tuple[str, str]]:
    passive = [n for c in verb.children if c.dep_ == "nsubjpass" for n in _actors(c, at)]
    if passive:
        agents = _prep_objects(verb, ("by",), at)
        return [(a, p) for a in agents for p in passive]
    subjects = _subjects(verb, at)
    if not subjects:
        return []
    if frame.reverse:
        sources = _prep_objects(verb, frame.preps, at)
        return [(s, t) for s in sources for t in subjects]
    direct = [c for c in verb.children if c.dep_ in _OBJ]
    if any(c.lemma_.lower() in frame.not_objects for c in direct):
        return []
    objects = [n for c in direct for n in _actors(c, at)]
    objects += _prep_objects(verb, frame.preps, at)
    return _pairs(subjects, objects, frame)


def _pairs(sources: list[str], targets: list[str], frame: Frame) -> list[tuple[str, str]]:
    if not targets and frame.mutual and len(sources) >= 2:
        return [(sources[0], t) for t in sources[1:]]
    return [(s, t) for s in sources for t in dict.fromkeys(targets)]


def _noun_pairs(noun: Token, frame: Frame, at: dict[int, MentionSpan]) -> list[tuple[str, str]]:
    if frame.reverse:
        return []
    between = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
               for o in p.children if o.dep_ == "pobj"]
    if between:
        names = [n for o in between for n in _actors(o, at)]
        return [(names[0], n) for n in names[1:]]
    sources = [n for c in noun.children if c.dep_ == "poss" for n in _actors(c, at)]
    sources = sources or _prep_objects(noun, ("by",), at)
    targets = _prep_objects(noun, frame.preps, at)
    compounds = [n for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                 for n in _actors(c, at)]
    if not sources and not targets and len(compounds) >= 2:
        return [(compounds[0], n) for n in compounds[1:]]  # "the Kim-Putin summit"
    if not sources and noun.dep_ in ("dobj", "attr", "pobj", "nsubj") and noun.head.i != noun.i:
        # "X made a visit to Y", "X arrived for a meeting with Y"
        governor = noun.head.head if noun.head.dep_ == "prep" else noun.head
        if governor.pos_ in ("VERB", "AUX"):
            sources = _subjects(governor, at)
    return _pairs(sources, targets, frame)
