"""Role phrases within one article: "the Croatian leader" for the person introduced as
"Croatian leader Milan Horvat" (or "the French ambassador, Pierre Vautrin") earlier in the
article; "the Chinese leader" and "China's leader" find a head of state or government
introduced by title. Moved out of :mod:`graph.mentions.people` (name forms) as its own stage."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from graph.core.model import Mention, MentionSpan
from graph.names.builtin import country_name
from graph.names.forms import is_title, leader_titles, name_key, role_heads, seats_of_power

__all__ = ["role_mentions"]


def _role_of(doc: Doc, start: int) -> tuple[str, ...]:
    """The role phrase directly before a name: "Croatian leader" in "Croatian leader
    Milan Horvat", or before a comma ("the French ambassador, Pierre Vautrin"); ``()`` if none."""
    i = start - 1
    if i > 1 and doc[i].text == "," and doc[i - 1].lower_ in role_heads():
        i -= 1
    if i < 0 or doc[i].lower_.rstrip(".") not in role_heads() or doc[i].is_sent_start:
        return ()
    words = [doc[i].lower_]
    j = i - 1
    while j >= 0 and len(words) < 6 and not doc[j + 1].is_sent_start:
        t = doc[j]
        if t.text.replace(".", "").isalpha() and (  # "U.S." too
                t.pos_ in ("ADJ", "NOUN", "PROPN") or t.ent_type_) and (
                t.lower_ != "the"):
            words.insert(0, t.lower_)
            j -= 1
        else:
            break
    return tuple(words)


def role_mentions(doc: Doc, spans: list[MentionSpan], sent_of: list[int]) -> list[MentionSpan]:
    """Mentions like "the North Korean leader" that refer back to a person introduced with
    that role earlier in the article."""
    roles: dict[tuple[str, ...], dict[str, int]] = {}
    salience: Counter[str] = Counter()
    for s in spans:
        if s.mention.type != "person":
            continue
        salience[s.mention.name] += 1
        if len(s.mention.name.split()) < 2:
            continue
        role = _role_of(doc, s.start)
        if len(role) >= 1:
            roles.setdefault(role, {}).setdefault(s.mention.name, s.start)
    if not roles:
        return []
    heads = Counter(role[-1] for role, names in roles.items() for _ in names)
    taken = {i for s in spans if s.mention.type == "person" for i in range(s.start, s.end)}
    out = _possessive_leaders(doc, spans, roles, salience, sent_of)
    longest = max(4, *(len(r) for r in roles))  # "the White House leader" is longer than its role
    for token in doc:
        if token.lower_ != "the":
            continue
        for length in range(min(longest, len(doc) - token.i - 1), 0, -1):
            words = tuple(t.lower_ for t in doc[token.i + 1:token.i + 1 + length])
            end = token.i + 1 + length
            people = {name: first for role, names in roles.items()
                      if (role[-length:] == words and (length >= 2 or len(role) == 1
                                                       or heads[words[-1]] == 1))
                      or _leads(role, words)
                      for name, first in names.items() if first < token.i}
            if not people or any(i in taken for i in range(token.i + 1, end)):
                continue
            if end < len(doc) and (doc[end].ent_type_ == "PERSON" or (
                    doc[end].pos_ == "PROPN" and doc[end].is_title
                    and doc[end].ent_type_ not in ("DATE", "TIME"))):
                # an apposition introducing the name itself ("the leader Han ..."), or the
                # start of a longer name ("the State Department")
                break
            if end < len(doc) and doc[end].text == "," and end + 1 < len(doc) and (
                    doc[end + 1].ent_type_ == "PERSON"):
                break  # "the ambassador, X": introduces X
            ranked = sorted(people, key=lambda n: -salience[n])
            if len(ranked) > 1 and salience[ranked[0]] == salience[ranked[1]]:
                break  # ambiguous: two people hold that role equally
            span = doc[token.i + 1:end]
            out.append(MentionSpan(span.start, span.end, Mention(
                sentence=sent_of[span.start], start=span.start_char, end=span.end_char,
                text=span.text, name=ranked[0], type="person", label="ROLE",
                type_evidence="title")))
            break
    return out


def _possessive_leaders(doc: Doc, spans: list[MentionSpan], roles: dict, salience: Counter,
                        sent_of: list[int]) -> list[MentionSpan]:
    """"Russia's leader" is "the Russian leader": the head of state or government of that
    country introduced by title, when only one such person is in the article."""
    out = []
    for s in spans:
        end = s.end
        if (end + 1 >= len(doc) or doc[end].text not in ("'s", "’s")
                or doc[end + 1].lower_ != "leader" or s.mention.type == "person"):
            continue
        words = (*(t.lower_ for t in doc[s.start:end]), "leader")
        people = {name for role, names in roles.items() if _leads(role, words)
                  for name, first in names.items() if first < s.start}
        if len(people) == 1:
            span = doc[s.start:end + 2]
            out.append(MentionSpan(span.start, span.end, Mention(
                sentence=sent_of[span.start], start=span.start_char, end=span.end_char,
                text=span.text, name=next(iter(people)), type="person", label="ROLE",
                type_evidence="title")))
    return out


def _leads(role: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True if "the <words>" ("the Chinese leader") names the holder of ``role`` ("chinese
    president", "british prime minister"): ``words`` ends in "leader", the role is a head of
    state or government title, and the words before both agree."""
    if len(words) < 2 or words[-1] != "leader":
        return False
    head = 2 if role[-2:] == ("prime", "minister") else 1
    if (head == 1 and role[-1] not in leader_titles()) or len(role) <= head:
        return False
    qualifier = role[:-head]
    if is_title(qualifier[-1]):
        return False  # "vice president", "deputy prime minister", "foreign minister"
    if qualifier[-(len(words) - 1):] == words[:-1]:
        return True
    # "the Kremlin leader" / "the U.S. leader" for "Russian President ..." / "American ...":
    # the same country, named by a seat of power, a demonym or the country itself.
    wanted = _country_of(" ".join(words[:-1]))
    return wanted is not None and wanted == _country_of(" ".join(qualifier))


def _country_of(text: str) -> str | None:
    return seats_of_power().get(name_key(text)) or country_name(text)
