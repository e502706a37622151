"""From the model's entity spans to clean mention spans: names without their trappings.

Rules of form, each for a pattern of news text:

* edges: determiners, possessives, stray punctuation, titles ("President"), occupational
  descriptors ("Coach", "Comedian", nameparser's titles that are not also given names) and
  nationality words ("American X") are cut from a person's name;
* tails the model cut off are taken back: a hyphenated part ("Fernandez-|Prieto",
  "Cleveland-|Cliffs"), a surname particle and the word after it ("Khalid bin Saeed |
  Al Nasser"), the proper nouns before a person name ("Jo Myong [Sik]");
* list fragments are split ("Horvat, Lindqvist" → two mentions; "OSCE/Office for ..."), and
  so are spans crossing a line break;
* a monarch's regnal "I" ("Tsar Dobrynya I,") and a particle name's last word ("Joaquim Pereira
  de Santa | Rita") are taken back; a site named after a person keeps the person's title
  ("Sheikh Abdulrahman Mosque", a place);
* rules that need evidence from the words around a span or from the article are in
  :mod:`graph.mentions.span_context` (citations, common words, a name run on after an institution, a
  given name's lower-case second syllable);
* dates and lone generic words ("North", "Army", "Coach") are no actors (these word classes
  are in :mod:`graph.mentions.span_words`);
* adjacent pieces of one name are joined ("Ahmat | Saleh Ousman"; "Ramon "Boyet" Santos
  Jr.", whose quoted nickname then names the same person);
* all-capital headline and dateline words are recognised (:func:`shouted`), so the caller can
  keep them only where the same name occurs in normal case.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from graph.core.model import Mention
from graph.mentions.span_context import (
    citation,
    common_word,
    credit_marker,
    generation_suffix,
    political_label,
    regnal_one,
    run_on,
    syllable,
    titled_work,
)
from graph.mentions.span_words import (
    POSSESSIVE,
    POSTNOMINALS,
    WEEKDAYS,
    demonym,
    descriptor,
    designated,
    feature_words,
    generic,
    institution_of_country,
    lower_word,
    musical_work,
    site_word,
    timestamp,
)
from graph.names.actor_types import name_evidence, organisation_heads
from graph.names.builtin import builtin_alias
from graph.names.forms import (
    generation,
    is_title,
    name_key,
    name_particles,
    not_actors,
    patronymic_particles,
    person_appositions,
    place_words,
)

# Portuguese suffixes after a family name ("Teixeira Filho", "Moreira Neto", "Lima Junior").
_PORTUGUESE_SUFFIXES = frozenset(("filho", "neto", "sobrinho", "bisneto", "junior"))

__all__ = ["ENTITY_TYPES", "clean", "join_adjacent", "shouted"]

#: spaCy entity labels kept as actors, and the actor type each starts as. Whether a place is a
#: country, and which country a nationality adjective points to, is decided corpus-wide.
ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
                "NORP": "group", "FAC": "place"}
_EDGE_PUNCT = set("/-–—,;:.([{)]}\"'“”‘’")
_QUOTES = set("\"“”'‘’")
# Model numbers, disease and product designators ("COVID-19", "S-400", "F-16") are not actors.
_DESIGNATOR = re.compile(r"^[A-Za-z]{1,6}-?\d+[A-Za-z]?$")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def clean(ent: Span, sent_of: list[int]) -> list[tuple[int, int, Mention]]:
    """Mentions in one entity span: ``(start token, end token, mention)``, usually one, several
    for a list fragment, none for junk."""
    doc = ent.doc
    start, end = _extend(ent)
    if ent.label_ == "FAC" and doc[end - 1].lower_ not in feature_words():
        return []  # buildings, vehicles and roads are not actors; shoals and ports are places
    authors = citation(doc, start, end)
    if authors is not None:  # "(Okafor & Lindqvist, 2011)": the cited authors, people
        parts, first = authors, "PERSON"
    else:
        parts = [p for line in _lines(doc, start, end) for p in _split_list(doc, *line)]
        first = ent.label_
    out = []
    for part in parts:
        for s, e, label in run_on(doc, *part, first):
            found = _trim(doc, s, e, label, sent_of)
            if found and not (label in ("PERSON", "ORG") and common_word(doc, *found[:2])):
                out.append(found)
    return out


def _extend(ent: Span) -> tuple[int, int]:
    doc, start, end = ent.doc, ent.start, ent.end
    person = ent.label_ == "PERSON"
    # "Shanghai Cooperation Organisation (SCO": cut an unclosed bracket off the span so the
    # acronym definition that follows is seen as one.
    opened = next((k for k in range(start, end) if doc[k].text in "(["), None)
    if opened is not None and not any(doc[k].text in ")]" for k in range(opened, end)):
        end = opened
    # "Marshal Jo Myong [Sik]": the model sometimes tags only the end of a name; take back
    # the capitalised proper nouns left outside any entity, up to a three-word name. A site
    # named after a person keeps its title ("Sheikh | Abdulrahman Mosque"): the place's name.
    site = ent.label_ in ("PERSON", "ORG", "FAC") and site_word(doc[end - 1].lower_)
    while ((person or site) and end - start < (4 if site else 3) and start > 0
           and doc[start - 1].ent_iob_ == "O"
           and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
           and doc[start - 1].is_alpha and (site or not doc[start - 1].is_sent_start)
           and (site or (not is_title(doc[start - 1].text)
                         and not descriptor(doc[start - 1].text)))):
        start -= 1
    # "Ursula von der | Brelow", "Hamad bin Abdulkarim | Al Nuaimi": a name never ends in a
    # particle, and a particle right after a name belongs to it with the word after it.
    while person and end < len(doc):
        if doc[end - 1].lower_ in name_particles() and _name_token(doc, end):
            end += 1
        elif (end + 1 < len(doc) and doc[end].lower_ in name_particles()
              and doc[end].whitespace_ and _name_token(doc, end + 1)):
            end += 2
        else:
            break
    # "Pellane | Jr. thanked", "Pellane |, Jr.": a generational suffix the model left outside
    # belongs to the name; cut off, it would leave father and son one short name.
    if person and end < len(doc):
        k = end + 1 if doc[end].text == "," and end + 1 < len(doc) else end
        if generation_suffix(doc[k]):
            end = k + 1
    # "Tsar Dobrynya | I,", "VASILKO | I, Emperor of ...": a monarch's regnal number "I"
    if ent.label_ in ("PERSON", "ORG") and end < len(doc) and regnal_one(doc, start, end):
        end += 1
    # "Joaquim Pereira de Santa | Rita,": a name with a particle ends at its last capitalised word
    if (person and end < len(doc) and any(t.lower_ in name_particles() for t in doc[start + 1:end])
            and doc[end].ent_iob_ == "O" and _name_token(doc, end) and doc[end].pos_ == "PROPN"
            and (end + 1 == len(doc) or not doc[end + 1].is_title)):
        end += 1
    # "CNN | Brasil.": an outlet's edition the model left out, right before punctuation
    if (ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].ent_iob_ == "O"
            and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end + 1].is_punct
            and doc[end - 1].whitespace_):
        end += 1
    # "Jose Manuel Fernandez-|Prieto", "Cleveland-|Cliffs": a hyphenated tail without spaces
    while True:
        if (end < len(doc) and doc[end - 1].text in "-–" and doc[end - 1].whitespace_ == ""
                and _tail(doc, end)):
            end += 1
        elif (end + 1 < len(doc) and doc[end].text in "-–" and doc[end - 1].whitespace_ == ""
              and doc[end].whitespace_ == "" and (_tail(doc, end + 1) or (
                  person and syllable(doc, end + 1)))):
            end += 2  # also "Wai Hok-|lun", "Baek Seo-|yun": a given name's second syllable
        else:
            return start, end


def _tail(doc: Doc, i: int) -> bool:
    return doc[i].is_alpha and doc[i].is_title and len(doc[i]) > 2


def _name_token(doc: Doc, i: int) -> bool:
    return doc[i].is_title and doc[i].is_alpha and not doc[i].is_sent_start


def _lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The span's pieces between line breaks, without whitespace tokens: a name never crosses
    a paragraph or a heading ("Career | Anna Varenne" at a section start), and a label never
    ends in the blank line after a heading ("Boston Red Sox\n\n")."""
    out, s = [], start
    for k in range(start, end + 1):
        if k == end or doc[k].is_space:
            if s < k:
                out.append((s, k))
            s = k + 1
    return out


