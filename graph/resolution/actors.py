"""Corpus-wide resolution: article-level names → actors, with the analyst's decisions applied.

Runs over the distinct names in the store (cheap, no NLP), so decisions, alias imports and rule
changes apply to everything already ingested. Names are grouped by their key
(:func:`graph.names.forms.name_key`), so each distinct name belongs to exactly one actor by
construction. Groups are then joined (union–find) in order of precedence:

1. the analyst's merge decisions (never undone by anything automatic; a split keeps an alias
   apart from the actor it left, whatever the rules below say);
2. the built-in table (countries, demonyms, common acronyms) and acronyms defined in articles;
3. rules: full person names differing only in doubled letters, organisation names without
   their generic tail ("Yonhap" / "Yonhap News Agency"), a place named with a generic head
   ("State of Ohio" / "Ohio"), a country's institution named bare or with the country
   ("Senate" / "Senate of the United States" / "Senate (United States)", when the corpus ties
   it to one country only; :mod:`graph.resolution.name_forms`), the naming patterns of
   :mod:`graph.names.variants` when unambiguous (middle initials, descriptors, acronyms, short
   forms), a party or movement without its head word ("Likud" / "Likud Party"), an
   organisation by the words after its head's "of" ("Scientology" / "Church of
   Scientology"), a person name written with its syllables apart or run together, cut to its
   last two words or without its last ones (:mod:`graph.resolution.person_forms`), a lone
   surname or family name joining the most mentioned person whose full name starts or ends
   with it, when their articles share another person or organisation
   (:mod:`graph.resolution.evidence`).

Every actor gets a **stable id**: a slug of its anchor name key, which does not depend on
mention counts or ingest order: the target of the latest merge decision, else the built-in
canonical name, else the fuller name each rule joins into (the full name a surname joins, the
name without a descriptor, the expansion of an acronym). Labels, types and
visibility come from decisions first, then the built-in table, then the names' majority.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from graph.core.model import ACTOR_TYPES, ActorDef, Decision, NameStat
from graph.names.actor_types import given_name, name_evidence, type_votes
from graph.names.builtin import builtin_alias, country_name, is_subdivision
from graph.names.forms import generation, name_key, name_parts, other_generation
from graph.names.variants import NameEntry, same_spelling, spelling_key, unambiguous
from graph.resolution.evidence import Cooccurrence, shared_evidence
from graph.resolution.name_forms import (
    abbreviated_forms,
    country_forms,
    institution_of_one_country,
    named_after_of_forms,
    organisation_bare_forms,
    organisation_short_forms,
    place_head_forms,
    plain_forms,
    possessive_forms,
)
from graph.resolution.person_forms import (
    initial_forms,
    name_end_forms,
    name_start_forms,
    run_together_forms,
)
from graph.resolution.unionfind import UnionFind

__all__ = ["ActorDef", "Decision", "NameStat", "actor_id", "builtin_alias", "country_name",
           "resolve"]


#: Pattern rules about people, vetoed for two names one article keeps apart.
_PERSON_RULES = ("middle",)
#: How strongly a group's anchor is pinned: by a decision, by the built-in table.
_DECIDED, _BUILTIN = 3, 2


def actor_id(key: str) -> str:
    """The stable id made from an anchor key: "han do yun" → "han-do-yun"."""
    return "-".join(key.split())


def resolve(stats: Iterable[NameStat], acronyms: Iterable[tuple[str, str]] = (),
            decisions: Sequence[Decision] = (),
            together: Callable[[str, str], bool] | None = None,
            cooccur: Cooccurrence | None = None) -> list[ActorDef]:
    """Group article-level names into actors (:func:`group`, then :func:`actors_of`)."""
    return actors_of(group(stats, acronyms, decisions, together, cooccur), decisions)


@dataclass
class Grouping:
    """Names grouped into actors before hide/rename/retype are applied: it depends on the
    name stats, acronyms, co-occurrence and merge/split decisions only, so a hide, rename or
    retype can reuse it (:func:`actors_of`) instead of grouping every name again."""

    groups: UnionFind
    names: dict
    votes: dict
    count: dict
    merges: list
    builtin_of: dict


def actors_of(grouping: Grouping, decisions: Sequence[Decision]) -> list[ActorDef]:
    """The actors of a grouping with every decision's label, type and hidden flag."""
    g = grouping
    return _actors(g.groups, g.names, g.votes, g.count, g.merges, g.builtin_of, decisions)


