"""What a briefing pack says, read from the store after curation (like every view): the
view's graph and caption, its key relations (who did what to whom, when, with one quoted
sentence and its source), its top actors and the sources cited.

Everything comes from the view the dashboard and the image draw (:func:`view_graph`), so a
hidden actor is nowhere in it and a retyped or renamed one only in its corrected form; the
quoted sentences are the articles' own words, with a hidden actor's name elided ("[…]").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import PackageNotFoundError, version

import networkx as nx

from graph.briefing.titles import opening_title
from graph.briefing.wording import past_label, planned_label, relation_when
from graph.core.cameo import kind_info
from graph.core.choices import DEFAULT_TOP
from graph.core.errors import EmptySliceError
from graph.core.model import GraphSlice
from graph.slices.build import Corpus
from graph.slices.events import event_records
from graph.slices.evidence import article_in
from graph.slices.top_view import covers
from graph.store.aggregate import event_day
from graph.store.store import Store
from graph.views.captions import slice_caption
from graph.views.notes import attach_notes
from graph.views.rules import LINKS_PER_ACTOR, view_graph

__all__ = ["ActorRow", "Briefing", "RelationRow", "SourceRow", "build_briefing",
           "key_relations", "past_label", "planned_label", "quote", "relation_when"]

#: Key relations a pack lists by default, top actors it tables, sources it lists at most.
RELATIONS = 10
ACTORS = 12
MAX_SOURCES = 30
QUOTE = 200  # characters a quoted sentence is cut to, around the two names


@dataclass(frozen=True)
class RelationRow:
    """One key relation: ``source`` did ``verb`` (``kind``, CAMEO ``category``) to
    ``target``, ``count`` sentences; ``sentence`` quotes one of them, from source number
    ``citation`` (article ``article``, dated ``when``: each event date at its own precision).
    ``planned``: every instance in the slice is announced for the future, and ``verb`` says
    so ("will visit", not "visited")."""

    source: str
    kind: str
    verb: str
    category: str
    polarity: str
    target: str
    count: int
    when: str | None
    sentence: str
    article: str
    citation: int
    ends: tuple[str, str] = ("", "")  # the two actors' node ids (source, target)
    planned: bool = False


@dataclass(frozen=True)
class ActorRow:
    """One of the view's top actors as the actors page lists it."""

    label: str
    type: str
    mentions: int
    first_seen: str | None
    last_seen: str | None
    other_names: tuple[str, ...]
    id: str = ""  # its node id in the briefing's graph


@dataclass(frozen=True)
class SourceRow:
    """An article behind the pack, numbered as the relation rows cite it."""

    number: int
    article: str
    title: str
    outlet: str
    date: str | None
    url: str


@dataclass
class Briefing:
    """Everything a pack shows; ``graph`` is the view drawn on the graph page, with the
    analysts' notes on its actors and links (:func:`graph.views.notes.attach_notes`)."""

    title: str
    subtitle: str
    caption: str
    notes: str
    graph: nx.Graph
    relations: list[RelationRow] = field(default_factory=list)
    actors: list[ActorRow] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    more_sources: int = 0
    period: str = ""  # the slice's dates ("2024-01-01 – 2024-02-15") when it has some
    #: Pictures after the graph page, each (page title, plotly figure dict): the network over
    #: time (:mod:`graph.briefing.overtime`).
    pictures: list[tuple[str, dict]] = field(default_factory=list)