def _split_list(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """"Horvat, Lindqvist" → two parts; "King, Jr." stays whole; names set apart by a spaced
    slash are two ("Newsmax / Zogby", "Art Center / Pace Galleries"; "AC/DC" stays whole)."""
    cuts = [k for k in range(start + 1, end - 1) if (
        doc[k].text == "," and doc[k + 1].text.lower() not in _SUFFIXES and doc[k + 1].is_title
        and doc[k - 1].is_alpha) or (doc[k].text == "/" and (
            (doc[k - 1].whitespace_ and doc[k].whitespace_) or _two_names(doc, start, k, end)))]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    return [(bounds[i] + (1 if i else 0), bounds[i + 1]) for i in range(len(bounds) - 1)]


def _two_names(doc: Doc, start: int, k: int, end: int) -> bool:
    """"OSCE/Office for Democratic Institutions": a slash without spaces between two names of
    three letters or more, one of several words, sets them apart ("AC/DC", "Aquarius/SAC-D"
    stay whole)."""
    left, right = doc[start:k].text, doc[k + 1:end].text
    return (sum(c.isalpha() for c in left) >= 3 and sum(c.isalpha() for c in right) >= 3
            and (" " in left or " " in right) and left[:1].isupper() and right[:1].isupper())


def _trim(doc: Doc, start: int, end: int, label: str,
          sent_of: list[int]) -> tuple[int, int, Mention] | None:
    """Strip determiners, titles, descriptors, possessives and punctuation from the edges."""
    if label in ("PERSON", "ORG") and end - start >= 3:
        cut = political_label(doc, start, end)
        if cut:  # a label before a name says a person ("Pan-democrat X Y" is no organisation)
            start, label = start + cut, "PERSON"
    person = label == "PERSON"
    site = site_word(doc[end - 1].lower_)  # "Sheikh Abdulrahman Mosque" keeps its title
    while start < end and (doc[start].lower_ == "the" or doc[start].text in ("a", "an")
                           or doc[start].text in _EDGE_PUNCT
                           or (doc[start].text in POSSESSIVE and end - start > 1)  # "'s Man"
                           or (person and not site and end - start > 1 and (
                               is_title(doc[start].text) or descriptor(doc[start].text)
                               or demonym(doc[start].text) or lower_word(doc[start])))):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].text in _EDGE_PUNCT
                           or (is_title(doc[end - 1].text) and end - start > 1)
                           # "Aleksander Wójcik of", "Teodor the": no name ends in a small word
                           or (person and end - start > 1 and lower_word(doc[end - 1]))
                           # "Example News Saturday": a weekday is no part of a name
                           or (end - start > 1 and doc[end - 1].lower_ in WEEKDAYS)
                           or (person and end - start > 1
                               and doc[end - 1].lower_.replace(".", "") in POSTNOMINALS
                               and not doc[end - 1].is_lower)
                           # "Yonhap news agency": lower-case common nouns are no part of a name
                           or (label == "ORG" and doc[end - 1].is_lower and end - start > 1)
                           or (end - start > 1 and credit_marker(doc, end - 1))):
        end -= 1
    if start >= end or designated(doc, end) or (label in ("ORG", "PERSON")
                                                 and _in_title(doc, start, end)):
        return None
    span = doc[start:end]
    text = span.text
    if generic(span) and start > 0 and doc[start - 1].lower_ == "the" and _alias(
            f"the {text}"):
        # "the North" is an alias ("North Korea" in the built-in table), "North" alone is not
        start -= 1
        span = doc[start:end]
        text = span.text
    elif (not any(c.isupper() for c in text) or not any(c.isalpha() for c in text)
            or all(is_title(t.text) for t in span) or _DESIGNATOR.match(text)
            or name_key(text) in not_actors() or timestamp(span) or generic(span)
            or musical_work(span) or titled_work(doc, start, end)):  # "the Seventh Symphony"
        return None
    kind = "place" if label == "FAC" else _start_type(label)
    if (person and span[-1].lower_ in place_words()) or site_word(span[-1].lower_):
        kind = "place"  # "Marko Horvat Square": named after a person, but a place
    if label == "ORG" and (
            any(c.dep_ == "appos" and c.lower_ in person_appositions()
                for c in span.root.children)
            or (start > 0 and doc[start - 1].is_lower
                and doc[start - 1].text in person_appositions())):
        # "Jo Song Il, director of ..." / "Commission chairman Ousmane Bako Issa": the
        # model's ORG is a person
        kind = "person"
    name = institution_of_country(span) if label == "ORG" and kind != "person" else None
    if person and span[-1].text != "," and end - start >= 3 and span[-2].text == "," \
            and generation_suffix(span[-1]):
        name = f"{doc[start:end - 2].text} {span[-1].text}"  # "Jones, Jr." is "Jones Jr."
    return start, end, Mention(sentence=sent_of[start], start=span.start_char,
                               end=span.end_char, text=text, name=name or text, type=kind,
                               label=label, type_evidence="title" if kind == "person"
                               and label == "ORG" else "model")


