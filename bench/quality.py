"""Extraction quality on the development gold set (``bench/gold``), next to a baseline.

Runs the real pipeline end to end: the gold articles are ingested with
``graph.pipeline.driver.ingest``
into a temporary SQLite store (cleaning, parsing, extraction, corpus-wide resolution), and the
actors, mentions and relations are read back from that store. The baseline, measured in the
same run on the same cleaned texts, is plain spaCy NER with exact-string actors (entity text as
the actor, spaCy's label as the type, GPE as a country when pycountry knows the name) and
sentence co-occurrence only, so it finds no typed relations.

Printed (see ``bench/gold/gold.toml`` for the annotation format):

* person precision / recall / F1: a system person actor is a hit when its mentions cover a gold
  person and its label is one of that person's names (a split, a descriptor left in the label or
  a second actor for the same person is a false alarm);
* B-cubed F1 over every annotated mention (people, organisations, countries, places, groups);
* type accuracy over the gold actors found (the actor covering most of their mentions);
* junk: actors whose label is no annotated name (list fragments, all-caps headline words,
  dates, lone generic words);
* typed-relation precision and recall: a system relation is a hit when its source, target
  (either way for symmetric kinds) and CAMEO root match a gold relation of its article;
  polarity accuracy over relations linking a gold pair;
* required pairs linked (co-occurrence or typed).

Then the same for GUM (``bench/gum.py``): real text annotated by linguists, its fixed
development and held-out parts each ingested with the real pipeline, exported and scored with
GUM's scorer beside GUM's spaCy baseline (the held-out part as figures only, never an error list).

Usage: python bench/quality.py [--gold bench/gold] [--model NAME] [--verbose]
                               [--gum DIR] [--gum-part dev|heldout|all|none] [--gum-only]
                               [--gum-details FILE] [--gum-tmp DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from bench import event_articles, event_dates, event_gum, event_gum_types, gum  # noqa: E402
from graph.core.cameo import kind_info, quad_class_of_root  # noqa: E402
from graph.extraction.nlp import load  # noqa: E402
from graph.names.forms import name_key  # noqa: E402
from graph.pipeline.driver import ingest  # noqa: E402
from graph.readers.articles import read_paths  # noqa: E402
from graph.store.store import Store  # noqa: E402

POLARITY_OF_QUAD = {0: "neutral", 1: "cooperative", 2: "cooperative", 3: "hostile",
                    4: "hostile"}


# -- gold ------------------------------------------------------------------------------------
@dataclass
class Entity:
    canonical: str
    type: str
    forms: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class GoldRelation:
    source: str
    kind: str
    root: str
    target: str
    symmetric: bool


@dataclass
class GoldArticle:
    id: str
    entities: dict[str, list[str]]  # canonical -> forms searched in this article
    relations: list[GoldRelation]
    acceptable: list[GoldRelation]
    optional: list[str]
    pairs: list[tuple[str, str]]


_REL = re.compile(r"^(.+?)\s*(<>|>)\s*([\w-]+)/(\d\d)\s*(?:<>|>)\s*(.+)$")


def _relation(text: str) -> GoldRelation:
    m = _REL.match(text.strip())
    if not m:
        raise ValueError(f"bad relation {text!r}")
    return GoldRelation(m[1].strip(), m[3], m[4], m[5].strip(), m[2] == "<>")


def _names(text: str) -> tuple[str, list[str]]:
    """"Canonical = a | b" or "a | b" (canonical a) → (canonical, forms to search)."""
    if "=" in text.split("|")[0] and "@" not in text.split("|")[0]:
        canonical, rest = (p.strip() for p in text.split("=", 1))
        return canonical, [f.strip() for f in rest.split("|")]
    forms = [f.strip() for f in text.split("|")]
    return forms[0], forms


def load_gold(path: Path) -> tuple[dict[str, Entity], list[GoldArticle]]:
    data = tomllib.loads((path / "gold.toml").read_text(encoding="utf-8"))
    entities: dict[str, Entity] = {}
    out = []
    for aid, spec in data["articles"].items():
        found: dict[str, list[str]] = {}
        rows = [("person", p) for p in spec.get("persons", [])]
        rows += [tuple(a.split(":", 1)) for a in spec.get("actors", [])]
        for kind, text in rows:
            canonical, forms = _names(text.strip())
            ent = entities.setdefault(canonical, Entity(canonical, kind.strip()))
            if ent.type != kind.strip():
                raise ValueError(f"{aid}: {canonical} typed {kind} and {ent.type}")
            ent.forms.update(f.split("@")[0] for f in forms)
            found[canonical] = forms
        out.append(GoldArticle(
            aid, found, [_relation(r) for r in spec.get("relations", [])],
            [_relation(r) for r in spec.get("acceptable", [])], spec.get("optional", []),
            [tuple(x.strip() for x in p.split("~")) for p in spec.get("pairs", [])]))
    return entities, out


def occurrences(article: GoldArticle, text: str) -> tuple[dict[tuple[int, int], str], list[str]]:
    """Character spans of every annotated form in ``text`` → canonical name, longest form
    first; spans claimed by two entities are dropped. Also returns forms never found."""
    wanted = [(c, f) for c, forms in article.entities.items() for f in forms]
    wanted.sort(key=lambda cf: -len(cf[1].split("@")[0]))
    taken: dict[tuple[int, int], str] = {}
    ambiguous: set[tuple[int, int]] = set()
    missing = []
    for canonical, form in wanted:
        surface, _, context = form.partition("@")
        hits = []
        if context:
            at = text.find(context)
            if at >= 0 and surface in context:
                start = at + context.index(surface)
                hits.append((start, start + len(surface)))
        else:
            pattern = r"(?<![\w])" + re.escape(surface) + r"(?![\w])"
            hits = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        if not hits:
            missing.append(f"{article.id}: {form!r} not in text")
        for span in hits:
            if any(s < span[1] and span[0] < e for (s, e) in taken if (s, e) != span):
                continue  # inside a longer annotated name
            if span in taken and taken[span] != canonical:
                if not context:
                    ambiguous.add(span)
                else:
                    taken[span] = canonical
                continue
            taken[span] = canonical
    for span in ambiguous:
        taken.pop(span, None)
    return taken, missing


# -- system views ----------------------------------------------------------------------------
@dataclass
class View:
    """What a pipeline produced for the gold articles."""

    types: dict[str, str]  # actor label -> type
    mentions: list[tuple[str, int, int, str]]  # article, start, end, actor label
    typed: list[tuple[str, str, str, str, str]]  # article, source, target, kind, polarity
    linked: set[tuple[str, str, str]]  # article, actor a, actor b (any relation)


def relgraph_view(store: Store) -> View:
    label_of = {n: (label, t) for n, (_, label, t) in store.name_actors().items()}
    rows = store.all_mentions()
    rels = [(a, src, tgt, kind, pol, directed)
            for a, _, src, tgt, kind, pol, directed in store.all_relations()]
    types = {label: t for label, t in label_of.values()}
    ments = [(a, s, e, label_of[n][0]) for a, s, e, n in rows if n in label_of]
    typed, linked = [], set()
    for a, src, tgt, kind, pol, directed in rels:
        if src not in label_of or tgt not in label_of:
            continue
        s, t = label_of[src][0], label_of[tgt][0]
        linked.add((a, s, t))
        linked.add((a, t, s))
        if directed:
            typed.append((a, s, t, kind, pol))
    return View(types, ments, typed, linked)


def baseline_view(texts: dict[str, str], model: str | None) -> View:
    import pycountry

    def country(name: str) -> bool:
        try:
            pycountry.countries.lookup(name)
            return True
        except LookupError:
            return False

    labels = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "LOC": "place",
              "GPE": "place"}
    nlp = load(model)
    votes: dict[str, Counter] = defaultdict(Counter)
    ments, linked = [], set()
    for aid, doc in zip(texts, nlp.pipe(texts.values()), strict=True):
        for sent in doc.sents:
            names = set()
            for ent in sent.ents:
                if ent.label_ not in labels:
                    continue
                kind = labels[ent.label_]
                if ent.label_ == "GPE" and country(ent.text):
                    kind = "country"
                votes[ent.text][kind] += 1
                ments.append((aid, ent.start_char, ent.end_char, ent.text))
                names.add(ent.text)
            linked.update((aid, a, b) for a in names for b in names if a != b)
    types = {n: c.most_common(1)[0][0] for n, c in votes.items()}
    return View(types, ments, [], linked)


# -- scoring ---------------------------------------------------------------------------------
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _strip_type(label: str) -> str:
    return re.sub(r" \((person|organisation|country|place|group)\)$", "", label)


def score(view: View, entities: dict[str, Entity], gold: list[GoldArticle],
          occ: dict[str, dict[tuple[int, int], str]], log: list[str]) -> dict[str, float]:
    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for a, s, e, label in view.mentions:
        by_article[a].append((s, e, label))
    # gold mention -> actor covering it best
    item_actor: dict[tuple[str, tuple[int, int]], str | None] = {}
    actor_votes: dict[str, Counter] = defaultdict(Counter)
    local_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for a, spans in occ.items():
        for span, canonical in spans.items():
            best = max(((_overlap(span, (s, e)), label) for s, e, label in by_article[a]),
                       default=(0, None))
            actor = best[1] if best[0] > 0 else None
            item_actor[a, span] = actor
            if actor:
                actor_votes[actor][canonical] += 1
                local_votes[a, actor][canonical] += 1
    actor_entity = {actor: c.most_common(1)[0][0] for actor, c in actor_votes.items()}
    mention_count = Counter(label for *_, label in view.mentions)

    # people
    gold_people = {c for c, e in entities.items() if e.type == "person"}
    keys = {c: {name_key(f) for f in e.forms | {c}} for c, e in entities.items()}
    matched: set[str] = set()
    fp = 0
    optional = {name_key(o) for g in gold for o in g.optional}
    for actor in sorted((x for x in mention_count if view.types.get(x) == "person"),
                        key=lambda x: (-mention_count[x], x)):
        ent = actor_entity.get(actor)
        if ent is None and name_key(_strip_type(actor)) in optional:
            continue  # a name the gold leaves unscored
        if (ent in gold_people and ent not in matched
                and name_key(_strip_type(actor)) in keys[ent]):
            matched.add(ent)
        else:
            fp += 1
            log.append(f"person false alarm: {actor!r} (covers {ent!r})")
    for ent in sorted(gold_people - matched):
        log.append(f"person missed: {ent!r}")
    p = len(matched) / (len(matched) + fp) if matched or fp else 0.0
    r = len(matched) / len(gold_people)
    out = {"person_p": p, "person_r": r, "person_f1": _f1(p, r)}

    # B-cubed over annotated mentions
    gold_of = {item: occ[item[0]][item[1]] for item in item_actor}
    sys_of = {item: actor if actor else f"#missed{i}"
              for i, (item, actor) in enumerate(item_actor.items())}
    gold_size = Counter(gold_of.values())
    sys_size = Counter(sys_of.values())
    both = Counter((gold_of[i], sys_of[i]) for i in gold_of)
    bp = sum(both[gold_of[i], sys_of[i]] / sys_size[sys_of[i]] for i in gold_of) / len(gold_of)
    br = sum(both[gold_of[i], sys_of[i]] / gold_size[gold_of[i]] for i in gold_of) / len(gold_of)
    out["b3_f1"] = _f1(bp, br)
    split: dict[str, set[str]] = defaultdict(set)
    merged: dict[str, set[str]] = defaultdict(set)
    for item, actor in item_actor.items():
        if actor:
            split[gold_of[item]].add(actor)
            merged[actor].add(gold_of[item])
    for ent, actors_ in sorted(split.items()):
        if len(actors_) > 1:
            log.append(f"split: {ent!r} is {len(actors_)} actors: {sorted(actors_)}")
    for actor, ents in sorted(merged.items()):
        if len(ents) > 1:
            log.append(f"merged: {actor!r} covers {sorted(ents)}")

    # types
    cover: dict[str, Counter] = defaultdict(Counter)
    for item, actor in item_actor.items():
        if actor:
            cover[gold_of[item]][actor] += 1
    right = total = 0
    for ent, actors_ in cover.items():
        actor = actors_.most_common(1)[0][0]
        total += 1
        if view.types.get(actor) == entities[ent].type:
            right += 1
        else:
            log.append(f"type: {ent!r} is {entities[ent].type}, got {actor!r} as "
                       f"{view.types.get(actor)}")
    out["type_acc"] = right / total if total else 0.0

    # junk
    allowed = defaultdict(set)
    for e in entities.values():
        for f in e.forms | {e.canonical}:
            allowed[name_key(f)].add(f.isupper())
    for g in gold:
        for f in g.optional:
            allowed[name_key(f)].add(f.isupper())
    junk = []
    for actor in mention_count:
        label = _strip_type(actor)
        ok = allowed.get(name_key(label))
        if not ok or (label.isupper() and len(label) > 5 and True not in ok):
            junk.append(actor)
    for actor in sorted(junk):
        log.append(f"junk: {actor!r}")
    out["junk"] = len(junk)

    # typed relations
    golds = {g.id: g for g in gold}

    def entity_in(article: str, actor: str) -> str | None:
        votes = local_votes.get((article, actor))
        return votes.most_common(1)[0][0] if votes else actor_entity.get(actor)

    def matches(rel: GoldRelation, s: str | None, t: str | None, root: str) -> bool:
        if rel.root != root:
            return False
        return (rel.source, rel.target) == (s, t) or (
            rel.symmetric and (rel.target, rel.source) == (s, t))

    found: dict[tuple, tuple[str, str]] = {}
    for a, src, tgt, kind, pol in view.typed:
        if a not in golds:
            continue
        s, t = entity_in(a, src), entity_in(a, tgt)
        optional = {name_key(o) for o in golds[a].optional}
        if {name_key(_strip_type(x)) for x, e in ((src, s), (tgt, t)) if e is None} & optional:
            continue  # a link to a name the gold leaves unscored
        found.setdefault((a, s or f"?{src}", t or f"?{tgt}", kind_info(kind).root_code),
                         (kind, pol))
    tp = fp_r = 0
    hit: set[tuple[str, GoldRelation]] = set()
    kind_right = 0
    for (a, s, t, root), (kind, _) in sorted(found.items()):
        g = golds[a]
        rel = next((r for r in g.relations if matches(r, s, t, root)), None)
        if rel:
            tp += 1
            hit.add((a, rel))
            kind_right += kind == rel.kind
        elif not any(matches(r, s, t, root) for r in g.acceptable):
            fp_r += 1
            log.append(f"relation false alarm: {a}: {s} > {kind}/{root} > {t}")
    n_gold = sum(len(g.relations) for g in gold)
    for g in gold:
        for rel in g.relations:
            if (g.id, rel) not in hit:
                log.append(f"relation missed: {g.id}: {rel.source} > {rel.kind}/{rel.root} > "
                           f"{rel.target}")
    out["rel_p"] = tp / (tp + fp_r) if tp + fp_r else float("nan")
    out["rel_r"] = len(hit) / n_gold
    out["rel_n"] = len(found)
    out["kind_acc"] = kind_right / tp if tp else float("nan")

    # polarity over relations linking a gold pair
    pol_right = pol_total = 0
    for (a, s, t, _), (_, pol) in found.items():
        rel = next((r for r in golds[a].relations if {r.source, r.target} == {s, t}), None)
        if rel:
            pol_total += 1
            pol_right += pol == _gold_polarity(rel)
    out["polarity_acc"] = pol_right / pol_total if pol_total else float("nan")

    # required pairs
    linked_entities = {(a, entity_in(a, x), entity_in(a, y)) for a, x, y in view.linked}
    pairs = [(g.id, x, y) for g in gold for x, y in g.pairs]
    ok_pairs = [p for p in pairs if p in linked_entities]
    for p in sorted(set(pairs) - set(ok_pairs)):
        log.append(f"pair not linked: {p[0]}: {p[1]} ~ {p[2]}")
    out["pairs"] = len(ok_pairs) / len(pairs) if pairs else float("nan")
    return out


def _gold_polarity(rel: GoldRelation) -> str:
    try:
        quad = kind_info(rel.kind).quad_class
    except KeyError:  # a kind the lexicon does not have (yet): its root decides
        quad = quad_class_of_root(rel.root)
    return POLARITY_OF_QUAD[quad]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


ROWS = [
    ("person precision", "person_p", ""),
    ("person recall", "person_r", ""),
    ("person F1", "person_f1", ">= 0.95"),
    ("B-cubed F1 (all actors)", "b3_f1", ""),
    ("type accuracy", "type_acc", ">= 0.95"),
    ("junk actors", "junk", "0"),
    ("typed relations found", "rel_n", ""),
    ("typed-relation precision", "rel_p", ">= 0.85"),
    ("typed-relation recall", "rel_r", ">= 0.6"),
    ("kind accuracy (of hits)", "kind_acc", ""),
    ("polarity accuracy", "polarity_acc", ""),
    ("required pairs linked", "pairs", ""),
]


def _fmt(value: float, key: str) -> str:
    if key in ("junk", "rel_n"):
        return f"{int(value)}"
    return "-" if value != value else f"{value:.2f}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gold", type=Path, default=ROOT / "bench" / "gold")
    p.add_argument("--model")
    p.add_argument("--verbose", "-v", action="store_true", help="list every error")
    p.add_argument("--gum-only", action="store_true", help="only the GUM figures")
    gum.add_options(p)
    args = p.parse_args()
    if not args.gum_only:
        own(args)
        print()
        event_dates.report([event_dates.DEV], args.model, args.verbose)
        event_dates.report([event_dates.HELDOUT], args.model)  # figures only, never errors
        event_articles.report([event_articles.DEV], args.model, args.verbose)
        event_articles.report([event_articles.HELDOUT], args.model)  # figures only
        event_gum.report([event_gum.DEV], args.model, args.verbose, args.gum)  # real reporting
        event_gum.report([event_gum.HELDOUT], args.model, gum=args.gum)  # figures only
        event_gum_types.report([event_gum_types.DEV], args.model, args.verbose, args.gum)
        event_gum_types.report([event_gum_types.HELDOUT], args.model, gum=args.gum)  # figures
        print()
    gum.run(args, args.model)


def own(args: argparse.Namespace) -> None:
    """The project's own gold set, relgraph beside the baseline."""
    entities, gold = load_gold(args.gold)
    articles = {a.id: a for a in read_paths([args.gold / "articles"]) if hasattr(a, "text")}
    unknown = [g.id for g in gold if g.id not in articles]
    if unknown:
        sys.exit(f"gold articles missing from {args.gold / 'articles'}: {unknown}")
    occ, problems = {}, []
    for g in gold:
        occ[g.id], missing = occurrences(g, articles[g.id].text)
        problems += missing
        for rel in g.relations + g.acceptable:
            for name in (rel.source, rel.target):
                if name not in g.entities:
                    problems.append(f"{g.id}: relation names unknown actor {name!r}")
    for line in problems:
        print(f"gold: {line}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "quality.db")
        summary = ingest([args.gold / "articles"], store, model=args.model, progress=False)
        if summary.failed:
            sys.exit(f"ingest failed: {summary.errors}")
        ours_log: list[str] = []
        ours = score(relgraph_view(store), entities, gold, occ, ours_log)
    base_log: list[str] = []
    base = score(baseline_view({g.id: articles[g.id].text for g in gold}, args.model),
                 entities, gold, occ, base_log)

    people = sum(e.type == "person" for e in entities.values())
    n_rel = sum(len(g.relations) for g in gold)
    print(f"gold: {len(gold)} articles, {people} people, {len(entities) - people} other "
          f"actors, {n_rel} typed relations")
    print(f"{'metric':<28}{'baseline':>10}{'relgraph':>10}   target")
    for label, key, target in ROWS:
        print(f"{label:<28}{_fmt(base[key], key):>10}{_fmt(ours[key], key):>10}   {target}")
    if args.verbose:
        print("\nrelgraph errors:")
        for line in ours_log:
            print("  " + line)


if __name__ == "__main__":
    main()
