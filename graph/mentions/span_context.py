"""Span repairs that need evidence from the words around an entity span or from the article.

Each rule is for a pattern of text, and each looks at the tokens (the tagger's part of speech,
the words before and after, the article's other uses of a word) rather than at the name alone:

* :func:`citation`: "(Okafor & Lindqvist, 2011)", "Tanaka et al. 2014" cite a publication:
  its authors are people, not one organisation;
* :func:`common_word`: "Demographic", "Tropical", a heading "Career": a common word the model
  tagged as a name;
* :func:`run_on`: "Minister of Education | Stefania Marchetti", "the Council on Arab-African
  Relations | Amina Diallo said": a person's name run on after an institution in one span;
* :func:`syllable`: "Wai Hok-|lun", "Baek Seo-|yun": the lower-case second syllable of a
  hyphenated given name;
* :func:`credit_marker`: "student Ada Okafor Image: Kelvan Times": a caption's credit word the
  model ran a name on into;
* :func:`titled_work`: "the romantic comedy Harbour Lights (2004)", "films such as Blue
  Orchard (2005), Winter Ferry (2009)": the title of a film, book or album, not an actor.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from graph.core.tables import load_table
from graph.names.actor_types import given_name, organisation_heads
from graph.names.builtin import country_name
from graph.names.forms import (
    institution_words,
    is_generation,
    name_key,
    name_particles,
    place_words,
)

__all__ = ["citation", "common_word", "credit_marker", "generation_suffix", "political_label",
           "regnal_one", "run_on", "syllable", "titled_work"]

# Lower-case words written after a name with a hyphen that are no part of it ("Okafor-led",
# "a Lindqvist-era reform").
_HYPHEN_WORDS = frozenset((
    "led", "era", "run", "ish", "old", "like", "type", "born", "made", "free", "wide", "year",
    "day", "week", "only", "held", "size", "less", "ward", "long", "time", "war", "rich", "poor",
    "back", "fed", "hit", "bred", "area", "zone", "law", "bid", "deal", "plan", "aid", "camp",
    "side", "fan", "fans", "team"))


def citation(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """"(Okafor & Lindqvist, 2011)", "Kassab & Varenne (2009)", "Tanaka et al. 2014": an
    author-year reference to a publication, which the model takes for one organisation or
    person. Returns the authors' surnames as token spans (people), or ``None`` if the span is
    no citation (the firm "Okafor & Lindqvist" is named without a year right after it)."""
    words = [t.lower_ for t in doc[start:min(end + 2, len(doc))]]
    if "et" in words and words[words.index("et") + 1:][:1] == ["al"]:
        at = start + words.index("et")
        return [(start, at)] if at > start else []
    if not any(t.text == "&" for t in doc[start:end]):
        return None
    near = list(doc[start:end]) + [t for t in doc[end:end + 3] if not t.is_punct][:1]
    if not any(t.is_digit and len(t) == 4 and 1500 <= int(t.text) <= 2100 for t in near):
        return None
    out, s = [], start
    for k in range(start, end + 1):
        if k == end or doc[k].text in ("&", ",") or doc[k].is_digit:
            if s < k:
                out.append((s, k))
            s = k + 1
    return out


def common_word(doc: Doc, start: int, end: int) -> bool:
    """"Demographic", "Tropical", a heading "Career", a spoken "Hmm.": one capitalised word
    standing alone on its line (a heading or an interjection), or one that the tagger does not
    read as a proper noun and the article uses as an ordinary word (in lower case), is no
    name."""
    token = doc[start]
    if end - start != 1 or not token.is_title or not token.is_alpha:
        return False
    if (start == 0 or doc[start - 1].is_space) and (
            end == len(doc) or doc[end].is_space
            or (doc[end].is_punct and (end + 1 == len(doc) or doc[end + 1].is_space))):
        return True
    return token.pos_ != "PROPN" and re.search(
        rf"\b{re.escape(token.lower_)}\b", doc.text) is not None


def run_on(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The span as ``(start, end, label)`` parts: two when a person's name (a given name and
    one or two more capitalised words, at the end) runs on after an institution ("Education",
    "Council on … Relations") or a country, which then keeps its own label (a portfolio alone,
    as in "Minister of Education X", is dropped)."""
    if label not in ("PERSON", "ORG") or end - start < 3:
        return [(start, end, label)]

    words = institution_words() | organisation_heads()
    if doc[end - 1].lower_ in words:
        return [(start, end, label)]  # "the Maria Ruiz Foundation"
    for k in range(max(start + 1, end - 3), end - 1):
        rest = doc[k:end]
        prefix = doc[start:k]
        if not (all(t.is_alpha and t.is_title for t in rest)
                and given_name(doc[k].text, strict=True)):
            continue
        last = prefix[-1]
        if given_name(last.text) or last.lower_ in name_particles() or last.is_lower:
            continue  # "Calvary Church of | Santa Ana": a name after a connector is its object
        if country_name(prefix.text):
            return [(start, k, "GPE"), (k, end, "PERSON")]
        if any(t.lower_ in words for t in prefix):
            if label == "PERSON" and all(t.lower_ in words for t in prefix if t.is_alpha):
                return [(k, end, "PERSON")]  # "Minister of Education | Stefania Marchetti"
            return [(start, k, "ORG"), (k, end, "PERSON")]
    return [(start, end, label)]


def syllable(doc: Doc, i: int) -> bool:
    """``doc[i]`` is the lower-case second syllable of a hyphenated given name written right
    after a capitalised one ("Hok-lun", "Seo-yun", "Siu-ming"), not a word such as "led"
    or "era" ("Okafor-led")."""
    token = doc[i]
    return (token.is_lower and token.is_alpha and len(token) <= 4
            and token.lower_ not in _HYPHEN_WORDS and i >= 2 and doc[i - 2].is_title)