def _in_title(doc: Doc, start: int, end: int) -> bool:
    """"Japan's Chief Cabinet Secretary X", "National Security Adviser X": capitalised words
    of a title before a person's name, not an actor (but "State Department Spokesman X" keeps
    its department)."""

    def title(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_title and is_title(doc[i].text)

    if title(start - 1) and title(end):
        return True  # inside a title: "Chief | Cabinet | Secretary"
    return (title(end) and end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON"
            and doc[end - 1].lower_ not in organisation_heads())


def _alias(name: str) -> bool:
    return builtin_alias(name) is not None


def _start_type(label: str) -> str:
    return ENTITY_TYPES[label]


def join_adjacent(doc: Doc, found: list[tuple[int, int, Mention]]
                  ) -> tuple[list[tuple[int, int, Mention]], dict[str, str]]:
    """Join pieces of one person name the model split, and return the quoted nicknames found
    (``nickname -> full name``): "Ramon "Boyet" Santos Jr." is one person named
    "Ramon Santos Jr.", and "Ahmat | Saleh Ousman" one person."""

    out: list[tuple[int, int, Mention]] = []
    nicknames: dict[str, str] = {}
    i = 0
    while i < len(found):
        s, e, m = found[i]
        # "Ramon "Boyet" Santos Jr.": a quoted nickname (tagged or not) between the parts
        skip = next((k for k in range(i + 1, min(i + 3, len(found)))
                     if found[k][2].type == "person"), None)
        first_name = m.type == "person" or (e - s == 1 and doc[s].is_title
                                            and not _alias(m.text))
        if first_name and skip is not None:
            ns, ne, nm = found[skip]
            gap = doc[e:ns]
            if (len(gap) >= 3 and gap[0].text in _QUOTES and gap[-1].text in _QUOTES
                    and all(t.is_title or t.text in _QUOTES for t in gap)
                    and all(found[k][0] >= e and found[k][1] <= ns for k in range(i + 1, skip))):
                name = f"{m.text} {nm.text}"
                nicknames[" ".join(t.text for t in gap[1:-1])] = name
                out.append((s, ne, _joined(doc, s, ne, m, name)))
                i = skip + 1
                continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt is not None and m.label == "ORG" and nxt[2].label in ("GPE", "LOC", "NORP")
                and nxt[0] == e and nxt[1] - nxt[0] == 1 and doc[nxt[0]].is_title
                and doc[e - 1].whitespace_ and not (
                    nxt[1] < len(doc) and doc[nxt[1]].is_lower and doc[nxt[1]].pos_ == "NOUN")):
            # "CNN Brasil", "BBC Arabic": an outlet's edition (not "Reuters Tokyo bureau")
            ne = nxt[1]
            span = doc[s:ne]
            out.append((s, ne, Mention(sentence=m.sentence, start=span.start_char,
                                       end=span.end_char, text=span.text, name=span.text,
                                       type="organisation", label="ORG")))
            i += 2
            continue
        if nxt is not None and nxt[2].type == "person":
            ns, ne, nm = nxt
            gap = doc[e:ns]
            if m.type == "person" and _halves(doc, s, e, ns, ne):
                out.append((s, ne, _joined(doc, s, ne, nm, doc[s:ne].text)))
                i += 2
                continue
            if (not gap and e - s == 1 and doc[s].pos_ == "PROPN" and doc[s].is_title
                    and m.type != "person" and not name_evidence(m.text, m.label)
                    and not doc[ns].is_sent_start):
                out.append((s, ne, _joined(doc, s, ne, nm, doc[s:ne].text)))
                i += 2
                continue
        out.append((s, e, m))
        i += 1
    return out, nicknames