def build_briefing(store: Store, sl: GraphSlice | None = None, *, top: int | None = None,
                   focus: str | None = None, depth: int = 1,
                   path: tuple[str, str] | None = None, relations: int = RELATIONS,
                   title: str | None = None, subtitle: str = "",
                   corpus: Corpus | None = None, hide_isolated: bool = False) -> Briefing:
    """The briefing of a slice's view (``top`` actors: by default as many as a 16:9 slide
    names legibly, 0 for all; ``focus``/``path`` as actor ids), with its ``relations``
    strongest typed relations among the drawn actors."""
    sl = sl or GraphSlice()
    top = DEFAULT_TOP if top is None else top or None
    if corpus is None and not covers(sl, top, focus, path):
        corpus = Corpus.load(store)  # its article list spares a read of every article
    # else the whole corpus' top N, read for those actors alone (graph.slices.top_view)
    G = view_graph(store, sl, corpus=corpus, top=top, focus=focus, depth=depth, path=path,
                   hide_isolated=hide_isolated)
    if not len(G):
        raise EmptySliceError("nothing to brief: the slice has no actors (loosen the filters)")
    attach_notes(G, store)  # the analysts' notes, for the speaker notes of each page
    in_slice = set(G.graph["articles"])
    # ids and dates of every article in the slice (the caption, the choice of sentences);
    # titles, outlets and links are read below for the sources listed only
    arts = [a for a in (corpus.articles if corpus is not None else store.article_dates())
            if a["id"] in in_slice]
    by_id = {a["id"]: a for a in arts}

    def label(v: object) -> str:
        return str(G.nodes[v].get("label", v))

    caption = slice_caption(sl, arts, shown=len(G), total=G.graph["total_actors"],
                            focus=label(G.graph["focus"]) if G.graph.get("focus") else None,
                            depth=depth, path=[label(v) for v in G.graph.get("path") or []])
    counts = store.some_counts("articles", "hidden_actors", "decisions")
    # names to elide from quoted sentences: none to look for in a store that hides nobody
    hidden = _hidden_names(store) if counts["hidden_actors"] else []
    picked, instances = _evidence(store, G, key_relations(G, relations), by_id, sl, hidden)
    spans = {(r["kind"], r["source"], r["target"]): (r.get("first"), r.get("last"))
             for _, _, d in G.edges(data=True) for r in d.get("relations", ())}
    cited: dict[str, int] = {}
    rows = []
    for (kind, src, tgt, count, polarity), ev in picked:
        number = cited.setdefault(ev["article"], len(cited) + 1)
        try:
            info = kind_info(kind)
            category = f"{info.root_code} {info.root_name}"
        except KeyError:  # a kind an older lexicon stored: no CAMEO category to name
            category = "no CAMEO category"
        dates, plans, _ = instances.get((kind, str(src), str(tgt)), ({}, [], set()))
        first, last = (_precise(d, dates) for d in spans.get((kind, src, tgt), (None, None)))
        planned = bool(plans) and all(plans)
        rows.append(RelationRow(
            label(src), kind, planned_label(kind) if planned else past_label(kind),
            category, polarity, label(tgt), count,
            relation_when(first, last, by_id[ev["article"]]),
            quote(_elide(ev["sentence"], hidden), _names(G, src) + _names(G, tgt)),
            ev["article"], number, (str(src), str(tgt)), planned))
    rest = sorted((a for a in arts if a["id"] not in cited),
                  key=lambda a: (a["date"] or "", a["id"]), reverse=True)
    listed = [by_id[a] for a in cited] + rest[:max(0, MAX_SOURCES - len(cited))]
    if corpus is None:  # full rows for the listed articles alone
        full = {a["id"]: a for a in store.articles([a["id"] for a in listed])}
        listed = [full[a["id"]] for a in listed]
    sources = [SourceRow(i, a["id"], a["title"] or opening_title(store.article_text(a["id"]),
                                                                  a["id"]),
                         a["source"] or "", a["date"],
                         a["url"] or "") for i, a in enumerate(listed, start=1)]
    actors = [ActorRow(label(v), d.get("type", ""), d.get("mentions", 0), d.get("first_seen"),
                       d.get("last_seen"), _other_names(d), str(v))
              for v, d in sorted(G.nodes(data=True),
                                 key=lambda n: (-n[1].get("mentions", 0), label(n[0])))]
    period = (f"{sl.since or '…'} – {sl.until or '…'}" if sl.since or sl.until else "")
    return Briefing(title or "relgraph briefing", subtitle, caption,
                    _notes(store, counts, G, caption, len(rows)), G, rows, actors[:ACTORS], sources,
                    len(arts) - len(listed), period)


def _precise(day: str | None, dates: dict[int, str]) -> str | None:
    """An event day of the graph (``2022-01-01``) as the event date it stands for, at that
    date's own precision (``2022``): the finest of ``dates`` (event day → date) filed under
    that day, else the day as it is."""
    if not day:
        return day
    return dates.get(event_day(day), day)