def generation_suffix(token: Token) -> bool:
    """A generational suffix or regnal number that ends a name: "Jr.", "Sr", "III"
    (capitalised, not "I", not the first word of a sentence, and not inside a longer name:
    "Abbott Jr. | Airport")."""
    key = name_key(token.text)
    doc = token.doc
    inside = token.i + 1 < len(doc) and doc[token.i + 1].is_title \
        and doc[token.i + 1].pos_ == "PROPN"
    return (token.text[:1].isupper() and key != "i" and not token.is_sent_start
            and is_generation(key) and not inside)


# Titles of monarchs, whose first of a name is numbered "I" ("Tsar Dobrynya I").
_MONARCHS = frozenset(("emperor", "empress", "king", "queen", "tsar", "czar", "tsarina",
                       "kaiser", "pope", "sultan", "shah", "emir", "pharaoh", "khan", "caliph"))


def regnal_one(doc: Doc, start: int, end: int) -> bool:
    """``doc[end]`` is the regnal number "I" of the name ``doc[start:end]``, not the pronoun:
    punctuation follows it, and a monarch's title stands before the name or after it ("Tsar
    Dobrynya I, who", "Tomas I, King of the Isles"; not "when Dobrynya I said")."""
    if end + 1 >= len(doc) or doc[end].text != "I" or not doc[end + 1].is_punct:
        return False
    before = {doc[k].lower_ for k in range(max(0, start - 1), min(start + 1, end))}
    after = doc[end + 2].lower_ if doc[end + 1].text == "," and end + 2 < len(doc) else ""
    return bool(before & _MONARCHS) or after in _MONARCHS


@functools.cache
def _political_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(political labels, their hyphenated prefixes, words of institutions and places)."""
    table = load_table("titles")
    return (frozenset(table["political_labels"]), frozenset(table["political_prefixes"]),
            institution_words() | organisation_heads() | place_words())


def political_label(doc: Doc, start: int, end: int) -> int:
    """How many tokens at ``start`` are a political label before a name of two or more
    title-case words ("Nonpartisan | Parel Tse", "Pan - democrat | Wai Hok-lun"), else 0."""
    labels, prefixes, words = _political_words()
    size = 0
    if doc[start].lower_ in labels and doc[start].is_title:
        size = 1
    elif (start + 2 < end and doc[start + 1].text == "-" and not doc[start].whitespace_
          and (doc[start + 2].lower_ in labels or doc[start].lower_ in prefixes)):
        size = 3
    if not size:
        return 0
    rest = [t for t in doc[start + size:end] if t.is_alpha]
    named = [t for t in rest if t.is_title]
    # a name: two title-case words or more, no connector ("Party of Canada") and no word of
    # an institution ("Independent | Electoral Commission", "Democratic | Progressive Party")
    if (len(named) < 2 or not rest[0].is_title or any(t.is_lower and len(t) > 3 and t.i > 0
                                                      and doc[t.i - 1].text != "-"
                                                      for t in rest)
            or any(t.lower_ in words for t in rest)):
        return 0
    return size


#: Words that open a photo credit in a caption ("Image: agency name").
_CREDIT_MARKERS = frozenset(("image", "photo", "photograph", "picture", "credit", "video"))


def credit_marker(doc: Doc, i: int) -> bool:
    """True if token ``i`` opens a caption's credit ("... student Ada Okafor Image: Kelvan
    Times"): no part of the name the model ran on into it."""
    return i + 1 < len(doc) and doc[i + 1].text == ":" and doc[i].lower_ in _CREDIT_MARKERS


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def _year_in_brackets(doc: Doc, i: int) -> bool:
    """True if ``doc[i:]`` is "(1999)" or "(1999 film)"."""
    return (i + 2 < len(doc) and doc[i].text == "(" and bool(_YEAR.fullmatch(doc[i + 1].text))
            and (doc[i + 2].text == ")" or (i + 3 < len(doc) and doc[i + 3].text == ")")))


def titled_work(doc: Doc, start: int, end: int) -> bool:
    """True if ``doc[start:end]`` is the title of a work: a year in brackets after it ("Harbour
    Lights (2004)"), and a word for a work among the six words before it in its sentence ("the
    romantic comedy", "films like ..."), or another such title right before it in a list
    ("..., Blue Orchard (2005), Winter Ferry (2009)"). A citation ("as Okafor (2005) shows")
    has no word for a work before it and keeps its author, and so does an author after "by"
    or a person tagged with a clear given name."""
    if not _year_in_brackets(doc, end) or (start > 0 and doc[start - 1].lower_ == "by") or (
            doc[start].ent_type_ == "PERSON" and given_name(doc[start].text, strict=True)):
        return False  # "a novel by Adaeze Okafor (2011)", "the film with Ingrid Berg (2004)"
    k = start - 1
    while k >= 0 and doc[k].lower_ in (",", "and", "or"):
        k -= 1
    if k < start - 1 and k >= 3 and doc[k].text == ")":
        # the item before in the list: a title too only if it is one itself (not "Haugen
        # (2005) and Okafor (2011)", two citations)
        bracket = k - 2 if _year_in_brackets(doc, k - 2) else k - 3
        if bracket > 0 and _year_in_brackets(doc, bracket) and doc[bracket - 1].ent_type_:
            first = bracket - 1
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
            return titled_work(doc, first, bracket)
    sent_start = doc[start].sent.start
    nouns = _work_nouns()
    return any(t.lower_ in nouns for t in doc[max(sent_start, start - 6):start])


@functools.cache
def _work_nouns() -> frozenset[str]:
    return frozenset(load_table("titles")["work_nouns"])
