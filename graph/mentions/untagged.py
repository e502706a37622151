"""Names the model left untagged: a known country, and a given name with a surname.

The small spaCy model misses short, common names at the start of a sentence ("Senegal
restored ties with Gambia", "Uruguay recognised Palestine", "Priya Raghunathan departed for
Canada"), so an event coder's one-line sentences lose their subject. A run of capitalised
proper nouns outside every entity span, and not inside a longer name ("BRP Sierra Madre", a
ship), is a mention when it is, as a whole:

* a country in the built-in table, also where the model called it a date or a number ("in
  Niger"); a word that is also a given name ("Jordan", "Chad") only after a preposition, or
* a name of two to four words right before "(born" ("Nguyen Van An (born 1970) is ..."), in
  any naming tradition: a biography's first line, or
* a person's name of two or three words that opens with a clear given name
  (:func:`graph.names.actor_types.given_name`, strict) and ends with a word that is no given
  name, no place or organisation word and no known place ("Virginia Beach", "Santa Clara",
  "Chelsea Football Club" are no people).

Words in an all-capital headline are left to :func:`graph.mentions.spans.shouted`.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span

from graph.core.model import Mention, MentionSpan
from graph.core.tables import load_table
from graph.names.actor_types import gazetteer_place, given_name
from graph.names.builtin import builtin_alias
from graph.names.forms import is_title, organisation_suffixes, place_words

__all__ = ["untagged_names"]


def untagged_names(doc: Doc, spans: list[MentionSpan], sent_of: list[int]) -> list[MentionSpan]:
    """Mentions of countries and people the model left outside every entity span."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and end not in covered and _name_word(doc[end]):
            end += 1
        if end == i:
            i += 1
            continue
        start = i
        born = _born(doc, end) and not tagged.intersection(range(i, end)) and end - i <= 4
        if born and i > 0 and i - 1 not in covered and _first_word(doc[i - 1]):
            start = i - 1  # "Brock | Ansel Tarrow (born ...)": a first word parsed as a noun
        run = doc[start:end]
        inside = any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (start - 1, end))
        # a country is never a date or a number ("in Niger" tagged DATE); a person name the
        # model tagged as anything is left to it
        kind = ("person", "PERSON") if born and not inside and len(run) >= 2 else (
            None if inside else _country(run) or (
                None if tagged.intersection(range(i, end)) else _person(run)))
        if kind:
            out.append(MentionSpan(start, end, Mention(
                sentence=sent_of[i], start=run.start_char, end=run.end_char, text=run.text,
                name=run.text, type=kind[0], label=kind[1],
                type_evidence="alias" if kind[0] == "country" else
                "title" if born else "given-name")))
        i = end
    return out


def _name_word(token) -> bool:  # noqa: ANN001 (a spaCy Token)
    return token.pos_ == "PROPN" and token.is_alpha and token.is_title


def _born(doc: Doc, end: int) -> bool:
    """True if "(born" or "(b." follows token ``end - 1``: a biography's first line."""
    return end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].lower_ in ("born", "b.")


def _first_word(token) -> bool:  # noqa: ANN001 (a spaCy Token)
    """A sentence's first word the tagger took for a noun in a compound with the name."""
    return (token.is_sent_start and token.is_alpha and token.is_title
            and token.pos_ in ("NOUN", "PROPN") and token.dep_ == "compound")


def _country(run: Span) -> tuple[str, str] | None:
    """A country named whole; one that is also a given name ("Jordan", "Chad") only after a
    preposition ("in Chad", "with Jordan")."""
    hit = builtin_alias(run.text, strict_case=True)
    if hit is None or hit[1] != "country" or any(
            ent.label_ in _ACTOR_LABELS for ent in run.ents):
        return None
    if given_name(run[0].text) and not (run.start > 0 and run.doc[run.start - 1].dep_ == "prep"):
        return None
    return "country", "GPE"


#: Entity labels of actors: a run inside one of them is the model's (other labels, such as
#: DATE for "Niger", are its slips).
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def _person(run: Span) -> tuple[str, str] | None:
    words = [t.text for t in run]
    if not 2 <= len(words) <= 3 or not given_name(words[0], strict=True):
        return None
    last = words[-1].lower()
    if (given_name(last) or any(is_title(w) for w in words) or gazetteer_place(run.text)
            or gazetteer_place(words[-1]) or builtin_alias(words[-1]) is not None
            or any(w.lower() in _not_surnames() for w in words[1:])):
        return None
    return "person", "PERSON"


@functools.cache
def _not_surnames() -> frozenset[str]:
    """Words that end place and organisation names, never a surname ("Beach", "Club")."""
    t = load_table("titles")
    return (place_words() | organisation_suffixes() | frozenset(t["organisation_heads"])
            | frozenset(t["feature_words"]) | frozenset(t["company_suffixes"]))
