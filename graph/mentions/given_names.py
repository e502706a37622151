"""Person names the model cut short at the front: given names it left out ("Darren Elliot |
Whitcombe (born 1979) is an actor", where only the family name was tagged) and a given name it
tagged as a name of its own before the family name ("Valeska | Lyon, an Australian woman",
two place tags).

A family name the model tagged as an organisation on its own ("Kwabena Yaw | Asante (born
...)", "Mikaël | Lestrade reviewed the paper", "Mme. de | Vaux") is a person's name with the
words before it when they are capitalised proper nouns the model left untagged, from the first
given name among them, one of them clearly a given name (accents aside: "Mikaël" is "Mikael"),
or a lower-case surname particle alone (:func:`_family_name_tagged_as_organisation`).

A word joins the name only with the given-name table's word for it (``graph/data/
given_names.tsv``, a clear man's or woman's name, :func:`graph.names.actor_types.given_name`
with ``strict``), written as a proper noun with a capital, right before the name and in the same
sentence; a known place, country or organisation ("Georgia", "Victoria Station") never joins.
The given names before a name are few, so this looks at a handful of tokens per person
mention, never at the whole document.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.core.model import MentionSpan
from graph.names.actor_types import given_name, name_evidence, organisation_heads
from graph.names.forms import (
    institution_words,
    is_title,
    name_particles,
    organisation_suffixes,
    place_words,
)

__all__ = ["with_given_names"]

#: At most this many given names are added in front of a name ("Darren Elliot").
_MAX_GIVEN = 3


def with_given_names(doc: Doc, spans: list[MentionSpan]) -> list[MentionSpan]:
    """``spans`` (in text order, not overlapping) with person names completed by the given
    names in front of them."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out: list[MentionSpan] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and _given_before(doc, s, nxt):
            out.append(_widened(doc, nxt, s.start))
            i += 2
            continue
        if s.mention.type == "person" or s.mention.label == "PERSON":
            start = s.start
            while (s.start - start < _MAX_GIVEN and start > 0 and start - 1 not in taken
                   and _given(doc[start - 1]) and not doc[start].is_sent_start):
                start -= 1
            if start < s.start:
                s = _widened(doc, s, start)
        if s.mention.label == "ORG":
            front = _family_name_tagged_as_organisation(doc, s, taken)
            if front is not None:
                s = _widened(doc, s, front)
        out.append(s)
        i += 1
    return out


def _given(token: Token) -> bool:
    """True for a capitalised proper noun that is clearly a given name and nothing else the
    tables know (not "Georgia", a country; not "Austin", a city)."""
    # the model tags a sentence's first word as a common noun ("Tomasz | Wojciech Nowak (born
    # ...)"): a noun in a compound with the name after it counts too
    return ((token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.dep_ == "compound"
                                       and token.head.i > token.i))
            and token.is_alpha and token.is_title
            and given_name(token.text, strict=True) and name_evidence(token.text) is None)


def _family_name_tagged_as_organisation(doc: Doc, s: MentionSpan,
                                        taken: set[int]) -> int | None:
    """The start of the person's name ending in ``s``, a one-word organisation the model
    tagged, when the words before it make it a family name; else ``None``.

    The words are capitalised proper nouns outside every entity ("Kwabena Yaw | Asante"; a
    hyphenated given name counts as one: "Marie-Claude"), up to a title or a known place; the
    name starts at the first given name among them ("Mademoiselle | Lucienne Poterat du Vaux"),
    and one of them must be clearly a given name. A lower-case surname particle right before
    the name belongs to it ("Poterat du | Vaux"), and alone makes a name of its own ("Mme. de |
    Vaux"). "Banque du | Lorrain", "Morgan | Vantis" and "Karim Industries" stay
    organisations: no given name, no clear given name, or an organisation word."""
    m = s.mention
    token = doc[s.start]
    if (s.end - s.start != 1 or m.label != "ORG" or m.type_evidence not in ("model", "title")
            or not token.is_title or not token.is_alpha or name_evidence(m.text) is not None
            or token.lower_ in _organisation_words()):
        return None
    k = s.start
    before = doc[k - 1] if k > 0 else None
    particle = (before is not None and before.is_lower and before.lower_ in name_particles()
                and k - 1 not in taken and before.ent_iob_ == "O" and bool(before.whitespace_))
    if particle:
        k -= 1
    words: list[Token] = []
    while len(words) < _MAX_GIVEN and k > 0:
        if _untagged_name_word(doc, k - 1, taken):
            k -= 1
        elif (k > 1 and doc[k - 1].text in "-‐" and not doc[k - 1].whitespace_
              and not doc[k - 2].whitespace_ and _untagged_name_word(doc, k - 2, taken)):
            k -= 2  # "Anne-Sophie": one given name
        else:
            break
        words.append(doc[k])
    if not words:
        before = doc[k - 1] if k > 0 else None
        return k if particle and not (before is not None and before.is_alpha
                                      and before.is_title) else None
    # the name starts at its outermost given name ("Mademoiselle | Lucienne Poterat du Vaux")
    while words and not _given_name(words[-1].text):
        words.pop()
    if not any(_given_name(w.text, strict=True) for w in words):
        return None
    return words[-1].i


def _untagged_name_word(doc: Doc, i: int, taken: set[int]) -> bool:
    token = doc[i]
    return (i not in taken and token.ent_iob_ == "O" and token.is_alpha and token.is_title
            and token.pos_ == "PROPN" and not is_title(token.text)
            and name_evidence(token.text) is None)


def _given_name(word: str, strict: bool = False) -> bool:
    """:func:`given_name`, also for a name written with accents the table lacks ("Mikaël")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word)
                    if not unicodedata.combining(c))
    return given_name(word, strict=strict) or (plain != word and given_name(plain, strict=strict))


@functools.cache
def _organisation_words() -> frozenset[str]:
    return organisation_heads() | organisation_suffixes() | institution_words() | place_words()


def _given_before(doc: Doc, first: MentionSpan, second: MentionSpan) -> bool:
    """True if ``first`` is a lone given name tagged as a name of its own right before
    ``second``, a capitalised name in the same sentence ("Valeska | Lyon")."""
    return (first.end - first.start == 1 and second.start == first.end
            and _given(doc[first.start])
            and doc[first.start].whitespace_ != "" and not doc[second.start].is_sent_start
            and all(t.is_title and t.pos_ == "PROPN" for t in doc[second.start:second.end])
            and second.mention.type_evidence not in ("alias", "suffix"))


def _widened(doc: Doc, s: MentionSpan, start: int) -> MentionSpan:
    """``s`` as a person mention from token ``start``, named by its words."""
    span = doc[start:s.end]
    name = f"{doc[start:s.start].text} {s.mention.name}"
    return MentionSpan(start, s.end, replace(s.mention, start=span.start_char,
                                             end=span.end_char, text=span.text, name=name,
                                             type="person", label="PERSON"))