def _halves(doc: Doc, s: int, e: int, ns: int, ne: int) -> bool:
    """Two person spans that are halves of one name: "Mariam | bint | Yousef Al Nuaimi",
    "Ahmed | ould | Sidi Mahmoud" (a father's-name particle alone between them), and
    "Pedro Lucas | Teixeira Filho" (nothing between them, and the second a family name ending in a
    Portuguese suffix, which never follows a given name alone). "A and B", "A. B", and two
    names listed without a comma ("Anna Petrova Lindiwe Dube") stay two."""
    if any(doc[k].is_sent_start for k in range(s + 1, ne)):
        return False
    gap = doc[e:ns]
    if len(gap) == 1:
        word = gap[0].text
        return (word.lower() in patronymic_particles() and (word.islower() or word.istitle())
                and doc[e - 1].whitespace_ != "" and gap[0].whitespace_ != "")
    if gap or not doc[e - 1].whitespace_ or ne - ns < 2:
        return False
    last = name_key(doc[ne - 1].text)
    return (last in _PORTUGUESE_SUFFIXES and generation(name_key(doc[s:ne].text))[1] == last
            and not generation(name_key(doc[s:e].text))[1])


def _joined(doc: Doc, s: int, e: int, like: Mention, name: str) -> Mention:
    span = doc[s:e]
    return Mention(sentence=like.sentence, start=span.start_char, end=span.end_char,
                   text=span.text, name=name, type="person", label="PERSON")


def shouted(doc: Doc, start: int, end: int, full: str | None = None) -> bool:
    """True if ``doc[start:end]`` is written in capitals in a headline line ("KENYA'S RUTO
    DROPS TAX BILL") or as a dateline word at the start of a paragraph ("JEDDAH, Saudi
    Arabia —"), rather than as an acronym in running text. ``full`` is ``doc.text`` (which
    spaCy rebuilds on every access), if the caller has it."""
    text = doc[start:end].text
    if not any(c.isalpha() for c in text) or text != text.upper():
        return False
    full = doc.text if full is None else full
    line_start = full.rfind("\n", 0, doc[start].idx) + 1
    line_end = full.find("\n", doc[end - 1].idx)
    line = full[line_start:line_end if line_end >= 0 else len(full)]
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return True
    lead = full[line_start:doc[start].idx].strip()
    after = doc[end].text if end < len(doc) else ""
    return not lead and after in (",", "—", "–", "-", "(")