Instances = dict[tuple[str, str, str], tuple[dict[int, str], list[bool], set[tuple[str, str]]]]


def _instances(store: Store, sl: GraphSlice, articles: set[str], kinds: set[str]
               ) -> Instances:
    """Per typed relation ``(kind, source, target)`` in ``articles``, within the slice's
    dates: its event dates by event day (the finest at each day), each instance's
    planned flag (:func:`graph.slices.events.event_records`) and the (article, sentence)
    of its planned instances."""
    out: Instances = {}
    if not articles:
        return out
    for r in event_records(store, GraphSlice(articles=tuple(sorted(articles)),
                                             kinds=tuple(sorted(kinds)), since=sl.since,
                                             until=sl.until,
                                             include_undated=sl.include_undated)):
        dates, plans, planned = out.setdefault((r.kind, r.source_id, r.target_id),
                                               ({}, [], set()))
        plans.append(r.planned)
        if r.planned:
            planned.add((r.article, " ".join(r.sentence.split())))
        if r.event_date:
            day = event_day(r.event_date)
            if len(r.event_date) > len(dates.get(day, "")):
                dates[day] = r.event_date
    return out


def key_relations(G: nx.Graph, n: int = RELATIONS) -> list[tuple[str, str, str, int, str]]:
    """The ``n`` strongest typed relations among ``G``'s links: ``(kind, source, target,
    sentences, polarity)``, most sentences first (ties by the names)."""
    found = [(r["kind"], r["source"], r["target"], int(r.get("count", 1)),
              r.get("polarity", "neutral"))
             for _, _, d in G.edges(data=True) for r in d.get("relations", ())
             if r["source"] in G and r["target"] in G]
    found.sort(key=lambda r: (-r[3], str(G.nodes[r[1]].get("label", r[1])),
                              str(G.nodes[r[2]].get("label", r[2])), r[0]))
    return found[:n]


def quote(sentence: str, names: list[str], limit: int = QUOTE) -> str:
    """``sentence`` as quoted on a slide: whole when short, else cut to about ``limit``
    characters around the first of ``names`` found and the last, with "…" where cut (and
    between the two names when they stand far apart).

    >>> quote("Short.", ["A"])
    'Short.'
    >>> quote("x " * 60 + "Ann met Bob " + "y " * 60, ["Ann", "Bob"], 40)
    '… x x x x x x x Ann met Bob y y y y y y y …'
    """
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    spans = sorted(m.span() for name in names if name
                   for m in [re.search(re.escape(name), sentence, re.IGNORECASE)] if m)
    if not spans:
        return _cut(sentence, 0, limit)
    lo, hi = spans[0][0], max(end for _, end in spans)
    if hi - lo > limit:  # far apart: each name with a little context, the middle elided
        first, last = spans[0], max(spans, key=lambda span: span[1])
        half = limit // 2
        left = _cut(sentence, first[0] - 30, first[0] - 30 + half)
        right = _cut(sentence, last[1] + 30 - half, last[1] + 30)
        return left.removesuffix(" …") + " … " + right.removeprefix("… ")
    pad = (limit - (hi - lo)) // 2
    return _cut(sentence, max(0, lo - pad), min(len(sentence), hi + pad))


