"""Actor mentions from a parsed ``Doc`` and their resolution within one article.

The steps, each in its own module:

1. :mod:`graph.mentions.connectors` joins names the model broke at a connector ("County of |
   Maui"), and :mod:`graph.mentions.spans` turns the entities into clean mention spans (edges,
   titles and descriptors, cut-off tails, list fragments, dates and generic words, split names);
2. all-capital headline and dateline words are set aside, and kept only where the same name
   occurs in normal case;
3. acronyms defined in the text ("Korean Central News Agency (KCNA)"), or spelling the initials
   of the one longer name in it that fits ("NSW" beside "New South Wales"), resolve uses, and
   a place, country or organisation the model tagged once is found where it missed it; a
   person's name gets the given names the model left out in front of it
   (:mod:`graph.mentions.given_names`);
4. :mod:`graph.names.actor_types` decides each name's type by the strongest evidence in the article;
5. :mod:`graph.mentions.people` names short forms, nicknames and role phrases by the full name they
   stand for; an organisation named without its company suffix ("Cleveland-Cliffs") joins the
   full name used in the article ("Cleveland-Cliffs Inc.");
6. a name the article uses that the model tagged as a work of art, a product, a law or an
   event is a mention of that actor (:func:`graph.mentions.known.relabelled`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc

from graph.core.model import Mention, MentionSpan
from graph.core.tables import load_table
from graph.mentions.connectors import connected
from graph.mentions.given_names import with_given_names
from graph.mentions.known import relabelled
from graph.mentions.org_context import person_or_organisation
from graph.mentions.people import nicknames_in, resolve_people
from graph.mentions.roles import role_mentions
from graph.mentions.span_context import generation_suffix
from graph.mentions.spans import ENTITY_TYPES, clean, join_adjacent, shouted
from graph.mentions.untagged import untagged_names
from graph.names.actor_types import (
    TypeVote,
    context_evidence,
    name_evidence,
    organisation_heads,
    type_votes,
)
from graph.names.builtin import builtin_alias, country_name
from graph.names.forms import initials_match, name_key, organisation_suffixes

__all__ = ["ENTITY_TYPES", "MentionSpan", "find_mentions"]


def find_mentions(doc: Doc) -> tuple[list[MentionSpan], list[tuple[str, str]]]:
    """All actor mentions in ``doc``, named as resolved within the article, in text order,
    plus the acronym definitions found (``(acronym, full name)``)."""
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    sent_of = _sentence_lookup(doc, sent_index)
    found = [m for ent in connected(doc) if ent.label_ in ENTITY_TYPES
             for m in clean(ent, sent_of)]
    found, quoted = join_adjacent(doc, found)
    spans = _without_overlaps([MentionSpan(s, e, m) for s, e, m in found])
    text = doc.text
    loud = [s for s in spans if shouted(doc, s.start, s.end, text)]
    spans = [s for s in spans if s not in loud]
    acronyms = _acronyms(doc, spans)
    spans = _resolve_acronyms(spans, acronyms)
    spans = sorted(spans + _missed_repeats(doc, spans, sent_of, acronyms)
                   + _armed_acronyms(doc, spans, sent_of), key=lambda s: s.start)
    spans = sorted(spans + untagged_names(doc, spans, sent_of), key=lambda s: s.start)
    spans = _typed(doc, with_given_names(doc, spans))
    spans = resolve_people(doc, spans, sent_of, {**quoted, **nicknames_in(doc, spans)})
    spans = [s for s in _organisation_short_forms(spans) if not _common_word(doc, s)]
    spans += _in_normal_case(loud, spans)
    spans += relabelled(doc, spans, sent_of)
    roles = role_mentions(doc, spans, sent_of)
    if roles:
        inside = {i for r in roles for i in range(r.start, r.end)}
        spans = [s for s in spans if not inside.intersection(range(s.start, s.end))] + roles
    spans.sort(key=lambda s: s.start)
    return spans, sorted(acronyms.items())


def _without_overlaps(spans: list[MentionSpan]) -> list[MentionSpan]:
    """Drop spans overlapping an earlier one (a name extended over the next entity)."""
    out: list[MentionSpan] = []
    for s in sorted(spans, key=lambda s: s.start):
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def _typed(doc: Doc, spans: list[MentionSpan]) -> list[MentionSpan]:
    """Each name's type by the strongest evidence among its mentions in the article (a name
    seen once with a person title is a person; a known place stays a place)."""
    votes: dict[str, list[TypeVote]] = defaultdict(list)
    for s in spans:
        m = s.mention
        # the specific patterns of :mod:`graph.mentions.org_context` first: the first of
        # equally strong votes wins
        found = [person_or_organisation(doc, s.start, s.end), TypeVote(m.type, m.type_evidence),
                 context_evidence(doc, s.start, s.end), name_evidence(m.name, m.label)]
        votes[m.name].append(max((v for v in found if v), key=lambda v: v.strength))
    decided = {name: vote for name, vs in votes.items()  # never None: vs has a vote
               if (vote := type_votes((v.type, v.evidence, 1) for v in vs)) is not None}
    # "Houthi rebels" / "the Houthis": a plural of a group named in the article is that group
    plural = {name[:-1]: name for name in decided if name.endswith("s") and len(name) > 3
              and " " not in name}
    renamed = {single: many for single, many in plural.items()
               if single in decided and decided[single].type == "group"}
    for single, many in renamed.items():
        decided[many] = decided[single]
    out = []
    for s in spans:
        m = s.mention
        name = renamed.get(m.name, m.name)
        out.append(replace(s, mention=replace(m, name=name, type=decided[name].type,
                                              type_evidence=decided[name].evidence)))
    return out


def _common_word(doc: Doc, s: MentionSpan) -> bool:
    """"Us" (a magazine), "It", "May": a capitalised common word that no full name in the
    article claims is no actor, so case folding can never make it "US" or a month."""
    token = doc[s.start]
    return (s.end - s.start == 1 and token.is_stop and token.text.istitle()
            and s.mention.name == token.text)


def _organisation_short_forms(spans: list[MentionSpan]) -> list[MentionSpan]:
    """"Cleveland-Cliffs" is "Cleveland-Cliffs Inc." when the article uses both: an
    organisation name that another one in the article extends by company suffixes only."""
    suffixes = organisation_suffixes()
    orgs = {s.mention.name: s.mention.text for s in spans if s.mention.type == "organisation"}
    longer: dict[str, str] = {}
    for full in orgs:
        words = _country_spelt_out(full).split()
        for cut in range(len(words) - 1, 0, -1):
            if words[cut] not in suffixes:
                break
            longer.setdefault(" ".join(words[:cut]), full)
    # "the Commission" for "the European Commission": a head word of one organisation's name,
    # at its end or before "of" ("the Senate" for "the Senate of Kelvan", "the General
    # Assembly" for "the General Assembly of the United Nations"); "the House" beside "House
    # of Representatives" and "White House" is neither
    heads: dict[str, set[str]] = defaultdict(set)
    for full, text in orgs.items():
        words = name_key(text).split()
        if len(words) >= 2 and words[-1] in organisation_heads():
            heads[words[-1]].add(full)
        head = _head_before_of(text)
        if head:
            heads[head].add(full)
    # "the Foreign Ministry" after "Japan's Foreign Ministry" ("Foreign Ministry (Japan)"):
    # the one country's institution the article names
    for full in orgs:
        bare, _, country = full.partition(" (")
        if country.endswith(")") and country_name(country[:-1]):
            heads[name_key(bare)].add(full)
    for head, fulls in heads.items():
        if len(fulls) == 1:
            longer.setdefault(head, next(iter(fulls)))
    out = []
    for s in spans:
        long_name = longer.get(_country_spelt_out(s.mention.name))
        if long_name and long_name != s.mention.name and (
                s.mention.type == "organisation" or s.mention.type_evidence == "model"):
            s = replace(s, mention=replace(s.mention, name=long_name, type="organisation"))
        out.append(s)
    return out


def _head_before_of(text: str) -> str:
    """The name key of the words before "of" or "for" in an organisation's name when they end
    in an organisation head ("General Assembly" in "General Assembly of the United Nations",
    "Mensah Foundation" in "Mensah Foundation for the Performing Arts"), else ""."""
    words = text.split()
    low = [w.lower() for w in words]
    at = next((i for i in range(1, len(low) - 1) if low[i] in ("of", "for")), None)
    if at is None:
        return ""
    head = name_key(" ".join(words[:at]))
    return head if head and head.split()[-1] in organisation_heads() else ""


def _country_spelt_out(name: str) -> str:
    """Name key with a leading country short form spelt out ("U.S. Steel" → "united states
    steel"), so it meets the full name ("United States Steel Corp.")."""

    words = name.split()
    country = country_name(words[0]) if len(words) > 1 else None
    return name_key(f"{country} {' '.join(words[1:])}" if country else name)


def _in_normal_case(loud: list[MentionSpan], spans: list[MentionSpan]) -> list[MentionSpan]:
    """Headline and dateline words in capitals ("RUTO", "JEDDAH") as mentions of the names the
    article uses in normal case; dropped when it never does ("OBAMA AIRDROPS")."""
    normal: dict[str, Mention] = {}
    for s in spans:
        for key in (name_key(s.mention.text), name_key(s.mention.name)):
            normal.setdefault(key, s.mention)
    out = []
    for s in loud:
        hit = normal.get(name_key(s.mention.text))
        if hit:
            out.append(replace(s, mention=replace(s.mention, name=hit.name, type=hit.type,
                                                  type_evidence=hit.type_evidence)))
    return out


def _missed_repeats(doc: Doc, spans: list[MentionSpan], sent_of: list[int],
                    acronyms: dict[str, str]) -> list[MentionSpan]:
    """Mentions the model missed of a place, country or organisation it tagged elsewhere in
    the article ("Kyiv" tagged in one sentence but not in the next), or of an acronym defined
    in it ("the ELN delegation"). Exact, capitalised, proper nouns only; people are handled by
    :mod:`graph.mentions.people`."""
    known: dict[tuple[str, ...], Mention] = {}
    for s in spans:
        words = tuple(t.text for t in doc[s.start:s.end])
        if ((s.mention.type != "person" or len(words) == 1)
                and all(w[:1].isupper() for w in words if w.isalpha())):
            known.setdefault(words, s.mention)
    by_name = {s.mention.name: s.mention for s in spans}
    for short, full in acronyms.items():
        if full in by_name and " " not in short:
            known.setdefault((short,), replace(by_name[full], text=short, label="ALIAS"))
    if not known:
        return []
    covered = {i for s in spans for i in range(s.start, s.end)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    text = doc.text
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(known, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    out = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN":
            continue
        for words in by_first.get(token.text, ()):
            end = token.i + len(words)
            if (tuple(t.text for t in doc[token.i:end]) == words
                    and not covered.intersection(range(token.i, end))
                    and not shouted(doc, token.i, end, text)):
                m, span = known[words], doc[token.i:end]
                name = m.name
                if (m.type == "person" and end < len(doc) and end not in covered
                        and generation_suffix(doc[end])):
                    end += 1  # "Pellane | Jr. said": the son, not a short name of either
                    span = doc[token.i:end]
                    name = span.text
                out.append(MentionSpan(token.i, end, replace(
                    m, name=name, sentence=sent_of[token.i], start=span.start_char,
                    end=span.end_char, text=span.text)))
                covered.update(range(token.i, end))
                break
    return out


def _armed_acronyms(doc: Doc, spans: list[MentionSpan], sent_of: list[int]) -> list[MentionSpan]:
    """Untagged acronyms naming an armed group or force by the noun they modify ("the ELN
    rebels", "RSF positions", "PKK militants"): organisations the model missed."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    nouns = frozenset(load_table("titles")["armed_group_nouns"])
    text = doc.text
    out = []
    for token in doc:
        if (token.i in covered or not _ACRONYM.fullmatch(token.text) or token.dep_ != "compound"
                or token.head.lower_ not in nouns or token.head.i != token.i + 1
                or shouted(doc, token.i, token.i + 1, text)):
            continue
        out.append(MentionSpan(token.i, token.i + 1, Mention(
            sentence=sent_of[token.i], start=token.idx, end=token.idx + len(token.text),
            text=token.text, name=token.text, type="organisation", label="ORG",
            type_evidence="acronym")))
    return out


#: An acronym as news writes it: two to six capital letters ("ELN", "RSF", "PKK").
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _sentence_lookup(doc: Doc, sent_index: dict[int, int]) -> list[int]:
    """Sentence number of every token (a list, built sentence by sentence)."""
    out = [0] * len(doc)
    starts = sorted(sent_index) + [len(doc)]
    for a, b in zip(starts, starts[1:], strict=False):
        out[a:b] = [sent_index[a]] * (b - a)
    return out


def _acronyms(doc: Doc, spans: list[MentionSpan]) -> dict[str, str]:
    """Find "Full Name (ACR)" and "ACR (Full Name)" definitions next to mentions."""
    found: dict[str, str] = {}
    for span in spans:
        end = span.end
        if end + 2 >= len(doc) or doc[end].text not in "([":
            continue
        close = next((i for i in range(end + 1, min(end + 10, len(doc)))
                      if doc[i].text in ")]"), None)
        if close is None:
            continue
        inner = doc[end + 1:close].text.strip()
        name = span.mention.name
        if initials_match(inner, name):
            found[inner] = name
        elif initials_match(name, inner):
            found[name] = inner
    return {**_spelled_acronyms(spans, found), **found}


def _spelled_acronyms(spans: list[MentionSpan], defined: dict[str, str]) -> dict[str, str]:
    """Acronyms the article uses without defining them, for the one organisation or place
    name of two or more words in the article whose initials they spell ("NSW" beside "New
    South Wales", "KSC" beside "Kennedy Space Center"); never an acronym the built-in table
    knows ("US") or two names would fit, nor a name with the acronym in it ("NASA
    Administrator")."""
    full = {s.mention.name for s in spans if s.mention.type in ("organisation", "place",
                                                               "country")
            and len(s.mention.name.split()) >= 2}
    out: dict[str, str] = {}
    for s in spans:
        short = s.mention.name
        if (short in defined or short in out or not _ACRONYM.fullmatch(short)
                or builtin_alias(short) is not None):
            continue
        fits = [f for f in full if initials_match(short, f)
                and name_key(short) not in name_key(f).split()]  # not "NASA Administrator"
        if len(fits) == 1:
            out[short] = fits[0]
    return out


def _resolve_acronyms(spans: list[MentionSpan], acronyms: dict[str, str]) -> list[MentionSpan]:
    if not acronyms:
        return spans
    keyed = {name_key(k): v for k, v in acronyms.items()}
    full_types = {name_key(s.mention.name): s.mention.type for s in spans}
    out = []
    for s in spans:
        full = keyed.get(name_key(s.mention.name))
        if full:
            kind = full_types.get(name_key(full), s.mention.type)
            s = replace(s, mention=replace(s.mention, name=full, type=kind))
        out.append(s)
    return out
