"""Names broken at a connector, put back together before their spans are cleaned.

Names of institutions, units of government and places are often built with a connector:
"the City of Cleveland", "County of Maui", "the National Library of the Netherlands", "the
Joint Council for the Welfare of Seafarers", "the Union of Independent Farmers and Fishermen".
The model often tags only one side of such a name ("Maui", "Netherlands") or the two sides as
two names ("the Marta Okonkwo Foundation" | "the Visual Arts"), and the pieces then become
actors of the wrong kind (a place for a county's government) or no actor at all. The rules,
each for a pattern of text:

* "Head of (the) Name": a capitalised *head* (an institution, a unit of government, a building
  or a landform: "University", "County", "Bank", "Palace", "Plains") followed by "of" or "for"
  and a capitalised name is one name, when the model tagged at least one of the two sides.
  Capitalised words before the head belong to it ("Grand Lodge", "National Library"). A title
  is no head ("Governor of Lagos", "Minister of Finance" stay apart), a site's use is not its
  name ("the Amahoro Stadium for the Falcons game"), and the name after the connector ends at
  the first lower-case word, punctuation, a weekday or month, a title ("Bank of Korea Governor
  ..."), or a second name the model tagged; an institution of its own after the connector
  stays apart ("the Lakeside Center for | the Nairobi Technical University");
* "and" inside a name: after such a name ("Union of Independent Farmers", "Centre for Welsh"),
  "and" with one to three capitalised words is part of it when those words name nothing of
  their own: no head word, no country or known place, no name the model tagged as an
  organisation, a place or a person (a plural word for people, "Agnostics", is no person), and
  no capitalised word right after them. So "the University of Lagos and Ahmadu Bello
  University" and "the Bank of Korea and Samsung" stay two names. The joined name takes the
  label its head gives ("Centre" an organisation, whatever the model tagged).

A place inside such a name ("Estonia" in "the National Library of Estonia") is still a mention
of that place where the article names it on its own (:func:`graph.mentions.known.nested_mentions`).
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from graph.mentions.span_words import SITES, WEEKDAYS, feature_words
from graph.names.actor_types import organisation_heads
from graph.names.builtin import builtin_alias
from graph.names.forms import is_title, place_words

__all__ = ["connected"]

_CONNECTORS = frozenset(("of", "for"))
# Heads that make a unit of government: the joined name is a place that governs itself.
_UNITS = frozenset((
    "county", "city", "municipality", "province", "prefecture", "district", "region",
    "republic", "kingdom", "emirate", "principality", "state", "commonwealth", "borough",
    "canton", "governorate", "oblast"))
# Institutions beyond the organisation heads; and heads in that table that are no head of an
# "X of Y" name (newspaper titles, "United", "House of Wax").
_INSTITUTIONS = frozenset(("bank", "library", "museum", "gallery", "lodge", "chamber",
                           "archive", "archives", "conservatory", "hospital", "seminary"))
_NOT_HEADS = frozenset((
    "united", "nation", "times", "post", "mail", "daily", "express", "news", "international",
    "cross", "crescent", "guardian", "observer", "monitor", "watch", "press", "herald", "tribune",
    "gazette", "journal", "telegraph", "team", "fc", "cf", "reserve", "exchange", "house"))
# Buildings and grounds named "X of Y" ("Palace of the Winds", "Castle of Good Hope").
_LANDMARKS = frozenset(("castle", "temple", "fort", "abbey", "gate", "gardens"))
_MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"))
# Plural words for adherents and practitioners ("Agnostics", "Economists", "Historians"): the
# model tags them as people, but they name nobody.
_ADHERENTS = ("ists", "ics", "ians")
_KEPT = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


@functools.cache
def _heads() -> dict[str, str]:
    """Head word → the entity label of the joined name."""
    out = {w: "LOC" for w in (feature_words() | SITES | _LANDMARKS)}
    out.update({w: "ORG" for w in (organisation_heads() - _NOT_HEADS) | _INSTITUTIONS})
    out.update({w: "GPE" for w in _UNITS})
    return out


def connected(doc: Doc) -> list[Span]:
    """The model's entity spans, with names broken at a connector joined (in text order)."""
    ents = list(doc.ents)
    owner = {k: e for e in ents for k in range(e.start, e.end)}
    out: list[Span] = []
    for k, token in enumerate(doc):
        if token.lower_ not in _CONNECTORS or k == 0:
            continue
        joined = _joined(doc, k, owner)
        if joined is not None and not (out and out[-1].end > joined[0]):
            out.append(Span(doc, *joined))
    if not out:
        return [_with_and(doc, e, owner) for e in ents]
    rest = []
    for e in ents:
        over = next((s for s in out if s.start < e.end and e.start < s.end), None)
        if over is None:
            rest.append(e)
        elif e.end > over.end and doc[over.end].text == ",":
            # "Maui, Office of the Mayor": the entity's part after the joined name stays
            rest.append(Span(doc, over.end, e.end, label=e.label_))
    spans = sorted(out + rest, key=lambda s: s.start)
    return [_with_and(doc, s, owner) for s in spans]