def group(stats: Iterable[NameStat], acronyms: Iterable[tuple[str, str]] = (),
          decisions: Sequence[Decision] = (),
          together: Callable[[str, str], bool] | None = None,
          cooccur: Cooccurrence | None = None) -> Grouping:
    """Group article-level names into actors. Deterministic for the same input, whatever the
    order of ``stats`` (so ingesting articles one by one or together gives the same actors).

    ``together(a, b)`` tells whether one article uses both name keys as two names (in-article
    resolution kept them apart): then they are two people ("Mario Reyes" and his father "Mario
    Jose Reyes"), and the spelling and middle-name rules do not join them."""
    apart_people = together or (lambda a, b: False)
    names: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for s in stats:
        key = _node_key(s.name)
        if key and s.count > 0:
            names[key][s.name][(s.type, s.evidence)] += s.count
    votes = {k: sum(by_name.values(), Counter()) + _name_votes(by_name)
             for k, by_name in names.items()}
    kind_of = {k: _majority(v) for k, v in votes.items()}
    count = {k: sum(c for (_, ev), c in v.items() if not ev.startswith(_NAME))
             for k, v in votes.items()}

    apart, merges = _constraints(decisions)
    groups = UnionFind(sorted(names), apart)
    fixed: set[str] = set()  # keys whose group was settled by a decision or the built-in table
    builtin_of: dict[str, tuple[str, str]] = {}  # canonical key -> (canonical name, type)
    for _, into, keys in merges:
        groups.pin(into, _DECIDED)
        for k in keys:
            if groups.union(k, into):
                fixed.update((k, into))
    for key in sorted(names):
        hit = _builtin_for(names[key], kind_of[key])
        if hit:
            canonical = name_key(hit[0])
            builtin_of[canonical] = hit
            groups.pin(canonical, _BUILTIN)
            if groups.union(key, canonical):
                fixed.update((key, canonical))
    for short, full in _acronym_table(acronyms).items():
        if short in names and (short not in fixed or groups.same(short, full)):
            groups.union(short, full)
            fixed.add(short)
    live = {k for k in names if k not in fixed}
    _spelling_variants(groups, live, kind_of, apart_people)
    run_together_forms(groups, live, kind_of, apart_people)
    organisation_short_forms(groups, live, kind_of, count)
    organisation_bare_forms(groups, live, kind_of)
    named_after_of_forms(groups, live, kind_of)
    country_forms(groups, live, kind_of)
    abbreviated_forms(groups, live, kind_of)
    plain_forms(groups, live, kind_of)
    place_head_forms(groups, live, kind_of)
    possessive_forms(groups, live, kind_of, {k: sorted(v) for k, v in names.items()})
    institution_of_one_country(groups, live, kind_of)
    _naming_patterns(groups, live, kind_of, count, names, apart_people)
    _short_names(groups, live, kind_of, count, names, apart_people,
                 shared_evidence(groups, kind_of, set(builtin_of), cooccur))
    name_end_forms(groups, live, kind_of, apart_people)
    name_start_forms(groups, live, kind_of, apart_people)
    initial_forms(groups, live, kind_of, apart_people)
    return Grouping(groups, dict(names), votes, count, merges, builtin_of)


def _node_key(name: str) -> str:
    """The name key, except that a short word is not the acronym it is spelled like: "Us" (a
    magazine, a pronoun) is kept apart from "US" when the built-in table knows only the
    acronym."""
    key = name_key(name)
    if len(key) <= 3 and builtin_alias(name, strict_case=True) is None and builtin_alias(key):
        return f"{key} word"
    return key


def _constraints(decisions: Sequence[Decision]) -> tuple[set[frozenset[str]], list]:
    """Apart pairs from splits and merges from merge decisions, later decisions winning."""
    apart: set[frozenset[str]] = set()
    merges: list[tuple[int, str, list[str]]] = []
    for d in decisions:
        if d.action == "split":
            pair = frozenset((d.args["alias"], d.args["from"]))
            merges = [(i, into, [k for k in keys if frozenset((k, into)) != pair])
                      for i, into, keys in merges]
            apart.add(pair)
        elif d.action == "merge":
            into = d.args["into"]
            apart -= {frozenset((k, into)) for k in d.args["keys"]}
            merges.append((d.id, into, list(d.args["keys"])))
    return apart, merges


def _builtin_for(by_name: dict[str, Counter], kind: str) -> tuple[str, str] | None:
    """The built-in entry for a key, unless the names are people (a person called "Jordan"
    is not the country) or their case says they are not the acronym ("Us")."""
    for name in sorted(by_name, key=lambda n: -sum(by_name[n].values())):
        hit = builtin_alias(name, strict_case=True)
        if hit and (kind != "person" or hit[1] == "organisation"):
            return hit
    return None