def _cut(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened to whole words, with "…" where it does not reach an end."""
    start, end = max(0, start), min(len(text), end)
    while start > 0 and text[start - 1] != " ":
        start -= 1
    while end < len(text) and text[end] != " ":
        end += 1
    return ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")


def _names(G: nx.Graph, v: object) -> list[str]:
    d = G.nodes[v]
    return sorted({str(d.get("label", v)), *d.get("aliases", ())}, key=len, reverse=True)


def _other_names(d: dict) -> tuple[str, ...]:
    label = d.get("label", "")
    seen = {label.casefold()}
    out = []
    for name in d.get("aliases", ()):
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return tuple(out[:3])


def _hidden_names(store: Store) -> list[str]:
    """Every name and surface form of a hidden actor, longest first (for elision)."""
    names = {n for row in store.actor_table(hidden=True)
             for n in (row["label"], *row["aliases"], *row["names"]) if len(n) > 1}
    return sorted(names, key=len, reverse=True)


def _elide(sentence: str, hidden: list[str]) -> str:
    for name in hidden:
        if name in sentence:
            sentence = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "[…]", sentence)
    return sentence


def _evidence(store: Store, G: nx.Graph, key: list[tuple[str, str, str, int, str]],
              arts: dict[str, dict], sl: GraphSlice,
              hidden: list[str]
              ) -> tuple[list[tuple[tuple[str, str, str, int, str], dict]], Instances]:
    """One sentence per key relation: of the sentences carrying that kind in that direction
    in the slice, one naming no hidden actor if there is one, then one worded as the row's
    verb is (a plan when every instance is planned, else a sentence that is no plan: never
    "visited" above "will visit …"), then one naming both actors, then the newest article's
    (relations without a sentence in the slice are left out); with the key relations'
    instances in those sentences' articles (:func:`_instances`)."""
    if not key:
        return [], {}
    rows = store.pair_sentences({(s, t) for _, s, t, _, _ in key},
                                kinds=sorted({k for k, *_ in key}))
    missing = {r[2] for r in rows} - set(arts)
    arts = {**arts, **{a["id"]: a for a in store.articles(missing)}} if missing else arts
    by_relation: dict[tuple[str, str, str], list[dict]] = {}
    for src, tgt, aid, s, kind, text in rows:
        art = arts.get(aid)
        if art is not None and article_in(art, sl):
            by_relation.setdefault((kind, src, tgt), []).append(
                {"article": aid, "sentence": text, "index": s, "date": art["date"] or ""})
    wanted = {rel[:3] for rel in key}
    articles = {e["article"] for rel, found in by_relation.items() if rel in wanted
                for e in found}
    instances = _instances(store, sl, articles, {k for k, *_ in key})
    out = []
    for rel in key:
        found = by_relation.get(rel[:3], [])
        if not found:
            continue
        names = [n.casefold() for n in _names(G, rel[1])], [n.casefold()
                                                            for n in _names(G, rel[2])]
        _, plans, planned = instances.get(rel[:3], ({}, [], set()))
        as_plan = bool(plans) and all(plans)
        best = min(found, key=lambda e: (
            any(h in e["sentence"] for h in hidden),
            ((e["article"], " ".join(e["sentence"].split())) in planned) != as_plan,
            not all(any(n in e["sentence"].casefold() for n in ns) for ns in names),
            _neg(e["date"]), e["article"], e["index"]))
        out.append((rel, best))
    return out, instances


def _neg(day: str) -> str:
    """A sort key putting newer ISO dates first (undated last)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in day) if day else "\U0010ffff"


def _notes(store: Store, counts: dict[str, int], G: nx.Graph, caption: str,
           relations: int) -> str:
    """Speaker notes for the graph page: how the pack was made, to reproduce it."""
    try:
        made_by = f"relgraph {version('relgraph')}"
    except PackageNotFoundError:  # a checkout run without installing
        made_by = "relgraph"
    return (
        f"How this was made: {made_by}, {date.today().isoformat()}, from the store "
        f"{store.url} (revision {store.revision()}, {counts['articles']:,} articles, "
        f"{counts['decisions']:,} curation decisions in force: merged, renamed, retyped and "
        f"hidden actors as the analyst corrected them). View: {caption}. The graph shows the "
        f"{len(G)} actors with the most weighted degree in the slice and at most "
        f"{LINKS_PER_ACTOR} links per actor, strongest first; seeded layout, so the same "
        f"slice draws the same picture. Colour: actor type; size: mentions; link width: "
        f"sentences; green cooperative, red hostile, grey neutral relations, faded grey "
        f"co-occurrence. Key relations: the {relations} typed relations (CAMEO categories) "
        f"with most supporting sentences among the drawn actors, each quoted from one of "
        f"its sentences (newest article first), dated by their events (the article's date "
        f"where a sentence names no date of its own; each date at its own precision, a year "
        f"or a month as such), and worded as planned (\"will visit\") when every one of "
        f"its events is announced for the future.")