def _joined(doc: Doc, k: int, owner: dict[int, Span]) -> tuple[int, int, str] | None:
    """``(start, end, label)`` of "Head <connector> (the) Name" around the connector at ``k``."""
    head = k - 1
    label = _heads().get(doc[head].lower_)
    if label is None or not _capital(doc[head]) or is_title(doc[head].text):
        return None
    left = owner.get(head)
    if left is not None and left.end > k:
        if not all(doc[i].lower_ in _CONNECTORS or doc[i].lower_ == "the"
                   for i in range(k, left.end)):
            return None  # the connector is inside a name the model tagged ("Bank of Korea")
        start = head  # "the City of": the model's span holds the connector; take its words
        while (start > left.start and _capital(doc[start - 1])
               and not is_title(doc[start - 1].text)):
            start -= 1
    elif left is not None:
        start = left.start  # "the Marta Okonkwo Foundation | for the Visual Arts"
    else:
        start = head  # "National Library | of the Netherlands": capitalised words, untagged
        while (start > 0 and not doc[start].is_sent_start and doc[start - 1].ent_iob_ == "O"
               and _capital(doc[start - 1]) and not is_title(doc[start - 1].text)):
            start -= 1
    b = k + 1
    if b < len(doc) and doc[b].lower_ == "the" and not _name_start(doc, b, owner):
        b += 1
    end = _name_after(doc, b, owner)
    if end is None or (left is None and not any(i in owner for i in range(b, end))):
        return None  # neither side tagged: no evidence of a name
    if label == "LOC" and doc[k].lower_ != "of":
        return None  # "the Browns Stadium | for the Hornets": a site's use, not its name
    if any(_heads().get(doc[i].lower_) == "ORG" for i in range(b, end)):
        return None  # "the Wolstein Center for | the Lakeside University": two institutions
    while start < head and doc[start].lower_ == "the":
        start += 1
    return start, end, label


def _name_start(doc: Doc, i: int, owner: dict[int, Span]) -> bool:
    """``doc[i]`` ("the") starts an entity the model tagged ("the Visual Arts")."""
    e = owner.get(i)
    return e is not None and e.start == i and e.label_ in _KEPT


def _name_after(doc: Doc, b: int, owner: dict[int, Span]) -> int | None:
    """End of the name that starts at ``doc[b]`` after a connector, or ``None``."""
    if b >= len(doc):
        return None
    e = owner.get(b)
    if e is not None:
        if e.start != b or e.label_ not in _KEPT:
            return None
        end = next((i for i in range(b, e.end) if doc[i].text == ","), e.end)
        return end if end > b else None
    end = b
    while (end < len(doc) and _name_word(doc[end]) and doc[end].ent_iob_ in ("O", "")
           and (end == b or not doc[end].is_sent_start)):
        end += 1
        # "Welfare of Immigrants": a connector between capitalised words stays inside
        if (end + 1 < len(doc) and doc[end].lower_ in _CONNECTORS and _name_word(doc[end + 1])
                and doc[end + 1].ent_iob_ in ("O", "")):
            end += 1
    return end if end > b else None


def _name_word(token: Token) -> bool:
    return (_capital(token) and not is_title(token.text) and token.lower_ not in WEEKDAYS
            and token.lower_ not in _MONTHS)


def _capital(token: Token) -> bool:
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def _with_and(doc: Doc, span: Span, owner: dict[int, Span]) -> Span:
    """``span`` with the "and B" that ends its name ("Union of Independent Farmers and
    Fishermen"), when it has one."""
    if span.label_ not in ("ORG", "GPE", "LOC", "FAC") or not any(
            t.lower_ in _CONNECTORS for t in span[1:]):
        return span
    at = span.end - 1 if span[-1].lower_ == "and" else span.end
    if at >= len(doc) or doc[at].lower_ != "and" or span[-1 if at == span.end else -2].lower_ in (
            _heads()):
        return span
    end = at + 1
    while end < len(doc) and end - at <= 3 and (_capital(doc[end]) or (
            doc[end].text == "-" and not doc[end - 1].whitespace_)):
        end += 1
    tail = doc[at + 1:end]
    if not tail or not _capital(tail[-1]) or (end < len(doc) and _capital(doc[end])):
        return span
    if any(t.lower_ in _heads() or t.lower_ in place_words() or is_title(t.text) for t in tail):
        return span
    if builtin_alias(tail.text) is not None:
        return span
    for t in tail:
        e = owner.get(t.i)
        if e is None or e.label_ == "NORP":
            continue
        plural_people = e.label_ == "PERSON" and len(e) == 1 and (
            t.tag_ == "NNPS" or t.lower_.endswith(_ADHERENTS))
        if not plural_people:
            return span
    return Span(doc, span.start, end, label=_label(span))


def _label(span: Span) -> str:
    """The label of a name with a connector, by its head ("Centre for Welsh and Breton
    Studies" is an organisation, whatever the model tagged)."""
    at = next((i for i in range(1, len(span)) if span[i].lower_ in _CONNECTORS), None)
    return span.label_ if at is None else _heads().get(span[at - 1].lower_, span.label_)
