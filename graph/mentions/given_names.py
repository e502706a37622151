"""Person names the model cut short at the front: given names it left out ("Darren Elliot |
Whitcombe (born 1979) is an actor", where only the family name was tagged) and a given name it
tagged as a name of its own before the family name ("Valeska | Lyon, an Australian woman",
two place tags).

A word joins the name only with the given-name table's word for it (``graph/data/
given_names.tsv``, a clear man's or woman's name, :func:`graph.names.actor_types.given_name`
with ``strict``), written as a proper noun with a capital, right before the name and in the same
sentence; a known place, country or organisation ("Georgia", "Victoria Station") never joins.
The given names before a name are few, so this looks at a handful of tokens per person
mention, never at the whole document.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.core.model import MentionSpan
from graph.names.actor_types import given_name, name_evidence

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