def _acronym_table(acronyms: Iterable[tuple[str, str]]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for short, full in acronyms:
        if name_key(short) and name_key(full):
            votes[name_key(short)][name_key(full)] += 1
    return {k: min(c, key=lambda f: (-c[f], f)) for k, c in votes.items()}


def _spelling_variants(groups: UnionFind, live: set[str], kind_of: dict,
                       together: Callable[[str, str], bool]) -> None:
    """Full person names that are spellings of one name are one actor: doubled letters
    ("Verbytskyy" / "Verbytsky"), transliteration vowels ("Mohammed Idris Faraj" / "Mohamed
    Idriss Faraj"), article particles ("Abdel Karim al-Nuri" / "Abdel-Karim Nuri")
    (:func:`graph.names.variants.same_spelling`)."""
    by_sound: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in sorted(live):
        if len(key.split()) >= 2 and kind_of[key] == "person":
            by_sound[spelling_key(key)].append(key)
    for keys in by_sound.values():
        for i, key in enumerate(keys[1:], start=1):
            first = next((k for k in keys[:i] if same_spelling(k, key)
                          and not together(k, key)), None)
            if first is not None:
                groups.union(key, first)


def _naming_patterns(groups: UnionFind, live: set[str], kind_of: dict, count: dict,
                     names: dict, together: Callable[[str, str], bool]) -> None:
    """Middle initials and names, descriptors in front of a name, acronyms of multi-word
    names, organisation short forms: joined when the shorter name has exactly one match in
    the corpus, or only names already joined as one actor
    (:func:`graph.names.variants.unambiguous`)."""
    items = [NameEntry(k, _best_label(names[k]), kind_of[k], count[k]) for k in sorted(names)]
    for c in unambiguous(items, groups.same):
        if c.short in live and not (c.rule in _PERSON_RULES and together(c.short, c.long)):
            groups.union(c.long, c.short) if c.into == c.short else groups.union(c.short,
                                                                                c.long)


def _short_names(groups: UnionFind, live: set[str], kind_of: dict, count: dict,
                 names: dict, together: Callable[[str, str], bool],
                 shares: Callable[[str, str], bool]) -> None:
    """A one-word person name with no full name of its own ("Han" in an article that never
    gives the full name) joins the person whose name starts or ends with it
    (:func:`graph.names.forms.name_parts`: never a father's name inside a patronymic) when
    that person is unambiguous: the only one, or mentioned at least twice as often as any
    other; never when two of those names are one name with different generational suffixes
    ("Smith" for "John Smith Jr." or "John Smith Sr."). A word that is clearly a given name
    joins only a name it ends ("Harlan" names "Bill Harlan"; "Bill" alone in another article
    names no "Bill Harlan"). Never a full name one article uses beside the short one: the
    article kept them apart ("Varga" beside his parent "Ilona Varga").

    The article that names only "Okafor" says nothing of which Okafor: the join needs its
    articles and the full name's to share evidence (``shares``,
    :func:`graph.resolution.evidence.shared_evidence`: another person or organisation
    named in both), else "Okafor" stays its own actor (the analyst is
    offered the merge, :mod:`graph.curation.suggest`). Only full names with that evidence
    are candidates, so evidence also picks one of several ("Kim" beside the colleagues of
    "Kim Min-jun", not of "Kim Soo-ah"). An Arabic family name with its article, alone
    ("al-Haddad"), is a lone family name too, of a full name of three words or more that
    ends with it ("Samir al-Haddad"), with the same evidence."""
    people = {k for k in live if len(k.split()) >= 2 and kind_of[k] == "person"}
    by_part, inner = name_parts({_best_label(names[k]): k for k in people})
    by_family: dict[str, list[str]] = defaultdict(list)  # "al haddad" -> "samir al haddad"
    for k in people:
        words = generation(k)[0].split()
        if len(words) >= 3 and words[-2] in _ARTICLES:
            by_family[" ".join(words[-2:])].append(k)
    for key in sorted(k for k in live if kind_of[k] == "person"):
        if " " in key:  # a family name with its article alone: "al-Haddad"
            keys = sorted(by_family.get(key, ())) if key.split()[0] in _ARTICLES else []
        else:
            labels = by_part.get(key) or (inner[key] if len(inner.get(key, ())) == 1 else None)
            keys = sorted({name_key(label) for label in labels or ()})
            if keys and given_name(key, strict=True):
                keys = [k for k in keys if generation(k)[0].split()[-1] == key]
        if not keys or any(together(key, k) for k in keys):
            continue
        if any(other_generation(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]):
            continue
        ranked = sorted((k for k in keys if shares(key, k)), key=lambda k: (-count[k], k))
        if not ranked:
            continue  # no evidence that the articles speak of one person
        if len(ranked) > 1 and count[ranked[0]] < 2 * count[ranked[1]]:
            continue  # two people the word may name: a split is safer than a wrong merge
        groups.union(key, ranked[0])


#: Arabic articles that begin a family name written alone ("al-Haddad", "el-Sayed").
_ARTICLES = frozenset({"al", "el"})


#: Evidence taken from a name alone (a gazetteer place, an organisation suffix), voted once
#: per distinct name; it counts for the type, not for the mentions.
_NAME = "name"


def _name_votes(by_name: dict[str, Counter]) -> Counter:
    out: Counter = Counter()
    for name in by_name:
        found = name_evidence(name)
        if found and found.evidence != "alias":  # the built-in table is applied apart
            out[(found.type, f"{_NAME}:{found.evidence}")] += 1
    return out


def _majority(votes: Counter) -> str:
    """The type the strongest evidence gives; among equally strong votes, the most counted
    (:func:`graph.names.actor_types.type_votes`): one wrong tag never outweighs a title or a
    gazetteer."""

    found = type_votes((kind, ev.removeprefix(f"{_NAME}:"), n) for (kind, ev), n in
                       votes.items())
    return found.type if found else ACTOR_TYPES[0]


def _best_label(by_name: dict[str, Counter]) -> str:
    """The most used spelling; ties go to the longer, then mixed-case one."""
    used = {n: sum(c.values()) for n, c in by_name.items()}
    return max(used, key=lambda n: (len(n.split()) >= 2, used[n], not n.isupper(), len(n), n))


def _actors(groups: UnionFind, names: dict, votes: dict, count: dict, merges: list,
            builtin_of: dict, decisions: Sequence[Decision]) -> list[ActorDef]:
    into_type = {d.id: d.args.get("into_type") for d in decisions if d.action == "merge"}
    into_label = {d.id: d.args.get("into_label") for d in decisions if d.action == "merge"}
    latest: dict[str, dict[str, Decision]] = defaultdict(dict)  # root -> action -> decision
    for d in decisions:
        key = d.args.get("key")
        if d.action in ("rename", "retype", "hide", "unhide") and key in groups.parent:
            slot = "hide" if d.action == "unhide" else d.action
            latest[groups.find(key)][slot] = d
    out = []
    for root, members in groups.members.items():
        keys = [k for k in members if k in names]
        if not keys:
            continue
        by_name: dict[str, Counter] = {}
        for k in keys:
            by_name.update(names[k])
        anchor, kind, label = _anchor(root, groups, builtin_of)
        merged_into = [i for i, into, _ in merges if into in members]
        if merged_into:  # the actor merged into keeps its label and type
            label = label or into_label.get(max(merged_into))
            kind = kind or into_type.get(max(merged_into))
        if kind is None:
            kind = _majority(sum((votes[k] for k in keys), Counter()))
            if kind == "person" and len(anchor.split()) == 1 and is_subdivision(anchor):
                kind = "place"  # a lone "person" word that is a known region or city
        mine = latest.get(root, {})
        if "retype" in mine:
            kind = mine["retype"].args["type"]
        label = mine["rename"].args["label"] if "rename" in mine else (
            label or _best_label(by_name))
        hidden = "hide" in mine and mine["hide"].action == "hide"
        out.append(ActorDef(id=actor_id(anchor), label=label, type=kind,
                            names=tuple(sorted(by_name)), mentions=sum(count[k] for k in keys),
                            hidden=hidden, key=anchor))
    return _unique_labels(out)


def _anchor(root: str, groups: UnionFind, builtin_of: dict) -> tuple[str, str | None,
                                                                   str | None]:
    """(anchor key, fixed type or None, fixed label or None) of a group."""
    anchor = groups.anchor[root][1]
    if anchor in builtin_of:
        name, kind = builtin_of[anchor]
        return anchor, kind, name
    return anchor, None, None


def _unique_labels(actors: list[ActorDef]) -> list[ActorDef]:
    """Labels are unique: the most mentioned actor keeps a shared label, the others get their
    type (and a number if needed) added."""
    taken: set[str] = set()
    out = []
    for a in sorted(actors, key=lambda a: (-a.mentions, a.id)):
        label, n = a.label, 2
        if label in taken:
            label = f"{a.label} ({a.type})"
            while label in taken:
                label, n = f"{a.label} ({a.type} {n})", n + 1
        taken.add(label)
        out.append(ActorDef(a.id, label, a.type, a.names, a.mentions, a.hidden, a.key))
    return out
